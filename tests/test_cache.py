"""The content cache: same output cold and warm, nothing re-analysed that did not change, never a crash."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from answerlint.cache import BankEntries, Cache
from answerlint.session import Session
from cachebanks import bank
from clirun import CORPUS, check, fast_cli, invoke  # noqa: F401  (fast_cli is a fixture)
from conftest import ROOT
from test_golden import BANKS, GOLDEN


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    monkeypatch.delenv("ANSWERLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("ANSWERLINT_CACHE_DIR", raising=False)


def _files(directory: Path) -> list[Path]:
    return sorted((directory / "v1").glob("*.json"))


@pytest.mark.parametrize("fmt,suffix", [("concise", "txt"), ("json", "json")])
@pytest.mark.parametrize("name", BANKS)
def test_cold_and_warm_output_is_the_golden_output(name, fmt, suffix, tmp_path, fast_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = ("--format", fmt, "--no-color", "--cache-dir", str(tmp_path / "c"), f"corpus/{name}")
    cold, warm = check(*args), check(*args)
    expected = (GOLDEN / f"{name}.{fmt}.{suffix}").read_text(encoding="utf-8")
    assert cold.stdout == expected
    assert warm.stdout == expected
    assert (cold.code, cold.stderr) == (warm.code, warm.stderr)
    assert len(_files(tmp_path / "c")) == 1


def test_text_output_and_scores_warm(tmp_path, fast_cli):
    path = tmp_path / "bank.md"
    path.write_text((CORPUS / "sample-bank.md").read_text(encoding="utf-8"), encoding="utf-8")
    fresh = check("--no-cache", "--explain-score", "--no-color", str(path))
    cold = check("--explain-score", "--no-color", str(path))
    warm = check("--explain-score", "--no-color", str(path))
    assert "score" in fresh.stdout
    assert fresh.stdout == cold.stdout == warm.stdout
    assert fresh.code == cold.code == warm.code == 1


def test_cache_sits_next_to_the_config_and_ignores_itself(tmp_path, fast_cli):
    (tmp_path / ".answerlint.yaml").write_text("stage: screening\n", encoding="utf-8")
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "a.txt").write_text("I am a team player.\n", encoding="utf-8")
    assert check(str(tmp_path / "banks")).code == 1
    cache = tmp_path / ".answerlint_cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8") == "# created by answerlint\n*\n"
    assert (cache / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert len(_files(cache)) == 1
    assert not (tmp_path / "banks" / ".answerlint_cache").exists()


def test_no_cache_writes_nothing(tmp_path, fast_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("I am a team player.\n", encoding="utf-8")
    assert check("--no-cache", "a.txt").code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    monkeypatch.setenv("ANSWERLINT_NO_CACHE", "1")
    assert check("--cache-dir", "elsewhere", "a.txt").code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_editing_one_answer_relints_only_that_answer(tmp_path, fast_cli):
    path = tmp_path / "bank.md"
    path.write_text(bank(100), encoding="utf-8")
    cold = Session(cache=tmp_path / "c")
    before = cold.lint_paths([path])[0].findings
    assert (cold.stats.analysed, cold.stats.cached) == (100, 0)
    path.write_text(bank(100, edited=41), encoding="utf-8")
    warm = Session(cache=tmp_path / "c")
    after = warm.lint_paths([path])[0]
    assert (warm.stats.analysed, warm.stats.cached) == (1, 99)
    fresh = Session().lint_paths([path])[0]
    assert [_plain(f) for f in after.findings] == [_plain(f) for f in fresh.findings]
    assert [_plain(f) for f in after.findings] != [_plain(f) for f in before]


def _plain(f) -> tuple:
    return (f.line, f.column, f.end_line, f.end_column, f.rule, f.severity, f.message,
            tuple((s.text, s.replacement, s.start, s.end, s.safe, s.item_span) for s in f.suggestions))


PROBE = """
import sys
from click.testing import CliRunner
from answerlint.cli import main
result = CliRunner().invoke(main, {args!r})
print(result.exit_code, "spacy" in sys.modules)
sys.stdout.write(result.stdout)
"""


def test_warm_run_never_loads_spacy(tmp_path):
    path = tmp_path / "bank.md"
    path.write_text((CORPUS / "sample-bank.md").read_text(encoding="utf-8"), encoding="utf-8")
    args = ["check", "--no-color", "--cache-dir", str(tmp_path / "c"), str(path)]
    runs = [subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True,
                           check=True, cwd=tmp_path).stdout for _ in range(2)]
    cold, warm = (run.split("\n", 1) for run in runs)
    assert cold[0] == "1 True"  # the cold run needed the pipeline
    assert warm[0] == "1 False"  # the warm one did not even import spaCy
    assert cold[1] == warm[1]


def test_session_provider_untouched_when_warm(tmp_path, fast_cli):
    path = tmp_path / "bank.md"
    path.write_text(bank(10), encoding="utf-8")
    Session(cache=tmp_path / "c").lint_paths([path], scored=True)
    warm = Session(cache=tmp_path / "c")
    calls = []
    warm.linter.provider = lambda settings: calls.append(settings) or _NoPipeline()
    result = warm.lint_paths([path], scored=True)[0]
    assert result.error is None and result.scores and result.findings
    assert warm.stats.analysed == 0
    assert len(calls) == 1  # asked for, never used


class _NoPipeline:
    """A provider whose every use fails the test."""

    model, parse_all = None, False

    def __getattr__(self, name):
        raise AssertionError(f"the pipeline was used: {name}")


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe", b"[]", b'{"answerlint_cache": 1, "key": "x"}',
                                     b'{"answerlint_cache": 1}'])
def test_corrupt_or_foreign_cache_file_is_rewritten(content, tmp_path, fast_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = ("--format", "concise", "--cache-dir", str(tmp_path / "c"), "corpus/weak.md")
    first = check(*args)
    [cached] = _files(tmp_path / "c")
    good = cached.read_bytes()
    cached.write_bytes(content)
    again = check(*args)
    assert (again.code, again.stdout, again.stderr) == (first.code, first.stdout, first.stderr)
    assert cached.read_bytes() == good


def test_corrupt_entries_are_linted_afresh(tmp_path, fast_cli):
    path = tmp_path / "bank.md"
    path.write_text(bank(5), encoding="utf-8")
    expected = [_plain(f) for f in Session(cache=tmp_path / "c").lint_paths([path])[0].findings]
    [cached] = _files(tmp_path / "c")
    data = json.loads(cached.read_text(encoding="utf-8"))
    first, second = list(data["items"])[:2]
    data["items"][first]["raw"] = [["x", 1, "not", "numbers"]]
    data["items"][second]["raw"] = "nonsense"
    cached.write_text(json.dumps(data), encoding="utf-8")
    session = Session(cache=tmp_path / "c")
    assert [_plain(f) for f in session.lint_paths([path])[0].findings] == expected
    assert (session.stats.analysed, session.stats.cached) == (2, 3)


def test_unwritable_cache_dir_is_not_an_error(tmp_path, fast_cli):
    (tmp_path / "file").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("I am a team player.\n", encoding="utf-8")
    run = check("--format", "concise", "--cache-dir", str(tmp_path / "file" / "c"), str(tmp_path / "a.txt"))
    assert run.code == 1 and run.stderr == ""
    assert "buzzwords/self-labels" in run.stdout


def test_changed_rule_options_are_not_served_from_the_cache(tmp_path, fast_cli):
    (tmp_path / "a.txt").write_text("I am a team player.\n", encoding="utf-8")
    config = tmp_path / ".answerlint.yaml"
    config.write_text("select: [length/answer-too-short]\n", encoding="utf-8")
    assert "(5 words); aim for at least 20 s spoken" in check("--format", "concise", str(tmp_path / "a.txt")).stdout
    config.write_text("select: [length/answer-too-short]\nrules:\n  length/answer-too-short:\n    min_seconds: 1\n",
                      encoding="utf-8")
    run = check("--format", "concise", str(tmp_path / "a.txt"))
    assert (run.code, run.stdout, run.stderr) == (0, "All clear: no findings.\n", "")
    assert len(_files(tmp_path / ".answerlint_cache")) == 2


def test_concurrent_writers_never_leave_a_partial_file(tmp_path):
    cache = Cache(tmp_path / "c")
    seen: list[int] = []
    stop = threading.Event()

    def write(n: int) -> None:
        for i in range(60):
            cache.store("bank", BankEntries("k", "ud", {f"item{j}": {"raw": [], "n": n} for j in range(200)},
                                            changed=True))

    def read() -> None:
        while not stop.is_set():
            entries = cache.load("bank", "k")
            seen.append(len(entries.items))

    readers = [threading.Thread(target=read) for _ in range(2)]
    writers = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for t in readers + writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    for t in readers:
        t.join()
    assert seen and set(seen) <= {0, 200}  # no file yet, or a whole one
    assert len(cache.load("bank", "k").items) == 200
    assert [p.name for p in (tmp_path / "c" / "v1").iterdir()] == ["bank.json"]  # no temporary files left


def test_clean_removes_every_cache(tmp_path, fast_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for d in ("one", "two/deep"):
        (tmp_path / d / ".answerlint_cache" / "v1").mkdir(parents=True)
    (tmp_path / "kept").mkdir()
    run = invoke("clean")
    assert run.code == 0
    assert run.stderr == "removed one/.answerlint_cache\nremoved two/deep/.answerlint_cache\n"
    assert not list(tmp_path.rglob(".answerlint_cache"))
    assert (tmp_path / "kept").is_dir()
    assert invoke("clean").stderr == ""
