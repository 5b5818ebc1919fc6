"""A progress bar on stderr for long runs: only on a terminal and for the human formats.

Machine formats (json, sarif, github) never show one, nor does a run whose stderr is a file or a
pipe; ``--no-progress`` turns it off. The bar is one line, redrawn in place, and erased at the end
so that what follows (warnings, the text report) starts on a clean line.
"""

from __future__ import annotations

import sys
from typing import TextIO

HUMAN_FORMATS = ("text", "concise")
LONG_RUN = 100  # items to analyse: fewer finish in about a second, with nothing to watch
WIDTH = 30


def wanted(fmt: str, enabled: bool, items: int, stream: TextIO | None = None) -> bool:
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return enabled and fmt in HUMAN_FORMATS and items >= LONG_RUN and bool(isatty and isatty())


class Bar:
    """``advance(n)`` after each n items; ``close()`` erases the line."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done = max(1, total), 0
        self.stream = sys.stderr if stream is None else stream
        self._shown = -1
        self._draw()

    def advance(self, items: int) -> None:
        self.done = min(self.total, self.done + items)
        self._draw()

    def _draw(self) -> None:
        percent = self.done * 100 // self.total
        if percent == self._shown:
            return
        self._shown = percent
        filled = WIDTH * self.done // self.total
        self.stream.write(f"\ranswerlint: [{'#' * filled}{' ' * (WIDTH - filled)}] "
                          f"{self.done}/{self.total} items {percent}%")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()
