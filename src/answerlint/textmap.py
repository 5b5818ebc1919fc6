"""Text extracted from a source file, with every character mapped back to its source offset.

Readers build a :class:`MappedText` for each answer or question; rules work on its ``text`` in
character offsets; :meth:`MappedText.source_span` turns a span back into offsets of the original
file, which :mod:`answerlint.lines` turns into lines and columns once, at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = source offset of text[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``[s, e)`` covering text[start:end] (end exclusive)."""
        if not self.offsets:
            return (0, 0)
        if end <= start:
            s = self.offsets[min(start, len(self.offsets) - 1)]
            return (s, s)
        return (self.offsets[start], self.offsets[end - 1] + 1)

    def __len__(self) -> int:
        return len(self.text)


_SPACE = " \t\r\n\f\v\u00a0"  # what folds into one space or a paragraph break
# Whitespace that add_char would change: runs of two or more, any but a space, a space at either end.
_FOLDED = re.compile(f"[{_SPACE}]{{2,}}|[{_SPACE[1:]}]|^ | \\Z")


class TextBuilder:
    """Accumulates characters with their source offsets, folding whitespace as it goes.

    Runs of spaces, tabs and single newlines become one space; a run that holds a blank line
    (two or more newlines) becomes a paragraph break ``"\\n\\n"``. Leading and trailing whitespace
    is dropped. The folded characters map to the first whitespace character of their run.
    """

    def __init__(self) -> None:
        self._chars: list[str] = []  # characters, or runs of them
        self._offsets: list[int] = []
        self._pending_ws: int | None = None  # source offset of a pending whitespace run
        self._pending_newlines = 0
        self._last = ""

    def add(self, text: str, source_offset: int) -> None:
        """Add ``text`` whose first character is at ``source_offset`` (contiguous in source):
        what :meth:`add_char` does for each character. A single space between two other
        characters folds to itself, so only the other whitespace runs are looked at; the text
        between them is copied as it is."""
        done = 0
        for run in _FOLDED.finditer(text):
            if run.start() > done:
                self._copy(text, done, run.start(), source_offset)
            chars, start = run.group(), source_offset + run.start()
            if self._pending_ws is None:
                self._pending_ws = start
                self._pending_newlines = 0
            # line breaks: LF, CRLF or CR (answerlint.lines); a CRLF split across two calls counts once
            breaks = chars.count("\r") + chars.count("\n") - chars.count("\r\n")
            self._pending_newlines += breaks - (chars[0] == "\n" and self._last == "\r")
            self._last = chars[-1]
            done = run.end()
        if done < len(text):
            self._copy(text, done, len(text), source_offset)

    def _copy(self, text: str, start: int, end: int, source_offset: int) -> None:
        """text[start:end]: no whitespace but single spaces between two other characters."""
        self._flush_ws()
        self._chars.append(text[start:end])
        self._offsets.extend(range(source_offset + start, source_offset + end))
        self._last = text[end - 1]

    def add_char(self, ch: str, offset: int) -> None:
        if ch in _SPACE:
            if self._pending_ws is None:
                self._pending_ws = offset
                self._pending_newlines = 0
            if ch == "\r" or (ch == "\n" and self._last != "\r"):
                self._pending_newlines += 1  # a line break: LF, CRLF or CR (answerlint.lines)
            self._last = ch
            return
        self._last = ch
        self._flush_ws()
        self._chars.append(ch)
        self._offsets.append(offset)

    def paragraph_break(self, offset: int) -> None:
        """Force a paragraph break (e.g. between two Markdown blocks)."""
        if self._pending_ws is None:
            self._pending_ws = offset
        self._pending_newlines = max(self._pending_newlines, 2)

    def soft_break(self, offset: int) -> None:
        """Force at least a space (e.g. where markup was removed between two words)."""
        if self._pending_ws is None:
            self._pending_ws = offset
            self._pending_newlines = 0

    def _flush_ws(self) -> None:
        if self._pending_ws is None:
            return
        if self._chars:
            sep = "\n\n" if self._pending_newlines >= 2 else " "
            for ch in sep:
                self._chars.append(ch)
                self._offsets.append(self._pending_ws)
        self._pending_ws = None
        self._pending_newlines = 0

    def build(self) -> MappedText:
        return MappedText("".join(self._chars), tuple(self._offsets))
