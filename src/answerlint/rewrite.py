"""Fact-based STAR rewrites: "I'm a team player on cross-functional projects." -> "In <when>, I
worked with <who> on cross-functional projects to <goal>, and we <result, with a number>."
Nothing is invented: the subject (I/we), objects and modifiers come from the sentence, the rest
from TEMPLATES, every unknown fact is a <placeholder>.  Parses can be wrong, so the words after
the label are read linearly (word lists, tags); the tree is only asked who is described."""

from __future__ import annotations

import importlib.util
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from answerlint.inflect import forms

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token
if importlib.util.find_spec("lemminflect") is None:  # pragma: no cover - checked without importing it (slow)
    raise ImportError("answerlint.rewrite needs lemminflect: pip install lemminflect")

__all__ = ["TEMPLATES", "VERB_TEMPLATES", "Template", "rewrite"]


class Template(NamedTuple):
    """Fields {when} {subj} {verb} {obj} {mods} {who}; ``obj``/``who`` fill {obj}/{who} when the
    sentence names no object / people of its own."""
    text: str
    obj: str = "<what>"
    who: str = "<who>"


# Named story shapes; a rule pack may name one (``template=``), else the verb picks (VERB_TEMPLATES).
TEMPLATES = MappingProxyType({
    "teamwork": Template("{when}, {subj} {verb} {obj}{mods} to <goal>, and we <result, with a number>.", "<who>"),
    "problem": Template("{when}, {subj} {verb} {obj}{mods} by <what you did>, which <result, with a number>.",
                        obj="<which problem>"),
    "detail": Template("{when}, {subj} {verb} {obj}{mods} in <what>, which <result, with a number>.",
                       obj="<which mistake>"),
    "review": Template("{when}, {subj} {verb} {obj}{mods} and found <which mistake>, which <result, with a number>."),
    "delivery": Template("{when}, {subj} {verb} {obj}{mods} by <deadline>, and <result, with a number>."),
    "learning": Template("{when}, {subj} {verb} {obj}{mods} in <how long>, and <result, with a number>."),
    "communication": Template("{when}, {subj} {verb} {obj}{mods} to {who}, and <result, with a number>."),
    "default": Template("{when}, {subj} {verb} {obj}{mods}, and <result, with a number>."),
})
DEFAULT_WHEN = "In <when>"
FALLBACK_VERB = "handle"

# The story shape of an action verb (any other verb: "default").
VERB_TEMPLATES = MappingProxyType({
    **dict.fromkeys(["work with", "collaborate with", "lead", "mentor", "coach", "help", "support", "persuade"],
                    "teamwork"),
    **dict.fromkeys(["solve", "fix", "resolve", "troubleshoot", "debug"], "problem"),
    **dict.fromkeys(["catch", "spot", "notice"], "detail"),
    **dict.fromkeys(["check", "review", "verify", "test", "proofread", "double-check"], "review"),
    **dict.fromkeys(["finish", "deliver", "complete", "ship"], "delivery"),
    **dict.fromkeys(["learn", "pick up", "master"], "learning"),
    **dict.fromkeys(["explain", "present", "communicate", "teach"], "communication"),
})
# Trait words and qualities whose action is no plain derivation; verbs that need a particle.
TRAIT_VERBS = MappingProxyType({
    "player": "work with", "collaborator": "work with", "teamwork": "work with", "study": "learn",
    "learner": "learn", "curiosity": "learn", "listener": "listen to", "empathy": "listen to",
    "thinker": "think through", "leadership": "lead", "communication": "explain", "creativity": "create",
    "attention": "catch", "adaptability": "adapt to", "flexibility": "adapt to", "resilience": "recover from",
    "ethic": "finish", "passionate": "work on", "enthusiastic": "work on"})
PARTICLES = MappingProxyType({"work": "work on", "focus": "focus on", "listen": "listen to",
                              "collaborate": "collaborate with"})
# Derived verbs that are no sensible action ("detail-oriented" -> "orient", "giving" -> "give").
NO_DERIVE = frozenset("be have do get give make take go love like enjoy say know orient mind motivate "
                      "dedicate commit determine experience product pride consider describe drive".split())

_PREPS = frozenset("on in at with for across within during about around among between under through "
                   "throughout inside from into over".split())
_WHEN_PREPS = frozenset({"in", "at", "during"})
_WHEN_NOUNS = frozenset("job role position internship company employer firm placement startup school "
                        "university apprenticeship team project".split())
_NOT_WHEN = frozenset("opinion view experience mind eyes words general fact short addition particular "
                      "time life".split())
_VAGUE = frozenset("sense way ways respect regard general nature heart life world everything anything "
                   "kind".split())
_NP_TAGS = frozenset("DT PDT PRP$ JJ JJR JJS NN NNS NNP NNPS CD HYPH POS VBN".split())
_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})
_NOT_NP = frozenset("who whom whose which that what where when why how i me we us you".split())
_I = frozenset({"i", "me", "my", "myself", "mine"})
_WE = frozenset({"we", "us", "our", "ourselves", "ours"})
_PLURAL_VERBS = frozenset({"are", "were", "'re", "have", "'ve"})
_NEG = frozenset({"not", "n't", "never"})
_PLACEHOLDER = re.compile(r"<[^<>]*>")


class _Parts(NamedTuple):  # what the sentence says beyond the label
    gerund: Token | None  # "good with *solving* crisis situations"
    obj: str | None  # "about data visualisation", "solving *crisis situations*"
    mods: tuple[str, ...]  # "on cross-functional projects"
    when: str | None  # "At Acme, ...", "... during my internship"


def rewrite(sent: Span, start: int, end: int, verb: str | None = None, *,
            template: str | None = None) -> str | None:
    """A STAR-shaped rewrite of the finding at ``[start, end)`` (character offsets in ``sent.doc``).

    ``verb``: the base-form action the rule maps the trait to ("work with"); None derives it from
    the trait (solver -> solve) or falls back to "handle".  ``template``: one of TEMPLATES (default:
    the verb's).  None if the span misses the sentence, it is a question, or the label is negated.
    """
    flagged = [t for t in sent if t.idx < end and t.idx + len(t) > start]
    if not flagged or sent.text.rstrip().endswith("?") or _negated(sent, flagged):
        return None
    label, head = sent.doc.text[start:end].lower(), _trait_head(flagged)
    verb = verb or _verb_of(_carried(sent, flagged, None).gerund) or _derive(head)  # solver -> solve
    parts = _carried(sent, flagged, verb)  # with the verb's particle: "player with X" -> "worked with X"
    verb = " ".join(verb.split())
    if " " not in label and _past(verb).split()[0] in forms(label):
        verb = FALLBACK_VERB  # "organized" -> "I organized" would match the same phrase again

    def keep(piece: str | None) -> str | None:  # nothing carried over may repeat the label
        return piece if piece and not any(_has(piece, b) for b in (label, head.lower_)) else None

    parts = _Parts(None, keep(parts.obj), tuple(filter(keep, parts.mods)), keep(parts.when))
    subj = _person(sent, head)  # "I" or "we"
    for action, carried in ((verb, parts), (FALLBACK_VERB, _Parts(None, None, (), None))):
        tpl = TEMPLATES[template if template in TEMPLATES else VERB_TEMPLATES.get(action, "default")]
        out = _render(tpl, subj, action, carried)
        if not _has(_PLACEHOLDER.sub(" ", out), label):
            return out
    return None  # the label is template wording ("in", "with")


def _render(tpl: Template, subj: str, verb: str, parts: _Parts) -> str:
    # "a strong communicator with stakeholders" -> "explained <what> to stakeholders"
    who = next((m for m in parts.mods if m.split()[0].lower() in ("with", "to")), None) if "{who}" in tpl.text else None
    when = parts.when[:1].upper() + parts.when[1:] if parts.when else DEFAULT_WHEN
    return tpl.text.format(when=when, subj=subj, verb=_past(verb), obj=parts.obj or tpl.obj,
                           who=who.split(None, 1)[1] if who else tpl.who,
                           mods="".join(" " + m for m in parts.mods if m is not who))


def _lemma(word: str, upos: str) -> str:
    from lemminflect import getLemma  # imported late: importing lemminflect imports spaCy
    return (getLemma(word, upos) or (word,))[0]


def _verb_lemmas(word: str) -> tuple[str, ...]:  # known verbs only (no out-of-vocabulary guess)
    from lemminflect import getAllLemmas
    return getAllLemmas(word, "VERB").get("VERB", ())


def _past(verb: str) -> str:
    """Past tense of a base-form verb phrase; a multi-word verb inflects its first word."""
    from lemminflect import getInflection
    first, _, rest = verb.partition(" ")
    inflected = getInflection(first, "VBD")
    past = inflected[0] if inflected else first + ("d" if first.endswith("e") else "ed")
    return f"{past} {rest}".strip()


def _has(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text.lower()) is not None


def _verb_of(gerund: Token | None) -> str | None:
    """The action a gerund names ("solving" -> "solve"), unless it is a light verb."""
    lemma = _lemma(gerund.lower_, "VERB") if gerund is not None else None
    return None if lemma is None or lemma in NO_DERIVE else PARTICLES.get(lemma, lemma)


def _derive(head: Token) -> str:
    """An action verb derived from the trait word: solver -> solve, creative -> create."""
    word = head.lower_.rsplit("-", 1)[-1]
    noun = _lemma(word, "NOUN")  # solvers -> solver
    if word in TRAIT_VERBS or noun in TRAIT_VERBS:
        return TRAIT_VERBS.get(word) or TRAIT_VERBS[noun]
    if head.pos_ in ("VERB", "AUX") and not word.endswith("ed"):  # "work hard", not "thrive"
        lemma = _lemma(word, "VERB")
        return PARTICLES.get(lemma) or (lemma if lemma in VERB_TEMPLATES else FALLBACK_VERB)
    candidates = list(_verb_lemmas(word)) if word.endswith(("ed", "ing")) else []  # organized
    if noun.endswith(("er", "or")) and head.pos_ not in ("VERB", "AUX", "ADJ"):
        candidates += [noun[:-2], noun[:-1], noun[:-2] + "e", noun[:-3]]  # leader, solver, communicator, planner
    if word.endswith("ive"):
        candidates += [word[:-3] + "e", word[:-3]]  # creative, supportive
    for cand in candidates:
        if cand in _verb_lemmas(cand):
            return FALLBACK_VERB if cand in NO_DERIVE else PARTICLES.get(cand, cand)
    return FALLBACK_VERB


def _trait_head(flagged: list[Token]) -> Token:
    """The rightmost flagged word whose syntactic head lies outside the flagged phrase."""
    ids = {t.i for t in flagged}
    outside = [t for t in flagged if t.head.i not in ids or t.head.i == t.i]
    return ([t for t in outside if t.is_alpha] or [t for t in flagged if t.is_alpha] or flagged)[-1]


def _negated(sent: Span, flagged: list[Token]) -> bool:
    """A negation just before the label or on its clause ("I'm not a team player")."""
    first, ids = flagged[0].i, {t.i for t in flagged}
    near = [t for t in sent if first - 4 <= t.i < first]
    near += [c for a in (flagged[0], *flagged[0].ancestors) for c in a.children if c.dep_ in ("advmod", "neg")]
    return any(t.lower_ in _NEG and t.i not in ids and t.nbor(1).lower_ not in ("just", "only", "merely")
               for t in near if t.i + 1 < len(t.doc))


def _person(sent: Span, head: Token) -> str:
    """"I" or "we": the person described ("My friends describe me as ..." -> I)."""
    words = [t.lower_ for t in sent]
    for i in range(1, len(words) - 1):  # "My team and I are ..." (often misparsed)
        if words[i] == "i" and words[i - 1] == "and" and words[i + 1] in _PLURAL_VERBS:
            return "we"
    for node in (head, *head.ancestors):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "obj", "iobj"):
                group = {child.lower_, *(c.lower_ for c in child.conjuncts)}
                if group & (_I | _WE):  # "my team and I" -> we
                    return "we" if group & _WE or len(group) > 1 else "I"
    return "we" if set(words) & _WE and not set(words) & _I else "I"


def _is_gerund(tok: Token) -> bool:
    """A verb in -ing after a preposition or verb ("good at managing"; not "a caring person")."""
    word, prev = tok.lower_, tok.doc[tok.i - 1] if tok.i > 0 else None
    verbal = tok.tag_ == "VBG" or (word.endswith("ing") and _lemma(word, "VERB") != word and bool(_verb_lemmas(word)))
    return verbal and prev is not None and (prev.lower_ in _PREPS | {"to"} or prev.pos_ == "VERB")


def _np_token(tok: Token) -> bool:
    hyphen = tok.text in ("-", "‐", "‑") and not tok.whitespace_  # "cross-functional", however tagged
    return (tok.lower_ not in _NOT_NP and tok.lower_ not in _PREPS and not (tok.is_punct and tok.tag_ != "HYPH" and not hyphen)
            and (tok.tag_ in _NP_TAGS or tok.pos_ in _NP_POS))


def _np_end(toks: list[Token], i: int) -> int:
    """End of the noun phrase that starts at ``toks[i]`` (``i`` if none does)."""
    j = i
    while j < len(toks) and (_np_token(toks[j]) or (
            toks[j].lower_ in ("and", "or") and j > i and j + 1 < len(toks) and _np_token(toks[j + 1]))):
        j += 1
    while j > i and (toks[j - 1].lower_ in ("and", "or") or not (toks[j - 1].is_alpha or toks[j - 1].like_num)):
        j -= 1  # no trailing hyphen or conjunction
    has_noun = any(t.pos_ in ("NOUN", "PROPN", "NUM") or t.tag_.startswith("NN") for t in toks[i:j])
    return j if has_noun else i


def _text(toks: list[Token]) -> str:
    return "".join(t.text_with_ws for t in toks).strip()


def _object(toks: list[Token]) -> str:
    """An object phrase; a plural one becomes a placeholder for one instance of it."""
    last, words = toks[-1], toks[:-1]
    if last.tag_ not in ("NNS", "NNPS") and "Plur" not in last.morph.get("Number"):
        return _text(toks)
    while words and words[0].tag_ in ("DT", "PRP$"):
        words = words[1:]
    return "<which " + " ".join(filter(None, [_text(words), _lemma(last.lower_, "NOUN")])) + ">"


def _is_when(pp: list[Token], fronted: bool) -> bool:
    """A phrase that says when: "during ...", "in 2021", "at my last job", "At Acme, ..."."""
    words = {t.lower_ for t in pp[1:]}
    if pp[0].lower_ not in _WHEN_PREPS or words & _NOT_WHEN:
        return False
    if pp[0].lower_ == "during" or any(t.like_num or (fronted and (t.pos_ == "PROPN" or t.is_title)) for t in pp[1:]):
        return True
    return bool(words & (_I | _WE)) and (fronted or bool(words & _WHEN_NOUNS))


def _carried(sent: Span, flagged: list[Token], verb: str | None) -> _Parts:
    """Read the gerund, object and prepositional phrases that follow the label."""
    toks, ids = list(sent), {t.i for t in flagged}
    particle = verb.split()[-1] if verb and " " in verb.strip() else None
    gerunds = [t for t in flagged if _is_gerund(t)]
    pos = (gerunds[-1].i if gerunds else flagged[-1].i + 1) - sent.start
    gerund, obj, when, mods = None, None, None, []
    if pos + 1 < len(toks) and toks[pos].lower_ in _PREPS | {"to"} and _is_gerund(toks[pos + 1]):
        pos += 1  # "passionate about building tools", "dedicated to helping customers"
    if pos < len(toks) and _is_gerund(toks[pos]):
        gerund, end = toks[pos], _np_end(toks, pos + 1)
        obj = _object(toks[pos + 1:end]) if end > pos + 1 and _verb_of(gerund) else None
        pos = end
    phrases: list[tuple[list[Token], bool]] = []
    while pos < len(toks) and toks[pos].lower_ in _PREPS and (end := _np_end(toks, pos + 1)) > pos + 1:
        phrases.append((toks[pos:end], False))
        pos = end
    comma = next((i for i, t in enumerate(toks[:12]) if t.text == ","), 0)
    if comma > 1 and toks[0].lower_ in _PREPS and not ids & {t.i for t in toks[:comma]} and all(
            _np_token(t) or t.lower_ in _PREPS for t in toks[1:comma]):
        phrases.insert(0, (toks[:comma], True))  # "At Acme, I was ..."
    for pp, fronted in phrases:
        prep, words = pp[0].lower_, {t.lower_ for t in pp[1:]}
        if words & _VAGUE or (prep in _WHEN_PREPS and words & _NOT_WHEN):
            continue  # "in every sense", "in my opinion"
        if when is None and _is_when(pp, fronted):
            when = _text(pp)
        elif fronted:
            continue  # "With my background in finance, ..." modifies no action
        elif obj is None and prep in ("about", particle):
            obj = _object(pp[1:])
        else:
            mods.append(_text(pp))
    return _Parts(gerund, obj, tuple(mods), when)
