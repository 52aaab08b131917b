"""Group the mentions of one person and give the group its name.

"Vladimir Putin", "Putin" and "President Putin’s" are one person; so are a name and the alias
the article gives it ("Girkin, better known by his assumed name Strelkov"), two spellings of
one known figure ("Zelensky"/"Zelenskyy"), a surname misspelled once ("Pskai"/"Psaki") and a
family name written first ("Ban Ki-moon ... Ban said"). Mentions the model missed are
recovered where a clustered surname appears again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from extractor.linguistics.credits import skipped
from extractor.linguistics.public_figures import Figure, PublicFigures
from extractor.people.mentions import Mention, MentionReader, hyphen_run_end
from extractor.people.settings import PeopleSettings
from extractor.people.words import (
    NOT_NAME_POS,
    NOT_PERSON_LABELS,
    NameWords,
    capitalized_word,
    first_name_gender,
)


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def longest(self) -> tuple[str, ...]:
        named = [m for m in self.mentions if not m.alias] or self.mentions
        return max((m.words for m in named), key=lambda w: (len(w), len(" ".join(w))))

    @property
    def surname(self) -> str:
        return self.longest[-1]


def cluster(mentions: list[Mention], min_slip_length: int) -> list[Cluster]:
    """Group mentions of one person: full names first, then lone names by surname (or one
    typing slip from it, in a surname of at least `min_slip_length` letters)."""
    clusters: list[Cluster] = []
    singles: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if len(m.words) == 1:
            singles.append(m)
            continue
        target = match_cluster(m.words, clusters, min_slip_length)
        if target is None:
            target = Cluster()
            clusters.append(target)
        target.mentions.append(m)
    for m in singles:
        candidates = [c for c in clusters if c.surname == m.words[0]]
        if not candidates:
            candidates = [c for c in clusters if len(c.longest) == 1 and c.longest == m.words]
        if not candidates:
            # "Jen Pskai" once, then "Psaki" throughout: one person, one slip of the keyboard.
            candidates = [
                c
                for c in clusters
                if len(c.longest) > 1 and one_slip_apart(c.surname, m.words[0], min_slip_length)
            ]
        if candidates:
            target = named_last(candidates, m.start)
        else:
            target = Cluster()
            clusters.append(target)
        target.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return clusters


def named_last(candidates: list[Cluster], position: int) -> Cluster:
    """Of people sharing a surname, the one named most recently before `position` (or the
    first named, when none was named before it)."""

    def last_before(c: Cluster) -> int:
        return max((m.start for m in c.mentions if m.start < position), default=-1)

    return max(candidates, key=last_before)


def match_cluster(
    words: tuple[str, ...], clusters: list[Cluster], min_slip_length: int
) -> Cluster | None:
    """Return the cluster a multi-word name belongs to: same surname, compatible first name."""
    for c in clusters:
        other = c.longest
        if other[-1] != words[-1]:
            # "Wołodymyr Zelanski" ... "Wołodymyr Zelnski": the same full first name and a
            # surname with one letter dropped inside it is a slip of the same name.
            full_first = len(words) > 1 and len(other) > 1 and len(words[0]) > 2
            if (
                full_first
                and words[0] == other[0]
                and one_letter_dropped(words[-1], other[-1], min_slip_length)
            ):
                return c
            continue
        if len(words) == 1 or len(other) == 1 or _same_first(words[0], other[0]):
            return c
        # "Beth Van Schaack" ... "Van Schaack", "Anders Fogh Rasmussen" ... "Fogh Rasmussen":
        # the shorter name is how the longer one ends.
        shorter, longer = sorted((words, other), key=len)
        if len(shorter) < len(longer) and longer[-len(shorter) :] == shorter:
            return c
    return None


def _same_first(a: str, b: str) -> bool:
    """ "Joe"/"Joe", or an initial: "J."/"Joe"."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def one_slip_apart(a: str, b: str, min_length: int) -> bool:
    """Whether two surnames differ by two neighbouring letters swapped, the commonest typing
    slip ("Pskai"/"Psaki"). A letter more or less, or another letter, makes another name
    ("Prokhorov"/"Prokhorova", "Marin"/"Martin"); names shorter than `min_length` are left
    alone."""
    if a == b or len(a) != len(b) or len(a) < min_length:
        return False
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and a[diffs[0]] == b[diffs[1]]
        and a[diffs[1]] == b[diffs[0]]
    )


def one_letter_dropped(a: str, b: str, min_length: int) -> bool:
    """Whether one surname is the other with one letter inside it left out ("Zelanski" /
    "Zelnski"); a letter more at the end makes another name ("Prokhorov"/"Prokhorova")."""
    shorter, longer = sorted((a, b), key=len)
    if len(longer) != len(shorter) + 1 or len(shorter) < min_length:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1))


def fold_lone_names(
    clusters: list[Cluster],
    owner_of: Callable[[Cluster], Cluster | None],
    names: Callable[[Cluster], bool] = lambda c: len(c.longest) == 1,
) -> list[Cluster]:
    """Move the mentions of each cluster `names` picks (one-word clusters by default) that
    `owner_of` gives an owner into that owner; return the clusters that remain."""
    kept = []
    for c in clusters:
        owner = owner_of(c) if names(c) else None
        if owner is not None and owner is not c:
            owner.mentions.extend(c.mentions)
            owner.mentions.sort(key=lambda m: m.start)
        else:
            kept.append(c)
    return kept


def merge_known_figures(clusters: list[Cluster], figures: PublicFigures) -> list[Cluster]:
    """ "Xi Jinping ... Putin and Xi": a lone name that a known figure goes by joins the
    full name of that figure, wherever the family name stands."""
    full: dict[Figure, Cluster] = {}
    for c in clusters:
        if len(c.longest) > 1:
            figure = figures.find(c.longest)
            if figure is not None:
                full.setdefault(figure, c)

    def owner(c: Cluster) -> Cluster | None:
        figure = figures.find(c.longest)
        return full.get(figure) if figure is not None else None

    clusters = fold_lone_names(clusters, owner)
    # "Volodymyr Zelensky" ... "Volodymyr Zelenskyy": two spellings of one known figure.
    return fold_lone_names(clusters, owner, names=lambda c: len(c.longest) > 1)


def merge_family_names(clusters: list[Cluster]) -> list[Cluster]:
    """ "Ban Ki-moon ... Ban said": a lone name that is the first word of one full name,
    and no first name a name list knows, is that person's family name written first."""

    def owner(c: Cluster) -> Cluster | None:
        word = c.longest[0]
        if first_name_gender(word) is not None:
            return None  # "Andrey" alone may be any Andrey
        full = [o for o in clusters if len(o.longest) > 1 and o.longest[0] == word]
        return full[0] if len(full) == 1 else None

    return fold_lone_names(clusters, owner)


def aliases(
    doc: Doc,
    clusters: list[Cluster],
    markers: tuple[tuple[str, ...], ...],
    settings: PeopleSettings,
) -> dict[str, Cluster]:
    """Other names the article gives a person: "Girkin, a Russian better known by his
    assumed name Strelkov" -> {"Strelkov": Girkin's cluster}. `markers`: what stands between
    a name and its alias, longest first (`NameWords.alias_markers`), read within
    `settings.alias_window` tokens after the name."""
    found: dict[str, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            sentence_end = doc[m.end - 1].sent.end
            window = doc[m.end : min(sentence_end, m.end + settings.alias_window)]
            words = [t.lower_ for t in window]
            for marker in markers:
                at = _find(words, marker)
                if at is None:
                    continue
                # "Girkin, a Russian better known by his assumed name Strelkov", not
                # "Kallas met Stoltenberg, also known as Jens": nothing that starts a
                # clause or names someone else stands between the name and the marker.
                describes = not any(
                    t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("PERSON", "ORG", "GPE")
                    for t in window[:at]
                )
                after = window.start + at + len(marker)
                alias = _alias_after(doc, after, settings.max_name_tokens)
                if describes and alias:
                    # "whose real name is Igor Girkin": the full alias, and its surname
                    # when it stands alone later ("Girkin said").
                    found.setdefault(" ".join(alias), c)
                    found.setdefault(alias[-1], c)
                break
    return found


def _find(words: list[str], phrase: tuple[str, ...]) -> int | None:
    for i in range(len(words) - len(phrase) + 1):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return i
    return None


def _alias_after(doc: Doc, start: int, max_tokens: int) -> tuple[str, ...]:
    """The name right after an alias marker, up to `max_tokens` capitalised words, or ()."""
    words: list[str] = []
    for token in doc[start : start + max_tokens]:
        if not capitalized_word(token) or token.ent_type_ in NOT_PERSON_LABELS:
            break
        words.append(token.text)
    return tuple(words)


def merge_aliases(clusters: list[Cluster], aliases: dict[str, Cluster]) -> list[Cluster]:
    """Fold the mentions of a name that is another's alias ("Strelkov", "Vadim Shevtsov") into
    that person, marked as aliases so that the person keeps their own name."""
    kept = []
    for c in clusters:
        written = " ".join(c.longest)
        owner = aliases.get(written)
        if owner is None and len(c.longest) == 1:
            owner = aliases.get(c.longest[0])
        if owner is not None and owner is not c:
            for m in c.mentions:
                m.alias = True
            owner.mentions.extend(c.mentions)
            owner.mentions.sort(key=lambda m: m.start)
        else:
            kept.append(c)
    return kept


def recover_mentions(
    doc: Doc,
    clusters: list[Cluster],
    excluded: list[range],
    aliases: dict[str, Cluster],
    reader: MentionReader,
    min_slip_length: int,
) -> None:
    """Add mentions the model missed or mislabelled: "Reznikov" tagged ORG, "Zelensky’s",
    and a name's alias ("Strelkov")."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    by_surname: dict[str, list[Cluster]] = {}
    for c in clusters:
        by_surname.setdefault(c.surname, []).append(c)
    for alias, owner in aliases.items():
        by_surname.setdefault(alias, [owner])
    for token in doc:
        # "BIDEN WARNS RUSSIA": a headline in capitals names the same people.
        written = token.text.title() if token.is_upper and len(token) > 1 else token.text
        last = hyphen_run_end(token)
        if last.i > token.i:
            written = doc[token.i : last.i + 1].text  # "Cranny-Evans" is three tokens
        if token.i in covered or written not in by_surname:
            continue
        if token.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            continue
        if token.is_sent_start and token.pos_ in NOT_NAME_POS:
            continue  # "Fix the roads" is not Liana Fix
        if skipped(doc[token.i : token.i + 1], excluded):
            continue
        start = _name_start(token, covered, reader.names)
        span = doc[start : last.i + 1]
        if not reader.looks_like_name(span):
            continue
        candidates = by_surname[written]
        words = tuple(span.text.split())
        target = (
            match_cluster(words, candidates, min_slip_length) if len(words) > 1 else None
        ) or named_last(candidates, span.start)
        target.mentions.append(reader.make_mention(span))
        covered.update(range(span.start, span.end))
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)


def _name_start(token: Token, covered: set[int], names: NameWords) -> int:
    """Extend a surname left over first names written before it ("Oleksii Reznikov"),
    and only over first names: not "President Biden", not "Joining Biggs"."""
    start = token.i
    while start > 0:
        previous = token.doc[start - 1]
        if previous.i in covered or not names.is_first_name_token(previous):
            break
        start -= 1
    return start


def canonical_name(c: Cluster, figures: PublicFigures, min_slip_length: int) -> str:
    """The longest name the article uses, its surname spelled as the article spells it most
    often ("Jen Pskai" written once, "Psaki" six times, is "Jen Psaki"), or, when spellings
    tie, as a known public figure's name is spelled."""
    longest = next(m for m in c.mentions if m.words == c.longest)
    name = " ".join(longest.words)
    # Only spellings one slip apart are the same surname; an alias ("Strelkov") is not.
    spellings = Counter(
        m.words[-1]
        for m in c.mentions
        if m.words[-1] == c.surname or one_slip_apart(m.words[-1], c.surname, min_slip_length)
    )
    top = max(spellings.values())
    usual = [word for word, count in spellings.items() if count == top]
    if c.surname in usual and len(usual) > 1:
        first = c.longest[:-1]
        known = [w for w in usual if w != c.surname and figures.exact((*first, w))]
        usual = known or [c.surname]
    if c.surname not in usual:
        name = name[: len(name) - len(c.surname)] + usual[0]
    return name
