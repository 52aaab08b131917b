"""Read a person's role off the words around a name: titles, the country acted for, gender.

"Russian President Vladimir Putin"            -> title "President", country RU
"Pentagon press secretary John Kirby"         -> title "press secretary", country US
"Emily Horne, a White House ... spokeswoman"  -> title "spokeswoman", country US, gender f
"Ukraine’s defense minister Oleksii Reznikov" -> title "defense minister", country UA
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractor import lexicon
from extractor.linguistics.resolver import DescriptionWords

_BLOCK_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_CONNECTORS = frozenset({"of", "for", "to", "the", "-", "'s", "’s"})
# After a title, a complement may follow before the name: "Ambassador to the United Nations".
_COMPLEMENT_STARTS = frozenset({"of", "to", "for"})
# "X, of the Permanent Mission of Australia", "X, chairperson at the State Agency of Ukraine".
_BODY_PREPOSITIONS = frozenset({"of", "at", "for", "from", "in"})


@dataclass
class Role:
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    # The country an office exists in ("Defence Secretary" is British by its spelling): weaker
    # evidence than a country written next to the name, and than a known public figure.
    office_country: str | None = None
    gender: str | None = None


class RoleReader:
    def __init__(self, max_premodifier_tokens: int, party_reach: int) -> None:
        """`max_premodifier_tokens`: the most tokens of the phrase before a name that a role
        is read off; `party_reach`: how many words before it a party's name may start."""
        self.max_premodifier_tokens = max_premodifier_tokens
        self.party_reach = party_reach
        self.titles = lexicon.title_tokens()
        # An institution's name is matched word for word against a phrase's tokens, so it is
        # split the way titles are: as a Doc is tokenized.
        self.institutions = {
            lexicon.title_words(name): code for name, code in lexicon.institutions().items()
        }
        self.honorifics = lexicon.honorifics()
        self.title_countries = dict(lexicon.title_countries())
        self.gendered = lexicon.gendered_titles()
        self.professions = lexicon.lower_set("profession_titles.txt")
        self.body_nouns = lexicon.lower_set("national_body_nouns.txt")
        self.parties = lexicon.parties()
        self.service_nouns = lexicon.lower_set("service_nouns.txt")
        self.regions = lexicon.regions()
        # What descriptions ("the Russian president") are matched against titles with: read
        # with the titles, for whoever reads roles to resolve descriptions too.
        self.descriptions = DescriptionWords.load()

    def role_of(self, name: Span) -> Role:
        """Return what the pre-modifiers and appositions of a name say about the person."""
        role = Role()
        phrases = [premodifier_block(name, self.max_premodifier_tokens), *appositions(name)]
        titles = [self._read_phrase(phrase, role) for phrase in phrases]
        a_profession = any(t is not None and t[-1].lower_ in self.professions for t in titles)
        if role.country is None and not a_profession:
            role.country = self._country_of_a_body(name)
        if name.start > 0:
            before = name.doc[name.start - 1]
            gender = self.honorifics.get(before.lower_)
            if gender:
                role.gender = gender
        return role

    def _read_phrase(self, tokens: list[Token], role: Role) -> Span | None:
        """Add the title that ends the phrase, and any country or institution before it. Return
        the title's tokens when the title is new to the role, else None."""
        if not tokens:
            return None
        span = self._title_span(tokens)
        title = None if span is None else span.text
        added = None
        if span is not None:
            if span.text.lower() not in (t.lower() for t in role.titles):
                role.titles.append(span.text)
                added = span
            # The title's own tokens are its words, split as titles.txt is (lexicon.title_words).
            for token in span:
                role.gender = self.gendered.get(token.lower_, role.gender)
            if span[-1].lower_ in self.professions:
                # "Russian military analyst ...": a nationality, not a country acted for
                return added
        if role.country is None and (title is not None or _only_a_country(tokens)):
            # "the US defence secretary": a country written in the phrase beats the one a
            # title's spelling or office suggests. Without a title, "Ukraine's Zelensky" acts
            # for Ukraine, but "Irish playwright Brian Friel" is only Irish.
            role.country = self.country_in(tokens)
        if role.country is None and title is not None:
            role.country = self._country_of_a_region(tokens)  # "Kharkiv Governor"
        if role.country is None and title is None and tokens[-1].lower_ in self.service_nouns:
            role.country = self.country_in(tokens)  # "a top US diplomat", "his Lithuanian ..."
        if role.country is None and (title is not None or self._only_a_party(tokens)):
            # "Law and Justice MP Marek Suski", "MP of Platforma Obywatelska", "Republican
            # Matt Gaetz": a member of a country's party acts in its politics.
            role.country = self._country_of_a_party(tokens)
        if role.office_country is None and title is not None:
            role.office_country = self.title_countries.get(title.lower())
        return added

    def _country_of_a_party(self, tokens: list[Token]) -> str | None:
        """The country of a party named in the phrase, or ending in it: the phrase before a
        name stops at a conjunction, so "Law and Justice MP" reaches it as "Justice MP"."""
        doc = tokens[0].doc
        first = tokens[0].i
        reach = first
        while reach > max(0, first - self.party_reach) and not _ends_a_line_or_sentence(
            doc[reach - 1]
        ):
            reach -= 1
        words = [t.lower_ for t in doc[reach : tokens[-1].i + 1]]
        inside = first - reach  # where the phrase itself starts in words
        for party, code in self.parties.items():
            size = len(party)
            for start in range(len(words) - size + 1):
                if start + size > inside and tuple(words[start : start + size]) == party:
                    return code
        return None

    def _country_of_a_region(self, tokens: list[Token]) -> str | None:
        return _code_of_a_phrase_in(tokens, self.regions)

    def _only_a_party(self, tokens: list[Token]) -> bool:
        return tuple(t.lower_ for t in tokens) in self.parties

    def _country_of_a_body(self, name: Span) -> str | None:
        """The country whose state body or armed unit the person is part of, when its name
        names the country: "Mitch Fifield, of the Permanent Mission of Australia" -> AU,
        "Mariana Oleskiv, chairperson at the State Agency ... of Ukraine" -> UA."""
        heads = [name[-1]] + [c for c in name[-1].children if c.dep_ == "appos"]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in _BODY_PREPOSITIONS:
                    continue
                if prep.i < name.end:
                    continue
                for body in prep.children:
                    if body.dep_ == "pobj" and body.lower_ in self.body_nouns:
                        country = self.country_in(_body_name(body))
                        if country is not None:
                            return country
        return None

    def title_of(self, tokens: list[Token]) -> str | None:
        """Return the title a phrase holds, as written, or None."""
        span = self._title_span(tokens)
        return None if span is None else span.text

    def _title_span(self, tokens: list[Token]) -> Span | None:
        """Return the tokens of the title a phrase holds, or None."""
        found = self._title_in(tokens)
        if found is None:
            return None
        start, end = found
        # An "of"-phrase read before its head noun ("of Defense" + "Minister") can put the
        # title's words out of text order: no title can be read from them then.
        span = tokens[start].doc[tokens[start].i : tokens[end - 1].i + 1]
        return span if span.text else None

    def _title_in(self, tokens: list[Token]) -> tuple[int, int] | None:
        """Return where the title of a phrase lies: the longest title that ends the phrase, or
        that is followed only by its complement ("Ambassador to the United Nations")."""
        words = [t.lower_ for t in tokens]
        ends = [len(words)] + [i for i, w in enumerate(words) if w in _COMPLEMENT_STARTS]
        for end in ends:
            for candidate in self.titles:
                size = len(candidate)
                if size <= end and tuple(words[end - size : end]) == candidate:
                    return end - size, end
        return None

    def country_in(self, tokens: list[Token]) -> str | None:
        """Return the country named in a phrase: demonym, country, capital or institution."""
        country_at = tokens[0].doc._.country_at or {}
        doc = tokens[0].doc
        for token in tokens:
            if token.i in country_at:
                # "the pro-Russian president" sides with Russia; he does not act for it.
                if (
                    token.i >= 2
                    and doc[token.i - 1].text == "-"
                    and doc[token.i - 2].lower_
                    in (
                        "pro",
                        "anti",
                    )
                ):
                    continue
                return str(country_at[token.i])
        return _code_of_a_phrase_in(tokens, self.institutions)


def _code_of_a_phrase_in(tokens: list[Token], table: Mapping[tuple[str, ...], str]) -> str | None:
    """The code of the first phrase of a table (lower-cased words) written among the tokens."""
    words = [t.lower_ for t in tokens]
    for phrase, code in table.items():
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == phrase:
                return code
    return None


def _body_name(body: Token) -> list[Token]:
    """The name of a body up to its head noun, then the "of"/"for" phrases that complete it:
    "the Permanent Mission of Australia", "the State Agency for Tourism Development of
    Ukraine"; not "to the United Nations" after them."""
    doc = body.doc
    tokens = [doc[i] for i in range(body.left_edge.i, body.i + 1)]
    noun = body
    while True:
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
        objects = [o for p in preps[:1] for o in p.children if o.dep_ == "pobj"]
        if not objects:
            return tokens
        tokens += [doc[i] for i in range(preps[0].i, objects[0].i + 1)]
        noun = objects[0]


def _only_a_country(tokens: list[Token]) -> bool:
    """Whether a phrase is just a country's adjective or possessive: "Ukraine's", "Russian";
    not "Irish playwright", "a US think tank", or the bare "Russia" a garbled line runs into
    a name ("... War With Russia Kallas said")."""
    country_at = tokens[0].doc._.country_at or {}
    if any(t.pos_ == "NOUN" and t.i not in country_at for t in tokens):
        return False
    last = tokens[-1]
    return last.text in ("'s", "’s") or last.pos_ == "ADJ"


def premodifier_block(name: Span, max_tokens: int) -> list[Token]:
    """Return the tokens written right before a name that describe it, nearest last: at most
    `max_tokens` of them."""
    doc = name.doc
    tokens: list[Token] = []
    i = name.start - 1
    if i >= 0 and doc[i].lower_ in _COMPLEMENT_STARTS:
        return []  # "Prime Minister of India to Putin:": a title is never joined to its name so
    while i >= 0 and len(tokens) < max_tokens:
        token = doc[i]
        if token.is_sent_end and token.i != name.start - 1 and (token.is_punct or token.is_space):
            # Not token.is_sent_end alone: the parser can cut "Treasury" off "Secretary Janet
            # Yellen" at a paragraph's start.
            break
        if (token.pos_ in _BLOCK_POS and not token.like_num) or token.lower_ in _CONNECTORS:
            tokens.insert(0, token)
            i -= 1
            continue
        break
    while tokens and tokens[0].lower_ in _CONNECTORS:
        tokens.pop(0)
    while tokens and tokens[-1].lower_ in _CONNECTORS:
        tokens.pop()
    return tokens


def appositions(name: Span) -> list[list[Token]]:
    """Return the descriptive phrases in apposition to a name, each ending at its head noun.

    "Emily Horne, a White House spokeswoman," and "the Kremlin spokesman, Dmitry Peskov,".
    The phrase keeps a following "of"-phrase for the country: "the leader of Belarus".
    """
    head = name[-1]
    phrases = []
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.i >= name.end
            and child.pos_ in ("NOUN", "PROPN")
            and not _runs_into_a_verb(child)
        ):
            phrases.append(_described(child))
    if head.dep_ == "appos" and head.head.i < name.start:
        described = head.head
        # "The commander of Ukraine's 36th Separate Marine Brigade, Maj. Serhii Volyna": the
        # parse hangs the name on the unit, the nearest noun; the person is its commander.
        if (
            described.dep_ == "pobj"
            and described.head.lower_ in ("of", "for")
            and described.head.head.pos_ == "NOUN"
        ):
            described = described.head.head
        if described.pos_ == "NOUN":
            phrases.append(_described(described))
    for clause in head.children:
        # "Kelly Craft, who was the United States ambassador to the world body": a relative
        # clause that says what the person is reads as an apposition.
        if clause.dep_ == "relcl" and clause.lemma_ == "be" and clause.i > head.i:
            phrases += [_described(c) for c in clause.children if c.dep_ == "attr"]
    return phrases


def _ends_a_line_or_sentence(token: Token) -> bool:
    # Not token.sent: the parser can cut "Law and Justice MP ..." into sentences of one word.
    return "\n" in token.text or token.text in (".", "!", "?")


def _runs_into_a_verb(noun: Token) -> bool:
    """Whether a phrase the parse hangs on a name as its apposition runs straight into a verb:
    "after meeting the Minister, Zbigniew Rau, the head of British diplomacy emphasized" - an
    apposition is closed off by a comma or the sentence's end, so this is the next subject.
    A bare role after a name ("Mariana Olisif, head of the agency told CNN") is read as an
    apposition all the same: that is a missing comma, and a subject would take an article."""
    after = noun.right_edge.i + 1
    starts_with_article = noun.left_edge.dep_ == "det"
    return starts_with_article and after < len(noun.doc) and noun.doc[after].pos_ in ("VERB", "AUX")


def _described(noun: Token) -> list[Token]:
    """Return the noun phrase up to its head noun, then any "of ..." after it."""
    doc = noun.doc
    tokens = [doc[i] for i in range(noun.left_edge.i, noun.i + 1)]
    of_phrases = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
    for prep in of_phrases:
        # The country of "leader of Belarus" is read from here; the title still ends at the
        # head noun, so these go first.
        tokens = _object_phrase(prep) + tokens
    return tokens


def _object_phrase(prep: Token) -> list[Token]:
    """Return a preposition and its object up to the object's head noun: "of Melitopol" out of
    "of Melitopol, a city close to Crimea which is under Russian occupation"."""
    doc = prep.doc
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return [prep]
    # A possessive ending stays with its object; appositions and clauses after it do not.
    end = max([objects[0].i] + [c.i for c in objects[0].children if c.dep_ == "case"])
    tokens = [doc[i] for i in range(prep.i, end + 1)]
    for inner in objects[0].children:
        # "head of the foreign affairs committee in Russia's lower house": a body of a
        # country's own says whose it is (not "the OSCE mission in Ukraine")
        if inner.dep_ == "prep" and inner.lower_ in ("in", "of") and inner.i > end:
            owned = [o for o in inner.children if o.dep_ == "pobj"]
            if owned and any(c.dep_ == "poss" for c in owned[0].children):
                tokens += [doc[i] for i in range(inner.i, owned[0].i + 1)]
    return tokens
