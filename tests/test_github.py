"""``--format github``: annotations GitHub's toolkit accepts (issue 9)."""

from __future__ import annotations

import pytest

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")


def test_one_line_finding_has_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Strengths?\n\nI am a team player.\n")
    run = check("--format", "github", "--select", "buzzwords/self-labels", "bank.md")
    assert run.stdout.splitlines()[0].startswith(
        "::warning file=bank.md,line=3,col=8,endLine=3,endColumn=19,title=buzzwords/self-labels::'team player'")


def test_multi_line_finding_has_no_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Strengths?\n\nI am a team\nplayer.\n")
    run = check("--format", "github", "--select", "buzzwords/self-labels", "bank.md")
    assert run.code == 1
    assert run.stdout.splitlines()[0].startswith(
        "::warning file=bank.md,line=3,endLine=4,title=buzzwords/self-labels::'team player'")


def test_unreadable_files_are_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text("answers: [\n")
    (tmp_path / "latin.md").write_bytes("# Why?\n\nCaf\xe9.\n".encode("latin-1"))
    run = check("--format", "github", "bad.yaml", "latin.md", "missing.md")
    assert run.code == 2
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error")]
    assert errors[0] == ("::error file=bad.yaml,line=2,col=1,title=answerlint::invalid YAML: did not find "
                         "expected node content")
    assert errors[1].startswith("::error file=latin.md,")
    assert errors[2] == "::error file=missing.md,title=answerlint::no such file or directory"
    assert len(errors) == 3
