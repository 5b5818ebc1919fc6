"""What a long-lived process hands to the Sessions of each command it runs (``answerlint daemon``).

Each command still gets new Sessions that read configuration, rule packs and the cache afresh;
only what is the same for the same input is kept: loaded spaCy pipelines (``pipelines``), the
rules parsed from a pack file's text (``parse_pack``, keyed by the file's path and text), and the
compiled form of rules whose kind needs nothing of spaCy (``compiled``: rule fingerprint ->
compiled rule, see engine.Linter; regular expressions and their literals).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from answerlint.nlpprovider import Pipelines


@dataclass(frozen=True)
class Resident:
    pipelines: Pipelines
    parse_pack: Callable[[Path, str], list]
    compiled: dict
