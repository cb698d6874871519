"""Benchmark the figure extractor against public test data (read in place, never copied).

Run from the project root::

    .venv/bin/python bench/extraction.py [--benchmarks /work/shared/benchmarks] [--no-quantulum] [-v]

Data
  * Microsoft Recognizers-Text English specs (``recognizers-specs``): Currency,
    Dimension, Temperature, Age, Number, Percent, NumberRange.
  * quantulum3's golden cases (``quantulum3-tests/quantities.json``).

How predictions are matched (Recognizers specs)
  * Each file is scored only on claims of its own type: Currency <- ``money``;
    Dimension <- ``measure`` other than temperatures; Temperature <- ``measure``
    in degree_Celsius / degree_Fahrenheit / kelvin / bare ``degree``; Percent <-
    ``percent`` (bare degrees marked ``extra['dimension'] == 'angle'`` count as
    Dimension); Number <- ``count`` and ``number``; NumberRange <- any claim whose
    qualifier is not ``=``; Age <- nothing (ages belong to the temporal extractor by
    design, so Age recall is 0 here and is reported only for completeness).
  * Gold results without a number (a bare unit mention such as ``dollar`` or
    ``celsius``, ``Resolution.value`` null) are dropped: numcheck extracts figures,
    not unit words.
  * A prediction matches a gold result when their character spans overlap (gold
    ``End`` is inclusive) and the values agree (relative tolerance 1e-6). Each gold
    and each prediction is used at most once. "value" scores count these matches;
    "value+unit" additionally requires the unit to agree after mapping the spec's
    unit names to numcheck's (``Dollar`` -> USD, ``Pound`` -> GBP, ``C`` ->
    degree_Celsius, ``Square meter`` -> ``meter ** 2``, ``Ton`` -> ton or
    metric_ton ...; the ISO code when the spec gives one). Minor units are
    rescaled: the spec's ``50 Cent`` is numcheck's USD 0.50, ``470 Pence`` GBP 4.70.
  * NumberRange golds are intervals (``[20,30)``, ``(,30]``); a prediction matches
    when its low/high equal the gold ends (open/closed is ignored; unbounded ends
    must be unbounded on both sides).
  * Precision counts every typed prediction that matches no gold as a false
    positive, so it is understated where the gold leaves out other figures.

quantulum3 golden cases: value accuracy = share of gold quantities for which a
claim overlaps the gold surface and has the same value (for gold ranges,
``value ± uncertainty``, the claim's low/high must equal the ends). Reported for
all gold quantities and for those numcheck extracts by design (leaving out
durations and bare years, which belong to the temporal extractor).

Throughput: words per second of ``extract_figures`` and of quantulum3's
``parser.parse`` over the same sentences (every benchmark input), in the same run.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck.extract.figures import extract_figures  # noqa: E402

CUR_UNITS = {
    "dollar": ("USD", 1), "united states dollar": ("USD", 1), "pound": ("GBP", 1),
    "british pound": ("GBP", 1), "cent": ("USD", 0.01), "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01), "franc": ("CHF", 1), "peseta": ("ESP", 1), "euro": ("EUR", 1),
    "japanese yen": ("JPY", 1), "netherlands guilder": ("NLG", 1), "finnish markka": ("FIM", 1),
    "rupee": ("INR", 1), "bitcoin": ("BTC", 1), "chinese yuan": ("CNY", 1),
}
DIM_UNITS = {
    "pound": {"pound"}, "milliliter": {"milliliter"}, "inch": {"inch"}, "mile": {"mile"},
    "barrel": {"oil_barrel"}, "foot": {"foot"}, "ounce": {"ounce"}, "acre": {"acre"},
    "gallon": {"gallon"}, "cubic foot": {"foot ** 3"}, "square meter": {"meter ** 2"},
    "ton": {"ton", "metric_ton"}, "metric ton": {"metric_ton"}, "bit": {"bit"},
    "mile per hour": {"mile_per_hour"}, "meter": {"meter"}, "kilometer": {"kilometer"},
    "millimeter": {"millimeter"}, "square kilometer": {"kilometer ** 2"}, "decimeter": {"decimeter"},
    "megabit": {"megabit"}, "megabyte": {"megabyte"}, "picometer": {"picometer"},
    "tablespoon": {"tablespoon"}, "cup": {"cup"}, "teaspoon": {"teaspoon"},
    "kilometer per hour": {"kilometer_per_hour"}, "kilogram": {"kilogram"},
    "microgram": {"microgram"}, "degree": {"degree"}, "radian": {"radian"},
    "c": {"degree_Celsius"}, "f": {"degree_Fahrenheit"}, "turn": {"turn"},
    "meter per millisecond": {"meter / millisecond"}, "kilometer per millisecond": {"kilometer / millisecond"},
    "centimeter per millisecond": {"centimeter / millisecond"},
}
TEMP_UNITS = {"degree_Celsius", "degree_Fahrenheit", "kelvin", "degree"}

SPEC_FILES = [
    ("Currency", "NumberWithUnit/CurrencyModel.json"),
    ("Dimension", "NumberWithUnit/DimensionModel.json"),
    ("Temperature", "NumberWithUnit/TemperatureModel.json"),
    ("Age", "NumberWithUnit/AgeModel.json"),
    ("Number", "Number/NumberModel.json"),
    ("Percent", "Number/PercentModel.json"),
    ("NumberRange", "Number/NumberRangeModel.json"),
]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _angle(c) -> bool:
    """Bare degrees the extractor read as an angle (``rotate 90 degrees``)."""
    return c.unit == "degree" and (c.extra or {}).get("dimension") == "angle"


def _typed(name: str, claims):
    if name == "Currency":
        return [c for c in claims if c.kind == "money"]
    if name == "Dimension":
        return [c for c in claims if c.kind == "measure" and (c.unit not in TEMP_UNITS or _angle(c))]
    if name == "Temperature":
        return [c for c in claims if c.kind == "measure" and c.unit in TEMP_UNITS and not _angle(c)]
    if name == "Percent":
        return [c for c in claims if c.kind == "percent"]
    if name == "Number":
        return [c for c in claims if c.kind in ("count", "number")]
    if name == "NumberRange":
        return [c for c in claims if c.qualifier != "="]
    return []


def _parse_interval(s: str):
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*)\s*,\s*([^\])]*)\s*[\])]\s*", s)
    if not m:
        return None
    lo = float(m.group(1)) if m.group(1).strip() else None
    hi = float(m.group(2)) if m.group(2).strip() else None
    return lo, hi


def _gold_expect(name: str, res: dict):
    """(value(s) expected in numcheck terms, allowed units or None)."""
    r = res["Resolution"]
    v = r.get("value")
    if v in (None, "null"):
        return None
    if name == "NumberRange":
        iv = _parse_interval(v)
        return (iv, None) if iv else None
    if name == "Percent":
        return (float(v.rstrip("%")), {"percent"})
    val = float(v)
    if name == "Currency":
        iso = r.get("isoCurrency")
        unit = (r.get("unit") or "").lower()
        code, factor = CUR_UNITS.get(unit, (iso, 1))
        if iso:
            code = iso
        return (val * factor, {code} if code else set())
    if name in ("Dimension", "Temperature"):
        unit = (r.get("unit") or "").lower()
        return (val, DIM_UNITS.get(unit, set()))
    return (val, None)


def score_spec(path: Path, name: str, verbose: bool = False) -> dict:
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    tp_v = tp_vu = n_gold = n_pred = 0
    for case in cases:
        text = case["Input"]
        preds = _typed(name, extract_figures(text, None))
        golds = []
        for res in case.get("Results", []):
            exp = _gold_expect(name, res)
            if exp is None:
                continue
            golds.append((res["Start"], res["End"] + 1, exp, res))
        n_gold += len(golds)
        n_pred += len(preds)
        used_p: set[int] = set()
        used_pu: set[int] = set()
        for gs, ge, (gv, gunits), res in golds:
            hit_v = hit_vu = False
            for i, c in enumerate(preds):
                if c.start >= ge or gs >= c.end:
                    continue
                if name == "NumberRange":
                    ok = _close(c.low, gv[0]) and _close(c.high, gv[1])
                else:
                    ok = _close(c.value, gv)
                if not ok:
                    continue
                if not hit_v and i not in used_p:
                    used_p.add(i)
                    hit_v = True
                unit_ok = gunits is None or c.unit in gunits
                if unit_ok and not hit_vu and i not in used_pu:
                    used_pu.add(i)
                    hit_vu = True
            tp_v += hit_v
            tp_vu += hit_vu
            if verbose and not hit_vu:
                got = [(c.text, c.value, c.low, c.high, c.unit) for c in preds]
                print(f"  MISS {name}: {res['Text']!r} -> {res['Resolution']} | got {got} | in {text[:90]!r}")
        if verbose:
            for i, c in enumerate(preds):
                if i not in used_p:
                    print(f"  FP   {name}: {c.text!r} {c.value} {c.unit} | in {text[:90]!r}")
    return {"gold": n_gold, "pred": n_pred, "tp_v": tp_v, "tp_vu": tp_vu}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def score_quantulum(path: Path, verbose: bool = False) -> dict:
    cases = json.loads(path.read_text(encoding="utf-8"))
    total = hit = design_total = design_hit = 0
    for case in cases:
        text = case["req"]
        claims = extract_figures(text, None)
        for q in case["res"]:
            surface = q["surface"]
            gs = text.find(surface)
            ge = gs + len(surface)
            unc = q.get("uncertainty")
            gv = float(q["value"])
            by_design = not (q["unit"] in TIME_UNITS or (
                q["unit"] == "dimensionless" and re.fullmatch(r"(1[0-9]|20)\d\d", surface.strip())))
            ok = False
            for c in claims:
                if c.start >= ge or gs >= c.end:
                    continue
                if unc:
                    ok = _close(c.low, gv - unc) and _close(c.high, gv + unc)
                else:
                    ok = _close(c.value, gv) or (c.kind == "money" and c.extra.get("minor_unit")
                                                 and _close(c.value * 100, gv))
                if ok:
                    break
            total += 1
            ok = bool(ok)
            hit += ok
            if by_design:
                design_total += 1
                design_hit += ok
            if verbose and not ok and by_design:
                print(f"  MISS q3: {surface!r} {gv} {q['unit']} | got "
                      f"{[(c.text, c.value, c.unit) for c in claims]} | in {text[:80]!r}")
    return {"total": total, "hit": hit, "design_total": design_total, "design_hit": design_hit}


def throughput(sentences: list[str], use_quantulum: bool) -> dict:
    words = sum(len(s.split()) for s in sentences)
    t0 = time.perf_counter()
    for s in sentences:
        extract_figures(s, None)
    ours = time.perf_counter() - t0
    out = {"words": words, "ours_s": ours, "ours_wps": words / ours if ours else float("inf")}
    if use_quantulum:
        t0 = time.perf_counter()
        from quantulum3 import parser  # slow import: measured separately
        out["q3_import_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for s in sentences:
            try:
                parser.parse(s)
            except Exception:
                pass
        q = time.perf_counter() - t0
        out["q3_s"] = q
        out["q3_wps"] = words / q if q else float("inf")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", default="/work/shared/benchmarks")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 speed comparison")
    ap.add_argument("-v", "--verbose", action="store_true", help="print misses and false positives")
    args = ap.parse_args()
    base = Path(args.benchmarks)
    spec = base / "recognizers-specs"

    print(f"{'Recognizers-Text (English)':<28}{'gold':>6}{'pred':>6}"
          f"{'val P':>8}{'val R':>8}{'val F1':>8}{'v+u P':>8}{'v+u R':>8}{'v+u F1':>8}")
    sentences: list[str] = []
    for name, rel in SPEC_FILES:
        path = spec / rel
        sentences += [c["Input"] for c in json.loads(path.read_text(encoding="utf-8-sig"))]
        r = score_spec(path, name, args.verbose)
        pv = prf(r["tp_v"], r["pred"], r["gold"])
        pu = prf(r["tp_vu"], r["pred"], r["gold"])
        note = "  (ages: temporal extractor)" if name == "Age" else ""
        print(f"{name:<28}{r['gold']:>6}{r['pred']:>6}" + "".join(f"{x:>8.3f}" for x in pv + pu) + note)

    qpath = base / "quantulum3-tests" / "quantities.json"
    q = score_quantulum(qpath, args.verbose)
    sentences += [c["req"] for c in json.loads(qpath.read_text(encoding="utf-8"))]
    print()
    print(f"quantulum3 golden cases: value accuracy {q['hit']}/{q['total']} = {q['hit'] / q['total']:.3f}; "
          f"excluding durations and years (temporal extractor) "
          f"{q['design_hit']}/{q['design_total']} = {q['design_hit'] / q['design_total']:.3f}")

    tp = throughput(sentences, not args.no_quantulum)
    print()
    print(f"throughput over {len(sentences)} sentences, {tp['words']} words:")
    print(f"  numcheck extract_figures  {tp['ours_wps']:>12,.0f} words/s  ({tp['ours_s']:.3f} s)")
    if "q3_wps" in tp:
        print(f"  quantulum3 parser.parse   {tp['q3_wps']:>12,.0f} words/s  ({tp['q3_s']:.3f} s; "
              f"import {tp['q3_import_s']:.2f} s not included)")
        print(f"  speed-up                  {tp['ours_wps'] / tp['q3_wps']:>12.1f}x")


if __name__ == "__main__":
    main()
