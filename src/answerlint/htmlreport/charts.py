"""Inline SVG charts, drawn in Python: no script, no library, nothing fetched.

Colours are from the Okabe-Ito palette (told apart with colour-blindness); every bar also says
what it shows in words, next to it and in its ``<title>``, so colour is never the only cue.
"""

from __future__ import annotations

import html
import math

from answerlint.kinds.length import duration

# status -> (bar fill, text colour with 4.5:1 contrast on white)
STATUS_COLORS = {
    "in band": ("#009E73", "#00785A"),  # bluish green
    "too long": ("#D55E00", "#B34700"),  # vermillion
    "too short": ("#0072B2", "#0072B2"),  # blue
    "no target": ("#595959", "#595959"),
}

VERDICT_INK = {"strong": "#00785A", "needs work": "#8a4f00", "weak": "#B34700"}

ROW, TOP, LEFT, PLOT, RIGHT = 30, 48, 250, 360, 190
WIDTH = LEFT + PLOT + RIGHT


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _tick_step(limit: float) -> int:
    for step in (15, 30, 60, 120, 300, 600):
        if limit / step <= 8:
            return step
    return 1200


def timing_chart(answers, chart_id: str, title: str) -> str:
    """One horizontal bar per answer: its speaking time, over the grey target band of its type.
    ``answers``: ItemViews of answers (``seconds``, ``band``, ``score``, ``item``, ``anchor``)."""
    top = max([a.seconds for a in answers] + [a.band.max_seconds or a.band.min_seconds or 0
                                              for a in answers if a.band] + [60])
    step = _tick_step(top * 1.1)
    limit = step * math.ceil(top * 1.1 / step)
    x = (lambda s: LEFT + PLOT * min(s, limit) / limit)
    height = TOP + ROW * len(answers) + 30
    out = [f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
           f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet">',
           f'<title id="{chart_id}-title">{_e(title)}</title>',
           f'<desc id="{chart_id}-desc">{_e(_describe(answers))}</desc>',
           '<defs>'
           f'<pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="6" height="6" fill="#D55E00"/>'
           '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern>'
           '</defs>']
    # the time axis: ticks and their labels
    for t in range(0, int(limit) + 1, step):
        out.append(f'<line class="tick" x1="{x(t):.1f}" y1="{TOP - 6}" x2="{x(t):.1f}" '
                   f'y2="{TOP + ROW * len(answers)}"/>')
        out.append(f'<text class="axis" x="{x(t):.1f}" y="{TOP - 12}" text-anchor="middle">'
                   f'{_e(_clock(t))}</text>')
    out.append(f'<text class="axis" x="{LEFT}" y="14">Spoken time in minutes (grey: the target band of '
               'the question type)</text>')
    for row, a in enumerate(answers):
        y = TOP + row * ROW
        status = a.band.status(a.words) if a.band else "no target"
        fill, ink = STATUS_COLORS[status]
        label = f"{a.item.index}. {a.item.question or 'answer ' + str(a.item.index)}"
        out.append(f'<g class="row">')
        out.append(f'<a href="#{a.anchor}"><text class="label" x="{LEFT - 8}" y="{y + 19}" text-anchor="end">'
                   f'{_e(_short(label, 34))}</text></a>')
        if a.band and (a.band.min_seconds is not None or a.band.max_seconds is not None):
            lo, hi = a.band.min_seconds or 0, a.band.max_seconds if a.band.max_seconds is not None else limit
            out.append(f'<rect class="band" x="{x(lo):.1f}" y="{y + 3}" width="{max(1.0, x(hi) - x(lo)):.1f}" '
                       f'height="{ROW - 6}"><title>{_e("target " + _band_text(a.band))}</title></rect>')
        width = max(2.0, x(a.seconds) - LEFT)
        paint = f"url(#{chart_id}-hatch)" if status == "too long" else fill
        tip = (f"Answer {a.item.index}: about {duration(a.seconds)} spoken ({a.words} words); "
               f"target {_band_text(a.band) if a.band else 'none'}: {status}")
        out.append(f'<rect class="bar" data-answer="{a.item.index}" data-status="{_e(status)}" x="{LEFT}" '
                   f'y="{y + 8}" width="{width:.1f}" height="{ROW - 16}" fill="{paint}" stroke="{fill}">'
                   f'<title>{_e(tip)}</title></rect>')
        note = f'{_e(duration(a.seconds))} \u00b7 <tspan fill="{ink}">{_e(status)}</tspan>'
        if a.score is not None:
            note += (f' \u00b7 <tspan fill="{VERDICT_INK[a.score.verdict]}">{a.score.score} '
                     f"{_e(a.score.verdict)}</tspan>")
        out.append(f'<text class="note" x="{LEFT + PLOT + 8}" y="{y + 19}">{note}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _clock(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def _band_text(band) -> str:
    lo, hi = band.min_seconds, band.max_seconds
    if lo is not None and hi is not None:
        return f"{duration(lo)} to {duration(hi)}"
    if hi is not None:
        return f"at most {duration(hi)}"
    if lo is not None:
        return f"at least {duration(lo)}"
    return "none"


def _describe(answers) -> str:
    counts: dict[str, int] = {}
    for a in answers:
        status = a.band.status(a.words) if a.band else "no target"
        counts[status] = counts.get(status, 0) + 1
    parts = ", ".join(f"{n} {s}" for s, n in counts.items())
    return f"Speaking time of {len(answers)} answer{'s' if len(answers) != 1 else ''}: {parts}."
