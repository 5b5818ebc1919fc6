"""Kind ``regex``: a Python regular expression over the prose."""

from __future__ import annotations

import re
from pathlib import Path

from answerlint.errors import PackError
from answerlint.kinds.base import Kind
from answerlint.kinds.literals import may_match, needed_literals
from answerlint.kinds.phrase import fix_suggestion
from answerlint.kinds.suggest import rewrite_suggestion
from answerlint.model import RawFinding
from answerlint.schema import Bool, Field, ListOf, Regex, Str, Struct


USER_REGEX_TIMEOUT = 1.0  # seconds a user pack's pattern may take on one item


def _bundled(rule) -> bool:
    from answerlint.packs import builtin_pack_dir

    return Path(rule.source).resolve().parent == builtin_pack_dir().resolve()


def _finditer(rx, item, rule):
    """Matches in the item's text; a user pattern that runs out of time is a located pack error."""
    if isinstance(rx, re.Pattern):
        yield from rx.finditer(item.text)
        return
    try:
        yield from rx.finditer(item.text, timeout=USER_REGEX_TIMEOUT)
    except TimeoutError:
        raise PackError(f"rule '{rule.id}': the regular expression {rx.pattern!r} took more than "
                        f"{USER_REGEX_TIMEOUT:g} s on {item.role} {item.index} and was stopped (it backtracks "
                        "without bound: simplify nested repetitions such as (a+)+)", rule.source, rule.line) from None


def replacement_problem(rx: re.Pattern, replacement: str) -> str | None:
    """Why ``replacement`` cannot be expanded for matches of ``rx`` (a group it lacks, a bad escape)."""
    try:  # the template compiler re.sub uses (private, but the only exact check)
        if hasattr(re, "_compile_template"):  # Python 3.12+
            re._compile_template(rx, replacement)
        else:
            re._compile_repl(replacement, rx)
    except (re.error, IndexError) as exc:
        return str(exc).split(" at position")[0]
    return None


class RegexKind(Kind):
    name = "regex"
    span_level = "phrase"
    default_message = "'{match}': {advice}"
    placeholders = ("match", "advice")
    scopes = ("answer", "question", "item", "sentence")
    options = Struct({
        "pattern": Field(Regex(), doc="the regular expression (Python syntax)"),
        "patterns": Field(ListOf(Regex()), default=list, doc="several regular expressions"),
        "ignore_case": Field(Bool(), default=True, doc="match case-insensitively"),
        "advice": Field(Str(), default="", doc="text for {advice} in the message"),
        "rewrite": Field(Bool(), default=False, doc="suggest a fact-based rewrite of the sentence"),
        "replacement": Field(Str(nonempty=False),
                             doc="safe substitution for --fix (\\1 refers to a group; \"\" removes the match)"),
    })

    def validate(self, rule, fail) -> None:
        if not rule.options.get("pattern") and not rule.options.get("patterns"):
            fail("a regex rule needs 'pattern' or 'patterns'", "options")
        replacement = rule.options.get("replacement")
        if replacement is not None:
            for source in ([rule.options["pattern"]] if rule.options.get("pattern") else []) + rule.options["patterns"]:
                problem = replacement_problem(re.compile(source), replacement)
                if problem:
                    fail(f"'replacement' is not valid for the pattern: {problem}", "options")

    def prepare(self, rule, nlp):
        sources = ([rule.options["pattern"]] if rule.options.get("pattern") else []) + rule.options["patterns"]
        if _bundled(rule):  # reviewed patterns, tested for linear time (tests/test_hostile.py)
            compiled = [re.compile(p, re.IGNORECASE if rule.options["ignore_case"] else 0) for p in sources]
            # each with the literal text a match needs, to skip texts without it (literals.py)
            return [(rx, needed_literals(rx.pattern, rx.flags)) for rx in compiled]
        import regex  # a user's pattern runs with a time budget: `regex` stops a runaway match

        flags = regex.IGNORECASE if rule.options["ignore_case"] else 0
        try:
            return [(regex.compile(p, flags), None) for p in sources]
        except regex.error as exc:
            raise PackError(f"rule '{rule.id}': not a valid regular expression ({exc})", rule.source,
                            rule.line) from None

    def check(self, rule, compiled: list[tuple[re.Pattern, object]], analysis):
        for item in analysis.items_for(rule):
            taken: list[tuple[int, int]] = []
            lowered = item.text.lower()
            for rx, needed in compiled:
                if not may_match(needed, item.text, lowered):
                    continue
                for m in _finditer(rx, item, rule):
                    if m.end() == m.start() or any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    taken.append(m.span())
                    message = rule.message.format(match=m.group(0), advice=rule.options["advice"])
                    replacement = rule.options.get("replacement")
                    fix = fix_suggestion(m.group(0), m.expand(replacement) if replacement is not None else None,
                                         m.start(), m.end())
                    if rule.options["rewrite"] and not fix:
                        fix = rewrite_suggestion(analysis, item, m.start(), m.end(), {})
                    yield RawFinding(rule.id, message, m.start(), m.end(), item, fix)
