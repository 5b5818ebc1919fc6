"""What a long-lived process hands to the Sessions of each command it runs (``answerlint daemon``).

Each command still gets new Sessions that read configuration, rule packs and the cache afresh;
only what is the same for the same input is kept: loaded spaCy pipelines (``pipelines``), and the
rules parsed from a pack file's text (``parse_pack``, keyed by the file's path and text).
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
