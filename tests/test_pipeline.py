"""The bundled English pipeline (en_answerlint_ud), loaded through answerlint.nlp.

Runs with sockets disabled: loading and running the pipeline must never touch the
network.  The model is located through ``answerlint.nlp`` (importlib.resources),
so this works from an installed package, not only from a source checkout.
"""

from __future__ import annotations

import json
import socket

import pytest

try:
    # Imported at collection, before sockets are disabled: urllib3 (a dependency of
    # spaCy's CLI helpers) probes IPv6 support by creating (not connecting) a socket
    # at import time.  Any socket use during the tests below is then a real one.
    import spacy
except ImportError:  # pragma: no cover - spaCy is a dependency; CI installs it
    spacy = None

pytestmark = [
    pytest.mark.skipif(spacy is None, reason="spaCy is not installed"),
    pytest.mark.disable_socket,
]

from answerlint import nlp as anlp  # noqa: E402  (answerlint itself never needs spaCy to import)


@pytest.fixture(scope="module")
def nlp():
    return anlp.load_pipeline()


def toks(doc):
    return {t.text: t for t in doc}


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_blocked():
    """Guard: the module really runs without network access."""
    pytest.importorskip("pytest_socket")
    with pytest.raises(Exception):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))


# --- loader -------------------------------------------------------------------


def test_bundled_path_is_inside_the_package():
    path = anlp.bundled_path()
    assert path.name == anlp.BUNDLED == "en_answerlint_ud"
    assert path.parent.name == "models" and path.parent.parent.name == "answerlint"
    for name in ("config.cfg", "meta.json", "LICENSE", "README.md"):
        assert (path / name).is_file(), name


@pytest.mark.parametrize("name", [None, "bundled", "en_answerlint_ud"])
def test_aliases_load_the_bundled_pipeline(nlp, name):
    other = anlp.load_pipeline(name) if name else nlp
    assert other.meta["name"] == "answerlint_ud"
    assert other.pipe_names == nlp.pipe_names


def test_load_by_directory_path_and_exclude():
    nlp = anlp.load_pipeline(str(anlp.bundled_path()), exclude=("parser",))
    assert "parser" not in nlp.pipe_names
    assert "tagger" in nlp.pipe_names
    assert anlp.label_scheme(nlp) == "none"
    doc = nlp("I led the team.")
    assert [t.tag_ for t in doc] == ["PRP", "VBD", "DT", "NN", "."]


def test_unknown_pipeline_raises_pipeline_error(tmp_path):
    with pytest.raises(anlp.PipelineError) as err:
        anlp.load_pipeline("xx_no_such_pipeline")
    assert str(err.value) == (
        "cannot load spaCy pipeline 'xx_no_such_pipeline': "
        "no installed package or directory of that name"
    )
    assert "\n" not in str(err.value)
    with pytest.raises(anlp.PipelineError, match="not a spaCy pipeline directory"):
        anlp.load_pipeline(str(tmp_path))
    assert issubclass(anlp.PipelineError, Exception)


def test_components(nlp):
    assert nlp.pipe_names == [
        "tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer",
        "lemma_table", "quantities",
    ]


def test_label_scheme(nlp):
    assert anlp.label_scheme(nlp) == "ud"
    labels = set(nlp.get_pipe("parser").labels)
    assert {"nsubj", "obj", "obl", "cop", "nmod:poss", "acl:relcl"} <= labels
    assert not {"dobj", "pobj", "attr"} & labels


def test_pipeline_info(nlp):
    info = anlp.pipeline_info(nlp)
    assert info["name"] == "en_answerlint_ud"
    assert info["version"] == nlp.meta["version"]
    assert info["lang"] == "en"
    assert info["components"] == nlp.pipe_names
    assert info["label_scheme"] == "ud"
    assert info["spacy_version"] == spacy.__version__
    assert info["path"] and info["path"].endswith("en_answerlint_ud")
    ewt, gum = info["accuracy"]["ewt_test"], info["accuracy"]["gum_test"]
    for scores in (ewt, gum):
        assert set(scores) >= {"UPOS", "TAG", "LAS", "UAS", "lemma", "sentence_F"}
        assert all(0 < v <= 100 for v in scores.values())
    # regression floor: the shipped model's measured accuracy (docs/model.md: UPOS
    # 94.37, LAS 80.40, lemma 95.06, GUM sentence F 83.79) must not drop; issue 3's
    # UPOS 94.5, lemma 96 and sentence F 85 targets are not met.
    assert ewt["UPOS"] >= 94.3 and ewt["LAS"] >= 80.3 and ewt["lemma"] >= 95.0
    assert gum["sentence_F"] >= 83.7
    json.dumps(info)  # JSON-serialisable for `answerlint model --json`


def test_meta_credits_ewt(nlp):
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    assert "EWT" in nlp.meta["sources"][0]["name"]
    licence = (anlp.bundled_path() / "LICENSE").read_text()
    assert "CC BY-SA 4.0" in licence and "UD_English-EWT" in licence


# --- analyses of interview-style sentences -----------------------------------


def analysis(doc):
    """token -> (tag, pos, lemma, dep, head) for tokens with unique text."""
    return {t.text: (t.tag_, t.pos_, t.lemma_, t.dep_, t.head.text) for t in doc}


def test_copula_coordination(nlp):
    doc = nlp("I am a team player and a problem solver.")
    a = analysis(doc)
    # UD: the predicate noun is the head, "am" is a copula
    assert a["player"][3] == "ROOT"
    assert a["am"] == ("VBP", "AUX", "be", "cop", "player")
    assert a["I"] == ("PRP", "PRON", "I", "nsubj", "player")
    assert a["solver"] == ("NN", "NOUN", "solver", "conj", "player")
    assert a["and"][3:] == ("cc", "solver")
    assert len(list(doc.sents)) == 1


def test_past_tense_relative_clause_and_entities(nlp):
    doc = nlp("In March 2023 I led a team of five engineers that cut deploy time by 40%.")
    a = analysis(doc)
    led = doc[4]
    assert (led.text, led.tag_, led.pos_, led.lemma_, led.dep_) == ("led", "VBD", "VERB", "lead", "ROOT")
    assert led.morph.get("Tense") == ["Past"]
    assert a["I"][3:] == ("nsubj", "led")
    assert a["team"][3:] == ("obj", "led")
    assert a["engineers"][:3] == ("NNS", "NOUN", "engineer")
    assert a["five"][:2] == ("CD", "NUM")
    assert a["cut"][3:] == ("acl:relcl", "engineers")
    assert a["that"][3:] == ("nsubj", "cut")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("March 2023", "DATE"), ("five", "CARDINAL"), ("40%", "PERCENT"),
    ]


def test_question_with_copula(nlp):
    doc = nlp("What is the salary for this position?")
    a = analysis(doc)
    # UD (as annotated in EWT): in a copular wh-question the wh-word is the predicate
    # (root), the copula depends on it and the questioned noun is the subject.
    assert a["What"] == ("WP", "PRON", "what", "ROOT", "What")
    assert a["is"] == ("VBZ", "AUX", "be", "cop", "What")
    assert a["salary"] == ("NN", "NOUN", "salary", "nsubj", "What")
    assert a["position"][3:] == ("nmod", "salary")
    assert a["for"][3:] == ("case", "position")
    assert [t.text for t in doc if t.is_sent_start] == ["What"]


def test_object_predicative_and_relative_clause(nlp):
    doc = nlp("My friends describe me as a perfectionist who always goes the extra mile.")
    a = analysis(doc)
    assert a["describe"][3] == "ROOT"
    assert a["friends"] == ("NNS", "NOUN", "friend", "nsubj", "describe")
    assert a["My"][3:] == ("nmod:poss", "friends")
    assert a["me"] == ("PRP", "PRON", "I", "obj", "describe")
    assert a["goes"] == ("VBZ", "VERB", "go", "acl:relcl", "perfectionist")
    assert a["who"][3:] == ("nsubj", "goes")
    assert a["mile"][3:] == ("obj", "goes")
    assert doc[9].morph.get("Tense") == ["Pres"] and doc[9].morph.get("Person") == ["3"]


def test_present_perfect_and_duration(nlp):
    doc = nlp("I have worked in customer service for three years.")
    a = analysis(doc)
    assert a["worked"] == ("VBN", "VERB", "work", "ROOT", "worked")
    assert doc[2].morph.get("VerbForm") == ["Part"]
    assert a["have"][1:] == ("AUX", "have", "aux", "worked")
    assert a["service"][3:] == ("obl", "worked")
    assert a["years"] == ("NNS", "NOUN", "year", "obl", "worked")
    assert [(e.text, e.label_) for e in doc.ents] == [("three years", "DURATION")]


def test_passive(nlp):
    doc = nlp("I was promoted to senior developer after two years.")
    a = analysis(doc)
    assert a["promoted"] == ("VBN", "VERB", "promote", "ROOT", "promoted")
    assert doc[2].morph.get("Voice") == ["Pass"]
    assert a["I"][3:] == ("nsubj:pass", "promoted")
    assert a["was"] == ("VBD", "AUX", "be", "aux:pass", "promoted")
    assert [(e.text, e.label_) for e in doc.ents] == [("two years", "DURATION")]


def test_coordinated_clauses(nlp):
    doc = nlp("She managed the budget, and I wrote the reports.")
    a = analysis(doc)
    assert a["managed"] == ("VBD", "VERB", "manage", "ROOT", "managed")
    assert a["wrote"] == ("VBD", "VERB", "write", "conj", "managed")
    assert a["I"][3:] == ("nsubj", "wrote")
    assert a["reports"] == ("NNS", "NOUN", "report", "obj", "wrote")
    assert a["budget"][3:] == ("obj", "managed")


def test_contractions(nlp):
    doc = nlp("I'm passionate about data, and I'd love to grow with your company.")
    assert [t.text for t in doc][:3] == ["I", "'m", "passionate"]
    a = analysis(doc)
    assert a["'m"] == ("VBP", "AUX", "be", "cop", "passionate")
    assert a["passionate"][3] == "ROOT"
    assert a["'d"][:3] == ("MD", "AUX", "would")
    assert a["love"][3:] == ("conj", "passionate")
    assert a["grow"][3:] == ("xcomp", "love")
    assert a["your"][3:] == ("nmod:poss", "company")
    doc = nlp("I don't give up.")
    a = analysis(doc)
    assert a["n't"][1:3] == ("PART", "not")
    assert doc[2].morph.get("Polarity") == ["Neg"]


def test_sentence_boundaries_and_entities(nlp):
    doc = nlp("I finished first in my class. Then I joined Google in 2019.")
    assert [s.text for s in doc.sents] == ["I finished first in my class.", "Then I joined Google in 2019."]
    a = analysis(doc)
    assert a["joined"] == ("VBD", "VERB", "join", "ROOT", "joined")
    assert a["Google"][:2] == ("NNP", "PROPN") and a["Google"][3:] == ("obj", "joined")
    assert [(e.text, e.label_) for e in doc.ents] == [("first", "ORDINAL"), ("2019", "DATE")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We saved $5,000 a month and reached 5k dollars in Q3.",
         [("$5,000", "MONEY"), ("5k dollars", "MONEY"), ("Q3", "DATE")]),
        ("It cost €10, or 40 percent of the budget.", [("€10", "MONEY"), ("40 percent", "PERCENT")]),
        ("I left last year after 6 weeks of notice.", [("last year", "DATE"), ("6 weeks", "DURATION")]),
        ("The call is at 9am or 5:30 pm.", [("9am", "TIME"), ("5:30 pm", "TIME")]),
        ("I finished 3rd out of twenty teams.", [("3rd", "ORDINAL"), ("twenty", "CARDINAL")]),
        ("I have 10+ years of experience.", [("10+ years", "DURATION")]),
        ("We hired 1500 people in 2021.", [("1500", "CARDINAL"), ("2021", "DATE")]),
        ("In May 2020 I moved to Berlin.", [("May 2020", "DATE")]),
        ("May I ask a question?", []),
        ("She is the one who hired me.", []),
    ],
)
def test_entity_ruler(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_entity_ruler_without_parser():
    """answerlint tags without the parser: the ruler must not depend on it."""
    tagger_only = anlp.load_pipeline(exclude=("parser",))
    doc = tagger_only("In March 2023 I led a team of five engineers that cut deploy time by 40%.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("March 2023", "DATE"), ("five", "CARDINAL"), ("40%", "PERCENT"),
    ]
    assert [(e.text, e.label_) for e in tagger_only("I started in May.").ents] == [("May", "DATE")]


def test_deterministic(nlp):
    texts = [
        "I am a team player and a problem solver.",
        "In March 2023 I led a team of five engineers that cut deploy time by 40%.",
        "What is the salary for this position? I would like to know.",
    ]

    def run():
        return [
            [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
              t.is_sent_start, t.ent_type_) for t in doc]
            for doc in nlp.pipe(texts)
        ]

    first = run()
    assert run() == first
    assert [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
              t.is_sent_start, t.ent_type_) for t in nlp(x)] for x in texts] == first
    # a freshly loaded copy gives the same analyses
    other = anlp.load_pipeline()
    assert [[(t.tag_, t.lemma_, t.dep_, t.head.i) for t in other(x)] for x in texts] == [
        [(r[1], r[4], r[5], r[6]) for r in doc] for doc in first
    ]
