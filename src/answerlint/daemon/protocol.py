"""The daemon's socket, its private directory, and the messages on it (standard library only).

A message is a 4-byte big-endian length and that many bytes of UTF-8 JSON (never pickle). A run
request carries the client's standard input, output and error as file descriptors (SCM_RIGHTS),
so the server writes to them as the client itself would: the same buffering and interleaving,
terminals seen as terminals, ``> out.json`` seen as the file it is.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import struct
import sys

DIR_ENV = "ANSWERLINT_DAEMON_DIR"  # the runtime directory itself (tests; a user's own choice)
SOCKET_NAME = "daemon.sock"
MAX_MESSAGE = 64 * 1024 * 1024
_HEADER = struct.Struct(">I")


class ProtocolError(Exception):
    """The other side said something that is not a message, or went away."""


class UnsafeDirectory(PermissionError):
    """The runtime directory is not private to this user."""


def runtime_dir() -> str:
    """``$ANSWERLINT_DAEMON_DIR``, else ``$XDG_RUNTIME_DIR/answerlint``, else
    ``$TMPDIR/answerlint-<uid>`` (``/tmp`` without TMPDIR)."""
    if os.environ.get(DIR_ENV):
        return os.environ[DIR_ENV]
    if os.environ.get("XDG_RUNTIME_DIR"):
        return os.path.join(os.environ["XDG_RUNTIME_DIR"], "answerlint")
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", f"answerlint-{os.getuid()}")


def private_dir(create: bool) -> str:
    """The runtime directory, created 0700 if ``create``; raises UnsafeDirectory if it is not a
    directory of this user's that nobody else can write to (or, created, read), FileNotFoundError
    if it is not there and not ``create``."""
    path = runtime_dir()
    if create:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeDirectory(f"{path} is not a directory")
    if st.st_uid != os.getuid():
        raise UnsafeDirectory(f"{path} belongs to another user (uid {st.st_uid})")
    if st.st_mode & 0o077:
        raise UnsafeDirectory(f"{path} is open to other users (mode {stat.S_IMODE(st.st_mode):o}; "
                              "it must be 700)")
    return path


def socket_path(directory: str) -> str:
    return os.path.join(directory, SOCKET_NAME)


def identity() -> str:
    """What a daemon must share with a client to answer for it: answerlint's code (its
    fingerprint), the interpreter, and where modules come from."""
    from answerlint.codestamp import _PACKAGE, code_fingerprint

    return "|".join((code_fingerprint(), sys.executable, _PACKAGE, os.environ.get("PYTHONPATH", "")))


def send(sock: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    frame = _HEADER.pack(len(data)) + data
    if fds:
        frame = frame[socket.send_fds(sock, [frame], fds):]
    if frame:  # nothing left: no send at all (a 0-byte send fails once a fast daemon has hung up)
        sock.sendall(frame)


def receive(sock: socket.socket, max_fds: int = 0) -> tuple[dict, list[int]]:
    """The next message, and the file descriptors that came with it (at most ``max_fds``).
    Reads exactly one message: the next one (a reply may follow at once) stays in the socket."""
    fds: list[int] = []
    try:
        if max_fds:  # the descriptors come with the first byte of the message
            data, fds, _flags, _addr = socket.recv_fds(sock, _HEADER.size, max_fds)
            if not data:
                raise ProtocolError("connection closed")
            header = data + _exactly(sock, _HEADER.size - len(data))
        else:
            header = _exactly(sock, _HEADER.size)
        (size,) = _HEADER.unpack(header)
        if size > MAX_MESSAGE:
            raise ProtocolError(f"message of {size} bytes")
        message = json.loads(_exactly(sock, size).decode("utf-8"))
        if not isinstance(message, dict):
            raise ProtocolError("a message is a JSON object")
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    return message, fds


def _exactly(sock: socket.socket, size: int) -> bytes:
    buffer = bytearray()
    while len(buffer) < size:
        data = sock.recv(min(size - len(buffer), 1 << 20))
        if not data:
            raise ProtocolError("connection closed")
        buffer += data
    return bytes(buffer)


def peer_uid(sock: socket.socket) -> int | None:
    """The uid of the process at the other end (Linux: SO_PEERCRED), or None where unknown."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    creds = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]
