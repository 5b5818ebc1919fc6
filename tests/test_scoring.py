"""A score per answer: deterministic, explained, and ranking answers the way a recruiter does."""

from __future__ import annotations

import pytest

from answerlint.scoring import BASE, verdict
from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)
from conftest import bank_of

STORY = ("In March 2023 our warehouse was losing about forty orders a week to mis-picks, and the night "
         "shift took the blame. I walked the routes with the pickers for two nights and found that the "
         "fast-moving lines were split across three aisles. I relabelled the aisles, moved the top fifty "
         "lines next to packing and added a second scan at the bench. I'm a team player, so I trained all "
         "nine pickers myself. By June mis-picks were down to five a week, and the site manager rolled "
         "the layout out to the day shift.")
SHRUG = "I'm a team player and I always get things done."


def score(linter, profile, text, kind="behavioral", question="Tell me about a time you fixed a process."):
    bank = bank_of(text, kind=kind)
    bank.items[0] = type(bank.items[0])(bank.items[0].role, 1, bank.items[0].body, question, kind)
    findings, scores = linter.lint_scored(bank, profile)
    return scores[0], findings


def test_a_story_with_a_result_and_a_cliche_beats_a_two_sentence_claim(linter, profile):
    story, story_findings = score(linter, profile, STORY)
    shrug, _ = score(linter, profile, SHRUG)
    assert any(f.rule == "buzzwords/self-labels" for f in story_findings)  # the cliché is still reported
    assert story.score > shrug.score
    assert story.verdict == "strong" and shrug.verdict == "weak"
    assert "situation" not in story.missing and "result" not in story.missing
    assert shrug.missing[:3] == ("situation", "action", "result")


def test_the_parts_add_up_to_the_score(linter, profile):
    s, _ = score(linter, profile, STORY)
    assert s.parts[0] == ("start", BASE)
    assert s.score == max(0, min(100, sum(points for _, points in s.parts)))
    labels = [label for label, _ in s.parts]
    assert labels[1] == "shows 3 of 3 elements a behavioral answer needs (situation, action, result)"
    assert any(label.startswith("evidence: number, date") for label in labels)
    assert any(label == "warning [buzzwords/self-labels]" or label == "info [buzzwords/self-labels]" for label in labels)


def test_the_score_is_deterministic(linter, profile):
    assert score(linter, profile, STORY)[0].parts == score(linter, profile, STORY)[0].parts


@pytest.mark.parametrize("points,expected", [(100, "strong"), (65, "strong"), (64, "needs work"), (40, "needs work"),
                                             (39, "weak"), (0, "weak")])
def test_verdicts(points, expected):
    assert verdict(points) == expected


def test_fix_first_is_the_most_severe_finding(linter, profile):
    s, findings = score(linter, profile, "My old manager was a nightmare, so I left.", kind="why-leave",
                        question="Why did you leave your last job?")
    assert s.findings[0].rule == "negativity/former-employer" and s.findings[0].severity == "error"
    assert s.fix_first == s.findings[0].message


@pytest.fixture
def bank(tmp_path):
    path = tmp_path / "bank.md"
    path.write_text("## Tell me about a time you fixed a process.\n\n" + STORY + "\n\n## Why do you want this job?\n\n"
                    "The pay is better and it's close to home.\n")
    return path


pytestmark = pytest.mark.usefixtures("fast_cli")


def test_json_items_carry_score_verdict_missing_and_kind(bank):
    run = check("--format", "json", str(bank))
    items = run.json["items"]
    assert [i["answer_kind"] for i in items] == ["behavioral", "motivation"]
    story, motive = items
    assert story["verdict"] == "strong" and story["score"] >= 65
    assert motive["verdict"] == "weak" and motive["score"] < 40
    assert motive["missing"] == ["specifics", "contribution", "number"]
    assert motive["fix_first"].startswith("'pay is better' is about what you get")


def test_text_output_ends_with_a_scorecard_weakest_first(bank):
    run = check("--no-color", str(bank))
    tail = run.stdout.split("Scorecard (weakest first; --explain-score shows the arithmetic)\n", 1)[1]
    lines = tail.splitlines()
    assert lines[0].split()[1] == "weak" and lines[0].endswith(
        "Why do you want this job?  -- fix first: 'pay is better' is about what you get, not what you would do: "
        "say what draws you to the work and what you would bring; leave pay, hours and commute for the offer stage.")
    assert f"{bank}:7" in lines[0]
    assert lines[1].split()[1] == "strong" and f"{bank}:3" in lines[1]
    assert lines[2] == "" and lines[3].startswith("Found ")


def test_explain_score_shows_the_arithmetic(bank):
    run = check("--no-color", "--explain-score", str(bank))
    assert "         +45  start\n" in run.stdout
    assert "(motivation answer; missing: specifics, contribution, number)" in run.stdout


def test_fail_under_fails_the_run(bank):
    assert check("--fail-on", "never", "--format", "concise", str(bank)).code == 0
    assert check("--fail-on", "never", "--fail-under", "40", "--format", "concise", str(bank)).code == 1
    assert check("--fail-on", "never", "--fail-under", "0", "--format", "concise", str(bank)).code == 0
    bad = check("--fail-under", "101", str(bank))
    assert bad.code == 2 and "101 is not in the range 0<=x<=100" in bad.stderr
