"""Golden output over the corpus (like Vale's feature tests): concise and JSON, byte for byte.

Regenerate after an intended change with:  ANSWERLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from answerlint.cli import main
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
BANKS = ["sample-bank.md", "weak.md", "strong.md", "bank.yaml", "bank.json", "answers.txt", "offer-stage.yaml"]


@pytest.mark.parametrize("fmt,suffix", [("concise", "txt"), ("json", "json")])
@pytest.mark.parametrize("bank", BANKS)
def test_golden(bank, fmt, suffix, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--format", fmt, "--no-color", f"corpus/{bank}"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    assert result.stderr == ""
    expected_path = GOLDEN / f"{bank}.{fmt}.{suffix}"
    if os.environ.get("ANSWERLINT_UPDATE_GOLDEN"):
        expected_path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_path.read_text(encoding="utf-8")
