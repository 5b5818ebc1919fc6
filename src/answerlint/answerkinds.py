"""What an interview question asks for: its answer kind, inferred from the question's words.

Each kind is a row of :data:`KINDS`: a name, what a recruiter expects of the answer (shown in
``docs/question-types.md`` and ``answerlint rule``), the elements the score looks for, and cues.
A cue is a sequence of word alternatives (``leave|quit``) with optional gaps (``~3``: up to three
other words); every word, of the cue and of the question, is reduced to a crude lemma first
(lower case, contractions expanded, plurals and -ing/-ed endings and irregular forms folded), so
"Why did you leave", "WHY ARE YOU LEAVING" and "why'd you quit" all reach ``why-leave``.
The first kind with a matching cue wins, so specific kinds come before general ones
("Tell me about a time you failed" is ``failure-or-mistake``, not ``behavioral``).
A bank's ``kind:`` overrides the inference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Elements an answer can show; the scorer credits those its kind expects (answerlint.scoring).
STORY = "situation"  # one real past situation, told in the past tense
ACTION = "action"  # the candidate's own action: "I rebuilt", "I called"
RESULT = "result"  # what came of it
NUMBER = "number"
SPECIFICS = "specifics"  # names, places, products, numbers: facts about the company or role
REMEDY = "remedy"  # what the candidate is doing about a weakness
FORWARD = "forward"  # what the candidate wants next, not what they leave behind
CONTRIBUTION = "contribution"  # what the candidate brings
EVIDENCE = "evidence"  # at least two kinds of evidence (number, date, name, action, result)
RANGE = "range"  # a figure or range, or a reasoned deferral


@dataclass(frozen=True)
class AnswerKind:
    name: str
    summary: str  # what the question is
    expects: str  # what a recruiter expects of the answer
    elements: tuple[str, ...]  # what the score looks for
    cues: tuple[str, ...]
    story: bool = False  # the question asks for one past situation
    examples: tuple[str, ...] = ()  # questions of this kind, for the docs (and a test)


KINDS: tuple[AnswerKind, ...] = (
    AnswerKind(
        "salary-expectations", "What pay the candidate expects or earns now.",
        "A researched range with its basis (market data, the role's level), or a reasoned deferral "
        "until the role is clear; never \"whatever you think is fair\" or a refusal.",
        (RANGE,),
        ("salary|pay|compensation|wage|remuneration|ctc|package|money|rate ~4 "
         "expect|expectation|requirement|require|look|hope|want|need|range|desire|ask|think|deserve|worth|current|present|mind",
         "expect|expectation|requirement|desire|current|present|previous|last|hope|look ~3 salary|pay|compensation|wage|remuneration|ctc|package",
         "how much ~5 expect|want|hope|look|need|ask|like|earn|make|paid|charge",
         "what ~3 salary|pay|wage|compensation|rate ~3 you",
         "salary|pay|wage|compensation range",
         "earn|make ~3 now|currently|current|today|at_the_moment",
         "salary|pay|figure|number|amount ~2 in mind",
         "what ~3 package|salary|figure|offer ~5 take|tempt|need ~6 move|leave|join|switch"),
        examples=("What are your salary expectations?", "What are you earning now?", "How much would you like to be paid?"),
    ),
    AnswerKind(
        "why-leave", "Why the candidate is leaving (or left) a job, or what they thought of it.",
        "A brief, forward-looking reason (what you want next, what you learned), said without "
        "anything negative about the old employer, boss or colleagues.",
        (FORWARD,),
        ("why ~8 leave|quit|resign|depart|fire|dismiss|lay",
         "why ~5 let go",
         "why ~5 change|switch|move|look ~4 job|role|position|company|employer|team|opportunity|work",
         "reason|reasons ~2 for ~2 leave|quit|departure|change|move",
         "why ~4 move on", "why ~4 look ~2 to ~2 move|leave|change",
         "what ~3 make|prompt|cause|motivate|drive ~3 you ~3 decide|want|to ~3 leave|look|move|change|quit",
         "what ~4 not|dislike|hate|least ~3 like|enjoy|about ~5 last|previous|current|former|old|present ~2 job|role|position|company|employer|boss|manager|team|work",
         "what ~4 think|feel|say ~3 about|of ~2 previous|former|last|current|old|present ~2 boss|manager|supervisor|employer|company|team|colleague|coworker",
         "describe|tell ~4 previous|former|last|current|old|present ~2 boss|manager|supervisor|employer",
         "ever ~2 be ~2 fire|dismiss|let_go",
         "leave|quit ~10 what ~2 happen"),
        examples=("Why are you leaving your current job?", "What didn't you like about your last job?", "What do you think of your previous boss?"),
    ),
    AnswerKind(
        "weakness", "The candidate's weaknesses or areas for improvement.",
        "One real weakness that matters at work, what it has cost, and what you are doing about it "
        "(with an example); not a strength in disguise (\"I'm a perfectionist\") and not a refusal.",
        (REMEDY,),
        ("weak|weakness",
         "weak point|spot|area|side",
         "area|areas|thing|things|skill|skills ~6 improve|improvement|develop|development|work_on|better",
         "need ~3 work_on|improve|improvement|develop",
         "improve ~3 about yourself",
         "shortcoming|flaw|fault|limitation",
         "what ~4 struggle|find_difficult|find_hard|not_good_at|bad_at",
         "what ~4 find ~2 difficult|hard|challenging|tricky ~3 work|job|yourself"),
        examples=("What is your greatest weakness?", "What would you like to improve about yourself?"),
    ),
    AnswerKind(
        "failure-or-mistake", "A failure, mistake or setback of the candidate's.",
        "One real failure of yours, told as a story (what happened, your part in it, what you did "
        "next) and what you learned or changed; not a disguised success or someone else's fault.",
        (STORY, ACTION, RESULT),
        ("fail|failure|mistake|error|regret|setback|misstep|blunder",
         "go|went wrong|badly|awry",
         "not go ~4 plan|well|planned|want|hope|expect|intend",
         "miss ~2 deadline|target|goal",
         "not ~2 meet|reach|hit|achieve|make ~3 goal|target|deadline|expectation|quota",
         "drop ~2 ball", "screw|mess up", "fall|fell short",
         "get ~3 wrong"),
        story=True,
        examples=("Tell me about a time you failed.", "Describe a mistake you made at work."),
    ),
    AnswerKind(
        "conflict", "A conflict or disagreement, or a difficult person.",
        "One real disagreement told as a story: the situation, what you did to resolve it (calmly, "
        "in the first person) and the outcome, without blaming the other person.",
        (STORY, ACTION, RESULT),
        ("conflict|disagree|disagreement|argument|argue|clash|dispute|friction|tension|confrontation|confront",
         "difficult|angry|upset|unhappy|irate|rude|demanding|challenging|frustrated|dissatisfied|aggressive|hostile|abusive|violent ~2 "
         "customer|client|colleague|coworker|co|person|people|manager|boss|stakeholder|member|patient|parent|guest|supervisor",
         "not get along", "not see eye", "push_back|pushback", "eye to eye",
         "someone|colleague|person|people|manager|client|customer ~6 style|approach ~3 different",
         "client|customer|colleague|manager|stakeholder ~2 not ~2 happy|pleased|satisfied"),
        story=True,
        examples=("Tell me about a conflict with a colleague.", "How did you handle a difficult customer?"),
    ),
    AnswerKind(
        "why-hire-you", "Why the company should choose this candidate.",
        "Two or three things you bring that match the role, each backed by a fact or a result from "
        "your work, and how they would help this team.",
        (CONTRIBUTION, EVIDENCE),
        ("why ~4 hire|choose|pick|select|employ|take ~3 you",
         "what ~3 make|set ~3 you ~4 different|unique|stand|best|right|fit|qualified|ideal|suitable|apart|better",
         "what ~4 bring|offer|contribute|add ~4 team|us|company|role|table|organization|organisation|position",
         "why ~5 you ~4 right|best|good|ideal|suitable|strong|perfect ~3 candidate|person|fit|choice|hire",
         "what can you do for ~2 us|company",
         "convince ~2 me|us", "sell yourself", "what value ~3 bring|add",
         "what can|could|would|will you bring|offer|add|contribute"),
        examples=("Why should we hire you?", "What would you bring to our team?"),
    ),
    AnswerKind(
        "intro", "Tell me about yourself; a walk through the candidate's background.",
        "A short path through your background: where you are now (role, a result you are proud "
        "of), what came before that matters here, and why this role is the next step.",
        (EVIDENCE, FORWARD),
        ("tell ~4 about yourself", "tell ~4 something about you",
         "walk ~3 through ~3 cv|resume|résumé|background|career|experience|history|profile",
         "take ~3 through ~3 cv|resume|background|career|experience", "introduce yourself",
         "describe yourself", "about yourself", "your background", "a bit about you", "little about you",
         "tell ~2 about ~2 your ~2 experience|background|career|history",
         "who are you", "summary|overview ~3 of ~2 your ~2 experience|background|career",
         "what should ~2 know about you", "talk ~3 about yourself"),
        examples=("Tell me about yourself.", "Walk me through your CV."),
    ),
    AnswerKind(
        "motivation", "Why this job, this company or this industry; what the candidate knows of it.",
        "Specifics of this company and role (a product, a market, a fact you found, someone you "
        "spoke to) and what draws you to the work and what you bring; not pay, commute or perks.",
        (SPECIFICS, CONTRIBUTION),
        ("why ~5 want|interest|apply|join|work|choose|chose|pick|consider|attract ~5 "
         "here|us|company|role|job|position|team|organisation|organization|industry|field|sector|career|firm|business|profession|school|hospital|store|opportunity",
         "why ~3 this|our ~2 company|role|job|position|industry|field|organisation|organization|firm|team|sector|business|opportunity|profession",
         "what ~4 know ~3 about ~3 us|company|organisation|organization|our|this|firm|business|we",
         "what ~4 attract|interest|draw|appeal|excite ~4 you ~4 role|job|company|position|us|industry|field|work|opportunity",
         "why ~3 want ~3 be|become ~2 a|an",
         "why ~2 do ~2 you ~2 want ~2 work",
         "what ~3 make|get ~2 you ~3 interest|keen|excite|want ~4 work|join|apply|role|job|company|here|us",
         "why ~4 want ~3 work|train|join|be ~2 with|at|for",
         "what ~3 lead|bring|draw|motivate|prompt ~3 you ~4 apply|join|industry|field|role|career|here|us|company|position|job|profession",
         "why ~2 us|here",
         "what do you like about ~2 our|us|company|this"),
        examples=("Why do you want to work here?", "What do you know about our company?", "Why this industry?"),
    ),
    AnswerKind(
        "goals", "Where the candidate sees themselves; their career goals and plans.",
        "A realistic direction tied to this role (skills to build, responsibility to earn) that "
        "shows you plan to stay and grow here; not \"your job\" or a plan to leave.",
        (FORWARD, SPECIFICS),
        ("where ~4 see ~2 yourself", "where ~4 you ~3 be ~3 year|years|future",
         "five|5|ten|10|three|3|two|2 year|years ~2 plan|goal|time|from_now",
         "career|long|short|professional|future ~2 goal|goals|plan|plans|aspiration|ambition|path|objective|term",
         "what ~4 want|hope|aim|plan|like ~4 achieve|accomplish ~4 year|career|future|life|next",
         "what ~3 your ~2 goal|goals|ambition|ambitions|aspiration|aspirations|plan|plans",
         "how long ~4 stay"),
        examples=("Where do you see yourself in five years?", "What are your career goals?"),
    ),
    AnswerKind(
        "strength", "The candidate's strengths or best qualities.",
        "One or two strengths that matter for this role, each shown by one occasion (what you did "
        "and the result), not a list of adjectives.",
        (EVIDENCE,),
        ("strength|strong_point|strong_suit|strongest", "best quality|qualities|skill|asset",
         "greatest asset", "good_at|best_at|great_at|excel", "superpower|super_power",
         "what ~3 your ~2 best|top|key|core ~2 skill|skills|quality|qualities|trait|traits",
         "which|what ~3 your ~2 skill|skills|quality|qualities ~4 proud|best|strongest"),
        examples=("What is your greatest strength?", "What are you good at?"),
    ),
    AnswerKind(
        "behavioral", "Tell me about a time; describe a situation; give an example.",
        "One real past situation (when, where), what you did yourself (\"I ...\", past tense) and "
        "the result, with a number where there is one; not what you usually or would do.",
        (STORY, ACTION, RESULT),
        ("tell ~4 about ~3 time|occasion|situation|instance|moment|example|project|experience|day|challenge|"
         "problem|crisis|decision|idea|initiative|achievement|accomplishment|success|change|improvement|something",
         "describe ~4 time|situation|occasion|instance|moment|project|experience|example|challenge|problem|"
         "process|decision|idea|crisis|change|improvement|initiative",
         "what ~3 result|results|achievement|achievements ~4 deliver|achieve|get",
         "give ~4 example|instance|illustration", "share ~4 example|time|situation|experience|story|instance",
         "have you ever", "what did you do when|if", "what ~2 happen when",
         "how ~2 did|have ~2 you ~3 handle|deal|manage|cope|respond|approach|resolve|overcome|solve|react|tackle|navigate|lead|motivate|prioritize|prioritise|convince|persuade",
         "walk ~3 through ~3 time|situation|project|problem", "recall|think_of ~2 a ~2 time",
         "greatest|biggest|proudest ~2 achievement|accomplishment|success",
         "most proud", "proud of", "a time when|you", "example of ~2 a|an|when|how", "last time you"),
        story=True,
        examples=("Tell me about a time you went above and beyond.", "Describe a situation where you led a team.", "Give me an example of a goal you reached."),
    ),
    AnswerKind(
        "general", "Any other question.",
        "A direct answer backed by at least two kinds of evidence (a number, a date, a name, your "
        "own action, a result).",
        (EVIDENCE,),
        (),
        examples=("What motivates you?", "When could you start?"),
    ),
)

BY_NAME = {k.name: k for k in KINDS}
NAMES = tuple(k.name for k in KINDS)
STORY_KINDS = frozenset(k.name for k in KINDS if k.story)

_CONTRACTIONS = ((re.compile(r"n[’']t\b"), " not"), (re.compile(r"\bcan not\b"), "can not"),
                 (re.compile(r"[’'](re)\b"), r" are"), (re.compile(r"[’']ve\b"), " have"),
                 (re.compile(r"[’']ll\b"), " will"), (re.compile(r"[’']d\b"), " would"),
                 (re.compile(r"[’']m\b"), " am"),
                 (re.compile(r"\b(what|where|how|who|that|it|there|here|he|she|why|when)[’']s\b"), r"\1 is"),
                 (re.compile(r"[’']s\b"), ""))
_IRREGULAR = {
    "left": "leave", "went": "go", "gone": "go", "done": "do", "does": "do", "made": "make",
    "was": "be", "were": "be", "been": "be", "being": "be", "am": "be", "is": "be", "are": "be",
    "had": "have", "has": "have", "thought": "think", "felt": "feel", "chose": "choose", "chosen": "choose",
    "got": "get", "gotten": "get", "gave": "give", "given": "give", "brought": "bring", "dealt": "deal",
    "fell": "fall", "fallen": "fall", "took": "take", "taken": "take", "told": "tell", "kept": "keep",
    "led": "lead", "lost": "lose", "found": "find", "saw": "see", "seen": "see", "won": "win",
    "wrote": "write", "spoke": "speak", "ran": "run", "overcame": "overcome", "fired": "fire",
    "paid": "pay", "laid": "lay", "let": "let", "co-worker": "coworker", "co-workers": "coworker",
    "wouldn": "would", "didn": "did", "resumé": "resume", "résumé": "resume", "cv": "cv",
}


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude lemma, the same for a cue word and a question word: what matters is that
    "leaving", "leaves" and "left" meet, not that the result is a dictionary word."""
    word = _IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"  # "applied" meets "apply", "studies" meets "study"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    suffixed = len(word) > 5 and word.endswith("ing") or len(word) > 4 and word.endswith("ed")
    if suffixed:
        word = word[:-3] if word.endswith("ing") else word[:-2]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
            word = word[:-1]  # "planned" -> "plan", "stopped" -> "stop"
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # "leave" meets "leaving" and "leaved"; "disagree" meets "disagreed"
    return word


def words(text: str) -> list[str]:
    """The text's words as crude lemmas, whatever their case and contractions."""
    text = text.lower().replace("`", "'")
    for rx, repl in _CONTRACTIONS:
        text = rx.sub(repl, text)
    return [stem(w) for w in re.findall(r"[a-z0-9é]+", text)]


def _compile(cue: str) -> re.Pattern:
    parts = []
    for token in cue.split():
        if token.startswith("~"):
            parts.append(r"(?:\S+ ){0,%d}" % int(token[1:]))
        else:
            alternatives = sorted({" ".join(words(a.replace("_", " "))) for a in token.split("|")} - {""})
            parts.append("(?:" + "|".join(re.escape(a) for a in alternatives) + ") ")
    return re.compile(r"(?:^| )" + "".join(parts))


_COMPILED = tuple((k.name, tuple(_compile(c) for c in k.cues)) for k in KINDS)


def infer_kind(question: str | None) -> str:
    """The answer kind a question asks for ("general" when nothing more specific matches)."""
    if not question:
        return "general"
    joined = " ".join(words(question)) + " "
    for name, cues in _COMPILED:
        if any(rx.search(joined) for rx in cues):
            return name
    return "general"
