"""Inline suppressions: Markdown HTML-comment directives and YAML comment directives."""

from __future__ import annotations

import pytest

from clirun import fast_cli, findings  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

SELF = "buzzwords/self-labels"
FAKE = "buzzwords/fake-weaknesses"


def _lint(tmp_path, name: str, text: str, select: str = "buzzwords") -> list[tuple]:
    path = tmp_path / name
    path.write_text(text)
    return [(f["rule"], f["line"], f["column"]) for f in findings("--select", select, str(path))]


# -- Markdown ------------------------------------------------------------------------------------

def test_markdown_disable_enable_range_by_id(tmp_path):
    assert _lint(tmp_path, "b.md", (
        "# Q1?\n"
        "\n"
        "I am a team player.\n"                                # 3: flagged
        "<!-- answerlint: disable=buzzwords/self-labels -->\n"
        "I am a team player and a perfectionist.\n"           # 5: only the perfectionist
        "\n"
        "Still a problem solver.\n"                           # 7: still disabled
        "<!-- answerlint: enable -->\n"
        "A problem solver again.\n")) == [                    # 9: flagged
        (SELF, 3, 8), (FAKE, 5, 26), (SELF, 9, 3)]


def test_markdown_disable_by_pack_and_several_rules(tmp_path):
    text = ("# Q?\n"
            "\n"
            "<!-- answerlint: disable=buzzwords -->\n"
            "I am a team player and a perfectionist.\n"
            "<!-- answerlint: enable=buzzwords -->\n"
            "<!-- answerlint: disable=buzzwords/self-labels, buzzwords/fake-weaknesses -->\n"
            "I am a team player and a perfectionist.\n"
            "<!-- answerlint: enable -->\n"
            "I am a team player and a perfectionist.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 9, 8), (FAKE, 9, 26)]


def test_markdown_disable_everything_until_the_end(tmp_path):
    text = ("# Q?\n\nI'm a perfectionist.\n\n<!-- answerlint: disable -->\n\n"
            "# Q2?\n\nI am a team player.\n\n# Questions to ask\n\n- What is the salary?\n")
    assert _lint(tmp_path, "b.md", text, "buzzwords,wiifm") == [(FAKE, 3, 7)]


def test_markdown_enable_one_rule_of_several(tmp_path):
    text = ("# Q?\n"
            "\n"
            "<!-- answerlint: disable=buzzwords/self-labels,buzzwords/fake-weaknesses -->\n"
            "I am a team player and a perfectionist.\n"
            "<!-- answerlint: enable=buzzwords/fake-weaknesses -->\n"
            "I am a team player and a perfectionist.\n")
    assert _lint(tmp_path, "b.md", text) == [(FAKE, 6, 26)]


def test_markdown_disable_next_applies_to_the_next_line_only(tmp_path):
    text = ("# Q1?\n"
            "\n"
            "I am a team player.\n"
            "\n"
            "# Q2?\n"
            "\n"
            "<!-- answerlint: disable-next=buzzwords/self-labels -->\n"
            "I am a team player and a perfectionist.\n"
            "I am a problem solver.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 3, 8), (FAKE, 8, 26), (SELF, 9, 8)]


def test_markdown_disable_next_by_pack_skips_blank_and_comment_lines(tmp_path):
    text = ("# Q?\n"
            "\n"
            "<!-- answerlint: disable-next=buzzwords -->\n"
            "<!-- a note to self -->\n"
            "\n"
            "I am a team player and a perfectionist.\n"
            "I am a problem solver.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 7, 8)]


def test_markdown_disable_next_in_questions_section(tmp_path):
    text = ("# Questions to ask\n"
            "\n"
            "- What is the salary for this role?\n"
            "<!-- answerlint: disable-next=wiifm -->\n"
            "- How many vacation days do I get?\n"
            "- Is there a signing bonus?\n")
    assert _lint(tmp_path, "b.md", text, "wiifm/self-interest-topic") == [
        ("wiifm/self-interest-topic", 3, 3), ("wiifm/self-interest-topic", 6, 3)]


def test_markdown_disable_line(tmp_path):
    text = ("# Q?\n\nI am a team player and a perfectionist. <!-- answerlint: disable-line=buzzwords/fake-weaknesses -->\n"
            "I'm a perfectionist.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 3, 8), (FAKE, 4, 7)]


def test_markdown_multiline_comment_directive(tmp_path):
    text = ("# Q?\n\n<!--\n  answerlint: disable-next=buzzwords/self-labels\n-->\nI am a team player.\n"
            "I am a team player.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 7, 8)]


def test_markdown_directive_inside_code_is_only_an_example(tmp_path):
    text = ("# How do I silence a rule?\n"
            "\n"
            "```markdown\n"
            "<!-- answerlint: disable=buzzwords -->\n"
            "```\n"
            "\n"
            "I am a team player.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 7, 8)]


def test_markdown_suppression_of_a_finding_across_lines(tmp_path):
    text = ("# Q?\n\nI am a team\n<!-- answerlint: disable-line=buzzwords/self-labels -->player.\n"
            "\nI am a team\nplayer.\n")
    assert _lint(tmp_path, "b.md", text) == [(SELF, 6, 8)]


def test_markdown_other_rules_still_run_in_a_disabled_range(tmp_path):
    text = ("# Q?\n\n<!-- answerlint: disable=buzzwords -->\nHonestly, I am a team player.\n"
            "<!-- answerlint: enable -->\n")
    assert _lint(tmp_path, "b.md", text, "buzzwords,generalities/fillers") == [("generalities/fillers", 4, 1)]


# -- YAML ----------------------------------------------------------------------------------------

def test_yaml_disable_enable_range(tmp_path):
    text = ("answers:\n"
            "  - question: Q1?\n"
            "    answer: I am a team player.\n"                         # 3: flagged
            "  # answerlint: disable=buzzwords/fake-weaknesses\n"
            "  - question: Q2?\n"
            "    answer: I'm a perfectionist and a problem solver.\n"   # 6: only the self-label
            "  # answerlint: enable\n"
            "  - question: Q3?\n"
            "    answer: I'm a perfectionist.\n")                       # 9: flagged
    assert _lint(tmp_path, "b.yaml", text) == [(SELF, 3, 20), (SELF, 6, 39), (FAKE, 9, 19)]


def test_yaml_disable_next_covers_the_next_entry_only(tmp_path):
    text = ("answers:\n"
            "  # answerlint: disable-next=buzzwords/self-labels\n"
            "  - question: Q1?\n"
            "    answer: >\n"
            "      I am a team player\n"
            "      and a perfectionist.\n"
            "  - question: Q2?\n"
            "    answer: I am a team player.\n")
    assert _lint(tmp_path, "b.yaml", text) == [(FAKE, 6, 13), (SELF, 8, 20)]


def test_yaml_disable_next_before_a_key(tmp_path):
    text = ("answers:\n"
            "  - question: Q1?\n"
            "    # answerlint: disable-next=buzzwords\n"
            "    answer: |\n"
            "      I am a team player\n"
            "      and a perfectionist.\n"
            "  - answer: I'm a perfectionist.\n")
    assert _lint(tmp_path, "b.yaml", text) == [(FAKE, 7, 19)]


def test_yaml_trailing_comment_disables_its_line(tmp_path):
    text = ("answers:\n"
            "  - answer: I am a team player.  # answerlint: disable=buzzwords/self-labels\n"
            "  - answer: I am a team player.\n")
    assert _lint(tmp_path, "b.yaml", text) == [(SELF, 3, 20)]


def test_yaml_questions_and_disable_all(tmp_path):
    text = ("questions:\n"
            "  # answerlint: disable-next\n"
            "  - What is the salary?\n"
            "  - What is the salary range?\n"
            "# answerlint: disable\n"
            "answers:\n"
            "  - answer: I am a team player.\n")
    assert _lint(tmp_path, "b.yaml", text, "buzzwords,wiifm/self-interest-topic") == [
        ("wiifm/self-interest-topic", 4, 5)]


def test_yaml_hash_inside_a_scalar_is_not_a_directive(tmp_path):
    text = ("answers:\n"
            "  - answer: \"Ticket #12 # answerlint: disable: I am a team player.\"\n"
            "  - answer: |\n"
            "      # answerlint: disable\n"
            "      I'm a perfectionist.\n")
    assert _lint(tmp_path, "b.yaml", text) == [(SELF, 2, 55), (FAKE, 5, 13)]


def test_directive_with_a_reason_and_space_separated_rules(tmp_path):
    text = ("# Q?\n"
            "\n"
            "<!-- answerlint: disable-next=buzzwords/self-labels -- the panel asked for labels -->\n"
            "I am a team player and a perfectionist.\n"
            "<!-- answerlint: disable-next=buzzwords/self-labels buzzwords/fake-weaknesses -->\n"
            "I am a team player and a perfectionist.\n"
            "I am a team player.\n")
    assert _lint(tmp_path, "b.md", text) == [(FAKE, 4, 26), (SELF, 7, 8)]
    yaml_text = ("answers:\n"
                 "  # answerlint: disable-next=buzzwords -- quoting the job ad\n"
                 "  - answer: I am a team player.\n"
                 "  - answer: I am a team player.\n")
    assert _lint(tmp_path, "b.yaml", yaml_text) == [(SELF, 4, 20)]


def test_unknown_rule_in_a_directive_is_reported_not_silently_ignored(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from answerlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# A\n\n## Strength?\n\n<!-- answerlint: disable=buzzwordz -->\n"
                                   "I am a team player.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "concise", "--select", "buzzwords", "a.md"])
    assert result.stderr == ("answerlint: warning: a.md:5: answerlint directive names unknown rule or pack "
                             "'buzzwordz' (see `answerlint rules`)\n")
    assert "a.md:6:8: warning:" in result.stdout  # the typo suppressed nothing, and says so
    assert result.exit_code == 1
