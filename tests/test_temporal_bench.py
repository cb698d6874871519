"""The TempEval-3 scoring script, on small TimeML documents written for these tests."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("tempeval_bench", ROOT / "bench" / "tempeval.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-05-04" functionInDocument="CREATION_TIME">May 4, 2020</TIMEX3></DCT>
<TEXT>The bakery closed <TIMEX3 tid="t1" type="DATE" value="2020-05-03">yesterday</TIMEX3> after <EVENT eid="e1">decades</EVENT> of bread &amp; cake, <TIMEX3 tid="t2" type="DURATION" value="P10Y">ten years</TIMEX3> in this street.</TEXT>
</TimeML>
"""


def test_parse_tml_offsets_and_entities():
    text, dct, gold = bench.parse_tml(DOC)
    assert dct == dt.date(2020, 5, 4)
    assert "bread & cake" in text and "<" not in text
    assert [(g[4], g[2], g[3]) for g in gold] == [("yesterday", "DATE", "2020-05-03"), ("ten years", "DURATION", "P10Y")]
    for s, e, _, _, surface in gold:
        assert text[s:e] == surface


def test_score_strict_relaxed_and_value():
    text, _, gold = bench.parse_tml(DOC)
    y = text.index("yesterday")
    t = text.index("ten years")
    system = [
        (y, y + len("yesterday"), "date", "2020-05-03", "yesterday"),      # strict, right value
        (t, t + len("ten"), "duration", "P3Y", "ten"),                     # relaxed only, wrong value
        (0, 3, "date", "2020", "The"),                                     # false alarm
    ]
    r = bench.score([("doc", text, gold, system)])
    assert r["strict_p"] == pytest.approx(1 / 3) and r["strict_r"] == pytest.approx(1 / 2)
    assert r["relaxed_p"] == pytest.approx(2 / 3) and r["relaxed_r"] == pytest.approx(1.0)
    assert r["relaxed_f1"] == pytest.approx(0.8)
    assert r["value_accuracy"] == pytest.approx(0.5)
    assert r["value_f1"] == pytest.approx(0.4)


def test_score_empty():
    r = bench.score([])
    assert r["relaxed_f1"] == 0.0 and r["value_f1"] == 0.0
