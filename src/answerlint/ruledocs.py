"""Rule documentation generated from the packs: `answerlint rules`, `answerlint rule ID`, docs/rules.md."""

from __future__ import annotations

import json

from answerlint.kinds import get_kind
from answerlint.packs import RuleSet
from answerlint.rules import Rule


def list_rules(ruleset: RuleSet, fmt: str = "table") -> str:
    rules = ruleset.rules
    if fmt == "json":
        return json.dumps([{"id": r.id, "severity": r.severity, "kind": r.kind, "scope": r.scope,
                            "enabled": r.enabled, "summary": r.summary} for r in rules], indent=2) + "\n"
    if fmt == "markdown":
        return markdown_reference(ruleset)
    widths = [max(len(x) for x in col) for col in zip(*[(r.id, r.severity, r.kind) for r in rules],
                                                        ("rule", "severity", "kind"))]
    lines = [f"{'rule'.ljust(widths[0])}  {'severity'.ljust(widths[1])}  {'kind'.ljust(widths[2])}  summary"]
    for r in rules:
        off = "" if r.enabled else " (off by default)"
        lines.append(f"{r.id.ljust(widths[0])}  {r.severity.ljust(widths[1])}  {r.kind.ljust(widths[2])}  "
                     f"{r.summary}{off}")
    return "\n".join(lines) + "\n"


def _shown(value) -> str:
    if isinstance(value, list) and len(value) > 6:
        return f"{len(value)} entries"
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 100 else shown[:97] + "..."


def _options(rule: Rule, effective=None) -> list[str]:
    """One line per option set; with ``effective`` (ruleorigins.Effective), the values ``check``
    uses and where each came from."""
    kind = get_kind(rule.kind)
    out = []
    for name, field in kind.options.fields.items():
        value = rule.options.get(name)
        configured = effective.option_from.get(name) if effective else None
        if value in (None, [], {}) and configured is None:
            continue
        line = f"{name}: {_shown(value)}" + (f"  ({field.doc})" if field.doc else "")
        if configured is not None:
            line += f"  [{configured}; pack default: {_shown(effective.default.options.get(name))}]"
        elif effective is not None:
            line += "  [pack default]"
        out.append(line)
    return out


def applies_to(rule: Rule) -> str:
    """Which answers the rule looks at, in words: "every answer", "behavioral, conflict answers
    of at most 40 words"; candidate questions and whole banks for those scopes."""
    if rule.scope == "question":
        return "candidate questions"
    if rule.scope == "bank":
        return "the whole bank"
    a = rule.applies_to
    what = f"{', '.join(a.kinds)} answers" if a.kinds else "every answer"
    if rule.scope in ("item", "sentence"):
        what += " and candidate question"
    limits = [f"at least {a.min_words} words" if a.min_words is not None else "",
              f"at most {a.max_words} words" if a.max_words is not None else ""]
    limits = [x for x in limits if x]
    what += f" of {' and '.join(limits)}" if limits else ""
    if a.not_kinds:
        what += f", except {', '.join(a.not_kinds)} answers"
    if a.unless:
        what += f", unless the answer shows {' or '.join(a.unless)}"
    return what


def explain(rule: Rule, effective=None) -> str:
    """``answerlint rule ID``; with ``effective`` (ruleorigins.Effective: a configuration was
    found), the options and severity ``check`` uses, each with where it came from."""
    if effective is not None:
        rule = effective.rule
    severity = effective.severity if effective else rule.severity
    lines = [f"{rule.id}", "", rule.summary, "",
             f"kind: {rule.kind}    severity: {severity}    scope: {rule.scope}"
             + ("" if rule.enabled else "    (off by default)")]
    if effective is not None:
        lines.append(f"configuration: {effective.config}")
        where = (effective.severity_from if effective.severity_from == "pack default"
                 else f"{effective.severity_from}; pack default: {effective.default.severity}")
        lines.append(f"severity from: {where}")
        if not effective.runs:
            lines.append("not run with this configuration (see select and ignore)")
    lines.append(f"applies to: {applies_to(rule)}")
    if rule.severity_by_kind:
        lines.append("severity by answer kind: " + ", ".join(f"{k}: {v}" for k, v in rule.severity_by_kind.items()))
    if rule.severity_by_stage:
        lines.append("severity by stage: " + ", ".join(f"{k}: {v}" for k, v in rule.severity_by_stage.items()))
    if rule.softened_by_evidence:
        lines.append("one level lower when the sentence or the next carries evidence")
    if rule.softened_when_complete:
        lines.append("one level lower when the answer has every element its question type expects")
    lines += ["", "Why", "", rule.rationale, "", "Message", "", f"  {rule.message}"]
    options = _options(rule, effective)
    if options:
        lines += ["", "Options", ""] + [f"  {o}" for o in options]
    for label, flag in (("Flagged", True), ("Not flagged", False)):
        lines += ["", label, ""]
        lines += [f"  - {e.text.strip()[:200]}" for e in rule.examples if e.flag is flag]
    if rule.link:
        lines += ["", f"More: {rule.link}"]
    lines += ["", f"Defined in {rule.source}", ""]
    return "\n".join(lines)


def markdown_reference(ruleset: RuleSet) -> str:
    """docs/rules.md: generated from the packs; a test fails when the file is stale."""
    out = ["# Rule reference", "",
           "Generated from the rule packs by `answerlint rules --format markdown`; do not edit by hand.", ""]
    packs: dict[str, list[Rule]] = {}
    for rule in ruleset.rules:
        packs.setdefault(rule.pack, []).append(rule)
    out += ["| rule | severity | kind | summary |", "| --- | --- | --- | --- |"]
    for rule in ruleset.rules:
        out.append(f"| [`{rule.id}`](#{rule.id.replace('/', '')}) | {rule.severity} | {rule.kind} | {rule.summary} |")
    for pack, rules in packs.items():
        out += ["", f"## {pack}", ""]
        for rule in rules:
            out += [f"### {rule.id}", "", rule.summary, "",
                    f"- kind: `{rule.kind}`, severity: `{rule.severity}`, scope: `{rule.scope}`"
                    + ("" if rule.enabled else ", off by default"), f"- applies to: {applies_to(rule)}"]
            if rule.severity_by_kind:
                out.append("- severity by answer kind: " + ", ".join(f"`{k}`: {v}" for k, v in rule.severity_by_kind.items()))
            if rule.softened_by_evidence:
                out.append("- one level lower when the sentence or the next carries evidence")
            if rule.softened_when_complete:
                out.append("- one level lower when the answer has every element its question type expects")
            if rule.severity_by_stage:
                out.append("- severity by stage: " + ", ".join(f"`{k}`: {v}" for k, v in rule.severity_by_stage.items()))
            out += [f"- message: `{rule.message}`", "", rule.rationale, ""]
            options = _options(rule)
            if options:
                out += ["Options:", ""] + [f"- `{o.split(':', 1)[0]}`:{o.split(':', 1)[1]}" for o in options] + [""]
            out += ["Flagged:", ""] + [f"- {_one_line(e.text)}" for e in rule.examples if e.flag]
            out += ["", "Not flagged:", ""] + [f"- {_one_line(e.text)}" for e in rule.examples if not e.flag]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def question_types_reference(ruleset: RuleSet) -> str:
    """docs/question-types.md: what each question type expects, and the rules that apply to it."""
    from answerlint.answerkinds import KINDS
    from answerlint.kinds.requirement import LABELS

    out = ["# What each question type expects", "",
           "Generated from `answerlint/answerkinds.py` and the rule packs by `answerlint question-types`; "
           "do not edit by hand.", "",
           "answerlint infers each answer's type from its interview question (the first type whose cues "
           "match, in the order below), unless the bank sets `kind:`. The type decides which rules look "
           "at the answer, how long it should be, and which elements its score looks for "
           "(see [Scores](scores.md)).", ""]
    for kind in KINDS:
        specific = [r.id for r in ruleset.rules if r.scope == "answer" and kind.name in r.applies_to.kinds]
        stricter = [f"{r.id} ({r.severity_by_kind[kind.name]})" for r in ruleset.rules
                    if kind.name in r.severity_by_kind]
        out += [f"## {kind.name}", "", kind.summary, "", f"**Expects:** {kind.expects}", "",
                "**The score looks for:** " + "; ".join(LABELS.get(e, e) for e in kind.elements) + ".", ""]
        if specific:
            out += ["**Rules aimed at this type:** " + ", ".join(f"`{r}`" for r in specific) + ".", ""]
        if stricter:
            out += ["**Rules with another severity here:** " + ", ".join(f"`{r}`" for r in stricter) + ".", ""]
        if kind.examples:
            out += ["Questions like: " + "; ".join(f"\"{q}\"" for q in kind.examples)
                    + (f" ({len(kind.cues)} cues in all)." if kind.cues else "."), ""]
    out += ["Rules without `applies_to` look at every answer, whatever its type.", ""]
    return "\n".join(out).rstrip() + "\n"


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "..."
