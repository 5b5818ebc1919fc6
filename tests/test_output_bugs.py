"""Output bugs a new user hit (issue 9): colour, `rule ID` with a config, sentence splitting and
merging, stdout's own target file, Markdown question sections."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from clirun import ROOT, check, fast_cli, findings, invoke  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

BANK = "# What are your strengths?\n\nI am a team player.\n"


def _in_terminal(tmp_path, env_extra: dict) -> bytes:
    """Run ``answerlint check`` with stdout on a pseudo-terminal; what it wrote there."""
    (tmp_path / "bank.md").write_text(BANK)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST") and k != "NO_COLOR"}
    env.update(env_extra)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "answerlint", "check", "--select", "buzzwords/self-labels",
                             "bank.md"], cwd=tmp_path, env=env, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 1, proc.stderr.read()
    return out


def test_colour_in_a_terminal_and_no_color_turns_it_off(tmp_path):
    assert b"\x1b[" in _in_terminal(tmp_path, {})
    plain = _in_terminal(tmp_path, {"NO_COLOR": "1"})
    assert b"\x1b[" not in plain and b"warning[buzzwords/self-labels]" in plain
    assert b"\x1b[" in _in_terminal(tmp_path, {"NO_COLOR": ""}), "an empty NO_COLOR does not count"


def test_no_color_loses_to_an_explicit_color_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "bank.md").write_text(BANK)
    assert "\x1b[" in check("--color", "--select", "buzzwords/self-labels", "bank.md").stdout
