"""Typed views of the rule data in `models/`, built once and shared by the components."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry
from spacy.lang.en import English
from spacy.tokenizer import Tokenizer

from extractor.resources import data_dir, json_document, table, word_list


def _plural(demonym: str) -> str | None:
    """Return the plural of a demonym used as a noun ("Russians"), or None if it has none."""
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "i")) or " " in demonym:
        return None
    return demonym + "s"


@dataclass(frozen=True)
class CountryLexicon:
    names: dict[str, str]  # lower-cased name or alias -> code
    demonyms: dict[str, str]  # lower-cased demonym (and plural) -> code
    seats: dict[str, tuple[str, str]]  # lower-cased place -> (code, "capital" | "seat")
    display: dict[str, str]  # code -> name we print
    historical: frozenset[str]  # lower-cased modifiers that make a name historical
    # Every form as written in the data, with its code and kind ("name", "demonym", "capital",
    # "seat"): matchers tokenize these, and "U.S." tokenizes differently from "u.s.".
    forms: tuple[tuple[str, str, str], ...]

    def code_of(self, phrase: str) -> str | None:
        """Return the country code a name, demonym or seat stands for, or None."""
        key = phrase.lower()
        if key in self.names:
            return self.names[key]
        if key in self.demonyms:
            return self.demonyms[key]
        seat = self.seats.get(key)
        return seat[0] if seat else None

    def kind_of(self, phrase: str) -> str | None:
        """Return "name", "demonym", "capital" or "seat" for a phrase, or None."""
        key = phrase.lower()
        if key in self.names:
            return "name"
        if key in self.demonyms:
            return "demonym"
        seat = self.seats.get(key)
        return seat[1] if seat else None

    def name_of(self, code: str) -> str:
        if code in self.display:
            return self.display[code]
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return code
        return str(getattr(country, "common_name", None) or country.name)


@cache
def countries() -> CountryLexicon:
    forms: list[tuple[str, str, str]] = []
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                forms.append((value, country.alpha_2, "name"))
    forms += [(alias, code, "name") for alias, code in table("country_aliases.tsv")]
    for code, written in table("demonyms.tsv"):
        for form in written.split(","):
            forms.append((form, code, "demonym"))
            plural = _plural(form)
            if plural:
                forms.append((plural, code, "demonym"))
    forms += [(place, code, kind) for place, code, kind in table("seats.tsv")]
    names = {f.lower(): code for f, code, kind in forms if kind == "name"}
    demonyms = {f.lower(): code for f, code, kind in forms if kind == "demonym"}
    seats = {f.lower(): (code, kind) for f, code, kind in forms if kind in ("capital", "seat")}
    display: dict[str, str] = {code: name for code, name in table("country_names.tsv")}
    historical = frozenset(word.lower() for word in word_list("historical_modifiers.txt"))
    return CountryLexicon(names, demonyms, seats, display, historical, tuple(forms))


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]


@cache
def seats_of_government() -> dict[str, str]:
    """Return each seat of government as written in seats.tsv ("Kremlin", "White House") ->
    country code: the institutions that always stand for their government. seats.tsv is their
    one list; `institutions()` and `organizations()` take them from here."""
    return {place: code for place, code, kind in table("seats.tsv") if kind == "seat"}


@cache
def organizations() -> tuple[Organization, ...]:
    """Return the organizations of organizations.tsv, then every seat of government it does
    not list: a seat is a body the article may name ("the Kremlin said")."""
    listed = tuple(
        Organization(row[0], tuple(a for a in row[1].split("|") if a) if len(row) > 1 else ())
        for row in table("organizations.tsv")
    )
    names = {org.name for org in listed}
    seats = tuple(Organization(seat, ()) for seat in seats_of_government() if seat not in names)
    return listed + seats


@cache
def _tokenizer() -> Tokenizer:
    return English().tokenizer


@lru_cache(maxsize=4096)
def title_words(title: str) -> tuple[str, ...]:
    """Return a title's lower-cased words the way spaCy tokenizes text, so that the words
    compare one for one with a Doc's tokens: "Secretary-General" is ("secretary", "-",
    "general") and "Col." is ("col", "."), as they are in "UN Secretary-General António
    Guterres" and "Col. Yuriy Ignat". This is the one way titles are split into words."""
    return tuple(token.lower_ for token in _tokenizer()(title))


@cache
def title_tokens() -> tuple[tuple[str, ...], ...]:
    """Return every title of titles.txt split by `title_words`, longest first."""
    phrases = {title_words(title) for title in word_list("titles.txt")}
    return tuple(sorted(phrases, key=len, reverse=True))


def words_only(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return a title's words from `title_words` without the punctuation tokens between them:
    ("lt", "gen.") for "Lt. Gen.", ("secretary", "general") for "Secretary-General", ("col",)
    for "Col.". A word the tokenizer keeps whole with its full stop ("gen.") keeps it."""
    return tuple(word for word in words if any(c.isalnum() for c in word))


@cache
@cache
def regions() -> dict[tuple[str, ...], str]:
    """Return a region's or city's lower-cased words -> the country it lies in (regions.tsv)."""
    return {tuple(name.lower().split()): code for name, code in table("regions.tsv")}


def institutions() -> dict[str, str]:
    """Return lower-cased institution name -> country code: the seats of government, then the
    other institutions of institutions.tsv."""
    rows = [*seats_of_government().items(), *table("institutions.tsv")]
    return {name.lower(): code for name, code in rows}


@cache
def parties() -> dict[tuple[str, ...], str]:
    """Return a political party's lower-cased words -> the country whose politics it belongs
    to (parties.tsv)."""
    return {tuple(name.lower().split()): code for name, code in table("parties.tsv")}


@cache
def honorifics() -> dict[str, str | None]:
    return {word.lower(): (None if g == "-" else g) for word, g in table("honorifics.tsv")}


@cache
def gendered_titles() -> dict[str, str]:
    return {word.lower(): g for word, g in table("gendered_titles.tsv")}


@cache
def cue_verbs() -> dict[str, str]:
    """Return cue-verb lemma -> "speech" | "thought"."""
    return {lemma: kind for lemma, kind in table("cue_verbs.tsv")}


@cache
def lower_set(name: str) -> frozenset[str]:
    """Return a word list as a set of lower-cased entries."""
    return frozenset(word.lower() for word in word_list(name))


@cache
def approximators() -> dict[tuple[str, ...], bool]:
    """Return phrase words -> whether the figure is approximate."""
    return {
        tuple(p.lower().split()): kind == "approximate" for p, kind in table("approximators.tsv")
    }


# Each rule file read by a component has its accessor here, so that models/ is read in one
# place, once per process, whatever component asks.


@cache
def cue_verb_phrases() -> frozenset[tuple[str, str]]:
    """Verb + particle cues: ("made", "clear")."""
    return frozenset((verb, word) for verb, word in table("cue_verb_phrases.tsv"))


@cache
def cue_irregular_forms() -> dict[str, str]:
    """Irregular form of a cue verb -> its lemma."""
    return {form: lemma for form, lemma in table("cue_irregular_forms.tsv")}


@cache
def troop_nouns() -> tuple[tuple[str, str], ...]:
    """Personnel noun -> how surely it names troops."""
    return tuple((noun, strength) for noun, strength in table("troop_nouns.tsv"))


@cache
def person_evidence_weights() -> dict[str, float]:
    return {name: float(weight) for name, weight in table("person_evidence.tsv")}


@cache
def furniture_patterns() -> tuple[str, ...]:
    return word_list("furniture_patterns.txt")


@cache
def plural_titles() -> dict[str, str]:
    return {plural: title for plural, title in table("plural_titles.tsv")}


@cache
def alias_markers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.lower().split()) for line in word_list("alias_markers.txt"))


@cache
def title_countries() -> dict[str, str]:
    return {title.lower(): code for title, code in table("title_countries.tsv")}


@cache
def named_forces() -> dict[str, str]:
    """An armed group's name (lower case) -> the country it fights for."""
    return {name.lower(): code for name, code in table("named_forces.tsv")}


@cache
def polish_spellings() -> tuple[tuple[str, str], ...]:
    """(Polish spelling, English spelling) pairs for names in translated copy, in order."""
    return tuple((polish, english) for polish, english in table("polish_spellings.tsv"))


@cache
def public_figure_rows() -> tuple[tuple[str, ...], ...]:
    return table("public_figures.tsv")


@cache
def document_nouns() -> dict[str, str]:
    """Document noun -> whose it usually is ("body", "person", "any", "none")."""
    return {noun.lower(): owner for noun, owner in table("document_nouns.tsv")}


@cache
def title_abbreviations() -> dict[str, str]:
    return {short: full for short, full in table("title_abbreviations.tsv")}


@cache
def description_words() -> dict[str, tuple[str, ...]]:
    """A describing word ("diplomat", "chief") -> the titles it stands for."""
    return {
        word.lower(): tuple(titles.split("|")) for word, titles in table("description_words.tsv")
    }


@cache
def source_phrases() -> tuple[tuple[str, ...], ...]:
    """Phrases that introduce the source of a statement ("according to"), as lower-case words."""
    return tuple(tuple(line.lower().split()) for line in word_list("cue_phrases.txt"))


ATTRIBUTION_WEIGHTS = "attribution_weights.json"


@cache
def attribution_weights() -> Mapping[str, Any] | None:
    """The fitted attribution confidence model as stored (weights, intercept, threshold), or
    None before one has been fitted (`make train` writes it)."""
    document = json_document(ATTRIBUTION_WEIGHTS)
    return None if document is None else dict(document)


def rule_file_path(name: str) -> Path:
    """The path of one rule file, for the training scripts that refit and rewrite it; every
    read goes through the accessors above."""
    return data_dir() / name


@cache
def tokenizer_infixes() -> tuple[str, ...]:
    return word_list("tokenizer_infixes.txt")
