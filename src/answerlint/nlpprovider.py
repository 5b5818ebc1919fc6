"""Loads spaCy lazily, once per provider: a blank English tokenizer, or the full pipeline."""

from __future__ import annotations

from typing import Any


class Pipelines:
    """Where providers get their spaCy objects: loaded afresh for each call. ``answerlint daemon``
    hands its Sessions one that keeps them loaded between runs (daemon/pipelines.py)."""

    def full(self, model: str | None):
        """The pipeline ``model`` (None: the bundled one), its tokenizer bounded; raises
        nlp.PipelineError if it cannot be loaded."""
        from answerlint.nlp import load_pipeline
        from answerlint.tokenizing import bound

        return bound(load_pipeline(model))

    def blank(self):
        """spaCy's English tokenizer keeping the bundled pipeline's whole words, bounded."""
        import spacy  # deferred: spaCy costs about a second to import

        from answerlint.tokenizing import bound, keep_whole_words

        blank = spacy.blank("en")
        keep_whole_words(blank)
        return bound(blank)


class NlpProvider:
    """Owns the spaCy objects of one run. Nothing is imported until a rule asks for it.
    ``pipelines``: where they come from (by default loaded afresh)."""

    def __init__(self, model: str | None = None, parse_all: bool = False,
                 pipelines: Pipelines | None = None) -> None:
        self.model = model
        self.parse_all = parse_all  # parse every sentence (for benchmarks), not only candidates
        self.pipelines = pipelines or Pipelines()
        self._blank: Any = None
        self._full: Any = None
        self._scheme: str | None = None

    def blank(self):
        """What rules that need no tags tokenize with: spaCy's English tokenizer keeping the
        bundled pipeline's whole words, so it tokenizes as that pipeline does; once the bundled
        pipeline is loaded, its own (a second English tokenizer costs 0.15-0.35 s to build)."""
        if self._blank is None:
            from answerlint.nlp import is_bundled

            if self._full is not None and is_bundled(self.model):
                self._blank = self._full
            else:
                self._blank = self.pipelines.blank()
        return self._blank

    def tokenizer(self, text: str):
        return self.blank().tokenizer(text)

    @property
    def shares_tokenizer(self) -> bool:
        """Do rules that need no tags tokenize with the loaded pipeline's own tokenizer, so that
        a Doc of :meth:`tokenizer` can be tagged as it is?"""
        return self._full is not None and self.blank() is self._full

    def full(self):
        """The full pipeline (bundled unless a model was chosen); raises ConfigError if it fails."""
        if self._full is None:
            from answerlint.errors import ConfigError
            from answerlint.nlp import PipelineError

            try:
                self._full = self.pipelines.full(self.model)
            except PipelineError as exc:
                raise ConfigError(str(exc)) from None
        return self._full

    def tag(self, text):
        """Everything but the parser: tags, morphology, lemmas, entities (of a text, or of a Doc
        of this pipeline's tokenizer)."""
        from answerlint.blas import one_thread

        nlp = self.full()
        with one_thread():
            return nlp(text, disable=[p for p in ("parser",) if p in nlp.pipe_names])

    def tag_many(self, texts: list, batch_size: int = 64) -> list:
        """:meth:`tag` for many texts at once, batched through ``nlp.pipe`` (the same Docs)."""
        from answerlint.blas import one_thread

        nlp = self.full()
        with one_thread():
            return list(nlp.pipe(texts, batch_size=batch_size,
                                 disable=[p for p in ("parser",) if p in nlp.pipe_names]))

    def parse_span(self, span, arrays: tuple | None = None):
        """A sentence of a tagged Doc as a Doc of its own, parsed (reusing the tok2vec output)."""
        return self.parse_spans([span], arrays)[0]

    def parse_spans(self, spans: list, arrays: tuple | None = None, batch_size: int = 64) -> list:
        """:meth:`parse_span` for many sentences at once, batched through the parser's ``pipe``.
        ``arrays``: ``doc_arrays`` of the Doc all the spans come from, if the caller has it; else
        computed once per Doc (spaCy would otherwise copy the whole Doc into an array for each
        sentence: quadratic in its length)."""
        if not spans:
            return []
        per_doc: dict[int, tuple] = {}
        docs = []
        for span in spans:
            if arrays is not None:
                head, array = arrays
            else:
                if id(span.doc) not in per_doc:
                    per_doc[id(span.doc)] = self.doc_arrays(span.doc)
                head, array = per_doc[id(span.doc)]
            saved = array[span.start:span.end].copy()  # as_doc edits its slice of the array in place
            docs.append(span.as_doc(array_head=head, array=array))
            array[span.start:span.end] = saved
        nlp = self.full()
        if "parser" in nlp.pipe_names:
            from answerlint.blas import one_thread

            with one_thread():
                docs = list(nlp.get_pipe("parser").pipe(docs, batch_size=batch_size))
        for doc, span in zip(docs, spans):
            doc.user_data["offset"] = span.start_char
            doc.user_data["end"] = span.end_char
        return docs

    @staticmethod
    def doc_arrays(doc) -> tuple:
        """What :meth:`parse_span` needs from the whole Doc, computed once per Doc."""
        head = doc._get_array_attrs()
        return head, doc.to_array(head)

    @property
    def has_parser(self) -> bool:
        return "parser" in self.full().pipe_names

    def label_scheme(self) -> str:
        if self._scheme is None:
            from answerlint.nlp import label_scheme

            self._scheme = label_scheme(self.full())
        return self._scheme

    @property
    def loaded(self) -> bool:
        return self._blank is not None or self._full is not None
