"""Each component declares what it reads and writes, so spaCy's analyze_pipes can check the
order: in our order nothing is read before it is written; moved too early, it is.

The reordered pipelines borrow the session pipeline's components (`add_pipe(source=...)` hands
over the same objects), so no model is loaded again.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language


def in_order(nlp: Language, names: list[str]) -> Language:
    """A blank English pipeline running `nlp`'s components in the order `names`."""
    reordered = spacy.blank("en", vocab=nlp.vocab)
    for name in names:
        reordered.add_pipe(name, source=nlp)
    return reordered


def moved_after(nlp: Language, producer: str, consumer: str) -> Language:
    """`nlp` with `producer` taken out and run right after `consumer` instead."""
    names = [name for name in nlp.pipe_names if name != producer]
    names.insert(names.index(consumer) + 1, producer)
    return in_order(nlp, names)


def test_our_order_has_no_problems(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(problems == [] for problems in analysis["problems"].values())
    assigned = {attr for attrs in analysis["summary"].values() for attr in attrs["assigns"]}
    assert {"doc._.people", "doc._.quotes", "doc._.troop_figures", "doc._.furniture"} <= assigned


def test_the_borrowed_order_reads_as_the_real_one(nlp: Language) -> None:
    """The reordering helper itself changes nothing when the order is kept."""
    same = in_order(nlp, nlp.pipe_names)
    assert same.analyze_pipes(pretty=False) == nlp.analyze_pipes(pretty=False)


def test_quotes_before_people_is_a_problem(nlp: Language) -> None:
    names = [name for name in nlp.pipe_names if name != "extractor_quotes"]
    names.insert(names.index("extractor_people"), "extractor_quotes")
    problems = in_order(nlp, names).analyze_pipes(pretty=False)["problems"]["extractor_quotes"]
    assert {"doc._.people", "doc._.person_at", "doc._.organizations"} <= set(problems)


# One row per value a component reads from an earlier one: the producer moved to run after
# the consumer must leave the consumer reading something nobody has written yet.
PRODUCER_AFTER_CONSUMER = [
    pytest.param(
        "extractor_furniture",
        "extractor_people",
        "token._.is_furniture",
        id="furniture-after-people",
    ),
    pytest.param(
        "extractor_furniture",
        "extractor_organizations",
        "token._.is_furniture",
        id="furniture-after-organizations",
    ),
    pytest.param(
        "extractor_furniture", "extractor_quotes", "doc._.furniture", id="furniture-after-quotes"
    ),
    pytest.param(
        "extractor_gazetteer", "extractor_people", "doc._.countries", id="countries-after-people"
    ),
    pytest.param(
        "extractor_gazetteer",
        "extractor_organizations",
        "doc._.country_at",
        id="countries-after-organizations",
    ),
    pytest.param(
        "extractor_gazetteer", "extractor_quotes", "doc._.country_at", id="countries-after-quotes"
    ),
    pytest.param(
        "extractor_gazetteer", "extractor_troops", "doc._.country_at", id="countries-after-troops"
    ),
    pytest.param(
        "extractor_people",
        "extractor_organizations",
        "doc._.person_at",
        id="people-after-organizations",
    ),
    pytest.param("extractor_people", "extractor_quotes", "doc._.people", id="people-after-quotes"),
    pytest.param(
        "extractor_people", "extractor_troops", "doc._.person_at", id="people-after-troops"
    ),
    pytest.param(
        "extractor_organizations",
        "extractor_quotes",
        "doc._.organization_at",
        id="organizations-after-quotes",
    ),
    pytest.param("ner", "extractor_gazetteer", "doc.ents", id="entities-after-gazetteer"),
    pytest.param("ner", "extractor_quotes", "token.ent_type", id="entities-after-quotes"),
    pytest.param("ner", "extractor_troops", "token.ent_iob", id="entities-after-troops"),
    pytest.param("lemmatizer", "extractor_people", "token.lemma", id="lemmas-after-people"),
    pytest.param("lemmatizer", "extractor_quotes", "token.lemma", id="lemmas-after-quotes"),
    pytest.param("lemmatizer", "extractor_troops", "token.lemma", id="lemmas-after-troops"),
    pytest.param("parser", "extractor_gazetteer", "token.dep", id="parse-after-gazetteer"),
    pytest.param("parser", "extractor_quotes", "token.head", id="parse-after-quotes"),
    pytest.param("parser", "extractor_troops", "doc.sents", id="parse-after-troops"),
    pytest.param("tagger", "extractor_organizations", "token.tag", id="tags-after-organizations"),
]


@pytest.mark.parametrize(("producer", "consumer", "attr"), PRODUCER_AFTER_CONSUMER)
def test_a_producer_moved_after_its_consumer_is_a_problem(
    nlp: Language, producer: str, consumer: str, attr: str
) -> None:
    problems = moved_after(nlp, producer, consumer).analyze_pipes(pretty=False)["problems"]
    assert attr in problems[consumer]


def test_the_attribute_ruler_still_declares_nothing(nlp: Language) -> None:
    """Our components read token.pos but do not require it: the base model's attribute_ruler
    sets it without declaring so, and requiring it would make analyze_pipes warn about a value
    that is there. When spaCy declares it, this fails: then add token.pos to `requires`."""
    assert nlp.get_pipe_meta("attribute_ruler").assigns == []
