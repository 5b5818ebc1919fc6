"""Line breaks, defined once, and source offsets to 1-based line and column numbers.

A line break is LF, CRLF or CR: what the YAML 1.2 spec, CommonMark and editors count. Other
characters that Python's ``str.splitlines`` splits on (NEL, U+2028, form feed, ...) are not line
breaks here, so every position answerlint reports is the line an editor shows.
"""

from __future__ import annotations

import re
from bisect import bisect_right

LINE_BREAK = re.compile(r"\r\n|\r|\n")
BREAK_CHARS = "\r\n"


def split_lines(text: str) -> list[tuple[int, str]]:
    """(start offset, text without its line break) of each line."""
    out, pos = [], 0
    for m in LINE_BREAK.finditer(text):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


class LineIndex:
    """Maps character offsets of ``source`` to 1-based (line, column) pairs.

    Columns count Unicode code points, starting at 1. An end offset maps to the column just past
    the last character covered (exclusive), as ruff reports ``end_location``.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._starts = [0]
        self._ends: list[int] = []  # where each line's text ends (before its line break)
        for m in LINE_BREAK.finditer(source):
            self._ends.append(m.start())
            self._starts.append(m.end())
        self._ends.append(len(source))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def end_position(self, start: int, end: int) -> tuple[int, int]:
        """Position just after the last character of ``[start, end)``."""
        if end <= start:
            return self.position(start)
        line, col = self.position(end - 1)
        return line, col + 1

    def line_text(self, line: int) -> str:
        return self.source[self._starts[line - 1]:self._ends[line - 1]]

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Where the line's text ends, before its line break."""
        return self._ends[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
