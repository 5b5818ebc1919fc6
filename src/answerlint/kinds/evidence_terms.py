"""What counts as evidence in an answer, read off a tagged Doc (no parse needed)."""

from __future__ import annotations

NUMBER_ENTS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
DATE_ENTS = frozenset({"DATE", "TIME", "DURATION"})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
CATEGORIES = ("number", "date", "name", "action", "result")


def is_number(token) -> bool:
    """A quantity: "40%", "five", "$3k"; not the pronoun "one" ("one of my strengths")."""
    if token.lower_ == "one" and token.ent_type_ not in NUMBER_ENTS:
        return False
    return token.like_num or token.ent_type_ in NUMBER_ENTS


def sentence_has_number(doc, sentences: list[tuple[int, int]], char: int) -> bool:
    """Does the sentence holding character ``char`` of the doc's text contain a number?"""
    for start, end in sentences:
        if start <= char < end:
            return any(is_number(t) for t in doc if start <= t.idx < end)
    return False


def find_evidence(doc, outcomes: frozenset[str], actions_window: int = 4) -> dict[str, list[tuple[int, int]]]:
    """Character spans of each kind of evidence: numbers, dates, names, first-person past-tense
    actions ("I led", "we cut") and outcomes ("increased", "saved")."""
    found: dict[str, list[tuple[int, int]]] = {c: [] for c in CATEGORIES}
    for ent in doc.ents:
        if ent.label_ in DATE_ENTS:
            found["date"].append((ent.start_char, ent.end_char))
        elif ent.label_ in NUMBER_ENTS and not _is_effort_percent(ent):
            found["number"].append((ent.start_char, ent.end_char))
    for i, t in enumerate(doc):
        span = (t.idx, t.idx + len(t.text))
        if is_number(t) and not t.ent_type_:
            found["number"].append(span)
        if t.pos_ == "PROPN" and t.lower_ not in FIRST_PERSON_SUBJECTS and not t.ent_type_:
            found["name"].append(span)
        if t.lemma_.lower() in outcomes and t.pos_ in ("VERB", "NOUN"):
            found["result"].append(span)
        if t.tag_ == "VBD" or (t.pos_ in ("VERB", "AUX") and "Past" in t.morph.get("Tense")
                               and "Fin" in t.morph.get("VerbForm")):
            window = doc[max(0, i - actions_window): i]
            if t.pos_ == "VERB" and any(w.norm_ in FIRST_PERSON_SUBJECTS for w in window):
                found["action"].append(span)
    return found


def _is_effort_percent(ent) -> bool:
    """"110%" in "I give 110%" is a cliché, not a measurement."""
    return ent.label_ == "PERCENT" and any(c.isdigit() for c in ent.text) and \
        int("".join(c for c in ent.text if c.isdigit()) or 0) > 100
