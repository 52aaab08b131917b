"""Speech verbs (cues) and their subjects."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A verb without a subject of its own speaks for the subject of the verb it hangs from:
# "Putin was reported to have said", "took to Twitter ..., insisting that ...".
INHERITING_DEPS = ("xcomp", "advcl", "conj", "pcomp")
# Forms of "say" count whatever the tagger calls them: headlines in title case ("Putin Says")
# are often tagged as proper nouns.
ALWAYS_CUES = frozenset({"says", "said", "say"})


class Cues:
    def __init__(self, lemmas: frozenset[str]) -> None:
        self.lemmas = lemmas

    def is_cue(self, token: Token) -> bool:
        if token.lower_ in ALWAYS_CUES:
            return True
        return token.pos_ == "VERB" and token.lemma_.lower() in self.lemmas

    @staticmethod
    def subject_of(verb: Token) -> Token | None:
        """The subject of a speech verb, or of the verb it depends on when it has none:
        "Lukashenko ruled out that there will be war, saying there will not be ..."."""
        token = verb
        for _ in range(4):
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
            expletive = any(c.dep_ == "expl" for c in token.children)
            if token.head is token or not (token.dep_ in INHERITING_DEPS or expletive):
                return None
            token = token.head
        return None
