"""Commands that must not import spaCy (it costs about a second), checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from click.testing import CliRunner
from answerlint.cli import main
result = CliRunner().invoke(main, {args!r})
assert result.exit_code == {code}, (result.exit_code, result.output)
print("spacy" in sys.modules, "textstat" in sys.modules)
"""


@pytest.mark.parametrize("args,code", [
    (["--version"], 0),
    (["rules"], 0),
    (["rule", "buzzwords/self-labels"], 0),
    (["check", "--select", "length", "corpus/sample-bank.md"], None),
])
def test_no_spacy_import(args, code, request):
    root = request.config.rootpath
    probe = PROBE.format(args=args, code=code if code is not None else "result.exit_code")
    out = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True)
    spacy_loaded, textstat_loaded = out.stdout.split()
    assert spacy_loaded == "False"
    if args[0] != "check":
        assert textstat_loaded == "False"


def test_version_output():
    from click.testing import CliRunner

    from answerlint import __version__
    from answerlint.cli import main

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"answerlint {__version__}\n"
