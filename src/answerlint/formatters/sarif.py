"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards.

Locations are URI references (relative paths percent-encoded, absolute paths as ``file://``
URIs) and columns count UTF-16 code units (``columnKind: utf16CodeUnits``), what GitHub code
scanning expects; answerlint's other formats count code points. Files that could not be linted
are tool execution notifications, and the run is then not successful.
"""

from __future__ import annotations

import json
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import TextIO
from urllib.parse import quote

from answerlint import __version__
from answerlint.lines import LineIndex
from answerlint.model import Finding
from answerlint.report import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
COLUMN_KIND = "utf16CodeUnits"


def artifact_uri(path: str) -> str:
    """A valid URI reference for a path as answerlint shows it."""
    native = PureWindowsPath(path) if "\\" in path or PureWindowsPath(path).drive else PurePosixPath(path)
    if native.is_absolute():
        return native.as_uri()
    return quote(PurePath(native).as_posix(), safe="/")


def utf16_column(line_text: str, column: int) -> int:
    """The 1-based column ``column`` (in code points) in UTF-16 code units."""
    before = line_text[:column - 1]
    return 1 + len(before) + sum(1 for ch in before if ord(ch) > 0xFFFF)


def write(report: Report, out: TextIO, color: bool) -> None:
    used = sorted({f.rule for f in report.findings})
    rules = []
    for rule_id in used:
        rule = report.rules.get(rule_id)
        entry = {"id": rule_id, "shortDescription": {"text": rule.summary if rule else rule_id}}
        if rule is not None:
            entry["fullDescription"] = {"text": rule.rationale}
            entry["defaultConfiguration"] = {"level": _LEVEL[rule.severity]}
            if rule.link:
                entry["helpUri"] = rule.link
        rules.append(entry)
    results = []
    for result in report.results:
        index = LineIndex(result.bank.source) if result.bank is not None else None
        for f in result.findings:
            results.append({
                "ruleId": f.rule, "ruleIndex": used.index(f.rule), "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.path)}, "region": _region(f, index)}}],
            })
    notifications = [_notification(e) for e in report.distinct_errors()]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "answerlint", "version": __version__, "rules": rules}},
                  "invocations": [{"executionSuccessful": not notifications,
                                   "toolExecutionNotifications": notifications}],
                  "columnKind": COLUMN_KIND, "results": results}],
    }
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _region(f: Finding, index: LineIndex | None) -> dict:
    start, end = f.column, f.end_column
    if index is not None:
        start = utf16_column(index.line_text(f.line), f.column)
        end = utf16_column(index.line_text(f.end_line), f.end_column)
    return {"startLine": f.line, "startColumn": start, "endLine": f.end_line, "endColumn": end}


def _notification(error) -> dict:
    """A file or config that could not be read, where the error says it is."""
    entry: dict = {"level": "error", "message": {"text": error.problem}}
    if error.path:
        where: dict = {"artifactLocation": {"uri": artifact_uri(error.path)}}
        if error.line:
            where["region"] = {"startLine": error.line, **({"startColumn": error.column} if error.column else {})}
        entry["locations"] = [{"physicalLocation": where}]
    return entry

