"""TIM: timeline rules.

TIM001 weekday-mismatch, TIM002 impossible-date, TIM003 future-event,
TIM004 elapsed-time-mismatch, TIM005 sequence-contradiction,
TIM006 unanchored-relative-date.

They read the temporal claims of :mod:`numcheck.extract.temporal`: each has a
calendar interval ``date_start``..``date_end`` (None when unresolved).  Weekdays
are checked with :mod:`datetime`; every message shows the arithmetic.

Choices
- Intervals, never points: ``in 2011`` is all of 2011, ``late October`` its last
  third.  A stated span agrees with its endpoints when the intervals meet once
  the granularity of the span is allowed for (years: +-1 year; decades: +-2
  years; months: +-1 month; weeks: +-3 days; days: exact).
- With a publication date range, a relative date covers every reading over the
  range, so a check fires only when no reading fits.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Iterator

from numcheck.extract.temporal_calendar import WEEKDAYS, describe, describe_interval
from numcheck.models import Claim
from numcheck.rules import RuleContext, rule
from numcheck import fastre

# slack added to each side of an interval before asking whether two intervals meet: one
# unit of the stated granularity, less a day so that neighbouring periods do not touch
_TOL_DAYS = {"day": 0, "week": 3, "fortnight": 3, "month": 27, "quarter": 45, "year": 364, "decade": 729,
             "century": 3651}


def _resolved(c: Claim) -> bool:
    return (c.kind in ("date", "time") and c.date_start is not None and c.date_end is not None
            and not c.extra.get("vague") and not c.extra.get("invalid"))


class _Index:
    """Temporal claims by start offset and by sentence, built once per rule run (keeps rules linear)."""

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self.by_start: dict[int, Claim] = {}
        self.by_sentence: dict[int, list[Claim]] = {}
        for c in ctx.temporal:
            self.by_start.setdefault(c.start, c)
            self.by_sentence.setdefault(ctx.analysis.sentence_index(c.start), []).append(c)

    def at(self, start: int | None) -> Claim | None:
        return self.by_start.get(start) if start is not None else None

    def sentence(self, c: Claim) -> tuple[int, int, list[Claim]]:
        a = self.ctx.analysis
        s = a.sentence_of(c.start)
        return s.start, s.end, [t for t in self.by_sentence.get(a.sentence_index(c.start), ()) if t.end <= s.end]


def _years(c: Claim) -> str:
    assert c.date_start is not None and c.date_end is not None
    return describe_interval(c.date_start, c.date_end)


def _pub_bounds(ctx: RuleContext) -> tuple[dt.date | None, dt.date | None]:
    doc = ctx.doc
    return doc.published, doc.published_until or doc.published


# -- TIM001 ---------------------------------------------------------------------

@rule("TIM001", "weekday-mismatch", "error",
      "A weekday written with a date on which that weekday does not fall.",
      description="""
A weekday joined to a full date (`Friday, Aug. 8, 2024`, `Wednesday, 13 July 2023`) must
name the day that date falls on, worked out with the calendar.  Year-less dates
(`Tuesday, July 14`) take the year they resolve to from the publication date.
Quiet for a weekday alone, and for a date without a weekday.
""",
      fires=(
          "date 2024-08-12\nThe board met on Friday, Aug. 8, 2024, and approved the sale.",
          "date 2023-07-20\nThe strike began on Wednesday, 13 July 2023, the union said.",
          "date 2021-03-10\nVoting closes on Monday, March 16, officials said.",
      ),
      quiet=(
          "date 2024-08-12\nThe board met on Thursday, Aug. 8, 2024, and approved the sale.",
          "date 2024-08-12\nThe board met on Friday and approved the sale.",
          "date 2023-07-20\nThe strike began on 13 July 2023, the union said.",
      ))
def weekday_mismatch(ctx: RuleContext) -> Iterator:
    pub, _ = _pub_bounds(ctx)
    for c in ctx.temporal:
        wd = c.extra.get("weekday")
        if not wd or c.extra.get("by_tense") or not _resolved(c) or c.date_start != c.date_end:
            continue
        d = c.date_start
        actual = WEEKDAYS[d.weekday()]
        if actual == wd:
            continue
        verb = "falls on" if pub is None else ("is" if d > pub else "was")
        msg = f"{describe(d)} {verb} a {actual}, not a {wd}"
        if c.relative:
            msg += f" (year taken from the publication date)"
        yield ctx.finding(c.start, c.end, msg)


# -- TIM002 ---------------------------------------------------------------------

@rule("TIM002", "impossible-date", "error",
      "A date that does not exist: Feb. 29 in a common year, April 31, month 13, day 0.",
      description="""
A date the calendar does not have: February 29 outside a leap year, a 31st in a
30-day month, February 30, a month 13 or a day 0 (`2023-13-02`, `2023-04-00`).
Year-less dates are checked against the year they resolve to.
""",
      fires=(
          "date 2023-05-18\nThe permit, granted on Feb. 29, 2023, runs for ten years.",
          "date 2024-05-02\nThe contract was signed on April 31, the ministry said.",
          "date 2023-05-18\nThe filing is dated 2023-13-02.",
      ),
      quiet=(
          "date 2024-05-18\nThe permit, granted on Feb. 29, 2024, runs for ten years.",
          "date 2024-05-02\nThe contract was signed on April 30, the ministry said.",
      ))
def impossible_date(ctx: RuleContext) -> Iterator:
    for c in ctx.temporal:
        reason = c.extra.get("invalid")
        if reason:
            yield ctx.finding(c.start, c.end, f"no such date: {reason}")


# -- TIM003 ---------------------------------------------------------------------

# prepositions that put a past-tense verb's date legitimately in the future:
# "was postponed until", "was extended to", "was set for", "agreed to pay by"
_FUTURE_HEAD = fastre.plain(r"\b(?:until|till|to|by|through|for|before|into|beyond|starting|from|after|ahead\s+of|"
                          r"no\s+later\s+than|effective|due|until\s+at\s+least)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                          re.IGNORECASE)


_ANAPHORIC_PERIOD = fastre.plain(r"\bthe\s+(?:month|week|quarter|year|season)\b(?!\s+(?:ahead|to\s+come))", re.I)
_FORWARD_WORD = fastre.plain(r"\b(?:next|coming|following|upcoming|forthcoming)\b", re.I)
_FORWARD_VERB = fastre.plain(r"\b(?:expected|forecast|forecasted|predicted|projected|anticipated|planned|scheduled|"
                           r"hoped|intended|aimed|promised|pledged|vowed|pencilled|penciled|earmarked|"
                           r"budgeted)\b", re.I)


_BREAK = fastre.plain(r"[,;:()\[\]—–\"“”]|\s-\s")


def _same_clause(text: str, a: Claim, b: Claim, s0: int, s1: int) -> bool:
    lo, hi = sorted((a, b), key=lambda c: c.start)
    return lo.end <= hi.start and _BREAK.search(text, lo.end, hi.start) is None


_TITLE_BEFORE_YEAR = fastre.plain(r"\b([A-Z][a-z]+)\s+$")
# a year standing before a lowercase noun it names ("a record 2024 budget", "its 2030 targets")
_YEAR_AS_MODIFIER = fastre.plain(r"\s+(?!(?:and|or|but|to|as|when|after|before|while|was|were|is|are|had|has|"
                                 r"will|would|that|which|with|than|in|on|at|for|from|by|of)\b)[a-z]{3,}")
_PREP_BEFORE_YEAR = fastre.plain(r"\b(?:in|on|by|during|since|until|till|from|to|of|for|through|before|after|"
                                 r"between|and|or|early|late|mid|end|start)\s+$", re.I)
_NOT_TITLE_WORDS = frozenset("""in by since until till from to of for the and or during after before early late mid
january february march april may june july august september october november december spring summer autumn
fall winter""".split())


@rule("TIM003", "future-event", "warning",
      "An event told in the past tense on a date after the publication date.",
      description="""
An event told as done (`completed`, `was killed`, `took effect`, `had risen`) on a date
after the publication date: either the date or the tense is wrong.  The tense is read
from the clause holding the date: a past-tense verb within six words of it, and no
future or conditional marker in the clause.  Quiet for future or conditional tense (`will`,
`would`, `is expected to`, `plans to`), and for dates that a past-tense verb may well
point forward to (`was postponed until`, `was extended to`, `set for`), for verbs that
look forward (`expected`, `planned`, `forecast`, `pledged`) and for dates future by
their own words (`the coming year`, `next month`), and for a year that names the
noun after it (`approved a record 2024 budget`).  With a date
range, the date must fall after its end.
""",
      fires=(
          "date 2020-07-09\nThe new duty, which took effect on Tuesday, July 14, will be reviewed after a year.",
          "date 2024-02-01\nThe bridge was completed in March 2025, the council said.",
          "date 2024-02-01\nPolice said the suspect was arrested on Feb. 12.",
      ),
      quiet=(
          "date 2020-07-09\nThe new duty, which will take effect on Tuesday, July 14, will be reviewed after a year.",
          "date 2024-02-01\nThe bridge is expected to be completed in March 2025, the council said.",
          "date 2024-02-01\nThe hearing was postponed until Feb. 12, the court said.",
          "date 2024-02-01\nThe bridge was completed in March 2023, the council said.",
      ))
def future_event(ctx: RuleContext) -> Iterator:
    from numcheck.tense import past_marker_near

    _, until = _pub_bounds(ctx)
    if until is None:
        return
    text = ctx.text
    idx = _Index(ctx)
    for c in ctx.temporal:
        if not _resolved(c) or c.extra.get("by_tense") or c.date_start <= until:
            continue
        if c.timex and c.timex.endswith("_REF"):
            continue
        s = ctx.analysis.sentence_of(c.start)
        if ctx.in_table_row(c.start):
            continue  # a table cell ("Required production in 2025") is no clause with a tense
        if c.text.isdigit() and len(c.text) == 4:
            w = _TITLE_BEFORE_YEAR.search(text, max(s.start, c.start - 30), c.start)
            if w is not None and w.start() > s.start and w.group(1).lower() not in _NOT_TITLE_WORDS:
                continue  # "ranked 167th in the Global University Index 2024": an edition's name
            if _YEAR_AS_MODIFIER.match(text, c.end) and not _PREP_BEFORE_YEAR.search(text, max(s.start, c.start - 12),
                                                                                   c.start):
                continue  # "approved a record 2024 budget": the year names the budget, not the day
        if not past_marker_near(text, c.start, c.end, s.start, s.end):
            continue
        if _FUTURE_HEAD.search(text, max(s.start, c.start - 40), c.start):
            continue
        # "the coming year", "next month": future by its own words; "expected prices to
        # rise over 2025", "planned to open in 2026": a past verb that looks forward
        if (c.relative and _FORWARD_WORD.search(c.text)) or _FORWARD_VERB.search(text, max(s.start, c.start - 80),
                                                                                   c.start):
            continue
        if c.relative and _ANAPHORIC_PERIOD.search(c.text):
            continue  # "at the end of the month": the month the story is about, not this one
        # "approved a budget for 2025-26 on Wednesday": the verb tells of the day in its
        # clause that is already past; the later date belongs to a noun
        if any(o is not c and _resolved(o) and o.date_end <= until and o.extra.get("granularity") == "day"
               and _same_clause(text, c, o, s.start, s.end) for o in idx.sentence(c)[2]):
            continue
        yield ctx.finding(c.start, c.end,
                          f"told in the past tense, but {_years(c)} is after the publication date "
                          f"({describe(until)})")


# -- TIM004 ---------------------------------------------------------------------

_GAP_AFTER = fastre.plain(r"\s*(?:,|\(|—|–)?\s*(?:back\s+)?(?:in|on|during)?\s*")
_GAP_BEFORE = fastre.plain(r"\s*(?:,|\(|—|–)?\s*(?:and\s+|just\s+|only\s+|some\s+|about\s+|roughly\s+)?")
_START_WORDS = fastre.plain(r"\b(?:begun|began|begin|beginning|started|starting|launched|launching|that\s+began|"
                          # "which enrolled its first patient in September 2022"
                          r"(?:enrolled|recruited|dosed|treated|randomi[sz]ed)\s+(?:its|their|the)\s+first\s+"
                          r"(?:patients?|participants?|volunteers?|subjects?)|"
                          r"which\s+began|opened|set\s+up|commissioned|signed|agreed|awarded|struck|granted|"
                          r"issued|sealed)\s+(?:(?:with|by|between)\s+(?:[\w'’-]+\s+){1,4}?)?"
                          # "began recruiting in January 2022", "started enrolling patients in"
                          r"(?:(?:recruiting|enrolling|enroling|operating|trading|work|running|testing|"
                          r"collecting)\s+(?:[a-z]+\s+)?)?(?:in\s+|on\s+)?$",
                          re.IGNORECASE)
# the span said to have ended on a date: "expired last year", "ran out in 2022"
_ENDED_AT = fastre.plain(r"\s*(?:,\s*)?(?:expired|lapsed|ended|ran\s+out|ran\s+its\s+course|came\s+to\s+an\s+end|"
                       r"was\s+completed|finished|concluded)\s+(?:(?:in|on|at\s+the\s+end\s+of)\s+)?$",
                       re.IGNORECASE)
_DONE_WORDS = fastre.plain(r"\b(?:found|finds|concluded|completed|showed|shows|finished|ended|revealed|reported|"
                         r"(?:were|was)\s+presented|"
                         r"wrapped\s+up|results|published|confirmed|established|proved|demonstrated|expired|"
                         r"lapsed|ran\s+out)\b",
                         re.IGNORECASE)
_RATE_BEFORE = fastre.plain(r"(?:%|\bper\s*cent|\bpercent|\bpoints?|\bbps|\d)\s*$", re.IGNORECASE)
_SINCE_GAP = fastre.plain(r"['’]?s?\s*,?\s*(?:ever\s+)?since\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?$",
                          re.IGNORECASE)
_SINCE_WORD = fastre.plain(r"['’]?s?\s*,?\s*(?:ever\s+)?since\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?",
                           re.IGNORECASE)
# "for a decade, ever since it overtook Jalisco in 2018": the date of a short clause after "since"
_SINCE_CLAUSE = fastre.plain(r"['’]?s?\s*,?\s*(?:ever\s+)?since\s+(?:(?:it|he|she|they|we|the\s+\w+)\s+)"
                             r"[a-z]+(?:ed|ok|ew|an|un|ame|ent|ost|ld|ught)\s+(?:[\w'’-]+\s+){0,4}?(?:in|on)\s+",
                             re.IGNORECASE)
_BORN = fastre.plain(r"\bborn\s+(?:in|on)\s+(?:(?:[A-Z][\w'’-]*,?\s+){1,3}in\s+)?$")  # "born in Debrecen in 2001"


def _adjacent_target(ctx: RuleContext, span: Claim, after_claim: Claim | None, pool: list[Claim],
                     exclude: set[int]) -> Claim | None:
    """A resolved date written right beside ``span`` (``X, three days after Y``) or right
    after ``after_claim`` (``... after Y, in X``)."""
    text = ctx.text
    for t in pool:
        if t.start in exclude or not _resolved(t):
            continue
        if t.end <= span.start and _GAP_BEFORE.fullmatch(text, t.end, span.start):
            return t
    if after_claim is not None:
        for t in pool:
            if t.start in exclude or not _resolved(t):
                continue
            if t.start >= after_claim.end and _GAP_AFTER.fullmatch(text, after_claim.end, t.start):
                return t
    return None


def _meets(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date, tol_days: int) -> bool:
    tol = dt.timedelta(days=tol_days)
    return a0 - tol <= b1 and b0 <= a1 + tol


def _amount_text(c: Claim) -> str:
    t = " ".join(c.text.split())
    return t[:1].lower() + t[1:]


@rule("TIM004", "elapsed-time-mismatch", "error",
      "A stated span of time that disagrees with the dates it joins.",
      description="""
A stated span that disagrees with its endpoints: `eight years ago, in 2011` in a 2024
article; `two decades after the 1994 merger, in 2009`; `three days after July 14`
landing on another day; `for seven years, since 2010`; a `five-year study begun in
2021` told as finished in a 2024 article; an age that does not add up (`Reyes, 52,
who joined in 2008 at the age of 31` in a 2023 article: 31 + 15 = 46).
Agreement within the granularity stated is fine (years: +-1; decades: +-2 years;
months: +-1; days: exact).
""",
      fires=(
          "date 2024-03-01\nThe plant closed eight years ago, in 2011, after a fire.",
          "date 2024-03-01\nIn 2009, two decades after the 1994 merger, the bank split again.",
          "date 2023-05-18\nReyes, 52, who joined the company in 2008 at the age of 31, said output would rise.",
          "date 2024-06-01\nA five-year study begun in 2021 found that the drug cut deaths by a third.",
          "date 2023-07-20\nThe strike began on 13 July 2023, three days after talks collapsed on 14 July 2023.",
      ),
      quiet=(
          "date 2024-03-01\nThe plant closed eight years ago, in 2016, after a fire.",
          "date 2024-03-01\nIn 2014, two decades after the 1994 merger, the bank split again.",
          "date 2023-05-18\nReyes, 46, who joined the company in 2008 at the age of 31, said output would rise.",
          "date 2024-06-01\nA five-year study begun in 2019 found that the drug cut deaths by a third.",
          "date 2023-07-20\nThe strike began on 17 July 2023, three days after talks collapsed on 14 July 2023.",
      ),
      options={"tolerance_years": 1})
def elapsed_time_mismatch(ctx: RuleContext) -> Iterator:
    tol_years = int(ctx.option("tolerance_years", 1))
    pub, until = _pub_bounds(ctx)
    text = ctx.text
    done: set[int] = set()
    temporal = list(ctx.temporal)
    idx = _Index(ctx)
    for c in temporal:
        if c.start in done:
            continue
        rel = c.extra.get("relation")
        unit = c.extra.get("unit") or c.unit
        tol = _TOL_DAYS.get(unit, 0)
        if unit == "year":
            tol = max(365 * tol_years - 1, 0)
        # (a) "eight years ago, in 2011"
        if rel == "ago" and _resolved(c):
            s0, s1, pool = idx.sentence(c)
            t = _adjacent_target(ctx, c, c, [p for p in pool if not p.relative], {c.start})
            if t is not None and not _meets(c.date_start, c.date_end, t.date_start, t.date_end, tol):
                done.add(c.start)
                yield ctx.finding(c.start, t.end if t.start > c.start else c.end,
                                  f"{_amount_text(c)} from {describe(pub) if pub else 'publication'} is "
                                  f"{_years(c)}, not {_years(t)}")
            continue
        if c.kind != "duration":
            continue
        # (b) "two decades after the 1994 merger, in 2009"; "X, three days after Y"
        if rel in ("before", "after", "earlier", "later") and c.extra.get("resolved_start"):
            s0, s1, pool = idx.sentence(c)
            anchor_start = c.extra.get("anchor_start")
            anchor = idx.at(anchor_start)
            if anchor is None:
                continue
            if rel in ("before", "after"):
                t = _adjacent_target(ctx, c, anchor, pool, {c.start, anchor.start})
            else:
                rel_end = c.extra.get("relation_end", c.end)
                t = next((p for p in pool if p.start >= rel_end and p.start not in (c.start, anchor.start)
                          and _resolved(p) and _GAP_AFTER.fullmatch(text, rel_end, p.start)), None)
            if t is None:
                continue
            r0 = dt.date.fromisoformat(c.extra["resolved_start"])
            r1 = dt.date.fromisoformat(c.extra["resolved_end"])
            if not _meets(r0, r1, t.date_start, t.date_end, tol):
                done.add(c.start)
                lo, hi = sorted((c.start, t.start))
                word = {"earlier": "before", "later": "after"}.get(rel, rel)
                approx = "" if unit in ("day", "week") else "about "
                yield ctx.finding(lo, max(c.end, t.end),
                                  f"{_amount_text(c)} {word} {_years(anchor)} is {approx}"
                                  f"{describe_interval(r0, r1)}, not {_years(t)}")
            continue
        # (c) "for seven years, since 2010"
        since = _SINCE_CLAUSE.match(text, c.end, c.end + 90) if c.extra.get("amount") else None
        if rel == "since" or since is not None or (c.extra.get("amount") and _SINCE_GAP.match(text, c.end, c.end + 12)):
            if pub is None or unit not in ("year", "decade"):
                continue
            if _RATE_BEFORE.search(text, max(0, c.start - 30), c.start):
                continue  # "grown 6% a year since 2019": a rate per year, not a span of one
            if since is None:
                since = _SINCE_WORD.match(text, c.end, c.end + 30)
            if since is None:
                continue
            pos = since.end()
            t = idx.at(pos)
            if t is not None and (not _resolved(t) or t.relative):
                t = None
            amount = c.extra.get("amount")
            if t is None or amount is None:
                continue
            years = amount * (10 if unit == "decade" else 1)
            lo_el = pub.year - t.date_end.year
            hi_el = until.year - t.date_start.year
            slack = tol_years if unit == "year" else 2
            if years < lo_el - slack or years > hi_el + slack:
                done.add(c.start)
                yield ctx.finding(c.start, t.end, f"{_years(t)} to {pub.year} is about {lo_el if lo_el == hi_el else f'{lo_el}-{hi_el}'} "
                                  f"years, not {int(years)}")
            continue
        # (d) "a five-year study begun in 2021" told as finished
        if c.extra.get("adjectival") and pub is not None and unit in ("year", "decade", "month"):
            amount = c.extra.get("amount")
            s = ctx.analysis.sentence_of(c.start)
            if amount is None:
                continue
            for t in idx.sentence(c)[2]:
                if t.start <= c.end or t.start > c.end + 90 or t.end > s.end or not _resolved(t) or t.relative:
                    continue
                if not _START_WORDS.search(text, c.end, t.start):
                    continue
                from numcheck.tense import tense_at
                rest = text[t.end:s.end]
                if not _DONE_WORDS.search(rest) or tense_at(text, t.end, t.end + 1, s.start, s.end) == "future":
                    break
                months = int(amount * {"year": 12, "decade": 120, "month": 1}[unit])
                end_lo = t.date_start.year * 12 + t.date_start.month - 1 + months
                end_year = end_lo // 12
                # "the five-year contract signed in 2020 expired last year": the end it is given
                ended = next((e for e in idx.sentence(c)[2] if e.start >= t.end and _resolved(e)
                              and _ENDED_AT.search(text, max(t.end, e.start - 40), e.start)), None)
                if ended is not None and unit != "month":
                    lo_y, hi_y = t.date_start.year + int(amount * (10 if unit == "decade" else 1)), \
                        t.date_end.year + int(amount * (10 if unit == "decade" else 1))
                    if ended.date_end.year < lo_y - tol_years or ended.date_start.year > hi_y + tol_years:
                        done.add(c.start)
                        yield ctx.finding(c.start, ended.end,
                                          f"a {_amount_text(c)} span begun in {_years(t)} ends about "
                                          f"{lo_y if lo_y == hi_y else f'{lo_y}-{hi_y}'}, not {_years(ended)}")
                    break
                # a start given to the month ("in September 2022") is measured in months, with
                # half a year of slack; a start given as a year keeps the year's tolerance
                if t.extra.get("granularity") in ("month", "day") and unit != "month":
                    late = end_lo > until.year * 12 + until.month - 1 + 6 * max(tol_years, 1)
                else:
                    late = end_year > until.year + (tol_years if unit != "month" else 0)
                if late:
                    done.add(c.start)
                    yield ctx.finding(c.start, t.end,
                                      f"a {_amount_text(c)} span begun in {_years(t)} runs to about {end_year}, "
                                      f"after the publication date ({describe(until)}), yet it is told as finished")
                break
            continue
        # (e) ages: "Reyes, 52, who joined in 2008 at the age of 31"; "52, born in 1965"
        if c.extra.get("age_at"):
            s0, s1, pool = idx.sentence(c)
            if pub is None:  # two ages at two dated moments need no publication date
                found = _ages_at_two_moments(ctx, c, pool, done)
                if found is not None:
                    yield found
                continue
            # the age now: an appositive ("Reyes, 52,") or "the 52-year-old" earlier in the sentence
            now_age = next((p for p in pool if p.start < c.start and "age" in p.extra and not p.extra.get("age_at")
                            and (p.extra.get("person") or "year" in p.text or p.extra.get("age_now"))), None)
            if now_age is None:  # "joined aged 24 in 2001 and, now 61, runs it"
                now_age = next((p for p in pool if p.start > c.end and p.extra.get("age_now")), None)
            if now_age is None:
                found = _ages_at_two_moments(ctx, c, pool, done)
                if found is not None:
                    yield found
                    continue
                # "Harrow, who was 49 when he took the top job in 2019": the age now given with
                # the name earlier in the story ("Chief executive Miles Harrow, 58, said")
                who = _WHO_NAME_BEFORE.search(text, max(s0, c.start - 40), c.start)
                if who is not None:
                    now_age = next((p for p in temporal if p.end <= c.start and p.extra.get("person") == who.group(1)
                                    and "age" in p.extra and not p.extra.get("age_at")), None)
                if now_age is None:
                    continue
            year_c = None
            for p in pool:
                if p.kind == "date" and _resolved(p) and not p.relative and p.extra.get("granularity") in (
                        "year", "month", "day") and abs(p.start - c.start) < 60 and p.start != now_age.start:
                    if year_c is None or abs(p.start - c.start) < abs(year_c.start - c.start):
                        year_c = p
            if year_c is None:
                continue
            at = int(c.extra["age"])
            lo = at + pub.year - year_c.date_end.year
            hi = at + until.year - year_c.date_start.year
            stated = int(now_age.extra["age"])
            if stated < lo - tol_years or stated > hi + tol_years:
                done.add(c.start)
                who = now_age.extra.get("person") or (
                    "them" if now_age.extra.get("age_now") else f"the {' '.join(now_age.text.split())}")
                yield ctx.finding(c.start, c.end,
                                  f"{at} in {_years(year_c)} makes {who} about {lo if lo == hi else f'{lo}-{hi}'} "
                                  f"in {pub.year}, not {stated}")
    # born in YEAR beside a stated age
    if pub is None:
        return
    for c in temporal:
        if c.start in done or "age" not in c.extra or c.extra.get("age_at") \
                or not (c.extra.get("person") or "year" in c.text):
            continue  # "Reyes, 52,", "the 25-year-old Hungarian"
        s0, s1, pool = idx.sentence(c)
        for t in pool:
            if t.start > c.start and _resolved(t) and not t.relative and _BORN.search(text, max(s0, t.start - 45), t.start):
                age = int(c.extra["age"])
                lo = pub.year - t.date_end.year - 1
                hi = until.year - t.date_start.year
                if age < lo - tol_years + 1 or age > hi + tol_years - 1 + (0 if tol_years else 0):
                    if age < lo or age > hi:
                        who = c.extra.get("person") or f"the {' '.join(c.text.split())}"
                        yield ctx.finding(c.start, t.end,
                                          f"born in {_years(t)}, {who} would be "
                                          f"{lo}-{hi} in {pub.year}, not {age}")
                break


_WHO_NAME_BEFORE = fastre.plain(r"\b([A-Z][\w'’-]+),\s+who\s+(?:was\s+|had\s+been\s+)?$")


def _moment_of(c: Claim, pool: list[Claim]) -> Claim | None:
    """The resolved date nearest an age at a moment (within 60 characters)."""
    best = None
    for p in pool:
        if p.kind == "date" and _resolved(p) and not p.relative \
                and p.extra.get("granularity") in ("year", "month", "day") and abs(p.start - c.start) < 60:
            if best is None or abs(p.start - c.start) < abs(best.start - c.start):
                best = p
    return best


def _ages_at_two_moments(ctx: RuleContext, c: Claim, pool: list[Claim], done: set[int]):
    """``was 17 when ... in April 2021, and 21 when ... in May 2022``: two ages of one person
    at two dated moments must differ by the time between them."""
    later = [p for p in pool if p.start > c.end and p.extra.get("age_at") and "age" in p.extra]
    if not later:
        return None
    p = later[0]
    d1, d2 = _moment_of(c, [q for q in pool if q.start < p.start]), _moment_of(p, [q for q in pool if q.start > p.start])
    if d1 is None or d2 is None or d1.start == d2.start:
        return None
    # the time between the moments, in years, from its shortest to its longest reading
    lo_y = (d2.date_start - d1.date_end).days / 365.25
    hi_y = (d2.date_end - d1.date_start).days / 365.25
    a1, a2 = int(c.extra["age"]), int(p.extra["age"])
    lo, hi = a1 + math.floor(max(lo_y, 0)), a1 + math.floor(hi_y) + 1
    if a2 < lo or a2 > hi:
        done.add(p.start)
        return ctx.finding(c.start, p.end, f"{a1} in {_years(d1)} makes them {lo if lo == hi else f'{lo}-{hi}'} "
                                           f"in {_years(d2)}, not {a2}")
    return None


# -- TIM005 ---------------------------------------------------------------------

_SET_OFF_SAID = fastre.plain(r",\s+(?:the\s+|a\s+)?[A-Za-z][^,;]{0,50}?\s+(?:said|says|reported|told\s+\w+)\s*,")
_ORDER = fastre.plain(r"\b(?:(?P<after>after|following|since|(?:which|that)\s+(?:came\s+after|followed))|"
                    r"(?P<before>before|ahead\s+of|leading\s+up\s+to|prior\s+to|in\s+the\s+run-up\s+to|"
                    r"preceding|(?:which|that)\s+(?:came\s+before|preceded)))\b", re.IGNORECASE)
_OTHER_CLAUSE = fastre.plain(r"[;:]|\s[—–-]\s|[.!?][\"”’']?\s+[A-Z]|,?\s+(?:and|but|while|whereas|yet|so)\s+"
                           r"(?:the|a|an|it|its|he|she|they|we|i|you|this|that|these|those|[A-Z][\w'’-]*)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?(?:has|have|had|is|are|was|were|will|would|can|could|did|does|"
                           r"[a-z]+ed|[a-z]+s)\b")
_OWN_VERB_PHRASE = fastre.plain(r"\b(?:and|but|or)\s+(?:(?:also|then|later|still|now|since)\s+)?"
                                r"(?:has|have|had|is|are|was|were|will|would)\s+(?:not\s+|never\s+)?"
                                r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|un|ne)\b|"
                                r"\b(?:it|he|she|they|we|you|i)\s+(?:has|have|had|is|are|was|were)\b", re.IGNORECASE)
# between the ordering word and its date: a noun phrase, perhaps with prepositions ("after her
# silver medal at the world championships in September 2023"), but no verb or new clause
_NAME_AND = fastre.plain(r"\b([A-Z][\w’'-]*)\s+and\s+(?=[A-Z])")
# "after a farmer and her daughter were killed": "and" joining two nouns, not two clauses
_NOUN_AND = fastre.plain(r"\band\s+(?=(?:her|his|their|its|the|a|an)\s+[a-z]+\s+(?:was|were|had|have|has)\b)")
# ... or a clause of its own whose event the word orders ("after the fire had jumped the
# river on July 15"), but not a report of one ("after officials said on ...")
_LEAD = fastre.plain(r"^\s*(?:(?!(?:that|which|who|whom|whose|when|where|while|and|but|or|than|is|are|"
                   r"be|been|being|will|would|said|says|told)\b)(?:[A-Za-z&][a-z’'-]*|[A-Z][A-Z\d-]+)(?:['’]s)?\s+){0,16}?"
                   # "after a consultation that closed on 4 February", "ahead of the first draft
                   # limit, which it imposed on April 19": a relative clause dating the noun
                   r"(?:(?:[A-Za-z&][a-z’'-]*,\s+)?(?:that|which)\s+(?:(?:it|they|he|she|was|were|had)\s+"
                   r"|(?:the|its|their|a)\s+[a-z-]+\s+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?"
                   r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|un|ne|ld|ok|an|gan)\s+)?"
                   r"(?:on|in|of|during)?\s*$")


@rule("TIM005", "sequence-contradiction", "error",
      "Ordering words (before, after, ahead of, following, since) joining two dates in the wrong order.",
      description="""
`before`, `after`, `ahead of`, `leading up to`, `following`, `since` join two events;
when both carry resolved dates, their order must agree with the word: the strike that
began on 13 July cannot have come after talks that collapsed on 14 July.  Dates are
intervals: `in 2023, after the March 2023 vote` is fine.  The word may take a noun
phrase or a clause of its own (`after the fire had jumped the river on July 15`), but not
a report (`after officials said on ...`); a first date in another clause or verb phrase
(`ran his first race in 1981 and has run every one since 2012`) is not compared.  Quiet
when either date is unresolved.
""",
      fires=(
          "date 2023-07-20\nThe strike began on 13 July 2023, after talks collapsed on 14 July 2023.",
          "date 2024-03-01\nShares fell in 2023, ahead of the 2021 listing.",
          "date 2024-03-01\nThe ban was lifted in March 2020, following the May 2020 review.",
      ),
      quiet=(
          "date 2023-07-20\nThe strike began on 15 July 2023, after talks collapsed on 14 July 2023.",
          "date 2024-03-01\nShares rose in 2021, ahead of the 2022 listing.",
          "date 2024-03-01\nThe ban was lifted in 2020, following the May 2020 review.",
          "The ban was lifted yesterday, following a review.",
      ))
def sequence_contradiction(ctx: RuleContext) -> Iterator:
    text = ctx.text
    idx = _Index(ctx)
    for si, s in enumerate(ctx.analysis.sentences):
        dates = [c for c in idx.by_sentence.get(si, ()) if c.end <= s.end and _resolved(c)]
        if len(dates) < 2:
            continue
        for m in _ORDER.finditer(text, s.start, s.end):
            # "the release of April's inflation figures on 21 May": a date owning a noun
            # describes it; the event's date comes after
            later = [d for d in dates if d.start >= m.end() and not re.match(r"['’]s\b", text[d.end:d.end + 2])]
            if not later:
                continue
            d2 = later[0]
            # "and" inside a name ("the Securities and Exchange Commission") joins no clauses
            if not _LEAD.match(_NOUN_AND.sub("& ", _NAME_AND.sub(r"\1 & ", text[m.end():d2.start]))):
                continue
            earlier = [d for d in dates if d.end <= m.start()]
            d1 = None
            if earlier:
                d1 = earlier[-1]
                # ", the Italian Red Cross said,": a set-off attribution is no clause of the events
                between = _SET_OFF_SAID.sub(",", text[d1.end:m.start()])
                if re.search(r"\b(?:than|that|said|says|told|announced|when|where|while)\b", between, re.IGNORECASE) \
                        or len(between) > 120:
                    continue
                # "opened in 1898; the city has run it since 1951", "..., and the city ...": the
                # earlier date sits in another clause, with its own verb and subject
                if _OTHER_CLAUSE.search(between):
                    continue
                # "ran his first marathon in 1981 and has run every race since 2012", "every
                # year it has been held since": a verb phrase of its own between them
                if _OWN_VERB_PHRASE.search(between):
                    continue
                # "X, who joined in 2001, has led it since 2019": the date sits in another clause
                if re.search(r",\s*(?:\w+\s+){0,3}?(?:has|have|had|is|are|was|were|will|would|said|says)\b", between) \
                        or (m.group(0).lower() == "since" and "," in between):
                    continue
            elif not text[s.start:m.start()].strip():
                rest = [d for d in dates if d.start > d2.end]
                if rest:
                    d1 = rest[0]
            if d1 is None or d1.start == d2.start:
                continue
            word = " ".join(m.group(0).split())
            if m.group("after"):
                wrong = d1.date_end < d2.date_start
                if word.lower() == "since" and d1.date_end >= d2.date_start:
                    wrong = False
            else:
                wrong = d1.date_start > d2.date_end
            if wrong:
                rel = "before" if m.group("after") else "after"
                lo, hi = sorted((d1.start, d2.start))
                yield ctx.finding(lo, max(d1.end, d2.end),
                                  f"'{word}' orders these the other way: {_years(d1)} is {rel} {_years(d2)}")


# -- TIM006 ---------------------------------------------------------------------

@rule("TIM006", "unanchored-relative-date", "warning",
      "Relative dates (yesterday, last week, a bare weekday) in a document with no publication date.",
      description="""
`yesterday`, `last week`, `this year`, `on Tuesday`, `Dec. 27` (no year) only mean
something against a publication date.  When the document has none (no `--date`, no
front matter, dateline or HTML metadata), they cannot be checked.  Reported once per
document, at the first one, with the count.  Quiet when the document has a
publication date; vague words such as `now` do not count.
""",
      fires=(
          "Hospital waiting lists fell yesterday, according to NHS England.",
          "The company said last week that profits would rise this year.",
      ),
      quiet=(
          "date 2024-03-01\nHospital waiting lists fell yesterday, according to NHS England.",
          "Hospital waiting lists fell in June 2023, according to NHS England.",
          "Waiting lists are now falling.",
      ))
def unanchored_relative_date(ctx: RuleContext) -> Iterator:
    if ctx.doc.published is not None or ctx.doc.published_until is not None:
        return
    rel = [c for c in ctx.temporal if c.relative and not c.extra.get("vague")]
    if not rel:
        return
    first = rel[0]
    n = len(rel)
    count = f" ({n} relative dates in this document)" if n > 1 else ""
    yield ctx.finding(first.start, first.end,
                      f"'{' '.join(first.text.split())}' is relative, but the document has no publication date"
                      f"{count}; give one (--date, front matter or a dateline) so they can be checked")
