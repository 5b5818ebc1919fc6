"""Writing answerlint's own files (``--output-file``, ``--write-baseline``) in one step.

The text goes to a hidden temporary file next to the target, which then replaces it: a reader
never sees half a report, and a failed run leaves the previous file in place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from answerlint.errors import InputError

TEMP_SUFFIX = ".answerlint-out.tmp"


def write_atomic(path: str | Path, text: str, what: str = "output file") -> None:
    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise InputError(f"cannot write the {what}: {exc.strerror or exc}", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"cannot write the {what}: {exc.strerror or exc}", str(path)) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
