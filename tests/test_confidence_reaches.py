"""The reaches the attribution features look over are stored with the weights fitted with them
(models/attribution_weights.json), and a refit writes them back."""

from __future__ import annotations

from extractor import lexicon
from extractor.quoting.confidence import FeatureReaches, load_model


def test_the_committed_model_carries_the_reaches_it_was_fitted_with() -> None:
    model = load_model()
    assert model is not None
    assert model.reaches == FeatureReaches(nearby_chars=400, lead_paragraphs=2)


def test_a_refit_writes_the_reaches_with_the_weights() -> None:
    """The training script writes `ConfidenceModel.to_json()`: for the committed model it is
    the committed file, reaches included, byte for byte."""
    model = load_model()
    assert model is not None
    committed = lexicon.rule_file_path(lexicon.ATTRIBUTION_WEIGHTS).read_text(encoding="utf-8")
    assert model.to_json() == committed
