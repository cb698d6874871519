"""Money as pint quantities, each ISO currency its own base dimension.

``1 USD + 1 GBP`` raises ``pint.DimensionalityError``: no two currencies ever
mix silently.  The only way between currencies is :func:`exchange`, which takes
a dated rate from a :class:`numcheck.rates.Rates` table and says which ECB day
it used.

The registry is the shared one of :mod:`numcheck.units` (so that ``USD / watt``
or ``GBP / tonne`` work), with the currencies added through its
``define_currencies``; when that module is absent, a fresh
``pint.UnitRegistry``.  Built lazily, once per process.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pint

    from numcheck.rates import RateQuote, Rates

# ISO 4217 codes worth knowing in news copy: the ECB table's currencies (current
# and retired) and the other currencies that commonly appear in articles.
CURRENCIES = (
    "AUD BGN BRL CAD CHF CNY CYP CZK DKK EEK EUR GBP HKD HRK HUF IDR ILS INR ISK JPY KRW "
    "LTL LVL MTL MXN MYR NOK NZD PHP PLN ROL RON RUB SEK SGD SIT SKK THB TRL TRY USD ZAR "
    "AED ARS CLP COP EGP KES NGN PKR QAR SAR TWD UAH VND BDT GHS MAD"
).split()


@lru_cache(maxsize=1)
def registry() -> "pint.UnitRegistry":
    try:
        from numcheck import units
    except ImportError:  # pragma: no cover - the shared registry is missing
        units = None
    if units is not None and hasattr(units, "define_currencies"):
        units.define_currencies(CURRENCIES)
        return units.registry()
    import pint  # pragma: no cover

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)  # pragma: no cover
    for code in CURRENCIES:  # pragma: no cover
        ureg.define(f"{code} = [currency_{code}]")
    return ureg  # pragma: no cover


def money(value: float, currency: str) -> "pint.Quantity":
    """``value`` units of the ISO ``currency``."""
    return registry().Quantity(value, currency.upper())


def currency_of(quantity: "pint.Quantity") -> str:
    """The ISO code of a plain money quantity (``money(3, 'GBP')`` -> ``GBP``)."""
    units = list(quantity.unit_items())
    if len(units) != 1 or units[0][1] != 1 or units[0][0] not in CURRENCIES:
        raise ValueError(f"not a plain money quantity: {quantity.units}")
    return units[0][0]


def exchange(quantity: "pint.Quantity", quote: str, on: dt.date,
             rates: "Rates") -> tuple["pint.Quantity", "RateQuote"] | None:
    """Convert a money quantity into ``quote`` at the rate in force on ``on``.

    Returns the converted quantity and the quote used, or ``None`` when the
    table has no rate for that pair and day (never a rate from another date).
    """
    base = currency_of(quantity)
    quote = quote.upper()
    rq = rates.rate(base, quote, on)
    if rq is None:
        return None
    return money(quantity.magnitude * rq.value, quote), rq
