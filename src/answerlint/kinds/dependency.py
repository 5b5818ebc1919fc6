"""Kind ``dependency``: spaCy DependencyMatcher patterns over the UD parse of a sentence."""

from __future__ import annotations

from answerlint.kinds.base import NEEDS_PARSE, Kind
from answerlint.facts import is_number
from answerlint.kinds.pattern import MATCH_OPTIONS
from answerlint.kinds.prefilter import DocWords, Gate, dependency_requirements, gates_attrs
from answerlint.kinds.suggest import rewrite_suggestion
from answerlint.kinds.tokenpatterns import check_dependency_pattern, expand
from answerlint.model import RawFinding
from answerlint.schema import AnyMap, Enum, Field, ListOf, Str, Struct

# Children of the reported token that belong to the reported phrase ("very detail-focused").
PHRASE_DEPS = frozenset({"compound", "amod", "advmod", "npadvmod", "obl:npmod", "flat", "fixed", "punct"})


class DependencyKind(Kind):
    name = "dependency"
    needs = NEEDS_PARSE
    requires_labels = "ud"
    span_level = "phrase"
    default_message = "'{match}': {advice}"
    placeholders = ("match", "advice", "trait")
    scopes = ("answer", "question", "item", "sentence")
    options = Struct({
        "patterns": Field(ListOf(ListOf(AnyMap(), min_items=1), min_items=1), required=True,
                          doc="DependencyMatcher patterns (UD labels)"),
        **MATCH_OPTIONS,
        "report": Field(Str(), doc="the node reported (default: the first node)"),
        "extent": Field(Enum("token", "phrase", "sentence"), default="phrase",
                        doc="what the finding covers: the node, its phrase, or the sentence"),
    })

    def validate(self, rule, fail) -> None:
        lexicons = rule.options["lexicons"]
        report = rule.options.get("report")
        for p, pattern in enumerate(rule.options["patterns"]):
            names = check_dependency_pattern(pattern, lexicons, lambda problem: fail(problem, "options"),
                                             f"pattern {p + 1}")
            if report is not None and report not in names:
                fail(f"pattern {p + 1} has no node '{report}' to report", "options")

    def prepare(self, rule, nlp):
        from spacy.matcher import DependencyMatcher

        vocab = nlp.full().vocab
        matchers = []  # (gate, matcher), one per pattern, in the order of the patterns
        reported: dict[int, int] = {}  # match key -> index of the reported node
        for i, pattern in enumerate(rule.options["patterns"]):
            pattern = expand(pattern, rule.options["lexicons"])
            key = f"{rule.id}#{i}"
            matcher = DependencyMatcher(vocab, validate=True)
            matcher.add(key, [pattern])
            requirements = dependency_requirements(pattern)
            matchers.append((Gate.of(requirements) if requirements else None, matcher))
            ids = [node["RIGHT_ID"] for node in pattern]
            report = rule.options.get("report")
            reported[vocab.strings[key]] = ids.index(report) if report in ids else 0
        return tuple(matchers), reported

    def check(self, rule, compiled, analysis):
        matchers, reported = compiled
        for item in analysis.items_for(rule):
            seen: list[tuple[int, int]] = []
            for sent in analysis.parsed(item):
                offset = sent.user_data["offset"]
                if rule.options["unless_number"] and any(is_number(t) for t in sent):
                    continue
                for match_id, token_ids in sorted(dependency_matches(matchers, sent), key=lambda m: min(m[1])):
                    token = sent[token_ids[reported[match_id]]]
                    if negated(token):
                        continue  # "I am not a perfectionist" claims nothing
                    start, end = phrase_extent(sent, token, rule.options["extent"])
                    key = (offset + start, offset + end)
                    if any(s < key[1] and key[0] < e for s, e in seen):
                        continue
                    seen.append(key)
                    text = item.text[key[0]:key[1]]
                    message = rule.message.format(match=text, advice=rule.options["advice"], trait=token.lemma_)
                    suggestions = (rewrite_suggestion(analysis, item, key[0], key[1], rule.options["verbs"])
                                   if rule.options["rewrite"] else ())
                    yield RawFinding(rule.id, message, key[0], key[1], item, suggestions)


def dependency_matches(matchers, sent) -> list:
    """(match key, token ids) of the patterns that match in ``sent``, as one DependencyMatcher of
    all of them gives them: pattern by pattern, in order. A pattern whose words the sentence lacks
    is not run. Sorted by first token, as ``check`` does, the list is the same: matches of one
    pattern with the same first token share a tree root, and so come in the same order."""
    gates = [gate for gate, _ in matchers if gate is not None]
    words = DocWords(sent, gates_attrs(gates)) if gates else None
    return [m for gate, matcher in matchers if gate is None or gate.admits(words) for m in matcher(sent)]


_HYPHENS = frozenset("-‐‑–")


_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def negated(token) -> bool:
    """Is the claim around ``token`` negated ("I'm not a perfectionist", "never been lazy")?"""
    for node in (token, token.head):
        if any(c.dep_ in ("neg", "advmod", "det") and c.lower_ in _NEGATIONS for c in node.children):
            return True
    return False


def phrase_extent(sent, token, extent: str = "phrase") -> tuple[int, int]:
    """Character span (in ``sent``) of the token, its sentence, or the token with the modifiers
    written just before it ("team player", "detail-focused", "self-starter")."""
    if extent == "sentence":
        return 0, len(sent.text.rstrip())
    first = token.i
    if extent == "phrase":
        run = {token.i}
        while first > 0:
            prev = sent[first - 1]
            hyphenated = prev.text in _HYPHENS and not prev.whitespace_ and first >= 2 \
                and not sent[first - 2].whitespace_ and sent[first - 2].is_alpha
            if hyphenated:  # "self-starter": the parser may hang "self" anywhere; the text joins them
                run.update({prev.i, prev.i - 1})
                first -= 2
                continue
            joined = prev.head.i in run and prev.dep_ in PHRASE_DEPS and prev.dep_ != "advmod" \
                and not prev.is_punct
            if not joined:
                break
            run.add(prev.i)
            first -= 1
    return sent[first].idx, token.idx + len(token.text)
