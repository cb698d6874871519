#!/usr/bin/env python3
"""Precision and recall of the conversion checks on fixtures/conversions.

The folder's expected.json lists, per article, the lines with a wrong
conversion (and the codes that count as a hit), and under ``_correct`` the
lines with a correct one.  Only warning and error findings count (info is the
"could not check" channel).

Prints, for the conversion rules (CUR002, FIG005) and then for every CUR/FIG
rule:
  recall     wrong conversions caught / wrong conversions
  precision  findings on expected lines / all findings
  quiet      correct conversions with no finding / correct conversions

Usage: python bench/conversions.py [FOLDER] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONVERSION_CODES = ("CUR002", "FIG005")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT / "fixtures" / "conversions")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    from numcheck.engine import Analysis, check_document
    from numcheck.readers import read_path
    from numcheck.rules.cur import stated_equivalents

    expected = json.loads((args.folder / "expected.json").read_text())
    correct = expected.get("_correct", {})
    t0 = time.perf_counter()
    results = {}
    paired_lines: dict[str, set[int]] = {}
    for name in sorted(k for k in expected if not k.startswith("_")) + \
            sorted(k for k in correct if k not in expected):
        doc = read_path(str(args.folder / name))
        results[name] = [f for f in check_document(doc).findings if f.severity != "info"]
        analysis = Analysis(doc)
        paired_lines[name] = {doc.position(e.equivalent.start, e.equivalent.end)[0]
                              for kind in ("money", "measure") for e in stated_equivalents(analysis, kind)}
    elapsed = time.perf_counter() - t0
    n_correct = sum(len(v) for v in correct.values())
    unpaired = [(name, c["line"]) for name, lines in correct.items() for c in lines
                if c["line"] not in paired_lines.get(name, set())]
    print(f"correct conversions actually checked (a stated-equivalent pair was found): "
          f"{n_correct - len(unpaired)}/{n_correct}")
    for name, line in unpaired:
        print(f"  not paired: {name}:{line}")

    for label, codes in (("conversion rules (CUR002, FIG005)", CONVERSION_CODES),
                         ("all CUR and FIG rules", ("CUR", "FIG"))):
        hits = misses = fps = on_expected = 0
        quiet = n_correct = 0
        for name, findings in results.items():
            mine = [f for f in findings if f.code.startswith(codes)]
            wants = [w for w in expected.get(name, []) if any(c.startswith(codes) for c in w["codes"])]
            covered = {(w["line"], c) for w in wants for c in w["codes"]}
            for w in wants:
                if any(f.code in w["codes"] and f.line <= w["line"] <= f.end_line for f in mine):
                    hits += 1
                else:
                    misses += 1
                    if args.verbose:
                        print(f"  MISS {name}:{w['line']} {'/'.join(w['codes'])}  {w.get('why', '')}")
            for f in mine:
                if any((ln, f.code) in covered for ln in range(f.line, f.end_line + 1)):
                    on_expected += 1
                else:
                    fps += 1
                    if args.verbose:
                        print(f"  FP   {name}:{f.line} {f.code}  {f.finding.message[:110]}")
            for c in correct.get(name, []):
                n_correct += 1
                if not any(f.line <= c["line"] <= f.end_line and f.code in CONVERSION_CODES for f in mine):
                    quiet += 1
        recall = hits / (hits + misses) if hits + misses else 1.0
        precision = on_expected / (on_expected + fps) if on_expected + fps else 1.0
        print(f"{label}: recall {recall:.2f} ({hits}/{hits + misses} wrong caught), "
              f"precision {precision:.2f} ({fps} false positives), "
              f"correct conversions quiet {quiet}/{n_correct}")
    print(f"{len(results)} articles in {elapsed:.2f}s")


if __name__ == "__main__":
    main()
