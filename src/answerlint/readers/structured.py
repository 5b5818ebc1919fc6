"""YAML and JSON banks: ``answers: [{question, answer, kind?}]``, ``questions: [str]``, ``stage``, ``role``.

Both formats are read into the same small tree of :class:`Node` objects that remember where each
string is in the source, so that every character of an answer maps back to its exact position,
whatever the YAML scalar style (plain, quoted, literal ``|`` or folded ``>``) or JSON escape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from answerlint import directives, yamlpos
from answerlint.answerkinds import infer_kind
from answerlint.errors import AnswerlintError, InputError
from answerlint.lines import LINE_BREAK, LineIndex
from answerlint.model import ANSWER, QUESTION, STAGES, Bank, Item
from answerlint.readers import jsonpos
from answerlint.textmap import TextBuilder


@dataclass
class Node:
    kind: str  # "map", "seq", "str", "null", "other"
    start: int
    end: int
    value: Any = None  # map: dict[str, (key Node, value Node)]; seq: list[Node]; str: the string
    offsets: list[int] = field(default_factory=list)  # str: source offset of each character


def read_yaml(path: str, text: str, question_sections: tuple[str, ...] = ()) -> Bank:
    try:
        root = yamlpos.compose(text, path)
    except AnswerlintError as exc:
        raise InputError(exc.problem, path, exc.line, exc.column) from None
    if root is None:
        raise InputError("empty document: no answers or questions", path, 1)
    tree = _from_yaml(root, text, path)
    bank = _bank(path, text, "yaml", tree)
    bank.directives = _yaml_directives(text, tree)
    return bank


def read_json(path: str, text: str, question_sections: tuple[str, ...] = ()) -> Bank:
    try:
        tree = jsonpos.parse(text, Node)
    except jsonpos.JSONPositionError as exc:
        raise InputError(f"invalid JSON: {exc.problem}", path, exc.line, exc.column) from None
    return _bank(path, text, "json", tree)


# -- building the bank ---------------------------------------------------------------------------

def _bank(path: str, text: str, fmt: str, root: Node) -> Bank:
    index = LineIndex(text)

    def fail(problem: str, node: Node) -> None:
        line, col = index.position(node.start)
        raise InputError(problem, path, line, col)

    if root.kind != "map":
        fail("an answer bank must be a mapping with 'answers' and/or 'questions'", root)
    top = root.value
    if "answers" not in top and "questions" not in top:
        fail("no 'answers' or 'questions' key at the top level", root)
    bank = Bank(path, text, fmt, [])
    for key in ("stage", "role", "company"):
        if key in top:
            node = top[key][1]
            if node.kind != "str":
                fail(f"'{key}' must be a string", node)
            setattr(bank, key, node.value.strip())
    if bank.stage is not None and bank.stage not in STAGES:
        fail(f"unknown stage '{bank.stage}' (expected one of: {', '.join(STAGES)})", top["stage"][1])
    def entries(key: str, what: str) -> list[Node]:
        node = top[key][1]
        if node.kind == "null":  # "answers:" with nothing under it
            return []
        if node.kind != "seq":
            fail(f"'{key}' must be a list of {what}", node)
        return node.value

    def text(node: Node, label: str) -> str:
        if node.kind != "str":
            fail(f"{label} must be text", node)
        return node.value

    if "answers" in top:
        for number, entry in enumerate(entries("answers", "{question, answer, kind} mappings"), start=1):
            if entry.kind != "map":
                fail(f"answer {number} must be a mapping with 'question' and 'answer'", entry)
            fields = entry.value
            if "answer" not in fields:
                fail(f"answer {number} has no 'answer'", entry)
            body = fields["answer"][1]
            if body.kind == "null":
                continue
            text(body, f"answer {number}: 'answer'")
            question = None
            if "question" in fields:
                question = " ".join(text(fields["question"][1], f"answer {number}: 'question'").split())
            kind = infer_kind(question)
            if "kind" in fields:
                kind = text(fields["kind"][1], f"answer {number}: 'kind'").strip()
            bank.items.append(Item(ANSWER, number, _mapped(body), question, kind))
    if "questions" in top:
        bank.questions_offset = top["questions"][0].start
        bank.question_sections.append(("key 'questions'", bank.questions_offset))
        for number, node in enumerate(entries("questions", "strings"), start=1):
            text(node, f"question {number}")
            bank.items.append(Item(QUESTION, number, _mapped(node), kind="question"))
    return bank


def _mapped(node: Node):
    builder = TextBuilder()
    for ch, offset in zip(node.value, node.offsets):
        builder.add_char(ch, offset)
    return builder.build()


# -- YAML: nodes with exact character offsets ----------------------------------------------------

def _from_yaml(node: yaml.Node, text: str, path: str) -> Node:
    """The node graph (nested at most yamlpos.MAX_DEPTH, aliases bounded) as a tree of Nodes."""
    start, end = node.start_mark.index, node.end_mark.index
    if isinstance(node, yaml.MappingNode):
        value = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k.start_mark.index)
            if key in value:  # PyYAML keeps the last one silently: half the bank would go unlinted
                raise InputError(f"invalid YAML: duplicate key '{key}'", path,
                                 k.start_mark.line + 1, k.start_mark.column + 1)
            value[key] = (_from_yaml(k, text, path), _from_yaml(v, text, path))
        return Node("map", start, end, value)
    if isinstance(node, yaml.SequenceNode):
        items = [_from_yaml(v, text, path) for v in node.value]
        return Node("seq", start, end, items)
    if node.tag == "tag:yaml.org,2002:null":
        return Node("null", start, end)
    if node.tag != "tag:yaml.org,2002:str" and node.style is None:
        return Node("other", start, end, node.value)
    return Node("str", start, end, node.value, align_scalar(node.value, text, start, end, node.style))


def align_scalar(value: str, src: str, start: int, end: int, style: str | None) -> list[int]:
    """The source offset of each character of a YAML scalar's value.

    Walks the value and the source together: folded line breaks, indentation, quotes and escapes
    are skipped in the source; every value character maps to the source character it came from
    (an escape sequence maps to its backslash, a folded line break to the newline).
    """
    p = start
    if style in ('"', "'"):
        p += 1
    elif style in ("|", ">"):
        newline = LINE_BREAK.search(src, start, end)
        p = newline.end() if newline else end
    offsets: list[int] = []
    last = max(start, end - 1)
    for ch in value:
        if style == '"':
            while p < end and src[p] == "\\" and p + 1 < end and src[p + 1] in "\r\n":
                p += 2  # escaped line break: skip it and the next line's indentation
                while p < end and src[p] in " \t\r\n":
                    p += 1
            if p < end and src[p] == "\\":
                offsets.append(p)
                p += _escape_length(src, p)
                continue
        if style == "'" and ch == "'" and src.startswith("''", p):
            offsets.append(p)
            p += 2
            continue
        q = p
        while q < end and not _same(src[q], ch):
            q += 1
        if q >= end:
            offsets.append(min(p, last))
            continue
        offsets.append(q)
        p = q + 1
    return offsets


# PyYAML (YAML 1.1) also folds NEL, U+2028 and U+2029; they map like a line break here, though
# positions count only LF, CRLF and CR as line breaks (answerlint.lines).
_YAML_BREAKS = "\r\n\x85\u2028\u2029"


def _same(source_char: str, value_char: str) -> bool:
    return source_char == value_char or (value_char in " \n" and source_char in _YAML_BREAKS)


def _escape_length(src: str, p: int) -> int:
    code = src[p + 1] if p + 1 < len(src) else ""
    return {"x": 4, "u": 6, "U": 10}.get(code, 2)


_COMMENT = re.compile(r"(?:^|[ \t])#(.*)$")


def _yaml_directives(text: str, root: Node):
    """``# answerlint: ...`` comments, outside scalars; ``disable-next`` covers the next entry."""
    index = LineIndex(text)
    scalar_ranges: list[tuple[int, int]] = []
    entries: dict[int, int] = {}  # first line of an entry -> last line of the largest entry there

    def last_line(start: int, end: int) -> int:
        while end > start and text[end - 1] in " \t\r\n":
            end -= 1  # a block node's end mark is after the whitespace that follows it
        return index.end_position(start, end)[0]

    def entry(start: int, end: int) -> None:
        """A list item or a key with its value: what ``disable-next`` before it covers."""
        first = index.position(start)[0]
        entries[first] = max(entries.get(first, first), last_line(start, end))

    def walk(node: Node) -> None:
        if node.kind in ("str", "other") and node.end > node.start:
            scalar_ranges.append((node.start, node.end))
        if node.kind == "map":
            for key, value in node.value.values():
                entry(key.start, max(key.end, value.end))
                walk(key)
                walk(value)
        elif node.kind == "seq":
            for child in node.value:
                entry(child.start, child.end)
                walk(child)

    walk(root)
    collector = directives.Collector(last_line=index.line_count)
    pending_next = False
    for number in range(1, index.line_count + 1):
        line = index.line_text(number)
        start = index.line_start(number)
        m = _COMMENT.search(line)
        inside = m is not None and any(s <= start + m.start(1) < e for s, e in scalar_ranges)
        if m and not inside:
            parsed = directives.parse(m.group(1))
            standalone = not line[: m.start()].strip()
            if parsed:
                action, rules = parsed
                if not standalone and action == "disable":
                    action = "disable-line"
                if action == "disable-next":
                    pending_next = True
                hash_at = line.index("#", m.start())
                collector.add(action, rules, number, (start + hash_at, start + len(line.rstrip())))
            if standalone:
                continue
        if line.strip():
            collector.content_line(number)
            if pending_next:
                _extend_next(collector, number, entries.get(number, number))
                pending_next = False
    return collector.finish()


def _extend_next(collector: directives.Collector, first: int, last: int) -> None:
    """Stretch the disable-next directives just applied at ``first`` to the node's last line."""
    from answerlint.model import Directive

    for i, d in enumerate(collector.directives):
        if d.first_line == first and d.last_line == first:
            collector.directives[i] = Directive(d.rules, first, last, d.span)
