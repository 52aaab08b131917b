"""Speech verbs (cues) and their subjects."""

from __future__ import annotations

import re

from spacy.tokens import Token

from extractor import lexicon
from extractor.quoting.settings import QuoteSettings

SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBLIGATION = frozenset({"must", "should"})
# "1:02 Panic is ..., says" in a video caption: a timestamp is no part of a quote.
TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}$")
# A verb without a subject of its own speaks for the subject of the verb it hangs from:
# "Putin was reported to have said", "took to Twitter ..., insisting that ...".
INHERITING_DEPS = ("xcomp", "advcl", "conj", "pcomp")


class Cues:
    def __init__(
        self,
        lemmas: frozenset[str],
        quote_only_lemmas: frozenset[str],
        fragment_lemmas: frozenset[str],
        verb_phrases: frozenset[tuple[str, str]],
        say_forms: frozenset[str],
        hearer_verbs: frozenset[str],
        settings: QuoteSettings,
    ) -> None:
        self.lemmas = lemmas
        self.quote_only_lemmas = quote_only_lemmas
        self.fragment_lemmas = fragment_lemmas
        self.verb_phrases = verb_phrases  # ("make", "clear"): "Biden made clear the US would"
        # Forms of "say" count whatever the tagger calls them: headlines in title case ("Putin
        # Says") are often tagged as proper nouns.
        self.say_forms = say_forms
        self.hearer_verbs = hearer_verbs  # "Americans were told that ...": who heard it
        self.settings = settings

    @classmethod
    def load(cls, thought_verbs: bool, settings: QuoteSettings) -> Cues:
        """The cue verbs of models/, with verbs of thought ("believe") when `thought_verbs`."""
        verbs = lexicon.cue_verbs()
        return cls(
            frozenset(
                lemma
                for lemma, kind in verbs.items()
                if kind == "speech" or (thought_verbs and kind == "thought")
            ),
            frozenset(lemma for lemma, kind in verbs.items() if kind == "quote"),
            frozenset(lemma for lemma, kind in verbs.items() if kind == "fragment"),
            lexicon.cue_verb_phrases(),
            frozenset(
                {"say"}
                | {form for form, lemma in lexicon.cue_irregular_forms().items() if lemma == "say"}
            ),
            lexicon.lower_set("hearer_verbs.txt"),
            settings,
        )

    def _tells_a_hearer(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.hearer_verbs

    def is_cue(self, token: Token, phrases: bool = True) -> bool:
        """A verb that reports speech: "said", "warned", "denied", and with `phrases` also
        "made clear"."""
        if token.lower_ in self.say_forms:
            return True
        if token.pos_ != "VERB":
            return False
        lemma = token.lemma_.lower()
        if lemma in self.lemmas:
            return True
        following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
        return phrases and (lemma, following) in self.verb_phrases

    def attributes_quote(self, token: Token) -> bool:
        """A verb that may attribute a quotation next to it: a cue, or "continued"."""
        return self.is_cue(token) or (
            token.pos_ == "VERB" and token.lemma_.lower() in self.quote_only_lemmas
        )

    def attributes_fragment(self, token: Token) -> bool:
        """A verb whose subject said the words it quotes: a cue, or "praised X as “...”"."""
        return self.is_cue(token) or (
            token.pos_ == "VERB" and token.lemma_.lower() in self.fragment_lemmas
        )

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a speech verb, or of the verb it depends on when it has none:
        "Lukashenko ruled out that there will be war, saying there will not be ..."."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if any(s.dep_ == "nsubjpass" for s in subjects) and self._tells_a_hearer(verb):
            # "Americans were told that ...": the subject heard it; "by" names who spoke
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subjects:
            # A garbled line can give a verb two subjects ("... Won't Trigger War With Russia
            # Kallas said"): the one written nearest the verb is the speaker.
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
            # "Kallas said that training ... would not be escalatory, adding that ...": the
            # participle speaks for the speaker of the report it hangs from, not for the
            # subject of the reported clause in between.
            token = verb.head
            while token.head.i != token.i and not self.is_cue(token):
                token = token.head
            if self.is_cue(token) and token.i != verb.i:
                subject = self.subject_of(token)
                if subject is not None:
                    return subject
            # "He thanked the US for the funding, saying ...": the verb of the clause the
            # participle hangs from, past the nouns in between.
            token = verb.head
            while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
                token = token.head
            # "the Ukrainian president requested Australia send vehicles ..., saying they would
            # ...": set off by a comma, the participle belongs to the clause that holds the one
            # it hangs from.
            if _punct_before(verb) == ",":
                while token.dep_ in ("ccomp", "xcomp") and token.head.pos_ in ("VERB", "AUX"):
                    token = token.head
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
        token = verb
        for _ in range(self.settings.subject_climb):
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
            expletive = any(c.dep_ == "expl" for c in token.children)
            if token.head.i == token.i or not (token.dep_ in INHERITING_DEPS or expletive):
                break
            head = token.head
            if (
                token.dep_ == "conj"
                and self.is_cue(token)
                and head.dep_ == "ccomp"
                and not self.is_cue(head)
                and self.is_cue(head.head)
            ):
                # "Yatsenyuk said the opposition was ready ... but added the “...”": the
                # parser joins "added" to what was said; it goes on from "said".
                head = head.head
            token = head
        return _noun_just_before(verb, self.settings.max_split_name_tokens)

    def under_obligation(self, verb: Token) -> bool:
        """ "The United States must admit that ...", "the EU should keep repeating that ...":
        what someone says others must say is not the others' speech."""
        token = verb
        for _ in range(self.settings.obligation_climb):
            if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in token.children):
                return True
            if token.dep_ != "xcomp":
                return False
            token = token.head
        return False


def _punct_before(token: Token) -> str:
    return token.doc[token.i - 1].text if token.i > 0 else ""


def _noun_just_before(verb: Token, max_split_name_tokens: int) -> Token | None:
    """When the parser loses a subject ("At a conference in Munich, Germany’s foreign minister,
    Annalena Baerbock, said ..." hangs the name on "Munich"), the noun written right before
    the verb, past commas, adverbs and auxiliaries, is its subject."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].is_punct or verb.doc[i].pos_ in ("ADV", "AUX", "PART")):
        if verb.doc[i].text in ("“", "”", '"', ".", ":", ";"):
            return None
        i -= 1
    if i < 0:
        return None
    token = verb.doc[i]
    # "Nuland said ..." at the start of a flattened article: the parser may make the name a
    # sentence of its own.
    split_off = token.pos_ == "PROPN" and len(token.sent) <= max_split_name_tokens
    if token.sent != verb.sent and not split_off:
        return None
    return token if token.pos_ in ("PROPN", "NOUN", "PRON") else None


def inverted_subject(verb: Token, close: Token) -> Token | None:
    """ "“...,” argued the leader of ...", "- ... - argued the US president": right after a
    quote's closing mark or dash (`close`), the speech verb comes first and the parser may take
    the speaker for its object."""
    if any(not t.is_punct and not t.is_space for t in verb.doc[close.i + 1 : verb.i]):
        return None
    found = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if found is not None:
        return found
    # '“...,” said Mr Regushevsky, a 46-year-old who brought his son': or for the subject of a
    # clause of its own, written right after the verb
    return next(
        (
            child
            for clause in verb.rights
            if clause.dep_ == "ccomp"
            for child in clause.children
            if child.dep_ in SUBJECT_DEPS and child.left_edge.i == verb.i + 1
        ),
        None,
    )


def inverted_after_a_quote(cue: Token) -> bool:
    """Whether a finite cue stands right after a closing quotation mark with no subject before
    it ('“...,” said X'; not '“not inevitable,” maintaining that ...')."""
    return (
        cue.i > 0
        and cue.nbor(-1).is_quote
        and cue.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in SUBJECT_DEPS and c.i < cue.i for c in cue.children)
    )
