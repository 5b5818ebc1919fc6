"""SARIF output: valid against the official SARIF 2.1.0 schema (tests/sarif-schema-2.1.0.json,
OASIS; see sarif-schema-2.1.0.NOTICE.md), URI references, UTF-16 columns, unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clirun import ROOT, check, fast_cli  # noqa: F401 (fast_cli is a fixture)
from answerlint.formatters.sarif import artifact_uri, utf16_column

pytestmark = pytest.mark.usefixtures("fast_cli")

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def sarif(*args: str, input: str | None = None) -> dict:
    """``check --format sarif ARGS``, validated against the schema (formats included)."""
    run = check("--format", "sarif", *args, input=input)
    assert run.code in (0, 1, 2), run.stderr
    doc = json.loads(run.stdout)
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    return doc


def test_the_format_checker_checks_uri_references():
    """The schema's `uri-reference` format is checked (rfc3986-validator), or these tests prove little."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{
        "message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b.md"}}}]}]}]}
    assert [e.validator for e in VALIDATOR.iter_errors(bad)] == ["format"]


@pytest.mark.parametrize("path,uri", [
    ("bank.md", "bank.md"),
    ("my answers/bank #2.md", "my%20answers/bank%20%232.md"),
    ("100% done.md", "100%25%20done.md"),
    ("/tmp/my bank.md", "file:///tmp/my%20bank.md"),
    ("réponses.md", "r%C3%A9ponses.md"),
    ("-", "-"),
])
def test_artifact_uri(path, uri):
    assert artifact_uri(path) == uri
    assert VALIDATOR.FORMAT_CHECKER.conforms(uri, "uri-reference")


def test_utf16_column():
    assert utf16_column("I am 😀 a team player", 8) == 9  # the emoji is two UTF-16 code units
    assert utf16_column("Café team player", 6) == 6


def test_corpus_banks_validate(monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = sarif("corpus/sample-bank.md", "corpus/bank.yaml", "corpus/bank.json", "corpus/answers.txt")
    run = doc["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert len(run["results"]) > 10
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "corpus/sample-bank.md", "corpus/bank.yaml", "corpus/bank.json", "corpus/answers.txt"}


def test_path_with_spaces_and_emoji_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my bank #1.md").write_text("# Strengths?\n\nI am 😀 a team player.\n", encoding="utf-8")
    for name, uri in (("my bank #1.md", "my%20bank%20%231.md"),
                      (str(tmp_path / "my bank #1.md"), (tmp_path / "my bank #1.md").as_uri())):
        result = sarif("--select", "buzzwords/self-labels", name)["runs"][0]["results"][0]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == uri
        # "team player" is at code points 10-20; the emoji before it is one code point, two UTF-16 units
        assert location["region"] == {"startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 22}


def test_unreadable_file_is_a_notification(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text("answers: [\n")
    doc = sarif("bad.yaml", "missing.md")
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [(n["message"]["text"], n["locations"][0]["physicalLocation"]) for n in
            invocation["toolExecutionNotifications"]] == [
        ("invalid YAML: did not find expected node content",
         {"artifactLocation": {"uri": "bad.yaml"}, "region": {"startLine": 2, "startColumn": 1}}),
        ("no such file or directory", {"artifactLocation": {"uri": "missing.md"}}),
    ]


def test_no_findings_still_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.md").write_text("# Strengths?\n\nI rebuilt our billing export in May.\n")
    assert sarif("--select", "buzzwords/self-labels", "ok.md")["runs"][0]["results"] == []
