"""CUR: currency rules.

CUR001 ambiguous-currency, CUR002 conversion-mismatch, CUR003 unconverted-currency.

Choices, documented here and in the rule descriptions:

* **Rates** are the ECB euro reference rates (``numcheck.rates``) of the
  publication date or the nearest earlier ECB business day, crossed through
  the euro.  With a publication date *range* the check passes when the stated
  equivalent fits any rate in the band over the range.
* **Tolerance** 5% (option ``tolerance``), 10% (``tolerance_qualified``) when
  either amount carries a qualifier (``about $28m``).  Both amounts are taken
  as intervals: the rounding of each as written (``$700m`` is 650-750 million)
  and its qualifier; the check passes when some pair of values inside the two
  intervals agrees with the rate within the tolerance.
* **No rate** (a currency the ECB does not quote, or a day before its series
  starts, such as INR before 2009): an info finding saying so, never a rate
  from another day or pair.
* **No publication date**: no rate can be chosen, so the pair is compared with
  the band of every ECB rate ever published for that pair.  Outside that band
  (beyond tolerance) the conversion is wrong whatever the date: an error;
  inside it, an info finding that the conversion could not be checked.
* **A bare ``$``** is read as US dollars, unless the document (or the
  ``house_currency`` setting) uses another dollar (``A$``, ``C$``,
  ``Canadian dollars``...): then each reading is tried and the conversion is
  reported only when none fits (a note says which reading the message uses).
  When the other side of the pair is written ``US$``, the writer is telling
  two dollars apart, so the bare ``$`` is not read as USD (``$3bn
  (US$2bn)`` in an Australian paper).  ``¥`` marked ambiguous by the extractor
  tries yen and yuan.
* **Retail prices**: a pair in which both amounts look like set prices (under
  100,000 and ending in 9 or 95, with or without cents: ``$199 (£149)``,
  ``$999 (£899)``, ``$9.99 (£8.99)``) is priced for each market by marketing,
  with sales taxes (UK prices include 20% VAT, US prices exclude sales tax),
  not converted at a rate.  Within 35% of the rate it is reported at info
  level with the rate comparison; beyond that (``$999 (£89.99)``) it is a
  slip like any other and an error.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from numcheck import fastre
from numcheck.models import Claim
from numcheck.rules import RuleContext, rule

# -- dollars -------------------------------------------------------------------

DOLLAR_CODES = frozenset({"USD", "AUD", "CAD", "HKD", "NZD", "SGD", "TWD", "JMD", "BSD", "BZD",
                          "FJD", "LRD", "NAD", "TTD", "BBD", "XCD", "ZWL", "BND", "GYD", "SBD"})
_OTHER_DOLLAR_RE = fastre.compile(
    r"(?<![A-Za-z])(?:A|AU|C|CA|CAN|HK|NZ|S|SG|NT|J|TT|EC|Bds|BZ|FJ|Z)\$"
    r"|\b(?:Australian|Canadian|Hong Kong|New Zealand|Singapore|Singaporean|Taiwan|Taiwanese|"
    r"Jamaican|Namibian|Fijian|Liberian|Brunei|Bahamian|Barbadian|Belize|Zimbabwean|"
    r"Trinidad and Tobago|East Caribbean|Guyanese) dollars?\b"
    r"|\b(?:AUD|CAD|HKD|NZD|SGD|TWD)\b")
_CODE_OF_DOLLAR = [
    (fastre.plain(r"(?<![A-Za-z])(?:A|AU)\$|\bAustralian dollars?|\bAUD\b"), "AUD"),
    (fastre.plain(r"(?<![A-Za-z])(?:C|CA|CAN)\$|\bCanadian dollars?|\bCAD\b"), "CAD"),
    (fastre.plain(r"(?<![A-Za-z])HK\$|\bHong Kong dollars?|\bHKD\b"), "HKD"),
    (fastre.plain(r"(?<![A-Za-z])NZ\$|\bNew Zealand dollars?|\bNZD\b"), "NZD"),
    (fastre.plain(r"(?<![A-Za-z])(?:S|SG)\$|\bSingapore(?:an)? dollars?|\bSGD\b"), "SGD"),
    (fastre.plain(r"(?<![A-Za-z])NT\$|\bTaiwan(?:ese)? dollars?|\bTWD\b"), "TWD"),
]
_BARE_DOLLAR_RE = fastre.plain(r"(?<![A-Za-z$])\$|\bdollars?\b", re.I)
_QUALIFIED_DOLLAR_RE = fastre.plain(
    r"(?:[A-Za-z]{1,3}\$)|\b(?:US|U\.S\.|American|Australian|Canadian|Hong Kong|New Zealand|"
    r"Singapore|Singaporean|Taiwan|Taiwanese|Jamaican|Namibian|Fijian|Liberian|Brunei|Bahamian|"
    r"Barbadian|Belize|Zimbabwean|Trinidad and Tobago|East Caribbean|Guyanese)\s+dollars?\b|"
    r"\b(?:USD|AUD|CAD|HKD|NZD|SGD|TWD)\b")


def is_bare_dollar(c: Claim) -> bool:
    """A ``$``/``dollars`` amount that does not say which dollar."""
    if c.kind != "money":
        return False
    if c.unit and c.unit not in DOLLAR_CODES:
        return False
    written = c.currency_text or c.text
    if _QUALIFIED_DOLLAR_RE.search(written) or _QUALIFIED_DOLLAR_RE.search(c.text):
        return False
    if c.currency_ambiguous:
        return True
    return bool(_BARE_DOLLAR_RE.search(written))


def other_dollars(analysis) -> dict[str, tuple[int, int, str]]:
    """Non-US dollars the document uses: ISO code -> (start, end, text) of the first use.

    A whole-text scan, done once per document (CUR001 and CUR002 ask for it for every
    bare dollar amount); callers must not change the returned dict."""
    memo = getattr(analysis, "memo", None)
    if memo is None:
        return _other_dollars(analysis)
    return memo("cur.other_dollars", _other_dollars)


def _other_dollars(analysis) -> dict[str, tuple[int, int, str]]:
    found: dict[str, tuple[int, int, str]] = {}
    for c in analysis.figures:
        if c.kind == "money" and c.unit in DOLLAR_CODES and c.unit != "USD" and not is_bare_dollar(c):
            found.setdefault(c.unit, (c.start, c.end, c.text))
    text = analysis.document.text
    for m in _OTHER_DOLLAR_RE.finditer(text):
        for pattern, code in _CODE_OF_DOLLAR:
            if pattern.fullmatch(m.group(0)) or pattern.match(m.group(0)):
                found.setdefault(code, (m.start(), m.end(), m.group(0)))
                break
        else:
            found.setdefault("other", (m.start(), m.end(), m.group(0)))
    return found


# -- intervals and rounding -------------------------------------------------------

_NUM_RE = fastre.plain(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def rounding_of(c: Claim) -> float:
    """Half a unit of the last significant digit as written.

    Worked out from the claim's text where the number is written in digits,
    reading a *single* trailing zero of a whole number as significant (``40
    minutes``, ``30°C``, ``$330m`` are good to the unit) and two or more as
    not (``$700m`` stands for 650-750 million, ``2,300`` for 2,250-2,350);
    otherwise ``Claim.rounding`` as the extractor set it.
    """
    if c.value is None:
        return abs(c.rounding or 0.0)
    m = _NUM_RE.search(c.text) if c.qualifier != "range" else None
    if not m:
        return abs(c.rounding or 0.0)
    compound = _compound_rounding(c)
    if compound is not None:
        return compound
    digits = m.group(0).replace(",", "")
    try:
        number = float(digits)
    except ValueError:
        return abs(c.rounding or 0.0)
    if number == 0:
        return abs(c.rounding or 0.0)
    scale = c.value / number
    if not (0.999e-2 <= abs(scale) <= 1.001e12):
        return abs(c.rounding or 0.0)
    if "." in digits:
        decimals = len(digits.split(".")[1])
        unit = 10.0 ** -decimals
    else:
        stripped = digits.rstrip("0")
        zeros = len(digits) - len(stripped)
        unit = 10.0 ** zeros if stripped and zeros >= 2 else 1.0
    return abs(0.5 * unit * scale)


_COMPOUND_RE = fastre.plain(r"^\D*?(?P<n1>\d[\d,]*)\s*[^\d\s,.]+\.?\s*(?:and\s+)?(?P<n2>\d+(?:\.\d+)?)\s*[^\d\s]+\.?$")


def _compound_rounding(c: Claim) -> float | None:
    """Half a unit of the *last* part of a compound measure: ``6 feet 2 inches`` is
    good to half an inch, not half a foot.  The value is in the first part's unit
    (6.167 ft), so the last part's unit is (value - 6) / 2 of it."""
    if c.kind != "measure" or c.value is None:
        return None
    m = _COMPOUND_RE.match(c.text.strip())
    if not m:
        return None
    n1 = float(m.group("n1").replace(",", ""))
    n2 = float(m.group("n2"))
    rest = c.value - n1
    if n2 <= 0 or not (0 < rest < 1):
        return None
    decimals = len(m.group("n2").split(".")[1]) if "." in m.group("n2") else 0
    return 0.5 * (10.0 ** -decimals) * rest / n2


ROUND_NUMBER_CAP = 0.10


def interval(c: Claim, cap: float | None = None) -> tuple[float, float]:
    """What a claim allows: its qualifier's bounds widened by its rounding.

    ``cap`` bounds the rounding as a share of the value.  Conversions pass
    ``ROUND_NUMBER_CAP``: a round number that is being converted (``100 yards``,
    ``£100m``) is read as good to 10% at most, not to half its last non-zero
    digit (which would let ``100 yards`` stand for anything from 50 to 150).
    So does FIG002 for the whole and the part (``Of the 300 flights, 340``).
    Qualified figures (``about 300``) keep their full rounding.
    """
    r = rounding_of(c)
    if cap is not None and c.value and not is_approximate(c):
        r = min(r, abs(c.value) * cap)
    v = c.value if c.value is not None else 0.0
    q = c.qualifier
    if q in (">", ">="):
        return (c.low if c.low is not None else v) - r, math.inf
    if q in ("<", "<="):
        return 0.0 if v >= 0 else -math.inf, (c.high if c.high is not None else v) + r
    if q == "range":
        lo = c.low if c.low is not None else v
        hi = c.high if c.high is not None else v
        return lo - r, hi + r
    return v - r, v + r


def equivalent_interval(c: Claim, cap: float | None = None) -> tuple[float, float]:
    """What a claim allows when it is converted: a bound (``up to £50bn ($63bn)``, ``more
    than 16C (61F)``) is restated with its equivalent, so the bound's own value is what
    converts; anything else as :func:`interval`."""
    q = c.qualifier
    if q not in (">", ">=", "<", "<="):
        return interval(c, cap)
    v = c.value if c.value is not None else 0.0
    if q in ("<", "<=") and c.high is not None:
        v = c.high
    elif q in (">", ">=") and c.low is not None:
        v = c.low
    r = rounding_of(c)
    if cap is not None and v:
        r = min(r, abs(v) * cap)
    return v - r, v + r


def is_approximate(c: Claim) -> bool:
    return c.qualifier not in ("=", "")


# -- stated equivalents -------------------------------------------------------------

_OPEN_EQUIV_RE = fastre.plain(r"\s*[\(\[]\s*(?:(?:approx\.?|approximately|about|around|roughly|c\.|ca\.|some)\s*)?$",
                            re.I)
_BETWEEN_QUAL_RE = fastre.plain(r"\b(?:approx\.?|approximately|about|around|roughly|some|nearly|almost|c\.|ca\.)\s*$",
                              re.I)
_OR_EQUIV_RE = fastre.plain(
    # "£41 million last year, equivalent to about $64 million": a time phrase may come first
    r"(?:\s+(?:last|this|next)\s+(?:year|month|week|quarter|season)|\s+a\s+year|\s+in\s+(?:19|20)\d\d)?"
    r"\s*(?:,|\u2014|\u2013|--)?\s*(?:or|equivalent to|the equivalent of|equal to|which is|i\.e\.)"
    r"(?:\s+(?:about|around|roughly|some|nearly|almost|approximately|just over|just under))?\s*$",
    re.I)
_LIST_EQUIV_RE = fastre.plain(r"\s*[;,/]\s*(?:or\s+)?$")
_EQ_QUAL = r"(?:about|around|roughly|some|nearly|almost|approximately|just\s+over|just\s+under)"
_PHRASE_WORD = r"(?!(?:and|or|but|while|plus|from|than|versus|against|of|to|for|by|with)\b)[a-z][a-z-]*"
# an equivalent after the thing named or set off by a dash or comma, in another currency or unit:
# "an €800m supply contract, worth about $1.1bn,", "the R4.5bn bond — roughly $256m —",
# "RWE's €2.5bn bond ($2.7bn)", "€2.5bn, roughly $2.7bn,"
_LOOSE_EQUIV_RE = fastre.plain(
    rf"(?:\s+{_PHRASE_WORD}){{0,3}}\s*"
    rf"(?:(?:,|\u2014|\u2013|--)?\s*(?:worth|valued\s+at)\s+(?:{_EQ_QUAL}\s+)?"
    rf"|(?:,|\u2014|\u2013|--)\s*(?P<qual>{_EQ_QUAL}\s+)?"
    rf"|(?:(?<=[a-z])\s*|\s+)\(\s*(?:{_EQ_QUAL}\s+)?)", re.I)
_LOOSE_CLOSE_RE = fastre.plain(r"\s*(?:[,;.)\]\u2014\u2013]|--|$)")
# "NZ$2.0bn to shareholders after the sale, worth some US$1.6bn,": "worth" set off by a comma
# restates the amount a few words back
_WORTH_TAIL_RE = fastre.plain(rf"[^.;:()$€£¥\d]{{0,45}},\s*worth\s+(?:{_EQ_QUAL}\s+)?", re.I)
# "worth some $2,000 at current exchange rates,"
_AT_RATES_RE = fastre.plain(r"\s+at\s+(?:current|today['’]s|the\s+current|prevailing|present)\s+(?:exchange\s+)?rates?"
                            r"\s*(?:[,;.)\u2014\u2013]|$)", re.I)


@dataclass(frozen=True)
class Equivalent:
    original: Claim
    equivalent: Claim
    linked: bool  # True: linked by the extractor; False: found here from the text between
    approx: bool = False  # a qualifier left between the two ("(approx. $484m)")


# what follows an amount that makes it a difference or a rate, not a restatement:
# "£1,642, or £48 below the cap", "$3.9m, or 31 cents for every dollar lost", "£5m, or £2 a share"
_DIFFERENCE_AFTER_RE = fastre.plain(
    r"\s*(?:below|above|under|over|less|more|cheaper|dearer|higher|lower|short\s+of|off|up|down|"
    r"ahead\s+of|behind)\b", re.I)
_RATE_AFTER_RE = fastre.plain(
    r"\s*(?:for\s+(?:every|each)|per|a|an|each|on\s+the|in\s+the|of\s+(?:every|each)|out\s+of\s+every)\s+"
    r"(?P<what>[a-z]+)", re.I)


def _restates(text: str, a: Claim, b: Claim) -> bool:
    """False when ``b`` is told as a difference from or a rate of something, not ``a`` again."""
    after = text[b.end:b.end + 40]
    if _DIFFERENCE_AFTER_RE.match(after):
        return False
    rate = _RATE_AFTER_RE.match(after)
    if rate:
        # "£5m a year ($6.3m a year)" restates a rate; "£5m, or £2 a share" does not
        mine = _RATE_AFTER_RE.match(text, a.end, a.end + 40)
        return mine is not None and mine.group("what").lower() == rate.group("what").lower()
    return True


def stated_equivalents(analysis, kind: str) -> list[Equivalent]:
    """Pairs (original, stated equivalent) of the given kind.

    Uses ``Claim.equivalent_of`` from the extractor; where it left a pair
    unlinked, links ``A (B)``, ``A, or (about) B``, ``A (B; C)``/``A (B, C)``
    itself when both are figures of the same kind in one sentence; and, when
    the two are in different currencies or units, ``A thing (B)``, ``A thing,
    worth (about) B,`` and ``A thing, roughly B,``/``A — roughly B —`` (an
    approximate figure set off by commas or dashes, closed by punctuation).
    """
    text = analysis.document.text
    claims = analysis.claims
    figs = [c for c in analysis.figures if c.kind == kind]
    out: list[Equivalent] = []
    seen: set[int] = set()
    by_index = {c.index: c for c in claims}
    for c in figs:
        if c.equivalent_of is not None:
            orig = by_index.get(c.equivalent_of)
            if orig is None and 0 <= c.equivalent_of < len(claims):
                orig = claims[c.equivalent_of]
            if orig is not None and orig.kind == kind:
                seen.add(id(c))
                if _restates(text, orig, c):
                    out.append(Equivalent(orig, c, True))
    # fallback linking from the text
    sent_of = analysis.sentence_index
    for i, b in enumerate(figs):
        if id(b) in seen or i == 0:
            continue
        a = figs[i - 1]
        if a.end > b.start or sent_of(a.start) != sent_of(b.start):
            continue
        between = text[a.end:b.start]
        if len(between) > 40 and not (len(between) <= 60 and _WORTH_TAIL_RE.fullmatch(between)):
            continue
        # a figure of another kind between them breaks the pair
        if any(x.is_figure and a.end <= x.start and x.end <= b.start for x in claims):
            continue
        base = None
        if _OPEN_EQUIV_RE.fullmatch(between) or _OR_EQUIV_RE.fullmatch(between):
            base = a
        elif _LIST_EQUIV_RE.fullmatch(between):
            # the third figure in "X ($Y; £Z)": a is itself an equivalent inside open brackets
            prev = next((e.original for e in out if e.equivalent is a), None)
            if prev is not None and "(" in text[prev.end:a.start] and ")" not in text[prev.end:b.start]:
                base = prev
        elif a.unit and b.unit and a.unit != b.unit and not any(e.equivalent is a for e in out):
            loose = _LOOSE_EQUIV_RE.fullmatch(between) or _WORTH_TAIL_RE.fullmatch(between)
            # set off by a comma or dash only: an approximate figure ("roughly $2.7bn")
            plain = loose is not None and not re.search(r"\(|worth|valued", between) and \
                not loose.group("qual") and not is_approximate(b)
            if loose and not plain and (_LOOSE_CLOSE_RE.match(text, b.end) or _AT_RATES_RE.match(text, b.end)):
                base = a
        if base is None:
            continue
        if not _closes_cleanly(text, b) or not _restates(text, base, b):
            continue
        approx = bool(_BETWEEN_QUAL_RE.search(between)) and not is_approximate(b)
        out.append(Equivalent(base, b, False, approx))
        seen.add(id(b))
    out.sort(key=lambda e: e.equivalent.start)
    return out


def pair_span(text: str, a: Claim, b: Claim, start: int | None = None) -> tuple[int, int]:
    """The span of an amount and its stated equivalent, with the closing bracket
    of ``£3.6bn ($3.1bn)``."""
    lo = min(a.start, b.start) if start is None else start
    hi = max(a.end, b.end)
    if hi < len(text):
        closer = text[hi]
        inside = text[lo:hi]
        if (closer == ")" and inside.count("(") > inside.count(")")) or \
                (closer == "]" and inside.count("[") > inside.count("]")):
            hi += 1
    return lo, hi


def _closes_cleanly(text: str, b: Claim) -> bool:
    """After a bracketed equivalent: a closing bracket or another amount follows
    (``(£21m in 2021)`` is a comparison, not an equivalent)."""
    after = text[b.end:b.end + 30]
    opened = text.rfind("(", max(0, b.start - 40), b.start)
    closed = text.rfind(")", max(0, b.start - 40), b.start)
    if opened > closed:  # inside brackets
        return bool(re.match(r"\s*(?:[\)\]]|[;,/]\s*(?:or\s+)?[^\s\d]{0,4}\s*\d|[;,/]\s*(?:or\s+)?(?:about\s+)?[A-Z$£€¥])",
                             after))
    return True


# -- formatting ------------------------------------------------------------------------

_SCALES = [
    ("trillion", 1e12), ("tn", 1e12), ("trn", 1e12), ("billion", 1e9), ("bn", 1e9), ("b", 1e9),
    ("crore", 1e7), ("million", 1e6), ("mn", 1e6), ("m", 1e6), ("lakh", 1e5), ("thousand", 1e3),
    ("k", 1e3), ("cents", 0.01), ("cent", 0.01), ("pence", 0.01), ("p", 0.01),
]
_QUAL_WORDS = fastre.plain(r"^(?:about|around|roughly|some|nearly|almost|approximately|over|more than|"
                         r"at least|up to|as many as|as much as|less than|fewer than|under|just over|"
                         r"just under|an estimated|about an?)\s+", re.I)


def _sig(x: float, digits: int = 3) -> str:
    if x == 0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    decimals = max(0, digits - 1 - mag)
    s = f"{x:,.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def format_like(value: float, like: Claim, currency: str) -> str:
    """Format ``value`` (in ``currency``) the way ``like`` is written:
    ``$4.51bn`` next to ``$3.1bn``, ``4.51 billion euros`` next to ``3 billion euros``."""
    t = _QUAL_WORDS.sub("", like.text.strip())
    m = re.match(r"^(?P<pre>[^\d.\-]*?)\s*(?P<num>[\d.,]+)\s*(?P<post>.*)$", t)
    if not m:
        return f"{_sig(value)} {currency}"
    pre, post = m.group("pre"), m.group("post").strip()
    scale_word, mult = "", 1.0
    for word, factor in _SCALES:
        if re.match(rf"^{word}\b", post, re.I):
            scale_word, mult = post[:len(word)], factor
            post = post[len(word):].strip()
            break
    # the scale may be implied (``$1.2 billion`` extracted as just ``$1.2``)
    if not scale_word:
        m2 = _NUM_RE.search(t)
        try:
            written = float(m2.group(0).replace(",", "")) if m2 else None
        except ValueError:
            written = None
        if written and like.value and abs(like.value / written - 1) > 1e-9:
            mult = like.value / written
            scale_word = {1e12: "tn", 1e9: "bn", 1e6: "m", 1e3: "k"}.get(mult, "")
            if not scale_word:
                mult = 1.0
    if mult >= 1e6 and value / mult < 1 and value >= 1e6:
        # the expected value is far below the stated scale: pick a fitting one
        words = {"billion": "million", "bn": "m", "b": "m", "trillion": "billion", "tn": "bn",
                 "trn": "bn"}
        for factor in (1e9, 1e6):
            if value >= factor and factor < mult:
                scale_word, mult = (words.get(scale_word.lower(), "m") if factor == mult / 1000
                                    else ("bn" if factor == 1e9 else "m")), factor
                break
    if mult >= 1 and value / mult >= 1000:
        for word, factor in (("tn", 1e12), ("bn", 1e9), ("m", 1e6)):
            if value >= factor and factor > mult:
                scale_word, mult = word, factor
                break
    number = _sig(value / mult)
    sep = " " if scale_word and len(scale_word) > 2 else ""
    if not pre and not post:
        post = currency
    out = f"{pre}{number}{sep}{scale_word}"
    if post:
        out += " " + post
    return out.strip()


def format_rate(base: str, quote: str, value: float) -> str:
    """``1 GBP = 1.2525 USD``, turned round when the rate is below 0.5 (``1 USD = 137.87 JPY``)."""
    if value < 0.5:
        base, quote, value = quote, base, 1 / value
    return f"1 {base} = {value:.4f} {quote}" if value < 10 else f"1 {base} = {value:,.2f} {quote}"


def _pct(stated: float, expected: float) -> str:
    if expected == 0:
        return "n/a"
    p = (stated - expected) / expected * 100
    ratio = stated / expected
    if ratio >= 10:
        return f"{ratio:,.0f} times too large"
    if 0 < ratio <= 0.1:
        return f"{1 / ratio:,.0f} times too small"
    return f"{p:+.0f}%"


# -- CUR002 core ---------------------------------------------------------------------

RETAIL_END_RE = fastre.plain(r"(?:9|95)(?:\.\d\d)?$|\.(?:99|95|49)$")


def looks_like_retail_price(c: Claim) -> bool:
    if c.value is None or c.value >= 100000 or c.value <= 0:
        return False
    m = _NUM_RE.search(c.text)
    if not m:
        return False
    digits = m.group(0).replace(",", "")
    if re.search(r"[a-z]", c.text.lower().replace(c.currency_text.lower(), "")) and \
            re.search(r"\b(?:m|bn|million|billion|k|thousand)\b", c.text.lower()):
        return False
    return bool(RETAIL_END_RE.search(digits))


def fits(a: Claim, b: Claim, rate_low: float, rate_high: float, tol: float) -> bool:
    """Do some value of ``a`` and some value of ``b`` agree with a rate in
    ``[rate_low, rate_high]`` within ``tol``?"""
    alo, ahi = equivalent_interval(a, ROUND_NUMBER_CAP)
    blo, bhi = equivalent_interval(b, ROUND_NUMBER_CAP)
    alo = max(alo, 0.0)
    # converted interval of a, widened by the tolerance
    clo = alo * rate_low * (1 - tol)
    chi = ahi * rate_high * (1 + tol)
    return clo <= bhi and blo <= chi


def _hints(a: Claim, b: Claim, base: str, quote: str, rate: float, tol: float, on: dt.date | None,
           rates) -> list[str]:
    """Name the likely slip: a scale confusion, an unconverted copy, an inverted
    rate, the rate of another major currency.  Matches are tight (2% beyond
    rounding) so that a coincidence is not offered as an explanation."""
    if not a.value or not b.value:
        return []
    tight = min(tol, 0.02)
    for factor, what in ((1e3, "a factor of 1,000 (billion and million, or million and thousand, confused?)"),
                         (1e6, "a factor of a million (a lost 'm' or 'bn'?)"),
                         (100, "a factor of 100 (cents, or a crore/lakh slip?)")):
        for f in (factor, 1 / factor):
            if fits(a, b, rate * f, rate * f, tol):
                return [f"the stated figure is off by {what}"]
    if base != quote and fits(a, b, 1 / rate, 1 / rate, tight):
        return [f"the stated figure matches the rate applied the wrong way round "
                f"({a.text} / {rate:.4f} instead of x {rate:.4f})"]
    if on is not None and rates is not None:
        for other in ("EUR", "GBP", "USD"):
            if other in (base, quote):
                continue
            q = rates.rate(other, quote, on)
            if q is not None and abs(q.value / rate - 1) > 0.05 and fits(a, b, q.value, q.value, tight):
                return [f"the stated figure matches the {other} rate ({format_rate(other, quote, q.value)}): "
                        f"was the amount converted as if it were in {other}?"]
            q = rates.rate(base, other, on)
            if q is not None and fits(a, b, q.value, q.value, tight):
                return [f"the stated figure matches a conversion into {other} "
                        f"({format_rate(base, other, q.value)}), not {quote}"]
    if base != quote and fits(a, b, 1.0, 1.0, tight / 2) and not (0.9 < rate < 1.1):
        return [f"the stated figure is the {base} amount copied unconverted, as if 1 {base} = 1 {quote}"]
    return []


_COMPARISON_RE = fastre.plain(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|up|down|increased?|decreased?|"
    r"grew|grow|climbed|dropped|declined|jumped|slipped|compared|prior|previous|"
    r"last year|a year (?:earlier|ago|before)|year[- ]on[- ]year)\b", re.I)


ECB_DOLLARS = ("AUD", "CAD", "HKD", "NZD", "SGD")
# currencies an ambiguous symbol or name may stand for (only the ECB-quoted ones matter)
AMBIGUOUS_GROUPS = {
    "JPY": ("JPY", "CNY"), "CNY": ("CNY", "JPY"),
    "SEK": ("SEK", "NOK", "DKK", "ISK"), "NOK": ("NOK", "SEK", "DKK", "ISK"),
    "DKK": ("DKK", "NOK", "SEK", "ISK"), "ISK": ("ISK", "SEK", "NOK", "DKK"),
    "MXN": ("MXN", "PHP"), "PHP": ("PHP", "MXN"),
}


def currency_readings(ctx: RuleContext, c: Claim, other: Claim) -> list[str]:
    """Currencies an amount may stand for, the first being the one reported.

    A bare ``$`` is US dollars, unless the document (or ``house_currency``)
    names another dollar, which is then tried too.  When the other amount of
    the pair is written explicitly as ``US$``, the writer is telling the two
    dollars apart, so the bare ``$`` is read as the house dollar, the other
    dollars of the document, or else any ECB-quoted dollar -- never as USD.
    Ambiguous symbols (``¥``: yen or yuan; ``kr``: Nordic crowns) try their
    group.  Everything else is taken as the extractor read it.
    """
    if is_bare_dollar(c):
        explicit_us = other.unit == "USD" and not is_bare_dollar(other)
        out: list[str] = [] if explicit_us else ["USD"]
        house = (ctx.option("house_currency") or "").upper()
        if house in DOLLAR_CODES and house not in out:
            out.append(house)
        for code in other_dollars(ctx.analysis):
            if code in DOLLAR_CODES and code not in out and not (explicit_us and code == "USD"):
                out.append(code)
        if not out:
            out = list(ECB_DOLLARS)
        return out
    if c.currency_ambiguous and c.unit in AMBIGUOUS_GROUPS:
        return list(AMBIGUOUS_GROUPS[c.unit])
    return [c.unit.upper()]


def check_conversion(ctx: RuleContext, orig: Claim, eq: Claim, rates, published: dt.date | None,
                     until: dt.date | None, approx: bool = False) -> Iterator:
    tol_plain = float(ctx.option("tolerance", 0.05))
    tol_q = float(ctx.option("tolerance_qualified", 0.10))
    tol = tol_q if (approx or is_approximate(eq) or is_approximate(orig)) else tol_plain
    if orig.value is None or eq.value is None or not orig.unit or not eq.unit:
        return
    bases = currency_readings(ctx, orig, eq)
    quotes = currency_readings(ctx, eq, orig)
    pairs = [(b, q) for b in bases for q in quotes]
    span = pair_span(ctx.text, orig, eq)
    retail = looks_like_retail_price(orig) and looks_like_retail_price(eq)

    # same currency: an "equivalent" with another value
    if all(b == q for b, q in pairs):
        if fits(orig, eq, 1.0, 1.0, 0.0):
            return
        sentence = ctx.analysis.sentence_of(eq.start)
        if _COMPARISON_RE.search(ctx.text[sentence.start:sentence.end]):
            return  # "rose to £40m (£21m)": the prior-year figure, a reporting convention
        yield ctx.finding(*span, f"{orig.text} is restated as {eq.text} in the same currency "
                                 f"({_pct(eq.value, orig.value)}): one of the two is wrong",
                          notes=_scale_note(orig.value, eq.value))
        return
    if any(b == q and fits(orig, eq, 1.0, 1.0, 0.0) for b, q in pairs):
        return  # one reading makes it the same amount in the same currency
    pairs = [(b, q) for b, q in pairs if b != q]

    if published is None:
        yield from _check_undated(ctx, orig, eq, pairs, rates, tol, span, retail)
        return

    results = []
    for base, quote in pairs:
        if until is not None and until != published:
            found = rates.band(base, quote, published, until)
            if found is not None and fits(orig, eq, found.low, found.high, tol):
                return
        else:
            found = rates.rate(base, quote, published)
            if found is not None and fits(orig, eq, found.value, found.value, tol):
                return
        results.append((base, quote, found))
    known = [r for r in results if r[2] is not None]
    if not known:
        base, quote, _ = results[0]
        yield ctx.finding(*span, _no_rate_message(rates, base, quote, published, until), severity="info")
        return
    base, quote, found = known[0]
    if retail:  # set prices: info within 35% of the rate, an error beyond
        lo_r, hi_r = (found.low, found.high) if hasattr(found, "low") else (found.value, found.value)
        retail = fits(orig, eq, lo_r * 0.65, hi_r * 1.35, 0.0)
    severity = "info" if retail else None
    if hasattr(found, "low"):  # a band
        band = found
        mid = (band.low + band.high) / 2
        msg = (f"{orig.text} is {format_like(orig.value * band.low, eq, quote)}-"
               f"{format_like(orig.value * band.high, eq, quote)} at ECB rates between "
               f"{band.first.isoformat()} and {band.last.isoformat()} "
               f"({format_rate(base, quote, band.low)} to {band.high:.4g}), not {eq.text} "
               f"({_pct(eq.value, orig.value * mid)})")
        notes = [] if retail else _hints(orig, eq, base, quote, mid, tol, None, None)
    else:
        qv = found.value
        expected = orig.value * qv
        msg = (f"{orig.text} is about {format_like(expected, eq, quote)} at the ECB rate of "
               f"{found.date_used.isoformat()} ({format_rate(base, quote, qv)}), not {eq.text} "
               f"({_pct(eq.value, expected)})")
        notes = [] if retail else _hints(orig, eq, base, quote, qv, tol, found.date_used, rates)
    if len(pairs) > 1:
        tried = ", ".join(f"{b}->{q}" for b, q in pairs)
        notes = [f"an ambiguous currency was read as {base}->{quote}; no other reading fits either ({tried})"] \
            + notes
    if retail:
        notes = ["both amounts look like set retail prices, which follow marketing rather than the rate"] + notes
    yield ctx.finding(*span, msg, notes=notes, severity=severity)


def _scale_note(a: float, b: float) -> list[str]:
    if not a or not b:
        return []
    ratio = a / b if a > b else b / a
    for factor, what in ((1e3, "a thousand"), (1e6, "a million")):
        if abs(ratio / factor - 1) < 0.1:
            return [f"the two differ by a factor of {what}: a scale slip?"]
    return []


def _no_rate_message(rates, base: str, quote: str, published: dt.date, until: dt.date | None) -> str:
    when = published.isoformat() if until is None or until == published else \
        f"{published.isoformat()}..{until.isoformat()}"
    missing = []
    for ccy in (base, quote):
        cov = rates.coverage(ccy) if hasattr(rates, "coverage") else None
        if cov is None:
            missing.append(f"the ECB publishes no reference rate for {ccy}")
        elif published < cov[0]:
            missing.append(f"the ECB series for {ccy} starts on {cov[0].isoformat()}")
        elif published > cov[1] + dt.timedelta(days=5):
            missing.append(f"the ECB series for {ccy} ends on {cov[1].isoformat()}")
    why = "; ".join(missing) or "no ECB business day within 5 days before it"
    return f"no ECB reference rate for {base}/{quote} on {when} ({why}): conversion not checked"


def _check_undated(ctx, orig, eq, pairs, rates, tol, span, retail) -> Iterator:
    """No publication date: only a conversion outside every rate ever published is provably wrong."""
    bands = []
    for base, quote in pairs:
        cov_a, cov_b = rates.coverage(base), rates.coverage(quote)
        if cov_a is None or cov_b is None:
            continue
        start, end = max(cov_a[0], cov_b[0]), min(cov_a[1], cov_b[1])
        if start > end:
            continue
        band = rates.band(base, quote, start, end)
        band = _loose_band(rates, base, quote, start, end) if band is None else (band.low, band.high)
        if band is None:
            continue
        if fits(orig, eq, band[0], band[1], tol):
            bands = []
            break
        bands.append((base, quote, band, start, end))
    if bands and len(bands) == len(pairs) and not retail:
        base, quote, band, start, end = bands[0]
        lo, hi = band
        yield ctx.finding(
            *span,
            f"{orig.text} is between {format_like(orig.value * lo, eq, quote)} and "
            f"{format_like(orig.value * hi, eq, quote)} at every ECB rate published from "
            f"{start.isoformat()} to {end.isoformat()} ({format_rate(base, quote, lo)} to {hi:.4g}), "
            f"not {eq.text}: wrong whatever the date",
            notes=_hints(orig, eq, base, quote, (lo + hi) / 2, tol, None, None))
        return
    base, quote = pairs[0]
    yield ctx.finding(*span, f"no publication date, so no ECB rate can be chosen for {base}->{quote}: "
                             f"conversion {orig.text} -> {eq.text} not checked (pass --date)",
                      severity="info")


def _loose_band(rates, base, quote, start, end):
    """Min/max of a pair over a long range, tolerating holes in the series (weekly samples)."""
    lo = hi = None
    day = start
    step = dt.timedelta(days=1)
    while day <= end:
        q = rates.rate(base, quote, day)
        if q is not None:
            lo = q.value if lo is None else min(lo, q.value)
            hi = q.value if hi is None else max(hi, q.value)
        day += step
    return None if lo is None else (lo, hi)


_MINOR_UNIT_RE = fastre.plain(r"\d\s*(?:p|pence|c|cents?|centimes|kopecks?|paise|sen|fen)\b", re.I)
_PER_SHARE_RE = fastre.plain(r"^\s*(?:a|per)\s+(?:share|unit|ADR|depositary\s+receipt)\b", re.I)
_SHARE_MOVE_RE = fastre.plain(r"\b(?:shares?|stock|ADRs?)\b(?:[^.;,]|\.(?=\d)){0,40}\b(?:to|at|from)\s+$", re.I)


_UNIT_PRICE_RE = fastre.plain(
    r"^\s*(?:(?:a|an|per)\s+(?:barrel|(?:troy\s+)?ounce|(?:metric\s+)?tonne|(?:metric\s+|short\s+)?ton|"
    r"bushel|pound|lb|gallon|litre|liter|kilo(?:gram)?|kg|carat|therm|mmBtu|megawatt[- ]hour|MWh|"
    r"kilowatt[- ]hour|kWh|unit\s+of\s+\w+)|/\s*(?:bbl|oz|t|tonne|lb|MWh|kWh|mmBtu)\b)", re.I)
_COMPARED_RE = fastre.plain(r"^(?:[^.;]|\.(?=\d)){0,40}\b(?:from|compared\s+with|against|versus|vs\.?|than)\s+"
                          r"(?:(?:about|around|some|nearly|almost)\s+)?$", re.I)


def is_share_price(text: str, c: Claim) -> bool:
    """A price quoted on its own exchange (``rose 1% to 2,650p``, ``£4.20 a share``):
    newsrooms give these in the listing currency without a conversion.  So are
    commodity prices in the currency they trade in (``Brent at $88.02 a
    barrel``, ``gold at $2,330 an ounce``), and exchange rates (``the pound fell 0.4%
    to $1.3005``)."""
    if _MINOR_UNIT_RE.search(c.text):
        return True
    after = text[c.end:c.end + 30]
    if _PER_SHARE_RE.match(after) or _UNIT_PRICE_RE.match(after):
        return True
    if _FX_AFTER_RE.match(after) or _FX_BEFORE_RE.search(text, max(0, c.start - 60), c.start):
        return True  # an exchange rate: "the pound fell to $1.3005 (against the dollar)"
    return bool(_SHARE_MOVE_RE.search(text[max(0, c.start - 90):c.start]))


_CURRENCY_NAMES = (r"(?:pound|sterling|euro|dollar|greenback|yen|yuan|renminbi|franc|rupee|rand|peso|real|"
                   r"won|lira|rouble|ruble|krona|krone|zloty|forint|ringgit|baht|shekel|dirham|riyal)s?")
_FX_AFTER_RE = fastre.plain(rf"\s*(?:against|versus|vs\.?|to)\s+the\s+{_CURRENCY_NAMES}\b", re.I)
_FX_BEFORE_RE = fastre.plain(rf"\b(?:the|The)\s+{_CURRENCY_NAMES}\s+(?:(?:fell|rose|slipped|climbed|jumped|"
                             rf"dropped|gained|lost|traded|was|stood|ended|closed|firmed|weakened|strengthened|"
                             rf"hit|touched|sank|slid|rallied)\b[^.;$£€¥]{{0,40}}?\b(?:to|at)\s+)$")


def compared_with(ctx: RuleContext, c: Claim) -> Claim | None:
    """The amount in the same currency that ``c`` is compared with, just before it in
    its sentence (``rose to £412m ($516m) from £368m``, ``A$1.15 a share, down from A$1.40``)."""
    a = ctx.analysis
    si = a.sentence_index(c.start)
    prev = [p for p in ctx.figures if p.kind == "money" and p.unit == c.unit and p.end <= c.start
            and a.sentence_index(p.start) == si]
    if prev and _COMPARED_RE.match(ctx.text[prev[-1].end:c.start]):
        return prev[-1]
    return None


def is_quoted_price(ctx: RuleContext, c: Claim) -> bool:
    """A share or unit price, or the amount it is compared with in the same
    sentence (``a dividend of A$1.15 a share, down from A$1.40``)."""
    text = ctx.text
    if is_share_price(text, c):
        return True
    a = ctx.analysis
    si = a.sentence_index(c.start)
    prev = [p for p in ctx.figures if p.kind == "money" and p.unit == c.unit and p.end <= c.start
            and a.sentence_index(p.start) == si]
    if not prev:
        return False
    p = prev[-1]
    if not is_share_price(text, p):
        return False
    if _COMPARED_RE.match(text[p.end:c.start]):
        return True
    # "A$18.20 a tonne, inside the company's guidance range of A$17.50-A$19.00": an amount of
    # the same size as a unit price just before it in its sentence is a price of that unit
    lo = c.low if c.low is not None else c.value
    hi = c.high if c.high is not None else c.value
    return (p.value is not None and p.value > 0 and lo is not None and hi is not None and lo > 0
            and not _SCALE_WORD_RE.search(c.text) and 0.5 <= lo / p.value and hi / p.value <= 2.0)


_SCALE_WORD_RE = fastre.plain(r"\d\s*(?:thousand|million|billion|trillion|bn|mn|m|k|crore|lakh)\b", re.I)
_PER_HEAD_RE = fastre.plain(r"\s*(?:each|apiece|a\s+head|per\s+(?:head|person|capita|member|household|"
                            r"customer|passenger|employee|worker|pupil|student|patient|depositor|investor|"
                            r"family|visitor)|a\s+person)\b", re.I)
# a small sum per night, ticket or month ("€142 a night", "2,950 zlotys a month"); "£5bn a
# year" is a sum like any other
_PER_UNIT_SMALL_RE = fastre.plain(r"\s*(?:a|an|per)\s+(?:night|ticket|room|month|week|day|hour|visit|trip|"
                                  r"meal|seat)\b", re.I)
# a sum that only illustrates a calculation: "On a 400,000-zloty loan, a borrower would pay ..."
_ILLUSTRATION_BEFORE = fastre.plain(r"(?:^|[.!?]\s+|\n)\s*(?:On|For|With)\s+an?\s+$")
_ILLUSTRATION_NOUN = fastre.plain(r"[\s-]*(?:[a-z]+[\s-]+){0,2}?(?:loan|mortgage|salary|income|deposit|"
                                  r"investment|balance|bill|purchase|home|house|property|pension|pot|savings)\b",
                                  re.I)
_CONDITIONAL_RE = fastre.plain(r"\b(?:would|could)\b", re.I)


def is_per_head_or_illustration(ctx: RuleContext, c: Claim) -> bool:
    """An amount per person or per unit of time (``less than 100,000 rupees each``, ``€142 a
    night``), or a sum that only illustrates a calculation (``On a 400,000-zloty loan over
    25 years, a borrower would face ...``): newsrooms leave these in their own currency."""
    text = ctx.text
    if _PER_HEAD_RE.match(text, c.end):
        return True
    if _PER_UNIT_SMALL_RE.match(text, c.end) and not _SCALE_WORD_RE.search(c.text):
        return True
    if _ILLUSTRATION_BEFORE.search(text, max(0, c.start - 12), c.start) and _ILLUSTRATION_NOUN.match(text, c.end):
        s = ctx.analysis.sentence_of(c.start)
        return _CONDITIONAL_RE.search(text, c.end, s.end) is not None
    return False


# -- reference currency (CUR003) ----------------------------------------------------------

def reference_currency(ctx: RuleContext) -> str | None:
    house = ctx.option("house_currency")
    if house:
        return str(house).upper()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for c in ctx.figures:
        if c.kind == "money" and c.unit:
            counts[c.unit] = counts.get(c.unit, 0) + 1
            first.setdefault(c.unit, c.start)
    if not counts:
        return None
    best = max(counts.values())
    tied = [u for u, n in counts.items() if n == best]
    if "USD" in tied:
        return "USD"
    return min(tied, key=lambda u: first[u])


_CUR002_DESCRIPTION = """
A stated equivalent (`£3.6bn ($4.5bn)`, `€750m (£640m)`, `4bn euros ($4.4bn;
£3.4bn)`, `9 billion rupees, or about $108 million`, `an €800m contract, worth about
$874m,`, `the R4.5bn bond — roughly $256m —`) whose implied rate is off
the ECB reference rate of the publication date (or the nearest earlier ECB
business day) by more than 5%, or 10% when either amount carries a qualifier
(`(approx. $484m)` included), after allowing for the rounding of both numbers
as written (a round amount is good to 10% at most: `£100m` is not 50-150
million).  Also an
"equivalent" in the same currency with another value (`$2bn ($1.4bn)`),
except after a comparison (`profit rose to £40m (£21m)`: the prior-year
figure).  The message gives the arithmetic and, in notes, the likely slip: a
factor of 1,000 or a million, the rate applied the wrong way round, the rate
of another currency (the euro rate used for sterling).

No rate known (a currency the ECB does not quote, or a date before its series
starts, such as INR before 2009): info, never a guess.  No publication date:
an error only when the figure is outside every rate ever published for the
pair, otherwise info.  A date range: any rate in the band passes.  A bare `$`
is US dollars unless the document uses another dollar (then every reading is
tried).  Matching retail prices (`$999 (£899)`) are set per market, not
converted: info when within 35% of the rate.
"""


# -- the rules ------------------------------------------------------------------------------

@rule("CUR001", "ambiguous-currency", "warning",
      "A bare $ amount in a document that also uses another dollar.",
      description="""
A `$` or `dollars` amount that does not say which dollar, in a document that also
uses another one (`A$`, `C$`, `HK$`, `NZ$`, `S$`, `Canadian dollars`): the reader
cannot tell whether the bare `$` means US dollars.  Write `US$` or name the
currency.  Quiet when the document uses no other dollar.
""",
      fires=["The miner earned A$1.9bn and plans to spend $330m on a smelter."],
      quiet=["The council approved a budget of $2.4 billion, and parks get $56 million."])
def ambiguous_currency(ctx: RuleContext) -> Iterable:
    others = other_dollars(ctx.analysis)
    if not others:
        return
    names = ", ".join(v[2] for v in sorted(others.values()))
    for c in ctx.figures:
        if is_bare_dollar(c):
            yield ctx.finding(c.start, c.end,
                              f"{c.text}: a bare dollar amount in a document that also uses {names}; "
                              f"say which dollar (US$?)")


@rule("CUR002", "conversion-mismatch", "error",
      "A stated currency equivalent that disagrees with the ECB reference rate.",
      description=_CUR002_DESCRIPTION,
      fires=["date 2023-06-02\nThe deal is worth £3.6bn ($3.1bn), the company said.",
             "date 2023-06-02\nThe fund raised $2bn ($1.4bn) from investors.",
             "date 2024-03-14\nUniper signed an €800m supply contract, worth about $1.1bn, with Equinor."],
      quiet=["date 2023-06-02\nThe deal is worth £3.6bn ($4.5bn), the company said.",
             "date 2023-05-17\nThe company plans to spend C$450m (US$330m) on a smelter."],
      options={"tolerance": 0.05, "tolerance_qualified": 0.10},
      needs=["rates"])
def conversion_mismatch(ctx: RuleContext) -> Iterable:
    pairs = stated_equivalents(ctx.analysis, "money")
    if not pairs:
        return
    rates = ctx.analysis.service("rates")
    doc = ctx.doc
    for e in pairs:
        yield from check_conversion(ctx, e.original, e.equivalent, rates, doc.published,
                                    doc.published_until, e.approx)


@rule("CUR003", "unconverted-currency", "warning",
      "A money amount in a currency other than the reference currency, with no stated equivalent.",
      description="""
The reference currency is the `house_currency` setting, or else the currency of
most money amounts in the document (stated equivalents count), ties going to
USD.  An amount in another currency needs a stated equivalent in the reference
currency (`£3.6bn ($4.5bn)`, `9 billion rupees, or about $108 million`).

Quiet for amounts in the reference currency, for amounts that are themselves
stated equivalents, for amounts that have one, for a later mention of the
same amount in the same currency once it has been converted earlier in the
document, for share prices quoted on their own exchange (`shares rose 1%
to 2,650p`, `£4.20 a share`) and commodity prices in their trading currency
(`$88.02 a barrel`, `$2,330 an ounce`), which newsrooms leave unconverted,
and for the amount such a price or a converted amount is compared with in
its sentence (`to £412m ($516m) from £368m`, `A$1.15 a share, down from
A$1.40`) or is the size of (`A$18.20 a tonne, inside its guidance range of
A$17.50-A$19.00`).  Quiet too for sums per head (`100,000 rupees each`, `per
student`), small sums per night, ticket or month (`€142 a night`; `£5bn a
year` is no small sum), and a sum that only illustrates a calculation (`On a
400,000-zloty loan over 25 years, a borrower would pay ...`).  When the writer converts a currency's amounts (two or more, and
all of them but one), the one amount of that currency left without an
equivalent is reported even when it is the reference currency (an
Australian story giving US$ for every A$ amount but one).  Another reference-currency amount elsewhere in the sentence does
not count as a conversion: it is usually a different sum.  A bare `$` counts
as the reference currency when that is a dollar.
""",
      fires=["Iran spent £13.1 billion on proxies. Sanctions relief of up to $50 billion followed."],
      quiet=["Agency spending reached £3.3bn last year, up from £2.9bn in 2021.",
             "date 2023-06-02\nThe deal is worth £3.6bn ($4.5bn), while rivals paid $2bn."],
      options={"house_currency": ""})
def unconverted_currency(ctx: RuleContext) -> Iterable:
    ref = reference_currency(ctx)
    if ref is None:
        return
    pairs = stated_equivalents(ctx.analysis, "money")
    converted: set[int] = set()
    equivalents: set[int] = set()
    for e in pairs:
        converted.add(id(e.original))
        equivalents.add(id(e.equivalent))
    converted_amounts = {(e.original.unit, e.original.value) for e in pairs}
    # currencies the writer converts for the reader: unit -> {target unit: count}
    targets: dict[str, dict[str, int]] = {}
    for e in pairs:
        o, q = e.original, e.equivalent
        if o.unit and q.unit and o.unit != q.unit:
            targets.setdefault(o.unit, {})
            targets[o.unit][q.unit] = targets[o.unit].get(q.unit, 0) + 1
    unconverted: dict[str, list[Claim]] = {}
    quiet: set[int] = set()
    for c in ctx.figures:
        if c.kind != "money" or not c.unit:
            continue
        if c.equivalent_of is not None or id(c) in equivalents or id(c) in converted:
            continue
        if (c.unit, c.value) in converted_amounts:
            continue
        if is_quoted_price(ctx, c):
            continue
        base = compared_with(ctx, c)
        if base is not None and id(base) in converted:
            continue  # the prior-year figure beside a converted one: "to £412m ($516m) from £368m"
        if is_per_head_or_illustration(ctx, c):
            quiet.add(id(c))  # never reported, but an amount the writer left in its currency
        unconverted.setdefault(c.unit, []).append(c)
    for unit, claims in unconverted.items():
        done = sum(targets.get(unit, {}).values())
        as_ref = [c for c in claims if unit == ref or (ref in DOLLAR_CODES and is_bare_dollar(c))]
        # the reference currency itself, when the writer converts most of its amounts
        # (an Australian story giving US$ for every A$ amount but one): the odd one out
        if len(as_ref) == 1 and done >= 2:
            into = max(targets[unit], key=targets[unit].get)
            for c in as_ref:
                if id(c) in quiet:
                    continue
                yield ctx.finding(c.start, c.end,
                                  f"{c.text} ({unit}) has no equivalent in {into}, unlike the "
                                  f"{done} other {unit} amounts in the document")
        for c in claims:
            if id(c) in quiet or any(c is r for r in as_ref):
                continue
            yield ctx.finding(c.start, c.end,
                              f"{c.text} ({c.unit}) has no equivalent in {ref}, the document's "
                              f"reference currency")
