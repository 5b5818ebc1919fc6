"""Per-bank analysis shared by all rules: units of each scope, sentences, words, spaCy docs.

Everything is computed lazily and at most once per bank, so a rule that needs nothing from spaCy
never causes spaCy to be imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from answerlint.model import ANSWER, QUESTION, Bank, Item
from answerlint.sentences import sentence_spans, word_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answerlint.nlpprovider import NlpProvider


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})


def needs_parse(span) -> bool:
    """Cheap test: could a parse-aware rule match in this sentence?"""
    return span.text.rstrip().endswith("?") or any(t.norm_ in FIRST_PERSON for t in span)


class Analysis:
    def __init__(self, bank: Bank, nlp: "NlpProvider", words_per_minute: float = 150) -> None:
        self.bank = bank
        self.nlp = nlp
        self.words_per_minute = words_per_minute
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._words: dict[int, list[tuple[int, int]]] = {}
        self._tokens: dict[int, "Doc"] = {}
        self._tables: dict[int, list] = {}
        self._tagged: dict[int, "Doc"] = {}
        self._parsed: dict[int, list["Doc"]] = {}
        self._parsed_extra: dict[tuple[int, int], "Doc | None"] = {}

    def items(self, scope: str) -> list[Item]:
        """The items a rule of ``scope`` looks at (sentence scope: every item)."""
        if scope == "answer":
            return [i for i in self.bank.items if i.role == ANSWER]
        if scope == "question":
            return [i for i in self.bank.items if i.role == QUESTION]
        return list(self.bank.items)

    def sentences(self, item: Item) -> list[tuple[int, int]]:
        key = id(item)
        if key not in self._sentences:
            self._sentences[key] = sentence_spans(item.text)
        return self._sentences[key]

    def words(self, item: Item) -> list[tuple[int, int]]:
        key = id(item)
        if key not in self._words:
            self._words[key] = word_spans(item.text)
        return self._words[key]

    def units(self, scope: str) -> Iterator[tuple[Item, int, int]]:
        """(item, start, end) for each unit: a whole item, or a sentence for sentence scope."""
        for item in self.items(scope):
            if scope == "sentence":
                for start, end in self.sentences(item):
                    yield item, start, end
            else:
                yield item, 0, len(item.text)

    def tokens(self, item: Item) -> "Doc":
        """The item's text tokenized by spaCy's English tokenizer (no tagging)."""
        key = id(item)
        if key not in self._tokens:
            self._tokens[key] = self.nlp.tokenizer(item.text)
        return self._tokens[key]

    def tagged(self, item: Item) -> "Doc":
        """The item run through the full pipeline except the parser (tags, morphology, lemmas,
        entities). The parser, the costly part, runs only on sentences that need it: see
        :meth:`parsed`."""
        key = id(item)
        if key not in self._tagged:
            self._tagged[key] = self.nlp.tag(item.text)
        return self._tagged[key]

    def parsed(self, item: Item) -> list["Doc"]:
        """Parsed sentences of the item that a parse-aware rule may need: those with a
        first-person word, and questions. Each is a Doc of its own; ``doc.user_data["offset"]``
        is where it starts in the item's text."""
        key = id(item)
        if key not in self._parsed:
            doc = self.tagged(item)
            out = []
            for start, end in self.sentences(item):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and (self.nlp.parse_all or needs_parse(span)):
                    out.append(self.nlp.parse_span(span))
            self._parsed[key] = out
        return self._parsed[key]

    def parsed_at(self, item: Item, start: int, end: int) -> "Doc | None":
        """The parsed sentence holding item[start:end], parsing it now if it was not selected."""
        for sent in self.parsed(item):
            offset = sent.user_data["offset"]
            if offset <= start and end <= offset + len(sent.text):
                return sent
        for s, e in self.sentences(item):
            if s <= start and end <= e:
                key = (id(item), s)
                if key not in self._parsed_extra:
                    span = self.tagged(item).char_span(s, e, alignment_mode="expand")
                    self._parsed_extra[key] = self.nlp.parse_span(span) if span is not None else None
                return self._parsed_extra[key]
        return None

    def token_table(self, item: Item) -> list[tuple[str, int, int, bool]]:
        """The item's tokens as (norm, start, end, skippable) tuples, for phrase matching."""
        key = id(item)
        if key not in self._tables:
            from answerlint.kinds.phrases import token_table

            self._tables[key] = token_table(self.tokens(item))
        return self._tables[key]
