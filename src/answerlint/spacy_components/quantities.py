"""``answerlint_quantities``: the bundled pipeline's rule-based number/date ruler.

It is spaCy's ``entity_ruler`` (a :class:`~spacy.pipeline.SpanRuler` that writes
``doc.ents``) with the same patterns and the same overlap resolution, but it runs
the Matcher only around *trigger* tokens: tokens with a digit, currency symbols
and the words the patterns are anchored on (number words, months, units, ...).
Most of the ruler's patterns test regular expressions, which spaCy evaluates in
Python for every token and every pattern; matching only windows around triggers
gives the same entities about 20x faster (see benchmarks/bench_model.py).

Why the result is the same: every pattern has a required, *anchored* token (a
digit regex, a currency symbol, or a literal from ``trigger_words``), so each match
lies inside the window from ``left`` tokens before to ``right`` tokens after a
trigger it contains; :func:`anchor_extents` checks the patterns and computes the
two extents when the pipeline is packaged, and a test compares the output with
the plain ruler's.
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, prioritize_new_ents_filter
from spacy.tokens import Doc, Span

FACTORY = "answerlint_quantities"
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


class QuantityRuler(SpanRuler):
    """An entity ruler that only matches around trigger tokens."""

    def __init__(self, nlp: Language, name: str, *, trigger_words: Iterable[str],
                 left: int, right: int, overwrite_ents: bool, validate: bool) -> None:
        super().__init__(
            nlp, name, spans_key=None, spans_filter=None, annotate_ents=True,
            ents_filter=prioritize_new_ents_filter, phrase_matcher_attr=None,
            matcher_fuzzy_compare=None, validate=validate, overwrite=overwrite_ents,
            scorer=None,
        )
        self.trigger_words = frozenset(w.lower() for w in trigger_words)
        self.left, self.right = int(left), int(right)

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Merged token ranges [start, end) around every trigger token."""
        words, left, right, n = self.trigger_words, self.left, self.right, len(doc)
        ranges: list[tuple[int, int]] = []
        for tok in doc:
            if tok.is_currency or tok.lower_ in words or any(c.isdigit() for c in tok.text):
                start, end = max(0, tok.i - left), min(n, tok.i + right + 1)
                if ranges and start <= ranges[-1][1]:
                    ranges[-1] = (ranges[-1][0], end)
                else:
                    ranges.append((start, end))
        return ranges

    def match(self, doc: Doc) -> list[Span]:
        """SpanRuler.match, with the token Matcher run only inside :meth:`windows`.

        Phrase patterns (plain strings) still go through the PhraseMatcher over the
        whole doc: they have no token specs to anchor a window on.
        """
        self._require_patterns()
        matches = [(m_id, start + s, start + e)
                   for start, end in self.windows(doc)
                   for m_id, s, e in self.matcher(doc[start:end])]
        matches += self.phrase_matcher(doc)
        found = set()
        for m_id, s, e in matches:
            if s != e:
                info = self._match_label_id_map[m_id]
                found.add(Span(doc, s, e, label=info["label"], span_id=info["id"]))
        return sorted(found)


@Language.factory(
    FACTORY,
    default_config={"trigger_words": [], "left": 0, "right": 0,
                    "overwrite_ents": True, "validate": True},
)
def make_quantity_ruler(nlp: Language, name: str, trigger_words: list[str], left: int,
                        right: int, overwrite_ents: bool, validate: bool) -> QuantityRuler:
    return QuantityRuler(nlp, name, trigger_words=trigger_words, left=left, right=right,
                         overwrite_ents=overwrite_ents, validate=validate)


def _literals(spec: dict[str, Any]) -> set[str] | None:
    """Lower-cased strings a token spec accepts, or None if not a pure literal."""
    for key in _LITERAL_KEYS:
        value = spec.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and set(value) == {"IN"}:
            return {str(v).lower() for v in value["IN"]}
    return None


def is_anchored(spec: dict[str, Any], trigger_words: frozenset[str] | set[str]) -> bool:
    """True if every token ``spec`` matches is a trigger token."""
    if spec.get("OP") in ("?", "*", "!"):
        return False
    if spec.get("IS_CURRENCY") is True:
        return True
    lits = _literals(spec)
    if lits is not None:
        return lits <= trigger_words
    for key in _LITERAL_KEYS:  # a regex that needs a digit ("\d" in every branch)
        value = spec.get(key)
        if isinstance(value, dict) and "REGEX" in value:
            return _regex_anchored(value["REGEX"], trigger_words)
    return False


def _regex_anchored(regex: str, trigger_words: frozenset[str] | set[str]) -> bool:
    """Every top-level branch needs a digit or is a group of trigger words."""
    for branch in _top_branches(regex):
        if r"\d" in branch:
            continue
        body = branch.strip("^$")
        if body.startswith("(") and body.endswith(")") and body.count("(") == 1:
            body = body[1:-1]
        if not all(word in trigger_words for word in body.split("|")):
            return False
    return True


def _top_branches(regex: str) -> list[str]:
    """Split a regex at its top-level ``|`` (outside groups and classes)."""
    branches, depth, cls, cur = [], 0, False, []
    i = 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            cur.append(regex[i:i + 2])
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    branches.append("".join(cur))
    return branches


def anchor_extents(patterns: list[dict[str, Any]],
                   trigger_words: Iterable[str]) -> tuple[int, int]:
    """The (left, right) window that holds every match around its anchor token.

    A pattern's anchor is its first anchored token spec, at index k of L specs:
    a match starts at most k tokens before the anchor's token and ends at most
    L - 1 - k tokens after it.  Raises ValueError for a pattern without an anchor
    or with a repeating operator (``+``, ``*``): the windowed matcher could miss it.
    """
    words = frozenset(w.lower() for w in trigger_words)
    left = right = 0
    for pat in patterns:
        specs = pat["pattern"]
        if not isinstance(specs, list) or any(s.get("OP") in ("+", "*") for s in specs):
            raise ValueError(f"pattern cannot be windowed: {pat}")
        k = next((i for i, s in enumerate(specs) if is_anchored(s, words)), None)
        if k is None:
            raise ValueError(f"pattern without a trigger token: {pat}")
        left, right = max(left, k), max(right, len(specs) - 1 - k)
    return left, right
