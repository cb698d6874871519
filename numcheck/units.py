"""Units: a lazily built pint registry and small conversion helpers.

Nothing here is imported on the extraction path: extractors map surface forms
to pint's canonical unit names with static tables
(:mod:`numcheck.extract.quantities`), and only rules that convert call
:func:`registry`.

Currencies can be registered as pint dimensions with :func:`define_currencies`
(one base dimension per ISO code, so ``USD`` and ``GBP`` never convert into each
other by accident; exchange rates live in :mod:`numcheck.rates`).
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, Iterable

_LOCK = threading.Lock()
_REGISTRY: Any = None

#: Where pint keeps its parsed definition files between processes (``:auto:`` is the
#: user's cache directory); parsing them again costs ~0.1 s per process or worker.
#: ``None`` turns the disk cache off.
CACHE_FOLDER: Any = ":auto:"


def _build(cache_folder: Any) -> Any:
    import pint

    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=cache_folder)


def registry() -> Any:
    """The shared pint ``UnitRegistry`` (built on first use, then cached).

    Built from pint's disk cache when there is one; when the cache directory cannot
    be created or written, or holds a damaged file, the registry is built without it."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                ureg = None
                if CACHE_FOLDER is not None:
                    try:
                        ureg = _build(CACHE_FOLDER)
                    except Exception:
                        ureg = None
                if ureg is None:
                    ureg = _build(None)
                _REGISTRY = ureg
    return _REGISTRY


def define_currencies(codes: Iterable[str]) -> None:
    """Register each ISO 4217 code as its own base dimension (idempotent)."""
    ureg = registry()
    with _LOCK:
        for code in codes:
            code = code.upper()
            if code in _DEFINED_CURRENCIES:
                continue
            try:
                ureg.Unit(code)
            except Exception:
                ureg.define(f"{code} = [currency_{code}]")
            _DEFINED_CURRENCIES.add(code)


_DEFINED_CURRENCIES: set[str] = set()


def unit(name: str) -> Any:
    """The pint unit for ``name`` (a canonical name or any pint-parsable expression)."""
    return registry().Unit(name)


@lru_cache(maxsize=512)
def canonical(name: str) -> str:
    """Pint's canonical spelling of a unit (``km`` -> ``kilometer``, ``degC`` -> ``degree_Celsius``)."""
    return str(registry().Unit(name))


@lru_cache(maxsize=512)
def dimensionality(name: str) -> str:
    """A string key for a unit's dimension (``[length]``), comparable across units."""
    return str(registry().Unit(name).dimensionality)


def compatible(unit_a: str, unit_b: str) -> bool:
    """True when both units measure the same dimension (miles and kilometres)."""
    try:
        return dimensionality(unit_a) == dimensionality(unit_b)
    except Exception:
        return False


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from one unit to another; offset units (°C, °F) convert correctly.

    Raises ``ValueError`` for unknown or incompatible units.
    """
    ureg = registry()
    try:
        q = ureg.Quantity(value, ureg.Unit(from_unit))
        return float(q.to(ureg.Unit(to_unit)).magnitude)
    except Exception as exc:  # pint raises several error types
        raise ValueError(f"cannot convert {from_unit} to {to_unit}: {exc}") from exc


def convert_delta(value: float, from_unit: str, to_unit: str) -> float:
    """Convert a difference (``rose 5 °C``): offsets are ignored for temperatures."""
    ureg = registry()
    delta = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}
    try:
        q = ureg.Quantity(value, ureg.Unit(delta.get(from_unit, from_unit)))
        return float(q.to(ureg.Unit(delta.get(to_unit, to_unit))).magnitude)
    except Exception as exc:
        raise ValueError(f"cannot convert {from_unit} to {to_unit}: {exc}") from exc
