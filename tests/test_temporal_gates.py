"""The temporal extractor's gates only skip expressions that cannot match.

Each expression in ``_PATTERNS`` runs only when its gate passes; a gate that rejects
a text the expression matches in would silently drop dates.  Checked on every
fixture text and on sentences covering each expression."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from numcheck.extract import temporal as T

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "Rain fell over the weekend; by midday the rest of the year looked brighter than the remainder of the week.",
    "It opened on 2021-03-04T10:30 in the summer of 2019, on Christmas Eve 2020 and on New Year's Day.",
    "Dated 04/05/2021 and 4.5.2021; on Tuesday, March 3, 2020 and on the 3rd of March 2020, in Sept. 2019.",
    "Prices in '98 and the 1990s, the mid-'80s and the late seventies; the 19th century and the first quarter of 2020.",
    "Q3 2021 and H1 2022, the second half of 2019, fiscal 2023, FY2024 and the financial year 2022.",
    "Yesterday, today and now, in the past, at the time, these days, at present; this year and last month.",
    "Last Monday, next January and the previous Friday morning; on Wednesday evening in December.",
    "About three years ago, for months, in recent years, a 45-year-old, aged 52, at 60, and Smith, 44, said.",
    "At 5 p.m. GMT, at 17:30, at noon and at midnight, 1730 GMT and 17:30:05.",
    "Between 2019-20 and 2019–2021, three to five years, two days later, the end of the year.",
    "Every other week, per month, daily and quarterly.",
    "She has led it since 2019, when she was 31, and, now 36, runs it; FY2024-25 and the budget for 2024/25.",
]


def _texts() -> list[str]:
    out = list(SENTENCES)
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            out.append(path.read_text(encoding="utf-8", errors="replace"))
    return out


def test_gates_line_up_with_patterns():
    assert len(T._GATES) == len(T._PATTERNS)


@pytest.mark.parametrize("i", range(len(T._PATTERNS)))
def test_gate_never_rejects_a_text_its_expression_matches(i):
    rx, _ = T._PATTERNS[i]
    gate = T._GATES[i]
    matched = 0
    for text in _texts():
        if rx.search(text):
            matched += 1
            assert gate is None or T._gate_passes(gate, text, text.lower()), (i, rx.pattern[:80])
    assert matched, f"no test text exercises expression {i}: {rx.pattern[:80]}"


def test_gated_extraction_equals_ungated(monkeypatch):
    texts = _texts()
    pub = dt.date(2020, 6, 15)
    gated = [repr(T.extract_temporal(t, None, pub)) for t in texts]
    monkeypatch.setattr(T, "_GATES", [None] * len(T._PATTERNS))
    assert [repr(T.extract_temporal(t, None, pub)) for t in texts] == gated


AGES = ["a 45-year-old", "the seventeen-seven year old", "Twenty-three-year-olds", "1045-year-old",
        "a 9 year old and a 10-year-old", "x45-year-old", "4.5-year-old", "year-old", "99-year old",
        "ninety-nine-year-old ninety-year-old", "123year-old", "a  5-year-old", "SEVENTY-SEVEN-year-old"]


@pytest.mark.parametrize("i", sorted(T._ANCHORS))
def test_anchored_scan_equals_a_full_scan(i):
    rx, _ = T._PATTERNS[i]
    anchor, back = T._ANCHORS[i]
    texts = _texts() + AGES + [" ".join(AGES), "".join(AGES)]
    for text in texts:
        want = [(m.start(), m.end()) for m in rx.finditer(text)]
        got = [(m.start(), m.end()) for m in T._anchored_finditer(rx, anchor, back, text)]
        assert got == want, text[:200]
