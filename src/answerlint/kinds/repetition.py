"""Kind ``repetition`` (bank scope): the same sentence, or the same phrase, in answer after answer."""

from __future__ import annotations

import re

from answerlint.kinds.base import Kind
from answerlint.model import ANSWER, RawFinding
from answerlint.schema import Field, ListOf, Num, Str, Struct

_STOP = frozenset(
    "a an the and or but if of in on at to for with by from as is are was were be been am i me my we our "
    "you your it its this that these those they them their he she his her so not no do did does have has "
    "had will would can could should may might very really just about also than then there here what which "
    "who how when where why all any some more most such only own same other into over out up down because "
    "i'm i've i'd i'll we're we've we'd we'll it's that's there's get got make made one two".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE = re.compile(r"[^.,;:!?()\n\"“”]+")  # phrases never run across punctuation


def reported_spans(reported: set, item, start: int, analysis) -> set:
    """Phrases inside a sentence already reported as repeated are not reported again."""
    for s, e in analysis.sentences(item):
        if s <= start < e:
            return {(id(item), start)} if (id(item), s) in reported else set()
    return set()


class RepetitionKind(Kind):
    name = "repetition"
    default_message = "'{match}' appears in {count} answers: {advice}"
    placeholders = ("match", "count", "advice")
    scopes = ("bank",)
    default_scope = "bank"
    options = Struct({
        "min_answers": Field(Num(integer=True, minimum=2), default=3,
                             doc="a phrase repeated in this many answers is reported"),
        "sentence_min_answers": Field(Num(integer=True, minimum=2), default=2,
                                      doc="a sentence repeated in this many answers is reported"),
        "min_words": Field(Num(integer=True, minimum=2), default=2, doc="shortest phrase, in content words"),
        "max_words": Field(Num(integer=True, minimum=2), default=4, doc="longest phrase, in words"),
        "ignore": Field(ListOf(Str()), default=list, doc="phrases never reported (the role's own terms)"),
        "advice": Field(Str(), default="say it once, where it fits best, and use facts elsewhere.",
                        doc="text for {advice}"),
    })

    def check(self, rule, compiled, analysis):
        o = rule.options
        ignore = {p.lower() for p in o["ignore"]}
        answers = [i for i in analysis.bank.items if i.role == ANSWER]
        # sentences
        seen: dict[str, list[tuple]] = {}
        for item in answers:
            for s, e in analysis.sentences(item):
                key = " ".join(w.lower() for w in _WORD.findall(item.text[s:e]))
                if len(key.split()) >= 4:
                    seen.setdefault(key, []).append((item, s, e))
        reported: set[tuple[int, int]] = set()
        for places in seen.values():
            if len({id(p[0]) for p in places}) >= o["sentence_min_answers"]:
                for item, s, e in places[1:]:
                    reported.add((id(item), s))
                    yield self._finding(rule, item, s, e, len(places), "say it once; repeated sentences sound rehearsed.")
        # phrases of 2-4 words with at least `min_words` content words, in `min_answers` answers
        phrases: dict[str, list[tuple]] = {}
        for item in answers:
            local: set[str] = set()
            for clause in _CLAUSE.finditer(item.text):
                words = list(_WORD.finditer(item.text, clause.start(), clause.end()))
                lowered = [w.group(0).lower().replace("’", "'") for w in words]
                for n in range(o["max_words"], 1, -1):
                    for i in range(len(words) - n + 1):
                        tokens = lowered[i:i + n]
                        if tokens[0] in _STOP or tokens[-1] in _STOP:
                            continue
                        if sum(t not in _STOP for t in tokens) < o["min_words"]:
                            continue
                        key = " ".join(tokens)
                        if key in ignore or key in local:
                            continue
                        local.add(key)
                        start, end = words[i].start(), words[i + n - 1].end()
                        if (id(item), start) in reported_spans(reported, item, start, analysis):
                            continue
                        phrases.setdefault(key, []).append((item, start, end))
        taken: dict[int, list[tuple[int, int]]] = {}
        for key in sorted(phrases, key=lambda k: (-len(k.split()), k)):
            places = phrases[key]
            if len({id(p[0]) for p in places}) < o["min_answers"]:
                continue
            if any(s <= p[1] and p[2] <= e for p in places for s, e in taken.get(id(p[0]), ())):
                continue  # part of a longer repeated phrase already reported
            for item, s, e in places:
                taken.setdefault(id(item), []).append((s, e))
            for item, s, e in places[o["min_answers"] - 1:]:
                yield self._finding(rule, item, s, e, len(places), o["advice"])

    @staticmethod
    def _finding(rule, item, s, e, count, advice):
        message = rule.message.format(match=item.text[s:e], count=count, advice=advice)
        return RawFinding(rule.id, message, s, e, item)
