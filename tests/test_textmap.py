"""TextBuilder.add (a run of characters at a time) folds exactly as add_char does one at a time."""

from hypothesis import given, settings
from hypothesis import strategies as st

from answerlint.textmap import TextBuilder

CHARS = st.sampled_from(list("ab.?’é") + [" ", "\t", "\r", "\n", "\f", "\v", "\u00a0", "\r\n"])
PIECES = st.lists(st.lists(CHARS, max_size=12).map("".join), max_size=6)


def built(pieces, one_at_a_time):
    builder, offset = TextBuilder(), 3
    for piece in pieces:
        if one_at_a_time:
            for i, ch in enumerate(piece):
                builder.add_char(ch, offset + i)
        else:
            builder.add(piece, offset)
        offset += len(piece)
    return builder.build()


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_add_is_add_char_per_character(pieces):
    assert built(pieces, False) == built(pieces, True)


def test_add_folds_and_maps():
    body = built(["  We shipped\r", "\nit.\n\n\tThen  we ", "left.\n"], False)
    assert body.text == "We shipped it.\n\nThen we left."
    assert body.offsets[:3] == (5, 6, 7)  # leading spaces dropped; offsets count from 3
    assert body.offsets[10] == 15  # the CR of the CRLF split across two calls: one space
    assert body.text[14:16] == "\n\n" and body.offsets[14:16] == (20, 20)
