"""Kind ``pattern``: spaCy Matcher token patterns (LOWER, LEMMA, POS, TAG, MORPH, DEP, OP, IN, ...)."""

from __future__ import annotations

from answerlint.kinds.base import NEEDS_TAGS, Kind
from answerlint.facts import sentence_has_number
from answerlint.kinds.suggest import rewrite_suggestion
from answerlint.kinds.tokenpatterns import check_token, expand
from answerlint.model import RawFinding
from answerlint.schema import AnyMap, Bool, Field, ListOf, MapOf, Str, Struct

# Options shared by the matcher kinds (pattern, dependency).
MATCH_OPTIONS = {
    "lexicons": Field(MapOf(ListOf(Str())), default=dict, doc="named word lists, used as \"$name\" in patterns"),
    "advice": Field(Str(), default="say what you did instead, with a number.", doc="text for {advice}"),
    "unless_number": Field(Bool(), default=False, doc="not reported when its sentence has a number"),
    "unless_after": Field(ListOf(Str()), default=list,
                          doc="not reported right after one of these words (\"how\" in \"how many stores\")"),
    "rewrite": Field(Bool(), default=False, doc="suggest a fact-based rewrite of the sentence"),
    "verbs": Field(MapOf(Str()), default=dict, doc="trait -> action verb for rewrites (team player: work with)"),
}


class PatternKind(Kind):
    name = "pattern"
    needs = NEEDS_TAGS
    span_level = "phrase"
    default_message = "'{match}': {advice}"
    placeholders = ("match", "advice")
    scopes = ("answer", "question", "item", "sentence")
    options = Struct({
        "patterns": Field(ListOf(ListOf(AnyMap(), min_items=1), min_items=1), required=True,
                          doc="token patterns, as for spaCy's Matcher"),
        **MATCH_OPTIONS,
    })

    def validate(self, rule, fail) -> None:
        lexicons = rule.options["lexicons"]
        for p, pattern in enumerate(rule.options["patterns"]):
            for t, token in enumerate(pattern):
                check_token(token, lexicons, lambda problem: fail(problem, "options"),
                            f"pattern {p + 1}, token {t + 1}")

    def prepare(self, rule, nlp):
        from spacy.matcher import Matcher

        matcher = Matcher(nlp.full().vocab, validate=True)
        patterns = [expand(p, rule.options["lexicons"]) for p in rule.options["patterns"]]
        matcher.add(rule.id, patterns)
        return matcher

    def check(self, rule, matcher, analysis):
        from spacy.util import filter_spans

        for item in analysis.items_for(rule):
            doc = analysis.tagged(item)
            for span in sorted(filter_spans(matcher(doc, as_spans=True)), key=lambda s: s.start):
                start, end = span.start_char, span.end_char
                if rule.options["unless_number"] and sentence_has_number(doc, analysis.sentences(item), start):
                    continue
                if span.start > 0 and doc[span.start - 1].lower_ in rule.options["unless_after"]:
                    continue
                text = item.text[start:end]
                suggestions = (rewrite_suggestion(analysis, item, start, end, rule.options["verbs"])
                               if rule.options["rewrite"] else ())
                yield RawFinding(rule.id, rule.message.format(match=text, advice=rule.options["advice"]),
                                 start, end, item, suggestions)
