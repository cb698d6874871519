#!/usr/bin/env python
"""Precision and recall of figure-to-source links on fixtures/attribution/.

Each annotated figure is found by its exact text in the article; the linker
(numcheck.extract.attribution.attribute) runs over the article's sentences
(numcheck.segment) with those figures as claims, so the score measures the
attribution finder alone, not the figure extractor.  With ``--extractor`` the
claims come from numcheck's figure extractor instead, and annotated figures it
did not find count as missed links.

A predicted link (a figure given a source) is correct when its source matches the
annotation: same text (case, whitespace, curly quotes and a leading "the"
ignored) or one of the accepted alternatives, same kind when one is annotated,
and the same resolved name for references when one is annotated.  For vague
sources any vague source whose text overlaps the annotated phrase counts.

    precision = correct links / links predicted (on annotated figures)
    recall    = correct links / links annotated (figures whose source is not null)

Usage:  python bench/attribution.py [--extractor] [--verbose] [FIXTURE_DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck.extract.attribution import attribute  # noqa: E402
from numcheck.models import Claim  # noqa: E402
from numcheck.segment import segment  # noqa: E402


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = " ".join(s.replace("’", "'").replace("‘", "'").split()).lower()
    return s[4:] if s.startswith("the ") else s


def guess_kind(text: str) -> str:
    if any(ch in text for ch in "$£€¥"):
        return "money"
    if "%" in text or "percent" in text or "per cent" in text:
        return "percent"
    return "count"


def article_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def annotated_claims(text: str, figures: list[dict]) -> list[tuple[dict, Claim]]:
    out = []
    for ann in figures:
        # whole figures only: "4%" is not the end of "3.4%"
        hits = [m.start() for m in re.finditer(r"(?<![\w.,$£€¥])" + re.escape(ann["figure"]) + r"(?!\w)", text)]
        if len(hits) <= ann.get("nth", 0):
            raise SystemExit(f"figure not found in article: {ann['figure']!r}")
        start = hits[ann.get("nth", 0)]
        out.append((ann, Claim(kind=ann.get("figure_kind") or guess_kind(ann["figure"]), start=start,
                               end=start + len(ann["figure"]), text=ann["figure"])))
    return out


def matches(ann: dict, src) -> bool:
    want = ann.get("source")
    if src is None or want is None:
        return False
    kind = ann.get("kind")
    if kind == "vague":
        if src.kind != "vague":
            return False
        a, b = norm(want), norm(src.text)
        return bool(a and b and (a in b or b in a))
    alts = {norm(x) for x in ann.get("alt", [])}
    if norm(src.text) in alts or (src.resolved and norm(src.resolved) in alts):
        # an accepted alternative, whatever its kind; a reference must still resolve right
        return not (ann.get("resolved") and src.kind == "reference" and norm(src.text) in alts
                    and norm(src.resolved) != norm(ann["resolved"]))
    if kind and src.kind != kind and not (kind == "named" and src.kind == "reference" and src.resolved
                                          and norm(src.resolved) == norm(want)):
        return False
    if norm(src.text) != norm(want) and not (src.resolved and norm(src.resolved) == norm(want)):
        return False
    if ann.get("resolved") and src.kind == "reference":
        return norm(src.resolved) == norm(ann["resolved"])
    return True


def score(folder: Path, use_extractor: bool, verbose: bool) -> tuple[int, int, int, int]:
    predicted = correct = expected = figures = 0
    for ann_path in sorted(folder.glob("*.json")):
        arts = [p for p in folder.glob(ann_path.stem + ".*") if p.suffix in (".txt", ".md")]
        if not arts:
            continue
        text = article_text(arts[0])
        anns = json.loads(ann_path.read_text(encoding="utf-8"))["figures"]
        sentences, paragraphs = segment(text)
        pairs = annotated_claims(text, anns)
        if use_extractor:
            from numcheck.extract.figures import extract_figures
            found = extract_figures(text, sentences)
            linked, _ = attribute(text, sentences, paragraphs, found)
            by_span = []
            for ann, c in pairs:
                hit = [x for x in linked if x.start < c.end and c.start < x.end]
                by_span.append((ann, hit[0] if hit else None))
        else:
            linked, _ = attribute(text, sentences, paragraphs, [c for _, c in pairs])
            by_span = [(ann, linked[i]) for i, (ann, _) in enumerate(pairs)]
        for ann, c in by_span:
            figures += 1
            src = c.source if c is not None else None
            if ann.get("source") is not None:
                expected += 1
            if src is not None:
                predicted += 1
            ok = matches(ann, src)
            if ok:
                correct += 1
            if verbose and (not ok) and (src is not None or ann.get("source") is not None):
                got = None if src is None else f"{src.kind}:{src.text!r}" + (f"->{src.resolved!r}" if src.resolved else "")
                print(f"  {ann_path.stem}: {ann['figure']!r}: want {ann.get('kind', '')}:{ann.get('source')!r}"
                      f"{' -> ' + repr(ann['resolved']) if ann.get('resolved') else ''}; got {got}"
                      f"{'' if c is not None else ' (figure not extracted)'}")
    return figures, expected, predicted, correct


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "fixtures" / "attribution"),
                    help="a fixture folder; its sub-folders (held-out sets) are scored too, each on its own line")
    ap.add_argument("--extractor", action="store_true", help="take figures from numcheck's figure extractor")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every wrong or missed link")
    args = ap.parse_args()
    folder = Path(args.folder)
    sets = [folder] + sorted(p for p in folder.iterdir() if p.is_dir() and any(p.glob("*.json")))
    total = [0, 0, 0, 0]
    t0 = time.perf_counter()
    for d in sets:
        figures, expected, predicted, correct = score(d, args.extractor, args.verbose)
        total = [a + b for a, b in zip(total, (figures, expected, predicted, correct))]
        _line(d.relative_to(folder.parent) if d != folder else d.name, figures, expected, predicted, correct)
    if len(sets) > 1:
        _line("all", *total)
    print(f"({(time.perf_counter() - t0) * 1000:.0f} ms)")


def _line(name, figures: int, expected: int, predicted: int, correct: int) -> None:
    p = correct / predicted if predicted else 0.0
    r = correct / expected if expected else 0.0
    print(f"{str(name):32} figures {figures:3}  links annotated {expected:3} predicted {predicted:3} "
          f"correct {correct:3}  precision {p:.3f}  recall {r:.3f}")


if __name__ == "__main__":
    main()
