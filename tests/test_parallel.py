"""``--jobs``: items analysed by worker processes, output byte-identical to one process."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest

from answerlint import parallel
from answerlint.nlpprovider import NlpProvider
from answerlint.runner import Options, run
from conftest import ROOT

BANKS = ["sample-bank.md", "weak.md", "strong.md", "bank.yaml", "bank.json", "answers.txt", "offer-stage.yaml"]


def _check(args, cwd):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "answerlint", "check", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


@pytest.fixture
def banks(tmp_path):
    """The corpus banks, a bank that cannot be read and a hidden file, in two directories."""
    for n, name in enumerate(BANKS):
        target = tmp_path / ("a" if n % 2 else "b") / name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / "corpus" / name, target)
    (tmp_path / "a" / "broken.yaml").write_text("questions: [unclosed\n", encoding="utf-8")
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_two_jobs_output_identical_to_one(banks, fmt):
    one = _check(["--format", fmt, "--jobs", "1", "a", "missing.md", "b"], banks)
    two = _check(["--format", fmt, "--jobs", "2", "a", "missing.md", "b"], banks)
    assert one.returncode == two.returncode == 2  # the broken bank and the missing path
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr  # errors in the same order
    assert "missing.md: no such file or directory" in one.stderr and "broken.yaml:" in one.stderr
    if fmt == "json":
        assert one.stdout.count('"rule"') > 100


@pytest.mark.slow
def test_every_chunk_analysed_once_by_a_worker_or_the_main_process(monkeypatch, tmp_path):
    """The main process takes chunks from the end that no worker has started; the others come
    from the workers; the output is that of one process."""
    monkeypatch.chdir(ROOT)
    analyse = parallel._analyse
    mine = []
    monkeypatch.setattr(parallel, "_analyse", lambda s, o, chunk, bank: mine.append((chunk.name, chunk.indices)) or analyse(
        s, o, chunk, bank))
    collected = []
    collect = parallel._collect
    monkeypatch.setattr(parallel, "_collect", lambda s, chunks, results: collected.extend(
        (c.name, c.indices) for c, r in zip(chunks, results) if r is not None) or collect(s, chunks, results))
    two, one = io.StringIO(), io.StringIO()
    paths = ("corpus/weak.md", "corpus/strong.md", "corpus/answers.txt")
    run(Options(paths=paths, fmt="json", jobs=2), io.BytesIO(), two, print)
    planned = len(collected)
    assert planned >= 3 and len(set(collected)) == planned  # each chunk analysed once, none lost
    assert 0 < len(mine) < planned  # the worker had its share, and so did the main process
    monkeypatch.undo()
    monkeypatch.chdir(ROOT)
    run(Options(paths=paths, fmt="json", jobs=1), io.BytesIO(), one, print)
    assert two.getvalue() == one.getvalue()


def test_default_jobs_one_for_small_runs(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert parallel.jobs_for(None, parallel.SMALL_RUN - 1) == 1
    assert parallel.jobs_for(None, parallel.SMALL_RUN) == 8
    assert parallel.jobs_for(3, 5) == 3  # asked for: kept
    assert parallel.jobs_for(1, 10_000) == 1


def test_plan_cuts_pending_items_into_chunks(tmp_path):
    from answerlint.session import Session

    bank = tmp_path / "bank.txt"
    bank.write_text("\n\n".join(f"I led project {n} and we shipped it in {2000 + n}." for n in range(50)) + "\n")
    planned = parallel.plan(Session(), [("bank.txt", bank)], None, pieces=4)
    chunks = planned.chunks
    assert [len(c.indices) for c in chunks] == [13, 13, 13, 11]
    assert [i for c in chunks for i in c.indices] == list(range(50))
    assert {c.name for c in chunks} == {"bank.txt"}
    source, read = planned.read["bank.txt"]  # read once: the main process lints this bank
    assert source.data == bank.read_bytes() and len(read.items) == 50 and planned.items == 50


@pytest.mark.slow
def test_a_dead_worker_leaves_its_items_to_the_main_process(monkeypatch):
    """A worker killed mid-run (out of memory, say): the run still gives the single-process output."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(parallel, "_work", _die)
    two, one = io.StringIO(), io.StringIO()
    run(Options(paths=("corpus/weak.md",), fmt="json", jobs=2), io.BytesIO(), two, print)
    run(Options(paths=("corpus/weak.md",), fmt="json", jobs=1), io.BytesIO(), one, print)
    assert two.getvalue() == one.getvalue() and '"rule"' in one.getvalue()


def _die(chunk):
    os._exit(1)


def _no_nlp(*args, **kwargs):
    raise AssertionError("the main process tagged or parsed an item that a --jobs process had analysed")


@pytest.mark.slow
def test_the_main_process_lints_from_every_chunks_entries_without_analysing_again(monkeypatch, tmp_path):
    """Every chunk's entries reach the lint, those the main process analysed itself as well as
    the worker's (the main process's later chunks once dropped its earlier ones, which its lint
    then analysed again); the stats count them as analysed, not as cached."""
    from answerlint.session import Session

    monkeypatch.chdir(tmp_path)
    bank = tmp_path / "bank.txt"
    bank.write_text("\n\n".join(f"I led project {n} and we shipped it in {2000 + n}. Was it hard? "
                                f"We cut the cost by {n} percent." for n in range(200)) + "\n")
    expected = Session().lint_file("bank.txt", bank, None, None, True)
    session = Session()
    planned = parallel.plan(session, [("bank.txt", bank)], None, pieces=25)
    assert len(planned.chunks) == 25
    parallel.prefill(session, Options(paths=("bank.txt",), fmt="json", jobs=2), planned, 2)
    scheme, entries = session.prefilled["bank.txt"]
    assert len(entries) == 200 and all(isinstance(e.get("raw"), list) and "facts" in e for e in entries.values())
    for name in ("tag", "tag_many", "parse_spans", "parse_span"):
        monkeypatch.setattr(NlpProvider, name, _no_nlp)
    result = session.lint_file("bank.txt", bank, None, None, True, read=planned.read.pop("bank.txt"))
    assert result.error is None and result.findings == expected.findings and result.scores == expected.scores
    assert (session.stats.analysed, session.stats.cached) == (200, 0)
    assert session.prefilled == {}
