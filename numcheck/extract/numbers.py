"""Numerals and number words: parsing, scales, significance (rounding).

Everything here works on short strings already isolated by the scanner in
:mod:`numcheck.extract.figures`; nothing scans whole documents.
"""
from __future__ import annotations

import re
from numcheck import fastre

# Same-length normalisation: full-width and Arabic-Indic digits to ASCII, U+2212 to '-'.
_TRANS: dict[int, str] = {}
for _base in (0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6):
    for _i in range(10):
        _TRANS[_base + _i] = str(_i)
_TRANS.update({0x2212: "-", 0xFF05: "%", 0xFF0C: ",", 0xFF0E: ".", 0x066B: ".", 0x066C: ",",
               0xFE6A: "%", 0x066A: "%"})
TRANSLATE = _TRANS

GROUP_SEPS = ",\u00a0\u202f\u2009\u2007 "

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
              "seventy": 70, "eighty": 80, "ninety": 90}
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7}
NUMBER_WORDS = {**UNITS_WORDS, **TENS_WORDS, **SCALE_WORDS, "dozen": 12}

# Scale abbreviations written after a numeral ("5bn", "$3 mn", "10k").
SCALE_ABBR = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "thou": 1e3,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mill": 1e6, "MM": 1e6, "million": 1e6,
    "millions": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "bil": 1e9, "billion": 1e9, "billions": 1e9,
    "tn": 1e12, "trln": 1e12, "trn": 1e12, "tln": 1e12, "tr": 1e12, "T": 1e12, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "hundred": 1e2,
}
# Abbreviations that only count as a scale when glued to the digits or after a currency.
SHORT_SCALES = {"k", "K", "m", "M", "b", "B", "T", "MM", "tr", "cr", "mil", "mill", "thou"}

VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
          "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
          "⅞": 0.875, "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 0.1}

ORDINAL_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
    "tenths": 10, "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}

_NUMERAL_OK = fastre.plain(
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009\u2007 ]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)"
    r"(?:\.\d+)?\Z|\.\d+\Z")


def parse_numeral(s: str) -> tuple[float, float] | None:
    """Parse an ASCII numeral with optional grouping; returns (value, half_unit) or None.

    ``half_unit`` is half a unit of the last significant digit: trailing zeros of
    an integer are not significant (``2,300`` -> 50, ``12`` -> 0.5, ``3.60`` -> 0.005).
    """
    if not _NUMERAL_OK.match(s):
        return None
    clean = s
    for ch in GROUP_SEPS:
        clean = clean.replace(ch, "")
    if len(clean) > 40:
        return None
    try:
        value = float(clean)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return value, half_unit(clean)


def half_unit(clean: str) -> float:
    """Half a unit of the last significant digit of a plain numeral string."""
    if "." in clean:
        decimals = len(clean.split(".", 1)[1])
        return 0.5 * 10.0 ** (-decimals)
    digits = clean.lstrip("0") or "0"
    if digits == "0":
        return 0.5
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10.0 ** zeros


def half_unit_of_value(value: float) -> float:
    """Significance of a number stated in words (``seven hundred`` -> 50)."""
    if value <= 0:
        return 0.5
    if value != int(value):
        s = repr(value)
        if "e" in s:
            return 0.0
        return 0.5 * 10.0 ** (-len(s.split(".", 1)[1]))
    return half_unit(str(int(value)))


def words_to_number(words: list[str]) -> float | None:
    """Value of a run of number words (``two hundred and fifty thousand``)."""
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        w = w.lower()
        if w in ("and", "-", "a", "an"):
            if w in ("a", "an") and not seen:
                current = 1
                seen = True
            continue
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            if current == 0 and total == 0:
                current = 1
            if scale >= 1000 and current * scale < total + current * scale and total and total < scale:
                total = (total + current) * scale
            else:
                total += current * scale
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current
