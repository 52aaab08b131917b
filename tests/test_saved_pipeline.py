"""A pipeline saved with nlp.to_disk() loads with spacy.load() in a fresh interpreter, through
the spacy_factories entry points, and extracts what the pipeline it was saved from does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from spacy.language import Language

TEXT = (
    "Russian President Vladimir Putin met the press on Monday.\n\n"
    "“We do not want a war,” Putin said, as about 100,000 Russian troops waited near Ukraine."
)

LOAD = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps({
    "pipes": nlp.pipe_names,
    "quotes": [(q.kind, q.speaker, q.rule) for q in doc._.quotes],
    "troops": [(t.count, t.country) for t in doc._.troop_figures],
}))
"""


def test_saved_pipeline_loads_in_a_fresh_interpreter(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD, str(tmp_path / "pipeline"), TEXT],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(loaded.stdout)
    doc = nlp(TEXT)
    assert result["pipes"] == nlp.pipe_names
    assert result["quotes"] == [[q.kind, q.speaker, q.rule] for q in doc._.quotes]
    assert result["quotes"] and result["quotes"][0][1] == "Vladimir Putin"
    assert (
        result["troops"] == [[t.count, t.country] for t in doc._.troop_figures] == [[100000, "RU"]]
    )
