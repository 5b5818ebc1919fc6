"""The code fingerprint, computed with the standard library only (os, json, hashlib).

:func:`answerlint.fingerprint.code_fingerprint` is this; it lives here so that the daemon's client
(``answerlint/__main__.py``'s fast path) can compare its code with a running daemon's without
importing the rest of answerlint (pathlib, dataclasses and the rule model cost 20-50 ms; the walk
itself, a stat of each module, about 2 ms).
"""

from __future__ import annotations

import hashlib
import json
import os

_PACKAGE = os.path.dirname(os.path.realpath(__file__))


def code_fingerprint() -> str:
    """answerlint's version and the size and modification time of each of its modules."""
    from answerlint import __version__

    entries = [__version__]
    for directory, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d not in ("models", "__pycache__"))
        for name in sorted(files):
            if name.endswith((".py", ".yaml")):
                path = os.path.join(directory, name)
                st = os.stat(path)
                entries.append(f"{os.path.relpath(path, _PACKAGE)}:{st.st_size}:{st.st_mtime_ns}")
    # as fingerprint.digest() writes it, so that cache keys do not change
    text = json.dumps(entries, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
