"""One mention of a person: the name inside a candidate span, and the role written around it.

A candidate span may hold titles, a possessive, a determiner or a bracketed citation; what
remains is the name ("President Putin’s" -> "Putin"), grown over first names and particles the
model left out ("Fogh Rasmussen" -> "Anders Fogh Rasmussen"), or nothing when it is no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extractor import lexicon
from extractor.linguistics.roles import Role, RoleReader
from extractor.linguistics.syntax import in_capitals_line
from extractor.people.settings import PeopleSettings
from extractor.people.words import (
    POSSESSIVE,
    NameWords,
    capitalized_word,
)

_GLUED_INITIAL = re.compile(r"^([A-Z]\.)([A-Z][a-z]+.*)$")
_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})
_OPENING_BRACKETS = frozenset({"(", "["})
_CLOSING_BRACKETS = frozenset({")", "]"})


@dataclass
class Mention:
    start: int  # token index of the first name token
    end: int  # token index just past the last name token
    words: tuple[str, ...]
    role: Role
    eponym: bool = False  # "the Biden administration": names something else
    first_name_only: bool = False  # "Alla, a 40-something-year-old head ...": a vox pop
    alias: bool = False  # "Strelkov, whose real name is Igor Girkin": not the name they go by


class MentionReader:
    """Turns candidate spans into mentions: the name, its role, whether it names a thing."""

    def __init__(self, names: NameWords, settings: PeopleSettings) -> None:
        self.names = names
        self.max_name_tokens = settings.max_name_tokens
        self.max_bracket_tokens = settings.max_bracket_tokens
        self.roles = RoleReader(settings.max_premodifier_tokens, settings.party_reach)
        self.countries = lexicon.countries()
        self.organization_names = {
            name.lower() for org in lexicon.organizations() for name in (org.name, *org.aliases)
        }
        self.credit_words = lexicon.lower_set("credit_markers.txt")
        self.places = lexicon.lower_set("places.txt")
        self.eponym_heads = lexicon.lower_set("eponym_heads.txt")
        self.honorifics = lexicon.honorifics()
        # Every token of a title, its full stops and hyphens too: "Maj. Gen. Patrick Ryder"
        # loses "Maj", "." and "Gen.".
        self.title_words = {word for title in lexicon.title_tokens() for word in title}

    def mention(self, entity: Span) -> Mention | None:
        """Return the cleaned name inside a PERSON entity, or None when it is not a name."""
        tokens = list(entity)
        while tokens and (
            tokens[0].lower_ in self.title_words
            or tokens[0].lower_ in self.honorifics
            or tokens[0].pos_ == "DET"
            or (tokens[0].is_sent_start and tokens[0].lower_.endswith("ing"))  # "Joining Biggs"
        ):
            tokens.pop(0)
        while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct):
            tokens.pop()
        # "Taoiseach Leo Varadkar", "International Anchor Christiane Amanpour": words before a
        # known first name are a title we do not list.
        first_names = [k for k, t in enumerate(tokens) if self.names.is_first_name_token(t)]
        if first_names and 0 < first_names[0] <= len(tokens) - 2:
            tokens = tokens[first_names[0] :]
        if not tokens or len(tokens) > self.max_name_tokens:
            return None
        doc = entity.doc
        first, last = tokens[0].i, tokens[-1].i
        # "Anders Fogh Rasmussen" when the model only took "Fogh Rasmussen".
        while first > 0 and self.names.is_first_name_token(doc[first - 1]):
            first -= 1
        # "Ursula von der Leyen" when the model stopped at "von der" or at "von".
        while doc[last].lower_ in self.names.particles and last + 1 < len(doc):
            following = doc[last + 1]
            if not following.text[:1].isupper() and following.lower_ not in self.names.particles:
                break
            last += 1
        if doc[last].lower_ in self.names.particles:
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
        surname = _surname_after_bracket(span, self.names, self.max_bracket_tokens)
        if surname is not None and self.looks_like_name(span):
            # "(Russian President Vladimir) Putin": an editor's insertion that closes on the
            # first name, the surname written after it.
            return self.make_mention(span, (span.text, surname.text))
        nickname = _nickname_in(span)
        if nickname is not None:
            # 'Jimmy "Barbeque" Cherizier': the name is written around the nickname.
            quote_at, surname_at = nickname
            span = doc[first : surname_at + 1]
            words = (*(t.text for t in doc[first:quote_at]), doc[surname_at].text)
            return self.make_mention(span, words) if self.looks_like_name(span) else None
        if not self.looks_like_name(span):
            return None
        return self.make_mention(span)

    def make_mention(self, span: Span, words: tuple[str, ...] | None = None) -> Mention:
        """A mention of exactly these tokens, with the role the words around them give."""
        return Mention(
            start=span.start,
            end=span.end,
            # "Thomas-Greenfield" is one word of a name; "[President Vladimir] Putin" has an
            # editor's brackets that are no part of any word.
            words=words or _name_words(span.text),
            # The parse of a headline in capitals is too poor to read roles from.
            role=Role() if in_capitals_line(span[0]) else self.roles.role_of(span),
            eponym=is_eponym(span, self.eponym_heads),
        )

    def add_listed_title(self, mention: Mention, title: str) -> None:
        """Give a name listed after a plural title that title, and the country the office
        exists in: "Senators Risch, Cardin and Graham" are each a Senator, of the US."""
        if title in mention.role.titles:
            return
        mention.role.titles.append(title)
        if mention.role.office_country is None:
            mention.role.office_country = self.roles.title_countries.get(title.lower())

    def looks_like_name(self, span: Span) -> bool:
        """Whether a span is written as a name and is no country, place, organization or
        credit ("NTD Photo", "Belarusian Border")."""
        text = span.text
        if any(ch.isdigit() for ch in text) or "/" in text or "@" in text:
            return False
        if not all(
            t.text[:1].isupper()
            or t.is_punct
            or t.lower_ in self.names.particles
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


def _surname_after_bracket(span: Span, names: NameWords, reach: int) -> Token | None:
    """The surname after a first name that closes an editor's insertion in brackets: "Putin"
    of "(Russian President Vladimir) Putin" or "(Russian President Vladimir), Putin", the
    bracket opened at most `reach` tokens before the first name; else None."""
    doc = span.doc
    if len(span) != 1 or not names.is_first_name_token(span[0]):
        return None
    after = span.end
    if after >= len(doc) or doc[after].text not in _CLOSING_BRACKETS:
        return None
    after += 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if (
        after >= len(doc)
        or not capitalized_word(doc[after])
        or names.is_first_name_token(doc[after])
    ):
        return None
    sentence_start = span[0].sent.start
    opened = any(
        t.text in _OPENING_BRACKETS
        for t in doc[max(sentence_start, span.start - reach) : span.start]
    )
    return doc[after] if opened else None


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


def hyphen_run_end(token: Token) -> Token:
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
