"""People: one entry per person, under the longest name the article uses, with titles and country.

The model's PERSON entities are the evidence; this component cleans them (titles and
possessives off, photo credits and bylines out), clusters the mentions of one person
("Vladimir Putin", "Putin", "President Putin’s"), recovers mentions the model labelled as
something else when the name is elsewhere a person, and reads titles and the country acted
for from pre-modifiers ("Russian President ...") and appositions ("..., a White House
spokeswoman").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import gender_guesser.detector as gender_detector
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import lexicon
from extractor.annotations import PersonRecord
from extractor.linguistics.credits import doc_regions_to_skip, inside
from extractor.linguistics.descriptions import link_descriptions
from extractor.linguistics.person_evidence import Candidate, PersonEvidence
from extractor.linguistics.public_figures import Figure, PublicFigures, public_figures
from extractor.linguistics.roles import Role, RoleReader, premodifier_block
from extractor.linguistics.syntax import in_capitals_line

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
MAX_NAME_TOKENS = 5
MIN_SLIP_LENGTH = 5
CANDIDATES_KEY = "extractor.person_candidates"  # (name, features) of every candidate, for fitting
MAX_LIST_GAP = 14  # tokens between two listed office holders: a joiner and the next title
ALIAS_WINDOW = 14  # tokens after a name in which "better known by his assumed name X" is read


@Language.factory(
    "extractor_people",
    assigns=["doc._.people", "doc._.person_at"],
    requires=["doc.ents", "token.dep", "token.tag", "doc._.country_at", "doc._.furniture"],
    # min_person_evidence: the log-odds a candidate needs; -0.25 was the best cross-validated
    # people F1 on tests/gold (see extractor.training.fit_person_evidence --threshold).
    default_config={
        "min_single_name_evidence": 2,
        "use_evidence": True,
        "min_person_evidence": -0.25,
    },
)
def make_people(
    nlp: Language,
    name: str,
    min_single_name_evidence: int,
    use_evidence: bool,
    min_person_evidence: float,
) -> PeopleFinder:
    return PeopleFinder(min_single_name_evidence, use_evidence, min_person_evidence)


@dataclass
class _Mention:
    start: int  # token index of the first name token
    end: int  # token index just past the last name token
    words: tuple[str, ...]
    role: Role
    eponym: bool = False  # "the Biden administration": names something else
    first_name_only: bool = False  # "Alla, a 40-something-year-old head ...": a vox pop
    alias: bool = False  # "Strelkov, whose real name is Igor Girkin": not the name they go by


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def longest(self) -> tuple[str, ...]:
        named = [m for m in self.mentions if not m.alias] or self.mentions
        return max((m.words for m in named), key=lambda w: (len(w), len(" ".join(w))))

    @property
    def surname(self) -> str:
        return self.longest[-1]


class PeopleFinder:
    """Sets `doc._.people` and `doc._.person_at` (token index -> person id)."""

    def __init__(
        self,
        min_single_name_evidence: int,
        use_evidence: bool = True,
        min_person_evidence: float = 0.0,
    ) -> None:
        self.min_single_name_evidence = min_single_name_evidence
        self.min_person_evidence = min_person_evidence
        # Off only when the evidence weights are refitted, so every candidate is seen.
        self.use_evidence = use_evidence
        self.evidence = PersonEvidence()
        self.roles = RoleReader()
        self.countries = lexicon.countries()
        self.organization_names = {
            name.lower() for org in lexicon.organizations() for name in (org.name, *org.aliases)
        }
        self.credit_words = lexicon.lower_set("credit_markers.txt")
        self.places = lexicon.lower_set("places.txt")
        self.eponym_heads = lexicon.lower_set("eponym_heads.txt")
        self.honorifics = lexicon.honorifics()
        self.title_words = {word for title in lexicon.titles() for word in title}
        # Words that are titles by themselves and so may stand right before a name.
        self.name_prefixes = {t[0] for t in lexicon.titles() if len(t) == 1} | set(self.honorifics)
        self.description_heads = frozenset(
            t[-1]
            for t in lexicon.titles()
            if t[-1].isalpha() and t[-1] not in lexicon.lower_set("partial_title_words.txt")
        )
        self.institution_words = lexicon.lower_set("institution_nouns.txt") | lexicon.lower_set(
            "name_stop_words.txt"
        )
        self.genders = gender_detector.Detector(case_sensitive=False)
        self.figures = public_figures()
        self.body_nouns = lexicon.lower_set("generic_body_nouns.txt") | lexicon.lower_set(
            "institution_nouns.txt"
        )
        self.list_joiners = lexicon.lower_set("list_joiners.txt")
        self.cabinet_words = lexicon.lower_set("cabinet_words.txt")
        self.plural_titles = dict(lexicon.plural_titles())
        self.alias_markers = sorted(
            lexicon.alias_markers(),
            key=len,
            reverse=True,
        )

    def __call__(self, doc: Doc) -> Doc:
        excluded = doc_regions_to_skip(doc)
        spans = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        spans += self._unlabelled_names(doc, spans)
        spans += self._known_figure_names(doc, spans)
        listed = self._listed_after_plural_title(doc, spans)
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans += [name for name in listed if not any(t.i in taken for t in name)]
        vox_pops = self._first_names_alone(doc, spans)
        spans += vox_pops
        mentions = [m for m in (self._mention(span) for span in spans) if m]
        for m in mentions:
            title = listed.get(doc[m.start : m.end])
            if title and title not in m.role.titles:
                m.role.titles.append(title)
        alone = {span.start for span in vox_pops}
        for m in mentions:
            m.first_name_only = m.start in alone
        mentions = [m for m in mentions if not inside(doc[m.start : m.end], excluded)]
        clusters = cluster(mentions)
        aliases = self._aliases(doc, clusters)
        clusters = _merge_aliases(clusters, aliases)
        clusters = self._merge_known_figures(clusters)
        clusters = self._merge_family_names(clusters)
        self._recover_mentions(doc, clusters, excluded, aliases)
        # "Antyufeyev, also known as Vadim Shevtsov": a surname the model missed is only
        # recovered above, so its alias is read again.
        clusters = _merge_aliases(clusters, self._aliases(doc, clusters))
        surnames = {c.surname for c in clusters if len(c.longest) > 1}
        clusters = [c for c in clusters if self._is_person(doc, c, surnames)]
        clusters = self._weigh_evidence(doc, clusters)
        clusters.sort(key=lambda c: c.mentions[0].start)
        people, person_at = self._records(doc, clusters)
        link_descriptions(doc, people, person_at, self.roles, self.description_heads)
        self._known_countries(doc, people, clusters)
        self._countries_from_lists(doc, people, clusters)
        doc._.people = people
        doc._.person_at = person_at
        return doc

    def _unlabelled_names(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Full names the model missed or called an organization: runs of two to four proper
        nouns that open with a known first name ("Volodymyr Zelenskiy"), or a proper noun
        right after a title word or honorific ("President Zelenskiy", "Mr. Kirby")."""
        taken = {i for span in found for i in range(span.start, span.end)}
        names: list[Span] = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and doc[j].tag_ in ("NNP", "NNPS") and doc[j].text[:1].isupper():
                j += 1
            if j == i:
                i += 1
                continue
            run = doc[i:j]
            i = j
            while len(run) and run[0].lower_ in self.name_prefixes:
                run = run[1:]
            if not len(run) or any(t.i in taken for t in run):
                continue
            # "Ukrainian lawmaker Oleksiy Goncharenko" with "Oleksiy" tagged a place: a title
            # and a known first name outweigh the label.
            titled_first_name = (
                run.start > 0
                and doc[run.start - 1].lower_ in self.name_prefixes
                and self._first_name_gender(run[0].text) is not None
                and not any(t.ent_type_ in _NUMBER_LABELS for t in run)
            )
            if not titled_first_name and any(t.ent_type_ in _NOT_PERSON_LABELS for t in run):
                continue
            if any(t.lower_ in self.institution_words for t in run):
                continue
            previous = doc[run.start - 1] if run.start > 0 else None
            titled = previous is not None and previous.lower_ in self.name_prefixes
            if titled and len(run) <= 4:
                names.append(run)
                continue
            # "DNI Avril Haines": the name starts at the first known first name.
            for k in range(len(run) - 1):
                if self._first_name_gender(run[k].text) is not None:
                    if len(run) - k <= 4:
                        names.append(run[k:])
                    break
        return names

    def _listed_after_plural_title(self, doc: Doc, found: list[Span]) -> dict[Span, str]:
        """Names listed after a plural title, with the title each holds: "Senators Risch,
        Cardin, Wicker and Graham presented a draft" -> {Risch: "Senator", ...}. A list of
        one name is no list."""
        listed: dict[Span, str] = {}
        for token in doc:
            title = self.plural_titles.get(token.lower_)
            if title is None:
                continue
            names, i = [], token.i + 1
            while i < len(doc) and _name_word(doc[i]):
                end = i
                while end + 1 < len(doc) and _name_word(doc[end + 1]) and end - i < 2:
                    end += 1
                names.append(doc[i : end + 1])
                i = end + 1
                while i < len(doc) and doc[i].lower_ in (",", "and"):
                    i += 1
            if len(names) >= 2:
                listed.update((name, title) for name in names)
        return listed

    def _first_names_alone(self, doc: Doc, found: list[Span]) -> list[Span]:
        """People a report names by first name only, as vox pops do, when the sentence shows
        them as people: "Alla, a 40-something-year-old head of a vocational school, is
        convinced", "Arif, an Azeri, and Nina, a Russian - said"."""
        taken = {i for span in found for i in range(span.start, span.end)}
        names = []
        for token in doc:
            if token.i in taken or not _capitalized_word(token) or token.ent_type_ == "DATE":
                continue
            if not self._is_first_name_token(token) or _joined_to_a_name(token):
                continue
            described = (
                token.i + 2 < len(doc)
                and doc[token.i + 1].text == ","
                and doc[token.i + 2].lower_ in ("a", "an")
            )
            if described:
                names.append(doc[token.i : token.i + 1])
        return names

    def _known_figure_names(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Names of known public figures the model missed or called something else: "Kallas
        said" tagged as a work of art, "Nuland:" opening a headline, "China’s Xi Jinping"."""
        taken = {i for span in found for i in range(span.start, span.end)}
        names: list[Span] = []
        for token in doc:
            if token.i in taken or not _capitalized_word(token):
                continue  # a headline in capitals ("PUTIN SAYS") has a parse of its own
            figure = self.figures.find((token.text,))
            if figure is None:
                continue
            # The full name around it: before ("Vladimir Putin") or, for a family name
            # written first, after ("Xi Jinping").
            start, end = token.i, token.i + 1
            for size in range(MAX_NAME_TOKENS, 1, -1):
                spans = [(token.i - size + 1, token.i + 1), (token.i, token.i + size)]
                fits = [
                    (a, b)
                    for a, b in spans
                    if a >= 0
                    and b <= len(doc)
                    and all(i not in taken and _capitalized_word(doc[i]) for i in range(a, b))
                    and self.figures.find(tuple(t.text for t in doc[a:b])) is figure
                ]
                if fits:
                    start, end = fits[0]
                    break
            names.append(doc[start:end])
            taken.update(range(start, end))
        return names

    def _mention(self, entity: Span) -> _Mention | None:
        """Return the cleaned name inside a PERSON entity, or None when it is not a name."""
        tokens = list(entity)
        while tokens and (
            tokens[0].lower_ in self.title_words
            or tokens[0].lower_ + "." in self.title_words  # "Maj" of "Maj. Gen. Patrick Ryder"
            or tokens[0].lower_ in self.honorifics
            or tokens[0].pos_ == "DET"
            or (tokens[0].is_sent_start and tokens[0].lower_.endswith("ing"))  # "Joining Biggs"
        ):
            tokens.pop(0)
        while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct):
            tokens.pop()
        # "Taoiseach Leo Varadkar", "International Anchor Christiane Amanpour": words before a
        # known first name are a title we do not list.
        first_names = [k for k, t in enumerate(tokens) if self._is_first_name_token(t)]
        if first_names and 0 < first_names[0] <= len(tokens) - 2:
            tokens = tokens[first_names[0] :]
        if not tokens or len(tokens) > MAX_NAME_TOKENS:
            return None
        doc = entity.doc
        first, last = tokens[0].i, tokens[-1].i
        # "Anders Fogh Rasmussen" when the model only took "Fogh Rasmussen".
        while first > 0 and self._is_first_name_token(doc[first - 1]):
            first -= 1
        # "Ursula von der Leyen" when the model stopped at "von der".
        while doc[last].lower_ in _particles() and last + 1 < len(doc):
            if not doc[last + 1].text[:1].isupper():
                break
            last += 1
        if doc[last].lower_ in _particles():
            return None
        # "Ban Ki-moon" when the model stopped at the family name: a hyphenated given name.
        if (
            last + 3 < len(doc)
            and doc[last + 1].text[:1].isupper()
            and not doc[last + 1].whitespace_
            and doc[last + 2].text == "-"
            and not doc[last + 2].whitespace_
            and doc[last + 3].is_lower
            and doc[last + 3].is_alpha
        ):
            last += 3
        # "Vladimir Putin (Report, 8 February)": a citation in brackets is no part of the name.
        bracket = next((t.i for t in doc[first + 1 : last + 1] if t.text == "("), None)
        if bracket is not None:
            last = bracket - 1
        span = doc[first : last + 1]
        nickname = _nickname_in(span)
        if nickname is not None:
            # 'Jimmy "Barbeque" Cherizier': the name is written around the nickname.
            quote_at, surname_at = nickname
            span = doc[first : surname_at + 1]
            words = (*(t.text for t in doc[first:quote_at]), doc[surname_at].text)
            return self._make_mention(span, words) if self._looks_like_name(span) else None
        if not self._looks_like_name(span):
            return None
        return self._make_mention(span)

    def _make_mention(self, span: Span, words: tuple[str, ...] | None = None) -> _Mention:
        return _Mention(
            start=span.start,
            end=span.end,
            # "Thomas-Greenfield" is one word of a name; "[President Vladimir] Putin" has an
            # editor's brackets that are no part of any word.
            words=words or _name_words(span.text),
            # The parse of a headline in capitals is too poor to read roles from.
            role=Role() if in_capitals_line(span[0]) else self.roles.role_of(span),
            eponym=is_eponym(span, self.eponym_heads),
        )

    def _looks_like_name(self, span: Span) -> bool:
        text = span.text
        if any(ch.isdigit() for ch in text) or "/" in text or "@" in text:
            return False
        if not all(
            t.text[:1].isupper()
            or t.is_punct
            or t.lower_ in _particles()
            or (t.i > 0 and t.doc[t.i - 1].text == "-")  # "Ban Ki-moon"
            for t in span
        ):
            return False
        lowered = text.lower()
        if self.countries.code_of(lowered) or lowered in self.organization_names:
            return False
        if lowered in self.places:
            return False
        for token in span:
            word = token.lower_
            if word in self.credit_words or word in self.organization_names:
                return False  # "NTD Photo", "NATO Troop Training"
            if word in self.countries.demonyms or ("-" in token.text and self._names_country(word)):
                return False  # "Belarusian Border", "Belarus-Russian"
        return True

    def _names_country(self, word: str) -> bool:
        return any(self.countries.code_of(part) for part in word.split("-"))

    def _is_first_name_token(self, token: Token) -> bool:
        return (
            token.tag_ == "NNP"
            and token.text[:1].isupper()
            and token.lower_ not in self.name_prefixes
            and self._first_name_gender(token.text) is not None
        )

    def _merge_known_figures(self, clusters: list[_Cluster]) -> list[_Cluster]:
        """ "Xi Jinping ... Putin and Xi": a lone name that a known figure goes by joins the
        full name of that figure, wherever the family name stands."""
        full: dict[Figure, _Cluster] = {}
        for c in clusters:
            if len(c.longest) > 1:
                figure = self.figures.find(c.longest)
                if figure is not None:
                    full.setdefault(figure, c)

        def owner(c: _Cluster) -> _Cluster | None:
            figure = self.figures.find(c.longest)
            return full.get(figure) if figure is not None else None

        clusters = _fold_lone_names(clusters, owner)
        # "Volodymyr Zelensky" ... "Volodymyr Zelenskyy": two spellings of one known figure.
        return _fold_lone_names(clusters, owner, names=lambda c: len(c.longest) > 1)

    def _merge_family_names(self, clusters: list[_Cluster]) -> list[_Cluster]:
        """ "Ban Ki-moon ... Ban said": a lone name that is the first word of one full name,
        and no first name a name list knows, is that person's family name written first."""

        def owner(c: _Cluster) -> _Cluster | None:
            word = c.longest[0]
            if self._first_name_gender(word) is not None:
                return None  # "Andrey" alone may be any Andrey
            full = [o for o in clusters if len(o.longest) > 1 and o.longest[0] == word]
            return full[0] if len(full) == 1 else None

        return _fold_lone_names(clusters, owner)

    def _aliases(self, doc: Doc, clusters: list[_Cluster]) -> dict[str, _Cluster]:
        """Other names the article gives a person: "Girkin, a Russian better known by his
        assumed name Strelkov" -> {"Strelkov": Girkin's cluster}."""
        found: dict[str, _Cluster] = {}
        for c in clusters:
            for m in c.mentions:
                sentence_end = doc[m.end - 1].sent.end
                window = doc[m.end : min(sentence_end, m.end + ALIAS_WINDOW)]
                words = [t.lower_ for t in window]
                for marker in self.alias_markers:
                    at = _find(words, marker)
                    if at is None:
                        continue
                    # "Girkin, a Russian better known by his assumed name Strelkov", not
                    # "Kallas met Stoltenberg, also known as Jens": nothing that starts a
                    # clause or names someone else stands between the name and the marker.
                    describes = not any(
                        t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("PERSON", "ORG", "GPE")
                        for t in window[:at]
                    )
                    after = window.start + at + len(marker)
                    alias = _alias_after(doc, after)
                    if describes and alias:
                        # "whose real name is Igor Girkin": the full alias, and its surname
                        # when it stands alone later ("Girkin said").
                        found.setdefault(" ".join(alias), c)
                        found.setdefault(alias[-1], c)
                    break
        return found

    def _recover_mentions(
        self,
        doc: Doc,
        clusters: list[_Cluster],
        excluded: list[range],
        aliases: dict[str, _Cluster],
    ) -> None:
        """Add mentions the model missed or mislabelled: "Reznikov" tagged ORG, "Zelensky’s",
        and a name's alias ("Strelkov")."""
        covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        by_surname: dict[str, list[_Cluster]] = {}
        for c in clusters:
            by_surname.setdefault(c.surname, []).append(c)
        for alias, owner in aliases.items():
            by_surname.setdefault(alias, [owner])
        for token in doc:
            # "BIDEN WARNS RUSSIA": a headline in capitals names the same people.
            written = token.text.title() if token.is_upper and len(token) > 1 else token.text
            last = _hyphen_run_end(token)
            if last.i > token.i:
                written = doc[token.i : last.i + 1].text  # "Cranny-Evans" is three tokens
            if token.i in covered or written not in by_surname:
                continue
            if token.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                continue
            if token.is_sent_start and token.pos_ in _NOT_NAME_POS:
                continue  # "Fix the roads" is not Liana Fix
            if inside(doc[token.i : token.i + 1], excluded):
                continue
            start = self._name_start(token, covered)
            span = doc[start : last.i + 1]
            if not self._looks_like_name(span):
                continue
            candidates = by_surname[written]
            words = tuple(span.text.split())
            target = (_match_cluster(words, candidates) if len(words) > 1 else None) or _named_last(
                candidates, span.start
            )
            target.mentions.append(self._make_mention(span))
            covered.update(range(span.start, span.end))
        for c in clusters:
            c.mentions.sort(key=lambda m: m.start)

    def _name_start(self, token: Token, covered: set[int]) -> int:
        """Extend a surname left over first names written before it ("Oleksii Reznikov"),
        and only over first names: not "President Biden", not "Joining Biggs"."""
        start = token.i
        while start > 0:
            previous = token.doc[start - 1]
            if previous.i in covered or not self._is_first_name_token(previous):
                break
            start -= 1
        return start

    def _is_person(self, doc: Doc, c: _Cluster, surnames: set[str]) -> bool:
        """Keep full names; keep a lone surname only with evidence it names an acting person."""
        real = [m for m in c.mentions if not m.eponym]
        if not real:
            return False
        if len(c.longest) > 1:
            return True
        word = c.longest[0]
        if "-" in word and any(part in surnames for part in word.split("-")):
            return False  # "the Putin-Biden call" names a call, not a person
        places = sum(1 for m in real if _place_like(doc[m.end - 1]))
        if places * 2 >= len(real):
            return False  # "in Luhansk", "the Zaporizhzhya region": a place the model took
        named_with_the = sum(1 for m in real if m.start > 0 and doc[m.start - 1].lower_ == "the")
        if named_with_the * 2 >= len(real):
            return False  # "the Quad": people are not named with "the"
        if any(m.start > 0 and doc[m.start - 1].lower_ in self.body_nouns for m in real):
            return False  # "The US image company Maxar said": a body named after its kind
        if self.figures.find(c.longest) is not None:
            return True  # "Scholz would offer Putin a dialogue": a surname that is known
        evidence = len(real)
        for m in real:
            if m.role.titles or m.role.gender:
                evidence += 2
            head = doc[m.end - 1]
            possessive = m.end < len(doc) and doc[m.end].text in POSSESSIVE
            if head.dep_ in ("nsubj", "nsubjpass", "poss") or possessive:
                evidence += 1
        return evidence >= self.min_single_name_evidence

    def _weigh_evidence(self, doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
        """Keep the candidates whose evidence for a person outweighs the evidence for an
        outlet, a body, a place or a thing; record every candidate's features in
        `doc.user_data` for refitting the weights."""
        kept, seen = [], []
        for c in clusters:
            features = self.evidence.features(doc, self._candidate(doc, c))
            seen.append((" ".join(c.longest), features))
            if not self.use_evidence or self.evidence.score(features) >= self.min_person_evidence:
                kept.append(c)
        doc.user_data[CANDIDATES_KEY] = seen
        return kept

    def _candidate(self, doc: Doc, c: _Cluster) -> Candidate:
        words = c.longest
        return Candidate(
            mentions=[doc[m.start : m.end] for m in c.mentions],
            titled=any(m.role.titles for m in c.mentions),
            known_figure=self.figures.find(words) is not None,
            first_name_known=len(words) > 1 and self._first_name_gender(words[0]) is not None,
            first_name_alone=len(words) == 1 and self._first_name_gender(words[0]) is not None,
        )

    def _records(
        self, doc: Doc, clusters: list[_Cluster]
    ) -> tuple[list[PersonRecord], dict[int, str]]:
        """One record per cluster, in the order given (the order of first mentions)."""
        people: list[PersonRecord] = []
        person_at: dict[int, str] = {}
        for number, c in enumerate(clusters, start=1):
            person_id = f"p{number}"
            record = PersonRecord(
                id=person_id,
                name=_canonical_name(doc, c, self.figures),
                mentions=[
                    (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in c.mentions
                ],
                titles=_unique_titles(t for m in c.mentions for t in m.role.titles),
                country=_vote(m.role.country for m in c.mentions),
                gender=_vote(m.role.gender for m in c.mentions) or self._cluster_gender(c),
            )
            people.append(record)
            for m in c.mentions:
                for i in range(m.start, m.end):
                    person_at[i] = person_id
        return people, person_at

    def _known_countries(
        self, doc: Doc, people: list[PersonRecord], clusters: list[_Cluster]
    ) -> None:
        """Fill in the country of people the article's words tie to none: a known public
        figure's country when the article names that country, else the country the office
        exists in ("Defence Secretary Ben Wallace")."""
        named = {c.code for c in doc._.countries or []}
        for person, c in zip(people, clusters, strict=True):
            figure = self.figures.find(c.longest)
            if figure is not None and figure.country not in named and len(c.longest) == 1:
                figure = None  # "Patel told reporters": a surname alone, in a story not theirs
            if figure is not None and person.gender is None:
                person.gender = figure.gender
            if person.country is not None:
                continue
            if any(self._titled_by_a_body(doc, m) for m in c.mentions):
                continue  # "OSCE chairman Didier Burkhalter": acts for the body, not his country
            if figure is not None and figure.country in named:
                person.country = figure.country
            else:
                person.country = _vote(m.role.office_country for m in c.mentions)

    def _countries_from_lists(
        self, doc: Doc, people: list[PersonRecord], clusters: list[_Cluster]
    ) -> None:
        """Office holders listed one after another, each with a title, are of one government
        when those whose country the list names all share it: "Head of the Defense
        Intelligence of Ukraine Kyrylo Budanov, Head of the Foreign Intelligence Service
        Oleksandr Lytvynenko, ..., Minister of Defense Oleksiy Reznikov" (Lytvynenko: UA)."""
        titled = sorted(
            (m.start, m.end, person)
            for person, c in zip(people, clusters, strict=True)
            for m in c.mentions
            if m.role.titles and premodifier_block(doc[m.start : m.end])
        )
        in_cabinet = {
            id(person)
            for person, c in zip(people, clusters, strict=True)
            for m in c.mentions
            if any(t.lower_ in self.cabinet_words for t in premodifier_block(doc[m.start : m.end]))
        }
        runs: list[list[tuple[int, int, PersonRecord]]] = []
        for entry in titled:
            previous = runs[-1][-1] if runs else None
            # Between two entries: a joiner, then the next one's title and nothing that
            # makes a clause.
            gap = doc[previous[1] : entry[0]] if previous is not None else doc[0:0]
            joined = (
                len(gap) > 0
                and len(gap) <= MAX_LIST_GAP
                and gap[0].lower_ in self.list_joiners
                and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in gap)
            )
            if joined and runs:
                runs[-1].append(entry)
            else:
                runs.append([entry])
        for run in runs:
            codes = [person.country for _, _, person in run if person.country]
            if len(codes) >= 2 and len(set(codes)) == 1:
                for _, _, person in run:
                    if person.country is None and id(person) in in_cabinet:
                        person.country = codes[0]

    def _titled_by_a_body(self, doc: Doc, m: _Mention) -> bool:
        """Whether a title written before the name is an international body's ("OSCE
        chairman", "NATO Secretary General"): a listed organization no country's institution."""
        if not m.role.titles:
            return False
        block = premodifier_block(doc[m.start : m.end])
        national = {name.lower() for name in lexicon.institutions()}
        return any(t.lower_ in self.organization_names - national for t in block)

    def _cluster_gender(self, c: _Cluster) -> str | None:
        """The gender a first name usually has, for a full name or a first name alone
        ("Alla, a 40-something-year-old head ..."); a surname alone says nothing."""
        words = c.longest
        if len(words) >= 2:
            return self._first_name_gender(words[0])
        first_name_only = any(m.first_name_only for m in c.mentions)
        return self._first_name_gender(words[0]) if first_name_only else None

    def _first_name_gender(self, word: str) -> str | None:
        """The gender a first name usually has, or None for initials and unknown names."""
        if len(word.rstrip(".")) < 2:
            return None
        guess = self.genders.get_gender(word)
        return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


# The small model calls names anything, ORG and WORK_OF_ART included; only a place or a
# number label is taken as evidence against a name.
_NOT_PERSON_LABELS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
)
_NUMBER_LABELS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "to", "from", "into", "around", "outside", "across", "toward", "towards"}
)
_GLUED_INITIAL = re.compile(r"^([A-Z]\.)([A-Z][a-z]+.*)$")
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV"})


@cache
def _particles() -> frozenset[str]:
    return lexicon.lower_set("name_particles.txt") | {"-"}


def _place_like(token: Token) -> bool:
    """A name used as a place: object of a place preposition, or before "region"."""
    if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in lexicon.lower_set("place_nouns.txt")


def is_eponym(span: Span, heads: frozenset[str]) -> bool:
    """True for a name used to name something else: "the Biden administration"."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.text in POSSESSIVE:
        return False
    last = span[-1]
    return last.dep_ == "compound" and last.head.lower_ in heads and last.head.i >= span.end


def _name_words(text: str) -> tuple[str, ...]:
    """The words of a name as written, without an editor's brackets ("[President Vladimir]
    Putin"), with an initial run into the surname split off ("Frank G.Abernathy")."""
    words: list[str] = []
    for word in (w.strip("[]") for w in text.split()):
        glued = _GLUED_INITIAL.match(word)
        words += [glued.group(1), glued.group(2)] if glued else [word] if word else []
    return tuple(words)


def _nickname_in(span: Span) -> tuple[int, int] | None:
    """Where a nickname in quotation marks opens inside a name, and the surname after it:
    'Oleksandra “Sasha” Kuvshynova' -> (index of “, index of Kuvshynova); else None."""
    doc = span.doc
    for token in span[1:]:
        if token.text not in _OPENING_QUOTES:
            continue
        for close in range(token.i + 2, min(token.i + 5, len(doc) - 1)):
            if doc[close].text in _CLOSING_QUOTES:
                surname = doc[close + 1]
                named = surname.text[:1].isupper() and surname.is_alpha
                return (token.i, surname.i) if named else None
        return None
    return None


def _hyphen_run_end(token: Token) -> Token:
    """The last token of a hyphenated name written without spaces: "Cranny" -> "Evans"."""
    doc = token.doc
    last = token
    while (
        last.i + 2 < len(doc)
        and not last.whitespace_
        and doc[last.i + 1].text == "-"
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].text[:1].isupper()
    ):
        last = doc[last.i + 2]
    return last


def _joined_to_a_name(token: Token) -> bool:
    """Whether a word is part of a longer run of capitalised words ("Mark Kelly")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return any(t is not None and _capitalized_word(t) for t in (before, after))


def _name_word(token: Token) -> bool:
    """A word that may be part of a name in a list, whatever the tagger made of it."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def _capitalized_word(token: Token) -> bool:
    """ "Putin", "Jinping": a proper noun written with a capital, not in capitals."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.text.isupper()


def _one_slip_apart(a: str, b: str) -> bool:
    """Whether two surnames differ by two neighbouring letters swapped, the commonest typing
    slip ("Pskai"/"Psaki"). A letter more or less, or another letter, makes another name
    ("Prokhorov"/"Prokhorova", "Marin"/"Martin"); short names are left alone."""
    if a == b or len(a) != len(b) or len(a) < MIN_SLIP_LENGTH:
        return False
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and a[diffs[0]] == b[diffs[1]]
        and a[diffs[1]] == b[diffs[0]]
    )


def _find(words: list[str], phrase: tuple[str, ...]) -> int | None:
    for i in range(len(words) - len(phrase) + 1):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return i
    return None


def _merge_aliases(clusters: list[_Cluster], aliases: dict[str, _Cluster]) -> list[_Cluster]:
    """Fold the mentions of a name that is another's alias ("Strelkov", "Vadim Shevtsov") into
    that person, marked as aliases so that the person keeps their own name."""
    kept = []
    for c in clusters:
        written = " ".join(c.longest)
        owner = aliases.get(written)
        if owner is None and len(c.longest) == 1:
            owner = aliases.get(c.longest[0])
        if owner is not None and owner is not c:
            for m in c.mentions:
                m.alias = True
            owner.mentions.extend(c.mentions)
            owner.mentions.sort(key=lambda m: m.start)
        else:
            kept.append(c)
    return kept


def _alias_after(doc: Doc, start: int) -> tuple[str, ...]:
    """The name right after an alias marker, up to MAX_NAME_TOKENS capitalised words, or ()."""
    words: list[str] = []
    for token in doc[start : start + MAX_NAME_TOKENS]:
        if not _capitalized_word(token) or token.ent_type_ in _NOT_PERSON_LABELS:
            break
        words.append(token.text)
    return tuple(words)


def _fold_lone_names(
    clusters: list[_Cluster],
    owner_of: Callable[[_Cluster], _Cluster | None],
    names: Callable[[_Cluster], bool] = lambda c: len(c.longest) == 1,
) -> list[_Cluster]:
    """Move the mentions of each cluster `names` picks (one-word clusters by default) that
    `owner_of` gives an owner into that owner; return the clusters that remain."""
    kept = []
    for c in clusters:
        owner = owner_of(c) if names(c) else None
        if owner is not None and owner is not c:
            owner.mentions.extend(c.mentions)
            owner.mentions.sort(key=lambda m: m.start)
        else:
            kept.append(c)
    return kept


def cluster(mentions: list[_Mention]) -> list[_Cluster]:
    """Group mentions of one person: full names first, then lone names by surname."""
    clusters: list[_Cluster] = []
    singles: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if len(m.words) == 1:
            singles.append(m)
            continue
        target = _match_cluster(m.words, clusters)
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(m)
    for m in singles:
        candidates = [c for c in clusters if c.surname == m.words[0]]
        if not candidates:
            candidates = [c for c in clusters if len(c.longest) == 1 and c.longest == m.words]
        if not candidates:
            # "Jen Pskai" once, then "Psaki" throughout: one person, one slip of the keyboard.
            candidates = [
                c for c in clusters if len(c.longest) > 1 and _one_slip_apart(c.surname, m.words[0])
            ]
        if candidates:
            target = _named_last(candidates, m.start)
        else:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return clusters


def _named_last(candidates: list[_Cluster], position: int) -> _Cluster:
    """Of people sharing a surname, the one named most recently before `position` (or the
    first named, when none was named before it)."""

    def last_before(c: _Cluster) -> int:
        return max((m.start for m in c.mentions if m.start < position), default=-1)

    return max(candidates, key=last_before)


def _match_cluster(words: tuple[str, ...], clusters: list[_Cluster]) -> _Cluster | None:
    """Return the cluster a multi-word name belongs to: same surname, compatible first name."""
    for c in clusters:
        other = c.longest
        if other[-1] != words[-1]:
            continue
        if len(words) == 1 or len(other) == 1 or _same_first(words[0], other[0]):
            return c
        # "Beth Van Schaack" ... "Van Schaack", "Anders Fogh Rasmussen" ... "Fogh Rasmussen":
        # the shorter name is how the longer one ends.
        shorter, longer = sorted((words, other), key=len)
        if len(shorter) < len(longer) and longer[-len(shorter) :] == shorter:
            return c
    return None


def _same_first(a: str, b: str) -> bool:
    """ "Joe"/"Joe", or an initial: "J."/"Joe"."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _canonical_name(doc: Doc, c: _Cluster, figures: PublicFigures) -> str:
    """The longest name the article uses, its surname spelled as the article spells it most
    often ("Jen Pskai" written once, "Psaki" six times, is "Jen Psaki"), or, when spellings
    tie, as a known public figure's name is spelled."""
    longest = next(m for m in c.mentions if m.words == c.longest)
    name = " ".join(longest.words)
    # Only spellings one slip apart are the same surname; an alias ("Strelkov") is not.
    spellings = Counter(
        m.words[-1]
        for m in c.mentions
        if m.words[-1] == c.surname or _one_slip_apart(m.words[-1], c.surname)
    )
    top = max(spellings.values())
    usual = [word for word, count in spellings.items() if count == top]
    if c.surname in usual and len(usual) > 1:
        first = c.longest[:-1]
        known = [w for w in usual if w != c.surname and figures.exact((*first, w))]
        usual = known or [c.surname]
    if c.surname not in usual:
        name = name[: len(name) - len(c.surname)] + usual[0]
    return name


def _unique_titles(titles: object) -> list[str]:
    seen: dict[str, str] = {}
    for title in titles:  # type: ignore[attr-defined]
        seen.setdefault(title.lower(), title)
    return list(seen.values())


def _vote(values: object) -> str | None:
    counts = Counter(v for v in values if v)  # type: ignore[attr-defined]
    if not counts:
        return None
    return counts.most_common(1)[0][0]
