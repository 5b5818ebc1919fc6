"""A Session: everything a run of answerlint shares, and the one way in to lint.

It owns the configuration of each directory (found once per directory), the rule sets and
profiles compiled once per configuration, the spaCy provider (through its :class:`Linter`, whose
compiled rules are keyed by rule fingerprints) and the content cache. ``answerlint check``, the
public :func:`answerlint.lint_text` and editor or platform integrations all go through it; see
docs/api.md. A Session is not shared between processes: one per worker.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from answerlint import cache as cachemod
from answerlint.analysis import Analysis
from answerlint.config import DEFAULT_EXCLUDE, Settings, find_config, load_settings
from answerlint.engine import FileResult, Linter, Profile
from answerlint.errors import AnswerlintError, ConfigError, InputError
from answerlint.fingerprint import code_fingerprint, digest, pipeline_identity, rule_fingerprint, rules_fingerprint
from answerlint.kinds import get_kind
from answerlint.kinds.base import NEEDS_PARSE, NEEDS_TAGS
from answerlint.model import ANSWER, Bank, Finding, Item
from answerlint.packs import RuleSet
from answerlint.rules import Rule
from answerlint.textstats import REPORTED as READABILITY

if TYPE_CHECKING:
    from answerlint.sourcefile import SourceFile

STDIN = "-"


@dataclass
class Stats:
    """What the cache saved: items linted afresh (in this process or by --jobs workers), and
    items whose findings came from the cache."""

    analysed: int = 0
    cached: int = 0


class Session:
    """Lints banks with the configuration closest to each (or ``config``), command-line style
    overrides on top. ``cache``: False (no cache), True (``.answerlint_cache`` next to each
    configuration) or a directory. ``pipelines`` (an nlpprovider.Pipelines): where spaCy
    pipelines come from; by default each Session loads its own. ``parse_pack``: how a rule pack
    file's text becomes rules (packs.parse_pack by default; see resident.py); ``compiled``: compiled
    rules kept beyond the Session (see :class:`Linter`)."""

    def __init__(self, *, config: str | Path | None = None, select=None, extend_select=None, ignore=None,
                 fail_on: str | None = None, model: str | None = None, cache: bool | str | Path = False,
                 parse_all: bool = False, pipelines=None, parse_pack=None, compiled=None) -> None:
        self.config = Path(config) if config else None
        self._overrides = dict(select=_tuple(select), extend_select=_tuple(extend_select),
                               ignore=_tuple(ignore), fail_on=fail_on)
        self.linter = Linter(model, parse_all, pipelines, compiled)  # see nlpprovider.Pipelines, resident.py
        self.cache_setting = cache
        self._parse_pack = parse_pack
        self.stats = Stats()
        self._configs: dict[Path, Path | None] = {}  # directory -> its closest config
        self._profiles: dict[str | None, Profile] = {}
        self._rulesets: dict[tuple, RuleSet] = {}
        self._caches: dict[Path, cachemod.Cache] = {}
        self._fingerprints: dict[int, tuple[Rule, str]] = {}  # id(rule) -> (rule kept alive, fingerprint)
        self._identity: dict[str | None, str] = {}
        self._code: str | None = None
        self._skipped_files: set[tuple[int, int]] = set()  # (device, inode) of answerlint's own outputs
        # bank path -> (label scheme, item key -> cache entry) found by --jobs workers (parallel.py)
        self.prefilled: dict[str, tuple[str | None, dict[str, dict]]] = {}

    def skip_file(self, file: Path | os.stat_result) -> None:
        """Never lint this file (answerlint's report or baseline): a path, or its ``os.stat``."""
        try:
            st = file if isinstance(file, os.stat_result) else os.stat(file)
        except OSError:
            return  # not there yet: the walk cannot meet it
        if stat.S_ISREG(st.st_mode):
            self._skipped_files.add((st.st_dev, st.st_ino))

    def _skipped(self, path: Path) -> bool:
        if not self._skipped_files:
            return False
        try:
            st = os.stat(path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self._skipped_files

    # -- configuration ------------------------------------------------------------------------

    def config_for(self, path: Path) -> Path | None:
        """The config file that applies to ``path``: ``--config``, else the closest one, searched
        once per directory."""
        if self.config is not None:
            return self.config
        directory = path if path.is_dir() else path.parent
        if directory not in self._configs:
            self._configs[directory] = find_config(directory)
        return self._configs[directory]

    def profile_for(self, path: Path) -> Profile:
        """The settings and rules for ``path`` (one Profile per configuration file)."""
        config = self.config_for(path)
        key = str(config.resolve()) if config else None
        if key not in self._profiles:
            settings = load_settings(config, Path.cwd()).with_overrides(**self._overrides)
            self._profiles[key] = Profile(settings, self.ruleset(settings))
        return self._profiles[key]

    def reload_configuration(self) -> None:
        """Forget the configuration files found and the profiles and rule sets read from them:
        the next lint reads them again (``answerlint server`` calls this when one changes). The
        pipeline and the compiled rules stay."""
        self._configs.clear()
        self._profiles.clear()
        self._rulesets.clear()

    def ruleset(self, settings: Settings) -> RuleSet:
        packs = tuple(p.resolve() for p in settings.packs)
        if packs not in self._rulesets:
            self._rulesets[packs] = (RuleSet.load(packs) if self._parse_pack is None
                                     else RuleSet.load(packs, self._parse_pack))
        return self._rulesets[packs]

    @property
    def skipped(self) -> dict[str, str]:
        """Rules the chosen pipeline could not serve: rule id -> why."""
        return self.linter.skipped

    # -- linting ------------------------------------------------------------------------------

    def lint_text(self, text: str, filename: str = STDIN, stage: str | None = None) -> list[Finding]:
        """The findings of ``text`` read as the bank ``filename`` (its extension picks the
        format, its directory the configuration)."""
        from answerlint.readers import read_source

        path = Path(filename if filename != STDIN else ".").absolute()
        profile = self.profile_for(path)
        bank = read_source(filename, text.encode("utf-8"), profile.settings.question_sections)
        return self.lint(bank, profile, stage)

    def lint_paths(self, paths, stage: str | None = None, scored: bool = False,
                   report_error: Callable[[str], None] = lambda message: None) -> list[FileResult]:
        """Lint files and directories (walked as ``answerlint check`` does): one FileResult per
        bank, errors included (``report_error`` is told each one as it happens)."""
        results: list[FileResult] = []
        for name, path in self.targets(tuple(str(p) for p in paths), report_error, results):
            results.append(self.lint_file(name, path, None, stage, scored, report_error))
        return results

    def lint_file(self, name: str, path: Path | None, data: bytes | None, stage: str | None = None,
                  scored: bool = False, report_error: Callable[[str], None] = lambda message: None,
                  metrics: bool = False, read: tuple[SourceFile, Bank] | None = None) -> FileResult:
        """One bank: the file at ``path``, or ``data`` (standard input) when ``path`` is None;
        ``metrics``: each item's readability too (the JSON report's), cached with its findings;
        ``read``: the file and the bank already read from it (parallel.plan), not read again."""
        from answerlint import sourcefile
        from answerlint.readers import read_source

        result = FileResult(name)
        try:
            profile = self.profile_for(path or Path(name if name != STDIN else ".").absolute())
            if read is not None:
                result.source, result.bank = read
            else:
                if path is not None:
                    result.source = sourcefile.read(path)
                    data = result.source.data
                result.bank = read_source(name, data or b"", profile.settings.question_sections)
            result.refused = list(result.bank.refused)
            for exc in result.refused:
                report_error(str(exc))
            result.findings, result.scores, result.metrics = self.lint_bank(result.bank, profile, stage,
                                                                            scored, metrics)
            for line, selector in profile.decider.unknown_directive_rules(result.bank):
                report_error(f"warning: {name}:{line}: answerlint directive names unknown rule or pack "
                             f"'{selector}' (see `answerlint rules`)")
        except AnswerlintError as exc:
            result.error = located(exc, name)
            report_error(str(exc))
        except Exception as exc:  # a bug in answerlint: one line for this file, the others still linted
            result.error = InputError(f"internal error: {type(exc).__name__}: {exc} (please report it)", name)
            report_error(str(result.error))
        return result

    def lint(self, bank: Bank, profile: Profile, stage: str | None = None) -> list[Finding]:
        return self.lint_scored(bank, profile, stage, False)[0]

    def lint_scored(self, bank: Bank, profile: Profile, stage: str | None = None, scored: bool = True):
        """The findings and (when ``scored``) the score of every answer. No scores when no
        selected rule reads the language: see :meth:`Linter.lint_scored`."""
        return self.lint_bank(bank, profile, stage, scored)[:2]

    def lint_bank(self, bank: Bank, profile: Profile, stage: str | None = None, scored: bool = True,
                  metrics: bool = False) -> tuple[list[Finding], list, dict[int, dict]]:
        """:meth:`lint_scored`, and with ``metrics`` each item's readability (by ``id(item)``)."""
        from answerlint.scoring import score_answer

        run = _BankRun(self, bank, profile, stage)
        findings = run.findings()
        scores = []
        if scored and any(get_kind(r.kind).needs in (NEEDS_TAGS, NEEDS_PARSE) for r in run.rules):
            length_rules = {r.id for r in run.rules if r.kind == "length"}
            mine = _by_item(findings)  # each answer's own findings: not all of them for every answer
            scores = [score_answer(item, run.facts(item), mine.get(id(item), []), length_rules)
                      for item in bank.answers]
        readability = {id(item): run.readability(item) for item in bank.items} if metrics else {}
        run.store()
        return findings, scores, readability

    def item_entries(self, bank: Bank, profile: Profile, stage: str | None, scored: bool,
                     indices: list[int], metrics: bool = False) -> tuple[str | None, dict[str, dict]]:
        """The cache entries (raw findings, facts when ``scored``, readability with ``metrics``) of the items at ``indices``
        of ``bank``, and the pipeline's label scheme: a --jobs worker's share of one big bank,
        which the process that asked merges with :attr:`prefilled` (see parallel.py)."""
        part = replace(bank, items=[bank.items[i] for i in indices])
        run = _BankRun(self, part, profile, stage, share=True)
        run._item_findings([r for r in run.rules if r.scope != "bank"])
        if scored and any(get_kind(r.kind).needs in (NEEDS_TAGS, NEEDS_PARSE) for r in run.rules):
            for item in part.answers:
                run.facts(item)
        if metrics:
            for item in part.items:
                run.readability(item)
        return run.entries.scheme, {run.keys[id(i)]: run.entries.items[run.keys[id(i)]] for i in part.items}

    # -- the files of a run -------------------------------------------------------------------

    def targets(self, paths: tuple[str, ...], report_error, results: list[FileResult],
                stdin_filename: str | None = None) -> Iterator[tuple[str, Path | None]]:
        """(display name, path or None for standard input) of every bank to lint; errors for
        paths that are not there or whose configuration is broken go to ``results``."""
        if stdin_filename and paths == (".",):
            paths = (STDIN,)  # `--stdin-filename` without paths reads standard input, as in ruff
        for arg in paths:
            if arg == STDIN:
                yield stdin_filename or STDIN, None  # the config is searched from the --stdin-filename
                continue
            path = Path(arg)
            if path.is_dir():
                yield from self._walk(path, report_error, results)
            elif path.exists():
                if self._skipped(path):
                    report_error(f"notice: {arg}: skipped: answerlint is writing its output there")
                elif not self._excluded(arg, path, report_error, results):
                    yield arg, path
            else:
                exc = InputError("no such file or directory", arg)
                results.append(FileResult(arg, error=exc))
                report_error(str(exc))

    def _walk(self, root: Path, report_error, results) -> Iterator[tuple[str, Path]]:
        from answerlint.readers import READERS

        def unreadable(exc: OSError) -> None:  # a directory the walk cannot list: one line, not silence
            display = os.path.normpath(str(exc.filename or root))
            error = InputError(f"cannot read the directory: {exc.strerror or exc}", display)
            results.append(FileResult(display, error=error))
            report_error(str(error))

        for directory, dirs, files in os.walk(root, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDE and not d.startswith("."))
            for name in sorted(files):
                if Path(name).suffix.lower() not in READERS or name.startswith("."):
                    continue  # hidden files (such as .answerlint.yaml) are not banks, like hidden directories
                path = Path(directory) / name
                display = os.path.normpath(str(path))
                if not self._skipped(path) and not self._excluded(display, path, report_error, results):
                    yield display, path

    def _excluded(self, display: str, path: Path, report_error, results) -> bool:
        """Is the file excluded by its configuration? A broken configuration is an error for it."""
        try:
            return self.profile_for(path).settings.excluded(display)
        except AnswerlintError as exc:
            results.append(FileResult(display, error=located(exc, display)))
            report_error(str(exc))
            return True

    # -- the cache ----------------------------------------------------------------------------

    def cache_for(self, settings: Settings) -> cachemod.Cache | None:
        if self.cache_setting is False or self.cache_setting is None:
            return None
        directory = settings.root / cachemod.DIRECTORY_NAME if self.cache_setting is True else Path(self.cache_setting)
        if directory not in self._caches:
            self._caches[directory] = cachemod.Cache(directory)
        return self._caches[directory]

    def fingerprint(self, rule: Rule) -> str:
        known = self._fingerprints.get(id(rule))
        if known is None or known[0] is not rule:
            known = self._fingerprints[id(rule)] = (rule, rule_fingerprint(rule))
        return known[1]

    def pending(self, bank: Bank, profile: Profile, stage: str | None = None) -> list[Item]:
        """The items of ``bank`` that a lint would analyse afresh (not in the cache); loads nothing."""
        _, entries = self._entries(bank, profile)
        keys = _item_keys(bank, profile, stage)
        return [i for i in bank.items if not isinstance(entries.items.get(keys[id(i)], {}).get("raw"), list)]

    def _entries(self, bank: Bank, profile: Profile) -> tuple[str, cachemod.BankEntries]:
        """The bank's cache file name and what it holds (empty without a cache)."""
        settings = profile.settings
        cache = self.cache_for(settings)
        if cache is None:
            return "", cachemod.BankEntries("")
        key = self.bank_key(settings, profile.rules_for(bank.path))
        name = digest([str(Path(bank.path).absolute()), key])[:40]
        return name, cache.load(name, key)

    def bank_key(self, settings: Settings, rules: list[Rule]) -> str:
        """What every cached finding of a bank depends on besides the items themselves."""
        model = self.linter.model or settings.model
        if model not in self._identity:
            self._identity[model] = pipeline_identity(model)
        if self._code is None:
            self._code = code_fingerprint()
        return digest([cachemod.FORMAT, self._code, self._identity[model], self.linter.parse_all,
                       settings.words_per_minute, rules_fingerprint(self.fingerprint(r) for r in rules)])


class _BankRun:
    """Linting one bank through the cache: items found in it are not analysed again."""

    def __init__(self, session: Session, bank: Bank, profile: Profile, stage: str | None,
                 share: bool = False) -> None:
        """``share``: a --jobs share of the bank (:meth:`Session.item_entries`): it neither takes
        :attr:`Session.prefilled` nor counts in the stats (the lint that reads its entries does)."""
        self.session, self.bank, self.profile, self.stage = session, bank, profile, stage
        self.stats = Stats() if share else session.stats
        settings = profile.settings
        linter = session.linter
        self.provider = linter.provider(settings)
        candidates = profile.rules_for(bank.path)
        self.cache = session.cache_for(settings)
        self.name, self.entries = session._entries(bank, profile)
        prefilled = None if share else session.prefilled.pop(bank.path, None)
        self._prefilled = set(prefilled[1]) if prefilled is not None else set()  # their keys
        if prefilled is not None:  # the items' findings and facts, found by --jobs workers
            self.entries.scheme = self.entries.scheme or prefilled[0]
            self.entries.items.update(prefilled[1])
            self.entries.changed = True
        self.rules = linter.runnable(candidates, self.provider, self.entries.scheme)
        if self.entries.scheme is None and any(getattr(get_kind(r.kind), "requires_labels", None) for r in candidates):
            self.entries.scheme = self.provider.label_scheme()  # runnable() has just read it
            self.entries.changed = True
        self.wpm = settings.words_per_minute
        self.keys = _item_keys(bank, profile, stage)
        self._analysis: Analysis | None = None
        self._fresh: dict[int, Analysis] = {}  # id(item) -> the analysis that linted it this run

    def analysis(self) -> Analysis:
        if self._analysis is None:
            self._analysis = Analysis(self.bank, self.provider, self.wpm)
        return self._analysis

    def findings(self) -> list[Finding]:
        rules = self.rules
        item_rules = [r for r in rules if r.scope != "bank"]
        by_item = self._item_findings(item_rules)
        found = []
        for rule in rules:
            if rule.scope == "bank":
                found.extend(self._bank_findings(rule))
            else:
                for item in self.bank.items:
                    found.extend((rule, raw) for raw in by_item[id(item)].get(rule.id, ()))
        return self.session.linter.decide(self.bank, self.profile, self.stage, rules, found)

    def _item_findings(self, rules: list[Rule]) -> dict[int, dict[str, list]]:
        """rule id -> raw findings, for each item: from the cache, or found now."""
        out: dict[int, dict[str, list]] = {}
        missing: list[Item] = []
        for item in self.bank.items:
            entry = self.entries.items.get(self.keys[id(item)])
            decoded = _decode_raws(entry.get("raw"), item) if entry is not None else None
            if decoded is None:
                missing.append(item)
            else:
                out[id(item)] = decoded
        jobs = sum(1 for i in self.bank.items if id(i) in out and self.keys[id(i)] in self._prefilled)
        self.stats.cached += len(self.bank.items) - len(missing) - jobs  # analysed by --jobs: not cached
        self.stats.analysed += len(missing) + jobs
        if not missing:
            return out
        analysis = Analysis(replace(self.bank, items=missing), self.provider, self.wpm)
        for item in missing:
            out[id(item)] = {}
            self._fresh[id(item)] = analysis
        for rule, raw in self.session.linter.raw_findings(rules, analysis):
            if raw.item is None or id(raw.item) not in out:
                raise AnswerlintError(f"rule {rule.id} reported outside the items it was given")
            out[id(raw.item)].setdefault(rule.id, []).append(raw)
        for item in missing:
            entry = self.entries.items.setdefault(self.keys[id(item)], {})
            entry["raw"] = [cachemod.encode_raw(raw) for raws in out[id(item)].values() for raw in raws]
        self.entries.changed = True
        return out

    def _bank_findings(self, rule: Rule) -> list[tuple[Rule, object]]:
        """A bank-scope rule's findings (repetition, coverage), cached for the whole bank: a
        warm run of a 100k-word bank spent a fifth of its time finding the repetitions again."""
        linter = self.session.linter
        items = self.bank.items
        key = digest([self.session.fingerprint(rule), self.bank.source, self.bank.company, self.bank.questions_offset,
                      [self.keys[id(i)] for i in items]])
        cached = self.entries.bank.get(key)
        if isinstance(cached, list):
            try:
                return [(rule, cachemod.decode_raw(d, items[d[5]] if d[5] is not None else None)) for d in cached]
            except (TypeError, ValueError, IndexError):
                pass
        found = list(linter.raw_findings([rule], self.analysis()))
        where = {id(item): i for i, item in enumerate(items)}
        self.entries.bank[key] = [cachemod.encode_raw(raw, where.get(id(raw.item))) for _, raw in found]
        self.entries.changed = True
        return found

    def facts(self, item: Item):
        """The answer's facts, for its score: from the cache, or read off its analysis."""
        entry = self.entries.items.setdefault(self.keys[id(item)], {})
        if isinstance(entry.get("facts"), dict):
            try:
                return cachemod.decode_facts(entry["facts"])
            except (TypeError, ValueError, KeyError):
                pass
        analysis = self._fresh.get(id(item)) or self.analysis()
        facts = analysis.facts(item)
        entry["facts"] = cachemod.encode_facts(facts)
        self.entries.changed = True
        return facts

    def readability(self, item: Item) -> dict[str, float]:
        """The item's readability figures (the JSON report's), from the cache or textstat."""
        entry = self.entries.items.setdefault(self.keys[id(item)], {})
        found = entry.get("readability")
        if isinstance(found, dict) and all(isinstance(found.get(k), (int, float)) for k in READABILITY):
            return {k: found[k] for k in READABILITY}
        from answerlint.textstats import readability

        entry["readability"] = figures = readability(item.text)
        self.entries.changed = True
        return figures

    def store(self) -> None:
        if self.cache is None:
            return
        current = set(self.keys.values())
        stale = [k for k in self.entries.items if k not in current]
        for k in stale:  # answers edited away: the file keeps only what the bank holds now
            del self.entries.items[k]
        self.entries.changed = self.entries.changed or bool(stale)
        self.cache.store(self.name, self.entries)


def _by_item(findings: list[Finding]) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for finding in findings:
        out.setdefault(id(finding.item), []).append(finding)
    return out


def _item_keys(bank: Bank, profile: Profile, stage: str | None) -> dict[int, str]:
    """id(item) -> the item's cache key."""
    effective_stage = profile.decider.stage(bank, stage)
    wpm = profile.settings.words_per_minute
    return {id(i): cachemod.item_key(i, effective_stage, bank.company, wpm) for i in bank.items}


def _decode_raws(data, item: Item) -> dict[str, list] | None:
    if not isinstance(data, list):
        return None
    out: dict[str, list] = {}
    try:
        for d in data:
            raw = cachemod.decode_raw(d, item)
            out.setdefault(raw.rule, []).append(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return out


def located(exc: AnswerlintError, name: str) -> AnswerlintError:
    """The error attributed to the file ``name``, unless it is about a command-line option."""
    if isinstance(exc, ConfigError) and exc.path is None:
        return exc
    return exc.located(name)


def _tuple(values) -> tuple[str, ...] | None:
    if values is None:
        return None
    return (values,) if isinstance(values, str) else tuple(values)
