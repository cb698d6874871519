"""The static unit table agrees with pint; conversion helpers behave (offset units included)."""
from __future__ import annotations

import pytest

from numcheck import units
from numcheck.extract import quantities as Q

DIMS = {
    Q.L: "[length]", Q.A: "[length] ** 2", Q.V: "[length] ** 3", Q.M: "[mass]",
    Q.T: "[temperature]", Q.S: "[length] / [time]", Q.F: "1 / [time]",
}


@pytest.mark.parametrize("surface,entry", sorted({**Q.LONG, **{"short:" + k: v for k, v in Q.SHORT.items()}}.items()))
def test_table_entry_is_canonical_pint_name(surface, entry):
    name, dim = entry
    assert units.canonical(name) == name, surface
    if dim in DIMS:
        assert units.dimensionality(name) == DIMS[dim], surface


def test_convert_miles_and_offsets():
    assert units.convert(12, "mile", "kilometer") == pytest.approx(19.312, rel=1e-4)
    assert units.convert(30, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(86)
    assert units.convert_delta(5, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(9)
    assert units.compatible("mile", "kilometer") and not units.compatible("mile", "kilogram")
    with pytest.raises(ValueError):
        units.convert(1, "mile", "kilogram")


def test_currencies_are_separate_dimensions():
    units.define_currencies(["USD", "GBP"])
    assert units.convert(5, "USD", "USD") == 5
    with pytest.raises(ValueError):
        units.convert(1, "USD", "GBP")
