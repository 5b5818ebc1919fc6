"""Loads spaCy lazily, once per provider: a blank English tokenizer, or the full pipeline."""

from __future__ import annotations

from typing import Any


class NlpProvider:
    """Owns the spaCy objects of one run. Nothing is imported until a rule asks for it."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._blank: Any = None
        self._full: Any = None

    def blank(self):
        if self._blank is None:
            import spacy  # deferred: spaCy costs about a second to import

            self._blank = spacy.blank("en")
        return self._blank

    def tokenizer(self, text: str):
        return self.blank().tokenizer(text)

    def full(self):
        if self._full is None:
            from answerlint.nlp import load_pipeline

            self._full = load_pipeline(self.model)
        return self._full

    @property
    def loaded(self) -> bool:
        return self._blank is not None or self._full is not None
