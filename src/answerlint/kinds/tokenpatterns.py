"""Validation of spaCy token patterns written in packs, without importing spaCy.

spaCy validates again (``Matcher(vocab, validate=True)``) when the rule is compiled; checking here
too means a bad pattern is reported when the pack loads, with its line, even by `answerlint rules`.
Patterns may use ``"$name"`` in place of a list to refer to a lexicon of the rule (``IN``/``NOT_IN``).
"""

from __future__ import annotations

import re
from typing import Any, Callable

TOKEN_ATTRS = frozenset(
    "ORTH TEXT NORM LOWER LEMMA POS TAG MORPH DEP ENT_TYPE ENT_IOB ENT_ID ENT_KB_ID SHAPE PREFIX SUFFIX "
    "LENGTH IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_UPPER IS_TITLE IS_PUNCT IS_SPACE IS_STOP IS_SENT_START "
    "SENT_START SPACY LIKE_NUM LIKE_URL LIKE_EMAIL IS_BRACKET IS_QUOTE IS_LEFT_PUNCT IS_RIGHT_PUNCT "
    "IS_CURRENCY".split())
VALUE_OPS = frozenset(["IN", "NOT_IN", "REGEX", "FUZZY", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS",
                       "==", "!=", ">=", "<=", ">", "<"] + [f"FUZZY{i}" for i in range(1, 10)])
_OP = re.compile(r"^(?:[!?+*]|\{(?:\d+|\d+,\d*|,\d+)\})$")  # {n}, {n,}, {,m}, {n,m}: what spaCy takes
LIST_OPS = frozenset(["IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS"])
NUMBER_OPS = frozenset(["==", "!=", ">=", "<=", ">", "<"])
NUMBER_ATTRS = frozenset(["LENGTH"])
REL_OPS = frozenset(["<", ">", "<<", ">>", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--", ">+", ">-",
                     ">++", ">--", "<+", "<-", "<++", "<--"])

Fail = Callable[[str], None]
STRING_ATTRS = frozenset("ORTH TEXT NORM LOWER LEMMA POS TAG MORPH DEP ENT_TYPE ENT_ID ENT_KB_ID SHAPE "
                         "PREFIX SUFFIX".split())
BOOL_ATTRS = TOKEN_ATTRS - STRING_ATTRS - NUMBER_ATTRS - {"ENT_IOB"}


def _not_text(value: Any) -> str:
    """Why a value is not a word: YAML reads an unquoted no/yes/on/off as true or false."""
    if isinstance(value, bool):
        return f"{value!r} (YAML reads unquoted yes/no/on/off/true/false as true or false: quote the word)"
    return repr(value)


def check_token(token: Any, lexicons: dict[str, list], fail: Fail, where: str) -> None:
    if not isinstance(token, dict):
        fail(f"{where}: a token pattern must be a mapping like {{LOWER: word}}")
        return
    for key, value in token.items():
        if key == "OP":
            if not isinstance(value, str) or not _OP.match(value):
                fail(f"{where}: OP must be one of !, ?, +, * or {{n,m}}, not {value!r}")
            continue
        if key == "_":
            fail(f"{where}: custom attributes (_) are not available in packs")
            continue
        if key not in TOKEN_ATTRS:
            fail(f"{where}: unknown token attribute '{key}' (known: {', '.join(sorted(TOKEN_ATTRS))})")
            continue
        if isinstance(value, dict):
            for op, operand in value.items():
                if op not in VALUE_OPS:
                    fail(f"{where}: unknown operator '{op}' for {key} (known: {', '.join(sorted(VALUE_OPS))})")
                elif op == "REGEX":
                    try:
                        re.compile(operand)
                    except (re.error, TypeError) as exc:
                        fail(f"{where}: bad REGEX for {key}: {exc}")
                elif isinstance(operand, str) and operand.startswith("$") and operand[1:] not in lexicons:
                    fail(f"{where}: unknown lexicon '{operand}' (define it under options.lexicons)")
                elif op in LIST_OPS and not (isinstance(operand, list) or isinstance(operand, str)
                                             and operand.startswith("$")):
                    fail(f"{where}: {op} needs a list, not {operand!r}")
                elif op in NUMBER_OPS and (not isinstance(operand, (int, float)) or isinstance(operand, bool)):
                    fail(f"{where}: {op} for {key} needs a number, not {operand!r}")
                elif op in LIST_OPS and key in STRING_ATTRS:
                    words = lexicons.get(operand[1:], []) if isinstance(operand, str) else operand
                    bad = next((w for w in words if not isinstance(w, str)), None) if isinstance(words, list) else None
                    if bad is not None:
                        fail(f"{where}: {op} for {key} needs words, not {_not_text(bad)}")
        elif key in NUMBER_ATTRS and (not isinstance(value, int) or isinstance(value, bool)):
            fail(f"{where}: {key} needs a whole number, not {value!r}")
        elif key in STRING_ATTRS and not isinstance(value, str):
            fail(f"{where}: {key} needs a word, not {_not_text(value)}")
        elif key in BOOL_ATTRS and not isinstance(value, bool):
            fail(f"{where}: {key} needs true or false, not {value!r}")
        elif not isinstance(value, (str, int, float, bool, list)):
            fail(f"{where}: bad value for {key}: {value!r}")


def expand(value: Any, lexicons: dict[str, list]) -> Any:
    """Replace "$name" operands by the lexicon's list, recursively."""
    if isinstance(value, dict):
        return {k: expand(v, lexicons) for k, v in value.items()}
    if isinstance(value, list):
        return [expand(v, lexicons) for v in value]
    if isinstance(value, str) and value.startswith("$") and value[1:] in lexicons:
        return list(lexicons[value[1:]])
    return value


def check_dependency_pattern(pattern: Any, lexicons: dict[str, list], fail: Fail, where: str) -> set[str]:
    """Validate one DependencyMatcher pattern; return its node names."""
    names: set[str] = set()
    if not isinstance(pattern, list) or not pattern:
        fail(f"{where}: a dependency pattern must be a non-empty list of nodes")
        return names
    for n, node in enumerate(pattern):
        here = f"{where}, node {n + 1}"
        if not isinstance(node, dict):
            fail(f"{here}: a node must be a mapping")
            continue
        allowed = {"RIGHT_ID", "RIGHT_ATTRS"} if n == 0 else {"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"}
        for key in node:
            if key not in allowed:
                fail(f"{here}: unknown key '{key}' (expected: {', '.join(sorted(allowed))})")
        for key in allowed:
            if key not in node:
                fail(f"{here}: missing '{key}'")
        if n and node.get("LEFT_ID") not in names:
            fail(f"{here}: LEFT_ID {node.get('LEFT_ID')!r} names no earlier node")
        if n and node.get("REL_OP") not in REL_OPS:
            fail(f"{here}: unknown REL_OP {node.get('REL_OP')!r}")
        if node.get("RIGHT_ID") in names:
            fail(f"{here}: duplicate RIGHT_ID {node.get('RIGHT_ID')!r}")
        names.add(node.get("RIGHT_ID"))
        check_token(node.get("RIGHT_ATTRS", {}), lexicons, fail, here)
    return names
