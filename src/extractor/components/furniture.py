"""Page furniture: the parts of a web page that are not the story.

Sign-up prompts, app promotions, "Advertisement", photo credits, author lines, datelines and
short headings between paragraphs name words that later components would take for people,
organizations or speech ("Newsletters", "Key Takeaways", "Gary Bennett" signing a letter). This
component marks them once, early, as character spans of the original text (`doc._.furniture`)
and flags their tokens (`token._.is_furniture`), so that no later component reads them.

Two kinds of evidence, both kept as data: patterns of known prompts and credits
(`models/furniture_patterns.txt`), and the shape of a heading, a short line of capitalised
words standing between paragraphs. A related-story headline in capitals that reports speech is
article text and is left alone: only short lines without a speech verb count as headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from extractor import lexicon
from extractor.annotations import CharSpan

_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_SENTENCE_END = tuple('.!?:;"”’)')


def register_furniture_extension() -> None:
    if not Token.has_extension("is_furniture"):
        Token.set_extension("is_furniture", default=False)


register_furniture_extension()


@Language.factory(
    "extractor_furniture",
    default_config={"max_heading_words": 4},
    assigns=["doc._.furniture", "token._.is_furniture"],
)
def make_furniture(nlp: Language, name: str, max_heading_words: int) -> FurnitureMarker:
    register_furniture_extension()
    return FurnitureMarker(max_heading_words)


class FurnitureMarker:
    """Sets `doc._.furniture` (sorted, non-overlapping (start, end) character spans) and
    `token._.is_furniture` for every token inside one."""

    def __init__(self, max_heading_words: int) -> None:
        self.max_heading_words = max_heading_words
        self.patterns = tuple(re.compile(p, re.MULTILINE) for p in lexicon.furniture_patterns())
        self.connectors = lexicon.lower_set("heading_connectors.txt")
        self.speech_verbs = frozenset(lexicon.cue_verbs())
        self.glued_heading = _glued_heading_pattern(
            sorted(w.capitalize() for w in lexicon.lower_set("sentence_openers.txt")),
            sorted(self.connectors),
            max_heading_words,
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = furniture_spans(doc.text, self)
        doc._.furniture = spans
        for token in doc:
            if _covered(token.idx, spans):
                token._.is_furniture = True
        return doc

    def pattern_spans(self, text: str) -> Iterator[CharSpan]:
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    yield match.start(), match.end()

    def glued_heading_spans(self, text: str) -> Iterator[CharSpan]:
        """Subheads and photo credits that lost their line breaks: capitalised words between a
        sentence's end and the capitalised opener of the next ("... Montanana. Unorthodox
        Approach The sparse ...")."""
        for match in self.glued_heading.finditer(text):
            yield match.start(1), match.start(1) + len(match.group(1).rstrip())

    def heading_spans(self, text: str) -> Iterator[CharSpan]:
        """Short lines of capitalised words between paragraphs, after the headline: subheads
        ("Key Takeaways"), a letter's signature ("Gary Bennett" / "Exeter"), a map legend."""
        offset = 0
        seen_headline = False
        for line in text.splitlines(keepends=True):
            start, content = offset, line.strip()
            offset += len(line)
            if not content:
                continue
            if not seen_headline:
                seen_headline = True  # the article's own headline is text, whatever its shape
                continue
            if self.is_heading(content):
                lead = len(line) - len(line.lstrip())
                yield start + lead, start + lead + len(content)

    def is_heading(self, line: str) -> bool:
        words = line.split()
        if not words or len(words) > self.max_heading_words or line.endswith(_SENTENCE_END):
            return False
        if any(mark in line for mark in "\"“”‘'’:"):
            return False  # "Putin's position", "Pieskow: A brilliant idea": a heading about someone
        letters = [w for w in words if _WORD.match(w)]
        if not letters:
            return False
        for word in letters:
            if not word[:1].isupper() and word.lower() not in self.connectors:
                return False
        # "PUTIN WARNS WEST": a headline that reports speech is text that can hold a quote.
        return not any(w.lower().strip(",") in self.speech_verbs for w in letters) and not any(
            w.lower().rstrip("s") in self.speech_verbs for w in letters
        )


def furniture_spans(text: str, marker: FurnitureMarker) -> list[CharSpan]:
    """Every furniture span of `text`, overlapping ones merged, in text order."""
    found = sorted(
        {
            *marker.pattern_spans(text),
            *marker.heading_spans(text),
            *marker.glued_heading_spans(text),
        }
    )
    merged: list[CharSpan] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _glued_heading_pattern(
    openers: list[str], connectors: list[str], max_words: int
) -> re.Pattern[str]:
    """A pattern for one to `max_words` capitalised words (each may bring a connector) glued
    between a sentence's end and one of `openers`; group 1 is the heading with its credit."""
    word = r"[A-Z][\w'’-]*(?:\.[\w'’-]+)*"  # "Approach", "U.S"; not "Senate." ending a sentence
    joined = "|".join(re.escape(c) for c in connectors)
    words = rf"(?:{word}(?:\s(?:{joined}))?\s){{1,{max_words}}}"
    credit = r"(?:/\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*\s)?"  # "Maxim Zmeyev / Reuters"
    opener = "|".join(re.escape(o) for o in openers)
    return re.compile(rf"[.!?][\"”’]?\s({words}{credit})(?=(?:{opener})\s)")


def _covered(offset: int, spans: list[CharSpan]) -> bool:
    return any(start <= offset < end for start, end in spans)
