"""YAML loading that remembers where every key and list item is (for error messages)."""

from __future__ import annotations

from typing import Any

import yaml

from answerlint.errors import AnswerlintError


class PosDict(dict):
    """A dict that knows the 1-based (line, column) of itself and of each of its keys/values."""

    pos: tuple[int, int] = (1, 1)
    key_pos: dict
    value_pos: dict


class PosList(list):
    pos: tuple[int, int] = (1, 1)
    item_pos: list


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


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
    return constructor.construct_object(node, deep=True)


def load(text: str, path: str | None = None) -> Any:
    """Parse one YAML document; raise AnswerlintError with the line and column on bad YAML."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(node, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise AnswerlintError(f"invalid YAML: {problem}", path) from None
        raise AnswerlintError(f"invalid YAML: {problem}", path, *_pos(mark)) from None
    except yaml.YAMLError as exc:
        raise AnswerlintError(f"invalid YAML: {exc}", path) from None
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
