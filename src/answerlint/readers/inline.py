"""Markdown inline markup removed from a line of prose, keeping each character's source offset."""

from __future__ import annotations

import re

from answerlint.textmap import TextBuilder

# Every repetition stops at the character that would open another match ("[", "(", "<"), so that
# a line of 100,000 "[" or "<" costs its length, not its length squared.
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)|!\[[^\[\]]*\]\[[^\[\]]*\]")
_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\](?:\((?P<url>[^()]*)\)|\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]*>|<[^@\s<>]+@[^@\s<>]+>")
_URL = re.compile(r"\bhttps?://[^\s<>()]+[^\s<>().,;:!?'\"]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_TICKS = re.compile(r"`+")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " ",
             "&mdash;": "—", "&ndash;": "–", "&rsquo;": "’", "&hellip;": "…"}
_ENTITY = re.compile("|".join(re.escape(e) for e in _ENTITIES))


def strip_inline(text: str, offset: int, builder: TextBuilder) -> None:
    """Add the prose of one Markdown line (starting at source ``offset``) to ``builder``."""
    keep = [True] * len(text)
    replace: dict[int, str] = {}
    breaks: set[int] = set()  # dropped markup that separates words ("a<br>b")

    def drop(start: int, end: int) -> None:
        for k in range(start, end):
            keep[k] = False

    for m in _IMAGE.finditer(text):
        drop(*m.span())
        breaks.add(m.start())
    for m in _LINK.finditer(text):
        if not keep[m.start()]:
            continue
        drop(m.start(), m.start("text"))  # "["
        drop(m.end("text"), m.end())  # "](url)" or "][ref]"
    for rx in (_AUTOLINK, _URL, _TAG):
        for m in rx.finditer(text):
            if not keep[m.start()]:
                continue  # already dropped: the URL of a link or an autolink
            drop(*m.span())
            breaks.add(m.start())
    for opening, closing in _code_spans(text):
        drop(*opening.span())
        drop(*closing.span())
    for m in _ENTITY.finditer(text):
        drop(m.start() + 1, m.end())
        replace[m.start()] = _ENTITIES[m.group(0)]
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and not text[i + 1].isalnum() and keep[i]:
            keep[i] = False
            i += 2
            continue
        if ch == "\\" and i + 1 == len(text) and keep[i]:
            keep[i] = False  # a backslash at the end of a line is a hard line break
            breaks.add(i)
            i += 1
            continue
        if ch in "*_~" and keep[i]:
            j = i
            while j < len(text) and text[j] == ch:
                j += 1
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if not (before.isalnum() and after.isalnum()) and (ch != "~" or j - i >= 2):
                drop(i, j)
            i = j
            continue
        i += 1
    for k, ch in enumerate(text):
        if k in breaks:
            builder.soft_break(offset + k)
        if keep[k]:
            builder.add_char(replace.get(k, ch), offset + k)


def _code_spans(text: str):
    """(opening, closing) backtick runs of each code span: a run closes at the next run of the
    same length (CommonMark); found in one pass over the runs, not by backtracking."""
    runs = list(_TICKS.finditer(text))
    later: dict[int, list[int]] = {}  # run length -> indices of the runs of that length, last first
    for k in range(len(runs) - 1, -1, -1):
        later.setdefault(len(runs[k].group()), []).append(k)
    k = 0
    while k < len(runs):
        same = later[len(runs[k].group())]
        while same and same[-1] <= k:
            same.pop()
        if same:
            close = same.pop()
            yield runs[k], runs[close]
            k = close
        k += 1
