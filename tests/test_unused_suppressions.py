"""suppressions/unused (issue 9, like ruff's RUF100): an inline directive that suppressed nothing
is an info finding over the exact span of its comment."""

from __future__ import annotations

import pytest

from clirun import check, covered, fast_cli, findings  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

SELECT = ("--select", "buzzwords,wiifm,suppressions")
MD = ("# What are your strengths?\n\n"
      "<!-- answerlint: disable-next=buzzwords/self-labels,wiifm -->\n"
      "I am a team player and I led the 2023 migration of our billing system.\n\n"
      "We cut costs by 20%. <!-- answerlint: disable-line=buzzwords -- no cliché here -->\n\n"
      "<!--\n  answerlint: disable=wiifm\n-->\nI stayed late.\n<!-- answerlint: enable -->\n")


def _unused(found):
    return [(f["line"], f["column"], f["end_line"], f["end_column"], f["severity"], f["message"])
            for f in found if f["rule"] == "suppressions/unused"]


def test_each_unused_directive_is_reported_over_its_comment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(MD)
    found = findings(*SELECT, "bank.md")
    assert _unused(found) == [
        (3, 1, 3, 62, "info", "Unused suppression: 'wiifm' suppressed nothing here"),
        (6, 22, 6, 83, "info", "Unused suppression: 'buzzwords' suppressed nothing here"),
        (8, 1, 10, 4, "info", "Unused suppression: 'wiifm' suppressed nothing here"),
    ]
    spans = [covered(MD, f) for f in found if f["rule"] == "suppressions/unused"]
    assert spans == ["<!-- answerlint: disable-next=buzzwords/self-labels,wiifm -->",
                     "<!-- answerlint: disable-line=buzzwords -- no cliché here -->",
                     "<!--\n  answerlint: disable=wiifm\n-->"]
    assert all(f["item"] is None for f in found if f["rule"] == "suppressions/unused")
    assert "buzzwords/self-labels" not in {f["rule"] for f in found}, "the used one still suppresses"


def test_a_directive_for_every_rule_that_suppressed_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Why us?\n\nI admire your products.\n\n"
                                      "I like hiking. <!-- answerlint: disable-line -->\n")
    run = check("--format", "concise", *SELECT, "bank.md")
    assert (run.code, run.stdout) == (0, "bank.md:5:16: info: Unused suppression: this directive suppressed "
                                         "nothing [suppressions/unused]\nFound 1 finding (1 info) in 1 file.\n")


def test_yaml_comments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = ("answers:\n  - question: What are your strengths?\n"
            "    answer: I am a team player.  # answerlint: disable-line=buzzwords/self-labels,wiifm  \n"
            "    # answerlint: disable-next=buzzwords\n"
            "  - question: Why us?\n    answer: I admire your products.\n")
    (tmp_path / "bank.yaml").write_text(text)
    found = findings(*SELECT, "bank.yaml")
    assert _unused(found) == [
        (3, 34, 3, 88, "info", "Unused suppression: 'wiifm' suppressed nothing here"),
        (4, 5, 4, 41, "info", "Unused suppression: 'buzzwords' suppressed nothing here"),
    ]
    assert [covered(text, f) for f in found if f["rule"] == "suppressions/unused"] == [
        "# answerlint: disable-line=buzzwords/self-labels,wiifm", "# answerlint: disable-next=buzzwords"]


def test_only_rules_that_ran_count_and_the_rule_can_be_deselected(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(MD)
    # wiifm did not run: its directives cannot be judged
    assert _unused(findings("--select", "buzzwords,suppressions", "bank.md")) == [
        (6, 22, 6, 83, "info", "Unused suppression: 'buzzwords' suppressed nothing here")]
    assert _unused(findings("--select", "buzzwords,wiifm", "bank.md")) == []
    assert _unused(findings("--extend-select", "wiifm", "--ignore", "suppressions/unused", "bank.md")) == []
    assert len(_unused(findings("bank.md"))) == 3, "on by default"


def test_its_severity_can_be_configured(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(MD)
    (tmp_path / ".answerlint.yaml").write_text("severity:\n  suppressions/unused: warning\n")
    run = check("--format", "concise", "--select", "suppressions,buzzwords", "bank.md")
    assert run.code == 1
    assert run.stdout.splitlines()[0] == ("bank.md:6:22: warning: Unused suppression: 'buzzwords' suppressed "
                                          "nothing here [suppressions/unused]")


def test_directives_in_code_blocks_are_not_directives(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Why us?\n\nI admire your products.\n\n"
                                      "```\n<!-- answerlint: disable-line=buzzwords -->\n```\n")
    assert _unused(findings(*SELECT, "bank.md")) == []
