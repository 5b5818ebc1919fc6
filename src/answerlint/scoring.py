"""A score per answer (0-100, higher is stronger), the way a recruiter ranks answers.

The score credits what the answer does and takes off for what is wrong with it:

    score = 45                                    a start every answer gets
          + 35 x (elements its kind expects that it shows) / (elements its kind expects)
          +  3 for each kind of evidence it has   number, date, name, your action, result (at most 15)
          +  2 for each action of yours after the first  (at most 6): the detail of a story
          +  5 when its length fits its kind      no finding of a `length` rule
          - 30 for each error, 10 for each warning, 2 for each info (infos: at most 6 in all)

clamped to 0-100. The elements each kind expects are those of ``answerkinds.KINDS`` (a
behavioral answer: a past situation, your action and a result; a weakness: what you are doing
about it; ...). The verdict is "strong" from 65, "needs work" from 40, "weak" below.
Findings count as reported, after select/ignore, suppressions and severities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from answerlint.answerkinds import BY_NAME
from answerlint.facts import Facts
from answerlint.kinds.requirement import LABELS
from answerlint.model import Finding, Item

BASE = 45
ELEMENTS = 35
PER_EVIDENCE = 3
EVIDENCE = ("number", "date", "name", "action", "result")
DETAIL, DETAIL_CAP = 2, 6
LENGTH = 5
PENALTY = {"error": 30, "warning": 10, "info": 2}
INFO_CAP = 6
STRONG, NEEDS_WORK = 65, 40
_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Score:
    item: Item
    score: int
    verdict: str  # strong | needs work | weak
    kind: str
    missing: tuple[str, ...]  # elements of its kind it does not show, and "number" if it has none
    strengths: tuple[str, ...]  # what it does well
    findings: tuple[Finding, ...]  # what is wrong, most severe first
    parts: tuple[tuple[str, int], ...] = field(default=())  # (explanation, points): the arithmetic

    @property
    def fix_first(self) -> str:
        """The one thing to fix first: the most severe finding, else the first missing element."""
        if self.findings and self.findings[0].severity != "info":
            return self.findings[0].message
        if self.missing:
            return "add " + LABELS.get(self.missing[0], self.missing[0])
        return self.findings[0].message if self.findings else "nothing: keep it"


def verdict(score: int) -> str:
    return "strong" if score >= STRONG else "needs work" if score >= NEEDS_WORK else "weak"


def score_answer(item: Item, facts: Facts, findings: list[Finding], length_rules: set[str]) -> Score:
    """The score of one answer from its facts and its reported findings (``length_rules``: ids of
    the rules whose findings mean the length does not fit)."""
    kind = BY_NAME.get(item.kind, BY_NAME["general"])
    # most severe first; among equals the most specific (shortest span), which is the easiest to act on
    mine = sorted((f for f in findings if f.item is item), key=lambda f: (_ORDER[f.severity], f.end - f.start, f.start))
    parts: list[tuple[str, int]] = [("start", BASE)]
    shown = [e for e in kind.elements if facts.has(e)]
    element_points = round(ELEMENTS * len(shown) / len(kind.elements)) if kind.elements else ELEMENTS
    parts.append((f"shows {len(shown)} of {len(kind.elements)} elements a {kind.name} answer needs"
                  + (f" ({', '.join(shown)})" if shown else ""), element_points))
    evidence = [c for c in EVIDENCE if facts[c]]
    if evidence:
        parts.append((f"evidence: {', '.join(evidence)}", PER_EVIDENCE * len(evidence)))
    detail = min(DETAIL_CAP, DETAIL * max(0, len(facts["action"]) - 1))
    if detail:
        parts.append((f"{len(facts['action'])} actions of yours", detail))
    length_ok = not any(f.rule in length_rules for f in mine)
    if length_ok:
        parts.append((f"length fits a {kind.name} answer ({facts.words} words)", LENGTH))
    info_total = 0
    for f in mine:
        points = PENALTY[f.severity]
        if f.severity == "info":
            points = max(0, min(points, INFO_CAP - info_total))
            info_total += points
        if points:
            parts.append((f"{f.severity} [{f.rule}]", -points))
    total = max(0, min(100, sum(p for _, p in parts)))
    missing = [e for e in kind.elements if not facts.has(e)]
    if not facts["number"] and "number" not in missing:
        missing.append("number")
    strengths = [LABELS.get(e, e) for e in shown]
    strengths += [f"has {LABELS[c]}" for c in evidence if c not in shown]
    if length_ok:
        strengths.append("length fits its kind")
    return Score(item, total, verdict(total), kind.name, tuple(missing), tuple(strengths), tuple(mine), tuple(parts))
