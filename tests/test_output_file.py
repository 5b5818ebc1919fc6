"""-o/--output-file (issue 9), and answerlint never lints the files it is writing: `-o report.txt`
or `> out.json` inside the linted tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import answerlint
from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

BANK = "# What are your strengths?\n\nI am a team player.\n"
SELECT = ("--select", "buzzwords/self-labels")


def test_the_report_goes_to_the_file_and_errors_to_stderr(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    plain = check("--format", "concise", *SELECT, "bank.md", "gone.md")
    run = check("--format", "concise", *SELECT, "-o", "report.out", "bank.md", "gone.md")
    assert (run.code, run.stdout, run.stderr) == (2, "", "answerlint: gone.md: no such file or directory\n")
    assert (tmp_path / "report.out").read_text() == plain.stdout
    assert plain.stdout.startswith("bank.md:3:8: warning: 'team player'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.md", "report.out"], "no temporary file left"


def test_output_file_replaces_the_old_report_and_keeps_the_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    (tmp_path / "out.sarif").write_text("old report, longer than nothing\n" * 100)
    run = check("--format", "sarif", *SELECT, "--output-file", "out.sarif", "bank.md")
    assert (run.code, run.stdout) == (1, "")
    assert json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"][0]["ruleId"] == \
        "buzzwords/self-labels"


def test_diff_goes_to_the_output_file_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Why?\n\nHonestly, I led it.\n")
    run = check("--diff", "--select", "generalities/fillers", "-o", "fix.diff", "bank.md")
    assert (run.code, run.stdout) == (1, "")
    assert (tmp_path / "fix.diff").read_text().splitlines()[-2:] == ["-Honestly, I led it.", "+I led it."]


def test_an_output_file_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    run = check(*SELECT, "-o", "nodir/report.txt", "bank.md")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "answerlint: nodir/report.txt: cannot write the output file: No such file or directory\n"


def test_the_output_file_inside_the_linted_tree_is_not_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    (tmp_path / "report.txt").write_text("I am a team player.\n")  # a previous report, readable as a bank
    run = check("--format", "concise", *SELECT, "-o", "report.txt", ".")
    assert (run.code, run.stderr) == (1, "")
    assert [line.split(":")[0] for line in (tmp_path / "report.txt").read_text().splitlines()] == \
        ["bank.md", "Found 1 finding (1 warning) in 1 file."]
    named = check("--format", "concise", *SELECT, "-o", "report.txt", "report.txt", "bank.md")
    assert named.stderr == "answerlint: notice: report.txt: skipped: answerlint is writing its output there\n"


def test_stdout_redirected_into_the_linted_tree_is_not_linted(tmp_path):
    """`answerlint check --format json > out.json`: the shell creates out.json (empty) first."""
    (tmp_path / "bank.md").write_text(BANK)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    here = str(Path(answerlint.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    env["ANSWERLINT_NO_CACHE"] = "1"
    with open(tmp_path / "out.json", "w") as out:
        proc = subprocess.run([sys.executable, "-m", "answerlint", "check", "--format", "json", *SELECT],
                              cwd=tmp_path, env=env, stdout=out, stderr=subprocess.PIPE, text=True, timeout=120)
    assert (proc.returncode, proc.stderr) == (1, "")
    doc = json.loads((tmp_path / "out.json").read_text())
    assert [f["path"] for f in doc["findings"]] == ["bank.md"] and doc["errors"] == []
