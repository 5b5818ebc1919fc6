"""Configuration: discovery (closest wins), pyproject.toml, --config, and every key's effect."""

from __future__ import annotations

import pytest

from clirun import check, fast_cli, findings  # noqa: F401 (fast_cli is a fixture)

pytestmark = pytest.mark.usefixtures("fast_cli")

BANK = "# What are your strengths?\n\nI am a team player.\n\n# And your weakness?\n\nI'm a perfectionist.\n"
SELF = "buzzwords/self-labels"
FAKE = "buzzwords/fake-weaknesses"
LONG_QUESTION = ("Could you tell me a little bit about how the team is organised at the moment, who I would "
                 "be working with most closely day to day, and how decisions about priorities usually get "
                 "made here?")  # 36 words


def _write(root, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _by_path(*args: str) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for f in findings(*args):
        out.setdefault(f["path"], []).append((f["rule"], f["line"], f["severity"]))
    return out


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_closest_config_wins(tree):
    _write(tree, {
        ".answerlint.yaml": "select: [buzzwords/self-labels]\n",
        "bank.md": BANK,
        "team/.answerlint.yaml": "select: [buzzwords/fake-weaknesses]\n",
        "team/bank.md": BANK,
        "team/deep/deeper/bank.md": BANK,
        "other/bank.md": BANK,
    })
    assert _by_path(".") == {
        "bank.md": [(SELF, 3, "warning")],
        "other/bank.md": [(SELF, 3, "warning")],
        "team/bank.md": [(FAKE, 7, "warning")],
        "team/deep/deeper/bank.md": [(FAKE, 7, "warning")],
    }
    # the same when the files are named one by one
    assert _by_path("team/deep/deeper/bank.md", "bank.md") == {
        "team/deep/deeper/bank.md": [(FAKE, 7, "warning")], "bank.md": [(SELF, 3, "warning")]}


def test_closest_config_replaces_rather_than_merges(tree):
    _write(tree, {
        ".answerlint.yaml": "select: [buzzwords]\nseverity: {buzzwords: error}\n",
        "team/.answerlint.yaml": "ignore: [length, readability, generalities, wiifm]\n",
        "team/bank.md": BANK,
    })
    found = [(r, s) for r, _, s in _by_path(".")["team/bank.md"] if r.startswith("buzzwords/")]
    assert found == [(SELF, "warning"), (FAKE, "warning")]


def test_pyproject_tool_section(tree):
    _write(tree, {
        "pyproject.toml": "[tool.answerlint]\nselect = ['buzzwords/fake-weaknesses']\n"
                          "severity = { 'buzzwords/fake-weaknesses' = 'error' }\n",
        "banks/bank.md": BANK,
        # a pyproject.toml without [tool.answerlint] is not a config: the search goes on upwards
        "banks/sub/pyproject.toml": "[project]\nname = 'x'\n",
        "banks/sub/bank.md": BANK,
    })
    assert _by_path(".") == {"banks/bank.md": [(FAKE, 7, "error")], "banks/sub/bank.md": [(FAKE, 7, "error")]}


def test_answerlint_yaml_beats_pyproject_in_the_same_directory(tree):
    _write(tree, {
        "pyproject.toml": "[tool.answerlint]\nselect = ['buzzwords/fake-weaknesses']\n",
        ".answerlint.yaml": "select: [buzzwords/self-labels]\n",
        "bank.md": BANK,
    })
    assert _by_path("bank.md") == {"bank.md": [(SELF, 3, "warning")]}


def test_config_option_overrides_discovery(tree):
    _write(tree, {
        "team/.answerlint.yaml": "select: [buzzwords/self-labels]\n",
        "team/bank.md": BANK,
        "ci.yaml": "select: [buzzwords/fake-weaknesses]\nseverity:\n  buzzwords: info\n",
    })
    assert _by_path("--config", "ci.yaml", "team/bank.md") == {"team/bank.md": [(FAKE, 7, "info")]}
    assert _by_path("team/bank.md") == {"team/bank.md": [(SELF, 3, "warning")]}


def test_command_line_selection_overrides_the_config(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords/self-labels]\nignore: [buzzwords/fake-weaknesses]\n",
                  "bank.md": BANK})
    assert _by_path("--select", "buzzwords", "bank.md") == {"bank.md": [(SELF, 3, "warning")]}
    assert _by_path("--ignore", SELF, "bank.md") == {}


def test_extend_select_in_config(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords/self-labels]\nextend-select: [buzzwords/fake-weaknesses]\n",
                  "bank.md": BANK})
    assert _by_path("bank.md") == {"bank.md": [(SELF, 3, "warning"), (FAKE, 7, "warning")]}


def test_severity_override_by_pack_and_by_id(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords]\nseverity:\n  buzzwords: info\n"
                                      "  buzzwords/fake-weaknesses: error\n",
                  "bank.md": BANK})
    assert _by_path("bank.md") == {"bank.md": [(SELF, 3, "info"), (FAKE, 7, "error")]}
    run = check("--format", "concise", "bank.md")
    assert run.code == 1
    assert run.stdout.splitlines()[1].startswith("bank.md:7:7: error: 'perfectionist' is a strength")
    (tree / ".answerlint.yaml").write_text("select: [buzzwords]\nseverity: {buzzwords: info}\n")
    assert check("bank.md").code == 0  # only info left, below the default fail-on (warning)


def test_severity_override_beats_the_stage(tree):
    _write(tree, {".answerlint.yaml": "select: [wiifm]\nseverity: {wiifm/self-interest-topic: warning}\n",
                  "q.md": "# Questions to ask\n\n- What is the salary for this position?\n"})
    for stage in ("screening", "offer"):
        assert _by_path("--stage", stage, "q.md") == {"q.md": [("wiifm/self-interest-topic", 3, "warning")]}


def test_stage_from_config_bank_and_command_line(tree):
    question = "- What is the salary for this position?\n"
    _write(tree, {".answerlint.yaml": "select: [wiifm]\nstage: offer\n",
                  "plain.md": "# Questions to ask\n\n" + question,
                  "early.md": "---\nstage: screening\n---\n# Questions to ask\n\n" + question})
    assert _by_path(".") == {"early.md": [("wiifm/self-interest-topic", 6, "error")],  # the bank's stage wins
                             "plain.md": [("wiifm/self-interest-topic", 3, "info")]}  # the config's stage
    assert _by_path("--stage", "first-round", "plain.md") == {
        "plain.md": [("wiifm/self-interest-topic", 3, "error")]}


def test_rule_option_override_for_a_question_length(tree):
    _write(tree, {"q.md": f"# Questions to ask\n\n- {LONG_QUESTION}\n"})
    assert [f["rule"] for f in findings("--select", "length/question-too-long", "q.md")] == [
        "length/question-too-long"]
    (tree / ".answerlint.yaml").write_text("rules:\n  length/question-too-long:\n    max_words: 40\n")
    assert findings("--select", "length/question-too-long", "q.md") == []
    (tree / ".answerlint.yaml").write_text("rules:\n  length/question-too-long:\n    max_words: 10\n")
    found = findings("--select", "length/question-too-long", "q.md")
    assert [(f["rule"], f["line"]) for f in found] == [("length/question-too-long", 3)]
    assert "36 words" in found[0]["message"]


def test_rule_option_override_raises_an_answer_length_limit(tree):
    sentence = "In March I fixed the billing export for our finance team again. "  # 12 words
    _write(tree, {"b.md": "# Why do you want this job?\n\n" + sentence * 30 + "\n"})  # 360 words: > 2 min
    assert [f["rule"] for f in findings("--select", "length", "b.md")] == ["length/answer-too-long"]
    (tree / ".answerlint.yaml").write_text("rules:\n  length/answer-too-long:\n    max_seconds: 180\n")
    assert findings("--select", "length", "b.md") == []


def test_words_per_minute(tree):
    sentence = "In March I fixed the billing export for our finance team again. "
    _write(tree, {"b.md": "# Why do you want this job?\n\n" + sentence * 12 + "\n"})  # 144 words
    assert findings("--select", "length", "b.md") == []
    (tree / ".answerlint.yaml").write_text("words-per-minute: 60\n")
    found = findings("--select", "length", "b.md")
    assert [f["rule"] for f in found] == ["length/answer-too-long"]
    items = check("--format", "json", "--select", "length", "b.md").json["items"]
    assert items[0]["speaking_seconds"] == 144.0


def test_per_file_ignores(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords]\nper-file-ignores:\n"
                                      "  'drafts/*': [buzzwords]\n  '*.yaml': buzzwords/self-labels\n",
                  "drafts/a.md": BANK, "final/b.md": BANK,
                  "final/c.yaml": "answers:\n  - answer: I am a team player and a perfectionist.\n"})
    assert _by_path(".") == {"final/b.md": [(SELF, 3, "warning"), (FAKE, 7, "warning")],
                             "final/c.yaml": [(FAKE, 2, "warning")]}


def test_per_file_ignores_relative_to_the_config(tree):
    _write(tree, {"team/.answerlint.yaml": "select: [buzzwords]\nper-file-ignores:\n  'drafts/*.md': [buzzwords]\n",
                  "team/drafts/a.md": BANK, "drafts/a.md": BANK})
    assert set(_by_path("team", "drafts")) == {"drafts/a.md"}


def test_exclude(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords/self-labels]\nexclude: ['archive', '*.txt', 'old-*.md']\n",
                  "archive/a.md": BANK, "notes.txt": "I am a team player.\n", "old-b.md": BANK,
                  "banks/new.md": BANK, "banks/archive/c.md": BANK})
    assert set(_by_path(".")) == {"banks/new.md"}
    # named on the command line, an excluded file is skipped too (so pre-commit can pass every file)
    run = check("--select", "buzzwords/self-labels", "old-b.md")
    assert (run.code, run.stdout) == (0, "")
    assert run.stderr == ("answerlint: warning: no answer banks found (looked for .json, .markdown, .md, "
                          ".txt, .yaml, .yml files; see `exclude`)\n")


def test_default_excludes_and_hidden_directories(tree):
    _write(tree, {"node_modules/a.md": BANK, ".git/b.md": BANK, ".drafts/c.md": BANK, "build/d.md": BANK,
                  "e.md": BANK})
    assert set(_by_path("--select", SELF, ".")) == {"e.md"}


def test_unknown_key_names_file_line_and_key(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords]\n\nfail_onn: error\n", "bank.md": BANK})
    run = check("bank.md")
    assert run.code == 2
    assert run.stderr == (f"answerlint: {tree / '.answerlint.yaml'}:3:1: unknown key 'fail_onn' (expected one of: "
                          "exclude, extend-select, fail-on, ignore, model, packs, per-file-ignores, "
                          "question-sections, rules, select, severity, stage, words-per-minute)\n")
    assert len(run.stderr.splitlines()) == 1


def test_unknown_rule_in_config_select_names_line_and_key(tree):
    _write(tree, {".answerlint.yaml": "select:\n  - buzzwords\n  - buzzwords/team-player\n", "bank.md": BANK})
    run = check("bank.md")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"answerlint: {tree / '.answerlint.yaml'}:3:5: select: unknown rule or pack "
                          "'buzzwords/team-player' (see `answerlint rules`)\n")


def test_unknown_rule_in_config_rules_names_line(tree):
    _write(tree, {".answerlint.yaml": "rules:\n  length/answer-too-short: {}\n  length/too-long:\n    max_words: 3\n",
                  "bank.md": BANK})
    run = check("bank.md")
    assert run.code == 2
    assert run.stderr == f"answerlint: {tree / '.answerlint.yaml'}:3:3: rules: unknown rule 'length/too-long'\n"


def test_invalid_rule_option_names_the_rule(tree):
    _write(tree, {".answerlint.yaml": "rules:\n  length/question-too-long:\n    max_words: lots\n",
                  "bank.md": BANK})
    run = check("bank.md")
    assert run.code == 2
    assert run.stderr.startswith(f"answerlint: {tree / '.answerlint.yaml'}")
    assert "'length/question-too-long'" in run.stderr and "'max_words' must be a whole number" in run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_invalid_rule_option_names_the_line(tree):
    _write(tree, {".answerlint.yaml": "rules:\n  length/question-too-long:\n    max_words: lots\n",
                  "bank.md": BANK})
    run = check("bank.md")
    assert run.code == 2
    assert run.stderr == (f"answerlint: {tree / '.answerlint.yaml'}:3:5: rules: 'length/question-too-long': "
                          "'max_words' must be a whole number, not text\n")


def test_config_errors_are_reported_once(tree):
    _write(tree, {".answerlint.yaml": "bogus: 1\n", "a.md": BANK, "b.md": BANK, "c/d.md": BANK})
    run = check(".")
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1


CUSTOM_PACK = """\
pack: house
description: Our own words to avoid.
rules:
  - id: synergy-words
    kind: phrase
    severity: error
    scope: answer
    summary: House style bans "ninja".
    rationale: Nobody is a ninja.
    message: "'{match}' is banned here: {advice}"
    options:
      advice: Say what you built.
      phrases:
        - phrase: ninja
    examples:
      flag: [I am a coding ninja.]
      pass: [I build payment systems.]
"""


def test_packs_add_rules_from_the_config(tree):
    _write(tree, {".answerlint.yaml": "packs: [style]\nselect: [house, buzzwords/self-labels]\n",
                  "style/house.yaml": CUSTOM_PACK,
                  "bank.md": "# Q?\n\nI am a coding ninja and a team player.\n"})
    run = check("--format", "concise", "bank.md")
    assert run.code == 1
    assert run.stdout.splitlines()[:2] == [
        "bank.md:3:15: error: 'ninja' is banned here: Say what you built. [house/synergy-words]",
        "bank.md:3:27: " + run.stdout.splitlines()[1].split(": ", 1)[1],
    ]
    assert run.stdout.splitlines()[1].endswith("[buzzwords/self-labels]")
    from clirun import invoke

    listed = invoke("rules", "--config", ".answerlint.yaml").stdout
    assert any(line.split()[:3] == ["house/synergy-words", "error", "phrase"] for line in listed.splitlines())
    assert invoke("rule", "--config", ".answerlint.yaml", "house/synergy-words").code == 0
    assert invoke("rule", "house/synergy-words").code == 0  # the config found from the working directory


def test_keys_spelled_with_underscores_work_too(tree):
    _write(tree, {".answerlint.yaml": "select: [buzzwords/self-labels]\nextend_select: [buzzwords/fake-weaknesses]\n"
                                      "fail_on: error\nper_file_ignores: {'drafts/*': [buzzwords]}\n",
                  "bank.md": BANK, "drafts/x.md": BANK})
    run = check("--format", "concise", ".")
    assert run.code == 0  # warnings only, and fail_on is error
    assert [line.split(": ")[0] for line in run.stdout.splitlines()[:-1]] == ["bank.md:3:8", "bank.md:7:7"]


def test_applies_to_unless_and_not_kinds_in_a_user_pack(tree):
    pack = CUSTOM_PACK.replace("    scope: answer\n", "    scope: answer\n    applies_to: {unless: [remedy], not_kinds: [intro]}\n")
    _write(tree, {".answerlint.yaml": "packs: [style]\nselect: [house]\n", "style/house.yaml": pack,
                  "bank.md": "# What is your greatest weakness?\n\nI was a ninja at saying yes, so I now keep a"
                             " list and say no to one request a week.\n\n# Why this job?\n\nI am a ninja.\n\n"
                             "# Tell me about yourself.\n\nI am a ninja.\n"})
    run = check("--format", "concise", "bank.md")
    assert [line.split(": ")[0] for line in run.stdout.splitlines() if "[house/" in line] == ["bank.md:7:8"]
    from clirun import invoke

    explained = invoke("rule", "house/synergy-words").stdout
    assert "applies to: every answer, except intro answers, unless the answer shows remedy" in explained


def test_applies_to_unless_names_an_unknown_fact(tree):
    pack = CUSTOM_PACK.replace("    scope: answer\n", "    scope: answer\n    applies_to: {unless: [remedies]}\n")
    _write(tree, {".answerlint.yaml": "packs: [style]\n", "style/house.yaml": pack, "bank.md": "# Q?\n\nHi.\n"})
    run = check("bank.md")
    assert run.code == 2
    assert "style/house.yaml:8:27: " in run.stderr and "'remedies'" in run.stderr and len(run.stderr.splitlines()) == 1


def test_rule_option_mappings_merge_key_by_key(tree):
    """Overriding the intro limit keeps the pack's other by_kind entries (why-hire-you: 15 s, not
    the rule's 20 s): a 40-word answer (16 s) to "why hire you" passes, a 30-word one does not."""
    words40 = " ".join(["I"] + ["ran the night desk for two years and trained new nurses"] * 4)[:-1].split()[:40]
    words30 = words40[:30]
    _write(tree, {".answerlint.yaml": "select: [length/answer-too-short]\nrules:\n  length/answer-too-short:\n"
                                      "    by_kind: {intro: {min_seconds: 5}}\n",
                  "bank.md": "# Tell me about yourself.\n\nI run the night desk at a 40-bed ward and I train"
                             " the new nurses.\n\n# Why should we hire you?\n\n" + " ".join(words40) + ".\n\n"
                             "# Why should we hire you instead?\n\n" + " ".join(words30) + ".\n"})
    assert _by_path("bank.md") == {"bank.md": [("length/answer-too-short", 11, "warning")]}
