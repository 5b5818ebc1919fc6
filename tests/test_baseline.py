"""--write-baseline / --baseline (issue 9): adopt answerlint on a bank without fixing it all first."""

from __future__ import annotations

import json

import pytest

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

BANK = ("# What are your strengths?\n\nI am a team player and a problem solver.\n\n"
        "# Why do you want this job?\n\nI want to grow with a great company.\n")
SELECT = ("--select", "buzzwords/self-labels,buzzwords/fake-weaknesses")


def _write(tmp_path, monkeypatch, text=BANK):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(text)
    run = check(*SELECT, "--write-baseline", "baseline.json", "bank.md")
    assert (run.code, run.stdout) == (0, ""), run.stderr
    assert run.stderr == "answerlint: wrote 2 findings to the baseline baseline.json\n"
    return json.loads((tmp_path / "baseline.json").read_text())


def test_the_baseline_records_findings_by_path_rule_question_and_text(tmp_path, monkeypatch):
    doc = _write(tmp_path, monkeypatch)
    assert doc["version"] == 1 and doc["tool"] == "answerlint"
    assert [(e["path"], e["rule"], e["count"]) for e in doc["findings"]] == [
        ("bank.md", "buzzwords/self-labels", 1), ("bank.md", "buzzwords/self-labels", 1)]
    assert all(len(e["question"]) == len(e["text"]) == 16 for e in doc["findings"])
    assert "line" not in doc["findings"][0] and "team player" not in (tmp_path / "baseline.json").read_text()
    clean = check("--format", "concise", *SELECT, "--baseline", "baseline.json", "bank.md")
    assert (clean.code, clean.stdout) == (0, "All clear: no new findings; 2 findings hidden by the baseline.\n")


def test_after_editing_one_answer_and_adding_a_cliche_elsewhere_only_the_new_one_is_reported(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch)
    # the answers swap places, the first gets words around its (re-wrapped) self-labels,
    # and the other answer gains a new cliché
    (tmp_path / "bank.md").write_text(
        "# Why do you want this job?\n\nI want to grow with a great company. I am a perfectionist.\n\n"
        "# What are your strengths?\n\nHonestly, I am a team\nplayer and, above all, a problem solver at heart.\n")
    run = check("--format", "concise", *SELECT, "--baseline", "baseline.json", "bank.md")
    assert run.code == 1, run.stderr
    assert run.stdout.splitlines() == [
        "bank.md:3:45: warning: 'perfectionist' is a strength dressed as a weakness: Name a real weakness "
        "(e.g. over-polishing slides, delaying a release) with what it cost and how you now timebox it. "
        "[buzzwords/fake-weaknesses]",
        "Found 1 new finding (1 warning) in 1 file; 2 findings hidden by the baseline.",
    ]
    assert run.stderr == ""


def test_a_finding_whose_words_changed_is_new_and_its_entry_is_unused(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch)
    (tmp_path / "bank.md").write_text(BANK.replace("problem solver", "natural problem-solver"))
    run = check("--format", "concise", *SELECT, "--baseline", "baseline.json", "bank.md")
    assert run.code == 1
    assert run.stdout.splitlines()[-1] == ("Found 1 new finding (1 warning) in 1 file; 1 finding hidden by the "
                                           "baseline; 1 baseline entry matched nothing: run --write-baseline "
                                           "again to shrink it.")
    assert run.stdout.splitlines()[0].startswith("bank.md:3:34: warning: 'problem-solver' is a self-label")


def test_the_same_words_under_another_question_are_new(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch)
    (tmp_path / "bank.md").write_text(BANK.replace("What are your strengths?", "Tell me about yourself."))
    found = json.loads(check("--format", "json", *SELECT, "--baseline", "baseline.json", "bank.md").stdout)
    assert [(f["line"], f["column"]) for f in found["findings"]] == [(3, 8), (3, 26)]
    assert found["baseline"] == {"hidden": 0, "unused": 2}


def test_each_entry_hides_as_many_findings_as_it_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# What are your strengths?\n\nA team player. A team player.\n")
    assert check(*SELECT, "--write-baseline", "b.json", "bank.md").code == 0
    assert [e["count"] for e in json.loads((tmp_path / "b.json").read_text())["findings"]] == [2]
    (tmp_path / "bank.md").write_text("# What are your strengths?\n\nA team player. A team player. A team player.\n")
    run = check("--format", "concise", *SELECT, "--baseline", "b.json", "bank.md")
    assert run.stdout.splitlines()[0].startswith("bank.md:3:33: warning: 'team player'")


def test_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch):
    (tmp_path / "answers").mkdir()
    _write(tmp_path / "answers", monkeypatch)
    monkeypatch.chdir(tmp_path)
    run = check("--format", "concise", *SELECT, "--baseline", "answers/baseline.json", "answers/bank.md")
    assert (run.code, run.stdout) == (0, "All clear: no new findings; 2 findings hidden by the baseline.\n")


def test_machine_formats_say_it_on_stderr(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch)
    run = check("--format", "sarif", *SELECT, "--baseline", "baseline.json", "bank.md")
    assert run.code == 0 and json.loads(run.stdout)["runs"][0]["results"] == []
    assert run.stderr == "answerlint: notice: 2 findings hidden by the baseline\n"


@pytest.mark.parametrize("text,error", [
    ("{", "b.json:1:2: baseline: invalid JSON: Expecting property name enclosed in double quotes"),
    ('{"version": 2, "findings": []}', 'b.json:1: baseline: expected an object with "version": 1 and a '
                                      '"findings" list (write one with --write-baseline)'),
    ('{"version": 1, "findings": [\n  {"path": "a.md", "rule": 3}\n]}',
     "b.json:2: baseline: finding 1 needs text fields path, rule, question and text and a positive count"),
])
def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path, monkeypatch, text, error):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    (tmp_path / "b.json").write_text(text)
    run = check(*SELECT, "--baseline", "b.json", "bank.md")
    assert (run.code, run.stdout, run.stderr) == (2, "", f"answerlint: {error}\n")


def test_a_missing_baseline_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    run = check(*SELECT, "--baseline", "nothere.json", "bank.md")
    assert (run.code, run.stderr) == (2, "answerlint: nothere.json: cannot read the baseline: No such file or directory\n")
