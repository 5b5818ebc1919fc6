"""What a daemon keeps between requests: loaded spaCy pipelines, rules parsed from pack texts, and
compiled rules of the kinds that need nothing of spaCy (see resident.py).

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


class KeptPacks:
    """packs.parse_pack, remembering the rules of the last pack texts it parsed (by path and
    text: an edited pack is parsed again; Rules are immutable)."""

    LIMIT = 256

    def __init__(self) -> None:
        self._parsed: dict[tuple[str, str], list] = {}

    def __call__(self, path, text: str) -> list:
        from answerlint.packs import parse_pack

        key = (str(path), text)
        if key not in self._parsed:
            if len(self._parsed) >= self.LIMIT:
                self._parsed.pop(next(iter(self._parsed)))
            self._parsed[key] = parse_pack(path, text)
        return list(self._parsed[key])


class KeptCompiled(dict):
    """Compiled rules by fingerprint (engine.Linter's ``kept``), the oldest forgotten past LIMIT."""

    LIMIT = 4096

    def __setitem__(self, key, value) -> None:
        if key not in self and len(self) >= self.LIMIT:
            del self[next(iter(self))]
        super().__setitem__(key, value)


def resident():
    """The :class:`answerlint.resident.Resident` a daemon hands to every command it runs."""
    from answerlint.resident import Resident

    return Resident(KeptPipelines(), KeptPacks(), KeptCompiled())
