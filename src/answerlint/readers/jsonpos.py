"""A JSON parser that records where every value is, and the source offset of each string character.

``json.loads`` validates first (its messages and positions are the familiar ones); this parser
then walks the same text to build position-aware nodes.
"""

from __future__ import annotations

import json
import re

from answerlint.yamlpos import MAX_DEPTH
from answerlint.yamlpos import too_deep as too_deep_at

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class JSONPositionError(Exception):
    def __init__(self, problem: str, line: int | None, column: int | None) -> None:
        super().__init__(problem)
        self.problem, self.line, self.column = problem, line, column


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]')


def parse(text: str, node_type):
    too_deep = too_deep_at(text, _BRACKETS)
    if too_deep is not None:
        raise JSONPositionError(f"nested more than {MAX_DEPTH} levels deep", *_position(text, too_deep))
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONPositionError(exc.msg, exc.lineno, exc.colno) from None
    node, _ = _value(text, _skip(text, 0), node_type)
    return node


def _position(text: str, offset: int) -> tuple[int, int]:
    from answerlint.lines import LineIndex

    return LineIndex(text[:offset + 1]).position(offset)


def _skip(text: str, pos: int) -> int:
    return _WS.match(text, pos).end()


def _value(text: str, pos: int, node_type):
    ch = text[pos]
    if ch == "{":
        items, pos = {}, _skip(text, pos + 1)
        start = pos - 1
        if text[pos] == "}":
            return node_type("map", start, pos + 1, items), pos + 1
        while True:
            key, pos = _string(text, pos, node_type)
            if key.value in items:  # json.loads keeps the last one silently: the rest would go unlinted
                line = text.count("\n", 0, key.start) + 1
                column = key.start - (text.rfind("\n", 0, key.start) + 1) + 1
                raise JSONPositionError(f"duplicate key '{key.value}'", line, column)
            pos = _skip(text, _skip(text, pos) + 1)  # ':'
            value, pos = _value(text, pos, node_type)
            items[key.value] = (key, value)
            pos = _skip(text, pos)
            if text[pos] == "}":
                return node_type("map", start, pos + 1, items), pos + 1
            pos = _skip(text, pos + 1)  # ','
    if ch == "[":
        values, start, pos = [], pos, _skip(text, pos + 1)
        if text[pos] == "]":
            return node_type("seq", start, pos + 1, values), pos + 1
        while True:
            value, pos = _value(text, pos, node_type)
            values.append(value)
            pos = _skip(text, pos)
            if text[pos] == "]":
                return node_type("seq", start, pos + 1, values), pos + 1
            pos = _skip(text, pos + 1)
    if ch == '"':
        return _string(text, pos, node_type)
    for word, kind in (("null", "null"), ("true", "other"), ("false", "other")):
        if text.startswith(word, pos):
            return node_type(kind, pos, pos + len(word), word), pos + len(word)
    m = _NUMBER.match(text, pos)
    if m is None:  # json.loads takes NaN, Infinity and -Infinity; JSON does not
        word = re.match(r"-?\w+", text[pos:pos + 10]).group(0)
        raise JSONPositionError(f"{word} is not a JSON value (write a number or a string)", *_position(text, pos))
    return node_type("other", pos, m.end(), m.group(0)), m.end()


def _string(text: str, pos: int, node_type):
    start, pos = pos, pos + 1
    chars: list[str] = []
    offsets: list[int] = []
    while text[pos] != '"':
        if text[pos] == "\\":
            code = text[pos + 1]
            if code == "u":
                cp = int(text[pos + 2: pos + 6], 16)
                length = 6
                low = int(text[pos + 8: pos + 12], 16) if text.startswith("\\u", pos + 6) else 0
                if 0xD800 <= cp < 0xDC00 and 0xDC00 <= low < 0xE000:
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                    length = 12
                elif 0xD800 <= cp < 0xE000:
                    raise JSONPositionError(f"a lone surrogate escape ({text[pos:pos + 6]}) is not a character",
                                            *_position(text, pos))
                chars.append(chr(cp))
            else:
                chars.append(_ESCAPES[code])
                length = 2
            offsets.append(pos)
            pos += length
        else:
            chars.append(text[pos])
            offsets.append(pos)
            pos += 1
    return node_type("str", start, pos + 1, "".join(chars), offsets), pos + 1
