"""Output bugs a new user hit (issue 9): colour, `rule ID` with a config, sentence splitting and
merging, stdout's own target file, Markdown question sections."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

import answerlint

from clirun import ROOT, check, fast_cli, findings, invoke  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

BANK = "# What are your strengths?\n\nI am a team player.\n"


def _in_terminal(tmp_path, env_extra: dict) -> bytes:
    """Run ``answerlint check`` with stdout on a pseudo-terminal; what it wrote there."""
    (tmp_path / "bank.md").write_text(BANK)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST") and k != "NO_COLOR"}
    env.update(env_extra)
    here = str(Path(answerlint.__file__).resolve().parents[1])  # this answerlint, not another install
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "answerlint", "check", "--select", "buzzwords/self-labels",
                             "bank.md"], cwd=tmp_path, env=env, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 1, proc.stderr.read()
    return out


def test_colour_in_a_terminal_and_no_color_turns_it_off(tmp_path):
    assert b"\x1b[" in _in_terminal(tmp_path, {})
    plain = _in_terminal(tmp_path, {"NO_COLOR": "1"})
    assert b"\x1b[" not in plain and b"warning[buzzwords/self-labels]" in plain
    assert b"\x1b[" in _in_terminal(tmp_path, {"NO_COLOR": ""}), "an empty NO_COLOR does not count"


def test_no_color_loses_to_an_explicit_color_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "bank.md").write_text(BANK)
    assert "\x1b[" in check("--color", "--select", "buzzwords/self-labels", "bank.md").stdout


# -- sentences: split before a lower-case word with capitals inside; findings not merged away ----

from answerlint.sentences import sentence_spans  # noqa: E402

DENSE = ("Leveraging cross-functional collaboration methodologies, I facilitated the operationalization of a "
         "comprehensive customer-experience transformation initiative, systematically rationalizing "
         "organizational workflows and institutionalizing data-informed prioritization frameworks across "
         "geographically distributed stakeholder communities and numerous international subsidiaries "
         "simultaneously, coordinating multiple overlapping governance committees and quarterly strategic "
         "alignment workshops throughout the extended implementation timeline. Consequently, the "
         "organization realized substantial efficiencies.")
NIGHT = ("The servers failed every night. iOS users could not log in at night. iOS users then wrote to "
         "support about it and we had to answer every one of them by hand which took a lot of time away "
         "from the other things we were supposed to be doing that week.")


@pytest.mark.parametrize("text,sentences", [
    ("It broke at night. iOS users wrote in.", ["It broke at night.", "iOS users wrote in."]),
    ("We moved to AWS. eBay was next.", ["We moved to AWS.", "eBay was next."]),
    ("I cut costs, e.g. travel and tools.", ["I cut costs, e.g. travel and tools."]),
    ("We shipped v2. then we rested.", ["We shipped v2. then we rested."]),
])
def test_sentence_split_before_a_mixed_case_word(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_long_sentence_inside_a_hard_to_follow_answer_is_reported_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text(f"# What did you do?\n\n{DENSE}\n\n# When do you work?\n\n{NIGHT}\n")
    found = [(f["rule"], f["line"], f["column"], f["message"].split(";")[0])
             for f in findings("--select", "readability/long-sentence,readability/hard-to-follow", "bank.md")]
    assert found == [
        ("readability/long-sentence", 3, 1, "Sentence has 48 words"),
        ("readability/hard-to-follow", 3, 1, "Hard to follow by ear (Flesch reading ease -115.1)"),
        ("readability/long-sentence", 7, 70, "Sentence has 38 words"),
    ]


# -- --fix removing a filler keeps the punctuation right ----------------------------------------

from answerlint.fixes import apply_text_edits, plan_text_edits  # noqa: E402


@pytest.mark.parametrize("text,filler,expected", [
    ("No, honestly, Sarah led it.", "honestly", "No, Sarah led it."),
    ("Well, basically, everyone agreed.", "basically", "Well, everyone agreed."),
    ("No, honestly, nobody knew.", "honestly", "No, nobody knew."),
    ("Oh, honestly, two teams led it.", "honestly", "Oh, two teams led it."),
    ("We won. Well, basically, Python won.", "basically", "We won. Well, Python won."),
    ("It was ( to be honest ) fine.", "to be honest", "It was fine."),
    ("It was [ honestly ] fine.", "honestly", "It was fine."),
    ("It was, basically, done.", "basically", "It was done."),
    ("No, honestly, I led it.", "honestly", "No, I led it."),
])
def test_removing_a_filler_keeps_the_punctuation(text, filler, expected):
    start = text.index(filler)
    edits = plan_text_edits(text, start, start + len(filler), "")
    assert not isinstance(edits, str), edits
    assert apply_text_edits(text, edits) == expected


def test_fix_in_a_file_keeps_the_commas(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("## Why?\n\nNo, honestly, Sarah led it. Well, basically, everyone "
                                      "agreed. It was ( to be honest ) fine.\n")
    run = check("--fix", "--select", "generalities/fillers", "bank.md")
    assert run.code == 0, run.stderr
    assert (tmp_path / "bank.md").read_text() == ("## Why?\n\nNo, Sarah led it. Well, everyone agreed. "
                                                 "It was fine.\n")
