"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

A finding over several lines gives ``line`` and ``endLine`` only: the toolkit rejects ``col`` and
``endColumn`` on a multi-line annotation. A file that could not be linted is an ``::error`` too,
so a broken bank shows on the diff rather than only in the log.
"""

from __future__ import annotations

from typing import TextIO

from answerlint.report import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _command(level: str, props: list[tuple[str, object]], message: str) -> str:
    shown = ",".join(f"{k}={_escape(str(v), True)}" for k, v in props if v is not None)
    return f"::{level} {shown}::{_escape(message)}\n" if shown else f"::{level}::{_escape(message)}\n"


def write(report: Report, out: TextIO, color: bool) -> None:
    for f in report.findings:
        one_line = f.line == f.end_line
        out.write(_command(_LEVEL[f.severity], [
            ("file", f.path), ("line", f.line), ("col", f.column if one_line else None),
            ("endLine", f.end_line), ("endColumn", f.end_column if one_line else None), ("title", f.rule)],
            f.message))
    for e in report.distinct_errors():
        out.write(_command("error", [("file", e.path), ("line", e.line), ("col", e.column),
                                     ("title", "answerlint")], e.problem))
