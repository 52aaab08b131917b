"""Evidence that a candidate name is a person rather than an outlet, a body, a place or a thing.

Each candidate (one cluster of mentions) gets named binary features; their weights are log-odds
fitted on the gold files (`scripts/fit_person_evidence.py`, kept in `models/person_evidence.tsv`),
so that the cost of each feature is measured on articles it was not written for. A candidate
is a person when the weighted sum reaches the people component's `min_person_evidence`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extractor import lexicon
from extractor.linguistics.syntax import in_capitals_line

QUOTE_MARKS = frozenset("\"'“”‘’«»")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class Candidate:
    """What the evidence reads of one candidate: its mention spans (name words only), whether a
    mention carries a title or honorific, and whether the name is a known public figure."""

    mentions: Sequence[Span]
    titled: bool
    known_figure: bool
    first_name_known: bool
    first_name_alone: bool  # "36-year-old Andrey": a known first name without a surname


class PersonEvidence:
    def __init__(self) -> None:
        self.weights = dict(lexicon.person_evidence_weights())
        self.outlet_words = lexicon.lower_set("outlet_context.txt")
        self.body_words = (
            lexicon.lower_set("body_heads.txt")
            | lexicon.lower_set("name_stop_words.txt")
            | lexicon.lower_set("institution_nouns.txt")
        )
        self.speech_verbs = frozenset(lexicon.cue_verbs())

    def features(self, doc: Doc, candidate: Candidate) -> dict[str, float]:
        """The named features of a candidate, each 0 or 1."""
        spans = candidate.mentions
        words = [w for s in spans for w in s.text.split()]
        longest = max(spans, key=len)
        found = {
            "model_person": any(s[-1].ent_type_ == "PERSON" for s in spans),
            "model_org": all(s[-1].ent_type_ in ("ORG", "NORP") for s in spans),
            "multi_word": len(longest) > 1,
            "first_name_known": candidate.first_name_known,
            "first_name_alone": candidate.first_name_alone,
            "known_figure": candidate.known_figure,
            "titled": candidate.titled,
            "speaks": any(self._speaks(s) for s in spans),
            "body_word": any(w.lower() in self.body_words for w in words),
            "outlet_context": any(self._outlet_next_to(s) for s in spans),
            "acronym": len(longest) == 1 and sum(ch.isupper() for ch in longest.text) >= 2,
            "modifies_a_noun": all(_modifies_a_noun(s) for s in spans),
            "one_mention": len(spans) == 1,
            "capitals_line": all(in_capitals_line(s[0]) for s in spans),
            "in_quote_marks": any(_in_quote_marks(s) for s in spans),
        }
        return {name: float(value) for name, value in found.items()}

    def score(self, features: dict[str, float]) -> float:
        return self.weights.get("bias", 0.0) + sum(
            self.weights.get(name, 0.0) * value for name, value in features.items()
        )

    def _speaks(self, span: Span) -> bool:
        """ "Kallas said", "said Chernea": the name is the subject of a speech verb."""
        head = span[-1]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in self.speech_verbs

    def _outlet_next_to(self, span: Span) -> bool:
        doc = span.doc
        around = [doc[i] for i in (span.start - 2, span.start - 1, span.end) if 0 <= i < len(doc)]
        return any(t.lower_ in self.outlet_words for t in around)


def _modifies_a_noun(span: Span) -> bool:
    """ "Patriot air defense systems", "the Biden administration": a name used as a modifier."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.text in POSSESSIVE:
        return False
    last = span[-1]
    return (
        last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN" and last.head.i >= span.end
    )


def _in_quote_marks(span: Span) -> bool:
    """ "the Russian band 'Lyube'": a name in quotation marks is a title or a nickname."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before[-1:] in QUOTE_MARKS and after[:1] in QUOTE_MARKS
