"""Troop figures: how many military personnel, how sure, whose, and where.

"about 130,000 Russian troops near Ukraine", "the United States ordered 8,500 troops",
"between 100,000 and 130,000 soldiers", "1.5 million reservists", "a force of 30,000",
"troops numbering 100,000". Counts of casualties ("17 soldiers were killed") and of things
other than people are not troop figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from extractor import lexicon
from extractor.annotations import TroopRecord
from extractor.linguistics.numbers import SCALES, parse_number
from extractor.linguistics.syntax import entity_of

_NUMBER_PARTS = frozenset({"compound", "quantmod", "nummod"})
_LOCATION_PREPOSITIONS = frozenset(
    {"near", "in", "to", "into", "inside", "along", "at", "on", "across", "around", "within"}
)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
_ELLIPTIC_DEPS = frozenset({"dobj", "attr", "conj", "appos", "nsubj", "pobj"})


@dataclass(frozen=True)
class TroopSettings:
    """The troops component's reaches and sizes, with their defaults: the one place they are
    written (the factory's default config is made from them)."""

    # How many words after the counted noun a casualty word is looked for ("17 soldiers were
    # killed").
    casualty_window: int = 4
    # Below this, a number before a capitalised unit word names the unit, not a count ("the
    # 82 Airborne soldiers").
    unit_name_below: int = 1000
    # The smallest figure that is a force level ("one soldier" is not).
    min_count: int = 2
    # The smallest figure of a weak noun read as troops ("two men" are not surely soldiers;
    # "10,000 fighters" are).
    weak_noun_min_count: int = 100
    # How many words before a figure a casualty word is looked for ("killed 17 soldiers").
    casualty_words_before: int = 2
    # How many verbs down a subject's predicate what happened to them is read: "two
    # paratroopers were confirmed to have been buried".
    casualty_verb_chain: int = 2
    # How many steps up a noun phrase's "of"-phrases and coordinations a casualty word is
    # looked for: "the deaths of hundreds of thousands of Iraqis and nearly 4,600 US
    # service members".
    max_phrase_climb: int = 8
    # How many "of"-phrases up troops are part of what someone has or moves: "announced
    # the stationing of a brigade of 3,000 combat troops".
    deployer_phrase_climb: int = 3
    # How many verbs up, through a verb joined to another or the complement of one, the
    # subject of the verb that has or moves troops is looked for: "Russia plans to send
    # 8,500 troops".
    deployer_verb_climb: int = 3


@Language.factory(
    "extractor_troops",
    assigns=["doc._.troop_figures"],
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
        "doc._.country_at",
    ],
    # The reaches' and sizes' defaults are TroopSettings' own, written there once.
    default_config={**asdict(TroopSettings())},
)
def make_troops(
    nlp: Language,
    name: str,
    casualty_window: int,
    unit_name_below: int,
    min_count: int,
    weak_noun_min_count: int,
    casualty_words_before: int,
    casualty_verb_chain: int,
    max_phrase_climb: int,
    deployer_phrase_climb: int,
    deployer_verb_climb: int,
) -> TroopFinder:
    settings = TroopSettings(
        casualty_window=casualty_window,
        unit_name_below=unit_name_below,
        min_count=min_count,
        weak_noun_min_count=weak_noun_min_count,
        casualty_words_before=casualty_words_before,
        casualty_verb_chain=casualty_verb_chain,
        max_phrase_climb=max_phrase_climb,
        deployer_phrase_climb=deployer_phrase_climb,
        deployer_verb_climb=deployer_verb_climb,
    )
    return TroopFinder(settings)


@dataclass
class _Number:
    head: Token  # the token the figure hangs from in the parse ("million" of "1.5 million")
    first: int  # token index of the first token of the expression
    last: int  # token index of the last token
    low: int
    high: int


class TroopFinder:
    """Sets `doc._.troop_figures`: TroopRecords in text order."""

    def __init__(self, settings: TroopSettings) -> None:
        self.settings = settings
        self.troop_nouns: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for noun, strength in lexicon.troop_nouns():
            words = tuple(noun.lower().split())
            self.troop_nouns.setdefault(words[-1], []).append((words, strength == "weak"))
        for entries in self.troop_nouns.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # "special forces" before "forces"
        self.casualty_words = lexicon.lower_set("casualty_words.txt")
        self.unit_words = lexicon.lower_set("unit_words.txt")
        self.border_words = lexicon.lower_set("border_words.txt")
        self.measure_verbs = lexicon.lower_set("measure_verbs.txt")
        self.force_nouns = lexicon.lower_set("force_nouns.txt")
        self.foreign_object_verbs = lexicon.lower_set("foreign_object_verbs.txt")
        self.approximators = lexicon.approximators()
        self.civil_modifiers = lexicon.lower_set("civil_force_modifiers.txt")
        self.speech_verbs = frozenset(lexicon.cue_verbs())
        self.named_forces = lexicon.named_forces()

    def __call__(self, doc: Doc) -> Doc:
        records: list[TroopRecord] = []
        nouns: list[int] = []
        used: set[int] = set()
        casualty_counts: set[tuple[int, str]] = set()
        for token in doc:
            if (
                token.i in used
                or not _is_number(token)
                or token.ent_type_ in ("DATE", "MONEY", "PERCENT", "TIME")
            ):
                continue
            number = self._number(token)
            if number is None or number.head.i in used:
                continue
            noun = self._counted_noun(number)
            if noun is None or not self._is_force_level(number, noun):
                continue
            if any(c.lower_ in self.civil_modifiers for c in noun.lefts):
                continue  # "three opposition forces": parties, not soldiers
            if self._is_casualty(number, noun):
                casualty_counts.add((number.high, _noun_key(noun)))
                continue
            if self._is_unit_name(number):
                continue
            used.update(range(number.first, number.last + 1))
            records.append(self._record(doc, number, noun))
            nouns.append(noun.i)
        # "Nuland Claims 400-500 Russian Soldiers Killed" in the headline: "400-500 [soldiers]"
        # in her quote is that count of the dead again (the same number of the same noun; "1,000
        # soldiers were killed" says nothing of "deploy 1,000 troops").
        kept = [
            (r, n)
            for r, n in zip(records, nouns, strict=True)
            if (r.count, _noun_key(doc[n])) not in casualty_counts
        ]
        records, nouns = [r for r, _ in kept], [n for _, n in kept]
        records = same_noun_same_side(same_figure_same_side(records), nouns)
        sentences = [doc[i].sent.start for i in nouns]
        sides_named = self._sides_named(doc)
        records = same_sentence_same_side(records, sentences, sides_named)
        for record, noun_at in zip(records, nouns, strict=True):
            if record.country is None:
                record.country = self._speakers_side(doc[noun_at])
        named = {code for codes in sides_named.values() for code in codes}
        country_at: dict[int, str] = doc._.country_at or {}
        # A figure at a border, or in a sentence that names some other country ("Britain said
        # it would deploy 1,000 troops to Estonia"), does not take a side named elsewhere.
        unsure = [
            any(t.lower_ in self.border_words for t in doc[noun_at].sent)
            or any(t.i in country_at for t in doc[noun_at].sent)
            for noun_at in nouns
        ]
        records = one_side_in_the_article(records, named, unsure)
        doc._.troop_figures = at_a_border_the_other_side(doc, records, nouns, self.border_words)
        return doc

    def _speakers_side(self, noun: Token) -> str | None:
        """ "Blondin confirmed that 250 military personnel will be deployed": a figure in what
        someone reports, with no side of its own, is of the forces of the reporter's country."""
        token = noun
        while token.dep_ not in ("ccomp", "ROOT") and token.head.i != token.i:
            token = token.head
        if token.dep_ != "ccomp":
            return None
        # "Kirby said 100,000 troops were massed at the border", "... said Russia could send
        # 100,000 troops": a figure at a border, or in a clause that names a country, is of
        # whose forces the clause is about, not of who tells it.
        clause = list(token.subtree)
        country_at: dict[int, str] = noun.doc._.country_at or {}
        if any(t.lower_ in self.border_words or t.i in country_at for t in clause):
            return None
        for child in token.head.children:
            if child.dep_ == "nsubj":
                return self._person_country(child)
        return None

    def _sides_named(self, doc: Doc) -> dict[int, set[str]]:
        """Sentence start -> sides of the forces a sentence names with or without a number:
        "prepare Ukrainian forces ..., training up to 10,000 soldiers"."""
        country_at: dict[int, str] = doc._.country_at or {}
        sides: dict[int, set[str]] = {}
        for token in doc:
            if self._is_troop_noun(token):
                for child in token.children:
                    if child.dep_ in ("amod", "compound", "poss") and child.i in country_at:
                        sides.setdefault(token.sent.start, set()).add(country_at[child.i])
        return sides

    def _is_force_level(self, number: _Number, noun: Token) -> bool:
        """ "one soldier" is not a force level; "two men" is not even surely soldiers."""
        if number.high < self.settings.min_count:
            return False
        return number.high >= self.settings.weak_noun_min_count or not self._is_weak_noun(noun)

    # -- the number -------------------------------------------------------------------------

    def _number(self, token: Token) -> _Number | None:
        """Return the figure a number token belongs to, with its range, or None."""
        head = token
        while head.dep_ in ("compound", "quantmod") and _is_number(head.head):
            head = head.head
        numeric = [c for c in head.children if c.dep_ in _NUMBER_PARTS and _is_number(c)]
        if head.lower_ in SCALES:  # "1.5 million", "three thousand"
            value_tokens = [*(c for c in numeric if c.i < head.i and c.dep_ != "quantmod"), head]
        else:
            value_tokens = [head]
        value_tokens.sort(key=lambda t: t.i)
        value = parse_number([t.text for t in value_tokens])
        if value is None:
            return None
        low = high = value
        first, last = value_tokens[0].i, head.i
        bounds = [c for c in numeric if c not in value_tokens and c.i < first]
        if bounds:  # "3,000 to 5,000", "400-500"
            bound = parse_number([bounds[0].text])
            if bound is not None:
                if bound < value and head.lower_ in SCALES and bound < 1000:
                    bound *= SCALES[head.lower_]  # "1 to 1.5 million"
                low, first = bound, bounds[0].i
        between = any(c.lower_ == "between" for c in head.children)
        for conj in head.children:  # "between 100,000 and 130,000"
            if conj.dep_ == "conj" and _is_number(conj) and between:
                upper = parse_number([conj.text])
                if upper is not None and upper > value:
                    low, high, last = value, upper, conj.i
        if between:
            first = min(first, *(c.i for c in head.children if c.lower_ == "between"))
        if low > high:
            low, high = high, low
        return _Number(head=head, first=first, last=last, low=low, high=high)

    # -- what it counts ---------------------------------------------------------------------

    def _counted_noun(self, number: _Number) -> Token | None:
        """Return the personnel noun the figure counts, or None if it counts something else."""
        head = number.head
        if head.dep_ == "nummod" and self._is_troop_noun(head.head):
            return head.head
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            owner = head.head.head  # "a force of 30,000"
            if owner.lower_ in self.force_nouns or self._is_troop_noun(owner):
                return self._troops_of(owner) or owner
        if head.dep_ in ("dobj", "attr", "pobj", "npadvmod"):
            verb = head.head.head if head.dep_ == "pobj" else head.head
            if verb.lemma_.lower() in self.measure_verbs:
                counted = self._measured(verb)
                if counted is not None:
                    return counted
        if head.dep_ in _ELLIPTIC_DEPS and head.pos_ == "NUM":
            return self._elliptic(head)
        return None

    def _measured(self, verb: Token) -> Token | None:
        """The force a measure verb sizes: its subject, or the noun its clause describes."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ in ("relcl", "acl"):
            subject = verb.head
        if subject is None:
            return None
        if self._is_troop_noun(subject):
            return subject
        if subject.lower_ in self.force_nouns or subject.lower_ in ("which", "that"):
            owner = verb.head if subject.lower_ in ("which", "that") else subject
            return self._troops_of(owner) or (owner if self._is_troop_noun(owner) else None)
        return None

    def _troops_of(self, noun: Token) -> Token | None:
        """ "the number of Russian troops" -> "troops"."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and self._is_troop_noun(obj):
                        return obj
        return None

    def _elliptic(self, number: Token) -> Token | None:
        """ "The 3,000 troops include 2,000 from Fort Bragg and 1,000 from Germany": a bare
        number continuing a troop figure named earlier in the same sentence."""
        anchor = number
        while anchor.dep_ == "conj":
            anchor = anchor.head
        verb = anchor.head
        for child in verb.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and self._is_troop_noun(child)
                and any(c.dep_ == "nummod" for c in child.children)
            ):
                return child
        return None

    def _troop_noun_entry(self, token: Token) -> tuple[tuple[str, ...], bool] | None:
        doc = token.doc
        for words, weak in self.troop_nouns.get(token.lower_, []):
            start = token.i - len(words) + 1
            if start >= 0 and tuple(t.lower_ for t in doc[start : token.i + 1]) == words:
                return words, weak
        return None

    def _is_troop_noun(self, token: Token) -> bool:
        return self._troop_noun_entry(token) is not None

    def _is_weak_noun(self, token: Token) -> bool:
        entry = self._troop_noun_entry(token)
        return entry is not None and entry[1]

    def _is_casualty(self, number: _Number, noun: Token) -> bool:
        """ "17 soldiers were killed", "losses of 5,000 troops", "824 troops dying each day"."""
        doc = noun.doc
        nearby = [noun.head, noun.head.head, *noun.children]
        if noun.dep_ == "pobj":
            nearby.append(noun.head.head.head)
        if noun.dep_ in ("nsubj", "nsubjpass"):
            # "two paratroopers were confirmed to have been buried": what the predicate says
            # happened to them, down its chain of verbs.
            verbs = [noun.head]
            for _ in range(self.settings.casualty_verb_chain):
                verbs = [c for v in verbs for c in v.children if c.dep_ in ("xcomp", "ccomp")]
                nearby += verbs
        # "holding 763 men and 87 sailors as prisoners": what the verb makes of them.
        nearby += [
            obj
            for prep in noun.head.children
            if prep.dep_ == "prep"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        # "the deaths of hundreds of thousands of Iraqis and nearly 4,600 US service members":
        # the noun phrase the count is part of, up through its "of"-phrases and coordinations.
        token = noun
        for _ in range(self.settings.max_phrase_climb):
            if token.dep_ not in ("conj", "pobj", "prep", "appos") or token.head.i == token.i:
                break
            token = token.head
            nearby.append(token)
        start = max(0, number.first - self.settings.casualty_words_before)
        end = min(len(doc), noun.i + 1 + self.settings.casualty_window)
        nearby += list(doc[start:end])
        return any(
            t.lower_ in self.casualty_words or t.lemma_.lower() in self.casualty_words
            for t in nearby
        )

    def _is_unit_name(self, number: _Number) -> bool:
        """ "the 82 Airborne soldiers" names a unit, not 82 people."""
        doc = number.head.doc
        after = doc[number.last + 1] if number.last + 1 < len(doc) else None
        return (
            after is not None
            and after.lower_ in self.unit_words
            and after.text[:1].isupper()
            and number.high < self.settings.unit_name_below
        )

    # -- the record -------------------------------------------------------------------------

    def _record(self, doc: Doc, number: _Number, noun: Token) -> TroopRecord:
        start_token, approximate = self._approximation(doc, number.first)
        return TroopRecord(
            count=number.high,
            low=number.low,
            high=number.high,
            approximate=approximate or number.low != number.high,
            words=doc[start_token : number.last + 1],
            unit=noun.text,
            country=self._side(noun),
            location=self._location(noun),
        )

    def _approximation(self, doc: Doc, first: int) -> tuple[int, bool]:
        """Return where the figure's words start and whether they make it approximate."""
        best_length, approximate = 0, False
        for words, is_approximate in self.approximators.items():
            size = len(words)
            start = first - size
            matches = start >= 0 and tuple(t.lower_ for t in doc[start:first]) == words
            if matches and size > best_length:
                best_length, approximate = size, is_approximate
        return first - best_length, approximate

    def _side(self, noun: Token) -> str | None:
        """The country whose troops these are: a modifier, "from X", or who deploys them."""
        country_at: dict[int, str] = noun.doc._.country_at or {}
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in country_at:
                return country_at[child.i]
            if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in self.named_forces:
                return self.named_forces[child.lower_]  # "Wagner mercenaries"
            if child.dep_ == "poss":
                for grand in child.subtree:
                    if grand.i in country_at:
                        return country_at[grand.i]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in country_at:
                        return country_at[obj.i]
        return self._deployer(noun, country_at)

    def _deployer(self, noun: Token, country_at: dict[int, str]) -> str | None:
        """The side that has or moves the troops: the subject of the verb they are the object
        of ("the United States ordered 8,500 troops", "Russia has built up 100,000 troops",
        "Russia has surrounded its neighbour with 100,000 troops", "Britain already has
        1,700 personnel deployed")."""
        # "announced the stationing of a brigade of 3,000 combat troops": the troops' side is
        # that of whoever the phrase they are part of belongs to.
        for _ in range(self.settings.deployer_phrase_climb):
            if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                noun = noun.head.head
        if noun.dep_ == "dobj":
            verb = noun.head
            if verb.lemma_.lower() in self.foreign_object_verbs:
                return None
            # "RUSSIA TO MOBILIZE 60,000 RESERVISTS": a headline's parse takes the country for
            # the antecedent of a relative clause; it is the subject.
            if verb.dep_ == "relcl" and verb.head.i in country_at:
                return country_at[verb.head.i]
        elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.dep_ == "prep":
            verb = noun.head.head
        elif noun.dep_ in ("nsubj", "nsubjpass") and noun.head.tag_ in ("VBN", "VBG"):
            verb = noun.head.head if noun.head.dep_ in ("ccomp", "xcomp", "oprd") else noun.head
            if noun.head.dep_ == "ccomp" and verb.lemma_.lower() in self.speech_verbs:
                return None  # "Kirby said 100,000 troops were massed": he tells, not deploys
        else:
            return None
        for _ in range(self.settings.deployer_verb_climb):
            if verb.pos_ not in ("VERB", "AUX"):
                return None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                for token in subject.subtree:
                    if token.i in country_at:
                        return country_at[token.i]
                return self._person_country(subject)
            if verb.dep_ not in ("conj", "xcomp"):
                return None
            verb = verb.head
        return None

    @staticmethod
    def _person_country(subject: Token) -> str | None:
        person_at = subject.doc._.person_at or {}
        person_id = person_at.get(subject.i)
        if person_id is None:
            return None
        for person in subject.doc._.people or []:
            if person.id == person_id:
                return person.country
        return None

    @staticmethod
    def _location(noun: Token) -> str | None:
        """Where the troops are: "near Ukraine", "to Europe", "in Belarus"."""
        places = [noun, noun.head]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            places.append(noun.head.head)  # "the number of Russian troops near Ukraine"
        for holder in places:
            for prep in holder.children:
                if prep.dep_ not in ("prep", "dative") or prep.lower_ not in _LOCATION_PREPOSITIONS:
                    continue
                for obj in prep.subtree:
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                        entity = entity_of(obj)
                        return entity.text if entity is not None else obj.text
        return None


def same_noun_same_side(records: list[TroopRecord], nouns: list[int]) -> list[TroopRecord]:
    """ "The 3,000 troops include 2,000 from Fort Bragg and 1,000 from Germany": figures that
    count parts of one force share its side."""
    sides = {noun: r.country for r, noun in zip(records, nouns, strict=True) if r.country}
    for record, noun in zip(records, nouns, strict=True):
        if record.country is None and noun in sides:
            record.country = sides[noun]
    return records


def same_sentence_same_side(
    records: list[TroopRecord], sentences: list[int], named: dict[int, set[str]]
) -> list[TroopRecord]:
    """ "Moscow is preparing 100,000 troops, ... to increase the armed forces by 170,000
    personnel": figures in one sentence are one side's, when the sentence names only one."""
    sides: dict[int, set[str]] = {start: set(codes) for start, codes in named.items()}
    for record, sentence in zip(records, sentences, strict=True):
        if record.country:
            sides.setdefault(sentence, set()).add(record.country)
    for record, sentence in zip(records, sentences, strict=True):
        known = sides.get(sentence, set())
        if record.country is None and len(known) == 1:
            record.country = next(iter(known))
    return records


def one_side_in_the_article(
    records: list[TroopRecord], named: set[str], unsure: list[bool]
) -> list[TroopRecord]:
    """An article whose figures all belong to one side ("8,500 U.S. troops ... it would send
    3,000 troops") gives that side to the figures whose sentence does not say. So does one
    whose forces are only named for one side ("hundreds of Canadian Forces personnel ...
    250 military personnel will be deployed"), for figures not marked `unsure`."""
    counted = {r.country for r in records if r.country}
    known = counted | named
    if len(known) == 1:
        side = next(iter(known))
        for record, doubt in zip(records, unsure, strict=True):
            if record.country is None and (side in counted or not doubt):
                record.country = side
    return records


def at_a_border_the_other_side(
    doc: Doc, records: list[TroopRecord], nouns: list[int], border_words: frozenset[str]
) -> list[TroopRecord]:
    """ "the force massed on Ukraine's border to 190,000 troops", "with well over 150,000
    troops arrayed on its borders": a force at a border, with no side of its own, faces the
    countries its sentence names; it is that of the country the article is most about, when
    that is none of them."""
    country_at: dict[int, str] = doc._.country_at or {}
    mentions = Counter(country_at.values()).most_common()
    for record, noun_at in zip(records, nouns, strict=True):
        sentence = doc[noun_at].sent
        if record.country is not None or not any(t.lower_ in border_words for t in sentence):
            continue
        if any(c.ent_type_ in ("ORG", "NORP") for c in doc[noun_at].children):
            continue  # "10,000 NATO troops along the border": an alliance's, not a country's
        facing = {country_at[t.i] for t in sentence if t.i in country_at}
        others = [(code, n) for code, n in mentions if code not in facing]
        if others and (len(others) == 1 or others[0][1] > others[1][1]):
            record.country = others[0][0]
    return records


def same_figure_same_side(records: list[TroopRecord]) -> list[TroopRecord]:
    """A figure repeated without its side is the same force: "8,500 U.S. troops ... the
    8,500 troops"."""
    sides: dict[int, set[str]] = {}
    for record in records:
        if record.country:
            sides.setdefault(record.count, set()).add(record.country)
    for record in records:
        known = sides.get(record.count, set())
        if record.country is None and len(known) == 1:
            record.country = next(iter(known))
    return records


def _noun_key(noun: Token) -> str:
    """ "Soldiers" in a title-case headline and "[soldiers]" in a quote are one noun."""
    return noun.lower_.rstrip("s")


def _is_number(token: Token) -> bool:
    """A cardinal number: "8,500", "three", "thousand"; not an ordinal like "82nd"."""
    return token.like_num and not _ORDINAL.match(token.text) and token.ent_type_ != "ORDINAL"
