"""``python -m answerlint`` and the ``answerlint`` command.

``--version`` (alone) is answered here, before click and the command line are imported: it is what
scripts and editors call to probe for the tool, and it should cost no more than the interpreter.
"""

import sys


def entry() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from answerlint import __version__

        sys.stdout.write(f"answerlint {__version__}\n")
        return
    from answerlint.cli import main

    main()


if __name__ == "__main__":
    entry()
