"""GitHub Actions workflow commands: one annotation per finding.

``::error file=a.md,line=3,col=5,endLine=3,endColumn=12,title=CUR002::message``;
warnings become ``::warning`` and info findings ``::notice``.  Paths are relative to
the working directory (the checkout); columns count code points, ``endColumn`` is
exclusive as in numcheck's other reports.  GitHub only uses columns for a span on one
line, so ``col``/``endColumn`` are left out when a finding spans lines.

Escaping, as GitHub's runner decodes it: in the message ``%`` -> ``%25``, CR -> ``%0D``,
LF -> ``%0A``; in property values also ``:`` -> ``%3A`` and ``,`` -> ``%2C``.
An unreadable file is an ``::error`` on the file.
"""
from __future__ import annotations

from typing import Any, TextIO

from numcheck.models import Report
from numcheck.report.ci_common import display_path, error_message, full_message

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: Any) -> str:
    parts = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None]
    head = f"::{kind}"
    if parts:
        head += " " + ",".join(parts)
    return f"{head}::{escape_data(message)}"


def lines(report: Report, cwd: str | None = None) -> list[str]:
    out: list[str] = []
    for fr in report.files:
        path = display_path(fr.path, cwd)
        if fr.error:
            out.append(command("error", error_message(fr, path), file=path, title="numcheck: unreadable file"))
            continue
        for loc in fr.findings:
            same_line = loc.end_line == loc.line
            out.append(command(
                COMMANDS.get(loc.severity, "warning"), full_message(loc),
                file=path, line=loc.line,
                col=loc.column if same_line else None,
                endLine=loc.end_line,
                endColumn=loc.end_column if same_line else None,
                title=loc.code,
            ))
    return out


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    for line in lines(report):
        out.write(line + "\n")
