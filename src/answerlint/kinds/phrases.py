"""Phrase lists compiled to a spaCy Matcher: case-, inflection- and hyphen-insensitive."""

from __future__ import annotations

import re
from dataclasses import dataclass

from answerlint.inflect import forms
from answerlint.schema import Field, ListOf, OneOf, Regex, Str, Struct, is_map, is_str

_HYPHENS = ["-", "‐", "‑", "–", "—"]

PHRASE_ENTRY = OneOf(
    (is_str, Str()),
    (is_map, Struct({
        "phrase": Field(Str(), required=True, doc="the phrase, as you would write it"),
        "variants": Field(ListOf(Str()), default=list, doc="other wordings that mean the same"),
        "advice": Field(Str(), doc="what to say instead (overrides the rule's advice)"),
        "exceptions": Field(ListOf(Regex()), default=list,
                            doc="regexes: a match inside one of these is not reported"),
    })),
)


@dataclass(frozen=True)
class Phrase:
    phrase: str
    variants: tuple[str, ...] = ()
    advice: str | None = None
    exceptions: tuple[re.Pattern, ...] = ()
    tag: object = None  # caller's data, e.g. the topic a term belongs to


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
            ))
    return out


class PhraseSet:
    """Finds the longest non-overlapping occurrences of any phrase in a tokenized text."""

    def __init__(self, phrases: list[Phrase], nlp, exact: frozenset[str] = frozenset(),
                 global_exceptions: tuple[re.Pattern, ...] = ()) -> None:
        from spacy.matcher import Matcher

        self.phrases = phrases
        self.global_exceptions = global_exceptions
        self.matcher = Matcher(nlp.vocab, validate=True)
        for index, phrase in enumerate(phrases):
            patterns = [self._pattern(nlp, text, exact) for text in (phrase.phrase, *phrase.variants)]
            self.matcher.add(str(index), [p for p in patterns if p])

    @staticmethod
    def _pattern(nlp, text: str, exact: frozenset[str]) -> list[dict]:
        pattern: list[dict] = []
        for token in nlp.tokenizer(text):
            if token.is_space or token.text in _HYPHENS:
                continue
            if pattern and token.is_alpha:
                pattern.append({"ORTH": {"IN": _HYPHENS}, "OP": "?"})
            norm = token.norm_
            inflect = norm not in exact and norm.isalpha()
            words = sorted(forms(norm) | {token.lower_}) if inflect else [norm]
            pattern.append({"NORM": {"IN": words}} if len(words) > 1 else {"NORM": words[0]})
        return pattern

    def find(self, doc) -> list[PhraseMatch]:
        from spacy.util import filter_spans

        matches = self.matcher(doc)
        spans = [doc[s:e] for _, s, e in matches]
        labels = {(s, e): int(doc.vocab.strings[m]) for m, s, e in matches}
        found = []
        for span in sorted(filter_spans(spans), key=lambda sp: sp.start):
            phrase = self.phrases[labels[(span.start, span.end)]]
            start, end = span.start_char, span.end_char
            if any(_inside(doc.text, start, end, rx) for rx in phrase.exceptions + self.global_exceptions):
                continue
            found.append(PhraseMatch(start, end, phrase))
        return found


def _inside(text: str, start: int, end: int, rx: re.Pattern) -> bool:
    return any(m.start() <= start and end <= m.end() for m in rx.finditer(text))
