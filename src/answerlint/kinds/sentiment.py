"""Kind ``sentiment``: a negative judgement whose target is one of the rule's targets.

Polarity comes from the VADER sentiment lexicon (vaderSentiment, MIT: about 7,500 words rated by
people), tuned per rule (``negative`` adds words, ``not_negative`` drops events and facts such as
"missed" or "laid off"). The target comes from the sentence's parse: the subject of a negative
predicate ("my old manager was a nightmare", "they never listened"), the noun a negative word
modifies ("a toxic team"), or the object of a negative verb of the candidate's ("I hated that
job"); a pronoun ("they", "she", "it") stands for a target named in the same or one of the two
sentences before. A feeling (``states``: angry, worried ...) that the target has describes a
situation, not a judgement ("the client was angry"); the candidate's feeling about a target is
one ("I was fed up with management").
"""

from __future__ import annotations

from importlib import resources

from answerlint.facts import subject_of
from answerlint.kinds.base import NEEDS_PARSE, Kind
from answerlint.model import RawFinding
from answerlint.schema import Field, ListOf, Num, Str, Struct

_OWNERS = frozenset({"my", "our", "the", "that", "this", "those", "these", "his", "her", "their", "its", "whole", "entire", "old", "former", "previous", "last", "current"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "hardly", "barely"})
_JUDGED = ("ADJ", "NOUN", "VERB", "PROPN")


def vader_lexicon() -> dict[str, float]:
    """word -> mean valence (-4 .. 4), as shipped by vaderSentiment."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


class SentimentKind(Kind):
    name = "sentiment"
    needs = NEEDS_PARSE
    span_level = "phrase"
    default_message = "'{match}' speaks badly of {target}: {advice}"
    placeholders = ("match", "target", "advice", "word")
    scopes = ("answer", "item", "sentence")
    default_scope = "answer"
    options = Struct({
        "targets": Field(ListOf(Str(), min_items=1), required=True,
                         doc="lemmas of what may not be judged (manager, company, job ...)"),
        "pronouns": Field(ListOf(Str()), default=list,
                          doc="pronouns that stand for a target named just before, or by the question "
                              "(they, she, it, there)"),
        "negative": Field(ListOf(Str()), default=list, doc="words to treat as negative beyond the lexicon"),
        "not_negative": Field(ListOf(Str()), default=list,
                              doc="lexicon words that are events or facts here, not judgements"),
        "states": Field(ListOf(Str()), default=list,
                        doc="feelings: judgements only when they are the candidate's about a target"),
        "expected": Field(ListOf(Str()), default=list,
                          doc="verbs whose negation by a target is a complaint (listen, support)"),
        "threshold": Field(Num(minimum=None), default=-1.0,
                           doc="lexicon valence at or below which a word is negative"),
        "positive": Field(Num(minimum=None), default=1.0,
                          doc="lexicon valence at or above which a negated word is a complaint"),
        "advice": Field(Str(), default="say what you want next instead of what was wrong.",
                        doc="text for {advice}"),
    })

    def prepare(self, rule, nlp):
        o = rule.options
        lexicon = vader_lexicon()
        lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
        return {
            "lexicon": lexicon, "targets": lower(o["targets"]), "pronouns": lower(o["pronouns"]),
            "negative": lower(o["negative"]), "not_negative": lower(o["not_negative"]),
            "states": lower(o["states"]), "expected": lower(o["expected"]),
            "threshold": o["threshold"], "positive": o["positive"],
        }

    def check(self, rule, c, analysis):
        for item in analysis.items_for(rule):
            # sentence numbers that named a target; -1: the question did ("your previous boss")
            recent: list[int] = [-1] if self._question_names_target(item, c) else []
            for number, ((start, end), tokens) in enumerate(zip(analysis.sentences(item),
                                                                analysis.sentence_tokens(item))):
                named = any(self._target_noun(t, c) for t in tokens)
                refers = any(n >= number - 2 for n in recent)
                if named:
                    recent.append(number)
                if not named and not (refers and any(t.lower_ in c["pronouns"] for t in tokens)):
                    continue
                sent = analysis.parsed_at(item, start, end)
                if sent is None:
                    continue
                offset = sent.user_data.get("offset", start)
                for hit in self._judgements(sent, c, refers or named):
                    target, word = hit
                    first = target if word.i < target.i else phrase_start(target)
                    s = offset + min(first.idx, word.idx)
                    e = offset + max(target.idx + len(target.text), word.idx + len(word.text))
                    message = rule.message.format(match=item.text[s:e], target=_phrase(target),
                                                  advice=rule.options["advice"], word=word.text)
                    yield RawFinding(rule.id, message, s, e, item)
                    break  # one finding per sentence

    def _judgements(self, sent, c, pronouns_ok: bool):
        for word in sent:
            if word.pos_ not in _JUDGED:
                continue
            polarity = self._polarity(word, c)
            if polarity is None or _conditional(word) or _fit(word):
                continue
            for target, relation in (*_targets_of(word), *_copula_before(word)):
                if not self._is_target(target, c, pronouns_ok):
                    continue
                # a target's own feeling describes a situation ("the client was angry"); the
                # candidate's feeling about a target is a judgement ("I was fed up with management")
                if (polarity == "state") == (relation == "mine"):
                    yield target, word
                    break

    def _polarity(self, word, c) -> str | None:
        forms = {word.lower_, word.lemma_.lower()}
        negated = _negated(word)
        if forms & c["states"]:
            return None if negated else "state"
        if forms & c["negative"]:
            return None if negated else "negative"
        if forms & c["not_negative"]:
            return None
        valence = max((c["lexicon"].get(f, 0.0) for f in forms), key=abs, default=0.0)
        if negated:
            return "negative" if valence >= c["positive"] or forms & c["expected"] else None
        return "negative" if valence <= c["threshold"] else None

    @staticmethod
    def _question_names_target(item, c) -> bool:
        from answerlint.answerkinds import words, stem

        if item.kind == "why-leave":  # about the old job and its people, whatever the wording
            return True
        return bool(item.question) and bool(set(words(item.question)) & {stem(t) for t in c["targets"]})

    @staticmethod
    def _target_noun(token, c) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in c["targets"] or token.lower_ in c["targets"])

    def _is_target(self, token, c, pronouns_ok: bool) -> bool:
        if self._target_noun(token, c):
            return _definite(token)
        return pronouns_ok and token.lower_ in c["pronouns"]


def _targets_of(word):
    """(candidate target, relation) pairs of a judged word: its subject, the noun it modifies,
    its object, or ("mine") what the candidate's own feeling or verb is about."""
    subject = subject_of(word)
    mine = subject is not None and subject.lower_ in ("i", "we")
    joint = subject is not None and any(c.dep_ == "conj" and c.lower_ in ("i", "we", "me") for c in subject.children)
    if subject is not None and not mine and not joint:  # "my manager and I disagreed": an event
        yield subject, "subject"
    # "a team that never listened" judges the team; "the job where I didn't fit" tells of me
    if word.dep_ in ("amod", "acl", "acl:relcl") and word.head is not word and not (mine and word.dep_ != "amod"):
        yield word.head, "modified"
    for child in word.children:
        if child.dep_ in ("obj", "iobj") and (mine or subject is None):
            yield child, "object"
        elif child.dep_ in ("obl", "nmod") and mine:
            yield child, "mine"
        elif child.dep_ == "xcomp" and mine:  # "I hated working for them / there"
            for grand in child.children:
                if grand.dep_ in ("obj", "obl", "nmod") or (grand.dep_ == "advmod" and grand.lower_ == "there"):
                    yield grand, "object"
    # "they never gave me credit", "they offered no support": a withheld good, given by the subject
    if word.dep_ in ("obj", "iobj") and word.head is not word and word.head.pos_ == "VERB":
        giver = subject_of(word.head)
        if giver is not None and giver.lower_ not in ("i", "we"):
            yield giver, "subject"


def _copula_before(word):
    """"The management there was completely clueless": the subject by the words' order, for
    the sentences the parser gets wrong (a target, at most four words, a form of "be", at most
    three adverbs or determiners, then the judged word)."""
    if word.pos_ not in ("ADJ", "NOUN"):
        return
    i = word.i - 1
    while i >= 0 and word.i - i <= 3 and word.doc[i].pos_ in ("ADV", "DET", "PART"):
        i -= 1
    if i < 0 or word.doc[i].lemma_.lower() != "be":
        return
    before = [word.doc[j] for j in range(i - 1, max(-1, i - 6), -1)]
    subject = next((t for t in before if t.pos_ in ("NOUN", "PROPN")), None) or \
        next((t for t in before if t.pos_ == "PRON" and t.tag_ != "EX"), None)
    if subject is not None:
        yield subject, "subject"


_FIT = frozenset({"fit", "match", "fitting"})


def _fit(word) -> bool:
    """"not the best fit for me", "not a good match for how I work": about the match between
    the candidate and the place, not a judgement of the place."""
    node = word.head if word.dep_ == "amod" else word
    if node.lemma_.lower() in _FIT or word.lemma_.lower() in _FIT:
        return True
    for child in node.children:
        if child.dep_ in ("obl", "nmod", "advcl") and any(
                c.dep_ in ("case", "mark") and c.lower_ == "for" for c in child.children):
            if child.lower_ in ("me", "us") or any(t.lower_ in ("i", "me", "we", "us") for t in child.subtree):
                return True
    return False


def _conditional(word) -> bool:
    """"if your company doesn't like ...": a supposition, not a judgement."""
    node = word
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _negated(word) -> bool:
    """"wasn't supportive", "never listened", "no one listened"."""
    subject = subject_of(word)
    for node in (word, word.head, subject):
        if node is None:
            continue
        if node is subject and node.lower_ in ("nobody", "noone"):
            return True
        for child in node.children:
            if child.lower_ in _NEGATORS and child.dep_ in ("advmod", "neg", "det", "aux"):
                return True
            if node is word and child.dep_ == "mark" and child.lower_ == "without":  # "without blaming him"
                return True
    return False


def _definite(token) -> bool:
    """"my manager", "that place", "management", "it was a toxic team": a particular one, not
    managers in general."""
    if any(c.dep_ == "cop" for c in token.children):
        return True
    if token.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return True
    if not any(c.dep_ == "det" for c in token.children) and token.tag_ in ("NN", "NNP"):
        return not any(c.lower_ in ("a", "an", "any", "every", "each") for c in token.children)
    return any(c.lower_ in _OWNERS for c in token.children)


def phrase_start(token):
    """The first token of the target's noun phrase ("my old manager")."""
    words = [c for c in token.children if c.dep_ in ("nmod:poss", "det", "amod", "compound") and c.i < token.i]
    return token.doc[min([token.i] + [w.i for w in words])]


def _phrase(token) -> str:
    if token.lower_ == "there":
        return "that place"
    if token.pos_ == "PRON":
        return token.lower_ if token.lower_ != "i" else token.text
    return token.doc[phrase_start(token).i:token.i + 1].text
