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
    _open: dict[tuple[str, ...], tuple[int, tuple[int, int] | None]] = field(default_factory=dict)
    _next: list[tuple[tuple[str, ...], tuple[int, int] | None]] = field(default_factory=list)

    def add(self, action: str, rules: tuple[str, ...], line: int, span: tuple[int, int] | None = None) -> None:
        """A directive comment on ``line``; ``span``: where the comment is in the source (the
        ranges it opens keep it, so that an unused suppression can be reported there)."""
        if action == "disable":
            self._open.setdefault(rules, (line, span))
        elif action == "enable":
            for key in [k for k in self._open if not rules or k == rules or set(rules) & set(k)]:
                start, opened_by = self._open.pop(key)
                remaining = tuple(r for r in key if r not in rules) if rules and key else ()
                self.directives.append(Directive(key, start, line, opened_by))
                if remaining:
                    self._open[remaining] = (line, opened_by)
        elif action == "disable-line":
            self.directives.append(Directive(rules, line, line, span))
        elif action == "disable-next":
            self._next.append((rules, span))

    def content_line(self, line: int) -> None:
        """Report a line holding content: pending disable-next directives apply to it."""
        for rules, span in self._next:
            self.directives.append(Directive(rules, line, line, span))
        self._next.clear()

    def finish(self) -> list[Directive]:
        for rules, (start, span) in self._open.items():
            self.directives.append(Directive(rules, start, self.last_line, span))
        self._open.clear()
        return self.directives
