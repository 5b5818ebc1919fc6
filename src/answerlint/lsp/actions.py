"""What the server's code actions change, as plain source edits (offsets in the bank's source).

A quick fix is the same safe fix ``answerlint check --fix`` makes (see fixes.py: punctuation that
goes with the removed words, structure kept), applied to the one finding. A suppression is the
inline directive of the bank's format (see directives.py): Markdown ``<!-- answerlint:
disable-line=RULE -->`` at the end of the finding's line, YAML ``# answerlint: disable-line=RULE``,
or, in a YAML block scalar where a comment would become part of the answer, ``# answerlint:
disable-next=RULE`` on its own line before the answer's key. Each edit is kept only if the edited
text re-reads to the same items with the finding's line suppressed for the rule.

A rewrite replaces the sentence a fact-based rewrite suggestion covers (kinds/suggest.py) by the
rewrite; its ``<placeholders>`` become snippet tabstops (``${1:when}``, the same number for the
same placeholder) where the client takes snippets in workspace edits. Kept only if the edited
text re-reads to the same items with the rewrite in the finding's item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from answerlint.errors import AnswerlintError
from answerlint.fixes import fix_bank
from answerlint.lines import LineIndex
from answerlint.model import Bank, Finding
from answerlint.rules import matches_selector

Reread = Callable[[str], Bank]

COMMENT = {"markdown": " <!-- answerlint: disable-line={rule} -->", "yaml": "  # answerlint: disable-line={rule}"}
YAML_NEXT = "{indent}# answerlint: disable-next={rule}\n"


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` by ``text``."""

    title: str
    start: int
    end: int
    text: str

    def apply(self, source: str) -> str:
        return source[:self.start] + self.text + source[self.end:]


def quick_fix(bank: Bank, finding: Finding, reread: Reread) -> Edit | None:
    """The finding's safe fix as one edit, or None when it has none that keeps the structure."""
    safe = next((s for s in finding.suggestions if s.safe and s.replacement is not None), None)
    if safe is None or finding.item is None:
        return None
    outcome = fix_bank(bank, [finding], reread)
    if outcome.bank is None:
        return None
    start, end, text = _difference(bank.source, outcome.source)
    return Edit(f"Fix: {safe.text}", start, end, text)


PLACEHOLDER = re.compile(r"<([^<>\n]+)>")
TITLE_WIDTH = 80


def rewrite(bank: Bank, finding: Finding, reread: Reread) -> Edit | None:
    """The finding's fact-based rewrite as an edit of its sentence (plain text, placeholders
    kept as ``<when>``), or None when it has none or the edit would not re-read cleanly."""
    found = next((s for s in finding.suggestions if s.replacement is None and not s.safe
                  and s.start is not None and s.end is not None and s.text.strip()), None)
    if found is None or finding.item is None:
        return None
    title = f"Rewrite as: {found.text}"
    if len(title) > TITLE_WIDTH:
        title = title[:TITLE_WIDTH - 3] + "..."
    edit = Edit(title, found.start, found.end, found.text)
    try:
        after = reread(edit.apply(bank.source))
    except AnswerlintError:
        return None
    same = [(i.role, i.index, i.question) for i in after.items] == [(i.role, i.index, i.question) for i in bank.items]
    item = next((i for i in after.items if (i.role, i.index) == (finding.item.role, finding.item.index)), None)
    return edit if same and item is not None and _holds(item.text, found.text) else None


def _holds(text: str, rewrite: str) -> bool:
    """Does the re-read item's text hold the rewrite? Its words outside the placeholders, in
    order (Markdown reads ``<when>`` as an HTML tag, so the placeholders themselves are not
    part of the text until the user fills them in)."""
    text, at = " ".join(text.split()), 0
    for part in PLACEHOLDER.split(rewrite)[::2]:
        part = " ".join(part.split())
        found = text.find(part, at) if part else at
        if found < 0:
            return False
        at = found + len(part)
    return True


def snippet(text: str) -> str:
    """``text`` as an LSP snippet: each ``<placeholder>`` a tabstop with it as the default
    (``${1:when}``; the same placeholder twice is one tabstop, edited in both places), ``$``,
    ``}`` and ``\\`` escaped, and the final cursor ($0) after the text."""
    numbers: dict[str, int] = {}
    out, at = [], 0

    def escape(part: str, inside: bool = False) -> str:
        part = part.replace("\\", "\\\\").replace("$", "\\$")
        return part.replace("}", "\\}") if inside else part

    for m in PLACEHOLDER.finditer(text):
        out.append(escape(text[at:m.start()]))
        number = numbers.setdefault(m.group(1), len(numbers) + 1)
        out.append(f"${{{number}:{escape(m.group(1), inside=True)}}}")
        at = m.end()
    out.append(escape(text[at:]))
    return "".join(out) + "$0"


def _difference(before: str, after: str) -> tuple[int, int, str]:
    """The one replacement that turns ``before`` into ``after`` (common prefix and suffix kept),
    never splitting a CRLF."""
    n = min(len(before), len(after))
    p = 0
    while p < n and before[p] == after[p]:
        p += 1
    s = 0
    while s < n - p and before[-1 - s] == after[-1 - s]:
        s += 1
    if 0 < p < len(before) and before[p - 1] == "\r" and before[p] == "\n":
        p -= 1
    end = len(before) - s
    if 0 < end < len(before) and before[end - 1] == "\r" and before[end] == "\n":
        end += 1
        s -= 1
    return p, end, after[p:len(after) - s]


def suppression(bank: Bank, finding: Finding, reread: Reread) -> Edit | None:
    """An inline directive that switches the finding's rule off for its line (or its YAML
    answer), or None when the format has no comments or no placement re-reads cleanly."""
    template = COMMENT.get(bank.format)
    if template is None:
        return None
    index = LineIndex(bank.source)
    end = index.line_end(finding.line)
    same_line = Edit(f"Ignore {finding.rule} for this line", end, end, template.format(rule=finding.rule))
    if _suppresses(bank, finding, same_line, finding.line, reread):
        return same_line
    if bank.format == "yaml":
        key = _yaml_key_line(index, finding.line)
        if key is not None:
            indent = re.match(r"[ ]*", index.line_text(key)).group()
            start = index.line_start(key)
            before = Edit(f"Ignore {finding.rule} for this answer", start, start,
                          YAML_NEXT.format(indent=indent, rule=finding.rule))
            if _suppresses(bank, finding, before, finding.line + 1, reread):
                return before
    return None


def _yaml_key_line(index: LineIndex, line: int) -> int | None:
    """The line of the key whose block scalar holds ``line``: the closest line above it that is
    indented less (blank lines and comments aside)."""
    depth = _indent(index.line_text(line))
    for above in range(line - 1, 0, -1):
        text = index.line_text(above)
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if _indent(text) < depth:
            return above
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _suppresses(bank: Bank, finding: Finding, edit: Edit, line: int, reread: Reread) -> bool:
    """Does the edited source read to the same items, with ``line`` suppressed for the rule?"""
    try:
        after = reread(edit.apply(bank.source))
    except AnswerlintError:
        return False
    same = len(after.items) == len(bank.items) and all(
        (a.role, a.index, a.question, a.kind, a.text) == (b.role, b.index, b.question, b.kind, b.text)
        for a, b in zip(bank.items, after.items))
    covered = any(d.first_line <= line <= d.last_line
                  and (not d.rules or any(matches_selector(finding.rule, r) for r in d.rules))
                  for d in after.directives)
    return same and covered
