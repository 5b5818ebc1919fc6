"""Plain-text banks: paragraphs are answers; a paragraph made only of questions is a question."""

from __future__ import annotations

import re

from answerlint.model import ANSWER, QUESTION, Bank, Item
from answerlint.sentences import sentence_spans
from answerlint.textmap import TextBuilder


def read(path: str, text: str, question_sections: tuple[str, ...] = ()) -> Bank:
    items: list[Item] = []
    counts = {ANSWER: 0, QUESTION: 0}
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        builder = TextBuilder()
        builder.add(m.group(0), m.start())
        body = builder.build()
        if not body.text:
            continue
        role = QUESTION if _all_questions(body.text) else ANSWER
        counts[role] += 1
        items.append(Item(role, counts[role], body, kind="question" if role == QUESTION else "general"))
    return Bank(path, text, "text", items)


def _all_questions(text: str) -> bool:
    if "?" not in text:  # most paragraphs: no need to split them into sentences
        return False
    spans = sentence_spans(text)
    return bool(spans) and all(text[s:e].rstrip("\"'”’) ").endswith("?") for s, e in spans)
