"""Attribution sieves: what decides the speaker of a quote its own cue did not name.

Each sieve is a small function registered under a name. Given one quote, the quotes around it
and the document's context, it returns a `Decision` (a speaker, or nobody: `Decision(rule,
None)`) or None to pass the quote on. The quotes component runs the sieves in the order its
config lists (`sieves`), each over every quote in text order, so later sieves see what earlier
ones decided. Every decision carries the sieve's name, which the output records as
`quotes[].rule`, and `extract evaluate` counts per rule, so the most precise sieves can run
first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extractor.annotations import PersonRecord
from extractor.linguistics.resolver import description_head, fits
from extractor.linguistics.syntax import is_definite, sentences_ahead, sentences_back
from extractor.quoting.context import QuoteContext, SpeechEvent
from extractor.quoting.records import cue_subject
from extractor.quoting.speakers import Speaker
from extractor.quoting.words import QuoteWords

# A quote opening with one of these is about someone, not in their words.
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them", "his"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "who"})


@dataclass(frozen=True)
class Decision:
    rule: str
    speaker: Speaker | None  # None: the sieve decided that nobody is named


Sieve = Callable[[SpeechEvent, list[SpeechEvent], QuoteContext], Decision | None]
SIEVES: dict[str, Sieve] = {}
DEFAULT_ORDER = (
    "document-reference",
    "cueless",
    "paragraph-speaker",
    "previous-paragraph",
    "passage-description",
    "reported-within-report",
    "lead-cataphora",
)


def sieve(name: str) -> Callable[[Sieve], Sieve]:
    def register(function: Sieve) -> Sieve:
        SIEVES[name] = function
        return function

    return register


def run_sieves(order: list[str], events: list[SpeechEvent], context: QuoteContext) -> None:
    # (The order was checked against SIEVES once, when the component was made.)
    for name in order:
        for event in events:
            decision = SIEVES[name](event, events, context)
            if decision is not None:
                event.speaker, event.attributed, event.rule = (
                    decision.speaker,
                    True,
                    decision.rule,
                )


def _names_a_country(speaker: Speaker, context: QuoteContext) -> bool:
    country_at = context.doc._.country_at or {}
    return any(t.i in country_at for t in speaker.mention)


def headline_source(events: list[SpeechEvent], context: QuoteContext) -> Speaker | None:
    """The organization a headline says spoke ("OSCE team says Crimea gunmen threatened to
    shoot at them"): the source of the report the article goes on to cite."""
    if not context.paragraphs:
        return None
    start, end = context.paragraphs[0]
    line = context.text[start:end].strip()
    if not line or line[-1] in '.!?"”' or len(line.split()) > context.settings.headline_max_words:
        return None
    for event in events:
        speaker = event.speaker
        if (
            event.paragraph == 0
            and speaker is not None
            and speaker.person_id is None
            and not speaker.refers_back
        ):
            # An organization, not a country: "Ukraine says ..." says whose view the story
            # gives, not who wrote the report it cites.
            return None if _names_a_country(speaker, context) else speaker
    return None


@sieve("document-reference")
def document_reference(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """ "the statement added", "the analysis says", "it said" after "the report", when the
    article never said who issued it: the organization its headline says spoke, else the
    organization (not a country: "Ukraine says ..., the report said") that spoke last."""
    if event.speaker is None or not event.speaker.refers_back:
        return None
    # Worked out once, before any reference is resolved.
    if "headline source" not in context.memo:
        context.memo["headline source"] = headline_source(events, context)
    headline = context.memo["headline source"]
    if isinstance(headline, Speaker):
        return Decision(
            "document-headline-source", Speaker(headline.name, None, event.speaker.mention)
        )
    # Only an organization issues statements; the person who spoke last may be quoting,
    # answering or reacting to it ("Jaishankar said ... the joint statement said").
    earlier = [
        e.speaker
        for e in events[: next(i for i, e in enumerate(events) if e is event)]
        if e.speaker
        and not e.speaker.refers_back
        and e.speaker.person_id is None
        and not _names_a_country(e.speaker, context)
    ]
    source = earlier[-1] if earlier else None
    return Decision(
        "document-last-body",
        Speaker(source.name, source.person_id, event.speaker.mention) if source else None,
    )


@sieve("cueless")
def cueless_quote(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """A direct quote with no cue, where no one else spoke just before it in its paragraph,
    whose own sentence is about a named person ("Alla ... is convinced that “historic
    justice should win”"), or that opens a sentence right after one whose main verb is a
    speech verb with no clause of its own, or says what someone thinks ("Stephane Dujarric
    ... acknowledged those frustrations. “...”", "Meanwhile, 36-year-old Andrey is more
    skeptical. “If Russia treats us ...”")."""
    if event.attributed or event.kind != "direct":
        return None
    opening = event.first_token()
    if opening is None or _about_someone_else(event, context):
        return None  # “He will never be released ...”: words about a person, not theirs
    stance = _stance_just_before(opening, context)
    if stance is not None:
        return Decision("view-before", stance)
    if _spoken_just_before(event, events, opening, context.settings.inherit_reach_sentences):
        return None
    if _question_put_in_words(event, opening, context):
        return Decision("ballot-question", None)  # a ballot's or a survey's question
    own = _subject_person(opening.sent, context)
    if own is not None and not context.in_quote(opening.sent.root):
        if not _quotes_another(opening.sent.root, context):
            return Decision("sentence-subject", own)
        return None
    if opening.sent.start == 0:
        return None
    before = context.doc[opening.sent.start - 1].sent
    root = before.root
    if context.paragraph_of(before.start_char) != event.paragraph or context.in_quote(root):
        return None
    if any(c.dep_ == "ccomp" for c in root.children):
        return None  # the verb reported a clause of its own; the quote is not its words
    speaker = _subject_person(before, context) if context.cues.attributes_fragment(root) else None
    return None if speaker is None else Decision("after-speech-verb", speaker)


def _stance_just_before(opening: Token, context: QuoteContext) -> Speaker | None:
    """The named person the sentence right before a quote says holds a view: "Meanwhile,
    36-year-old Andrey is more skeptical. “If Russia treats us ...”"."""
    if opening.sent.start == 0:
        return None
    before = context.doc[opening.sent.start - 1].sent
    if context.in_quote(before.root) or not _states_a_view(before.root, context.words):
        return None
    return _subject_person(before, context)


def _spoken_just_before(
    event: SpeechEvent, events: list[SpeechEvent], opening: Token, reach_sentences: int
) -> bool:
    """Whether someone was said to speak in the quote's paragraph a few sentences before it:
    then the quote carries on that speaker (see the paragraph-speaker sieve)."""
    reach = sentences_back(opening, reach_sentences)
    return any(
        e.paragraph == event.paragraph and e.attributed and reach <= e.start < event.start
        for e in events
    )


def _about_someone_else(event: SpeechEvent, context: QuoteContext) -> bool:
    first = context.text[event.start : event.end].split(maxsplit=1)
    return bool(first) and first[0].strip("“\"'‘").lower() in THIRD_PERSON


def _states_a_view(root: Token, words: QuoteWords) -> bool:
    """ "Andrey is more skeptical", "she remained unconvinced": a copula with an adjective
    for a view; not "is 81", "is in prison", "is the foreign minister"."""
    views = words.view_adjectives
    return root.lemma_ in words.stance_verbs and any(
        c.dep_ == "acomp" and c.lower_ in views for c in root.children
    )


def _quotes_another(root: Token, context: QuoteContext) -> bool:
    """ "Zelensky cited Winston Churchill, “...”": the words are someone else's."""
    if root.lemma_ in context.words.citing_verbs:
        return True
    return any(
        t.i in context.resolver.person_at for t in root.subtree if t.dep_ in ("dobj", "pobj")
    )


def _question_put_in_words(event: SpeechEvent, opening: Token, context: QuoteContext) -> bool:
    """A question quoted after a colon that a thing introduces: "The first question was clear
    enough: “Are you in favor of ...?”" quotes a ballot, not someone speaking."""
    if not context.text[event.start : event.end].rstrip(" ”\"'’").endswith("?"):
        return False
    if not context.text[: event.start].rstrip(" “\"'‘").endswith(":"):
        return False
    colon = opening
    while colon.i > 0 and colon.text != ":":
        colon = context.doc[colon.i - 1]
    verb = colon.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = context.cues.subject_of(verb) if not context.in_quote(verb) else None
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.lower_ not in context.words.person_nouns
        and context.resolve(subject) is None
    )


def _subject_person(sentence: Span, context: QuoteContext) -> Speaker | None:
    """The named person who is the active subject of a sentence's main verb, or None ("Merkel
    was criticised by Trump" does not make Merkel the speaker)."""
    root = sentence.root
    subject = context.cues.subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.dep_ != "nsubj" or subject.i not in context.resolver.person_at:
        return None
    return context.resolve(subject)


@sieve("paragraph-speaker")
def paragraph_speaker(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """A direct quote without a cue of its own takes the speaker of the quote or reported
    speech a few sentences before it in the same paragraph, else of the one a few sentences
    after it. (An article flattened into one paragraph is not one speaker's.)"""
    if event.attributed or event.kind != "direct":
        return None
    opening = event.first_token()
    if opening is None:
        return None
    reach = sentences_back(opening, context.settings.inherit_reach_sentences)
    ahead = sentences_ahead(opening, context.settings.inherit_reach_sentences)
    same = [
        e
        for e in events
        # (reached by its end: a long quote just before is as near as its last words)
        if e.paragraph == event.paragraph and e.attributed and reach <= e.end and e.start <= ahead
    ]
    if not same:
        return None
    earlier = [e for e in same if e.start < event.start]
    source = earlier[-1] if earlier else same[0]
    return Decision("paragraph-speaker", source.speaker)


@sieve("previous-paragraph")
def previous_paragraph(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """A quote with no cue in a paragraph where nobody else is said to speak continues the
    speaker of the paragraph before it: one that ends with a colon ("She said:"), or in which
    that speaker last spoke."""
    if event.attributed or event.kind != "direct":
        return None
    if not _only_quotes(event, context) and any(
        e.paragraph == event.paragraph and e.attributed for e in events
    ):
        return None
    previous = event.paragraph - 1
    if previous < 0:
        return None
    start, end = context.paragraphs[previous]
    if context.text[start:end].rstrip().endswith(":"):
        speaker = _colon_speaker(context, context.paragraph_words[previous])
        return None if speaker is None else Decision("colon-paragraph", speaker)
    spoken = [e for e in events if e.paragraph == previous and e.speaker is not None]
    return Decision("previous-paragraph", spoken[-1].speaker) if spoken else None


def _only_quotes(event: SpeechEvent, context: QuoteContext) -> bool:
    start, end = context.paragraphs[event.paragraph]
    rest = context.text[start:end]
    for marks in context.marked:
        if start <= marks.open < end:
            rest = rest.replace(context.text[marks.open : marks.end], "")
    return not any(ch.isalnum() for ch in rest)


def _colon_speaker(context: QuoteContext, span: Span | None) -> Speaker | None:
    """ "Asked about this, the minister said:" or "And from the chairwoman:"."""
    if span is None:
        return None
    for token in reversed(span):
        if context.cues.is_cue(token):
            return context.resolve(context.cues.subject_of(token))
    for token in reversed(span):
        if token.dep_ == "pobj" and token.head.lower_ == "from":
            return context.resolve(token)
    return None


@sieve("passage-description")
def passage_description(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """ "“...,” the Naftogaz CEO says" after Vitrenko's quotes, "According to the activist"
    after Michal Meisner spoke: a description with "the" that the cue names and nothing else
    resolved is the passage's speaker - the person who spoke last, a paragraph or two before,
    when no one else is named since, no country in the description contradicts theirs, and no
    title they hold rules the description out (a spokesperson is not the Secretary of State
    who spoke before)."""
    if event.speaker is not None or event.cue is None:
        return None
    subject = cue_subject(event, context)
    if subject is None or subject.tag_ not in ("NN", "NNP") or not is_definite(subject):
        return None
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my", "your") for c in subject.children):
        return None  # "our correspondent": the outlet's own, never quoted before
    head = description_head(subject)
    role_nouns = context.words.person_role_nouns
    describing = context.words.descriptions.describing
    if head not in role_nouns and head not in context.words.title_heads and head not in describing:
        return None
    earlier = [
        (e.end, e.start, e.speaker.person_id, e)
        for e in events
        if e.end <= subject.idx
        and e.speaker is not None
        and e.speaker.person_id is not None
        and event.paragraph - e.paragraph <= context.settings.passage_reach_paragraphs
    ]
    if not earlier:
        return None
    _, _, person_id, last = max(earlier, key=lambda found: found[:3])
    person_at = context.resolver.person_at
    closing = last.last_token()
    if closing is None:
        return None
    between = context.doc[closing.i + 1 : subject.i]
    if any(_another_subject(t, person_id, context) for t in between):
        return None  # someone else the text turned to since: the description may be theirs
    if any(t.lower_ in ("a", "an", "another") and t.head.lemma_ == subject.lemma_ for t in between):
        return None  # "a senior official ... the official said": a new, unnamed one
    person = context.resolver.people[person_id]
    if not _describes(subject, head, person, context):
        return None
    phrase = context.resolver.noun_phrase(subject)
    if any(t.i in person_at for t in phrase):
        return None  # "the author of the study, the gynecologist Olesia Kushnarenko": named
    speaker = Speaker(person.name, person.id, phrase, how="description")
    return Decision("passage-description", speaker)


def _describes(subject: Token, head: str, person: PersonRecord, context: QuoteContext) -> bool:
    """Whether a description can be the person's: no country in it contradicts theirs, and
    it is a role ("the politician") or an office no title of theirs rules out."""
    country = context.resolver.described_country(subject)
    if country is not None and person.country not in (None, country):
        return False
    role_nouns = context.words.person_role_nouns
    return head in role_nouns or _office_compatible(person, head, country, context.words)


def _office_compatible(
    person: PersonRecord, head: str, country: str | None, words: QuoteWords
) -> bool:
    """Whether an office's description can be the person's: they hold no office the article
    named (a role such as "expert" is none), the description says only that they lead
    something ("the NATO head"), a title of theirs names it, or is part of an office it
    stands for ("Minister" of "the top diplomat")."""
    generic = words.descriptions.generic_titles
    offices = {t.lower() for t in person.titles} - generic - words.person_role_nouns
    if not offices or head in generic:
        return True
    if fits(person, head, country, untitled_ok=True, words=words.descriptions):
        return True
    covered = words.descriptions.describing.get(head, ())
    return any(title in office for title in offices for office in covered)


def _another_subject(token: Token, person_id: str, context: QuoteContext) -> bool:
    """Whether a word names someone else the text turns to: "Later Olaf Scholz arrived",
    "The co-organizer of the rally, Michal Meisner, noted"; not someone only mentioned in a
    prepositional phrase ("a red line for Putin"), nor a name inside the quoted words."""
    other = context.resolver.person_at.get(token.i)
    if other is None or other == person_id or context.in_quote(token):
        return False
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ != "pobj"


@sieve("reported-within-report")
def reported_within_report(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """ "Blinken warned that everything he was seeing suggested Russia had decided ...",
    "Koffler says that comment suggests that Russia has a plan": a clause whose cue has a
    thing for its subject, written inside what someone is reported to have said, is part of
    their report."""
    if event.speaker is not None or event.cue is None:
        return None
    cue = event.cue[0]
    subject = cue_subject(event, context)
    if subject is None or context.resolver.person_at.get(subject.i) is not None:
        return None
    if subject.pos_ not in ("NOUN", "PRON") or subject.lower_ in PERSONAL_PRONOUNS:
        return None
    words = context.words
    lemma = subject.lemma_.lower()
    if (
        lemma in words.person_nouns
        or lemma in words.person_role_nouns
        or subject.lower_ in words.title_heads
    ):
        return None  # "officials", "the minister": someone, though not named
    if subject.i in context.resolver.organization_at or subject.ent_type_ in ("ORG", "NORP"):
        return None
    outer = [
        e
        for e in events
        if e is not event
        and e.speaker is not None
        and e.speaker.name
        and e.start <= cue.idx < e.end
        and e.kind == "indirect"
    ]
    if len(outer) == 1:
        found = outer[0].speaker
    elif not outer and cue.dep_ == "ccomp" and context.cues.is_cue(cue.head):
        # the report around it was not kept as a quote of its own: its cue still names who
        found = context.resolve(context.cues.subject_of(cue.head))
    else:
        return None
    if found is None or not found.name:
        return None
    return Decision("reported-within-report", Speaker(found.name, found.person_id, found.mention))


@sieve("lead-cataphora")
def lead_cataphora(
    event: SpeechEvent, events: list[SpeechEvent], context: QuoteContext
) -> Decision | None:
    """ "The archbishop of Canterbury has said an end to the war ... . Justin Welby, writing in
    the Daily Telegraph, ...": an article may open with a description and name the person in
    the next sentence. A description before anyone is named is the one person the next
    sentence names, when their country and titles do not rule it out."""
    if event.speaker is not None or event.cue is None:
        return None
    subject = cue_subject(event, context)
    if subject is None or subject.tag_ not in ("NN", "NNP") or not is_definite(subject):
        return None
    head = description_head(subject)
    if head not in context.words.person_role_nouns and head not in context.words.title_heads:
        return None
    person_at = context.resolver.person_at
    if any(i < subject.i for i in person_at):
        return None  # someone was named before: not an opening description
    sentence = subject.sent
    if sentence.end >= len(context.doc):
        return None
    following = context.doc[sentence.end].sent
    named = {person_at[t.i] for t in following if t.i in person_at and not context.in_quote(t)}
    if len(named) != 1:
        return None
    person = context.resolver.people[named.pop()]
    if not _describes(subject, head, person, context):
        return None
    phrase = context.resolver.noun_phrase(subject)
    return Decision("lead-cataphora", Speaker(person.name, person.id, phrase, how="description"))
