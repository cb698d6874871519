"""Reports for people at a terminal: each finding with its source line and the span
underlined (as ruff and rustc show them), then a summary table by code."""
from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from numcheck.models import FileResult, Located, Report

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
CONTEXT = 45  # characters of context shown either side of a span on long lines


def _console(out: TextIO, options: Any):
    from rich.console import Console

    color = getattr(options, "color", None)
    kwargs: dict[str, Any] = {"file": out, "highlight": False, "soft_wrap": True, "emoji": False}
    try:
        tty = out.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty:
        # piped or written to a file: wide enough for tables, not the 80 columns of a dumb terminal
        import os
        kwargs["width"] = int(os.environ.get("COLUMNS", "0") or 0) or 160
    if color is True:
        kwargs["force_terminal"] = True
    elif color is False:
        kwargs["no_color"] = True
        kwargs["force_terminal"] = False
        kwargs["color_system"] = None
    return Console(**kwargs)


def excerpt(line_text: str, start_col: int, end_col: int, context: int = CONTEXT) -> tuple[str, int, int]:
    """Cut a long line to a window around [start_col, end_col) (0-based), with ellipses.

    Returns the excerpt and the span's position inside it."""
    lo = max(0, start_col - context)
    hi = min(len(line_text), max(end_col, start_col + 1) + context)
    if lo > 0:
        sp = line_text.rfind(" ", lo - 10, lo + 10)
        if 0 < sp < start_col:
            lo = sp + 1
    if hi < len(line_text):
        sp = line_text.find(" ", hi - 10, hi + 10)
        if sp >= end_col:
            hi = sp
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line_text) else ""
    body = line_text[lo:hi]
    return prefix + body + suffix, len(prefix) + start_col - lo, len(prefix) + min(end_col, hi) - lo


def _source_block(fr: FileResult, loc: Located):
    from rich.text import Text

    doc = fr.document
    if doc is None:
        return None
    lines = doc.original.split("\n")
    if not 1 <= loc.line <= len(lines):
        return None
    line_text = lines[loc.line - 1].rstrip("\r").replace("\t", " ")
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line_text)
    end = max(end, start + 1)
    shown, s, e = excerpt(line_text, start, end)
    gutter = str(loc.line)
    pad = " " * len(gutter)
    style = SEVERITY_STYLE.get(loc.severity, "bold")
    t = Text()
    t.append(f"{pad} |\n", style="blue")
    t.append(f"{gutter} | ", style="blue")
    t.append(shown[:s])
    t.append(shown[s:e], style="underline")
    t.append(shown[e:])
    t.append("\n")
    t.append(f"{pad} | ", style="blue")
    t.append(" " * s + "^" * max(1, e - s), style=style)
    more = " (continues on the next lines)" if loc.end_line > loc.line else ""
    if more:
        t.append(more, style="dim")
    return t


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console(out, options)
    by_code: Counter[tuple[str, str, str]] = Counter()
    for fr in report.files:
        if fr.error:
            continue
        for loc in fr.findings:
            f = loc.finding
            by_code[(f.code, f.name, f.severity)] += 1
            head = Text()
            head.append(f"{fr.path}:{loc.line}:{loc.column}", style="bold")
            head.append(": ")
            head.append(f.code, style=SEVERITY_STYLE.get(f.severity, "bold"))
            head.append(f" [{f.severity}] ", style=SEVERITY_STYLE.get(f.severity, "bold"))
            head.append(f.message)
            console.print(head)
            block = _source_block(fr, loc)
            if block is not None:
                console.print(block)
            for note in f.notes:
                console.print(Text(f"  = note: {note}", style="dim"))
            console.print()
    counts = report.counts()
    failed = sum(1 for fr in report.files if fr.error)
    checked = counts["files"] - failed
    if by_code:
        table = Table(title="Findings by rule", title_justify="left", show_edge=False)
        table.add_column("code")
        table.add_column("name")
        table.add_column("severity")
        table.add_column("count", justify="right")
        for (code, name, sev), n in sorted(by_code.items()):
            table.add_row(code, name, Text(sev, style=SEVERITY_STYLE.get(sev, "")), str(n))
        console.print(table)
        console.print(Text(
            f"Found {counts['findings']} finding{'s' if counts['findings'] != 1 else ''} "
            f"({counts['errors']} error{'s' if counts['errors'] != 1 else ''}, "
            f"{counts['warnings']} warning{'s' if counts['warnings'] != 1 else ''}, "
            f"{counts['infos']} info) in {checked} file{'s' if checked != 1 else ''}.", style="bold"))
    else:
        console.print(Text(f"All clear: no findings in {checked} file{'s' if checked != 1 else ''}.",
                           style="bold green"))
    if failed:
        console.print(Text(f"{failed} file{'s' if failed != 1 else ''} could not be checked "
                           "(the reasons are on standard error).",
                           style="bold red"))


def _fmt_value(v: float | None) -> str:
    if v is None:
        return ""
    if abs(v) >= 1e15 or (v and abs(v) < 1e-4):
        return f"{v:.6g}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.6g}" if abs(v) < 1e6 else f"{v:,.2f}"


def render_claims(report: Report, out: TextIO, *, options: Any = None) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console(out, options)
    for fr in report.files:
        if fr.error:
            continue
        doc = fr.document
        pub = doc.published.isoformat() if doc and doc.published else "unknown"
        src = f" ({doc.published_from})" if doc and doc.published_from else ""
        table = Table(title=f"{fr.path}: {len(fr.claims)} claims, published {pub}{src}",
                      title_justify="left", show_lines=False)
        for col in ("where", "kind", "text", "value", "unit", "qual", "what / when", "source"):
            table.add_column(col, overflow="fold")
        for c in fr.claims:
            line, col, _, _ = doc.position(c.start, c.end)
            if c.is_temporal:
                when = c.timex or ""
                if c.date_start:
                    when += f" [{c.date_start}..{c.date_end}]"
                value, unit, qual, what, source = "", "", "", when, ""
            else:
                if c.qualifier == "range":
                    value = f"{_fmt_value(c.low)}–{_fmt_value(c.high)}"
                else:
                    value = _fmt_value(c.value)
                unit = c.unit + ("?" if c.currency_ambiguous else "")
                qual = c.qualifier if c.qualifier != "=" else ""
                what = c.noun
                if c.equivalent_of is not None:
                    what = (what + " " if what else "") + f"(= #{c.equivalent_of})"
                source = ""
                if c.source:
                    source = c.source.name + (" (vague)" if c.source.kind == "vague" else "")
            table.add_row(f"{line}:{col}", c.kind, Text(c.text), value, unit, qual, Text(what), Text(source))
        console.print(table)
        console.print()


def explain_rule(r, out: TextIO | None = None) -> None:
    import sys

    from rich.console import Console
    from rich.text import Text

    console = Console(file=out or sys.stdout, highlight=False, soft_wrap=True)
    head = Text()
    head.append(f"{r.code} {r.name}", style="bold")
    head.append(f"  (default severity: {r.severity}; {r.origin})", style=SEVERITY_STYLE.get(r.severity, ""))
    console.print(head)
    console.print(Text(r.summary, style="italic"))
    console.print()
    console.print(Text(r.description))
    if r.options:
        console.print()
        console.print(Text("Options:", style="bold"))
        for k, v in r.options.items():
            console.print(Text(f"  {k} = {v!r}"))
    if r.example_options:
        console.print()
        console.print(Text("The examples assume: " + ", ".join(f"{k} = {v!r}" for k, v in r.example_options.items()),
                           style="dim"))
    for title, examples in (("Fires on:", r.fires), ("Stays quiet on:", r.quiet)):
        if examples:
            console.print()
            console.print(Text(title, style="bold"))
            for ex in examples:
                console.print(Text("  " + ex.replace("\n", "\n  ")))
