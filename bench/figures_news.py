"""Score the figure extractor on the project's own news-sentence set.

Run from the project root::

    .venv/bin/python bench/figures_news.py [--data fixtures/figures-news/sentences.jsonl] [-v]

Each line of the data file is a sentence written for this set with the figures a
reader takes from it (span, value, unit as in ``design/OUTPUT.md``: an ISO code,
``percent`` / ``percentage_point`` / ``basis_point``, a pint canonical unit name,
or ``''`` for counts and plain numbers). Sentences with no figures (years, dates,
ages, scores, names with digits) are there to catch false positives.

``fixtures/figures-news/blind.jsonl`` (``--data``) holds 81 further sentences written
after the grammar work on the main set and scored once before any change was made
for them (value F1 0.992, value+unit F1 0.984 on first run); it is a check that the
grammar generalises beyond the sentences it was developed against.

Matching is the same as ``bench/extraction.py``: a prediction matches a gold
figure when the spans overlap and the values agree (relative tolerance 1e-6);
"value+unit" also requires the same unit. Every claim the extractor returns is a
prediction; each gold and each prediction is used at most once.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck.extract.figures import extract_figures  # noqa: E402

DATA = ROOT / "fixtures" / "figures-news" / "sentences.jsonl"


def load(path: Path = DATA) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def match(gold: list[dict], claims: list) -> tuple[int, int, list, list]:
    """(value matches, value+unit matches, unmatched golds, unmatched predictions)."""
    def run(with_unit: bool):
        used: set[int] = set()
        missed = []
        for g in gold:
            hit = None
            for k, c in enumerate(claims):
                if k in used or c.start >= g["end"] or g["start"] >= c.end:
                    continue
                if _close(c.value, g["value"]) and (not with_unit or c.unit == g["unit"]):
                    hit = k
                    break
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
        return len(gold) - len(missed), missed, [c for k, c in enumerate(claims) if k not in used]

    tp_v, _, _ = run(False)
    tp_vu, missed, spurious = run(True)
    return tp_v, tp_vu, missed, spurious


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(rows: list[dict], verbose: bool = False) -> dict:
    tot = {"gold": 0, "pred": 0, "tp_v": 0, "tp_vu": 0}
    for r in rows:
        claims = extract_figures(r["text"])
        tp_v, tp_vu, missed, spurious = match(r["figures"], claims)
        tot["gold"] += len(r["figures"])
        tot["pred"] += len(claims)
        tot["tp_v"] += tp_v
        tot["tp_vu"] += tp_vu
        if verbose and (missed or spurious):
            print(f"{r['id']}: {r['text']}")
            for g in missed:
                print(f"   miss  {g['text']!r} {g['value']} {g['unit']!r}")
            for c in spurious:
                print(f"   extra {c.text!r} {c.value} {c.unit!r} ({c.kind})")
    tot["value"] = prf(tot["tp_v"], tot["pred"], tot["gold"])
    tot["value_unit"] = prf(tot["tp_vu"], tot["pred"], tot["gold"])
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("-v", "--verbose", action="store_true", help="print misses and extra predictions")
    args = ap.parse_args()
    rows = load(Path(args.data))
    t = score(rows, args.verbose)
    print(f"figures-news: {len(rows)} sentences, {t['gold']} gold figures, {t['pred']} predictions")
    print(f"{'':<12}{'P':>8}{'R':>8}{'F1':>8}")
    for name in ("value", "value_unit"):
        print(f"{name:<12}" + "".join(f"{x:>8.3f}" for x in t[name]))


if __name__ == "__main__":
    main()
