"""A review page for editors: each article annotated, in one self-contained HTML file.

``numcheck check --format html -o review.html FILE...`` renders the same :class:`Report`
as the text and JSON formats.  Nothing is fetched: styles and the small script are
inline, and the page works (less interactively) with the script off.

What is shown is ``Document.text``, the prose numcheck analysed, split into paragraphs:
every claim, source and finding offset points into it, so each highlight sits exactly
on its characters whatever the input format (plain text, Markdown, HTML).  For plain
text it is the file minus a leading ``date YYYY-MM-DD`` line; each paragraph carries the
line number it starts on in the file, and each finding its line and column, so the
editor can find the place in the file as given.

Markup is built from a sorted list of span boundaries (findings outermost, then
sources, then claims): spans that nest become nested elements, spans that only
overlap are closed and reopened, the later pieces marked as continuations.  Everything
that comes from an article or a message is escaped; the script contains no data.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, TextIO

from numcheck import __version__
from numcheck.models import TEMPORAL_KINDS, Claim, FileResult, Located, Report, Source
from numcheck import fastre

esc = html.escape  # quote=True: safe in text and in double-quoted attributes

KIND_LABELS = {
    "money": "money", "count": "count", "percent": "percent", "measure": "measure",
    "number": "number", "date": "date", "time": "time", "duration": "duration", "set": "recurring",
}
# the short label shown before a claim when "labels" are on (a cue besides colour)
KIND_TAGS = {"money": "$", "count": "#", "percent": "%", "measure": "m", "number": "n",
             "date": "d", "time": "t", "duration": "dur", "set": "set"}
SEVERITY_ICONS = {"error": "\u25a0", "warning": "\u25b2", "info": "\u25cf"}  # square, triangle, circle
QUALIFIER_SIGNS = {"=": "", "~": "\u2248 ", "<": "< ", "<=": "\u2264 ", ">": "> ", ">=": "\u2265 ",
                   "range": ""}
_PARAGRAPH_BREAK = fastre.plain(r"\n[ \t\r\f\v]*\n\s*")


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    out.write(render_page(report))


# -- spans and nesting ---------------------------------------------------------------

# priority when two spans start together and end together: lower is outer
_FINDING, _SOURCE, _CUE, _CLAIM = 0, 1, 2, 3


@dataclass
class _Span:
    start: int
    end: int
    priority: int
    tag: str
    attrs: dict[str, str]          # every piece
    first_attrs: dict[str, str]    # the first piece only (id, tabindex, ...)
    opened: bool = field(default=False)

    def open_tag(self) -> str:
        attrs = dict(self.attrs)
        if not self.opened:
            attrs.update(self.first_attrs)
            self.opened = True
        else:
            attrs["class"] = (attrs.get("class", "") + " cont").strip()
        return "<" + self.tag + "".join(f' {k}="{esc(v)}"' for k, v in attrs.items()) + ">"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def _order(span: _Span) -> tuple[int, int, int]:
    return (-span.end, span.priority, span.start)


def markup(text: str, start: int, end: int, spans: list[_Span], points: dict[int, list[str]]) -> str:
    """The escaped ``text[start:end]`` with ``spans`` (clipped to it) as properly nested
    elements.  ``points`` maps an offset to ready-made markup inserted there (markers for
    findings of zero width)."""
    live = [s for s in spans if s.start < end and s.end > start and s.end > s.start]
    bounds = {start, end}
    for s in live:
        bounds.add(max(s.start, start))
        bounds.add(min(s.end, end))
    for p in points:
        if start <= p <= end:
            bounds.add(p)
    starting: dict[int, list[_Span]] = {}
    for s in live:
        starting.setdefault(max(s.start, start), []).append(s)
    out: list[str] = []
    stack: list[_Span] = []
    ordered = sorted(bounds)
    for k, pos in enumerate(ordered):
        # close what ends here; whatever sits above it is closed and reopened
        deepest = next((i for i, s in enumerate(stack) if min(s.end, end) <= pos), None)
        reopen: list[_Span] = []
        if deepest is not None:
            while len(stack) > deepest:
                s = stack.pop()
                out.append(s.close_tag())
                if min(s.end, end) > pos:
                    reopen.append(s)
        for piece in points.get(pos, ()):
            out.append(piece)
        fresh = reopen + starting.get(pos, [])
        for s in sorted(fresh, key=_order):
            out.append(s.open_tag())
            stack.append(s)
        if k + 1 < len(ordered):
            out.append(esc(text[pos:ordered[k + 1]]))
    while stack:
        out.append(stack.pop().close_tag())
    return "".join(out)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text between blank lines."""
    out = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


# -- describing claims and findings -------------------------------------------------

def _fmt_num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return f"{v:,.6g}" if abs(v) < 1e15 else f"{v:.6g}"
    return str(v)


def _claim_value(d: dict[str, Any]) -> str:
    """A short reading of a claim's value, from its JSON form."""
    if "timex" in d:
        parts = []
        if d.get("start"):
            parts.append(d["start"] if d.get("end") in (None, d["start"]) else f"{d['start']} \u2013 {d['end']}")
        return " ".join(parts)
    q = d.get("qualifier") or "="
    if q == "range" and d.get("low") is not None and d.get("high") is not None:
        return f"{_fmt_num(d['low'])}\u2013{_fmt_num(d['high'])}"
    return QUALIFIER_SIGNS.get(q, q + " ") + _fmt_num(d.get("value")) if d.get("value") is not None else ""


def _claim_title(d: dict[str, Any]) -> str:
    bits = [KIND_LABELS.get(d["kind"], d["kind"])]
    value = _claim_value(d)
    unit = d.get("unit") or ""
    if value:
        bits.append(value + (f" {unit}" if unit and unit != "percent" else "%" if unit == "percent" else ""))
    if d.get("timex"):
        bits.append(f"timex {d['timex']}")
    if d.get("noun"):
        bits.append(f"of {d['noun']}")
    src = d.get("source")
    if src:
        bits.append(f"source: {src.get('resolved') or src['text']}" + (f" ({src['cue']})" if src.get("cue") else ""))
    return " \u00b7 ".join(bits)


def _finding_label(loc: Located) -> str:
    return f"{SEVERITY_ICONS.get(loc.severity, '')}\u00a0{loc.code}".strip()


def _finding_title(loc: Located) -> str:
    f = loc.finding
    lines = [f"{loc.code} {f.name} ({f.severity}): {f.message}"]
    lines.extend(f"\u2022 {n}" for n in f.notes)
    return "\n".join(lines)


# -- one file ------------------------------------------------------------------------

@dataclass
class _FileView:
    fr: FileResult
    fid: str
    claim_dicts: list[dict[str, Any]]
    conflicts: set[int]            # claims (by position) under a TIM finding
    claim_findings: dict[int, list[int]]


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1:
        return b0 <= a0 < b1 or a0 == b0
    return a0 < b1 and b0 < a1


def _view(fr: FileResult, fid: str) -> _FileView:
    from numcheck.report.json_format import claim_dict

    dicts = [claim_dict(fr, c) for c in fr.claims]
    conflicts: set[int] = set()
    by_claim: dict[int, list[int]] = {}
    for j, loc in enumerate(fr.findings):
        f = loc.finding
        for i, c in enumerate(fr.claims):
            if _overlaps(f.start, f.end, c.start, c.end) or _overlaps(c.start, c.end, f.start, f.end):
                by_claim.setdefault(i, []).append(j)
                if loc.code.startswith("TIM") and c.kind in TEMPORAL_KINDS:
                    conflicts.add(i)
    return _FileView(fr, fid, dicts, conflicts, by_claim)


def _sources(fr: FileResult) -> list[Source]:
    seen: dict[tuple[int, int], Source] = {}
    for s in list(fr.sources) + [c.source for c in fr.claims if c.source is not None]:
        if s.end > s.start and (s.start, s.end) not in seen:
            seen[(s.start, s.end)] = s
    return [seen[k] for k in sorted(seen)]


def _article(v: _FileView) -> str:
    fr, fid = v.fr, v.fid
    doc = fr.document
    assert doc is not None
    text = doc.text
    n = len(text)
    spans: list[_Span] = []
    points: dict[int, list[str]] = {}
    for j, loc in enumerate(fr.findings):
        f = loc.finding
        start, end = max(0, min(f.start, n)), max(0, min(f.end, n))
        attrs = {"class": f"f sev-{loc.severity} fam-{''.join(ch for ch in loc.code if ch.isalpha())}",
                 "data-finding": str(j), "data-code": loc.code, "data-desc": f"{fid}-x{j}-d"}
        first = {"id": f"{fid}-x{j}", "tabindex": "0", "aria-describedby": f"{fid}-x{j}-d",
                 "data-label": _finding_label(loc), "title": _finding_title(loc)}
        if end > start:
            spans.append(_Span(start, end, _FINDING, "mark", attrs, first))
        else:
            attrs["class"] += " point"
            first["aria-label"] = f"{loc.code} {loc.finding.message}"
            tag = _Span(start, start, _FINDING, "mark", attrs, first)
            points.setdefault(start, []).append(tag.open_tag() + tag.close_tag())
    for s in _sources(fr):
        title = f"source ({s.kind})" + (f": {s.resolved}" if s.resolved else "") + (f", cue \u201c{s.cue}\u201d" if s.cue else "")
        spans.append(_Span(s.start, s.end, _SOURCE, "span",
                           {"class": f"src src-{s.kind}", "data-source": f"{s.start}-{s.end}"},
                           {"title": title}))
        if 0 <= s.cue_start < s.cue_end:
            spans.append(_Span(s.cue_start, s.cue_end, _CUE, "span", {"class": "cue"}, {}))
    for i, (c, d) in enumerate(zip(fr.claims, v.claim_dicts)):
        cls = f"c k-{c.kind}" + (" conflict" if i in v.conflicts else "")
        spans.append(_Span(c.start, c.end, _CLAIM, "span",
                           {"class": cls, "data-claim": str(i), "data-kind": c.kind},
                           {"id": f"{fid}-c{i}", "title": _claim_title(d), "data-tag": KIND_TAGS.get(c.kind, c.kind)}))
    out = ['<article class="text" aria-label="Article text">']
    paras = paragraphs(text)
    if not paras:
        out.append('<p class="empty">(no text)</p>')
    # a zero-width marker belongs to the paragraph it is in (or the next one, or the last)
    local_points: list[dict[int, list[str]]] = [{} for _ in paras]
    for p, ms in points.items():
        k = next((k for k, (ps, pe) in enumerate(paras) if p <= pe), len(paras) - 1)
        if k >= 0:
            ps, pe = paras[k]
            local_points[k].setdefault(min(max(p, ps), pe), []).extend(ms)
    for k, (ps, pe) in enumerate(paras):
        line = doc.position(ps, ps)[0]
        body = markup(text, ps, pe, spans, local_points[k])
        out.append(f'<p data-start="{ps}" data-line="{line}">{body}</p>')
    out.append("</article>")
    return "".join(out)


def _finding_list(v: _FileView) -> str:
    fr, fid = v.fr, v.fid
    n = len(fr.findings)
    counts = {s: sum(1 for loc in fr.findings if loc.severity == s) for s in ("error", "warning", "info")}
    summary = ", ".join(f"{c} {s}{'s' if c != 1 else ''}" for s, c in counts.items() if c)
    out = [f'<aside class="side" aria-labelledby="{fid}-fl">',
           f'<h3 id="{fid}-fl">Findings <span class="count">{n}</span></h3>']
    if summary:
        out.append(f'<p class="muted">{esc(summary)}</p>')
    if not n:
        out.append('<p class="none">No findings.</p>')
    out.append('<ol class="findings">')
    for j, loc in enumerate(fr.findings):
        f = loc.finding
        data = {"data-code": loc.code, "data-severity": loc.severity, "data-line": loc.line,
                "data-column": loc.column, "data-end-line": loc.end_line, "data-end-column": loc.end_column}
        attrs = "".join(f' {k}="{esc(str(val))}"' for k, val in data.items())
        out.append(f'<li class="sev-{esc(loc.severity)}"{attrs}>')
        out.append(f'<a class="jump" href="#{fid}-x{j}">'
                   f'<span class="sev-icon" aria-hidden="true">{SEVERITY_ICONS.get(loc.severity, "")}</span> '
                   f'<span class="code">{esc(loc.code)}</span> '
                   f'<span class="loc">line {loc.line}, col {loc.column}</span></a>')
        out.append(f'<div class="desc" id="{fid}-x{j}-d">'
                   f'<span class="tip-head"><span class="sev">{esc(f.severity)}</span> '
                   f'<span class="code">{esc(loc.code)}</span> <span class="name">{esc(f.name)}</span></span> '
                   f'<span class="msg">{esc(f.message)}</span>')
        if f.notes:
            out.append('<ul class="notes">' + "".join(f"<li>{esc(x)}</li>" for x in f.notes) + "</ul>")
        if loc.text:
            out.append(f'<span class="quote">\u201c{esc(loc.text)}\u201d</span>')
        out.append("</div></li>")
    out.append("</ol></aside>")
    return "".join(out)


# -- timeline ---------------------------------------------------------------------------

def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    days = (hi - lo).days
    out: list[tuple[dt.date, str]] = []
    if days > 365 * 3:
        step = max(1, (hi.year - lo.year) // 8 or 1)
        for y in range(lo.year + (1 if lo > dt.date(lo.year, 1, 1) else 0), hi.year + 1):
            if (y - lo.year) % step == 0 or y == hi.year:
                out.append((dt.date(y, 1, 1), str(y)))
    elif days > 60:
        y, m = lo.year, lo.month
        months = []
        while y <= dt.MAXYEAR and dt.date(y, m, 1) <= hi:
            if dt.date(y, m, 1) >= lo:
                months.append(dt.date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, len(months) // 8)
        for i, d in enumerate(months):
            if i % step == 0:
                out.append((d, d.strftime("%b %Y") if d.month == 1 or i == 0 else d.strftime("%b")))
    else:
        step = max(1, days // 8)
        d = lo
        while d <= hi:
            out.append((d, d.strftime("%d %b")))
            if _shift(d, step) == d:
                break
            d = _shift(d, step)
    return out


def _shift(d: dt.date, days: int) -> dt.date:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def _timeline(v: _FileView) -> str:
    fr, fid = v.fr, v.fid
    doc = fr.document
    items = [(i, c) for i, c in enumerate(fr.claims) if c.is_temporal and c.date_start is not None]
    head = (f'<figure class="timeline" aria-labelledby="{fid}-tl"><figcaption id="{fid}-tl">'
            f'<h3>Timeline</h3><span class="muted">resolved dates in the article; '
            f'<span class="bad">\u2716 red</span>: under a timeline finding</span></figcaption>')
    if not items:
        return head + '<p class="none">No resolved dates.</p></figure>'
    pub = doc.published if doc else None
    dates = [c.date_start for _, c in items] + [c.date_end for _, c in items if c.date_end]
    if pub:
        dates.append(pub)
    lo, hi = min(dates), max(dates)
    out = [head, _strip(v, items, lo, hi, pub, "whole")]
    # a long span squeezes the dates near publication together: add a close-up of them
    centre = pub or max(c.date_start for _, c in items)
    zlo, zhi = _shift(centre, -730), _shift(centre, 365)
    near = [(i, c) for i, c in items if zlo <= c.date_start <= zhi]
    if (hi - lo).days > 4 * (zhi - zlo).days and len(near) >= 2:
        zlo = min(c.date_start for _, c in near)
        zhi = max([c.date_end or c.date_start for _, c in near] + ([pub] if pub else []))
        out.append(f'<p class="muted zoom-caption">Close-up: {zlo.isoformat()} to {zhi.isoformat()}</p>')
        near = [(i, c) for i, c in near if (c.date_end or c.date_start) <= zhi]
        out.append(_strip(v, near, zlo, zhi, pub, "zoom"))
    out.append("</figure>")
    return "".join(out)


def _strip(v: _FileView, items: list[tuple[int, Claim]], lo: dt.date, hi: dt.date,
           pub: dt.date | None, kind: str) -> str:
    fid = v.fid
    pad = max(2, (hi - lo).days // 20)
    lo, hi = _shift(lo, -pad), _shift(hi, pad)
    span = max(1, (hi - lo).days)
    width, left, right = 960, 20, 20

    def x(d: dt.date) -> float:
        return round(left + (width - left - right) * (d - lo).days / span, 1)

    # labels: greedy rows so they do not overlap; near the right edge they run leftwards
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for i, c in sorted(items, key=lambda ic: (ic[1].date_start, ic[0])):
        label = c.text if len(c.text) <= 28 else c.text[:27] + "\u2026"
        x0 = x(c.date_start)
        w = 7.0 * (len(label) + (2 if i in v.conflicts else 0)) + 10
        anchor_end = x0 + w > width
        a0, a1 = (x0 - w, x0) if anchor_end else (x0, x0 + w)
        row = next((r for r, used in enumerate(rows) if all(a1 < u0 or a0 > u1 for u0, u1 in used)), None)
        if row is None:
            row = len(rows)
            rows.append([])
        rows[row].append((a0, a1))
        placed.append((i, c, label, x0, row, anchor_end))
    row_h = 18
    axis_y = 14 + max(1, len(rows)) * row_h + 6
    height = axis_y + (40 if pub else 26)
    label = "Close-up of the timeline" if kind == "zoom" else f"Timeline of {len(items)} resolved date(s)"
    svg = [f'<svg class="tl {kind}" viewBox="0 0 {width} {height}" width="100%" role="group" '
           f'aria-label="{esc(label)}" preserveAspectRatio="xMinYMin meet">',
           f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}"/>']
    last = -1e9
    for d, tick in _ticks(lo, hi):
        tx = x(d)
        if tx - last < 7 * len(tick) + 8 or tx > width - right:
            continue
        last = tx
        svg.append(f'<line class="tick" x1="{tx}" y1="{axis_y}" x2="{tx}" y2="{axis_y + 5}"/>'
                   f'<text class="ticklabel" x="{tx}" y="{axis_y + 18}" text-anchor="middle">{esc(tick)}</text>')
    if pub:
        px = x(pub)
        anchor = "end" if px > width - 90 else "start" if px < 90 else "middle"
        svg.append(f'<g class="pub"><title>published {pub.isoformat()}</title>'
                   f'<path d="M{px} {axis_y - 7} l7 7 l-7 7 l-7 -7 z"/>'
                   f'<text x="{px}" y="{axis_y + 34}" text-anchor="{anchor}">published {pub.isoformat()}</text></g>')
    for i, c, label, x0, row, anchor_end in placed:
        bad = i in v.conflicts
        ly = 14 + row * row_h
        end = c.date_end if c.date_end and c.date_end > c.date_start else None
        rng = f" \u2013 {end.isoformat()}" if end else ""
        line = v.claim_dicts[i]["line"]
        title = f"{c.text} \u2192 {c.date_start.isoformat()}{rng} (line {line})" + (
            " \u2014 under a timeline finding" if bad else "")
        cls = "pt bad" if bad else "pt"
        g = [f'<a class="{cls}" href="#{fid}-c{i}" data-claim="{i}"><title>{esc(title)}</title>']
        if end:
            g.append(f'<rect x="{x0}" y="{axis_y - 4}" width="{max(2.0, round(x(end) - x0, 1))}" height="8" rx="2"/>')
        g.append(f'<line class="stem" x1="{x0}" y1="{ly + 4}" x2="{x0}" y2="{axis_y}"/>')
        if bad:
            g.append(f'<path class="mark" d="M{x0 - 6} {axis_y - 6} l12 12 m0 -12 l-12 12"/>')
        else:
            g.append(f'<circle class="mark" cx="{x0}" cy="{axis_y}" r="5"/>')
        cross = "\u2716 " if bad else ""
        tx, anchor = (x0 - 4, "end") if anchor_end else (x0 + 4, "start")
        g.append(f'<text x="{tx}" y="{ly}" text-anchor="{anchor}">{cross}{esc(label)}</text></a>')
        svg.append("".join(g))
    svg.append("</svg>")
    return "".join(svg)


# -- claims table -----------------------------------------------------------------------

_COLUMNS = ("#", "Line", "Kind", "Text", "Value", "Unit / timex", "Noun", "Source", "Findings")


def _claims_table(v: _FileView) -> str:
    fr, fid = v.fr, v.fid
    head = (f'<section class="claims-wrap" aria-labelledby="{fid}-ct"><h3 id="{fid}-ct">Claims '
            f'<span class="count">{len(fr.claims)}</span></h3>')
    if not fr.claims:
        return head + '<p class="none">No claims found.</p></section>'
    out = [head, f'<div class="table-scroll"><table class="claims" id="{fid}-claims"><thead><tr>']
    for k, name in enumerate(_COLUMNS):
        sort = ' aria-sort="ascending"' if k == 0 else ""
        out.append(f'<th scope="col" data-col="{k}"{sort}>{esc(name)}</th>')
    out.append("</tr></thead><tbody>")
    for i, (c, d) in enumerate(zip(fr.claims, v.claim_dicts)):
        value = _claim_value(d)
        raw = d.get("value") if "timex" not in d else d.get("start")
        unit = d.get("timex") or d.get("unit") or ""
        src = d.get("source") or {}
        src_text = (src.get("resolved") or src.get("text") or "") if src else ""
        codes = [fr.findings[j].code for j in v.claim_findings.get(i, [])]
        kind_cls = f"k-{c.kind}" + (" conflict" if i in v.conflicts else "")
        cells = [
            (str(i + 1), str(i), ""),
            (str(d["line"]), f"{d['line']:08d}{d['column']:06d}", ""),
            (f'<span class="chip {kind_cls}" data-tag="{esc(KIND_TAGS.get(c.kind, c.kind))}">'
             f'{esc(KIND_LABELS.get(c.kind, c.kind))}</span>', c.kind, "html"),
            (f'<a href="#{fid}-c{i}">{esc(c.text)}</a>', c.text, "html"),
            (value, "" if raw is None else str(raw), ""),
            (unit, unit, ""),
            (d.get("noun") or "", d.get("noun") or "", ""),
            (src_text, src_text, ""),
            (" ".join(codes), " ".join(codes), ""),
        ]
        row = [f'<tr data-pos="{i}">']
        for content, key, kind in cells:
            body = content if kind == "html" else esc(content)
            row.append(f'<td data-sort="{esc(key)}">{body}</td>')
        row.append("</tr>")
        out.append("".join(row))
    out.append("</tbody></table></div></section>")
    return "".join(out)


# -- the page ---------------------------------------------------------------------------

def _file_section(fr: FileResult, k: int) -> str:
    fid = f"f{k + 1}"
    doc = fr.document
    out = [f'<section class="file" id="{fid}" aria-labelledby="{fid}-h">',
           f'<h2 id="{fid}-h">{esc(fr.path)}</h2>']
    meta = []
    if doc is not None:
        if doc.published:
            until = f" to {doc.published_until.isoformat()}" if doc.published_until else ""
            origin = f" (from {doc.published_from})" if doc.published_from else ""
            meta.append(f"published {doc.published.isoformat()}{until}{origin}")
        else:
            meta.append("publication date unknown")
        meta.append(f"{doc.format}")
        meta.append(f"{len(fr.claims)} claim{'s' if len(fr.claims) != 1 else ''}")
        meta.append(f"{len(fr.findings)} finding{'s' if len(fr.findings) != 1 else ''}")
    out.append('<p class="meta">' + esc(" \u00b7 ".join(meta)) + "</p>")
    if fr.error or doc is None:
        out.append(f'<p class="error" role="alert">Could not be checked: {esc(fr.error or "no document")}</p>')
        out.append(_finding_list(_FileView(fr, fid, [], set(), {})) if fr.findings else "")
        out.append("</section>")
        return "".join(out)
    v = _view(fr, fid)
    out.append('<div class="layout">')
    out.append(_article(v))
    out.append(_finding_list(v))
    out.append("</div>")
    out.append(_timeline(v))
    out.append(_claims_table(v))
    out.append("</section>")
    return "".join(out)


def _legend() -> str:
    kinds = [("money", "money"), ("count", "count"), ("percent", "percent"), ("measure", "measure"),
             ("number", "number"), ("date", "date / time / duration")]
    items = [f'<li><span class="c k-{k}" data-tag="{esc(KIND_TAGS[k])}">{esc(label)}</span></li>'
             for k, label in kinds]
    items.append('<li><span class="src">source</span></li>')
    for sev in ("error", "warning", "info"):
        items.append(f'<li><mark class="f sev-{sev} legend-f" data-label="{SEVERITY_ICONS[sev]}">{sev}</mark></li>')
    return '<ul class="legend" aria-label="Legend">' + "".join(items) + "</ul>"


def render_page(report: Report) -> str:
    counts = report.counts()
    title = "numcheck review"
    if len(report.files) == 1:
        title += f": {report.files[0].path}"
    summary = (f"{counts['files']} file{'s' if counts['files'] != 1 else ''} \u00b7 "
               f"{counts['findings']} finding{'s' if counts['findings'] != 1 else ''} "
               f"({counts['errors']} error{'s' if counts['errors'] != 1 else ''}, "
               f"{counts['warnings']} warning{'s' if counts['warnings'] != 1 else ''}, "
               f"{counts['infos']} info)")
    parts = ['<!DOCTYPE html>\n<html lang="en" class="no-js"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="color-scheme" content="light dark">',
             f'<meta name="generator" content="numcheck {esc(__version__)}">',
             f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
             '<a class="skip" href="#main">Skip to the articles</a>',
             '<header class="top"><div class="brand"><h1>numcheck review</h1>',
             f'<p class="summary">{esc(summary)}</p></div>',
             '<div class="controls js-only" role="group" aria-label="Display">'
             '<button type="button" id="nc-theme" aria-label="Colour scheme: auto">Theme: auto</button>'
             '<label><input type="checkbox" id="nc-labels"> kind labels</label>'
             '<span class="muted keys">keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous finding</span></div>',
             _legend(), "</header>"]
    if len(report.files) > 1:
        parts.append('<nav class="toc" aria-label="Files"><ol>')
        for k, fr in enumerate(report.files):
            parts.append(f'<li><a href="#f{k + 1}">{esc(fr.path)}</a> '
                         f'<span class="muted">({len(fr.findings)})</span></li>')
        parts.append("</ol></nav>")
    parts.append('<main id="main">')
    if not report.files:
        parts.append('<p class="none">No files were checked.</p>')
    for k, fr in enumerate(report.files):
        parts.append(_file_section(fr, k))
    parts.append("</main>")
    parts.append(f'<footer class="muted">numcheck {esc(__version__)}</footer>')
    parts.append('<div id="nc-tip" role="tooltip" hidden></div>')
    parts.append(f"<script>{JS}</script></body></html>\n")
    return "".join(parts)


CSS = r"""
:root{
  --bg:#ffffff;--fg:#1b1b1b;--muted:#5a5a5a;--panel:#f4f3ef;--border:#c9c6bd;--link:#0059a0;
  --money:#E69F00;--count:#56B4E9;--percent:#009E73;--measure:#CC79A7;--number:#8a8a8a;--date:#0072B2;
  --source:#333333;--err:#D55E00;--err-bg:rgba(213,94,0,.16);--warn:#9c8a00;--warn-bg:rgba(240,228,66,.42);
  --info:#0072B2;--info-bg:rgba(86,180,233,.18);--focus:#000000;--tip-bg:#1b1b1b;--tip-fg:#ffffff;
  color-scheme:light;
}
@media (prefers-color-scheme: dark){
  :root:not([data-theme="light"]){
    --bg:#16171a;--fg:#e8e6e1;--muted:#a9a6a0;--panel:#202227;--border:#3b3e45;--link:#79bff0;
    --date:#4ea8e6;--number:#9a9a9a;--source:#d8d8d8;--err:#ff8a3d;--err-bg:rgba(213,94,0,.32);
    --warn:#F0E442;--warn-bg:rgba(240,228,66,.22);--info:#56B4E9;--info-bg:rgba(86,180,233,.2);
    --focus:#ffffff;--tip-bg:#f0efe9;--tip-fg:#111111;color-scheme:dark;
  }
}
:root[data-theme="dark"]{
  --bg:#16171a;--fg:#e8e6e1;--muted:#a9a6a0;--panel:#202227;--border:#3b3e45;--link:#79bff0;
  --date:#4ea8e6;--number:#9a9a9a;--source:#d8d8d8;--err:#ff8a3d;--err-bg:rgba(213,94,0,.32);
  --warn:#F0E442;--warn-bg:rgba(240,228,66,.22);--info:#56B4E9;--info-bg:rgba(86,180,233,.2);
  --focus:#ffffff;--tip-bg:#f0efe9;--tip-fg:#111111;color-scheme:dark;
}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:16px/1.6 Georgia,"Times New Roman",serif;background:var(--bg);color:var(--fg)}
h1,h2,h3,.controls,.legend,.side,.meta,.summary,table,figcaption,footer,.toc{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
.muted{color:var(--muted)}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:var(--bg);padding:.4em .8em;z-index:10}
.skip:focus{left:8px}
.top{padding:.8rem 1.5rem;border-bottom:1px solid var(--border);background:var(--panel);display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:center}
.top h1{font-size:1.25rem;margin:0}
.summary{margin:0;font-size:.9rem}
.controls{display:flex;gap:1rem;align-items:center;font-size:.9rem}
.controls button{font:inherit;padding:.25em .8em;border:1px solid var(--border);border-radius:4px;background:var(--bg);color:var(--fg);cursor:pointer}
.no-js .js-only{display:none}
kbd{border:1px solid var(--border);border-radius:3px;padding:0 .3em;font-size:.85em}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem}
.toc{padding:.5rem 1.5rem}
main{padding:0 1.5rem 2rem}
section.file{border-bottom:2px solid var(--border);padding-bottom:1.5rem}
section.file h2{font-size:1.1rem;margin:1.2rem 0 0;word-break:break-all}
.meta{margin:.2rem 0 1rem;color:var(--muted);font-size:.9rem}
.error{color:var(--err);font-weight:bold}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,22rem);gap:2rem;align-items:start}
@media (max-width:52rem){.layout{grid-template-columns:1fr}}
article.text{max-width:44rem}
article.text p{white-space:pre-wrap;position:relative;margin:0 0 1em;padding-left:2.6rem}
article.text p::before{content:attr(data-line);position:absolute;left:0;width:2rem;text-align:right;color:var(--muted);font:.75rem/2.1 system-ui,sans-serif}
/* claims: colour (Okabe-Ito) + underline style per kind */
.c{text-decoration-line:underline;text-decoration-thickness:3px;text-underline-offset:.22em;text-decoration-skip-ink:none}
.k-money{text-decoration-color:var(--money);text-decoration-style:double}
.k-count{text-decoration-color:var(--count);text-decoration-style:dotted}
.k-percent{text-decoration-color:var(--percent);text-decoration-style:dashed}
.k-measure{text-decoration-color:var(--measure);text-decoration-style:wavy;text-decoration-thickness:2px}
.k-number{text-decoration-color:var(--number);text-decoration-style:solid;text-decoration-thickness:1px}
.k-date,.k-time,.k-duration,.k-set{text-decoration-color:var(--date);text-decoration-style:solid}
.c.conflict{text-decoration-color:var(--err)}
.show-labels .c:not(.cont)::before{content:attr(data-tag);font:bold .62rem/1 system-ui,sans-serif;vertical-align:super;margin-right:1px;color:var(--muted)}
.chip::before{content:attr(data-tag) " ";font-weight:bold}
.chip{font-size:.85em}
/* sources: a hatched box, no colour needed */
.src{border:1px dashed var(--source);border-radius:3px;padding:0 1px;background-image:repeating-linear-gradient(135deg,transparent 0 4px,rgba(127,127,127,.16) 4px 6px);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.cue{font-style:italic}
/* findings: tinted box + severity shape and code as a label */
mark.f{color:inherit;background:var(--info-bg);border:1px dotted var(--info);border-radius:3px;padding:0 1px;-webkit-box-decoration-break:clone;box-decoration-break:clone;cursor:help}
mark.f.sev-error{background:var(--err-bg);border:2px solid var(--err)}
mark.f.sev-warning{background:var(--warn-bg);border:2px dashed var(--warn)}
mark.f:not(.cont)::before{content:attr(data-label);font:bold .62rem/1 system-ui,sans-serif;vertical-align:super;margin-right:2px;color:var(--fg)}
mark.f.sev-error:not(.cont)::before{color:var(--err)}
mark.f.point{padding:0 2px}
mark.f:focus{outline:3px solid var(--focus);outline-offset:2px}
mark.f.flash{animation:flash 1.2s ease-out 2}
@keyframes flash{50%{box-shadow:0 0 0 6px var(--err-bg)}}
@media (prefers-reduced-motion:reduce){mark.f.flash{animation:none;outline:3px solid var(--focus)}}
/* side list */
.side{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:.5rem .9rem;font-size:.9rem}
.side h3{margin:.3rem 0}
.count{display:inline-block;min-width:1.6em;text-align:center;border-radius:1em;background:var(--border);color:var(--fg);font-size:.8em;padding:0 .4em}
ol.findings{list-style:none;margin:0;padding:0}
ol.findings>li{border-left:4px solid var(--info);padding:.3rem .5rem;margin:.4rem 0;background:var(--bg)}
ol.findings>li.sev-error{border-left-color:var(--err)}
ol.findings>li.sev-warning{border-left:4px double var(--warn)}
ol.findings .jump{font-weight:bold;text-decoration:none;display:block}
ol.findings .jump:hover .code,ol.findings .jump:focus .code{text-decoration:underline}
.sev-error .sev-icon{color:var(--err)}
.desc .tip-head{display:none}
.desc .msg{display:block}
.notes{margin:.2rem 0;padding-left:1.1rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82rem}
.quote{display:block;color:var(--muted);font-style:italic}
.none{color:var(--muted)}
/* tooltip */
#nc-tip{position:absolute;z-index:20;max-width:26rem;background:var(--tip-bg);color:var(--tip-fg);border-radius:6px;padding:.5rem .7rem;font:.88rem/1.45 system-ui,sans-serif;box-shadow:0 4px 18px rgba(0,0,0,.3);pointer-events:none}
#nc-tip[hidden]{display:none}
#nc-tip .tip-head{display:block;font-weight:bold}
#nc-tip .quote{color:inherit;opacity:.8}
/* timeline */
figure.timeline{margin:1.5rem 0;padding:.5rem .9rem;border:1px solid var(--border);border-radius:6px}
figure.timeline figcaption{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;font-size:.9rem}
figure.timeline h3{margin:0;font-size:1rem}
.bad{color:var(--err);font-weight:bold}
svg.tl{display:block;max-width:100%;height:auto;font:12px system-ui,sans-serif}
svg.tl .axis{stroke:var(--fg);stroke-width:1.5}
svg.tl .tick{stroke:var(--muted)}
svg.tl .ticklabel{fill:var(--muted);font-size:11px}
svg.tl .pub path{fill:var(--fg)}
svg.tl .pub text{fill:var(--fg);font-size:11px;font-weight:bold}
svg.tl .pt text{fill:var(--fg)}
svg.tl .pt .stem{stroke:var(--date);stroke-width:1;stroke-dasharray:2 2}
svg.tl .pt circle{fill:var(--date);stroke:var(--bg);stroke-width:1.5}
svg.tl .pt rect{fill:var(--date);opacity:.45}
svg.tl .pt.bad text{fill:var(--err);font-weight:bold}
svg.tl .pt.bad .stem{stroke:var(--err)}
svg.tl .pt.bad .mark{stroke:var(--err);stroke-width:3;fill:none}
svg.tl .pt.bad rect{fill:var(--err)}
svg.tl a:focus{outline:none}
.zoom-caption{margin:.6rem 0 0;font:.85rem system-ui,sans-serif}
svg.tl a:focus text{text-decoration:underline;font-weight:bold}
/* claims table */
.claims-wrap h3{font-size:1rem}
.table-scroll{overflow-x:auto}
table.claims{border-collapse:collapse;font-size:.85rem;width:100%}
table.claims th,table.claims td{border-bottom:1px solid var(--border);padding:.25rem .5rem;text-align:left;vertical-align:top}
table.claims th{background:var(--panel);position:sticky;top:0}
table.claims th button{font:inherit;font-weight:bold;background:none;border:0;color:inherit;cursor:pointer;padding:0}
table.claims th[aria-sort="ascending"] button::after{content:" \25B2"}
table.claims th[aria-sort="descending"] button::after{content:" \25BC"}
table.claims td .chip{text-decoration-line:underline;text-decoration-thickness:3px}
footer{padding:1rem 1.5rem;font-size:.8rem}
@media print{
  .controls,.skip,#nc-tip,.keys{display:none!important}
  body{font-size:11pt;background:#fff;color:#000}
  .layout{display:block}
  .side{position:static;max-height:none;overflow:visible;border:0;padding:0;background:none}
  .side .desc .tip-head{display:none}
  section.file+section.file{break-before:page}
  ol.findings>li,tr,figure.timeline{break-inside:avoid}
  table.claims th{position:static}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

JS = r"""
(function(){
  var root=document.documentElement;
  root.classList.remove('no-js');root.classList.add('js');
  var KEY='numcheck-review-theme',MODES=['auto','light','dark'];
  var themeBtn=document.getElementById('nc-theme');
  function applyTheme(m){
    if(MODES.indexOf(m)<0)m='auto';
    if(m==='auto')root.removeAttribute('data-theme');else root.setAttribute('data-theme',m);
    if(themeBtn){themeBtn.textContent='Theme: '+m;themeBtn.setAttribute('aria-label','Colour scheme: '+m+' (activate to change)');}
  }
  var saved='auto';try{saved=localStorage.getItem(KEY)||'auto';}catch(e){}
  applyTheme(saved);
  if(themeBtn)themeBtn.addEventListener('click',function(){
    var cur=root.getAttribute('data-theme')||'auto';var next=MODES[(MODES.indexOf(cur)+1)%MODES.length];
    applyTheme(next);try{localStorage.setItem(KEY,next);}catch(e){}
  });
  var labels=document.getElementById('nc-labels');
  if(labels)labels.addEventListener('change',function(){document.body.classList.toggle('show-labels',labels.checked);});
  var reduced=window.matchMedia&&window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // tooltips: the finding's description from the side list, shown on hover and on focus
  var tip=document.getElementById('nc-tip'),shownFor=null;
  var marks=document.querySelectorAll('mark.f[title]');
  for(var i=0;i<marks.length;i++){marks[i].setAttribute('data-title',marks[i].getAttribute('title'));marks[i].removeAttribute('title');}
  function show(m){
    var d=document.getElementById(m.getAttribute('data-desc'));if(!d)return;
    var c=d.cloneNode(true);c.removeAttribute('id');
    tip.replaceChildren(c);tip.hidden=false;shownFor=m;
    var r=m.getBoundingClientRect(),tw=tip.offsetWidth,th=tip.offsetHeight;
    var left=Math.max(8,Math.min(r.left+window.scrollX,window.scrollX+document.documentElement.clientWidth-tw-8));
    var top=r.bottom+window.scrollY+6;
    if(r.bottom+th+12>window.innerHeight&&r.top>th+12)top=r.top+window.scrollY-th-6;
    tip.style.left=left+'px';tip.style.top=top+'px';
  }
  function hide(){tip.hidden=true;shownFor=null;}
  function markOf(t){return t&&t.closest?t.closest('mark.f'):null;}
  document.addEventListener('mouseover',function(e){var m=markOf(e.target);if(m){if(m!==shownFor)show(m);}else if(shownFor&&document.activeElement!==shownFor)hide();});
  document.addEventListener('focusin',function(e){var m=markOf(e.target);if(m)show(m);else hide();});
  document.addEventListener('keydown',function(e){
    if(e.key==='Escape'){hide();return;}
    var t=e.target;if(t&&(t.tagName==='INPUT'||t.tagName==='TEXTAREA'||t.isContentEditable))return;
    if(e.altKey||e.ctrlKey||e.metaKey)return;
    if(e.key==='n'||e.key==='p'){
      var all=Array.prototype.slice.call(document.querySelectorAll('mark.f[tabindex]'));if(!all.length)return;
      var i=all.indexOf(markOf(document.activeElement));
      i=e.key==='n'?(i+1)%all.length:(i<=0?all.length-1:i-1);
      all[i].focus();all[i].scrollIntoView({block:'center',behavior:reduced?'auto':'smooth'});e.preventDefault();
    }
  });
  window.addEventListener('resize',function(){if(shownFor)show(shownFor);});

  // the side list: activating an item scrolls to its mark and focuses it
  function flash(el){el.classList.remove('flash');void el.offsetWidth;el.classList.add('flash');}
  document.addEventListener('click',function(e){
    var a=e.target.closest?e.target.closest('a[href^="#"]'):null;if(!a)return;
    var t=document.getElementById(a.getAttribute('href').slice(1));if(!t)return;
    e.preventDefault();
    t.scrollIntoView({block:'center',behavior:reduced?'auto':'smooth'});
    if(!t.hasAttribute('tabindex'))t.setAttribute('tabindex','-1');
    t.focus({preventScroll:true});flash(t);
    if(history.replaceState)history.replaceState(null,'','#'+t.id);
  });

  // sortable claims tables (rendered sorted by position, so they read the same without this)
  var tables=document.querySelectorAll('table.claims');
  for(var ti=0;ti<tables.length;ti++)(function(table){
    var ths=table.tHead.rows[0].cells;
    function key(row,col){var c=row.cells[col];var k=c.getAttribute('data-sort');return k===null?c.textContent:k;}
    function sortBy(col,asc){
      var tb=table.tBodies[0],rows=Array.prototype.slice.call(tb.rows);
      function isNum(v){return v!==''&&!isNaN(+v)&&isFinite(+v);}
      rows.sort(function(a,b){
        var x=key(a,col).trim(),y=key(b,col).trim(),r;
        if(x===''||y==='')r=(x==='')-(y==='');  /* empty cells last, either way */
        else{
          var xn=isNum(x),yn=isNum(y);
          if(xn&&yn)r=(+x)-(+y);else if(xn!==yn)r=xn?-1:1;
          else r=x.localeCompare(y,undefined,{numeric:true,sensitivity:'base'});
          if(!asc)r=-r;
        }
        return r||(+a.getAttribute('data-pos'))-(+b.getAttribute('data-pos'));
      });
      for(var i=0;i<rows.length;i++)tb.appendChild(rows[i]);
      for(var j=0;j<ths.length;j++)ths[j].removeAttribute('aria-sort');
      ths[col].setAttribute('aria-sort',asc?'ascending':'descending');
    }
    for(var k=0;k<ths.length;k++)(function(th,col){
      var b=document.createElement('button');b.type='button';
      while(th.firstChild)b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener('click',function(){sortBy(col,th.getAttribute('aria-sort')!=='ascending');});
    })(ths[k],k);
  })(tables[ti]);
})();
"""
