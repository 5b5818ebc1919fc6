"""What every rule kind provides (yamllint-style: an options schema, defaults and ``check``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from answerlint.schema import Struct

if TYPE_CHECKING:
    from answerlint.analysis import Analysis
    from answerlint.model import RawFinding
    from answerlint.nlpprovider import NlpProvider
    from answerlint.rules import Rule

# What a kind needs from spaCy, cheapest first.
NEEDS_NOTHING = "none"
NEEDS_TOKENS = "tokens"  # a blank English tokenizer
NEEDS_TAGS = "tags"  # the pipeline without the parser: tags, morphology, lemmas, entities
NEEDS_PARSE = "parse"  # the full pipeline with the dependency parse (UD labels)


class Kind:
    name: str = ""
    needs: str = NEEDS_NOTHING
    options: Struct = Struct({})
    scopes: tuple[str, ...] = ("answer", "question", "item", "sentence", "bank")
    default_scope: str = "item"
    default_message: str = "{match}"
    # "phrase": findings cover a few words, and one inside another of the same level is merged
    # into it; "unit": findings cover a sentence, an answer or a section.
    span_level: str = "unit"
    placeholders: tuple[str, ...] = ("match",)

    def prepare(self, rule: "Rule", nlp: "NlpProvider") -> object:
        """Compile the rule's options once per run (regexes, matchers); passed to ``check``."""
        return None

    def check(self, rule: "Rule", compiled: object, analysis: "Analysis") -> Iterator["RawFinding"]:
        raise NotImplementedError

    def validate(self, rule: "Rule", fail) -> None:
        """Extra checks beyond the options schema; call ``fail(problem, key)`` on an error."""
