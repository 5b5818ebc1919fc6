"""The data answerlint passes around: answer banks, their items, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from answerlint.textmap import MappedText

ANSWER = "answer"
QUESTION = "question"  # a question the candidate plans to ask the interviewer

SEVERITIES = ("info", "warning", "error")
STAGES = ("screening", "first-round", "second-round", "final-round", "offer")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Item:
    """One answer (with its interview question) or one candidate question."""

    role: str  # ANSWER or QUESTION
    index: int  # 1-based, counted separately for answers and candidate questions
    body: MappedText
    question: str | None = None  # the interview question an answer belongs to
    kind: str = "general"  # answer kind: intro, behavioral, general, ...; "question" for QUESTION

    @property
    def text(self) -> str:
        return self.body.text


@dataclass(frozen=True)
class Directive:
    """An inline suppression: rules (empty = all) off from ``first_line`` to ``last_line``."""

    rules: tuple[str, ...]
    first_line: int
    last_line: int
    span: tuple[int, int] | None = None  # [start, end) of the comment in the source


@dataclass
class Bank:
    """A parsed answer bank."""

    path: str
    source: str
    format: str
    items: list[Item]
    stage: str | None = None
    role: str | None = None
    company: str | None = None  # the company applied to: motivation answers should name it
    directives: list[Directive] = field(default_factory=list)
    questions_offset: int | None = None  # where the candidate-question section starts
    # (label, source offset) of each part read as candidate questions: 'heading "Questions I'd ask"'
    question_sections: list = field(default_factory=list)
    # (heading, source offset, why) of Markdown headings with a question word not read as such
    declined_sections: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # InputErrors of items too long to lint (limits.py)

    @property
    def answers(self) -> list[Item]:
        return [i for i in self.items if i.role == ANSWER]

    @property
    def questions(self) -> list[Item]:
        return [i for i in self.items if i.role == QUESTION]


@dataclass(frozen=True)
class Suggestion:
    text: str  # a human-readable suggestion (may contain <placeholders>)
    replacement: str | None = None  # replacement text for [start, end) of the source
    start: int | None = None
    end: int | None = None
    safe: bool = False  # True: --fix may apply it
    item_span: tuple[int, int] | None = None  # [start, end) in the item's text, for --fix


@dataclass(frozen=True)
class RawFinding:
    """What a rule yields: a span in an item's text (or the bank source) and a message."""

    rule: str
    message: str
    start: int
    end: int
    item: Item | None = None  # None: offsets are source offsets (bank scope)
    suggestions: tuple[Suggestion, ...] = ()
    demote: int = 0  # severity levels to drop (a claim backed by evidence close by)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    start: int  # source offsets
    end: int
    item: Item | None = None
    suggestions: tuple[Suggestion, ...] = ()

    def item_info(self) -> dict | None:
        if self.item is None:
            return None
        return {"kind": self.item.role, "index": self.item.index, "question": self.item.question,
                "answer_kind": self.item.kind if self.item.role == ANSWER else None}

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule)
