"""Literal text a regular expression cannot match without: skip ``finditer`` on texts that lack it.

Most reviewed patterns name words every match contains (``\\bbasically\\b``; one of the words of
``\\b(?:kinda|sorta)\\b``). :func:`needed_literals` reads them from the parsed pattern; a text in
which none occurs (``in``, a fast substring search) cannot match, and the regex need not run.

Only what is certain counts: a run of literal characters in a part of the pattern every match
goes through (not inside an optional repeat, a lookaround or a backreference); an alternation
counts when each of its branches needs a literal. Under IGNORECASE only ASCII literals are used
and they are compared with the lowercased text, which is exact unless the text holds one of the
few non-ASCII characters that ``re`` takes for an ASCII letter in that mode (:data:`ASCII_FOLDING`);
such a text is always searched.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _sre, _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

# Non-ASCII characters that match an ASCII character under re.IGNORECASE, or whose lower() holds
# one: İ ı ſ and the Kelvin sign (tests/test_literals.py derives the set from `re` itself).
ASCII_FOLDING = frozenset("\u0130\u0131\u017f\u212a")

_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)

Literals = frozenset[str]


def needed_literals(pattern: str, flags: int = 0) -> tuple[Literals, bool] | None:
    """(strings, ignore_case): every match of the pattern contains one of the strings (lowercase
    ASCII when ignore_case); None when nothing certain is found."""
    try:
        parsed = _parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - anything `re` itself would reject
        return None
    ignore_case = bool((parsed.state.flags | flags) & re.IGNORECASE)
    found = _sequence(list(parsed), ignore_case)
    return (found, ignore_case) if found else None


def _best(candidates: list[Literals]) -> Literals | None:
    """The most selective of several sets that are each needed: longest shortest string, fewest strings."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _sequence(items: list, ignore_case: bool) -> Literals | None:
    candidates: list[Literals] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op == _sre.LITERAL:
            char = chr(av)
            if ignore_case and not char.isascii():
                flush()
                continue
            run.append(char.lower() if ignore_case else char)
            continue
        flush()
        found = _node(op, av, ignore_case)
        if found:
            candidates.append(found)
    flush()
    return _best(candidates)


def _node(op, av, ignore_case: bool) -> Literals | None:
    """What a part of the pattern other than a single literal needs, if anything."""
    if op == _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return None  # its own case rule: not worth the bookkeeping
        return _sequence(list(body), ignore_case)
    if op == _sre.BRANCH:
        branches = [_sequence(list(b), ignore_case) for b in av[1]]
        if not branches or any(b is None for b in branches):
            return None
        return frozenset().union(*branches)
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(list(body), ignore_case) if low >= 1 else None
    if _ATOMIC is not None and op == _ATOMIC:
        return _sequence(list(av), ignore_case)
    return None  # classes, anchors, lookarounds, backreferences, conditionals: nothing certain


def may_match(needed: tuple[Literals, bool] | None, text: str, lowered: str | None = None) -> bool:
    """Could a pattern needing ``needed`` match in ``text``? (``lowered``: text.lower(), if known)"""
    if needed is None:
        return True
    strings, ignore_case = needed
    if ignore_case:
        if not text.isascii() and not ASCII_FOLDING.isdisjoint(text):
            return True
        text = text.lower() if lowered is None else lowered
    return any(s in text for s in strings)
