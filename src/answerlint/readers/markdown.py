"""Markdown banks: each heading is an interview question, the prose under it the answer.

A section whose heading names the candidate's own questions ("Questions I'd ask", "Things to
ask", "Questions for you": decided by meaning in headings.py, or by the configured names) holds
candidate questions: one per list item or paragraph. Front matter, fenced and indented
code, HTML comments, images and link URLs are never part of the prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from answerlint import directives, yamlpos
from answerlint.answerkinds import infer_kind
from answerlint.errors import AnswerlintError, InputError
from answerlint.model import ANSWER, QUESTION, STAGES, Bank, Item
from answerlint.readers import headings
from answerlint.readers.inline import strip_inline
from answerlint.lines import split_lines
from answerlint.textmap import TextBuilder


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")  # text and closing #s: see _atx_text
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_TABLE_CELL = re.compile(r":?-+:?")
_QUOTE = re.compile(r"^ {0,3}(>[ \t]?)+")
_LIST = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)")



@dataclass
class Line:
    number: int  # 1-based
    start: int  # source offset of the line
    text: str  # without the newline


@dataclass
class Block:
    """A paragraph or list item: its prose lines as (source offset, text) pieces."""

    pieces: list[tuple[int, str]] = field(default_factory=list)
    is_list_item: bool = False
    indent: int = 0  # a list item's marker indentation


@dataclass
class Section:
    level: int
    heading: str | None
    heading_offset: int
    blocks: list[Block] = field(default_factory=list)
    questions: bool = False
    opens_questions: bool = False  # its own heading names the candidate's questions
    declined: str | None = None  # why a heading with a question word does not


def _names_questions(heading: str, names: tuple[str, ...]) -> tuple[bool, str | None]:
    """(is ``heading`` a candidate-questions heading, why not when it has a question word)."""
    if names:
        return heading.lower() in names, None
    taken, why = headings.classify(heading)
    return taken, None if taken or why == "no question word" else why


def read(path: str, text: str, question_sections: tuple[str, ...] = ()) -> Bank:
    names = tuple(_clean_heading(n).lower() for n in question_sections)  # configured: these names only
    lines = _split_lines(text)
    meta, body_start = _front_matter(path, text, lines)
    collector = directives.Collector(last_line=len(lines))
    masked, events = _mask_comments(text, lines)
    sections = _sections(lines[body_start:], masked, names, _Events(events, collector))
    bank = Bank(path, text, "markdown", _items(sections), directives=collector.finish())
    bank.stage = meta["stage"].strip() if "stage" in meta else None
    bank.role = meta["role"].strip() if "role" in meta else None
    bank.company = meta["company"].strip() if "company" in meta else None
    for section in sections:
        if section.questions and section.opens_questions:
            bank.question_sections.append((f'heading "{section.heading}"', section.heading_offset))
        elif section.declined:
            bank.declined_sections.append((section.heading, section.heading_offset, section.declined))
    if bank.question_sections:
        bank.questions_offset = bank.question_sections[0][1]
    return bank


def _split_lines(text: str) -> list[Line]:
    return [Line(number, start, line) for number, (start, line) in enumerate(split_lines(text), start=1)]


def _front_matter(path: str, text: str, lines: list[Line]) -> tuple[dict, int]:
    if not lines or lines[0].text.rstrip() != "---":
        return {}, 0
    for i in range(1, len(lines)):
        if lines[i].text.rstrip() in ("---", "..."):
            source = "\n".join(line.text for line in lines[1:i])
            try:
                data = yamlpos.load(source, path)
            except AnswerlintError as exc:
                line = exc.line + 1 if exc.line else 1
                raise InputError(f"front matter: {exc.problem}", path, line, exc.column) from None
            if data is None:
                return {}, i + 1
            if not isinstance(data, dict):
                raise InputError("front matter must be a YAML mapping", path, 2)
            for key in ("stage", "role", "company"):
                if key in data and not isinstance(data[key], str):
                    raise InputError(f"front matter: '{key}' must be a string", path,
                                     yamlpos.where(data, key)[0] + 1)
            if "stage" in data and data["stage"].strip() not in STAGES:
                line, column = yamlpos.where(data, "stage")
                raise InputError(f"front matter: unknown stage '{data['stage'].strip()}' "
                                 f"(expected one of: {', '.join(STAGES)})", path, line + 1, column)
            return data, i + 1
    raise InputError("front matter starts with '---' but never ends", path, 1)


def _mask_comments(text: str, lines: list[Line]) -> tuple[set[int], list[tuple[int, str, tuple[str, ...]]]]:
    """Offsets inside HTML comments (never prose), and the directives found in them.

    Each directive is ``(line, action, rules)``: the comment's first line, or its last line for
    ``disable-next`` (the directive applies to the first content line after the comment).
    """
    masked: set[int] = set()
    events: list[tuple] = []
    starts = [line.start for line in lines]
    from bisect import bisect_right

    for start, end in _comments(text):
        masked.update(range(start, end))
        parsed = directives.parse(text[start + 4:end - 3])
        if parsed:
            action, rules = parsed
            line = bisect_right(starts, start if action != "disable-next" else end - 1)
            events.append((line, action, rules, (start, end)))
    return masked, events


class _Events:
    """Feeds directives to the collector in source order, interleaved with content lines, so that
    a ``disable-next`` applies to the first content line *after* its comment. Directives inside
    fenced code blocks are examples, not directives, and are dropped."""

    def __init__(self, events: list[tuple], collector: directives.Collector) -> None:
        self.events = sorted(events, key=lambda e: e[0])
        self.collector = collector
        self._next = 0
        self.fenced: set[int] = set()

    def feed_before(self, line: int) -> None:
        """Add the directives written on lines before ``line``."""
        while self._next < len(self.events) and self.events[self._next][0] < line:
            number, action, rules, span = self.events[self._next]
            if number not in self.fenced:
                self.collector.add(action, rules, number, span)
            self._next += 1

    def content_line(self, line: int) -> None:
        self.collector.content_line(line)


def _sections(lines: list[Line], masked: set[int], names: tuple[str, ...],
              collector: _Events) -> list[Section]:
    sections = [Section(0, None, 0)]
    question_level: int | None = None
    block: Block | None = None
    fence: str | None = None
    in_list = False
    prev_blank = True
    i = 0
    while i < len(lines):
        line = lines[i]
        visible = _visible(line, masked)
        i += 1
        collector.feed_before(line.number)
        if fence is not None:
            collector.fenced.add(line.number)
            if re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", line.text):
                fence = None
            prev_blank = False
            continue
        fm = _FENCE.match(line.text)
        if fm:
            collector.fenced.add(line.number)
            fence, block = fm.group(1), None
            continue
        if not visible.strip():
            if line.text.strip():  # a line holding only a comment: not a blank line for Markdown
                continue
            block, prev_blank = None, True
            continue
        collector.content_line(line.number)
        heading = _ATX.match(visible) if visible.lstrip(" ")[:1] == "#" else None
        level = len(heading.group(1)) if heading else 0
        if not heading and i < len(lines) and block is None and _SETEXT.match(lines[i].text) \
                and not _LIST.match(visible) and not _QUOTE.match(visible):
            level = 1 if lines[i].text.strip().startswith("=") else 2
            heading_text, heading_start = visible.strip(), line.start + len(visible) - len(visible.lstrip())
            i += 1
        elif heading:
            heading_text = _atx_text(heading.group(2) or "")
            heading_start = line.start + (heading.start(2) if heading_text else 0)
        if level:
            if question_level is not None and level <= question_level:
                question_level = None
            is_questions, declined = _names_questions(_clean_heading(heading_text), names)
            if is_questions and question_level is None:
                question_level = level
            else:
                is_questions = False  # a sub-heading of a questions section: part of it
            sections.append(Section(level, _clean_heading(heading_text), heading_start,
                                    questions=question_level is not None, opens_questions=is_questions,
                                    declined=declined if question_level is None else None))
            block, in_list, prev_blank = None, False, True
            continue
        if _BREAK.match(visible) or _REFDEF.match(visible) or _is_table_rule(visible):
            block, prev_blank = None, True
            continue
        indent = len(visible.expandtabs(4)) - len(visible.expandtabs(4).lstrip())
        if indent >= 4 and prev_blank and not in_list:
            prev_blank = False
            while i < len(lines) and (not lines[i].text.strip() or
                                      len(lines[i].text.expandtabs(4)) - len(lines[i].text.expandtabs(4).lstrip()) >= 4):
                i += 1  # indented code block
            block = None
            continue
        offset, content = _strip_block_markers(line, visible)
        list_item = _LIST.match(content)
        nested = (list_item is not None and block is not None and block.is_list_item
                  and len(list_item.group(1).expandtabs(4)) > block.indent)
        if list_item and nested:  # a sub-item belongs to its parent item (one candidate question)
            offset += list_item.end()
            content = content[list_item.end():]
        elif list_item:
            in_list = True
            offset += list_item.end()
            content = content[list_item.end():]
            block = Block(is_list_item=True, indent=len(list_item.group(1).expandtabs(4)))
            sections[-1].blocks.append(block)
        elif block is None:
            in_list = in_list and indent > 0
            block = Block()
            sections[-1].blocks.append(block)
        block.pieces.append((offset, content))
        prev_blank = False
    collector.feed_before(len(lines) and lines[-1].number + 1)
    return sections


def _comments(text: str):
    """[start, end) of each HTML comment; an unclosed ``<!--`` ends the search (no later one
    can close either), so text full of ``<!--`` costs its length, not its length squared."""
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return
        yield start, end + 3
        start = text.find("<!--", end + 3)


def _atx_text(rest: str) -> str:
    """An ATX heading's text without trailing whitespace and a closing run of ``#``."""
    text = rest.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.rstrip(" \t")
    return text


def _is_table_rule(text: str) -> bool:
    """A table's delimiter row, such as ``| :--- | ---: |`` (split on pipes: no backtracking)."""
    row = text.strip(" \t")
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") else row
    return all(_TABLE_CELL.fullmatch(cell.strip(" \t")) for cell in row.split("|"))


def _visible(line: Line, masked: set[int]) -> str:
    """The line with characters inside HTML comments replaced by spaces."""
    if not masked:
        return line.text
    return "".join(" " if line.start + k in masked else ch for k, ch in enumerate(line.text))


def _strip_block_markers(line: Line, visible: str) -> tuple[int, str]:
    quote = _QUOTE.match(visible)
    if quote:
        return line.start + quote.end(), visible[quote.end():]
    return line.start, visible


def _clean_heading(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip().rstrip(":").strip()


def _items(sections: list[Section]) -> list[Item]:
    items: list[Item] = []
    counts = {ANSWER: 0, QUESTION: 0}
    for section in sections:
        if section.questions:
            for block in section.blocks:
                body = _prose([block])
                if body.text:
                    counts[QUESTION] += 1
                    items.append(Item(QUESTION, counts[QUESTION], body, kind="question"))
            continue
        body = _prose(section.blocks)
        if body.text:
            counts[ANSWER] += 1
            items.append(Item(ANSWER, counts[ANSWER], body, section.heading, infer_kind(section.heading)))
    return items


def _prose(blocks: list[Block]):
    builder = TextBuilder()
    for block in blocks:
        for offset, content in block.pieces:
            strip_inline(content, offset, builder)
            builder.soft_break(offset + len(content))
        builder.paragraph_break(block.pieces[-1][0] if block.pieces else 0)
    return builder.build()
