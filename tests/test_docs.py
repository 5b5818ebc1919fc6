"""docs/rules.md is generated from the packs; it must not be stale."""

from __future__ import annotations

from answerlint.ruledocs import markdown_reference, question_types_reference
from conftest import ROOT


def test_rule_reference_is_current(ruleset):
    expected = markdown_reference(ruleset)
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == expected, "docs/rules.md is stale: run `answerlint rules --format markdown > docs/rules.md`"


def test_every_rule_is_documented(ruleset):
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in ruleset.rules:
        assert f"### {rule.id}\n" in current


def test_question_types_page_is_current(ruleset):
    current = (ROOT / "docs" / "question-types.md").read_text(encoding="utf-8")
    assert current == question_types_reference(ruleset), \
        "docs/question-types.md is stale: run `answerlint question-types > docs/question-types.md`"
