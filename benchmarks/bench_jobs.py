"""``--jobs 1`` against ``--jobs 2`` by the size of the run: where a second process starts to pay.

    python benchmarks/bench_jobs.py [--answers 100,200,400,800,1241] [--repeat 2]

For each size, a .txt bank of that many paragraphs of about 70 words (bench_speed.make_text) is
linted cold (``--no-cache``, JSON, fresh processes) with ``--jobs 1`` and ``--jobs 2``; prints the
best wall time of ``--repeat`` runs with its CPU time (user+sys of the process tree), and the
load average before and after, since a shared machine stretches wall times. The outputs of the
two are compared byte for byte. ``parallel.SMALL_RUN`` is set from these numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_speed import make_text, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", default="100,200,400,800,1241")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    check = [sys.executable, "-m", "answerlint", "check", "--format", "json", "--no-progress", "--no-cache"]
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'answers':>7} {'words':>7}  {'--jobs 1 wall / CPU':>20}  {'--jobs 2 wall / CPU':>20}  same output")
    with tempfile.TemporaryDirectory() as tmp:
        for answers in (int(n) for n in args.answers.split(",")):
            text, words, paragraphs, _ = make_text(70 * answers)
            text = "\n\n".join(text.split("\n\n")[:answers]) + "\n"
            words = len(text.split())
            bank = Path(tmp) / f"bank{answers}.txt"
            bank.write_text(text, encoding="utf-8")
            row = []
            for jobs in ("1", "2"):
                row.append(timed(check + ["--jobs", jobs, str(bank)], args.repeat))
            outputs = [_output(check + ["--jobs", jobs, str(bank)]) for jobs in ("1", "2")]
            print(f"{answers:>7} {words:>7}  {row[0][0]:>8.2f} s / {row[0][1]:>6.2f} s  "
                  f"{row[1][0]:>8.2f} s / {row[1][1]:>6.2f} s  {'yes' if outputs[0] == outputs[1] else 'NO'}",
                  flush=True)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _output(args: list[str]) -> bytes:
    import subprocess

    return subprocess.run(args, capture_output=True, check=False).stdout


if __name__ == "__main__":
    main()
