"""YAML loading that remembers where every key and list item is (for error messages)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from answerlint.errors import AnswerlintError
from answerlint.lines import LineIndex


class PosDict(dict):
    """A dict that knows the 1-based (line, column) of itself and of each of its keys/values."""

    pos: tuple[int, int] = (1, 1)
    key_pos: dict
    value_pos: dict


class PosList(list):
    pos: tuple[int, int] = (1, 1)
    item_pos: list


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster

MAX_DEPTH = 100  # nesting levels: a bank needs 4, a config or pack 6
ALIAS_BUDGET = 100_000  # nodes that aliases may add when expanded (a 7-level "billion laughs" adds 4.8 million)


def too_deep(text: str, tokens: re.Pattern, limit: int = MAX_DEPTH) -> int | None:
    """Where the first bracket nested deeper than ``limit`` opens (for JSON and TOML, which nest
    with ``[`` and ``{``); ``tokens`` matches the brackets and the strings that may hold some."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for m in tokens.finditer(text):
        ch = m.group(0)
        if ch in "[{":
            depth += 1
            if depth > limit:
                return m.start()
        elif ch in "]}":
            depth -= 1
    return None


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def compose(text: str, path: str | None = None, loader_class=_Loader) -> yaml.Node | None:
    """The single document of ``text`` as a node graph, as ``yaml.compose`` builds it, but
    without recursion, refusing documents nested deeper than MAX_DEPTH, aliases that would
    expand to more than ALIAS_BUDGET nodes or that refer to a node containing them, and lone
    surrogates; every error is an AnswerlintError with the line and column."""
    loader = loader_class(text)
    try:
        return _compose(loader, text, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if problem == "found character that cannot start any token" and mark and mark.index < len(text):
            problem = f"found character {text[mark.index]!r} that cannot start any token"  # as PyYAML says
        raise AnswerlintError(f"invalid YAML: {problem}", path, *(_pos(mark) if mark else ())) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: no mark, only its index
        line, column = LineIndex(text).position(min(max(exc.position, 0), len(text)))
        raise AnswerlintError(f"invalid YAML: character U+{exc.character:04X} is not allowed "
                              "(control characters must be escaped in a double-quoted string)",
                              path, line, column) from None
    except yaml.YAMLError as exc:
        raise AnswerlintError(f"invalid YAML: {str(exc).splitlines()[0]}", path) from None
    finally:
        loader.dispose()


def _compose(loader, text: str, path: str | None) -> yaml.Node | None:
    def fail(problem: str, mark) -> None:
        raise AnswerlintError(f"invalid YAML: {problem}", path, *_pos(mark))

    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # document start
    anchors: dict[str, yaml.Node] = {}
    sizes: dict[int, int] = {}  # id(node) -> its node count with aliases expanded
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, list]] = []  # collections being composed, with their children
    expanded = 0
    root = None
    while root is None:
        event = loader.get_event()
        node = None
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                fail(f"found undefined alias '{event.anchor}'", event.start_mark)
            node = anchors[event.anchor]
            if id(node) in open_nodes:
                fail("an alias refers to a node that contains it", node.start_mark)
            expanded += sizes[id(node)]
            if expanded > ALIAS_BUDGET:
                fail(f"aliases expand to more than {ALIAS_BUDGET:,} nodes (refused: an alias bomb?)",
                     event.start_mark)
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            if _SURROGATE.search(event.value):
                fail("a lone surrogate escape (such as \\ud800) is not a character", event.start_mark)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            sizes[id(node)] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(stack) >= MAX_DEPTH:
                fail(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(kind, None, event.implicit)
            collection = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if event.anchor is not None:
                anchors[event.anchor] = collection
            open_nodes.add(id(collection))
            stack.append((collection, []))
            continue
        else:  # the end of a collection
            collection, children = stack.pop()
            collection.end_mark = event.end_mark
            if isinstance(collection, yaml.MappingNode):
                collection.value = list(zip(children[0::2], children[1::2]))
            else:
                collection.value = children
            open_nodes.discard(id(collection))
            sizes[id(collection)] = 1 + sum(sizes[id(c)] for c in children)
            node = collection
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            anchors[event.anchor] = node
        if stack:
            stack[-1][1].append(node)
        else:
            root = node
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        fail("expected a single document in the stream, but found another document",
             loader.peek_event().start_mark)
    return root


_SURROGATE = re.compile("[\ud800-\udfff]")


def _convert(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = PosDict()
        out.pos = _pos(node.start_mark)
        out.key_pos, out.value_pos = {}, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, constructor)
            if isinstance(key, (dict, list)):
                raise AnswerlintError("a mapping key must be a plain value", None,
                                      *_pos(key_node.start_mark))
            if key in out:
                raise AnswerlintError(f"duplicate key '{key}'", None, *_pos(key_node.start_mark))
            out[key] = _convert(value_node, constructor)
            out.key_pos[key] = _pos(key_node.start_mark)
            out.value_pos[key] = _pos(value_node.start_mark)
        return out
    if isinstance(node, yaml.SequenceNode):
        out = PosList(_convert(child, constructor) for child in node.value)
        out.pos = _pos(node.start_mark)
        out.item_pos = [_pos(child.start_mark) for child in node.value]
        return out
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as exc:  # a bad timestamp, a !!binary that is not base64, ...
        raise AnswerlintError(f"invalid YAML: {exc.problem or exc.context}", None, *_pos(node.start_mark)) from None
    except (ValueError, OverflowError) as exc:
        raise AnswerlintError(f"invalid YAML: {exc}", None, *_pos(node.start_mark)) from None


def load(text: str, path: str | None = None) -> Any:
    """Parse one YAML document; raise AnswerlintError with the line and column on bad YAML."""
    node = compose(text, path)
    if node is None:
        return None
    loader = _Loader("")
    try:
        return _convert(node, loader)
    except AnswerlintError as exc:
        raise exc.located(path) if path else exc
    finally:
        loader.dispose()


def where(container: Any, key: Any = None) -> tuple[int | None, int | None]:
    """Line and column of ``container[key]``'s key (or the container itself)."""
    if isinstance(container, PosDict):
        if key is not None and key in getattr(container, "key_pos", {}):
            return container.key_pos[key]
        return getattr(container, "pos", (None, None))
    if isinstance(container, PosList):
        if isinstance(key, int) and 0 <= key < len(container.item_pos):
            return container.item_pos[key]
        return container.pos
    return (None, None)


def without(mapping: dict, *keys: str) -> dict:
    """A copy of ``mapping`` without ``keys`` that still knows where its other keys are."""
    out = PosDict({k: v for k, v in mapping.items() if k not in keys})
    out.pos = getattr(mapping, "pos", (None, None))
    out.key_pos = dict(getattr(mapping, "key_pos", {}))
    out.value_pos = dict(getattr(mapping, "value_pos", {}))
    return out
