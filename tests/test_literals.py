"""The literal prefilter of the regex kind (kinds/literals.py): what a pattern is found to need,
and that a text it turns away never holds a match."""

from __future__ import annotations

import re

import pytest

from answerlint.kinds.literals import ASCII_FOLDING, may_match, needed_literals
from answerlint.kinds.regex import RegexKind


def needs(pattern: str, flags: int = re.IGNORECASE):
    found = needed_literals(pattern, flags)
    return None if found is None else found[0]


@pytest.mark.parametrize("pattern, expected", [
    (r"\bbasically\b", {"basically"}),
    (r"\b(?:kinda|sorta)\b", {"kinda", "sorta"}),
    (r"\bI\s+feel\s+like\b", {"feel"}),  # the longest needed run ("i" and "like" are needed too)
    (r"\bHonestly\b", {"honestly"}),  # IGNORECASE: compared lowercased
    (r"\bpretty(?:\s+much)?\b", {"pretty"}),  # an optional group needs nothing
    (r"(?:very\s+)*good", {"good"}),
    (r"(?:very\s+)+good", {"very"}),  # a repeat of at least one is needed; as long as "good", and first
    (r"(?:extremely\s+)+ok", {"extremely"}),
    (r"\b(?:a|an|the)\s+best\b", {"best"}),
    (r"(?:foo|ba?r)", {"foo", "b"}),
    (r"(?:foo|\d+)", None),  # one branch needs nothing certain: the alternation needs nothing
    (r"(?<=\bI )just\b", {"just"}),  # a lookbehind is not part of the match: not used
    (r"(?!never)\w+", None),
    (r"[a-z]+ing", {"ing"}),
    (r"\d{2}\s+years?\s+old", {"year"}),
    (r"caf[ée]", {"caf"}),
    (r"I[’']m", {"i"}),  # of two runs as long and as many, the first
])
def test_needed_literals(pattern, expected):
    assert needs(pattern) == (None if expected is None else frozenset(expected))


def test_case_and_non_ascii():
    # case-sensitive: the literal as written, non-ASCII letters too
    assert needed_literals(r"\bfiancée\b", 0) == (frozenset({"fiancée"}), False)
    # IGNORECASE: a non-ASCII letter breaks the run, since its other cases are not ASCII
    assert needed_literals(r"\bfiancée\b", re.IGNORECASE) == (frozenset({"fianc"}), True)
    assert needed_literals(r"(?i)\bPassion\b") == (frozenset({"passion"}), True)
    # a group with its own case rule is left out
    assert needs(r"(?-i:Acmeeee) (?:rocks)") == {" rocks"}
    assert needed_literals("(", 0) is None  # not a valid pattern: nothing is claimed


def test_may_match():
    needed = needed_literals(r"\bbasically\b", re.IGNORECASE)
    assert may_match(needed, "It was BASICALLY done.")
    assert not may_match(needed, "It was done.")
    assert may_match(None, "anything")
    assert not may_match(needed_literals(r"Acme", 0), "acme")
    assert may_match(needed_literals(r"Acme", 0), "at Acme")
    # a text with a character `re` folds onto an ASCII letter is always searched
    kelvin = needed_literals(r"\bkilo\b", re.IGNORECASE)
    assert re.search(r"\bkilo\b", "\u212ailo", re.IGNORECASE)
    assert may_match(kelvin, "\u212ailo")
    # other non-ASCII text is compared as usual
    assert not may_match(kelvin, "caf\u00e9 au lait")


def test_ascii_folding_is_what_re_folds_onto_ascii():
    chars = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(re.findall("[\x00-\x7f]", chars, re.IGNORECASE))  # as a class
    for a in "abcdefghijklmnopqrstuvwxyz":  # as a literal (only letters have other cases)
        found.update(re.findall(a, chars, re.IGNORECASE))
    assert found <= ASCII_FOLDING
    lowering = {c for c in ASCII_FOLDING | found if any(ch.isascii() for ch in c.lower())}
    assert lowering <= ASCII_FOLDING
    # and no other non-ASCII character lowercases to ASCII
    for c in chars:
        low = c.lower()
        if low != c and any(ch.isascii() for ch in low):
            assert c in ASCII_FOLDING


def test_bundled_regexes_never_skip_a_text_they_match(ruleset):
    """Every pattern of the packs, on every example text of every rule: a match implies may_match."""
    texts = [e.text for rule in ruleset.rules for e in rule.examples]
    assert len(texts) > 200
    checked = 0
    compiled = [c for rule in ruleset.rules if rule.kind == "regex" for c in RegexKind().prepare(rule, None)]
    assert all(needed is not None for _, needed in compiled[:3])
    for rx, needed in compiled:
        for text in texts:
            if rx.search(text):
                assert may_match(needed, text), (rx.pattern, text)
                checked += 1
    assert checked > 50
