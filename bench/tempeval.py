"""Score the temporal extractor on TempEval-3 Platinum (TimeML ``.tml`` files).

Usage::

    python bench/tempeval.py [DIR] [--verbose]

DIR defaults to ../shared/benchmarks/tempeval3-platinum next to the project.
For each file the text inside ``<TEXT>`` is stripped of its markup; the
extractor runs on that raw text with the document creation time (DCT) as the
publication date.  Scores follow the official TempEval-3 scorer's definitions,
on character spans:

- strict match: identical span; relaxed match: overlapping spans;
- precision = matched system expressions / system expressions,
  recall = matched gold expressions / gold expressions;
- value accuracy = share of relaxed matches whose TIMEX3 value is identical;
- value F1 = relaxed F1 x value accuracy.

The files are read for evaluation only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(raw: str) -> tuple[str, dt.date | None, list[tuple[int, int, str, str, str]]]:
    """(text, dct, [(start, end, type, value, surface)]) for one TimeML document."""
    dct = None
    m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    src = body.group(1) if body else ""
    out: list[str] = []
    length = 0
    gold = []
    open_timex = None
    pos = 0
    for t in _TAG.finditer(src):
        chunk = html.unescape(src[pos:t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(_ATTR.findall(attrs))
            open_timex = (length, a.get("type", ""), a.get("value", ""))
        elif open_timex is not None:
            s, typ, val = open_timex
            gold.append((s, length, typ, val))
            open_timex = None
    tail = html.unescape(src[pos:])
    out.append(tail)
    text = "".join(out)
    return text, dct, [(s, e, typ, val, text[s:e]) for s, e, typ, val in gold]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs, log=None) -> dict[str, float]:
    """Scores over ``docs``: an iterable of ``(name, text, gold, system)`` where gold items are
    ``(start, end, type, value, surface)`` and system items ``(start, end, kind, value, surface)``."""
    n_gold = n_sys = strict = relaxed_sys = relaxed_gold = value_ok = value_n = 0
    for name, text, gold, sys_spans in docs:
        n_gold += len(gold)
        n_sys += len(sys_spans)
        gold_spans = {(g[0], g[1]) for g in gold}
        strict += sum(1 for s in sys_spans if (s[0], s[1]) in gold_spans)
        matched_gold = set()
        for s in sys_spans:
            hits = [g for g in gold if g[0] < s[1] and s[0] < g[1]]
            if hits:
                relaxed_sys += 1
                matched_gold.update((g[0], g[1]) for g in hits)
                g = max(hits, key=lambda g: min(g[1], s[1]) - max(g[0], s[0]))
                value_n += 1
                if g[3] == s[3]:
                    value_ok += 1
                elif log:
                    log(f"  VALUE {name}: {s[4]!r} -> {s[3]!r}; gold {g[4]!r} = {g[3]!r}")
            elif log:
                ctx = text[max(0, s[0] - 30):s[1] + 30].replace("\n", " ")
                log(f"  FP    {name}: {s[4]!r} {s[3]!r}   ...{ctx}...")
        relaxed_gold += len(matched_gold)
        if log:
            for g in gold:
                if (g[0], g[1]) not in matched_gold:
                    ctx = text[max(0, g[0] - 30):g[1] + 30].replace("\n", " ")
                    log(f"  FN    {name}: {g[4]!r} {g[2]} {g[3]!r}   ...{ctx}...")
    sp, sr = (strict / n_sys if n_sys else 0.0), (strict / n_gold if n_gold else 0.0)
    rp, rr = (relaxed_sys / n_sys if n_sys else 0.0), (relaxed_gold / n_gold if n_gold else 0.0)
    acc = value_ok / value_n if value_n else 0.0
    return {"gold": n_gold, "system": n_sys,
            "strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": f1(rp, rr),
            "value_accuracy": acc, "value_f1": f1(rp, rr) * acc}


def run(directory: Path, verbose: bool = False) -> dict[str, float]:
    from numcheck.extract.temporal import extract_temporal
    from numcheck.segment import segment

    t0 = time.perf_counter()
    files = sorted(directory.glob("*.tml"))
    docs = []
    for path in files:
        text, dct, gold = parse_tml(path.read_text(encoding="utf-8"))
        sentences, _ = segment(text)
        claims = extract_temporal(text, sentences, dct, None)
        docs.append((path.name, text, gold, [(c.start, c.end, c.kind, c.timex or "", c.text) for c in claims]))
    res = score(docs, print if verbose else None)
    res["files"] = len(files)
    res["seconds"] = time.perf_counter() - t0
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", default=str(ROOT.parent / "shared/benchmarks/tempeval3-platinum"))
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses, false alarms and wrong values")
    args = ap.parse_args(argv)
    d = Path(args.directory)
    if not d.is_dir():
        print(f"{d}: no such directory", file=sys.stderr)
        return 2
    r = run(d, args.verbose)
    print(f"{d.name}: {r['files']} files, {r['gold']} gold, {r['system']} system expressions "
          f"({r['seconds']:.2f}s)")
    print(f"strict   P {r['strict_p']:.3f}  R {r['strict_r']:.3f}  F1 {r['strict_f1']:.3f}")
    print(f"relaxed  P {r['relaxed_p']:.3f}  R {r['relaxed_r']:.3f}  F1 {r['relaxed_f1']:.3f}")
    print(f"value    accuracy {r['value_accuracy']:.3f}  F1 {r['value_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
