"""Guessing an answer's kind (intro, behavioral, ...) from its interview question."""

from __future__ import annotations

import re

_KINDS = (
    ("intro", re.compile(r"\b(tell (me|us) (a little |a bit )?about yourself|walk (me|us) through your "
                         r"(resume|résumé|cv|background|career)|introduce yourself|your background)\b", re.I)),
    ("behavioral", re.compile(r"\b(tell (me|us) about a time|describe (a|an) (time|situation|project|occasion)|"
                              r"give (me|us) an example|have you ever|what did you do when|a time (when|you)|"
                              r"how did you (handle|deal|resolve|manage))\b", re.I)),
    ("motivation", re.compile(r"\bwhy (do you want|are you interested|this (company|role|job|position)|"
                              r"should we hire)\b", re.I)),
    ("weakness", re.compile(r"\b(greatest |biggest )?weakness(es)?\b", re.I)),
    ("strength", re.compile(r"\b(greatest |biggest )?strengths?\b", re.I)),
)


def infer_kind(question: str | None) -> str:
    if not question:
        return "general"
    for kind, rx in _KINDS:
        if rx.search(question):
            return kind
    return "general"
