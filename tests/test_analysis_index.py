"""Per-document lookups on the Analysis: claims by sentence, claims in a span, memo."""
from __future__ import annotations

from numcheck.engine import Analysis
from numcheck.models import Document

TEXT = ("Revenue rose 12% to $56m in 2023. Costs fell by 3 million euros last year.\n\n"
        "No figures here. On 4 March 2024 the firm hired 250 people, up from 200.")


def _analysis() -> Analysis:
    return Analysis(Document(path="t.txt", text=TEXT, original=TEXT))


def test_claims_by_sentence_matches_a_scan():
    a = _analysis()
    by = a.claims_by_sentence
    assert len(by) == len(a.sentences)
    for i, s in enumerate(a.sentences):
        assert list(by[i]) == [c for c in a.claims if a.sentence_index(c.start) == i]
    assert sum(len(b) for b in by) == len(a.claims)
    assert by[2] == ()  # "No figures here."


def test_claims_in_equals_the_plain_filter():
    a = _analysis()
    n = len(TEXT)
    for start in range(0, n, 7):
        for end in range(start, n + 1, 11):
            assert a.claims_in(start, end) == [c for c in a.claims if c.start >= start and c.end <= end]


def test_memo_runs_once_per_key():
    a = _analysis()
    calls = []

    def compute(an):
        calls.append(an)
        return len(an.claims)

    assert a.memo("k", compute) == len(a.claims)
    assert a.memo("k", compute) == len(a.claims)
    assert a.memo("other", lambda an: 5) == 5
    assert calls == [a]
