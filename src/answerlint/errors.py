"""Errors that end up as one line on stderr and exit status 2."""

from __future__ import annotations


class AnswerlintError(Exception):
    """A user-facing error: bad input, bad config or bad rule pack.

    ``str(error)`` is the one line shown to the user: ``path:line:col: problem``.
    """

    def __init__(self, problem: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # pickled whole (with its place) for --jobs workers
        return (type(self), (self.problem, self.path, self.line, self.column))

    def located(self, path: str) -> "AnswerlintError":
        """Return the same error attributed to ``path`` when it has no path yet."""
        if self.path is None:
            self.path = path
        return self

    def __str__(self) -> str:
        where = [str(p) for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(where + [" " + self.problem]) if where else self.problem


class InputError(AnswerlintError):
    """An answer bank that cannot be read."""


class ConfigError(AnswerlintError):
    """A configuration file or command-line option that is invalid."""


class PackError(AnswerlintError):
    """A rule pack that does not follow the schema."""
