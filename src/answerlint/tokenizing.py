"""spaCy's tokenizer in linear time on text without spaces.

spaCy peels prefixes and suffixes off each whitespace-free chunk one at a time, and every step
searches, slices and hashes what is left of the chunk: a chunk of n characters that is all
punctuation (``!!!!...x``) costs n² (20,000 characters: 150 s). :class:`BoundedTokenizer` cuts
chunks longer than :data:`CHUNK` characters into pieces of that length, tokenizes each piece and
joins the Docs, so the text, offsets and token attributes are what spaCy would give for the
pieces; text without such chunks (every real answer) is tokenized by spaCy unchanged.
"""

from __future__ import annotations

import re

CHUNK = 400  # longer than any URL or word an answer holds
# Words spaCy's English tokenizer splits ("e", "-", "mail") and UD English EWT keeps whole: the
# bundled pipeline's tokenizer keeps them (training/tokenizer_rules.py adds them when packaging),
# and so does the tokenizer of rules that need no pipeline (nlpprovider.NlpProvider.blank).
WHOLE_WORDS = ("e-mail", "e-mails", "E-mail", "E-mails", "E-Mail", "E-Mails", "E-MAIL")
_LONG = re.compile(r"\S{%d,}" % (CHUNK + 1))


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; everything but calling it goes to the wrapped one."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, text: str):
        cuts = [cut for m in _LONG.finditer(text) for cut in range(m.start() + CHUNK, m.end(), CHUNK)]
        if not cuts:
            return self.inner(text)
        from spacy.tokens import Doc

        bounds = [0, *cuts, len(text)]
        return Doc.from_docs([self.inner(text[a:b]) for a, b in zip(bounds, bounds[1:])],
                             ensure_whitespace=False)

    def __getattr__(self, name: str):
        if name == "inner":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)


def keep_whole_words(nlp) -> None:
    """Make ``nlp``'s tokenizer keep :data:`WHOLE_WORDS` as one token each."""
    from spacy.attrs import ORTH

    for word in WHOLE_WORDS:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def bound(nlp):
    """``nlp`` with its tokenizer wrapped in a BoundedTokenizer (once)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp
