"""A small declarative schema for YAML data (rule packs, configuration), with located errors.

``validate(data, spec, ctx)`` returns the data with defaults filled in, or raises the context's
error class naming the file, line, column and key.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from answerlint.errors import AnswerlintError
from answerlint.yamlpos import where


@dataclass
class Ctx:
    """Where we are: the file, the error class to raise and a label like ``rule 'x'``."""

    path: str | None
    error: type[AnswerlintError] = AnswerlintError
    label: str = ""

    def fail(self, problem: str, container: Any = None, key: Any = None):
        line, col = where(container, key)
        prefix = f"{self.label}: " if self.label else ""
        raise self.error(prefix + problem, self.path, line, col)


class Spec:
    type_name = "value"

    def check(self, value: Any, ctx: Ctx, parent: Any, key: Any) -> Any:  # pragma: no cover
        raise NotImplementedError


def _type_error(spec: Spec, value: Any, ctx: Ctx, parent: Any, key: Any):
    got = ("a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list)
           else "text" if isinstance(value, str) else "nothing" if value is None else type(value).__name__)
    name = f"'{key}'" if isinstance(key, str) else f"item {key + 1}" if isinstance(key, int) else "value"
    ctx.fail(f"{name} must be {spec.type_name}, not {got}", parent, key)


class Str(Spec):
    type_name = "a string"

    def __init__(self, pattern: str | None = None, nonempty: bool = True) -> None:
        self.pattern = re.compile(pattern) if pattern else None
        self.nonempty = nonempty

    def check(self, value, ctx, parent, key):
        if not isinstance(value, str):
            _type_error(self, value, ctx, parent, key)
        if self.nonempty and not value.strip():
            ctx.fail(f"'{key}' must not be empty", parent, key)
        if self.pattern and not self.pattern.fullmatch(value):
            ctx.fail(f"'{key}' value {value!r} must match {self.pattern.pattern}", parent, key)
        return value


class Regex(Str):
    type_name = "a regular expression"

    def check(self, value, ctx, parent, key):
        value = super().check(value, ctx, parent, key)
        try:
            re.compile(value)
        except re.error as exc:
            ctx.fail(f"'{key}' is not a valid regular expression ({exc}): {value!r}", parent, key)
        return value


class Bool(Spec):
    type_name = "true or false"

    def check(self, value, ctx, parent, key):
        if not isinstance(value, bool):
            _type_error(self, value, ctx, parent, key)
        return value


class Num(Spec):
    """A finite number in ``[minimum, maximum]``: NaN, infinities and 1e308 are never sensible."""

    def __init__(self, minimum: float | None = 0, integer: bool = False, maximum: float = 1_000_000) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.type_name = "a whole number" if integer else "a number"

    def check(self, value, ctx, parent, key):
        ok = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if not ok or isinstance(value, bool):
            _type_error(self, value, ctx, parent, key)
        if isinstance(value, float) and not math.isfinite(value):
            ctx.fail(f"'{key}' must be a finite number, not {value}", parent, key)
        if self.minimum is not None and value < self.minimum:
            ctx.fail(f"'{key}' must be at least {self.minimum}, not {value}", parent, key)
        if value > self.maximum:
            shown = f"{value:g}" if isinstance(value, float) else str(value) if value < 10**12 else "a huge number"
            ctx.fail(f"'{key}' must be at most {self.maximum:,}, not {shown}", parent, key)
        return value


class Enum(Spec):
    def __init__(self, *values: str) -> None:
        self.values = values
        self.type_name = "one of " + ", ".join(values)

    def check(self, value, ctx, parent, key):
        if value not in self.values:
            ctx.fail(f"'{key}' must be one of {', '.join(self.values)}, not {value!r}", parent, key)
        return value


class ListOf(Spec):
    def __init__(self, item: Spec, single_ok: bool = False, min_items: int = 0) -> None:
        self.item = item
        self.single_ok = single_ok  # accept a lone item (or a comma-separated string) as a list
        self.min_items = min_items
        self.type_name = "a list"

    def check(self, value, ctx, parent, key):
        if self.single_ok and isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
            return [self.item.check(v, ctx, parent, key) for v in value]
        if not isinstance(value, list):
            _type_error(self, value, ctx, parent, key)
        if len(value) < self.min_items:
            ctx.fail(f"'{key}' needs at least {self.min_items} item(s)", parent, key)
        return [self.item.check(v, ctx, value, i) for i, v in enumerate(value)]


class MapOf(Spec):
    type_name = "a mapping"

    def __init__(self, value: Spec, key: Spec | None = None) -> None:
        self.value = value
        self.key = key or Str()

    def check(self, value, ctx, parent, key):
        if not isinstance(value, dict):
            _type_error(self, value, ctx, parent, key)
        out = {}
        for k, v in value.items():
            out[self.key.check(k, ctx, value, k)] = self.value.check(v, ctx, value, k)
        return out


@dataclass
class Field:
    spec: Spec
    required: bool = False
    default: Any = None
    doc: str = ""


@dataclass
class Struct(Spec):
    fields: dict[str, Field]
    type_name: str = "a mapping"
    aliases: dict[str, str] = field(default_factory=dict)  # e.g. 'fail-on' -> 'fail_on'

    def check(self, value, ctx, parent, key):
        if not isinstance(value, dict):
            _type_error(self, value, ctx, parent, key)
        out = {}
        for k, v in value.items():
            name = self.aliases.get(k, k)
            if name not in self.fields:
                known = ", ".join(sorted(self.fields))
                ctx.fail(f"unknown key '{k}' (expected one of: {known})", value, k)
            out[name] = self.fields[name].spec.check(v, ctx, value, k)
        for name, f in self.fields.items():
            if name in out:
                continue
            if f.required:
                ctx.fail(f"missing required key '{name}'", value)
            out[name] = f.default() if callable(f.default) else f.default
        return out


class OneOf(Spec):
    """The first spec whose type accepts the value (a string or a mapping, say)."""

    def __init__(self, *choices: tuple[Callable[[Any], bool], Spec]) -> None:
        self.choices = choices
        self.type_name = " or ".join(s.type_name for _, s in choices)

    def check(self, value, ctx, parent, key):
        for accepts, spec in self.choices:
            if accepts(value):
                return spec.check(value, ctx, parent, key)
        _type_error(self, value, ctx, parent, key)


def is_str(v: Any) -> bool:
    return isinstance(v, str)


def is_map(v: Any) -> bool:
    return isinstance(v, dict)


def is_list(v: Any) -> bool:
    return isinstance(v, list)


def validate(value: Any, spec: Spec, ctx: Ctx, parent: Any = None, key: Any = None) -> Any:
    return spec.check(value, ctx, parent, key)


class AnyMap(Spec):
    """Any mapping; its contents are checked elsewhere (e.g. rule options by the rule's kind)."""

    type_name = "a mapping"

    def check(self, value, ctx, parent, key):
        if not isinstance(value, dict):
            _type_error(self, value, ctx, parent, key)
        return value
