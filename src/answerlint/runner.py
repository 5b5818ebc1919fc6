"""``answerlint check``: find the files, lint each with its closest configuration, report."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, TextIO

from answerlint.config import DEFAULT_EXCLUDE, Settings, find_config, load_settings
from answerlint import sourcefile
from answerlint.engine import FileResult, Linter, Profile
from answerlint.errors import AnswerlintError, ConfigError, InputError
from answerlint.fixes import fix_all, unified_diff
from answerlint.model import Bank, Finding
from answerlint.packs import RuleSet
from answerlint.readers import READERS, read_bank, read_source

STDIN = "-"


@dataclass(frozen=True)
class Options:
    paths: tuple[str, ...] = (".",)
    fmt: str = "text"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    stage: str | None = None
    config: str | None = None
    fail_on: str | None = None
    statistics: bool = False
    stdin_filename: str | None = None
    suggestions: bool = True
    model: str | None = None
    color: bool = False
    fix: bool = False  # apply safe fixes to the files
    diff: bool = False  # print the safe fixes as a unified diff instead of applying them
    fail_under: int | None = None  # fail when an answer scores below this
    explain_score: bool = False

    @property
    def scored(self) -> bool:
        """Scores cost a little NLP: computed when the output shows them or the exit status uses them."""
        return self.fmt in ("text", "json") or self.fail_under is not None or self.explain_score


class Profiles:
    """One Profile per configuration file met during the run (closest config wins)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._by_config: dict[str | None, Profile] = {}
        self._rulesets: dict[tuple, RuleSet] = {}

    def for_path(self, path: Path) -> Profile:
        config = Path(self.options.config) if self.options.config else find_config(path)
        key = str(config.resolve()) if config else None
        if key not in self._by_config:
            settings = load_settings(config, Path.cwd()).with_overrides(
                select=self.options.select, extend_select=self.options.extend_select,
                ignore=self.options.ignore, fail_on=self.options.fail_on)
            packs = tuple(p.resolve() for p in settings.packs)
            if packs not in self._rulesets:
                self._rulesets[packs] = RuleSet.load(packs)
            self._by_config[key] = Profile(settings, self._rulesets[packs])
        return self._by_config[key]


def run(options: Options, stdin: BinaryIO, stdout: TextIO, report_error: Callable[[str], None]) -> int:
    from answerlint.formatters import REGISTRY
    from answerlint.report import Report

    profiles = Profiles(options)
    linter = Linter(options.model)
    report_error = _once(report_error)
    results: list[FileResult] = []
    failed = False
    rules: dict = {}
    rates: dict = {}
    diffs: list[str] = []
    fixed = 0
    fixed_stdin: str | None = None
    for name, path in _targets(options, profiles, report_error, results):
        result = FileResult(name)
        try:
            profile = profiles.for_path(path or Path(name if name != STDIN else ".").absolute())
            source = None if path is None else sourcefile.read(path)
            data = stdin.read() if source is None else source.data
            bank = read_source(name, data, profile.settings.question_sections)
            result.bank = bank
            result.findings, result.scores = _lint(linter, bank, profile, options)
            for line, selector in profile.decider.unknown_directive_rules(bank):
                report_error(f"warning: {name}:{line}: answerlint directive names unknown rule or pack "
                             f"'{selector}' (see `answerlint rules`)")
            if options.fix or options.diff:
                after, count = _fixed(name, bank, result.findings, linter, profile, options, report_error)
                if after is not None and options.diff:
                    diffs.append(unified_diff(name, bank.source, after.source))
                elif after is not None:
                    if source is None:
                        fixed_stdin = after.source
                    else:
                        sourcefile.replace_text(source, after.source)
                    fixed += count
                    result.bank = after
                    result.findings, result.scores = _lint(linter, after, profile, options)
                elif options.fix and source is None:
                    fixed_stdin = bank.source
            rules.update(profile.rules)
            rates[name] = profile.settings.words_per_minute
            failed = failed or any(profile.decider.fails(f.severity) for f in result.findings)
            if options.fail_under is not None:
                failed = failed or any(s.score < options.fail_under for s in result.scores)
        except AnswerlintError as exc:
            result.error = _located(exc, name)
            report_error(str(exc))
        except Exception as exc:  # a bug in answerlint: one line for this file, the others still linted
            result.error = InputError(f"internal error: {type(exc).__name__}: {exc} (please report it)", name)
            report_error(str(result.error))
        results.append(result)
    if not results:  # as ruff does: say so rather than report a clean run of nothing
        report_error("warning: no answer banks found (looked for "
                     f"{', '.join(sorted(READERS))} files; see `exclude`)")
    if options.diff:
        stdout.write("".join(diffs))
        return 2 if any(r.error for r in results) else (1 if diffs else 0)
    if fixed:
        report_error(f"fixed {fixed} finding{'s' if fixed != 1 else ''}")
    if fixed_stdin is not None:
        stdout.write(fixed_stdin)
        stdout = _ErrorStream(report_error)
    if linter.skipped:
        reasons = sorted(set(linter.skipped.values()))
        report_error(f"notice: {'; '.join(reasons)}; skipped rules: {', '.join(sorted(linter.skipped))}")
    report = Report(results, rules, rates, options.suggestions, options.statistics, options.explain_score)
    REGISTRY[options.fmt](report, stdout, options.color)
    if report.errors:
        return 2
    return 1 if failed else 0


def _lint(linter: Linter, bank: Bank, profile: Profile, options: Options):
    if options.scored:
        return linter.lint_scored(bank, profile, options.stage)
    return linter.lint(bank, profile, options.stage), []


def _fixed(name: str, bank: Bank, findings: list[Finding], linter: Linter, profile: Profile,
           options: Options, report_error) -> tuple[Bank | None, int]:
    """The bank with every safe fix that keeps its structure applied (None if none applies),
    and how many findings that fixed. Fixes that could not be applied are reported."""
    outcome = fix_all(bank, findings, lambda b: linter.lint(b, profile, options.stage),
                      lambda text: read_bank(name, text, profile.settings.question_sections))
    for finding, matched, why in outcome.skipped:
        report_error(f"notice: {name}:{finding.line}:{finding.column}: not fixed ({why}): "
                     f"'{matched}' [{finding.rule}]")
    return outcome.bank, len(outcome.fixed)


def _located(exc: AnswerlintError, name: str) -> AnswerlintError:
    """The error attributed to the file ``name``, unless it is about a command-line option."""
    if isinstance(exc, ConfigError) and exc.path is None:
        return exc
    return exc.located(name)


def _once(report_error: Callable[[str], None]) -> Callable[[str], None]:
    """Report each distinct error once (a bad config or option affects every file it applies to)."""
    seen: set[str] = set()

    def report(message: str) -> None:
        if message not in seen:
            seen.add(message)
            report_error(message)

    return report


def _targets(options: Options, profiles: Profiles, report_error, results) -> Iterator[tuple[str, Path | None]]:
    """(display name, path or None for standard input) of every bank to lint; errors for paths that are not there."""
    paths = options.paths
    if options.stdin_filename and paths == (".",):
        paths = (STDIN,)  # `--stdin-filename` without paths reads standard input, as in ruff
    for arg in paths:
        if arg == STDIN:
            name = options.stdin_filename or STDIN
            yield name, None  # the config is searched from the --stdin-filename (or the cwd)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path, profiles, report_error, results)
        elif path.exists():
            try:
                if profiles.for_path(path).settings.excluded(arg):
                    continue
            except AnswerlintError as exc:
                results.append(FileResult(arg, error=_located(exc, arg)))
                report_error(str(exc))
                continue
            yield arg, path
        else:
            exc = InputError("no such file or directory", arg)
            results.append(FileResult(arg, error=exc))
            report_error(str(exc))


def _walk(root: Path, profiles: Profiles, report_error, results) -> Iterator[tuple[str, Path]]:
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDE and not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() not in READERS or name.startswith("."):
                continue  # hidden files (such as .answerlint.yaml) are not banks, like hidden directories
            path = Path(directory) / name
            display = os.path.normpath(str(path))
            try:
                settings: Settings = profiles.for_path(path).settings
            except AnswerlintError as exc:
                results.append(FileResult(display, error=_located(exc, display)))
                report_error(str(exc))
                continue
            if not settings.excluded(display):
                yield display, path


class _ErrorStream:
    """With `- --fix`, stdout carries the fixed text; the report goes to stderr."""

    def __init__(self, report_error: Callable[[str], None]) -> None:
        self._report = report_error
        self._buffer = ""

    def write(self, text: str) -> None:
        self._buffer += text
        while "\n" in self._buffer:
            line, self._buffer = self._buffer.split("\n", 1)
            self._report(line)
