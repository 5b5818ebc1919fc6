"""Choosing a pipeline: a non-UD label scheme is reported and its UD rules are skipped, not run wrongly."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from answerlint.cli import main

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def clearnlp_pipeline(tmp_path_factory):
    """A tiny untrained pipeline whose parser uses en_core_web_*-style labels."""
    nlp = spacy.blank("en")
    parser = nlp.add_pipe("parser")
    for label in ("nsubj", "dobj", "pobj", "attr", "prep", "det", "ROOT"):
        parser.add_label(label)
    nlp.initialize()
    path = tmp_path_factory.mktemp("clearnlp") / "pipeline"
    nlp.to_disk(path)
    return path


def _dependency_rules(runner):
    out = runner.invoke(main, ["rules", "--format", "json"])
    return sorted(r["id"] for r in json.loads(out.output) if r["kind"] == "dependency" and r["enabled"])


def test_non_ud_pipeline_is_named_and_its_rules_skipped(clearnlp_pipeline, tmp_path):
    runner = CliRunner()
    dependency_rules = _dependency_rules(runner)
    if not dependency_rules:
        pytest.skip("no dependency rules in the packs")
    bank = tmp_path / "a.md"
    bank.write_text("# A\n\n## Strength?\n\nI am a natural leader.\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "concise", "--model", str(clearnlp_pipeline), str(bank)])
    notice = [line for line in result.stderr.splitlines() if "notice:" in line]
    assert len(notice) == 1
    assert f"pipeline '{clearnlp_pipeline}' uses clearnlp dependency labels, not UD" in notice[0]
    for rule_id in dependency_rules:
        assert rule_id in notice[0]
        assert f"[{rule_id}]" not in result.stdout


def test_unknown_pipeline_is_a_one_line_error(tmp_path):
    bank = tmp_path / "a.md"
    answer = "I am a natural leader and people always come to me for help with their work. " * 3
    bank.write_text(f"# A\n\n## Strength?\n\n{answer}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--model", "no_such_pipeline_xyz", "--select", "evidence", str(bank)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == ["answerlint: cannot load spaCy pipeline 'no_such_pipeline_xyz': "
                     "no installed package or directory of that name"]
