"""Linting speed and start-up time. Prints numbers; asserts nothing.

    python benchmarks/bench_lint.py [--answers 1000]

- words/s: `answerlint check` over a generated Markdown bank of N answers (in-process, warm
  and including spaCy start-up), with the default rules;
- cold start: wall time of `answerlint --version` and `answerlint rules` in a fresh process;
- peak memory (max RSS) of a full `answerlint check` process over the generated bank.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "I am a team player and a problem solver who thrives under pressure.",
    "In March 2023 I led a team of five engineers that cut deploy time by 40%.",
    "I have a lot of experience with various projects in different industries.",
    "We shipped the new billing service two weeks early and saved $120,000 a year.",
    "To be honest, I think I am basically a perfectionist.",
    "I interviewed twelve customers, wrote the spec and ran the launch in Q3.",
    "My manager would describe me as very detail-oriented and result-oriented.",
    "After the outage on 4 May I rewrote the alerting rules and pages dropped from 30 to 6 a week.",
    "I always give 110% and I never miss a deadline.",
    "I negotiated a new contract with the vendor that reduced costs by 18 percent.",
]
QUESTIONS = ["What is the salary for this position?", "What are the biggest challenges of the role?",
             "How many vacation days do I get?", "How will you measure success in the first 90 days?"]


def make_bank(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts = ["---\nstage: first-round\n---\n\n# Answers\n"]
    for i in range(n):
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 12)))
        parts.append(f"\n## Question {i + 1}: tell me about a time you made a difference?\n\n{body}\n")
    parts.append("\n## Questions to ask\n\n" + "\n".join(f"- {q}" for q in QUESTIONS) + "\n")
    return "".join(parts)


def cold(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "answerlint", *args], capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1000)
    args = parser.parse_args()
    from answerlint.runner import Options, run
    from answerlint.sentences import word_spans

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bank.md"
        text = make_bank(args.answers)
        path.write_text(text, encoding="utf-8")
        words = len(word_spans(text))
        t = time.perf_counter()
        code = run(Options(paths=(str(path),), fmt="concise"), io.BytesIO(), io.StringIO(), print)
        first = time.perf_counter() - t
        t = time.perf_counter()
        run(Options(paths=(str(path),), fmt="concise"), io.BytesIO(), io.StringIO(), print)
        second = time.perf_counter() - t
        print(f"bank: {args.answers} answers, {words} words (exit {code})")
        print(f"check, first run in process (spaCy start-up included): {first:.2f} s, {words / first:,.0f} words/s")
        print(f"check, second run in process: {second:.2f} s, {words / second:,.0f} words/s")
        proc = subprocess.run([sys.executable, "-c",
                               "import resource,sys,subprocess;"
                               f"subprocess.run([sys.executable,'-m','answerlint','check','--format','concise',{str(path)!r}],"
                               "capture_output=True);"
                               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"],
                              capture_output=True, text=True)
        print(f"peak memory of `answerlint check` over the bank: {int(proc.stdout.strip()) / 1024:.0f} MiB")
    print(f"cold start `answerlint --version`: {cold(['--version']) * 1000:.0f} ms (median of 5)")
    print(f"cold start `answerlint rules`: {cold(['rules']) * 1000:.0f} ms (median of 5)")


if __name__ == "__main__":
    main()
