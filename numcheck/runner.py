"""Run ``check`` and ``extract`` over many inputs: the layer between the CLI and the engine.

Every input is processed by :func:`process_file`, a plain top-level function so worker
processes can run it.  An unreadable input becomes a ``FileResult`` with ``error`` set:
the other inputs are still checked, the report says which file failed, and the exit
status is 2.
"""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from typing import Optional

from numcheck.models import SEVERITY_RANK, FileResult, Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list[str]
    format: str = "text"
    date: Optional[str] = None
    config: Optional[str] = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Optional[str] = None
    output: Optional[str] = None
    color: Optional[bool] = None
    baseline: Optional[str] = None
    write_baseline: Optional[str] = None
    changed_since: Optional[str] = None
    jobs: Optional[int] = None
    command: str = "check"


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to process one input (picklable)."""

    path: str
    command: str
    published: Optional[dt.date]
    published_until: Optional[dt.date]
    config_path: Optional[str]
    overrides: dict = field(default_factory=dict)
    stdin_data: Optional[bytes] = None


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


def _fail(message: str):
    from numcheck.cli import UsageFailure
    raise UsageFailure(message)


def resolve_config(path: str, config_path: Optional[str], overrides: dict):
    """The settings in force for ``path``: nearest numcheck.toml (or --config), then the
    command line's overrides."""
    from numcheck.config import DEFAULT, ConfigError
    if _has("numcheck.configfile"):
        from numcheck import configfile
        cfg = configfile.config_for(path, explicit=config_path)
    else:
        cfg = DEFAULT
    if overrides:
        origins = {**cfg.origins, **{key: "command line" for key in overrides}}
        try:
            cfg = cfg.evolve(**overrides, origins=origins)
        except ConfigError as exc:
            _fail(str(exc))
    return cfg


def process_file(job: Job) -> FileResult:
    from numcheck.config import ConfigError
    from numcheck.engine import check_document, extract_document
    from numcheck.readers import ReadError, read_bytes, read_path

    try:
        cfg = resolve_config(job.path, job.config_path, job.overrides)
    except ConfigError as exc:
        return FileResult(path=job.path, document=None, error=str(exc))
    published = job.published or cfg.date
    until = job.published_until if job.published else cfg.date_until
    try:
        if job.stdin_data is not None:
            doc = read_bytes(job.stdin_data, job.path, published=published, published_until=until)
        else:
            doc = read_path(job.path, published=published, published_until=until)
    except ReadError as exc:
        return FileResult(path=job.path, document=None, error=str(exc))
    if doc.published_from == "option" and not job.published and cfg.date:
        from dataclasses import replace
        doc = replace(doc, published_from="config")
    if job.command == "extract":
        return extract_document(doc, cfg)
    return check_document(doc, cfg)


def _overrides(opts: CheckOptions) -> dict:
    out: dict = {}
    if opts.select:
        out["select"] = opts.select
    if opts.extend_select:
        out["extend_select"] = opts.extend_select
    if opts.ignore:
        out["ignore"] = opts.ignore
    if opts.fail_on:
        out["fail_on"] = opts.fail_on
    return out


def _jobs(opts: CheckOptions) -> list[Job]:
    from numcheck.readers import ReadError, iter_article_paths

    published = until = None
    if opts.date:
        from numcheck.readers import parse_date_option
        try:
            published, until = parse_date_option(opts.date)
        except ValueError as exc:
            _fail(f"--date: {exc}")
    if opts.fail_on and opts.fail_on not in SEVERITY_RANK:
        _fail(f"--fail-on: expected error, warning or info, not {opts.fail_on!r}")
    from numcheck.cli import validate_selectors
    for option, sels in (("--select", opts.select), ("--extend-select", opts.extend_select),
                         ("--ignore", opts.ignore)):
        validate_selectors(sels, option)
    if opts.config:
        import os
        if not os.path.isfile(opts.config):
            _fail(f"{opts.config}: no such config file")
    try:
        paths = iter_article_paths(opts.paths)
    except ReadError as exc:
        _fail(str(exc))
    if opts.changed_since:
        from numcheck.gitdiff import changed_files
        try:
            paths = changed_files(paths, opts.changed_since)
        except RuntimeError as exc:
            _fail(str(exc))
    overrides = _overrides(opts)
    jobs = []
    for p in paths:
        data = None
        if p == "-":
            data = sys.stdin.buffer.read()
        jobs.append(Job(path="<stdin>" if p == "-" else p, command=opts.command, published=published,
                        published_until=until, config_path=opts.config, overrides=overrides,
                        stdin_data=data))
    return jobs


def run_jobs(jobs: list[Job], n_jobs: Optional[int] = None, progress: bool = False) -> list[FileResult]:
    """Process jobs in input order (identical output whatever ``n_jobs``)."""
    if not _has("numcheck.parallel"):
        return [process_file(j) for j in jobs]
    from numcheck.parallel import run_parallel
    return run_parallel(process_file, jobs, n_jobs=n_jobs, progress=progress)


def _fail_status(report: Report, fail_on: str) -> int:
    threshold = SEVERITY_RANK[fail_on]
    for fr in report.files:
        for loc in fr.findings:
            if SEVERITY_RANK.get(loc.severity, 0) >= threshold:
                return EXIT_FINDINGS
    return EXIT_OK


def _fail_on(opts: CheckOptions, report: Report) -> str:
    if opts.fail_on:
        return opts.fail_on
    # the config of the first checked file decides when the command line is silent
    for fr in report.files:
        if fr.path and not fr.error:
            try:
                return resolve_config(fr.path, opts.config, {}).fail_on
            except Exception:
                break
    return "warning"


def _render(opts: CheckOptions, report: Report, table: dict) -> None:
    from numcheck.cli import _open_output
    from numcheck.report import FormatOptions, get_formatter

    try:
        render = get_formatter(opts.format, table)
    except KeyError:
        _fail(f"--format: unknown format {opts.format!r} (choose from {', '.join(sorted(table))})")
    handle = _open_output(opts.output, opts.paths)
    fopts = FormatOptions(color=opts.color if handle is None else False, command=opts.command,
                          output_path=opts.output)
    try:
        render(report, handle or sys.stdout, options=fopts)
    finally:
        if handle is not None:
            handle.close()


def _all_failed(report: Report) -> bool:
    """Nothing was checked: a text report would only repeat the error lines."""
    return all(fr.error for fr in report.files)


def _report_errors(report: Report) -> bool:
    seen: set[str] = set()
    for fr in report.files:
        if fr.error and fr.error not in seen:  # one bad config shared by many files: one line
            seen.add(fr.error)
            sys.stderr.write(f"numcheck: error: {fr.error}\n")
    return bool(seen)


def run_check(opts: CheckOptions) -> int:
    from numcheck.report import FORMATTERS

    if opts.format not in FORMATTERS:
        _fail(f"--format: unknown format {opts.format!r} (choose from {', '.join(sorted(FORMATTERS))})")
    jobs = _jobs(opts)
    progress = opts.format == "text" and not opts.output and sys.stderr.isatty() and len(jobs) > 20
    results = run_jobs(jobs, opts.jobs, progress=progress)
    report = Report(tuple(results))
    if opts.write_baseline:
        from numcheck.baseline import BaselineError, write_baseline
        try:
            n = write_baseline(report, opts.write_baseline)
        except BaselineError as exc:
            _fail(str(exc))
        sys.stderr.write(f"numcheck: recorded {n} finding(s) in {opts.write_baseline}\n")
        return EXIT_ERROR if _report_errors(report) else EXIT_OK
    if opts.baseline:
        from numcheck.baseline import BaselineError, filter_report
        try:
            report = filter_report(report, opts.baseline)
        except BaselineError as exc:
            _fail(str(exc))
    had_errors = _report_errors(report)
    if not (had_errors and _all_failed(report) and opts.format == "text"):
        _render(opts, report, FORMATTERS)
    if had_errors:
        return EXIT_ERROR
    return _fail_status(report, _fail_on(opts, report))


def run_extract(opts: CheckOptions) -> int:
    from numcheck.report import EXTRACT_FORMATTERS

    if opts.format not in EXTRACT_FORMATTERS:
        _fail(f"--format: unknown format {opts.format!r} for extract (text or json)")
    report = Report(tuple(run_jobs(_jobs(opts), opts.jobs)))
    had_errors = _report_errors(report)
    if not (had_errors and _all_failed(report) and opts.format == "text"):
        _render(opts, report, EXTRACT_FORMATTERS)
    return EXIT_ERROR if had_errors else EXIT_OK
