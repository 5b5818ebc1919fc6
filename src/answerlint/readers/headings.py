"""Does a Markdown heading name the candidate's own questions ("Questions I'd ask", "Things to
ask", "Questions for you"), or is it an interview question or a group of them ("What questions do
you have for me?", "Questions I was asked", "Behavioral questions")?

Decided by meaning, not by a closed list of names: the heading's words are normalised (case,
emphasis, curly apostrophes, contractions: "I'd" -> "I would") and reduced to lemmas by a small
rule (plural and verb endings of the few words that matter: "questions", "asked", "inquiries").
A heading names the candidate's questions when it holds a question word (question, ask, inquiry,
query) and something that points from the candidate to the other side:

- the candidate asks: "I"/"we" as the subject of *ask* ("Questions I'd ask", "What I'll ask"),
  "my"/"our" before the question word ("My questions"), an infinitive or imperative *ask* with no
  other asker ("Things to ask", "Ask them");
- the questions go to the other side: the interviewer, employer, company, recruiter, panel, hiring
  manager or team, "them", or "you" as an object ("Questions for you").

It does not when the questions point back at the candidate: "you" as a subject ("What questions
do you have for me?", "How do you ask for help?"), "me"/"us" as an object ("for me", "ask us";
"for me to ask" is the candidate's), the other side as the asker ("Questions they might ask",
"Questions the interviewer may ask"), a passive ask ("Questions I was asked"), or an interview
prompt ("Tell me about a time you questioned a decision").
"""

from __future__ import annotations

import re

ASK = frozenset({"question", "ask", "inquiry", "query"})
PARTY = frozenset({"interviewer", "employer", "company", "recruiter", "panel", "hirer", "them", "they",
                   "organisation", "organization", "firm"})
HIRING = frozenset({"manager", "team", "panel", "committee"})  # after "hiring"
AUX = frozenset({"do", "does", "did", "would", "will", "can", "could", "should", "shall", "might", "may",
                 "must", "have", "has", "had", "are", "is", "am", "were", "was", "be"})
# between an asker and *ask*: "I would like to ask", "they will probably ask"
BETWEEN = AUX | frozenset({"want", "like", "to", "plan", "need", "often", "usually", "typically",
                           "probably", "likely", "always", "also", "then", "definitely", "really", "not"})
PASSIVE = frozenset({"was", "were", "been", "be", "being", "get", "got", "gets", "getting", "is", "are", "am"})
PROMPTS = frozenset({"tell", "describe", "walk", "give", "explain", "share", "talk", "name"})
PREPOSITIONS = frozenset({"for", "to", "with", "of", "from", "at", "ask"})
_CONTRACTIONS = {"d": "would", "ll": "will", "m": "am", "re": "are", "ve": "have", "s": "is"}
_STEMS = ASK | PARTY | HIRING | frozenset({"thing", "interview"})
_IRREGULAR = {"inquiries": "inquiry", "enquiry": "inquiry", "enquiries": "inquiry", "queries": "query",
              "companies": "company", "questioned": "question", "asked": "ask", "asking": "ask"}


def words(heading: str) -> list[str]:
    """The heading's lowercase words, contractions expanded, emphasis and punctuation dropped."""
    text = heading.lower().replace("\u2019", "'").replace("\u2018", "'")
    out: list[str] = []
    for word in re.findall(r"[a-z]+(?:'[a-z]+)?", text):
        if word.endswith("n't"):
            out += ["can" if word == "can't" else "will" if word == "won't" else word[:-3], "not"]
        elif "'" in word:
            base, ending = word.split("'", 1)
            out += [base] + ([_CONTRACTIONS[ending]] if ending in _CONTRACTIONS else [])
        else:
            out.append(word)
    return out


def lemma(word: str) -> str:
    """The lemma of the few words the decision reads; any other word as it is."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and word[:-len(ending)] in _STEMS:
            return word[:-len(ending)]
    return word


def _asks(original: list[str], lemmas: list[str], i: int) -> tuple[bool, bool]:
    """(is the word at ``i`` the subject of a following *ask*, is that ask passive: "I was
    asked", "I got asked", not "I would be asking")."""
    for k in range(i + 1, min(i + 5, len(lemmas))):
        if lemmas[k] == "ask":
            return True, original[k] == "asked" and lemmas[k - 1] in PASSIVE
        if lemmas[k] not in BETWEEN and lemmas[k] not in PASSIVE:
            return False, False
    return False, False


def classify(heading: str) -> tuple[bool, str]:
    """(does ``heading`` name the candidate's own questions, why in a few words)."""
    original = words(heading)
    lemmas = [lemma(w) for w in original]
    text = " ".join(lemmas)
    if "reverse interview" in text:
        return True, "a reverse interview"
    if not ASK.intersection(lemmas):
        return False, "no question word"
    if original and original[0] in PROMPTS:
        return False, f"an interview prompt ('{original[0]}')"
    towards: str | None = None
    for i, word in enumerate(lemmas):
        following = lemmas[i + 1] if i + 1 < len(lemmas) else None
        if word == "you":
            if i == 0 or lemmas[i - 1] not in PREPOSITIONS:
                return False, "asked of the candidate ('you' as the subject)"
            towards = towards or "addressed to 'you'"
        elif word in ("me", "us") and following != "to":
            return False, f"addressed to the interviewer's side ('{word}')"
        elif word in PARTY or (word in HIRING and i > 0 and lemmas[i - 1] == "hiring"):
            subject, passive = _asks(original, lemmas, i)
            if subject and not passive:
                return False, f"asked by the other side ('{original[i]}')"
            towards = towards or f"addressed to '{original[i]}'"
        elif word in ("i", "we", "me", "us"):
            subject, passive = _asks(original, lemmas, i)
            if subject and passive:
                return False, f"questions the candidate was asked ('{original[i]} ... {_ask_word(original, i)}')"
            if subject:
                towards = towards or f"asked by '{original[i]}'"
        elif word in ("my", "our") and ASK.intersection(lemmas[i + 1:i + 3]):
            towards = towards or f"'{original[i]}' questions"
        elif word == "ask" and (i == 0 and original[0] == "ask" or i > 0 and lemmas[i - 1] == "to"):
            towards = towards or ("'ask' as an instruction" if i == 0 else "'to ask'")
    if towards is None:
        return False, "no asker or addressee"
    return True, towards


def _ask_word(original: list[str], i: int) -> str:
    return next((w for w in original[i + 1:] if lemma(w) == "ask"), "ask")


def names_own_questions(heading: str) -> bool:
    return classify(heading)[0]
