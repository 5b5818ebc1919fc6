"""Time and peak memory of ``answerlint check`` against input size and hostile inputs.

Each input is linted in a fresh process (``python -m answerlint check --format concise``, cache
off); the time is wall-clock and the memory the child's peak resident set (getrusage
RUSAGE_CHILDREN, measured per run by forking a small wrapper). Prints a Markdown table, the one in
docs/performance.md ("Input size").

    python3 benchmarks/bench_inputs.py            # every input (the 50 MB one takes minutes)
    python3 benchmarks/bench_inputs.py 1KB 100KB  # only these
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ANSWER = ("In my last role I led a team of four engineers through a migration of our billing system. "
          "We cut the nightly batch from six hours to forty minutes, and I presented the results to "
          "the finance director, who adopted the new process for every region. ")
WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
           "stderr=subprocess.DEVNULL); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def bank(size: int) -> str:
    """A Markdown bank of about ``size`` bytes: questions, each with a 250-word answer."""
    unit = ANSWER * 5
    parts, n, total = [], 0, 0
    while total < size:
        n += 1
        part = f"# Question {n}: tell me about a project?\n\n{unit}\n\n"
        parts.append(part)
        total += len(part)
    return "".join(parts)[:max(size, 40)]


def bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(7):
        name, prev = chr(98 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\nquestions: [Why?]\n"


INPUTS = {
    "1KB": ("bank.md", lambda: bank(1_000)),
    "100KB": ("bank.md", lambda: bank(100_000)),
    "1MB": ("bank.md", lambda: bank(1_000_000)),
    "5MB": ("bank.md", lambda: bank(5_000_000)),
    "50MB": ("bank.md", lambda: bank(50_000_000)),
    "line-bang-20KB.md": ("line.md", lambda: "# Q?\n\n" + "!" * 20_000 + "x\n"),
    "line-spaces-20KB.md": ("line.md", lambda: "# Q?\n\na" + " " * 20_000 + "x\n"),
    "line-bang-20KB.yaml": ("line.yaml", lambda: "answers:\n  - answer: " + "!" * 20_000 + "x\n"),
    "line-bang-20KB.json": ("line.json", lambda: json.dumps({"answers": [{"answer": "!" * 20_000 + "x"}]})),
    "line-bang-20KB.txt": ("line.txt", lambda: "!" * 20_000 + "x\n"),
    "answer-100K-chars": ("long.md", lambda: "# Tell me about yourself.\n\n" + (ANSWER * 500)[:99_990] + "\n"),
    "answer-over-cap": ("long.md", lambda: "# Q?\n\n" + (ANSWER * 600)[:120_000] + "\n\n# Q2?\n\nI did it.\n"),
    "alias-bomb.yaml": ("bomb.yaml", bomb),
    "nesting-50000.json": ("deep.json", lambda: '{"questions": ' + "[" * 50_000 + "]" * 50_000 + "}"),
    "nesting-50000.yaml": ("deep.yaml", lambda: "questions: " + "[" * 50_000 + "]" * 50_000 + "\n"),
}


def measure(name: str, make) -> tuple[float, int, int, int]:
    """(seconds, peak KB, bytes, exit status) of linting the input in a fresh process."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_text(make())
        size = path.stat().st_size
        command = [sys.executable, "-m", "answerlint", "check", "--no-cache", "--format", "concise", str(path)]
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        code, peak_kb = (int(v) for v in out.stdout.split())
    return elapsed, peak_kb, size, code


def main(argv: list[str]) -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    chosen = argv or list(INPUTS)
    print("| input | size | time | peak memory | exit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key in chosen:
        name, make = INPUTS[key]
        seconds, peak_kb, size, code = measure(name, make)
        print(f"| {key} | {size:,} B | {seconds:.1f} s | {peak_kb / 1024:.0f} MB | {code} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
