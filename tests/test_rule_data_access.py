"""Rule data in models/ is read through lexicon.py only: one place, once per process."""

from __future__ import annotations

import re

from .conftest import ROOT

SOURCE = ROOT / "src" / "extractor"
DIRECT = re.compile(
    r"from extractor\.resources import .*\b(table|word_list)\b|resources\.(table|word_list)\("
)


def test_no_module_but_lexicon_reads_rule_tables_directly() -> None:
    readers = [
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.py")
        if path.name not in ("lexicon.py", "resources.py")
        and DIRECT.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []
