"""The people component's tunable reaches and sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PeopleSettings:
    """The people component's reaches and sizes, with their defaults: the one place they are
    written (the factory's default config is made from them)."""

    # The most tokens a name is written in ("Ursula von der Leyen"); also how far a known
    # figure's full name and an alias after its marker are read.
    max_name_tokens: int = 5
    # The most proper nouns the model missed that are read as a name after a title or from a
    # known first name on ("President Volodymyr Zelenskiy", "DNI Avril Haines").
    max_unlabelled_name_tokens: int = 4
    # How many tokens before a first name the bracket of an editor's insertion that closes on
    # it may open: "(Russian President Vladimir) Putin".
    max_bracket_tokens: int = 6
    # How many tokens after a name "better known by his assumed name Strelkov" is read in.
    alias_window: int = 14
    # The fewest letters of a surname in which a typing slip is looked for ("Pskai"/"Psaki");
    # shorter names are left alone.
    min_slip_length: int = 5
    # The most tokens of the phrase right before a name that its role is read off ("Ukraine's
    # defense minister Oleksii Reznikov").
    max_premodifier_tokens: int = 8
    # How many words before that phrase a party's name may start ("Law and Justice MP").
    party_reach: int = 3
    # The most tokens between two office holders listed together: a joiner and the next title.
    max_list_gap: int = 14
