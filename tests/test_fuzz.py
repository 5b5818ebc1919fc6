"""Fuzzing the whole pipeline: generated banks in the four formats, full of hostile characters
(CR, NEL, U+2028, control characters, lone surrogate escapes, deep nesting, NaN, Markdown markup).

For every bank: no internal error (exit status 0, 1 or 2, no traceback, no "internal error"); every
finding lies inside the file and covers the text it quotes; and ``--fix`` leaves a bank that reads
to the same items. Bounded to about a minute; ``HYPOTHESIS_PROFILE=long`` runs 100 times as many
examples (by hand: ``HYPOTHESIS_PROFILE=long python3 -m pytest tests/test_fuzz.py``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clirun import check, covered, fast_cli  # noqa: F401 (fast_cli is a fixture)
from answerlint.errors import AnswerlintError
from answerlint.readers import read_source

pytestmark = pytest.mark.usefixtures("fast_cli")

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
FUZZ = settings(max_examples=20000 if LONG else 200, deadline=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
RULES = "buzzwords,generalities"  # phrase rules: the tokenizer, the splitter and --fix, without the tagger

HOSTILE = ["\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0c", "\t", "\x01", "\x1b", "\ufeff", "\u00a0",
           "#", "-", ">", "*", "_", "`", "```", "[", "](", ")", "<!--", "-->", "<b>", "&amp;", "\\",
           "|", "!", "?", ".", ",", ":", "'", '"', "é", "💡", "ﬁ", "  ", "    "]
WORDS = ["I", "we", "led", "the", "team", "Honestly,", "basically", "team player", "synergy", "results",
         "to be honest", "just", "hard worker", "passionate", "Sarah", "shipped", "20%", "iOS"]

piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=3))
prose = st.lists(piece, min_size=1, max_size=25).map(" ".join)
newline = st.sampled_from(["\n", "\n", "\r\n", "\r"])


@st.composite
def markdown(draw) -> str:
    nl = draw(newline)
    parts = []
    if draw(st.booleans()):
        stage = draw(st.sampled_from(["offer", "first-round", "[[[", "a\x01"]))
        parts.append(f"---{nl}stage: {stage}{nl}---")
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(st.sampled_from(["#", "##", "###"])) + " " + draw(prose))
        parts.append(draw(prose))
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["- ", "> ", "1. ", "<!-- answerlint: disable-next=buzzwords -->"]))
                         + draw(prose))
    if draw(st.booleans()):
        parts += ["# Questions to ask", "- " + draw(prose) + "?"]
    return (nl * draw(st.sampled_from([1, 2]))).join(parts) + nl


def _yaml_scalar(draw, text: str) -> str:
    style = draw(st.sampled_from(["json", "plain", "single", "literal", "surrogate"]))
    if style == "json":
        return json.dumps(text, ensure_ascii=draw(st.booleans()))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "literal":
        return "|\n      " + text.replace("\n", "\n      ")
    if style == "surrogate":
        return '"' + draw(st.sampled_from(["\\ud800", "\\udc00 x", "\\x01", "\\N", "\\L"])) + '"'
    return text  # a plain scalar, whatever it holds


@st.composite
def yaml_bank(draw) -> str:
    nl = draw(newline)
    lines = ["answers:"]
    for _ in range(draw(st.integers(1, 3))):
        lines.append(f"  - question: {_yaml_scalar(draw, draw(prose))}")
        lines.append(f"    answer: {_yaml_scalar(draw, draw(prose))}")
    if draw(st.booleans()):
        depth = draw(st.sampled_from([2, 50, 150]))
        lines.append("questions: " + "[" * depth + "Why?" + "]" * depth)
    elif draw(st.booleans()):
        lines += ["questions:", f"  - {_yaml_scalar(draw, draw(prose) + '?')}"]
    return nl.join(lines) + nl


@st.composite
def json_bank(draw) -> str:
    answers = [{"question": draw(prose), "answer": draw(prose)} for _ in range(draw(st.integers(1, 3)))]
    text = json.dumps({"answers": answers, "questions": [draw(prose) + "?"]},
                      ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1])))
    hostile = draw(st.sampled_from([None, "NaN", "-Infinity", '"\\udc00"', '"\\ud800\\u0041"',
                                    "[" * 120 + "]" * 120, '"a\x01b"']))
    if hostile:
        text = text.replace('"questions": [', f'"questions": [{hostile}, ', 1)
    return text


@st.composite
def text_bank(draw) -> str:
    nl = draw(newline)
    return (nl * 2).join(draw(st.lists(prose, min_size=1, max_size=4))) + nl


def _lint(name: str, source: str):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(source.encode("utf-8", "surrogatepass"))
        cwd = os.getcwd()
        os.chdir(directory)
        try:
            run = check("--format", "json", "--select", RULES, name)
            fixed = check("--fix", "--format", "concise", "--select", RULES, name)
            after = path.read_bytes()
        finally:
            os.chdir(cwd)
    return run, fixed, after


def _items(name: str, data: bytes):
    try:
        bank = read_source(name, data)
    except AnswerlintError:
        return None
    return [(i.role, i.index, i.question, i.kind) for i in bank.items]


def _words(text: str) -> str:
    """What a quoted match and the source under it share: the words, lower case."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _check(name: str, source: str) -> None:
    run, fixed, after = _lint(name, source)
    for r in (run, fixed):
        assert r.code in (0, 1, 2), r.stderr
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    data = source.encode("utf-8", "surrogatepass")
    if run.code == 2 and not run.stdout.startswith("{"):
        return
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", data.decode("utf-8-sig", "replace"))
    for f in run.json["findings"]:
        assert 1 <= f["line"] <= f["end_line"] <= len(lines), f
        assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1, f
        assert 1 <= f["end_column"] <= len(lines[f["end_line"] - 1]) + 1, f
        quoted = re.match(r"'(.+?)' ", f["message"])
        if quoted and f["item"] is not None:
            under = covered(data.decode("utf-8-sig"), f)
            assert _words(under) == _words(quoted.group(1)), (f, under)
    assert _items(name, after) == _items(name, data)  # --fix never changes what the bank holds


@FUZZ
@given(markdown())
def test_fuzz_markdown(source):
    _check("bank.md", source)


@FUZZ
@given(yaml_bank())
def test_fuzz_yaml(source):
    _check("bank.yaml", source)


@FUZZ
@given(json_bank())
def test_fuzz_json(source):
    _check("bank.json", source)


@FUZZ
@given(text_bank())
def test_fuzz_text(source):
    _check("bank.txt", source)
