"""Claim.evolve: the fast copy the pipeline uses instead of dataclasses.replace."""
import dataclasses
import datetime as dt

import pytest

from numcheck.models import Claim, Source


def _claim() -> Claim:
    return Claim(kind="money", start=3, end=9, text="$5m", value=5e6, low=5e6, high=5e6, unit="USD",
                 rounding=5e5, timex=None, date_start=dt.date(2024, 1, 2), extra={"role": "total"})


def test_evolve_matches_dataclasses_replace():
    c = _claim()
    src = Source(text="the company", cue="said", start=20, end=31, kind="reference")
    assert c.evolve(source=src, index=4) == dataclasses.replace(c, source=src, index=4)
    assert c.evolve() == c and c.evolve() is not c


def test_evolve_leaves_the_original_alone_and_freezes_extra():
    c = _claim()
    d = c.evolve(value=6e6, extra={"role": "part"})
    assert c.value == 5e6 and c.extra["role"] == "total"
    assert d.value == 6e6 and d.extra["role"] == "part"
    with pytest.raises(TypeError):
        d.extra["role"] = "x"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.value = 1.0  # type: ignore[misc]


def test_evolve_rejects_unknown_fields():
    with pytest.raises(TypeError, match="no field 'valeu'"):
        _claim().evolve(valeu=1.0)
