"""Phrase lists compiled to a spaCy Matcher: case-, inflection- and hyphen-insensitive."""

from __future__ import annotations

import re
from dataclasses import dataclass

from answerlint.inflect import forms
from answerlint.schema import Field, ListOf, OneOf, Regex, Str, Struct, is_map, is_str

_HYPHENS = frozenset({"-", "‐", "‑", "–", "—"})

PHRASE_ENTRY = OneOf(
    (is_str, Str()),
    (is_map, Struct({
        "phrase": Field(Str(), required=True, doc="the phrase, as you would write it"),
        "variants": Field(ListOf(Str()), default=list, doc="other wordings that mean the same"),
        "advice": Field(Str(), doc="what to say instead (overrides the rule's advice)"),
        "exceptions": Field(ListOf(Regex()), default=list,
                            doc="regexes: a match inside one of these is not reported"),
        "replacement": Field(Str(nonempty=False),
                             doc="a safe plain substitution that --fix may apply (\"\" removes the phrase)"),
        "verb": Field(Str(), doc="the action verb a rewrite uses for this phrase (team player: work with)"),
    })),
)


@dataclass(frozen=True)
class Phrase:
    phrase: str
    variants: tuple[str, ...] = ()
    advice: str | None = None
    exceptions: tuple[re.Pattern, ...] = ()
    tag: object = None  # caller's data, e.g. the topic a term belongs to
    replacement: str | None = None  # safe substitution for --fix
    verb: str | None = None  # action verb for rewrites


@dataclass(frozen=True)
class PhraseMatch:
    start: int  # character offsets in the doc's text
    end: int
    phrase: Phrase


def parse_entries(raw: list) -> list[Phrase]:
    out = []
    for entry in raw:
        if isinstance(entry, str):
            out.append(Phrase(entry))
        else:
            out.append(Phrase(
                entry["phrase"], tuple(entry.get("variants") or ()), entry.get("advice"),
                tuple(re.compile(x, re.IGNORECASE) for x in entry.get("exceptions") or ()),
                replacement=entry.get("replacement"), verb=entry.get("verb"),
            ))
    return out


class PhraseSet:
    """Finds the longest non-overlapping occurrences of any phrase in a tokenized text.

    Each phrase becomes a sequence of word-form sets; candidates are looked up by the form of
    their first word, so the cost per token does not grow with the size of the list. Hyphens
    between words are optional; tokens are compared by spaCy's NORM ("'m" is "am").
    """

    def __init__(self, phrases: list[Phrase], nlp, exact: frozenset[str] = frozenset(),
                 global_exceptions: tuple[re.Pattern, ...] = ()) -> None:
        self.phrases = phrases
        self.global_exceptions = global_exceptions
        self._by_first: dict[str, list[tuple[int, list[frozenset[str]]]]] = {}
        for index, phrase in enumerate(phrases):
            for text in (phrase.phrase, *phrase.variants):
                words = self._words(nlp, text, exact)
                if words:
                    for form in words[0]:
                        self._by_first.setdefault(form, []).append((index, words))

    @staticmethod
    def _words(nlp, text: str, exact: frozenset[str]) -> list[frozenset[str]]:
        words = []
        for token in nlp.tokenizer(text):
            if token.is_space or token.text in _HYPHENS:
                continue
            norm = token.norm_
            inflect = norm not in exact and norm.isalpha()
            words.append(frozenset(forms(norm) | {token.lower_}) if inflect else frozenset({norm}))
        return words

    def find(self, tokens: list[tuple[str, int, int, bool]], text: str) -> list[PhraseMatch]:
        """Matches in ``text``, given its :func:`token_table`."""
        found: list[PhraseMatch] = []
        i = 0
        while i < len(tokens):
            best: tuple[int, int] | None = None  # (end token index, phrase index)
            for index, words in self._by_first.get(tokens[i][0], ()):
                end = self._match(tokens, i, words)
                if end is not None and (best is None or end > best[0]):
                    best = (end, index)
            if best is None:
                i += 1
                continue
            end, index = best
            phrase = self.phrases[index]
            start_char, end_char = tokens[i][1], tokens[end - 1][2]
            if not any(_inside(text, start_char, end_char, rx)
                       for rx in phrase.exceptions + self.global_exceptions):
                found.append(PhraseMatch(start_char, end_char, phrase))
                i = end
            else:
                i += 1
        return found

    @staticmethod
    def _match(tokens, i: int, words: list[frozenset[str]]) -> int | None:
        j = i + 1
        for forms_ in words[1:]:
            if j < len(tokens) and tokens[j][3] and tokens[j][0] not in forms_:
                j += 1  # an optional hyphen between two words
            if j >= len(tokens) or tokens[j][0] not in forms_:
                return None
            j += 1
        return j


def token_table(doc) -> list[tuple[str, int, int, bool]]:
    """(norm, start char, end char, skippable) per token: what :meth:`PhraseSet.find` reads."""
    return [(t.norm_, t.idx, t.idx + len(t.text), t.text in _HYPHENS or t.is_space) for t in doc]


def _inside(text: str, start: int, end: int, rx: re.Pattern) -> bool:
    return any(m.start() <= start and end <= m.end() for m in rx.finditer(text))
