"""Public figures: the country a well-known person acts for, when the article does not say.

"President Biden said" ties Biden to no country in words, yet every reader knows whom he acts
for. `models/public_figures.tsv` lists such people; a name matches an entry by its full name
or another spelling of it ("Volodymyr Zelenskiy"), by surname and first name when the first
name is one letter off or an initial ("Vladamir Putin", "S. Jaishankar"), or by surname alone when
the entry says the surname alone identifies the person ("Lavrov said").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from extractor import lexicon


@dataclass(frozen=True)
class Figure:
    name: str
    country: str
    gender: str
    surname_alone: bool


def name_key(words: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Lower-case words without accents or full stops: "Mevlüt Çavuşoğlu" -> mevlut cavusoglu."""
    keys = []
    for word in words:
        decomposed = unicodedata.normalize("NFKD", word)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        plain = plain.casefold().replace(".", "")
        if plain:
            keys.append(plain)
    return tuple(keys)


class PublicFigures:
    def __init__(
        self,
        rows: tuple[tuple[str, ...], ...],
        polish_spellings: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """`rows`: public_figures.tsv; `polish_spellings`: (Polish, English) spelling pairs,
        in the order they are applied, for names in copy translated from Polish."""
        self.polish_spellings = polish_spellings
        self.by_name: dict[tuple[str, ...], Figure] = {}
        self.by_surname: dict[str, list[tuple[tuple[str, ...], Figure]]] = {}
        for row in rows:
            name, country, gender, alone = row[:4]
            figure = Figure(name, country, gender, alone == "y")
            spellings = [name] + [s for s in (row[4].split("|") if len(row) > 4 else []) if s]
            family = name_key((row[5],)) if len(row) > 5 and row[5] else None
            for spelling in spellings:
                key = name_key(spelling.split())
                self.by_name[key] = figure
                if family:
                    # "Xi Jinping": the family name comes first, and only it stands alone.
                    self.by_surname.setdefault(family[0], []).append((family, figure))
                else:
                    self.by_surname.setdefault(key[-1], []).append((key, figure))

    def exact(self, words: tuple[str, ...]) -> Figure | None:
        """Return the figure a name is written exactly as (accents and case aside), or None."""
        return self.by_name.get(name_key(words))

    def find(self, words: tuple[str, ...]) -> Figure | None:
        """Return the one figure a name can only mean, or None; a name spelled as copy
        translated from Polish spells it ("Siergiej Ławrow") is tried in English too."""
        found = self._find(words)
        if found is None:
            english = tuple(english_spelling(word, self.polish_spellings) for word in words)
            if english != tuple(w.lower() for w in words):
                found = self._find(english)
        return found

    def _find(self, words: tuple[str, ...]) -> Figure | None:
        key = name_key(words)
        if not key:
            return None
        if key in self.by_name:
            return self.by_name[key]
        candidates = self.by_surname.get(key[-1], [])
        if len(key) == 1:
            found = {figure for _, figure in candidates if figure.surname_alone}
        else:
            found = {
                figure
                for spelled, figure in candidates
                if len(spelled) > 1 and _same_first(spelled[0], key[0])
            }
        return found.pop() if len(found) == 1 else None


def english_spelling(word: str, polish_spellings: tuple[tuple[str, str], ...]) -> str:
    """A name's word as English news would transliterate it from its Polish spelling."""
    spelled = word.lower()
    for polish, english in polish_spellings:
        if polish.endswith("$"):
            if spelled.endswith(polish[:-1]):
                spelled = spelled[: -len(polish) + 1] + english
        else:
            spelled = spelled.replace(polish, english)
    return spelled


def _same_first(a: str, b: str) -> bool:
    """Whether two first names can be one: an initial ("S." Jaishankar) or a spelling one
    letter off ("Vladamir"/"Vladimir"); "Michelle" is not "Michael", nor "Alexandra"
    "Alexander"."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[0] == b[0] and _within_one_edit(a, b)


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@cache
def public_figures() -> PublicFigures:
    return PublicFigures(lexicon.public_figure_rows(), lexicon.polish_spellings())
