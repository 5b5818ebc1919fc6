"""Sentence and word spans in plain prose, without spaCy (fast, dependency-free)."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e inc ltd co corp dept approx no fig jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k a.m p.m".split()
)
# A sentence ends at . ! ? (or …), optionally followed by closing quotes/brackets, then whitespace.
# Tried only where a run of end marks starts: "!!!...x" (no sentence end) costs its length once,
# not its length squared.
_END = re.compile(r"(?<![.!?…])([.!?…]+)([\"'”’)\]]*)(?=\s|$)")
_LAST_WORD = re.compile(r"([\w.]+)$")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the sentences of ``text``; paragraph breaks end a sentence."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for m in _END.finditer(text, para_start, para_end):
            if m.group(1) == "." and _is_abbreviation(text, start, m.start()):
                continue
            nxt = _next_non_space(text, m.end(), para_end)
            if nxt is not None and m.group(1) == "." and _lower_word(text, nxt):
                continue  # "e.g. this" or a decimal-like continuation; "iOS" and "eBay" start one
            spans.append((start, m.end()))
            start = nxt if nxt is not None else para_end
        if start < para_end and text[start:para_end].strip():
            spans.append((start, para_end))
    return spans


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    return [m.span() for m in _WORD.finditer(text, start, end)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    word = _LAST_WORD.search(text, max(start, dot - 40), dot)  # an abbreviation is short: a bounded look back
    if not word:
        return False
    w = word.group(1).lower()
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha() and w != "i")


def _lower_word(text: str, pos: int) -> bool:
    """Does a word in lower case start at ``pos``? A word with capitals inside ("iOS") is a name."""
    word = _WORD.match(text, pos)
    return bool(word) and word.group().islower() and text[pos].islower()


def _next_non_space(text: str, pos: int, limit: int) -> int | None:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos if pos < limit else None
