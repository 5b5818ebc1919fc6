"""Loading and validating rule packs (YAML files of rules)."""

from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path
from typing import Callable

from answerlint import sourcefile, yamlpos
from answerlint.errors import AnswerlintError, PackError
from answerlint.facts import ELEMENTS as FACT_ELEMENTS
from answerlint.kinds import REGISTRY, get_kind
from answerlint.answerkinds import NAMES as ANSWER_KINDS
from answerlint.model import SEVERITIES, STAGES
from answerlint.rules import AppliesTo, Example, Rule
from answerlint.schema import (AnyMap, Bool, Ctx, Enum, Field, ListOf, MapOf, Num, OneOf, Str, Struct, is_map,
                               is_str, validate)

ID = r"[a-z0-9][a-z0-9-]*"
EXAMPLE = OneOf(
    (is_str, Str()),
    (is_map, Struct({
        "text": Field(Str(), required=True),
        "match": Field(Str(nonempty=False)),
        "kind": Field(Enum(*ANSWER_KINDS)),
        "stage": Field(Enum(*STAGES)),
        "severity": Field(Enum(*SEVERITIES)),
    })),
)
EXAMPLES = Struct({
    "flag": Field(ListOf(EXAMPLE, min_items=1), required=True, doc="texts the rule must flag"),
    "pass": Field(ListOf(EXAMPLE, min_items=1), required=True, doc="texts the rule must not flag"),
})
RULE = Struct({
    "id": Field(Str(ID), required=True),
    "kind": Field(Enum(*sorted(REGISTRY)), required=True),
    "severity": Field(Enum(*SEVERITIES), default="warning"),
    "summary": Field(Str(), required=True),
    "rationale": Field(Str(), required=True),
    "message": Field(Str()),
    "scope": Field(Enum("answer", "question", "item", "sentence", "bank")),
    "enabled": Field(Bool(), default=True),
    "link": Field(Str()),
    "severity_by_stage": Field(MapOf(Enum(*SEVERITIES), key=Enum(*STAGES)), default=dict),
    "severity_by_kind": Field(MapOf(Enum(*SEVERITIES), key=Enum(*ANSWER_KINDS)), default=dict,
                              doc="severity for answers of these kinds (why-leave: error)"),
    "applies_to": Field(Struct({
        "kinds": Field(ListOf(Enum(*ANSWER_KINDS)), default=list, doc="answer kinds (default: all)"),
        "min_words": Field(Num(integer=True, minimum=0), doc="only answers of at least this many words"),
        "max_words": Field(Num(integer=True, minimum=0), doc="only answers of at most this many words"),
        "not_kinds": Field(ListOf(Enum(*ANSWER_KINDS)), default=list, doc="answer kinds the rule skips"),
        "unless": Field(ListOf(Enum(*FACT_ELEMENTS)), default=list,
                        doc="skip answers that show any of these facts (remedy, evidence, ...)"),
    }), default=dict, doc="which answers the rule looks at"),
    "softened_when_complete": Field(Bool(), default=False,
                                    doc="one severity level lower when the answer shows every element its "
                                        "question type expects (a story's situation, action and result...)"),
    "softened_by_evidence": Field(Bool(), default=False,
                                  doc="one severity level lower when the sentence or the next has evidence"),
    "options": Field(Struct({}), default=dict),  # replaced by the kind's own schema below
    "examples": Field(EXAMPLES, required=True),
})
PACK = Struct({
    "pack": Field(Str(ID), required=True),
    "description": Field(Str(), required=True),
    "rules": Field(ListOf(AnyMap(), min_items=1), required=True),  # each validated as RULE below
})


def builtin_pack_dir() -> Path:
    """The packs shipped inside the installed package (answerlint/rules)."""
    installed = Path(str(resources.files("answerlint"))) / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"  # running from a source checkout


def pack_files(directory: Path) -> list[Path]:
    """The pack files of a directory: anything named *.yaml or *.yml but a directory (a FIFO or a
    device with such a name is an error when loaded, not silently left out)."""
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and not p.is_dir())


def load_pack(path: Path, parse: Callable[[Path, str], list[Rule]] | None = None) -> list[Rule]:
    """The rules of the pack file ``path``, read now and parsed by ``parse`` (:func:`parse_pack`)."""
    try:
        sourcefile.check_regular(path, "a rule pack file")
        text = path.read_text(encoding="utf-8")
    except AnswerlintError as exc:
        raise PackError(exc.problem, str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read rule pack: {exc}", str(path)) from None
    return (parse or parse_pack)(path, text)


def parse_pack(path: Path, text: str) -> list[Rule]:
    """The rules of a pack file's ``text``; ``path`` names it in errors and rules."""
    try:
        data = yamlpos.load(text, str(path))
    except AnswerlintError as exc:
        raise PackError(exc.problem, str(path), exc.line, exc.column) from None
    ctx = Ctx(str(path), PackError)
    if not isinstance(data, dict):
        ctx.fail("a rule pack must be a mapping with 'pack', 'description' and 'rules'", data)
    pack = validate(data, PACK, ctx)
    rules_raw = data["rules"]
    return [_load_rule(raw, pack["pack"], path, rules_raw, i) for i, raw in enumerate(rules_raw)]


def _load_rule(raw, pack_name: str, path: Path, parent, index: int) -> Rule:
    ctx = Ctx(str(path), PackError, f"rule {index + 1}")
    if not isinstance(raw, dict):
        ctx.fail("a rule must be a mapping", parent, index)
    if isinstance(raw.get("id"), str):
        ctx.label = f"rule '{pack_name}/{raw['id']}'"
    options_raw = raw.get("options", {})
    spec = validate(yamlpos.without(raw, "options"), RULE, ctx, parent, index)
    kind = get_kind(spec["kind"])
    options = validate(options_raw if options_raw is not None else {}, kind.options, ctx, raw, "options")
    scope = spec["scope"] or kind.default_scope
    if scope not in kind.scopes:
        ctx.fail(f"kind '{kind.name}' does not support scope '{scope}' (use one of: {', '.join(kind.scopes)})",
                 raw, "scope")
    message = spec["message"] or kind.default_message
    _check_placeholders(message, kind.placeholders, ctx, raw)
    line = yamlpos.where(parent, index)[0] or 1
    rule = Rule(
        id=f"{pack_name}/{spec['id']}", pack=pack_name, kind=kind.name, severity=spec["severity"],
        summary=spec["summary"].strip(), rationale=spec["rationale"].strip(), message=message.strip(),
        scope=scope, enabled=spec["enabled"], options=options,
        examples=_examples(spec["examples"]), source=str(path), line=line, link=spec["link"],
        severity_by_stage=dict(spec["severity_by_stage"]), severity_by_kind=dict(spec["severity_by_kind"]),
        applies_to=_applies_to(spec["applies_to"]),
        softened_by_evidence=spec["softened_by_evidence"],
        softened_when_complete=spec["softened_when_complete"],
    )
    kind.validate(rule, lambda problem, key=None: ctx.fail(problem, raw, key))
    return rule


def _applies_to(spec: dict) -> AppliesTo:
    return AppliesTo(tuple(spec.get("kinds") or ()), spec.get("min_words"), spec.get("max_words"),
                     tuple(spec.get("not_kinds") or ()), tuple(spec.get("unless") or ()))


def _check_placeholders(message: str, allowed: tuple[str, ...], ctx: Ctx, raw) -> None:
    """Every field of the template is a known placeholder, plainly named, with a conversion and a
    format that work on text or on a number (what kinds pass): checked now, not at lint time."""
    try:
        fields = [(f, c, spec) for _, f, spec, c in string.Formatter().parse(message) if f is not None]
    except ValueError as exc:
        ctx.fail(f"bad message template ({exc})", raw, "message")
    for name, conversion, spec in fields:
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if re.search(r"[.\[]", name):
            ctx.fail(f"'{shown}' in message: placeholders cannot be indexed or have attributes", raw, "message")
        if name not in allowed:
            ctx.fail(f"unknown placeholder '{{{name}}}' in message (known: "
                     + ", ".join("{" + a + "}" for a in allowed) + ")", raw, "message")
        if conversion not in (None, "r", "s", "a"):
            ctx.fail(f"bad message template (Unknown conversion specifier {conversion})", raw, "message")
        if spec and "{" in spec:
            ctx.fail(f"'{shown}' in message: a format cannot hold another placeholder", raw, "message")
        if spec:
            problems = []
            for sample in ("text", 1.5):
                try:
                    format(sample, spec)
                    break
                except (ValueError, TypeError) as exc:
                    problems.append(str(exc))
            else:
                ctx.fail(f"bad message template ('{shown}': {problems[0]})", raw, "message")


def _examples(spec: dict) -> tuple[Example, ...]:
    out = []
    for flag, entries in ((True, spec["flag"]), (False, spec["pass"])):
        for e in entries:
            if isinstance(e, str):
                out.append(Example(e, flag))
            else:
                out.append(Example(e["text"], flag, e.get("match"), e.get("kind"), e.get("stage"),
                                   e.get("severity")))
    return tuple(out)


def validate_options(rule: Rule, overrides: dict, ctx: Ctx, parent, key) -> dict:
    """Rule options with a config's overrides applied and checked against the kind's schema.

    Errors point at the override in the config file (its line and column) when it is known.
    """
    merged = _merge(_without_none(rule.options), overrides)
    return validate(merged, get_kind(rule.kind).options, ctx, parent, key)


def _merge(base, override):
    """``override`` laid over ``base``, mappings merged key by key (by_kind: {intro: ...} keeps
    the other kinds); the result keeps the override's positions for error messages."""
    if not (isinstance(base, dict) and isinstance(override, dict)):
        return override
    merged = yamlpos.PosDict(base)
    for k, v in override.items():
        merged[k] = _merge(base.get(k), v)
    merged.pos = getattr(override, "pos", (None, None))
    merged.key_pos = dict(getattr(override, "key_pos", {}))
    merged.value_pos = dict(getattr(override, "value_pos", {}))
    return merged


def _without_none(value):
    """Options as the user could have written them: defaults that are None left out."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


class RuleSet:
    """All rules known to a run: the built-in packs plus the user's pack directories."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.by_id = {r.id: r for r in rules}

    @classmethod
    def load(cls, extra_dirs: tuple[Path, ...] = (), parse: Callable[[Path, str], list[Rule]] | None = None
             ) -> "RuleSet":
        """The built-in packs and those of ``extra_dirs``, every file read now; ``parse``: how a
        file's text becomes rules (:func:`parse_pack`; the daemon's remembers its results)."""
        rules: list[Rule] = []
        seen: dict[str, str] = {}
        for directory in (builtin_pack_dir(), *extra_dirs):
            if not directory.is_dir():
                raise PackError(f"rule pack directory not found: {directory}", str(directory))
            for path in pack_files(directory):
                for rule in load_pack(path, parse):
                    if rule.id in seen:
                        raise PackError(f"rule '{rule.id}' is already defined in {seen[rule.id]}",
                                        rule.source, rule.line)
                    seen[rule.id] = rule.source
                    rules.append(rule)
        return cls(rules)
