"""answerlint's speed as a user meets it, each number from fresh processes, side by side with proselint.

    python benchmarks/bench_speed.py [--words 100000] [--repeat 1] [--profile]

Prints, for a generated ~100k-word .txt bank (UD English EWT sentences when shared/data has them,
else sentences of corpus/), in paragraphs of about 70 words:
- cold throughput (words/s, no cache) with --jobs 1 and --jobs 2, and proselint's on the same
  file in the same run, as ratios (proselint is a benchmark-only dependency: `pip install
  proselint`; without it only answerlint's numbers are printed, and the script says so);
- warm re-run (cache filled, nothing changed) against a cold run with the cache;
- one edited answer in a 100-answer bank, warm otherwise: in a fresh process, and handed to
  ``answerlint daemon`` (ANSWERLINT_DAEMON=1; the daemon's CPU time is printed beside the
  client's, since the client's CPU is not where the work is done);
- a 10-answer bank, cold; `--version`;
- peak memory with --jobs 2: the largest process, and the whole process tree at its peak.
Wall times are the best of ``--repeat`` runs; CPU times (user+sys of the process and its
children) are printed beside them, since a loaded machine stretches wall times.
``--profile`` adds a per-stage cProfile breakdown of one in-process cold run (see docs/performance.md).
The environment is left as it is: answerlint limits BLAS to one thread itself (blas.py). The
package's bytecode is compiled first, as pip does when it installs answerlint (a machine with
PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module from source in every run).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from cachebanks import bank  # noqa: E402

UD = Path("shared/data/ud-english/ewt/en_ewt-ud-train.conllu")


def sentences() -> tuple[list[str], str]:
    """Sentences to build the text from, and where they came from."""
    for base in (ROOT, *ROOT.parents):
        path = base / UD
        if path.is_file():
            found = [line[9:].strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# text = ")]
            return [s for s in found if len(s.split()) >= 3], f"UD English EWT ({path.name})"
    out = set()
    for path in sorted((ROOT / "corpus").glob("*")):
        if path.suffix not in (".md", ".txt", ".yaml", ".json") or path.name == "README.md":
            continue
        text = re.sub(r"[#>*`{}\[\]\"]|^\s*-\s|\w+:\s", " ", path.read_text(encoding="utf-8"), flags=re.M)
        for s in re.split(r"(?<=[.?!])\s+", " ".join(text.split())):
            if 4 <= len(s.split()) <= 40 and s[0].isupper() and s[-1] in ".?!":
                out.add(s)
    return sorted(out), "corpus/ sentences"


def make_text(words: int, seed: int = 8) -> tuple[str, int, int, str]:
    """(text, words, paragraphs, source): paragraphs of about 70 words, blank-line separated."""
    pool, source = sentences()
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        para, n = [], 0
        while n < 70:
            s = rng.choice(pool)
            para.append(s)
            n += len(s.split())
        paragraphs.append(" ".join(para))
        count += n
    return "\n\n".join(paragraphs) + "\n", count, len(paragraphs), source


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], repeat: int = 1, cwd: Path | None = None, before=None,
          env: dict | None = None) -> tuple[float, float]:
    """(best wall, its CPU) of ``args`` in a fresh process; ``before`` runs before each run."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        if before:
            before()
        cpu, start = _cpu(), time.perf_counter()
        subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        wall = time.perf_counter() - start
        best = min(best, (wall, _cpu() - cpu))
    return best


def through_daemon(py: str, args: list[str], work: Path, repeat: int, edit) -> None:
    """The same edited-answer run handed to a daemon of its own (a private runtime directory)."""
    runtime = work / "daemon"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "ANSWERLINT_DAEMON_DIR": str(runtime)}
    subprocess.run([py, "-m", "answerlint", "daemon", "start"], env=env, stderr=subprocess.DEVNULL, check=True)
    try:
        pid = int(subprocess.run([py, "-m", "answerlint", "daemon", "status"], env=env, capture_output=True,
                                 text=True).stdout.split("pid ")[1].split(",")[0])
        served = {**env, "ANSWERLINT_DAEMON": "1"}
        timed(args, env=served, before=edit)  # the daemon's first request imports what it has not yet
        server_cpu = _process_cpu(pid)
        wall, cpu = timed(args, repeat, env=served, before=edit)
        server_cpu = (_process_cpu(pid) - server_cpu) / repeat
        print(f"  the same, through `answerlint daemon`: {wall:.3f} s wall ({cpu:.3f} s CPU in the client, "
              f"{server_cpu:.3f} s in the daemon per run)")
    finally:
        subprocess.run([py, "-m", "answerlint", "daemon", "stop"], env=env, stderr=subprocess.DEVNULL, check=False)


def _process_cpu(pid: int) -> float:
    """User+system CPU seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree_rss(root: int) -> tuple[int, int]:
    """(largest RSS, total RSS) in kB of ``root`` and its descendants, now."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry)] = int(fields.get("PPid", "0").strip())
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    sizes = [rss.get(p, 0) for p in tree]
    return max(sizes, default=0), sum(sizes)


def peak_memory(args: list[str]) -> tuple[float, float]:
    """(largest process, whole tree) peak RSS in MB while ``args`` runs (sampled every 50 ms)."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    largest = total = 0
    while process.poll() is None:
        one, all_ = _tree_rss(process.pid)
        largest, total = max(largest, one), max(total, all_)
        time.sleep(0.05)
    return largest / 1024, total / 1024


def profile(path: Path) -> None:
    """Where the time of one cold, single-process run goes: stages, pipeline components, rule kinds."""
    import cProfile
    import io
    import pstats

    from answerlint.runner import Options, run

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    run(Options(paths=(str(path),), fmt="json", jobs=1, progress=False), sys.stdin.buffer, io.StringIO(), lambda m: None)
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    cumulative = {}
    for (filename, _, name), (_, _, _, cum, _) in stats.stats.items():
        cumulative[(filename, name)] = max(cum, cumulative.get((filename, name), 0.0))

    def cum(file_part: str, name: str) -> float:
        return sum(v for (f, n), v in cumulative.items() if f.endswith(file_part) and n == name)

    print(f"\nprofile of one cold run, --jobs 1 (cProfile; {total:.1f} s with the profiler's overhead)")
    rows = [
        ("load the pipeline (spacy.load)", cum("answerlint/nlp.py", "load_pipeline")),
        ("read and parse the bank", cum("readers/__init__.py", "read_source")),
        ("tag items (nlp.pipe, no parser)", cum("answerlint/nlpprovider.py", "tag_many")),
        ("parse candidate sentences", cum("answerlint/nlpprovider.py", "parse_spans")),
        ("item rules (all kinds, incl. lazy NLP)", cum("answerlint/session.py", "_item_findings")),
        ("facts for scores", cum("answerlint/session.py", "facts")),
        ("decide and merge findings", cum("answerlint/engine.py", "decide")),
        ("format the report", cum("formatters/jsonfmt.py", "write") or cum("formatters/jsonfmt.py", "format")),
    ]
    for label, seconds in rows:
        print(f"  stage      {label:<42} {seconds:6.2f} s")
    components(path.read_text(encoding="utf-8").split("\n\n"))
    kinds = {}
    for (filename, _, name), (_, _, _, ct, _) in stats.stats.items():
        if "/answerlint/kinds/" in filename and name == "check":
            kinds[Path(filename).stem] = kinds.get(Path(filename).stem, 0.0) + ct
    for kind, seconds in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  rule kind  {kind:<42} {seconds:6.2f} s")


def components(texts: list[str]) -> None:
    """Each pipeline component timed on its own over every paragraph (batched, one BLAS thread),
    the parser on the whole text although answerlint parses only candidate sentences."""
    from answerlint.blas import one_thread
    from answerlint.nlp import load_pipeline

    nlp = load_pipeline()
    docs = [nlp.make_doc(t) for t in texts]
    with one_thread():
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=64)) if hasattr(component, "pipe") else [component(d) for d in docs]
            print(f"  component  {name:<42} {time.perf_counter() - start:6.2f} s (every paragraph)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (best wall kept)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    py = sys.executable
    package = subprocess.run([py, "-c", "import answerlint, os; print(os.path.dirname(answerlint.__file__))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([py, "-m", "compileall", "-q", package], stdout=subprocess.DEVNULL, check=False)
    check = [py, "-m", "answerlint", "check", "--format", "json", "--no-progress"]
    work = Path(tempfile.mkdtemp(prefix="answerlint-bench-"))
    try:
        text, words, paragraphs, source = make_text(args.words)
        big = work / "big.txt"
        big.write_text(text, encoding="utf-8")
        print(f"text: {words} words in {paragraphs} paragraphs ({source}); {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.2f} at start")

        proselint = shutil.which("proselint")
        rows = []
        for jobs in ("1", "2"):
            wall, cpu = timed(check + ["--no-cache", "--jobs", jobs, str(big)], args.repeat)
            rows.append((f"answerlint cold --jobs {jobs}", wall, cpu))
        if proselint:
            version = subprocess.run([proselint, "version"], capture_output=True, text=True).stdout.strip()
            wall, cpu = timed([proselint, "check", str(big)], args.repeat)
            rows.append((f"proselint check ({version or 'version unknown'})", wall, cpu))
        print("\ncold throughput, default rules, no cache")
        for label, wall, cpu in rows:
            print(f"  {label:<36} {wall:7.2f} s wall  {cpu:7.2f} s CPU  {words / wall:9.0f} words/s")
        if proselint:
            pro_wall, pro_cpu = rows[-1][1], rows[-1][2]
            for label, wall, cpu in rows[:-1]:
                print(f"  ratio {label} / proselint: throughput {pro_wall / wall:.2f}x (wall), "
                      f"{pro_cpu / cpu:.2f}x (CPU)")
        else:
            print("  proselint is not installed (`pip install proselint`): answerlint's numbers only")

        cache = work / "cache"
        cold = timed(check + ["--cache-dir", str(cache), "--jobs", "1", str(big)],
                     before=lambda: shutil.rmtree(cache, ignore_errors=True))
        warm = timed(check + ["--cache-dir", str(cache), str(big)], args.repeat)
        print(f"\nwarm re-run, {words} words: cold with the cache {cold[0]:.2f} s, warm {warm[0]:.3f} s wall "
              f"({warm[1]:.3f} s CPU): {cold[0] / warm[0]:.0f}x faster")

        bank_path, edit_cache = work / "bank.md", work / "edit-cache"
        bank_path.write_text(bank(100), encoding="utf-8")
        timed(check + ["--cache-dir", str(edit_cache), str(bank_path)])
        edits = iter(range(10**6))

        def edit():
            bank_path.write_text(bank(100, edited=next(edits) % 100), encoding="utf-8")

        one = timed(check + ["--cache-dir", str(edit_cache), str(bank_path)], args.repeat, before=edit)
        print(f"one edited answer in a 100-answer bank (warm otherwise): {one[0]:.3f} s wall ({one[1]:.3f} s CPU)")
        through_daemon(py, check + ["--cache-dir", str(edit_cache), str(bank_path)], work, args.repeat, edit)

        small = work / "small.md"
        small.write_text(bank(10), encoding="utf-8")
        ten = timed(check + ["--no-cache", str(small)], args.repeat)
        version = timed([py, "-m", "answerlint", "--version"], max(5, args.repeat))
        bare = timed([py, "-c", "pass"], max(5, args.repeat))
        print(f"10-answer bank, cold: {ten[0]:.3f} s wall ({ten[1]:.3f} s CPU)")
        print(f"--version: {version[0] * 1000:.0f} ms wall (a bare interpreter: {bare[0] * 1000:.0f} ms)")

        largest, total = peak_memory(check + ["--no-cache", "--jobs", "2", str(big)])
        print(f"peak memory, --jobs 2, {words} words: largest process {largest:.0f} MB, "
              f"whole process tree {total:.0f} MB")
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
        if args.profile:
            profile(big)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
