"""`answerlint daemon`: a check handed to the daemon prints, byte for byte, what the same check prints
in a process of its own (standard output, standard error, exit status), and falls back to running
in-process whenever the daemon cannot answer for this answerlint.

The daemons run in a temporary runtime directory (ANSWERLINT_DAEMON_DIR). They talk over a Unix
socket from subprocesses; pytest-socket blocks sockets only in tests marked disable_socket, and
only in the test process, so nothing here needs allow_unix_socket.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

import answerlint
from answerlint.daemon import control, protocol
from answerlint.packs import builtin_pack_dir

pytestmark = pytest.mark.slow

CORPUS = ROOT / "corpus"
WEAK = (CORPUS / "weak.md").read_bytes()


def _private(path: Path) -> Path:
    path.mkdir(mode=0o700)
    return path


def _env(directory: Path, **extra) -> dict:
    return {**os.environ, protocol.DIR_ENV: str(directory), **extra}


def _answerlint(args, env, cwd=CORPUS, stdin: bytes | None = None):
    done = subprocess.run([sys.executable, "-m", "answerlint", *args], env=env, cwd=cwd, input=stdin or b"",
                          capture_output=True, timeout=300)
    return done.stdout, done.stderr, done.returncode


def _status(directory: Path, monkeypatch) -> dict | None:
    monkeypatch.setenv(protocol.DIR_ENV, str(directory))
    return control.status()


@pytest.fixture(scope="module")
def daemon(tmp_path_factory):
    directory = _private(tmp_path_factory.mktemp("daemon") / "rt")
    env = _env(directory)
    out, err, code = _answerlint(["daemon", "start", "--idle-timeout", "900"], env)
    assert code == 0, err
    assert err.startswith(b"answerlint daemon: started (pid ")
    yield directory
    _answerlint(["daemon", "stop"], env)


CASES = [
    (["check", "weak.md"], None),
    (["check", "--format", "json", "bank.yaml", "strong.md"], None),
    (["check", "--format", "concise", "independent", "offer-stage.yaml"], None),
    (["check", "--format", "json", "-"], WEAK),
    (["check", "--stdin-filename", "answers/weak.md"], WEAK),
    (["check", "--exit-zero", "--statistics", "sample-bank.md"], None),
    (["check", "strong.md", "no-such-bank.md"], None),  # exit status 2
    (["check", "--format", "yaml", "weak.md"], None),  # a usage error: exit status 2
]


@pytest.mark.parametrize("args,stdin", CASES, ids=[" ".join(a) for a, _ in CASES])
def test_the_daemon_prints_what_a_process_of_its_own_prints(daemon, monkeypatch, args, stdin):
    before = _status(daemon, monkeypatch)["requests"]
    alone = _answerlint(args, _env(daemon), stdin=stdin)
    served = _answerlint(args, _env(daemon, ANSWERLINT_DAEMON="1"), stdin=stdin)
    assert served == alone
    assert _status(daemon, monkeypatch)["requests"] == before + 1  # the daemon did serve it


def test_exit_statuses_are_the_commands(daemon):
    codes = [_answerlint(args, _env(daemon, ANSWERLINT_DAEMON="1"))[2]
             for args in (["check", "strong.md", "--exit-zero"], ["check", "weak.md"], ["check", "missing.md"])]
    assert codes == [0, 1, 2]


def test_an_output_file_is_written_in_the_clients_directory(daemon, tmp_path):
    (tmp_path / "weak.md").write_bytes(WEAK)
    alone = _answerlint(["check", "-o", "alone.txt", "weak.md"], _env(daemon), cwd=tmp_path)
    served = _answerlint(["check", "-o", "served.txt", "weak.md"], _env(daemon, ANSWERLINT_DAEMON="1"),
                         cwd=tmp_path)
    assert served == alone
    assert (tmp_path / "served.txt").read_bytes() == (tmp_path / "alone.txt").read_bytes()
    assert (tmp_path / "served.txt").read_bytes().endswith(b" in 1 file.\n")


def test_another_answerlint_is_not_served(daemon, monkeypatch):
    # another module path: the daemon's identity differs, so the check runs in-process
    env = _env(daemon, ANSWERLINT_DAEMON="1", PYTHONPATH=os.pathsep.join(
        p for p in (os.environ.get("PYTHONPATH"), str(ROOT / "no-such-dir")) if p))
    before = _status(daemon, monkeypatch)["requests"]
    assert _answerlint(["check", "weak.md"], env) == _answerlint(["check", "weak.md"], _env(daemon))
    after = _status(daemon, monkeypatch)
    assert after["requests"] == before and after["pid"]  # not served, and still running


def test_without_a_daemon_check_runs_in_process(tmp_path):
    env = _env(_private(tmp_path / "rt"))
    alone = _answerlint(["check", "weak.md"], env)
    assert alone[2] == 1 and alone[0].endswith(b" in 1 file.\n")
    assert _answerlint(["check", "weak.md"], {**env, "ANSWERLINT_DAEMON": "1"}) == alone


def _copy_of_answerlint(target: Path) -> Path:
    """answerlint's modules copied under target/src (pipeline and packs linked): a second
    installation whose code a test may change."""
    package = Path(answerlint.__file__).parent
    copy = target / "src" / "answerlint"
    shutil.copytree(package, copy, symlinks=True,
                    ignore=shutil.ignore_patterns("models", "rules", "__pycache__"))
    (copy / "models").symlink_to(package / "models")
    if (package / "rules").is_dir():
        (copy / "rules").symlink_to(package / "rules")
    else:  # a source checkout: the packs are beside src/
        (target / "rules").symlink_to(builtin_pack_dir())
    return target / "src"


def test_a_stale_daemon_exits_and_the_check_runs_in_process(tmp_path, monkeypatch):
    directory = _private(tmp_path / "rt")
    env = _env(directory, PYTHONPATH=str(_copy_of_answerlint(tmp_path / "copy")))
    assert _answerlint(["daemon", "start"], env)[2] == 0
    assert _status(directory, monkeypatch)["requests"] == 0
    module = tmp_path / "copy" / "src" / "answerlint" / "limits.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # answerlint edited
    try:
        served = _answerlint(["check", "weak.md"], {**env, "ANSWERLINT_DAEMON": "1"})
        assert served == _answerlint(["check", "weak.md"], env)
        assert not (directory / "daemon.sock").exists()  # the stale daemon has gone
        assert _status(directory, monkeypatch) is None
    finally:
        _answerlint(["daemon", "stop"], env)


def test_stop_removes_the_socket_and_status_says_so(tmp_path):
    directory = _private(tmp_path / "rt")
    env = _env(directory)
    assert _answerlint(["daemon", "start"], env)[2] == 0
    out, _, code = _answerlint(["daemon", "status"], env)
    assert code == 0 and out.startswith(b"answerlint daemon: running (pid ")
    assert (directory / "daemon.sock").exists()
    _, err, code = _answerlint(["daemon", "stop"], env)
    assert code == 0 and err.startswith(b"answerlint daemon: stopped (pid ")
    assert not (directory / "daemon.sock").exists()
    assert _answerlint(["daemon", "status"], env) == (b"answerlint daemon: not running\n", b"", 1)


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o755])
def test_a_runtime_directory_others_can_use_is_refused(tmp_path, mode):
    directory = tmp_path / "rt"
    directory.mkdir()
    directory.chmod(mode)
    env = _env(directory)
    _, err, code = _answerlint(["daemon", "start"], env)
    assert code == 2
    assert err == (f"answerlint: refusing the runtime directory: {directory} is open to other users "
                   f"(mode {mode:o}; it must be 700)\n").encode()
    assert not (directory / "daemon.sock").exists()
    # and the client does not use it: the check runs in-process
    assert _answerlint(["check", "weak.md"], {**env, "ANSWERLINT_DAEMON": "1"}) == _answerlint(["check", "weak.md"], env)


def test_only_check_is_forwarded():
    from answerlint.daemon.client import opted_in

    yes = {"ANSWERLINT_DAEMON": "1"}
    assert opted_in(["check", "."], yes)
    assert opted_in(["check"], {"ANSWERLINT_DAEMON": "Yes"})
    assert not opted_in(["check", "."], {})
    assert not opted_in(["check", "."], {"ANSWERLINT_DAEMON": "0"})
    assert not opted_in(["report", "."], yes)
    assert not opted_in(["daemon", "stop"], yes)


def test_a_reply_that_follows_at_once_stays_for_the_next_receive():
    # a fast command's exit status can arrive with the 'accepted' reply in one read
    import socket

    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        protocol.send(left, {"accepted": True})
        protocol.send(left, {"exit": 3})
        assert protocol.receive(right) == ({"accepted": True}, [])
        assert protocol.receive(right) == ({"exit": 3}, [])


def test_descriptors_travel_with_the_message(tmp_path):
    import socket

    path = tmp_path / "out.txt"
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right, open(path, "wb") as out:
        protocol.send(left, {"op": "run"}, [out.fileno()])
        message, fds = protocol.receive(right, max_fds=3)
        assert message == {"op": "run"} and len(fds) == 1
        with open(fds[0], "wb") as received:
            received.write(b"written by the other side\n")
    assert path.read_bytes() == b"written by the other side\n"


def test_output_and_errors_interleave_as_they_would(daemon):
    # one pipe for both: the error lines and the report come in the order a process of its own writes them
    def merged(env):
        return subprocess.run([sys.executable, "-m", "answerlint", "check", "strong.md", "no-such-bank.md", "weak.md"],
                              env=env, cwd=CORPUS, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=300).stdout

    alone = merged(_env(daemon))
    assert alone.startswith(b"answerlint: no-such-bank.md: no such file or directory\n")
    assert merged(_env(daemon, ANSWERLINT_DAEMON="1")) == alone


def test_the_daemon_exits_when_idle_and_removes_its_socket(tmp_path, monkeypatch):
    import time

    directory = _private(tmp_path / "rt")
    assert _answerlint(["daemon", "start", "--idle-timeout", "1"], _env(directory))[2] == 0
    deadline = time.monotonic() + 60
    while (directory / "daemon.sock").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not (directory / "daemon.sock").exists()
    assert _status(directory, monkeypatch) is None
    assert "idle timeout: exiting" in (directory / "daemon.log").read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a directory to another user")
def test_a_runtime_directory_of_another_user_is_refused(tmp_path):
    directory = _private(tmp_path / "rt")
    os.chown(directory, 65534, 65534)
    _, err, code = _answerlint(["daemon", "start"], _env(directory))
    assert code == 2
    assert err == f"answerlint: refusing the runtime directory: {directory} belongs to another user (uid 65534)\n".encode()


def test_a_fast_command_is_run_once(daemon, monkeypatch):
    # a command that ends before the client has finished sending must not be run again in-process
    args = ["check", "--format", "json", "independent"]
    alone = _answerlint(args, _env(daemon))
    before = _status(daemon, monkeypatch)["requests"]
    for _ in range(12):
        assert _answerlint(args, _env(daemon, ANSWERLINT_DAEMON="1")) == alone
    assert _status(daemon, monkeypatch)["requests"] == before + 12
