"""Pair quotation marks in raw text: curly and straight, double and single, across paragraphs.

Works on characters, not tokens, so that a stray mark can only spoil its own paragraph:
an opening mark left unclosed at a paragraph's end either continues into the next paragraph
(which then reopens with a mark, the newspaper convention for long quotes) or ends there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.quoting.settings import QuoteSettings

DOUBLE_OPENING = "“„«"
DOUBLE_CLOSING = "”»"
DOUBLE_STRAIGHT = '"'
SINGLE_OPENING = "‘"
SINGLE_CLOSING = "’"
SINGLE_STRAIGHT = "'"
_BEFORE_OPENING = "([{—–-/:"
_AFTER_CLOSING = ",.;:!?)]}—–-…"
_EMBED_CAPTION = re.compile(r"\d{1,2}:\d{2}\s")


@dataclass(frozen=True)
class MarkedSpan:
    """A quoted span: text[open+1:close] is the quote. `open` indexes the opening mark;
    `close` the closing mark, or, for a quote left open, the end of its paragraph."""

    open: int
    close: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def end(self) -> int:
        """Just past the quote and its closing mark, if it has one."""
        return self.close + 1 if self.closed else self.close


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each non-empty line: a paragraph in our articles."""
    spans = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        if line.strip():
            spans.append((start, end))
        start += len(line)
    return spans


def _role(text: str, i: int, start: int, end: int, opening: str, closing: str) -> str:
    """Return "open", "close" or "either" for the mark at text[i]."""
    previous = text[i - 1] if i > start else ""
    following = text[i + 1] if i + 1 < end else ""
    left_free = previous == "" or previous.isspace() or previous in _BEFORE_OPENING
    right_free = following == "" or following.isspace() or following in _AFTER_CLOSING
    mark = text[i]
    if mark in opening:
        return "close" if right_free and not left_free else "open"
    if mark in closing:
        # Some sources type a closing mark where they mean an opening one (”Word…).
        return "open" if left_free and not right_free else "close"
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    return "either"


def double_quotes(text: str, settings: QuoteSettings) -> list[MarkedSpan]:
    """Return the double-quoted spans of a text, in order; nested marks are not paired."""
    marks = DOUBLE_OPENING + DOUBLE_CLOSING + DOUBLE_STRAIGHT
    found: list[MarkedSpan] = []
    pending: int | None = None
    paras = paragraphs(text)
    for number, (start, end) in enumerate(paras):
        continuing = pending is not None
        for i in range(start, end):
            if text[i] not in marks:
                continue
            role = _role(text, i, start, end, DOUBLE_OPENING, DOUBLE_CLOSING)
            if continuing and role != "close" and not text[start:i].strip():
                continuing = False  # the mark that reopens a quote running over paragraphs
                continue
            continuing = False
            if role == "open" or (role == "either" and pending is None):
                pending = i  # an earlier unclosed opening was stray: this one replaces it
            elif pending is not None:
                found.append(MarkedSpan(pending, i))
                pending = None
        if pending is None:
            continue
        following = _next_body_paragraph(text, paras, number)
        if following and text[following[0]] in DOUBLE_OPENING + DOUBLE_STRAIGHT:
            continue  # the quote runs on into the next paragraph
        if len(text[pending + 1 : end].split()) >= settings.min_unclosed_quote_words:
            found.append(MarkedSpan(pending, end, closed=False))
        pending = None
    return found


def _next_body_paragraph(
    text: str, paras: list[tuple[int, int]], number: int
) -> tuple[int, int] | None:
    """Return the paragraph after `number`, skipping embedded video captions ("0:59 ... video")
    that web pages drop into the middle of a long quote."""
    for start, end in paras[number + 1 :]:
        if not _EMBED_CAPTION.match(text, start, end):
            return start, end
    return None


def single_quotes(
    text: str, outside: list[MarkedSpan], settings: QuoteSettings
) -> list[MarkedSpan]:
    """Return single-quoted spans that are not inside a double-quoted span.

    A closing ’ is also the apostrophe, so a closing mark counts only when it is not followed
    by a letter ("don’t", "Russia’s") and an opening mark is pending nearby.
    """
    inside = [range(s.open, s.close + 1) for s in outside]
    found: list[MarkedSpan] = []
    for start, end in paragraphs(text):
        pending: int | None = None
        for i in range(start, end):
            mark = text[i]
            if mark not in SINGLE_OPENING + SINGLE_CLOSING + SINGLE_STRAIGHT:
                continue
            if any(i in r for r in inside):
                continue
            previous = text[i - 1] if i > start else ""
            following = text[i + 1] if i + 1 < end else ""
            opens = (previous == "" or previous.isspace() or previous in _BEFORE_OPENING) and (
                following.isalnum()
            )
            closes = (following == "" or following.isspace() or following in _AFTER_CLOSING) and (
                previous != "" and not previous.isspace()
            )
            if (mark == SINGLE_OPENING and opens) or (
                mark == SINGLE_STRAIGHT and opens and pending is None
            ):
                pending = i
            elif closes and pending is not None and mark != SINGLE_OPENING:
                if i - pending <= settings.max_single_quote_chars and i - pending > 1:
                    found.append(MarkedSpan(pending, i))
                pending = None
    return found


def quoted_spans(text: str, settings: QuoteSettings) -> list[MarkedSpan]:
    """Return every top-level quoted span of a text, double and single, in text order."""
    doubles = double_quotes(text, settings)
    return sorted(doubles + single_quotes(text, doubles, settings), key=lambda s: s.open)
