"""`answerlint report` (issue 9): one self-contained HTML page with a speaking-time bar per
answer against its type's target band, scores, findings marked in the text at their exact
spans, the candidate questions' stage verdicts and a summary; tested in a parser and, where
Chromium is installed, in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clirun import CORPUS, covered, fast_cli, findings, invoke  # noqa: F401 (fast_cli is a fixture)
from answerlint.htmlreport.highlight import Span, marked

pytestmark = pytest.mark.usefixtures("fast_cli")

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)

BANK = """stage: first-round
answers:
  - question: What is your greatest strength?
    answer: >
      Honestly, I am a team player and a problem solver. <script>alert("x")</script> & more.
  - question: Tell me about a time you fixed an incident.
    kind: behavioral
    answer: >
      In August 2023 our checkout service started timing out during a sales peak. I was on
      call. I rolled back the release within ten minutes, which brought the error rate down from
      18% to 2%, and then traced the remaining failures to a connection pool capped at 20. I
      raised the cap and added an alert on pool saturation.
  - question: Why should we hire you?
    answer: I get things done.
questions:
  - What would success look like in the first six months?
  - What is the salary for this role?
"""

VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr", "col", "area", "base", "embed", "param",
        "track"}
SVG_VOID = {"rect", "line", "path", "circle", "stop"}  # written with an end tag or self-closed


class Page(HTMLParser):
    """Checks that tags balance, and collects the chart bars and each item's marks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.bars: list[dict] = []
        self.marks: dict[str, dict[str, list]] = {}  # article id -> data-finding -> [title, text]
        self.article: str | None = None
        self.open_marks: list[str | None] = []
        self.tags: Counter = Counter()
        self.attrs: list[tuple[str, str, str]] = []
        self.lang = None
        self.ids: list[str] = []
        self.describedby: list[str] = []
        self.feed(text)
        self.close()
        assert not self.stack, f"unclosed tags: {self.stack}"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "mark" and "aria-describedby" in a:
            self.describedby.append(a["aria-describedby"])
        if tag == "rect" and "bar" in (a.get("class") or "").split():
            self.bars.append(a)
        if tag == "article":
            self.article = a["id"]
        if tag == "mark":
            number = a.get("data-finding")
            if number is not None:
                entry = self.marks.setdefault(self.article, {}).setdefault(number, [a["title"], ""])
                assert entry[0] == a["title"]
            self.open_marks.append(number)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()
        if tag == "article":
            self.article = None

    def handle_data(self, data):
        for number in self.open_marks:
            if number is not None:
                self.marks[self.article][number][1] += data

    def item_marks(self) -> dict[str, list[tuple[str, str]]]:
        """article id -> sorted (rule, marked text) of its findings."""
        out = {}
        for article, marks in self.marks.items():
            out[article] = sorted((re.search(r"\[([^\]]+)\]", title).group(1), text) for title, text in marks.values())
        return out


def expected_marks(source: str, found: list[dict], bank_number: int = 1) -> dict[str, list[tuple[str, str]]]:
    """article id -> sorted (rule, text) from `check --format json`: what each mark must hold."""
    out: dict[str, list] = {}
    for f in found:
        if f["item"] is None:
            continue
        article = f"{'a' if f['item']['kind'] == 'answer' else 'q'}{bank_number}-{f['item']['index']}"
        text = covered(source, f)
        out.setdefault(article, []).append((f["rule"], " ".join(text.split()) if "\n" in text else text))
    return {k: sorted(v) for k, v in out.items()}


def normalised(marks: dict) -> dict:
    """Whitespace folded (a span across lines) and YAML's '' for ' (single-quoted scalars) undone:
    a mark holds the answer's text, `covered` the source's."""
    return {k: sorted((rule, " ".join(text.replace("''", "'").split())) for rule, text in v)
            for k, v in marks.items()}


@pytest.fixture
def bank(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.yaml").write_text(BANK)
    return tmp_path / "bank.yaml"


def test_the_page_parses_with_one_bar_per_answer_and_one_mark_per_finding(bank):
    run = invoke("report", "bank.yaml", "-o", "report.html")
    assert (run.code, run.stdout) == (0, "")
    assert run.stderr == "answerlint: wrote report.html: 3 answers, 2 questions, 9 findings\n"
    text = (bank.parent / "report.html").read_text()
    page = Page(text)
    assert page.lang == "en"
    assert [b["data-answer"] for b in page.bars] == ["1", "2", "3"]
    assert [b["data-status"] for b in page.bars] == ["too short", "in band", "too short"]
    found = findings("bank.yaml")
    assert len(found) == 9
    assert normalised(page.item_marks()) == normalised(expected_marks(BANK, found))
    marks = page.item_marks()
    assert ("buzzwords/self-labels", "team player") in marks["a1-1"]
    assert len(page.ids) == len(set(page.ids))
    assert page.describedby and set(page.describedby) <= set(page.ids)  # each mark points at its list entry
    assert marks["q1-2"] == [("wiifm/self-interest-topic", "What is the salary for this role?")]
    assert sorted(p.name for p in bank.parent.iterdir()) == ["bank.yaml", "report.html"], "no temporary file"


def test_headings_come_in_order_and_svg_charts_have_a_title_and_a_description(bank):
    text = invoke("report", "bank.yaml", "-o", "-").stdout
    levels = [int(h) for h in re.findall(r"<h([1-6])[ >]", text)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    svg = re.search(r"<svg[^>]*>(.*?)</svg>", text, re.S)
    assert 'role="img"' in svg.group(0) and "<title id=" in svg.group(1) and "<desc id=" in svg.group(1)
    assert "@media print" in text
    # each bar's status said in words, not colour only
    assert '\u00b7 <tspan fill="#0072B2">too short</tspan>' in text
    assert '\u00b7 <tspan fill="#00785A">in band</tspan>' in text


def test_bank_text_is_escaped(bank):
    text = invoke("report", "bank.yaml", "-o", "-").stdout
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more." in text


def test_nothing_is_fetched_from_elsewhere():
    run = invoke("report", str(CORPUS / "sample-bank.md"), "-o", "-")  # it holds a link
    assert run.code == 0, run.stderr
    page = Page(run.stdout)
    assert page.tags["script"] == page.tags["link"] == page.tags["img"] == page.tags["iframe"] == 0
    external = [(t, k, v) for t, k, v in page.attrs if k in ("src", "href", "xlink:href", "style", "action")
                and re.search(r"(https?:)?//", v)]
    assert external == []
    assert not re.search(r"https?://", run.stdout)
    assert "@import" not in run.stdout and "url(" not in run.stdout.replace("url(#chart-", "")


def test_scores_verdicts_and_the_weakest_answers_in_the_summary(bank):
    text = invoke("report", "bank.yaml", "-o", "-").stdout
    weakest = re.search(r'<ol class="weakest">(.*?)</ol>', text, re.S).group(1)
    items = [i for i in invoke("check", "--format", "json", "bank.yaml").json["items"] if i["kind"] == "answer"]
    by_score = sorted(items, key=lambda i: (i["score"], i["index"]))
    assert re.findall(r'href="#(a1-\d)"', weakest) == [f"a1-{i['index']}" for i in by_score]
    assert re.findall(r"(\d+)/100 (weak|needs work|strong)", weakest) == [
        (str(i["score"]), i["verdict"]) for i in by_score]
    assert by_score[-1]["verdict"] == "strong"
    table = re.search(r'<table class="rules">(.*?)</table>', text, re.S).group(1)
    rows = re.findall(r"<code>([^<]+)</code></td><td><span class=\"sev sev-(\w+)\">\w+</span></td>"
                      r"<td class=\"n\">(\d+)</td>", table)
    assert rows[0] == ("buzzwords/self-labels", "warning", "2")
    assert ("wiifm/self-interest-topic", "error", "1") in rows


def test_without_a_rule_that_reads_the_language_there_are_no_scores(bank):
    run = invoke("report", "bank.yaml", "--select", "length,buzzwords", "-o", "-")
    assert run.code == 0
    assert "No scores: scores need a selected rule that reads the language" in run.stdout
    assert "/100" not in run.stdout and len(Page(run.stdout).bars) == 3


def test_candidate_questions_have_their_stage_verdicts(bank):
    text = invoke("report", "bank.yaml", "-o", "-").stdout
    q1 = re.search(r'<article class="question" id="q1-1".*?</article>', text, re.S).group(0)
    q2 = re.search(r'<article class="question" id="q1-2".*?</article>', text, re.S).group(0)
    assert "Fine to ask at the first-round stage" in q1
    assert "Too early at the first-round stage: don&#x27;t ask it yet" in q2
    assert "It is fine to ask from the second-round stage." in q2  # wiifm/self-interest-topic informs from there
    later = invoke("report", "bank.yaml", "--stage", "second-round", "-o", "-").stdout
    q2 = re.search(r'<article class="question" id="q1-2".*?</article>', later, re.S).group(0)
    assert "Fine to ask at the second-round stage, with care" in q2


def test_the_band_is_the_length_rules_effective_options(bank):
    def bar_titles(run):
        return [re.search(r"<title>(.*?)</title>", b).group(1)
                for b in re.findall(r'<rect class="bar".*?</rect>', run.stdout)]

    titles = bar_titles(invoke("report", "bank.yaml", "-o", "-"))
    assert titles[0] == "Answer 1: about 6 s spoken (15 words); target 20 s to 2 min: too short"
    assert titles[1].endswith("target 20 s to 3 min: in band")  # behavioral: by_kind
    (bank.parent / ".answerlint.yaml").write_text("rules:\n  length/answer-too-long:\n    max_seconds: 60\n")
    titles = bar_titles(invoke("report", "bank.yaml", "-o", "-"))
    assert titles[0].endswith("target 20 s to 1 min: too short")
    assert titles[1].endswith("target 20 s to 3 min: in band")  # by_kind still wins for behavioral


@pytest.mark.parametrize("name", ["sample-bank.md", "weak.md", "strong.md", "bank.yaml", "bank.json",
                                  "answers.txt", "offer-stage.yaml"])
def test_corpus_bars_leave_the_band_exactly_where_a_length_rule_flags(name):
    source = (CORPUS / name).read_text()
    run = invoke("report", str(CORPUS / name), "-o", "-")
    assert run.code == 0, run.stderr
    page = Page(run.stdout)
    found = findings(str(CORPUS / name))
    flagged = {f["item"]["index"] for f in found if f["rule"].startswith("length/answer-too-")}
    assert {int(b["data-answer"]) for b in page.bars if b["data-status"] in ("too long", "too short")} == flagged
    assert normalised(page.item_marks()) == normalised(expected_marks(source, found))


def test_marks_nest_and_a_crossing_span_goes_on_in_a_second_mark():
    text = "abcdefghij"
    html = marked(text, [Span(0, 5, 1, "warning", "a"), Span(2, 4, 2, "info", "b"), Span(3, 8, 3, "error", "<x>")])
    page = Page(f"<article id='x'>{html}</article>")
    assert page.marks["x"] == {"1": ["a", "abcde"], "2": ["b", "cd"], "3": ["<x>", "defgh"]}
    assert html.count('data-finding="3"') == 3 and html.count('data-part="more"') == 2
    assert "&lt;x&gt;" in html


def test_bad_input_is_one_line_and_exit_2_and_the_report_is_still_written(bank):
    (bank.parent / "broken.yaml").write_text("answers: [\n")
    run = invoke("report", "bank.yaml", "gone.md", "broken.yaml", "-o", "report.html")
    assert run.code == 2
    lines = run.stderr.splitlines()
    assert lines[0] == "answerlint: gone.md: no such file or directory"
    assert lines[1].startswith("answerlint: broken.yaml:") and len(lines) == 3
    assert lines[2].startswith("answerlint: wrote report.html:")
    text = (bank.parent / "report.html").read_text()
    assert "Problems reading the input" in text and "gone.md: no such file or directory" in text


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(bank):
    run = invoke("report", "bank.yaml", "-o", "nodir/report.html")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "answerlint: nodir/report.html: cannot write the report: No such file or directory\n"


def test_the_report_inside_the_linted_tree_is_not_linted_and_replaces_the_old_one(bank):
    (bank.parent / "report.html").write_text("old")
    run = invoke("report", ".", "-o", "report.html")
    assert run.code == 0, run.stderr
    assert run.stderr.startswith("answerlint: wrote report.html: 3 answers")
    assert (bank.parent / "report.html").read_text().startswith("<!DOCTYPE html>")


def test_standard_input(bank):
    run = invoke("report", "-", "--stdin-filename", "mine.yaml", "-o", "-", input=BANK)
    assert run.code == 0
    assert len(Page(run.stdout).bars) == 3 and "<h2 id=\"bank-1\">mine.yaml</h2>" in run.stdout


# -- a real browser -------------------------------------------------------------------------------

def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); .ci/run installs it")
def test_headless_chromium_renders_the_report_without_console_errors(bank, tmp_path):
    assert invoke("report", "bank.yaml", "-o", "report.html").code == 0
    url = (bank.parent / "report.html").resolve().as_uri()
    shot = tmp_path / "report.png"
    run = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", url)
    assert shot.exists(), run.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a rendered page, not a blank one
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2000)
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = Page(dom.stdout)
    assert [b["data-answer"] for b in page.bars] == ["1", "2", "3"]
    assert normalised(page.item_marks()) == normalised(expected_marks(BANK, findings("bank.yaml")))
    assert _console(run.stderr) == _console(dom.stderr) == []


def _console(stderr: str) -> list[str]:
    """The page's console lines and uncaught errors in Chromium's log (`INFO:CONSOLE:1] "..."`)."""
    return [line for line in stderr.splitlines() if re.search(r"CONSOLE[(:]|Uncaught", line)]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); .ci/run installs it")
def test_the_console_check_sees_a_page_error(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><body><script>console.error("boom"); nope();</script></body></html>')
    lines = _console(_chromium(tmp_path, "--dump-dom", bad.as_uri()).stderr)
    assert any('"boom"' in line for line in lines) and any("Uncaught ReferenceError" in line for line in lines)
