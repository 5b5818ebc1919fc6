"""``answerlint check``: lint through a Session (see session.py), apply fixes, report."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, TextIO

from answerlint import sourcefile
from answerlint.engine import FileResult, Profile
from answerlint.errors import AnswerlintError
from answerlint.fixes import fix_all, unified_diff
from answerlint.model import Bank, Finding
from answerlint.readers import READERS, read_bank
from answerlint.session import STDIN, Session, located



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
    cache: bool = False  # `answerlint check` turns it on unless --no-cache
    cache_dir: str | None = None  # default: .answerlint_cache next to each configuration
    baseline: str | None = None  # report only findings this baseline does not record
    write_baseline: str | None = None  # record every finding in this file, report nothing
    output_file: str | None = None  # write the report (or the diff) here, in one step, not to stdout
    show_settings: bool = False  # print the settings for the first path instead of linting
    verbose: bool = False  # say on stderr what was read from each bank (verbose.py)
    jobs: int | None = None  # worker processes (None: the CPU count, one for a small run)
    progress: bool = True  # a progress bar on stderr for long runs (terminal and text formats only)

    @property
    def scored(self) -> bool:
        """Scores cost a little NLP: computed when the output shows them or the exit status uses them."""
        return self.fmt in ("text", "json") or self.fail_under is not None or self.explain_score

    @property
    def metrics(self) -> bool:
        """Each item's readability: the JSON report shows it (cached with the item's findings)."""
        return self.fmt == "json"


def session_for(options: Options, resident=None) -> Session:
    """``resident``: what a long-lived process keeps between commands (resident.Resident)."""
    kept = {} if resident is None else {"pipelines": resident.pipelines, "parse_pack": resident.parse_pack,
                                        "compiled": resident.compiled}
    return Session(config=options.config, select=options.select, extend_select=options.extend_select,
                   ignore=options.ignore, fail_on=options.fail_on, model=options.model,
                   cache=(options.cache_dir or True) if options.cache else False, **kept)


def run(options: Options, stdin: BinaryIO, stdout: TextIO, report_error: Callable[[str], None],
        resident=None) -> int:
    """``resident``: what the daemon keeps between commands (resident.Resident: loaded pipelines,
    parsed packs, compiled rules); None in a process of its own."""
    from answerlint.formatters import REGISTRY
    from answerlint.report import Report

    from answerlint.baseline import Baseline
    from answerlint.decision import BaselineFilter

    session = session_for(options, resident)
    report_error = _once(report_error)
    if options.show_settings:
        return _show_settings(session, options, stdout, report_error)
    try:
        hide = BaselineFilter(Baseline.load(options.baseline)) if options.baseline else None
    except AnswerlintError as exc:
        report_error(str(exc))
        return 2
    recorded = Baseline(options.write_baseline) if options.write_baseline else None
    _skip_own_output(session, options, stdout)
    out = io.StringIO() if options.output_file else stdout  # where the report goes
    results: list[FileResult] = []
    failed = False
    rules: dict = {}
    rates: dict = {}
    diffs: list[str] = []
    fixed = 0
    fixed_stdin: str | None = None
    for name, path, read in _targets(session, options, report_error, results):
        result = session.lint_file(name, path, stdin.read() if path is None else None, options.stage,
                                   options.scored, report_error, options.metrics, read)
        results.append(result)
        if options.verbose and result.bank is not None:
            from answerlint.verbose import read_notes

            for note in read_notes(name, result.bank):
                report_error(note)
        if result.error is not None:
            continue
        profile = session.profile_for(path or Path(name if name != STDIN else ".").absolute())
        bank, source = result.bank, result.source
        try:
            if options.fix or options.diff:
                after, count = _fixed(name, bank, result.findings, session, profile, options, report_error)
                if after is not None and options.diff:
                    diffs.append(unified_diff(name, bank.source, after.source))
                elif after is not None:
                    if source is None:
                        fixed_stdin = after.source
                    else:
                        sourcefile.replace_text(source, after.source)
                    fixed += count
                    result.bank = after
                    result.findings, result.scores, result.metrics = session.lint_bank(
                        after, profile, options.stage, options.scored, options.metrics)
                elif options.fix and source is None:
                    fixed_stdin = bank.source
        except AnswerlintError as exc:
            result.error = located(exc, name)
            report_error(str(exc))
            continue
        if recorded is not None:
            recorded.add(result.findings, result.bank.source)
        if hide is not None:
            result.findings = hide.new_findings(name, result.findings, result.bank.source)
        rules.update(profile.rules)
        rates[name] = profile.settings.words_per_minute
        failed = failed or any(profile.decider.fails(f.severity) for f in result.findings)
        if options.fail_under is not None:
            failed = failed or any(s.score < options.fail_under for s in result.scores)
    if not results:  # as ruff does: say so rather than report a clean run of nothing
        report_error("warning: no answer banks found (looked for "
                     f"{', '.join(sorted(READERS))} files; see `exclude`)")
    if recorded is not None:
        return _write_baseline(recorded, results, report_error)
    if options.diff:
        out.write("".join(diffs))
        code = 2 if any(r.error for r in results) else (1 if diffs else 0)
        return _flush(out, options, report_error, code)
    if fixed:
        report_error(f"fixed {fixed} finding{'s' if fixed != 1 else ''}")
    if fixed_stdin is not None:
        stdout.write(fixed_stdin)
        if out is stdout:
            out = _ErrorStream(report_error)
    if session.skipped:
        reasons = sorted(set(session.skipped.values()))
        report_error(f"notice: {'; '.join(reasons)}; skipped rules: {', '.join(sorted(session.skipped))}")
    report = Report(results, rules, rates, options.suggestions, options.statistics, options.explain_score)
    if hide is not None:
        report.baselined, report.baseline_unused = hide.hidden, hide.unused()
        if options.fmt not in ("text", "concise"):  # those say it in their summary line
            report_error(f"notice: {report.baseline_summary()}")
    REGISTRY[options.fmt](report, out, options.color)
    return _flush(out, options, report_error, 2 if report.errors else 1 if failed else 0)


def _show_settings(session: Session, options: Options, stdout: TextIO, report_error) -> int:
    from answerlint.settingsview import render, resolve

    target = options.paths[0] if options.paths[0] != STDIN else (options.stdin_filename or ".")
    cli = {"select": options.select, "extend_select": options.extend_select, "ignore": options.ignore,
           "fail_on": options.fail_on, "stage": options.stage, "model": options.model}
    try:
        text = render(resolve(session, target, cli), options.fmt == "json")
    except AnswerlintError as exc:
        report_error(str(exc))
        return 2
    out = io.StringIO() if options.output_file else stdout
    out.write(text)
    return _flush(out, options, report_error, 0)


def _flush(out, options: Options, report_error, code: int) -> int:
    """Write the report to --output-file, if given (its errors exit 2)."""
    if not options.output_file:
        return code
    from answerlint.outputfile import write_atomic

    try:
        write_atomic(options.output_file, out.getvalue())
    except AnswerlintError as exc:
        report_error(str(exc))
        return 2
    return code


def _skip_own_output(session: Session, options: Options, stdout: TextIO) -> None:
    """The files answerlint writes are not banks to lint: `check -o report.txt .`, or
    `check --format json > out.json` (which the shell has created, empty, before the run)."""
    for target in (options.output_file, options.write_baseline, options.baseline):
        if target:
            session.skip_file(Path(target))
    try:
        session.skip_file(os.fstat(stdout.fileno()))
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass  # not a file (a pipe, a terminal, or a test's buffer)


def _write_baseline(recorded, results: list[FileResult], report_error) -> int:
    try:
        from answerlint.outputfile import write_atomic

        write_atomic(recorded.path, recorded.dumps(), "baseline")
    except AnswerlintError as exc:
        report_error(str(exc))
        return 2
    n = sum(recorded.entries.values())
    report_error(f"wrote {n} finding{'s' if n != 1 else ''} to the baseline {recorded.path}")
    return 2 if any(r.error for r in results) else 0


def _targets(session: Session, options: Options, report_error, results: list[FileResult]):
    """The targets of the run, as ``session.targets`` yields them, each with the file and bank
    read while planning (or None); with more than one job the items still to analyse are first
    analysed by worker processes (see parallel.py). What ``targets`` reports or adds to
    ``results`` while walking is replayed in the same order."""
    from answerlint import parallel, progress

    if options.jobs == 1 and not options.progress:
        for name, path in session.targets(options.paths, report_error, results, options.stdin_filename):
            yield name, path, None
        return
    events: list[tuple] = []
    walked = _Recorder(events)
    for name, path in session.targets(options.paths, lambda m: events.append(("message", m)), walked,
                                      options.stdin_filename):
        events.append(("target", name, path))
    files = [(e[1], e[2]) for e in events if e[0] == "target" and e[2] is not None]
    pieces = 4 * (options.jobs or os.cpu_count() or 1)
    planned = parallel.plan(session, files, options.stage, pieces)
    jobs = parallel.jobs_for(options.jobs, planned.items)
    if progress.wanted(options.fmt, options.progress, planned.items):
        bar = progress.Bar(planned.items)
        try:
            parallel.prefill(session, options, planned, jobs, bar.advance)
        finally:
            bar.close()
    elif jobs > 1:
        parallel.prefill(session, options, planned, jobs)
    for event in events:
        if event[0] == "message":
            report_error(event[1])
        elif event[0] == "result":
            results.append(event[1])
        else:
            yield event[1], event[2], planned.read.pop(event[1], None) if event[2] is not None else None


class _Recorder:
    """Stands for the results list while walking: what is added is kept as an event."""

    def __init__(self, events: list) -> None:
        self._events = events

    def append(self, result: FileResult) -> None:
        self._events.append(("result", result))


def _fixed(name: str, bank: Bank, findings: list[Finding], session: Session, profile: Profile,
           options: Options, report_error) -> tuple[Bank | None, int]:
    """The bank with every safe fix that keeps its structure applied (None if none applies),
    and how many findings that fixed. Fixes that could not be applied are reported."""
    outcome = fix_all(bank, findings, lambda b: session.lint(b, profile, options.stage),
                      lambda text: read_bank(name, text, profile.settings.question_sections))
    for finding, matched, why in outcome.skipped:
        report_error(f"notice: {name}:{finding.line}:{finding.column}: not fixed ({why}): "
                     f"'{matched}' [{finding.rule}]")
    return outcome.bank, len(outcome.fixed)


def _once(report_error: Callable[[str], None]) -> Callable[[str], None]:
    """Report each distinct error once (a bad config or option affects every file it applies to)."""
    seen: set[str] = set()

    def report(message: str) -> None:
        if message not in seen:
            seen.add(message)
            report_error(message)

    return report


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
