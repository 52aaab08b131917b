"""The reaches and sizes of the people, organizations and troops components are settings of
their factories, shown with their defaults in the pipeline's config."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from spacy.language import Language

from extractor.linguistics.credits import CreditLimits
from extractor.people.settings import PeopleSettings


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
