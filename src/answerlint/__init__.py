"""answerlint: a linter for job-interview answer banks.

The public API (docs/api.md): :func:`lint_text` for one text, :class:`Session` to lint many
(it keeps the pipeline, the compiled rules and the cache between calls). Importing the package
is cheap: the modules behind them load on first use, spaCy only when a rule needs it.
"""

__version__ = "0.1.0"

__all__ = ["Finding", "Session", "lint_text", "__version__"]


def lint_text(text: str, filename: str = "-", config=None, **options) -> list:
    """The findings (``answerlint.Finding``) of ``text`` read as the bank ``filename`` (its
    extension picks the format: .md, .txt, .yaml, .json; "-" is plain text). ``config``: a
    configuration file; by default the one closest to ``filename``. ``options``: those of
    :class:`Session` (select, ignore, model, ...). Each call starts a new Session: to lint more
    than one text, keep a Session and call its ``lint_text``."""
    from answerlint.session import Session

    stage = options.pop("stage", None)
    return Session(config=config, **options).lint_text(text, filename, stage)


def __getattr__(name: str):
    if name == "Session":
        from answerlint.session import Session

        return Session
    if name == "Finding":
        from answerlint.model import Finding

        return Finding
    raise AttributeError(f"module 'answerlint' has no attribute {name!r}")
