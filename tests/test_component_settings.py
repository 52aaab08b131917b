"""The reaches and sizes of the people, organizations, troops and quotes components are settings
of their factories, shown with their defaults in the pipeline's config."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from spacy.language import Language

from extractor.components.quotes import make_quotes
from extractor.components.troops import TroopSettings
from extractor.linguistics.credits import CreditLimits
from extractor.people.settings import PeopleSettings
from extractor.quoting.settings import QuoteSettings


@pytest.mark.parametrize(
    ("component", "expected"),
    [
        pytest.param(
            "extractor_people",
            {
                "max_name_tokens": 5,
                "max_unlabelled_name_tokens": 4,
                "max_bracket_tokens": 6,
                "alias_window": 14,
                "min_slip_length": 5,
                "max_premodifier_tokens": 8,
                "party_reach": 3,
                "max_list_gap": 14,
                "max_byline_words": 15,
                "max_credit_chars": 300,
            },
            id="people-reaches",
        ),
        pytest.param(
            "extractor_organizations",
            {"max_byline_words": 15, "max_credit_chars": 300},
            id="organizations-credit-limits",
        ),
        pytest.param(
            "extractor_troops",
            {
                "casualty_words_before": 2,
                "casualty_verb_chain": 2,
                "max_phrase_climb": 8,
                "deployer_phrase_climb": 3,
                "deployer_verb_climb": 3,
            },
            id="troops-reaches",
        ),
        pytest.param(
            "extractor_quotes",
            {
                "capitals_min_letters": 8,
                "dash_min_uncued_words": 3,
                "dash_cue_window_words": 10,
                "dash_announcing_words": 6,
                "dash_max_cue_only_words": 8,
                "dash_first_letter_chars": 8,
                "min_unclosed_quote_words": 4,
                "max_single_quote_chars": 300,
                "colon_line_max_words": 40,
                "colon_statement_min_words": 3,
                "max_split_name_tokens": 3,
                "subject_climb": 4,
                "obligation_climb": 3,
                "max_quoted_name_words": 5,
                "non_quote_cue_chars": 40,
                "headline_max_words": 20,
                "max_body_words": 8,
                "recent_body_tokens": 200,
            },
            id="quotes-windows-and-sizes",
        ),
    ],
)
def test_reaches_are_factory_settings_with_their_defaults(
    nlp: Language, component: str, expected: dict[str, int]
) -> None:
    config = nlp.config["components"][component]
    assert {key: config[key] for key in expected} == expected


def test_people_defaults_are_written_once() -> None:
    """The people factory's defaults are PeopleSettings' and CreditLimits' own."""
    defaults = Language.get_factory_meta("extractor_people").default_config
    assert {**asdict(PeopleSettings()), **asdict(CreditLimits())}.items() <= defaults.items()


def test_quote_defaults_are_written_once() -> None:
    """The quotes factory's defaults are QuoteSettings' own."""
    defaults = Language.get_factory_meta("extractor_quotes").default_config
    assert asdict(QuoteSettings()).items() <= defaults.items()


def test_troop_defaults_are_written_once() -> None:
    """The troops factory's defaults are TroopSettings' own, and nothing else."""
    defaults = Language.get_factory_meta("extractor_troops").default_config
    assert asdict(TroopSettings()) == defaults


@pytest.mark.parametrize(
    ("setting", "value", "text", "by_default", "tuned"),
    [
        pytest.param(
            "max_single_quote_chars",
            5,
            "Foreign Minister Sergey Lavrov said the talks were 'a waste of everyone's time'.",
            ["the talks were 'a waste of everyone's time'", "a waste of everyone's time"],
            ["the talks were 'a waste of everyone's time"],
            id="single-quote-length-in-marks",
        ),
        pytest.param(
            "dash_min_uncued_words",
            5,
            "Chancellor Olaf Scholz spoke on Monday.\n- We will answer.",
            ["We will answer."],
            [],
            id="uncued-dash-speech-size-in-dashes",
        ),
        pytest.param(
            "colon_line_max_words",
            5,
            "Sikorski: Putin would do well if he considered the invasion an error.",
            ["Putin would do well if he considered the invasion an error"],
            [],
            id="colon-line-size-in-colon-lines",
        ),
        pytest.param(
            "capitals_min_letters",
            100,
            "PUTIN SAYS THE TALKS WITH UKRAINE ARE OVER\n"
            "Russian President Vladimir Putin spoke on Monday in Moscow.",
            [],
            ["THE TALKS WITH UKRAINE ARE OVER"],
            id="capitals-headline-size-in-headlines",
        ),
    ],
)
def test_a_quote_setting_reaches_the_code_that_uses_it(
    nlp: Language, setting: str, value: int, text: str, by_default: list[str], tuned: list[str]
) -> None:
    """A quotes component made with one setting changed finds what the default does not: the
    factory's setting, passed down, decides where a module constant used to."""
    defaults = dict(Language.get_factory_meta("extractor_quotes").default_config)

    def quotes(config: dict[str, object]) -> list[str]:
        finder = make_quotes(nlp, "extractor_quotes", **config)
        return [q.words.text for q in finder(nlp(text))._.quotes]

    assert quotes(defaults) == by_default
    assert quotes({**defaults, setting: value}) == tuned
