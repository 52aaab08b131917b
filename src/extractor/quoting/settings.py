"""The quotes component's tunable reaches, windows and sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteSettings:
    """The quotes component's reaches and sizes, with their defaults: the one place they are
    written (the factory's default config is made from them)."""

    # How far back (in characters) "he said" looks for the person it points to.
    max_pronoun_distance: int = 1500
    # How many tokens between a quotation mark and the cue that attributes it.
    attribution_window: int = 12
    # How many heads up the parse a quoted fragment climbs to the verb that governs it.
    max_chain: int = 8
    # The share of a reported clause in quotation marks above which it is a direct quote.
    direct_share_of_clause: float = 0.8
    # How many sentences back (and ahead) in its paragraph a quote with no cue looks for the
    # speaker it continues.
    inherit_reach_sentences: int = 4
    # How many sentences back a document of another kind still answers "the statement said",
    # and how many on the issuer of a document first met without one may be named.
    document_reach_sentences: int = 3
    document_next_sentences: int = 2
    # How many sentences back "the company said" finds a body the article described as a
    # company ("Naftogaz, the state energy company,").
    body_kind_reach_sentences: int = 3
    # How many paragraphs back "the Naftogaz CEO says" may find the speaker of the passage.
    passage_reach_paragraphs: int = 2
    # How many tokens into the attribution after a closing dash its speech verb may stand
    # ("- the Russian foreign minister Sergey Lavrov told reporters").
    dash_cue_tokens: int = 12
    # How many words a speaker in a capitals headline may have ("WHITE HOUSE SAYS").
    headline_speaker_words: int = 4
    # The fewest letters of words in capitals read as a headline's ("PUTIN SAYS ..."): fewer
    # may be an acronym ("NATO", "OSCE").
    capitals_min_letters: int = 8
    # How many characters before the colon of "Sikorski: Putin would do well ..." may name
    # the speaker.
    colon_speaker_chars: int = 80
    # The fewest words of a dash speech that no attribution follows ("- We will answer.").
    dash_min_uncued_words: int = 3
    # How many first words of the clause after a closing dash its speech verb may be among
    # ("- ... - the chancellor said").
    dash_cue_window_words: int = 10
    # How many words before "...: -" a speech verb announces the speech ("she replied: -").
    dash_announcing_words: int = 6
    # The most words of an unattributed dash item that, holding a speech verb, is a cue and
    # not speech ("- Putin said that on Monday.").
    dash_max_cue_only_words: int = 8
    # How many characters after an opening dash the speech's first letter may stand.
    dash_first_letter_chars: int = 8
    # The fewest words of a quote whose opening mark is never closed in its paragraph.
    min_unclosed_quote_words: int = 4
    # The most characters between single quotation marks paired as a quote (a closing ’ is
    # also the apostrophe).
    max_single_quote_chars: int = 300
    # The most words of a "Speaker: statement" line, and the fewest of its statement.
    colon_line_max_words: int = 40
    colon_statement_min_words: int = 3
    # The most tokens of a sentence the parser split off that is only a name ("Nuland said
    # ..." at the start of a flattened article).
    max_split_name_tokens: int = 3
    # How many verbs up a speech verb without a subject climbs to the subject it speaks for
    # ("Putin was reported to have said").
    subject_climb: int = 4
    # How many verbs up "must" or "should" makes a speech verb one that others must say
    # ("the EU should keep repeating that ...").
    obligation_climb: int = 3
    # The most words of a quoted title-case name that is not a quote (wrote in the "Sunday
    # Times"), and how many characters before the opening mark "so-called" may stand.
    max_quoted_name_words: int = 5
    non_quote_cue_chars: int = 40
    # The most words of a first line read as the headline whose source the article cites.
    headline_max_words: int = 20
    # The most words of a noun phrase read as an organization's name as written.
    max_body_words: int = 8
    # How many tokens before its sentence "it said" looks for the body last the subject.
    recent_body_tokens: int = 200
