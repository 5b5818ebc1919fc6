"""``answerlint check --show-settings PATH``: the configuration that applies to PATH, resolved.

Which configuration file applies and why, every option's value and where it came from (a line of
that file, a command-line option, or the default), the rule options set there, and the rules that
run and do not run for the file (per-file-ignores included).
"""

from __future__ import annotations

import json
from pathlib import Path

from answerlint import yamlpos
from answerlint.config import SCHEMA, _read_text, _read_toml
from answerlint.session import Session

_CLI = {"select": "--select", "extend_select": "--extend-select", "ignore": "--ignore",
        "fail_on": "--fail-on"}


def _key_lines(config: Path | None) -> tuple[dict, dict]:
    """(config key -> its 'file:line', rule id -> 'file:line') for the config file."""
    if config is None:
        return {}, {}
    if config.name == "pyproject.toml":
        data = _read_toml(config).get("tool", {}).get("answerlint", {})
        return ({k.replace("_", "-"): f"{config} [tool.answerlint]" for k in data},
                {r: f"{config} [tool.answerlint.rules]" for r in data.get("rules", {}) or {}})
    data = yamlpos.load(_read_text(config), str(config)) or {}
    keys = {str(k).replace("_", "-"): f"{config}:{yamlpos.where(data, k)[0]}" for k in data}
    rules = data.get("rules") if isinstance(data.get("rules"), dict) else {}
    return keys, {r: f"{config}:{yamlpos.where(rules, r)[0]}" for r in rules}


def resolve(session: Session, target: str, cli: dict) -> dict:
    """The settings for ``target`` as data: ``cli`` holds the command-line options given
    (option name -> value; None when not given)."""
    path = Path(target).absolute()
    config = session.config_for(path)
    how = ("--config" if session.config is not None else
           f"the closest configuration file to {target}" if config is not None else
           f"no configuration file at or above {target}: the defaults")
    profile = session.profile_for(path)
    settings = profile.settings
    keys, rule_lines = _key_lines(config)
    options = []
    for key in SCHEMA.fields:
        if key == "rules":
            continue  # its own section
        name = key.replace("-", "_")
        value = getattr(settings, name)
        sources = [keys[key]] if key in keys else []
        if cli.get(name) not in (None, ()):
            sources.append(_CLI.get(name, "--" + key))
            if name == "stage" or name == "model":
                value = cli[name]
        if isinstance(value, tuple):
            value = [str(v) for v in value]
        elif isinstance(value, Path):
            value = str(value)
        if name == "packs":
            value = [str(p) for p in value]
        options.append({"name": key, "value": value, "from": " + ".join(sources) or "default"})
    run = [r.id for r in profile.rules_for(target)]
    ran = set(run)
    return {
        "path": target,
        "configuration": str(config) if config is not None else None,
        "found": how,
        "root": str(settings.root),
        "options": options,
        "rule_options": [{"rule": rule_id, "options": opts, "from": rule_lines.get(rule_id, "default")}
                         for rule_id, opts in sorted(settings.rules.items())],
        "rules_run": sorted(run),
        "rules_not_run": sorted(r.id for r in profile.ruleset.rules if r.id not in ran),
    }


def render(doc: dict, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    out = [f"Settings for {doc['path']}",
           f"  configuration file: {doc['configuration'] or 'none'} ({doc['found']})",
           f"  root: {doc['root']}", "", "Options:"]
    width = max(len(f"{o['name']} = {json.dumps(o['value'], ensure_ascii=False)}") for o in doc["options"])
    for o in doc["options"]:
        shown = f"{o['name']} = {json.dumps(o['value'], ensure_ascii=False)}"
        out.append(f"  {shown.ljust(width)}  # {o['from']}")
    if doc["rule_options"]:
        out += ["", "Rule options:"]
        for r in doc["rule_options"]:
            out.append(f"  {r['rule']}: {json.dumps(r['options'], ensure_ascii=False)}  # {r['from']}")
    out += ["", f"Rules run for this file ({len(doc['rules_run'])}):", *(f"  {r}" for r in doc["rules_run"])]
    out += ["", f"Rules not run for this file ({len(doc['rules_not_run'])}):",
            *(f"  {r}" for r in doc["rules_not_run"])]
    return "\n".join(out) + "\n"
