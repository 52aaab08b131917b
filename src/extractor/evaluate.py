"""Scoring of predictions against gold, exactly as CONTRACT.md defines it.

Reads JSON documents (dicts), never Docs. Every score is built from counts (tp, pred, gold)
so that per-article counts add up to the micro average over a gold directory.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

Document = Mapping[str, Any]

QUOTE_GROUPS = {
    "direct": frozenset({"direct", "partial"}),
    "indirect": frozenset({"indirect"}),
    "all": frozenset({"direct", "partial", "indirect"}),
}
_NON_ALNUM = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")


def normalize_name(name: str | None) -> str | None:
    """NFKD, combining marks removed, case folded, non-alphanumeric runs to one space,
    trimmed, a leading "the " dropped. None stays None."""
    if name is None:
        return None
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = _NON_ALNUM.sub(" ", stripped.casefold()).strip()
    return spaced[4:] if spaced.startswith("the ") else spaced


def quote_tokens(text: str) -> frozenset[str]:
    """The case-folded \\w+ runs of a quote's text."""
    return frozenset(_WORD.findall(text.casefold()))


@dataclass
class Counts:
    """True positives, predictions and gold items: the makings of precision and recall."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        return self

    def scores(self) -> dict[str, float | int]:
        """P, R and F1, rounded to 3 places; with nothing predicted (or nothing to find) the
        score is 1.0 only when there was also nothing to find (or nothing predicted)."""
        p = self.tp / self.pred if self.pred else (1.0 if self.gold == 0 else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if self.pred == 0 else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass
class Share:
    """A share of matched items that are right (attribution accuracy, person country)."""

    right: int = 0
    total: int = 0

    def __iadd__(self, other: Share) -> Share:
        self.right += other.right
        self.total += other.total
        return self

    def value(self) -> float | None:
        return round(self.right / self.total, 3) if self.total else None


def set_counts(predicted: Iterable[str | None], gold: Iterable[str | None]) -> Counts:
    """Counts for two sets of normalized keys (people names, country codes)."""
    p = {x for x in predicted if x}
    g = {x for x in gold if x}
    return Counts(tp=len(p & g), pred=len(p), gold=len(g))


def multiset_counts(predicted: Iterable[Any], gold: Iterable[Any]) -> Counts:
    """Counts for two multisets: each gold item can be matched once."""
    p, g = Counter(predicted), Counter(gold)
    return Counts(tp=sum((p & g).values()), pred=sum(p.values()), gold=sum(g.values()))


def match_quotes(
    predicted: list[Document], gold: list[Document]
) -> list[tuple[Document, Document]]:
    """Pair predicted and gold quotes one-to-one, greedily by token overlap.

    A pair qualifies when the shared tokens are at least half of the larger token set;
    the best overlaps are paired first (ties: earlier gold, then earlier prediction).
    """
    predicted_tokens = [quote_tokens(q.get("text") or "") for q in predicted]
    gold_tokens = [quote_tokens(q.get("text") or "") for q in gold]
    candidates = []
    for gi, g in enumerate(gold_tokens):
        for pi, p in enumerate(predicted_tokens):
            if not g or not p:
                continue
            shared = len(g & p)
            larger = max(len(g), len(p))
            if shared * 2 >= larger:
                candidates.append((-shared / larger, -shared, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((predicted[pi], gold[gi]))
    return pairs


def same_speaker(predicted: Document, gold: Document) -> bool:
    return normalize_name(predicted.get("speaker")) == normalize_name(gold.get("speaker"))


@dataclass
class QuoteScore:
    detect: Counts
    e2e: Counts
    attribution: Share


def score_quotes(
    predicted: list[Document], gold: list[Document], kinds: frozenset[str]
) -> QuoteScore:
    chosen_predicted = [q for q in predicted if q.get("kind") in kinds]
    chosen_gold = [q for q in gold if q.get("kind") in kinds]
    pairs = match_quotes(chosen_predicted, chosen_gold)
    right = sum(1 for p, g in pairs if same_speaker(p, g))
    total_p, total_g = len(chosen_predicted), len(chosen_gold)
    return QuoteScore(
        detect=Counts(tp=len(pairs), pred=total_p, gold=total_g),
        e2e=Counts(tp=right, pred=total_p, gold=total_g),
        attribution=Share(right=right, total=len(pairs)),
    )


@dataclass
class PeopleDetail:
    titles: Counts
    country: Share


def score_people_details(predicted: Document, gold: Document) -> PeopleDetail:
    """Titles (P/R/F1 over normalized titles of matched people) and person-country accuracy
    (matched people whose gold gives a `country` key; null equals null)."""
    by_name = {normalize_name(p.get("name")): p for p in predicted.get("people") or []}
    titles = Counts()
    country = Share()
    for g in gold.get("people") or []:
        p = by_name.get(normalize_name(g.get("name")))
        if p is None:
            continue
        if "titles" in g:
            titles += set_counts(
                (normalize_name(t) for t in p.get("titles") or []),
                (normalize_name(t) for t in g.get("titles") or []),
            )
        if "country" in g:
            country += Share(right=int(p.get("country") == g.get("country")), total=1)
    return PeopleDetail(titles=titles, country=country)


@dataclass
class ArticleScore:
    """Everything scored for one article, as counts that add up across articles."""

    people: Counts
    countries: Counts
    quotes: dict[str, QuoteScore]
    troops_count: Counts
    troops_count_country: Counts
    titles: Counts
    person_country: Share

    def __iadd__(self, other: ArticleScore) -> ArticleScore:
        self.people += other.people
        self.countries += other.countries
        for group, score in other.quotes.items():
            mine = self.quotes[group]
            mine.detect += score.detect
            mine.e2e += score.e2e
            mine.attribution += score.attribution
        self.troops_count += other.troops_count
        self.troops_count_country += other.troops_count_country
        self.titles += other.titles
        self.person_country += other.person_country
        return self

    def as_dict(self) -> dict[str, Any]:
        """The flat keys of CONTRACT.md, plus titles and person country."""
        result: dict[str, Any] = {
            "people": self.people.scores(),
            "countries": self.countries.scores(),
        }
        for group, score in self.quotes.items():
            result[f"quotes.{group}.detect"] = score.detect.scores()
            result[f"quotes.{group}.e2e"] = score.e2e.scores()
        result["troops.count"] = self.troops_count.scores()
        result["troops.count_country"] = self.troops_count_country.scores()
        for group, score in self.quotes.items():
            result[f"quotes.{group}.attribution_acc"] = score.attribution.value()
        result["people.titles"] = self.titles.scores()
        result["people.country_acc"] = self.person_country.value()
        return result


def empty_score() -> ArticleScore:
    return ArticleScore(
        people=Counts(),
        countries=Counts(),
        quotes={g: QuoteScore(Counts(), Counts(), Share()) for g in QUOTE_GROUPS},
        troops_count=Counts(),
        troops_count_country=Counts(),
        titles=Counts(),
        person_country=Share(),
    )


def score_article(predicted: Document, gold: Document) -> ArticleScore:
    """Score one article's prediction against its gold."""
    pred_quotes = list(predicted.get("quotes") or [])
    gold_quotes = list(gold.get("quotes") or [])
    pred_troops = list(predicted.get("troop_figures") or [])
    gold_troops = list(gold.get("troop_figures") or [])
    details = score_people_details(predicted, gold)
    return ArticleScore(
        people=set_counts(
            (normalize_name(p.get("name")) for p in predicted.get("people") or []),
            (normalize_name(p.get("name")) for p in gold.get("people") or []),
        ),
        countries=set_counts(
            ((c.get("code") or "").upper() for c in predicted.get("countries") or []),
            ((c.get("code") or "").upper() for c in gold.get("countries") or []),
        ),
        quotes={g: score_quotes(pred_quotes, gold_quotes, k) for g, k in QUOTE_GROUPS.items()},
        troops_count=multiset_counts(
            (t.get("count") for t in pred_troops), (t.get("count") for t in gold_troops)
        ),
        troops_count_country=multiset_counts(
            ((t.get("count"), t.get("country")) for t in pred_troops),
            ((t.get("count"), t.get("country")) for t in gold_troops),
        ),
        titles=details.titles,
        person_country=details.country,
    )


def evaluate(pairs: Mapping[str, tuple[Document, Document]]) -> dict[str, Any]:
    """Score article id -> (prediction, gold); return {"micro": ..., "articles": ...,
    "rules": ...}."""
    total = empty_score()
    articles: dict[str, Any] = {}
    rules: dict[str, RuleScore] = {}
    for article_id in sorted(pairs):
        predicted, gold = pairs[article_id]
        score = score_article(predicted, gold)
        articles[article_id] = score.as_dict()
        total += score
        for rule, counts in score_rules(predicted, gold).items():
            rules.setdefault(rule, RuleScore()).add(counts)
    return {
        "micro": total.as_dict(),
        "articles": articles,
        "rules": {rule: rules[rule].as_dict() for rule in sorted(rules)},
    }


@dataclass
class RuleScore:
    """How one attribution rule did: of the quotes it decided that match a gold quote, how
    many have the gold speaker (its precision), and how many it named nobody for."""

    predicted: int = 0
    matched: int = 0
    right: int = 0
    named: int = 0
    named_right: int = 0

    def add(self, other: RuleScore) -> None:
        self.predicted += other.predicted
        self.matched += other.matched
        self.right += other.right
        self.named += other.named
        self.named_right += other.named_right

    def as_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "matched": self.matched,
            "right": self.right,
            "precision": round(self.right / self.matched, 3) if self.matched else None,
            "named": self.named,
            "named_precision": round(self.named_right / self.named, 3) if self.named else None,
        }


def score_rules(predicted: Document, gold: Document) -> dict[str, RuleScore]:
    """Per `quotes[].rule` (its sieve, before the colon): counts over matched quotes."""
    scores: dict[str, RuleScore] = {}
    pred_quotes = list(predicted.get("quotes") or [])
    gold_quotes = list(gold.get("quotes") or [])
    for group in ("direct", "indirect"):
        kinds = QUOTE_GROUPS[group]
        chosen = [q for q in pred_quotes if q.get("kind") in kinds]
        for quote in chosen:
            scores.setdefault(_sieve(quote), RuleScore()).predicted += 1
        for p, g in match_quotes(chosen, [q for q in gold_quotes if q.get("kind") in kinds]):
            score = scores[_sieve(p)]
            right = same_speaker(p, g)
            score.matched += 1
            score.right += right
            if p.get("speaker") is not None:
                score.named += 1
                score.named_right += right
    return scores


def _sieve(quote: Document) -> str:
    return (quote.get("rule") or "none").partition(":")[0]


def metric(report: Mapping[str, Any], key: str) -> float | None:
    """Look up "people.f1", "quotes.direct.e2e.f1", "quotes.all.attribution_acc", ... in a
    report's micro scores. Raises KeyError for a key the report does not have."""
    micro = report["micro"]
    if key in micro and not isinstance(micro[key], dict):
        value = micro[key]
        return None if value is None else float(value)
    group, _, field_name = key.rpartition(".")
    if group in micro and isinstance(micro[group], dict) and field_name in micro[group]:
        return float(micro[group][field_name])
    raise KeyError(key)


def failed_thresholds(report: Mapping[str, Any], minimums: Mapping[str, float]) -> list[str]:
    """Return one line per threshold the report does not meet."""
    failures = []
    for key, minimum in minimums.items():
        value = metric(report, key)
        if value is None or value < minimum:
            shown = "n/a" if value is None else f"{value:.3f}"
            failures.append(f"{key} = {shown}, below the minimum {minimum:.3f}")
    return failures


class GoldError(Exception):
    """A gold or prediction file that cannot be read."""


def read_json(path: Path) -> dict[str, Any]:
    try:
        document = orjson.loads(path.read_bytes())
    except OSError as error:
        raise GoldError(f"{path}: cannot read: {error.strerror or error}") from None
    except orjson.JSONDecodeError as error:
        raise GoldError(f"{path}: not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise GoldError(f"{path}: not a JSON object")
    return document


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Return article id -> gold document for every `*.json` in a folder."""
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this folder")
    return {path.stem: read_json(path) for path in files}
