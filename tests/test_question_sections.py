"""Markdown candidate-question sections found by the heading's meaning (readers/headings.py), and
``check --verbose`` saying which section was taken (issue 9)."""

from __future__ import annotations

import pytest

from answerlint.readers import read_bank
from answerlint.readers.headings import classify, lemma, words

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

OWN = ["Questions to ask the interviewer", "Questions I'd ask", "Questions I\u2019d ask", "Questions for you",
       "My questions for them", "Things to ask", "What I'll ask", "Questions to ask", "QUESTIONS TO ASK",
       "**Questions to Ask**:", "Questions for the interviewer", "My questions", "Questions I will ask",
       "Questions for the hiring manager", "Final questions for the panel", "Questions for me to ask",
       "Ask them", "Questions I want to ask them", "Inquiries for the employer", "Reverse interview"]
NOT_OWN = ["What questions do you have for me?", "Do you have any questions?", "Do you have any questions for us?",
           "Questions I was asked", "Questions I got asked", "Questions they might ask",
           "Questions the interviewer may ask", "Interview questions", "Behavioral questions", "Questions",
           "Questions about my experience", "Tell me about a time you asked for help",
           "How do you handle questions from clients?", "Asking for help", "What would you ask us?",
           "Describe a time you questioned a decision", "Tell me about yourself"]


def test_words_and_lemmas():
    assert words("Questions I\u2019d ask **them**:") == ["questions", "i", "would", "ask", "them"]
    assert words("What I'll ask, and what I can't") == ["what", "i", "will", "ask", "and", "what", "i", "can", "not"]
    assert [lemma(w) for w in ("questions", "asked", "asking", "inquiries", "queries", "interviewers", "things",
                               "companies", "business")] == [
        "question", "ask", "ask", "inquiry", "query", "interviewer", "thing", "company", "business"]


@pytest.mark.parametrize("heading", OWN)
def test_headings_naming_the_candidates_questions(heading):
    assert classify(heading)[0] is True
    bank = read_bank("b.md", f"# {heading}\n\n- Is there a signing bonus?\n- Is it remote?\n")
    assert [(i.role, i.text) for i in bank.items] == [("question", "Is there a signing bonus?"),
                                                       ("question", "Is it remote?")]


@pytest.mark.parametrize("heading", NOT_OWN)
def test_headings_that_are_interview_questions(heading):
    assert classify(heading)[0] is False
    bank = read_bank("b.md", f"# {heading}\n\nI asked my lead for a review.\n")
    assert [(i.role, i.question) for i in bank.items] == [("answer", heading)]


@pytest.mark.parametrize("heading, why", [
    ("Questions I'd ask", "asked by 'i'"), ("Things to ask", "'to ask'"), ("Questions for you", "addressed to 'you'"),
    ("My questions", "'my' questions"), ("What questions do you have for me?", "asked of the candidate ('you' as the subject)"),
    ("Questions I was asked", "questions the candidate was asked ('i ... asked')"),
    ("Questions they might ask", "asked by the other side ('they')"), ("Interview questions", "no asker or addressee"),
    ("Tell me about a time you asked", "an interview prompt ('tell')"), ("Strengths", "no question word")])
def test_why(heading, why):
    assert classify(heading)[1] == why


def test_configured_names_replace_the_meaning():
    text = "# Questions I'd ask\n\n- Is it remote?\n\n# Ask them\n\n- Is there a bonus?\n"
    assert [(i.role, i.question) for i in read_bank("b.md", text).items] == [("question", None), ("question", None)]
    assert [(i.role, i.question) for i in read_bank("b.md", text, ("Ask them:",)).items] == [
        ("answer", "Questions I'd ask"), ("question", None)]


def test_sub_headings_stay_in_the_questions_section():
    text = "# Questions I'd ask\n\n## About the team\n\n- Who owns releases?\n\n## My questions\n\n- Is it remote?\n"
    bank = read_bank("b.md", text)
    assert [(i.role, i.text) for i in bank.items] == [("question", "Who owns releases?"), ("question", "Is it remote?")]
    assert bank.question_sections == [('heading "Questions I\'d ask"', 2)]


BANK = """\
# Tell me about yourself

I run the payroll team at a 300-person retailer and cut month-end close by two days.

## What questions do you have for me?

I would like to know how the team measures success.

## Questions I'd ask

- What is the salary for this role?
- How will you measure success in this role after six months?
"""

SALARY = ("b.md:11:3: error: Question about pay ('salary') asks what you get: Pay belongs in the offer "
          "conversation; until then, ask about the work. [wiifm/self-interest-topic]\n")


@pytest.mark.parametrize("heading", ["Questions to ask the interviewer", "Questions I'd ask", "Questions for you",
                                     "My questions for them", "Things to ask", "What I'll ask"])
def test_salary_question_in_such_a_section_is_flagged(tmp_path, monkeypatch, heading):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.md").write_text(BANK.replace("Questions I'd ask", heading))
    run = check("--select", "wiifm", "--format", "concise", "b.md")
    assert (run.code, run.stdout, run.stderr) == (1, SALARY + "Found 1 finding (1 error) in 1 file.\n", "")


def test_verbose_says_which_section_was_taken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.md").write_text(BANK)
    run = check("--select", "wiifm", "--format", "concise", "--verbose", "b.md")
    assert (run.code, run.stdout) == (1, SALARY + "Found 1 finding (1 error) in 1 file.\n")
    assert run.stderr == (
        "answerlint: notice: b.md: candidate questions from heading \"Questions I'd ask\" (line 9); "
        "read 2 answers and 2 questions\n"
        "answerlint: notice: b.md:5: heading \"What questions do you have for me?\" read as an interview question, "
        "not the candidate's questions: asked of the candidate ('you' as the subject)\n")


def test_verbose_without_a_questions_section_and_for_yaml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Interview questions\n\n## Why us?\n\nYour product saved my team a week.\n")
    (tmp_path / "b.yaml").write_text("answers:\n  - question: Why us?\n    answer: I use it daily.\n"
                                     "questions:\n  - Is there a bonus?\n")
    run = check("--select", "wiifm", "--format", "concise", "-v", "a.md", "b.yaml")
    assert run.code == 1
    assert run.stderr == (
        "answerlint: notice: a.md: no candidate-questions section; read 1 answer and 0 questions\n"
        "answerlint: notice: a.md:1: heading \"Interview questions\" read as an interview question, "
        "not the candidate's questions: no asker or addressee\n"
        "answerlint: notice: b.yaml: candidate questions from key 'questions' (line 4); "
        "read 1 answer and 1 question\n")


def test_without_verbose_nothing_on_stderr_and_clean_exit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.md").write_text("# Things to ask\n\n- How will you measure success after six months?\n")
    run = check("--select", "wiifm", "--format", "concise", "b.md")
    assert (run.code, run.stdout, run.stderr) == (0, "All clear: no findings.\n", "")
