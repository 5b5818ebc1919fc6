"""``python -m answerlint`` and the ``answerlint`` command.

``--version`` (alone) is answered here, before click and the command line are imported: it is what
scripts and editors call to probe for the tool, and it should cost no more than the interpreter.
So is ``check`` with ``ANSWERLINT_DAEMON=1`` when a daemon runs (docs/daemon.md): it is handed to
the daemon by daemon/client.py, which imports only the standard library; without a daemon that can
take it, the command runs here as usual.
"""

import os
import sys


def entry() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from answerlint import __version__

        sys.stdout.write(f"answerlint {__version__}\n")
        return
    if sys.argv[1:2] == ["check"] and os.environ.get("ANSWERLINT_DAEMON"):
        from answerlint.daemon.client import forward, opted_in

        if opted_in(sys.argv[1:]):
            code = forward(sys.argv[1:])
            if code is not None:
                sys.exit(code)
    from answerlint.cli import main

    main()


if __name__ == "__main__":
    entry()
