"""Candidate names beyond the model's PERSON entities.

The model misses names, or labels them as something else; these find them by shape: a run of
proper nouns opening with a known first name or following a title ("President Zelenskiy"), a
known public figure's name ("Kallas said" tagged as a work of art), names listed after a plural
title ("Senators Risch, Cardin and Graham") and a first name alone described as a person
("Alla, a 40-something-year-old head of a vocational school").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor import lexicon
from extractor.linguistics.public_figures import public_figures
from extractor.linguistics.syntax import in_capitals_line
from extractor.people.settings import PeopleSettings
from extractor.people.words import (
    NOT_PERSON_LABELS,
    NUMBER_LABELS,
    NameWords,
    capitalized_word,
    first_name_gender,
    joined_to_a_name,
    name_word,
)


@dataclass
class Candidates:
    """The name spans of a Doc: every span, the title each listed name holds, and the starts
    of first names standing alone (vox pops)."""

    spans: list[Span]
    listed: dict[Span, str]
    alone: set[int]


class CandidateFinder:
    def __init__(self, names: NameWords, settings: PeopleSettings) -> None:
        self.names = names
        self.max_name_tokens = settings.max_name_tokens
        self.max_unlabelled_name_tokens = settings.max_unlabelled_name_tokens
        self.figures = public_figures()
        self.institution_words = lexicon.lower_set("institution_nouns.txt") | lexicon.lower_set(
            "name_stop_words.txt"
        )
        self.plural_titles = dict(lexicon.plural_titles())

    def candidates(self, doc: Doc) -> Candidates:
        """The model's PERSON entities and the names these rules find besides them."""
        spans = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        spans += self.unlabelled_names(doc, spans)
        spans += self.known_figure_names(doc, spans)
        spans += self.surnames_tagged_otherwise(doc, spans)
        listed = self.listed_after_plural_title(doc)
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans += [name for name in listed if not any(t.i in taken for t in name)]
        vox_pops = self.first_names_alone(doc, spans)
        spans += vox_pops
        return Candidates(spans, listed, {span.start for span in vox_pops})

    def unlabelled_names(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Full names the model missed or called an organization: runs of two to four proper
        nouns that open with a known first name ("Volodymyr Zelenskiy"), or a proper noun
        right after a title word or honorific ("President Zelenskiy", "Mr. Kirby")."""
        prefixes = self.names.prefixes
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
            while len(run) and run[0].lower_ in prefixes:
                run = run[1:]
            if not len(run) or any(t.i in taken for t in run):
                continue
            # "Ukrainian lawmaker Oleksiy Goncharenko" with "Oleksiy" tagged a place: a title
            # and a known first name outweigh the label.
            titled_first_name = (
                run.start > 0
                and doc[run.start - 1].lower_ in prefixes
                and first_name_gender(run[0].text) is not None
                and not any(t.ent_type_ in NUMBER_LABELS for t in run)
            )
            if not titled_first_name and any(t.ent_type_ in NOT_PERSON_LABELS for t in run):
                continue
            if any(t.lower_ in self.institution_words for t in run):
                continue
            previous = doc[run.start - 1] if run.start > 0 else None
            titled = previous is not None and previous.lower_ in prefixes
            if titled and len(run) <= self.max_unlabelled_name_tokens:
                names.append(run)
                continue
            # "DNI Avril Haines": the name starts at the first known first name.
            for k in range(len(run) - 1):
                if first_name_gender(run[k].text) is not None:
                    if len(run) - k <= self.max_unlabelled_name_tokens:
                        names.append(run[k:])
                    break
        return names

    def surnames_tagged_otherwise(self, doc: Doc, found: list[Span]) -> list[Span]:
        """ "Vučević, the new prime minister, reiterated ..." after "Prime Minister Miloš
        Vučević": the family name of someone already found, written alone, is that person
        even where the model tagged it an organization or nothing; not a country's or a
        place's name."""
        surnames = {span[-1].text for span in found if len(span) >= 2}
        # "Wang Wenbin ... On Thursday Wang said": a family name written first, which no
        # first-name list knows and no title is.
        surnames |= {
            span[0].text
            for span in found
            if len(span) >= 2
            and span[0].text[:1].isupper()
            and span[0].lower_ not in self.names.prefixes
            and first_name_gender(span[0].text) is None
        }
        taken = {i for span in found for i in range(span.start, span.end)}
        country_at = doc._.country_at or {}
        names: list[Span] = []
        for token in doc:
            if token.i in taken or token.i in country_at or token.text not in surnames:
                continue
            # (whatever its tag: the parser may take "Vučević," opening a sentence for an adverb)
            if token.ent_type_ in NOT_PERSON_LABELS | {"NORP"} or not token.is_alpha:
                continue
            neighbours = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
            if any(n.text[:1].isupper() and n.tag_ in ("NNP", "NNPS") for n in neighbours):
                continue  # part of a longer name: someone else's, or an organization's
            names.append(doc[token.i : token.i + 1])
        return names

    def listed_after_plural_title(self, doc: Doc) -> dict[Span, str]:
        """Names listed after a plural title, with the title each holds: "Senators Risch,
        Cardin, Wicker and Graham presented a draft" -> {Risch: "Senator", ...}. A list of
        one name is no list."""
        listed: dict[Span, str] = {}
        for token in doc:
            title = self.plural_titles.get(token.lower_)
            if title is None:
                continue
            names, i = [], token.i + 1
            while i < len(doc) and name_word(doc[i]):
                end = i
                while end + 1 < len(doc) and name_word(doc[end + 1]) and end - i < 2:
                    end += 1
                names.append(doc[i : end + 1])
                i = end + 1
                while i < len(doc) and doc[i].lower_ in (",", "and"):
                    i += 1
            if len(names) >= 2:
                listed.update((name, title) for name in names)
        return listed

    def first_names_alone(self, doc: Doc, found: list[Span]) -> list[Span]:
        """People a report names by first name only, as vox pops do, when the sentence shows
        them as people: "Alla, a 40-something-year-old head of a vocational school, is
        convinced", "Arif, an Azeri, and Nina, a Russian - said", "Sophie, the Duchess of
        Edinburgh, travelled"."""
        taken = {i for span in found for i in range(span.start, span.end)}
        names = []
        for token in doc:
            if token.i in taken or not capitalized_word(token) or token.ent_type_ == "DATE":
                continue
            if not self.names.is_first_name_token(token) or joined_to_a_name(token):
                continue
            described = (
                token.i + 2 < len(doc)
                and doc[token.i + 1].text == ","
                and doc[token.i + 2].lower_ in ("a", "an")
            ) or (
                # "Sophie, the Duchess of Edinburgh, ...": set beside a title
                token.i + 3 < len(doc)
                and doc[token.i + 1].text == ","
                and doc[token.i + 2].lower_ == "the"
                and doc[token.i + 3].lower_ in self.names.prefixes
            )
            if described:
                names.append(doc[token.i : token.i + 1])
        return names

    def known_figure_names(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Names of known public figures the model missed or called something else: "Kallas
        said" tagged as a work of art, "Nuland:" opening a headline, "China’s Xi Jinping"."""
        taken = {i for span in found for i in range(span.start, span.end)}
        names: list[Span] = []
        for token in doc:
            # "Olaf Scholz told XI Jinping": a word in capitals among words that are not is a
            # name only with the rest of a known full name, never alone (a numeral "XI").
            capitals = _capitals_among_words(token)
            if token.i in taken or not (capitalized_word(token) or capitals):
                continue  # a headline in capitals ("PUTIN SAYS") has a parse of its own
            figure = None if capitals else self.figures.find((token.text,))
            if figure is None and not capitals:
                continue
            # The full name around it: before ("Vladimir Putin") or, for a family name
            # written first, after ("Xi Jinping").
            start, end = token.i, token.i + 1
            for size in range(self.max_name_tokens, 1, -1):
                spans = [(token.i - size + 1, token.i + 1), (token.i, token.i + size)]
                fits = [
                    (a, b, match)
                    for a, b in spans
                    if a >= 0
                    and b <= len(doc)
                    and all(i not in taken and _name_token(doc[i], capitals) for i in range(a, b))
                    and (match := self.figures.find(tuple(t.text for t in doc[a:b]))) is not None
                    and (figure is None or match is figure)
                ]
                if fits:
                    start, end, figure = fits[0]
                    break
            if figure is None:
                continue
            names.append(doc[start:end])
            taken.update(range(start, end))
        return names


def _capitals_among_words(token: Token) -> bool:
    """ "XI" in "Olaf Scholz told XI Jinping": a word in capitals on a line that is not."""
    return token.is_alpha and len(token) > 1 and token.is_upper and not in_capitals_line(token)


def _name_token(token: Token, capitals: bool) -> bool:
    """A word of a known figure's full name: a proper noun with a capital, or, around a word
    in capitals, any word with a capital (the tagger reads "Jinping" after "XI" as a noun)."""
    if capitals:
        return token.is_alpha and token.text[:1].isupper()
    return capitalized_word(token)
