"""Draw an article's resolved dates in calendar order (``numcheck timeline FILE``).

Each date is shown with its sentence, the expression highlighted; relative ones
(``yesterday``, ``on Tuesday``, ``Dec. 27`` without a year) show what they resolved
to; spans anchored on a date (``three days after July 14``) show where they land;
dates that carry a TIM finding are drawn in red with the finding's message.  The
publication date is drawn as a marker in its place; expressions that could not be
resolved are listed after the timeline.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from numcheck.models import Claim, FileResult

_MAX_SENTENCE = 160


@dataclass(frozen=True)
class Entry:
    """One row of a timeline: a claim placed on the calendar."""

    start: dt.date
    end: dt.date
    claim: "Claim"
    label: str
    note: str
    line: int
    sentence: tuple[int, int]
    problems: tuple[str, ...]


def _label(start: dt.date, end: dt.date) -> str:
    from numcheck.extract.temporal_calendar import describe_interval
    return describe_interval(start, end)


def build_entries(result: "FileResult") -> tuple[list[Entry], list["Claim"]]:
    """Timeline rows (sorted by date, then position) and the unresolved temporal claims."""
    from numcheck.segment import segment

    doc = result.document
    if doc is None:
        return [], []
    sentences, _ = segment(doc.text)
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> tuple[int, int]:
        import bisect
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return (sentences[i].start, sentences[i].end) if sentences else (0, len(doc.text))

    tim = [loc for loc in result.findings if loc.code.startswith("TIM")]
    used: set[int] = set()

    def touches(loc, c) -> bool:
        # a finding belongs to the claims at its ends (TIM005 spans two dates and the words between)
        f = loc.finding
        return c.start <= f.start < max(c.end, c.start + 1) or c.start < f.end <= c.end

    entries: list[Entry] = []
    unresolved: list[Claim] = []
    by_start = {c.start: c for c in result.claims if c.is_temporal}
    for c in result.claims:
        if not c.is_temporal:
            continue
        problems = tuple(f"{loc.code} {loc.finding.message}" for loc in tim if touches(loc, c))
        start, end = c.date_start, c.date_end
        note = ""
        if c.kind == "duration" and c.extra.get("resolved_start"):
            start = dt.date.fromisoformat(c.extra["resolved_start"])
            end = dt.date.fromisoformat(c.extra["resolved_end"])
            anchor = by_start.get(c.extra.get("anchor_start"))
            what = " ".join(anchor.text.split()) if anchor is not None else c.extra.get("anchor", "")
            note = f"{' '.join(c.text.split())} {c.extra.get('relation', '')} {what}".strip()
        elif c.kind in ("duration", "set"):
            continue
        if start is None or end is None:
            if c.kind in ("date", "time") and not c.extra.get("vague") or problems:
                unresolved.append(c)
            continue
        if c.extra.get("vague") and not problems:
            continue
        if c.relative and not note:
            note = f"relative: '{' '.join(c.text.split())}' resolved against the publication date"
        line = doc.position(c.start, c.end)[0]
        used.update(i for i, loc in enumerate(tim) if touches(loc, c))
        entries.append(Entry(start, end, c, _label(start, end), note, line, sentence_of(c.start), problems))
    # findings on something not drawn (an age, a span): show them at the nearest date of their sentence
    for i, loc in enumerate(tim):
        if i in used:
            continue
        sent = sentence_of(loc.finding.start)
        near = [k for k, e in enumerate(entries) if e.sentence == sent]
        if not near:
            continue
        k = min(near, key=lambda k: abs(entries[k].claim.start - loc.finding.start))
        e = entries[k]
        entries[k] = Entry(e.start, e.end, e.claim, e.label, e.note, e.line, e.sentence,
                           e.problems + (f"{loc.code} {loc.finding.message}",))
    entries.sort(key=lambda e: (e.start, e.end, e.claim.start))
    return entries, unresolved


def _sentence_text(doc_text: str, sent: tuple[int, int], c: "Claim"):
    from rich.text import Text

    s0, s1 = sent
    raw = doc_text[s0:s1]
    lo, hi = c.start - s0, c.end - s0
    before, span, after = raw[:lo], raw[lo:hi], raw[hi:]
    before = " ".join(before.split())
    after = " ".join(after.split())
    span = " ".join(span.split())
    room = max(_MAX_SENTENCE - len(span), 20)
    if len(before) > room // 2:
        before = "…" + before[-(room // 2):]
    if len(after) > room // 2:
        after = after[:room // 2] + "…"
    t = Text()
    t.append(before + (" " if before and not before.endswith(" ") else ""))
    t.append(span, style="bold reverse")
    t.append((" " if after and not after[:1] in ",.;:)" else "") + after)
    return t


def render_timeline(results: "FileResult | Iterable[FileResult]", console: "Console") -> None:
    """Print one timeline per file to ``console``."""
    from rich.table import Table
    from rich.text import Text

    from numcheck.extract.temporal_calendar import describe

    if not isinstance(results, (list, tuple)) and hasattr(results, "claims"):
        results = [results]
    for result in results:
        doc = result.document
        head = Text(result.path, style="bold")
        if result.error:
            console.print(head, Text(f"  {result.error}", style="red"))
            continue
        if doc is None:
            continue
        pub = doc.published
        if pub is not None:
            until = f" to {describe(doc.published_until)}" if doc.published_until and doc.published_until != pub else ""
            head.append(f"  published {describe(pub)}{until}", style="cyan")
            if doc.published_from:
                head.append(f" ({doc.published_from})", style="dim")
        else:
            head.append("  no publication date: relative dates cannot be placed", style="yellow")
        console.print(head)
        entries, unresolved = build_entries(result)
        if not entries and not unresolved:
            console.print(Text("  no dates found", style="dim"))
            continue
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=False)
        table.add_column("", width=1, no_wrap=True)
        table.add_column("when", no_wrap=True)
        table.add_column("line", justify="right", style="dim", no_wrap=True)
        table.add_column("in the article")
        pub_drawn = pub is None
        for e in entries:
            if not pub_drawn and e.start > pub:
                table.add_row(Text("◆", style="cyan"), Text(describe(pub), style="cyan"), "",
                              Text("── publication date ──", style="cyan"))
                pub_drawn = True
            bad = bool(e.problems)
            style = "bold red" if bad else ("magenta" if e.claim.relative else "")
            body = _sentence_text(doc.text, e.sentence, e.claim)
            if e.note:
                body.append("\n")
                body.append("↳ " + e.note, style="dim" if not bad else "red")
            for p in e.problems:
                body.append("\n")
                body.append("✗ " + p, style="bold red")
            table.add_row(Text("●" if not bad else "✗", style=style or "green"), Text(e.label, style=style),
                          str(e.line), body)
        if not pub_drawn:
            table.add_row(Text("◆", style="cyan"), Text(describe(pub), style="cyan"), "",
                          Text("── publication date ──", style="cyan"))
        console.print(table)
        shown = {p for e in entries for p in e.problems}
        for loc in result.findings:
            if loc.code.startswith("TIM") and f"{loc.code} {loc.finding.message}" not in shown:
                console.print(Text(f"  ✗ line {loc.line}: {loc.code} {loc.finding.message}", style="bold red"))
        if unresolved:
            console.print(Text(f"  unresolved ({len(unresolved)}):", style="yellow"))
            for c in unresolved:
                line = doc.position(c.start, c.end)[0]
                console.print(Text(f"    line {line}: '{' '.join(c.text.split())}'"
                                   + (f" ({c.timex})" if c.timex else ""), style="yellow"))
        console.print()
