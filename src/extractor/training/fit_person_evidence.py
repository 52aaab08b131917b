"""Refit the person-evidence weights on a gold folder and report a cross-validated figure.

    python -m extractor.training.fit_person_evidence tests/gold [--write]

Runs the pipeline with the evidence switched off, so every candidate name is seen, labels each
candidate by whether the gold lists that name as a person, and fits a logistic regression
(scikit-learn, a dev dependency). Folds never split an article: the figure printed is people
P/R/F1 when each article's candidates are judged by weights fitted on the other articles.
`--write` stores the weights fitted on all articles in `models/person_evidence.tsv`.
Deterministic: same gold, same weights.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from extractor import lexicon
from extractor.evaluate import normalize_name
from extractor.people.evidence import CANDIDATES_KEY
from extractor.pipeline import build_pipeline

FOLDS = 5
REGULARIZATION = 1.0  # sklearn's C: a mild L2, since some features fire on few candidates


@dataclass
class Article:
    gold: set[str]
    names: list[str]
    features: list[dict[str, float]]


def read_articles(gold_dir: Path) -> dict[str, Article]:
    nlp = build_pipeline(config={"extractor_people": {"use_evidence": False}})
    articles = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        doc = nlp(text)
        seen = doc.user_data.get(CANDIDATES_KEY, [])
        articles[path.stem] = Article(
            gold={normalize_name(p["name"]) or "" for p in gold.get("people") or []},
            names=[normalize_name(name) or "" for name, _ in seen],
            features=[features for _, features in seen],
        )
    return articles


def design(articles: list[Article], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [[f[n] for n in names] for a in articles for f in a.features]
    labels = [int(name in a.gold) for a in articles for name in a.names]
    return np.array(rows, dtype=float), np.array(labels, dtype=int)


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=REGULARIZATION, solver="lbfgs", max_iter=1000).fit(x, y)


def people_scores(articles: list[Article], kept: list[list[bool]]) -> dict[str, float]:
    """People P/R/F1 as `extract evaluate` counts them, for the kept candidates."""
    tp = predicted = gold = 0
    for article, keep in zip(articles, kept, strict=True):
        names = {n for n, k in zip(article.names, keep, strict=True) if k}
        tp += len(names & article.gold)
        predicted += len(names)
        gold += len(article.gold)
    p, r = tp / max(predicted, 1), tp / max(gold, 1)
    return {"p": p, "r": r, "f1": 2 * p * r / max(p + r, 1e-9)}


def cross_validated(
    articles: list[Article], names: list[str], threshold: float
) -> dict[str, float]:
    groups = [i for i, a in enumerate(articles) for _ in a.names]
    x, y = design(articles, names)
    kept_rows = np.zeros(len(y), dtype=bool)
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        model = fit(x[train], y[train])
        kept_rows[test] = model.decision_function(x[test]) >= threshold
    kept, at = [], 0
    for a in articles:
        kept.append(list(kept_rows[at : at + len(a.names)]))
        at += len(a.names)
    return people_scores(articles, kept)


def write_weights(model: LogisticRegression, names: list[str], path: Path) -> None:
    header = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in header if line.startswith("#")]
    rows = [f"bias\t{model.intercept_[0]:.4f}"]
    rows += [f"{n}\t{w:.4f}" for n, w in zip(names, model.coef_[0], strict=True)]
    path.write_text("\n".join(comments + rows) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--write", action="store_true", help="store the weights in models/")
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.0,
        help="the people component's min_person_evidence to cross-validate",
    )
    args = parser.parse_args()
    articles = list(read_articles(args.gold_dir).values())
    names = sorted({n for a in articles for f in a.features for n in f})
    everything = people_scores(articles, [[True] * len(a.names) for a in articles])
    print("all candidates kept:", {k: round(v, 3) for k, v in everything.items()})
    cv = cross_validated(articles, names, args.threshold)
    print(
        f"cross-validated ({FOLDS} folds by article, threshold {args.threshold}):",
        {k: round(v, 3) for k, v in cv.items()},
    )
    x, y = design(articles, names)
    model = fit(x, y)
    for n, w in sorted(zip(names, model.coef_[0], strict=True), key=lambda p: p[1]):
        print(f"  {n:18} {w:+.3f}")
    print(f"  {'bias':18} {model.intercept_[0]:+.3f}")
    if args.write:
        write_weights(model, names, lexicon.rule_file_path("person_evidence.tsv"))


if __name__ == "__main__":
    main()
