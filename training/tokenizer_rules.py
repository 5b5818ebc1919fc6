"""Tokenizer changes made when the bundled pipeline is packaged (training/train.py).

spaCy's English tokenizer splits "e-mail" into "e", "-", "mail"; UD English EWT
keeps it whole (32 of 34 times in EWT train), and so do answer banks.  A token
split differently from the treebank cannot be tagged, lemmatized or attached as
one word.

Tried and rejected (docs/model.md): keeping punctuation runs whole as EWT does
("!!!", "**", "??").  It aligned 0.21% more EWT test tokens one-to-one with the
gold tokens and raised lemma accuracy by 0.3, but the models, which see such runs
rarely, tagged them worse than the single characters: UPOS -0.16, LAS -0.21.
"""

from __future__ import annotations

from spacy.language import Language

from answerlint.tokenizing import WHOLE_WORDS, keep_whole_words  # noqa: F401 (the list lives there)


def tune_tokenizer(nlp: Language) -> None:
    keep_whole_words(nlp)
