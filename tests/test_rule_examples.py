"""Every rule's own examples: 'flag' texts must be flagged by that rule, 'pass' texts must not."""

from __future__ import annotations

import pytest

from answerlint.kinds import get_kind
from answerlint.kinds.base import NEEDS_PARSE
from answerlint.model import QUESTION, ANSWER
from answerlint.packs import RuleSet
from answerlint.readers import markdown
from conftest import bank_of

RULES = RuleSet.load().rules
# a rule softened when the answer is complete reads the parse only when the selection reads the
# language anyway (as a default run does): run its examples beside one rule that does
READS_LANGUAGE = next(r for r in RULES if get_kind(r.kind).needs == NEEDS_PARSE)


def _cases():
    for rule in RULES:
        for n, example in enumerate(rule.examples):
            label = "flag" if example.flag else "pass"
            yield pytest.param(rule.id, example, id=f"{rule.id}:{label}{n}")


def test_every_rule_has_examples_of_both_kinds():
    for rule in RULES:
        assert any(e.flag for e in rule.examples), f"{rule.id} has no 'flag' example"
        assert any(not e.flag for e in rule.examples), f"{rule.id} has no 'pass' example"


@pytest.mark.parametrize("rule_id,example", list(_cases()))
def test_rule_example(rule_id, example, linter, profile):
    rule = profile.rules[rule_id]
    if rule.scope == "bank":  # a bank-scope example is a whole Markdown answer bank
        bank = markdown.read("example.md", example.text)
        bank.stage = example.stage or bank.stage
    else:
        role = QUESTION if rule.scope == "question" else ANSWER
        bank = bank_of(example.text, role, example.kind or (rule.applies_to.kinds or ("general",))[0], example.stage)
    rules = [rule, READS_LANGUAGE] if rule.softened_when_complete else [rule]
    findings = [f for f in linter.lint(bank, profile, rules=rules) if f.rule == rule_id]
    if not example.flag:
        assert findings == [], f"{rule_id} flagged a 'pass' example: {[f.message for f in findings]}"
        return
    assert findings, f"{rule_id} did not flag: {example.text!r}"
    first = findings[0]
    if example.match is not None:
        assert bank.source[first.start:first.end] == example.match
    if example.severity is not None:
        assert first.severity == example.severity
