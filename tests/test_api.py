"""The public API: answerlint.lint_text and answerlint.Session (docs/api.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import answerlint
import answerlint.session
from answerlint.errors import ConfigError
from answerlint.session import Session
from clirun import CORPUS, fast_cli, findings  # noqa: F401  (fast_cli is a fixture)
from conftest import ROOT


def _spots(found) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.severity) for f in found]


def test_lint_text_finds_what_check_finds(fast_cli):
    text = "I am a team player and a problem solver.\n"
    found = answerlint.lint_text(text, filename="answers.txt")
    assert _spots(found) == [
        ("length/answer-too-short", 1, 1, 1, 41, "info"),
        ("buzzwords/self-labels", 1, 8, 1, 19, "warning"),
        ("buzzwords/self-labels", 1, 26, 1, 40, "warning"),
    ]
    assert all(isinstance(f, answerlint.Finding) and f.path == "answers.txt" for f in found)
    assert found[1].message.startswith("'team player' is a self-label, not evidence")
    cli = findings("--stdin-filename", "answers.txt", "-", input=text)
    assert [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["severity"]) for f in cli] == \
        _spots(found)


def test_lint_text_filename_picks_the_format(fast_cli):
    text = (CORPUS / "bank.yaml").read_text(encoding="utf-8")
    found = answerlint.lint_text(text, filename="bank.yaml")
    cli = findings(str(CORPUS / "bank.yaml"))
    assert [(f.rule, f.line, f.column) for f in found] == [(f["rule"], f["line"], f["column"]) for f in cli]


def test_lint_text_with_config_and_options(tmp_path, fast_cli):
    config = tmp_path / "answerlint.yaml"
    config.write_text("select: [buzzwords]\nstage: offer\n", encoding="utf-8")
    found = answerlint.lint_text("I am a team player.\n", filename="a.txt", config=config)
    assert [f.rule for f in found] == ["buzzwords/self-labels"]
    found = answerlint.lint_text("I am a team player.\n", filename="a.txt", select=["length"])
    assert [f.rule for f in found] == ["length/answer-too-short"]


def test_lint_text_bad_config_raises(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("select: [buzzwords\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        answerlint.lint_text("Hi.\n", filename="a.txt", config=config)
    assert str(info.value).startswith(f"{config}:")


def test_session_finds_each_directory_config_once(tmp_path, fast_cli, monkeypatch):
    (tmp_path / ".answerlint.yaml").write_text("stage: screening\n", encoding="utf-8")
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        for n in range(3):
            (tmp_path / d / f"{n}.txt").write_text("I am a team player.\n", encoding="utf-8")
    searched: list[str] = []
    real = answerlint.session.find_config
    monkeypatch.setattr(answerlint.session, "find_config", lambda d: searched.append(d.name) or real(d))
    session = Session()
    results = session.lint_paths([tmp_path])
    assert [Path(r.path).relative_to(tmp_path).as_posix() for r in results] == \
        ["a/0.txt", "a/1.txt", "a/2.txt", "b/0.txt", "b/1.txt", "b/2.txt"]
    assert all(r.error is None and "buzzwords/self-labels" in [f.rule for f in r.findings] for r in results)
    profile = session.profile_for(tmp_path / "a" / "0.txt")
    assert session.profile_for(tmp_path / "b" / "2.txt") is profile  # one profile per configuration
    assert profile.settings.stage == "screening"
    assert searched == ["a", "b"]  # once per directory, not once per file


def test_lint_paths_reports_errors_per_file(tmp_path, fast_cli):
    (tmp_path / "good.txt").write_text("I am a team player.\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("answers: [\n", encoding="utf-8")
    errors: list[str] = []
    results = Session().lint_paths([tmp_path / "bad.yaml", tmp_path / "good.txt", tmp_path / "gone.md"],
                                   report_error=errors.append)
    assert [r.error is None for r in results] == [False, True, False]
    assert str(results[2].error) == f"{tmp_path / 'gone.md'}: no such file or directory"
    assert len(errors) == 2 and errors[1] == str(results[2].error)
    assert "buzzwords/self-labels" in [f.rule for f in results[1].findings]


def test_importing_answerlint_is_cheap():
    probe = ("import sys, answerlint; print(sorted(m for m in sys.modules if m.startswith(('answerlint', 'spacy', "
             "'textstat', 'click', 'yaml'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "['answerlint']"


def test_unknown_attribute():
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        answerlint.Nope  # noqa: B018


def test_docs_example_prints_what_docs_say(fast_cli, capsys):
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", doc, re.S)[0]
    expected = re.findall(r"```text\n(.*?)```", doc, re.S)[0]
    exec(compile(code, "docs/api.md", "exec"), {})
    assert capsys.readouterr().out == expected
