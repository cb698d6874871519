"""Temporal expressions in news prose, resolved against the publication date.

:func:`extract_temporal` finds dates, clock times, durations (ages included) and
sets with a news-aware span finder: precompiled regular expressions without
nested quantifiers (each runs in linear time), then longest-match selection,
then resolution.

Each claim carries a TIMEX3 ``timex`` value as TempEval-3 scores it
(``2023-10-07``, ``2023-10``, ``2023-W52``, ``2023-Q3``, ``199`` for the 1990s,
``P3Y``, ``PT2H``, ``PRESENT_REF``...), the calendar interval
``date_start``..``date_end`` when there is one, and ``relative=True`` when the
value was worked out from the publication date.

Resolution choices
- A year-less date takes the year of a date written with its year in the same
  sentence (``in March 2020 ... on 23 March``); a bare month takes a year
  written just after it (``that January day in 2011``).  Otherwise:
- Year-less dates (``Dec. 27``) take the publication year, except across New
  Year: a November/December date in a January/February article is last year's
  unless the clause is future tense, and a January/February date in a
  November/December article is next year's unless it is past tense.
- Bare weekdays: latest on or before the publication date for past tense (or no
  tense), next on or after it for future tense, nearest for present tense.
- Bare months: nearest past one for past tense, nearest future one for future
  tense, the publication year otherwise.
- With no publication date, relative expressions keep a vague ``timex``
  (``PAST_REF``, ``FUTURE_REF``, ``PRESENT_REF``, ``XXXX-12-27``) or None and no
  interval; absolute ones still resolve.
- Spans joined to a date (``three days after July 14``, ``a decade before the
  2019 merger``, ``ten years later``) record ``relation``, ``anchor`` and the
  date they land on in ``extra['resolved']`` (``resolved_start``/``resolved_end``).
- Ages (``52-year-old``, ``Reyes, 52,``, ``at the age of 31``) are durations with
  ``extra['age']`` (and ``extra['person']``, ``extra['age_at']``).
- Financial years and seasons written across two years (``2024-25`` or ``2024/25`` beside a
  word such as budget, season, fiscal; ``FY2024-25``) are one span with ``extra['fiscal']``
  covering both calendar years (the start month depends on the convention); without such a
  word ``1957-58`` is two years.
- Impossible dates are still found, with ``extra['invalid']`` giving the reason.
- With a publication date range (``published``..``published_until``) each
  relative expression is resolved against both ends: the interval spans both
  readings, and the ``timex`` is kept only when both readings agree.
  ``extra['anchor_range']`` records the range.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from numcheck import fastre
from numcheck.extract import temporal_calendar as cal
from numcheck.models import Claim

# ---------------------------------------------------------------------------
# vocabulary

_MONTHS = {n.lower(): i + 1 for i, n in enumerate(cal.MONTH_NAMES)}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_WEEKDAYS = {n.lower(): i for i, n in enumerate(cal.WEEKDAYS)}
_WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                  "sat": 5, "sun": 6})

_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
             "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
             "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
             "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
             "one hundred": 100, "a thousand": 1000, "a dozen": 12, "a couple of": 2, "a couple": 2,
             "couple of": 2, "half a": 0.5, "a half": 0.5}
_VAGUE_NUM = {"a few", "few", "several", "many", "some", "dozens of", "hundreds of", "the"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
          "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
          "century": "century", "centurie": "century", "quarter": "quarter"}
_DUR_CODE = {"second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
             "week": ("", "W", 1), "fortnight": ("", "W", 2), "month": ("", "M", 1),
             "quarter": ("", "M", 3), "year": ("", "Y", 1), "decade": ("", "Y", 10),
             "century": ("", "Y", 100)}

_COUNT_NOUNS = frozenset("""
people persons men women children kids workers employees staff jobs students patients cases deaths
households homes houses cars vehicles units shares tonnes tons barrels km kilometres kilometers miles
metres meters feet foot kg kilograms pounds lbs acres hectares mw gw kw kwh mwh megawatts gigawatts
troops soldiers officers votes voters seats members residents migrants refugees visitors tourists
passengers flights beds doctors nurses teachers firms companies stores shops sites schools hospitals
points runs goals yards calories words pages copies items products new more other
""".split())
_YEAR_OK_PLURAL = frozenset("""olympics elections games results sales earnings levels figures rates
prices talks protests riots floods attacks polls championships awards accords agreements
""".split())
_YEAR_CUES = fastre.plain(r"(?:\b(?:in|since|of|from|by|until|till|year|around|circa|c\.|before|after|during|"
                        r"through|to|and|between|early|late|mid|fiscal|summer|winter|spring|autumn|fall)"
                        r"[\s-]*|['’]s\s)$", re.IGNORECASE)

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_MON_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
             r"(?![A-Za-z])")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_WDA = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[.,]\d|:\d)"  # "March 9: staff ..." is a date; "9:30" a time
_YEAR4 = r"(?P<year>[12]\d{3})(?![\d%]|[.,]\d)"
_NUMW = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
         r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
         r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?")
_NUM = (r"(?i:\d{1,3}(?:,\d{3})*(?:\.\d+)?|" + _NUMW +
        r"|a\s+hundred|one\s+hundred|a\s+thousand|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|half\s+a|"
        r"a\s+few|few|several|many|dozens\s+of|hundreds\s+of|an|a)")
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)(?P<pl>s)?"
_QUAL = (r"(?i:almost|nearly|about|around|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|"
         r"over|under|at\s+least|up\s+to|just|only|barely|a\s+mere|a\s+full|the\s+better\s+part\s+of)")
_QUAL_MOD = {"almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
             "fewer than": "LESS_THAN", "barely": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
             "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX",
             "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX"}


def _rx(p: str, flags: int = 0) -> re.Pattern[str]:
    # every expression starts at a word start: failing fast elsewhere keeps the scan cheap
    return fastre.compile(r"(?<!\w)(?=[\w'’])(?:" + p + ")", flags)


# ---------------------------------------------------------------------------
# candidates

Resolver = Callable[[dt.date], tuple]


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    timex: str | None = None
    ds: dt.date | None = None
    de: dt.date | None = None
    relative: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    resolver: Resolver | None = None
    vague_timex: str | None = None
    prio: int = 5
    value: float | None = None
    unit: str = ""
    gran: str = ""           # day, month, year, week, quarter, season, decade, century
    yearless: tuple | None = None  # (month, day, weekday) of a date written without a year


class _Ctx:
    def __init__(self, text: str, sentences, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        if sentences:
            self.sent = [(s.start, s.end) for s in sentences]
        else:
            self.sent = [(0, len(text))]
        self.sent_starts = [s for s, _ in self.sent]
        self._tense: dict[tuple[int, int], str | None] = {}

    def sentence(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        return self.sent[i]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self._tense:
            from numcheck.tense import tense_at
            s, e = self.sentence(start)
            self._tense[key] = tense_at(self.text, start, end, s, e)
        return self._tense[key]

    def before(self, start: int, n: int = 40) -> str:
        return self.text[max(0, start - n):start]

    def after(self, end: int, n: int = 40) -> str:
        return self.text[end:end + n]


def _num(s: str) -> float | None:
    s = " ".join(s.lower().split())
    if s in _NUMWORDS:
        return _NUMWORDS[s]
    if s in _VAGUE_NUM:
        return None
    if "-" in s:
        a, _, b = s.partition("-")
        if a in _NUMWORDS and b in _NUMWORDS:
            return _NUMWORDS[a] + _NUMWORDS[b]
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _dur_timex(n: float | None, unit: str) -> str:
    t, code, mult = _DUR_CODE[unit]
    if n is None:
        return f"P{t}X{code}"
    v = n * mult
    if v != int(v):
        if code == "Y":
            v, code = v * 12, "M"
        elif code == "D":
            v, code, t = v * 24, "H", "T"
        elif code == "H":
            v, code = v * 60, "M"
    v = int(v) if v == int(v) else round(v, 2)
    return f"P{t}{v}{code}"


def _month_of(s: str) -> int:
    return _MONTHS[s.rstrip(".").lower()]


def _weekday_of(s: str) -> int:
    return _WEEKDAYS[s.rstrip(".").lower()]


# ---------------------------------------------------------------------------
# absolute dates

def _make_day(c: _Cand, y: int, m: int, d: int) -> None:
    """Fill in a full date, or flag it as impossible."""
    if not 1 <= m <= 12:
        c.extra["invalid"] = f"there is no month {m}"
        c.timex = None
        return
    if d == 0:
        c.extra["invalid"] = "there is no day 0"
        return
    dim = cal.days_in_month(y, m)
    if d > dim:
        if m == 2 and d == 29:
            c.extra["invalid"] = f"{y} is not a leap year, so it had no February 29"
        else:
            c.extra["invalid"] = f"{cal.MONTH_NAMES[m - 1]} has {dim} days, so there is no {cal.MONTH_NAMES[m - 1]} {d}"
        c.timex = cal.tx_month(y, m) + f"-{d:02d}"
        c.ds, c.de = cal.month_iv(y, m)
        c.gran = "month"
        return
    day = dt.date(y, m, d)
    c.timex, (c.ds, c.de), c.gran = cal.tx_day(day), cal.day_iv(day), "day"


def _full_date(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mon = _month_of(m.group("mon"))
    day = int(m.group("day"))
    if day > 31:
        return None
    c = _Cand(m.start(), m.end(), "date", prio=1)
    wd = m.group("wd")
    if wd:
        c.extra["weekday"] = cal.WEEKDAYS[_weekday_of(wd)]
    if m.group("year"):
        _make_day(c, int(m.group("year")), mon, day)
    else:
        # May followed by a number is a month only when the number reads as a day
        # (or is named with its weekday, or is followed by a preposition: "on Wednesday 14 May at")
        if m.group("mon") == "May" and not wd and not re.match(
                r"\s*(?:[,.;:)]|$|\s+(?:and|to|through|until|or|at|in|on|when|after|before|as|with|from|"
                r"for|during)\b)", ctx.text[m.end():m.end() + 12]):
            if not _YEAR_CUES.search(ctx.before(m.start(), 12)):
                return None
        if day == 0:
            c.extra["invalid"] = "there is no day 0"
            return c
        if day > 31 or day > (29 if mon == 2 else cal.days_in_month(2001, mon)):
            c.extra["invalid"] = (f"{cal.MONTH_NAMES[mon - 1]} has {cal.days_in_month(2001, mon)} days, "
                                  f"so there is no {cal.MONTH_NAMES[mon - 1]} {day}")
            return c
        c.yearless = (mon, day)
    return c


def _iso(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    c = _Cand(m.start(), m.end(), "date", prio=0)
    _make_day(c, y, mo, d)
    if m.group("hh") and c.gran == "day":
        c.kind = "time"
        c.timex = f"{c.timex}T{m.group('hh')}:{m.group('mm')}"
    return c


def _numeric(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """``7/14/2020`` (month first, as US news writes it) or ``14.07.2020`` (day first); when the
    first number cannot be a month it is read as the day."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    dotted = m.group("sep") == "."
    mon, day = (b, a) if dotted or a > 12 else (a, b)
    c = _Cand(m.start(), m.end(), "date", prio=0)
    if not dotted and a <= 12 and b <= 12 and a != b:
        c.extra["order"] = "month/day/year assumed"
    if a > 12 and b > 12:
        c.extra["invalid"] = f"neither {a} nor {b} can be a month"
        return c
    _make_day(c, y, mon, day)
    return c


def _season_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    code = _SEASON_CODE[m.group("season").lower()]
    ys = m.group("year")
    y = int(ys) if len(ys.lstrip("'’")) == 4 else _two_digit_year(int(ys.lstrip("'’")), ctx.published)
    c = _Cand(m.start(), m.end(), "date", prio=2)
    c.timex, (c.ds, c.de), c.gran = f"{y:04d}-{code}", cal.season_iv(y, code), "season"
    return c


_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year’s day": (1, 1), "new year's eve": (12, 31),
             "new year’s eve": (12, 31), "boxing day": (12, 26), "halloween": (10, 31),
             "valentine's day": (2, 14), "valentine’s day": (2, 14), "independence day": (7, 4),
             "the fourth of july": (7, 4), "bastille day": (7, 14), "armistice day": (11, 11),
             "veterans day": (11, 11), "st patrick's day": (3, 17), "st. patrick's day": (3, 17)}


def _holiday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    key = " ".join(m.group("h").lower().split())
    md = _HOLIDAYS.get(key)
    if md is None:
        return None
    c = _Cand(m.start(), m.end(), "date", prio=3)
    c.extra["holiday"] = " ".join(m.group("h").split())
    if m.group("year"):
        _make_day(c, int(m.group("year")), *md)
    else:
        c.yearless = md
    return c


def _month_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mon = _month_of(m.group("mon"))
    if m.group("year"):
        y = int(m.group("year"))
    else:
        y = _two_digit_year(int(m.group("yy")), ctx.published)
    c = _Cand(m.start(), m.end(), "date", prio=2)
    c.timex, (c.ds, c.de), c.gran = cal.tx_month(y, mon), cal.month_iv(y, mon), "month"
    return c


def _two_digit_year(yy: int, published: dt.date | None) -> int:
    ref = published.year if published else 2000
    century = ref - ref % 100
    y = century + yy
    if y > ref + 10:
        y -= 100
    return y


def _year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = int(m.group("year"))
    text = ctx.text
    before = ctx.before(m.start(), 24)
    cue = _YEAR_CUES.search(before)
    if y < 1800 and not cue:
        return None
    if y > 2099:
        return None
    if re.match(r"(?:\s+or\s+so|-?odd)\b|\s*(?:GMT|UTC|Z|hrs|hours|h)\b", text[m.end():m.end() + 8]):
        return None  # "the 2000 or so residents", "2030 GMT"
    nxt = re.match(r"\s*([A-Za-z]+)", text[m.end():m.end() + 24])
    if nxt and text[m.end():m.end() + 1] in " -":
        w = nxt.group(1)
        wl = w.lower()
        if wl in _COUNT_NOUNS or (w.islower() and wl.endswith("s") and not wl.endswith(("ss", "is", "us"))
                                  and wl not in _YEAR_OK_PLURAL and not cue):
            return None
    prev = re.search(r"([A-Za-z.]+)\s*$", before)
    if prev and prev.group(1).lower() in ("no.", "number", "nos.", "flight", "route", "room", "boeing", "airbus",
                                          "model", "page", "pp.", "p.", "section", "article", "chapter",
                                          "rule", "resolution", "code"):
        return None
    c = _Cand(m.start(), m.end(), "date", prio=4)
    c.timex, (c.ds, c.de), c.gran = cal.tx_year(y), cal.year_iv(y), "year"
    return c


def _apos_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = _two_digit_year(int(m.group("yy")), ctx.published)
    c = _Cand(m.start(), m.end(), "date", prio=4)
    c.timex, (c.ds, c.de), c.gran = cal.tx_year(y), cal.year_iv(y), "year"
    return c


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _decade(m: re.Match, ctx: _Ctx) -> _Cand | None:
    g = m.groupdict()
    if g.get("dec"):
        y0 = int(g["dec"])
    elif g.get("d2"):
        y0 = 1900 + int(g["d2"]) * 10
        if y0 + 100 <= (ctx.published.year if ctx.published else 2000) - 80:
            y0 += 100
        if g["d2"] in "012" and (ctx.published is None or ctx.published.year >= 2030):
            y0 = 2000 + int(g["d2"]) * 10
    else:
        w = g["dw"].lower()
        y0 = 1900 + _DECADE_WORDS[w] * 10
    c = _Cand(m.start(), m.end(), "date", prio=2)
    c.timex, (c.ds, c.de), c.gran = str(y0 // 10), cal.years_iv(y0, y0 + 9), "decade"
    mod = (g.get("mod") or "").lower()
    if mod:
        _apply_mod(c, {"early": "START", "mid": "MID", "late": "END"}[mod])
    return c


_ORD_CENT = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def _century(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = m.group("n").lower()
    k = int(re.sub(r"\D", "", n)) if n[0].isdigit() else _ORD_CENT.get(n)
    if not k or k > 30:
        return None
    c = _Cand(m.start(), m.end(), "date", prio=2)
    first = (k - 1) * 100 + 1 if k > 1 else 1
    c.timex, (c.ds, c.de), c.gran = f"{k - 1:02d}", cal.years_iv(max(first - 1, 1), (k - 1) * 100 + 99), "century"
    return c


def _quarter(m: re.Match, ctx: _Ctx) -> _Cand | None:
    g = m.groupdict()
    q = _ORDINALS.get((g.get("q") or "").lower()) or int(g.get("qn") or 0)
    if not 1 <= q <= 4:
        return None
    ystr = g.get("year") or g.get("year2")
    c = _Cand(m.start(), m.end(), "date", prio=2)
    c.gran = "quarter"
    if ystr:
        ys = ystr.lstrip("'’")
        y = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), ctx.published)
        c.timex, (c.ds, c.de) = cal.tx_quarter(y, q), cal.quarter_iv(y, q)
        return c
    c.relative = True
    c.vague_timex = f"XXXX-Q{q}"

    tense = ctx.tense(m.start(), m.end())
    c.extra["tense"] = tense

    def res(ref: dt.date) -> tuple:
        if tense == "future":  # "could fall through the fourth quarter": the next one to end
            y = ref.year if cal.quarter_iv(ref.year, q)[1] >= ref else ref.year + 1
        else:
            y = ref.year if cal.quarter_iv(ref.year, q)[0] <= ref else ref.year - 1
        return (cal.tx_quarter(y, q),) + cal.quarter_iv(y, q)
    c.resolver = res
    return c


def _half(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = 1 if m.group("h").lower() in ("first", "1") else 2
    y = int(m.group("year"))
    c = _Cand(m.start(), m.end(), "date", prio=2)
    c.timex, (c.ds, c.de), c.gran = f"{y:04d}-H{h}", cal.half_iv(y, h), "half"
    return c


_FISCAL_WORDS = (r"budget|budgets|fiscal|financial|tax|season|academic|school|spending|accounts|funding|"
                 r"revenue|deficit|surplus|allocation|estimates|forecast|outturn|settlement|grant|levy|"
                 r"precept|council\s+tax|financial\s+year|year")
_FISCAL_BEFORE = fastre.plain(rf"\b(?:{_FISCAL_WORDS})\b(?:[^.;:!?]|\.\d)*$", re.IGNORECASE)
_FISCAL_AFTER = fastre.plain(rf"\s+(?:\w+\s+)?(?:{_FISCAL_WORDS})\b", re.IGNORECASE)


def _fiscal_span(start: int, end: int, y1: int, y2: int) -> _Cand:
    """A financial year or season written across two years (``2024-25``, ``FY2024/25``): one
    period.  Its months depend on the convention (April, July, October...), so the interval
    is the two calendar years it touches."""
    c = _Cand(start, end, "date", prio=2)
    c.timex, c.gran = cal.tx_year(y1), "year"
    c.ds, c.de = cal.year_iv(y1)[0], cal.year_iv(y2)[1]
    c.extra["fiscal"] = True
    c.extra["fiscal_years"] = (y1, y2)
    return c


def _fiscal(m: re.Match, ctx: _Ctx) -> _Cand | None:
    ys = m.group("year").lstrip("'’")
    y = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), ctx.published)
    raw2 = m.group("y2")
    if raw2:
        y2 = int(raw2) if len(raw2) == 4 else y - y % 100 + int(raw2)
        if y2 == y + 1:
            return _fiscal_span(m.start(), m.end(), y, y2)
        return None
    c = _Cand(m.start(), m.end(), "date", prio=2)
    c.timex, (c.ds, c.de), c.gran = cal.tx_year(y), cal.year_iv(y), "year"
    c.extra["fiscal"] = True
    return c


# ---------------------------------------------------------------------------
# relative dates

def _rel(c: _Cand, vague: str | None, res: Resolver) -> _Cand:
    c.relative = True
    c.vague_timex = vague
    c.resolver = res
    return c


def _deictic(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = " ".join(m.group(0).lower().split())
    c = _Cand(m.start(), m.end(), "date", prio=5)
    if w in ("yesterday", "today", "tomorrow"):
        off = {"yesterday": -1, "today": 0, "tomorrow": 1}[w]
        c.gran = "day"
        return _rel(c, {"yesterday": "PAST_REF", "today": "PRESENT_REF", "tomorrow": "FUTURE_REF"}[w],
                    lambda ref: (cal.tx_day(ref + dt.timedelta(off)),) + cal.day_iv(ref + dt.timedelta(off)))
    if w == "tonight":
        c.kind = "time"
        return _rel(c, "PRESENT_REF", lambda ref: (cal.tx_day(ref) + "TNI", ref, ref))
    if w == "at the time" and re.match(r"\s+of\b", ctx.after(m.end(), 6)):
        return None
    if w in ("the past", "recently", "in the past", "formerly", "previously", "at the time"):
        c.extra["vague"] = True
        c.timex = "PAST_REF"
        return c
    if w in ("the future", "in the future"):
        c.extra["vague"] = True
        c.timex = "FUTURE_REF"
        return c
    # now, currently, nowadays, these days, at present
    if w == "now" and re.match(r"\s+(?:that|than)\b", ctx.after(m.end(), 8)):
        return None
    c.extra["vague"] = True
    c.timex = "PRESENT_REF"
    c.relative = True
    c.vague_timex = "PRESENT_REF"
    c.resolver = lambda ref: ("PRESENT_REF", ref, ref)
    return c


def _this_last_next(word: str) -> int | None:
    w = " ".join(word.lower().split())
    if w in ("this", "the current", "the present", "current"):
        return 0
    if w in ("last", "past", "previous", "the previous", "the preceding"):
        return -1
    if w in ("next", "coming", "the coming", "the following", "the next"):
        return 1
    return None


def _unit_period(unit: str, shift: int, ref: dt.date) -> tuple:
    if unit == "day":
        d = ref + dt.timedelta(days=shift)
        return (cal.tx_day(d),) + cal.day_iv(d)
    if unit == "week":
        d = ref + dt.timedelta(weeks=shift)
        return (cal.tx_week(d),) + cal.week_iv(d)
    if unit == "weekend":
        d = ref + dt.timedelta(weeks=shift)
        return (cal.tx_week(d) + "-WE",) + cal.weekend_iv(d)
    if unit == "month":
        d = cal.add(ref.replace(day=1), shift, "month")
        return (cal.tx_month(d.year, d.month),) + cal.month_iv(d.year, d.month)
    if unit == "quarter":
        d = cal.add(ref.replace(day=1), shift, "quarter")
        q = (d.month - 1) // 3 + 1
        return (cal.tx_quarter(d.year, q),) + cal.quarter_iv(d.year, q)
    if unit == "year":
        y = ref.year + shift
        return (cal.tx_year(y),) + cal.year_iv(y)
    if unit == "decade":
        y0 = (ref.year // 10 + shift) * 10
        return (str(y0 // 10),) + cal.years_iv(y0, y0 + 9)
    if unit == "century":
        y0 = (ref.year // 100 + shift) * 100
        return (f"{y0 // 100:02d}",) + cal.years_iv(max(y0, 1), y0 + 99)
    raise ValueError(unit)


_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def _season_res(code: str, shift: int) -> Resolver:
    def res(ref: dt.date) -> tuple:
        y = ref.year
        start, end = cal.season_iv(y, code)
        if code == "WI" and ref.month <= 2:
            y -= 1
            start, end = cal.season_iv(y, code)
        if shift == -1:
            if end >= ref:
                y -= 1
        elif shift == 1:
            if start <= ref:
                y += 1
        s, e = cal.season_iv(y, code)
        return (f"{y:04d}-{code}", s, e)
    return res


def _rel_unit(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel = " ".join(m.group("rel").split()).lower()
    unit = m.group("unit").lower()
    unit = "year" if unit in ("fiscal year", "financial year") else unit
    c = _Cand(m.start(), m.end(), "date", prio=3)
    pre = (m.group("pre") or "").lower()
    if rel.startswith("the ") and rel in ("the last", "the past") :
        # "the past year": a span reaching back from the publication date
        if unit in _DUR_CODE:
            c.kind = "duration"
            c.timex = _dur_timex(1, unit)
            c.value, c.unit = 1, unit
            c.extra["span"] = "past"
            return _rel(c, c.timex, lambda ref: (c.timex, cal.add(ref, -1, unit), ref))
        return None
    if rel in ("the next", "the following") and unit in _DUR_CODE and unit not in ("week", "month", "year"):
        c.kind = "duration"
        c.timex = _dur_timex(1, unit)
        c.value, c.unit = 1, unit
        return c
    shift = _this_last_next(rel)
    if shift is None:
        return None
    if unit in _SEASON_CODE:
        code = _SEASON_CODE[unit]
        c.gran = "season"
        return _rel(c, {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[shift], _season_res(code, shift))
    if unit == "season" or unit == "term":
        return None
    c.gran = unit if unit != "weekend" else "week"
    vague = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[shift]
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get(pre)

    def res(ref: dt.date) -> tuple:
        out = _unit_period(unit, shift, ref)
        return out
    _rel(c, vague, res)
    if mod:
        c.extra["mod"] = mod
    return c


def _rel_named(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """last June, next Friday, this Tuesday."""
    rel = " ".join(m.group("rel").split()).lower()
    shift = _this_last_next(rel)
    if shift is None:
        return None
    name = m.group("name")
    c = _Cand(m.start(), m.end(), "date", prio=3)
    vague = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[shift]
    if name.lower() in _WEEKDAYS:
        wd = _weekday_of(name)
        c.gran = "day"
        part = m.group("part")

        def res(ref: dt.date) -> tuple:
            if shift == -1:
                delta = (ref.weekday() - wd) % 7 or 7
                d = ref - dt.timedelta(days=delta)
            elif shift == 1:
                delta = (wd - ref.weekday()) % 7 or 7
                d = ref + dt.timedelta(days=delta)
            else:
                d = cal.week_iv(ref)[0] + dt.timedelta(days=wd)
            return (cal.tx_day(d) + _PART.get((part or "").lower(), ""), d, d)
        if part:
            c.kind = "time"
        return _rel(c, vague, res)
    mon = _month_of(name)
    c.gran = "month"

    def resm(ref: dt.date) -> tuple:
        y = ref.year
        if shift == -1:
            y = ref.year if mon < ref.month else ref.year - 1
        elif shift == 1:
            y = ref.year if mon > ref.month else ref.year + 1
        return (cal.tx_month(y, mon),) + cal.month_iv(y, mon)
    return _rel(c, vague, resm)


_PART = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "": ""}


def _weekday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if re.search(r"\b[Tt]he\s+$", ctx.before(m.start(), 6)) and re.match(r"\s+[A-Z][a-z]", ctx.after(m.end(), 4)):
        return None  # the Sunday Times, the Monday Night Football broadcast
    wd = _weekday_of(m.group("wd"))
    part = (m.group("part") or "").lower()
    c = _Cand(m.start(), m.end(), "time" if part else "date", prio=5)
    c.gran = "day"
    c.extra["weekday"] = cal.WEEKDAYS[wd]
    c.extra["by_tense"] = True
    tense = ctx.tense(m.start(), m.end())
    c.extra["tense"] = tense
    if re.search(r"\b(?:until|till|to)\s+(?:[\d:.apmGMTUC ]+\s+)?$", ctx.before(m.start(), 30)):
        tense = "present"  # "postponed until Saturday": the nearer one, whichever side

    def res(ref: dt.date) -> tuple:
        back = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
        fwd = ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
        if tense == "future":
            d = fwd
        elif tense == "present":
            d = back if (ref - back) <= (fwd - ref) else fwd
        else:
            d = back
        return (cal.tx_day(d) + _PART.get(part, ""), d, d)
    return _rel(c, f"XXXX-WXX-{wd + 1}" + _PART.get(part, ""), res)


_MONTH_CUE = fastre.plain(r"(?:\b(?:in|since|until|till|by|from|to|through|during|of|before|after|between|and|or|"
                        r"around|for|last|next|this|early|late|mid|end|start|beginning|that|each|every|"
                        r"In|Since|Until|By|From|Through|During|Before|After|Between|Last|Next|This|Early|Late)"
                        r"[\s-]+(?:of\s+)?(?:early\s+|late\s+|mid-?)?$|^\s*$)")


def _bare_month(m: re.Match, ctx: _Ctx) -> _Cand | None:
    name = m.group("mon")
    mon = _month_of(name)
    before = ctx.before(m.start(), 30)
    after = ctx.after(m.end(), 20)
    cue = _MONTH_CUE.search(before)
    if name in ("May", "March") and not (cue and before.strip()):
        return None
    strong = cue and re.search(r"\b(?:in|In|since|Since|until|Until|by|By|during|During|last|Last|next|Next|this|"
                               r"This|early|Early|late|Late|mid|through|Through|before|Before|after|After)"
                               r"[\s-]+(?:of\s+)?(?:early\s+|late\s+|mid-?)?$", before)
    if re.match(r"\s+[A-Z][a-z]", after) and not strong:
        return None  # June Carter, August Wilson, "spoke to April Ryan"
    if not cue and re.search(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s*$", before):
        return None
    c = _Cand(m.start(), m.end(), "date", prio=6)
    c.gran = "month"
    c.extra["by_tense"] = True
    tense = ctx.tense(m.start(), m.end())
    c.extra["tense"] = tense
    head = " ".join(before.split()[-1:]).lower()

    def res(ref: dt.date) -> tuple:
        y = ref.year
        if tense == "past" or head in ("since",):
            y = ref.year if mon <= ref.month else ref.year - 1
        elif tense == "future" or head in ("until", "till", "by"):
            y = ref.year if mon >= ref.month else ref.year + 1
        return (cal.tx_month(y, mon),) + cal.month_iv(y, mon)
    return _rel(c, f"XXXX-{mon:02d}", res)


def _ago(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _num(m.group("num"))
    unit = _UNITS[m.group("unit").lower()]
    direction = " ".join(m.group("dir").lower().split())
    c = _Cand(m.start(), m.end(), "date", prio=1)
    c.value, c.unit = n, unit
    sign = -1 if direction == "ago" else 1
    q = (m.group("q") or "").lower()
    if q in _QUAL_MOD:
        c.extra["mod"] = _QUAL_MOD[q]
    c.extra["relation"] = "ago" if sign < 0 else "from now"
    c.extra["amount"] = n
    c.extra["unit"] = unit
    if n is None or unit in ("second", "minute", "hour"):
        c.timex = "PAST_REF" if sign < 0 else "FUTURE_REF"
        c.relative = True
        c.vague_timex = c.timex
        c.extra["vague"] = True
        return c
    c.gran = {"decade": "year", "century": "year"}.get(unit, unit)

    def res(ref: dt.date) -> tuple:
        if n != int(n):
            months = int(round(n * {"year": 12, "decade": 120, "month": 1}.get(unit, 0)))
            if not months:
                d = ref + dt.timedelta(days=sign * n * {"week": 7, "day": 1}.get(unit, 1))
                return cal.granular(d, "day")[0:1] + cal.granular(d, "day")[1]
            d = cal.add(ref, sign * months, "month")
            tx, iv = cal.granular(d, "month")
            return (tx,) + iv
        d = cal.add(ref, sign * int(n), unit)
        tx, iv = cal.granular(d, unit)
        return (tx,) + iv
    return _rel(c, "PAST_REF" if sign < 0 else "FUTURE_REF", res)


# ---------------------------------------------------------------------------
# durations, ages, times, sets

_SET_BEFORE = fastre.plain(r"(?:\d|%|\b(?:million|billion|trillion|bn|m|k|times|once|twice|thrice|dollars|euros|"
                         r"pounds|cents|pence|rupees|yuan|yen|hours|days|shifts|meals|doses|visits)|\bper)"
                         r"(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE)


_SPAN_AFTER = fastre.plain(r"\s*,?\s*(?:later|earlier|before|after|ago|on|since|previously)\b", re.IGNORECASE)


def _duration(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m.group("dir"):
        return _ago(m, ctx)  # "two years ago": a date
    raw = " ".join(m.group("num").lower().split())
    n = _num(raw)
    unit = _UNITS[m.group("unit").lower()]
    plural = bool(m.group("pl"))
    sep = m.group("sep")
    if unit == "second" and raw in ("a", "an", "one") and not plural:
        return None  # "a second term"
    if unit == "quarter":
        return None
    if raw in ("a", "an") and not plural:
        # "$5 a month", "twice a year": a frequency
        # ("closed in 2005 and reopened a decade later": a span, not a frequency)
        if _SET_BEFORE.search(ctx.before(m.start(), 20)) and not (m.group("q") or m.group("the")) \
                and not _SPAN_AFTER.match(ctx.after(m.end(), 16)):
            c = _Cand(m.start(), m.end(), "set", prio=3)
            c.timex = _dur_timex(1, unit)
            return c
    if n is None and raw not in _VAGUE_NUM:
        return None
    if raw in ("many", "some", "few") and not plural:
        return None
    c = _Cand(m.start(), m.end(), "duration", prio=3)
    if m.group("q") and m.group("the"):
        c.start = m.start("the")  # "over the past year": a preposition, not a qualifier
    c.value, c.unit = n, unit
    c.timex = _dur_timex(n, unit)
    q = (m.group("q") or "").lower() if c.start == m.start() else ""
    q = " ".join(q.split())
    if q in _QUAL_MOD:
        c.extra["mod"] = _QUAL_MOD[q]
    if sep.strip() == "-" and not plural:
        c.extra["adjectival"] = True
    the = " ".join((m.group("the") or "").lower().split())
    if the.startswith("the past") or the.startswith("the last") or the.startswith("the previous"):
        c.extra["span"] = "past"
        if n is not None:
            c.relative = True
            c.vague_timex = c.timex
            tx = c.timex
            c.resolver = lambda ref: (tx, cal.add(ref, -int(n), unit) if n == int(n) and unit not in
                                      ("hour", "minute", "second") else None, ref)
    elif the.startswith("the next") or the.startswith("the coming"):
        c.extra["span"] = "next"
    # what follows: ago is a separate pattern; earlier/later/before/after/since link to an anchor
    m2 = re.match(r"(?:['’]s?)?(?:\s*,)?\s+(earlier|later|before|after|since|prior\s+to|previously|"
                  r"on|into|in)\b", ctx.text[m.end():m.end() + 16])
    if m2:
        word = " ".join(m2.group(1).split())
        rel = {"prior to": "before", "previously": "earlier", "on": "later", "into": "into", "in": "in"}.get(word, word)
        if rel == "later" and word == "on":
            if not re.match(r"\s*on\b\s*[,.;]", ctx.text[m.end():m.end() + 8]):
                rel = ""
        if rel in ("earlier", "later", "before", "after", "since"):
            c.extra["relation"] = rel
            c.extra["relation_end"] = m.end() + m2.end()
    if n is not None:
        c.extra["amount"] = n
        c.extra["unit"] = unit
    return c


def _bare_units(m: re.Match, ctx: _Ctx) -> _Cand | None:
    unit = _UNITS[m.group("unit").lower()]
    if unit == "quarter":
        return None
    c = _Cand(m.start("span"), m.end("span"), "duration", prio=7)
    c.timex = _dur_timex(None, unit)
    c.unit = unit
    return c


_YEAR_RIGHT_AFTER = fastre.plain(r"\s*,?\s*(?:in|during)\s+[12]\d{3}\b")


def _age(m: re.Match, ctx: _Ctx) -> _Cand | None:
    raw = m.group("age")
    n = _num(raw)
    if n is None or not 0 < n <= 125:
        return None
    n = int(n)
    start = m.start("span") if "span" in m.groupdict() and m.group("span") else m.start()
    c = _Cand(start, m.end(), "duration", prio=1)
    c.value, c.unit = n, "year"
    c.timex = f"P{n}Y"
    c.extra["age"] = n
    g = m.groupdict()
    if g.get("name"):
        name = g["name"]
        if name.lower() in _MONTHS or name.lower() in _WEEKDAYS or name in ("In", "On", "By", "Since", "About",
                                                                            "And", "But", "The", "Of", "At"):
            return None
        c.extra["person"] = name
        c.start = m.start("age")
        c.end = m.end("age")
    if "now" in g:
        if ctx.text[max(0, m.start() - 5):m.start()].endswith(", is "):
            # "Reddy, who was 29 when ..., is now 41": a person's age only after "who"
            s0, _ = ctx.sentence(m.start())
            if not re.search(r"\bwho\b", ctx.text[s0:m.start()]):
                return None
        c.extra["age_now"] = True
    elif g.get("at") and g["at"].lower().startswith("when"):
        # "since 2019, when she was 31": the age belongs to the year just before it
        if not re.search(r"\b[12]\d{3}\)?,?\s*$", ctx.before(m.start(), 12)):
            return None
    if g.get("at"):
        c.extra["age_at"] = True
        # an age at a past moment needs a year nearby to mean anything
        s0, _ = ctx.sentence(m.start())
        if raw.isdigit() and not re.search(r"\b[12]\d{3}\b", ctx.text[max(s0, m.start() - 80):m.start()]) \
                and not _YEAR_RIGHT_AFTER.match(ctx.text, m.end()):  # "enrolled at 18, in 1978"
            if m.group("at").strip().lower() == "at":
                return None
    return c


def _clock(m: re.Match, ctx: _Ctx) -> _Cand | None:
    g = m.groupdict()
    h = int(g["h"])
    mi = int(g["mi"] or 0)
    ap = (g.get("ap") or "").lower().replace(".", "")
    if ap:
        if not 1 <= h <= 12:
            return None
        if ap == "pm" and h != 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
    elif not g["mi"]:
        return None
    if h > 23 or mi > 59:
        return None
    c = _Cand(m.start(), m.end(), "time", prio=2)
    hm = f"T{h:02d}:{mi:02d}" if (g["mi"] or not ap) else f"T{h:02d}"
    c.extra["clock"] = hm
    if g.get("tz"):
        c.extra["tz"] = g["tz"]
    c.timex = "XXXX-XX-XX" + hm
    return c


def _hms(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h, mi, sec = int(m.group("h")), int(m.group("mi")), int(m.group("s"))
    c = _Cand(m.start(), m.end(), "duration", prio=2)
    c.timex = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec else "")
    if c.timex == "PT":
        c.timex = "PT0S"
    c.value, c.unit = h * 3600 + mi * 60 + sec, "second"
    return c


def _year_range(m: re.Match, ctx: _Ctx) -> list[_Cand] | None:
    """``2009-2010``, ``1957-58``: two years."""
    y1 = int(m.group("y1"))
    raw2 = m.group("y2")
    y2 = int(raw2) if len(raw2) == 4 else y1 - y1 % 100 + int(raw2)
    if not (1000 <= y1 <= 2099) or not y1 < y2 <= y1 + 30:
        return None
    sep = m.string[m.end("y1"):m.start("y2")].strip()
    if y2 == y1 + 1 and (len(raw2) == 2 or sep == "/") and (
            _FISCAL_BEFORE.search(m.string, max(0, m.start() - 60), m.start())
            or _FISCAL_AFTER.match(m.string, m.end())):
        # "a budget for 2024-25", "the 2024/25 season": one financial year or season running
        # across two calendar years (without such a word, "the expedition of 1957-58" is two years)
        return _fiscal_span(m.start(), m.end(), y1, y2)
    a = _Cand(m.start("y1"), m.end("y1"), "date", prio=4)
    a.timex, (a.ds, a.de), a.gran = cal.tx_year(y1), cal.year_iv(y1), "year"
    b = _Cand(m.start("y2"), m.end("y2"), "date", prio=4)
    b.timex, (b.ds, b.de), b.gran = cal.tx_year(y2), cal.year_iv(y2), "year"
    # the pair is selected as one unit: give it the span of the whole and split afterwards
    pair = _Cand(m.start(), m.end(), "date", prio=4)
    pair.extra["_split"] = [a, b]
    return pair


def _dur_range(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """``12 to 18 months``, ``three-to-five years``: the span as a whole, bounds in extra."""
    n1, n2 = _num(m.group("n1")), _num(m.group("n2"))
    unit = _UNITS[m.group("unit").lower()]
    if n1 is None or n2 is None or n1 >= n2 or unit == "quarter":
        return None
    a = _Cand(m.start("n1"), m.end("n1"), "duration", prio=3)
    a.timex, a.value, a.unit = _dur_timex(n1, unit), n1, unit
    b = _Cand(m.start("n2"), m.end(), "duration", prio=3)
    b.timex, b.value, b.unit = _dur_timex(n2, unit), n2, unit
    a.extra = {"range": (n1, n2)}
    b.extra = {"range": (n1, n2), "amount": n2, "unit": unit}
    pair = _Cand(m.start(), m.end(), "duration", prio=3)
    pair.extra["_split"] = [a, b]
    return pair


def _end_of(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """``by the end of the year``: this year's end (or the unit holding the publication date)."""
    unit = m.group("unit").lower()
    mod = _MOD_CODE[m.group("w").lower()]
    c = _Cand(m.start(), m.end(), "date", prio=3)
    c.gran = unit
    c.extra["mod"] = mod

    def res(ref: dt.date) -> tuple:
        out = _unit_period(unit, 0, ref)
        tmp = _Cand(0, 0, "date", ds=out[1], de=out[2])
        _apply_mod(tmp, mod)
        return (out[0], tmp.ds, tmp.de)
    return _rel(c, "PRESENT_REF", res)


def _noon(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m.group(0).lower()
    c = _Cand(m.start(), m.end(), "time", prio=6)
    c.extra["clock"] = "T12:00" if w in ("noon", "midday") else "T24:00"
    c.timex = "XXXX-XX-XX" + c.extra["clock"]
    return c


_SET_VALUES = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "decade": "P10Y", "quarter": "P3M",
               "morning": "XXXX-XX-XXTMO", "afternoon": "XXXX-XX-XXTAF", "evening": "XXXX-XX-XXTEV",
               "night": "XXXX-XX-XXTNI", "weekend": "XXXX-WXX-WE", "spring": "XXXX-SP", "summer": "XXXX-SU",
               "autumn": "XXXX-FA", "fall": "XXXX-FA", "winter": "XXXX-WI", "season": "P1Y", "hour": "PT1H",
               "minute": "PT1M", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "nightly": "XXXX-XX-XXTNI", "hourly": "PT1H", "quarterly": "P3M"}


def _the_weekend(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """``the weekend`` without this/last/next: the latest one for a past-tense clause, the
    coming one otherwise (the current one when the publication date falls on it)."""
    c = _Cand(m.start(), m.end(), "date", prio=4)
    c.gran = "week"
    tense = ctx.tense(m.start(), m.end())
    c.extra["tense"] = tense

    def res(ref: dt.date) -> tuple:
        if tense == "past":
            d = ref if ref.weekday() >= 5 else ref - dt.timedelta(days=ref.weekday() + 1)
        else:
            d = ref
        return (cal.tx_week(d) + "-WE",) + cal.weekend_iv(d)
    return _rel(c, "PAST_REF" if tense == "past" else "FUTURE_REF", res)


def _rest_of(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """``the rest of the year``: the publication date's year (month, week), from that date on."""
    unit = m.group("unit").lower()
    c = _Cand(m.start(), m.end(), "date", prio=3)
    c.gran = unit
    c.extra["mod"] = "END"

    def res(ref: dt.date) -> tuple:
        out = _unit_period(unit, 0, ref)
        return (out[0], max(ref, out[1]), out[2])
    return _rel(c, "FUTURE_REF", res)


def _set(m: re.Match, ctx: _Ctx) -> _Cand | None:
    u = m.group("u")
    c = _Cand(m.start(), m.end(), "set", prio=3)
    if u.lower() in _WEEKDAYS:
        c.timex = f"XXXX-WXX-{_weekday_of(u) + 1}"
    else:
        c.timex = _SET_VALUES.get(u.lower())
    if c.timex is None:
        return None
    return c


def _set_adverb(m: re.Match, ctx: _Ctx) -> _Cand | None:
    u = m.group(0).lower()
    nxt = ctx.after(m.end(), 16)
    if u in ("daily", "weekly", "monthly") and re.match(r"\s+[a-z]", nxt) and not re.match(
            r"\s+(?:and|or|but|to|in|at|for|on|from|since|until|basis)\b", nxt):
        return None  # an adjective: "a daily newspaper"
    c = _Cand(m.start(), m.end(), "set", prio=6)
    c.timex = _SET_VALUES[u]
    return c


# ---------------------------------------------------------------------------
# the patterns, in no particular order: longest match wins, then priority

_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match, _Ctx], _Cand | None]]] = [
    (_rx(r"(?<![\d/.-])(?P<y>[12]\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?(?![\d-])"),
     _iso),
    (_rx(r"(?:[Tt]he\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?"
         r"(?P<year>[12]\d{3}|['’]\d\d)(?![\d%]|[.,]\d)"), _season_year),
    (_rx(r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day|Halloween|"
         r"Valentine['’]s\s+Day|Independence\s+Day|[Tt]he\s+Fourth\s+of\s+July|Bastille\s+Day|Armistice\s+Day|"
         r"Veterans\s+Day|St\.?\s+Patrick['’]s\s+Day)(?:,?\s+(?P<year>[12]\d{3})(?![\d%]))?(?![\w-])"), _holiday),
    (_rx(r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>[12]\d{3})(?![\d/]|\.\d)"), _numeric),
    (_rx(rf"(?:(?P<wd>{_WDA})(?:,?\s+|\s*\(\s*)(?:the\s+)?)?(?<![\w.])(?P<mon>{_MON})\s+{_DAY}(?:,?\s+{_YEAR4})?"),
     _full_date),
    (_rx(rf"(?:(?P<wd>{_WDA})(?:,?\s+|\s*\(\s*))?(?:the\s+)?(?<![\d.,$£€¥\w]){_DAY}\s+(?:of\s+)?(?P<mon>{_MON})"
         rf"(?:,?\s+{_YEAR4})?"), _full_date),
    (_rx(rf"(?<![\w.])(?P<mon>{_MON}),?\s+(?:of\s+)?(?:{_YEAR4}|['’](?P<yy>\d\d)(?![\ds]))"), _month_year),
    (_rx(r"(?:(?<=[Mm]id-)|(?<![\w$£€¥.,#/:'’-]))(?P<year>[12]\d{3})(?![\w%]|[.,]\d|-\d\d-)"), _year),
    (_rx(r"(?<![\w$£€¥])['’](?P<yy>\d\d)(?![\d%s]|[.,]\d)"), _apos_year),
    (_rx(r"(?:[Tt]he\s+)?(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[-\s]?)?(?<![\d,.])(?P<dec>1\d{2}0|20\d0)['’]?s(?![\w])"),
     _decade),
    (_rx(r"(?:[Tt]he\s+)?(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[-\s]?)?['’](?P<d2>\d)0s(?![\w])"), _decade),
    (_rx(r"[Tt]he\s+(?:(?P<mod>early|mid|late)[-\s]?)?(?P<dw>(?i:twenties|thirties|forties|fifties|sixties|"
         r"seventies|eighties|nineties))\b"), _decade),
    (_rx(r"(?:[Tt]he\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|"
         r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
         r"nineteenth|twentieth|twenty-first))[-\s][Cc]entury"), _century),
    (_rx(r"(?:[Tt]he\s+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s](?:fiscal\s+)?quarter"
         r"(?:\s+of\s+(?:fiscal\s+)?(?:year\s+)?(?P<year>[12]\d{3}|['’]\d\d)|,?\s+(?P<year2>[12]\d{3}))?"),
     _quarter),
    (_rx(r"(?<![\w])Q(?P<qn>[1-4])(?:\s+|-|/)?(?:FY\s?)?(?P<year>[12]\d{3}|['’]?\d\d)?(?![\w])"), _quarter),
    (_rx(r"(?:[Tt]he\s+)?(?P<h>first|second)\s+half\s+of\s+(?:fiscal\s+)?(?P<year>[12]\d{3})"), _half),
    (_rx(r"(?<![\w])H(?P<h>[12])\s+(?P<year>[12]\d{3})"), _half),
    (_rx(r"(?:[Ff]iscal(?:\s+[Yy]ear)?\s+|\bFY\s?|[Tt]he\s+(?:fiscal|financial)\s+year\s+)(?P<year>[12]\d{3}|['’]?\d\d)"
         r"(?:\s?[-–/]\s?(?P<y2>[12]\d{3}|\d\d)(?![\w%]|[.,]\d))?(?![\d%])"), _fiscal),
    (_rx(r"(?<![\w-])(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Nn]owadays|[Nn]ow|[Cc]urrently|"
         r"[Ii]n\s+the\s+past|the\s+past|[Aa]t\s+the\s+time|[Ii]n\s+the\s+future|the\s+future|[Tt]hese\s+days|"
         r"[Aa]t\s+present)(?![\w-])"), _deictic),
    (_rx(r"(?:(?P<pre>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?<![\w-])(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|"
         r"[Cc]oming|[Pp]revious|[Tt]he\s+(?:last|past|previous|next|coming|following|current|present|preceding)"
         r"|[Cc]urrent)\s+(?P<unit>weekend|week|month|year|quarter|decade|century|spring|summer|autumn|fall|"
         r"winter|fiscal\s+year|financial\s+year)(?![\w-])"), _rel_unit),
    (_rx(rf"(?<![\w-])(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+(?:previous|following|next|coming))\s+"
         rf"(?P<name>{_MON_FULL}|{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?"), _rel_named),
    (_rx(rf"(?<![\w-])(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?"), _weekday),
    (_rx(rf"(?<![\w.-])(?P<mon>{_MON_FULL})"), _bare_month),
    (_rx(rf"(?:(?P<q>{_QUAL})\s+)?(?P<the>(?i:the)\s+(?:past|last|next|first|previous|coming|following|final|"
         rf"remaining|latest|initial)\s+)?(?<![\w.,$£€-])(?P<num>{_NUM})(?P<sep>[\s-]+){_UNIT}"
         r"(?![\w-]*-old|-(?:on|in|over|long)\b)(?P<poss>['’](?![a-z]))?"
         r"(?:\s+(?P<dir>ago|from\s+now|hence)(?![\w]))?"), _duration),
    (_rx(rf"(?<![\w])(?:[Ff]or|[Ww]ithin|[Ii]n|[Oo]ver|[Aa]fter|took|take|takes|lasted|lasting|spent|spend|"
         rf"[Ff]rom|[Ii]nto|[Dd]uring)\s+(?:the\s+)?(?P<span>(?:(?:recent|coming|past|last|next|many|few)\s+)?"
         r"(?P<unit>minute|hour|day|week|month|year|decade)s)(?![\w])"), _bare_units),
    (_rx(r"(?P<span>[Rr]ecent\s+(?P<unit>week|month|year|day|decade)s)(?![\w])"), _bare_units),
    # "joined in 1988 as a 23-year-old engineer": an age at the moment the clause dates
    (_rx(rf"(?P<span>(?P<at>\bas\s+an?)\s+)(?P<age>\d{{1,3}}|(?i:{_NUMW}))[\s-]year[\s-]old(?![\w])"), _age),
    (_rx(rf"(?<![\w.,])(?P<age>\d{{1,3}}|(?i:{_NUMW}))[\s-]year[\s-]old(?:s)?(?![\w])"), _age),
    # the age now, reached lately: "who turned 64 last month", "she turned 60 on Tuesday"
    (_rx(r"(?:(?<=\bwho\s)|(?<=\bhe\s)|(?<=\bshe\s))(?P<span>turned\s+)(?P<now>)(?P<age>\d{1,3})"
         r"(?=\s*[,.;)]|\s+(?:last\s+(?:week|month)|this\s+(?:week|month|year)|earlier\s+this|on\s+[A-Z]|and\b))"),
     _age),
    (_rx(r"(?P<span>(?P<at>\b[Aa]ged|\b[Aa]t\s+the\s+age\s+of|\b[Aa]t\s+age)\s+)(?P<age>\d{1,3}|(?i:" + _NUMW + r"))"
         r"(?![\w%])"), _age),
    (_rx(r"(?P<span>(?P<at>\bat)\s+)(?P<age>\d{1,2})(?=\s*[,.;)]|\s+(?:and|when|but|after|before)\b)"), _age),
    (_rx(r"(?P<name>[A-Z][\w'’-]+),\s(?P<age>\d{1,3}),(?=\s)"), _age),
    (_rx(r"(?<![\w.:$£€])(?P<h>\d{1,2})(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m(?![\w])|[ap]m(?![\w])|"
         r"[AP]M(?![\w]))(?:\s+(?P<tz>GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|IST|JST|ET|PT|local\s+time)\b)?"),
     _clock),
    (_rx(r"(?<![\w.:$£€])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s*(?:hrs|h)\b)?"
         r"(?:\s+(?P<tz>GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|IST|JST|ET|PT|local\s+time)\b)?"), _clock),
    (_rx(r"(?<![\w-])(?:noon|midnight)(?![\w-])"), _noon),
    (_rx(r"(?<![\w.:$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs\b|h\b)?\s*(?P<tz>GMT|UTC|Z\b|local\s+time)"),
     _clock),
    (_rx(r"(?<![\w.:$£€])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"), _hms),
    (_rx(r"(?<![\w$£€¥.,#/:'’-])(?P<y1>[12]\d{3})\s?[-–/]\s?(?P<y2>[12]\d{3}|\d{2})(?![\w%]|[.,]\d|-)"), _year_range),
    (_rx(rf"(?:[Bb]etween\s+|[Ff]rom\s+)?(?<![\w.,$£€-])(?P<n1>{_NUM})\s*(?:-|–|to|and)\s*(?P<n2>{_NUM})[\s-]+"
         rf"{_UNIT}(?![\w-])"), _dur_range),
    (_rx(r"(?<![\w])(?P<span>(?P<unit>minute|hour|day|week|month|year)s)\s+(?:before|after|later|earlier)(?![\w])"),
     _bare_units),
    (_rx(r"(?:[Tt]he\s+)?(?P<w>end|start|beginning|close|turn)\s+of\s+(?:the\s+)?(?P<unit>year|month|week|decade)"
         r"(?![\w-])"), _end_of),
    (_rx(rf"(?<![\w])(?i:every|each)\s+(?:other\s+|single\s+)?(?P<u>(?i:day|week|month|year|morning|afternoon|"
         rf"evening|night|weekend|season|spring|summer|autumn|fall|winter|quarter|decade|hour)|{_WD})(?![\w])"),
     _set),
    (_rx(rf"(?<![\w])(?:[Pp]er)\s+(?P<u>day|week|month|year|hour)(?![\w])"), _set),
    (_rx(r"(?<![\w-])(?:daily|weekly|monthly|annually|yearly|nightly|hourly|quarterly)(?![\w-])"), _set_adverb),
    # an age at a past moment told as a clause: "since 2019, when she was 31"
    (_rx(r"(?P<span>(?P<at>\b[Ww]hen\s+(?:he|she|they|I|we)\s+(?:was|were))\s+)(?P<age>\d{1,2})"
         r"(?=\s*[,.;)]|\s+(?:and|but|or|years?\s+old)\b)"), _age),
    # "who was 29 when she left to found Vyoma in 2018": an age at the moment the clause dates
    (_rx(r"(?:(?<=\bwho\s)|(?<=\bhe\s)|(?<=\bshe\s))(?P<span>(?P<at>was)\s+)(?P<age>\d{1,2})(?=\s+when\s+(?:he|she|they)\b)"), _age),
    # "Holt was 17 when his brother recruited him ..., and 21 when he was arrested ...": ages at
    # the moments their clauses date
    (_rx(r"(?P<span>(?P<at>\b(?:[Ww]as|and))\s+)(?P<age>\d{1,2})(?=\s+when\s+(?:he|she|they|his|her|their)\b)"),
     _age),
    # the age now, told after the fact: "joined aged 24 in 2001 and, now 61, runs it"
    (_rx(r"(?:(?<=,\s)|(?<=\bhe\sis\s)|(?<=\bshe\sis\s)|(?<=\bwho\sis\s)|(?<=,\sis\s))(?P<span>[Nn]ow\s+(?:aged\s+)?)(?P<now>)(?P<age>\d{1,2})"
         r"(?=\s*[,.;)]|\s+(?:and|but|years?\s+old)\b)"), _age),
    # "over the weekend", "after the weekend": which one by the tense of the clause
    (_rx(r"(?<![\w-])[Tt]he\s+weekend(?![\w-])"), _the_weekend),
    # "by midday", "at midnight" ("noon" and "midnight" are above)
    (_rx(r"(?<![\w-])[Mm]idday(?![\w-])"), _noon),
    # "the rest of the year": the unit of the publication date
    (_rx(r"(?<![\w-])(?:[Tt]he\s+)?(?:rest|remainder|balance)\s+of\s+the\s+(?P<unit>year|month|week|decade)(?![\w-])"),
     _rest_of),
]


# Cheap necessary conditions, one per entry of _PATTERNS: an expression is only run over
# the text when its gate passes.  A gate is a tuple of groups, all of which must pass: a
# tuple of lowercase words (any one present in the lowercased text) or a compiled
# expression (found somewhere in the text).  A gate must never reject a text the
# expression could match in, so each is a literal the expression requires (``None``:
# always run).  Most articles lack most of these words, and skipping a pass over the
# text is what saves time.
_MONTH_SUBS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_FULL_WORDS = tuple(n.lower() for n in cal.MONTH_NAMES)
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNIT_SUBS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur")
_PLURAL_UNITS = ("minutes", "hours", "days", "weeks", "months", "years", "decades")
_G = fastre.compile
_GATES: list[tuple | None] = [
    (_G(r"\d-\d\d-\d\d"),),                                                        # ISO date
    (("spring", "summer", "autumn", "fall", "winter"),),                             # season year
    (("christmas", "year", "boxing", "halloween", "valentine", "independence", "july", "bastille",
      "armistice", "veterans", "patrick"),),                                         # holidays
    (_G(r"\d[/.]\d\d?[/.]\d{4}"),),                                                 # numeric date
    (_MONTH_SUBS,),                                                                   # month day
    (_MONTH_SUBS,),                                                                   # day month
    (_MONTH_SUBS,),                                                                   # month year
    None,                                                                             # year
    (_G(r"['’]\d\d"),),                                                             # '98
    (_G(r"\d0['’]?s"),),                                                            # 1990s
    (_G(r"['’]\d0s"),),                                                             # '90s
    (("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),),
    (("century",),),
    (("quarter",),),
    (_G(r"Q[1-4]"),),
    (("half",),),
    (_G(r"H[12]\s"),),
    (("fiscal", "fy", "financial"),),
    (("yesterday", "today", "tomorrow", "tonight", "now", "currently", "past", "time", "future", "days",
      "present"),),                                                                  # deictic
    (("week", "month", "year", "quarter", "decade", "century", "spring", "summer", "autumn", "fall",
      "winter"),),                                                                   # this year
    (_MONTH_FULL_WORDS + _WEEKDAY_WORDS, ("last", "next", "this", "previous", "following", "coming")),
    (_WEEKDAY_WORDS,),                                                                # weekday
    (_MONTH_FULL_WORDS,),                                                             # bare month
    (_UNIT_SUBS,),                                                                    # duration
    (("for", "within", "in", "over", "after", "took", "take", "lasted", "lasting", "spent", "spend", "from",
      "into", "during"), _PLURAL_UNITS),                                              # for years
    (("recent",), ("weeks", "months", "years", "days", "decades")),
    (("year",), ("old",)),                                                            # as a 5-year-old
    (("year",), ("old",)),                                                            # 5-year-old
    (("turned",),),                                                                   # who turned 64
    (("age",),),                                                                      # aged 5
    (_G(r"at\s+\d"),),                                                              # at 5,
    (_G(r",\s\d{1,3},\s"),),                                                        # Name, 5,
    (_G(r"\d\s*(?:[ap]\.?m|[AP]M)"),),                                              # 5 p.m.
    (_G(r"\d:[0-5]\d"),),                                                           # 17:30
    (("noon", "midnight"),),
    (_G(r"\d{4}\s*(?:hrs|h)?\s*(?:GMT|UTC|Z|local)"),),                             # 1730 GMT
    (_G(r"\d:\d\d:\d\d"),),                                                         # 17:30:05
    (_G(r"\d{4}\s?[-–/]\s?\d\d"),),                                                 # 2019-20
    (_UNIT_SUBS,),                                                                    # 3-5 years
    (_PLURAL_UNITS[:-1], ("before", "after", "later", "earlier")),                    # days later
    (("end", "start", "beginning", "close", "turn"), ("year", "month", "week", "decade")),
    (("every", "each"),),
    (("per",), ("day", "week", "month", "year", "hour")),
    (("daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly", "quarterly"),),
    (("when",), _G(r"(?:was|were)\s+\d")),                                       # when she was 31
    (("when",), _G(r"was\s+\d")),                                                # who was 29 when
    (_G(r"\d\s+when\s"),),                                                        # 17 when he
    (_G(r"[Nn]ow\s+(?:aged\s+)?\d"),),                                            # now 61
    (("weekend",),),                                                                  # the weekend
    (("midday",),),
    (("rest", "remainder", "balance"), (" of the ",)),                               # rest of the year
]
assert len(_GATES) == len(_PATTERNS)


# Expressions whose every match starts at most N characters before a match of a short
# anchor expression: instead of a pass over the whole text, only those start positions
# are tried (same matches as ``finditer``, in the same order).  "45-year-old": the age is
# at most 15 characters ("seventeen-seven") and one separator before "year".
_ANCHORS: dict[int, tuple[re.Pattern[str], int]] = {
    26: (fastre.plain(r"year[\s-]old"), 16),
}
assert all(r"[\s-]year[\s-]old" in _PATTERNS[i][0].pattern for i in _ANCHORS)


def _anchored_finditer(rx: re.Pattern[str], anchor: re.Pattern[str], back: int, text: str):
    nxt = 0  # the first position not yet tried (or past the last match)
    for a in anchor.finditer(text):
        p = max(nxt, a.start() - back)
        while p <= a.start():
            m = rx.match(text, p)
            if m is not None and m.end() > p:
                yield m
                p = m.end()
            else:
                p += 1
        nxt = max(nxt, p)


def _gate_passes(gate: tuple, text: str, low: str) -> bool:
    for group in gate:
        if isinstance(group, tuple):
            if not any(w in low for w in group):
                return False
        elif group.search(text) is None:
            return False
    return True

_MOD_LEFT = fastre.plain(r"(?:(?P<w>[Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-)|(?P<m>[Mm]id-)|"
                       r"(?P<p>(?:[Tt]he\s+)?(?:end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+)?))$")
_MOD_CODE = {"early": "START", "late": "END", "mid": "MID", "mid-": "MID", "end": "END", "start": "START",
             "beginning": "START", "middle": "MID", "close": "END", "turn": "START"}


def _apply_mod(c: _Cand, mod: str) -> None:
    c.extra["mod"] = mod
    if c.ds is None or c.de is None:
        return
    ds, de = c.ds, c.de
    if (ds.month, ds.day, de.month, de.day) == (1, 1, 12, 31):
        years = de.year - ds.year + 1
        if years >= 3:   # decades, centuries: early = first 40%, mid = 30-70%, late = last 30%
            cut = {"START": (0, 0.4), "MID": (0.3, 0.7), "END": (0.7, 1.0)}[mod]
            y0 = ds.year + int(round(years * cut[0]))
            y1 = ds.year + int(round(years * cut[1])) - 1
            c.ds, c.de = dt.date(y0, 1, 1), dt.date(max(y0, y1), 12, 31)
        else:            # a year: January-April, May-August, September-December
            a, b = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
            c.ds, c.de = dt.date(ds.year, a, 1), cal.month_iv(de.year, b)[1]
        return
    if ds.day == 1 and ds.year == de.year and ds.month == de.month:   # a month: 1-10, 11-20, 21-end
        a, b = {"START": (1, 10), "MID": (11, 20), "END": (21, de.day)}[mod]
        c.ds, c.de = ds.replace(day=a), ds.replace(day=b)
        return
    span = (de - ds).days + 1
    third = max(span // 3, 1)
    if mod == "START":
        c.de = ds + dt.timedelta(days=third - 1)
    elif mod == "END":
        c.ds = de - dt.timedelta(days=third - 1)
    elif mod == "MID":
        c.ds, c.de = ds + dt.timedelta(days=third), de - dt.timedelta(days=third)


# ---------------------------------------------------------------------------
# selection and resolution

def _select(cands: list[_Cand]) -> list[_Cand]:
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[_Cand] = []
    for c in cands:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and ends[i - 1] > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


def _resolve_yearless(c: _Cand, ctx: _Ctx) -> Resolver:
    mon, day = c.yearless
    tense = ctx.tense(c.start, c.end)
    c.extra["tense"] = tense
    # "since July 1": a point already past, the last one before the reference date
    since = _SINCE_BEFORE.search(ctx.text, max(0, c.start - 12), c.start) is not None

    def res(ref: dt.date) -> tuple:
        y = ref.year
        if ref.month <= 2 and mon >= 11 and tense != "future":
            y -= 1
        elif ref.month >= 11 and mon <= 2 and tense != "past":
            y += 1
        if since and (mon, day) > (ref.month, ref.day) and y == ref.year:
            y -= 1
        return _day_or_invalid(y, mon, day)
    return res


_SINCE_BEFORE = fastre.plain(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I)


def _day_or_invalid(y: int, mon: int, day: int) -> tuple:
    if day > cal.days_in_month(y, mon):
        s, e = cal.month_iv(y, mon)
        return (cal.tx_month(y, mon) + f"-{day:02d}", s, e,
                f"{y} is not a leap year, so it had no February 29" if mon == 2 and day == 29 else "invalid")
    d = dt.date(y, mon, day)
    return (cal.tx_day(d), d, d)


# "expired in June 2023, and drivers walked out on Friday, March 1": another clause, another year
# ... or after an aside, the main clause's own verb ("X, who entered politics in 2006,
# will be sworn in on Sunday, Oct. 20")
_OTHER_CLAUSE_BETWEEN = fastre.plain(r",\s+(?:and|but|while|whereas)\s+(?!(?:on|in|by)\b)[a-z]+|;|\s[—–]\s|"
                                     r",\s+(?:will|would|has|have|had|is|are|was|were|said|says)\b")


_WEEKDAY_APPOSITION = fastre.plain(r",\s*(?:a|which\s+was\s+a|which\s+is\s+a)\s+$")


def _appositive_weekdays(cands: list[_Cand], text: str) -> list[_Cand]:
    """``on Jan. 19, a Friday``: the weekday set off after a date is that date's weekday,
    not a day of its own."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and c.kind == "date" and "weekday" in c.extra \
                and prev.kind == "date" and (prev.gran == "day" or prev.yearless is not None) \
                and "weekday" not in prev.extra \
                and (prev.yearless is not None or prev.ds is not None) \
                and _WEEKDAY_APPOSITION.fullmatch(text, prev.end, c.start) \
                and text[c.start:c.end].strip() in cal.WEEKDAYS:
            prev.extra["weekday"] = c.extra["weekday"]
            prev.end = c.end
            continue
        out.append(c)
    return out


def _inherit_years(cands: list[_Cand], ctx: _Ctx) -> None:
    """A year-less date takes the year of a full date written in the same sentence."""
    by_sentence: dict[int, list[_Cand]] = {}
    for c in cands:
        if c.kind == "date" and c.gran in ("day", "month", "year", "quarter", "season") and c.ds is not None \
                and not c.relative and c.yearless is None and "invalid" not in c.extra:
            by_sentence.setdefault(ctx.sentence_index(c.start), []).append(c)
    # a bare month followed closely by its year: "that January day in 2011", "in March of that year, 2019"
    years = [c for c in cands if c.kind == "date" and c.gran == "year" and not c.relative and c.ds is not None]
    ystarts = [y.start for y in years]
    for c in cands:
        if not (c.extra.get("by_tense") and c.gran == "month" and c.resolver is not None):
            continue
        i = bisect.bisect_left(ystarts, c.end)
        if i < len(years) and re.fullmatch(r"\s+(?:[a-z]+\s+){0,2}(?:in|of)\s+", ctx.text[c.end:years[i].start]):
            y = years[i].ds.year
            mon = _month_of(ctx.text[c.start:c.end].split()[-1].split("-")[-1])
            tmp = _Cand(c.start, c.end, "date")
            tmp.ds, tmp.de = cal.month_iv(y, mon)
            if "mod" in c.extra:
                _apply_mod(tmp, c.extra["mod"])
            c.timex, c.ds, c.de = cal.tx_month(y, mon), tmp.ds, tmp.de
            c.resolver, c.relative = None, False
            c.extra.pop("by_tense", None)
            c.extra["year_from"] = years[i].start
    for c in cands:
        if c.yearless is None:
            continue
        peers = by_sentence.get(ctx.sentence_index(c.start))
        # a bare year gives its year only to dates after it ("In 2019, on March 1, ..."):
        # "on Friday, March 1, in the first strike since 1997" is this year's March 1
        peers = [p for p in peers or () if (p.gran != "year" or p.end <= c.start)
                 and not _OTHER_CLAUSE_BETWEEN.search(ctx.text, min(p.end, c.end), max(p.start, c.start))
                 # "born on Dec. 17, 2007, became ... on Saturday, Feb. 17": a birth date lends no year
                 and not _BORN_BEFORE.search(ctx.text, max(0, p.start - 12), p.start)
                 # "on Wednesday, Aug. 9, the most since July 21, 2015": a point of comparison
                 # lends no year to the date it is compared with
                 and not (p.start > c.end and _COMPARISON_BEFORE.search(ctx.text, max(0, p.start - 30), p.start))]
        if not peers:
            continue
        peer = min(peers, key=lambda p: abs(p.start - c.start))
        mon, day = c.yearless
        year = peer.ds.year
        if peer.gran == "day" and peer.end <= c.start and peer.ds.month >= 11 and mon <= 2:
            year += 1  # "agreed on Dec. 29, 2023, collapsed on Jan. 1": the January after
        out = _day_or_invalid(year, mon, day)
        # "not promoted since the 2009-10 season, travel to Hull on Saturday 25 November": the
        # year is only inferred, and the weekday the writer gave fits the date nearest the
        # publication date, not the other year's
        wd = c.extra.get("weekday")
        if wd and ctx.published is not None and isinstance(out[1], dt.date) and out[1].strftime("%A") != wd:
            near = _resolve_yearless(c, ctx)(ctx.published)[1]
            if isinstance(near, dt.date) and near.strftime("%A") == wd:
                continue
        c.timex, c.ds, c.de = out[0], out[1], out[2]
        if len(out) > 3:
            c.extra["invalid"] = out[3]
        c.gran = "day"
        c.extra["year_from"] = peer.start
        c.yearless = None


_COMPARISON_BEFORE = fastre.plain(r"\b(?:since|than|compared\s+with|compared\s+to|record\s+set\s+on|"
                                  r"record\s+of)\s+(?:(?:early|late|mid-?|on|in)\s+)?$", re.I)
_BORN_BEFORE = fastre.plain(r"\bborn\s+(?:on\s+|in\s+)?$", re.I)


def _finish_relative(c: _Cand, published: dt.date | None, until: dt.date | None) -> None:
    if c.resolver is None:
        return
    if published is None:
        c.timex = c.vague_timex if c.timex is None else c.timex
        c.ds = c.de = None
        return
    try:
        a = c.resolver(published)
        b = c.resolver(until) if until and until != published else None
    except (ValueError, OverflowError, KeyError):
        c.timex = c.vague_timex
        c.ds = c.de = None
        return
    if len(a) > 3:
        c.extra["invalid"] = a[3]
    if b is None:
        c.timex, c.ds, c.de = a[0], a[1], a[2]
    else:
        c.timex = a[0] if a[0] == b[0] else c.vague_timex
        starts = [x for x in (a[1], b[1]) if x is not None]
        ends = [x for x in (a[2], b[2]) if x is not None]
        c.ds = min(starts) if starts else None
        c.de = max(ends) if ends else None
        c.extra["anchor_range"] = (published.isoformat(), until.isoformat())
    c.extra["resolved_from"] = published.isoformat()


def _merge_times(cands: list[_Cand], text: str) -> list[_Cand]:
    """``15:00 GMT Saturday``, ``Friday at 8 p.m.``: a clock time joined to a day."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and c.kind == "time" and "clock" in c.extra and nxt.kind == "date" \
                and nxt.gran == "day" and re.fullmatch(r"\s*(?:,\s*|on\s+)?", text[c.end:nxt.start]):
            out.append(_join_time(nxt, c, c.start, nxt.end))
            i += 2
            continue
        if nxt is not None and c.kind == "date" and c.gran == "day" and nxt.kind == "time" and "clock" in nxt.extra \
                and re.fullmatch(r"\s*(?:,\s*)?(?:at|from|by)?\s*", text[c.end:nxt.start]):
            out.append(_join_time(c, nxt, c.start, nxt.end))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _anchor_clock_times(cands: list[_Cand], ctx: _Ctx, published: dt.date | None) -> None:
    """A clock time with no day of its own (``at 3 p.m.``) falls on the nearest day-precise
    date of its sentence (``Saturday ... at 3 p.m.``), else on the publication day, as
    TimeML reads news.  Only the ``timex`` changes: the interval stays unset, since the day
    is inferred (``extra['clock_day']`` records it)."""
    times = [c for c in cands if c.kind == "time" and (c.timex or "").startswith("XXXX-XX-XXT")]
    if not times:
        return
    days = [c for c in cands if c.kind in ("date", "time") and c.gran == "day" and c.ds is not None
            and c.ds == c.de and not c.extra.get("vague")]
    for t in times:
        s, e = ctx.sentence(t.start)
        near = [d for d in days if s <= d.start < e]
        if near:
            day = min(near, key=lambda d: abs(d.start - t.start)).ds
        elif published is not None:
            day = published
        else:
            continue
        t.timex = cal.tx_day(day) + t.timex[len("XXXX-XX-XX"):]
        t.extra["clock_day"] = day.isoformat()


def _join_time(date_c: _Cand, time_c: _Cand, start: int, end: int) -> _Cand:
    j = _Cand(start, end, "time", relative=date_c.relative, prio=0)
    j.ds, j.de = date_c.ds, date_c.de
    j.extra = dict(date_c.extra)
    j.extra.update(time_c.extra)
    j.gran = "day"
    clock = time_c.extra["clock"]
    if date_c.timex and date_c.ds is not None:
        j.timex = cal.tx_day(date_c.ds) + clock
    elif date_c.timex:
        j.timex = re.sub(r"T\w+$", "", date_c.timex) + clock
    return j


_ANCHOR_GAP = fastre.plain(r"\s*(?:[^\W\d_][\w'’-]*\s+){0,6}")  # letters of any script: "joining Atlântico's academy in"


def _link_durations(cands: list[_Cand], ctx: _Ctx) -> None:
    """``three days after July 14``, ``a decade before the 2019 merger``: anchor a span on a date."""
    dates = [c for c in cands if c.kind == "date" and c.ds is not None and not c.extra.get("vague")]
    starts = [c.start for c in dates]
    for c in cands:
        rel = c.extra.get("relation")
        if c.kind != "duration" or rel not in ("before", "after", "since", "earlier", "later"):
            continue
        s0, s1 = ctx.sentence(c.start)
        anchor = None
        if rel in ("before", "after", "since"):
            pos = c.extra.get("relation_end", c.end)
            i = bisect.bisect_left(starts, pos)
            # the anchor follows the word closely: "after the 1994 merger", "after talks collapsed on July 14"
            if i < len(dates) and dates[i].start < min(s1, pos + 60) \
                    and _ANCHOR_GAP.fullmatch(ctx.text, pos, dates[i].start):
                anchor = dates[i]
        else:
            i = bisect.bisect_left(starts, c.start) - 1
            if i >= 0 and dates[i].end <= c.start:
                si = ctx.sentence_index(dates[i].start)
                if si >= ctx.sentence_index(c.start) - 1:
                    anchor = dates[i]
        if anchor is None:
            continue
        c.extra["anchor"] = anchor.timex
        c.extra["anchor_start"] = anchor.start
        amount = c.extra.get("amount")
        unit = c.extra.get("unit")
        if amount is None or unit not in ("day", "week", "fortnight", "month", "year", "decade", "century") \
                or amount != int(amount) or rel == "since":
            continue
        sign = -1 if rel in ("before", "earlier") else 1
        base = anchor.ds if sign > 0 or anchor.gran == "day" else anchor.ds
        try:
            d = cal.add(base, sign * int(amount), unit)
        except (ValueError, OverflowError):
            continue
        gran = anchor.gran if anchor.gran in ("day", "month", "year") else "year"
        if unit in ("day", "week", "fortnight"):
            gran = "day" if anchor.gran == "day" else gran
        tx, iv = cal.granular(d, {"day": "day", "month": "month"}.get(gran, "year"))
        c.extra["resolved"] = tx
        c.extra["resolved_start"] = iv[0].isoformat()
        c.extra["resolved_end"] = iv[1].isoformat()


def extract_temporal(text: str, sentences=None, published: dt.date | None = None,
                     published_until: dt.date | None = None) -> list[Claim]:
    """Temporal claims in ``text``, in text order."""
    if not text:
        return []
    if published_until is not None and published is None:
        published = published_until
    if published and published_until and published_until < published:
        published, published_until = published_until, published
    ctx = _Ctx(text, sentences, published)
    cands: list[_Cand] = []
    low = text.lower()
    for i, ((rx, handler), gate) in enumerate(zip(_PATTERNS, _GATES)):
        if gate is not None and not _gate_passes(gate, text, low):
            continue
        anchored = _ANCHORS.get(i)
        for m in rx.finditer(text) if anchored is None else _anchored_finditer(rx, *anchored, text):
            try:
                c = handler(m, ctx)
            except (ValueError, OverflowError, KeyError):
                c = None
            if isinstance(c, list):
                cands.extend(x for x in c if x.end > x.start)
            elif c is not None and c.end > c.start:
                cands.append(c)
    kept = _select(cands)
    split: list[_Cand] = []
    for c in kept:
        split.extend(c.extra.pop("_split", None) or [c])
    kept = split
    # modifiers to the left: early August, mid-2020, the end of the year
    for c in kept:
        if c.kind != "date" or c.gran not in ("month", "year", "season", "decade", "quarter", "week", "century") \
                or "mod" in c.extra:
            continue
        m = _MOD_LEFT.search(text, max(0, c.start - 30), c.start)
        if not m:
            continue
        word = (m.group("w") or m.group("m") or re.search(r"(end|start|beginning|middle|close|turn)",
                                                          m.group("p"), re.I).group(1)).lower().rstrip("-")
        c.start = m.start()
        _apply_mod(c, _MOD_CODE[word])
        if c.resolver is not None:
            inner, mod = c.resolver, c.extra["mod"]

            def wrapped(ref: dt.date, inner=inner, mod=mod) -> tuple:
                out = inner(ref)
                tmp = _Cand(0, 0, "date", ds=out[1], de=out[2])
                _apply_mod(tmp, mod)
                return (out[0], tmp.ds, tmp.de) + tuple(out[3:])
            c.resolver = wrapped
    kept = _appositive_weekdays(kept, text)
    _inherit_years(kept, ctx)
    for c in kept:
        if c.yearless is not None:
            c.relative = True
            c.vague_timex = f"XXXX-{c.yearless[0]:02d}-{c.yearless[1]:02d}"
            c.resolver = _resolve_yearless(c, ctx)
            c.gran = "day"
    for c in kept:
        _finish_relative(c, published, published_until)
    kept = _merge_times(kept, text)
    _anchor_clock_times(kept, ctx, published)
    _link_durations(kept, ctx)
    out: list[Claim] = []
    for c in kept:
        out.append(Claim(kind=c.kind, start=c.start, end=c.end, text=text[c.start:c.end], value=c.value,
                         unit=c.unit, timex=c.timex, date_start=c.ds, date_end=c.de, relative=c.relative,
                         extra={**c.extra, "granularity": c.gran} if c.gran else c.extra))
    return out
