"""The command line: exit codes, selection, output formats, stages, length rules, rule docs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from clirun import CORPUS, ROOT, check, fast_cli, findings, invoke  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

TEAM_PLAYER = ("'team player' is a self-label, not evidence: Name one project, the people on it, what "
               "you did for them and what the team shipped. [buzzwords/self-labels]")
PERFECTIONIST = ("'perfectionist' is a strength dressed as a weakness: Name a real weakness (e.g. "
                 "over-polishing slides, delaying a release) with what it cost and how you now timebox "
                 "it. [buzzwords/fake-weaknesses]")
BANK = "# What are your strengths?\n\nI am a team player.\n\n# And your weakness?\n\nI'm a perfectionist.\n"
QUESTIONS = ("# Questions to ask\n"
             "\n"
             "- What are the biggest challenges the team will face this year?\n"
             "- What is the salary for this position?\n"
             "- How will you measure my impact after six months?\n"
             "- What would you expect me to deliver in the first 90 days?\n")


@pytest.fixture
def bank(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    return "bank.md"


# -- exit codes ----------------------------------------------------------------------------------

def test_clean_bank_exits_0_with_all_clear(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.md").write_text("# Q?\n\nIn 2023 I cut the build time from 40 to 12 minutes.\n")
    run = check("--select", "buzzwords", "ok.md")
    assert (run.code, run.stdout, run.stderr) == (0, "All clear: no findings.\n", "")


def test_warnings_fail_by_default(bank):
    run = check("--format", "concise", "--select", "buzzwords", bank)
    assert run.code == 1
    assert run.stdout.splitlines() == [
        f"bank.md:3:8: warning: {TEAM_PLAYER}",
        f"bank.md:7:7: warning: {PERFECTIONIST}",
        "Found 2 findings (2 warnings) in 1 file.",
    ]
    assert run.stderr == ""


@pytest.mark.parametrize("fail_on,code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_warnings(bank, fail_on, code):
    assert check("--select", "buzzwords", "--fail-on", fail_on, bank).code == code


@pytest.mark.parametrize("fail_on,code", [("error", 0), ("warning", 0), ("info", 1), ("never", 0)])
def test_fail_on_with_info_only(tmp_path, monkeypatch, fail_on, code):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.md").write_text("# Q?\n\nHonestly, I shipped it in 2023.\n")
    run = check("--format", "concise", "--select", "generalities/fillers", "--fail-on", fail_on, "b.md")
    assert run.stdout.splitlines()[0].startswith("b.md:3:1: info: 'Honestly' is filler")
    assert run.code == code


def test_fail_on_from_config(bank, tmp_path):
    (tmp_path / ".answerlint.yaml").write_text("fail-on: error\n")
    assert check("--select", "buzzwords", bank).code == 0
    assert check("--select", "buzzwords", "--fail-on", "warning", bank).code == 1  # the option wins


def test_exit_zero(bank):
    run = check("--select", "buzzwords", "--exit-zero", "--format", "concise", bank)
    assert run.code == 0
    assert len(run.stdout.splitlines()) == 3
    # --exit-zero does not hide errors: a missing file is still exit 2
    assert check("--select", "buzzwords", "--exit-zero", bank, "missing.md").code == 2


def test_usage_errors_exit_2():
    assert check("--format", "xml", str(CORPUS / "answers.txt")).code == 2
    assert check("--stage", "lunch", str(CORPUS / "answers.txt")).code == 2
    assert check("--fail-on", "sometimes", str(CORPUS / "answers.txt")).code == 2


# -- selection -----------------------------------------------------------------------------------

def _rules(*args: str) -> list[str]:
    return [f["rule"] for f in findings(*args)]


def test_select_and_ignore_by_pack_and_id(bank):
    assert _rules("--select", "buzzwords", bank) == ["buzzwords/self-labels", "buzzwords/fake-weaknesses"]
    assert _rules("--select", "buzzwords/fake-weaknesses", bank) == ["buzzwords/fake-weaknesses"]
    assert _rules("--select", "buzzwords", "--ignore", "buzzwords/self-labels", bank) == [
        "buzzwords/fake-weaknesses"]
    assert _rules("--select", "buzzwords,length", "--ignore", "length", bank) == [
        "buzzwords/self-labels", "buzzwords/fake-weaknesses"]
    assert _rules("--select", "buzzwords/self-labels", "--select", "buzzwords/fake-weaknesses", bank) == [
        "buzzwords/self-labels", "buzzwords/fake-weaknesses"]
    assert _rules("--select", "buzzwords", "--ignore", "buzzwords", bank) == []
    # the more specific selection wins, as in ruff
    assert _rules("--ignore", "buzzwords", "--select", "buzzwords/self-labels", bank) == ["buzzwords/self-labels"]


def test_default_selection_runs_every_pack(bank):
    rules = set(_rules(bank))
    assert {"buzzwords/self-labels", "buzzwords/fake-weaknesses", "length/answer-too-short"} <= rules
    assert set(_rules("--ignore", "length,readability", bank)) == rules - {
        r for r in rules if r.startswith(("length/", "readability/"))}


def test_extend_select_adds_to_the_selection(bank):
    assert _rules("--select", "buzzwords/self-labels", "--extend-select", "buzzwords/fake-weaknesses", bank) == [
        "buzzwords/self-labels", "buzzwords/fake-weaknesses"]


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_rule_in_an_option_exits_2_once(bank, option, tmp_path):
    (tmp_path / "other.md").write_text(BANK)
    run = check(option, "buzzwords/no-such-rule", bank, "other.md")
    assert run.code == 2
    assert run.stderr == f"answerlint: {option}: unknown rule or pack 'buzzwords/no-such-rule' (see `answerlint rules`)\n"
    assert "Traceback" not in run.stdout + run.stderr


# -- output formats ------------------------------------------------------------------------------

def test_concise_lines_for_corpus(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "corpus/answers.txt",
                "corpus/bank.yaml")
    assert run.code == 1
    problem = ("'problem solver' is a self-label, not evidence: Pick one problem - what was broken, what "
               "you tried, what fixed it, and the number that proves it. [buzzwords/self-labels]")
    assert run.stdout.splitlines() == [
        f"corpus/answers.txt:5:30: warning: {TEAM_PLAYER}",
        f"corpus/answers.txt:8:29: warning: {problem}",
        f"corpus/bank.yaml:18:13: warning: {TEAM_PLAYER}",
        f"corpus/bank.yaml:18:31: warning: {problem}",
        "Found 4 findings (4 warnings) in 2 files.",
    ]


def test_concise_line_shape_for_every_finding(monkeypatch):
    import re

    monkeypatch.chdir(ROOT)
    run = check("--format", "concise", "corpus/sample-bank.md", "corpus/bank.json")
    lines = run.stdout.splitlines()
    shape = re.compile(r"^corpus/[\w.-]+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+/[a-z0-9-]+\]$")
    assert all(shape.match(line) for line in lines[:-1]), lines
    assert lines[-1].startswith("Found ")


def test_json_document(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = check("--format", "json", "--select", "buzzwords,wiifm", "corpus/sample-bank.md")
    assert run.code == 1
    assert run.stderr == ""
    doc = json.loads(run.stdout)  # the whole of stdout is one JSON document
    assert doc["version"] == 1
    assert set(doc) >= {"version", "findings", "items"}
    first = doc["findings"][0]
    assert set(first) == {"path", "line", "column", "end_line", "end_column", "rule", "severity",
                          "message", "item", "suggestions"}
    team = next(f for f in doc["findings"] if f["message"].startswith("'team player'"))
    assert {k: team[k] for k in ("path", "line", "column", "end_line", "end_column", "rule", "severity")} == {
        "path": "corpus/sample-bank.md", "line": 16, "column": 18, "end_line": 16, "end_column": 29,
        "rule": "buzzwords/self-labels", "severity": "warning"}
    assert team["item"]["kind"] == "answer"
    assert team["item"]["index"] == 2
    assert team["item"]["question"] == "What is your greatest strength?"
    assert isinstance(team["suggestions"], list)
    salary = next(f for f in doc["findings"] if "salary" in f["message"])
    assert (salary["line"], salary["column"], salary["severity"]) == (74, 3, "error")
    assert salary["item"]["kind"] == "question" and salary["item"]["index"] == 4
    assert len(doc["items"]) == 14


def test_json_with_no_findings_is_still_one_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.md").write_text("# Q?\n\nIn 2023 I cut the build time from 40 to 12 minutes.\n")
    run = check("--format", "json", "--select", "buzzwords", "ok.md")
    assert run.code == 0
    doc = json.loads(run.stdout)
    assert doc["findings"] == []
    assert [(i["path"], i["kind"], i["index"], i["line"], i["words"]) for i in doc["items"]] == [
        ("ok.md", "answer", 1, 3, 12)]


def test_statistics(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = check("--statistics", "--select", "buzzwords", "corpus/sample-bank.md")
    assert run.code == 1
    rows = [line.split(None, 3)[:3] for line in run.stdout.splitlines()]
    assert rows == [["3", "buzzwords/self-labels", "warning"],
                    ["2", "buzzwords/generic-growth", "warning"],
                    ["2", "buzzwords/results-speak", "warning"],
                    ["1", "buzzwords/crisis", "warning"],
                    ["1", "buzzwords/fake-weaknesses", "warning"]]
    assert run.stdout.splitlines()[0].endswith(
        'Labels yourself ("team player", "problem solver") instead of showing the behaviour.')
    as_json = check("--statistics", "--format", "json", "--select", "buzzwords", "corpus/sample-bank.md").json
    assert as_json["statistics"][0] == {"rule": "buzzwords/self-labels", "count": 3, "severity": "warning"}


def test_text_format_shows_the_source_and_carets(bank):
    run = check("--select", "buzzwords/self-labels", "--no-color", "--no-suggestions", bank)
    assert run.stdout.splitlines() == [
        "warning[buzzwords/self-labels]: " + TEAM_PLAYER.rsplit(" [", 1)[0],
        "  --> bank.md:3:8",
        "  |",
        "3 | I am a team player.",
        "  |        ^^^^^^^^^^^",
        "  = answer to: What are your strengths?",
        "",
        "Found 1 finding (1 warning) in 1 file.",
    ]


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_other_formats_carry_the_same_positions(bank, fmt):
    run = check("--format", fmt, "--select", "buzzwords/self-labels", bank)
    assert run.code == 1
    if fmt == "github":
        assert run.stdout.startswith(
            "::warning file=bank.md,line=3,col=8,endLine=3,endColumn=19,title=buzzwords/self-labels::")
    else:
        region = json.loads(run.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 19}


# -- stages --------------------------------------------------------------------------------------

def _question_findings(*args: str) -> list[tuple]:
    found = findings("--select", "wiifm", *args, "--stdin-filename", "q.md", "-", input=QUESTIONS)
    return [(f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["severity"]) for f in found]


@pytest.mark.parametrize("stage,severity", [
    (None, "error"), ("screening", "error"), ("first-round", "error"),
    ("second-round", "info"), ("final-round", "info"), ("offer", "info")])
def test_salary_question_severity_by_stage(stage, severity):
    args = ("--stage", stage) if stage else ()
    assert _question_findings(*args) == [(4, 3, 4, 40, "wiifm/self-interest-topic", severity)]


def test_stage_option_decides_the_exit_code():
    assert check("--select", "wiifm", "--stage", "first-round", "-", input=QUESTIONS).code == 1
    assert check("--select", "wiifm", "--stage", "offer", "-", input=QUESTIONS).code == 0


def test_stage_from_the_bank_and_the_option_overriding_it(tmp_path):
    path = tmp_path / "q.md"
    path.write_text("---\nstage: offer\n---\n\n" + QUESTIONS)
    assert [f["severity"] for f in findings("--select", "wiifm", str(path))] == ["info"]
    assert [f["severity"] for f in findings("--select", "wiifm", "--stage", "screening", str(path))] == ["error"]


def test_corpus_offer_bank_has_no_failing_wiifm_findings():
    found = findings("--select", "wiifm", str(CORPUS / "offer-stage.yaml"))
    assert found and {f["severity"] for f in found} == {"info"}
    run = check("--select", "wiifm", str(CORPUS / "offer-stage.yaml"))
    assert run.code == 0


def test_challenge_impact_and_expectation_questions_never_flagged():
    for stage in ("screening", "first-round", "offer"):
        flagged_lines = {line for line, *_ in _question_findings("--stage", stage)}
        assert flagged_lines == {4}


# -- length rules --------------------------------------------------------------------------------

def test_one_word_answer_is_too_short():
    found = findings("--select", "length", "-", input="# Why should we hire you?\n\nYes.\n")
    assert [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [
        ("length/answer-too-short", 3, 1, 3, 5)]
    assert "(1 word" in found[0]["message"]


def test_600_word_answer_is_too_long():
    sentence = "In March I fixed the billing export for our finance team again. "  # 12 words
    body = sentence * 50
    found = findings("--select", "length", "-", input="# What does a normal week look like for you?\n\n" + body + "\n")
    assert [f["rule"] for f in found] == ["length/answer-too-long"]
    f = found[0]
    assert (f["line"], f["end_line"], f["end_column"]) == (3, 3, len(body.rstrip()) + 1)
    assert "600 words" in f["message"]
    # the finding covers the words past the limit: 2 minutes at 150 words per minute = 300 words
    assert f["column"] == len(sentence * 25) + 1


def test_length_rules_respect_words_per_minute(tmp_path):
    body = "In March I fixed the billing export for our finance team again. " * 12  # 144 words
    (tmp_path / "b.md").write_text("# Q?\n\n" + body + "\n")
    assert _rules("--select", "length", str(tmp_path / "b.md")) == []
    (tmp_path / ".answerlint.yaml").write_text("words-per-minute: 60\n")
    assert _rules("--select", "length", str(tmp_path / "b.md")) == ["length/answer-too-long"]


# -- rule documentation --------------------------------------------------------------------------

def test_rules_lists_every_rule():
    run = invoke("rules")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["rule", "severity", "kind", "summary"]
    ids = [line.split()[0] for line in lines[1:]]
    assert {"buzzwords/self-labels", "wiifm/self-interest-topic", "length/answer-too-long",
            "length/answer-too-short"} <= set(ids)
    as_json = json.loads(invoke("rules", "--format", "json").stdout)
    assert [r["id"] for r in as_json] == ids
    assert {k: as_json[0][k] for k in ("id", "severity", "kind")} == {
        "id": ids[0], "severity": lines[1].split()[1], "kind": lines[1].split()[2]}


def test_rule_explains_one_rule():
    run = invoke("rule", "buzzwords/self-labels")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines[0] == "buzzwords/self-labels"
    assert "kind: phrase    severity: warning    scope: answer" in lines
    assert "Why" in lines and "Flagged" in lines


def test_unknown_rule_id_exits_2():
    run = invoke("rule", "buzzwords/no-such-rule")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "answerlint: unknown rule 'buzzwords/no-such-rule'\n"
    run = invoke("rule", "self-labels")
    assert run.code == 2
    assert run.stderr == "answerlint: unknown rule 'self-labels' (did you mean buzzwords/self-labels?)\n"


def test_version():
    run = invoke("--version")
    assert run.code == 0 and run.stdout.startswith("answerlint ")


# -- a real process ------------------------------------------------------------------------------

def _process(*args: str, input: str | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    return subprocess.run([sys.executable, "-m", "answerlint", *args], input=input, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_real_process_json_errors_and_stdin(tmp_path):
    """One real ``answerlint`` process: a good file, a broken one and standard input together."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers: [\n")
    proc = _process("check", "--format", "json", "--select", "buzzwords/self-labels,buzzwords/fake-weaknesses",
                    "corpus/answers.txt", str(bad), "-", input="# Weakness?\n\nI'm a perfectionist.\n")
    assert proc.returncode == 2
    assert proc.stderr == f"answerlint: {bad}:2:1: invalid YAML: did not find expected node content\n"
    doc = json.loads(proc.stdout)
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in doc["findings"]] == [
        ("corpus/answers.txt", 5, 30, "buzzwords/self-labels"),
        ("corpus/answers.txt", 8, 29, "buzzwords/self-labels"),
        ("corpus/answers.txt", 8, 66, "buzzwords/fake-weaknesses"),
        ("-", 3, 7, "buzzwords/fake-weaknesses")]


@pytest.mark.parametrize("stage,severity", [("screening", "error"), ("first-round", "error"),
                                            ("second-round", "info"), ("final-round", "info"),
                                            ("offer", "info")])
def test_sample_bank_wiifm_questions_by_stage(stage, severity):
    """Lines 71-73 ask about the challenge, expectations and impact: never flagged."""
    found = findings("--select", "wiifm", "--stage", stage, str(CORPUS / "sample-bank.md"))
    assert [(f["line"], f["column"], f["severity"]) for f in found] == [
        (74, 3, severity), (75, 3, severity), (76, 3, severity)]
    assert {f["item"]["index"] for f in found} == {4, 5, 6}


@pytest.mark.parametrize("stage", [None, "screening", "second-round", "offer"])
def test_asking_what_you_get_follows_the_stage_too(stage):
    text = "# Questions to ask\n\n- What can you offer me?\n- What would you expect from me in the first 90 days?\n"
    args = ("--stage", stage) if stage else ()
    found = findings("--select", "wiifm", *args, "--stdin-filename", "q.md", "-", input=text)
    expected = "error" if stage in (None, "screening") else "info"
    assert [(f["rule"], f["line"], f["severity"]) for f in found] == [("wiifm/whats-in-it-for-me", 3, expected)]


def test_text_format_shows_suggestions_unless_asked_not_to(bank):
    with_suggestions = check("--select", "buzzwords/self-labels", "--no-color", bank).stdout.splitlines()
    without = check("--select", "buzzwords/self-labels", "--no-color", "--no-suggestions", bank).stdout.splitlines()
    assert [line for line in without if "= suggestion" in line] == []
    assert [line for line in with_suggestions if "= suggestion" not in line] == without
