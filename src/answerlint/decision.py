"""The one place that decides whether a finding is reported, and at which severity.

Inputs: select / extend-select / ignore / per-file-ignores, severity overrides, the interview stage,
and the bank's inline suppressions. Rules deselected for a file are not even run.
"""

from __future__ import annotations

import fnmatch
from dataclasses import replace

from answerlint.config import Settings
from answerlint.errors import ConfigError
from answerlint.model import STAGES, Bank, Finding, severity_rank
from answerlint.packs import RuleSet
from answerlint.rules import Rule, matches_selector


class DecisionEngine:
    def __init__(self, settings: Settings, ruleset: RuleSet) -> None:
        self.settings = settings
        self.ruleset = ruleset
        for selector in (*(settings.select or ()), *settings.extend_select, *settings.ignore,
                         *settings.severity, *(s for v in settings.per_file_ignores.values() for s in v)):
            self._check_selector(selector)

    def _check_selector(self, selector: str) -> None:
        if not any(matches_selector(r.id, selector) for r in self.ruleset.rules):
            label, line, column = self.settings.selector_origins.get(selector, (None, None, None))
            problem = f"unknown rule or pack '{selector}' (see `answerlint rules`)"
            if label and label.startswith("--"):  # a command-line option: no file to blame
                raise ConfigError(f"{label}: {problem}")
            raise ConfigError(f"{label}: {problem}" if label else problem, self.settings.source, line, column)

    def selected(self, rule: Rule, path: str | None = None) -> bool:
        s = self.settings
        explicit = [sel for sel in (*(s.select or ()), *s.extend_select) if matches_selector(rule.id, sel)]
        # Without `select`, every rule enabled by default runs; naming a rule turns it on.
        if not (explicit or (s.select is None and rule.enabled)):
            return False
        ignored = [sel for sel in s.ignore if matches_selector(rule.id, sel)]
        if ignored and not self._more_specific_select(rule, ignored, explicit):
            return False
        if path is not None and s.per_file_ignores:
            rel = s.relative(path)
            for pattern, selectors in s.per_file_ignores.items():
                if fnmatch.fnmatch(rel, pattern) and any(matches_selector(rule.id, x) for x in selectors):
                    return False
        return True

    @staticmethod
    def _more_specific_select(rule: Rule, ignored: list[str], explicit: list[str]) -> bool:
        """``--ignore buzzwords --select buzzwords/perfectionist`` keeps the more specific one."""
        depth = lambda sel: 2 if "/" in sel else 0 if sel.upper() == "ALL" else 1  # noqa: E731
        return bool(explicit) and max(map(depth, explicit)) > max(map(depth, ignored))

    def rules_for(self, path: str | None) -> list[Rule]:
        return [r for r in self.ruleset.rules if self.selected(r, path)]

    def stage(self, bank: Bank | None, cli_stage: str | None = None) -> str | None:
        return cli_stage or (bank.stage if bank else None) or self.settings.stage

    def severity(self, rule: Rule, stage: str | None) -> str:
        for selector in sorted(self.settings.severity, key=lambda sel: ("/" in sel, len(sel)), reverse=True):
            if matches_selector(rule.id, selector):
                return self.settings.severity[selector]
        if stage in STAGES and rule.severity_by_stage:
            at = STAGES.index(stage)
            for earlier in reversed(STAGES[: at + 1]):
                if earlier in rule.severity_by_stage:
                    return rule.severity_by_stage[earlier]
        return rule.severity

    @staticmethod
    def suppressed(rule: Rule, line: int, end_line: int, bank: Bank) -> bool:
        """True when an inline directive covering any line of the finding turns the rule off."""
        for d in bank.directives:
            if d.first_line <= end_line and line <= d.last_line and (
                    not d.rules or any(matches_selector(rule.id, sel) for sel in d.rules)):
                return True
        return False

    def fails(self, severity: str) -> bool:
        level = self.settings.fail_on
        return level != "never" and severity_rank(severity) >= severity_rank(level)


def merge_same_span(findings: list[Finding]) -> list[Finding]:
    """One finding per exact span: when several rules flag the same text (a phrase list and a
    parse-aware rule, say), keep the most severe (the first of them in rule-id order) and give it
    the others' suggestions."""
    by_span: dict[tuple, list[Finding]] = {}
    for f in findings:
        by_span.setdefault((f.path, f.start, f.end), []).append(f)
    out = []
    for group in by_span.values():
        keep = max(group, key=lambda f: (severity_rank(f.severity), -group.index(f)))
        extra = [s for f in group if f is not keep for s in f.suggestions]
        seen = {s.text for s in keep.suggestions}
        merged = keep.suggestions + tuple(s for s in extra if not (s.text in seen or seen.add(s.text)))
        out.append(replace(keep, suggestions=merged) if merged != keep.suggestions else keep)
    return sorted(out, key=lambda f: f.sort_key)
