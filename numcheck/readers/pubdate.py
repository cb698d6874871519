"""Publication dates: the ``--date`` option, metadata values, leading dates and datelines.

Datetimes with a time zone give the local date as written (``2020-07-09T23:30:00-05:00``
is 2020-07-09): the calendar day the newsroom printed is the one its prose refers to.
"""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate as parsedate_tuple
from numcheck import fastre

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH_RX = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
             r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")

_ISO = fastre.plain(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d|Z)")
_ISO_SLASH = fastre.plain(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_COMPACT = fastre.plain(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_MDY = fastre.plain(r"^\s*(?:[A-Z][a-z]+\.?,?\s+)?(" + _MONTH_RX + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_DMY = fastre.plain(r"^\s*(?:[A-Z][a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_RX + r"),?\s+(\d{4})\b", re.I)

_OPTION = fastre.plain(r"^\d{4}-\d{2}-\d{2}$")


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _one_date(value: str) -> dt.date:
    v = value.strip()
    if not _OPTION.match(v):
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD or START..END")
    try:
        return dt.date.fromisoformat(v)
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None


def parse_date_option(value: str) -> tuple[dt.date, dt.date | None]:
    """Parse ``YYYY-MM-DD`` or a range ``YYYY-MM-DD..YYYY-MM-DD``.

    Returns ``(date, None)`` for a single day, ``(start, end)`` for a range.  Raises
    ValueError with a message fit for the command line on bad input.
    """
    v = (value or "").strip()
    if ".." in v:
        a, _, b = v.partition("..")
        if not a.strip() or not b.strip():
            raise ValueError(f"invalid date range {value!r}: expected START..END, "
                             "e.g. 2004-01-01..2005-12-31")
        start, end = _one_date(a), _one_date(b)
        if end < start:
            raise ValueError(f"invalid date range {value!r}: the end is before the start")
        return start, end
    return _one_date(v), None


def parse_date_value(value: str) -> dt.date | None:
    """A date from a metadata value: ISO dates and datetimes, ``20200709``, RFC 2822,
    ``July 9, 2020``, ``9 July 2020``.  None when no date can be read."""
    if not value:
        return None
    v = str(value).strip().strip("\"'")
    m = _ISO.match(v) or _ISO_SLASH.match(v)
    if m:
        return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _COMPACT.match(v)
    if m:
        return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MDY.match(v)
    if m:
        return _mk(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    m = _DMY.match(v)
    if m:
        return _mk(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    t = parsedate_tuple(v)
    if t and t[0] and t[1] and t[2]:
        return _mk(t[0], t[1], t[2])
    return None


_LEADING = fastre.plain(r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?![\d-])[ \t]*(?:\r?\n[ \t]*)*", re.I)


def leading_date(text: str) -> tuple[dt.date, int] | None:
    """A ``date YYYY-MM-DD`` at the very start: ``(date, characters to drop)``."""
    m = _LEADING.match(text)
    if not m:
        return None
    d = _mk(*map(int, m.group(1).split("-")))
    if d is None:
        return None
    return d, m.end()


# -- datelines ---------------------------------------------------------------------

_DASH = r"(?:—|–|--|-|:)"
_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?"
_AGENCY = r"\((?:[A-Za-z][A-Za-z .&-]{0,30})\)"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_MDY_TXT = _WEEKDAY + r"(?P<m1>" + _MONTH_RX + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{4}))?"
_DMY_TXT = _WEEKDAY + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTH_RX + r")(?:,?\s+(?P<y2>\d{4}))?"
_ISO_TXT = r"(?P<iso>\d{4}-\d{2}-\d{2})"
_DATE_TXT = r"(?:" + _ISO_TXT + "|" + _MDY_TXT + "|" + _DMY_TXT + ")"

_DATELINE = fastre.plain(
    r"\A\s*(?:(?:" + _PLACE + r")\s*,?\s*(?:" + _AGENCY + r"\s*)?(?:,\s*)?)?"
    + _DATE_TXT + r"\s*(?:" + _AGENCY + r"\s*)?" + _DASH)
_DATELINE_AGENCY_FIRST = fastre.plain(
    r"\A\s*" + _PLACE + r"\s*" + _AGENCY + r"\s*" + _DASH + r"\s*" + _DATE_TXT + r"\s*" + _DASH)


# a line that is only a full date, after a headline or with its byline ("9 August 2024",
# "Published: Aug. 9, 2024 10:30 BST", "By Ana Ruiz | Aug. 9, 2024")
_DATE_LINE = fastre.plain(
    r"[ \t]*(?:(?:By\s+[^|\n•·]{1,60}?\s*[|•·]\s*)|(?:Published|Posted|Updated|First\s+published)(?:\s+on)?\s*:?\s*)?"
    + _DATE_TXT + r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+[A-Z]{2,4})?)?"
    r"[ \t]*\r?", re.I)

# a dateline opens the story's first paragraph, which may follow a headline, a standfirst
# and a byline: it is looked for at the start of the first few lines
_DATELINE_LINES = 4


def dateline(text: str) -> dt.date | None:
    """The date of a dateline opening ``text`` or one of its first lines, after a
    headline or byline (``NAIROBI, Aug. 2, 2021 —``, ``LONDON, March 3, 2021 (Reuters) -``).
    None without a dateline or a year."""
    m = None
    pos, seen = 0, 0
    while m is None and seen < _DATELINE_LINES and pos < min(len(text), 2000):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if text[pos:line_end].strip():
            seen += 1
            head = text[pos:pos + 200]
            m = _DATELINE.match(head) or _DATELINE_AGENCY_FIRST.match(head) \
                or _DATE_LINE.fullmatch(text, pos, line_end)
        if nl < 0:
            break
        pos = nl + 1
    if not m:
        return None
    if m.group("iso"):
        return _mk(*map(int, m.group("iso").split("-")))
    if m.group("m1"):
        if not m.group("y1"):
            return None
        return _mk(int(m.group("y1")), _month(m.group("m1")), int(m.group("d1")))
    if not m.group("y2"):
        return None
    return _mk(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")))
