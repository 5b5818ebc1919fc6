"""Kind ``length``: word count and estimated speaking time, per answer kind."""

from __future__ import annotations

from answerlint.kinds.base import Kind
from answerlint.model import RawFinding
from answerlint.schema import Field, MapOf, Num, Struct

_LIMITS = {
    "min_words": Field(Num(integer=True), doc="fewest words"),
    "max_words": Field(Num(integer=True), doc="most words"),
    "min_seconds": Field(Num(), doc="shortest speaking time, in seconds"),
    "max_seconds": Field(Num(), doc="longest speaking time, in seconds"),
    "words_per_minute": Field(Num(minimum=1), doc="speaking rate (default: config words-per-minute)"),
}


def speaking_seconds(words: int, wpm: float) -> float:
    return words * 60.0 / wpm


def duration(seconds: float) -> str:
    seconds = max(1, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


class LengthKind(Kind):
    name = "length"
    default_message = "{word_count} (about {duration} spoken); {limit}"
    placeholders = ("match", "words", "word_count", "seconds", "duration", "limit", "kind")
    scopes = ("answer", "question", "item")
    default_scope = "answer"
    options = Struct({**_LIMITS, "by_kind": Field(MapOf(Struct(dict(_LIMITS))), default=dict,
                                                   doc="overrides per answer kind (intro, behavioral, ...)")})

    def validate(self, rule, fail) -> None:
        if not any(rule.options.get(k) is not None for k in _LIMITS if k != "words_per_minute") \
                and not rule.options.get("by_kind"):
            fail("a length rule needs at least one of min_words, max_words, min_seconds, max_seconds",
                 "options")

    def limits(self, rule, kind: str, default_wpm: float) -> dict:
        limits = {k: v for k, v in rule.options.items() if k in _LIMITS and v is not None}
        limits.update({k: v for k, v in (rule.options["by_kind"].get(kind) or {}).items() if v is not None})
        limits.setdefault("words_per_minute", default_wpm)
        return limits

    def check(self, rule, compiled, analysis):
        for item in analysis.items_for(rule):
            words = analysis.words(item)
            if not words:
                continue
            lim = self.limits(rule, item.kind, analysis.words_per_minute)
            wpm = lim["words_per_minute"]
            n = len(words)
            seconds = speaking_seconds(n, wpm)
            fields = {"words": n, "word_count": f"{n} word{'s' if n != 1 else ''}",
                      "seconds": round(seconds), "duration": duration(seconds), "kind": item.kind}
            max_words = [lim[k] for k in ("max_words",) if k in lim]
            if "max_seconds" in lim:
                max_words.append(int(lim["max_seconds"] * wpm / 60))
            too_long = min(max_words) if max_words else None
            if too_long is not None and n > too_long:
                limit = (f"keep it under {lim['max_words']} words" if "max_seconds" not in lim
                         else f"keep it under {duration(lim['max_seconds'])} spoken")
                start = words[too_long][0]
                yield self._finding(rule, item, start, len(item.text), fields, limit)
                continue
            min_words = [lim[k] for k in ("min_words",) if k in lim]
            if "min_seconds" in lim:
                min_words.append(-(-lim["min_seconds"] * wpm // 60))
            too_short = max(min_words) if min_words else None
            if too_short is not None and n < too_short:
                limit = (f"aim for at least {lim['min_words']} words" if "min_seconds" not in lim
                         else f"aim for at least {duration(lim['min_seconds'])} spoken")
                yield self._finding(rule, item, 0, len(item.text), fields, limit)

    @staticmethod
    def _finding(rule, item, start, end, fields, limit):
        text = item.text[start:end]
        message = rule.message.format(match=text, limit=limit, **fields)
        return RawFinding(rule.id, message, start, end, item)
