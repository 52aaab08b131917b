"""Paragraph breaks are sentence breaks.

Headlines, captions and credits stand on their own lines without a final period; left to
itself the parser runs a headline into the first paragraph and attaches the lead's verbs to
the headline's words. Runs before the parser, which keeps sentence starts set earlier.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("extractor_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_paragraphs


def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
