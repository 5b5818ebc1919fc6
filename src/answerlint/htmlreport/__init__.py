"""``answerlint report``: one self-contained HTML page with charts of a run's answer banks.

view.py works out what to show (bands, located findings, stage verdicts, summary), charts.py
draws the inline SVG, highlight.py marks findings in the text, render.py writes the page and
command.py is the command: lint through a Session, render, write.
"""
