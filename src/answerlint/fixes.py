"""Applying safe fixes (plain substitutions) to a bank's text, and writing files atomically."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path

from answerlint.model import Finding

_SENTENCE_END = ".!?\n"


def safe_edits(findings: list[Finding]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) edits from the findings' safe suggestions."""
    edits = sorted({(s.start, s.end, s.replacement) for f in findings for s in f.suggestions
                    if s.safe and s.replacement is not None and s.start is not None})
    out: list[tuple[int, int, str]] = []
    for edit in edits:
        if out and edit[0] < out[-1][1]:
            continue  # overlaps the previous edit: leave it for the next run
        out.append(edit)
    return out


def apply_edits(source: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with the edits applied. A removal takes its punctuation and spacing with it
    ("Honestly, I led" -> "I led"; "I just fixed" -> "I fixed") and capitalises the next word
    when it removed the start of a sentence."""
    pieces: list[str] = []
    pos = 0
    for start, end, replacement in edits:
        at_sentence_start = _sentence_start(source, start)
        if replacement == "":
            start, end = _removal_span(source, start, end, at_sentence_start)
        pieces.append(source[pos:start])
        if replacement == "" and at_sentence_start and end < len(source) and source[end].islower():
            replacement = source[end].upper()
            end += 1
        pieces.append(replacement)
        pos = end
    pieces.append(source[pos:])
    return "".join(pieces)


def _sentence_start(source: str, start: int) -> bool:
    before = source[:start].rstrip(" \t*_")
    return not before or before[-1] in _SENTENCE_END or before.endswith(("\n", "- ", ">"))


def _removal_span(source: str, start: int, end: int, at_sentence_start: bool) -> tuple[int, int]:
    following = source[end] if end < len(source) else ""
    if source[start - 2:start] == ", " and (following == "" or following in ",.;:!?"):
        start -= 2  # "It was, basically, done" -> "It was done"; "We won, basically." -> "We won."
        if following == ",":
            end += 1
        return start, end
    if at_sentence_start and following == ",":
        end += 1  # "Honestly, I ..."
    if end < len(source) and source[end] == " " and (start == 0 or source[start - 1] in " \n"):
        end += 1
    elif start > 0 and source[start - 1] == " " and (end == len(source) or source[end] in " .,;:!?\r\n"):
        start -= 1
    return start, end


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def write_atomically(path: Path, text: str, bom: bool = False) -> None:
    """Replace ``path``'s content in one step: a crash leaves either the old or the new file."""
    data = ("\ufeff" + text if bom else text).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".answerlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
