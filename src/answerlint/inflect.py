"""Word forms for inflection-insensitive phrase matching.

``forms("player")`` gives every spelling a phrase word may take in running text ("player",
"players"); ``forms("oriented")`` includes "orient", "orients", "orienting". The generator
over-produces on purpose: a form that is not an English word never occurs in an answer, so it
never matches. Irregular forms come from a small table of verbs and nouns common in phrases.
"""

from __future__ import annotations

from functools import lru_cache

_IRREGULAR = [
    ("be", "am", "is", "are", "was", "were", "been", "being"),
    ("have", "has", "had", "having"),
    ("do", "does", "did", "done", "doing"),
    ("go", "goes", "went", "gone", "going"),
    ("get", "gets", "got", "gotten", "getting"),
    ("give", "gives", "gave", "given", "giving"),
    ("take", "takes", "took", "taken", "taking"),
    ("make", "makes", "made", "making"),
    ("think", "thinks", "thought", "thinking"),
    ("lead", "leads", "led", "leading"),
    ("bring", "brings", "brought", "bringing"),
    ("keep", "keeps", "kept", "keeping"),
    ("wear", "wears", "wore", "worn", "wearing"),
    ("hit", "hits", "hitting"),
    ("run", "runs", "ran", "running"),
    ("put", "puts", "putting"),
    ("hold", "holds", "held", "holding"),
    ("know", "knows", "knew", "known", "knowing"),
    ("learn", "learns", "learned", "learnt", "learning"),
    ("feel", "feels", "felt", "feeling"),
    ("thrive", "thrives", "thrived", "throve", "thriving"),
    ("pay", "pays", "paid", "paying"),
    ("work", "works", "worked", "working"),
    ("person", "persons", "people"),
    ("crisis", "crises"),
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("day", "days"),
    ("leave", "leaves", "left", "leaving"),
]
_IRREGULAR_INDEX = {form: group for group in _IRREGULAR for form in group}
_VOWELS = set("aeiou")
# Words that never inflect; keeping them exact avoids silly matches ("as" -> "a").
_FUNCTION_WORDS = frozenset(
    "a an the i me my we our you your he she it they them their this that these those of in on at "
    "to for with by from as and or but if so not no than then there here what which who whom "
    "whose how why when where all any each every some such very too also just about into over "
    "under out up down off again once 's 'm 're 've 'll 'd n't".split()
)


def _stems(word: str) -> set[str]:
    """Plausible base forms of ``word`` (itself included)."""
    stems = {word}
    if word.endswith("ies") and len(word) > 4:
        stems.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        stems.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        stems.add(word[:-1])
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            stems.update({base, base + "e"})
            if len(base) > 2 and base[-1] == base[-2]:
                stems.add(base[:-1])
            if base.endswith("i"):
                stems.add(base[:-1] + "y")
    return stems


def _inflections(base: str) -> set[str]:
    out = {base}
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        out.update({base[:-1] + "ies", base[:-1] + "ied"})
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(base + "es")
    out.add(base + "s")
    if base.endswith("e"):
        out.update({base + "d", base[:-1] + "ing"})
    else:
        out.update({base + "ed", base + "ing"})
        if (len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x", "y"}
                and base[-2] in _VOWELS and base[-3] not in _VOWELS):
            out.update({base + base[-1] + "ed", base + base[-1] + "ing"})
    return out


@lru_cache(maxsize=4096)
def forms(word: str) -> frozenset[str]:
    """All forms that count as the same word as ``word`` (lowercase)."""
    word = word.lower()
    if word in _FUNCTION_WORDS or not word.isalpha():
        return frozenset({word} | set(_IRREGULAR_INDEX.get(word, ())))
    out: set[str] = set()
    for stem in _stems(word):
        if stem in _IRREGULAR_INDEX:
            out.update(_IRREGULAR_INDEX[stem])
        else:
            out.update(_inflections(stem))
    out.add(word)
    return frozenset(out)
