"""Helpers for the command-line tests: run ``answerlint`` in-process and read what it printed.

Every run of ``answerlint check`` loads the rule packs and compiles their phrase lists (about a
second). The ``fast_cli`` fixture keeps one copy of each rule set and of the compiled rules for the
whole test session, so that a test run costs a fraction of that (compiled rules are keyed by their
fingerprint, so a rule whose options a config overrides is compiled for those options).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import answerlint.session
from answerlint.cli import main
from answerlint.engine import Linter
from answerlint.packs import RuleSet

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"

_load = RuleSet.load.__func__
_rulesets: dict[tuple, RuleSet] = {}
_compiled: dict = {}
_providers: dict = {}


def _cached_load(cls, extra_dirs=()):
    key = tuple(Path(d).resolve() for d in extra_dirs)
    if key not in _rulesets:
        ruleset = _load(cls, extra_dirs)
        _rulesets[key] = ruleset
    return _rulesets[key]


def _linter(*args, **kwargs) -> Linter:
    linter = Linter(*args, **kwargs)
    linter._providers = _providers  # spaCy loaded once per pipeline for the whole session
    linter._compiled = _compiled  # keyed by rule fingerprints: safe to share between runs
    return linter


@pytest.fixture
def fast_cli(monkeypatch):
    monkeypatch.setattr(RuleSet, "load", classmethod(_cached_load))
    monkeypatch.setattr(answerlint.session, "Linter", _linter)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


def invoke(*args: str, input: str | bytes | None = None) -> Run:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def check(*args: str, input: str | bytes | None = None) -> Run:
    return invoke("check", *args, input=input)


def findings(*args: str, input: str | bytes | None = None) -> list[dict]:
    """The findings of ``answerlint check --format json ARGS``."""
    run = check("--format", "json", *args, input=input)
    assert run.code in (0, 1), run.stderr
    return run.json["findings"]


def covered(source: str, f: dict) -> str:
    """The source text between a finding's (line, column) and (end_line, end_column)."""
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", source)  # LF, CRLF and CR only
    line, col, end_line, end_col = f["line"], f["column"], f["end_line"], f["end_column"]
    if line == end_line:
        return lines[line - 1][col - 1:end_col - 1]
    middle = "".join(lines[line:end_line - 1])
    return lines[line - 1][col - 1:] + middle + lines[end_line - 1][:end_col - 1]


def spots(found: list[dict], rule_prefix: str = "") -> list[tuple]:
    """(rule, line, column, end_line, end_column) of each finding whose rule starts with the prefix."""
    return [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"])
            for f in found if f["rule"].startswith(rule_prefix)]
