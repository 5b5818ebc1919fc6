"""What a single item may be: longer answers and questions are refused, one located line each,
and the rest of the bank is linted.

A spoken answer of 100,000 characters would take about two hours to say; anything that long is a
pasted document, not an answer, and it would cost the language pipeline minutes (and exceed
spaCy's ``max_length`` well before a bank grows large).
"""

from __future__ import annotations

from dataclasses import replace

from answerlint.errors import InputError
from answerlint.lines import LineIndex
from answerlint.model import ANSWER, Bank

MAX_ITEM_CHARS = 100_000
# What a single file may be. A personal answer bank is tens of kilobytes; 2 MB is about 350,000
# words, thousands of answers, and costs about a minute and 1 GB to lint. Beyond it the run would
# take minutes and gigabytes (5 MB: 2 minutes, 2 GB): split it into several files instead.
MAX_FILE_BYTES = 2_000_000


def file_too_large(size: int) -> str | None:
    """Why a file of ``size`` bytes is not linted, or None."""
    if size <= MAX_FILE_BYTES:
        return None
    return (f"is {size / 1_000_000:.1f} MB, over the limit of {MAX_FILE_BYTES / 1_000_000:g} MB for one "
            "answer bank: skipped (split it into several files)")


def cap_items(bank: Bank) -> Bank:
    """The bank without its items over :data:`MAX_ITEM_CHARS`; each refused one is an InputError
    in ``bank.refused`` naming the item and the line it starts on."""
    long = [item for item in bank.items if len(item.text) > MAX_ITEM_CHARS]
    if not long:
        return bank
    index = LineIndex(bank.source)
    refused = []
    for item in long:
        line = index.position(item.body.offsets[0])[0] if item.body.offsets else None
        what = "answer" if item.role == ANSWER else "question"
        refused.append(InputError(f"{what} {item.index} is {len(item.text):,} characters long, over the "
                                  f"limit of {MAX_ITEM_CHARS:,}: skipped (split it up)",
                                  bank.path, line))
    kept = [item for item in bank.items if len(item.text) <= MAX_ITEM_CHARS]
    return replace(bank, items=kept, refused=bank.refused + refused)
