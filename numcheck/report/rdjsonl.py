"""reviewdog's rdjsonl: one JSON Diagnostic per line (``reviewdog -f=rdjsonl``).

``{"message", "location": {"path", "range": {"start": {"line", "column"}, "end": ...}},
"severity": "ERROR"|"WARNING"|"INFO", "source": {"name": "numcheck"}, "code": {"value", "url"}}``.

reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), so the code point
columns of numcheck's other reports are converted here using the file's text.
Unreadable files are ERROR diagnostics on the file with code ``read-error``.
"""
from __future__ import annotations

import json
from typing import Any, TextIO

from numcheck.models import FileResult, Report
from numcheck.report.ci_common import display_path, error_message, full_message, line_text, rule_help_uri

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def byte_column(fr: FileResult, line: int, column: int) -> int:
    """1-based code point column -> 1-based UTF-8 byte column on the same line."""
    text = line_text(fr, line)
    if text is None or column < 1:
        return column
    return len(text[: column - 1].encode("utf-8", "surrogatepass")) + 1 + max(0, column - 1 - len(text))


def diagnostics(report: Report, cwd: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for fr in report.files:
        path = display_path(fr.path, cwd)
        if fr.error:
            out.append({"message": error_message(fr, path), "location": {"path": path}, "severity": "ERROR",
                        "source": {"name": "numcheck"}, "code": {"value": "read-error"}})
            continue
        for loc in fr.findings:
            code: dict[str, Any] = {"value": loc.code}
            url = rule_help_uri(loc.code, loc.finding.name)
            if url:
                code["url"] = url
            out.append({
                "message": full_message(loc),
                "location": {"path": path, "range": {
                    "start": {"line": loc.line, "column": byte_column(fr, loc.line, loc.column)},
                    "end": {"line": loc.end_line, "column": byte_column(fr, loc.end_line, loc.end_column)},
                }},
                "severity": SEVERITIES.get(loc.severity, "WARNING"),
                "source": {"name": "numcheck"},
                "code": code,
            })
    return out


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    for d in diagnostics(report):
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
