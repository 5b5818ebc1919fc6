"""The ``answerlint`` command line. Heavy modules (spaCy, textstat) load only when a rule needs them."""

from __future__ import annotations

import os
import sys

import click

from answerlint import __version__

FAIL_LEVELS = ("error", "warning", "info", "never")
STAGE_CHOICES = ("screening", "first-round", "second-round", "final-round", "offer")


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _default_color() -> bool:
    """Colour on a terminal, unless NO_COLOR is set to anything but "" (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _error(message: str) -> None:
    click.echo(f"answerlint: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="answerlint",
                      message="%(prog)s %(version)s")
def main() -> None:
    """Lint job-interview answer banks: clichés, vague claims, premature "what's in it for me"
    questions, length and readability."""


def _selection_options(command):
    """The options that choose what is linted, and how: the same for ``check`` and ``report``."""
    for option in reversed([
        click.option("--select", multiple=True, help="Only these rules or packs (comma-separated)."),
        click.option("--extend-select", multiple=True, help="Rules or packs to add to the selection."),
        click.option("--ignore", multiple=True, help="Rules or packs to skip (comma-separated)."),
        click.option("--stage", type=click.Choice(STAGE_CHOICES), help="Interview stage (overrides the bank)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
                     help="Use this config file instead of searching for one."),
    ]):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "--output-format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "concise", "json", "github", "sarif", "junit"]),
              help="Output format.")
@_selection_options
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), help="Lowest severity that fails (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option("--stdin-filename", help="Name for standard input (picks the format and the config).")
@click.option("--no-suggestions", is_flag=True, help="Leave out suggestions in text output.")
@click.option("--model", help="spaCy pipeline for parse-aware rules (name or path).")
@click.option("--color/--no-color", default=None, help="Colour text output (default: when a terminal and NO_COLOR is not set).")
@click.option("--fix", is_flag=True, help="Apply safe fixes (plain substitutions) to the files.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a diff; change nothing.")
@click.option("--fail-under", type=click.IntRange(0, 100), metavar="SCORE",
              help="Also fail when an answer scores below SCORE (0-100).")
@click.option("--explain-score", is_flag=True, help="Show how each answer's score is made up.")
@click.option("--no-cache", is_flag=True, envvar="ANSWERLINT_NO_CACHE",
              help="Neither read nor write the cache of findings.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), envvar="ANSWERLINT_CACHE_DIR",
              help="Cache directory (default: .answerlint_cache next to the configuration).")
@click.option("--baseline", "baseline", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Report only findings this baseline does not record.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Record every finding in FILE (a baseline) and report nothing.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=str), metavar="PATH",
              help="Write the report to PATH instead of standard output (errors still go to standard error).")
@click.option("--show-settings", is_flag=True,
              help="Print the configuration that applies to the first PATH, and where each setting came from.")
@click.option("-v", "--verbose", is_flag=True,
              help="Say on standard error what was read from each bank: its candidate-questions section, "
                   "and how many answers and questions.")
@click.option("--jobs", "-j", type=click.IntRange(1), metavar="N",
              help="Worker processes (default: the CPU count; one for a run of few items).")
@click.option("--no-progress", is_flag=True, help="No progress bar (shown on a terminal for long runs, text formats).")
def check(paths, fmt, select, extend_select, ignore, stage, config_path, fail_on, exit_zero,
          statistics, stdin_filename, no_suggestions, model, color, fix, diff, fail_under, explain_score,
          no_cache, cache_dir, baseline, write_baseline, output_file, show_settings, verbose, jobs,
          no_progress) -> None:
    """Lint answer banks (files, directories, or - for standard input)."""
    from answerlint.runner import Options, run

    options = Options(
        paths=tuple(paths) or (".",), fmt=fmt, select=_split(select), extend_select=_split(extend_select),
        ignore=_split(ignore), stage=stage, config=config_path, fail_on=fail_on, statistics=statistics,
        stdin_filename=stdin_filename, suggestions=not no_suggestions, model=model,
        color=(not output_file and _default_color()) if color is None else color, fix=fix, diff=diff,
        fail_under=fail_under, explain_score=explain_score, cache=not no_cache, cache_dir=cache_dir,
        baseline=baseline, write_baseline=write_baseline, output_file=output_file,
        show_settings=show_settings, verbose=verbose, jobs=jobs, progress=not no_progress,
    )
    code = run(options, sys.stdin.buffer, sys.stdout, _error, _resident())
    sys.exit(0 if exit_zero and code == 1 else code)


def _resident():
    """What ``answerlint daemon`` keeps between commands, when it runs this one (the context
    object it passes, see resident.py); None in a process of its own."""
    from answerlint.resident import Resident

    return click.get_current_context().find_object(Resident)


@main.command("report")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-o", "--output-file", "output", default="answerlint-report.html", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True, path_type=str), metavar="PATH",
              help="Write the HTML report here (- for standard output).")
@click.option("--title", default="Answer bank report", show_default=True, help="The report's title.")
@_selection_options
@click.option("--stdin-filename", help="Name for standard input (picks the format and the config).")
@click.option("--model", help="spaCy pipeline for parse-aware rules (name or path).")
@click.option("--no-cache", is_flag=True, envvar="ANSWERLINT_NO_CACHE",
              help="Neither read nor write the cache of findings.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), envvar="ANSWERLINT_CACHE_DIR",
              help="Cache directory (default: .answerlint_cache next to the configuration).")
def report_command(paths, output, title, select, extend_select, ignore, stage, config_path, stdin_filename,
                   model, no_cache, cache_dir) -> None:
    """Write an HTML report of answer banks: speaking time against each question type's target,
    scores, findings highlighted in the text, and the candidate questions' stage verdicts."""
    from answerlint.htmlreport.command import ReportOptions, run

    options = ReportOptions(paths=tuple(paths) or (".",), output=output, select=_split(select),
                            extend_select=_split(extend_select), ignore=_split(ignore), stage=stage,
                            config=config_path, model=model, cache=False if no_cache else (cache_dir or True),
                            stdin_filename=stdin_filename, title=title)
    sys.exit(run(options, sys.stdin.buffer, sys.stdout, _error))


@main.command("clean")
@click.argument("paths", nargs=-1, type=click.Path(file_okay=False, path_type=str))
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), envvar="ANSWERLINT_CACHE_DIR",
              help="Remove this cache directory too.")
def clean_command(paths, cache_dir) -> None:
    """Remove the .answerlint_cache directories under PATHS (default: the current directory)."""
    from answerlint.cache import clean

    try:
        for removed in clean(tuple(paths) or (".",), cache_dir):
            click.echo(f"removed {removed}", err=True)
    except OSError as exc:
        _error(f"cannot remove the cache: {exc.strerror or exc}: {exc.filename}")
        sys.exit(2)


@main.command("rules")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "markdown"]), help="Output format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="Config whose extra packs to include.")
def rules_command(fmt, config_path) -> None:
    """List every rule: id, severity, kind and summary."""
    from answerlint.ruledocs import list_rules

    ruleset = _ruleset(config_path)
    click.echo(list_rules(ruleset, fmt), nl=False)


@main.command("question-types")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="Config whose extra packs to include.")
def question_types_command(config_path) -> None:
    """What each question type expects, and which rules apply to it (Markdown)."""
    from answerlint.ruledocs import question_types_reference

    click.echo(question_types_reference(_ruleset(config_path)), nl=False)


@main.command("rule")
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str))
def rule_command(rule_id, config_path) -> None:
    """Explain one rule: rationale, options and examples; with a configuration (--config, or the
    closest one), the options and severity check uses and where each came from."""
    from pathlib import Path

    from answerlint.errors import AnswerlintError
    from answerlint.ruledocs import explain
    from answerlint.ruleorigins import effective
    from answerlint.session import Session

    try:
        session = Session(config=config_path)
        profile = session.profile_for(Path.cwd())
    except AnswerlintError as exc:
        _error(str(exc))
        sys.exit(2)
    ruleset = profile.ruleset
    rule = ruleset.by_id.get(rule_id)
    if rule is None:
        close = [r.id for r in ruleset.rules if rule_id in r.id]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        _error(f"unknown rule '{rule_id}'{hint}")
        sys.exit(2)
    found = effective(profile, rule_id) if profile.settings.source else None
    click.echo(explain(rule, found), nl=False)


@main.command("server")
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input and output (the only transport; accepted for clients that pass it).")
@click.option("--debounce", type=click.FloatRange(0, 10), default=0.25, show_default=True, metavar="SECONDS",
              help="Pause in typing before a changed document is linted.")
@click.option("--no-cache", is_flag=True, envvar="ANSWERLINT_NO_CACHE",
              help="Neither read nor write the cache of findings.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), envvar="ANSWERLINT_CACHE_DIR",
              help="Cache directory (default: .answerlint_cache next to the configuration, as for check).")
def server_command(stdio, debounce, no_cache, cache_dir) -> None:
    """Run the language server for editors (LSP over standard input and output)."""
    try:
        from answerlint.lsp.server import main as serve
    except ImportError as exc:
        _error(f"the language server needs pygls 2: pip install 'answerlint[lsp]' ({exc})")
        sys.exit(2)
    serve(cache=False if no_cache else (cache_dir or True), debounce=debounce)


@main.command("model")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--model", help="Pipeline name or path (default: the bundled one).")
def model_command(as_json, model) -> None:
    """Show the spaCy pipeline answerlint uses for parse-aware rules."""
    import json

    try:
        from answerlint.nlp import PipelineError, load_pipeline, pipeline_info
    except ImportError as exc:  # pragma: no cover
        _error(f"cannot load the pipeline module: {exc}")
        sys.exit(2)
    try:
        info = pipeline_info(load_pipeline(model))
    except PipelineError as exc:
        _error(str(exc))
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    for key, value in info.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                shown = ", ".join(f"{name} {number}" for name, number in v.items()) if isinstance(v, dict) else v
                click.echo(f"  {k}: {shown}")
        else:
            click.echo(f"{key}: {', '.join(value) if isinstance(value, list) else value}")


@main.group("daemon")
def daemon_group() -> None:
    """A resident process that runs `answerlint check` with the spaCy pipeline loaded, for
    ANSWERLINT_DAEMON=1 runs (see docs/daemon.md)."""


_IDLE = click.option("--idle-timeout", type=click.FloatRange(1), default=3600, show_default=True,
                     metavar="SECONDS", help="Exit after this long without a request.")


@daemon_group.command("start")
@_IDLE
def daemon_start(idle_timeout) -> None:
    """Start the daemon (in the background) unless it is running."""
    from answerlint.daemon import control

    found = control.status()
    if control.current(found):
        click.echo(f"answerlint daemon: already running (pid {found['pid']})", err=True)
        return
    if found is not None:  # another answerlint's, or an older one
        control.stop()
    _start(idle_timeout)


@daemon_group.command("stop")
def daemon_stop() -> None:
    """Stop the daemon."""
    from answerlint.daemon import control

    found = control.stop()
    click.echo("answerlint daemon: " + (f"stopped (pid {found['pid']})" if found else "not running"), err=True)


@daemon_group.command("restart")
@_IDLE
def daemon_restart(idle_timeout) -> None:
    """Stop the daemon if it runs, and start it."""
    from answerlint.daemon import control

    control.stop()
    _start(idle_timeout)


@daemon_group.command("status")
def daemon_status() -> None:
    """Say whether the daemon runs (exit status 0) or not (1), and for which answerlint."""
    import time

    from answerlint.daemon import control

    found = control.status()
    if found is None:
        click.echo("answerlint daemon: not running")
        sys.exit(1)
    since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(found.get("started", 0)))
    note = "" if control.current(found) else "; stale: another answerlint's code (check runs without it)"
    click.echo(f"answerlint daemon: running (pid {found.get('pid')}, since {since}, {found.get('requests')} "
               f"requests, idle timeout {found.get('idle_timeout'):g} s), socket {found.get('socket')}{note}")


def _start(idle_timeout: float) -> None:
    from answerlint.daemon import control

    try:
        found = control.start(idle_timeout)
    except control.DaemonError as exc:
        _error(str(exc))
        sys.exit(2)
    click.echo(f"answerlint daemon: started (pid {found['pid']}), socket {found['socket']}", err=True)


def _ruleset(config_path: str | None):
    from pathlib import Path

    from answerlint.config import load_settings
    from answerlint.errors import AnswerlintError
    from answerlint.session import Session

    try:
        session = Session(config=config_path)
        return session.ruleset(load_settings(session.config_for(Path.cwd())))
    except AnswerlintError as exc:
        _error(str(exc))
        sys.exit(2)
