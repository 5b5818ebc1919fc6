"""``--format json``: one JSON document (version 1) with findings and per-item metrics."""

from __future__ import annotations

import json
from typing import TextIO

from answerlint.model import Finding
from answerlint.report import Report


def finding_dict(f: Finding) -> dict:
    return {
        "path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line,
        "end_column": f.end_column, "rule": f.rule, "severity": f.severity, "message": f.message,
        "item": f.item_info(),
        "suggestions": [{"text": s.text, "replacement": s.replacement, "start": s.start, "end": s.end,
                         "safe": s.safe} for s in f.suggestions],
    }


def write(report: Report, out: TextIO, color: bool) -> None:
    doc = {
        "version": 1,
        "findings": [finding_dict(f) for f in report.findings],
        "items": report.items(),
        "errors": _errors(report),
    }
    if report.baselined is not None:
        doc["baseline"] = {"hidden": report.baselined, "unused": report.baseline_unused}
    if report.statistics:
        doc["statistics"] = [{"rule": r, "count": n, "severity": s} for r, n, s in report.rule_counts()]
    out.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")  # one write: json.dump makes one per token


def _errors(report: Report) -> list[dict]:
    """Each distinct error once, as on stderr (a broken config is the error of every file under it)."""
    out: list[dict] = []
    for e in report.errors:
        entry = {"path": e.path, "line": e.line, "column": e.column, "message": e.problem}
        if entry not in out:
            out.append(entry)
    return out
