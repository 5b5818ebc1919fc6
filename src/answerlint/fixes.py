"""Safe fixes: planned in an answer's text, mapped to the source, kept only when the file re-reads
to the same bank.

A fix is decided where the prose is clean (the item's text, without markup, quotes or folding):
which characters go, which punctuation goes with them ("Honestly, I" -> "I", "No, honestly, Sarah"
-> "No, Sarah", "It was, basically, done" -> "It was done", "( to be honest )" -> nothing) and which letter is re-capitalised. It is then mapped to the
source through the item's offsets. Nothing is written unless re-reading the fixed source gives the
same items (count, roles, questions, kinds, suppressions), each with exactly the expected text:
a fix that would turn a YAML answer into a comment, a paragraph into a list item or delete an HTML
comment is skipped and reported instead.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

from answerlint.errors import AnswerlintError
from answerlint.model import Bank, Finding, Item

STRUCTURE = "would change the file's structure"
_CLAUSE_OPENERS = frozenset(
    "i i'm i've i'd i'll we we're we've you he she they it it's my our your his her their the a an "
    "this that these those there and but so or yet then when after before because".split())
_PAIRS = {"(": ")", "[": "]"}
_DASHES = "-—–"
_SENTENCE_END = ".!?…"
_OPENING_QUOTES = "\"“‘'"
_HORIZONTAL = " \t"


@dataclass(frozen=True)
class TextEdit:
    """Replace ``item.text[start:end]`` by ``replacement``; " " means "a space, unless a line
    break already separates the two sides in the source"."""

    start: int
    end: int
    replacement: str


@dataclass
class FixResult:
    source: str  # the fixed source (the original when nothing could be fixed)
    bank: Bank | None  # the fixed source, re-read; None when nothing changed
    fixed: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str, str]] = field(default_factory=list)  # finding, its text, why not fixed
    deferred: int = 0  # fixes that overlap another one: possible on the next pass


PASSES = 4  # fixes that overlap another are applied on the next pass, as ruff does


def fix_all(bank: Bank, findings: list[Finding], lint: Callable[[Bank], list[Finding]],
            reread: Callable[[str], Bank]) -> FixResult:
    """Apply every safe fix that keeps the bank's structure, re-linting between passes while
    some fixes had to wait for another; ``reread`` parses a source as the original was parsed
    (same name and settings)."""
    total = FixResult(bank.source, None)
    current = bank
    for _ in range(PASSES):
        outcome = fix_bank(current, findings, reread)
        total.skipped.extend(outcome.skipped)
        if outcome.bank is None:
            break
        current = total.bank = outcome.bank
        total.source = outcome.source
        total.fixed.extend(outcome.fixed)
        if not outcome.deferred:
            break
        findings = lint(current)
    return total


def fix_bank(bank: Bank, findings: list[Finding], reread: Callable[[str], Bank]) -> FixResult:
    """One pass: the safe fixes of ``findings`` that keep the structure, applied together."""
    planned: list[tuple[Item, Finding, list[TextEdit]]] = []
    result = FixResult(bank.source, None)
    taken: dict[int, list[tuple[int, int]]] = {}
    for finding, item, start, end, replacement in _requests(findings):
        edits = plan_text_edits(item.text, start, end, replacement)
        if isinstance(edits, str):
            result.skipped.append((finding, bank.source[finding.start:finding.end], edits))
            continue
        spans = taken.setdefault(id(item), [])
        if any(s < e2 and s2 < e for s, e in spans for s2, e2 in ((x.start, x.end) for x in edits)):
            result.deferred += 1
            continue
        spans.extend((x.start, x.end) for x in edits)
        planned.append((item, finding, edits))
    mapped: list[tuple[Item, Finding, list[TextEdit], list[tuple[int, int, str]]]] = []
    for item, finding, edits in planned:
        source_edits = [_to_source(bank.source, item, e) for e in edits]
        problem = next((s for s in source_edits if isinstance(s, str)), None)
        if problem:
            result.skipped.append((finding, bank.source[finding.start:finding.end], problem))
            continue
        mapped.append((item, finding, edits, source_edits))
    accepted = _verified(bank, mapped, reread, result)
    if accepted is not None:
        result.source, result.bank = accepted
    return result


def _requests(findings: list[Finding]):
    """(finding, item, start, end, replacement) of each safe suggestion, in item offsets."""
    seen: set[tuple] = set()
    for f in findings:
        for s in f.suggestions:
            if not s.safe or s.replacement is None or s.item_span is None or f.item is None:
                continue
            key = (id(f.item), s.item_span, s.replacement)
            if key not in seen:
                seen.add(key)
                yield f, f.item, s.item_span[0], s.item_span[1], s.replacement


def _verified(bank, mapped, reread, result: FixResult):
    """Apply the mapped edits, keeping only items whose fixes re-read as expected."""
    candidates = mapped
    for attempt in range(2):  # all together; then only those that hold on their own
        if not candidates:
            return None
        source = _apply(bank.source, [e for *_, edits in candidates for e in edits])
        if not _mismatched(bank, source, candidates, reread):
            result.fixed.extend(f for _, f, _, _ in candidates)
            return source, reread(source)
        if attempt:
            break
        alone = []
        for entry in candidates:
            if _mismatched(bank, _apply(bank.source, entry[3]), [entry], reread):
                result.skipped.append((entry[1], _matched(bank, entry[1]), STRUCTURE))
            else:
                alone.append(entry)
        candidates = alone
    result.skipped.extend((entry[1], _matched(bank, entry[1]), STRUCTURE) for entry in candidates)
    return None


def _matched(bank: Bank, finding: Finding) -> str:
    return bank.source[finding.start:finding.end]


def _mismatched(bank: Bank, source: str, entries, reread) -> bool:
    """Does the fixed ``source`` read differently from the bank with the entries' text edits?"""
    try:
        after = reread(source)
    except AnswerlintError:
        return True
    if (len(after.items) != len(bank.items) or after.stage != bank.stage or after.role != bank.role
            or after.directives != bank.directives):
        return True
    by_item: dict[int, list[TextEdit]] = {}
    for item, _, edits, _ in entries:
        by_item.setdefault(id(item), []).extend(edits)
    for old, new in zip(bank.items, after.items):
        if (old.role, old.index, old.question, old.kind) != (new.role, new.index, new.question, new.kind):
            return True
        if _normal(new.text) != _normal(apply_text_edits(old.text, by_item.get(id(old), []))):
            return True
    return False


def _normal(text: str) -> str:
    text = re.sub(r"[ \t]*\n\n[ \t]*", "\n\n", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _apply(source: str, edits: list[tuple[int, int, str]]) -> str:
    pieces, pos = [], 0
    for start, end, replacement in sorted(edits):
        pieces.append(source[pos:start])
        pieces.append(replacement)
        pos = end
    pieces.append(source[pos:])
    return "".join(pieces)


def apply_text_edits(text: str, edits: list[TextEdit]) -> str:
    pieces, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[pos:e.start])
        left, right = "".join(pieces), text[e.end:]
        pieces.append("" if e.replacement == " " and (not left or not right) else e.replacement)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)


# -- planning in the item's text ---------------------------------------------------------------

def plan_text_edits(text: str, start: int, end: int, replacement: str) -> list[TextEdit] | str:
    """The edits of ``text`` that replace ``text[start:end]``, with the punctuation and spacing
    that go with it, or the reason it cannot be done cleanly."""
    if replacement:
        if _sentence_start(text, start) and text[start:start + 1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        return [TextEdit(start, end, replacement)]
    return _removal(text, start, end)


def _removal(text: str, start: int, end: int) -> list[TextEdit] | str:
    s, e = start, end
    inner_s, inner_e = _skip_left(text, s), _skip_right(text, e)
    if 0 < inner_s and inner_e < len(text) and _PAIRS.get(text[inner_s - 1]) == text[inner_e]:
        s, e = inner_s - 1, inner_e + 1  # "(to be honest)", "( to be honest )": the brackets go too
    ls, re_ = _skip_left(text, s), _skip_right(text, e)
    left = text[ls - 1] if ls > 0 else ""
    right = text[re_] if re_ < len(text) else ""
    sentence_start = _sentence_start(text, ls)
    clause_start = sentence_start or left in "([{:;" or _opens(text, ls) or left in _DASHES and ls < s
    if left and left in _DASHES and right and right in _DASHES and ls < s and re_ > e:
        s, e = ls - 1, re_ + 1  # "I was - honestly - late" -> "I was late"
    elif right == ",":
        if clause_start:
            e = re_ + 1  # "Honestly, I" -> "I"
        elif left == ",":  # a parenthetical ", basically,"
            if _next_word(text, re_ + 1).lower() in _CLAUSE_OPENERS or _lone_opener(text, ls - 1):
                s, e = ls - 1, re_  # "No, honestly, I" -> "No, I"
            else:
                s, e = ls - 1, re_ + 1  # "It was, basically, done" -> "It was done"
        else:
            e = re_ + 1  # "and honestly, I" -> "and I"
    elif right and right in _DASHES and clause_start and re_ > e:
        e = re_ + 1  # "Honestly - I" -> "I"
    elif left == "," and (not right or right in _SENTENCE_END + ";:)]"):
        s = ls - 1  # "We won, basically." -> "We won."
    rest = text[e:].lstrip()
    if clause_start and (not rest or rest[0] in _SENTENCE_END):
        return "the sentence would be left empty"
    s_ws, e_ws = _skip_left(text, s), _skip_right(text, e)
    before, after = text[:s_ws], text[e_ws:]
    joint = " "
    opening = before.endswith(("\n", *"([{")) or _opens(before, len(before))
    if not before or not after or opening or after[0] in ".,;:!?)]}…":
        joint = ""
    edits = [TextEdit(s_ws, e_ws, joint)]
    if sentence_start and after[:1].islower() and not _mixed_case(text, e_ws):
        edits.append(TextEdit(e_ws, e_ws + 1, after[0].upper()))
    return edits


def _lone_opener(text: str, comma: int) -> bool:
    """Is the comma at ``comma`` the one after a clause's first word ("No,", "Well,", "Oh,")?
    That comma stays when a filler after it goes: "No, honestly, Sarah" -> "No, Sarah"."""
    word = re.search(r"[\w'’]+$", text[:comma])
    if not word:
        return False
    before = text[:word.start()].rstrip(" \t")
    return _sentence_start(text, word.start()) or before[-1:] in tuple("([{:;")


def _skip_left(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _HORIZONTAL:
        pos -= 1
    return pos


def _skip_right(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _HORIZONTAL:
        pos += 1
    return pos


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    while before and (before[-1] in "(*_" or _opens(before, len(before))):
        if _opens(before, len(before)):
            return True  # quoted speech starts a sentence: 'She said: "It works."'
        before = before[:-1].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END + "\n" or before.endswith(('."', ".”", "?”", "!”"))


def _opens(text: str, pos: int) -> bool:
    """Is ``text[pos - 1]`` an opening quote?"""
    if pos == 0 or text[pos - 1] not in _OPENING_QUOTES:
        return False
    return text[pos - 1] in "“‘" or pos == 1 or text[pos - 2].isspace() or text[pos - 2] in "([{"


def _next_word(text: str, pos: int) -> str:
    m = re.compile(r"\s*([\w'’]+)").match(text, pos)
    return m.group(1).replace("’", "'") if m else ""


def _mixed_case(text: str, pos: int) -> bool:
    """"iOS", "eBay": a word whose capitals are inside it keeps its case."""
    word = _next_word(text, pos)
    return any(ch.isupper() for ch in word[1:])


# -- mapping to the source ----------------------------------------------------------------------

def _to_source(source: str, item: Item, edit: TextEdit) -> tuple[int, int, str] | str:
    """The source edit for a text edit, or why there is none that is certainly right."""
    text, offsets = item.text, item.body.offsets
    cs, ce = edit.start, edit.end
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1].isspace():
        ce -= 1
    if cs == ce:
        return "nothing to remove"
    a, b = offsets[cs], offsets[ce - 1] + 1
    if not _same_prose(source[a:b], text[cs:ce]):
        return "markup or an escape inside the text to change"
    replacement = edit.replacement
    line_start = _skip_left(source, a)
    if cs > edit.start and line_start > 0 and source[line_start - 1] not in "\r\n":
        a = line_start  # the edit takes the space before it, never a line's indentation
    if ce < edit.end:  # and the space after it
        b = _skip_right(source, b)
    if replacement == " " and (line_start == 0 or source[line_start - 1] in "\r\n"
                               or b >= len(source) or source[b] in "\r\n"):
        replacement = ""  # a line break already separates the two sides
    return a, b, replacement


def _same_prose(source: str, text: str) -> bool:
    """Is ``source`` exactly ``text``, apart from spaces (never a line break)?"""
    if "\n" in source or "\r" in source:
        return False
    return source.split() == text.split() and re.sub(r"\s+", " ", source) == re.sub(r"\s+", " ", text)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
