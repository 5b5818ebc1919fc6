"""Readers: which answers and candidate questions a bank holds, in every format."""

from __future__ import annotations

import pytest

from answerlint.errors import InputError
from answerlint.readers import decode, format_for, read_bank
from clirun import CORPUS, check, fast_cli, findings  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")


def _bank(name: str, question_sections: tuple[str, ...] = ()):
    path = CORPUS / name
    return read_bank(name, path.read_text(encoding="utf-8"), question_sections)


def _shape(bank) -> list[tuple]:
    return [(i.role, i.index, i.question, i.kind) for i in bank.items]


def test_markdown_corpus_bank_structure():
    bank = _bank("sample-bank.md")
    assert (bank.format, bank.stage, bank.role) == ("markdown", "first-round", "Backend Engineer")
    answers = [(i.index, i.question) for i in bank.answers]
    assert answers == [
        (1, "Tell me about yourself."),
        (2, "What is your greatest strength?"),
        (3, "What is your greatest weakness?"),
        (4, "Why should we hire you?"),
        (5, "Tell me about a time you handled a production incident."),
        (6, "Describe a technical decision you are proud of."),
        (7, "How do you work with people who disagree with you?"),
        (8, "Where do you see yourself in five years?"),
    ]
    assert [i.kind for i in bank.answers][:1] == ["intro"]
    assert bank.answers[4].kind == "behavioral"
    assert [(i.index, i.text) for i in bank.questions] == [
        (1, "What is the biggest technical challenge the team will face in the next year?"),
        (2, "What would you expect me to have delivered after my first 90 days?"),
        (3, "How does the settlement work affect the company's customers and revenue?"),
        (4, "What is the salary for this position?"),
        (5, "How many vacation days do I get?"),
        (6, "What benefits does the company offer?"),
    ]
    assert all(i.kind == "question" and i.question is None for i in bank.questions)


def test_markdown_never_reads_code_comments_or_urls():
    bank = _bank("sample-bank.md")
    decision = bank.answers[5].text
    assert "statistics" not in decision and "p99" not in decision
    assert decision.endswith("The small script I used to compare the two looked like this:")
    disagree = bank.answers[6].text
    assert "Note to self" not in disagree
    assert disagree.startswith("Last spring a product manager")
    assert "example.com" not in disagree
    assert disagree.endswith("I keep my notes from that project in a short write-up.")
    assert all("stage:" not in i.text for i in bank.items)


def test_yaml_corpus_bank_structure():
    bank = _bank("bank.yaml")
    assert (bank.format, bank.stage, bank.role) == ("yaml", "second-round", "Data Analyst")
    assert [(i.index, i.kind) for i in bank.answers] == [
        (1, "intro"), (2, "general"), (3, "general"), (4, "general"),
        (5, "behavioral"), (6, "behavioral"), (7, "general"), (8, "behavioral")]
    assert bank.answers[0].question == "Tell me about yourself."
    assert bank.answers[1].text == ("I'm a team player and a problem solver. People know they can "
                                    "count on me, and I always deliver.")
    assert bank.answers[5].text == ("I just work harder and make it happen. I'm very dedicated and I "
                                    "never miss a deadline, whatever it takes.")
    assert bank.answers[6].text == ("I like your company and I think the role would be a great next "
                                    "step for my career.")
    questions = [i.text for i in bank.questions]
    assert questions[:5] == [
        "What is the biggest data quality problem you are dealing with at the moment?",
        "How will you measure whether I'm doing well after six months?",
        "Which decisions in the company currently depend on the analytics team?",
        "How much is the annual bonus?",
        "Can I work remotely most of the week?",
    ]
    assert [i.index for i in bank.questions] == list(range(1, len(questions) + 1))


def test_json_corpus_bank_structure():
    bank = _bank("bank.json")
    assert (bank.format, bank.stage, bank.role) == ("json", "final-round", "Product Designer")
    assert _shape(bank)[:6] == [
        ("answer", 1, "Walk me through your background.", "intro"),
        ("answer", 2, "Tell me about a design you changed because of user research.", "behavioral"),
        ("answer", 3, "How do you handle feedback on your work?", "general"),
        ("answer", 4, "Tell me about a time you missed a deadline.", "behavioral"),
        ("answer", 5, "How do you work with engineers?", "behavioral"),
        ("answer", 6, "What kind of design work energises you?", "general"),
    ]
    assert [i.text for i in bank.questions] == [
        "What are the design team's biggest challenges this year?",
        "How would you judge whether I had a good first quarter?",
        "Which product decisions does design have the most influence over?",
        "What does the parental leave policy look like?",
        "Do employees get a budget for home-office equipment?",
        "How flexible are the working hours?",
    ]


def test_text_corpus_bank_structure():
    bank = _bank("answers.txt")
    assert (bank.format, bank.stage, bank.role) == ("text", None, None)
    assert [(i.role, i.index) for i in bank.items] == (
        [("answer", n) for n in range(1, 8)] + [("question", n) for n in range(1, 5)])
    # an answer holding one question sentence stays an answer
    assert "Why did I start with phone calls?" in bank.answers[6].text
    assert [i.text for i in bank.questions] == [
        "Is the salary negotiable? How many days of annual leave do I get?",
        "What are the most common complaints you hear from learners about your current courses?",
        "Will I be able to work from home?",
        "How would you measure the success of the first course I build for you?",
    ]
    assert bank.answers[0].text.startswith("I have been a primary school teacher")
    assert bank.answers[0].text.endswith("with a 92% pass rate.")


def test_json_items_report_the_contract_fields():
    run = check("--format", "json", "--select", "buzzwords", str(CORPUS / "answers.txt"))
    items = run.json["items"]
    assert [(i["kind"], i["index"], i["line"]) for i in items] == [
        ("answer", 1, 1), ("answer", 2, 5), ("answer", 3, 8), ("answer", 4, 11), ("answer", 5, 14),
        ("answer", 6, 19), ("answer", 7, 22), ("question", 1, 28), ("question", 2, 30),
        ("question", 3, 32), ("question", 4, 34)]
    first = items[0]
    assert set(first) >= {"path", "kind", "index", "question", "line", "words", "speaking_seconds",
                          "readability"}
    assert first["path"] == str(CORPUS / "answers.txt")
    assert first["question"] is None
    assert first["words"] == 46
    assert first["speaking_seconds"] == 18.4  # 46 words at 150 words per minute
    assert set(first["readability"]) == {"flesch_reading_ease", "flesch_kincaid_grade"}


def test_json_items_of_a_markdown_bank_name_their_questions():
    items = check("--format", "json", "--select", "buzzwords", str(CORPUS / "sample-bank.md")).json["items"]
    assert [(i["kind"], i["index"], i["question"], i["line"]) for i in items[:2]] == [
        ("answer", 1, "Tell me about yourself.", 8), ("answer", 2, "What is your greatest strength?", 16)]
    assert [(i["kind"], i["index"], i["line"]) for i in items[-6:]] == [
        ("question", n, 70 + n) for n in range(1, 7)]


def test_questions_to_ask_section_variants(tmp_path):
    text = (
        "# Interview prep\n"
        "\n"
        "## Tell me about a conflict.\n"
        "\n"
        "I disagreed with a colleague in 2023 about a release date.\n"
        "\n"
        "## Questions to ask:\n"
        "\n"
        "What does success look like\n"
        "in the first year?\n"
        "\n"
        "How is the team organised?\n"
        "\n"
        "- What is the salary?\n"
        "* How big is the team?\n"
        "\n"
        "### Later rounds\n"
        "\n"
        "1. How are on-call weeks paid?\n"
        "\n"
        "## Closing thoughts\n"
        "\n"
        "Thank you for your time.\n")
    bank = read_bank("prep.md", text)
    assert [(i.role, i.index, i.question, i.text) for i in bank.items] == [
        ("answer", 1, "Tell me about a conflict.", "I disagreed with a colleague in 2023 about a release date."),
        ("question", 1, None, "What does success look like in the first year?"),
        ("question", 2, None, "How is the team organised?"),
        ("question", 3, None, "What is the salary?"),
        ("question", 4, None, "How big is the team?"),
        ("question", 5, None, "How are on-call weeks paid?"),
        ("answer", 2, "Closing thoughts", "Thank you for your time."),
    ]


@pytest.mark.parametrize("heading", ["Questions to ask", "QUESTIONS TO ASK", "**Questions to Ask**",
                                     "Questions for the interviewer", "My questions"])
def test_question_section_heading_is_case_insensitive(heading):
    bank = read_bank("b.md", f"# {heading}\n\n- Is there a signing bonus?\n")
    assert [(i.role, i.text) for i in bank.items] == [("question", "Is there a signing bonus?")]


def test_question_sections_are_configurable(tmp_path):
    text = "# Ask them\n\n- Is there a signing bonus?\n\n# Questions to ask\n\nIs it remote?\n"
    bank = read_bank("b.md", text, ("ask them",))
    assert [(i.role, i.question, i.text) for i in bank.items] == [
        ("question", None, "Is there a signing bonus?"),
        ("answer", "Questions to ask", "Is it remote?")]
    (tmp_path / "b.md").write_text(text)
    (tmp_path / ".answerlint.yaml").write_text("question-sections: [Ask them]\nselect: [wiifm]\n")
    found = findings(str(tmp_path / "b.md"))
    assert [(f["rule"], f["line"], f["column"], f["item"]["kind"]) for f in found] == [
        ("wiifm/self-interest-topic", 3, 3, "question")]


def test_plain_text_question_paragraphs():
    text = ("I led the 2023 migration and cut costs by 12%.\n"
            "\n"
            "What would you expect in my first 90 days? Who would I work with?\n"
            "\n"
            "\"Is the salary negotiable?\"\n"
            "\n"
            "I asked myself why it failed. Was it the data? It was the schema.\n")
    bank = read_bank("a.txt", text)
    assert [(i.role, i.index, i.kind) for i in bank.items] == [
        ("answer", 1, "general"), ("question", 1, "question"), ("question", 2, "question"),
        ("answer", 2, "general")]


def test_yaml_answer_kind_is_taken_from_the_bank_or_inferred():
    text = ("answers:\n"
            "  - question: Tell me about a time you failed.\n"
            "    answer: In 2022 I shipped a bug.\n"
            "  - question: Tell me about a time you failed.\n"
            "    kind: weakness\n"
            "    answer: In 2022 I shipped a bug.\n"
            "  - answer: No question at all.\n"
            "  - question: Empty answer\n"
            "    answer:\n")
    bank = read_bank("b.yaml", text)
    assert _shape(bank) == [("answer", 1, "Tell me about a time you failed.", "failure-or-mistake"),
                            ("answer", 2, "Tell me about a time you failed.", "weakness"),
                            ("answer", 3, None, "general")]


def test_yaml_questions_only_and_stage_role():
    bank = read_bank("q.yml", "stage: offer\nrole: SRE\nquestions:\n  - Is there a pension?\n  - 'How is on-call paid?'\n")
    assert (bank.stage, bank.role) == ("offer", "SRE")
    assert [(i.role, i.index, i.text) for i in bank.items] == [
        ("question", 1, "Is there a pension?"), ("question", 2, "How is on-call paid?")]


def test_format_is_chosen_by_extension():
    assert [format_for(p) for p in ("a.md", "A.MARKDOWN", "b.yaml", "b.YML", "c.json", "d.txt", "e.rst")] == [
        "markdown", "markdown", "yaml", "yaml", "json", "text", None]


def test_decode_strips_bom_and_rejects_bad_bytes():
    assert decode("a.md", "\ufeff# Q?\n".encode("utf-8")) == "# Q?\n"
    with pytest.raises(InputError) as err:
        decode("a.md", b"# Q?\n\ncaf\xe9\n")
    assert str(err.value) == "a.md:3: not valid UTF-8 (byte 0xe9)"


def test_stdin_without_filename_is_markdown():
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "-",
                input="# Strengths?\n\nI am a team player.\n")
    assert run.code == 1
    assert run.stdout.splitlines()[0] == (
        "-:3:8: warning: 'team player' is a self-label, not evidence: Name one project, the people on "
        "it, what you did for them and what the team shipped. [buzzwords/self-labels]")
    assert run.stderr == ""


def test_stdin_filename_picks_the_format_and_the_name():
    yaml_bank = "answers:\n  - question: Q?\n    answer: I'm a perfectionist.\n"
    found = findings("--select", "buzzwords", "--stdin-filename", "banks/me.yaml", "-", input=yaml_bank)
    assert [(f["path"], f["line"], f["column"], f["end_column"], f["rule"]) for f in found] == [
        ("banks/me.yaml", 3, 19, 32, "buzzwords/fake-weaknesses")]
    json_bank = '{"questions": ["What is the salary?"]}'
    found = findings("--select", "wiifm", "--stdin-filename", "q.json", "-", input=json_bank)
    assert [(f["path"], f["line"], f["column"], f["end_column"], f["severity"]) for f in found] == [
        ("q.json", 1, 17, 36, "error")]
    text_bank = "I am a team player.\n\nIs the salary negotiable?\n"
    found = findings("--select", "buzzwords,wiifm", "--stdin-filename", "a.txt", "-", input=text_bank)
    assert [(f["rule"], f["line"], f["item"]["kind"]) for f in found] == [
        ("buzzwords/self-labels", 1, "answer"), ("wiifm/self-interest-topic", 3, "question")]


def test_stdin_filename_finds_the_config_next_to_it(tmp_path, monkeypatch):
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / ".answerlint.yaml").write_text("ignore: [buzzwords/self-labels]\n")
    monkeypatch.chdir(tmp_path)
    bank = "# Q?\n\nI am a team player and a perfectionist.\n"
    inside = findings("--select", "buzzwords", "--stdin-filename", "team/me.md", "-", input=bank)
    outside = findings("--select", "buzzwords", "--stdin-filename", "me.md", "-", input=bank)
    assert [f["rule"] for f in inside] == ["buzzwords/fake-weaknesses"]
    assert [f["rule"] for f in outside] == ["buzzwords/self-labels", "buzzwords/fake-weaknesses"]


def test_directories_are_walked_in_order_honouring_exclude(tmp_path, monkeypatch):
    for rel in ("b/one.md", "a/two.yaml", "a/skip/three.md", "notes.rst", ".hidden/four.md",
                "node_modules/five.md", "a/six.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".yaml"):
            path.write_text("answers:\n  - answer: I am a team player.\n")
        else:
            path.write_text("# Q?\n\nI am a team player.\n")
    (tmp_path / ".answerlint.yaml").write_text("exclude: [skip, '*.txt']\n")
    monkeypatch.chdir(tmp_path)
    found = findings("--select", "buzzwords/self-labels", ".")
    assert [f["path"] for f in found] == ["a/two.yaml", "b/one.md"]


def test_a_directory_without_banks_warns_and_exits_0(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.rst").write_text("Not a bank.\n")
    run = check("--format", "json")
    assert run.code == 0
    assert run.json["findings"] == [] and run.json["items"] == []
    assert run.stderr == ("answerlint: warning: no answer banks found (looked for .json, .markdown, .md, "
                          ".txt, .yaml, .yml files; see `exclude`)\n")


def test_stdin_filename_alone_reads_standard_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.md").write_text("# Q?\n\nI'm a perfectionist.\n")  # not linted: stdin is
    found = findings("--select", "buzzwords", "--stdin-filename", "me.md", input="# Q?\n\nI am a team player.\n")
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in found] == [
        ("me.md", 3, 8, "buzzwords/self-labels")]
