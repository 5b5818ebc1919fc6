"""The wheel carries the rule packs and the bundled pipeline; installed code reads them from there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import answerlint
from answerlint.packs import builtin_pack_dir, pack_files
from conftest import ROOT

PACKS = {"buzzwords", "generalities", "wiifm", "length", "readability"}


def test_installed_packs_are_read_from_the_package():
    package = Path(answerlint.__file__).resolve().parent
    if (ROOT / "src") in package.parents:
        pytest.skip("running from a source tree (editable install): packs come from rules/")
    assert builtin_pack_dir().resolve() == package / "rules"
    assert PACKS <= {p.stem for p in pack_files(builtin_pack_dir())}


@pytest.mark.slow
def test_wheel_contents(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("answerlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"answerlint/rules/{p}.yaml" for p in PACKS} <= names
    assert "answerlint/models/en_answerlint_ud/meta.json" in names
    assert "answerlint/models/en_answerlint_ud/config.cfg" in names
    assert wheel.stat().st_size <= 15 * 1024 * 1024
