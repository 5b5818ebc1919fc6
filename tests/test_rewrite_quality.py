"""Every rewrite answerlint suggests over corpus/ and every rule example keeps three promises:

1. it is a clause: parsed again, its root is a verb (or it holds a past-tense verb with I/we);
2. linted again, neither the rule it answers nor any rule flags the text it replaced;
3. it invents nothing: outside <placeholders>, every number and capitalised word is in the
   original sentence (template words such as "In" and "I" aside).
"""

from __future__ import annotations

import re

import pytest

from answerlint.readers import read_source
from answerlint.sourcefile import read
from answerlint.model import ANSWER
from conftest import ROOT, bank_of

pytest.importorskip("lemminflect")

TEMPLATE_WORDS = {"In", "I", "At", "We", "During"}
_PLACEHOLDER = re.compile(r"<[^<>]*>")


def _rewrites(linter, profile):
    """(original sentence, rewrite, rule id) for every rewrite over the corpus and the examples."""
    banks = [read_source(str(p.relative_to(ROOT)), read(p).data, profile.settings.question_sections)
             for p in sorted((ROOT / "corpus").glob("*.*")) if p.suffix in (".md", ".yaml", ".json", ".txt")
             and p.name != "README.md" and not p.name.startswith(".")]
    banks += [bank_of(e.text, ANSWER) for rule in profile.rules.values() if rule.scope not in ("question", "bank")
              for e in rule.examples if e.flag]
    out = []
    for bank in banks:
        for f in linter.lint(bank, profile):
            for s in f.suggestions:
                if not s.safe and "<" in s.text:
                    out.append((bank.source[s.start:s.end], s.text, f.rule, bank.source[f.start:f.end]))
    return out


@pytest.fixture(scope="module")
def rewrites(linter, profile):
    found = _rewrites(linter, profile)
    assert len(found) >= 20, "expected rewrites over the corpus and the examples"
    return found


def test_rewrites_are_clauses(rewrites, linter):
    nlp = linter.provider(linter_settings()).full()
    for original, text, rule, _ in rewrites:
        doc = nlp(_PLACEHOLDER.sub("it", text))
        root = next(iter(doc.sents)).root
        past_with_subject = any(t.tag_ == "VBD" and any(c.lower_ in ("i", "we") for c in t.children) for t in doc)
        assert root.pos_ in ("VERB", "AUX") or past_with_subject, (rule, original, text)


def test_rewrites_do_not_trigger_their_rule(rewrites, linter, profile):
    for original, text, rule, flagged in rewrites:
        bank = bank_of(text, ANSWER)
        placeholders = [m.span() for m in _PLACEHOLDER.finditer(text)]
        for f in linter.lint(bank, profile):
            if any(s <= f.start and f.end <= e for s, e in placeholders):
                continue
            again = text[f.start:f.end]
            assert f.rule != rule and again.lower() != flagged.lower(), (rule, original, text, f.rule, again)


def test_rewrites_invent_no_facts(rewrites):
    for original, text, rule, _ in rewrites:
        outside = _PLACEHOLDER.sub(" ", text)
        for word in re.findall(r"[A-Za-z0-9][\w'’-]*", outside):
            if word.isdigit() or any(c.isdigit() for c in word) or (word[0].isupper() and word not in TEMPLATE_WORDS):
                assert word in original, (rule, original, text, word)


def linter_settings():
    from answerlint.config import Settings

    return Settings(root=ROOT)
