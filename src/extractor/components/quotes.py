"""Quotes: direct, partial and indirect, each with its speaker and the cue that names it.

Direct and partial quotes come from paired quotation marks (`quoting.marks`); a quoted span is
direct when it stands as a clause of its own (“We don’t need this panic,” he added), partial
when it is a fragment inside reported speech (called on the West not to create “panic”), and
dropped when nothing in its sentence reports speech (scare quotes, names, titles).
Indirect quotes are the content clauses of speech verbs outside quotation marks ("Putin said
he wants to continue dialogue"). Speakers come from the speech verb's subject, resolved by
`quoting.speakers`; when the evidence is weak the speaker stays null.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import lexicon
from extractor.annotations import QuoteRecord
from extractor.quoting.marks import MarkedSpan, paragraphs, quoted_spans
from extractor.quoting.speakers import Speaker, SpeakerResolver

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A verb without a subject of its own speaks for the subject of the verb it hangs from:
# "Putin was reported to have said", "took to Twitter ..., insisting that ...".
INHERITING_DEPS = ("xcomp", "advcl", "conj", "pcomp")
_SENTENCE_END = frozenset({".", "!", "?"})
_DASHES = frozenset({"-", "—", "–", "--"})
_JOINERS = frozenset({"that", "and", "but", "or"})


@Language.factory(
    "extractor_quotes",
    default_config={
        "max_pronoun_distance": 1500,
        "attribution_window": 12,
        "max_chain": 8,
        "direct_share_of_clause": 0.8,
        "thought_verbs": False,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    max_pronoun_distance: int,
    attribution_window: int,
    max_chain: int,
    direct_share_of_clause: float,
    thought_verbs: bool,
) -> QuoteFinder:
    return QuoteFinder(
        max_pronoun_distance, attribution_window, max_chain, direct_share_of_clause, thought_verbs
    )


@dataclass
class _Quote:
    marks: MarkedSpan
    tokens: Span
    kind: str
    paragraph: int
    speaker: Speaker | None = None
    cue: tuple[int, int] | None = None
    attributed: bool = False  # a cue or dash was found, even if the speaker stays unnamed


class QuoteFinder:
    """Sets `doc._.quotes`: QuoteRecords in text order."""

    def __init__(
        self,
        max_pronoun_distance: int,
        attribution_window: int,
        max_chain: int,
        direct_share_of_clause: float,
        thought_verbs: bool,
    ) -> None:
        self.max_pronoun_distance = max_pronoun_distance
        self.window = attribution_window
        self.max_chain = max_chain
        self.direct_share = direct_share_of_clause
        cues = lexicon.cue_verbs()
        self.cue_lemmas = frozenset(
            lemma for lemma, kind in cues.items() if thought_verbs or kind == "speech"
        )
        self.non_quote_cues = lexicon.lower_set("non_quote_cues.txt")
        self.event_marks = lexicon.lower_set("event_marks.txt")

    def __call__(self, doc: Doc) -> Doc:
        run = _Run(self, doc)
        doc._.quotes = run.records()
        return doc


class _Run:
    """The state of finding quotes in one Doc."""

    def __init__(self, finder: QuoteFinder, doc: Doc) -> None:
        self.finder = finder
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.marked = [m for m in quoted_spans(self.text) if self._has_words(m)]
        self.quote_of_token: dict[int, int] = {}
        for number, marks in enumerate(self.marked):
            span = doc.char_span(marks.open, marks.close + 1, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.quote_of_token.setdefault(token.i, number)
        self.resolver = SpeakerResolver(
            doc, [(m.open, m.close + 1) for m in self.marked], finder.max_pronoun_distance
        )

    def _has_words(self, marks: MarkedSpan) -> bool:
        start, end = marks.inner
        return any(ch.isalnum() for ch in self.text[start:end])

    def records(self) -> list[QuoteRecord]:
        quotes = [q for q in (self._quote(m) for m in self.marked) if q is not None]
        for q in quotes:
            self._attribute(q)
        quotes = [q for q in quotes if q.kind == "direct" or q.attributed]
        self._inherit_within_paragraphs(quotes)
        self._inherit_across_paragraphs(quotes)
        records = [self._record(q) for q in quotes]
        records += self._indirect()
        return sorted(records, key=lambda r: (r.start, r.end))

    # -- direct and partial ------------------------------------------------------------

    def _quote(self, marks: MarkedSpan) -> _Quote | None:
        start, end = marks.inner
        tokens = self.doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return None
        if self._named_not_quoted(marks):
            return None
        kind = "direct" if self._stands_alone(marks, tokens) else "partial"
        paragraph = bisect.bisect_right(self.paragraph_starts, marks.open) - 1
        return _Quote(marks=marks, tokens=tokens, kind=kind, paragraph=paragraph)

    def _named_not_quoted(self, marks: MarkedSpan) -> bool:
        """ "the so-called “special military operation”", "the term “imminent”"."""
        before = self.text[max(0, marks.open - 40) : marks.open].lower().split()
        if not before:
            return False
        last_two = " ".join(before[-2:])
        return before[-1] in self.finder.non_quote_cues or last_two in self.finder.non_quote_cues

    def _stands_alone(self, marks: MarkedSpan, tokens: Span) -> bool:
        """A direct quote opens its sentence or follows a colon, comma, cue or "that", and
        holds a clause of its own; anything else quoted is a fragment (partial)."""
        paragraph_start = self.paragraph_starts[
            bisect.bisect_right(self.paragraph_starts, marks.open) - 1
        ]
        before = self.text[paragraph_start : marks.open].rstrip()
        if before:
            last = before[-1]
            words = before.split()
            last_word = words[-1].lower().strip(",:") if words else ""
            opens_unit = last in '.!?:,;—–-”"…)' or last_word == "that"
            if not opens_unit:
                previous = self._token_before(marks.open)
                opens_unit = previous is not None and self._is_cue(previous)
            if not opens_unit:
                return False
        return _is_clause(tokens)

    def _token_before(self, char: int) -> Token | None:
        span = self.doc.char_span(max(0, char - 1), char, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span[0]
        while token.i > 0 and (token.is_space or token.idx >= char):
            token = self.doc[token.i - 1]
        return token

    def _attribute(self, q: _Quote) -> None:
        """Find the cue and speaker of one quote, trying the surest patterns first."""
        finders = (
            (self._cue_after, self._governing_cue, self._cue_before)
            if q.kind == "direct"
            else (self._governing_cue, self._cue_before, self._cue_after)
        )
        for find in finders:
            found = find(q)
            if found is not None:
                cue, subject = found
                q.attributed = True
                q.cue = (cue.idx, cue.idx + len(cue))
                q.speaker = self.resolver.resolve(subject) if subject is not None else None
                return
        dashed = self._dash_speaker(q)
        if dashed is not None:
            q.attributed = True
            q.speaker = dashed

    def _cue_after(self, q: _Quote) -> tuple[Token, Token | None] | None:
        """ "“...,” Foreign Minister Sergey Lavrov said", "“...,” said Kirby"."""
        close = self._token_at(q.marks.close) if q.marks.closed else None
        if close is None:
            return None
        for token in self.doc[close.i + 1 : close.i + 1 + self.finder.window]:
            if token.i in self.quote_of_token or "\n" in token.text:
                return None
            if self._is_cue(token):
                subject = self._subject_of(token)
                if subject is not None and subject.i > close.i:
                    return token, subject
                return None
            if token.text in _SENTENCE_END:
                return None
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _cue_before(self, q: _Quote) -> tuple[Token, Token | None] | None:
        """ "Macron said: “...”", "Truss said “we could be on the brink ...”"."""
        opening = self._token_at(q.marks.open)
        if opening is None:
            return None
        start = max(0, opening.i - self.finder.window)
        for token in reversed(self.doc[start : opening.i]):
            if token.i in self.quote_of_token or "\n" in token.text:
                return None
            if token.text in _SENTENCE_END:
                return None
            if self._is_cue(token):
                subject = self._subject_of(token)
                return (token, subject) if subject is not None else None
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _governing_cue(self, q: _Quote) -> tuple[Token, Token | None] | None:
        """The speech verb the quote hangs from in the parse: "insisting that the report ...
        was “not true”", "called on the West not to create “panic”"."""
        roots = [t for t in q.tokens if not (q.tokens.start <= t.head.i < q.tokens.end)]
        for root in reversed(roots):
            token = root
            for _ in range(self.finder.max_chain):
                if token.head is token:
                    break
                token = token.head
                if token.i in self.quote_of_token:
                    continue
                if self._is_cue(token):
                    subject = self._subject_of(token)
                    return (token, subject) if subject is not None else None
        return None

    def _dash_speaker(self, q: _Quote) -> Speaker | None:
        """ "“...” - Commissioner Geoffrey Starks": a name after a dash ends the quote."""
        close = self._token_at(q.marks.close) if q.marks.closed else None
        if close is None or close.i + 2 >= len(self.doc):
            return None
        dash = self.doc[close.i + 1]
        if dash.text not in _DASHES:
            return None
        for token in self.doc[close.i + 2 : close.i + 2 + self.finder.window]:
            if "\n" in token.text:
                break
            speaker = self.resolver.person_speaker(token)
            if speaker is not None:
                return speaker
        return None

    def _inherit_within_paragraphs(self, quotes: list[_Quote]) -> None:
        """ "“A,” he said. “B.”": B is the same speaker's, as is any unattributed quote in a
        paragraph whose other quotes share one speaker."""
        by_paragraph: dict[int, list[_Quote]] = {}
        for q in quotes:
            by_paragraph.setdefault(q.paragraph, []).append(q)
        for group in by_paragraph.values():
            attributed = [q for q in group if q.attributed]
            if not attributed:
                continue
            for q in group:
                if q.attributed or q.kind != "direct":
                    continue
                earlier = [a for a in attributed if a.marks.open < q.marks.open]
                source = earlier[-1] if earlier else attributed[0]
                q.speaker, q.attributed = source.speaker, True

    def _inherit_across_paragraphs(self, quotes: list[_Quote]) -> None:
        """A paragraph that is nothing but a quote continues the speaker of the paragraph
        before it: one ending with a colon ("She said:") or with that speaker's quote."""
        last_in_paragraph: dict[int, _Quote] = {}
        for q in quotes:
            last_in_paragraph[q.paragraph] = q
        for q in quotes:
            if q.attributed or q.kind != "direct" or not self._only_quotes(q.paragraph):
                continue
            previous = q.paragraph - 1
            if previous < 0:
                continue
            start, end = self.paragraphs[previous]
            if self.text[start:end].rstrip().endswith(":"):
                speaker = self._colon_speaker(start, end)
                if speaker is not None:
                    q.speaker, q.attributed = speaker, True
                continue
            before = last_in_paragraph.get(previous)
            if before is not None and before.kind == "direct" and before.speaker is not None:
                q.speaker, q.attributed = before.speaker, True

    def _only_quotes(self, paragraph: int) -> bool:
        start, end = self.paragraphs[paragraph]
        rest = self.text[start:end]
        for m in self.marked:
            if start <= m.open < end:
                rest = rest.replace(self.text[m.open : m.close + 1], "")
        return not any(ch.isalnum() for ch in rest)

    def _colon_speaker(self, start: int, end: int) -> Speaker | None:
        """ "Asked about this, the minister said:" or "And from the chairwoman:"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        for token in reversed(span):
            if self._is_cue(token):
                subject = self._subject_of(token)
                return self.resolver.resolve(subject) if subject is not None else None
        for token in reversed(span):
            if token.dep_ == "pobj" and token.head.lower_ == "from":
                return self.resolver.resolve(token)
        return None

    def _record(self, q: _Quote) -> QuoteRecord:
        start, end = q.marks.inner
        speaker = q.speaker
        return QuoteRecord(
            kind=q.kind,
            start=start,
            end=end,
            speaker=speaker.name if speaker else None,
            speaker_id=speaker.person_id if speaker else None,
            speaker_mention=speaker.mention if speaker else None,
            cue=q.cue,
        )

    # -- indirect ------------------------------------------------------------------------

    def _indirect(self) -> list[QuoteRecord]:
        records: list[QuoteRecord] = []
        seen: set[tuple[int, int]] = set()
        for token in self.doc:
            if token.i in self.quote_of_token:
                continue
            if token.lower_ == "according" and token.i + 1 < len(self.doc):
                found = self._according_to(token)
            elif self._is_cue(token):
                found = self._reported_clauses(token)
            else:
                continue
            for record in found:
                if (record.start, record.end) not in seen:
                    seen.add((record.start, record.end))
                    records.append(record)
        return records

    def _reported_clauses(self, cue: Token) -> list[QuoteRecord]:
        """ "Putin said he wants to continue dialogue ..." -> the clause after "said"."""
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        if cue.lemma_ in ("deny", "accuse"):
            clauses += [c for c in cue.children if c.dep_ in ("xcomp", "pcomp")]
            clauses += [
                g
                for c in cue.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pcomp"
            ]
        subject = self._subject_of(cue)
        speaker = self.resolver.resolve(subject) if subject is not None else None
        records = []
        for clause in clauses:
            for start, end in self._clause_parts(clause):
                record = self._indirect_record(start, end, cue, speaker)
                if record is not None:
                    records.append(record)
        return records

    def _clause_parts(self, clause: Token) -> list[tuple[int, int]]:
        """Token ranges of a content clause, split where "and that" starts a second one."""
        parts = [clause]
        for child in clause.children:
            if (
                child.dep_ == "conj"
                and child.pos_ in ("VERB", "AUX")
                and any(c.dep_ in (*SUBJECT_DEPS, "mark") for c in child.children)
            ):
                parts.append(child)
        ranges = []
        for number, part in enumerate(parts):
            start = part.left_edge.i
            end = part.right_edge.i + 1
            if number == 0 and len(parts) > 1:
                end = parts[1].left_edge.i
            if number == len(parts) - 1:
                end = max(end, self._continuation_end(part))
            for child in part.children:
                if child.i > part.i and child.dep_ == "advcl" and self._separate_event(child):
                    end = min(end, child.left_edge.i)
            ranges.append((start, end))
        return ranges

    def _continuation_end(self, clause: Token) -> int:
        """ "Kirby said the Pentagon is reviewing its posture and may soon have decisions to
        announce": the parser hangs "may soon have" on "said"; a verb without a subject of its
        own right after the clause continues what was said."""
        cue = clause.head
        end = clause.right_edge.i + 1
        if clause.dep_ != "ccomp":
            return end
        for sibling in cue.children:
            if (
                sibling.dep_ == "conj"
                and sibling.i > clause.i
                and sibling.pos_ in ("VERB", "AUX")
                and not self._is_cue(sibling)
                and not any(c.dep_ in SUBJECT_DEPS for c in sibling.children)
            ):
                end = max(end, sibling.right_edge.i + 1)
        return end

    def _separate_event(self, clause: Token) -> bool:
        """A trailing clause that reports another event, not part of what was said:
        "..., while a top Kremlin official said ...", "Putin Says X as Kremlin Rules out War"."""
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & self.finder.event_marks:
            return True
        return any(self._is_cue(t) for t in clause.subtree)

    def _indirect_record(
        self, start: int, end: int, cue: Token, speaker: Speaker | None
    ) -> QuoteRecord | None:
        doc = self.doc
        while start < end and (
            doc[start].lower_ in _JOINERS or doc[start].is_punct or doc[start].is_space
        ):
            start += 1
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in _JOINERS
        ):
            if doc[end - 1].i in self.quote_of_token and doc[end - 1].text in "”\"’'":
                break
            end -= 1
        if end - start < 2 or start <= cue.i < end:
            return None
        if start in self.quote_of_token:
            # The clause opens with a quote that holds (nearly) all of it: "Lavrov said that
            # “the propaganda campaign ...”" is the direct quote, not a second, indirect one.
            quoted = sum(1 for i in range(start, end) if i in self.quote_of_token)
            if quoted / (end - start) >= self.finder.direct_share:
                return None
        first, last = doc[start], doc[end - 1]
        return QuoteRecord(
            kind="indirect",
            start=first.idx,
            end=last.idx + len(last),
            speaker=speaker.name if speaker else None,
            speaker_id=speaker.person_id if speaker else None,
            speaker_mention=speaker.mention if speaker else None,
            cue=(cue.idx, cue.idx + len(cue)),
        )

    def _according_to(self, according: Token) -> list[QuoteRecord]:
        """ "Russia has moved troops, according to a Kremlin readout": the clause it qualifies,
        on whichever side of the phrase it stands."""
        to = self.doc[according.i + 1]
        if to.lower_ != "to":
            return []
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return []
        speaker = self.resolver.resolve(source)
        sentence = according.sent
        phrase_start, phrase_end = according.i, source.right_edge.i + 1
        left = (sentence.start, phrase_start)
        right = (phrase_end, sentence.end)
        start, end = max(left, right, key=lambda r: r[1] - r[0])
        record = self._indirect_record(start, end, according, speaker)
        if record is None:
            return []
        record.cue = (according.idx, to.idx + len(to))
        return [record]

    # -- helpers ---------------------------------------------------------------------------

    def _is_cue(self, token: Token) -> bool:
        if token.lower_ in ("says", "said", "say"):
            return True
        return token.pos_ == "VERB" and token.lemma_.lower() in self.finder.cue_lemmas

    def _subject_of(self, verb: Token) -> Token | None:
        """The subject of a speech verb, or of the verb it depends on when it has none:
        "Lukashenko ruled out that there will be war, saying there will not be ..."."""
        token = verb
        for _ in range(4):
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
            expletive = any(c.dep_ == "expl" for c in token.children)
            if token.head is token or not (token.dep_ in INHERITING_DEPS or expletive):
                return None
            token = token.head
        return None

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


def _is_clause(tokens: Span) -> bool:
    """True when a quoted span holds a clause: a subject, or a finite verb."""
    for token in tokens:
        if token.dep_ in (*SUBJECT_DEPS, "expl") and tokens.start <= token.head.i < tokens.end:
            return True
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD") and token.dep_ not in ("amod", "compound"):
            return True
    return False
