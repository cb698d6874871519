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


@pytest.fixture
def fresh_registry(monkeypatch):
    """Each test builds its own registry; the shared one is restored afterwards."""
    monkeypatch.setattr(units, "_REGISTRY", None)
    units.canonical.cache_clear()
    units.dimensionality.cache_clear()
    yield
    units.canonical.cache_clear()
    units.dimensionality.cache_clear()


def test_registry_uses_a_writable_disk_cache(monkeypatch, tmp_path, fresh_registry):
    monkeypatch.setattr(units, "CACHE_FOLDER", tmp_path / "pint-cache")
    ureg = units.registry()
    assert ureg.cache_folder == tmp_path / "pint-cache"
    assert any((tmp_path / "pint-cache").iterdir())  # parsed definitions were stored
    assert units.convert(12, "mile", "kilometer") == pytest.approx(19.312, rel=1e-4)


def test_registry_falls_back_when_the_cache_cannot_be_created(monkeypatch, tmp_path, fresh_registry):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setattr(units, "CACHE_FOLDER", blocker / "pint-cache")
    ureg = units.registry()
    assert ureg.cache_folder is None
    assert units.convert(30, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(86)
    assert units.dimensionality("kilometer") == "[length]"


def test_registry_falls_back_on_a_damaged_cache(monkeypatch, tmp_path, fresh_registry):
    folder = tmp_path / "pint-cache"
    monkeypatch.setattr(units, "CACHE_FOLDER", folder)
    units.registry()
    damaged = [p for p in folder.iterdir() if p.suffix == ".pickle"]
    assert damaged
    for p in damaged:
        p.write_bytes(b"\x80\x04 truncated")
    monkeypatch.setattr(units, "_REGISTRY", None)
    ureg = units.registry()
    assert ureg.cache_folder is None
    assert units.convert(12, "mile", "kilometer") == pytest.approx(19.312, rel=1e-4)


def test_extraction_does_not_import_pint():
    import subprocess
    import sys

    code = ("import sys, numcheck\n"
            "numcheck.extract('Revenue rose 12% to $56m; the 12-mile road cost about 3 billion rupees.',"
            " published='2024-01-01')\n"
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
