"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from typing import TextIO

from answerlint import __version__
from answerlint.report import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


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
    results = [{
        "ruleId": f.rule, "ruleIndex": used.index(f.rule), "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": f.path},
            "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                       "endColumn": f.end_column}}}],
    } for f in report.findings]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "answerlint", "version": __version__, "rules": rules}},
                  "results": results}],
    }
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")
