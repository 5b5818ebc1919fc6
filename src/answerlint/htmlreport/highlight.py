"""Findings highlighted in an item's text: source offsets back to the item, and ``<mark>`` markup.

A :class:`~answerlint.model.Finding` holds source offsets; the item's text is the folded text the
rules read (:class:`~answerlint.textmap.MappedText`), whose ``offsets`` map each character to the
source. Offsets never decrease, so the item span of a finding is found by bisection and checked by
mapping it back: a finding whose span does not map back exactly is listed, not highlighted.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from answerlint.model import Finding, Item


def item_span(item: Item, finding: Finding) -> tuple[int, int] | None:
    """``[start, end)`` in ``item.text`` of the finding, or None when it is not inside the item."""
    offsets = item.body.offsets
    if not offsets or finding.end <= finding.start:
        return None
    start = bisect_left(offsets, finding.start)
    end = bisect_right(offsets, finding.end - 1)
    if start >= end or item.body.source_span(start, end) != (finding.start, finding.end):
        return None
    return start, end


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    number: int  # the finding's number in the item's list (1-based)
    severity: str
    title: str  # the tooltip: rule and message


def marked(text: str, spans: list[Span], describedby: str | None = None) -> str:
    """``text`` escaped, each span in one ``<mark>`` (nested marks for nested spans). A span that
    crosses the end of an enclosing one goes on in a second ``<mark>`` with the same
    ``data-finding``, marked ``data-part="more"``; the text inside all of its marks is its text.
    ``describedby``: each mark points at the element ``{describedby}{number}`` (its list entry)."""
    opens: list[Span] = []  # the marks open at this point, outermost first
    out: list[str] = []
    # boundaries: every start and end, in order; at one point close before opening
    order = sorted(spans, key=lambda s: (s.start, -s.end, s.number))
    events = sorted({s.start for s in spans} | {s.end for s in spans} | {0, len(text)})
    pending = list(order)
    pos = 0
    for point in events:
        if point > pos:
            out.append(html.escape(text[pos:point]))
            pos = point
        ending = [s for s in opens if s.end <= point]
        if ending:
            # close down to the outermost span that ends here, then reopen the ones that go on
            first = min(opens.index(s) for s in ending)
            going_on = [s for s in opens[first:] if s.end > point]
            out.append("</mark>" * (len(opens) - first))
            del opens[first:]
            for s in going_on:
                out.append(_open(s, True, describedby))
                opens.append(s)
        for s in [s for s in pending if s.start == point]:  # the longest first: it is the outermost
            pending.remove(s)
            out.append(_open(s, False, describedby))
            opens.append(s)
    if pos < len(text):
        out.append(html.escape(text[pos:]))
    out.append("</mark>" * len(opens))
    return "".join(out)


def _open(span: Span, more: bool, describedby: str | None) -> str:
    part = ' data-part="more"' if more else ""
    described = f' aria-describedby="{html.escape(describedby)}{span.number}"' if describedby else ""
    return (f'<mark class="sev-{span.severity}" data-finding="{span.number}"{part}{described} '
            f'title="{html.escape(span.title)}">')
