"""The real `pre-commit try-repo` against a temporary repository holding an answer bank."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

BAD = """# Answers

## What is your greatest strength?

I am a team player and a problem solver.
"""
GOOD = """# Answers

## What is your greatest strength?

In March 2023 I led four engineers through a database migration. We moved 2 TB in one weekend
with no downtime, and page load times fell by 30 percent the following month.
"""


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(tmp_path, home, text):
    repo = tmp_path / "bank"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "answers.md").write_text(text, encoding="utf-8")
    _git(repo, "add", "answers.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "answerlint",
                           "--files", "answers.md", "--color", "never"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_hook_fails_on_a_bad_bank(tmp_path, precommit_home):
    result = _try_repo(tmp_path, precommit_home, BAD)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "answerlint" in result.stdout and "Failed" in result.stdout
    assert "answers.md:5:8: warning:" in result.stdout
    assert "[buzzwords/self-labels]" in result.stdout


def test_hook_passes_on_a_clean_bank(tmp_path, precommit_home):
    result = _try_repo(tmp_path, precommit_home, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
