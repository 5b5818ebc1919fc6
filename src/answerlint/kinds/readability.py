"""Kind ``readability``: sentence length, and textstat metrics over a whole answer."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

from answerlint.kinds.base import Kind
from answerlint.model import RawFinding
from answerlint.schema import Field, Num, Str, Struct

from answerlint.textstats import METRICS


class ReadabilityKind(Kind):
    name = "readability"
    default_message = "{metric} is {value}; {limit}"
    placeholders = ("match", "metric", "value", "limit", "words")
    scopes = ("answer", "question", "item", "sentence")
    default_scope = "answer"
    options = Struct({
        "max_words": Field(Num(integer=True, minimum=1), doc="sentence scope: most words per sentence"),
        "metric": Field(Str(), doc="a textstat metric: " + ", ".join(METRICS)),
        "min": Field(Num(minimum=None), doc="lowest acceptable metric value"),
        "max": Field(Num(minimum=None), doc="highest acceptable metric value"),
        "min_words": Field(Num(integer=True), default=40, doc="skip texts shorter than this"),
    })

    def validate(self, rule, fail) -> None:
        o = rule.options
        if rule.scope == "sentence":
            if o.get("max_words") is None:
                fail("a sentence-scope readability rule needs 'max_words'", "options")
        elif o.get("metric") is None or (o.get("min") is None and o.get("max") is None):
            fail("a readability rule needs 'metric' with 'min' or 'max'", "options")
        elif o["metric"] not in METRICS:
            fail(f"unknown metric {o['metric']!r} (expected one of: {', '.join(METRICS)})", "options")

    def check(self, rule, compiled, analysis):
        if rule.scope == "sentence":
            yield from self._sentences(rule, analysis)
            return
        from answerlint.textstats import metric  # imports textstat: only when a metric rule runs

        o = rule.options
        for item in analysis.items_for(rule):
            n = len(analysis.words(item))
            if n < o["min_words"]:
                continue
            value = round(float(metric(o["metric"], item.text)), 1)
            if o.get("min") is not None and value < o["min"]:
                limit = f"aim for at least {o['min']}"
            elif o.get("max") is not None and value > o["max"]:
                limit = f"aim for at most {o['max']}"
            else:
                continue
            msg = rule.message.format(match=item.text, metric=o["metric"], value=value, limit=limit, words=n)
            yield RawFinding(rule.id, msg, 0, len(item.text), item)

    @staticmethod
    def _sentences(rule, analysis):
        limit = rule.options["max_words"]
        for item, start, end in analysis.units_for(rule):
            words = analysis.words(item)  # sorted and disjoint: count the words inside by bisection
            n = max(0, bisect_right(words, end, key=_end) - bisect_left(words, start, key=_start))
            if n > limit:
                msg = rule.message.format(match=item.text[start:end], metric="sentence length",
                                          value=n, limit=f"split it (at most {limit} words)", words=n)
                yield RawFinding(rule.id, msg, start, end, item)



_start, _end = itemgetter(0), itemgetter(1)
