"""Source offsets to 1-based line and column numbers."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Maps character offsets of ``source`` to 1-based (line, column) pairs.

    Columns count Unicode code points, starting at 1. An end offset maps to the column just past
    the last character covered (exclusive), as ruff reports ``end_location``.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                starts.append(i + 1)
        self._starts = starts

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
        start = self._starts[line - 1]
        stop = self._starts[line] - 1 if line < len(self._starts) else len(self.source)
        return self.source[start:stop].rstrip("\r")

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
