"""--fix and --diff: only safe substitutions, applied atomically, the rest of the file byte for byte."""

from __future__ import annotations

from click.testing import CliRunner

from answerlint.cli import main
from answerlint.fixes import apply_edits

BANK = ("---\nstage: first-round\n---\n# Answers\r\n\r\n## Why this job?\r\n\r\n"
        "Honestly, I want to build tools. I just fixed our build in May 2023. It was, basically, done.\r\n"
        "I am a team player.\r\n")
FIXED = ("---\nstage: first-round\n---\n# Answers\r\n\r\n## Why this job?\r\n\r\n"
         "I want to build tools. I fixed our build in May 2023. It was done.\r\n"
         "I am a team player.\r\n")


def test_diff_shows_safe_fixes_and_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(BANK.encode())
    result = CliRunner().invoke(main, ["check", "--diff", "--select", "generalities/fillers", "a.md"])
    assert result.exit_code == 1
    # (CliRunner's .stdout turns \r\n into \n: compare the bytes)
    assert result.stdout_bytes.decode() == (
        "--- a/a.md\n+++ b/a.md\n@@ -5,5 +5,5 @@\n \r\n ## Why this job?\r\n \r\n"
        "-Honestly, I want to build tools. I just fixed our build in May 2023. It was, basically, done.\r\n"
        "+I want to build tools. I fixed our build in May 2023. It was done.\r\n"
        " I am a team player.\r\n")
    assert (tmp_path / "a.md").read_bytes() == BANK.encode()


def test_fix_writes_only_safe_substitutions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(BANK.encode())
    (tmp_path / "a.md").chmod(0o640)
    result = CliRunner().invoke(main, ["check", "--fix", "--format", "concise", "a.md"])
    assert (tmp_path / "a.md").read_bytes() == FIXED.encode()  # the rewrite of "team player" is not applied
    assert oct((tmp_path / "a.md").stat().st_mode & 0o777) == "0o640"
    assert "answerlint: fixed 3 findings" in result.stderr
    assert "[generalities/fillers]" not in result.stdout
    assert "a.md:9:8: warning:" in result.stdout  # team player remains, now on the fixed text
    assert list(tmp_path.iterdir()) == [tmp_path / "a.md"]  # no temporary file left behind


def test_fix_on_stdin_prints_the_fixed_text(tmp_path):
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "generalities/fillers", "-",
                                       "--stdin-filename", "x.md"], input=BANK)
    assert result.stdout_bytes.decode() == FIXED
    assert result.exit_code == 0


def test_removal_edits():
    assert apply_edits("Basically, we won.", [(0, 9, "")]) == "We won."
    assert apply_edits("We basically won.", [(3, 12, "")]) == "We won."
    assert apply_edits("We won, basically.", [(8, 17, "")]) == "We won."
    assert apply_edits("I utilize it.", [(2, 9, "use")]) == "I use it."
