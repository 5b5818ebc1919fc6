"""Running rules over banks and turning what they yield into located, decided findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from answerlint.analysis import Analysis
from answerlint.config import Settings
from answerlint.decision import UNUSED_SUPPRESSION, DecisionEngine, merge_overlaps
from answerlint.errors import AnswerlintError, ConfigError
from answerlint.fingerprint import rule_fingerprint
from answerlint.kinds import get_kind
from answerlint.kinds.base import NEEDS_NOTHING, NEEDS_PARSE, NEEDS_TAGS
from answerlint.lines import LineIndex
from answerlint.model import ANSWER, Bank, Finding
from answerlint.nlpprovider import NlpProvider, Pipelines
from answerlint.packs import RuleSet, validate_options
from answerlint.rules import Rule
from answerlint.schema import Ctx

if TYPE_CHECKING:
    from answerlint.scoring import Score
    from answerlint.sourcefile import SourceFile


class Profile:
    """Everything derived from one configuration: its rules (with options applied) and decisions."""

    def __init__(self, settings: Settings, ruleset: RuleSet) -> None:
        self.settings = settings
        self.ruleset = ruleset
        self.decider = DecisionEngine(settings, ruleset)
        self.rules: dict[str, Rule] = {}
        for rule in ruleset.rules:
            overrides = settings.rules.get(rule.id)
            if overrides:
                ctx = Ctx(settings.source, ConfigError, f"rules: '{rule.id}'")
                options = validate_options(rule, overrides, ctx, settings.rules, rule.id)
                rule = replace(rule, options=options)
                get_kind(rule.kind).validate(rule, lambda problem, key=None: ctx.fail(problem))
            self.rules[rule.id] = rule
        for rule_id in settings.rules:
            if rule_id not in ruleset.by_id:
                line, col = settings.rule_positions.get(rule_id, (None, None))
                raise ConfigError(f"rules: unknown rule '{rule_id}'", settings.source, line, col)

    def rules_for(self, path: str | None) -> list[Rule]:
        return [self.rules[r.id] for r in self.decider.rules_for(path)]


@dataclass
class FileResult:
    path: str
    bank: Bank | None = None
    findings: list[Finding] = field(default_factory=list)
    error: AnswerlintError | None = None
    scores: list["Score"] = field(default_factory=list)
    source: "SourceFile | None" = None  # the file as read (``--fix`` replaces it only if unchanged)
    refused: list[AnswerlintError] = field(default_factory=list)  # items too long to lint, one error each
    metrics: dict[int, dict] = field(default_factory=dict)  # id(item) -> readability, when asked for


class Linter:
    """Lints banks; owns the spaCy provider and the rules compiled for this run. ``pipelines``:
    where the providers get their spaCy objects (by default loaded afresh); ``kept``: a dict of
    compiled rules that outlives the Linter (the daemon's), for kinds that need nothing of spaCy,
    whose compiled form depends on the rule alone (keyed by its fingerprint)."""

    def __init__(self, model: str | None = None, parse_all: bool = False,
                 pipelines: Pipelines | None = None, kept: dict | None = None) -> None:
        self.model = model  # --model: overrides every config's `model`
        self.parse_all = parse_all
        self.pipelines = pipelines
        self._kept = kept
        self._providers: dict[str | None, NlpProvider] = {}
        self._compiled: dict[tuple, object] = {}
        self.skipped: dict[str, str] = {}  # rule id -> why it could not run with this pipeline

    def provider(self, settings: Settings) -> NlpProvider:
        """One spaCy provider per pipeline name, shared by every bank of the run."""
        model = self.model or settings.model
        if model not in self._providers:
            self._providers[model] = NlpProvider(model, self.parse_all, self.pipelines)
        return self._providers[model]

    def runnable(self, rules: list[Rule], provider: NlpProvider, scheme: str | None = None) -> list[Rule]:
        """The rules the chosen pipeline can serve; the others are noted in ``skipped``.
        ``scheme``: the pipeline's label scheme when already known (from the cache), so that
        the pipeline need not be loaded to find it."""
        out = []
        for rule in rules:
            wanted = getattr(get_kind(rule.kind), "requires_labels", None)
            problem = self._pipeline_problem(wanted, provider, scheme) if wanted else None
            if problem:
                self.skipped[rule.id] = problem
                continue
            out.append(rule)
        return out

    @staticmethod
    def _pipeline_problem(wanted: str, provider: NlpProvider, scheme: str | None = None) -> str | None:
        scheme = scheme or provider.label_scheme()
        if scheme != wanted:
            name = provider.model or "the bundled pipeline"
            return (f"pipeline '{name}' has no parser" if scheme == "none" else
                    f"pipeline '{name}' uses {scheme} dependency labels, not {wanted.upper()}")
        return None

    def lint(self, bank: Bank, profile: Profile, stage: str | None = None,
             rules: list[Rule] | None = None) -> list[Finding]:
        return self._run(bank, profile, stage, rules)[0]

    def lint_scored(self, bank: Bank, profile: Profile, stage: str | None = None,
                    rules: list[Rule] | None = None) -> tuple[list[Finding], list["Score"]]:
        """The findings, and a score for every answer (see scoring.py). No scores when no selected
        rule reads the language (``--select length``, say): a score stands on the answer's facts,
        and those would cost loading the pipeline that the selection does not otherwise need."""
        from answerlint.scoring import score_answer

        findings, analysis, ran = self._run(bank, profile, stage, rules)
        if not any(get_kind(r.kind).needs in (NEEDS_TAGS, NEEDS_PARSE) for r in ran):
            return findings, []
        length_rules = {r.id for r in ran if r.kind == "length"}
        scores = [score_answer(item, analysis.facts(item), findings, length_rules) for item in bank.answers]
        return findings, scores

    def _run(self, bank: Bank, profile: Profile, stage: str | None, rules: list[Rule] | None):
        provider = self.provider(profile.settings)
        rules = self.runnable(profile.rules_for(bank.path) if rules is None else rules, provider)
        analysis = Analysis(bank, provider, profile.settings.words_per_minute)
        found = list(self.raw_findings(rules, analysis))
        return self.decide(bank, profile, stage, rules, found), analysis, rules

    def raw_findings(self, rules: list[Rule], analysis: Analysis):
        """(rule, raw finding) for each rule in turn, in the order its kind yields them, with
        claims backed by evidence close by already softened."""
        provider = analysis.nlp
        tagging = [r for r in rules if get_kind(r.kind).needs in (NEEDS_TAGS, NEEDS_PARSE)]
        # whether an answer is complete is read off its parse: not worth loading spaCy for when
        # nothing else selected reads the language (`--select length` stays instant)
        reads_language = bool(tagging)
        # every item a tag-aware rule looks at is tagged by it anyway: tag them in one batch
        analysis.prefetch([i for r in tagging for i in analysis.items_for(r, excuse=False)],
                          [i for r in tagging if get_kind(r.kind).needs == NEEDS_PARSE
                           for i in analysis.items_for(r, excuse=False)])
        for rule in rules:
            kind = get_kind(rule.kind)
            key = (rule_fingerprint(rule), provider.model, provider.parse_all)
            if key not in self._compiled:
                self._compiled[key] = self._prepare(kind, rule, key[0], provider)
            for raw in kind.check(rule, self._compiled[key], analysis):
                if rule.softened_by_evidence and raw.item is not None and analysis.evidence_near(raw.item, raw.start):
                    raw = replace(raw, demote=raw.demote + 1)
                if rule.softened_when_complete and reads_language and raw.item is not None \
                        and analysis.complete(raw.item):
                    raw = replace(raw, demote=raw.demote + 1)
                yield rule, raw

    def _prepare(self, kind, rule: Rule, fingerprint: str, provider: NlpProvider):
        if self._kept is None or kind.needs != NEEDS_NOTHING:
            return kind.prepare(rule, provider)
        if fingerprint not in self._kept:
            self._kept[fingerprint] = kind.prepare(rule, provider)
        return self._kept[fingerprint]

    @staticmethod
    def decide(bank: Bank, profile: Profile, stage: str | None, rules: list[Rule], found) -> list[Finding]:
        """The (rule, raw finding) pairs located in the source, suppressed or given a severity,
        and merged where they flag the same words."""
        decider = profile.decider
        stage = decider.stage(bank, stage)
        index = LineIndex(bank.source)
        findings: list[Finding] = []
        used: set = set()  # (directive span, selector) pairs that suppressed something
        for rule, raw in found:
            start, end = raw.item.body.source_span(raw.start, raw.end) if raw.item else (raw.start, raw.end)
            line, column = index.position(start)
            end_line, end_column = index.end_position(start, end)
            suppressing = decider.suppressing(rule, line, end_line, bank)
            if suppressing:
                used.update((d.span, sel) for d, sel in suppressing)
                continue
            answer_kind = raw.item.kind if raw.item is not None and raw.item.role == ANSWER else None
            findings.append(Finding(
                bank.path, line, column, end_line, end_column, rule.id,
                decider.severity(rule, stage, answer_kind, raw.demote),
                raw.message, start, end, raw.item, _located(raw)))
        phrase_kinds = {r.id: r.kind for r in rules if _phrase_level(r)}
        findings.extend(_unused_suppressions(bank, decider, rules, used, index))
        return merge_overlaps(findings, phrase_kinds)


def _unused_suppressions(bank: Bank, decider, rules: list[Rule], used: set, index: LineIndex) -> list[Finding]:
    out = []
    for (start, end), selectors in decider.unused_suppressions(bank, rules, used):
        what = ", ".join(f"'{s}'" for s in selectors)
        message = (f"Unused suppression: {what} suppressed nothing here" if selectors else
                   "Unused suppression: this directive suppressed nothing")
        line, column = index.position(start)
        end_line, end_column = index.end_position(start, end)
        out.append(Finding(bank.path, line, column, end_line, end_column, UNUSED_SUPPRESSION,
                           decider.meta_severity(UNUSED_SUPPRESSION), message, start, end))
    return out


def _phrase_level(rule: Rule) -> bool:
    """Does the rule flag a few words (not a sentence, an answer or a section)?"""
    return get_kind(rule.kind).span_level == "phrase" and rule.options.get("extent") != "sentence"


def _located(raw) -> tuple:
    """Suggestions with their item offsets turned into source offsets."""
    if raw.item is None:
        return raw.suggestions
    out = []
    for s in raw.suggestions:
        if s.start is not None and s.end is not None:
            start, end = raw.item.body.source_span(s.start, s.end)
            s = replace(s, start=start, end=end, item_span=(s.start, s.end))
        out.append(s)
    return tuple(out)
