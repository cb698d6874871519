"""Baselines: adopt numcheck on an existing archive without fixing everything first.

``numcheck check --write-baseline FILE`` records today's findings;
``numcheck check --baseline FILE`` then reports only findings that are not recorded.

A finding's fingerprint is its rule code plus its normalised claim text
(``Finding.fingerprint_text``: what the rule says the finding is about, with case
and whitespace folded), kept per file.  Line numbers are not part of it, so edits
elsewhere in the article do not turn old findings into new ones.  The same
fingerprint can occur several times in one file (the same unsourced figure twice):
the baseline stores a count, and only occurrences beyond that count are new.

File format (JSON)::

    {"version": 1, "tool": "numcheck",
     "entries": [{"path": "news/budget.md", "code": "SRC001",
                  "fingerprint": "3f1c...", "text": "£3.6bn", "count": 2}, ...]}

Paths are relative to the baseline file's folder, with ``/`` separators, so the
baseline works from any working folder and on any machine.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from collections import Counter
from dataclasses import replace
from typing import Any

from numcheck.models import FileResult, Located, Report

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written: one line naming the file."""


def normalise(text: str) -> str:
    """Fold case, Unicode compatibility forms, dashes and whitespace."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for dash in ("\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"):
        text = text.replace(dash, "-")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def finding_text(loc: Located) -> str:
    f = loc.finding
    return normalise(f.fingerprint_text or loc.text or f.message)


def fingerprint(code: str, text: str) -> str:
    return hashlib.sha256(f"{code}\x00{text}".encode("utf-8")).hexdigest()[:20]


def _rel(path: str, base: str) -> str:
    if path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # pragma: no cover - other drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _keys(fr: FileResult, base: str) -> list[tuple[str, str, str, str]]:
    path = _rel(fr.path, base)
    out = []
    for loc in fr.findings:
        text = finding_text(loc)
        out.append((path, loc.code, fingerprint(loc.code, text), text))
    return out


def _base_dir(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def write_baseline(report: Report, path: str) -> int:
    """Write every finding of ``report`` to ``path``; return how many were recorded."""
    base = _base_dir(path)
    counts: Counter = Counter()
    texts: dict[tuple[str, str, str], str] = {}
    for fr in report.files:
        for p, code, fp, text in _keys(fr, base):
            counts[(p, code, fp)] += 1
            texts[(p, code, fp)] = text
    entries = [{"path": p, "code": code, "fingerprint": fp, "text": texts[(p, code, fp)], "count": n}
               for (p, code, fp), n in sorted(counts.items())]
    doc = {"version": VERSION, "tool": "numcheck", "entries": entries}
    data = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    folder = base
    try:
        fd, tmp = tempfile.mkstemp(prefix=".numcheck-baseline-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return sum(counts.values())


def read_baseline(path: str) -> Counter:
    """(path, code, fingerprint) -> count, from a baseline file."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: not a numcheck baseline (not UTF-8 text)") from None
    try:
        doc: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a numcheck baseline: invalid JSON at line {exc.lineno}, "
                            f"column {exc.colno}: {exc.msg}") from None
    if not isinstance(doc, dict) or "entries" not in doc:
        raise BaselineError(f"{path}: not a numcheck baseline (no 'entries'; write one with --write-baseline)")
    if doc.get("version") != VERSION:
        raise BaselineError(f"{path}: unsupported baseline version {doc.get('version')!r} "
                            f"(this numcheck reads version {VERSION}; rewrite it with --write-baseline)")
    entries = doc["entries"]
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: not a numcheck baseline ('entries' must be a list)")
    out: Counter = Counter()
    for i, e in enumerate(entries):
        if not (isinstance(e, dict) and isinstance(e.get("path"), str) and isinstance(e.get("code"), str)
                and isinstance(e.get("fingerprint"), str)):
            raise BaselineError(f"{path}: entry {i + 1}: expected path, code and fingerprint strings")
        count = e.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise BaselineError(f"{path}: entry {i + 1}: 'count' must be a whole number of 1 or more")
        out[(e["path"], e["code"], e["fingerprint"])] += count
    return out


def filter_report(report: Report, path: str) -> Report:
    """``report`` without the findings recorded in the baseline at ``path``.

    Within one file, occurrences of a fingerprint are matched in file order: with a
    count of 2, the first two are known and a third is new."""
    known = read_baseline(path)
    base = _base_dir(path)
    files = []
    for fr in report.files:
        if fr.error or not fr.findings:
            files.append(fr)
            continue
        kept = []
        for loc, key in zip(fr.findings, _keys(fr, base)):
            k = key[:3]
            if known[k] > 0:
                known[k] -= 1
                continue
            kept.append(loc)
        files.append(replace(fr, findings=tuple(kept)))
    return Report(tuple(files))
