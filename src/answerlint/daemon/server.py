"""The daemon: serves ``answerlint check`` requests one at a time, with the spaCy pipeline kept.

Each request runs the click command line in this process as a fresh process would run it: in the
client's directory, environment and umask, with the client's own standard streams (received as
file descriptors), the program name it would show, and new Sessions (configuration, rule packs and
the cache are read afresh); only loaded pipelines, the rules parsed from a pack's text and the
compiled regular expressions of rules are kept (pipelines.py, resident.py). Run as
``python -m answerlint.daemon.server DIRECTORY IDLE_SECONDS`` by ``answerlint daemon start``.
"""

from __future__ import annotations

import io
import logging
import os
import socket
import sys
import time
import traceback
import warnings

from answerlint.daemon import protocol
from answerlint.daemon.pipelines import resident

POLL = 30.0  # seconds between checks that the socket is still this daemon's


class Server:
    def __init__(self, directory: str, idle_timeout: float) -> None:
        self.directory = directory
        self.path = protocol.socket_path(directory)
        self.idle_timeout = idle_timeout
        self.identity = protocol.identity()
        self.resident = resident()
        self.started = time.time()
        self.requests = 0
        self._inode: int | None = None

    def warm_up(self) -> None:
        """Load the bundled pipeline and the modules a check imports, before taking requests."""
        import answerlint.cli  # noqa: F401
        from answerlint.session import Session

        try:
            kept = self.resident
            session = Session(pipelines=kept.pipelines, parse_pack=kept.parse_pack, compiled=kept.compiled)
            session.lint_text("I am a team player. I led the team.", "warm-up.md")  # config searched from /
        except Exception:  # noqa: BLE001 - a first request will say what is wrong
            traceback.print_exc()

    def serve(self) -> None:
        listener = self._listen()
        try:
            idle_since = time.monotonic()
            while True:
                left = self.idle_timeout - (time.monotonic() - idle_since)
                if left <= 0:
                    log("idle timeout: exiting")
                    return
                listener.settimeout(min(left, POLL))
                try:
                    conn, _ = listener.accept()
                except socket.timeout:
                    if not self._still_mine():
                        log("the socket was removed or replaced: exiting")
                        return
                    continue
                with conn:
                    keep = self._handle(conn)
                idle_since = time.monotonic()
                if not keep:
                    return
        finally:
            listener.close()
            if self._still_mine():
                os.unlink(self.path)

    def _listen(self) -> socket.socket:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # the socket is born 0600
        try:
            listener.bind(self.path)
        finally:
            os.umask(old)
        listener.listen(16)
        self._inode = os.stat(self.path).st_ino
        return listener

    def _still_mine(self) -> bool:
        try:
            return os.stat(self.path).st_ino == self._inode
        except OSError:
            return False

    def _handle(self, conn: socket.socket) -> bool:
        """Answer one connection; False when the daemon should exit."""
        fds: list[int] = []
        try:
            if protocol.peer_uid(conn) not in (None, os.getuid()):
                return True
            conn.settimeout(10)
            message, fds = protocol.receive(conn, max_fds=3)
            conn.settimeout(None)
            op = message.get("op")
            if op == "status":
                protocol.send(conn, self.status())
            elif op == "exit":
                protocol.send(conn, {"ok": True})
                log("asked to exit")
                return False
            elif op == "run":
                return self._run(conn, message, fds)
        except (OSError, ValueError, protocol.ProtocolError) as exc:
            log(f"bad request: {exc}")
        except Exception:  # noqa: BLE001 - a bug here must not take the daemon down
            log(f"request failed:\n{traceback.format_exc()}")
        finally:
            for fd in fds:
                try:
                    os.close(fd)
                except OSError:
                    pass
        return True

    def status(self) -> dict:
        return {"pid": os.getpid(), "identity": self.identity, "started": self.started,
                "requests": self.requests, "idle_timeout": self.idle_timeout, "socket": self.path}

    def _run(self, conn: socket.socket, message: dict, fds: list[int]) -> bool:
        if message.get("identity") != self.identity:
            stale = protocol.identity() != self.identity  # this daemon's own code has changed
            protocol.send(conn, {"accepted": False, "reason": "stale" if stale else "identity"})
            if stale:
                log("answerlint's code changed: exiting")
            return not stale
        if len(fds) != 3 or not _valid(message):
            protocol.send(conn, {"accepted": False, "reason": "request"})
            return True
        try:
            os.chdir(message["cwd"])
        except OSError:
            protocol.send(conn, {"accepted": False, "reason": "cwd"})
            return True
        protocol.send(conn, {"accepted": True})
        self.requests += 1
        try:
            code = run_command(message, fds, self.resident)
        finally:
            fds.clear()  # closed with the streams
            os.chdir("/")
        try:
            protocol.send(conn, {"exit": code})
        except OSError:
            pass  # the client went away (interrupted): nothing to tell
        return True


def _valid(message: dict) -> bool:
    return (isinstance(message.get("argv"), list) and all(isinstance(a, str) for a in message["argv"])
            and isinstance(message.get("cwd"), str) and isinstance(message.get("env"), dict)
            and isinstance(message.get("umask"), int) and isinstance(message.get("prog"), str)
            and isinstance(message.get("streams"), list) and len(message["streams"]) == 3)


def run_command(message: dict, fds: list[int], resident) -> int:
    """Run the request's command line with its streams, environment and umask; its exit status.
    The descriptors are closed when it returns; the process's own state is restored."""
    from answerlint.cli import main

    saved_env = dict(os.environ)
    saved_streams = (sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__)
    saved_argv = sys.argv
    saved_mask = os.umask(message["umask"])
    streams = [_open(fd, mode, spec) for fd, mode, spec in zip(fds, "rww", message["streams"])]
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in message["env"].items()})
    sys.argv = [str(message.get("argv0") or "answerlint"), *message["argv"]]
    sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams
    handlers = _point_log_handlers(saved_streams[5], streams[2])
    try:
        with warnings.catch_warnings():  # warnings shown once per process are shown once per request
            warnings.onceregistry.clear()
            try:
                main.main(args=message["argv"], prog_name=message["prog"], obj=resident)
                code = 0
            except SystemExit as exc:
                code = _exit_status(exc.code)
            except BaseException:  # what an uncaught exception does to a fresh process
                traceback.print_exc()
                code = 1
        for stream in streams[1:]:
            try:
                stream.flush()
            except (OSError, ValueError):
                code = code or 120  # as Python exits when flushing its output fails
    finally:
        for handler, stream in handlers:
            handler.setStream(stream)
        (sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__) = saved_streams
        sys.argv = saved_argv
        os.environ.clear()
        os.environ.update(saved_env)
        os.umask(saved_mask)
        for stream in streams:
            try:
                stream.close()
            except (OSError, ValueError):
                pass
    return code


def _open(fd: int, mode: str, spec: dict | None):
    """A text stream on ``fd`` made as Python makes its standard streams."""
    spec = spec or {}
    binary = io.open(fd, mode + "b", closefd=True)
    return io.TextIOWrapper(binary, encoding=spec.get("encoding") or "utf-8",
                            errors=spec.get("errors") or "strict", newline="\n",
                            line_buffering=bool(spec.get("line_buffering")),
                            write_through=bool(spec.get("write_through")))


def _exit_status(code) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)  # sys.exit("message"): printed, status 1
    return 1


def _point_log_handlers(old, new) -> list:
    """Logging handlers that write to the daemon's own stderr (spaCy's, made at import) write
    to the request's for the request: [(handler, its stream before)]."""
    out = []
    loggers = [logging.getLogger(), *(v for v in logging.Logger.manager.loggerDict.values()
                                      if isinstance(v, logging.Logger))]
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, logging.StreamHandler) and handler.stream is old:
                out.append((handler, handler.setStream(new)))
    return out


def log(message: str) -> None:
    sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} answerlint daemon[{os.getpid()}]: {message}\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> None:
    directory, idle = (argv or sys.argv[1:])[:2]
    server = Server(directory, float(idle))
    server.warm_up()
    log(f"listening on {server.path} (idle timeout {float(idle):g} s)")
    server.serve()


if __name__ == "__main__":
    main()
