"""The content cache (like ruff's): what the rules found in each item, kept between runs.

``.answerlint_cache/`` sits next to the configuration (or where ``--cache-dir`` says) with a
``.gitignore`` of its own. It holds one JSON file per bank and configuration; in it, each item's
raw findings (before suppressions and severities, which depend on where the item sits and on the
stage, and are decided afresh each run) and its facts (for the score), keyed by a digest of what
they depend on: the item's text, role, question and kind, the stage, the company and the speaking
rate. The file as a whole is keyed by the rule set and its options, the pipeline's name and
version and answerlint's code, and records the pipeline's label scheme, so that a run in which
nothing changed never loads the pipeline.

Files are written to a temporary file in the same directory and renamed over the old one, so a
reader sees a whole file, old or new, whatever runs at the same time. A file that cannot be read,
is not JSON, or was written for another key is treated as empty and rewritten; a cache directory
that cannot be written is not an error (the run is only slower next time).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from answerlint.facts import Facts
from answerlint.fingerprint import digest
from answerlint.model import Item, RawFinding, Suggestion

DIRECTORY_NAME = ".answerlint_cache"
FORMAT = 1  # bump when the layout of a cache file changes
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# answerlint's cache (see https://bford.info/cachedir/)\n"


@dataclass
class BankEntries:
    """The cached data of one bank under one configuration."""

    key: str
    scheme: str | None = None  # the pipeline's dependency label scheme, once known
    items: dict[str, dict] = field(default_factory=dict)  # item key -> {"raw": [...], "facts": {...}}
    bank: dict[str, list] = field(default_factory=dict)  # bank key -> raw findings of a bank-scope rule
    changed: bool = False

    def to_json(self) -> dict:
        return {"answerlint_cache": FORMAT, "key": self.key, "scheme": self.scheme,
                "items": self.items, "bank": self.bank}

    @classmethod
    def from_json(cls, data: object, key: str) -> "BankEntries | None":
        if not isinstance(data, dict) or data.get("answerlint_cache") != FORMAT or data.get("key") != key:
            return None
        items, bank, scheme = data.get("items"), data.get("bank"), data.get("scheme")
        if not isinstance(items, dict) or not isinstance(bank, dict) or not isinstance(scheme, (str, type(None))):
            return None
        return cls(key, scheme, {k: v for k, v in items.items() if isinstance(v, dict)}, bank)


class Cache:
    """One cache directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _file(self, name: str) -> Path:
        return self.directory / f"v{FORMAT}" / f"{name}.json"

    def load(self, name: str, key: str) -> BankEntries:
        """The entries stored under ``name`` for ``key``; empty (and to be rewritten) if there are
        none, or the file is unreadable, corrupt or foreign."""
        try:
            with open(self._file(name), "rb") as handle:
                data = json.loads(handle.read().decode("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            data = None
        entries = BankEntries.from_json(data, key)
        return entries if entries is not None else BankEntries(key, changed=True)

    def store(self, name: str, entries: BankEntries) -> None:
        if not entries.changed:
            return
        target = self._file(name)
        try:
            self._prepare(target.parent)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=target.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entries.to_json(), handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, target)
        except (OSError, TypeError, ValueError):
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def _prepare(self, directory: Path) -> None:
        """The directory, with the cache's own .gitignore and CACHEDIR.TAG at its top."""
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# created by answerlint\n*\n"), ("CACHEDIR.TAG", _TAG)):
            path = self.directory / name
            if not path.exists():
                _write_atomically(path, text)



def clean(roots: tuple[str, ...], extra: str | None = None) -> list[str]:
    """Remove every cache directory at or under ``roots`` (and ``extra``); the ones removed."""
    from answerlint.config import DEFAULT_EXCLUDE

    found = [Path(extra)] if extra and Path(extra).is_dir() else []
    for root in roots:
        for directory, dirs, _ in os.walk(root):
            if DIRECTORY_NAME in dirs:
                found.append(Path(directory) / DIRECTORY_NAME)
            dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDE)
    removed = []
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
            removed.append(os.path.normpath(str(path)))
    return removed


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def item_key(item: Item, stage: str | None, company: str | None, words_per_minute: float) -> str:
    return digest([item.role, item.text, item.question, item.kind, stage, company, words_per_minute])


# -- (de)serialising raw findings and facts -----------------------------------------------------

def encode_raw(raw: RawFinding, item_index: int | None = None) -> list:
    return [raw.rule, raw.message, raw.start, raw.end, raw.demote, item_index,
            [[s.text, s.replacement, s.start, s.end, s.safe] for s in raw.suggestions]]


def decode_raw(data: list, item: Item | None) -> RawFinding:
    """The raw finding of ``encode_raw``; raises ValueError/TypeError/IndexError on a bad entry."""
    rule, message, start, end, demote, _, suggestions = data
    if not (isinstance(rule, str) and isinstance(message, str) and all(isinstance(n, int) for n in (start, end, demote))):
        raise ValueError("bad raw finding")
    return RawFinding(rule, message, start, end, item,
                      tuple(Suggestion(t, r, s, e, bool(safe)) for t, r, s, e, safe in suggestions), demote)


def encode_facts(facts: Facts) -> dict:
    return asdict(facts)


def decode_facts(data: dict) -> Facts:
    spans = {k: [tuple(span) for span in v] for k, v in data["spans"].items()}
    return Facts(**{**data, "spans": spans})
