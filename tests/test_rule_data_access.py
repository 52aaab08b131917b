"""Rule data in models/ is read through lexicon.py only: one place, once per process."""

from __future__ import annotations

import re

from extractor import lexicon
from extractor.resources import table

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


def test_a_seat_of_government_is_listed_once_in_seats_tsv() -> None:
    """The Kremlin is an institution that names a country and an organization, but those
    follow from its being a seat of government, which only seats.tsv says."""
    seats = set(lexicon.seats_of_government())
    assert {"Kremlin", "White House", "Downing Street"} <= seats
    assert seats & {name for name, _ in table("institutions.tsv")} == set()
    assert [row for row in table("organizations.tsv") if row[0] in seats and len(row) < 2] == []
    assert {name.lower() for name in seats} <= set(lexicon.institutions())
    assert seats <= {org.name for org in lexicon.organizations()}
