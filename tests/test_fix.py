"""--fix and --diff: only safe substitutions, only when the file re-reads to the same bank, written
without ever losing or corrupting the user's file."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from answerlint import sourcefile
from answerlint.cli import main
from answerlint.errors import InputError
from answerlint.fixes import apply_text_edits, plan_text_edits

BANK = ("---\nstage: first-round\n---\n# Answers\r\n\r\n## Why this job?\r\n\r\n"
        "Honestly, I want to build tools. I just fixed our build in May 2023. It was, basically, done.\r\n"
        "I am a team player.\r\n")
FIXED = ("---\nstage: first-round\n---\n# Answers\r\n\r\n## Why this job?\r\n\r\n"
         "I want to build tools. I fixed our build in May 2023. It was done.\r\n"
         "I am a team player.\r\n")


def run(tmp_path, name: str, content: str | bytes, *args: str):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    result = CliRunner().invoke(main, ["check", *args, "--select", "generalities/fillers",
                                       "--format", "concise", name], catch_exceptions=False)
    return result, path


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_shows_safe_fixes_and_changes_nothing(here):
    (here / "a.md").write_bytes(BANK.encode())
    result = CliRunner().invoke(main, ["check", "--diff", "--select", "generalities/fillers", "a.md"])
    assert result.exit_code == 1
    # (CliRunner's .stdout turns \r\n into \n: compare the bytes)
    assert result.stdout_bytes.decode() == (
        "--- a/a.md\n+++ b/a.md\n@@ -5,5 +5,5 @@\n \r\n ## Why this job?\r\n \r\n"
        "-Honestly, I want to build tools. I just fixed our build in May 2023. It was, basically, done.\r\n"
        "+I want to build tools. I fixed our build in May 2023. It was done.\r\n"
        " I am a team player.\r\n")
    assert (here / "a.md").read_bytes() == BANK.encode()


def test_fix_writes_only_safe_substitutions(here):
    (here / "a.md").write_bytes(BANK.encode())
    (here / "a.md").chmod(0o640)
    result = CliRunner().invoke(main, ["check", "--fix", "--format", "concise", "a.md"])
    assert (here / "a.md").read_bytes() == FIXED.encode()  # the rewrite of "team player" is not applied
    assert oct((here / "a.md").stat().st_mode & 0o777) == "0o640"
    assert "answerlint: fixed 3 findings" in result.stderr
    assert "[generalities/fillers]" not in result.stdout
    assert "a.md:9:8: warning:" in result.stdout  # team player remains, now on the fixed text
    assert list(here.iterdir()) == [here / "a.md"]  # no temporary file left behind


def test_fix_on_stdin_prints_the_fixed_text():
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "generalities/fillers", "-",
                                       "--stdin-filename", "x.md"], input=BANK)
    assert result.stdout_bytes.decode() == FIXED
    assert result.exit_code == 0


# -- what a removal takes with it, decided in the answer's text --------------------------------

def fixed(text: str, filler: str, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(filler, start + 1)
    edits = plan_text_edits(text, start, start + len(filler), "")
    return None if isinstance(edits, str) else apply_text_edits(text, edits)


@pytest.mark.parametrize("text,filler,expected", [
    ("Basically, we won.", "Basically", "We won."),
    ("We basically won.", "basically", "We won."),
    ("We won, basically.", "basically", "We won."),
    ("It was, basically, done.", "basically", "It was done."),
    ("No, honestly, I led it.", "honestly", "No, I led it."),
    ("Well, basically, I led it.", "basically", "Well, I led it."),
    ("There were setbacks, obviously, but we got there.", "obviously", "There were setbacks, but we got there."),
    ("I was late (to be honest) on day one.", "to be honest", "I was late on day one."),
    ("I was late (to be honest).", "to be honest", "I was late."),
    ("(Honestly, it was hard.) We shipped.", "Honestly", "(It was hard.) We shipped."),
    ("Honestly - I led the migration.", "Honestly", "I led the migration."),
    ("Honestly — I led the migration.", "Honestly", "I led the migration."),
    ("I was - honestly - late.", "honestly", "I was late."),
    ("We won. Honestly, it was close.", "Honestly", "We won. It was close."),
    ('She said: "Honestly, it works."', "Honestly", 'She said: "It works."'),
    ("and honestly, it was fine.", "honestly", "and it was fine."),
    ("Honestly, iOS users loved it.", "Honestly", "iOS users loved it."),
    ("Basically #1 priority was speed.", "Basically", "#1 priority was speed."),
])
def test_removal_takes_its_punctuation(text, filler, expected):
    assert fixed(text, filler) == expected


def test_a_removal_that_would_empty_the_sentence_is_not_planned():
    assert plan_text_edits("Honestly.", 0, 8, "") == "the sentence would be left empty"
    assert plan_text_edits("We won. Honestly!", 8, 16, "") == "the sentence would be left empty"


def test_a_replacement_keeps_the_sentence_capital():
    assert apply_text_edits("Utilize it.", plan_text_edits("Utilize it.", 0, 7, "use")) == "Use it."
    assert apply_text_edits("I utilize it.", plan_text_edits("I utilize it.", 2, 9, "use")) == "I use it."


# -- the fix must re-read to the same bank: one regression test per reported corruption --------

@pytest.mark.parametrize("name,before,after", [
    ("plain.yaml", "answers:\n  - question: Why?\n    answer: Honestly, I led the migration\n",
     "answers:\n  - question: Why?\n    answer: I led the migration\n"),
    ("quoted.yaml", "answers:\n  - question: Why?\n    answer: \"Honestly, I led it.\"\n",
     "answers:\n  - question: Why?\n    answer: \"I led it.\"\n"),
    ("single.yaml", "answers:\n  - question: Why?\n    answer: 'Honestly, I led it.'\n",
     "answers:\n  - question: Why?\n    answer: 'I led it.'\n"),
    ("block.yaml", "answers:\n  - question: Why?\n    answer: |\n      We won.\n      Honestly, it was close.\n",
     "answers:\n  - question: Why?\n    answer: |\n      We won.\n      It was close.\n"),
    ("cr.yaml", "answers:\r  - question: Why?\r    answer: Honestly, I led it.\r",
     "answers:\r  - question: Why?\r    answer: I led it.\r"),
    ("bank.json", '{"answers": [{"question": "Why?", "answer": "Honestly, I led it."}]}\n',
     '{"answers": [{"question": "Why?", "answer": "I led it."}]}\n'),
    ("dash.md", "## Why?\n\nHonestly - I led it.\n", "## Why?\n\nI led it.\n"),
    ("punct.md", "## Why?\n\nNo, honestly, I led it. Well, basically, we won. I was (to be honest) late.\n",
     "## Why?\n\nNo, I led it. Well, we won. I was late.\n"),
])
def test_fix_keeps_the_structure(here, name, before, after):
    result, path = run(here, name, before, "--fix")
    assert path.read_bytes().decode() == after
    assert "not fixed" not in result.stderr


@pytest.mark.parametrize("name,before,reason", [
    # a plain YAML scalar that would start with '#' becomes a comment: the answer would be lost
    ("hash.yaml", "answers:\n  - question: Why?\n    answer: Basically,#1 was speed.\n", "would change the file's structure"),
    # ' #' starts a YAML comment: the answer is only "Basically", and removing it would drop it
    ("comment.yaml", "answers:\n  - question: Why?\n    answer: Basically #1 priority was speed.\n",
     "the sentence would be left empty"),
    # '- I led' would turn the paragraph into a list item, '# I' into a heading, '> ' into a quote
    ("list.md", "## Why?\n\nHonestly, - I led it.\n", "would change the file's structure"),
    ("heading.md", "## Why?\n\nHonestly, # 1 was speed.\n", "would change the file's structure"),
    ("quote.md", "## Why?\n\nHonestly, > is my motto.\n", "would change the file's structure"),
    # the fix would leave a space before the full stop, where the comment was
    ("comment.md", "## Why?\n\nWe won <!-- answerlint: disable=buzzwords --> honestly.\n",
     "would change the file's structure"),
    ("markup.md", "## Why?\n\n**Honestly**, I led it.\n", "markup or an escape inside the text to change"),
])
def test_fix_that_would_change_the_structure_is_skipped_and_reported(here, name, before, reason):
    result, path = run(here, name, before, "--fix")
    assert path.read_bytes().decode() == before
    assert f"not fixed ({reason})" in result.stderr
    assert "fixed 1 finding" not in result.stderr
    assert result.exit_code == 0  # fillers are info


def test_skipped_fix_names_the_finding(here):
    result, _ = run(here, "hash.yaml", "answers:\n  - question: Why?\n    answer: Basically,#1 was speed.\n", "--diff")
    assert result.stdout == ""
    assert result.stderr == ("answerlint: notice: hash.yaml:3:13: not fixed (would change the file's "
                             "structure): 'Basically' [generalities/fillers]\n")


def test_the_directive_comment_survives(here):
    before = "## Why?\n\n<!-- answerlint: disable=buzzwords -->\nHonestly, I am a team player.\n"
    result, path = run(here, "a.md", before, "--fix")
    assert path.read_text() == "## Why?\n\n<!-- answerlint: disable=buzzwords -->\nI am a team player.\n"


def test_adjacent_fillers_are_fixed_in_one_run(here):
    result, path = run(here, "a.md", "## Why?\n\nHonestly, basically, I led it.\n", "--fix")
    assert path.read_text() == "## Why?\n\nI led it.\n"
    assert "fixed 2 findings" in result.stderr


# -- writing -------------------------------------------------------------------------------------

def test_fix_through_a_symlink_writes_the_target(here):
    target = here / "real.md"
    target.write_text("## Why?\n\nHonestly, I led it.\n")
    (here / "link.md").symlink_to("real.md")
    CliRunner().invoke(main, ["check", "--fix", "--select", "generalities/fillers", "link.md"])
    assert (here / "link.md").is_symlink()
    assert target.read_text() == "## Why?\n\nI led it.\n"


def test_fix_refuses_hard_links(here):
    content = "## Why?\n\nHonestly, I led it.\n"
    result, path = run(here, "a.md", content, "--fix")  # warm-up: a plain file is fixed
    path.write_text(content)
    os.link(path, here / "b.md")
    result, path = run(here, "a.md", content, "--fix")
    assert path.read_text() == content and (here / "b.md").read_text() == content
    assert result.exit_code == 2
    assert "a.md: not fixed: the file has 2 hard links and --fix would separate them" in result.stderr


def test_fix_refuses_read_only_files(here):
    path = here / "a.md"
    path.write_text("## Why?\n\nHonestly, I led it.\n")
    path.chmod(0o444)
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "generalities/fillers", "a.md"])
    assert path.read_text() == "## Why?\n\nHonestly, I led it.\n"
    assert "answerlint: a.md: not fixed: the file is read-only\n" in result.stderr
    assert result.exit_code == 2
    assert list(here.iterdir()) == [path]


def test_fix_refuses_a_file_changed_since_it_was_read(here):
    path = here / "a.md"
    path.write_text("## Why?\n\nHonestly, I led it.\n")
    source = sourcefile.read(path)
    path.write_text("## Why?\n\nSomeone else's edit, made meanwhile.\n")
    with pytest.raises(InputError, match="changed on disk while answerlint was checking it"):
        sourcefile.replace_text(source, "## Why?\n\nI led it.\n")
    assert path.read_text() == "## Why?\n\nSomeone else's edit, made meanwhile.\n"
    assert list(here.iterdir()) == [path]


def test_a_failed_write_leaves_no_temporary_file(here, monkeypatch):
    path = here / "a.md"
    path.write_text("## Why?\n\nHonestly, I led it.\n")
    source = sourcefile.read(path)

    def broken(src, dst):
        assert src.endswith(sourcefile.TEMP_SUFFIX) and os.path.basename(src).startswith(".a.md.")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError, match="a.md: not fixed: cannot write: No space left on device"):
        sourcefile.replace_text(source, "## Why?\n\nI led it.\n")
    assert list(here.iterdir()) == [path]
    assert path.read_text() == "## Why?\n\nHonestly, I led it.\n"


def test_a_leftover_temporary_file_is_not_linted(here):
    (here / "a.md").write_text("## Why?\n\nI led it.\n")
    (here / f".a.md.x1y2{sourcefile.TEMP_SUFFIX}").write_text("## Why?\n\nHonestly, I led it.\n")
    result = CliRunner().invoke(main, ["check", "--select", "generalities/fillers", "--format", "concise", "."])
    assert "fillers" not in result.stdout and result.exit_code == 0
