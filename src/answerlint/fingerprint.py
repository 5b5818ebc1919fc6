"""Fingerprints: short digests that change exactly when what they describe changes.

A rule's fingerprint covers everything of it that can change what it reports (its kind, scope,
message, options...), so compiled rules and cached findings are keyed by content, never by
``id()``. The code fingerprint covers answerlint's own modules (a changed kind with an unchanged
version number must not be served stale findings); the pipeline identity names a spaCy pipeline
and its version without loading it (or importing spaCy).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from pathlib import Path
from typing import Iterable

from answerlint.rules import Rule

_SKIPPED_FIELDS = ("examples", "rationale", "summary", "source", "line", "link")  # never change a finding


def digest(value: object) -> str:
    """A stable digest of JSON-like data (anything else is taken by its ``repr``)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rule_fingerprint(rule: Rule) -> str:
    # no asdict(): its deep copy of the phrase lists costs more than the digest
    return digest({f.name: getattr(rule, f.name) for f in fields(rule) if f.name not in _SKIPPED_FIELDS})


def rules_fingerprint(fingerprints: Iterable[str]) -> str:
    return digest(list(fingerprints))


def code_fingerprint() -> str:
    """answerlint's version and the size and modification time of each of its modules (see
    codestamp.py, which the daemon's client uses without importing this module)."""
    from answerlint.codestamp import code_fingerprint as stamp

    return stamp()


def pipeline_identity(model: str | None) -> str:
    """The pipeline's name and version, read from its meta.json (or its package's metadata)."""
    from answerlint.nlp import bundled_path, is_bundled

    if is_bundled(model):
        return "bundled:" + _meta_identity(bundled_path())
    path = Path(model).expanduser()
    if path.is_dir():
        return f"path:{path.resolve()}:" + _meta_identity(path)
    try:
        from importlib.metadata import PackageNotFoundError, version

        return f"package:{model}:{version(model)}"
    except (PackageNotFoundError, ValueError):
        return f"unknown:{model}"


def _meta_identity(directory: Path) -> str:
    meta = directory / "meta.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        st = meta.stat()
    except (OSError, ValueError):
        return "no-meta"
    if not isinstance(data, dict):
        return "no-meta"
    return f"{data.get('lang')}_{data.get('name')}:{data.get('version')}:{st.st_size}:{st.st_mtime_ns}"
