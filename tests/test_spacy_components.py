"""answerlint's own spaCy components in the bundled pipeline (answerlint.spacy_components)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from answerlint import nlp as anlp  # noqa: E402
from answerlint.spacy_components.lemma_table import LemmaTable  # noqa: E402
from answerlint.spacy_components.quantities import (  # noqa: E402
    QuantityRuler,
    anchor_extents,
    is_anchored,
)

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "In March 2023 I led a team of five engineers that cut deploy time by 40%.",
    "We saved $5,000 a month and reached 5k dollars in Q3 2022, two hundred days early.",
    "It cost €10, or 40 percent of the budget; later it was 12.5 per cent.",
    "I left last year after 6 weeks of notice and joined on the 3rd of May, 2021.",
    "The call is at 9am or 5:30 pm, not at noon. See you this morning.",
    "I finished 3rd out of twenty-five teams in the 1990s and again in '98.",
    "I have 10+ years of experience, a few months of it abroad, since early 2019.",
    "From 2019 to 2021 we hired one hundred and fifty people; a dozen left.",
    "May I ask a question? She is the one who hired me on Monday, 3/5/2023.",
    "Revenue grew by 1.5 million USD in FY2023, up 12% from 2,500,000 dollars.",
    "Two and a half years ago, half a year before the merger, sales fell 3 percentage points.",
    "No numbers here at all, just words about teamwork and learning.",
]


@pytest.fixture(scope="module")
def nlp():
    return anlp.load_pipeline()


def corpus_texts() -> list[str]:
    texts = list(TEXTS)
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.is_file() and path.suffix in {".md", ".txt", ".yaml", ".json"}:
            texts += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return texts


def test_bundled_pipeline_components(nlp):
    assert nlp.pipe_names[-2:] == ["lemma_table", "quantities"]
    assert isinstance(nlp.get_pipe("quantities"), QuantityRuler)
    assert isinstance(nlp.get_pipe("lemma_table"), LemmaTable)
    assert nlp.get_pipe_meta("quantities").factory == "answerlint_quantities"


def test_quantities_match_the_plain_entity_ruler(nlp):
    """Matching only around trigger tokens finds exactly what spaCy's ruler finds."""
    ours = nlp.get_pipe("quantities")
    plain = spacy.blank("en", vocab=nlp.vocab).add_pipe("entity_ruler",
                                                        config={"overwrite_ents": True})
    plain.add_patterns(ours.patterns)
    texts = corpus_texts()
    assert len(texts) > 100
    n_ents = 0
    with nlp.select_pipes(disable=["quantities"]):
        docs = list(nlp.pipe(texts))
    for doc in docs:
        expected = [(e.start, e.end, e.label_) for e in plain(doc.copy()).ents]
        got = [(e.start, e.end, e.label_) for e in ours(doc.copy()).ents]
        assert got == expected, doc.text
        n_ents += len(got)
    assert n_ents > 50


def test_shipped_extents_cover_every_pattern(nlp):
    ruler = nlp.get_pipe("quantities")
    assert (ruler.left, ruler.right) == anchor_extents(ruler.patterns, ruler.trigger_words)
    assert 0 < ruler.left < ruler.right <= 8


def test_windows_are_merged_ranges_around_triggers(nlp):
    ruler = nlp.get_pipe("quantities")
    doc = nlp.make_doc("We talked . Then I led five people for 3 months in total at the firm")
    left, right = ruler.left, ruler.right
    five, months = 6, 10  # triggers "five", "3" (9) and "months" merge into one window
    assert ruler.windows(doc) == [(five - left, min(len(doc), months + right + 1))]
    assert ruler.windows(nlp.make_doc("Nothing to see here")) == []


@pytest.mark.parametrize(
    "spec, anchored",
    [
        ({"TEXT": {"REGEX": r"^\d+$"}}, True),
        ({"LOWER": {"REGEX": r"^\d+$|^(one|two)$"}}, True),
        ({"LOWER": {"REGEX": r"^\d+$|^(one|lots)$"}}, False),  # "lots" is no trigger
        ({"LOWER": {"IN": ["one", "two"]}}, True),
        ({"LOWER": "the"}, False),
        ({"LOWER": "one", "OP": "?"}, False),  # optional: a match need not contain it
        ({"IS_CURRENCY": True}, True),
        ({"POS": "NUM"}, False),
    ],
)
def test_is_anchored(spec, anchored):
    assert is_anchored(spec, {"one", "two"}) is anchored


def test_anchor_extents():
    pats = [
        {"label": "A", "pattern": [{"LOWER": "the"}, {"LOWER": "one"}, {"LOWER": "x"}]},
        {"label": "B", "pattern": [{"TEXT": {"REGEX": r"^\d$"}}, {}, {}, {}]},
    ]
    assert anchor_extents(pats, {"one"}) == (1, 3)
    with pytest.raises(ValueError, match="without a trigger token"):
        anchor_extents([{"label": "C", "pattern": [{"LOWER": "the"}]}], {"one"})
    with pytest.raises(ValueError, match="cannot be windowed"):
        anchor_extents([{"label": "D", "pattern": [{"LOWER": "one", "OP": "+"}]}], {"one"})


@pytest.mark.filterwarnings("ignore:.*W012")  # spaCy runs phrase patterns through the pipeline
def test_phrase_patterns_are_matched_outside_windows(nlp):
    ruler = nlp.get_pipe("quantities")
    other = QuantityRuler(nlp, "q2", trigger_words=ruler.trigger_words, left=ruler.left,
                          right=ruler.right, overwrite_ents=True, validate=True)
    other.add_patterns([{"label": "DATE", "pattern": "the other day"},
                        {"label": "CARDINAL", "pattern": [{"TEXT": {"REGEX": r"^\d+$"}}]}])
    doc = nlp.make_doc("I saw 12 of them the other day")
    assert [(e.text, e.label_) for e in other(doc).ents] == [
        ("12", "CARDINAL"), ("the other day", "DATE"),
    ]


def test_lemma_table_overrides_known_pairs(tmp_path):
    nlp = spacy.blank("en")
    table = nlp.add_pipe("answerlint_lemma_table")
    table.set_table([("better", "RBR", "well"), ("better", "JJR", "good")])
    assert len(table) == 2
    doc = nlp.make_doc("better better worse")
    for tok, tag in zip(doc, ["RBR", "JJR", "JJR"]):
        tok.tag_ = tag
        tok.lemma_ = tok.text
    table(doc)
    assert [t.lemma_ for t in doc] == ["well", "good", "worse"]
    table.to_disk(tmp_path / "t")
    other = LemmaTable(nlp, "x").from_disk(tmp_path / "t")
    assert other.table == table.table


def test_bundled_lemma_table(nlp):
    table = nlp.get_pipe("lemma_table")
    assert len(table) > 10_000
    assert table.table["RBR"]["better"] == "well"
    assert table.table["VBD"]["was"] == "be"


def test_email_is_one_token(nlp):
    assert [t.text for t in nlp.make_doc("Send an e-mail or E-mails.")] == [
        "Send", "an", "e-mail", "or", "E-mails", ".",
    ]


def test_models_use_numpy_blas(nlp):
    """load_pipeline builds the models with NumpyOps(use_blis=False): 2x faster here."""
    ops = nlp.get_pipe("tok2vec").model.ops
    assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False


def test_plain_spacy_load_finds_the_factories_through_entry_points():
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "print(' '.join(nlp.pipe_names)); "
        "print([(e.text, e.label_) for e in nlp('We grew 40% in 2023.').ents])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(anlp.bundled_path())],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].split()[-2:] == ["lemma_table", "quantities"]
    assert out[1] == "[('40%', 'PERCENT'), ('2023', 'DATE')]"
