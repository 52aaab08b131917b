"""Who a speech verb's subject is: a person, an organization speaking, or nobody we can name.

"Foreign Minister Sergey Lavrov said" -> the person; "he said" -> the nearest earlier person
of the right gender; "the minister said" -> the nearest earlier person holding that title;
"NATO said", "Ukraine’s defense ministry said" -> the organization as written;
"officials said", "a top Kremlin official said" -> nobody (speaker null).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from extractor.annotations import PersonRecord
from extractor.linguistics.resolver import DescriptionResolver, holds_office, written_beside
from extractor.linguistics.syntax import (
    SourcePhrases,
    closing_name,
    in_capitals_line,
    is_definite,
    is_main_subject,
    sentences_ahead,
    sentences_back,
    word_span,
)
from extractor.quoting.cues import inverted_after_a_quote, inverted_subject
from extractor.quoting.settings import QuoteSettings
from extractor.quoting.words import QuoteWords

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
_LEADING_WORDS = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Antecedent:
    start: int  # character offset of the mention
    person_id: str
    part: str  # "subject" of the main clause, "object" of its verb, or "other"
    sentence: int  # token index where the mention's sentence starts


def _part_in_sentence(token: Token, person_at: dict[int, str], sources: SourcePhrases) -> str:
    if (
        is_main_subject(token, sources)
        or _closes_main_subject(token, person_at, sources)
        or _opens_main_subject(token, sources)
    ):
        return "subject"
    while token.dep_ in ("compound", "flat"):
        token = token.head
    verb = token.head.head
    if (
        token.head.dep_ == "ccomp"
        and verb.dep_ == "ROOT"
        and inverted_after_a_quote(verb)
        and inverted_subject(verb, verb.nbor(-1)) == token
    ):
        return "subject"  # '“...,” said Mr Regushevsky, a 46-year-old who brought his son'
    if token.dep_ in ("dobj", "dative") and token.head.dep_ == "ROOT":
        return "object"
    return "other"


def _opens_main_subject(name: Token, sources: SourcePhrases) -> bool:
    """ "Vučević, the new prime minister, reiterated ...": the parser may make the description
    set after a name the subject and hang the name elsewhere; the name is who the subject is."""
    doc = name.doc
    after = name.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return False
    description = doc[after + 1]
    subject = description.head if description.dep_ in ("det", "amod", "compound") else description
    while subject.dep_ in ("amod", "compound") and subject.head.i > subject.i:
        subject = subject.head
    end = subject.right_edge.i
    closed = doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ",")
    return (
        subject.left_edge.i == after + 1
        and closed
        and subject.head == name.head
        and is_main_subject(subject, sources)
    )


def _closes_main_subject(name: Token, person_at: dict[int, str], sources: SourcePhrases) -> bool:
    """ "The head of the Ministry of Foreign Affairs Radosław Sikorski stated": the name that
    closes the main subject's phrase is who the subject is."""
    noun = name
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    if noun is name or not is_main_subject(noun, sources):
        return False
    return closing_name(noun, person_at) == person_at.get(name.i)


@dataclass(frozen=True)
class Speaker:
    name: str
    person_id: str | None
    mention: Span  # the words that name the speaker
    # Set for "the statement" when the article never said who issued it: not a speaker yet
    # but a pointer to whoever spoke last, which the quotes component resolves.
    refers_back: bool = False
    how: str = "name"  # which kind of words named the speaker: a name, a pronoun, a title ...


class SpeakerResolver:
    """Resolves subjects of speech verbs in one annotated Doc."""

    def __init__(
        self,
        doc: Doc,
        quoted: list[tuple[int, int]],
        settings: QuoteSettings,
        words: QuoteWords,
    ) -> None:
        self.doc = doc
        self.settings = settings
        self.people: dict[str, PersonRecord] = {p.id: p for p in doc._.people or []}
        self.person_at: dict[int, str] = doc._.person_at or {}
        self.organization_at: dict[int, str] = doc._.organization_at or {}
        self.country_at: dict[int, str] = doc._.country_at or {}
        self.max_pronoun_distance = settings.max_pronoun_distance
        self.words = words
        self.sources = words.sources  # "according to X" names a subject too
        self._issued_cache: list[tuple[int, Speaker]] | None = None
        # An issuer a document's phrase names in words we cannot resolve ("issued by
        # officials"): told apart by identity, never a quote's speaker.
        self.unnamed = Speaker(name="", person_id=None, mention=doc[0:0])
        self._bodies_beside_cache: dict[str, list[tuple[int, str]]] | None = None
        quoted_starts = [s for s, _ in quoted]
        self._quoted = quoted
        self._quoted_starts = quoted_starts
        # Mentions outside quotes, in text order: the antecedents a pronoun can point back to,
        # each with its part in its sentence (subject of the main clause, object of it, other).
        self.antecedents: list[Antecedent] = []
        for person in self.people.values():
            for span in person.mentions:
                if self._in_quote(span.start_char) or in_capitals_line(span[-1]):
                    continue  # a related-story headline is not what "he" points back to
                head = span[-1]
                self.antecedents.append(
                    Antecedent(
                        span.start_char,
                        person.id,
                        _part_in_sentence(head, self.person_at, self.sources),
                        head.sent.start,
                    )
                )
        self.antecedents.sort(key=lambda a: a.start)
        self._antecedent_starts = [a.start for a in self.antecedents]
        self._pronoun_cache: dict[tuple[int, frozenset[str]], Speaker | None] = {}
        # People a pronoun cannot point to here: those the quote being attributed names in its
        # own words ("“He was reckless enough to attack Ukraine” ... he added" after a sentence
        # about Putin is not Putin's).
        self.excluded: frozenset[str] = frozenset()
        self.descriptors = written_beside(
            doc, self.person_at, self.words.person_nouns, self.words.title_heads
        )
        self.describer = DescriptionResolver(
            doc,
            self.people,
            self.person_at,
            [(a.start, a.person_id) for a in self.antecedents],
            words.descriptions,
        )

    def _in_quote(self, start: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, start) - 1
        return k >= 0 and self._quoted[k][0] <= start < self._quoted[k][1]

    def resolve(self, subject: Token, excluding: frozenset[str] = frozenset()) -> Speaker | None:
        """Return the speaker a subject token names, or None when it names nobody we know.
        The speaker records how it was found (`how`), which the confidence model weighs.
        A pronoun does not point to the people in `excluding`."""
        outer, self.excluded = self.excluded, excluding
        try:
            how, found = self._resolve(subject)
        finally:
            self.excluded = outer
        return None if found is None else replace(found, how=how)

    def _resolve(self, subject: Token) -> tuple[str, Speaker | None]:
        if subject.lower_ in ("who", "which", "that") and subject.head.dep_ in ("relcl", "acl"):
            subject = subject.head.head  # "Moscow, which denies ...": Moscow denies
        word = subject.lower_
        if word in self.words.eponym_heads and subject.pos_ == "NOUN":
            return "body", self._named_body(subject)  # "the Biden administration said"
        if self._two_people(subject):
            return "joint", None  # "Biden and Harris's chief of staff Jeff Zients said"
        person = self._person_in(subject)
        if person is not None:
            return "name", person
        if word in self.words.document_nouns:
            return "document", self._document(subject)
        if word in self.words.platform_nouns:
            return "platform", self._platform_owner(subject)
        if word in PRONOUN_GENDER:
            return "pronoun", self._pronoun(subject, PRONOUN_GENDER[word])
        if word == "it" and subject.dep_ == "nsubj":
            # ("it was announced that ..." is nobody's: the passive hides who spoke.)
            return "it", self._body_pronoun(subject)
        if subject.pos_ == "PRON":
            return "unnamed", None
        if word in self.words.person_nouns:
            found = self._descriptor(subject)
            describing = self.words.descriptions.describing
            if found is None and word in describing and is_definite(subject):
                # "the top US diplomat said": an office described, not a noun written by a name
                found = self._description(subject)
                return ("description", found) if found else ("descriptor", None)
            return "descriptor", found
        if word in self.words.title_heads and not self._is_proper_phrase(subject):
            if _indefinite(subject):
                return "unnamed", None  # "wrote a politician": not one named before
            found = self._description(subject)
            return ("description", found) if found else ("descriptor", self._descriptor(subject))
        described = self._descriptor(subject) if subject.pos_ == "NOUN" else None
        if described is not None:
            return "descriptor", described
        if self._refers_back_to_body(subject):
            return "body-described", self._body_described(subject)
        kind = self._body_of_its_kind(subject)
        if kind is not None:
            return "body-described", kind
        short = self._person_by_name_part(subject)
        if short is not None:
            return "name-part", short
        if self._speaks_as_body(subject):
            return "body", self._named_body(subject)
        return "unnamed", None

    def _person_by_name_part(self, noun: Token) -> Speaker | None:
        """ "Wang said" with "Wang Wenbin, a spokesman" in the article: one word that is the
        first or last word of exactly one person's name (the model may have tagged the lone
        word an organization) is that person."""
        if noun.pos_ != "PROPN" or not noun.text[:1].isupper():
            return None
        if noun.i in self.country_at or noun.ent_type_ in ("GPE", "LOC", "NORP"):
            return None  # "Israel said" is the country, whoever is called Israel Katz
        if self.noun_phrase(noun).text != noun.text:
            return None
        word = noun.lower_
        named = [
            person
            for person in self.people.values()
            if len(person.name.split()) > 1
            and word in (person.name.split()[0].lower(), person.name.split()[-1].lower())
        ]
        return self._speaker_for(named[0].id, noun) if len(named) == 1 else None

    def _descriptor(self, noun: Token) -> Speaker | None:
        """ "the Romanian journalist said" after "Romanian journalist Remus Cernea", "the
        founder said" after "the founder of Tinkoff Bank, Oleg Tinkov": a definite
        description whose head word the article used right beside exactly one person's
        name before it, with no country that contradicts theirs."""
        definite = any(
            (c.dep_ == "det" and c.lower_ in ("the", "this")) or c.dep_ == "poss"
            for c in noun.children
        )
        if not definite or noun.tag_ not in ("NN", "NNP"):
            return None
        country = self.described_country(noun)
        written = [
            (start, person_id)
            for start, person_id in self.descriptors.get(noun.lemma_.lower(), ())
            if start < noun.idx and country in (None, self.people[person_id].country)
        ]
        offices = {
            c.lower_
            for c in noun.children
            if c.dep_ == "compound" and c.lower_ in self.words.descriptions.title_vocabulary
        }
        candidates = {
            person_id
            for _, person_id in written
            if not offices or holds_office(self.people[person_id], noun.lower_, offices)
        }
        if len(candidates) != 1:
            return None
        # "Ukrainian soldier Ivan Petrenko ... A soldier from his unit ... the soldier said":
        # a new, unnamed one came between.
        last = max(start for start, _ in written)
        if any(
            t.lemma_.lower() == noun.lemma_.lower()
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children)
            for t in self.doc[: noun.i]
            if t.idx > last
        ):
            return None
        return self._speaker_for(candidates.pop(), noun)

    def _document(self, noun: Token) -> Speaker | None:
        """ "a written analysis by the Center for Naval Analyses", "a defence ministry
        statement": the issuer named in the phrase; "the report", "the statement": the issuer
        of the document named before, else the source that spoke before it."""
        mention = word_span(noun)
        issuer = self._issuer_in_phrase(noun)
        if issuer is self.unnamed:
            return None  # the phrase says who issued it, in words that name no one we know
        if issuer is not None:
            return Speaker(issuer.name, issuer.person_id, mention)
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
            return self._introduced_next(noun, mention)
        issued = [(start, s) for start, s in self._issued() if start < noun.idx]
        # "Biggs sent a letter to Biden ... the letter states": the same kind of document,
        # however far back; else a document of another kind issued a few sentences before
        # ("In a tweet the ministry said ... “...,” the statement added").
        same = [
            s
            for start, s in issued
            if self.doc.text[start : start + len(noun)].lower() == noun.lower_
        ]
        if same:
            return (
                None
                if same[-1] is self.unnamed
                else Speaker(same[-1].name, same[-1].person_id, mention)
            )
        if issued and issued[-1][0] >= sentences_back(noun, self.settings.document_reach_sentences):
            issuer = issued[-1][1]
            if issuer is self.unnamed:
                return None
            return Speaker(issuer.name, issuer.person_id, mention)
        owner = self.words.document_nouns[noun.lower_]
        if owner == "none":
            return None
        if owner == "person":
            return self._pronoun(noun, None)
        if owner == "body":
            body = self._recent_body(noun)
            if body is not None:
                return Speaker(body, None, mention)
        return Speaker(noun.text, None, mention, refers_back=True)

    def _platform_owner(self, place: Token) -> Speaker | None:
        """Who owns the website or page a statement is on: "the ministry's website", "EFS
        Investment Partners LLC, whose Facebook page says"."""
        owner = next((c for c in place.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.lower_ == "whose":
            clause = place.head
            while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ != "relcl":
                return None
            owner = clause.head
        found = self._resolve(owner)[1]
        if found is None and owner.pos_ == "PROPN":
            # a company no list knows: its proper name as written
            start = owner.i
            while (
                start > 0
                and self.doc[start - 1].pos_ == "PROPN"
                and self.doc[start - 1].dep_ == "compound"
            ):
                start -= 1
            name = self.doc[start : owner.i + 1]
            found = Speaker(name=name.text, person_id=None, mention=name)
        return None if found is None else replace(found, mention=word_span(place))

    def _introduced_next(self, noun: Token, mention: Span) -> Speaker | None:
        """ "..., a U.S. spy report says. The Intelligence Community released its annual
        threat assessment report ...": a document first met without its issuer, whom the
        next sentence or two name as releasing their report ("its", not "its own", nor a
        new "a report"), with no country that contradicts the first mention's."""
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            return None
        limit = sentences_ahead(noun, self.settings.document_next_sentences)
        said_of = {self.country_at[t.i] for t in noun.subtree if t.i in self.country_at}
        for token in self.doc[noun.i + 1 :]:
            if token.idx > limit:
                break
            if token.lower_ != noun.lower_ or not _the_issuers_own(token):
                continue
            issuer = self._issuer_in_phrase(token)
            if issuer is None or issuer is self.unnamed:
                return None
            named = {self.country_at[t.i] for t in issuer.mention if t.i in self.country_at}
            if said_of and named and not said_of & named:
                return None  # "a U.S. intelligence report ... the Russian Defence Ministry"
            return Speaker(issuer.name, issuer.person_id, mention)
        return None

    def _issuer_in_phrase(self, noun: Token) -> Speaker | None:
        """The issuer a document's own phrase names: "by X", "X's report", "a defence ministry
        statement", or the subject of "X released its report"."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                source = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if source is not None:
                    return self.resolve(source)
            if prep.dep_ == "prep" and prep.lower_ in ("on", "from"):
                # "a statement on the ministry's website"
                place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if place is not None and place.lower_ in self.words.platform_nouns:
                    owner = self._platform_owner(place)
                    if owner is not None:
                        return owner
            if prep.dep_ == "prep" and prep.lower_ == "of":
                # "the Statement of the Ministry of Foreign Affairs", not "a report of losses"
                source = next((c for c in prep.children if c.dep_ == "pobj"), None)
                issuer = self.resolve(source) if source is not None else None
                if issuer is not None and issuer.how in ("name", "body", "name-part"):
                    return issuer  # not "the post of prime minister"
            if prep.dep_ == "acl" and prep.lemma_.lower() in self.words.issuing_verbs:
                # "The joint statement issued by the Quad foreign ministers"
                agent = next((c for c in prep.children if c.dep_ == "agent"), None)
                source = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                )
                if source is not None:
                    return self.resolve(source) or self._body_of_members(source) or self.unnamed
        named = [
            c
            for c in noun.children
            # "An OSCE statement": the tagger may call the name an adjective.
            if (c.dep_ in ("compound", "poss") or (c.dep_ == "amod" and c.ent_type_ == "ORG"))
            and c.i < noun.i
            # "the Annual Threat Assessment": capitals make the words before it its title.
            and not (c.dep_ == "compound" and noun.text[:1].isupper())
            # A name the model or our components know: not "the 2024 Annual Threat
            # assessment" (its title) nor "a Tuesday tweet" (its day).
            and (
                c.i in self.organization_at
                or c.i in self.person_at
                or c.ent_type_ in ("ORG", "PERSON", "NORP")
                or self._is_seat(c)
            )
            # "a U.S. spy report" does not say who wrote it; "the Kremlin statement" does.
            and (c.i not in self.country_at or self._is_seat(c))
        ]
        if named:
            return self.resolve(named[-1])
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in ("in", "through", "via"):
            # "In a Tuesday tweet the Russian Ministry of Foreign Affairs said that ...": the
            # document is the one the speaker of the verb spoke through.
            verb = verb.head
            if verb.lemma_.lower() not in self.words.speech_lemmas:
                return None
        elif noun.dep_ != "dobj" or verb.lemma_.lower() not in self.words.issuing_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in self.words.document_nouns:
            return self.resolve(subject)
        return None

    def _body_of_members(self, noun: Token) -> Speaker | None:
        """ "the Quad foreign ministers": members acting together speak for their body."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return None
        for child in noun.children:
            if child.dep_ == "compound" and child.i in self.organization_at:
                name = self._written_name(child)
                return Speaker(name, None, word_span(child))
        return None

    def _issued(self) -> list[tuple[int, Speaker]]:
        """Each document the article attributes to an issuer, by position, worked out once."""
        if self._issued_cache is None:
            self._issued_cache = []
            for token in self.doc:
                # "multiple assessments made by the U.S. intelligence community"
                if (
                    token.lower_ in self.words.document_nouns
                    or token.lemma_ in self.words.document_nouns
                ):
                    issuer = self._issuer_in_phrase(token)
                    if issuer is not None:
                        self._issued_cache.append((token.idx, issuer))
        return self._issued_cache

    def _recent_body(self, before: Token) -> str | None:
        """The organization that was last the subject of a sentence before a token."""
        start = max(0, before.sent.start - self.settings.recent_body_tokens)
        for token in reversed(self.doc[start : before.i]):
            if before.idx - token.idx > self.max_pronoun_distance:
                return None
            if (
                token.pos_ == "NOUN"
                and is_main_subject(token, self.sources)
                and not self._in_quote(token.idx)
            ):
                kind = self._body_of_its_kind(token)  # "The operator says ... It says"
                if kind is not None:
                    return kind.name
                # "“...,” the ministry said. It also added, “...”": the body that spoke last,
                # named by its kind
                if self._refers_back_to_body(token):
                    described = self._body_described(token)
                    return described.name if described is not None else None
                if token.lower_ in self.words.document_nouns:
                    # "“...,” the statement said. It added that ...": the statement's issuer
                    issued = self._document(token)
                    if issued is not None and issued.name and not issued.refers_back:
                        return issued.name
            seat = self._is_seat(token)
            if token.i not in self.organization_at and not seat:
                continue
            # "although Downing Street agreed ..., it said": in the pronoun's own sentence, the
            # subject of any clause before it.
            same_sentence = token.sent == before.sent and token.dep_ in ("nsubj", "nsubjpass")
            if same_sentence or is_main_subject(token, self.sources):
                if seat:
                    return self.noun_phrase(token).text
                # The name may run on past the model's organization: "the UN Office for the
                # Coordination of Humanitarian Affairs said ... It called".
                written = self._written_name(token)
                named = self._named_body(token)
                bare = written.removeprefix("the ").removeprefix("The ")
                if named is not None and named.name.startswith(bare + " "):
                    return named.name
                return written
        return None

    def _body_of_its_kind(self, noun: Token) -> Speaker | None:
        """ "Naftogaz, the state energy company, said ... “...,” the company said": a
        definite noun the article wrote in apposition to one body's name shortly before, and
        beside no person's name, is that body."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if not definite or noun.pos_ != "NOUN" or noun.lemma_.lower() in self.descriptors:
            return None
        reach = sentences_back(noun, self.settings.body_kind_reach_sentences)
        named = {
            name
            for start, name in self._bodies_beside().get(noun.lemma_.lower(), ())
            # only a few sentences back: farther on, the article may have moved on to another
            # body of that kind it never described so
            if reach <= start < noun.idx
        }
        if len(named) != 1:
            return None
        return Speaker(named.pop(), None, word_span(noun))

    def _bodies_beside(self) -> dict[str, list[tuple[int, str]]]:
        """Nouns in apposition to a body's name ("Energoatom, Ukraine's nuclear operator,"),
        by lemma, with where the name stands and the name as written."""
        if self._bodies_beside_cache is None:
            index: dict[str, list[tuple[int, str]]] = {}
            for token in self.doc:
                if token.dep_ != "appos" or token.pos_ != "NOUN" or token.i in self.person_at:
                    continue
                name = token.head
                if name.pos_ != "PROPN" or name.i in self.person_at or name.i in self.country_at:
                    continue
                if token.lower_ not in self.words.body_kinds:
                    continue  # ("Bakhmut, a city in Donetsk" is a place, not a body)
                if name.ent_type_ in ("PERSON", "NORP", "DATE", "TIME"):
                    continue
                phrase = self.noun_phrase(name)
                index.setdefault(token.lemma_.lower(), []).append((phrase.start_char, phrase.text))
            self._bodies_beside_cache = index
        return self._bodies_beside_cache

    def _written_name(self, token: Token) -> str:
        """An organization as the article writes it at this mention ("The Institute for the
        Study of War", not the gazetteer's "ISW")."""
        for organization in self.doc._.organizations or []:
            for mention in organization.mentions:
                if mention.start <= token.i < mention.end:
                    return mention.text
        return self.organization_at[token.i]

    def _body_pronoun(self, pronoun: Token) -> Speaker | None:
        """ "it said": the organization that was last the subject of a sentence. (Countries
        are left out: "it" after "Russia" is as often the war or the plan as the state.)"""
        mention = word_span(pronoun)
        body = self._recent_body(pronoun)
        if body is not None:
            return Speaker(body, None, mention)
        # "The mission report, obtained by Reuters, gave new detail ... “...,” it said."
        document = self._document_leading(pronoun)
        found = self._document(document) if document is not None else None
        if found is None:
            return None
        return Speaker(found.name, found.person_id, mention, found.refers_back)

    def _document_leading(self, pronoun: Token) -> Token | None:
        """A document noun that is the main subject of the pronoun's sentence or of the one
        before it."""
        first = self.doc[self._sentence_before(pronoun)]
        subjects = [
            t
            for t in self.doc[first.i : pronoun.i]
            if t.lower_ in self.words.document_nouns and is_main_subject(t, self.sources)
        ]
        return subjects[-1] if subjects else None

    def _named_body(self, noun: Token) -> Speaker | None:
        """The organization or government a noun phrase names, as written."""
        words = self.noun_phrase(noun)
        if (
            len(words) > self.settings.max_body_words
            or any(t.pos_ in ("VERB", "AUX") or t.text == ":" or "\n" in t.text for t in words)
            or any(t.is_digit or ":" in t.text for t in words)  # "1:23 War": a video caption
        ):
            return None
        name = (
            self._proper_name_in(noun)
            or self._owned_form(words)
            or self._full_name_of(words)
            or words.text
        )
        return Speaker(name=name, person_id=None, mention=words)

    def _full_name_of(self, words: Span) -> str | None:
        """ "the Institute said" after "The Institute for the Study of War", "the Treasury
        said" after "the U.S. Treasury": one title-case word that the article wrote earlier
        as the head of exactly one longer name, going on after it or led by a country, is
        that body, under the longer name."""
        if len(words) != 1 or not words[0].is_title or words[0].i in self.country_at:
            return None  # "EU" is a name of its own, not a word of "EU Association Agreement"
        word = words[0]
        longer = set()
        for token in self.doc[: word.i]:
            if token.text != word.text:
                continue
            phrase = self.noun_phrase(token).text
            if phrase == token.text:
                continue
            led_by_country = phrase.endswith(" " + token.text) and any(
                t.i in self.country_at for t in token.children if t.i < token.i
            )
            # Any longer name with the word is a rival ("the UN Security Council" beside
            # "the Council of Europe"); only a name led by the word or by a country is taken.
            longer.add(phrase if phrase.startswith(token.text + " ") or led_by_country else "")
        return (longer.pop() or None) if len(longer) == 1 else None

    def _owned_form(self, words: Span) -> str | None:
        """ "Ukraine's Foreign Ministry has rejected ... the Foreign Ministry accused": a body
        named without its country takes the country it was last named with."""
        if any(t.i in self.country_at for t in words):
            return None
        size = len(words)
        lowered = [t.lower_ for t in words]
        for i in range(words.start - size, 1, -1):
            if words.start_char - self.doc[i].idx > self.max_pronoun_distance:
                return None
            if [t.lower_ for t in self.doc[i : i + size]] != lowered:
                continue
            owner = self._country_owning(i)
            if owner is not None:
                return self.doc[owner.i : i + size].text
        return None

    def _country_owning(self, start: int) -> Token | None:
        """The country written as the owner of the phrase starting at `start`: "Russia's"
        before "Foreign Ministry"."""
        if start < 2:
            return None
        owner, mark = self.doc[start - 2], self.doc[start - 1]
        return owner if owner.i in self.country_at and mark.text in ("'s", "’s") else None

    def _proper_name_in(self, noun: Token) -> str | None:
        """The organization's own name when a description is written before it:
        "Ukraerorukh" in "Ukraine’s air traffic safety agency Ukraerorukh". A phrase whose
        head is a common noun ("the AFP news agency", "the press service of the Ministry of
        Defence") or that is all proper nouns ("the U.S. Embassy") is the name as written."""
        if not _capitalized(noun) or noun.i in self.country_at:
            return None
        described = any(
            c.i < noun.i and c.pos_ == "NOUN" and c.dep_ in ("compound", "amod", "nmod")
            for c in noun.children
        )
        if not described:
            return None
        first = noun
        while (
            first.i > 0
            and _capitalized(self.doc[first.i - 1])
            and self.doc[first.i - 1].head.i == noun.i
            and first.i - 1 not in self.country_at
        ):
            first = self.doc[first.i - 1]
        return self.doc[first.i : noun.i + 1].text

    def _refers_back_to_body(self, noun: Token) -> bool:
        """ "the organization added", "the ministry said": a definite institution noun with
        no name of its own."""
        if noun.lower_ not in self.words.institution_nouns or noun.pos_ != "NOUN":
            return False
        modifiers = [c for c in noun.children if c.i < noun.i]
        return bool(modifiers) and all(c.lower_ == "the" for c in modifiers)

    def _body_described(self, noun: Token) -> Speaker | None:
        """The organization most recently named before "the ministry" / "the department" whose
        name holds that noun, as the article wrote it there. A generic "the organization"
        could be any of them and stays unresolved."""
        fitting = [
            mention
            for organization in self.doc._.organizations or []
            for mention in organization.mentions
            if mention.start < noun.i and noun.lower_ in mention.text.lower().split()
        ]
        if not fitting:
            return self._described_before(noun)
        named = max(fitting, key=lambda mention: (mention.start, mention.end))
        # "Russia's Foreign Ministry has called ... the ministry said": the country that owns
        # it, written before its name, is part of which ministry it is.
        owner = self._country_owning(named.start)
        name = self.doc[named.start if owner is None else owner.i : named.end].text
        return Speaker(name=name, person_id=None, mention=word_span(noun))

    def _described_before(self, noun: Token) -> Speaker | None:
        """ "the Russian foreign ministry said ... the ministry added": the fuller phrase the
        article used before for the same kind of body, or else the words as written ("The
        ministry has insisted" when the article never says which)."""
        mention = word_span(noun)
        for token in reversed(self.doc[: noun.i]):
            if token.lower_ != noun.lower_ or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if noun.idx - token.idx > self.max_pronoun_distance:
                break
            if any(c.dep_ in ("amod", "compound", "poss") for c in token.children):
                return Speaker(self.noun_phrase(token).text, None, mention)
        if noun.lower_ in self.words.generic_body_nouns:
            return None  # "the organization added" could be any of those named
        return Speaker(self.noun_phrase(noun).text, None, mention)

    def person_speaker(self, token: Token) -> Speaker | None:
        """Return the person a token is part of a mention of, or None."""
        person_id = self.person_at.get(token.i)
        if person_id is None:
            return None
        return self._speaker_for(person_id, token)

    def _person_in(self, subject: Token) -> Speaker | None:
        """A person named by the subject itself or by its apposition ("the spokesman, Peskov")."""
        speaker = self.person_speaker(subject)
        if speaker is not None:
            return self._first_of_joint(subject) or speaker
        for child in subject.children:
            if child.dep_ == "appos" and child.i in self.person_at:
                return self._speaker_for(self.person_at[child.i], subject)
        # "The U.S. ambassador to the OSCE, Daniel Baer, said": the parser may hang the name
        # on a noun inside the subject; a name in apposition anywhere in it is the speaker.
        named = {
            self.person_at[t.i]
            for t in subject.subtree
            if t.dep_ == "appos" and t.i in self.person_at
        }
        if len(named) == 1 and subject.lower_ in self.words.title_heads:
            return self._speaker_for(named.pop(), subject)
        closing = closing_name(subject, self.person_at)
        if closing is not None and subject.lower_ in self.words.title_heads:
            return self._speaker_for(closing, subject)
        return self._name_closing_the_sentence(subject)

    def _title_at(self, i: int) -> int:
        """Return how many tokens the longest title written from token i takes, or 0."""
        for title in self.words.titles:
            if tuple(t.lower_ for t in self.doc[i : i + len(title)]) == title:
                return len(title)
        return 0

    def _name_closing_the_sentence(self, description: Token) -> Speaker | None:
        """ "..., according to former astronaut and Navy captain, Sen. Mark Kelly.": a name set
        off by a comma after a description, with nothing after it in the sentence."""
        doc = self.doc
        i = description.right_edge.i + 1
        if description.pos_ != "NOUN" or i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        while i < len(doc) and i not in self.person_at and (size := self._title_at(i)):
            i += size  # "Sen.", "Col.", "Lt. Gen."
        person_id = self.person_at.get(i)
        if person_id is None:
            return None
        while i < len(doc) and self.person_at.get(i) == person_id:
            i += 1
        if i < len(doc) and doc[i].text not in (".", "!", "?") and "\n" not in doc[i].text:
            return None
        return self._speaker_for(person_id, description)

    def _two_people(self, subject: Token) -> bool:
        """Whether a named subject has another person in apposition: a parse of "X and Y's
        chief of staff Z" that cannot say which of them speaks."""
        own = self.person_at.get(subject.i)
        return own is not None and any(
            c.dep_ == "appos" and self.person_at.get(c.i) not in (None, own)
            for c in subject.children
        )

    def _first_of_joint(self, subject: Token) -> Speaker | None:
        """ "Yvan Blondin and Defence Minister Rob Nicholson say": joint speakers are taken to
        be the first named (the parser may make the last one the subject)."""
        phrase = self.doc[subject.left_edge.i : subject.i]
        if not any(t.lower_ == "and" for t in phrase):
            return None
        if any(t.text in ("'s", "’s") for t in phrase):
            return None  # "Biden and Harris's chief of staff Jeff Zients said": one speaker
        first = next((t for t in phrase if t.i in self.person_at), None)
        if first is None or self.person_at[first.i] == self.person_at.get(subject.i):
            return None
        return self._speaker_for(self.person_at[first.i], subject)

    def _speaker_for(self, person_id: str, token: Token) -> Speaker:
        return Speaker(
            name=self.people[person_id].name, person_id=person_id, mention=self.noun_phrase(token)
        )

    def _pronoun(self, pronoun: Token, gender: str | None) -> Speaker | None:
        """The person a pronoun points back to, or None when that is not clear.

        The nearest earlier person outside quotes whose gender does not contradict, preferring
        one who was the subject of a main clause: in "Joe Biden has said he is convinced that
        Vladimir Putin has made the decision ... which he said ...", the second "he" is Biden,
        not Putin. In the nearest sentence that names someone but has no such subject, the
        object of the main verb comes first: "Amanpour asked Zelensky about ... Putin. He
        said" is Zelensky's answer. A person described but not named who stands nearer as a
        subject ("as the UN secretary general was visiting Ukraine, where he described") is
        the one meant: resolved through the description, or else nobody.
        """
        position = pronoun.idx
        k = bisect.bisect_left(self._antecedent_starts, position)
        window = [
            a
            for a in reversed(self.antecedents[:k])
            if position - a.start <= self.max_pronoun_distance
            and (gender is None or self.people[a.person_id].gender in (gender, None))
        ]
        if not window:
            return None
        if self.excluded and self._preferred(window, pronoun).person_id in self.excluded:
            # The quote names the one "he" would point to: someone else said it, and the
            # next name back decides only as the subject ("Brigitte Macron ... with Jill
            # Biden. “Macron is very proud ...,” she said" is nobody we can name).
            window = [a for a in window if a.person_id not in self.excluded]
            if not window or window[0].part != "subject":
                return None
        chosen = self._preferred(window, pronoun)
        mention = word_span(pronoun)
        earlier = self._earlier_subject_pronoun(pronoun, chosen.start)
        if earlier is not None:
            # "He said he was “grateful ...” ... He continued:": the same person goes on.
            carried = self._resolved_pronoun(earlier, gender)
            return None if carried is None else Speaker(carried.name, carried.person_id, mention)
        # "A senior EU diplomat told EUobserver ... since she met Russian leader Vladimir Putin
        # ... “...,” he said": a name inside the clause does not outrank the described
        # subject of the sentence it stands in.
        after = chosen.start if chosen.part == "subject" else self.doc[chosen.sentence].idx
        described = self._described_subject_between(after, pronoun, gender)
        if described is not None:
            if described.lower_ not in self.words.title_heads:
                return None  # "an official said ... he added": someone we cannot name
            found = self._description(described)
            return None if found is None else Speaker(found.name, found.person_id, mention)
        person = self.people[chosen.person_id]
        return Speaker(name=person.name, person_id=person.id, mention=mention)

    def _earlier_subject_pronoun(self, pronoun: Token, after: int) -> Token | None:
        """The nearest earlier "he"/"she" (the same word) outside quotes that is the subject of
        its sentence's main clause and stands after the antecedent found by name."""
        for token in reversed(self.doc[: pronoun.i]):
            if token.idx <= after or pronoun.idx - token.idx > self.max_pronoun_distance:
                return None
            if (
                token.lower_ == pronoun.lower_
                and is_main_subject(token, self.sources)
                and not self._in_quote(token.idx)
            ):
                return token
        return None

    def _resolved_pronoun(self, pronoun: Token, gender: str | None) -> Speaker | None:
        key = (pronoun.i, self.excluded)
        if key not in self._pronoun_cache:
            self._pronoun_cache[key] = self._pronoun(pronoun, gender)
        return self._pronoun_cache[key]

    def _preferred(self, window: list[Antecedent], pronoun: Token) -> Antecedent:
        nearest_sentence = window[0].sentence
        nearest = [a for a in window if a.sentence == nearest_sentence]
        adjacent = nearest_sentence >= self._sentence_before(pronoun)
        # "He also informed Mr Varadkar ... He said": a pronoun subject carries the one before.
        subject_pronoun = any(
            t.lower_ in PRONOUN_GENDER and is_main_subject(t, self.sources)
            for t in self.doc[nearest_sentence].sent
        )
        if adjacent and not subject_pronoun and not any(a.part == "subject" for a in nearest):
            objects = [a for a in nearest if a.part == "object"]
            if objects:
                return objects[0]
        return next((a for a in window if a.part == "subject"), window[0])

    def _sentence_before(self, token: Token) -> int:
        """The start of the sentence before the token's own (or of its own, if it is first)."""
        start = token.sent.start
        return self.doc[start - 1].sent.start if start > 0 else start

    def _described_subject_between(
        self, after: int, pronoun: Token, gender: str | None
    ) -> Token | None:
        """A singular subject between an antecedent and a pronoun that describes a person
        without naming one ("the UN secretary general", "an official"), when it is the one the
        pronoun points to: the subject of a clause the pronoun's clause hangs from ("as the UN
        secretary general was visiting Ukraine, where he described"), or the subject of the
        main clause of the sentence before."""
        first = self.doc[self._sentence_before(pronoun)]
        ancestors = {t.i for t in pronoun.ancestors}
        for token in reversed(self.doc[first.i : pronoun.i]):
            if token.idx <= after:
                return None
            if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN":
                continue
            if token.i in self.person_at or self._in_quote(token.idx):
                continue
            if (
                token.lower_ not in self.words.title_heads
                and token.lower_ not in self.words.person_nouns
            ):
                continue
            if token.lower_ in self.words.document_nouns:
                continue  # "The report came as Beth Van Schaack said ... She added": no person
            governs = token.head.i in ancestors
            leads_sentence_before = token.sent != pronoun.sent and is_main_subject(
                token, self.sources
            )
            if not (governs or leads_sentence_before):
                continue
            if self._person_in(token) is not None:
                continue  # "the spokesman, Peskov, said": named after all
            word_gender = self.words.gendered_titles.get(token.lower_)
            if gender is not None and word_gender not in (None, gender):
                continue
            return token
        return None

    def described_country(self, noun: Token) -> str | None:
        """The country a description's phrase names ("the Ukrainian leader"), if any."""
        return next((self.country_at[c.i] for c in noun.subtree if c.i in self.country_at), None)

    def _description(self, noun: Token) -> Speaker | None:
        """ "the minister", "the Ukrainian leader": the person the shared resolver finds."""
        country = self.described_country(noun)
        person = self.describer.resolve(noun, country)
        if person is None:
            return None
        return Speaker(name=person.name, person_id=person.id, mention=self.noun_phrase(noun))

    def _is_proper_phrase(self, noun: Token) -> bool:
        return noun.i in self.organization_at or noun.ent_type_ in _ORG_LABELS

    def _speaks_as_body(self, noun: Token) -> bool:
        """An organization, government or country speaking: "NATO", "the Kremlin", "Russia",
        "Ukraine’s defense ministry"."""
        if noun.i in self.organization_at or noun.i in self.country_at:
            return True
        if noun.ent_type_ in _ORG_LABELS:
            return True
        if noun.lower_ in self.words.institution_nouns:
            named = any(
                t.i in self.organization_at or t.i in self.country_at or t.ent_type_ in _ORG_LABELS
                for t in noun.subtree
            )
            # ("Buckingham Palace announced": a name of its own the model tagged as a place)
            proper = noun.pos_ == "PROPN" and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children
            )
            return named or proper or _described_by_its_field(noun)
        return noun.pos_ == "PROPN"

    def _is_seat(self, token: Token) -> bool:
        """ "Kremlin", "White House", "Downing Street": a seat of government (ending at the
        token), which speaks for it."""
        for size in range(1, self.words.max_seat_tokens + 1):
            if token.i - size + 1 < 0:
                break
            if self.doc[token.i - size + 1 : token.i + 1].text.lower() in self.words.seats:
                return True
        return False

    def _located(self, noun: Token, prep: Token) -> bool:
        """Whether "in <place>" is part of the name: "the U.S. Embassy in Moscow"."""
        if noun.lower_ not in self.words.located_institutions:
            return False
        return any(c.dep_ == "pobj" and _is_place(c) for c in prep.children)

    def noun_phrase(self, noun: Token) -> Span:
        """Return the words of a noun's phrase: its modifiers, its "of" phrase and
        its conjuncts ("The U.S. and NATO"), without clauses or appositions."""
        doc = self.doc
        start = noun.left_edge.i
        while start < noun.i and (doc[start].lower_ in _LEADING_WORDS or doc[start].is_punct):
            start += 1
        end = noun.i
        for child in noun.children:
            if child.i < noun.i:
                continue
            if (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ in ("cc", "conj"):
                end = max(end, child.right_edge.i)
            elif child.dep_ == "prep" and child.lower_ == "in" and self._located(noun, child):
                end = max(end, child.right_edge.i)  # "the U.S. Embassy in Moscow"
            elif child.dep_ == "prep" and child.lower_ in ("for", "on"):
                # "the Institute for the Study of War (in Washington)"
                end = max(end, _name_end_on(noun, child) or end)
            elif child.dep_ == "compound" or child.dep_ == "flat":
                end = max(end, child.i)
        while end > noun.i and doc[end].is_punct:
            end -= 1
        body = self.organization_at.get(end)
        while (
            body is not None
            and end + 1 < len(doc)
            and self.organization_at.get(end + 1) == body
            and doc[end + 1].tag_ != "POS"
        ):
            end += 1  # "the Organization for Security and Cooperation in Europe": one name
        return doc[start : end + 1]


def _name_end_on(noun: Token, prep: Token) -> int | None:
    """Where a capitalised name that goes on past "for"/"on" ends: "Institute for the Study
    of War" (not the "in Washington" after it), "Council on Foreign Relations"; None for
    "Ukraine for the talks", "Gazprom on Thursday"."""
    if not _capitalized(noun):
        return None
    last = None
    for token in prep.subtree:
        if token.text == "(":
            break  # "... of Chemical Weapons (OPCW)": the name ends where its acronym opens
        if token.i <= prep.i or not token.is_alpha:
            continue
        if not (token.text[:1].isupper() or token.lower_ in ("the", "of", "and")):
            break
        if token.ent_type_ in ("DATE", "TIME", "GPE"):
            return None
        # "Gazprom on Telegram": another name, not the rest of this one; but "the UN Office for
        # the Coordination of Humanitarian Affairs", which the model cut in two at "for the",
        # is one.
        goes_on = prep.lower_ == "for" and token.lower_ == "the" and token.ent_type_ == "ORG"
        if token.ent_iob_ == "B" and not goes_on:
            return None
        last = token
    while last is not None and last.lower_ in ("the", "of", "and"):
        last = last.doc[last.i - 1] if last.i - 1 > prep.i else None
    return None if last is None else last.i


def _is_place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def _the_issuers_own(document: Token) -> bool:
    """ "released its annual threat assessment report": the report is its issuer's; "its own
    report" is another one."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in document.children) and not any(
        c.lower_ == "own" for c in document.children
    )


def _capitalized(token: Token) -> bool:
    """A proper noun as written: the tagger calls lower-case words in names PROPN too."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _described_by_its_field(noun: Token) -> bool:
    """ "The defence ministry said", "the central bank said": a definite institution noun
    that its field describes is one body, whose name the article writes in lower case."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    described = any(
        c.dep_ in ("compound", "amod") and c.i < noun.i and c.pos_ in ("NOUN", "ADJ", "PROPN")
        for c in noun.children
    )
    return noun.pos_ in ("NOUN", "PROPN") and definite and described


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)
