"""Quotes: direct, partial and indirect, each with its speaker and the cue that names it.

This component only wires: quotes in quotation marks come from `quoting.quoted`, reported
speech from `quoting.reported`, headlines in capitals from `quoting.headlines`; all resolve
speakers through `quoting.speakers`. Quotes their own cue did not attribute then go through
the attribution sieves of `quoting.sieves`, in the order `sieves` lists, and every record
says which rule decided it (`quoting.records`).
"""

from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from extractor import lexicon
from extractor.annotations import CharSpan
from extractor.quoting.colon_lines import colon_line_events
from extractor.quoting.context import QuoteContext, SpeechEvent
from extractor.quoting.cues import Cues
from extractor.quoting.dashed import dash_events
from extractor.quoting.gate import Gate
from extractor.quoting.headlines import HeadlineFinder, cue_forms
from extractor.quoting.nesting import with_nesting
from extractor.quoting.quoted import QuotedFinder, is_quote
from extractor.quoting.records import record_of
from extractor.quoting.reported import ReportedFinder
from extractor.quoting.settings import QuoteSettings
from extractor.quoting.sieves import DEFAULT_ORDER, SIEVES, run_sieves
from extractor.quoting.words import QuoteWords


@Language.factory(
    "extractor_quotes",
    assigns=["doc._.quotes"],
    # Also reads token.pos, set by the attribute_ruler, which declares nothing (see gazetteer).
    requires=[
        "token.ent_type",
        "token.ent_iob",
        "token.tag",
        "token.lemma",
        "token.dep",
        "token.head",
        "doc.sents",
        "doc._.people",
        "doc._.person_at",
        "doc._.organizations",
        "doc._.organization_at",
        "doc._.country_at",
        "doc._.furniture",
    ],
    # The reaches' defaults are QuoteSettings' own, written there once.
    default_config={
        **asdict(QuoteSettings()),
        "thought_verbs": False,
        "sieves": list(DEFAULT_ORDER),
        "min_confidence": None,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    max_pronoun_distance: int,
    attribution_window: int,
    max_chain: int,
    direct_share_of_clause: float,
    inherit_reach_sentences: int,
    document_reach_sentences: int,
    document_next_sentences: int,
    body_kind_reach_sentences: int,
    passage_reach_paragraphs: int,
    dash_cue_tokens: int,
    headline_speaker_words: int,
    capitals_min_letters: int,
    colon_speaker_chars: int,
    dash_min_uncued_words: int,
    dash_cue_window_words: int,
    dash_announcing_words: int,
    dash_max_cue_only_words: int,
    dash_first_letter_chars: int,
    min_unclosed_quote_words: int,
    max_single_quote_chars: int,
    colon_line_max_words: int,
    colon_statement_min_words: int,
    max_split_name_tokens: int,
    subject_climb: int,
    obligation_climb: int,
    max_quoted_name_words: int,
    non_quote_cue_chars: int,
    headline_max_words: int,
    max_body_words: int,
    recent_body_tokens: int,
    thought_verbs: bool,
    sieves: list[str],
    min_confidence: float | None,
) -> QuoteFinder:
    """`min_confidence`: below it a speaker is left null; None takes the fitted threshold of
    models/attribution_weights.json, 0 names every speaker a sieve found (for training)."""
    settings = QuoteSettings(
        max_pronoun_distance=max_pronoun_distance,
        attribution_window=attribution_window,
        max_chain=max_chain,
        direct_share_of_clause=direct_share_of_clause,
        inherit_reach_sentences=inherit_reach_sentences,
        document_reach_sentences=document_reach_sentences,
        document_next_sentences=document_next_sentences,
        body_kind_reach_sentences=body_kind_reach_sentences,
        passage_reach_paragraphs=passage_reach_paragraphs,
        dash_cue_tokens=dash_cue_tokens,
        headline_speaker_words=headline_speaker_words,
        capitals_min_letters=capitals_min_letters,
        colon_speaker_chars=colon_speaker_chars,
        dash_min_uncued_words=dash_min_uncued_words,
        dash_cue_window_words=dash_cue_window_words,
        dash_announcing_words=dash_announcing_words,
        dash_max_cue_only_words=dash_max_cue_only_words,
        dash_first_letter_chars=dash_first_letter_chars,
        min_unclosed_quote_words=min_unclosed_quote_words,
        max_single_quote_chars=max_single_quote_chars,
        colon_line_max_words=colon_line_max_words,
        colon_statement_min_words=colon_statement_min_words,
        max_split_name_tokens=max_split_name_tokens,
        subject_climb=subject_climb,
        obligation_climb=obligation_climb,
        max_quoted_name_words=max_quoted_name_words,
        non_quote_cue_chars=non_quote_cue_chars,
        headline_max_words=headline_max_words,
        max_body_words=max_body_words,
        recent_body_tokens=recent_body_tokens,
    )
    unknown = [name for name in sieves if name not in SIEVES]
    if unknown:
        raise ValueError(f"{name}: unknown attribution sieves: {', '.join(unknown)}")
    return QuoteFinder(nlp, settings, thought_verbs, list(sieves), Gate.load(min_confidence))


class QuoteFinder:
    """Sets `doc._.quotes`: QuoteRecords in text order, each partial quote inside reported
    speech pointing at it (`within`)."""

    def __init__(
        self,
        nlp: Language,
        settings: QuoteSettings,
        thought_verbs: bool,
        sieves: list[str],
        gate: Gate,
    ) -> None:
        self.settings = settings
        self.sieves = sieves
        self.gate = gate
        # Every rule file the quote finders read is loaded here, once, and handed to each Doc.
        self.cues = Cues.load(thought_verbs, settings)
        self.cue_forms = cue_forms(self.cues.lemmas, lexicon.cue_irregular_forms())
        self.words = QuoteWords.load(nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        context = QuoteContext(doc, self.cues, self.settings, self.words)
        headlines = HeadlineFinder(context, self.cue_forms)
        quoted = QuotedFinder(context).events()
        events = headlines.attribute(quoted)
        events += [e for e in quoted if is_quote(e)]
        capitals = [(line.start_char, line.end_char) for line in headlines.lines]
        events += [
            e
            for e in ReportedFinder(context).events()
            if not any(start <= e.start < end for start, end in capitals)
        ]
        events += dash_events(context)
        events += colon_line_events(context, events)
        # Page furniture ("Sign up to ...", "Enter your email address") says nothing anyone said.
        events = outside_furniture(events, doc._.furniture or [], doc)
        events.sort(key=lambda e: (e.start, e.end))
        run_sieves(self.sieves, events, context)
        records = [record_of(e, context) for e in events]
        self.gate.apply(records, doc)
        doc._.quotes = with_nesting(records)
        return doc


def outside_furniture(
    events: list[SpeechEvent], furniture: list[CharSpan], doc: Doc
) -> list[SpeechEvent]:
    """Drop what page furniture says; a reported clause that a heading without its line break
    runs into ("Ordinary Victims The key point ... is that ...") starts after the heading."""
    kept = []
    for event in events:
        inside = next(((s, end) for s, end in furniture if s <= event.start < end), None)
        if inside is None:
            kept.append(event)
        elif event.kind == "indirect" and event.end > inside[1]:
            first = next(t for t in doc if t.idx >= inside[1] and not t.is_space)
            event.start = first.idx
            event.tokens = doc[first.i : event.tokens.end]
            kept.append(event)
    return kept
