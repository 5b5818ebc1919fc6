"""The registry of rule kinds. A new kind is one module here plus one entry below."""

from __future__ import annotations

from answerlint.kinds.base import Kind
from answerlint.kinds.length import LengthKind
from answerlint.kinds.phrase import PhraseKind
from answerlint.kinds.readability import ReadabilityKind
from answerlint.kinds.regex import RegexKind
from answerlint.kinds.topic import TopicKind

REGISTRY: dict[str, Kind] = {
    kind.name: kind
    for kind in (PhraseKind(), RegexKind(), LengthKind(), ReadabilityKind(), TopicKind())
}


def get_kind(name: str) -> Kind | None:
    return REGISTRY.get(name)
