"""What an answer shows, read off its tags and parse: the elements a recruiter looks for.

One :class:`Facts` per answer, computed once (``Analysis.facts``) and shared by the rule kinds
that check what a question type expects (``requirement``) and by the score. Each element is a
list of character spans in the answer's text, so a rule or the score's explanation can point at
what it found.

- situation: one real past situation (past-tense narration with a time anchor, or two sentences of it)
- action / we-action: a past-tense action with "I" (or "we") as its subject; narrated: an action
  of "I" told as an event ("I rebuilt"), not summed up as experience ("I have worked in teams")
- result: an outcome verb or noun ("cut", "won", "saving") or an outcome marker ("as a result")
- number, date, name: as for the evidence kind
- specifics: names, places, products and numbers (facts about a company or role)
- company: the bank's ``company:`` named in the answer
- remedy: what the candidate is doing about a weakness ("I'm taking a course", "I now ...")
- forward: what the candidate wants next ("I'm looking for a role where ...")
- contribution: what the candidate brings ("I can bring", "my experience in ...")
- range: a pay figure or range, or a reasoned deferral
- hypothetical: "I would ...", "usually I ...": what the candidate would do, not what they did
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

# -- evidence: numbers, dates, names, first-person actions, outcomes -----------------------------

NUMBER_ENTS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
DATE_ENTS = frozenset({"DATE", "TIME", "DURATION"})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
CATEGORIES = ("number", "date", "name", "action", "result")
ELEMENTS = ("situation", "action", "we-action", "result", "number", "date", "name", "specifics", "company",
            "remedy", "forward", "contribution", "range", "hypothetical", "evidence")  # what Facts.has knows


def is_number(token) -> bool:
    """A quantity: "40%", "five", "$3k"; not the pronoun "one" ("one of my strengths")."""
    if token.lower_ == "one" and token.ent_type_ not in NUMBER_ENTS:
        return False
    return token.like_num or token.ent_type_ in NUMBER_ENTS


def sentence_has_number(doc, sentences: list[tuple[int, int]], char: int) -> bool:
    """Does the sentence holding character ``char`` of the doc's text contain a number?"""
    for start, end in sentences:
        if start <= char < end:
            return any(is_number(t) for t in doc if start <= t.idx < end)
    return False


def find_evidence(doc, outcomes: frozenset[str], actions_window: int = 4) -> dict[str, list[tuple[int, int]]]:
    """Character spans of each kind of evidence: numbers, dates, names, first-person past-tense
    actions ("I led", "we cut") and outcomes ("increased", "saved")."""
    found: dict[str, list[tuple[int, int]]] = {c: [] for c in CATEGORIES}
    for ent in doc.ents:
        if ent.label_ in DATE_ENTS:
            found["date"].append((ent.start_char, ent.end_char))
        elif ent.label_ in NUMBER_ENTS and not _is_effort_percent(ent):
            found["number"].append((ent.start_char, ent.end_char))
    for i, t in enumerate(doc):
        span = (t.idx, t.idx + len(t.text))
        if is_number(t) and not t.ent_type_:
            found["number"].append(span)
        if t.pos_ == "PROPN" and t.lower_ not in FIRST_PERSON_SUBJECTS and not t.ent_type_:
            found["name"].append(span)
        if t.lemma_.lower() in outcomes and t.pos_ in ("VERB", "NOUN"):
            found["result"].append(span)
        if t.tag_ == "VBD" or (t.pos_ in ("VERB", "AUX") and "Past" in t.morph.get("Tense")
                               and "Fin" in t.morph.get("VerbForm")):
            window = doc[max(0, i - actions_window): i]
            if t.pos_ == "VERB" and any(w.norm_ in FIRST_PERSON_SUBJECTS for w in window):
                found["action"].append(span)
    return found


def _is_effort_percent(ent) -> bool:
    """"110%" in "I give 110%" is a cliché, not a measurement."""
    return ent.label_ == "PERCENT" and any(c.isdigit() for c in ent.text) and \
        int("".join(c for c in ent.text if c.isdigit()) or 0) > 100


# -- the elements of an answer -------------------------------------------------------------------

# Result verbs and nouns (lemmas): what came of an action.
OUTCOMES = frozenset("""
increase reduce cut save ship launch win grow double triple halve improve deliver finish complete
resolve fix raise drop earn close hire retain convert migrate automate achieve exceed beat eliminate
prevent recover restore shorten speed lower lift boost expand generate secure land negotiate publish
release deploy rebuild redesign reorganize reorganise simplify streamline consolidate recruit onboard
outperform outsell recoup refund decrease decline fall rise settle approve adopt replace rank award
renew rescue salvage pass qualify sign stop avoid catch promotion reduction saving savings conversion
retention turnaround promote thank praise keep solve return recommend adopt""".split())
RESULT_MARKERS = re.compile(
    r"\b(?:as a result|in the end|by the end|which meant|that meant|ended up|the outcome|since then|"
    r"went (?:up |down )?from|so that|afterwards|after that|from then on|the result|it worked|"
    r"got (?:promoted|a bonus|an award)|was promoted|(?:down|up) (?:to|by)|by (?:half|a third|a quarter)|"
    r"from (?:about |around |over )?[\w$£€.,%]+ (?:a \w+ )?to)\b", re.I)
STATE_VERBS = frozenset("""be have feel think know want like love hate seem need enjoy hope wish believe
mean guess suppose remember understand realise realize prefer care get admire respect appreciate
value dream aspire adore""".split())
MODALS = frozenset({"would", "'d", "will", "'ll", "could", "should", "might", "may", "ca", "can"})
HABITUAL = frozenset({"usually", "always", "generally", "normally", "typically", "often", "tend",
                      "try", "whenever", "ordinarily"})
TIME_ANCHOR = re.compile(
    r"\b(?:when I|when we|once|last (?:year|month|week|spring|summer|autumn|fall|winter|quarter)|"
    r"ago|at my (?:last|previous|first|old)|in my (?:last|previous|first|old|second|third)|"
    r"during my|while I was|one (?:day|time|morning|evening|night|shift|week)|on my first|"
    r"in (?:19|20)\d\d|back in|that (?:day|week|year|morning|night))\b", re.I)
REMEDY_WORDS = frozenset("""improve practise practice practising practicing course training train mentor
coach learn habit checklist system reminder feedback technique method delegate calendar workshop class
tutorial book schedule plan track template list""".split())
REMEDY_MARKERS = re.compile(r"\b(?:getting (?:better|easier)|(?:have|'ve|has|'s) improved|improving|working on|"
                            r"(?:so )?now I\b|so I(?:'ve| have)? (?:started|began|begun|joined|signed up|set up|took|taken|asked|"
                            r"built|created|made it a rule|use|keep|set|block|schedule|write|check)\b|"
                            r"to (?:fix|address|overcome|manage|counter) (?:this|that|it))", re.I)
FORWARD_WORDS = frozenset("""want hope look aim plan excite eager keen ready grow develop learn build
next future forward step goal interest ambition progress challenge opportunity contribute pivot
transition pursue seek explore new different""".split())
DESIRE_VERBS = frozenset({"like", "love", "prefer", "wish", "enjoy"})  # "I would like a role that ..."
CONTRIBUTION_VERBS = frozenset("""bring offer help contribute add deliver support apply use build improve
lead make run manage teach create design solve fix grow handle take""".split())
CONTRIBUTION_NOUNS = re.compile(r"\bmy (?:experience|background|skills?|knowledge|training|track record|"
                                r"expertise|years)\b", re.I)
USED_TO = re.compile(r"\bused to\b", re.I)
# Research the candidate did: what they read, saw, used or heard of the company.
RESEARCH = re.compile(
    r"\bI(?:[’']ve| have)?\s+(?:been\s+)?(?:read|followed|following|seen|saw|noticed|heard|learned|learnt|"
    r"researched|spoke|spoken|talked|used|using|visited|watched|attended|met)\b|"
    r"\byour\s+(?:products?|apps?|services?|stores?|shops?|clinics?|schools?|recent|latest|new|website|"
    r"customers|clients|patients|expansion|launch|campaign|mission|approach|focus|work\s+(?:in|on|with))\b", re.I)
MONEY_WORDS = re.compile(
    r"(?:[£$€]\s?\d|\d\s?(?:k|K)\b|\b\d[\d,.]*\s?(?:thousand|grand|pounds|dollars|euros|an hour|per hour|"
    r"a year|per year|per annum|an? annum)\b|"
    # a pay grade: "Band 6", "the top pay point", "Agenda for Change", "GS-12"
    r"\b(?:band|grade|pay point|spine point|scale point)\s+\d+\b|\bpay (?:scale|point|band|grade|spine)s?\b|"
    r"\bagenda for change\b|\bGS-\d+\b)")
DEFERRAL = re.compile(
    r"\b(?:(?:learn|learned|know|knew|understand|understood|hear|find out|talk|discuss) (?:a bit |a little )?more about|"
    r"commensurate with|in the range of|(?:salary|pay) range|the range for|discuss (?:the |my )?(?:salary|pay|package)|"
    r"market (?:rate|data|range|value)|based on (?:my |the )?(?:research|what|market|experience)|"
    r"my research|in line with|typical (?:for|of)|the going rate|(?:glassdoor|payscale|salary survey)|"
    r"the full (?:package|picture)|total (?:package|compensation)|the responsibilities|the scope)\b", re.I)


@dataclass(frozen=True)
class Facts:
    words: int
    sentences: int
    past_sentences: int
    anchored: bool  # a time anchor ("last spring", "at my last job", a date)
    spans: dict[str, list[Span]] = field(default_factory=dict)

    def __getitem__(self, element: str) -> list[Span]:
        return self.spans.get(element, [])

    def has(self, element: str) -> bool:
        if element == "situation":  # two sentences of past narration, or one with a time or result
            return self.past_sentences >= 2 or (self.past_sentences >= 1 and (
                self.anchored or bool(self["result"]) or len(self["action"]) >= 2))
        if element == "evidence":
            return sum(bool(self[c]) for c in ("number", "date", "name", "action", "result")) >= 2
        return bool(self[element])

    def present(self, elements) -> list[str]:
        return [e for e in elements if self.has(e)]


def answer_facts(doc, parsed, sentences: list[list], words: int, company: str | None = None) -> Facts:
    """Facts of one answer: ``doc`` is its tagged Doc, ``parsed`` the parsed sentences (each
    with ``user_data["offset"]``), ``sentences`` the tagged tokens of each sentence."""
    text = doc.text
    found = find_evidence(doc, frozenset())
    spans: dict[str, list[Span]] = {k: list(found[k]) for k in ("number", "date", "name")}
    # a result is something that happened: an outcome noun, or an outcome verb in the past
    spans["result"] = [(t.idx, t.idx + len(t.text)) for t in doc if t.lemma_.lower() in OUTCOMES and (
        t.pos_ == "NOUN" or (t.pos_ == "VERB" and (_past_finite(t) or t.tag_ == "VBN")))]
    spans.update({k: [] for k in ("action", "we-action", "narrated", "hypothetical", "remedy", "forward",
                                  "contribution", "specifics", "company", "range")})
    for m in RESULT_MARKERS.finditer(text):
        spans["result"].append(m.span())
    used_to = [m.start() for m in USED_TO.finditer(text)]
    past = 0
    for tokens in sentences:
        if any(_past_finite(t) for t in tokens):
            past += 1
    for sent in parsed:
        offset = sent.user_data["offset"]
        first_person = False
        for t in sent:
            subject = subject_of(t)
            who = subject.lower_ if subject is not None else ""
            if who in ("i", "we"):
                first_person = True
            span = (offset + t.idx, offset + t.idx + len(t.text))
            if t.pos_ == "VERB" and who in ("i", "we") and t.lemma_.lower() not in STATE_VERBS \
                    and _past_action(t):
                spans["action" if who == "i" else "we-action"].append(span)
                if who == "i" and _narrated(t):
                    spans["narrated"].append(span)
            if t.pos_ in ("VERB", "AUX") and who in ("i", "we", "you") and _hypothetical(t):
                spans["hypothetical"].append(span)
            if who == "i" and t.pos_ == "VERB" and _ongoing(t) and t.lemma_.lower() not in STATE_VERBS - {"get"}:
                spans["remedy"].append(span)
            if who == "i" and t.pos_ == "VERB" and used_to and offset > used_to[0] and \
                    (_past_action(t) or _ongoing(t)):
                spans["remedy"].append(span)  # "I used to avoid it. So I joined Toastmasters"
            if who == "i" and t.pos_ == "VERB" and t.lemma_.lower() in CONTRIBUTION_VERBS and _modal_or_present(t):
                spans["contribution"].append(span)
        if not first_person:
            continue
        for t in sent:
            span = (offset + t.idx, offset + t.idx + len(t.text))
            lemma = t.lemma_.lower()
            if lemma in REMEDY_WORDS and (t.pos_ == "VERB" or t.pos_ == "NOUN" and t.dep_ != "compound"):
                # "a course", "I train": not "course materials", "training budget"
                spans["remedy"].append(span)
            if lemma in FORWARD_WORDS and t.pos_ in ("VERB", "NOUN", "ADJ", "ADV") and not _negated(t):
                spans["forward"].append(span)
            if lemma in DESIRE_VERBS and any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in t.children):
                spans["forward"].append(span)
    for m in REMEDY_MARKERS.finditer(text):
        spans["remedy"].append(m.span())
    for m in RESEARCH.finditer(text):
        spans["specifics"].append(m.span())
    for m in CONTRIBUTION_NOUNS.finditer(text):
        spans["contribution"].append(m.span())
    for t in doc:
        if (t.pos_ == "PROPN" and t.lower_ not in ("i",)) or is_number(t) or t.ent_type_ in _SPECIFIC_ENTS:
            spans["specifics"].append((t.idx, t.idx + len(t.text)))
    if company:
        rx = re.compile(r"(?<!\w)" + re.escape(company.strip()) + r"(?!\w)", re.I)
        spans["company"] = [m.span() for m in rx.finditer(text)]
        spans["specifics"].extend(spans["company"])
    spans["range"] = [m.span() for m in MONEY_WORDS.finditer(text)] + [m.span() for m in DEFERRAL.finditer(text)]
    spans["range"] += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MONEY"]
    anchored = bool(spans["date"]) or bool(TIME_ANCHOR.search(text))
    for key in spans:
        spans[key] = sorted(set(spans[key]))
    return Facts(words, len(sentences), past, anchored, spans)


_SPECIFIC_ENTS = frozenset({"ORG", "GPE", "LOC", "PRODUCT", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW",
                            "PERSON", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE"})


def subject_of(token):
    """The subject of a verb (through conjunctions and control: "I called and offered",
    "I tried to fix"), or None."""
    seen = 0
    while token is not None and seen < 6:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "csubj"):
                return child
        if token.dep_ in ("conj", "xcomp") and token.head is not token:
            token, seen = token.head, seen + 1
            continue
        return None
    return None


def _negated(t) -> bool:
    return any(c.lower_ in ("not", "n't", "never") for c in t.children)


def _past_finite(t) -> bool:
    return t.tag_ == "VBD" or ("Past" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm"))


def _past_action(t) -> bool:
    """"I rebuilt", "I have rebuilt", and a verb conjoined to one ("I called and offered")."""
    if _past_finite(t):
        return True
    if t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in t.children):
        return True
    return t.dep_ == "conj" and t.tag_ in ("VBN", "VBD") and _past_action(t.head) if t.head is not t else False


def _narrated(t) -> bool:
    """A past action told as an event ("I rebuilt", "we had called"), not summed up as
    experience ("I have worked in teams")."""
    if _past_finite(t) or (t.tag_ == "VBN" and any(c.lower_ == "had" for c in t.children)):
        return True
    return t.dep_ == "conj" and t.head is not t and _narrated(t.head)


def _hypothetical(t) -> bool:
    aux = [c.lower_ for c in t.children if c.dep_ == "aux"]
    if any(a in ("would", "'d", "will", "'ll") for a in aux):
        return True
    return t.tag_ in ("VBP", "VBZ") and any(c.lower_ in HABITUAL for c in t.children) or \
        t.lemma_.lower() in ("tend", "try") and t.tag_ in ("VBP", "VBZ")


def _ongoing(t) -> bool:
    """"I'm taking", "I've been practising", "I've started", "I now use": something the
    candidate does about it today."""
    aux = [c for c in t.children if c.dep_ in ("aux", "aux:pass", "cop")]
    present = any(a.tag_ in ("VBP", "VBZ") for a in aux)
    if t.tag_ == "VBG" and present and any(a.lemma_.lower() == "be" for a in aux):
        return True
    if t.tag_ == "VBN" and present and any(a.lemma_.lower() == "have" for a in aux):
        return True
    return t.tag_ in ("VBP", "VBZ") and any(c.lower_ in ("now", "always", "every", "daily", "weekly")
                                            for c in t.subtree)


def _modal_or_present(t) -> bool:
    return t.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children)
