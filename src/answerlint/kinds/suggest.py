"""Fact-based rewrite suggestions for findings, built from the sentence's parse."""

from __future__ import annotations

from answerlint.model import Suggestion


def rewrite_suggestion(analysis, item, start: int, end: int, verbs: dict[str, str],
                       trait: str | None = None) -> tuple[Suggestion, ...]:
    """A rewrite of the sentence holding item[start:end] (suggestion offsets in the item's text).

    ``verbs`` maps a trait (its lemma text, or its head lemma) to the action verb of the rewrite.
    The rewrite has placeholders, so it is shown, never applied by --fix.
    """
    try:
        from answerlint.rewrite import rewrite
    except ImportError:  # pragma: no cover - the rewrite module ships with the package
        return ()
    sent = analysis.parsed_at(item, start, end)
    if sent is None:
        return ()
    offset = sent.user_data["offset"]
    key = " ".join((trait or item.text[start:end]).lower().replace("-", " ").split())
    verb = (verbs.get(key) or verbs.get(key.split()[-1])) if verbs else None
    text = rewrite(sent[:], start - offset, end - offset, verb)
    if not text:
        return ()
    end_of_sentence = offset + len(sent.text.rstrip())
    return (Suggestion(text=text, replacement=None, start=offset, end=end_of_sentence, safe=False),)
