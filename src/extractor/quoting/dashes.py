"""Find direct speech set off by dashes, as Polish, Ukrainian and Russian copy (and its machine
translations) write it: "- We will answer firmly - the chancellor said."

Works on characters, like `marks`, and is conservative: a missed dash quote costs less than a
false one. A speech opens with a dash followed by whitespace and a capital letter (or a digit),
where the dash stands

- at the start of a paragraph ("- We will answer ..."), or
- after a colon ("The chancellor said: - We will answer ..."), or
- after the end of a sentence ("... no evidence.- Our analysts say ..."): machine translations
  run a speech on in the paragraph of the narration that introduces it.

It closes at the first later dash with whitespace on both sides whose following clause names a
speech verb in its first words ("- the chancellor said", "- said Putin"); the attribution there
is the cue; a quotation mark typed where the closing dash belongs ('..., "said Xi.') closes it
too. Without either, the speech runs to the paragraph's end (an answer that continues from the
paragraph before) and is kept only if it is a sentence of at least three words, speaks in the
first or second person ("we", "you") or follows a speech verb and a colon ("she replied: -"),
and is no neighbour of dash paragraphs that are not speech (a list). A paragraph that is nothing
but "- said the Ukrainian leader." makes the paragraph before it the speech, when that paragraph
holds no quotation marks.

Dashes inside quotation-marked spans (left to `marks`), inside [brackets] or (parentheses)
("[in 2014 - ed.]"), inside words ("pro-Russian") and between numbers ("10 - 15") neither open
nor close a speech; a dash after a word in running narration ("The plan - approved on Monday -
was ...", "KYIV - Ukraine said ...") opens none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.quoting.marks import paragraphs, quoted_spans
from extractor.quoting.settings import QuoteSettings

DASHES = "-–—"
_SENTENCE_END = ".!?…"
_CLOSING_QUOTES = "\"”»’'"
_TERMINAL = _SENTENCE_END + _CLOSING_QUOTES + ")"
_QUOTE_OPENINGS = "\"“„«‘'"
# Clause openers that make the clause after a dash a parenthesis ("- as he said -"), not a cue.
_PARENTHESIS_OPENERS = frozenset({"as", "which", "who", "whom", "whose", "where"})
# Words with a period that do not end a sentence, so a dash after them opens no speech.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof"}
    | {"jr", "sr", "vs", "no", "inc", "ltd", "co", "corp", "mt", "ft"}
)
# Words of a speaker addressing listeners, for speech that no attribution confirms.
_SPEAKER_WORDS = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "let"}
    | {"you", "your", "yours", "yourself", "yourselves"}
)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class DashSpeech:
    """text[start:end] is the speech, without its dashes; cue_start indexes the attribution
    after the closing dash ("the chancellor said"), or is None when there is none."""

    start: int
    end: int
    cue_start: int | None


@dataclass
class _Candidate:
    speech: DashSpeech
    opens_paragraph: bool
    announced: bool = False  # opened after a colon that a speech verb leads to ("replied: -")


def dash_spans(text: str, cues: frozenset[str], settings: QuoteSettings) -> list[DashSpeech]:
    """Return the dash-marked speeches of a text, in text order. `cues`: the speech verbs an
    attribution names (`QuoteWords.dash_cues`, loaded when the quotes component is created);
    `settings`: the quotes component's, whose dash_* windows and sizes apply here."""
    opaque = _opaque(text, settings)
    paras = paragraphs(text)
    found: list[list[_Candidate]] = []
    listish: list[bool] = []  # paragraphs that open with a dash before a heading-like item
    for start, end in paras:
        candidates, bullet = _paragraph(text, start, end, opaque, cues, settings)
        found.append(candidates)
        listish.append(bullet)
    for number, (start, end) in enumerate(paras):
        cue = _cue_paragraph(text, start, end, opaque, cues, settings)
        if cue is None or number == 0:
            continue
        _attribute_previous(text, paras[number - 1], found[number - 1], opaque, cue, settings)
    result: list[DashSpeech] = []
    for number, candidates in enumerate(found):
        for candidate in candidates:
            if candidate.speech.cue_start is None and not _uncued_speech(
                text, candidate, number, listish, cues, settings
            ):
                continue
            result.append(candidate.speech)
    return sorted(result, key=lambda s: s.start)


def _opaque(text: str, settings: QuoteSettings) -> bytearray:
    """Mark characters inside quotation-marked spans and brackets: no dash there counts."""
    opaque = bytearray(len(text))
    for span in quoted_spans(text, settings):
        opaque[span.open : span.close + 1] = b"\x01" * (min(span.close + 1, len(text)) - span.open)
    for start, end in paragraphs(text):
        stack: list[int] = []
        for i in range(start, end):
            if text[i] in "([":
                stack.append(i)
            elif text[i] in ")]" and stack:
                opened = stack.pop()
                opaque[opened : i + 1] = b"\x01" * (i + 1 - opened)
    return opaque


def _paragraph(
    text: str,
    start: int,
    end: int,
    opaque: bytearray,
    cues: frozenset[str],
    settings: QuoteSettings,
) -> tuple[list[_Candidate], bool]:
    """Return the speeches opened in one paragraph, and whether the paragraph looks like a list
    item: it opens with a dash before words that are no speech (too few, or no sentence)."""
    body = _body_start(text, start, end)
    candidates: list[_Candidate] = []
    position = start
    while True:
        opening = _next_opening(text, position, start, end, body, opaque, settings)
        if opening is None:
            break
        dash, speech_start = opening
        closing = _closing(text, speech_start, end, opaque, cues, settings)
        if closing is None:
            speech = DashSpeech(speech_start, _unmarked_end(text, speech_start, end, opaque), None)
            announced = _announced(text, dash, start, cues, settings)
            candidates.append(_Candidate(speech, dash == body, announced))
            break
        speech_end, cue_start = closing
        candidates.append(_Candidate(DashSpeech(speech_start, speech_end, cue_start), dash == body))
        position = cue_start
    bullet = False
    if (
        body < end
        and text[body] in DASHES
        and _cue_paragraph(text, start, end, opaque, cues, settings) is None
    ):
        opened = [c for c in candidates if c.opens_paragraph]
        bullet = not opened or (
            opened[0].speech.cue_start is None
            and not _speech_by_itself(text, opened[0], cues, settings)
        )
    return candidates, bullet


def _announced(
    text: str, dash: int, start: int, cues: frozenset[str], settings: QuoteSettings
) -> bool:
    """Whether a dash follows a colon that a speech verb leads to ("Kabajewa replied: - ")."""
    colon = _rstrip(text, start, dash)
    if colon <= start or text[colon - 1] != ":":
        return False
    words = [w.lower() for w in _WORD.findall(text, start, colon - 1)]
    return any(
        word in cues for word in words[max(0, len(words) - settings.dash_announcing_words) :]
    )


def _body_start(text: str, start: int, end: int) -> int:
    """Return the paragraph's first character after whitespace and block-quote marks ("> ")."""
    i = start
    while i < end and (text[i].isspace() or text[i] == ">"):
        i += 1
    return i


def _next_opening(
    text: str,
    position: int,
    start: int,
    end: int,
    body: int,
    opaque: bytearray,
    settings: QuoteSettings,
) -> tuple[int, int] | None:
    """Return (dash, first character of the speech) of the next opening dash at or after
    `position`, or None."""
    for i in range(position, end):
        if text[i] not in DASHES or opaque[i]:
            continue
        if i + 1 >= end or not text[i + 1].isspace():
            continue  # "pro-Russian", "-The": a dash opening speech has a space after it
        if i != body and not _opens_after(text, i, start):
            continue
        speech_start = _skip_space(text, i + 1, end)
        if speech_start >= end or not _speech_first_letter(text, speech_start, end, settings):
            continue
        return i, speech_start
    return None


def _opens_after(text: str, dash: int, start: int) -> bool:
    """Whether what precedes a dash inside a paragraph lets it open speech: a colon, or the end
    of a sentence (not an abbreviation), possibly inside its closing quotation mark."""
    k = dash - 1
    while k >= start and text[k].isspace():
        k -= 1
    if k < start:
        return False
    if text[k] == ":":
        return True
    if text[k] in _CLOSING_QUOTES and k - 1 >= start and text[k - 1] in _SENTENCE_END:
        return True
    if text[k] not in _SENTENCE_END:
        return False
    if text[k] != ".":
        return True
    word_start = k
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:k]
    if "." in word or (len(word) == 1 and word.isalpha()):
        return False  # "U.S.", "J."
    if word.isdigit():
        return False  # a numbered item ("1. - ")
    return word.lower() not in _ABBREVIATIONS


def _speech_first_letter(text: str, i: int, end: int, settings: QuoteSettings) -> bool:
    """Whether speech can start at `i`: its first letter, within a few characters, is a capital
    or a digit ("(...) Then" passes, "said the leader" and a quotation mark do not)."""
    if text[i] in _QUOTE_OPENINGS:
        return False  # a quotation after the dash is left to the quote-mark pairing
    for j in range(i, min(end, i + settings.dash_first_letter_chars)):
        if text[j].isalnum():
            return text[j].isupper() or text[j].isdigit()
    return False


def _closing(
    text: str,
    speech_start: int,
    end: int,
    opaque: bytearray,
    cues: frozenset[str],
    settings: QuoteSettings,
) -> tuple[int, int] | None:
    """Return (end of the speech, start of its cue) at the speech's closing dash, or None."""
    for j in range(speech_start + 1, end):
        if opaque[j]:
            continue
        mark = text[j]
        if mark in DASHES:
            if not text[j - 1].isspace() or (j + 1 < end and not text[j + 1].isspace()):
                continue  # a hyphen, or a dash glued to a word
            if _between_numbers(text, j, speech_start, end):
                continue
        elif mark in '"”' and text[_rstrip(text, speech_start, j) - 1] in ",.!?":
            # The translator put a quotation mark where the closing dash was: '..., "said Xi.'
            if j + 1 < end and not text[j + 1].isspace() and not text[j + 1].isalpha():
                continue
        else:
            continue
        cue = _skip_space(text, j + 1, end)
        if cue >= end or not _is_cue(text, cue, end, cues, settings):
            continue
        speech_end = _rstrip(text, speech_start, j)
        if speech_end > speech_start:
            return speech_end, cue
    return None


def _between_numbers(text: str, dash: int, start: int, end: int) -> bool:
    before = dash - 1
    while before > start and text[before].isspace():
        before -= 1
    after = _skip_space(text, dash + 1, end)
    return text[before].isdigit() and after < end and text[after].isdigit()


def _clause_end(text: str, i: int, end: int) -> int:
    """Return where the clause starting at `i` ends: the end of its sentence, the next spaced
    dash, or the paragraph's end."""
    for j in range(i, end):
        mark = text[j]
        if mark in _SENTENCE_END:
            following = text[j + 1] if j + 1 < end else ""
            if following == "" or following.isspace() or following.isupper():
                return j
        if mark in DASHES and text[j - 1].isspace() and (j + 1 == end or text[j + 1].isspace()):
            return j
    return end


def _is_cue(text: str, i: int, end: int, cues: frozenset[str], settings: QuoteSettings) -> bool:
    """Whether the clause at `i` is an attribution: a speech verb among its first words."""
    clause = _WORD.findall(text, i, _clause_end(text, i, end))
    words = [w.lower() for w in clause][: settings.dash_cue_window_words]
    if not words or words[0] in _PARENTHESIS_OPENERS:
        return False
    return any(word in cues for word in words)


def _cue_paragraph(
    text: str,
    start: int,
    end: int,
    opaque: bytearray,
    cues: frozenset[str],
    settings: QuoteSettings,
) -> int | None:
    """Return where the attribution starts when a paragraph opens with one ("- said the
    Ukrainian leader."), else None."""
    body = _body_start(text, start, end)
    if body >= end or text[body] not in DASHES or opaque[body]:
        return None
    if body + 1 >= end or not text[body + 1].isspace():
        return None
    cue = _skip_space(text, body + 1, end)
    if cue >= end or not text[cue].islower():
        return None
    return cue if _is_cue(text, cue, end, cues, settings) else None


def _attribute_previous(
    text: str,
    previous: tuple[int, int],
    candidates: list[_Candidate],
    opaque: bytearray,
    cue: int,
    settings: QuoteSettings,
) -> None:
    """Give a paragraph that a cue paragraph follows its attribution: its last speech, if that
    runs to its end unattributed, or else the whole paragraph, if it holds no speech or quote."""
    start, end = previous
    last = _rstrip(text, start, end)
    if candidates:
        final = candidates[-1]
        if final.speech.cue_start is None and final.speech.end == last:
            final.speech = DashSpeech(final.speech.start, final.speech.end, cue)
        return
    body = _body_start(text, start, end)
    if any(opaque[body:last]) or text[last - 1] == ":":
        return  # quoted words (the quote-mark pairing has them) or an introduction
    if text[body] in DASHES:
        return  # a dash paragraph that was not speech (a list item)
    if len(_WORD.findall(text, body, last)) < settings.dash_min_uncued_words:
        return
    candidates.append(_Candidate(DashSpeech(body, last, cue), opens_paragraph=False))


def _uncued_speech(
    text: str,
    candidate: _Candidate,
    number: int,
    listish: list[bool],
    cues: frozenset[str],
    settings: QuoteSettings,
) -> bool:
    """Whether a speech with no attribution is kept: a sentence of enough words, not in a list
    of dash items, not itself a short attribution ("- Putin said on Monday."), and either
    announced by a speech verb before a colon or spoken in the first or second person."""
    if not _speech_by_itself(text, candidate, cues, settings):
        return False
    if candidate.opens_paragraph:
        neighbours = listish[max(0, number - 1) : number] + listish[number + 1 : number + 2]
        if any(neighbours):
            return False
    return True


def _speech_by_itself(
    text: str, candidate: _Candidate, cues: frozenset[str], settings: QuoteSettings
) -> bool:
    """Whether an unattributed dash item reads as speech without looking at its neighbours."""
    speech = candidate.speech
    if not _sentence_like(text, speech, settings):
        return False
    words = _WORD.findall(text, speech.start, speech.end)
    short = len(words) <= settings.dash_max_cue_only_words
    if short and _is_cue(text, speech.start, speech.end, cues, settings):
        return False
    # "- Treaty of Moscow (1996). After two years ...": a list item, not a speaker
    return candidate.announced or any(_first_or_second_person(word) for word in words)


def _first_or_second_person(word: str) -> bool:
    return re.split(r"['’]", word.lower())[0] in _SPEAKER_WORDS


def _sentence_like(text: str, speech: DashSpeech, settings: QuoteSettings) -> bool:
    words = _WORD.findall(text, speech.start, speech.end)
    return len(words) >= settings.dash_min_uncued_words and text[speech.end - 1] in _TERMINAL


def _unmarked_end(text: str, start: int, end: int, opaque: bytearray) -> int:
    """Return the end of a speech that runs to its paragraph's end, without a stray quotation
    mark the translation left there after a space ('... Russian gas. "')."""
    last = _rstrip(text, start, end)
    stray = last - 1 > start and text[last - 1] in '"”' and not opaque[last - 1]
    if stray and text[last - 2].isspace():
        return _rstrip(text, start, last - 1)
    return last


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
