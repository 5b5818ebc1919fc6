"""``answerlint daemon start|stop|status``: starting the server detached and talking to it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from answerlint.daemon import protocol
from answerlint.daemon.client import connect

LOG_NAME = "daemon.log"


class DaemonError(Exception):
    """Starting or stopping failed; the message says why."""


def status() -> dict | None:
    """The running daemon's status (pid, identity, started, requests, idle_timeout, socket), or
    None if none answers."""
    try:
        with connect(timeout=5) as sock:
            protocol.send(sock, {"op": "status"})
            return protocol.receive(sock)[0]
    except (OSError, ValueError, protocol.ProtocolError):
        return None


def current(found: dict | None) -> bool:
    """Is ``found`` a daemon of this answerlint (same code, interpreter and module path)?"""
    return found is not None and found.get("identity") == protocol.identity()


def stop(wait: float = 10.0) -> dict | None:
    """Ask the daemon to exit and wait for its socket to go; its status before, or None."""
    found = status()
    if found is None:
        return None
    try:
        with connect(timeout=5) as sock:
            protocol.send(sock, {"op": "exit"})
            protocol.receive(sock)
    except (OSError, ValueError, protocol.ProtocolError):
        pass
    deadline = time.monotonic() + wait
    while os.path.exists(found.get("socket") or "") and time.monotonic() < deadline:
        time.sleep(0.02)
    return found


def start(idle_timeout: float, wait: float = 120.0) -> dict:
    """Start a daemon detached from this process (its own session, output to daemon.log in the
    runtime directory) and return its status once it answers."""
    try:
        directory = protocol.private_dir(create=True)
    except protocol.UnsafeDirectory as exc:
        raise DaemonError(f"refusing the runtime directory: {exc}") from None
    except OSError as exc:
        raise DaemonError(f"cannot create the runtime directory {protocol.runtime_dir()}: "
                          f"{exc.strerror or exc}") from None
    path = protocol.socket_path(directory)
    if os.path.exists(path):
        os.unlink(path)  # no daemon answered on it (the caller asked): left by one that was killed
    log_path = os.path.join(directory, LOG_NAME)
    with open(log_path, "ab") as log, open(os.devnull, "rb") as null:
        child = subprocess.Popen([sys.executable, "-m", "answerlint.daemon.server", directory, str(idle_timeout)],
                                 stdin=null, stdout=log, stderr=log, cwd="/", start_new_session=True,
                                 close_fds=True)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise DaemonError(f"the daemon exited at start (status {child.returncode}); see {log_path}")
        found = status() if os.path.exists(path) else None
        if found is not None:
            return found
        time.sleep(0.05)
    raise DaemonError(f"the daemon did not answer within {wait:g} s; see {log_path}")
