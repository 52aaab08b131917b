"""Quotes: textacy's `direct_quotations` against extractor, on the same gold, side by side.

    make bench-quotes        (or: python benchmarks/textacy_quotes.py [GOLD_DIR])

textacy runs on the same spaCy model. Its speakers are token lists; each is mapped to our
canonical person name when it overlaps a person mention our pipeline found in the same text
("Putin" -> "Vladimir Putin"), and kept as written otherwise ("he" stays "he", since textacy
does not resolve pronouns). It finds direct quotes only, so the comparison is on
direct+partial quotes; extractor's indirect quotes are scored too, for reference.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import spacy
from textacy.extract.triples import direct_quotations

from extractor.batching.reading import read_article
from extractor.evaluate import evaluate, load_gold
from extractor.extraction import ModelSettings, extractor_for
from extractor.output import build_output

ROOT = Path(__file__).resolve().parents[1]
MARKS = "“”\"‘’' "


def textacy_prediction(bare: spacy.language.Language, text: str, people: list[Any]) -> dict:
    """textacy's direct quotations as a prediction document, speakers mapped to people."""
    doc = bare(text)
    quotes: list[dict[str, Any]] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy gives up on a text with an odd number of quotation marks.
        return {"quotes": quotes, "gave_up": True}
    for triple in triples:
        speaker_tokens = triple.speaker
        speaker = " ".join(t.text for t in speaker_tokens) if speaker_tokens else None
        for person in people:
            if any(start <= t.idx < end for t in speaker_tokens for start, end in person.mentions):
                speaker = person.name
                break
        content = triple.content.text.strip(MARKS)
        quotes.append({"kind": "direct", "text": content, "speaker": speaker})
    return {"quotes": quotes}


def main() -> None:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "gold"
    gold = load_gold(gold_dir)
    extractor = extractor_for(ModelSettings())
    bare = spacy.load(ModelSettings().name)
    textacy_pairs, extractor_pairs = {}, {}
    for article_id, document in gold.items():
        article = read_article(gold_dir / f"{article_id}.txt")
        doc = extractor.nlp(article.text)
        ours = build_output(doc, article, extractor.pipeline).model_dump(mode="json")
        extractor_pairs[article_id] = (ours, document)
        textacy_pairs[article_id] = (
            textacy_prediction(bare, article.text, doc._.people or []),
            document,
        )
    gave_up = sum(1 for prediction, _ in textacy_pairs.values() if prediction.get("gave_up"))
    theirs = evaluate(textacy_pairs)["micro"]
    ours = evaluate(extractor_pairs)["micro"]
    rows = [
        ("direct+partial detection", "quotes.direct.detect"),
        ("direct+partial end-to-end", "quotes.direct.e2e"),
        ("indirect end-to-end", "quotes.indirect.e2e"),
        ("all quotes end-to-end", "quotes.all.e2e"),
    ]
    print(f"{len(gold)} gold articles in {gold_dir}; textacy gave up on {gave_up} of them")
    print(f"{'':<28}{'textacy 0.13 direct_quotations':>34}{'extractor':>26}")
    print(f"{'':<28}{'P':>10}{'R':>8}{'F1':>8}{'P':>14}{'R':>6}{'F1':>6}")
    for label, key in rows:
        a, b = theirs[key], ours[key]
        print(
            f"{label:<28}{a['p']:>10.3f}{a['r']:>8.3f}{a['f1']:>8.3f}"
            f"{b['p']:>14.3f}{b['r']:>6.3f}{b['f1']:>6.3f}"
        )
    for label, key in (("attribution acc, direct", "quotes.direct.attribution_acc"),):
        a, b = theirs[key], ours[key]
        print(f"{label:<28}{'':>18}{a or 0:>8.3f}{'':>20}{b or 0:>6.3f}")


if __name__ == "__main__":
    main()
