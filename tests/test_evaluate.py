"""The scoring of CONTRACT.md on small hand-made gold/prediction pairs, worked out by hand."""

from __future__ import annotations

import pytest

from extractor.evaluate import (
    evaluate,
    failed_thresholds,
    match_quotes,
    metric,
    normalize_name,
    quote_tokens,
)


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        pytest.param("the Kremlin", "kremlin", id="leading-the-dropped"),
        pytest.param("The  Kremlin’s", "kremlin s", id="curly-possessive-and-double-space"),
        pytest.param("Volodymyr Zelenskyy", "volodymyr zelenskyy", id="casefolded"),
        pytest.param("Wąsik", "wasik", id="diacritics-stripped"),
        pytest.param(
            "Ukraine's defense ministry", "ukraine s defense ministry", id="straight-possessive"
        ),
        pytest.param("  NATO ", "nato", id="outer-spaces-trimmed"),
        pytest.param("theatre", "theatre", id="the-inside-a-word-kept"),
        pytest.param(None, None, id="no-name"),
    ],
)
def test_names_normalize_as_the_contract_says(written: str | None, normalized: str | None) -> None:
    assert normalize_name(written) == normalized


def test_quote_tokens_are_casefolded_word_runs() -> None:
    assert quote_tokens("We don’t need this panic,") == {"we", "don", "t", "need", "this", "panic"}


def test_quotes_match_when_half_of_the_larger_token_set_is_shared() -> None:
    gold = [{"text": "a b c d"}]
    # shares 2 of max(4, 4): exactly half, a match
    assert len(match_quotes([{"text": "a b x y"}], gold)) == 1
    # shares 2 of max(4, 5): less than half, no match
    assert match_quotes([{"text": "a b x y z"}], gold) == []


def test_quote_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    gold = [{"text": "a b c d"}, {"text": "a b c e"}]
    predicted = [{"text": "a b c e"}]
    pairs = match_quotes(predicted, gold)
    assert pairs == [(predicted[0], gold[1])]


def _quote(kind: str, text: str, speaker: str | None) -> dict[str, object]:
    return {"kind": kind, "text": text, "speaker": speaker}


def test_one_article_worked_by_hand() -> None:
    gold = {
        "people": [
            {"name": "Vladimir Putin", "titles": ["President"], "country": "RU"},
            {"name": "Sergey Lavrov", "titles": ["Foreign Minister"], "country": "RU"},
        ],
        "countries": [{"code": "RU"}, {"code": "UA"}],
        "quotes": [
            _quote("direct", "we do not want a war", "Sergey Lavrov"),
            _quote("partial", "panic", None),
            _quote("indirect", "the West ignored our demands", "Vladimir Putin"),
        ],
        "troop_figures": [
            {"count": 130000, "country": "RU", "approximate": True},
            {"count": 8500, "country": "US", "approximate": False},
        ],
    }
    predicted = {
        "people": [
            {"name": "Vladimir Putin", "titles": ["president"], "country": "RU"},
            {"name": "Lavrov", "titles": [], "country": None},
            {"name": "NTD Photo", "titles": [], "country": None},
        ],
        "countries": [{"code": "RU"}, {"code": "US"}],
        "quotes": [
            _quote("direct", "We do not want a war,", "the Kremlin"),
            _quote("direct", "panic", None),
            _quote("indirect", "the West ignored our demands", "vladimir putin"),
            _quote("indirect", "something else entirely", None),
        ],
        "troop_figures": [
            {"count": 130000, "country": "RU"},
            {"count": 8500, "country": None},
            {"count": 8500, "country": None},
        ],
    }
    micro = evaluate({"a": (predicted, gold)})["micro"]
    # people: {putin, lavrov, ntd photo} vs {putin, sergey lavrov}: 1 of 3, 1 of 2
    assert micro["people"] == {"p": 0.333, "r": 0.5, "f1": 0.4, "tp": 1, "pred": 3, "gold": 2}
    assert micro["countries"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}
    # direct+partial: both match; Lavrov's has the wrong speaker, "panic" null == null
    assert micro["quotes.direct.detect"]["tp"] == 2
    assert micro["quotes.direct.e2e"] == {
        "p": 0.5,
        "r": 0.5,
        "f1": 0.5,
        "tp": 1,
        "pred": 2,
        "gold": 2,
    }
    assert micro["quotes.direct.attribution_acc"] == 0.5
    # indirect: one match of one gold, two predicted
    assert micro["quotes.indirect.detect"] == {
        "p": 0.5,
        "r": 1.0,
        "f1": 0.667,
        "tp": 1,
        "pred": 2,
        "gold": 1,
    }
    assert micro["quotes.indirect.attribution_acc"] == 1.0
    assert micro["quotes.all.e2e"] == {
        "p": 0.5,
        "r": 0.667,
        "f1": 0.571,
        "tp": 2,
        "pred": 4,
        "gold": 3,
    }
    # troops: counts {130000, 8500, 8500} vs {130000, 8500}: 2 of 3; pairs: only RU matches
    assert micro["troops.count"] == {"p": 0.667, "r": 1.0, "f1": 0.8, "tp": 2, "pred": 3, "gold": 2}
    assert micro["troops.count_country"]["tp"] == 1
    # titles on matched people (Putin only): "president" equals "President"
    assert micro["people.titles"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "pred": 1, "gold": 1}
    assert micro["people.country_acc"] == 1.0


def test_micro_average_adds_counts_not_scores() -> None:
    gold_a = {"countries": [{"code": "RU"}]}
    gold_b = {"countries": [{"code": "UA"}, {"code": "US"}, {"code": "GB"}]}
    report = evaluate(
        {
            "a": ({"countries": [{"code": "RU"}]}, gold_a),
            "b": ({"countries": []}, gold_b),
        }
    )
    assert report["articles"]["a"]["countries"]["f1"] == 1.0
    assert report["articles"]["b"]["countries"]["f1"] == 0.0
    # 1 tp of 1 predicted and 4 gold: p 1.0, r 0.25, f1 0.4 (a mean of F1s would say 0.5)
    assert report["micro"]["countries"] == {
        "p": 1.0,
        "r": 0.25,
        "f1": 0.4,
        "tp": 1,
        "pred": 1,
        "gold": 4,
    }


def test_empty_prediction_of_empty_gold_is_perfect() -> None:
    report = evaluate({"a": ({}, {})})
    assert report["micro"]["troops.count"]["f1"] == 1.0
    assert report["micro"]["quotes.all.attribution_acc"] is None


def test_thresholds_name_scores_by_key_and_field() -> None:
    report = evaluate({"a": ({"countries": [{"code": "RU"}]}, {"countries": [{"code": "RU"}]})})
    assert metric(report, "countries.f1") == 1.0
    assert failed_thresholds(report, {"countries.f1": 0.9}) == []
    assert failed_thresholds(report, {"people.r": 1.5}) == [
        "people.r = 1.000, below the minimum 1.500"
    ]
    with pytest.raises(KeyError):
        metric(report, "nonsense.f1")
