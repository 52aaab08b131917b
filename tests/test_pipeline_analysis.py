"""Each component declares what it reads and writes, so spaCy's analyze_pipes can check the
order: in our order nothing is read before it is written; moved too early, it is."""

from __future__ import annotations

from spacy.language import Language

from extractor.pipeline import build_pipeline


def test_our_order_has_no_problems(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(problems == [] for problems in analysis["problems"].values())
    assigned = {attr for attrs in analysis["summary"].values() for attr in attrs["assigns"]}
    assert {"doc._.people", "doc._.quotes", "doc._.troop_figures", "doc._.furniture"} <= assigned


def test_quotes_before_people_is_a_problem() -> None:
    nlp = build_pipeline()
    nlp.remove_pipe("extractor_quotes")
    nlp.add_pipe("extractor_quotes", before="extractor_people")
    problems = nlp.analyze_pipes(pretty=False)["problems"]["extractor_quotes"]
    assert "doc._.people" in problems and "doc._.organizations" in problems
