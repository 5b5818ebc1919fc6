"""The Vim set-up documented in docs/integrations.md, run in a real `vim -es` (issue 9): `:make`
on a bank with tabs, emoji and CJK text lands every quickfix entry on the flagged character;
stderr notices are not entries; concise messages stay on one line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import answerlint
from clirun import ROOT, check, fast_cli  # noqa: F401 (fast_cli is a fixture)

VIM = shutil.which("vim")

BANK = ("# What are your strengths?\n\n"
        "我是一个 team player。\n"
        "👍👍\tI am a problem solver.\n"
        "Café: a self-starter. <!-- answerlint: disable-line=buzzwordz -->\n"
        "Message\n")
PACK = """pack: house
description: House style.
rules:
  - id: two-lines
    kind: phrase
    severity: info
    scope: answer
    summary: A message on two lines.
    rationale: Tests.
    message: "'{match}' first line\\nsecond line"
    options:
      phrases:
        - phrase: Message
    examples:
      flag: [A Message here.]
      pass: [Nothing here.]
"""


def _tree(tmp_path: Path) -> None:
    (tmp_path / "bank.md").write_text(BANK, encoding="utf-8")
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.yaml").write_text(PACK)
    (tmp_path / ".answerlint.yaml").write_text("packs: [packs]\nselect: [buzzwords/self-labels, house]\n")


def _documented_vim() -> str:
    """The ```vim blocks of the "Vim and Neovim" section of docs/integrations.md."""
    doc = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    section = doc.split("## Vim and Neovim", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```vim\n(.*?)```", section, re.S)
    assert len(blocks) == 2
    return "".join(blocks)


@pytest.mark.usefixtures("fast_cli")
def test_a_message_with_line_breaks_stays_on_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    run = check("--format", "concise", "bank.md")
    assert "bank.md:6:1: info: 'Message' first line\\nsecond line [house/two-lines]" in run.stdout.splitlines()
    assert json.loads(check("--format", "json", "bank.md").stdout)["findings"][-1]["message"] == \
        "'Message' first line\nsecond line", "only the concise line escapes it"


def test_one_line_escapes_every_line_break():
    from answerlint.formatters.text import one_line

    assert one_line("a\nb\r\nc\rd\x0be\u2028f\x85g\th") == "a\\nb\\r\\nc\\rd\\x0be\\u2028f\\x85g\th"
    assert len(one_line("a\nb\u2029c\x1c").splitlines()) == 1


@pytest.mark.skipif(VIM is None, reason="vim is not installed")
def test_make_in_vim_lands_on_the_flagged_characters(tmp_path):
    _tree(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "answerlint"  # the `answerlint` of the documented makeprg: this checkout's
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -m answerlint \"$@\"\n")
    shim.chmod(0o755)
    (tmp_path / "answerlint.vim").write_text(_documented_vim(), encoding="utf-8")
    dump = tmp_path / "qf.json"
    script = tmp_path / "run.vim"
    noise = ["answerlint: notice: bank.md:3:8: not fixed (it would break the sentence): 'x' [r/x]",
             "answerlint: notice: 2 findings hidden by the baseline",
             "answerlint: warning: no answer banks found (looked for .json, .md files; see `exclude`)",
             "answerlint: --select: unknown rule or pack 'buzzwordz' (see `answerlint rules`)",
             "answerlint: fixed 2 findings", "answerlint: wrote 3 findings to the baseline b.json",
             "Found 3 findings (3 warnings) in 1 file.", "All clear: no findings."]
    script.write_text(f"""let s:NOISE = {json.dumps(noise)}
set nocompatible encoding=utf-8
edit bank.md
source answerlint.vim
silent make gone.md
let s:out = []
for s:e in getqflist()
  if !s:e.valid | continue | endif
  let s:name = bufname(s:e.bufnr)
  let s:line = filereadable(s:name) ? get(readfile(s:name), s:e.lnum - 1, '') : ''
  call add(s:out, [bufname(s:e.bufnr), s:e.lnum, s:e.col, s:e.vcol, s:e.type, s:e.text,
        \\ strpart(s:line, s:e.col - 1, 14)])
endfor
call writefile([json_encode(s:out)], '{dump}')
let &g:errorformat = &l:errorformat " :cgetexpr reads the global value
cgetexpr s:NOISE
call writefile([json_encode(filter(getqflist(), 'v:val.valid'))], '{dump}.noise')
qall!
""", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    here = str(Path(answerlint.__file__).resolve().parents[1])
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", ANSWERLINT_NO_CACHE="1", HOME=str(tmp_path),
               PYTHONPATH=os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p), SHELL="/bin/sh")
    proc = subprocess.run([VIM, "-es", "-N", "-u", "NONE", "-i", "NONE", "-S", str(script)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=180)
    assert dump.exists(), (proc.returncode, proc.stdout, proc.stderr)
    entries = json.loads(dump.read_text(encoding="utf-8"))
    assert sorted(entries) == sorted([
        ["bank.md", 3, 14, 0, "w", "'team player' is a self-label, not evidence: Name one project, the people "
         "on it, what you did for them and what the team shipped. [buzzwords/self-labels]", "team player。"],
        ["bank.md", 4, 17, 0, "w", "'problem solver' is a self-label, not evidence: Pick one problem - what was "
         "broken, what you tried, what fixed it, and the number that proves it. [buzzwords/self-labels]",
         "problem solver"],
        ["bank.md", 5, 10, 0, "w", "'self-starter' is a self-label, not evidence: Describe something you "
         "started without being asked - when, why, and what came of it. [buzzwords/self-labels]",
         "self-starter. "],
        ["bank.md", 5, 0, 0, "w", "answerlint directive names unknown rule or pack 'buzzwordz' "
         "(see `answerlint rules`)", "Café: a self"],
        ["bank.md", 6, 1, 0, "i", "'Message' first line\\nsecond line [house/two-lines]", "Message"],
        ["gone.md", 0, 0, 0, "", "no such file or directory", ""],
    ])
    assert json.loads(Path(f"{dump}.noise").read_text()) == [], "notices and summaries are not entries"
