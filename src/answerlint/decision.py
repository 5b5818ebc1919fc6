"""The one place that decides whether a finding is reported, and at which severity.

Inputs: select / extend-select / ignore / per-file-ignores, severity overrides, the interview stage,
and the bank's inline suppressions. Rules deselected for a file are not even run.
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from dataclasses import replace

from answerlint.config import Settings
from answerlint.errors import ConfigError
from answerlint.model import SEVERITIES, STAGES, Bank, Directive, Finding, severity_rank
from answerlint.packs import RuleSet
from answerlint.rules import Rule, matches_selector


UNUSED_SUPPRESSION = "suppressions/unused"
META_RULES = {UNUSED_SUPPRESSION: "info"}  # reported by answerlint itself, not by a pack's rule


def _known(selector: str, ruleset: RuleSet) -> bool:
    return (any(matches_selector(r.id, selector) for r in ruleset.rules)
            or any(matches_selector(m, selector) for m in META_RULES))


class DecisionEngine:
    def __init__(self, settings: Settings, ruleset: RuleSet) -> None:
        self.settings = settings
        self.ruleset = ruleset
        for selector in (*(settings.select or ()), *settings.extend_select, *settings.ignore,
                         *settings.severity, *(s for v in settings.per_file_ignores.values() for s in v)):
            self._check_selector(selector)

    def _check_selector(self, selector: str) -> None:
        if not _known(selector, self.ruleset):
            label, line, column = self.settings.selector_origins.get(selector, (None, None, None))
            problem = f"unknown rule or pack '{selector}' (see `answerlint rules`)"
            if label and label.startswith("--"):  # a command-line option: no file to blame
                raise ConfigError(f"{label}: {problem}")
            raise ConfigError(f"{label}: {problem}" if label else problem, self.settings.source, line, column)

    def unknown_directive_rules(self, bank: Bank) -> list[tuple[int, str]]:
        """(line, selector) of inline suppressions naming no rule or pack: they would silently
        suppress nothing ("disable=buzzwordz")."""
        out = []
        for d in bank.directives:
            for selector in d.rules:
                if not _known(selector, self.ruleset):
                    out.append((d.first_line, selector))
        return sorted(set(out))

    def selected(self, rule: Rule, path: str | None = None) -> bool:
        return self._selected(rule.id, rule.enabled, path)

    def _selected(self, rule_id: str, enabled: bool, path: str | None) -> bool:
        s = self.settings
        explicit = [sel for sel in (*(s.select or ()), *s.extend_select) if matches_selector(rule_id, sel)]
        # Without `select`, every rule enabled by default runs; naming a rule turns it on.
        if not (explicit or (s.select is None and enabled)):
            return False
        ignored = [sel for sel in s.ignore if matches_selector(rule_id, sel)]
        if ignored and not self._more_specific_select(ignored, explicit):
            return False
        if path is not None and s.per_file_ignores:
            rel = s.relative(path)
            for pattern, selectors in s.per_file_ignores.items():
                if fnmatch.fnmatch(rel, pattern) and any(matches_selector(rule_id, x) for x in selectors):
                    return False
        return True

    @staticmethod
    def _more_specific_select(ignored: list[str], explicit: list[str]) -> bool:
        """``--ignore buzzwords --select buzzwords/perfectionist`` keeps the more specific one."""
        depth = lambda sel: 2 if "/" in sel else 0 if sel.upper() == "ALL" else 1  # noqa: E731
        return bool(explicit) and max(map(depth, explicit)) > max(map(depth, ignored))

    def rules_for(self, path: str | None) -> list[Rule]:
        return [r for r in self.ruleset.rules if self.selected(r, path)]

    def stage(self, bank: Bank | None, cli_stage: str | None = None) -> str | None:
        return cli_stage or (bank.stage if bank else None) or self.settings.stage

    def severity_selector(self, rule_id: str) -> str | None:
        """The ``severity`` key of the configuration that sets the rule's severity (the most
        specific one: a rule id before its pack), or None."""
        for selector in sorted(self.settings.severity, key=lambda sel: ("/" in sel, len(sel)), reverse=True):
            if matches_selector(rule_id, selector):
                return selector
        return None

    def severity(self, rule: Rule, stage: str | None, answer_kind: str | None = None, demote: int = 0) -> str:
        """The configured severity wins; then the rule's severity for the answer's kind, then for
        the stage, then its default, lowered by ``demote`` levels (never below info)."""
        selector = self.severity_selector(rule.id)
        if selector is not None:
            return self.settings.severity[selector]
        severity = rule.severity
        if answer_kind in rule.severity_by_kind:
            severity = rule.severity_by_kind[answer_kind]
        elif stage in STAGES and rule.severity_by_stage:
            at = STAGES.index(stage)
            for earlier in reversed(STAGES[: at + 1]):
                if earlier in rule.severity_by_stage:
                    severity = rule.severity_by_stage[earlier]
                    break
        return SEVERITIES[max(0, severity_rank(severity) - demote)]

    @staticmethod
    def suppressed(rule: Rule, line: int, end_line: int, bank: Bank) -> bool:
        """True when an inline directive covering any line of the finding turns the rule off."""
        return bool(DecisionEngine.suppressing(rule, line, end_line, bank))

    @staticmethod
    def suppressing(rule: Rule, line: int, end_line: int, bank: Bank) -> list[tuple[Directive, str | None]]:
        """(directive, the selector in it that names the rule, None if it names none) of each
        inline directive covering a line of the finding and turning the rule off."""
        out = []
        for d in bank.directives:
            if d.first_line <= end_line and line <= d.last_line:
                if not d.rules:
                    out.append((d, None))
                out.extend((d, sel) for sel in d.rules if matches_selector(rule.id, sel))
        return out

    def unused_suppressions(self, bank: Bank, ran: list[Rule], used: set) -> list[tuple[tuple[int, int], list[str]]]:
        """(span of the comment, the selectors in it that suppressed nothing; empty: a directive
        for every rule that suppressed nothing) of each directive that did nothing, when
        ``suppressions/unused`` is selected. ``used``: the (span, selector) pairs that suppressed
        a finding. Only selectors naming a rule that ran count: a deselected rule has nothing to
        suppress, and a selector naming no rule is reported as unknown already."""
        if not self._selected(UNUSED_SUPPRESSION, True, bank.path):
            return []
        out: dict[tuple[int, int], list[str]] = {}
        whole: set[tuple[int, int]] = set()
        for d in bank.directives:
            if d.span is None:
                continue
            if not d.rules:
                if ran and (d.span, None) not in used:
                    whole.add(d.span)
                continue
            for sel in d.rules:
                if (d.span, sel) not in used and any(matches_selector(r.id, sel) for r in ran):
                    out.setdefault(d.span, [])
                    if sel not in out[d.span]:
                        out[d.span].append(sel)
        for span in whole:
            out[span] = []
        return sorted(out.items())

    def meta_severity(self, rule_id: str) -> str:
        selector = self.severity_selector(rule_id)
        return self.settings.severity[selector] if selector is not None else META_RULES[rule_id]

    def fails(self, severity: str) -> bool:
        level = self.settings.fail_on
        return level != "never" and severity_rank(severity) >= severity_rank(level)


_KIND_PRIORITY = {"phrase": 0, "regex": 1, "pattern": 2, "dependency": 3}  # most specific advice first


def merge_overlaps(findings: list[Finding], phrase_kinds: dict[str, str]) -> list[Finding]:
    """One finding per piece of text, for the rules that flag a few words (``phrase_kinds``:
    rule id -> kind).

    When two such rules flag the same span (a phrase list and a parse-aware rule, say), or one
    flags text inside another's ("starter" in "self-starter"), one finding is kept and takes the
    other's suggestions: the outer one for nested spans; for equal spans the most severe, then the
    one whose kind gives the most specific advice (phrase lists first). A finding inside one of the
    same pack is merged too ("get my birthday off" inside a WIIFM question). Findings of the same
    rule are never merged, nor findings over whole sentences or answers (a long sentence inside an
    answer that is hard to follow is reported too).
    """
    ordered = sorted(findings, key=lambda f: (f.path, f.start, -f.end, f.rule))
    kept: list[Finding] = []
    active: list[int] = []  # indexes in ``kept`` of findings that may still contain f
    for f in ordered:
        active = [i for i in active if kept[i].path == f.path and kept[i].end > f.start]
        host = next((i for i in active if kept[i].end >= f.end and _mergeable(kept[i], f, phrase_kinds)), None)
        if host is None:
            kept.append(f)
            active.append(len(kept) - 1)
            continue
        outer = kept[host]
        winner, loser = outer, f
        if (f.start, f.end) == (outer.start, outer.end) and _rank(f, phrase_kinds) < _rank(outer, phrase_kinds):
            winner, loser = f, outer
        seen = {s.text for s in winner.suggestions}
        extra = tuple(s for s in loser.suggestions if s.text not in seen)
        kept[host] = replace(winner, suggestions=winner.suggestions + extra)
    return sorted(kept, key=lambda f: f.sort_key)


def _mergeable(outer: Finding, inner: Finding, phrase_kinds: dict[str, str]) -> bool:
    if outer.rule == inner.rule:
        return False
    if inner.rule not in phrase_kinds:
        return False  # a sentence or an answer is its own finding, whatever holds it
    same_pack = outer.rule.split("/")[0] == inner.rule.split("/")[0]
    return same_pack or outer.rule in phrase_kinds


def _rank(f: Finding, kinds: dict[str, str]) -> tuple:
    return (-severity_rank(f.severity), _KIND_PRIORITY.get(kinds.get(f.rule, ""), 9), f.rule)


class BaselineFilter:
    """Hides the findings a baseline records; what is left is new. Each entry hides as many
    findings as its count, in source order. ``hidden`` counts the findings hidden; :meth:`unused`
    the entries, for banks linted in this run, that matched nothing (the baseline can shrink)."""

    def __init__(self, baseline) -> None:
        self.baseline = baseline
        self.remaining = Counter(baseline.entries)
        self.hidden = 0
        self._linted: set[str] = set()

    def new_findings(self, path: str, findings: list[Finding], source: str) -> list[Finding]:
        self._linted.add(self.baseline.bank_path(path))
        out = []
        for f in findings:
            key = self.baseline.key(f, source)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.hidden += 1
            else:
                out.append(f)
        return out

    def unused(self) -> int:
        return sum(n for key, n in self.remaining.items() if n > 0 and key.path in self._linted)
