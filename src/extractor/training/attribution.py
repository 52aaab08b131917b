"""Fit the attribution confidence model on gold articles, and measure it cross-validated.

Every gold article is extracted once with no speaker left out (`min_speaker_confidence=0`).
Each predicted quote with a named speaker that matches a gold quote (CONTRACT.md's matching)
is one example: its features (`quoting.confidence.features`) and whether the speaker is right.
A logistic regression (scikit-learn, needed here only, never at run time) gives the weights;
the threshold is the one that scores best on the training examples when a wrong speaker costs
more than a missing one. Cross-validation folds split by article, never within one.

    python -m extractor.training.attribution tests/gold            # refit, write the weights
    python -m extractor.training.attribution tests/gold --cv 5     # only measure

The features' reaches (how far before a quote other people count, how many paragraphs make
the lead) are those of the committed model unless given (--nearby-chars, --lead-paragraphs);
they are written with the weights fitted with them.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from extractor import lexicon
from extractor.batching.engines.local import run_local
from extractor.batching.work import Settings
from extractor.evaluate import QUOTE_GROUPS, evaluate, load_gold, match_quotes, normalize_name
from extractor.extraction import ModelSettings
from extractor.quoting.confidence import (
    ArticleFacts,
    Attribution,
    ConfidenceModel,
    FeatureReaches,
    features,
    load_model,
)

# What a wrong speaker costs, where a right one gains 1 and a null where the gold names
# someone costs nothing.
WRONG_SPEAKER_COST = 1.0
REGULARIZATION = 1.0
Document = dict[str, Any]


@dataclass
class ArticleRun:
    article_id: str
    text: str
    prediction: Document
    gold: Document


@dataclass(frozen=True)
class Example:
    article_id: str
    quote_id: str
    values: dict[str, float]
    right: bool  # the predicted speaker equals the gold one
    gold_null: bool  # the gold says nobody is named


def extract_gold(
    gold_dir: Path, articles_dir: Path | None = None, jobs: int = 1
) -> list[ArticleRun]:
    """Extract every gold article with every speaker the sieves find kept."""
    gold = load_gold(gold_dir)
    folder = articles_dir or gold_dir
    paths = [str(folder / f"{article_id}.txt") for article_id in sorted(gold)]
    settings = Settings(model=ModelSettings(min_speaker_confidence=0.0))
    runs = []
    for result in run_local(paths, settings, jobs):
        if result.data is None:
            raise SystemExit(result.error or f"{result.path}: failed")
        text = Path(result.path).read_text(encoding="utf-8")
        runs.append(
            ArticleRun(result.article_id, text, orjson.loads(result.data), gold[result.article_id])
        )
    return runs


def article_facts(run: ArticleRun, reaches: FeatureReaches) -> ArticleFacts:
    mentions = {
        person["id"]: [(m["start"], m["end"]) for m in person["mentions"]]
        for person in run.prediction.get("people") or []
    }
    return ArticleFacts.of(run.text, mentions, reaches)


def attribution(quote: Mapping[str, Any]) -> Attribution:
    def span(key: str) -> tuple[int, int] | None:
        value = quote.get(key)
        return None if value is None else (value["start"], value["end"])

    return Attribution(
        kind=quote["kind"],
        rule=quote.get("rule"),
        speaker=quote["speaker"],
        speaker_id=quote.get("speaker_id"),
        speaker_mention=span("speaker_mention"),
        cue=span("cue"),
        start=quote["start"],
        end=quote["end"],
    )


def examples(run: ArticleRun, reaches: FeatureReaches) -> list[Example]:
    facts = article_facts(run, reaches)
    found = []
    predicted = run.prediction.get("quotes") or []
    gold = run.gold.get("quotes") or []
    for group in ("direct", "indirect"):
        kinds = QUOTE_GROUPS[group]
        pairs = match_quotes(
            [q for q in predicted if q["kind"] in kinds],
            [q for q in gold if q.get("kind") in kinds],
        )
        for quote, gold_quote in pairs:
            if quote.get("speaker") is None:
                continue
            gold_speaker = normalize_name(gold_quote.get("speaker"))
            found.append(
                Example(
                    run.article_id,
                    quote["id"],
                    features(attribution(quote), facts),
                    normalize_name(quote["speaker"]) == gold_speaker,
                    gold_speaker is None,
                )
            )
    return found


def fit(training: Sequence[Example], reaches: FeatureReaches) -> ConfidenceModel:
    """The model fitted on examples whose features were computed with `reaches`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([e.values for e in training])
    labels = [e.right for e in training]
    if len(set(labels)) < 2:
        return ConfidenceModel({}, 5.0 if labels and labels[0] else -5.0, 0.0, reaches)
    regression = LogisticRegression(C=REGULARIZATION, max_iter=2000, solver="lbfgs")
    regression.fit(matrix, labels)
    weights = dict(zip(vectorizer.get_feature_names_out(), regression.coef_[0], strict=True))
    unthresholded = ConfidenceModel(weights, float(regression.intercept_[0]), 0.0, reaches)
    threshold = best_threshold([(unthresholded.confidence(e.values), e) for e in training])
    return ConfidenceModel(weights, float(regression.intercept_[0]), threshold, reaches)


def best_threshold(scored: Sequence[tuple[float, Example]]) -> float:
    """The threshold that scores best: a kept right speaker or a null where the gold has none
    gains 1, a kept wrong speaker costs WRONG_SPEAKER_COST, a null where the gold names someone
    nothing: a wrong speaker is worse than none, and one is named only when it is more likely
    right than wrong. Ties go to the lower threshold."""

    def utility(threshold: float) -> float:
        total = 0.0
        for confidence, example in scored:
            if confidence >= threshold:
                total += 1.0 if example.right else -WRONG_SPEAKER_COST
            elif example.gold_null:
                total += 1.0
        return total

    candidates = sorted({0.0, *(round(c, 3) for c, _ in scored)})
    return max(candidates, key=lambda t: (utility(t), -t))


def gated(run: ArticleRun, model: ConfidenceModel) -> Document:
    """The prediction as the run-time gate would leave it with this model."""
    prediction = copy.deepcopy(run.prediction)
    facts = article_facts(run, model.reaches)
    for quote in prediction.get("quotes") or []:
        if quote.get("speaker") is None:
            continue
        quote["confidence"] = round(model.confidence(features(attribution(quote), facts)), 3)
        if quote["confidence"] < model.threshold:
            quote["speaker"] = quote["speaker_id"] = None
    return prediction


def folds(article_ids: Sequence[str], k: int) -> list[list[str]]:
    ordered = sorted(article_ids)
    return [ordered[i::k] for i in range(k)]


def cross_validate(
    runs: Sequence[ArticleRun], k: int, reaches: FeatureReaches | None = None
) -> tuple[dict[str, Any], list[float]]:
    """Score every article with a model fitted on the other folds, its features computed with
    `reaches` (by default the committed model's); also return each fold's threshold, to show
    how stable it is."""
    if reaches is None:
        reaches = reaches_of(None, None)
    by_article = {run.article_id: run for run in runs}
    all_examples = {run.article_id: examples(run, reaches) for run in runs}
    pairs: dict[str, tuple[Document, Document]] = {}
    thresholds = []
    for held_out in folds(list(by_article), k):
        held = set(held_out)
        training = [e for aid, found in all_examples.items() if aid not in held for e in found]
        model = fit(training, reaches)
        thresholds.append(model.threshold)
        for article_id in held_out:
            run = by_article[article_id]
            pairs[article_id] = (gated(run, model), run.gold)
    return evaluate(pairs), thresholds


def in_sample(runs: Sequence[ArticleRun], model: ConfidenceModel) -> dict[str, Any]:
    return evaluate({run.article_id: (gated(run, model), run.gold) for run in runs})


def fit_all(runs: Sequence[ArticleRun], reaches: FeatureReaches) -> ConfidenceModel:
    return fit([e for run in runs for e in examples(run, reaches)], reaches)


def reaches_of(nearby_chars: int | None, lead_paragraphs: int | None) -> FeatureReaches:
    """The reaches given, each else the committed model's."""
    committed = load_model()
    if committed is not None:
        nearby_chars = committed.reaches.nearby_chars if nearby_chars is None else nearby_chars
        if lead_paragraphs is None:
            lead_paragraphs = committed.reaches.lead_paragraphs
    if nearby_chars is None or lead_paragraphs is None:
        raise SystemExit(
            f"no fitted model in {weights_path()} to take the features' reaches from: "
            "give --nearby-chars and --lead-paragraphs"
        )
    return FeatureReaches(nearby_chars, lead_paragraphs)


def weights_path() -> Path:
    return lexicon.rule_file_path(lexicon.ATTRIBUTION_WEIGHTS)


SUMMARY_KEYS = (
    "quotes.direct.attribution_acc",
    "quotes.direct.e2e",
    "quotes.indirect.e2e",
    "quotes.all.attribution_acc",
    "quotes.all.e2e",
)


def summary(report: Mapping[str, Any]) -> str:
    micro = report["micro"]
    parts = []
    for key in SUMMARY_KEYS:
        value = micro[key]
        parts.append(f"{key} {value['f1'] if isinstance(value, dict) else value}")
    return "; ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--cv", type=int, default=0, help="folds; 0 refits and writes weights")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument(
        "--nearby-chars", type=int, help="how far before a quote other people count"
    )
    parser.add_argument("--lead-paragraphs", type=int, help="how many paragraphs are the lead")
    arguments = parser.parse_args(argv)
    reaches = reaches_of(arguments.nearby_chars, arguments.lead_paragraphs)
    runs = extract_gold(arguments.gold_dir, jobs=arguments.jobs)
    if arguments.cv:
        report, thresholds = cross_validate(runs, arguments.cv, reaches)
        print(f"cross-validated, {arguments.cv} folds by article: {summary(report)}")
        print(f"fold thresholds: {', '.join(f'{t:.3f}' for t in thresholds)}")
        return 0
    model = fit_all(runs, reaches)
    weights_path().write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {weights_path()} (threshold {model.threshold:.3f})")
    print(f"in sample: {summary(in_sample(runs, model))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
