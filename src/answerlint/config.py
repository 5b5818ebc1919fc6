"""Configuration: ``.answerlint.yaml`` or ``[tool.answerlint]`` in ``pyproject.toml``.

The file closest to a linted file wins (found by walking up from it, as ruff does); ``--config``
overrides the search. Command-line options are applied on top by :meth:`Settings.with_overrides`.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

from answerlint import sourcefile, yamlpos
from answerlint.errors import AnswerlintError, ConfigError
from answerlint.lines import LineIndex
from answerlint.model import SEVERITIES, STAGES
from answerlint.schema import (AnyMap, Ctx, Enum, Field, ListOf, MapOf, Num, Str, Struct,
                               validate)

CONFIG_FILES = (".answerlint.yaml", ".answerlint.yml")
FAIL_LEVELS = (*SEVERITIES, "never")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox",
                   "build", "dist", ".answerlint_cache")

_SELECTORS = ListOf(Str(), single_ok=True)
SCHEMA = Struct({
    "packs": Field(ListOf(Str()), default=list, doc="extra rule-pack directories (relative to this file)"),
    "select": Field(_SELECTORS, doc="rules or packs to run (default: every rule enabled by default)"),
    "extend-select": Field(_SELECTORS, default=list, doc="rules or packs to run in addition"),
    "ignore": Field(_SELECTORS, default=list, doc="rules or packs never to run"),
    "severity": Field(MapOf(Enum(*SEVERITIES)), default=dict, doc="severity per rule or pack"),
    "rules": Field(MapOf(AnyMap()), default=dict, doc="options per rule id"),
    "stage": Field(Enum(*STAGES), doc="interview stage when the bank does not say"),
    "exclude": Field(ListOf(Str()), default=list, doc="glob patterns of paths not to lint"),
    "per-file-ignores": Field(MapOf(_SELECTORS), default=dict, doc="glob -> rules to ignore there"),
    "fail-on": Field(Enum(*FAIL_LEVELS), default="warning", doc="lowest severity that fails the run"),
    "words-per-minute": Field(Num(minimum=1, maximum=1000), default=150,
                              doc="speaking rate for length rules"),
    "question-sections": Field(ListOf(Str()), default=list,
                               doc="Markdown headings of the candidate's own questions"),
    "model": Field(Str(), doc="spaCy pipeline for parse-aware rules (name or path)"),
}, aliases={k: k.replace("_", "-") for k in (  # keys are spelled with '-', as in ruff; '_' works too
    "extend_select", "per_file_ignores", "fail_on", "words_per_minute", "question_sections")})


@dataclass(frozen=True)
class Settings:
    root: Path  # directory of the config file (or the working directory)
    source: str | None = None  # the config file, if any
    packs: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)  # rule id -> options overrides
    rule_positions: dict = field(default_factory=dict)  # rule id -> (line, col) in the config
    stage: str | None = None
    exclude: tuple[str, ...] = ()
    per_file_ignores: dict = field(default_factory=dict)
    fail_on: str = "warning"
    words_per_minute: float = 150
    question_sections: tuple[str, ...] = ()
    model: str | None = None
    # selector -> (where it was written: a config key or a command-line option, line, column)
    selector_origins: dict = field(default_factory=dict)

    def with_overrides(self, **overrides) -> "Settings":
        """Command-line options on top: None means not given."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        origins = dict(self.selector_origins)
        for name in ("select", "extend_select", "ignore"):
            for selector in changes.get(name, ()):
                origins.setdefault(selector, ("--" + name.replace("_", "-"), None, None))
        changes["selector_origins"] = origins
        if "ignore" in changes:
            changes["ignore"] = self.ignore + tuple(changes["ignore"])
        if "extend_select" in changes:
            changes["extend_select"] = self.extend_select + tuple(changes["extend_select"])
        return replace(self, **changes)

    def relative(self, path: str) -> str:
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return PurePath(path).as_posix()

    def excluded(self, path: str) -> bool:
        rel = self.relative(path)
        parts = PurePath(rel).parts
        for pattern in self.exclude:
            if fnmatch.fnmatch(rel, pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts):
                return True
        return False


def find_config(start: Path) -> Path | None:
    """The closest config file at or above ``start``."""
    directory = start if start.is_dir() else start.parent
    for d in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_FILES:
            if (d / name).is_file():
                return d / name
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "answerlint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # report the broken file rather than silently skipping it


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    text = _read_text(path)
    too_deep = yamlpos.too_deep(text, _TOML_TOKENS)  # tomllib recurses into nested arrays and inline tables
    try:
        data = None if too_deep is not None else tomllib.loads(text)
    except RecursionError:
        data = None
    except tomllib.TOMLDecodeError as exc:
        # Python < 3.14 has the position only in the message: "... (at line 3, column 7)"
        where = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        line = getattr(exc, "lineno", None) or (int(where.group(1)) if where else None)
        column = getattr(exc, "colno", None) or (int(where.group(2)) if where else None)
        raise ConfigError(f"invalid TOML: {str(exc).split(' (at line')[0]}", str(path), line, column) from None
    if data is None:
        line, column = LineIndex(text).position(too_deep or 0)
        raise ConfigError(f"invalid TOML: nested more than {yamlpos.MAX_DEPTH} levels deep", str(path),
                          line, column)
    return data


_TOML_TOKENS = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*|[\[{]|[\]}]")


def _read_text(path: Path) -> str:
    try:
        sourcefile.check_regular(path, "a configuration file")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {_reason(exc)}", str(path)) from None
    except AnswerlintError as exc:
        raise ConfigError(exc.problem, str(path)) from None


def _reason(exc: Exception) -> str:
    """'no such file or directory' rather than "[Errno 2] No such file or directory: 'x'"."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc)


def load_settings(path: Path | None, cwd: Path | None = None) -> Settings:
    """Settings from a config file, or the defaults (rooted at ``cwd``) when ``path`` is None."""
    if path is None:
        return Settings(root=(cwd or Path.cwd()))
    if path.name == "pyproject.toml":
        data = _read_toml(path).get("tool", {}).get("answerlint", {})
    else:
        text = _read_text(path)
        try:
            data = yamlpos.load(text, str(path)) or {}
        except AnswerlintError as exc:
            raise ConfigError(exc.problem, str(path), exc.line, exc.column) from None
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        line, column = yamlpos.where(data)
        raise ConfigError(f"the configuration must be a mapping of settings, not {kind}", str(path),
                          line or 1, column or 1)
    ctx = Ctx(str(path), ConfigError)
    values = {k.replace("-", "_"): v for k, v in validate(data, SCHEMA, ctx).items()}
    root = path.parent
    rules = values["rules"]
    return Settings(
        root=root, source=str(path),
        packs=tuple((root / p) for p in values["packs"]),
        select=tuple(values["select"]) if values["select"] is not None else None,
        extend_select=tuple(values["extend_select"]), ignore=tuple(values["ignore"]),
        severity=dict(values["severity"]), rules=dict(rules),
        rule_positions={k: yamlpos.where(data.get("rules"), k) for k in rules},
        stage=values["stage"], exclude=tuple(values["exclude"]),
        per_file_ignores={k: tuple(v) for k, v in values["per_file_ignores"].items()},
        fail_on=values["fail_on"], words_per_minute=values["words_per_minute"],
        question_sections=tuple(values["question_sections"]), model=values["model"],
        selector_origins=_selector_origins(data),
    )


def _selector_origins(data: dict) -> dict:
    """Where each rule or pack selector of a config file is written, for error messages."""
    origins: dict = {}
    for raw_key, value in data.items():
        name = str(raw_key).replace("-", "_")
        if name in ("select", "extend_select", "ignore"):
            label = raw_key
            if isinstance(value, str):
                for selector in value.split(","):
                    origins.setdefault(selector.strip(), (label, *yamlpos.where(data, raw_key)))
            elif isinstance(value, list):
                for i, selector in enumerate(value):
                    origins.setdefault(selector, (label, *yamlpos.where(value, i)))
        elif name in ("severity", "per_file_ignores") and isinstance(value, dict):
            for key, inner in value.items():
                if name == "severity":
                    origins.setdefault(key, (raw_key, *yamlpos.where(value, key)))
                    continue
                selectors = inner.split(",") if isinstance(inner, str) else inner if isinstance(inner, list) else ()
                for i, selector in enumerate(selectors):
                    where = yamlpos.where(inner, i) if isinstance(inner, list) else yamlpos.where(value, key)
                    origins.setdefault(selector.strip() if isinstance(selector, str) else selector,
                                       (f"{raw_key}: '{key}'", *where))
    return origins
