"""Kind ``requirement``: an answer that lacks what its question type asks for.

The elements (a past situation, your own action, a result, specifics of the company, a remedy
for a weakness, ...) are read off the answer's tags and parse once per answer (``facts.py``);
a rule names the ones it requires, and which answers it applies to (``applies_to``).
"""

from __future__ import annotations

from answerlint.facts import ELEMENTS
from answerlint.kinds.base import NEEDS_PARSE, Kind
from answerlint.model import RawFinding
from answerlint.schema import Enum, Field, ListOf, Struct

LABELS = {
    "situation": "one real past situation (when it happened, what was going on)",
    "action": "what you did yourself (\"I ...\", in the past tense)",
    "we-action": "what the team did",
    "result": "the result",
    "number": "a number",
    "date": "when it happened",
    "name": "a name of a person, team, place or product",
    "specifics": "something specific about the company or the role (a product, a market, a fact, a person)",
    "company": "the company's name",
    "remedy": "what you are doing about it",
    "forward": "what you want next",
    "contribution": "what you would bring",
    "range": "a figure or range, or a reason to settle it later",
    "hypothetical": "what you would do",
    "evidence": "evidence (a number, a date, a name, your action, a result)",
}
_ELEMENT_LIST = ListOf(Enum(*ELEMENTS))


class RequirementKind(Kind):
    name = "requirement"
    needs = NEEDS_PARSE
    default_message = "This answer has no {missing}."
    placeholders = ("match", "missing", "found", "kind")
    scopes = ("answer",)
    default_scope = "answer"
    options = Struct({
        "require": Field(_ELEMENT_LIST, default=list, doc="elements the answer must all show"),
        "require_any": Field(_ELEMENT_LIST, default=list, doc="elements of which the answer must show one"),
        "when": Field(_ELEMENT_LIST, default=list, doc="the rule applies only to answers showing all of these"),
        "unless": Field(_ELEMENT_LIST, default=list, doc="answers showing any of these pass"),
        "report": Field(Enum("first-sentence", "answer", "when"), default="first-sentence",
                        doc="what the finding covers: the first sentence, the whole answer, or the first "
                            "element named in `when`"),
    })

    def validate(self, rule, fail) -> None:
        o = rule.options
        if not o["require"] and not o["require_any"]:
            fail("a requirement rule needs 'require' or 'require_any'", "options")
        if o["report"] == "when" and not o["when"]:
            fail("report: when needs elements in 'when'", "options")

    def check(self, rule, compiled, analysis):
        o = rule.options
        for item in analysis.items_for(rule):
            if not item.text.strip():
                continue
            facts = analysis.facts(item)
            if not all(facts.has(e) for e in o["when"]) or any(facts.has(e) for e in o["unless"]):
                continue
            missing = [e for e in o["require"] if not facts.has(e)]
            if o["require_any"] and not any(facts.has(e) for e in o["require_any"]):
                missing.append(" or ".join(LABELS[e] for e in o["require_any"]))
            if not missing:
                continue
            start, end = self._extent(rule, analysis, item, facts)
            message = rule.message.format(
                match=item.text[start:end], kind=item.kind,
                missing=", ".join(LABELS.get(m, m) for m in missing),
                found=", ".join(facts.present(ELEMENTS)) or "nothing")
            yield RawFinding(rule.id, message, start, end, item)

    @staticmethod
    def _extent(rule, analysis, item, facts) -> tuple[int, int]:
        report = rule.options["report"]
        if report == "when" and facts[rule.options["when"][0]]:
            return facts[rule.options["when"][0]][0]
        if report == "answer":
            return 0, len(item.text)
        sentences = analysis.sentences(item)
        return (sentences[0][0], sentences[0][1]) if sentences else (0, len(item.text))
