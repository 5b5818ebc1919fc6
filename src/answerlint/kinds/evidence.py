"""Kind ``evidence``: answers whose claims are backed by no number, date, name, action or result."""

from __future__ import annotations

from answerlint.kinds.base import NEEDS_TAGS, Kind
from answerlint.facts import CATEGORIES
from answerlint.model import RawFinding
from answerlint.schema import Enum, Field, ListOf, MapOf, Num, Str, Struct

_THRESHOLDS = {
    "min_categories": Field(Num(integer=True), doc="how many kinds of evidence an answer needs"),
    "required": Field(ListOf(Enum(*CATEGORIES)), doc="kinds of evidence that must each be present"),
    "min_words": Field(Num(integer=True), doc="answers shorter than this are left to the length rules"),
}
_LABELS = {"number": "no number", "date": "no date", "name": "no name of a person, team or product",
           "action": "no first-person action (\"I led\", \"we cut\")", "result": "no result"}


class EvidenceKind(Kind):
    name = "evidence"
    needs = NEEDS_TAGS
    default_message = "no evidence: {missing}"
    placeholders = ("match", "missing", "found", "kind")
    scopes = ("answer",)
    default_scope = "answer"
    options = Struct({
        **{k: Field(f.spec, default=d, doc=f.doc) for (k, f), d in zip(_THRESHOLDS.items(), (2, [], 25))},
        "by_kind": Field(MapOf(Struct(dict(_THRESHOLDS))), default=dict, doc="thresholds per answer kind"),
    })

    def check(self, rule, compiled, analysis):
        o = rule.options
        for item in analysis.items_for(rule):
            limits = {k: o[k] for k in _THRESHOLDS}
            limits.update({k: v for k, v in (o["by_kind"].get(item.kind) or {}).items() if v is not None})
            if len(analysis.words(item)) < limits["min_words"]:
                continue
            facts = analysis.facts(item)  # the same evidence the score credits
            found = {c: facts[c] + (facts["we-action"] if c == "action" else []) for c in CATEGORIES}
            present = [c for c in CATEGORIES if found[c]]
            missing = [c for c in CATEGORIES if not found[c]]
            lacking_required = [c for c in limits["required"] if not found[c]]
            if len(present) >= limits["min_categories"] and not lacking_required:
                continue
            shown = lacking_required or missing
            message = rule.message.format(
                match=item.text, missing=", ".join(_LABELS[c] for c in shown),
                found=", ".join(present) or "nothing", kind=item.kind)
            end = analysis.sentences(item)[0][1] if analysis.sentences(item) else len(item.text)
            yield RawFinding(rule.id, message, 0, end, item)
