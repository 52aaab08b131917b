"""Indirect quotes: the content clause of a speech verb outside quotation marks.

"Putin said he wants to continue dialogue with the West" -> "he wants to continue dialogue
with the West", speaker Putin, cue "said". Also "according to X" (the clause it qualifies)
and "X says Y" headlines. Clauses quoted whole are direct quotes and are left to those.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractor.linguistics.syntax import source_phrase_from, word_span
from extractor.quoting.context import QuoteContext, SpeechEvent
from extractor.quoting.cues import (
    SUBJECT_DEPS,
    TIMESTAMP,
    inverted_after_a_quote,
)
from extractor.quoting.speakers import Speaker

_JOINERS = frozenset({"that", "and", "but", "or"})
_CLOSING_MARKS = "”\"’'"
_POINTING_BACK = frozenset({"that", "this"})
_BE_FORMS = frozenset({"'s", "’s", "is", "was"})
_QUESTION_WORDS = frozenset(
    {"whether", "if", "what", "why", "how", "when", "where", "who", "which"}
)


class ReportedFinder:
    def __init__(self, context: QuoteContext) -> None:
        self.context = context
        self.doc = context.doc
        self.words = context.words

    def events(self) -> list[SpeechEvent]:
        events: list[SpeechEvent] = []
        seen: set[tuple[int, int]] = set()
        # The end of a "That’s according to X, Ukrinform reports." sentence: what it holds
        # says where the paragraph before came from, and is no report of its own.
        credit_end = -1
        for token in self.doc:
            if self.context.in_quote(token) or token.i < credit_end:
                continue
            phrase = source_phrase_from(token, self.words.sources)
            if phrase is not None and self._points_back(token):
                credit_end = self._sentence_end(token)
                found = self._pointed_back(token, *phrase)
                if any(e.start < f.end and f.start < e.end for e in events for f in found):
                    found = []  # the paragraph before has a cue of its own
            elif phrase is not None:
                found = self._according_to(token, *phrase)
            elif self.context.cues.is_cue(token) and not self._embedded(token):
                found = self._reported_clauses(token)
            else:
                continue
            for event in found:
                if (event.start, event.end) not in seen:
                    seen.add((event.start, event.end))
                    events.append(event)
        return events

    def _embedded(self, cue: Token) -> bool:
        """A speech verb inside what another one reports is part of that quote, not a quote
        of its own: "The United States must admit that their intelligence is worthless,
        Lukashenko told the media". So is one under "must" or "should"."""
        if self.context.cues.under_obligation(cue):
            return True
        if cue.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in cue.children):
            return True  # "When asked whether ..., Kirby said": the reporter asked, not Kirby
        token, hops = cue, 0
        while token.dep_ in ("ccomp", "xcomp") and token.head.i != token.i:
            direct_report = hops == 0 and token.dep_ == "ccomp"
            token, hops = token.head, hops + 1
            # "officials say the war is exacting a toll, the ministry said": the inner report
            # is the quote; the outer one is skipped instead (see _reported_clauses).
            if self.context.cues.is_cue(token) and not direct_report:
                return True
        return False

    def _reported_clauses(self, cue: Token) -> list[SpeechEvent]:
        clauses = [
            c
            for c in cue.children
            if c.dep_ == "ccomp" and not self._reports_speech(c) and not self._question(c, cue)
        ]
        if cue.lemma_ in self.words.gerund_cues:
            clauses += [c for c in cue.children if c.dep_ in ("xcomp", "pcomp")]
            clauses += [
                grandchild
                for c in cue.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for grandchild in c.children
                if grandchild.dep_ == "pcomp"
            ]
        if inverted_after_a_quote(cue):
            # '“...,” said Mr Regushevsky, a 46-year-old who brought his son': what follows
            # an inverted cue is its speaker, whatever the parser hung from the verb.
            clauses = [c for c in clauses if c.i < cue.i]
        speaker = self.context.resolve(self.context.cues.subject_of(cue))
        if speaker is None or speaker.person_id is None:
            # "the US said it had seen no change ..., according to Pentagon spokesperson Maj.
            # Gen. Patrick Ryder": the person named as the source is the one who spoke.
            speaker = self._source_in_sentence(cue) or speaker
        events = []
        if not clauses and cue.dep_ == "parataxis":
            return self._parenthetical(cue, speaker)
        for clause in clauses:
            for start, end in self._clause_parts(clause):
                event = self._event(start, end, cue, speaker)
                if event is not None:
                    events.append(event)
        return events

    def _source_in_sentence(self, cue: Token) -> Speaker | None:
        """A person an "according to" phrase in the cue's sentence names, or None."""
        for token in cue.sent:
            phrase = source_phrase_from(token, self.words.sources)
            if phrase is not None:
                found = self.context.resolve(phrase[1])
                if found is not None and found.person_id is not None:
                    return found
        return None

    def _reports_speech(self, clause: Token) -> bool:
        """ "officials say the war is exacting a toll, the ministry said": the clause is itself
        a report with a clause of its own, which is the quote."""
        if not self.context.cues.is_cue(clause) or self.context.cues.under_obligation(clause):
            return False
        return any(c.dep_ == "ccomp" for c in clause.children)

    @staticmethod
    def _question(clause: Token, cue: Token) -> bool:
        """ "declined to say whether the U.S. is moving troops", "what Putin will not do":
        an open question is not a statement, unless the cue is "ask" itself."""
        if cue.lemma_ == "ask":
            return False
        opener = clause.left_edge
        if opener.lower_ in ("whether", "if"):
            return opener.dep_ == "mark"
        return opener.lower_ in _QUESTION_WORDS and opener.dep_ in ("dobj", "attr", "advmod")

    def _parenthetical(self, cue: Token, speaker: Speaker | None) -> list[SpeechEvent]:
        """ "If things get that far, he said, internal dissent may well boil over": the
        clause the parenthetical cue sits in, on the larger side of it."""
        clause = cue.head
        left = (clause.left_edge.i, cue.left_edge.i)
        right = (cue.right_edge.i + 1, clause.right_edge.i + 1)
        start, end = max(left, right, key=lambda r: r[1] - r[0])
        event = self._event(start, end, cue, speaker)
        return [event] if event is not None else []

    def _clause_parts(self, clause: Token) -> list[tuple[int, int]]:
        """Token ranges of a content clause, split where "and that" starts a second one:
        "said recent gains were tiny and that Russia was about to run out of steam"."""
        parts = [clause]
        for child in clause.children:
            if (
                child.dep_ == "conj"
                and child.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
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
                if child.i > part.i and self._separate_event(child):
                    end = min(end, child.left_edge.i)
            ranges.append((start, end))
        return ranges

    def _continuation_end(self, clause: Token) -> int:
        """ "Kirby said the Pentagon is reviewing its posture and may soon have decisions to
        announce": the parser hangs "may soon have" on "said"; a verb without a subject of its
        own right after the clause continues what was said."""
        end = clause.right_edge.i + 1
        if clause.dep_ != "ccomp":
            return end
        for sibling in clause.head.children:
            if (
                sibling.dep_ == "conj"
                and sibling.i > clause.i
                and sibling.pos_ in ("VERB", "AUX")
                and not self.context.cues.is_cue(sibling)
                and not any(c.dep_ in SUBJECT_DEPS for c in sibling.children)
                # "and may soon have": a modal carries on the report; "but pushed back
                # against" is the speaker's next act.
                and any(c.tag_ == "MD" for c in sibling.children)
            ):
                end = max(end, sibling.right_edge.i + 1)
        return end

    def _separate_event(self, clause: Token) -> bool:
        """A trailing clause that reports another speech event ("..., while a top Kremlin
        official said ...", "“...”, the ministry reported"), or, in a headline, another piece
        of news ("Putin Says X as Kremlin Rules out War")."""
        if clause.dep_ not in ("advcl", "parataxis", "conj", "ccomp"):
            return False
        if clause.dep_ != "advcl":
            # "had been outspoken and made clear from day one that ...": a phrase like "made
            # clear" goes on with what is reported rather than starting a report of its own.
            return self.context.cues.is_cue(clause, phrases=False)
        if any(self.context.cues.is_cue(t) for t in clause.subtree):
            return True
        in_headline = self.context.paragraph_of(clause.idx) == 0
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "prep")}
        return in_headline and bool(marks & self.words.event_marks)

    def _event(
        self, start: int, end: int, cue: Token, speaker: Speaker | None
    ) -> SpeechEvent | None:
        doc = self.doc
        while start < end and (
            doc[start].lower_ in _JOINERS
            or doc[start].is_punct
            or doc[start].is_space
            or TIMESTAMP.match(doc[start].text)  # "1:02 Panic is ..., says" in a video caption
        ):
            start += 1
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in _JOINERS
        ):
            if self.context.in_quote(doc[end - 1]) and doc[end - 1].text in _CLOSING_MARKS:
                break
            end -= 1
        if end - start < 2 or start <= cue.i < end:
            return None
        quoted = sum(1 for i in range(start, end) if i in self.context.quote_of_token)
        share = quoted / (end - start)
        if (
            self.context.in_quote(doc[start])
            and share >= self.context.settings.direct_share_of_clause
        ):
            # The clause opens with a quote that holds (nearly) all of it: "Lavrov said that
            # “the propaganda campaign ...”" is the direct quote, not a second, indirect one.
            return None
        first, last = doc[start], doc[end - 1]
        return SpeechEvent(
            kind="indirect",
            start=first.idx,
            end=last.idx + len(last),
            paragraph=self.context.paragraph_of(first.idx),
            tokens=doc[start:end],
            speaker=speaker,
            cue=word_span(cue),
            attributed=True,
            rule="reported-according-to"
            if source_phrase_from(cue, self.words.sources)
            else "reported",
        )

    def _points_back(self, according: Token) -> bool:
        """ "That’s according to X": a sentence of its own that gives the source of what
        came before it."""
        if according.i < 2:
            return False
        pronoun, verb = self.doc[according.i - 2], self.doc[according.i - 1]
        if pronoun.lower_ not in _POINTING_BACK or verb.lower_ not in _BE_FORMS:
            return False
        before = self.doc[pronoun.i - 1] if pronoun.i > 0 else None
        return before is None or before.is_space or before.text in (".", "!", "?")

    def _sentence_end(self, token: Token) -> int:
        """The index after the full stop that ends a token's sentence (the parser may end it
        early inside a name), within its paragraph."""
        paragraph = self.context.paragraph_of(token.idx)
        for later in self.doc[token.i :]:
            if later.text in (".", "!", "?") or self.context.paragraph_of(later.idx) != paragraph:
                return later.i + 1
        return len(self.doc)

    def _pointed_back(self, according: Token, to: Token, source: Token) -> list[SpeechEvent]:
        """The paragraph before "That’s according to X" (or the sentence before, within a
        paragraph) is X's: a lead that the next line attributes."""
        pronoun = self.doc[according.i - 2]
        paragraph = self.context.paragraph_of(pronoun.idx)
        before = self.doc[pronoun.i - 1] if pronoun.i > 0 else None
        if before is None:
            return []
        if self.context.paragraph_of(before.idx) != paragraph:
            # (paragraph 0 is the headline, which speaks for itself)
            words = self.context.paragraph_words[paragraph - 1] if paragraph > 1 else None
        else:
            words = before.sent
        if words is None or len(words) == 0:
            return []
        named = self.doc[to.i + 1 : self._sentence_end(to)]
        person = next((t for t in named if t.i in self.context.resolver.person_at), None)
        speaker = self.context.resolve(person if person is not None else source)
        event = self._event(words.start, words.end, according, speaker)
        if event is None:
            return []
        event.cue = self.doc[according.i : to.i + 1]
        return [event]

    def _according_to(self, according: Token, to: Token, source: Token) -> list[SpeechEvent]:
        """ "Russia has moved troops, according to a Kremlin readout": the clause it qualifies,
        on whichever side of the phrase it stands."""
        sentence = according.sent
        left = (sentence.start, according.i)
        right = (source.right_edge.i + 1, sentence.end)
        start, end = max(left, right, key=lambda r: r[1] - r[0])
        event = self._event(start, end, according, self.context.resolve(source))
        if event is None:
            return []
        event.cue = according.doc[according.i : to.i + 1]
        return [event]
