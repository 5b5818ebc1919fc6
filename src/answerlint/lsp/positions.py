"""answerlint positions (1-based lines, columns in code points) as LSP positions.

LSP positions are 0-based lines and character offsets counted in the negotiated encoding:
UTF-16 code units unless client and server agreed on UTF-8 or UTF-32. A character outside the
Basic Multilingual Plane (most emoji) is 1 code point, 2 UTF-16 code units and 4 UTF-8 bytes.
Lines are those of answerlint's :class:`LineIndex` (LF, CRLF or CR), which are LSP's too.
"""

from __future__ import annotations

from answerlint.lines import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
BOM = "\ufeff"


def units(text: str, encoding: str = UTF16) -> int:
    """The length of ``text`` in the code units of ``encoding``."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Positions in the bank's source as LSP (line, character) pairs of the document.

    ``document`` is the text the editor holds; the bank's source is the same text without a
    leading byte-order mark, which answerlint's reader drops (so line 1 is one character shorter).
    """

    def __init__(self, document: str, encoding: str = UTF16) -> None:
        self.bom = document.startswith(BOM)
        self.source = document[1:] if self.bom else document
        self.index = LineIndex(self.source)
        self.encoding = encoding

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The LSP position of answerlint's 1-based ``line`` and ``column``."""
        if line > self.index.line_count:  # just past the last line
            last = self.index.line_count
            return self.position(last, len(self.index.line_text(last)) + 1)
        text = self.index.line_text(line)
        character = units(text[:max(column - 1, 0)], self.encoding)
        if line == 1 and self.bom:
            character += units(BOM, self.encoding)
        return line - 1, character

    def offset(self, offset: int) -> tuple[int, int]:
        """The LSP position of a character offset in the bank's source."""
        return self.position(*self.index.position(offset))

    def line_end(self, line: int) -> tuple[int, int]:
        """Where answerlint's 1-based ``line`` ends, before its line break."""
        line = min(max(line, 1), self.index.line_count)
        return self.position(line, len(self.index.line_text(line)) + 1)
