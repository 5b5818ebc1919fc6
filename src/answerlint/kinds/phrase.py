"""Kind ``phrase``: lists of clichés, matched whatever their case, inflection or hyphenation."""

from __future__ import annotations

import re

from answerlint.kinds.base import NEEDS_TOKENS, Kind
from answerlint.kinds.phrases import PHRASE_ENTRY, PhraseSet, parse_entries
from answerlint.model import RawFinding, Suggestion
from answerlint.kinds.suggest import rewrite_suggestion
from answerlint.schema import Bool, Field, ListOf, Regex, Str, Struct


class PhraseKind(Kind):
    name = "phrase"
    needs = NEEDS_TOKENS
    span_level = "phrase"
    default_message = "'{match}': {advice}"
    placeholders = ("match", "phrase", "advice")
    scopes = ("answer", "question", "item", "sentence")
    options = Struct({
        "phrases": Field(ListOf(PHRASE_ENTRY, min_items=1), required=True,
                         doc="phrases to flag (strings, or mappings with phrase/variants/advice/exceptions)"),
        "advice": Field(Str(), default="say what you did instead, with a date and a result.",
                        doc="default advice for phrases without their own"),
        "exceptions": Field(ListOf(Regex()), default=list,
                            doc="regexes: a match inside one of these is not reported, for every phrase"),
        "exact": Field(ListOf(Str()), default=list, doc="words matched exactly, never inflected"),
        "rewrite": Field(Bool(), default=False, doc="suggest a fact-based rewrite of the sentence"),
    })

    def prepare(self, rule, nlp):
        opts = rule.options
        exact = frozenset(w.lower() for w in opts["exact"])
        return PhraseSet(parse_entries(opts["phrases"]), nlp.blank(), exact,
                         tuple(re.compile(x, re.IGNORECASE) for x in opts["exceptions"]))

    def check(self, rule, compiled: PhraseSet, analysis):
        for item in analysis.items_for(rule):
            for m in compiled.find(analysis.token_table(item), item.text):
                text = item.text[m.start:m.end]
                advice = m.phrase.advice or rule.options["advice"]
                message = rule.message.format(match=text, phrase=m.phrase.phrase, advice=advice)
                suggestions = fix_suggestion(text, m.phrase.replacement, m.start, m.end)
                if rule.options["rewrite"] and not suggestions:
                    verbs = {m.phrase.phrase.lower(): m.phrase.verb} if m.phrase.verb else {}
                    suggestions = rewrite_suggestion(analysis, item, m.start, m.end, verbs, m.phrase.phrase)
                yield RawFinding(rule.id, message, m.start, m.end, item, suggestions)


def fix_suggestion(text: str, replacement: str | None, start: int, end: int) -> tuple[Suggestion, ...]:
    """A safe substitution that --fix applies, when the rule gives one."""
    if replacement is None:
        return ()
    label = f"remove '{text}'" if replacement == "" else f"replace '{text}' with '{replacement}'"
    return (Suggestion(label, replacement, start, end, safe=True),)
