"""Kind ``topic``: units (candidate questions, sentences, answers) that are about a topic."""

from __future__ import annotations

from answerlint.kinds.base import NEEDS_TOKENS, Kind
from answerlint.kinds.phrases import Phrase, PhraseSet
from answerlint.model import RawFinding
from answerlint.schema import Field, ListOf, Str, Struct

TOPIC = Struct({
    "name": Field(Str(), required=True, doc="the topic's name, for {topic}"),
    "terms": Field(ListOf(Str(), min_items=1), required=True, doc="words and phrases of the topic"),
    "advice": Field(Str(), default="", doc="text for {advice}"),
})


class TopicKind(Kind):
    name = "topic"
    needs = NEEDS_TOKENS
    default_message = "about {topic}: {advice}"
    placeholders = ("match", "topic", "term", "advice")
    scopes = ("answer", "question", "item", "sentence")
    default_scope = "question"
    options = Struct({
        "topics": Field(ListOf(TOPIC, min_items=1), required=True, doc="the topics and their terms"),
        "unless": Field(ListOf(Str()), default=list,
                        doc="terms that exempt a unit (e.g. challenge, expectation, impact)"),
    })

    def prepare(self, rule, nlp):
        topics = rule.options["topics"]
        phrases = [Phrase(term, tag=topic) for topic in topics for term in topic["terms"]]
        blank = nlp.blank()
        unless = PhraseSet([Phrase(t) for t in rule.options["unless"]], blank) if rule.options["unless"] else None
        return PhraseSet(phrases, blank), unless

    def check(self, rule, compiled, analysis):
        terms, unless = compiled
        for item, start, end in analysis.units_for(rule):
            table = analysis.token_table(item)
            inside = [m for m in terms.find(table, item.text) if start <= m.start and m.end <= end]
            if not inside:
                continue
            if unless is not None and any(start <= m.start and m.end <= end for m in unless.find(table, item.text)):
                continue
            first = inside[0]
            topic = first.phrase.tag
            unit = item.text[start:end]
            message = rule.message.format(match=unit, topic=topic["name"], term=item.text[first.start:first.end],
                                          advice=topic["advice"])
            yield RawFinding(rule.id, message, start, end, item)
