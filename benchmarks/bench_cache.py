"""The content cache on a 100-answer bank: cold, warm (nothing changed) and one answer edited.

    OPENBLAS_NUM_THREADS=1 python benchmarks/bench_cache.py

Two ways, as users meet them: ``answerlint check`` in a fresh process each time (a pre-commit
hook: the warm run never imports spaCy; the edited run must load the pipeline for one answer),
and one long-lived Session (an editor server: the pipeline stays loaded). Under a minute.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from cachebanks import bank  # noqa: E402

from answerlint.session import Session  # noqa: E402


def _cli(path: Path, cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "answerlint", "check", "--format", "concise", "--cache-dir", str(cache),
                    str(path)], capture_output=True, check=False)
    return time.perf_counter() - start


def _session(session: Session, path: Path) -> float:
    start = time.perf_counter()
    session.lint_paths([path], scored=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, cache = Path(tmp) / "bank.md", Path(tmp) / "cache"
        path.write_text(bank(100), encoding="utf-8")
        rows = [("check, cold", _cli(path, cache)), ("check, warm", _cli(path, cache))]
        path.write_text(bank(100, edited=41), encoding="utf-8")
        rows.append(("check, one answer edited", _cli(path, cache)))

        path.write_text(bank(100), encoding="utf-8")
        session = Session(cache=Path(tmp) / "session-cache")
        session.lint_text("I led the team.", "load.txt")  # not timed: loads the pipeline
        rows.append(("Session, cold", _session(session, path)))
        rows.append(("Session, warm", _session(session, path)))
        path.write_text(bank(100, edited=41), encoding="utf-8")
        before = session.stats.analysed
        rows.append(("Session, one answer edited", _session(session, path)))
        analysed = session.stats.analysed - before
    for label, seconds in rows:
        print(f"{label:<28} {seconds * 1000:8.0f} ms")
    print(f"{'warm / cold (check)':<28} {rows[0][1] / rows[1][1]:8.1f} x faster")
    print(f"{'warm / cold (Session)':<28} {rows[3][1] / rows[4][1]:8.1f} x faster")
    print(f"answers analysed after the edit: {analysed}")


if __name__ == "__main__":
    main()
