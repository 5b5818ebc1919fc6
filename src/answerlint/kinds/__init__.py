"""The registry of rule kinds. A new kind is one module here plus one entry below."""

from __future__ import annotations

from answerlint.kinds.base import Kind
from answerlint.kinds.coverage import CoverageKind
from answerlint.kinds.dependency import DependencyKind
from answerlint.kinds.evidence import EvidenceKind
from answerlint.kinds.length import LengthKind
from answerlint.kinds.pattern import PatternKind
from answerlint.kinds.phrase import PhraseKind
from answerlint.kinds.readability import ReadabilityKind
from answerlint.kinds.regex import RegexKind
from answerlint.kinds.repetition import RepetitionKind
from answerlint.kinds.requirement import RequirementKind
from answerlint.kinds.sentiment import SentimentKind
from answerlint.kinds.topic import TopicKind

REGISTRY: dict[str, Kind] = {
    kind.name: kind
    for kind in (PhraseKind(), RegexKind(), LengthKind(), ReadabilityKind(), TopicKind(), PatternKind(),
                 DependencyKind(), EvidenceKind(), CoverageKind(), RepetitionKind(), RequirementKind(),
                 SentimentKind())
}


def get_kind(name: str) -> Kind | None:
    return REGISTRY.get(name)
