"""Rule data in models/ is read through lexicon.py only: one place, once per process, and
never while a module is imported."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

from extractor import lexicon
from extractor.resources import data_dir, table

from .conftest import ROOT

SOURCE = ROOT / "src" / "extractor"
# The readers of resources.py, and the folder itself: only lexicon.py may name them.
DIRECT = re.compile(
    r"from extractor\.resources import .*\b(table|word_list|json_document|data_dir|_text)\b"
    r"|resources\.(table|word_list|json_document|data_dir|_text)\b"
    r"|\bdata_dir\("
)
RULE_FILES = frozenset(path.name for path in data_dir().iterdir() if path.is_file())


def modules() -> list[tuple[str, str]]:
    return [
        (path.relative_to(SOURCE).as_posix(), path.read_text(encoding="utf-8"))
        for path in SOURCE.rglob("*.py")
        if path.name not in ("lexicon.py", "resources.py")
    ]


def test_no_module_but_lexicon_reads_rule_files_directly() -> None:
    assert [name for name, text in modules() if DIRECT.search(text)] == []


def test_a_rule_file_is_named_only_to_ask_lexicon_for_it() -> None:
    """ "confidence.py opens attribution_weights.json itself" is what this catches: a rule
    file's name outside lexicon.py stands only as the argument of a lexicon call."""
    stray = []
    for name, text in modules():
        tree = ast.parse(text)
        asked = {
            id(argument)
            for call in ast.walk(tree)
            if isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "lexicon"
            for argument in call.args
        }
        stray += [
            f"{name}:{node.lineno} {node.value}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in RULE_FILES and id(node) not in asked
        ]
    assert stray == []


# Imports every module of the package with the one reader of models/ watched, and prints the
# files read, with the module that asked for each.
WATCH_IMPORTS = """
import json, pkgutil, importlib, traceback, sys
import extractor, extractor.resources as resources
reads = []
original = resources._text
def watched(name):
    frames = [f for f in traceback.extract_stack()[:-1] if "/extractor/" in f.filename]
    reads.append([name, frames[0].filename.split("/extractor/")[-1] if frames else "?"])
    return original(name)
resources._text = watched
for module in pkgutil.walk_packages(extractor.__path__, "extractor."):
    if not module.name.startswith("extractor.training"):  # (needs scikit-learn)
        importlib.import_module(module.name)
print(json.dumps(reads))
"""


def test_importing_the_package_reads_no_rule_file() -> None:
    """A rule file is read when the component that uses it is created, never on import
    (`ALWAYS_CUES` once read cue_irregular_forms.tsv when quoting/cues.py was imported)."""
    run = subprocess.run(
        [sys.executable, "-c", WATCH_IMPORTS], capture_output=True, text=True, check=True
    )
    assert json.loads(run.stdout) == []


def test_a_seat_of_government_is_listed_once_in_seats_tsv() -> None:
    """The Kremlin is an institution that names a country and an organization, but those
    follow from its being a seat of government, which only seats.tsv says."""
    seats = set(lexicon.seats_of_government())
    assert {"Kremlin", "White House", "Downing Street"} <= seats
    assert seats & {name for name, _ in table("institutions.tsv")} == set()
    assert [row for row in table("organizations.tsv") if row[0] in seats and len(row) < 2] == []
    assert {name.lower() for name in seats} <= set(lexicon.institutions())
    assert seats <= {org.name for org in lexicon.organizations()}


# Builds the pipeline, then runs articles through it with the one reader of models/ watched,
# and prints each file read while processing with the component that asked for it.
WATCH_PROCESSING = """
import json, sys, traceback
import extractor.resources as resources
from extractor.pipeline import build_pipeline
reads, processing = [], False
original = resources._text
def watched(name):
    if processing:
        stack = [f.filename for f in traceback.extract_stack()]
        frames = [f for f in stack if "/extractor/components/" in f]
        reads.append([frames[0].split("/extractor/")[-1] if frames else "?", name])
    return original(name)
resources._text = watched
nlp = build_pipeline()
processing = True
for path in sys.argv[1:]:
    nlp(open(path, encoding="utf-8").read())
print(json.dumps(reads))
"""


def test_processing_an_article_reads_no_rule_file() -> None:
    """Every rule file is read when the component that uses it is created: processing an
    article reads none, in any component (SpeakerResolver, made per article, once read eight
    word lists; the people component once read its name particles at the first article)."""
    articles = sorted(str(path) for path in (ROOT / "tests" / "gold").glob("*.txt"))[::12]
    run = subprocess.run(
        [sys.executable, "-c", WATCH_PROCESSING, *articles],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout) == []
