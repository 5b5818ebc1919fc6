"""Human formats: ``concise`` (one line per finding) and ``text`` (source excerpt with carets)."""

from __future__ import annotations

import re
from typing import TextIO

import click

from answerlint.lines import LineIndex
from answerlint.model import Finding
from answerlint.report import Report

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


# Line breaks a reader (Vim, Emacs, Python's splitlines) could take as the end of a line
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ESCAPES = {"\r\n": "\\r\\n", "\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """``text`` on one line: CR and LF escaped as ``\\r`` and ``\\n``, other breaks as ``\\xNN``/``\\uNNNN``."""
    return _BREAKS.sub(lambda m: _ESCAPES.get(m.group(0)) or m.group(0).encode("unicode_escape").decode("ascii"),
                       text)


def concise_line(f: Finding) -> str:
    """``path:line:column: severity: message [rule]``, always one line (a user pack's message or
    a file name may hold a line break)."""
    return f"{one_line(f.path)}:{f.line}:{f.column}: {f.severity}: {one_line(f.message)} [{f.rule}]"


def write_concise(report: Report, out: TextIO, color: bool) -> None:
    if report.statistics:
        return write_statistics(report, out, color)
    for f in report.findings:
        out.write(concise_line(f) + "\n")
    _summary(report, out, color)


def write_full(report: Report, out: TextIO, color: bool) -> None:
    if report.statistics:
        return write_statistics(report, out, color)
    style = (lambda s, **kw: click.style(s, **kw)) if color else (lambda s, **kw: s)
    for result in report.results:
        if not result.findings:
            continue
        index = LineIndex(result.bank.source)
        for f in result.findings:
            head = style(f.severity, fg=_COLORS[f.severity], bold=True)
            out.write(f"{head}{style('[' + f.rule + ']', bold=True)}: {f.message}\n")
            out.write(f"  --> {f.path}:{f.line}:{f.column}\n")
            _excerpt(f, index, out, style)
            gutter = " " * len(str(f.end_line))
            for s in f.suggestions if report.show_suggestions else ():
                out.write(f"{gutter} = {style('suggestion', fg='green', bold=True)}: {s.text}\n")
            if f.item is not None and f.item.question:
                out.write(f"{gutter} = {style('answer to', bold=True)}: {f.item.question}\n")
            out.write("\n")
    _scorecard(report, out, style)
    _summary(report, out, color)


_VERDICT_COLORS = {"weak": "red", "needs work": "yellow", "strong": "green"}


def _scorecard(report: Report, out: TextIO, style) -> None:
    """One line per answer, weakest first: score, verdict, where, question, what to fix first."""
    rows = []
    for result in report.results:
        if not result.scores:
            continue
        index = LineIndex(result.bank.source)
        for s in result.scores:
            start = s.item.body.offsets[0] if s.item.body.offsets else 0
            rows.append((s, f"{result.path}:{index.position(start)[0]}"))
    if not rows:
        return
    out.write(style("Scorecard", bold=True) + " (weakest first; --explain-score shows the arithmetic)\n")
    for s, where in sorted(rows, key=lambda row: row[0].score):
        verdict = style(s.verdict.ljust(10), fg=_VERDICT_COLORS[s.verdict], bold=True)
        question = s.item.question or f"answer {s.item.index}"
        out.write(f"  {str(s.score).rjust(3)}  {verdict}  {where}  {question}  -- fix first: "
                  f"{' '.join(s.fix_first.split())}\n")
        if report.explain_scores:
            for label, points in s.parts:
                out.write(f"         {points:+4d}  {label}\n")
            out.write(f"         {'=':>4}  {s.score} ({s.kind} answer; missing: {', '.join(s.missing) or 'nothing'})\n")
    out.write("\n")


_WIDTH = 100  # longest excerpt line shown; longer lines are cut around the finding


def _excerpt(f: Finding, index: LineIndex, out: TextIO, style) -> None:
    width = len(str(f.end_line))
    gutter = " " * width
    out.write(f"{gutter} |\n")
    last = min(f.end_line, f.line + 2)
    for line in range(f.line, last + 1):
        text = index.line_text(line).replace("\t", " ")
        start = f.column if line == f.line else len(text) - len(text.lstrip()) + 1
        end = f.end_column if line == f.end_line else len(text) + 1
        shown, start, end = _window(text, start, end)
        out.write(f"{str(line).rjust(width)} | {shown}\n")
        if end > start:
            carets = " " * (start - 1) + "^" * (end - start)
            out.write(f"{gutter} | {style(carets, fg=_COLORS[f.severity], bold=True)}\n")
    if f.end_line > last:
        more = f.end_line - last
        out.write(f"{gutter} | ... ({more} more line{'s' if more > 1 else ''})\n")


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to about _WIDTH characters around columns [start, end)."""
    if len(text) <= _WIDTH:
        return text, start, end
    left = max(0, min(start - 1 - 20, len(text) - _WIDTH))
    right = left + _WIDTH
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(text) else ""
    shown = prefix + text[left:right] + suffix
    return shown, start - left + len(prefix), min(end, right + 1) - left + len(prefix)


def _summary(report: Report, out: TextIO, color: bool) -> None:
    counts = report.counts()
    total = sum(counts.values())
    files = len({f.path for f in report.findings})
    extra = f"; {report.baseline_summary()}" if report.baselined is not None else ""
    if total == 0:
        if report.results and not report.errors:
            out.write(f"All clear: no {'new ' if extra else ''}findings{extra}.\n")
        return
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
                      for s in ("error", "warning", "info") if counts[s])
    out.write(f"Found {total} {'new ' if extra else ''}finding{'s' if total != 1 else ''} ({parts}) in {files} "
              f"file{'s' if files != 1 else ''}{extra}.\n")


def write_statistics(report: Report, out: TextIO, color: bool) -> None:
    rows = report.rule_counts()
    width = max((len(str(n)) for _, n, _ in rows), default=1)
    id_width = max((len(r) for r, _, _ in rows), default=0)
    for rule_id, n, severity in rows:
        rule = report.rules.get(rule_id)
        summary = rule.summary if rule else ""
        out.write(f"{str(n).rjust(width)}  {rule_id.ljust(id_width)}  {severity.ljust(7)}  {summary}\n")
