"""The spaCy pipelines a daemon keeps loaded between requests.

Each request still gets new Sessions, and each Session new providers (nlpprovider.NlpProvider),
which behave as in a fresh process; only what they load is kept: a pipeline by its identity (name,
version, and its meta.json's size and time: a retrained pipeline is loaded again), and spaCy's
blank English tokenizer.
"""

from __future__ import annotations

from answerlint.nlpprovider import Pipelines


class KeptPipelines(Pipelines):
    def __init__(self) -> None:
        self._full: dict[str, object] = {}
        self._blank = None

    def full(self, model: str | None):
        from answerlint.fingerprint import pipeline_identity

        key = pipeline_identity(model)
        if key not in self._full:  # a pipeline that fails to load is tried again next time
            self._full[key] = super().full(model)
        return self._full[key]

    def blank(self):
        if self._blank is None:
            self._blank = super().blank()
        return self._blank
