"""Shared fixtures: the installed rule set, and helpers to lint text in memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from answerlint.config import Settings
from answerlint.engine import Linter, Profile
from answerlint.model import ANSWER, QUESTION, Bank, Item
from answerlint.packs import RuleSet
from answerlint.textmap import TextBuilder

ROOT = Path(__file__).resolve().parents[1]

# Tests lint afresh (a cached finding would hide what a test changed); tests/test_cache.py turns
# the cache on where it is the subject.
os.environ.setdefault("ANSWERLINT_NO_CACHE", "1")


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return RuleSet.load()


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="session")
def profile(ruleset) -> Profile:
    return Profile(Settings(root=ROOT), ruleset)


def bank_of(text: str, role: str = ANSWER, kind: str = "general", stage: str | None = None,
            path: str = "example.md") -> Bank:
    """A bank holding ``text`` as its only answer (or candidate question)."""
    builder = TextBuilder()
    builder.add(text, 0)
    item = Item(role, 1, builder.build(), "Example question?" if role == ANSWER else None,
                kind if role == ANSWER else "question")
    return Bank(path, text, "text", [item], stage=stage)


__all__ = ["bank_of", "ANSWER", "QUESTION", "ROOT"]
