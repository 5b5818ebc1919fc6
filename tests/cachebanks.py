"""Banks for the cache tests and benchmark: many distinct answers, quick to lint."""

from __future__ import annotations

OPENINGS = ("I am a team player and a problem solver", "In March 2023 I rebuilt our billing export",
            "Honestly, I think I could adapt to pretty much anything", "Last year we cut support tickets by 30%",
            "I'm a perfectionist, so I sometimes spend too much time on details")


def answer(n: int, edited: bool = False) -> str:
    opening = OPENINGS[n % len(OPENINGS)]
    tail = "and I now review every change with a checklist." if edited else "and the team shipped it on time."
    return f"{opening} at job number {n}, {tail} It took {n + 2} weeks."


def bank(answers: int = 100, edited: int | None = None) -> str:
    """A Markdown bank of ``answers`` answers; answer ``edited`` (0-based) reworded."""
    parts = [f"# Question {n + 1}: tell me about project {n + 1}.\n\n{answer(n, n == edited)}\n"
             for n in range(answers)]
    return "\n".join(parts)
