"""Reading a bank file without ever blocking, and replacing it without ever losing it.

Reading checks what the path is before opening it (a FIFO or a device would block or never end)
and remembers a fingerprint of what was read. Writing (``--fix``) follows symbolic links and
replaces the target, refuses files it cannot replace faithfully (hard links, read-only files,
files changed on disk since they were read), and writes through a temporary file in the same
directory that is renamed over the original in one step; the temporary file never outlives a
failure and its name (``.NAME.*.answerlint-fix.tmp``) is hidden from the directory walker.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from answerlint.errors import InputError
from answerlint.limits import file_too_large

TEMP_SUFFIX = ".answerlint-fix.tmp"
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceFile:
    path: Path
    data: bytes
    size: int
    mtime_ns: int
    digest: str

    @property
    def has_bom(self) -> bool:
        return self.data.startswith(BOM)


def describe(mode: int) -> str | None:
    """What a path that is not a regular file is, for the error message."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_regular(path: Path, what: str = "an answer bank file: skipped") -> None:
    """An InputError unless ``path`` is a regular file (opening a FIFO would block; a device never
    ends); looked at with ``stat``, before anything opens it. OSError when it cannot be looked at."""
    kind = describe(os.stat(path).st_mode)
    if kind == "a directory":
        raise InputError("is a directory", str(path))
    if kind:
        raise InputError(f"{kind}, not {what}", str(path))


def read(path: Path) -> SourceFile:
    """The file's bytes and fingerprint; an InputError for anything that is not a readable file."""
    name = str(path)
    try:
        check_regular(path)
        # O_NONBLOCK: should a FIFO replace the file after the stat, opening it does not block
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):  # replaced between the two looks
                raise InputError(f"{describe(st.st_mode)}, not an answer bank file: skipped", name)
            too_large = file_too_large(st.st_size)
            if too_large:
                raise InputError(too_large, name)
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file or directory", name) from None
    except PermissionError:
        raise InputError("cannot read: permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    return SourceFile(path, data, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def replace_text(source: SourceFile, text: str) -> None:
    """Write ``text`` (UTF-8, with the original's BOM if it had one) in place of the file."""
    name = str(source.path)
    target = Path(os.path.realpath(source.path))  # a symbolic link stays a link to the fixed file
    try:
        st = os.stat(target)
    except OSError as exc:
        raise InputError(f"not fixed: cannot stat the file: {exc.strerror or exc}", name) from None
    if st.st_nlink > 1:
        raise InputError(f"not fixed: the file has {st.st_nlink} hard links and --fix would separate "
                         "them (use --diff and apply it yourself)", name)
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError("not fixed: the file is read-only", name)
    _check_unchanged(source, target, name)
    data = (BOM if source.has_bom else b"") + text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise InputError(f"not fixed: cannot create a temporary file in {target.parent}: "
                         f"{exc.strerror or exc}", name) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and os.geteuid() == 0:
            os.chown(tmp, st.st_uid, st.st_gid)  # root fixing a user's file: it stays theirs
        _check_unchanged(source, target, name)
        os.replace(tmp, target)
        _sync_directory(target.parent)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"not fixed: cannot write: {exc.strerror or exc}", name) from None
        raise


def _check_unchanged(source: SourceFile, target: Path, name: str) -> None:
    try:
        st = os.stat(target)
        same = (st.st_size, st.st_mtime_ns) == (source.size, source.mtime_ns) and \
            hashlib.sha256(target.read_bytes()).hexdigest() == source.digest
    except OSError:
        same = False
    if not same:
        raise InputError("not fixed: the file changed on disk while answerlint was checking it "
                         "(run again)", name)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (a crash right after it keeps the new name)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
