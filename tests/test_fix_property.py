"""Property: --fix on generated banks in every format never changes a bank's structure.

For any bank, the fixed source reads in the same format, with the same items (count, roles,
questions, kinds) and suppressions; each item's words are the original words minus filler words
only; and nothing the user wrote outside the removed fillers is lost.
"""

from __future__ import annotations

import json
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from answerlint.config import Settings
from answerlint.engine import Linter, Profile
from answerlint.fixes import fix_all
from answerlint.packs import RuleSet
from answerlint.readers import read_bank
from conftest import ROOT

PROFILE = Profile(Settings(root=ROOT).with_overrides(select=("generalities/fillers",)), RuleSet.load())
LINTER = Linter()
FILLER_WORDS = {"basically", "honestly", "literally", "obviously", "just", "to", "be", "honest", "frank",
                "needless", "say", "tell", "you", "the", "truth", "so", "yeah", "i", "mean", "know"}

leading = st.sampled_from(["", "", "Honestly, ", "Basically ", "To be honest, ", "Honestly - ", "So yeah, ",
                           "Obviously, ", "Literally ", "Honestly — ", "(Honestly) "])
subject = st.sampled_from(["I", "we", "We", "the team", "my manager and I", "iOS users"])
middle = st.sampled_from(["", "", " just", " basically", " literally", " obviously", ", honestly,",
                          " (to be honest)", ", basically,"])
verb = st.sampled_from(["led the migration", "fixed 14 bugs", "shipped it in May 2023", "won #1 prize",
                        "cut costs by 20%", "said: \"it works\"", "wrote 'the plan'", "used `make` daily",
                        "hit 99.9% uptime", "grew sales - a lot", "met 3 clients & 2 partners"])
trailing = st.sampled_from(["", "", ", basically", ", honestly", " obviously", ", to be honest"])
end = st.sampled_from([".", "!", "?", "..."])


@st.composite
def sentence(draw) -> str:
    lead = draw(leading)
    subj = draw(subject)
    if lead and lead[-1] in " " and not lead.rstrip().endswith((",", "-", "—", ")")):
        subj = subj if subj[0].isupper() else subj
    text = f"{lead}{subj}{draw(middle)} {draw(verb)}{draw(trailing)}{draw(end)}"
    return text[0].upper() + text[1:] if text[0].islower() and not text.startswith("iOS") else text


answers = st.lists(st.tuples(st.sampled_from(["Why this job?", "Tell me about a time you failed.",
                                              "What is your greatest weakness?", "Why should we hire you?"]),
                             st.lists(sentence(), min_size=1, max_size=4),
                             st.integers(min_value=0, max_value=3)),
                   min_size=1, max_size=4)


def markdown(entries, newline: str) -> str:
    out = ["# Answers", ""]
    for question, sentences, wrap in entries:
        out += [f"## {question}", ""]
        if wrap == 1:
            out += sentences  # one sentence per line: one paragraph
        elif wrap == 2:
            for s in sentences:
                out += [s, ""]  # one paragraph each
        else:
            out.append(" ".join(sentences))
        out.append("")
    return newline.join(out)


def yaml_bank(entries, newline: str) -> str:
    out = ["answers:"]
    for question, sentences, style in entries:
        text = " ".join(sentences)
        out.append(f"  - question: {json.dumps(question)}")
        if style == 0 and _plain_ok(text):
            out.append(f"    answer: {text}")
        elif style == 1:
            out.append(f"    answer: {json.dumps(text, ensure_ascii=False)}")
        elif style == 2:
            out.append("    answer: '" + text.replace("'", "''") + "'")
        else:
            out.append("    answer: " + ("|" if style == 3 else ">"))
            out += ["      " + s for s in sentences]
    return newline.join(out) + newline


def _plain_ok(text: str) -> bool:
    try:
        return yaml.safe_load(f"a: {text}") == {"a": text}
    except yaml.YAMLError:
        return False


def json_bank(entries, newline: str) -> str:
    doc = {"answers": [{"question": q, "answer": " ".join(s)} for q, s, _ in entries]}
    return json.dumps(doc, indent=2, ensure_ascii=bool(len(entries) % 2)).replace("\n", newline) + newline


def text_bank(entries, newline: str) -> str:
    return (newline * 2).join(" ".join(s) for _, s, _ in entries) + newline


FORMATS = {"bank.md": markdown, "bank.yaml": yaml_bank, "bank.json": json_bank, "bank.txt": text_bank}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b for b in it) for w in small)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=answers, name=st.sampled_from(sorted(FORMATS)), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_fix_keeps_every_bank_the_same_apart_from_fillers(entries, name, newline):
    if name.endswith(".md") and newline == "\r":
        newline = "\n"  # Markdown with CR-only line breaks is not CommonMark
    source = FORMATS[name](entries, newline)
    try:
        bank = read_bank(name, source)
    except Exception as exc:  # the generator must make valid banks
        raise AssertionError(f"generated an unreadable bank: {exc}\n{source}") from None
    findings = LINTER.lint(bank, PROFILE)
    outcome = fix_all(bank, findings, lambda b: LINTER.lint(b, PROFILE), lambda text: read_bank(name, text))
    if outcome.bank is None:
        assert outcome.source == source
        return
    after = read_bank(name, outcome.source)
    assert after.format == bank.format
    assert [(i.role, i.index, i.question, i.kind) for i in after.items] == \
        [(i.role, i.index, i.question, i.kind) for i in bank.items]
    assert after.directives == bank.directives
    assert outcome.source.count(newline) == source.count(newline)  # no line is joined or split
    for old, new in zip(bank.items, after.items):
        kept, was = words(new.text), words(old.text)
        assert is_subsequence(kept, was), (old.text, new.text)
        removed = list(was)
        for w in kept:
            removed.remove(w)
        assert set(removed) <= FILLER_WORDS, (old.text, new.text)
        assert not re.search(r"^\s*[,;:]|\(\s*\)|\s[,.;:!?]|,\s*[,.]", new.text), new.text
    left = LINTER.lint(after, PROFILE)
    assert len(left) <= len(outcome.skipped) + outcome.deferred + len(findings) - len(outcome.fixed)
