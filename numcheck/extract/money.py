"""Currency vocabulary loaded from ``rules/currencies.toml`` and the regexes built on it."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from numcheck.data import data_path  # noqa: E402
from numcheck import fastre

DATA = data_path("currencies.toml")

# ISO codes also accepted in lower case ("usd 200"); others only upper case ("TRY", "ALL"
# are English words).
LOWER_OK_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "AUD", "CAD", "CHF",
                            "HKD", "NZD", "SGD", "SEK", "NOK", "DKK", "ZAR", "BRL", "MXN", "KRW"})


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()
    factor: float = 1.0  # 0.01 for pence and cents


@dataclass(frozen=True, slots=True)
class Vocabulary:
    symbols: dict[str, Currency]        # lower-cased symbol -> currency
    names: dict[str, Currency]          # lower-cased name -> currency
    minor_symbols: dict[str, Currency]  # "p", "c" (case-sensitive)
    codes: dict[str, Currency]          # upper-case code -> currency
    prefix_re: re.Pattern[str]          # symbol or code ending right before a number
    suffix_sym_re: re.Pattern[str]      # symbol or code right after a number
    name_re: re.Pattern[str]            # currency name after a number


def _alt(forms, symbol=False) -> str:
    out = []
    for f in sorted(set(forms), key=len, reverse=True):
        esc = re.escape(f)
        if symbol:
            esc = esc.replace(r"\.", r"\.?").replace(r"\ ", r"\s?").replace(r"\$", r"\s?\$")
        else:
            esc = esc.replace(r"\ ", r"\s+").replace(r"\.", r"\.?")
        out.append(esc)
    return "|".join(out)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with open(DATA, "rb") as fh:
        data = tomllib.load(fh)
    symbols: dict[str, Currency] = {}
    names: dict[str, Currency] = {}
    minor: dict[str, Currency] = {}
    codes: dict[str, Currency] = {}
    for block in data.get("ambiguous", []):
        cur = Currency(block["likely"], True, tuple(block["candidates"]))
        minor_cur = Currency(cur.code, True, cur.candidates, 0.01)
        for s in block.get("symbols", []):
            symbols[s.lower()] = cur
        for n in block.get("names", []):
            names[n.lower()] = cur
        for n in block.get("minor", []):
            names[n.lower()] = minor_cur
        for s in block.get("minor_symbols", []):
            minor[s] = minor_cur
    for block in data.get("currency", []):
        code = block["code"]
        cur = Currency(code)
        minor_cur = Currency(code, False, (), 0.01)
        codes[code] = cur
        for c in block.get("codes_after", []):
            codes[c.upper()] = cur
        for s in block.get("symbols", []):
            symbols[s.lower()] = cur
        for n in block.get("names", []):
            names[n.lower()] = cur
        for n in block.get("minor", []):
            names[n.lower()] = minor_cur
        for s in block.get("minor_symbols", []):
            minor[s] = minor_cur
    code_alt = "|".join(sorted(codes, key=len, reverse=True))
    lower_codes = "|".join(sorted((c.lower() for c in codes if c in LOWER_OK_CODES), key=len, reverse=True))
    sym_alt = _alt(symbols, symbol=True)
    prefix_re = fastre.plain(
        r"(?<![\w'’])(?:(?i:" + sym_alt + r")|(?:" + code_alt + r"|" + lower_codes + r")\s?\$?)\s?$")
    suffix_sym_re = fastre.plain(
        r"\s?(?:(?i:" + sym_alt + r")(?![\w$])|(?:" + code_alt + r"|" + lower_codes + r")(?![\w$]))")
    name_re = fastre.plain(r"(?:\s+|\s*-\s*|(?<=\d))(?i:" + _alt(names) + r")(?![\w])")
    return Vocabulary(symbols, names, minor, codes, prefix_re, suffix_sym_re, name_re)


def lookup_symbol(text: str) -> Currency | None:
    """The currency for a matched prefix/suffix symbol or code (spacing and case as written)."""
    v = vocabulary()
    t = re.sub(r"\s+", "", text)
    if t.upper().rstrip("$") in v.codes and t.upper().rstrip("$") != "":
        code = t.upper().rstrip("$")
        if t.endswith("$") and code + "$" in {k.upper() for k in v.symbols}:
            return v.symbols[(code + "$").lower()]
        return v.codes[code]
    key = t.lower()
    if key in v.symbols:
        return v.symbols[key]
    # spaced/lower-case variants ("u.s $", "hk $")
    for k, cur in v.symbols.items():
        if k.replace(" ", "").replace(".", "") == key.replace(".", ""):
            return cur
    return None


def lookup_name(text: str) -> Currency | None:
    key = re.sub(r"\s+", " ", text.strip(" -")).lower()
    v = vocabulary()
    if key in v.names:
        return v.names[key]
    key2 = key.replace(".", "")
    for k, cur in v.names.items():
        if k.replace(".", "") == key2:
            return cur
    return None
