"""Findings point at exactly the offending text of the original file, whatever the format."""

from __future__ import annotations

import pytest

from clirun import CORPUS, covered, fast_cli, findings  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

SELF = "buzzwords/self-labels"
FAKE = "buzzwords/fake-weaknesses"
RESULTS = "buzzwords/results-speak"
CRISIS = "buzzwords/crisis"

PHRASES = {
    "team player": SELF, "problem solver": SELF, "perfectionist": FAKE,
    "result-oriented": RESULTS, "good with solving crisis situations": CRISIS,
}

# (phrase, line, column, end_column) of the five classic phrases in each corpus bank.
PINNED = {
    "sample-bank.md": [("team player", 16, 18, 29), ("problem solver", 16, 36, 50),
                       ("perfectionist", 21, 7, 20), ("result-oriented", 26, 10, 25),
                       ("good with solving crisis situations", 26, 34, 69)],
    # literal | (18), folded > (24), folded >- (30, 31)
    "bank.yaml": [("team player", 18, 13, 24), ("problem solver", 18, 31, 45),
                  ("perfectionist", 24, 25, 38), ("result-oriented", 30, 31, 46),
                  ("good with solving crisis situations", 31, 7, 42)],
    "answers.txt": [("team player", 5, 30, 41), ("problem solver", 8, 29, 43),
                    ("perfectionist", 8, 66, 79), ("result-oriented", 11, 10, 25),
                    ("good with solving crisis situations", 11, 30, 65)],
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_classic_phrases_at_pinned_positions(name):
    path = CORPUS / name
    source = path.read_text(encoding="utf-8")
    found = findings("--select", "buzzwords", str(path))
    for phrase, line, column, end_column in PINNED[name]:
        hits = [f for f in found if f["line"] == line and f["column"] == column]
        assert len(hits) == 1, f"{phrase!r} not flagged at {name}:{line}:{column}: {found}"
        f = hits[0]
        assert f["rule"] == PHRASES[phrase]
        assert (f["end_line"], f["end_column"]) == (line, end_column)
        assert covered(source, f) == phrase
        assert f["path"] == str(path)


def test_every_buzzword_finding_covers_its_quoted_phrase():
    """Messages quote the matched phrase; the span must cover exactly that text."""
    for name in ("sample-bank.md", "bank.yaml", "answers.txt", "bank.json"):
        path = CORPUS / name
        source = path.read_text(encoding="utf-8")
        for f in findings("--select", "buzzwords", str(path)):
            quoted = f["message"].split("'")[1]
            assert " ".join(covered(source, f).split()) == quoted, (name, f)


def _lint(tmp_path, name: str, content: str | bytes, *args: str) -> tuple[str, list[dict]]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    source = path.read_bytes().decode("utf-8")
    return source, findings("--select", "buzzwords", *args, str(path))


def _only(found: list[dict], rule: str = SELF) -> list[tuple]:
    return [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found if f["rule"] == rule]


def test_phrase_across_lines_in_folded_yaml(tmp_path):
    source, found = _lint(tmp_path, "bank.yaml", (
        "answers:\n"
        "  - question: What are your strengths?\n"
        "    answer: >\n"
        "      In short, I am a team\n"
        "      player and a problem solver.\n"))
    assert _only(found) == [(4, 24, 5, 13), (5, 20, 5, 34)]
    assert covered(source, found[0]) == "team\n      player"
    assert covered(source, found[1]) == "problem solver"


def test_phrase_across_lines_in_markdown_paragraph(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "# What are your strengths?\n"
        "\n"
        "In short, I am a team\n"
        "player and a problem\n"
        "solver.\n"))
    assert _only(found) == [(3, 18, 4, 7), (4, 14, 5, 7)]
    assert covered(source, found[0]) == "team\nplayer"
    assert covered(source, found[1]) == "problem\nsolver"


def test_double_quoted_yaml_with_escapes(tmp_path):
    line = r'    answer: "She said \"hi\" at the caf\u00e9 \x41 and I am a team player."'
    source, found = _lint(tmp_path, "bank.yaml", "answers:\n  - question: Q?\n" + line + "\n")
    column = line.index("team player") + 1
    assert _only(found) == [(3, column, 3, column + len("team player"))]
    assert covered(source, found[0]) == "team player"


def test_double_quoted_yaml_folded_over_lines(tmp_path):
    source, found = _lint(tmp_path, "bank.yaml", (
        "answers:\n"
        "  - question: Q?\n"
        '    answer: "I said \\"yes\\", as a team\n'
        "      player.\\\n"
        '      \\ And a problem solver."\n'))
    assert _only(found) == [(3, 35, 4, 13), (5, 15, 5, 29)]
    assert covered(source, found[0]) == "team\n      player"
    assert covered(source, found[1]) == "problem solver"


def test_single_quoted_yaml_with_doubled_quotes(tmp_path):
    line = "    answer: 'It''s true: I''m a team player and a problem solver.'"
    source, found = _lint(tmp_path, "bank.yaml", "answers:\n  - question: Q?\n" + line + "\n")
    col = line.index("team player") + 1
    col2 = line.index("problem solver") + 1
    assert _only(found) == [(3, col, 3, col + 11), (3, col2, 3, col2 + 14)]
    assert [covered(source, f) for f in found] == ["team player", "problem solver"]


def test_plain_multiline_yaml_scalar(tmp_path):
    source, found = _lint(tmp_path, "bank.yaml", (
        "answers:\n"
        "  - question: Q?\n"
        "    answer: I am, in short,\n"
        "      a team player.  # a comment, not the answer: problem solver\n"))
    assert _only(found) == [(4, 9, 4, 20)]
    assert covered(source, found[0]) == "team player"


def test_literal_block_keep_and_strip(tmp_path):
    source, found = _lint(tmp_path, "bank.yaml", (
        "answers:\n"
        "  - question: Q?\n"
        "    answer: |-\n"
        "      First line.\n"
        "\n"
        "        An indented team player.\n"
        "  - question: Q2?\n"
        "    answer: >+\n"
        "      I'm a perfectionist.\n"
        "\n"))
    assert _only(found) == [(6, 21, 6, 32)]
    assert _only(found, FAKE) == [(9, 13, 9, 26)]
    assert [covered(source, f) for f in found] == ["team player", "perfectionist"]


def test_json_with_escapes_before_the_phrase(tmp_path):
    line = r'{"answers": [{"question": "Q?", "answer": "Line one.\nCaf\u00e9 \"x\" \/ \ud83d\ude00 \t I am a team player."}]}'
    source, found = _lint(tmp_path, "bank.json", line + "\n")
    col = line.index("team player") + 1
    assert _only(found) == [(1, col, 1, col + 11)]
    assert covered(source, found[0]) == "team player"


def test_json_pretty_printed(tmp_path):
    source, found = _lint(tmp_path, "bank.json", (
        '{\n'
        '  "stage": "second-round",\n'
        '  "answers": [\n'
        '    {"question": "Q?",\n'
        '     "answer": "\\u00c9cole: I\'m a perfectionist."}\n'
        '  ]\n'
        '}\n'))
    assert _only(found, FAKE) == [(5, 35, 5, 48)]
    assert covered(source, found[0]) == "perfectionist"


def test_markdown_emphasis_and_code_span(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "# Q?\n"
        "\n"
        "I am a **team player**, a _problem solver_ and a `perfectionist`.\n"))
    assert _only(found) == [(3, 10, 3, 21), (3, 28, 3, 42)]
    assert _only(found, FAKE) == [(3, 51, 3, 64)]
    assert [covered(source, f) for f in found] == ["team player", "problem solver", "perfectionist"]


def test_markdown_link_text_flagged_url_never(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "# Q?\n"
        "\n"
        "See [team player](https://x.y/problem-solver/team-player) and https://a.b/perfectionist here.\n"))
    assert _only(found) == [(3, 6, 3, 17)]
    assert _only(found, FAKE) == []
    assert covered(source, found[0]) == "team player"
    assert len(found) == 1


def test_markdown_hidden_text_never_flagged(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "---\n"
        "stage: screening\n"
        "role: team player\n"
        "---\n"
        "\n"
        "# What are your strengths?\n"
        "\n"
        "```text\n"
        "I am a team player.\n"
        "```\n"
        "\n"
        "<!-- I am a problem solver. -->\n"
        "<!--\n"
        "I'm a perfectionist.\n"
        "-->\n"
        "\n"
        "    I am a team player in an indented code block.\n"
        "\n"
        "~~~\n"
        "result-oriented\n"
        "~~~\n"
        "\n"
        "I am a <!-- team player --> perfectionist.\n"))
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [(FAKE, 23, 29)]
    assert covered(source, found[0]) == "perfectionist"


def test_crlf_line_endings(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "# Q?\r\n\r\nI am a team player\r\nand a problem\r\nsolver.\r\n"))
    assert _only(found) == [(3, 8, 3, 19), (4, 7, 5, 7)]
    assert covered(source, found[0]) == "team player"
    assert covered(source, found[1]) == "problem\r\nsolver"


def test_crlf_yaml_and_text(tmp_path):
    source, found = _lint(tmp_path, "bank.yaml", (
        "answers:\r\n  - question: Q?\r\n    answer: >\r\n      I am a team\r\n      player.\r\n"))
    assert _only(found) == [(4, 14, 5, 13)]
    assert covered(source, found[0]) == "team\r\n      player"
    source, found = _lint(tmp_path, "bank.txt", "Intro.\r\n\r\nI'm a perfectionist.\r\n")
    assert _only(found, FAKE) == [(3, 7, 3, 20)]


def test_utf8_bom_and_non_ascii_columns_count_characters(tmp_path):
    source, found = _lint(tmp_path, "bank.md", "\ufeff# Qué?\n\nÉté, naïve: I am a team player.\n")
    # the BOM is not a character of the text; "É", "é" and "ï" count one column each
    assert _only(found) == [(3, 20, 3, 31)]


def test_markdown_hard_line_break(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "# Q?\n\nI am a team player\\\nand a perfectionist.  \nAlso a problem solver.\n"))
    assert _only(found) == [(3, 8, 3, 19), (5, 8, 5, 22)]
    assert _only(found, FAKE) == [(4, 7, 4, 20)]


def test_markdown_lists_quotes_and_setext_headings(tmp_path):
    source, found = _lint(tmp_path, "bank.md", (
        "Strengths?\n"
        "==========\n"
        "\n"
        "> I am a team player\n"
        "> and more.\n"
        "\n"
        "- first, a problem\n"
        "  solver\n"
        "1. then a perfectionist\n"))
    assert _only(found) == [(4, 10, 4, 21), (7, 12, 8, 9)]
    assert _only(found, FAKE) == [(9, 11, 9, 24)]
    assert [covered(source, f) for f in found] == ["team player", "problem\n  solver", "perfectionist"]
