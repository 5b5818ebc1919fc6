"""Baselines: today's findings, recorded so that only new ones are reported (``--baseline``).

An entry is keyed by what a finding is about, not where it is: the bank's path (relative to the
baseline file), the rule, a digest of the item's question and a digest of the flagged text (its
whitespace collapsed). Moving an answer, editing another one or re-wrapping lines keeps it; editing
the flagged words makes the finding new. ``count`` says how many findings share the key. Which
findings the baseline hides is decided in decision.py (:class:`~answerlint.decision.BaselineFilter`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from answerlint.errors import InputError
from answerlint.model import Finding

VERSION = 1


@dataclass(frozen=True)
class Key:
    path: str
    rule: str
    question: str
    text: str


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


class Baseline:
    def __init__(self, path: str | Path, entries: Counter | None = None) -> None:
        self.path = Path(path)
        self.entries: Counter = entries if entries is not None else Counter()
        self._root = self.path.absolute().parent

    def bank_path(self, name: str) -> str:
        """The bank's path as the baseline records it: relative to the baseline's directory."""
        if name == "-":
            return name
        absolute = Path(os.path.abspath(name))
        try:
            return Path(os.path.relpath(absolute, self._root)).as_posix()
        except ValueError:  # another drive (Windows)
            return absolute.as_posix()

    def key(self, f: Finding, source: str) -> Key:
        question = ""
        if f.item is not None:
            question = f.item.question or f"{f.item.role}"
        return Key(self.bank_path(f.path), f.rule, _digest(question), _digest(source[f.start:f.end]))

    def add(self, findings: list[Finding], source: str) -> None:
        for f in findings:
            self.entries[self.key(f, source)] += 1

    # -- the file -------------------------------------------------------------------------------

    def dumps(self) -> str:
        """JSON, one entry per line in a stable order, so that a shrinking baseline diffs well."""
        rows = [json.dumps({"path": k.path, "rule": k.rule, "question": k.question, "text": k.text,
                            "count": n}, ensure_ascii=False)
                for k, n in sorted(self.entries.items(), key=lambda kv: (kv[0].path, kv[0].rule,
                                                                         kv[0].question, kv[0].text))]
        body = ",\n    ".join(rows)
        return (f'{{\n  "version": {VERSION},\n  "tool": "answerlint",\n  "findings": [\n    {body}\n  ]\n}}\n'
                if rows else f'{{\n  "version": {VERSION},\n  "tool": "answerlint",\n  "findings": []\n}}\n')

    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        name = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the baseline: {exc.strerror or exc}", name) from None
        except UnicodeDecodeError:
            raise InputError("baseline: not UTF-8 text", name) from None
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"baseline: invalid JSON: {exc.msg}", name, exc.lineno, exc.colno) from None
        if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
            raise InputError(f"baseline: expected an object with \"version\": {VERSION} and a \"findings\" list "
                             "(write one with --write-baseline)", name, 1)
        entries: Counter = Counter()
        for i, entry in enumerate(doc["findings"]):
            fields = ("path", "rule", "question", "text")
            if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in fields)
                    and isinstance(entry.get("count", 1), int) and not isinstance(entry.get("count", 1), bool)
                    and entry.get("count", 1) >= 1):
                line = _entry_line(text, i)
                raise InputError(f"baseline: finding {i + 1} needs text fields path, rule, question and text "
                                 "and a positive count", name, line)
            entries[Key(*(entry[k] for k in fields))] += entry.get("count", 1)
        return cls(path, entries)


def _entry_line(text: str, index: int) -> int | None:
    """The line of the index-th entry of the findings list (the format puts one on each line)."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith("{") and n > 1]
    return lines[index] if index < len(lines) else None
