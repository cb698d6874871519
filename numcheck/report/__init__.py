"""Formatters, one per module, behind a name registry.

A formatter is ``render(report: Report, out: TextIO, *, options: FormatOptions) -> None``.
Modules are imported only when their format is asked for, so start-up stays lean.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, TextIO

from numcheck.models import Report

# format name -> (module, function, what it is for)
FORMATTERS: dict[str, tuple[str, str, str]] = {
    "text": ("numcheck.report.text", "render", "a report for people at a terminal (default)"),
    "json": ("numcheck.report.json_format", "render", "the JSON contract of OUTPUT.md"),
    "html": ("numcheck.report.html", "render", "a self-contained review page for editors (-o review.html)"),
    "sarif": ("numcheck.report.sarif", "render", "SARIF 2.1.0 for GitHub code scanning and SARIF viewers"),
    "github": ("numcheck.report.github", "render", "GitHub Actions annotations (workflow commands)"),
    "junit": ("numcheck.report.junit", "render", "JUnit XML for GitLab, Jenkins and other CI test tabs"),
    "rdjsonl": ("numcheck.report.rdjsonl", "render", "reviewdog diagnostics, one JSON object per line"),
}

EXTRACT_FORMATTERS: dict[str, tuple[str, str, str]] = {
    "text": ("numcheck.report.text", "render_claims", "the claims inventory as a table"),
    "json": ("numcheck.report.json_format", "render_claims", "the claims inventory as JSON"),
}


@dataclass(frozen=True)
class FormatOptions:
    color: bool | None = None      # None: decide from the terminal
    base: str = ""                 # paths are shown relative to this folder when set
    command: str = "check"
    output_path: str | None = None  # -o FILE, for formats that care


def get_formatter(name: str, table: dict[str, tuple[str, str, str]] | None = None) -> Callable:
    table = FORMATTERS if table is None else table
    try:
        module, func, _ = table[name]
    except KeyError:
        raise KeyError(name) from None
    return getattr(importlib.import_module(module), func)
