"""Input size: an item over the cap is one located line and the rest of the bank is linted; the
readers, the sentence splitter and the tokenizer finish 100 KB adversarial lines in linear time.

The tests only assert that each adversarial input completes within a generous budget (a
quadratic reader took minutes on these); timings and the curve are in benchmarks/bench_inputs.py
and docs/performance.md.
"""

from __future__ import annotations

import json
import threading

import pytest

from clirun import check, fast_cli  # noqa: F401 (fast_cli is a fixture)
from answerlint.limits import MAX_FILE_BYTES, MAX_ITEM_CHARS

pytestmark = pytest.mark.usefixtures("fast_cli")

SENTENCE = "I led the team and we shipped the product on time. "
GOOD_LINE = ("big.md:7:8: warning: 'team player' is a self-label, not evidence: Name one project, the "
             "people on it, what you did for them and what the team shipped. [buzzwords/self-labels]")


def _long(n: int) -> str:
    text = (SENTENCE * (n // len(SENTENCE) + 1))[:n - 1].rstrip()
    return text + "x" * (n - len(text))


def test_an_item_over_the_cap_is_one_located_line_and_the_rest_is_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.md").write_text(f"# Q1?\n\n{_long(MAX_ITEM_CHARS + 1)}\n\n# Q2?\n\nI am a team player.\n")
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "big.md")
    assert run.stderr == ("answerlint: big.md:3: answer 1 is 100,001 characters long, over the limit of "
                          "100,000: skipped (split it up)\n")
    assert run.stdout.splitlines() == [GOOD_LINE, "Found 1 finding (1 warning) in 1 file."]
    assert run.code == 2


def test_a_file_over_the_size_limit_is_refused_unread_and_the_others_are_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "huge.md").write_bytes(b"# Q?\n\n" + b"I led it. " * (MAX_FILE_BYTES // 10))
    (tmp_path / "big.md").write_text("# Q?\n\nFine.\n\n# Q2?\n\nI did it.\n\n# Q3?\n\nI am a team player.\n")
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "huge.md", "big.md")
    assert run.stderr == ("answerlint: huge.md: is 2.0 MB, over the limit of 2 MB for one answer bank: skipped "
                          "(split it into several files)\n")
    assert run.stdout.splitlines() == [GOOD_LINE.replace("7:8", "11:8"), "Found 1 finding (1 warning) in 1 file."]
    assert run.code == 2


def test_an_item_at_the_cap_is_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = _long(MAX_ITEM_CHARS)
    (tmp_path / "at.txt").write_text(text.replace("shipped the product", "were team players", 1) + "\n")
    run = check("--format", "concise", "--select", "buzzwords/self-labels", "at.txt")
    assert run.stderr == ""
    assert run.stdout.splitlines()[0].startswith("at.txt:1:28: info: 'team players' is a self-label")
    assert run.code == 0


def test_oversized_items_in_json_output_and_in_every_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    big = _long(MAX_ITEM_CHARS + 5)
    (tmp_path / "b.yaml").write_text("answers:\n  - question: Why?\n    answer: ok fine\n"
                                     f"  - answer: {json.dumps(big)}\n")
    (tmp_path / "b.json").write_text(json.dumps({"questions": ["Why?", big[:-1] + "?"]}, indent=1))
    (tmp_path / "b.txt").write_text(f"Short answer here.\n\n{big}\n")
    run = check("--format", "json", "--select", "buzzwords", "b.yaml", "b.json", "b.txt")
    assert run.code == 2
    message = "is 100,005 characters long, over the limit of 100,000: skipped (split it up)"
    assert run.json["errors"] == [
        {"path": "b.yaml", "line": 4, "column": None, "message": f"answer 2 {message}"},
        {"path": "b.json", "line": 4, "column": None, "message": f"question 2 {message}"},
        {"path": "b.txt", "line": 3, "column": None, "message": f"answer 2 {message}"},
    ]
    assert [(i["path"], i["kind"], i["index"]) for i in run.json["items"]] == [
        ("b.yaml", "answer", 1), ("b.json", "question", 1), ("b.txt", "answer", 1)]


# -- linear time -------------------------------------------------------------------------------

SIZE = 100_000
ADVERSARIAL = {
    # name: (file name, text); each took from seconds to minutes at 20 KB before
    "md-bang": ("x.md", "# Q?\n\n" + "!" * SIZE + "x\n"),
    "md-spaces": ("x.md", "# Q?\n\n" + " " * SIZE + "x\n\nAn answer.\n"),
    "md-word-spaces": ("x.md", "# Q?\n\na" + " " * SIZE + "x\n"),
    "md-list-spaces": ("x.md", "# Q?\n\n-" + " " * SIZE + "x\n"),
    "md-dash-spaces": ("x.md", "# Q?\n\n- " + " " * SIZE + "|x\n"),
    "md-heading-spaces": ("x.md", "# a" + " " * SIZE + "x\n\nAn answer.\n"),
    "md-brackets": ("x.md", "# Q?\n\n" + "[" * SIZE + "x\n"),
    "md-open-links": ("x.md", "# Q?\n\n" + "[a](" * (SIZE // 4) + "x\n"),
    "md-open-images": ("x.md", "# Q?\n\n" + "![" * (SIZE // 2) + "x\n"),
    "md-angles": ("x.md", "# Q?\n\n" + "<" * SIZE + "x\n"),
    "md-open-autolinks": ("x.md", "# Q?\n\n" + "<http:" * (SIZE // 6) + "x\n"),
    "md-open-comments": ("x.md", "# Q?\n\n" + "<!--" * (SIZE // 4) + "x\n"),
    "md-backticks": ("x.md", "# Q?\n\na" + "`" * SIZE + "x\n"),
    "md-stars": ("x.md", "# Q?\n\n" + "*" * SIZE + "x\n"),
    "md-pipes": ("x.md", "# Q?\n\n" + "|" * SIZE + "x\n"),
    "md-dots": ("x.md", "# Q?\n\n" + "a." * (SIZE // 2) + "x\n"),
    "yaml-bang": ("x.yaml", "answers:\n  - answer: " + "!" * SIZE + "x\n"),
    "yaml-spaces": ("x.yaml", "answers:\n  - answer: " + json.dumps(" " * SIZE + "x") + "\n"),
    "yaml-plain-spaces": ("x.yaml", "answers:\n  - answer: a" + " " * SIZE + "x\n"),
    "yaml-quotes": ("x.yaml", "answers:\n  - answer: '" + "''" * (SIZE // 2) + "x'\n"),
    "json-bang": ("x.json", json.dumps({"answers": [{"answer": "!" * SIZE + "x"}]})),
    "json-escapes": ("x.json", '{"answers": [{"answer": "' + "\\\\" * (SIZE // 2) + 'x"}]}'),
    "json-spaces": ("x.json", json.dumps({"answers": [{"answer": " " * SIZE + "x"}]})),
    "txt-bang": ("x.txt", "!" * SIZE + "x\n"),
    "txt-spaces": ("x.txt", " " * SIZE + "x\n"),
    "txt-questions": ("x.txt", "?" * SIZE + "\n"),
}


def _finishes(seconds: float, work) -> bool:
    """Does ``work()`` finish within ``seconds``? (It runs on, in a daemon thread, if not.)"""
    done = threading.Event()

    def run():
        work()
        done.set()

    threading.Thread(target=run, daemon=True).start()
    return done.wait(seconds)


@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_a_100_kb_adversarial_line_is_read_and_split_in_linear_time(case):
    from answerlint.readers import read_bank
    from answerlint.sentences import sentence_spans, word_spans

    name, text = ADVERSARIAL[case]

    def work():
        for item in read_bank(name, text).items:
            sentence_spans(item.text)
            word_spans(item.text)

    assert _finishes(10, work)


@pytest.mark.parametrize("chunk", ["!" * SIZE + "x", "." * SIZE, "a!" * (SIZE // 2), "(" * SIZE + "x)"])
def test_the_tokenizer_takes_a_100_kb_chunk_without_spaces_in_linear_time(chunk):
    from answerlint.nlpprovider import NlpProvider

    tokenizer = NlpProvider().blank().tokenizer
    text = "I did it. " + chunk + " done"
    docs = []
    assert _finishes(10, lambda: docs.append(tokenizer(text)))
    doc = docs[0]
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert [t.text for t in doc][:4] == ["I", "did", "it", "."] and doc[-1].text == "done"


def test_the_tokenizer_is_spacys_on_text_without_long_chunks():
    import spacy

    from answerlint.nlpprovider import NlpProvider

    text = "Honestly, I don't think we'd've shipped it (on time) without Sarah's help: https://example.com/x."
    assert [(t.text, t.norm_, t.idx) for t in NlpProvider().blank().tokenizer(text)] == \
        [(t.text, t.norm_, t.idx) for t in spacy.blank("en").tokenizer(text)]


def test_a_long_parsed_answer_lints_in_linear_time(tmp_path, monkeypatch):
    """A 100,000-character answer of 2,000 sentences: parsing each sentence once copied the whole
    answer (80 s); now seconds."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "long.md").write_text(f"# Tell me about a conflict.\n\n{_long(MAX_ITEM_CHARS - 10)}\n")
    runs = []
    assert _finishes(60, lambda: runs.append(check("--format", "concise", "long.md")))
    assert runs[0].code in (0, 1) and runs[0].stderr == ""
