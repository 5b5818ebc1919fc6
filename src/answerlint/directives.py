"""Inline suppressions written in the bank itself.

Markdown: ``<!-- answerlint: disable=RULE[,RULE] -->`` … ``<!-- answerlint: enable -->``,
``<!-- answerlint: disable-next=RULE -->`` and ``<!-- answerlint: disable-line=RULE -->``.
YAML: the same words after ``#``. Without ``=RULES`` a directive applies to every rule.
RULE is a rule id (``buzzwords/perfectionist``) or a pack name (``buzzwords``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from answerlint.model import Directive

DIRECTIVE = re.compile(
    r"answerlint:\s*(?P<action>disable-next|disable-line|disable|enable)\b\s*(?:=\s*(?P<rules>[\w/,\s-]+?))?\s*$"
)


_REASON = re.compile(r"\s--(?:\s.*)?$", re.S)


def parse(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """``("disable", ("buzzwords",))`` for a directive comment body, else None.

    Rules are separated by commas or spaces; a reason may follow after `` -- ``, as in ESLint:
    ``answerlint: disable-next=wiifm -- this bank is for the offer call``.
    """
    m = DIRECTIVE.search(_REASON.sub("", comment.strip()))
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[,\s]+", m.group("rules") or "") if r)
    return m.group("action"), rules


@dataclass
class Collector:
    """Turns directives met while reading a file into line ranges of suppression."""

    last_line: int
    directives: list[Directive] = field(default_factory=list)
    _open: dict[tuple[str, ...], int] = field(default_factory=dict)
    _next: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, action: str, rules: tuple[str, ...], line: int) -> None:
        if action == "disable":
            self._open.setdefault(rules, line)
        elif action == "enable":
            for key in [k for k in self._open if not rules or k == rules or set(rules) & set(k)]:
                start = self._open.pop(key)
                remaining = tuple(r for r in key if r not in rules) if rules and key else ()
                self.directives.append(Directive(key, start, line))
                if remaining:
                    self._open[remaining] = line
        elif action == "disable-line":
            self.directives.append(Directive(rules, line, line))
        elif action == "disable-next":
            self._next.append(rules)

    def content_line(self, line: int) -> None:
        """Report a line holding content: pending disable-next directives apply to it."""
        for rules in self._next:
            self.directives.append(Directive(rules, line, line))
        self._next.clear()

    def finish(self) -> list[Directive]:
        for rules, start in self._open.items():
            self.directives.append(Directive(rules, start, self.last_line))
        self._open.clear()
        return self.directives
