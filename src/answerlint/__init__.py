"""answerlint: a linter for job-interview answer banks."""

__version__ = "0.1.0"
