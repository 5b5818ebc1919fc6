"""The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

Every piece of text from a bank, a rule pack or a file name goes through ``html.escape``.
"""

from __future__ import annotations

import html

from answerlint import __version__
from answerlint.htmlreport.charts import STATUS_COLORS, timing_chart
from answerlint.htmlreport.highlight import marked
from answerlint.htmlreport.view import BankView, ItemView, RunView
from answerlint.kinds.length import duration
from answerlint.kinds.requirement import LABELS

SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "info"}

CSS = """
:root { --ink: #1a1a1a; --muted: #4d4d4d; --rule: #c8c8c8; --band: #e3e3e3; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; } h2 { font-size: 1.4rem; margin-top: 2.5rem;
  border-bottom: 2px solid var(--ink); } h3 { font-size: 1.15rem; margin-top: 1.75rem; }
h4 { font-size: 1rem; margin: 0 0 .35rem; }
a { color: #0059a0; } .muted, .meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem;
  border-bottom: 1px solid var(--rule); vertical-align: top; } td.n { text-align: right; }
.totals { font-size: 1.1rem; }
.answer, .question { border: 1px solid var(--rule); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0; }
mark { color: var(--ink); padding: 0 1px; border-radius: 2px; text-decoration-thickness: 2px;
  text-underline-offset: 3px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.sev-error { background: #fbd9c4; text-decoration: underline solid #B34700; }
mark.sev-warning { background: #fdeccc; text-decoration: underline dashed #8a4f00; }
mark.sev-info { background: #d6e9f5; text-decoration: underline dotted #0072B2; }
mark[data-finding]:not([data-part])::before { content: "[" attr(data-finding) "]"; font-size: .7em;
  vertical-align: super; font-weight: 700; margin-right: 1px; }
.sev { display: inline-block; min-width: 4.5em; font-weight: 700; font-size: .85em; text-transform: uppercase; }
.sev-error .sev, span.sev-error { color: #B34700; } .sev-warning .sev, span.sev-warning { color: #8a4f00; }
.sev-info .sev, span.sev-info { color: #0072B2; }
ol.findings { margin: .25rem 0 0; padding-left: 2.2rem; } ol.findings li { margin: .2rem 0; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 2px solid currentColor;
  font-weight: 700; font-size: .9rem; }
.v-strong, .v-ok { color: #00785A; } .v-needs-work, .v-warning, .v-info { color: #8a4f00; }
.v-weak, .v-error { color: #B34700; }
svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .tick { stroke: var(--rule); stroke-width: 1; } svg .axis { fill: var(--muted); }
svg .label { fill: var(--ink); } svg a:focus text, svg a:hover text { text-decoration: underline; }
svg .band { fill: var(--band); stroke: #767676; stroke-dasharray: 4 3; }
svg .note { font-weight: 600; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .9rem; }
.swatch { display: inline-block; width: 1.2em; height: .8em; vertical-align: middle; margin-right: .3em;
  border: 1px solid #767676; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
nav ul { padding-left: 1.2rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; } section.summary h2 { break-before: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .answer, .question, svg.chart, tr { break-inside: avoid; }
  .answer, .question { border-color: #999; }
}
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def render(run: RunView, title: str = "Answer bank report") -> str:
    body = [_summary(run)]
    if len(run.banks) > 1:
        body.append(_nav(run))
    body.extend(_bank(bank, n) for n, bank in enumerate(run.banks, 1))
    return ("<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="answerlint {_e(__version__)}">\n'
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f'<header><h1>{_e(title)}</h1><p class="muted">Made by answerlint {_e(__version__)} from '
            f"{_e(', '.join(b.path for b in run.banks) or 'no bank')}. Speaking times assume the "
            f"configured rate (words per minute).</p></header>\n<main>\n"
            + "\n".join(body) + "\n</main>\n</body>\n</html>\n")


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def _summary(run: RunView) -> str:
    counts = run.severity_counts()
    total = sum(counts.values())
    parts = ", ".join(f"{counts[s]} {SEVERITY_WORDS[s]}{'s' if counts[s] != 1 and s != 'info' else ''}"
                      for s in ("error", "warning", "info") if counts[s])
    out = ['<section class="summary" aria-labelledby="summary"><h2 id="summary">Summary</h2>',
           f'<p class="totals">{_plural(len(run.answers), "answer")} and '
           f'{_plural(len(run.questions), "candidate question")} in {_plural(len(run.banks), "bank")}; '
           f'{_plural(total, "finding")}{" (" + parts + ")" if parts else ""}.</p>']
    if run.errors:
        out.append('<h3 id="problems">Problems reading the input</h3><ul class="errors">')
        out.extend(f"<li>{_e(e)}</li>" for e in run.errors)
        out.append("</ul>")
    out.append('<h3 id="weakest">The three weakest answers</h3>')
    weakest = run.weakest(3)
    if weakest:
        out.append('<ol class="weakest">')
        for a in weakest:
            s = a.score
            out.append(f'<li><a href="#{a.anchor}">{_e(_question(a))}</a> ({_e(a.path)}:{a.line}) '
                       f'{_verdict_badge(s.score, s.verdict)} <span class="muted">fix first:</span> '
                       f"{_e(' '.join(s.fix_first.split()))}</li>")
        out.append("</ol>")
    else:
        out.append('<p class="muted">No scores: scores need a selected rule that reads the language '
                   "(see docs/scores.md).</p>")
    out.append('<h3 id="per-rule">Findings per rule</h3>')
    rows = run.rule_counts()
    if rows:
        out.append('<table class="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th>'
                   '<th scope="col">Count</th><th scope="col">What it flags</th></tr></thead><tbody>')
        for rule_id, n, severity in rows:
            rule = run.rules.get(rule_id)
            out.append(f'<tr><td><code>{_e(rule_id)}</code></td><td><span class="sev sev-{severity}">'
                       f'{_e(severity)}</span></td><td class="n">{n}</td><td>{_e(rule.summary if rule else "")}'
                       "</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append("<p>No findings.</p>")
    out.append(_legend())
    out.append("</section>")
    return "\n".join(out)


def _legend() -> str:
    items = [f'<li><span class="swatch" style="background:{fill}"></span>{_e(status)}</li>'
             for status, (fill, _) in STATUS_COLORS.items() if status != "no target"]
    items.append('<li><span class="swatch" style="background:#e3e3e3;border-style:dashed"></span>target band</li>')
    items += [f'<li><mark class="sev-{s}">highlighted</mark> {s}</li>' for s in ("error", "warning", "info")]
    return '<h3 id="legend">How to read this report</h3><ul class="legend">' + "".join(items) + "</ul>"


def _nav(run: RunView) -> str:
    links = "".join(f'<li><a href="#bank-{n}">{_e(b.path)}</a></li>' for n, b in enumerate(run.banks, 1))
    return f'<nav aria-label="Banks"><ul>{links}</ul></nav>'


def _bank(bank: BankView, n: int) -> str:
    out = [f'<section class="bank" aria-labelledby="bank-{n}"><h2 id="bank-{n}">{_e(bank.path)}</h2>',
           f'<p class="meta">Stage: {_e(bank.stage or "not set")}; speaking rate '
           f"{bank.words_per_minute:g} words per minute.</p>"]
    if bank.answers:
        out.append(f'<h3 id="bank-{n}-time">Speaking time</h3>')
        out.append(timing_chart(bank.answers, f"chart-{n}", f"Speaking time of each answer in {bank.path}"))
        out.append(f'<h3 id="bank-{n}-answers">Answers</h3>')
        out.extend(_answer(a) for a in bank.answers)
    if bank.questions:
        out.append(f'<h3 id="bank-{n}-questions">Questions to ask the interviewer</h3>')
        out.extend(_question_block(q, bank.stage) for q in bank.questions)
    if bank.bank_findings:
        out.append(f'<h3 id="bank-{n}-whole">About the whole bank</h3><ul class="findings">')
        out.extend(f'<li class="sev-{f.severity}"><span class="sev">{_e(f.severity)}</span> line {f.line}: '
                   f"{_e(f.message)} <code>[{_e(f.rule)}]</code></li>" for f in bank.bank_findings)
        out.append("</ul>")
    if not bank.answers and not bank.questions:
        out.append("<p>No answers or questions in this bank.</p>")
    out.append("</section>")
    return "\n".join(out)


def _question(a: ItemView) -> str:
    return a.item.question or f"Answer {a.item.index}"


def _verdict_badge(score: int, verdict: str) -> str:
    return f'<span class="badge v-{verdict.replace(" ", "-")}">{score}/100 {_e(verdict)}</span>'


def _answer(a: ItemView) -> str:
    band = a.band
    status = band.status(a.words) if band else "no target"
    target = ""
    if band and (band.min_seconds is not None or band.max_seconds is not None):
        from answerlint.htmlreport.charts import _band_text

        target = f"; target {_band_text(band)}"
    meta = [f"{_e(a.item.kind)} answer, line {a.line}",
            f"about {duration(a.seconds)} spoken ({_plural(a.words, 'word')}){_e(target)}: "
            f'<span class="v-{"ok" if status == "in band" else "warning"}">{_e(status)}</span>']
    score = ""
    if a.score is not None:
        s = a.score
        score = f"<p>{_verdict_badge(s.score, s.verdict)} "
        if s.missing:
            score += f"<span class=\"muted\">missing:</span> {_e(', '.join(LABELS.get(m, m) for m in s.missing))}. "
        score += f"<span class=\"muted\">Fix first:</span> {_e(' '.join(s.fix_first.split()))}</p>"
    return (f'<article class="answer" id="{a.anchor}" aria-labelledby="{a.anchor}-h">'
            f'<h4 id="{a.anchor}-h">{a.item.index}. {_e(_question(a))}</h4>'
            f'<p class="meta">{"; ".join(meta)}</p>{score}'
            f'<div class="text">{marked(a.item.text, a.spans, f"{a.anchor}-f")}</div>{_findings(a)}</article>')


def _question_block(q: ItemView, stage: str | None) -> str:
    later = f" It is fine to ask from the {_e(q.fine_from)} stage." if q.fine_from else ""
    return (f'<article class="question" id="{q.anchor}" aria-labelledby="{q.anchor}-h">'
            f'<h4 id="{q.anchor}-h">Question {q.item.index} <span class="badge v-{q.verdict_level}">'
            f"{_e(q.verdict)}</span></h4>{('<p>' + later.strip() + '</p>') if later else ''}"
            f'<div class="text">{marked(q.item.text, q.spans, f"{q.anchor}-f")}</div>{_findings(q)}</article>')


def _findings(iv: ItemView) -> str:
    if not iv.findings:
        return '<p class="muted">No findings.</p>'
    out = ['<ol class="findings">']
    for loc in iv.findings:
        f = loc.finding
        text = " ".join(loc.text.split())
        text = text if len(text) <= 90 else text[:89].rstrip() + "\u2026"
        quoted = f"<q>{_e(text)}</q> " if loc.span is not None and loc.text not in f.message else ""
        out.append(f'<li value="{loc.number}" id="{iv.anchor}-f{loc.number}" class="sev-{f.severity}">'
                   f'<span class="sev">{_e(f.severity)}</span> '
                   f"{quoted}{_e(f.message)} <code>[{_e(f.rule)}]</code></li>")
    out.append("</ol>")
    return "".join(out)
