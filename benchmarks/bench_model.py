#!/usr/bin/env python
"""Benchmark answerlint's bundled spaCy pipeline (en_answerlint_ud).

Prints:
  * load time of ``answerlint.nlp.load_pipeline()`` in a fresh subprocess
    (median of 3; excludes the interpreter start and ``import spacy``),
  * throughput in words/s (tokens that are not punctuation or space) over the EWT
    test text, tagging only (parser excluded) and the full pipeline,
  * size of the pipeline directory on disk,
  * time per component.

Usage: python benchmarks/bench_model.py [--model PATH] [--text FILE] [--repeat N]
The EWT test text is read from $ANSWERLINT_UD_DATA/ewt/en_ewt-ud-test.conllu
(default /work/shared/data/ud-english); a generated text is used if it is missing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("ANSWERLINT_UD_DATA", "/work/shared/data/ud-english"))
EWT_TEST = DATA / "ewt" / "en_ewt-ud-test.conllu"

LOAD_SNIPPET = """
import sys, time
import spacy  # imported before timing: we measure the pipeline load itself
from answerlint.nlp import load_pipeline
t = time.perf_counter()
nlp = load_pipeline(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None)
print(time.perf_counter() - t)
"""


def read_texts(path: Path | None) -> list[str]:
    if path is not None and path.suffix != ".conllu":
        return [line for line in path.read_text().splitlines() if line.strip()]
    if path is None and EWT_TEST.exists():
        path = EWT_TEST
    if path is not None and path.exists():
        return [line[len("# text = "):] for line in path.read_text().splitlines()
                if line.startswith("# text = ")]
    rng = random.Random(0)
    subjects = ["I", "We", "My team", "The project", "Our manager", "She"]
    verbs = ["led", "built", "improved", "reviewed", "designed", "tested"]
    objects = ["the deployment pipeline", "a new feature", "the onboarding process",
               "three services", "our customer dashboard", "the release in March 2023"]
    extras = ["", " within two weeks", " by 40%", " with five engineers",
              " because the old one was slow", " and it saved $5,000 a month"]
    return [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}"
            f"{rng.choice(extras)}." for _ in range(2000)]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def load_time(model: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, model],
                             check=True, capture_output=True, text=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def throughput(nlp, texts: list[str], repeat: int) -> tuple[float, int]:
    """Best of `repeat` passes: words/s (non-punct, non-space tokens), n words."""
    best = 0.0
    n_words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_words = 0
        for doc in nlp.pipe(texts, batch_size=256):
            n_words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        elapsed = time.perf_counter() - start
        best = max(best, n_words / elapsed)
    return best, n_words


def per_component(nlp, texts: list[str]) -> None:
    """Seconds and tokens/s of the tokenizer and of each component, one pass."""
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    elapsed = time.perf_counter() - start
    n_tokens = sum(len(d) for d in docs)
    print(f"  {'tokenizer':22s} {elapsed:6.3f} s  {n_tokens / elapsed:>9,.0f} tokens/s")
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=256)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        elapsed = time.perf_counter() - start
        print(f"  {name:22s} {elapsed:6.3f} s  {n_tokens / elapsed:>9,.0f} tokens/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="", help="pipeline name or path (default: bundled)")
    ap.add_argument("--text", type=Path, default=None,
                    help="a .conllu file (uses its '# text' lines) or a plain text file")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    from answerlint.nlp import bundled_path, load_pipeline

    texts = read_texts(args.text)
    source = args.text or (EWT_TEST if EWT_TEST.exists() else "generated text")
    print(f"text: {source} ({len(texts)} sentences)")

    print(f"load time (fresh process, median of 3): {load_time(args.model):.3f} s")

    nlp = load_pipeline(args.model or None)
    path = Path(str(getattr(nlp, "_path", "") or (bundled_path() if not args.model else args.model)))
    print(f"pipeline: {path} components={nlp.pipe_names}")
    if path.is_dir():
        print(f"size on disk: {dir_size(path) / 1e6:.2f} MB")

    tagging = [p for p in nlp.pipe_names if p == "parser"]
    with nlp.select_pipes(disable=tagging):
        wps, n = throughput(nlp, texts, args.repeat)
    print(f"tagging only (without {tagging or 'nothing'}): {wps:,.0f} words/s ({n} words)")
    wps, n = throughput(nlp, texts, args.repeat)
    print(f"full pipeline {nlp.pipe_names}: {wps:,.0f} words/s ({n} words)")
    print("per component (one pass; tokens include punctuation):")
    per_component(nlp, texts)


if __name__ == "__main__":
    main()
