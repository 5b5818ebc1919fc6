"""The progress bar: on stderr, on a terminal, for long runs in the text formats only."""

from __future__ import annotations

import io
import sys

import pytest

from answerlint import progress
from answerlint.runner import Options, run


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def long_bank(tmp_path):
    path = tmp_path / "bank.txt"
    path.write_text("\n\n".join(f"I am a team player. In {2000 + n % 20} I led {n + 2} engineers and we "
                                f"cut costs by {n % 9 + 1}0%." for n in range(120)) + "\n", encoding="utf-8")
    return path


def _run(monkeypatch, stderr, path, **options):
    monkeypatch.setattr(sys, "stderr", stderr)
    out, errors = io.StringIO(), []
    code = run(Options(paths=(str(path),), jobs=1, **options), io.BytesIO(), out, errors.append)
    return code, out.getvalue(), stderr.getvalue(), errors


@pytest.mark.slow
def test_bar_on_a_terminal_and_output_unchanged(monkeypatch, long_bank):
    code, out, err, errors = _run(monkeypatch, _Terminal(), long_bank, fmt="concise")
    assert err.startswith("\ranswerlint: [" + " " * progress.WIDTH + "] 0/120 items 0%")
    assert "\ranswerlint: [" + "#" * progress.WIDTH + "] 120/120 items 100%" in err
    assert err.endswith("\r\033[K")  # erased at the end
    plain = _run(monkeypatch, io.StringIO(), long_bank, fmt="concise", progress=False)
    assert (code, out, errors) == plain[:2] + (plain[3],)
    assert plain[2] == ""


@pytest.mark.slow
@pytest.mark.parametrize("stderr,options", [
    (io.StringIO(), {"fmt": "text"}),  # not a terminal
    (_Terminal(), {"fmt": "text", "progress": False}),  # --no-progress
    (_Terminal(), {"fmt": "json"}), (_Terminal(), {"fmt": "sarif"}), (_Terminal(), {"fmt": "github"}),
])
def test_no_bar(monkeypatch, long_bank, stderr, options):
    assert _run(monkeypatch, stderr, long_bank, **options)[2] == ""


def test_not_for_short_runs():
    assert not progress.wanted("text", True, progress.LONG_RUN - 1, _Terminal())
    assert progress.wanted("text", True, progress.LONG_RUN, _Terminal())
    assert not progress.wanted("text", True, progress.LONG_RUN, io.StringIO())


def test_cli_flag(monkeypatch, long_bank):
    from click.testing import CliRunner

    from answerlint.cli import main

    seen = []
    monkeypatch.setattr("answerlint.runner.run", lambda options, *a: seen.append(options.progress) or 0)
    CliRunner().invoke(main, ["check", "--no-progress", str(long_bank)])
    CliRunner().invoke(main, ["check", str(long_bank)])
    assert seen == [False, True]
