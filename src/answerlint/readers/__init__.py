"""Answer-bank readers, one per format, chosen by file extension."""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable

from answerlint.errors import InputError
from answerlint.limits import cap_items
from answerlint.model import Bank
from answerlint.readers import markdown, plaintext, structured

Reader = Callable[..., Bank]

READERS: dict[str, tuple[str, Reader]] = {
    ".md": ("markdown", markdown.read),
    ".markdown": ("markdown", markdown.read),
    ".yaml": ("yaml", structured.read_yaml),
    ".yml": ("yaml", structured.read_yaml),
    ".json": ("json", structured.read_json),
    ".txt": ("text", plaintext.read),
}


def format_for(path: str) -> str | None:
    entry = READERS.get(PurePath(path).suffix.lower())
    return entry[0] if entry else None


def decode(path: str, data: bytes) -> str:
    """Bytes of an answer bank to text, or an InputError naming the problem."""
    if _utf16(data):
        raise InputError("UTF-16 is not supported; save the file as UTF-8", path)
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not an answer bank", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path, line) from None
    if not text.strip():
        raise InputError("empty file: no answers or questions", path)
    return text


def _utf16(data: bytes) -> bool:
    """UTF-16 text: its byte-order mark and zero bytes after it (any line break has one), or ASCII
    text with every other byte zero (no mark)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return b"\x00" in data[2:514]
    head = data[:512]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) == len(odd) and even.count(0) == 0) or (even.count(0) == len(even) and odd.count(0) == 0)


def read_source(path: str, data: bytes, question_sections: tuple[str, ...] = ()) -> Bank:
    """A bank from the bytes of a file (or of standard input) named ``path``."""
    return read_bank(path, decode(path, data), question_sections)


def read_bank(path: str, text: str, question_sections: tuple[str, ...] = ()) -> Bank:
    """Parse ``text`` by the format its name says; standard input ("-") is read as Markdown."""
    entry = READERS.get(".md" if path == "-" else PurePath(path).suffix.lower())
    if entry is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"unknown file type '{PurePath(path).suffix or '(none)'}' (answerlint reads {known})", path)
    fmt, reader = entry
    bank = reader(path, text, question_sections=question_sections)
    if not bank.items:
        raise InputError("no answers or questions found", path)
    return cap_items(bank)
