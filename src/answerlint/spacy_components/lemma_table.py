"""``answerlint_lemma_table``: corrects lemmas from a (word, tag) -> lemma table.

The table is built from the training treebank when the pipeline is packaged
(training/train.py): for every word form and fine-grained tag seen in EWT train,
its most frequent gold lemma.  The trainable lemmatizer still lemmatizes every
token; this component, placed after it, overrides the lemma of tokens whose
(form, tag) pair the table knows.  Measured in docs/model.md: it fixes lemmas the
edit-tree model gets wrong for known words (``better`` ADV -> ``well``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

FACTORY = "answerlint_lemma_table"
_FILE = "lemmas.json"


class LemmaTable:
    """Overwrites ``token.lemma_`` for (text, tag_) pairs found in the table."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table: dict[str, dict[str, str]] = {}  # tag -> {text: lemma}

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for tok in doc:
            by_text = table.get(tok.tag_)
            if by_text is not None:
                lemma = by_text.get(tok.text)
                if lemma is not None:
                    tok.lemma_ = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def set_table(self, entries: Iterable[tuple[str, str, str]]) -> None:
        """Set the table from (text, tag, lemma) triples."""
        table: dict[str, dict[str, str]] = {}
        for text, tag, lemma in entries:
            table.setdefault(tag, {})[text] = lemma
        self.table = table

    def __len__(self) -> int:
        return sum(len(v) for v in self.table.values())

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {tag: dict(sorted(words.items())) for tag, words in sorted(self.table.items())}
        (path / _FILE).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                  encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "LemmaTable":
        data: Any = json.loads((ensure_path(path) / _FILE).read_text(encoding="utf-8"))
        self.table = {str(tag): {str(k): str(v) for k, v in words.items()}
                      for tag, words in data.items()}
        return self


@Language.factory(FACTORY, default_config={})
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(nlp, name)
