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


VERSION_PROBE = """
import runpy, sys
sys.argv = ["answerlint", {flag!r}]
runpy.run_module("answerlint", run_name="__main__")
print(sorted(m for m in ("click", "yaml", "spacy", "answerlint.cli") if m in sys.modules))
"""


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_fast_path_imports_nothing(flag, request):
    """`python -m answerlint --version` answers before click (or anything else) is imported."""
    out = subprocess.run([sys.executable, "-c", VERSION_PROBE.format(flag=flag)], cwd=request.config.rootpath,
                         capture_output=True, text=True, check=True)
    from answerlint import __version__

    assert out.stdout == f"answerlint {__version__}\n[]\n"


def test_version_costs_no_more_than_the_interpreter(request):
    """<= 80 ms on the project's machine (about 30 ms, the interpreter's own start-up). Measured
    as the best of several runs, against a bare interpreter, so that a loaded machine does not
    fail it: the difference is what answerlint adds."""
    import time

    def best(args):
        times = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run(args, cwd=request.config.rootpath, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    bare = best([sys.executable, "-c", "pass"])
    version = best([sys.executable, "-m", "answerlint", "--version"])
    assert version - bare < 0.025, (version, bare)


def test_console_script_is_the_fast_entry():
    from pathlib import Path

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["answerlint"] == "answerlint.__main__:entry"
