"""Output formats, as a registry: each one writes a whole report to a stream."""

from __future__ import annotations

from typing import Callable, TextIO

from answerlint.formatters import github, jsonfmt, junit, sarif, text
from answerlint.report import Report

Formatter = Callable[[Report, TextIO, bool], None]

REGISTRY: dict[str, Formatter] = {
    "text": text.write_full,
    "concise": text.write_concise,
    "json": jsonfmt.write,
    "github": github.write,
    "sarif": sarif.write,
    "junit": junit.write,
}
