"""Rules as loaded from packs: the common fields every rule has, whatever its kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    text: str
    flag: bool  # True: must be flagged; False: must pass
    match: str | None = None
    kind: str | None = None
    stage: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class AppliesTo:
    """Which answers a rule looks at: their kinds and length, and the facts that excuse an
    answer (candidate questions always)."""

    kinds: tuple[str, ...] = ()  # empty: every kind
    min_words: int | None = None
    max_words: int | None = None
    not_kinds: tuple[str, ...] = ()  # answer kinds the rule skips
    unless: tuple[str, ...] = ()  # facts (see facts.py) that excuse an answer: "remedy", "evidence"

    def admits(self, kind: str, words: int) -> bool:
        return ((not self.kinds or kind in self.kinds) and kind not in self.not_kinds
                and (self.min_words is None or words >= self.min_words)
                and (self.max_words is None or words <= self.max_words))

    @property
    def everything(self) -> bool:
        return (not self.kinds and not self.not_kinds and not self.unless
                and self.min_words is None and self.max_words is None)


@dataclass(frozen=True)
class Rule:
    id: str  # "pack/name"
    pack: str
    kind: str
    severity: str
    summary: str
    rationale: str
    message: str
    scope: str
    enabled: bool
    options: dict[str, Any]
    examples: tuple[Example, ...]
    source: str  # pack file path
    line: int
    link: str | None = None
    severity_by_stage: dict[str, str] = field(default_factory=dict)
    severity_by_kind: dict[str, str] = field(default_factory=dict)  # answer kind -> severity
    applies_to: "AppliesTo" = field(default_factory=lambda: AppliesTo())
    softened_by_evidence: bool = False  # one level lower when evidence is in the sentence or the next
    softened_when_complete: bool = False  # one level lower when the answer has what its question asks for

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]


def matches_selector(rule_id: str, selector: str) -> bool:
    """A selector is ALL, a pack name ("buzzwords") or a full rule id ("buzzwords/perfectionist")."""
    selector = selector.strip().rstrip("/")
    if selector.upper() == "ALL":
        return True
    return rule_id == selector or rule_id.startswith(selector + "/")
