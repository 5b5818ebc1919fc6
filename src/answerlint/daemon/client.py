"""Forwarding ``answerlint check`` to a running daemon: the standard library only (it runs in
``__main__``'s fast path, before click or anything else of answerlint is imported).

:func:`forward` returns the command's exit status, or None when the command must run in this
process instead: no daemon, another answerlint's daemon, a stale one (it exits), or anything that
goes wrong before the daemon has taken the command. Once it has, the daemon writes to this
process's own standard output and error (passed as file descriptors), so nothing is buffered
here and nothing can be lost or printed twice.
"""

from __future__ import annotations

import os
import socket
import sys

from answerlint.daemon.protocol import ProtocolError, UnsafeDirectory, identity, private_dir, receive, send, socket_path

OPT_IN = "ANSWERLINT_DAEMON"
_YES = ("1", "true", "yes", "on")


def opted_in(argv: list[str], environ=os.environ) -> bool:
    """``ANSWERLINT_DAEMON=1`` (or true, yes, on) and an ``answerlint check`` command."""
    return argv[:1] == ["check"] and environ.get(OPT_IN, "").strip().lower() in _YES


def forward(argv: list[str]) -> int | None:
    try:
        sock = connect()
    except (OSError, UnsafeDirectory):
        return None
    with sock:
        try:
            send(sock, request(argv), [0, 1, 2])
            reply, _ = receive(sock)
        except (OSError, ValueError, ProtocolError):
            return None
        if reply.get("accepted") is not True:
            return None  # not this answerlint's daemon, or a stale one (which exits by itself)
        try:
            done, _ = receive(sock)
            return int(done["exit"])
        except KeyboardInterrupt:  # as click says it; the daemon finishes the command on its own
            sys.stderr.write("\nAborted!\n")
            return 1
        except (OSError, ValueError, KeyError, TypeError, ProtocolError):
            sys.stderr.write("answerlint: the daemon stopped before the command finished "
                             "(see `answerlint daemon status`)\n")
            return 2


def connect(timeout: float | None = 10.0) -> socket.socket:
    """A connection to this user's daemon; OSError if none listens, UnsafeDirectory if its
    directory is not private."""
    path = socket_path(private_dir(create=False))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(path)
        sock.settimeout(None)
    except BaseException:
        sock.close()
        raise
    return sock


def request(argv: list[str]) -> dict:
    mask = os.umask(0o22)
    os.umask(mask)
    return {"op": "run", "identity": identity(), "argv": argv, "argv0": sys.argv[0], "prog": program_name(),
            "cwd": os.getcwd(), "env": dict(os.environ), "umask": mask,
            "streams": [_stream(s) for s in (sys.stdin, sys.stdout, sys.stderr)]}


def _stream(stream) -> dict | None:
    if stream is None:
        return None
    return {"encoding": stream.encoding, "errors": stream.errors,
            "line_buffering": stream.line_buffering, "write_through": getattr(stream, "write_through", False)}


def program_name() -> str:
    """The name click shows in usage lines, found as click finds it (``python -m answerlint``
    or the script's name)."""
    main = sys.modules.get("__main__")
    path = sys.argv[0]
    package = getattr(main, "__package__", None)
    if package in (None, ""):
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"
