"""``answerlint check --verbose``: what was read from each bank, as notices on standard error.

Which part was taken as the candidate's own questions (a Markdown heading and its line, a YAML or
JSON ``questions`` key), which headings that mention questions were not and why, and how many
answers and questions were read. Every line starts with ``notice:`` so editors' error formats and
CI annotations skip it.
"""

from __future__ import annotations

from answerlint.lines import LineIndex
from answerlint.model import Bank


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def read_notes(name: str, bank: Bank) -> list[str]:
    index = LineIndex(bank.source)
    read = f"read {_count(len(bank.answers), 'answer')} and {_count(len(bank.questions), 'question')}"
    if bank.question_sections:
        taken = ", ".join(f"{label} (line {index.position(offset)[0]})" for label, offset in bank.question_sections)
        where = f"candidate questions from {taken}"
    elif bank.format == "text":
        where = "candidate questions: paragraphs made only of questions"
    else:
        where = "no candidate-questions section"
    notes = [f"notice: {name}: {where}; {read}"]
    for heading, offset, why in bank.declined_sections:
        notes.append(f'notice: {name}:{index.position(offset)[0]}: heading "{heading}" read as an interview '
                     f"question, not the candidate's questions: {why}")
    return notes
