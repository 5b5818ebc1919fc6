"""Hostile input: every one gives one located line on stderr, exit 2, no traceback, and the other
files are still linted; nothing blocks, nothing grows without bound."""

from __future__ import annotations

import os

import pytest

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

GOOD = "# What are your strengths?\n\nI am a team player.\n"
GOOD_LINE = ("good.md:3:8: warning: 'team player' is a self-label, not evidence: Name one project, the "
             "people on it, what you did for them and what the team shipped. [buzzwords/self-labels]")


def _nested(opening: str, closing: str, depth: int) -> str:
    return opening * depth + closing * depth


def _bomb() -> str:
    """A 7-level "billion laughs": 9**7 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(7):
        name, prev = chr(98 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\nquestions: [Why?]\n"


BANKS = {
    # name: (file name, text, the one line on stderr)
    "json-nan": ("nan.json", '{"questions": [NaN]}',
                 "nan.json:1:16: invalid JSON: NaN is not a JSON value (write a number or a string)"),
    "json-infinity": ("inf.json", '{"questions": ["a?", -Infinity]}',
                      "inf.json:1:22: invalid JSON: -Infinity is not a JSON value (write a number or a string)"),
    "json-lone-low-surrogate": ("sur.json", '{"questions": ["\\udc00 x?"]}',
                                "sur.json:1:17: invalid JSON: a lone surrogate escape (\\udc00) is not a character"),
    "json-high-surrogate-without-low": (
        "sur2.json", '{"questions": ["ok?", "\\ud800\\u0041"]}',
        "sur2.json:1:24: invalid JSON: a lone surrogate escape (\\ud800) is not a character"),
    "yaml-lone-surrogate": ("sur.yaml", 'questions:\n  - "\\ud800 x?"\n',
                            "sur.yaml:2:8: invalid YAML: found invalid Unicode character escape code"),
    "yaml-control-character": (
        "ctl.yaml", 'questions:\n  - "a\x01b?"\n',
        "ctl.yaml:2:7: invalid YAML: character U+0001 is not allowed (control characters must be escaped "
        "in a double-quoted string)"),
    "front-matter-control-character": (
        "ctl.md", "---\nrole: a\x01b\n---\n# Q?\n\nA.\n",
        "ctl.md:2:8: front matter: invalid YAML: character U+0001 is not allowed (control characters must "
        "be escaped in a double-quoted string)"),
    "json-500-levels": ("deep.json", '{"questions": ' + _nested("[", "]", 500) + "}",
                        "deep.json:1:114: invalid JSON: nested more than 100 levels deep"),
    "json-50000-levels": ("deeper.json", '{"questions": ' + _nested("[", "]", 50_000) + "}",
                          "deeper.json:1:114: invalid JSON: nested more than 100 levels deep"),
    "yaml-500-levels": ("deep.yaml", "questions: " + _nested("[", "]", 500) + "\n",
                        "deep.yaml:1:111: invalid YAML: nested more than 100 levels deep"),
    "yaml-50000-levels": ("deeper.yaml", "questions: " + _nested("[", "]", 50_000) + "\n",
                          "deeper.yaml:1:111: invalid YAML: nested more than 100 levels deep"),
    "front-matter-340-levels": ("deep.md", "---\nrole: " + _nested("[", "]", 340) + "\n---\n# Q?\n\nA.\n",
                                "deep.md:2:106: front matter: invalid YAML: nested more than 100 levels deep"),
    "yaml-alias-bomb": ("bomb.yaml", _bomb(),
                        "bomb.yaml:6:8: invalid YAML: aliases expand to more than 100,000 nodes "
                        "(refused: an alias bomb?)"),
    "front-matter-alias-bomb": (
        "bomb.md", "---\n" + _bomb().replace("questions: [Why?]\n", "") + "---\n# Q?\n\nA.\n",
        "bomb.md:7:8: front matter: invalid YAML: aliases expand to more than 100,000 nodes "
        "(refused: an alias bomb?)"),
}


def _bad_bank(tmp_path, monkeypatch, name: str, data: bytes | str, *extra: str):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    (tmp_path / "good.md").write_text(GOOD)
    return check("--format", "concise", "--select", "buzzwords/self-labels", *extra, name, "good.md")


@pytest.mark.parametrize("case", sorted(BANKS))
def test_a_hostile_bank_is_one_located_line(tmp_path, monkeypatch, case):
    name, text, message = BANKS[case]
    run = _bad_bank(tmp_path, monkeypatch, name, text)
    assert run.stderr == f"answerlint: {message}\n"
    assert run.code == 2
    assert run.stdout.splitlines() == [GOOD_LINE, "Found 1 finding (1 warning) in 1 file."]


# -- configuration files ---------------------------------------------------------------------------

CONFIGS = {
    "yaml-500-levels": (".answerlint.yaml", "rules: " + _nested("[", "]", 500) + "\n",
                        ":1:107: invalid YAML: nested more than 100 levels deep"),
    "yaml-alias-bomb": (".answerlint.yaml", _bomb().replace("questions: [Why?]\n", ""),
                        ":6:8: invalid YAML: aliases expand to more than 100,000 nodes (refused: an alias bomb?)"),
    "yaml-control-character": (".answerlint.yaml", "stage: \x07offer\n",
                               ":1:8: invalid YAML: character U+0007 is not allowed (control characters "
                               "must be escaped in a double-quoted string)"),
    "toml-5000-levels": ("pyproject.toml", "[tool.answerlint]\nrules = " + _nested("[", "]", 5000) + "\n",
                         ":2:109: invalid TOML: nested more than 100 levels deep"),
    "toml-inline-tables": ("pyproject.toml", "[tool.answerlint]\nrules = " + "{a = " * 300 + "1" + "}" * 300 + "\n",
                           ":2:509: invalid TOML: nested more than 100 levels deep"),
    "nan": (".answerlint.yaml", "words-per-minute: .nan\n", ":1:1: 'words-per-minute' must be a finite number, not nan"),
    "inf": (".answerlint.yaml", "words-per-minute: .inf\n", ":1:1: 'words-per-minute' must be a finite number, not inf"),
    "1e308": (".answerlint.yaml", "words-per-minute: 1.0e+308\n",
              ":1:1: 'words-per-minute' must be at most 1,000, not 1e+308"),
    "huge-integer": (".answerlint.yaml", "words-per-minute: " + "9" * 400 + "\n",
                     ":1:1: 'words-per-minute' must be at most 1,000, not a huge number"),
    "toml-nan": ("pyproject.toml", "[tool.answerlint]\nwords-per-minute = nan\n",
                 ": 'words-per-minute' must be a finite number, not nan"),
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_a_hostile_config_is_one_located_line(tmp_path, monkeypatch, case):
    name, text, problem = CONFIGS[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_text(text)
    (tmp_path / "sub" / "good.md").write_text(GOOD)
    (tmp_path / "other.md").write_text(GOOD)
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "sub/good.md", "other.md")
    assert run.stderr == f"answerlint: {tmp_path / 'sub' / name}{problem}\n"
    assert run.code == 2
    assert run.stdout.splitlines()[0] == GOOD_LINE.replace("good.md", "other.md")


# -- rule packs ----------------------------------------------------------------------------------------

RULE = """pack: mine
description: x
rules:
  - id: r
    kind: {kind}
    summary: s
    rationale: r
{extra}    options:
{options}
    examples:
      flag: ["I am a team player."]
      pass: ["I shipped it."]
"""

PACKS = {
    "IN-not-a-list": ("pattern", "", "      patterns:\n        - [{LOWER: {IN: x}}]",
                      ":8:5: rule 'mine/r': pattern 1, token 1: IN needs a list, not 'x'"),
    "OP-empty-range": ("pattern", "", "      patterns:\n        - [{LOWER: team, OP: '{,}'}]",
                       ":8:5: rule 'mine/r': pattern 1, token 1: OP must be one of !, ?, +, * or {n,m}, not '{,}'"),
    "LENGTH-string": ("pattern", "", "      patterns:\n        - [{LENGTH: four}]",
                      ":8:5: rule 'mine/r': pattern 1, token 1: LENGTH needs a whole number, not 'four'"),
    "LENGTH-operator-string": ("pattern", "", "      patterns:\n        - [{LENGTH: {'>=': four}}]",
                               ":8:5: rule 'mine/r': pattern 1, token 1: >= for LENGTH needs a number, not 'four'"),
    "LOWER-yaml-boolean": ("pattern", "", "      patterns:\n        - [{LOWER: no}, {LOWER: way}]",
                           ":8:5: rule 'mine/r': pattern 1, token 1: LOWER needs a word, not False (YAML reads "
                           "unquoted yes/no/on/off/true/false as true or false: quote the word)"),
    "IN-yaml-boolean": ("pattern", "", "      lexicons: {w: [maybe, yes]}\n      patterns:\n        - [{LOWER: {IN: $w}}]",
                        ":9:29: rule 'mine/r': item 2 must be a string, not bool"),
    "IS_PUNCT-string": ("pattern", "", "      patterns:\n        - [{IS_PUNCT: maybe}]",
                        ":8:5: rule 'mine/r': pattern 1, token 1: IS_PUNCT needs true or false, not 'maybe'"),
    "replacement-bad-group": ("regex", "", "      pattern: 'team (player)'\n      replacement: '\\9'",
                              ":8:5: rule 'mine/r': 'replacement' is not valid for the pattern: invalid group "
                              "reference 9"),
    "message-bad-conversion": ("regex", "    message: '{match!z}'\n", "      pattern: 'team player'",
                               ":8:5: rule 'mine/r': bad message template (Unknown conversion specifier z)"),
    "message-indexing": ("regex", "    message: '{match[99]}'\n", "      pattern: 'team player'",
                         ":8:5: rule 'mine/r': '{match[99]}' in message: placeholders cannot be indexed "
                         "or have attributes"),
    "message-attribute": ("regex", "    message: '{match.__class__}'\n", "      pattern: 'team player'",
                          ":8:5: rule 'mine/r': '{match.__class__}' in message: placeholders cannot be indexed "
                          "or have attributes"),
    "message-format-spec": ("regex", "    message: '{match:d}'\n", "      pattern: 'team player'",
                            ":8:5: rule 'mine/r': bad message template ('{match:d}': Unknown format code 'd' "
                            "for object of type 'str')"),
    "pack-500-levels": ("regex", "", "      pattern: " + _nested("[", "]", 500), ":9:112: invalid YAML: nested "
                        "more than 100 levels deep"),
}


def _with_pack(tmp_path, monkeypatch, text: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mine.yaml").write_text(text)
    (tmp_path / "cfg.yaml").write_text("packs: [packs]\n")
    (tmp_path / "good.md").write_text(GOOD)
    return check("--config", "cfg.yaml", "--format", "concise", "--select", "buzzwords/self-labels", "good.md")


@pytest.mark.parametrize("case", sorted(PACKS))
def test_a_pack_is_validated_when_it_loads(tmp_path, monkeypatch, case):
    kind, extra, options, problem = PACKS[case]
    run = _with_pack(tmp_path, monkeypatch, RULE.format(kind=kind, extra=extra, options=options))
    assert run.stderr == f"answerlint: {tmp_path / 'packs' / 'mine.yaml'}{problem}\n"
    assert run.code == 2


# -- special files -----------------------------------------------------------------------------------

def test_a_fifo_on_the_command_line_or_in_a_walk_is_skipped_without_blocking(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    os.mkfifo(tmp_path / "banks" / "pipe.md")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "fifo.yaml", "banks", "good.md")
    assert run.stderr.splitlines() == [
        "answerlint: fifo.yaml: a FIFO (named pipe), not an answer bank file: skipped",
        "answerlint: banks/pipe.md: a FIFO (named pipe), not an answer bank file: skipped",
    ]
    assert run.code == 2
    assert run.stdout.splitlines()[0] == GOOD_LINE


def test_a_device_on_the_command_line_is_skipped(tmp_path, monkeypatch):
    run = _bad_bank(tmp_path, monkeypatch, "good2.md", GOOD, "/dev/zero")
    assert run.stderr == "answerlint: /dev/zero: a character device, not an answer bank file: skipped\n"
    assert run.code == 2


def test_a_fifo_as_config_is_refused_without_blocking(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "cfg.yaml")
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--config", "cfg.yaml", "good.md")
    assert run.stderr == "answerlint: cfg.yaml: a FIFO (named pipe), not a configuration file\n"
    assert run.code == 2


def test_a_fifo_in_a_pack_directory_is_refused_without_blocking(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    os.mkfifo(tmp_path / "packs" / "p.yaml")
    (tmp_path / "cfg.yaml").write_text("packs: [packs]\n")
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--config", "cfg.yaml", "good.md")
    assert run.stderr == f"answerlint: {tmp_path / 'packs' / 'p.yaml'}: a FIFO (named pipe), not a rule pack file\n"
    assert run.code == 2


# -- regular expressions -------------------------------------------------------------------------

def _bundled_regexes():
    import re

    from answerlint.packs import RuleSet

    for rule in RuleSet.load().rules:
        if rule.kind == "regex":
            flags = re.IGNORECASE if rule.options["ignore_case"] else 0
            for source in ([rule.options["pattern"]] if rule.options.get("pattern") else []) + rule.options["patterns"]:
                yield rule, re.compile(source, flags)


def _adversarial(rule, rx, size: int) -> list[str]:
    """Long runs of what the pattern looks for: its words, its letters, spaces, punctuation, and
    the texts it must flag with their sentence ends taken out (one sentence as long as the input)."""
    import re

    words = re.findall(r"[a-z]{2,}", rx.pattern.lower())[:3] or ["a"]
    flagged = [re.sub(r"[.!?]", ",", e.text) + " " for e in rule.examples if e.flag][:3]
    units = [" ", "a ", "!", "1 ", ". ", *flagged] + [w + " " for w in words]
    return [(unit * (size // len(unit) + 1))[:size] + "x" for unit in units]


def test_every_bundled_regex_runs_in_linear_time_on_100_kb():
    import time

    slow = []
    for rule, rx in _bundled_regexes():
        for small, large in zip(_adversarial(rule, rx, 25_000), _adversarial(rule, rx, 100_000)):
            # CPU time, not wall time: a loaded machine stretched a linear 0.13 s to 0.53 s of wall
            started = time.process_time()
            sum(1 for _ in rx.finditer(small))
            t_small = time.process_time() - started
            started = time.process_time()
            sum(1 for _ in rx.finditer(large))
            t_large = time.process_time() - started
            if t_large > 1.0 or (t_large > 0.1 and t_large > 8 * t_small):  # quadratic: 16 times
                slow.append((rule.id, rx.pattern, large[:6], round(t_small, 3), round(t_large, 3)))
    assert slow == []


def test_a_user_regex_that_backtracks_without_bound_is_stopped_and_named(tmp_path, monkeypatch):
    pack = RULE.format(kind="regex", extra="", options="      pattern: '(x+x+)+y'").replace(
        'flag: ["I am a team player."]', 'flag: ["xxy"]')
    monkeypatch.chdir(tmp_path)
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mine.yaml").write_text(pack)
    (tmp_path / "cfg.yaml").write_text("packs: [packs]\n")
    (tmp_path / "slow.md").write_text("# Q?\n\n" + "x" * 5000 + "\n")
    (tmp_path / "good.md").write_text(GOOD)
    run = check("--config", "cfg.yaml", "--format", "concise", "--select", "mine,buzzwords/self-labels",
                "slow.md", "good.md")
    assert run.stderr == (f"answerlint: {tmp_path / 'packs' / 'mine.yaml'}:4: rule 'mine/r': the regular "
                          "expression '(x+x+)+y' took more than 1 s on answer 1 and was stopped (it backtracks "
                          "without bound: simplify nested repetitions such as (a+)+)\n")
    assert run.code == 2
    assert run.stdout.splitlines()[0] == GOOD_LINE


def _unreadable_tree(tmp_path):
    (tmp_path / "banks" / "locked").mkdir(parents=True)
    (tmp_path / "banks" / "locked" / "a.md").write_text(GOOD)
    (tmp_path / "good.md").write_text(GOOD)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any directory")
def test_an_unreadable_directory_in_a_walk_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _unreadable_tree(tmp_path)
    (tmp_path / "banks" / "locked").chmod(0)
    try:
        run = check("--format", "concise", "--select", "buzzwords/self-labels", "banks", "good.md")
    finally:
        (tmp_path / "banks" / "locked").chmod(0o755)
    assert run.stderr == "answerlint: banks/locked: cannot read the directory: Permission denied\n"
    assert run.code == 2
    assert run.stdout.splitlines()[0] == GOOD_LINE


def test_a_directory_the_walk_cannot_list_is_one_line_also_as_root(tmp_path, monkeypatch):
    """As root, chmod stops nothing: the listing fails as it would for another user."""
    monkeypatch.chdir(tmp_path)
    _unreadable_tree(tmp_path)
    listing = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "banks", "good.md")
    assert run.stderr == "answerlint: banks/locked: cannot read the directory: Permission denied\n"
    assert run.code == 2
    assert run.stdout.splitlines()[0] == GOOD_LINE
