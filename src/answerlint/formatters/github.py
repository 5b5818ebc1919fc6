"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from typing import TextIO

from answerlint.report import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def write(report: Report, out: TextIO, color: bool) -> None:
    for f in report.findings:
        props = (f"file={_escape(f.path, True)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_escape(f.rule, True)}")
        out.write(f"::{_LEVEL[f.severity]} {props}::{_escape(f.message)}\n")
