"""--format junit (issue 9): JUnit XML for GitLab and Jenkins, one test case per item."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from answerlint.formatters.junit import _attr, _text
from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

BANK = ('# What are your strengths & "skills"?\n\nI am a team player.\n\n# Why us?\n\nI admire your products.\n\n'
        "# Questions to ask\n\n- How many vacation days do I get?\n")

EXPECTED = """<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="answerlint" tests="4" failures="2" errors="1">
  <testsuite name="bank.md" tests="3" failures="2" errors="0">
    <testcase name="answer 1: What are your strengths &amp; &quot;skills&quot;?" classname="bank.md" file="bank.md" line="3">
      <failure type="warning" message="1 finding: buzzwords/self-labels">bank.md:3:8: warning: 'team player' is a self-label, not evidence: Name one project, the people on it, what you did for them and what the team shipped. [buzzwords/self-labels]</failure>
    </testcase>
    <testcase name="answer 2: Why us?" classname="bank.md" file="bank.md" line="7"/>
    <testcase name="question 1: How many vacation days do I get?" classname="bank.md" file="bank.md" line="11">
      <failure type="error" message="1 finding: wiifm/self-interest-topic">bank.md:11:3: error: Question about time off ('vacation days') asks what you get: Time off belongs in the offer conversation; until then, ask about the work and the team. [wiifm/self-interest-topic]</failure>
    </testcase>
  </testsuite>
  <testsuite name="gone.md" tests="1" failures="0" errors="1">
    <testcase name="gone.md" classname="gone.md" file="gone.md">
      <error type="error" message="no such file or directory">gone.md: no such file or directory</error>
    </testcase>
  </testsuite>
</testsuites>
"""


def test_exact_xml_on_a_small_bank(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(BANK)
    run = check("--format", "junit", "--select", "buzzwords,wiifm", "bank.md", "gone.md")
    assert run.code == 2
    assert run.stdout == EXPECTED
    root = ET.fromstring(run.stdout.encode("utf-8"))
    assert root.tag == "testsuites" and [s.get("name") for s in root] == ["bank.md", "gone.md"]
    cases = root.find("testsuite").findall("testcase")
    assert [c.get("name") for c in cases] == ['answer 1: What are your strengths & "skills"?', "answer 2: Why us?",
                                             "question 1: How many vacation days do I get?"]
    assert [c.find("failure") is not None for c in cases] == [True, False, True]
    assert cases[2].find("failure").text.startswith("bank.md:11:3: error: Question about time off")


def test_several_findings_share_one_failure_and_bank_findings_get_their_own_case(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# What are your strengths?\n\nA team player and a problem solver.\n\n"
                                      "I led it. <!-- answerlint: disable-line=wiifm -->\n")
    run = check("--format", "junit", "--select", "buzzwords,wiifm,suppressions", "bank.md")
    root = ET.fromstring(run.stdout)
    cases = root.find("testsuite").findall("testcase")
    assert [(c.get("name"), c.get("line")) for c in cases] == [("bank.md", None),
                                                              ("answer 1: What are your strengths?", "3")]
    assert cases[0].find("failure").get("type") == "info"
    failure = cases[1].find("failure")
    assert failure.get("message") == "2 findings: buzzwords/self-labels"
    assert [line.split(": ")[0] for line in failure.text.splitlines()] == ["bank.md:3:3", "bank.md:3:21"]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "2", "0")


def test_text_xml_cannot_hold_is_replaced_and_newlines_survive_in_attributes():
    assert _attr("a\nb\x01]]>") == '"a&#10;b\ufffd]]&gt;"'
    assert _text("<&\x0b>") == "&lt;&amp;\ufffd&gt;"
    value = _attr("a\nb")
    assert ET.fromstring(f"<x a={value}/>").get("a") == "a\nb"


def test_a_clean_bank_is_all_passing_cases(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Why us?\n\nI admire your products.\n")
    run = check("--format", "junit", "--select", "buzzwords", "bank.md")
    assert run.code == 0
    assert run.stdout == ('<?xml version="1.0" encoding="UTF-8"?>\n'
                          '<testsuites name="answerlint" tests="1" failures="0" errors="0">\n'
                          '  <testsuite name="bank.md" tests="1" failures="0" errors="0">\n'
                          '    <testcase name="answer 1: Why us?" classname="bank.md" file="bank.md" line="3"/>\n'
                          '  </testsuite>\n</testsuites>\n')
