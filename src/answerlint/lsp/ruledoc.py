"""A page for each rule, for the editor's link on a diagnostic (LSP ``codeDescription``).

A rule with a ``link`` in its pack links there. The others (every bundled rule: the project has no
published documentation site) link to a Markdown file in the cache directory (or, without a
cache, the server's private temporary directory) holding what
``answerlint rule ID`` prints for the rule as the configuration sets it: an editor opens a
``file://`` link like any other, and nothing is fetched. The file is named by the rule's
fingerprint, so a changed option gets a new page; it is written once, in one step.
"""

from __future__ import annotations

from pathlib import Path

from answerlint.errors import InputError
from answerlint.fingerprint import rule_fingerprint
from answerlint.outputfile import write_atomic
from answerlint.rules import Rule

FOLDER = "rules"


def doc_uri(rule: Rule, cache_directory: Path | None) -> str | None:
    """The link for ``rule``'s diagnostics: its own ``link``, else its page under
    ``cache_directory`` (None without a cache, or when the page cannot be written)."""
    if rule.link:
        return rule.link
    if cache_directory is None:
        return None
    from answerlint.ruledocs import explain

    folder = Path(cache_directory) / FOLDER
    page = folder / f"{rule.id.replace('/', '.')}-{rule_fingerprint(rule)[:12]}.md"
    if not page.is_file():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(page, f"# {rule.id}\n\n```text\n{explain(rule).rstrip()}\n```\n", "rule page")
        except (OSError, InputError):
            return None
    return page.absolute().as_uri()
