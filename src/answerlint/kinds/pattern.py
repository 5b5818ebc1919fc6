"""Kind ``pattern``: spaCy Matcher token patterns (LOWER, LEMMA, POS, TAG, MORPH, DEP, OP, IN, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from answerlint.kinds.base import NEEDS_TAGS, Kind
from answerlint.kinds.prefilter import DocWords, Gate, gates_attrs, pattern_requirements
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

        vocab = nlp.full().vocab
        patterns = [expand(p, rule.options["lexicons"]) for p in rule.options["patterns"]]
        # A pattern that names words a match must contain gets a Matcher of its own, run only on
        # Docs that have them; the others share one Matcher that always runs (prefilter.py).
        groups: list[tuple[Gate | None, list]] = []
        always = [p for p in patterns if not pattern_requirements(p)]
        if always:
            groups.append((None, always))
        groups += [(Gate.of(pattern_requirements(p)), [p]) for p in patterns if pattern_requirements(p)]
        matchers = []
        for gate, group in groups:
            matcher = Matcher(vocab, validate=True)
            matcher.add(rule.id, group)
            matchers.append((gate, matcher))
        return GatedMatchers(tuple(matchers))

    def check(self, rule, matchers: "GatedMatchers", analysis):
        from spacy.util import filter_spans

        for item in analysis.items_for(rule):
            doc = analysis.tagged(item)
            for span in sorted(filter_spans(matchers.spans(doc)), key=lambda s: s.start):
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


@dataclass(frozen=True)
class GatedMatchers:
    """A rule's patterns as Matchers, each with the Gate its Doc must pass (None: always run).
    The spans found are those one Matcher of all the patterns finds; their order may differ,
    which :func:`spacy.util.filter_spans` (by length, then position) does not see."""

    matchers: tuple

    def spans(self, doc) -> list:
        gates = [gate for gate, _ in self.matchers if gate is not None]
        words = DocWords(doc, gates_attrs(gates)) if gates else None
        return [span for gate, matcher in self.matchers if gate is None or gate.admits(words)
                for span in matcher(doc, as_spans=True)]
