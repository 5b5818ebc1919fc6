"""``answerlint report``: lint through a Session, as ``check`` does, and write the HTML report.

Errors are reported as ``check`` reports them (one line each, exit 2); the report is still
written, with the errors listed in it. The file is written in one step (outputfile.py); ``-``
writes it to standard output.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, TextIO

from answerlint.errors import AnswerlintError
from answerlint.session import STDIN, Session

DEFAULT_OUTPUT = "answerlint-report.html"


@dataclass(frozen=True)
class ReportOptions:
    paths: tuple[str, ...] = (".",)
    output: str = DEFAULT_OUTPUT  # "-": standard output
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    stage: str | None = None
    config: str | None = None
    model: str | None = None
    cache: bool | str = False  # False, True (next to each config) or a directory
    stdin_filename: str | None = None
    title: str = "Answer bank report"


def run(options: ReportOptions, stdin: BinaryIO, stdout: TextIO, report_error: Callable[[str], None]) -> int:
    from answerlint.htmlreport.render import render
    from answerlint.htmlreport.view import RunView, bank_view
    from answerlint.readers import READERS
    from answerlint.report import Report
    from answerlint.runner import _once  # each distinct error once, as check does

    session = Session(config=options.config, select=options.select, extend_select=options.extend_select,
                      ignore=options.ignore, model=options.model, cache=options.cache)
    report_error = _once(report_error)
    _skip_own_output(session, options.output, stdout)
    results, banks, rules = [], [], {}
    for name, path in session.targets(options.paths, report_error, results, options.stdin_filename):
        result = session.lint_file(name, path, stdin.read() if path is None else None, options.stage,
                                   True, report_error)
        results.append(result)
        if result.error is not None or result.bank is None:
            continue
        profile = session.profile_for(path or Path(name if name != STDIN else ".").absolute())
        try:
            banks.append(bank_view(result, profile, options.stage, len(banks) + 1))
        except AnswerlintError as exc:
            result.error = exc.located(name)
            report_error(str(result.error))
            continue
        rules.update(profile.rules)
    if not results:
        report_error("warning: no answer banks found (looked for "
                     f"{', '.join(sorted(READERS))} files; see `exclude`)")
    if session.skipped:
        reasons = sorted(set(session.skipped.values()))
        report_error(f"notice: {'; '.join(reasons)}; skipped rules: {', '.join(sorted(session.skipped))}")
    errors = Report(results).distinct_errors()
    view = RunView(banks, [str(e) for e in errors], rules, any(r.scores for r in results))
    page = render(view, options.title)
    code = 2 if errors else 0
    if options.output == "-":
        stdout.write(page)
        return code
    from answerlint.outputfile import write_atomic

    try:
        write_atomic(options.output, page, "report")
    except AnswerlintError as exc:
        report_error(str(exc))
        return 2
    n = len(view.findings)
    report_error(f"wrote {options.output}: {len(view.answers)} answers, {len(view.questions)} questions, "
                 f"{n} finding{'s' if n != 1 else ''}")
    return code


def _skip_own_output(session: Session, output: str, stdout: TextIO) -> None:
    """Never lint the report being written (`report -o out.html .`, or `-o - > out.html`)."""
    if output != "-":
        session.skip_file(Path(output))
        return
    try:
        session.skip_file(os.fstat(stdout.fileno()))
    except (AttributeError, OSError, ValueError):
        pass

