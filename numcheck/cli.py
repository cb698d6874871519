"""The command line: parse options, call the library, pick a formatter, return the exit status.

Exit status (see docs/OUTPUT.md): 0 no finding at or above ``--fail-on``; 1 findings;
2 usage error or unreadable input (one clear line on stderr, never a traceback).
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from typing import List, Optional

import typer

from numcheck import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

app = typer.Typer(
    name="numcheck",
    help="A linter for the numbers in prose: money, counts, percentages, measures, dates and their sources.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class UsageFailure(Exception):
    """A problem with the command line or the inputs: one line on stderr, exit 2."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"numcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """numcheck reads articles (plain text, Markdown, HTML), finds every figure, date and
    source, and reports what an editor must fix before publication."""


# -- shared option handling ----------------------------------------------------------

def _split_codes(values: Optional[List[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def validate_selectors(selectors: tuple[str, ...], option: str) -> None:
    """Every selector names a rule code, prefix or name; else one clear usage error."""
    from numcheck import rules as registry
    for sel in selectors:
        if not registry.resolve_selector(sel):
            raise UsageFailure(f"{option}: unknown rule code, prefix or name {sel!r} (see 'numcheck rules')")


def _open_output(output: Optional[str], inputs: list[str]):
    if not output or output == "-":
        return None
    out_abs = os.path.abspath(output)
    for p in inputs:
        if p != "-" and os.path.abspath(p) == out_abs:
            raise UsageFailure(f"{output}: refusing to write the report over an input file")
    try:
        return open(output, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageFailure(f"{output}: cannot write report: {exc.strerror or exc}") from None


FORMAT_HELP = "Output format: text (default), json, sarif, github, junit, rdjsonl, html."


# -- commands --------------------------------------------------------------------------

@app.command()
def check(
    paths: List[str] = typer.Argument(..., metavar="PATH...",
                                      help="Files, folders (recursing into .md .markdown .txt .html .htm) or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", "--output-format", help=FORMAT_HELP),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD[..YYYY-MM-DD]",
                                       help="Publication date (or a range for undated archives); overrides the file's own."),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE",
                                         help="Use this numcheck.toml instead of the nearest one."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="CODES",
                                               help="Only these rules: codes, prefixes (CUR, TIM) or names, comma-separated."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", metavar="CODES",
                                                      help="Add these rules to the selection."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="CODES", help="Skip these rules."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="error|warning|info",
                                          help="Lowest severity that makes the exit status 1 (default: warning)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="Write the report to FILE instead of standard output."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force or disable colour in text output."),
    baseline: Optional[str] = typer.Option(None, "--baseline", metavar="FILE",
                                           help="Report only findings not recorded in this baseline file."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", metavar="FILE",
                                                 help="Record today's findings in FILE (and exit 0)."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF",
                                                help="Only check files changed against this git ref."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N",
                                       help="Worker processes for many files (default: the number of cores)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings are reported."),
) -> None:
    """Lint articles and report findings (exit 0: clean, 1: findings, 2: error)."""
    from numcheck import runner

    opts = runner.CheckOptions(
        paths=list(paths), format=format, date=date, config=config,
        select=_split_codes(select), extend_select=_split_codes(extend_select),
        ignore=_split_codes(ignore), fail_on=fail_on, output=output, color=color,
        baseline=baseline, write_baseline=write_baseline, changed_since=changed_since, jobs=jobs,
    )
    status = runner.run_check(opts)
    if exit_zero and status == EXIT_FINDINGS:
        status = EXIT_OK
    raise typer.Exit(status)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, folders or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text (a table) or json."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD[..YYYY-MM-DD]",
                                       help="Publication date (or a range); overrides the file's own."),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Use this numcheck.toml."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force or disable colour."),
) -> None:
    """Print the claims inventory: every figure, date, duration and source found, normalised."""
    from numcheck import runner

    opts = runner.CheckOptions(paths=list(paths), format=format, date=date, config=config,
                               output=output, color=color, command="extract")
    raise typer.Exit(runner.run_extract(opts))


@app.command()
def scan(
    corpus: List[str] = typer.Argument(..., metavar="CORPUS...",
                                       help="Folders of articles, or JSONL files (one article per line)."),
    output: str = typer.Option(..., "--output", "-o", metavar="FILE",
                               help="Where the rows go: .parquet (default format) or .jsonl."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="parquet or jsonl (default: from --output)."),
    engine: str = typer.Option("local", "--engine", help="local worker processes, or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help="Local worker processes."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                       help="Date to assume for articles that carry none."),
    text_field: Optional[str] = typer.Option(None, "--text-field", help="JSONL field with the article text."),
    date_field: Optional[str] = typer.Option(None, "--date-field", help="JSONL field with the publication date."),
) -> None:
    """Audit an archive: one row per finding and one per claim, streamed to Parquet or JSONL."""
    import time

    from numcheck.scan import ScanError, scan as run_scan

    if date:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UsageFailure(f"--date: {date!r} is not a date (YYYY-MM-DD)") from None
    if jobs is not None and jobs < 1:
        raise UsageFailure("--jobs: must be at least 1")
    t0 = time.perf_counter()
    try:
        counts = run_scan(list(corpus), output, fmt=format, engine=engine, scheduler=scheduler, jobs=jobs,
                          default_date=date, text_field=text_field, date_field=date_field)
    except ScanError as exc:
        raise UsageFailure(str(exc)) from None
    secs = time.perf_counter() - t0
    sys.stderr.write(f"numcheck: scanned {counts['documents']} documents in {secs:.1f}s: "
                     f"{counts['findings']} findings, {counts['claims']} claims, "
                     f"{counts['errors']} unreadable -> {output}\n")
    raise typer.Exit(EXIT_OK)


@app.command("rules")
def list_rules(
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """List every rule: code, name, default severity, summary."""
    from numcheck import rules as registry

    rs = registry.all_rules()
    if format == "json":
        import json
        typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                                "summary": r.summary, "origin": r.origin} for r in rs], indent=2))
        return
    if format != "text":
        raise UsageFailure(f"--format: unknown format {format!r} for rules (text or json)")
    from rich.console import Console
    from rich.table import Table

    table = Table(title="numcheck rules", title_justify="left")
    table.add_column("code", style="bold")
    table.add_column("name")
    table.add_column("severity")
    table.add_column("summary")
    for r in rs:
        table.add_row(r.code, r.name, r.severity, r.summary)
    Console(soft_wrap=False).print(table)


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code (CUR002) or name (conversion-mismatch).")) -> None:
    """Explain one rule, with examples that fire and examples that stay quiet."""
    from numcheck import rules as registry

    r = registry.get(code)
    if r is None:
        raise UsageFailure(f"unknown rule {code!r} (see 'numcheck rules')")
    from numcheck.report.text import explain_rule
    explain_rule(r)


@app.command()
def timeline(
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, folders or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD[..YYYY-MM-DD]",
                                       help="Publication date (or a range); overrides the file's own."),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Use this numcheck.toml."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force or disable colour."),
) -> None:
    """Draw each article's resolved dates in calendar order, with conflicts highlighted."""
    from rich.console import Console

    from numcheck import runner
    from numcheck.timeline import render_timeline

    opts = runner.CheckOptions(paths=list(paths), format="text", date=date, config=config, color=color)
    results = runner.run_jobs(runner._jobs(opts), 1)
    console = Console(force_terminal=True if color else None, no_color=color is False, soft_wrap=False)
    render_timeline(results, console)
    raise typer.Exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)


@app.command("config")
def show_config(
    path: str = typer.Argument(..., metavar="FILE", help="The article whose settings to show."),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE",
                                         help="Use this numcheck.toml instead of the nearest one."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="CODES", help="As for check."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", metavar="CODES",
                                                      help="As for check."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="CODES", help="As for check."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="error|warning|info", help="As for check."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD[..YYYY-MM-DD]", help="As for check."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show the settings in force for FILE and where each came from."""
    from numcheck import configfile
    from numcheck.config import ConfigError

    if format not in ("text", "json"):
        raise UsageFailure(f"--format: unknown format {format!r} for config (text or json)")
    if config and not os.path.isfile(config):
        raise UsageFailure(f"{config}: no such config file")
    overrides: dict = {}
    for field, option, values in (("select", "--select", select), ("extend_select", "--extend-select", extend_select),
                                  ("ignore", "--ignore", ignore)):
        sels = _split_codes(values)
        if sels:
            validate_selectors(sels, option)
            overrides[field] = sels
    if fail_on:
        if fail_on not in ("error", "warning", "info"):
            raise UsageFailure(f"--fail-on: expected error, warning or info, not {fail_on!r}")
        overrides["fail_on"] = fail_on
    if date:
        try:
            overrides["date"], overrides["date_until"] = configfile.parse_date(date)
        except ValueError as exc:
            raise UsageFailure(f"--date: {exc}") from None
    try:
        cfg, used = configfile.settings_for(path, explicit=config, overrides=overrides)
    except ConfigError as exc:
        raise UsageFailure(str(exc)) from None
    info = configfile.describe(path, cfg, used)
    if format == "json":
        import json
        typer.echo(json.dumps(info, indent=2, default=str))
    else:
        typer.echo(configfile.format_text(info))


# -- entry point ------------------------------------------------------------------------

def _cli_exceptions():
    """(Exit, Abort, UsageError, NoArgsIsHelp) for the typer in use (it vendors click since 0.19)."""
    try:
        from typer import _click as click  # typer >= 0.19
        from typer._click.exceptions import UsageError
        from typer.exceptions import Abort, Exit
        no_args: type = getattr(__import__("typer._click.exceptions", fromlist=["x"]),
                                "NoArgsIsHelpError", ())
    except ImportError:  # pragma: no cover - older typer on click
        import click
        from click.exceptions import Abort, Exit, UsageError
        no_args = getattr(click.exceptions, "NoArgsIsHelpError", ())
    return Exit, Abort, UsageError, no_args


def main(argv: Optional[list[str]] = None) -> None:
    Exit, Abort, UsageError, NoArgsIsHelp = _cli_exceptions()
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        rv = command.main(args=args, prog_name="numcheck", standalone_mode=False)
        code = rv if isinstance(rv, int) else EXIT_OK
    except (Exit, typer.Exit) as exc:
        code = exc.exit_code
    except UsageError as exc:
        if NoArgsIsHelp and isinstance(exc, NoArgsIsHelp):
            ctx = exc.ctx
            typer.echo(ctx.get_help() if ctx else "", err=False)
            code = EXIT_ERROR
        else:
            msg = exc.format_message().replace("\n", " ")
            sub = exc.ctx.command_path if getattr(exc, "ctx", None) else "numcheck"
            sys.stderr.write(f"numcheck: error: {msg} (see '{sub} --help')\n")
            code = EXIT_ERROR
    except (Abort, KeyboardInterrupt):
        sys.stderr.write("numcheck: interrupted\n")
        code = 130
    except UsageFailure as exc:
        sys.stderr.write(f"numcheck: error: {exc}\n")
        code = EXIT_ERROR
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    except Exception as exc:  # a bug: still one line, unless debugging
        if os.environ.get("NUMCHECK_DEBUG"):
            raise
        sys.stderr.write(f"numcheck: internal error: {type(exc).__name__}: {exc} "
                         "(set NUMCHECK_DEBUG=1 for a traceback)\n")
        code = EXIT_ERROR
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
