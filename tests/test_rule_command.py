"""``answerlint rule ID`` under a configuration shows what ``check`` uses: the overridden options and
severity, each with where it came from (issue 9)."""

from __future__ import annotations

import pytest

from clirun import check, fast_cli, invoke  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

RULE = "length/answer-too-long"
CONFIG = f"""\
severity:
  {RULE}: error
rules:
  {RULE}:
    max_seconds: 30
"""
LONG = "# Why us?\n\n" + "I moved our payroll runs to a new system and cut errors by half. " * 8 + "\n"


def _head(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    return lines[:lines.index("applies to: every answer")]


def _options(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    start = lines.index("Options") + 2
    return lines[start:lines.index("", start)]


def test_rule_shows_the_configured_options_and_severity_with_their_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".answerlint.yaml").write_text(CONFIG)
    run = invoke("rule", RULE)
    assert run.code == 0 and run.stderr == ""
    assert _head(run.stdout) == [
        RULE, "", "Answer takes more than about 2 minutes to say (90 s for intros, 3 min for behavioral stories).", "",
        "kind: length    severity: error    scope: answer", "configuration: .answerlint.yaml",
        f"severity from: .answerlint.yaml:2 (severity: {RULE}); pack default: warning"]
    options = _options(run.stdout)
    assert options[0] == "  max_seconds: 30  (longest speaking time, in seconds)  [.answerlint.yaml:5; pack default: 120]"
    assert options[1].startswith('  by_kind: {"intro": {"max_seconds": 90') and options[1].endswith("  [pack default]")
    # check uses the same values: a 112-word answer (about 45 s) is too long, and an error
    (tmp_path / "b.md").write_text(LONG)
    found = check("--select", RULE, "--format", "concise", "b.md")
    assert (found.code, found.stdout) == (1, "b.md:3:351: error: Answer takes about 45 s to say (112 words); "
                                             f"keep it under 30 s spoken. [{RULE}]\nFound 1 finding (1 error) in 1 file.\n")


def test_rule_without_a_configuration_shows_the_pack(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = invoke("rule", RULE)
    assert _head(run.stdout)[4:] == ["kind: length    severity: warning    scope: answer"]
    assert _options(run.stdout)[0] == "  max_seconds: 120  (longest speaking time, in seconds)"


def test_rule_with_pyproject_names_its_tables_and_says_it_is_not_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.answerlint]\nignore = ["length"]\n[tool.answerlint.severity]\nlength = "info"\n'
        f'[tool.answerlint.rules."{RULE}"]\nmax_seconds = 100\n')
    run = invoke("rule", RULE)
    assert _head(run.stdout)[4:] == [
        "kind: length    severity: info    scope: answer", "configuration: pyproject.toml",
        "severity from: pyproject.toml [tool.answerlint.severity] (severity: length); pack default: warning",
        "not run with this configuration (see select and ignore)"]
    assert _options(run.stdout)[0] == ("  max_seconds: 100  (longest speaking time, in seconds)  "
                                       f'[pyproject.toml [tool.answerlint.rules."{RULE}"]; pack default: 120]')


def test_rule_with_a_bad_configuration_is_one_line_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".answerlint.yaml").write_text(f"rules:\n  {RULE}:\n    max_seconds: soon\n")
    run = invoke("rule", RULE)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"answerlint: {tmp_path / '.answerlint.yaml'}:3:5: rules: '{RULE}': "
                          "'max_seconds' must be a number, not text\n")
