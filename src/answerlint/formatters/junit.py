"""``--format junit``: JUnit XML, as GitLab, Jenkins and most CI servers read test reports.

One ``<testsuite>`` per bank, one ``<testcase>`` per item (answer or candidate question), named
after its interview question, with ``file`` and ``line`` attributes. An item with findings fails:
one ``<failure>`` (the Ant JUnit schema allows one per test case) whose ``type`` is the highest
severity and whose text lists every finding as ``path:line:column: severity: message [rule]``.
Findings over the bank itself (or a suppression comment) make a test case named after the file. A
bank that could not be read is a suite whose one test case is an ``<error>``.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.sax.saxutils import escape

from answerlint.formatters.text import concise_line
from answerlint.lines import LineIndex
from answerlint.model import ANSWER, Finding, Item, severity_rank
from answerlint.report import Report

# characters XML 1.0 cannot hold at all, even escaped
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _INVALID.sub("\ufffd", text)


def _attr(value: object) -> str:
    return '"' + escape(_clean(str(value)), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}) + '"'


def _text(value: str) -> str:
    return escape(_clean(value))


def _case_name(item: Item) -> str:
    if item.role == ANSWER:
        return f"answer {item.index}: {item.question}" if item.question else f"answer {item.index}"
    words = " ".join(item.text.split())
    return f"question {item.index}: {words[:60]}{'...' if len(words) > 60 else ''}"


def _failure(findings: list[Finding]) -> list[str]:
    worst = max((f.severity for f in findings), key=severity_rank)
    n = len(findings)
    message = f"{n} finding{'s' if n != 1 else ''}: " + ", ".join(dict.fromkeys(f.rule for f in findings))
    body = "\n".join(concise_line(f) for f in findings)
    return [f"      <failure type={_attr(worst)} message={_attr(message)}>{_text(body)}</failure>"]


def _case(name: str, path: str, line: int | None, findings: list[Finding]) -> list[str]:
    where = f" line={_attr(line)}" if line is not None else ""
    head = f"    <testcase name={_attr(name)} classname={_attr(path)} file={_attr(path)}{where}"
    if not findings:
        return [head + "/>"]
    return [head + ">", *_failure(findings), "    </testcase>"]


def write(report: Report, out: TextIO, color: bool) -> None:
    suites: list[tuple[int, int, int, list[str]]] = []  # tests, failures, errors, lines
    for result in report.results:
        if result.bank is None:
            continue
        bank = result.bank
        index = LineIndex(bank.source)
        by_item: dict[int, list[Finding]] = {}
        loose: list[Finding] = []
        for f in result.findings:
            (by_item.setdefault(id(f.item), []) if f.item is not None else loose).append(f)
        cases: list[list[str]] = []
        failures = 0
        if loose:
            cases.append(_case(bank.path, bank.path, None, loose))
            failures += 1
        for item in bank.items:
            mine = by_item.get(id(item), [])
            start = item.body.offsets[0] if item.body.offsets else 0
            cases.append(_case(_case_name(item), bank.path, index.position(start)[0], mine))
            failures += bool(mine)
        head = (f"  <testsuite name={_attr(bank.path)} tests=\"{len(cases)}\" failures=\"{failures}\" "
                f"errors=\"0\"")
        lines = [head + ">", *(line for case in cases for line in case), "  </testsuite>"] if cases else [head + "/>"]
        suites.append((len(cases), failures, 0, lines))
    for e in report.distinct_errors():
        path = e.path or "answerlint"
        where = f" line={_attr(e.line)}" if e.line is not None else ""
        suites.append((1, 0, 1, [
            f"  <testsuite name={_attr(path)} tests=\"1\" failures=\"0\" errors=\"1\">",
            f"    <testcase name={_attr(path)} classname={_attr(path)} file={_attr(path)}{where}>",
            f"      <error type=\"error\" message={_attr(e.problem)}>{_text(str(e))}</error>",
            "    </testcase>",
            "  </testsuite>"]))
    tests, failures, errors = (sum(s[i] for s in suites) for i in range(3))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="answerlint" tests="{tests}" failures="{failures}" errors="{errors}">\n')
    for *_, lines in suites:
        out.write("\n".join(lines) + "\n")
    out.write("</testsuites>\n")
