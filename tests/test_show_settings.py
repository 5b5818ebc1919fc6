"""check --show-settings PATH (issue 9): the resolved configuration for a file, and its origins."""

from __future__ import annotations

import json
import re

import pytest

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

CONFIG = ("ignore: [buzzwords/crisis]\nseverity:\n  wiifm: error\nrules:\n  length/answer-too-long:\n"
          "    max_seconds: 90\nper-file-ignores:\n  \"sub/*.md\": [wiifm]\n")


def _setup(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".answerlint.yaml").write_text(CONFIG)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bank.md").write_text("# Why?\n\nBecause.\n")
    return tmp_path.resolve()


def test_settings_their_origins_and_the_rules_run(tmp_path, monkeypatch):
    root = _setup(tmp_path, monkeypatch)
    run = check("--show-settings", "--select", "buzzwords/self-labels,wiifm/self-interest-topic,length", "--stage", "offer",
                "sub/bank.md")
    assert (run.code, run.stderr) == (0, "")
    cfg = f"{root}/.answerlint.yaml"
    shown = run.stdout.split("\nRules not run")[0]
    options = [line for line in shown.splitlines() if " = " in line]
    assert len({line.index("  # ") for line in options}) == 1, "the origins line up"
    assert re.sub(r" +# ", "  # ", shown) == f"""Settings for sub/bank.md
  configuration file: {cfg} (the closest configuration file to sub/bank.md)
  root: {root}

Options:
  packs = []  # default
  select = ["buzzwords/self-labels", "wiifm/self-interest-topic", "length"]  # --select
  extend-select = []  # default
  ignore = ["buzzwords/crisis"]  # {cfg}:1
  severity = {{"wiifm": "error"}}  # {cfg}:2
  stage = "offer"  # --stage
  exclude = []  # default
  per-file-ignores = {{"sub/*.md": ["wiifm"]}}  # {cfg}:7
  fail-on = "warning"  # default
  words-per-minute = 150  # default
  question-sections = []  # default
  model = null  # default

Rule options:
  length/answer-too-long: {{"max_seconds": 90}}  # {cfg}:5

Rules run for this file (4):
  buzzwords/self-labels
  length/answer-too-long
  length/answer-too-short
  length/question-too-long
"""
    assert "\n  wiifm/self-interest-topic\n" in run.stdout.split("\nRules not run")[1], "per-file-ignores took it out"


def test_command_line_adds_to_the_file_and_json(tmp_path, monkeypatch):
    _setup(tmp_path, monkeypatch)
    doc = json.loads(check("--show-settings", "--format", "json", "--ignore", "wiifm", "--fail-on", "error",
                           "sub/bank.md").stdout)
    options = {o["name"]: o for o in doc["options"]}
    assert options["ignore"]["value"] == ["buzzwords/crisis", "wiifm"]
    assert options["ignore"]["from"].endswith(".answerlint.yaml:1 + --ignore")
    assert (options["fail-on"]["value"], options["fail-on"]["from"]) == ("error", "--fail-on")
    assert not any(r.startswith("wiifm/") for r in doc["rules_run"])


def test_without_a_configuration_and_with_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.md").write_text("# Why?\n\nBecause.\n")
    doc = json.loads(check("--show-settings", "--format", "json", "bank.md").stdout)
    assert (doc["configuration"], doc["found"]) == (None, "no configuration file at or above bank.md: the defaults")
    assert {o["from"] for o in doc["options"]} == {"default"}
    (tmp_path / "other.yaml").write_text("fail-on: info\n")
    doc = json.loads(check("--show-settings", "--format", "json", "--config", "other.yaml", "bank.md").stdout)
    assert (doc["configuration"], doc["found"]) == ("other.yaml", "--config")
    assert {o["name"]: o["from"] for o in doc["options"]}["fail-on"] == "other.yaml:1"


def test_a_broken_configuration_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".answerlint.yaml").write_text("fail-on: sometimes\n")
    run = check("--show-settings", ".")
    assert run.code == 2 and run.stdout == "" and run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"answerlint: {tmp_path.resolve()}/.answerlint.yaml:1:1: 'fail-on' must be one of")
