"""``answerlint rule ID`` with a configuration: the rule as ``check`` runs it (its options with the
configuration's overrides, its severity) and where each value came from: the pack's default or a
line of the configuration file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from answerlint.engine import Profile
from answerlint.rules import Rule

PACK_DEFAULT = "pack default"


@dataclass
class Effective:
    rule: Rule  # the rule with the configuration's options applied
    default: Rule  # the rule as its pack defines it
    severity: str
    severity_from: str  # PACK_DEFAULT, or "FILE:LINE" with the severity key that set it
    option_from: dict[str, str] = field(default_factory=dict)  # option -> "FILE:LINE"; absent: pack default
    runs: bool = True  # selected by the configuration (before per-file-ignores)
    config: str | None = None  # the configuration file, as shown


def shown_path(path: str | None) -> str | None:
    """``path`` relative to the working directory when it is under it."""
    if path is None:
        return None
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def effective(profile: Profile, rule_id: str) -> Effective:
    settings, decider = profile.settings, profile.decider
    default, rule = profile.ruleset.by_id[rule_id], profile.rules[rule_id]
    config = shown_path(settings.source)
    out = Effective(rule, default, default.severity, PACK_DEFAULT, runs=decider.selected(default), config=config)
    selector = decider.severity_selector(rule_id)
    if selector is not None:
        out.severity = settings.severity[selector]
        _, line, _ = settings.selector_origins.get(selector, (None, None, None))
        out.severity_from = f"{_at(config, line, 'severity')} (severity: {selector})"
    overrides = settings.rules.get(rule_id) or {}
    positions = getattr(overrides, "key_pos", {})
    for key in overrides:
        name = str(key).replace("-", "_")
        line = positions.get(key, (None, None))[0]
        out.option_from[name] = _at(config, line, f'rules."{rule_id}"')
    return out


def _at(config: str | None, line: int | None, table: str) -> str:
    if line is not None:
        return f"{config}:{line}"
    return f"{config} [tool.answerlint.{table}]"  # pyproject.toml: no line numbers kept
