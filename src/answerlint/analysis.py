"""Per-bank analysis shared by all rules: units of each scope, sentences, words, spaCy docs.

Everything is computed lazily and at most once per bank, so a rule that needs nothing from spaCy
never causes spaCy to be imported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from answerlint.model import ANSWER, QUESTION, Bank, Item
from answerlint.sentences import sentence_spans, word_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from answerlint.facts import Facts
    from answerlint.nlpprovider import NlpProvider


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})


def needs_parse(span) -> bool:
    """Cheap test: could a parse-aware rule match in this sentence?"""
    return span.text.rstrip().endswith("?") or any(t.norm_ in FIRST_PERSON for t in span)


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([a-z])")
_LONE_I = re.compile(r"(?<![\w'’])i(?=$|[\s'’.,;:!?])")


def tagger_case(text: str) -> str:
    """The text as the tagger reads it best, with the same length (offsets stay valid): an
    ALL-CAPS or an all-lowercase question ("HOW MUCH WILL I EARN?", "whats the pay like") is
    put in sentence case, with "I" capitalised; a text in normal case is left alone."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return text
    if all(c.isupper() for c in letters) and len(letters) > 3:
        lowered = text.lower()
        if len(lowered) != len(text):
            return text
        text = lowered
    elif not all(c.islower() for c in letters):
        return text
    text = _SENTENCE_START.sub(lambda m: m.group(0)[:-1] + m.group(1).upper(), text)
    return _LONE_I.sub("I", text)


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
        self._arrays: dict[int, tuple] = {}  # id(item) -> its tagged Doc as arrays, for parse_span
        self._facts: dict[int, "Facts"] = {}
        self._sentence_tokens: dict[int, list[list]] = {}

    def items_for(self, rule, excuse: bool = True) -> list[Item]:
        """The items a rule looks at: those of its scope, and of the answers only those its
        ``applies_to`` admits (kind and length) and none of whose facts excuses (``unless``; not
        looked at with ``excuse=False``, which needs no pipeline)."""
        items = self.items(rule.scope)
        a = rule.applies_to
        if a.everything:
            return items
        return [i for i in items if i.role != ANSWER or (
            a.admits(i.kind, len(self.words(i))) and not (excuse and any(self.facts(i).has(e) for e in a.unless)))]

    def units_for(self, rule) -> Iterator[tuple[Item, int, int]]:
        """(item, start, end) of each unit the rule looks at (sentences for sentence scope)."""
        for item in self.items_for(rule):
            if rule.scope == "sentence":
                for start, end in self.sentences(item):
                    yield item, start, end
            else:
                yield item, 0, len(item.text)

    def sentence_tokens(self, item: Item) -> list[list]:
        """The tagged tokens of each sentence of the item, in one pass over the Doc."""
        key = id(item)
        if key not in self._sentence_tokens:
            from bisect import bisect_right

            sentences = self.sentences(item)
            starts = [s for s, _ in sentences]
            out: list[list] = [[] for _ in sentences]
            for t in self.tagged(item):
                i = bisect_right(starts, t.idx) - 1
                if i >= 0 and t.idx < sentences[i][1]:
                    out[i].append(t)
            self._sentence_tokens[key] = out
        return self._sentence_tokens[key]

    def facts(self, item: Item) -> "Facts":
        """What the answer shows (a story, your actions, a result, specifics...): see facts.py."""
        key = id(item)
        if key not in self._facts:
            from answerlint.facts import answer_facts

            self._facts[key] = answer_facts(self.tagged(item), self.parsed(item), self.sentence_tokens(item),
                                            len(self.words(item)), self.bank.company)
        return self._facts[key]

    def complete(self, item: Item) -> bool:
        """Does the answer show every element its question type expects (answerkinds.py), with
        at least one hard fact (a number, a date or a name) to show they are not just claimed?"""
        from answerlint.answerkinds import BY_NAME

        if item.role != ANSWER:
            return False
        facts = self.facts(item)
        return all(facts.has(e) for e in BY_NAME[item.kind].elements) and \
            any(facts.has(e) for e in ("number", "date", "name"))

    def evidence_near(self, item: Item, start: int) -> bool:
        """Is there evidence (a number, a date, a name, an action told as an event) in the
        sentence holding ``start`` or in the next one?"""
        sentences = self.sentences(item)
        at = next((i for i, (s, e) in enumerate(sentences) if s <= start < e), None)
        if at is None:
            return False
        lo, hi = sentences[at][0], sentences[min(at + 1, len(sentences) - 1)][1]
        facts = self.facts(item)
        return any(lo <= s < hi for kind in ("number", "date", "name", "narrated")
                   for s, _ in facts[kind])

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
            tagged = self._tagged.get(key)
            if tagged is not None and tagged.text == item.text and self.nlp.shares_tokenizer:
                self._tokens[key] = tagged  # the pipeline's tokens: the same as the tokenizer's
            else:
                self._tokens[key] = self.nlp.tokenizer(item.text)
        return self._tokens[key]

    def _tagger_input(self, item: Item):
        """What the tagger reads: the item's Doc of :meth:`tokens` when it has one from the
        pipeline's own tokenizer (each item is tokenized once), else its text in tagger case."""
        text = tagger_case(item.text)
        doc = self._tokens.get(id(item))
        if doc is not None and text == item.text and self.nlp.shares_tokenizer:
            return doc
        return text

    def tagged(self, item: Item) -> "Doc":
        """The item run through the full pipeline except the parser (tags, morphology, lemmas,
        entities). The parser, the costly part, runs only on sentences that need it: see
        :meth:`parsed`."""
        key = id(item)
        if key not in self._tagged:
            self._tagged[key] = self.nlp.tag(self._tagger_input(item))
        return self._tagged[key]

    def prefetch(self, items: list[Item], parse: list[Item] = ()) -> None:
        """Tag ``items`` (and parse the candidate sentences of ``parse``) now, in batches through
        ``nlp.pipe``, rather than one pipeline call per item when a rule first asks. The Docs are
        those :meth:`tagged` and :meth:`parsed` would give one at a time."""
        todo: dict[int, Item] = {}
        for item in items:
            if id(item) not in self._tagged:
                todo.setdefault(id(item), item)
        if todo:
            docs = self.nlp.tag_many([self._tagger_input(i) for i in todo.values()])
            self._tagged.update(zip(todo, docs))
        unparsed: dict[int, Item] = {}
        for item in parse:
            if id(item) not in self._parsed:
                unparsed.setdefault(id(item), item)
        if not unparsed:
            return
        spans = [(key, span) for key, item in unparsed.items() for span in self._candidates(item)]
        parsed = self.nlp.parse_spans([span for _, span in spans]) if spans else []
        for key in unparsed:
            self._parsed[key] = []
        for (key, _), doc in zip(spans, parsed):
            self._parsed[key].append(doc)

    def _candidates(self, item: Item) -> list:
        """The sentences of the item that :meth:`parsed` parses, as spans of its tagged Doc."""
        doc = self.tagged(item)
        out = []
        for start, end in self.sentences(item):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (self.nlp.parse_all or needs_parse(span)):
                out.append(span)
        return out

    def parsed(self, item: Item) -> list["Doc"]:
        """Parsed sentences of the item that a parse-aware rule may need: those with a
        first-person word, and questions. Each is a Doc of its own; ``doc.user_data["offset"]``
        is where it starts in the item's text."""
        key = id(item)
        if key not in self._parsed:
            self._parsed[key] = self.nlp.parse_spans(self._candidates(item), self._doc_arrays(item))
        return self._parsed[key]

    def parsed_at(self, item: Item, start: int, end: int) -> "Doc | None":
        """The parsed sentence holding item[start:end], parsing it now if it was not selected."""
        for sent in self.parsed(item):
            if sent.user_data["offset"] <= start and end <= sent.user_data["end"]:
                return sent
        for s, e in self.sentences(item):
            if s <= start and end <= e:
                key = (id(item), s)
                if key not in self._parsed_extra:
                    span = self.tagged(item).char_span(s, e, alignment_mode="expand")
                    self._parsed_extra[key] = (self.nlp.parse_span(span, self._doc_arrays(item))
                                               if span is not None else None)
                return self._parsed_extra[key]
        return None

    def _doc_arrays(self, item: Item) -> tuple:
        key = id(item)
        if key not in self._arrays:
            self._arrays[key] = self.nlp.doc_arrays(self.tagged(item))
        return self._arrays[key]

    def token_table(self, item: Item) -> list[tuple[str, int, int, bool]]:
        """The item's tokens as (norm, start, end, skippable) tuples, for phrase matching."""
        key = id(item)
        if key not in self._tables:
            from answerlint.kinds.phrases import token_table

            self._tables[key] = token_table(self.tokens(item))
        return self._tables[key]
