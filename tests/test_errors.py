"""Bad input: one line on stderr naming the file (and line where known), exit 2, no traceback,
every other file still linted and reported, and nothing the user owns modified."""

from __future__ import annotations

import hashlib
import json

import pytest

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

GOOD = "# What are your strengths?\n\nI am a team player.\n"
GOOD_LINE = ("good.md:3:8: warning: 'team player' is a self-label, not evidence: Name one project, the "
             "people on it, what you did for them and what the team shipped. [buzzwords/self-labels]")
READS = ".json, .markdown, .md, .txt, .yaml, .yml"

CASES = {
    # name: (file name, bytes, the one line on stderr)
    "yaml-syntax": ("bad.yaml", b"answers:\n  - question: [unclosed\n",
                    "answerlint: bad.yaml:3:1: invalid YAML: did not find expected ',' or ']'"),
    "yaml-tab": ("tab.yaml", b"answers:\n\t- answer: x\n",
                 "answerlint: tab.yaml:2:1: invalid YAML: found character '\\t' that cannot start any token"),
    "yaml-not-a-mapping": ("list.yaml", b"- a\n- b\n",
                           "answerlint: list.yaml:1:1: an answer bank must be a mapping with 'answers' and/or 'questions'"),
    "yaml-no-answers": ("none.yaml", b"stage: offer\nrole: SRE\n",
                        "answerlint: none.yaml:1:1: no 'answers' or 'questions' key at the top level"),
    "yaml-answer-not-text": ("num.yaml", b"answers:\n  - question: Q?\n    answer: [1, 2]\n",
                             "answerlint: num.yaml:3:13: answer 1: 'answer' must be text"),
    "yaml-unknown-stage": ("stage.yaml", b"stage: lunch\nanswers:\n  - answer: x\n",
                           "answerlint: stage.yaml:1:8: unknown stage 'lunch' (expected one of: screening, "
                           "first-round, second-round, final-round, offer)"),
    "yaml-duplicate-key": ("dup.yaml", b"answers:\n  - answer: I am a team player.\nanswers:\n  - answer: x\n",
                           "answerlint: dup.yaml:3:1: invalid YAML: duplicate key 'answers'"),
    "yaml-recursive-alias": ("alias.yaml", b"answers: &x\n  - *x\n",
                             "answerlint: alias.yaml:1:10: invalid YAML: an alias refers to a node that contains it"),
    "json-syntax": ("bad.json", b'{"answers": [}\n', "answerlint: bad.json:1:14: invalid JSON: Expecting value"),
    "json-trailing-comma": ("comma.json", b'{\n  "questions": ["a?",]\n}\n',
                            "answerlint: comma.json:2:22: invalid JSON: Expecting value"),
    "json-answers-not-list": ("obj.json", b'{"answers": {"a": 1}}',
                              "answerlint: obj.json:1:13: 'answers' must be a list of {question, answer, kind} mappings"),
    "json-duplicate-key": ("dup.json", b'{"answers": [{"answer": "I am a team player."}],\n "answers": []}\n',
                           "answerlint: dup.json:2:2: invalid JSON: duplicate key 'answers'"),
    "unknown-extension": ("notes.docx", b"I am a team player.\n",
                          f"answerlint: notes.docx: unknown file type '.docx' (answerlint reads {READS})"),
    "no-extension": ("README", b"I am a team player.\n",
                     f"answerlint: README: unknown file type '(none)' (answerlint reads {READS})"),
    "binary": ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "answerlint: photo.md: binary file, not an answer bank"),
    "utf16-bom": ("u16.md", "# Q?\n\nI am a team player.\n".encode("utf-16"),
                  "answerlint: u16.md: UTF-16 is not supported; save the file as UTF-8"),
    "utf16-le-no-bom": ("u16.yaml", "answers:\n  - answer: I am a team player.\n".encode("utf-16-le"),
                        "answerlint: u16.yaml: UTF-16 is not supported; save the file as UTF-8"),
    "utf16-be-no-bom": ("u16.txt", "I am a team player.\n".encode("utf-16-be"),
                        "answerlint: u16.txt: UTF-16 is not supported; save the file as UTF-8"),
    "not-utf8": ("latin1.md", "# Q?\n\nJ'ai été un team player.\n".encode("latin-1"),
                 "answerlint: latin1.md:3: not valid UTF-8 (byte 0xe9)"),
    "empty": ("empty.md", b"", "answerlint: empty.md: empty file: no answers or questions"),
    "blank": ("blank.txt", b"  \n\n\t\n", "answerlint: blank.txt: empty file: no answers or questions"),
    "bom-only": ("bom.md", b"\xef\xbb\xbf", "answerlint: bom.md: empty file: no answers or questions"),
    "headings-only": ("toc.md", b"# Behavioral\n\n## Leadership\n", "answerlint: toc.md: no answers or questions found"),
    "front-matter-unclosed": ("fm.md", b"---\nstage: offer\n# Q?\n\nA team player.\n",
                              "answerlint: fm.md:1: front matter starts with '---' but never ends"),
    "front-matter-syntax": ("fm2.md", b"---\nstage: [oops\n---\n# Q?\n\nA team player.\n",
                            "answerlint: fm2.md:3:1: front matter: invalid YAML: did not find expected ',' or ']'"),
    "front-matter-stage": ("fm3.md", b"---\nstage: lunch\n---\n# Q?\n\nA team player.\n",
                           "answerlint: fm3.md:2:1: front matter: unknown stage 'lunch' (expected one of: "
                           "screening, first-round, second-round, final-round, offer)"),
}


def _digest(directory) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("order", ["bad-first", "good-first"])
def test_bad_input_is_one_line_and_the_good_file_is_still_reported(tmp_path, monkeypatch, case, order):
    name, data, message = CASES[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(GOOD)
    before = _digest(tmp_path)
    args = [name, "good.md"] if order == "bad-first" else ["good.md", name]
    run = check("--format", "concise", "--select", "buzzwords/self-labels", *args)
    assert run.code == 2
    assert run.stderr == message + "\n"
    assert run.stdout.splitlines() == [GOOD_LINE, "Found 1 finding (1 warning) in 1 file."]
    assert "Traceback" not in run.stdout + run.stderr
    assert _digest(tmp_path) == before


def test_missing_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "nowhere.md", "good.md", "gone/")
    assert run.code == 2
    assert run.stderr.splitlines() == ["answerlint: nowhere.md: no such file or directory",
                                       "answerlint: gone/: no such file or directory"]
    assert run.stdout.splitlines()[0] == GOOD_LINE


def test_json_output_stays_one_document_with_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "bad.json").write_text('{"answers": [}\n')
    run = check("--format", "json", "--select", "buzzwords/self-labels", "bad.json", "good.md")
    assert run.code == 2
    assert run.stderr == "answerlint: bad.json:1:14: invalid JSON: Expecting value\n"
    doc = json.loads(run.stdout)
    assert [(f["path"], f["line"], f["column"]) for f in doc["findings"]] == [("good.md", 3, 8)]
    assert doc["errors"] == [{"path": "bad.json", "line": 1, "column": 14, "message": "invalid JSON: Expecting value"}]


def test_bad_files_inside_a_walked_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "a.yaml").write_text("answers: [\n")
    (tmp_path / "banks" / "b.md").write_text(GOOD)
    (tmp_path / "banks" / "c.json").write_text("")
    (tmp_path / "banks" / "notes.docx").write_text("not a bank, and not picked up by the walk")
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "banks")
    assert run.code == 2
    assert run.stderr.splitlines() == [
        "answerlint: banks/a.yaml:2:1: invalid YAML: did not find expected node content",
        "answerlint: banks/c.json: empty file: no answers or questions",
    ]
    assert run.stdout.splitlines()[0] == GOOD_LINE.replace("good.md", "banks/b.md")


def test_bad_stdin(tmp_path):
    run = check("--format", "concise", "-", input=b"\xff\xfe# Q?\n")
    assert (run.code, run.stderr) == (2, "answerlint: -:1: not valid UTF-8 (byte 0xff)\n")
    run = check("--stdin-filename", "in.yaml", "-", input="answers: [\n")
    assert run.code == 2
    assert run.stderr.startswith("answerlint: in.yaml:2:1: invalid YAML: ")
    run = check("--stdin-filename", "in.docx", "-", input="I am a team player.\n")
    assert run.stderr == f"answerlint: in.docx: unknown file type '.docx' (answerlint reads {READS})\n"


# -- configuration and packs ---------------------------------------------------------------------

def _lint_with_config(tmp_path, monkeypatch, config_name: str, config: str | bytes, *args: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.md").write_text(GOOD)
    path = tmp_path / "sub" / config_name
    path.write_bytes(config.encode() if isinstance(config, str) else config)
    (tmp_path / "other.md").write_text(GOOD)
    before = {**_digest(tmp_path), **{"sub/" + k: v for k, v in _digest(tmp_path / "sub").items()}}
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "sub/good.md", "other.md", *args)
    after = {**_digest(tmp_path), **{"sub/" + k: v for k, v in _digest(tmp_path / "sub").items()}}
    assert after == before
    assert "Traceback" not in run.stdout + run.stderr
    return run, str(path)


@pytest.mark.parametrize("config_name,config,problem", [
    (".answerlint.yaml", "select: [buzzwords]\nbogus-key: 1\n", ":2:1: unknown key 'bogus-key'"),
    (".answerlint.yaml", "fail-on: sometimes\n", ":1:1: 'fail-on' must be one of info, warning, error, never, not 'sometimes'"),
    (".answerlint.yaml", "words-per-minute: 0\n", ":1:1: 'words-per-minute' must be at least 1, not 0"),
    (".answerlint.yaml", "exclude: [a\n", ":2:1: invalid YAML: "),
    (".answerlint.yaml", "ignore: [buzzwords, no-such-pack]\n", ":1:21: ignore: unknown rule or pack 'no-such-pack'"),
    (".answerlint.yaml", "- select: [buzzwords]\n", ":1:1: the configuration must be a mapping of settings, not a list"),
    (".answerlint.yaml", "select: [buzzwords]\nselect: [wiifm]\n", ":2:1: duplicate key 'select'"),
    ("pyproject.toml", "[tool.answerlint\n", ":1:17: invalid TOML: Expected ']' at the end of a table declaration"),
    ("pyproject.toml", "[tool.answerlint]\nstage = 'lunch'\n", ": 'stage' must be one of screening, first-round"),
])
def test_invalid_config_is_one_line_and_other_files_still_linted(tmp_path, monkeypatch, config_name, config,
                                                                  problem):
    run, path = _lint_with_config(tmp_path, monkeypatch, config_name, config)
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith(f"answerlint: {path}{problem}")
    # the bank under the broken config is not linted; the one outside it is
    assert run.stdout.splitlines()[0] == GOOD_LINE.replace("good.md", "other.md")


def test_missing_config_option_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--config", "nope.yaml", "good.md")
    assert (run.code, run.stderr) == (2, "answerlint: nope.yaml: cannot read config: no such file or directory\n")


def test_invalid_pack(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mine.yaml").write_text("pack: mine\ndescription: x\nrules: [\n")
    (tmp_path / "cfg.yaml").write_text("packs: [packs]\n")
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--config", "cfg.yaml", "good.md")
    assert run.code == 2
    pack = tmp_path / "packs" / "mine.yaml"
    assert run.stderr == f"answerlint: {pack}:4:1: invalid YAML: did not find expected node content\n"
    (tmp_path / "cfg.yaml").write_text("packs: [nowhere]\n")
    run = check("--config", "cfg.yaml", "good.md")
    assert run.code == 2
    nowhere = tmp_path / "nowhere"
    assert run.stderr == f"answerlint: {nowhere}: rule pack directory not found: {nowhere}\n"


def test_invalid_pack_rule_is_located(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mine.yaml").write_text(
        "pack: mine\ndescription: x\nrules:\n  - id: Bad_Id\n    kind: phrase\n")
    (tmp_path / "cfg.yaml").write_text("packs: [packs]\n")
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--config", "cfg.yaml", "good.md")
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith(f"answerlint: {tmp_path / 'packs' / 'mine.yaml'}")
    assert "Bad_Id" in run.stderr


def test_json_lists_a_config_error_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write_tree = {"banks/a.md": GOOD, "banks/b.md": GOOD, "banks/.answerlint.yaml": "bogus: 1\n"}
    for rel, text in _write_tree.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    run = check("--format", "json", "banks")
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1
    config = str(tmp_path / "banks" / ".answerlint.yaml")
    errors = json.loads(run.stdout)["errors"]
    assert [(e["path"], e["line"], e["column"]) for e in errors] == [(config, 1, 1)]
    assert errors[0]["message"].startswith("unknown key 'bogus'")
