"""Small questions about a parse that several components ask."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor import lexicon

_LINES_KEY = "extractor.lines"


@dataclass(frozen=True)
class SourcePhrases:
    """The phrases that introduce the source of a statement ("according to", "in the words
    of"; models/cue_phrases.txt), as lower-case words."""

    phrases: tuple[tuple[str, ...], ...]
    openers: frozenset[str]  # their first words: most tokens are ruled out by these

    @classmethod
    def load(cls) -> SourcePhrases:
        phrases = lexicon.source_phrases()
        return cls(phrases, frozenset(words[0] for words in phrases))


def in_capitals_line(token: Token) -> bool:
    """True when the token stands on a line in capitals: a headline or a related-story link."""
    starts, capitals = _lines(token.doc)
    return capitals[bisect.bisect_right(starts, token.idx) - 1]


def _lines(doc: Doc) -> tuple[list[int], list[bool]]:
    """Each line's start and whether it is in capitals, worked out once per Doc."""
    cached = doc.user_data.get(_LINES_KEY)
    if cached is None:
        starts, capitals, offset = [], [], 0
        for line in doc.text.splitlines(keepends=True) or [""]:
            starts.append(offset)
            capitals.append(not any(ch.islower() for ch in line))
            offset += len(line)
        cached = doc.user_data[_LINES_KEY] = (starts, capitals)
    return cached


def is_main_subject(token: Token, sources: SourcePhrases) -> bool:
    """True for the subject of a sentence's main clause, or a name in apposition to it
    ("The Ukrainian president, Volodymyr Zelenskiy, ... said"), or the source of "according
    to Alexander Khramchikhin, ...", who is as much the one speaking."""
    if token.dep_ == "appos":
        token = token.head
    if is_phrase_source(token, sources):
        return True
    while token.dep_ in ("compound", "flat"):
        token = token.head
    # In "Stoltenberg and Johnson confirmed", only the first is taken as the subject: a later
    # "he" is as likely either, and news resolves it to the first named.
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def word_span(token: Token) -> Span:
    """The Span of one token: a cue or a speaker named by a single word ("said", "he")."""
    return token.doc[token.i : token.i + 1]


def entity_of(token: Token) -> Span | None:
    """The entity a token is part of, found from the token's IOB tags."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def closing_name(noun: Token, person_at: dict[int, str]) -> str | None:
    """The person whose name closes a title's phrase: "the chief of Ukraine’s General
    Military Staff Viktor Muzhenko" -> Muzhenko; not "the spokesman for Putin"."""
    last = noun.right_edge
    while last.i > noun.i and last.is_punct:
        last = last.doc[last.i - 1]
    if last.i == noun.i or last.i not in person_at:
        return None
    if last.dep_ == "pobj" and last.head.lower_ != "of":
        return None  # "the spokesman for Putin" is someone else
    return person_at[last.i]


def sentences_back(token: Token, count: int) -> int:
    """The character offset where the sentence `count` sentences before the token's starts
    (the first sentence's, when there are fewer)."""
    doc = token.doc
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return doc[start].idx


def sentences_ahead(token: Token, count: int) -> int:
    """The character offset where the sentence `count` sentences after the token's ends (the
    last sentence's, when there are fewer)."""
    doc = token.doc
    end = token.sent.end
    for _ in range(count):
        if end >= len(doc):
            break
        end = doc[end].sent.end
    last = doc[end - 1]
    return last.idx + len(last)


def source_phrase_from(first: Token, sources: SourcePhrases) -> tuple[Token, Token] | None:
    """For the first word of a phrase that introduces a source ("according to X", "in the
    words of X"), the phrase's last word and the source X."""
    if first.lower_ not in sources.openers:
        return None  # (asked of every token of an article: most end here)
    doc = first.doc
    for words in sources.phrases:
        end = first.i + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[first.i : end]) == words:
            last = doc[end - 1]
            source = next((c for c in last.children if c.dep_ == "pobj"), None)
            if source is not None:
                return last, source
    return None


def is_phrase_source(token: Token, sources: SourcePhrases) -> bool:
    """True for X in "according to X": the source a phrase of `sources` names."""
    if token.dep_ != "pobj":
        return False
    last = token.head
    for words in sources.phrases:
        start = last.i - len(words) + 1
        if start >= 0 and tuple(t.lower_ for t in token.doc[start : last.i + 1]) == words:
            return True
    return False


def is_definite(noun: Token) -> bool:
    """ "the president", "Russia's president": a noun that refers to one already known; not
    "a president" or "presidents"."""
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in noun.children)
