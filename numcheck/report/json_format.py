"""The JSON contract (docs/OUTPUT.md): fields may be added, never renamed or dropped."""
from __future__ import annotations

import json
import math
from typing import Any, TextIO

from numcheck import __version__
from numcheck.models import Claim, FileResult, Located, Report, Source


def _num(v: float | None) -> int | float | None:
    if v is None:
        return None
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return None
        if v.is_integer() and abs(v) < 2**63:
            return int(v)
        return float(f"{v:.12g}")
    return v


def finding_dict(loc: Located) -> dict[str, Any]:
    f = loc.finding
    out = {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "text": loc.text,
    }
    if f.notes:
        out["notes"] = list(f.notes)
    return out


def source_dict(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    out = {"text": s.text, "cue": s.cue, "kind": s.kind}
    if s.resolved:
        out["resolved"] = s.resolved
    return out


def claim_dict(fr: FileResult, c: Claim) -> dict[str, Any]:
    doc = fr.document
    line, col, end_line, end_col = doc.position(c.start, c.end) if doc else (0, 0, 0, 0)
    out: dict[str, Any] = {"id": c.index, "kind": c.kind, "text": c.text,
                           "line": line, "column": col, "end_line": end_line, "end_column": end_col}
    if c.is_temporal:
        out.update({
            "timex": c.timex,
            "start": c.date_start.isoformat() if c.date_start else None,
            "end": c.date_end.isoformat() if c.date_end else None,
            "relative": c.relative,
        })
        if c.value is not None:
            out["value"] = _num(c.value)
    else:
        out.update({
            "value": _num(c.value), "low": _num(c.low), "high": _num(c.high),
            "qualifier": c.qualifier, "unit": c.unit, "noun": c.noun,
            "source": source_dict(c.source),
        })
        if c.kind == "money":
            out["currency_ambiguous"] = c.currency_ambiguous
        if c.equivalent_of is not None:
            out["equivalent_of"] = c.equivalent_of
    return out


def _file_head(fr: FileResult) -> dict[str, Any]:
    doc = fr.document
    head: dict[str, Any] = {
        "path": fr.path,
        "published": doc.published.isoformat() if doc and doc.published else None,
    }
    if doc and doc.published_until:
        head["published_until"] = doc.published_until.isoformat()
    head["published_from"] = doc.published_from if doc else None
    if fr.error:
        head["error"] = fr.error
    return head


def report_dict(report: Report) -> dict[str, Any]:
    files = []
    for fr in report.files:
        entry = _file_head(fr)
        entry["findings"] = [finding_dict(loc) for loc in fr.findings]
        files.append(entry)
    summary = report.counts()
    summary["unreadable"] = sum(1 for fr in report.files if fr.error)
    return {"numcheck": __version__, "files": files, "summary": summary}


def claims_dict(report: Report) -> dict[str, Any]:
    files = []
    for fr in report.files:
        entry = _file_head(fr)
        entry["claims"] = [claim_dict(fr, c) for c in fr.claims]
        files.append(entry)
    return {"numcheck": __version__, "files": files}


def render(report: Report, out: TextIO, *, options: Any = None) -> None:
    json.dump(report_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def render_claims(report: Report, out: TextIO, *, options: Any = None) -> None:
    json.dump(claims_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
