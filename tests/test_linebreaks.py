"""Line breaks are LF, CRLF and CR, everywhere a position is computed; NEL, U+2028 and the other
characters Python's ``splitlines`` splits on are not (editors do not show them as new lines)."""

from __future__ import annotations

import pytest

from answerlint.lines import LineIndex, split_lines
from clirun import covered, fast_cli, findings  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")
SELF = "buzzwords/self-labels"


def test_line_index_counts_lf_crlf_and_cr():
    index = LineIndex("a\rbb\r\nc\nd\u2028e\x85f")
    assert [index.position(i) for i in (0, 2, 3, 6, 8, 10, 12)] == [
        (1, 1), (2, 1), (2, 2), (3, 1), (4, 1), (4, 3), (4, 5)]
    assert [index.line_text(n) for n in range(1, index.line_count + 1)] == ["a", "bb", "c", "d\u2028e\x85f"]
    assert split_lines("a\rbb\r\nc\n") == [(0, "a"), (2, "bb"), (6, "c")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_yaml_positions_with_every_line_break(tmp_path, newline):
    source = newline.join(["answers:", "  - question: Why?", "    answer: >", "      I led it, and I am",
                           "      a team player.", ""])
    path = tmp_path / "bank.yaml"
    path.write_bytes(source.encode())
    found = [f for f in findings("--select", SELF, str(path))]
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [(5, 9, 5, 20)]
    assert covered(source, found[0]) == "team player"


def test_a_folded_line_break_inside_a_phrase_maps_with_cr(tmp_path):
    source = "answers:\r  - question: Why?\r    answer: I am a team\r      player.\r"
    path = tmp_path / "bank.yaml"
    path.write_bytes(source.encode())
    found = findings("--select", SELF, str(path))
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [(3, 20, 4, 13)]
    assert " ".join(covered(source, found[0]).split()) == "team player"


def test_u2028_in_markdown_does_not_shift_suppressions(tmp_path):
    source = ("## Why?\n\nI led the audit\u2028in May.\n\n"
              "<!-- answerlint: disable-next=buzzwords -->\nI am a team player.\nI am a team player.\n")
    path = tmp_path / "a.md"
    path.write_bytes(source.encode())
    assert [(f["rule"], f["line"], f["column"]) for f in findings("--select", SELF, str(path))] == [
        (SELF, 7, 8)]


def test_cr_only_markdown_keeps_its_paragraphs(tmp_path):
    source = "## Why?\r\rI am a team player.\r\r## Weakness?\r\rI am a problem solver.\r"
    path = tmp_path / "a.md"
    path.write_bytes(source.encode())
    found = findings("--select", SELF, str(path))
    assert [(f["line"], f["column"], f["item"]["question"]) for f in found] == [
        (3, 8, "Why?"), (7, 8, "Weakness?")]
