"""Model settings carry any component's settings into the pipeline they build."""

from __future__ import annotations

from extractor.extraction import ModelSettings


def test_model_settings_pass_any_component_setting_to_the_pipeline_config() -> None:
    settings = ModelSettings(
        min_speaker_confidence=0.0,
        component_settings=(
            ("extractor_quotes", "max_pronoun_distance", 800),
            ("extractor_people", "min_person_evidence", 0.5),
        ),
    )
    assert settings.pipeline_config() == {
        "extractor_quotes": {"max_pronoun_distance": 800, "min_confidence": 0.0},
        "extractor_people": {"min_person_evidence": 0.5},
    }
    assert ModelSettings().pipeline_config() == {}
