"""answerlint works with no network: the whole check, bundled pipeline included, with sockets off."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from answerlint.cli import main
from conftest import ROOT


@pytest.mark.disable_socket
def test_check_runs_with_sockets_disabled(monkeypatch):
    with pytest.raises(Exception):  # pytest-socket really blocks the network here
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--format", "concise", "--select", "selfdesc,evidence,readability",
                                       "corpus/sample-bank.md"])
    assert result.exit_code == 1, result.output
    assert "[selfdesc/" in result.stdout  # the parse-aware rules ran on the bundled pipeline
    assert "[evidence/no-evidence]" in result.stdout
