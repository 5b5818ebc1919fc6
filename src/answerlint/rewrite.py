"""Fact-based STAR rewrites for self-description, cliché and vague-claim findings.

``rewrite(sent, start, end, verb)`` turns a self-label into the skeleton of a story built
from the sentence's own parse, e.g. "I'm a team player on cross-functional projects." ->
"In <when>, I worked with <who> on cross-functional projects to <goal>, and we <result,
with a number>."  Nothing is invented: the subject (I/we), objects and modifiers come
from the sentence, the rest from the templates below, and every unknown fact is an
explicit ``<placeholder>``.  The parse may be wrong, so the sentence is read mostly
linearly (word lists, tags) and the tree is used only where it helps (who is described).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from lemminflect import getAllLemmas, getInflection, getLemma

from answerlint.inflect import forms

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["TEMPLATES", "VERB_TEMPLATES", "Template", "rewrite"]


class Template(NamedTuple):
    """``text`` has the fields {when} {subj} {verb} {obj} {mods}; ``obj`` fills {obj}
    when the sentence names no object of its own."""

    text: str
    obj: str


_RESULT = "<result, with a number>"
TEMPLATES = MappingProxyType({
    "teamwork": Template("{when}, {subj} {verb} {obj}{mods} to <goal>, and we " + _RESULT + ".", "<who>"),
    "problem": Template("{when}, {subj} {verb} {obj}{mods} by <what you did>, which " + _RESULT + ".",
                        "<which problem>"),
    "detail": Template("{when}, {subj} {verb} {obj}{mods} in <what>, which " + _RESULT + ".", "<which mistake>"),
    "review": Template("{when}, {subj} {verb} {obj}{mods} and found <which mistake>, which " + _RESULT + ".",
                       "<what>"),
    "delivery": Template("{when}, {subj} {verb} {obj}{mods} by <deadline>, and " + _RESULT + ".", "<what>"),
    "learning": Template("{when}, {subj} {verb} {obj}{mods} in <how long>, and " + _RESULT + ".", "<what>"),
    "communication": Template("{when}, {subj} {verb} {obj}{mods} to <who>, and " + _RESULT + ".", "<what>"),
    "default": Template("{when}, {subj} {verb} {obj}{mods}, and " + _RESULT + ".", "<what>"),
})
DEFAULT_WHEN = "In <when>"
FALLBACK_VERB = "handle"

# Which template an action verb tells its story with (anything else: "default").
VERB_TEMPLATES = MappingProxyType({
    **dict.fromkeys(["work with", "collaborate with", "lead", "mentor", "coach", "help", "support",
                     "motivate"], "teamwork"),
    **dict.fromkeys(["solve", "fix", "resolve", "troubleshoot", "debug"], "problem"),
    **dict.fromkeys(["catch", "spot", "notice"], "detail"),
    **dict.fromkeys(["check", "review", "verify", "test", "proofread", "double-check"], "review"),
    **dict.fromkeys(["finish", "deliver", "complete", "ship"], "delivery"),
    **dict.fromkeys(["learn", "pick up", "master"], "learning"),
    **dict.fromkeys(["explain", "present", "communicate", "teach"], "communication"),
})
# Trait words whose action is not a plain derivation; verbs that need a particle.
TRAIT_VERBS = MappingProxyType({"player": "work with", "study": "learn", "learner": "learn",
                                "collaborator": "work with", "listener": "listen to"})
PARTICLES = MappingProxyType({"work": "work on", "focus": "focus on", "listen": "listen to",
                              "collaborate": "collaborate with"})
# Derivations that give no sensible action ("detail-oriented" -> "orient").
NO_DERIVE = frozenset("be have do get give make take go love like enjoy say know orient mind "
                      "dedicate commit determine experience product pride consider describe "
                      "drive passion".split())

_PREPS = frozenset("on in at with for across within during about around among between under "
                   "through throughout inside from into over".split())
_WHEN_PREPS = frozenset({"in", "at", "during"})
_WHEN_NOUNS = frozenset("job role position internship company employer firm placement startup "
                        "school university apprenticeship team project".split())
_NOT_WHEN = frozenset("opinion view experience mind eyes words general fact short addition "
                      "particular time life".split())
_VAGUE = frozenset("sense way ways respect regard general nature heart life world everything "
                   "anything kind".split())
_NP_TAGS = frozenset("DT PDT PRP$ JJ JJR JJS NN NNS NNP NNPS CD HYPH POS VBN".split())
_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})
_NOT_NP = frozenset("who whom whose which that what where when why how i me we us you".split())
_I = frozenset({"i", "me", "my", "myself", "mine"})
_WE = frozenset({"we", "us", "our", "ourselves", "ours"})
_NEG = frozenset({"not", "n't", "never"})
_PLURAL_BE = frozenset({"are", "were", "'re", "have", "'ve"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})


def rewrite(sent: Span, start: int, end: int, verb: str | None = None, *,
            template: str | None = None) -> str | None:
    """A STAR-shaped rewrite of the finding at ``[start, end)`` (offsets in ``sent.doc``).

    ``verb`` is the base-form action the rule maps the trait to ("work with"); None derives
    one from the trait (solver -> solve) or falls back to "handle".  ``template`` names an
    entry of TEMPLATES (default: chosen from the verb).  Returns None when no rewrite makes
    sense: the span misses the sentence, the sentence is a question, or the trait is negated.
    """
    flagged = [t for t in sent if t.idx < end and t.idx + len(t) > start]
    if not flagged or sent.text.rstrip().endswith("?") or _negated(sent, flagged):
        return None
    head = _trait_head(flagged)
    gerund, obj, mods, when = _carried(sent, flagged, verb)
    if verb is None:
        verb = _verb_from(gerund) or _derive(head)
    verb = " ".join(verb.split())
    label = sent.doc.text[start:end].lower().split()
    if len(label) == 1 and _past(verb).split()[0] in forms(label[0]):
        verb = FALLBACK_VERB  # "organized" -> "I organized" would match the same phrase again
    name = template if template in TEMPLATES else VERB_TEMPLATES.get(verb, "default")
    # Nothing carried over may repeat the flagged phrase or the trait word (rule 2).
    banned = {sent.doc.text[start:end].lower(), head.lower_}
    keep = [p for p in (obj, when, *mods) if p and not any(_contains(p, b) for b in banned)]
    tpl = TEMPLATES[name]
    return tpl.text.format(
        when=_capitalise(when) if when in keep else DEFAULT_WHEN,
        subj=_person(sent, head, flagged),
        verb=_past(verb),
        obj=obj if obj in keep else tpl.obj,
        mods="".join(" " + m for m in mods if m in keep),
    )


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text.lower()) is not None


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _past(verb: str) -> str:
    """Past tense of a base-form verb phrase; multi-word verbs inflect the first word."""
    first, _, rest = verb.partition(" ")
    forms = getInflection(first, "VBD")
    if forms:
        past = forms[0]
    elif first.endswith("e"):
        past = first + "d"
    else:
        past = first + "ed"
    return f"{past} {rest}".strip()


def _is_verb(word: str) -> bool:
    return word in getAllLemmas(word, "VERB").get("VERB", ())


def _verb_from(tok: Token | None) -> str | None:
    """The action of a gerund ("good with solving ..." -> "solve"), unless it is a light verb."""
    if tok is None:
        return None
    lemma = getLemma(tok.lower_, "VERB")[0]
    return None if lemma in NO_DERIVE else PARTICLES.get(lemma, lemma)


def _derive(head: Token) -> str:
    """An action verb derived from the trait word: solver -> solve, organized -> organize."""
    word = head.lower_.rsplit("-", 1)[-1]
    if word in TRAIT_VERBS:
        return TRAIT_VERBS[word]
    noun = getLemma(word, "NOUN")[0]  # solvers -> solver
    if noun in TRAIT_VERBS:
        return TRAIT_VERBS[noun]
    cands: list[str] = []
    if head.pos_ in ("VERB", "AUX") and not word.endswith("ed"):  # "work hard", not "thrive ..."
        lemma = getLemma(word, "VERB")[0]
        return PARTICLES.get(lemma) or (lemma if lemma in VERB_TEMPLATES else FALLBACK_VERB)
    if word.endswith(("ed", "ing")):
        cands += getAllLemmas(word, "VERB").get("VERB", ())
    if noun.endswith(("er", "or")) and head.pos_ not in ("VERB", "AUX", "ADJ"):
        cands += [noun[:-2], noun[:-1], noun[:-2] + "e"]
        if len(noun) > 4 and noun[-3] == noun[-4]:
            cands.append(noun[:-3])  # planner -> plan
    if word.endswith("ive"):
        cands += [word[:-3] + "e", word[:-3]]
    for cand in cands:
        if _is_verb(cand):
            return FALLBACK_VERB if cand in NO_DERIVE else PARTICLES.get(cand, cand)
    return FALLBACK_VERB


def _trait_head(flagged: list[Token]) -> Token:
    """The rightmost flagged token whose syntactic head lies outside the flagged phrase."""
    ids = {t.i for t in flagged}
    outside = [t for t in flagged if t.head.i not in ids or t.head.i == t.i]
    content = [t for t in outside if t.is_alpha] or [t for t in flagged if t.is_alpha] or flagged
    return content[-1]


def _negated(sent: Span, flagged: list[Token]) -> bool:
    """A negation just before the trait or on its clause ("I'm not a team player")."""
    first = flagged[0].i
    ids = {t.i for t in flagged}
    window = [t for t in sent if first - 4 <= t.i < first]
    chain = [flagged[0], *flagged[0].ancestors]
    near = window + [c for a in chain for c in a.children if c.dep_ in ("advmod", "neg")]
    return any(t.lower_ in _NEG and t.i not in ids for t in near)


def _person(sent: Span, head: Token, flagged: list[Token]) -> str:
    """"I" or "we": the person the sentence describes (tree first, then any pronoun)."""
    words = [t.lower_ for t in sent]
    for i, word in enumerate(words[1:-1], 1):  # "My team and I are ..." (parses often miss it)
        if word == "i" and words[i - 1] == "and" and words[i + 1] in _PLURAL_BE:
            return "we"
    for anc in [head, *head.ancestors]:
        for child in anc.children:
            if child.dep_ not in _SUBJ_DEPS:
                continue
            group = {child.lower_, *(c.lower_ for c in child.conjuncts)}
            if group & _WE or (group & _I and len(group) > 1):
                return "we"  # "we", "my team and I"
            if group & _I:
                return "I"
    return "we" if set(words) & _WE and not set(words) & _I else "I"


def _is_prep(tok: Token) -> bool:
    return tok.lower_ in _PREPS


def _is_gerund(tok: Token) -> bool:
    return tok.tag_ == "VBG" or (tok.lower_.endswith("ing") and getLemma(tok.lower_, "VERB")[0] != tok.lower_
                                 and bool(getAllLemmas(tok.lower_, "VERB")))


def _np_end(toks: list[Token], i: int) -> int:
    """End of the noun phrase starting at ``toks[i]`` (``i`` if there is none)."""
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok.lower_ in ("and", "or") and j + 1 < len(toks) and _np_token(toks[j + 1]) and j > i:
            j += 1
            continue
        if not _np_token(tok):
            break
        j += 1
    while j > i and not (toks[j - 1].is_alpha or toks[j - 1].like_num):
        j -= 1  # no trailing hyphen
    has_noun = any(t.pos_ in ("NOUN", "PROPN", "NUM") or t.tag_.startswith("NN") for t in toks[i:j])
    return j if has_noun else i


def _np_token(tok: Token) -> bool:
    if tok.lower_ in _NOT_NP or tok.lower_ in _PREPS or tok.is_punct and tok.tag_ != "HYPH":
        return False
    return tok.tag_ in _NP_TAGS or tok.pos_ in _NP_POS


def _text(toks: list[Token]) -> str:
    return "".join(t.text_with_ws for t in toks).strip()


def _object(toks: list[Token]) -> str:
    """An object phrase; a plural one becomes a placeholder for one instance."""
    last = toks[-1]
    if last.tag_ not in ("NNS", "NNPS") and "Plur" not in last.morph.get("Number"):
        return _text(toks)
    words = toks[:-1]
    while words and words[0].tag_ in ("DT", "PRP$"):
        words = words[1:]
    return "<which " + " ".join(filter(None, [_text(words), getLemma(last.lower_, "NOUN")[0]])) + ">"


def _is_when(pp: list[Token], fronted: bool) -> bool:
    words = {t.lower_ for t in pp[1:]}
    if pp[0].lower_ not in _WHEN_PREPS or words & _NOT_WHEN:
        return False
    if pp[0].lower_ == "during" or any(t.like_num for t in pp[1:]):
        return True
    if fronted and any(t.pos_ == "PROPN" or t.is_title for t in pp[1:]):
        return True
    return bool(words & (_I | _WE)) and (fronted or bool(words & _WHEN_NOUNS))


def _carried(sent: Span, flagged: list[Token], verb: str | None):
    """What the sentence says beyond the label: (gerund, object, modifiers, when)."""
    toks = list(sent)
    ids = {t.i for t in flagged}
    particle = verb.split()[-1] if verb and len(verb.split()) > 1 else None
    gerunds = [t for t in flagged if _is_gerund(t)]
    pos = (gerunds[-1].i if gerunds else flagged[-1].i + 1) - sent.start
    gerund, obj, mods, when = None, None, [], None
    if pos + 1 < len(toks) and (_is_prep(toks[pos]) or toks[pos].lower_ == "to") and _is_gerund(toks[pos + 1]):
        pos += 1  # "passionate about building tools"
    if pos < len(toks) and _is_gerund(toks[pos]):
        gerund, pos = toks[pos], pos + 1
        end = _np_end(toks, pos)
        if end > pos and _verb_from(gerund):
            obj = _object(toks[pos:end])
        pos = end
    pps: list[tuple[list[Token], bool]] = []
    while pos < len(toks) and _is_prep(toks[pos]):
        end = _np_end(toks, pos + 1)
        if end == pos + 1:
            break
        pps.append((toks[pos:end], False))
        pos = end
    if toks and _is_prep(toks[0]) and toks[0].i not in ids:  # "At Acme, I was ..."
        comma = next((i for i, t in enumerate(toks[:12]) if t.text == ","), None)
        chain = all(_np_token(t) or _is_prep(t) for t in toks[1:comma or 0])
        if comma and chain and _np_end(toks, 1) > 1 and not ids & {t.i for t in toks[:comma]}:
            pps.insert(0, (toks[:comma], True))
    for pp, fronted in pps:
        prep, rest = pp[0].lower_, pp[1:]
        if {t.lower_ for t in rest} & _VAGUE:
            continue
        if when is None and _is_when(pp, fronted):
            when = _text(pp)
        elif obj is None and not fronted and (prep == "about" or prep == particle):
            obj = _object(rest)
        elif prep not in _WHEN_PREPS or not ({t.lower_ for t in rest} & _NOT_WHEN):
            mods.append(_text(pp))
    return gerund, obj, mods, when
