"""Kind ``coverage`` (bank scope): the candidate's questions should cover some topics."""

from __future__ import annotations

from answerlint.kinds.base import NEEDS_TOKENS, Kind
from answerlint.kinds.phrases import Phrase, PhraseSet
from answerlint.kinds.topic import TOPIC
from answerlint.lines import LINE_BREAK
from answerlint.model import QUESTION, RawFinding
from answerlint.schema import Field, ListOf, Num, Struct


class CoverageKind(Kind):
    name = "coverage"
    needs = NEEDS_TOKENS
    default_message = "no question about {topic}: {advice}"
    placeholders = ("match", "topic", "advice")
    scopes = ("bank",)
    default_scope = "bank"
    options = Struct({
        "topics": Field(ListOf(TOPIC, min_items=1), required=True, doc="topics the questions should cover"),
        "min_questions": Field(Num(integer=True), default=1,
                               doc="banks with fewer candidate questions are not checked"),
    })

    def prepare(self, rule, nlp):
        return [(t, PhraseSet([Phrase(term) for term in t["terms"]], nlp.blank())) for t in rule.options["topics"]]

    def check(self, rule, compiled, analysis):
        bank = analysis.bank
        questions = [i for i in bank.items if i.role == QUESTION]
        if len(questions) < rule.options["min_questions"]:
            return
        start = bank.questions_offset if bank.questions_offset is not None else questions[0].body.offsets[0]
        line_end = LINE_BREAK.search(bank.source, start)
        end = len(bank.source.rstrip()) if line_end is None else line_end.start()
        for topic, terms in compiled:
            if any(terms.find(analysis.token_table(q), q.text) for q in questions):
                continue
            message = rule.message.format(match=bank.source[start:end], topic=topic["name"], advice=topic["advice"])
            yield RawFinding(rule.id, message, start, end, None)
