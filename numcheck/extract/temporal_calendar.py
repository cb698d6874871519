"""Calendar arithmetic for temporal expressions: intervals and TIMEX3 values.

Every function either returns a value or raises ``ValueError`` (a date out of
the calendar's range); callers catch it and leave the expression unresolved.
"""
from __future__ import annotations

import calendar
import datetime as dt

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# TIMEX3 season codes and the months they cover (winter runs December into the next year)
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

Interval = tuple[dt.date, dt.date]


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def is_leap(year: int) -> bool:
    return calendar.isleap(year)


def day_iv(d: dt.date) -> Interval:
    return d, d


def month_iv(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), dt.date(year, month, days_in_month(year, month))


def year_iv(year: int) -> Interval:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def years_iv(first: int, last: int) -> Interval:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def week_iv(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekend_iv(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.weekday())
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def quarter_iv(year: int, q: int) -> Interval:
    first = 3 * (q - 1) + 1
    return dt.date(year, first, 1), month_iv(year, first + 2)[1]


def half_iv(year: int, h: int) -> Interval:
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if h == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))


def season_iv(year: int, code: str) -> Interval:
    a, b = SEASONS[code]
    if code == "WI":
        return dt.date(year, 12, 1), month_iv(year + 1, 2)[1]
    return dt.date(year, a, 1), month_iv(year, b)[1]


def season_of(d: dt.date) -> tuple[int, str]:
    """The (year, code) of the season holding ``d`` (January/February belong to last year's winter)."""
    m = d.month
    if m == 12:
        return d.year, "WI"
    if m <= 2:
        return d.year - 1, "WI"
    for code, (a, b) in SEASONS.items():
        if code != "WI" and a <= m <= b:
            return d.year, code
    raise ValueError(d)  # pragma: no cover


def add(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (day, week, month, quarter, year, decade, century); Feb. 29 clamps."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        raise ValueError(unit)
    total = d.year * 12 + (d.month - 1) + n * months
    y, m = divmod(total, 12)
    m += 1
    return dt.date(y, m, min(d.day, days_in_month(y, m)))


def tx_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def tx_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def tx_year(year: int) -> str:
    return f"{year:04d}"


def tx_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def tx_quarter(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def granular(d: dt.date, unit: str) -> tuple[str, Interval]:
    """TIMEX3 value and interval of the unit-sized period holding ``d``."""
    if unit == "day":
        return tx_day(d), day_iv(d)
    if unit in ("week", "fortnight"):
        return tx_week(d), week_iv(d)
    if unit == "month":
        return tx_month(d.year, d.month), month_iv(d.year, d.month)
    if unit == "quarter":
        q = (d.month - 1) // 3 + 1
        return tx_quarter(d.year, q), quarter_iv(d.year, q)
    # years, decades and centuries counted back from a date land on a year
    return tx_year(d.year), year_iv(d.year)


def describe(d: dt.date) -> str:
    """``Aug. 8, 2024``: news style."""
    return f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"


def describe_interval(start: dt.date, end: dt.date) -> str:
    if start == end:
        return describe(start)
    if start.day == 1 and start.year == end.year and start.month == end.month \
            and end.day == days_in_month(end.year, end.month):
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if start == dt.date(start.year, 1, 1) and end == dt.date(end.year, 12, 31):
        if start.year == end.year:
            return str(start.year)
        if start.year % 10 == 0 and end.year == start.year + 9:
            return f"the {start.year}s"
        return f"{start.year}-{end.year}"
    if start.day == 1 and end.day == days_in_month(end.year, end.month) and start.year == end.year:
        return f"{MONTH_ABBR[start.month - 1]}-{MONTH_ABBR[end.month - 1]} {start.year}"
    return f"{describe(start)} to {describe(end)}"
