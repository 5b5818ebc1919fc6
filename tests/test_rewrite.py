"""STAR rewrites (answerlint.rewrite): pinned outputs and the three hard rules.

The hard rules, checked for every case:
1. the rewrite, parsed by the same pipeline, is a clause: its first sentence has a verbal
   root, or it contains a past-tense verb whose subject is I/we;
2. it does not contain the flagged phrase (so the same rule cannot fire again);
3. it invents nothing: outside <placeholders>, every word comes from the original sentence,
   the templates or the action verb, and every number or capitalised word from the original.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

lemminflect = pytest.importorskip("lemminflect")
spacy = pytest.importorskip("spacy")

from answerlint import rewrite as rw  # noqa: E402
from answerlint.inflect import forms  # noqa: E402
from answerlint.rewrite import TEMPLATES, rewrite  # noqa: E402

BUNDLED_META = Path(rw.__file__).parent / "models" / "en_answerlint_ud" / "meta.json"
DEVMODEL = Path("/tmp/devmodel")


@pytest.fixture(scope="module")
def nlp():
    if BUNDLED_META.exists():
        from answerlint.nlp import load_pipeline

        return load_pipeline()
    if (DEVMODEL / "meta.json").exists():
        return spacy.load(DEVMODEL)
    pytest.skip("no parsed English pipeline (bundled model or /tmp/devmodel)")


def run(nlp, text: str, flagged: str, verb: str | None, **kw) -> str | None:
    doc = nlp(text)
    start = text.index(flagged)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    return rewrite(sent, start, start + len(flagged), verb, **kw)


R = "<result, with a number>"
# (sentence, flagged phrase, action verb from the pack or None, pinned output or None)
CASES = [
    ("I am a team player.", "team player", "work with",
     f"In <when>, I worked with <who> to <goal>, and we {R}."),
    ("I'm a problem solver who loves tackling tough challenges.", "problem solver", "solve",
     f"In <when>, I solved <which problem> by <what you did>, which {R}."),
    ("I'm a team player on cross-functional projects.", "team player", "work with",
     f"In <when>, I worked with <who> on cross-functional projects to <goal>, and we {R}."),
    ("I am passionate about data visualisation.", "passionate", "work on",
     f"In <when>, I worked on data visualisation, and {R}."),
    ("My friends describe me as reliable.", "reliable", "deliver",
     f"In <when>, I delivered <what> by <deadline>, and {R}."),
    ("People say I'm a perfectionist.", "perfectionist", "check",
     f"In <when>, I checked <what> and found <which mistake>, which {R}."),
    ("We are a close-knit bunch of problem solvers.", "problem solvers", None,
     f"In <when>, we solved <which problem> by <what you did>, which {R}."),
    ("I'm a natural leader.", "natural leader", None,
     f"In <when>, I led <who> to <goal>, and we {R}."),
    ("I am good with solving crisis situations.", "good with solving crisis situations", None,
     f"In <when>, I solved <which crisis situation> by <what you did>, which {R}."),
    ("I have a lot of experience in project management.", "a lot of experience", None,
     f"In <when>, I handled <what> in project management, and {R}."),
    ("I consider myself a quick study.", "quick study", None,
     f"In <when>, I learned <what> in <how long>, and {R}."),
    ("I was a team player at my last job.", "team player", "work with",
     f"At my last job, I worked with <who> to <goal>, and we {R}."),
    ("My manager would describe me as very detail-focused.", "detail-focused", "catch",
     f"In <when>, I caught <which mistake> in <what>, which {R}."),
    ("I work hard.", "work hard", None, f"In <when>, I worked on <what>, and {R}."),
    # not pinned: the three hard rules only
    ("I'm a team player with the design team.", "team player", None,
     f"In <when>, I worked with the design team to <goal>, and we {R}."),
    ("I'm not just a team player, I'm a leader.", "leader", "lead", None),
    ("My greatest strength is my leadership.", "leadership", None, None),
    ("I am passionate about data visualisation.", "passionate", None, None),
    ("I consider myself to be a quick study.", "quick study", "learn", None),
    ("I would describe myself as a hard worker.", "hard worker", "finish", None),
    ("I would describe myself as a hard worker.", "hard worker", None, None),
    ("My manager would describe me as very detail-focused.", "detail-focused", None, None),
    ("I pride myself on being reliable.", "reliable", "deliver", None),
    ("I pride myself on being reliable.", "reliable", None, None),
    ("I'm known for being a great communicator.", "great communicator", "explain", None),
    ("I'm known for being a great communicator.", "communicator", None, None),
    ("One of my strengths is attention to detail.", "attention to detail", "catch", None),
    ("My greatest strength is my work ethic.", "work ethic", None, None),
    ("I always give 110%.", "give 110%", None, None),
    ("I always give 110% to every project.", "give 110%", "finish", None),
    ("We are problem solvers.", "problem solvers", "solve", None),
    ("My team and I are problem solvers.", "problem solvers", "solve", None),
    ("I'm a natural leader.", "natural leader", "lead", None),
    ("I'm very organized and creative.", "organized", None, None),
    ("I'm very organized and creative.", "very organized", None, None),
    ("I'm very organized and creative.", "creative", None, None),
    ("At Acme, I was the go-to problem solver for the billing team in 2021.", "problem solver", None, None),
    ("During my internship at Google, I was a quick learner.", "quick learner", None, None),
    ("I'm passionate about building internal tools.", "passionate", None, None),
    ("I'm good at managing people across time zones.", "good at managing people", None, None),
    ("In my opinion, I am a self-starter.", "self-starter", None, None),
    ("I thrive under pressure and meet every deadline.", "thrive under pressure", None, None),
    ("I'm a highly motivated, results-driven professional.", "highly motivated", None, None),
    ("I'm innovative and always think outside the box.", "think outside the box", None, None),
    ("I bring a lot of energy to every team I join.", "a lot of energy", None, None),
    ("I'm a team player in every sense of the word.", "team player", "work with", None),
    ("I'm a great listener.", "great listener", None, None),
    ("I am a detail-oriented person.", "detail-oriented", "catch", None),
    ("I'm dedicated to helping customers.", "dedicated", None, None),
    ("Honestly, my biggest strength is that I am a people person.", "people person", "work with", None),
    ("I go above and beyond for my clients.", "go above and beyond", None, None),
    ("As a project manager at Initech, I am a strong communicator with stakeholders.",
     "strong communicator", "explain", None),
]
IDS = [f"{i:02d}-{c[1].replace(' ', '_')}-{c[2] or 'derived'}" for i, c in enumerate(CASES)]

PLACEHOLDER = re.compile(r"<[^<>]*>")
NUMBER_WORDS = frozenset("zero one two three four five six seven eight nine ten eleven twelve "
                         "thirteen fifteen twenty thirty forty fifty hundred thousand million "
                         "billion dozen half percent first second third".split())


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+|\d+", text)


def template_words() -> set[str]:
    texts = [t.text + " " + t.obj for t in TEMPLATES.values()] + [rw.DEFAULT_WHEN, rw.FALLBACK_VERB]
    texts += [*rw.VERB_TEMPLATES, *rw.TRAIT_VERBS.values(), *rw.PARTICLES.values()]
    return {"i", "we"} | {w.lower() for text in texts for w in words(PLACEHOLDER.sub(" ", text))}


def lemmas(word: str) -> set[str]:
    found = {word}
    for group in lemminflect.getAllLemmas(word).values():
        found.update(group)
    return found


@pytest.mark.parametrize(("text", "flagged", "verb", "expected"), CASES, ids=IDS)
def test_rewrite(nlp, text, flagged, verb, expected):
    out = run(nlp, text, flagged, verb)
    assert out is not None
    if expected is not None:
        assert out == expected
    assert out == run(nlp, text, flagged, verb), "not deterministic"
    assert out.count("<") == out.count(">")

    # (1) a clause in the past tense with I/we as subject
    doc = nlp(out)
    first = next(iter(doc.sents))
    past = [t for t in doc if t.pos_ in ("VERB", "AUX")
            and (t.tag_ == "VBD" or "Past" in t.morph.get("Tense"))]
    with_subject = [t for t in past
                    if any(c.dep_.startswith("nsubj") and c.lower_ in ("i", "we") for c in t.children)
                    or (t.i > 0 and doc[t.i - 1].lower_ in ("i", "we"))]
    assert first.root.pos_ in ("VERB", "AUX") or with_subject, [(t.text, t.pos_, t.dep_) for t in doc]

    # (2) the flagged phrase is gone; a one-word label does not come back in any form
    assert flagged.lower() not in out.lower()
    outside = PLACEHOLDER.sub(" ", out)
    if len(flagged.split()) == 1:
        assert not {w.lower() for w in words(outside)} & forms(flagged.lower())

    # (3) nothing invented outside placeholders
    original = {w.lower() for w in words(text)}
    allowed = original | template_words() | {w.lower() for w in words(verb or "")}
    for word in words(outside):
        low = word.lower()
        if word.isdigit() or low in NUMBER_WORDS or word[0].isupper():
            assert low in original or (low in template_words() and not word.isdigit()), word
        derived = any(o[:4] == low[:4] for o in original if len(o) >= 4)  # solver -> solved
        assert low in allowed or lemmas(low) & allowed or derived, word


def test_subject_is_the_person_described(nlp):
    assert run(nlp, "My friends describe me as reliable.", "reliable", "deliver").startswith("In <when>, I ")
    assert run(nlp, "People say I'm a perfectionist.", "perfectionist", "check").startswith("In <when>, I ")
    assert ", we solved " in run(nlp, "We are problem solvers.", "problem solvers", "solve")
    assert ", we solved " in run(nlp, "My team and I are problem solvers.", "problem solvers", "solve")


@pytest.mark.parametrize(("text", "flagged"), [
    ("I'm not a perfectionist.", "perfectionist"),
    ("I would never call myself a team player.", "team player"),
    ("Are you a team player?", "team player"),
])
def test_no_rewrite_for_negations_and_questions(nlp, text, flagged):
    assert run(nlp, text, flagged, "work with") is None


def test_span_outside_the_sentence(nlp):
    doc = nlp("I am a team player. I like maps.")
    second = doc.char_span(20, len(doc.text))
    assert rewrite(second, 7, 18, "work with") is None


def test_multiword_verbs_inflect_the_first_word(nlp):
    assert run(nlp, "I am a team player.", "team player", "collaborate with").startswith(
        "In <when>, I collaborated with <who>")
    assert ", I took ownership of " in run(nlp, "I am reliable.", "reliable", "take ownership of")


def test_named_template_overrides_the_verb_choice(nlp):
    out = run(nlp, "I am a team player.", "team player", "work with", template="default")
    assert out == f"In <when>, I worked with <what>, and {R}."
    assert {"teamwork", "problem", "default"} <= set(TEMPLATES)


def test_templates_are_read_only():
    with pytest.raises(TypeError):
        TEMPLATES["x"] = TEMPLATES["default"]  # type: ignore[index]


def test_import_is_cheap():
    """Importing the module loads neither spaCy nor lemminflect (which imports spaCy)."""
    import subprocess
    import sys

    probe = "import sys, answerlint.rewrite; print('spacy' in sys.modules, 'lemminflect' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
