"""Words a token pattern cannot match without: run a matcher only on Docs that have them.

spaCy's Matcher tries every pattern at every token, so its cost grows with the patterns of a rule
even where they cannot match. Most patterns in the packs name at least one word that a match must
contain (``{LOWER: responsible}``, ``{LEMMA: {IN: [hate, dislike]}}``); a Doc lacking any of them
cannot match, and the matcher need not run.

Only what is certain counts. A token's requirement is an exact value or an ``IN`` list of LOWER,
ORTH (TEXT), NORM or LEMMA, on a token the match must contain: no ``OP``, ``OP: "+"`` or a count
``{n}``, ``{n,}``, ``{n,m}`` with n >= 1. A negated token (``!``), an optional one (``?``, ``*``,
``{,m}``, ``{0,m}``) and any other operator (``NOT_IN``, ``REGEX``, ``FUZZY``...) require
nothing. Values are compared as the matcher compares them: as string ids (spaCy's symbol table
first, then the hash), read from the Doc with ``Doc.to_array`` without making Token objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

# Pattern keys of the literal attributes, and the attribute each is read from.
LITERAL_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "LEMMA": "LEMMA"}
_COUNT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")

Requirement = tuple[str, frozenset[str]]  # (attribute, words): the Doc must have one of the words


def required_token(op: Any) -> bool:
    """Must a match contain a token for this pattern token (given its OP)?"""
    if op is None or op in ("+", "1"):
        return True
    if not isinstance(op, str):
        return False
    count = _COUNT.match(op)
    return bool(count and count.group(1) and int(count.group(1)) >= 1)


def token_requirements(token: dict) -> list[Requirement]:
    """What one token pattern requires of the word it matches (empty: nothing certain)."""
    if not isinstance(token, dict):
        return []
    token = {key.upper(): value for key, value in token.items() if isinstance(key, str)}  # as spaCy reads it
    if not required_token(token.get("OP")):
        return []
    out: list[Requirement] = []
    for key, value in token.items():
        attr = LITERAL_ATTRS.get(key)
        if attr is None:
            continue
        if isinstance(value, str):
            out.append((attr, frozenset([value])))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list) \
                and all(isinstance(w, str) for w in value["IN"]):
            out.append((attr, frozenset(value["IN"])))
    return out


def pattern_requirements(pattern: list[dict]) -> list[Requirement]:
    """What a Matcher pattern (a list of token patterns, lexicons expanded) requires of a Doc."""
    return [r for token in pattern for r in token_requirements(token)]


def dependency_requirements(pattern: list[dict]) -> list[Requirement]:
    """What a DependencyMatcher pattern requires: every node is matched by one token."""
    return [r for node in pattern for r in token_requirements(node.get("RIGHT_ATTRS", {}))]


def _string_id(word: str) -> int:
    from spacy.strings import get_string_id

    return get_string_id(word)


@dataclass(frozen=True)
class Gate:
    """The requirements of one pattern as string ids: ((attribute id, ids), ...)."""

    needs: tuple[tuple[int, frozenset[int]], ...]

    @classmethod
    def of(cls, requirements: Iterable[Requirement]) -> "Gate":
        from spacy.attrs import IDS

        return cls(tuple((IDS[attr], frozenset(_string_id(w) for w in words)) for attr, words in requirements))

    @property
    def attrs(self) -> frozenset[int]:
        return frozenset(attr for attr, _ in self.needs)

    def admits(self, words: "DocWords") -> bool:
        """Could the pattern match in the Doc these words are from?"""
        return all(not ids.isdisjoint(words.ids[attr]) for attr, ids in self.needs)


class DocWords:
    """The distinct values of some literal attributes in one Doc, as string ids."""

    def __init__(self, doc, attrs: Iterable[int]) -> None:
        attrs = sorted(set(attrs))
        self.ids: dict[int, set[int]] = {a: set() for a in attrs}
        if attrs and len(doc):
            array = doc.to_array(attrs)
            if array.ndim == 1:
                array = array.reshape(-1, 1)
            for column, attr in enumerate(attrs):
                self.ids[attr] = set(array[:, column].tolist())


def gates_attrs(gates: Iterable[Gate]) -> frozenset[int]:
    return frozenset(a for gate in gates for a in gate.attrs)
