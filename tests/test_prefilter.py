"""The prefilter that skips a matcher on a Doc lacking the words a pattern needs (kinds/prefilter.py):
what counts as a requirement, and that gated matchers find exactly what one plain matcher finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from answerlint.kinds.dependency import DependencyKind, dependency_matches
from answerlint.kinds.pattern import PatternKind
from answerlint.kinds.prefilter import (DocWords, Gate, dependency_requirements, pattern_requirements,
                                        required_token, token_requirements)
from answerlint.rules import Rule


@pytest.mark.parametrize("op, required", [
    (None, True), ("+", True), ("{1}", True), ("{2}", True), ("{1,3}", True), ("{2,}", True),
    ("?", False), ("*", False), ("!", False), ("{,3}", False), ("{0,2}", False), ("{0}", False),
])
def test_required_token(op, required):
    assert required_token(op) is required


def test_literal_requirements():
    assert token_requirements({"LOWER": "responsible"}) == [("LOWER", frozenset({"responsible"}))]
    assert token_requirements({"LOWER": {"IN": ["a", "an"]}, "OP": "+"}) == [("LOWER", frozenset({"a", "an"}))]
    assert token_requirements({"LEMMA": "be"}) == [("LEMMA", frozenset({"be"}))]
    assert token_requirements({"TEXT": "I"}) == [("ORTH", frozenset({"I"}))]
    assert token_requirements({"NORM": "am", "POS": "AUX"}) == [("NORM", frozenset({"am"}))]
    # both attributes of one token are required
    assert token_requirements({"LOWER": "get", "LEMMA": "get"}) == [
        ("LOWER", frozenset({"get"})), ("LEMMA", frozenset({"get"}))]


@pytest.mark.parametrize("token", [
    {"LOWER": "so", "OP": "?"},  # optional
    {"LOWER": {"IN": ["really", "very"]}, "OP": "*"},  # optional
    {"LOWER": "not", "OP": "!"},  # negated: requires the word's absence
    {"LOWER": {"NOT_IN": ["times", "ways"]}},  # negated list
    {"LOWER": {"REGEX": "^ab"}},
    {"LOWER": {"FUZZY": "manager"}},
    {"POS": "NOUN", "TAG": "NNS"},  # no literal attribute
    {"LENGTH": {">=": 3}},
])
def test_no_requirement(token):
    assert token_requirements(token) == []


def test_pattern_and_dependency_requirements():
    pattern = [{"LOWER": {"IN": ["my", "our"]}}, {"POS": "ADJ", "OP": "?"}, {"LOWER": "health", "OP": "?"},
               {"LOWER": {"IN": ["problems", "issues"]}}]
    assert pattern_requirements(pattern) == [("LOWER", frozenset({"my", "our"})),
                                             ("LOWER", frozenset({"problems", "issues"}))]
    nodes = [{"RIGHT_ID": "trait", "RIGHT_ATTRS": {"LOWER": {"IN": ["reliable"]}}},
             {"LEFT_ID": "trait", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}},
             {"LEFT_ID": "trait", "REL_OP": ">", "RIGHT_ID": "be", "RIGHT_ATTRS": {"LEMMA": "be"}}]
    assert dependency_requirements(nodes) == [("LOWER", frozenset({"reliable"})), ("LEMMA", frozenset({"be"}))]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def doc_of(nlp, words, lemmas=None, **kwargs):
    return Doc(nlp.vocab, words=words, lemmas=lemmas or [w.lower() for w in words], **kwargs)


def test_gate_reads_lemma_and_lower_apart(nlp):
    doc = doc_of(nlp, ["I", "was", "there"], lemmas=["I", "be", "there"])
    lemma_be = Gate.of([("LEMMA", {"be"})])
    lower_be = Gate.of([("LOWER", {"be"})])
    words = DocWords(doc, lemma_be.attrs | lower_be.attrs)
    assert lemma_be.admits(words)
    assert not lower_be.admits(words)
    assert Gate.of([("LOWER", {"i"})]).admits(DocWords(doc, Gate.of([("LOWER", {"i"})]).attrs))
    assert not Gate.of([("ORTH", {"i"})]).admits(DocWords(doc, Gate.of([("ORTH", {"i"})]).attrs))


def test_gate_needs_every_requirement_and_one_word_of_each(nlp):
    doc = doc_of(nlp, ["a", "lot", "of", "customers"])
    gate = Gate.of([("LOWER", {"a", "an"}), ("LOWER", {"lot", "ton"})])
    assert gate.admits(DocWords(doc, gate.attrs))
    gate = Gate.of([("LOWER", {"a", "an"}), ("LOWER", {"bunch"})])
    assert not gate.admits(DocWords(doc, gate.attrs))
    assert gate.admits(DocWords(doc_of(nlp, ["bunch", "an"]), gate.attrs))
    assert not gate.admits(DocWords(doc_of(nlp, []), gate.attrs))


class _Provider:
    def __init__(self, nlp):
        self._nlp = nlp

    def full(self):
        return self._nlp


PATTERNS = [
    [{"LOWER": "very", "OP": "?"}, {"LOWER": "good"}],  # the optional word must not gate
    [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["lot", "ton"]}}, {"LOWER": "of"}, {"IS_ALPHA": True}],
    [{"LOWER": "not", "OP": "!"}, {"LEMMA": "like"}],  # negated word: no requirement from it
    [{"LEMMA": "be"}, {"LOWER": {"IN": ["really", "so"]}, "OP": "*"}, {"LOWER": "tired"}],
    [{"IS_TITLE": True}, {"IS_TITLE": True}],  # no literal: always runs
]

TEXTS = [
    "good work", "very good work", "it was a lot of fun", "a ton of fun and a lot of work",
    "I like it", "I do not like it", "I was really so tired", "she is tired", "tired of it",
    "New York", "nothing here at all", "",
]


def _rule(kind, patterns):
    return Rule(id="test/rule", pack="test", kind=kind, severity="warning", summary="", rationale="",
                message="{match}", scope="answer", enabled=True,
                options={"patterns": patterns, "lexicons": {}}, examples=(), source="test.yaml", line=1)


def test_gated_pattern_matchers_find_what_one_matcher_finds(nlp):
    rule = _rule("pattern", PATTERNS)
    gated = PatternKind().prepare(rule, _Provider(nlp))
    plain = Matcher(nlp.vocab, validate=True)
    plain.add("test/rule", PATTERNS)
    for text in TEXTS:
        words = text.split()
        lemmas = ["be" if w in ("was", "is") else w.lower() for w in words]
        doc = doc_of(nlp, words, lemmas)
        got = [(s.start, s.end, s.label_) for s in filter_spans(gated.spans(doc))]
        want = [(s.start, s.end, s.label_) for s in filter_spans(plain(doc, as_spans=True))]
        assert got == want, text
    # the optional "very" does not gate the first pattern away from "good work"
    assert [(s.start, s.end) for s in gated.spans(doc_of(nlp, ["good", "work"]))] == [(0, 1)]


DEP_PATTERNS = [
    [{"RIGHT_ID": "trait", "RIGHT_ATTRS": {"LOWER": {"IN": ["reliable", "calm"]}}},
     {"LEFT_ID": "trait", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}}],
    [{"RIGHT_ID": "trait", "RIGHT_ATTRS": {"POS": "ADJ"}},
     {"LEFT_ID": "trait", "REL_OP": ">", "RIGHT_ID": "be", "RIGHT_ATTRS": {"LEMMA": "be"}}],
    [{"RIGHT_ID": "trait", "RIGHT_ATTRS": {"DEP": "ROOT"}},
     {"LEFT_ID": "trait", "REL_OP": ">", "RIGHT_ID": "any", "RIGHT_ATTRS": {}}],
]


def test_gated_dependency_matchers_give_the_same_list(nlp):
    rule = _rule("dependency", DEP_PATTERNS)
    matchers, _ = DependencyKind().prepare(rule, _Provider(nlp))
    plain = DependencyMatcher(nlp.vocab, validate=True)
    for i, pattern in enumerate(DEP_PATTERNS):
        plain.add(f"test/rule#{i}", [pattern])
    docs = [
        # "I am reliable and calm": am -> reliable (cop), I -> reliable (nsubj), calm conj of reliable
        Doc(nlp.vocab, words=["I", "am", "reliable", "and", "calm"], lemmas=["I", "be", "reliable", "and", "calm"],
            heads=[2, 2, 2, 4, 2], deps=["nsubj", "cop", "ROOT", "cc", "conj"],
            pos=["PRON", "AUX", "ADJ", "CCONJ", "ADJ"]),
        Doc(nlp.vocab, words=["She", "is", "calm", "."], lemmas=["she", "be", "calm", "."],
            heads=[2, 2, 2, 2], deps=["nsubj", "cop", "ROOT", "punct"], pos=["PRON", "AUX", "ADJ", "PUNCT"]),
        Doc(nlp.vocab, words=["Go", "home"], lemmas=["go", "home"], heads=[0, 0], deps=["ROOT", "obj"],
            pos=["VERB", "NOUN"]),
    ]
    for doc in docs:
        def key(m):
            return min(m[1])
        assert sorted(dependency_matches(matchers, doc), key=key) == sorted(plain(doc), key=key)
    # the third Doc has neither "reliable"/"calm" nor lemma "be": only the ungated pattern runs
    assert {nlp.vocab.strings[k] for k, _ in dependency_matches(matchers, docs[2])} == {"test/rule#2"}
