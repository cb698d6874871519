"""Figures: money, percentages, counts, measures and plain numbers.

A small grammar, not a statistical tagger.  The scanner finds number cores
(numerals, number words, vulgar fractions), skips what is not a figure (years,
dates, clock times, ordinals, names and codes with digits, ages, durations,
numbers in URLs), then reads outwards from each core:

    [qualifier] [currency prefix] CORE [scale] [currency | percent | unit] [noun]

and finally joins neighbouring amounts into ranges (``10-15``, ``between 10 and
15``, ``10 to 15 million``) and links stated equivalents (``£3.6bn ($4.5bn)``,
``12 miles (19 km)``, ``9 billion rupees, or about $108 million``).

Interval policy (``low``/``high``):
  ``=``   low = high = value (the claim's ``rounding`` says how precise it is);
  ``~``   value ± 10% (``about``, ``around``, ``roughly``, ``some``, ...); for
          ``nearly``/``almost``/``just under`` the interval is [0.9·value, value];
  ``>``/``>=``  low = value, high = None;  ``<``/``<=``  low = None, high = value;
  ``range``     low/high are the two ends and value = low.
Vague multiples (``hundreds of``, ``dozens of``, bare ``dozens``) are ``>`` their unit (100, 12).

Other policies:
  * a bracketed amount after another amount is a stated equivalent; with no amount
    before it, ``($12.5) million`` is an accounting negative (extra['accounting_negative']);
  * one amount in two units is one claim in the first unit: ``5 feet 2 inches`` is
    5.1667 foot (extra['minor_part']), ``3 dollars 50 cents`` is USD 3.50;
  * ``a gallon``, ``an acre`` (a/an + unit, not the ``per`` of a figure before) are 1 unit;
    ``half a cent``, ``a quarter of a percentage point`` are measures, not fractions;
  * a number word of two or more stands alone as a ``number`` (``two of them``);
    ``one`` needs a noun;
  * scientific notation (``4e14``, ``2.48×10−5``) is read; values outside the float
    range are skipped;
  * scores, vote tallies and seasons (``3-1``, ``68-32``, ``2024-25``), phone numbers,
    designators (``junction 10``, ``type 2``) and names (``Windows 11``) are not figures.

All work is linear in the length of the text: every regex is either applied with
``finditer`` once over the text or anchored at a position with a bounded look.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from numcheck import fastre
from numcheck.extract import numbers as N
from numcheck.extract import quantities as Q
from numcheck.extract.money import Currency, lookup_name, lookup_symbol, vocabulary
from numcheck.models import Claim


def _lead(first: str, pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """``pattern`` behind a look-ahead for ``first``, a class holding the first character
    of every match: the same matches, but a whole-text scan skips the other positions
    without trying each alternative there."""
    return fastre.compile(f"(?={first})(?:{pattern})", flags)


# literal patterns used inside functions, compiled once
_RX_1 = fastre.compile(r"[A-Za-z]+")
_RX_2 = fastre.compile(r"[A-Za-z.]+$")
_RX_3 = fastre.compile(r"[A-Za-z]+$")
_RX_4 = fastre.compile(r"\d{4}")
_RX_5 = fastre.compile(r"[A-Za-z]")
_RX_6 = fastre.compile(r"-[A-Za-z]")
_RX_7 = fastre.compile(r"[A-Za-z]-$")
_RX_8 = fastre.compile(r"\s+(?:of|the|a|an|its|their|his|her)\b")
_RX_9 = fastre.compile(r"(?:first|second|\d(?:st|nd|rd|th)|last|the|this|next)\s+$")
_RX_10 = fastre.compile(r"\s*(?:of\b|[,.;)]|$)")
_RX_11 = fastre.compile(r"\d{1,3}")
_RX_12 = fastre.compile(r"(?:[A-Za-z]{2,},|,\s(?:now|then|still|aged))\s$")
_RX_13 = fastre.compile(r"\s?[,)]")
_RX_14 = fastre.compile(r"\d{3,4}")
_RX_15 = fastre.compile(r"\s*[-–/]\s*\d{2}(?!\d)")
_RX_16 = fastre.compile(r"\s*[-–/]\s*\d{2}")
_RX_17 = fastre.compile(r"\s*-?\s*(?:-|–|—|to|and|or|through)\s*")
_RX_18 = fastre.compile(r"\bbetween\s+$")
_RX_19 = fastre.compile(r"between\s+$")
_RX_20 = fastre.compile(r"\b(?:from|to|by|of)\s+$")
_RX_21 = fastre.compile(r"\s*\(\s*|\s*\[\s*")
_RX_22 = fastre.compile(r"\s*[;,/]\s*|\s*,?\s*or\s+")

# ---------------------------------------------------------------------------
# vocabularies

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE = fastre.compile(r"(?<![\w])(?:" + MONTHS + r")\.?,?\s{1,2}(?:the\s+)?$")
_MONTH_AFTER = fastre.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s{1,2}(?:" + MONTHS + r")\b\.?")
_TIME_AFTER = fastre.compile(r"(?::\d\d)?\s?(?:[ap]\.\s?m\.|[ap]m\b|[AP]M\b|[AP]\.M\.|"
                         r"(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|ET|PT|CST|IST)\b|"
                         r"o'clock|hrs\b|hours?\s+(?:GMT|UTC|local))")
_ORDINAL_SUFFIX = fastre.compile(r"(?:st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z])")
_DURATION = fastre.compile(
    r"(?:\s*-\s*|\s+|(?<=\d))(?:and\s+a\s+half\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
    r"wks?|months?|mos?|years?|yrs?|decades?|centuries|century|fortnights?|quarters?|"
    r"semesters?|terms?|innings|millennia|millennium|weekends?|sessions)(?![\w])", re.I)
_AGE_BEFORE = fastre.compile(r"(?:\b(?:aged|age|ages|age of|aged between|ages of)\s+|"
                         r"[A-Z][\w'’.-]+,\s)$")
# "aged 19, 22 and 25", "the retirement age from 62 to 64", "the voting age to 16"
_AGE_LIST_BEFORE = fastre.compile(r"\b(?:aged|ages(?:\s+of)?|age\s+(?:of|from|to|at|between))\s+"
                              r"(?:\d{1,3}(?:,\s*|\s+(?:and|or|to)\s+|\s*[-–]\s*))*$", re.I)
_AGE_AFTER_COMMA = fastre.compile(r"\s?(?:,|\)|;|\s+(?:and|who|was|is|has|had|said|says)\b)")
_YEAR_WORD_BEFORE = fastre.compile(r"\b(?:in|since|from|until|till|by|of|to|during|before|after|"
                               r"between|and|early|late|mid|the|year|fiscal|FY|summer|winter|"
                               r"spring|autumn|fall|through|circa|c\.)\s+$", re.I)
_DESIGNATOR = fastre.compile(
    r"(?<![\w])(?:junctions?|runway|berth|gates|platforms|terminals|rooms|chapters|clauses|no|nos|number|section|sections|sec|article|articles|art|chapter|ch|clause|"
    r"paragraph|para|page|pages|pp|p|room|route|highway|interstate|hwy|exit|flight|gate|platform|"
    r"level|grade|phase|stage|tier|type|model|series|version|ver|v|vol|volume|issue|item|lot|"
    r"suite|apt|apartment|building|ward|district|precinct|division|category|cat|class|resolution|"
    r"amendment|rule|bill|game|round|week|day|episode|season|part|figure|fig|table|line|channel|"
    r"station|pier|terminal|seat|row|box|bus|track|code|size|league|book|act|title|proposition|"
    r"prop|measure|question|step|door|floor|block|plot|unit|stand|lane|road|street|avenue|ave|"
    r"st|rd|zone|sector|area|region|group|team|squad|draw|pick|bay|hall|wing|cell|tranche|"
    r"schedule|annex|appendix|form|rev|rank|ranked|ranking|number|top|iso|en|din)\.?\s?#?\s?$",
    re.I)
_DESIGNATOR_WORDS = frozenset(
    _DESIGNATOR.pattern.split("(?:", 1)[1].split(")", 1)[0].replace("s?", "|s").replace("|s|", "|").split("|")) | {
    "junction", "junctions"}


def _designator_word(b: str) -> str:
    """The designator word ending ``b`` (``"... Section "`` -> ``"Section"``), or ''."""
    j = len(b)
    if j and b[j - 1].isspace():
        j -= 1
    if j and b[j - 1] == "#":
        j -= 1
        if j and b[j - 1].isspace():
            j -= 1
    if j and b[j - 1] == ".":
        j -= 1
    i = j
    while i and b[i - 1].isascii() and b[i - 1].isalpha():
        i -= 1
    if i == j or (i and (b[i - 1].isalnum() or b[i - 1] == "_")):
        return ""
    w = b[i:j]
    return w if w.lower() in _DESIGNATOR_WORDS else ""


_LOWER_DESIGNATORS = frozenset("""junction junctions platform platforms gate gates terminal terminals exit
flight route room rooms page pages chapter chapters section sections article articles clause clauses
paragraph bus runway pier ward seat row interstate highway precinct phase stage category tier type
grade class season episode round game week day""".split())
_DESIGNATOR_LIST = fastre.compile(
    r"(?<![\w])(?P<d>[A-Za-z]+)\.?\s\d{1,4}[a-z]?\s*(?:,|and|or|to|&|-|–)\s*(?:\d{1,4}[a-z]?\s*(?:,|and|or|&)\s*)*$")
_NAME_STOP = frozenset("""
the a an in on at of for to from by with about around over under nearly almost some more less
fewer than only just all and but or its their his her our your my those these another roughly
approximately up as between among since until after before during while when where if so that
this there here then what which who whose whom why how both each every either neither no not
some any many most much several few one two three four five six seven eight nine ten total
totalling totaling including include includes included another other others per just
estimated around exactly precisely almost nearly barely least at least within beyond above below
of out via like unlike plus minus less except because though although yet still even also
exactly fully precisely overall today yesterday currently now perhaps maybe possibly probably reportedly
officially last next nearly roughly only just those these another almost
""".split())
_SENT_START = fastre.compile(r"(?:^|[.!?:;\"“”(]\s*|\n\s*)$")

_QUALIFIERS: list[tuple[str, str]] = [
    # (regex alternative, qualifier)
    (r"just\s+(?:over|above)|slightly\s+(?:more\s+than|over|above)|a\s+little\s+(?:over|more\s+than)", ">"),
    (r"just\s+(?:under|below|short\s+of)|slightly\s+(?:less\s+than|under|below)|a\s+little\s+(?:under|less\s+than)", "~-"),
    (r"nearly|almost|close\s+to|approaching|not\s+quite|shy\s+of|the\s+best\s+part\s+of", "~-"),
    (r"about|around|roughly|approximately|approx\.?|some|circa|c\.|an\s+estimated|estimated|"
     r"or\s+so|more\s+or\s+less|in\s+the\s+region\s+of|on\s+the\s+order\s+of|an\s+approximate|"
     r"upwards\s+of|somewhere\s+around|something\s+like|an\s+average\s+of|average\s+of", "~"),
    (r"(?:greater|more|larger|bigger|higher)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|"
     r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|"
     r"as\s+little\s+as|as\s+few\s+as|as\s+low\s+as|minimum\s+of|starting\s+at|from\s+as\s+little\s+as", ">="),
    (r"more\s+than|over|above|exceeding|exceeds|exceeded|exceed|surpassing|surpassed|surpasses|surpass|in\s+excess\s+of|greater\s+than|higher\s+than|larger\s+than|"
     r"north\s+of|upward\s+of|beyond|well\s+over|well\s+above|nearer", ">"),
    (r"(?:less|fewer|smaller|lower)\s+(?:than\s+)?or\s+equal\s+(?:to|than)|up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|"
     r"not\s+more\s+than|a\s+maximum\s+of|maximum\s+of|no\s+greater\s+than|a\s+high\s+of|capped\s+at|"
     r"as\s+long\s+as|as\s+far\s+as|as\s+large\s+as", "<="),
    (r"less\s+than|fewer\s+than|under|below|lower\s+than|smaller\s+than|short\s+of|well\s+under|"
     r"well\s+below|south\s+of", "<"),
]
_QUAL_ALT = "|".join(f"(?P<q{i}>{alt})" for i, (alt, _) in enumerate(_QUALIFIERS))
_QUAL_BEFORE = fastre.compile(r"(?<![\w])(?:" + _QUAL_ALT + r")\s+$", re.I)
_QUAL_LAST = frozenset(
    re.sub(r"\\[a-z]\+?|\\|\?|[()]", " ", alt).split()[-1].lower().rstrip(".")
    for group, _ in _QUALIFIERS for alt in group.split("|") if re.sub(r"\\[a-z]\+?|\\|\?|[()]", " ", alt).split()
) | {"about", "some", "c", "approx", "estimated"}
_LAST_WORD = fastre.compile(r"([A-Za-z.]+)\s+$")
_QUAL_AFTER = fastre.compile(r"\s*(?:(?P<ge>or\s+more|or\s+higher|or\s+above|or\s+over|and\s+up|and\s+above|"
                         r"or\s+greater|plus\b|\+)|(?P<le>or\s+less|or\s+fewer|or\s+lower|or\s+under|"
                         r"at\s+most|max(?:imum)?\b)|(?P<ap>or\s+so\b))", re.I)

_SCALE_AFTER = fastre.compile(
    r"(?P<sp>\s*-?\s*)(?P<s>thousand|million|billion|trillion|lakh|lakhs|lacs|lac|crores|crore|"
    r"hundred|mn|mln|bn|bln|trln|tn|trn|tln|millions|billions|MM|mil|mill|cr|k|K|m|M|b|B|T)"
    r"(?![A-Za-z])(?!\s*[²³2]\b)", )
_SCALE2_AFTER = fastre.compile(r"\s+(?P<s>lakh|crore|thousand|million|billion|trillion)(?![A-Za-z])", re.I)
_PERCENT_AFTER = fastre.compile(
    r"(?P<sp>\s*-?\s*)(?:(?P<pp>percentage[\s-]points?|percent(?:age)?\s+pts?|per\s?cent\s+points?|% points?|"
    r"pp\b|ppts?\b)|(?P<bp>basis[\s-]points?|bps\b|bp\b)|(?P<pc>%|per\s?cent(?:s|age)?\b|pct\b|pc\b))",
    re.I)
_UNIT_SHORT_ALT = "|".join(re.escape(k) for k in sorted(Q.SHORT, key=len, reverse=True))
_UNIT_LONG_ALT = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(Q.LONG, key=len, reverse=True))
_UNIT_AFTER_LONG = fastre.compile(r"(?P<sp>\s*-\s*|\s?)(?P<u>" + _UNIT_LONG_ALT + r")(?![\w])", re.I)
_IN_AS_WORD = fastre.plain(r"\s+(?:\d|[A-Z]|the\b|a\b|an\b|its\b|their\b)")
_UNIT_AFTER_SHORT = fastre.compile(r"(?P<sp>\s*-\s*|\s?)(?P<u>" + _UNIT_SHORT_ALT + r")(?![\w²³])(?!\s?\$)")
_SPACED_UNIT_OK = fastre.compile(r"\s*(?:[.,;:)\]x×/]|$|\d|(?:tall|long|high|deep|wide|away|thick|across|"
                             r"high|of|in\s+(?:length|height|diameter|size|depth|width))\b)")
_MIXED_FRAC = fastre.compile(r"(?:\s+|(?<=\d))?(\d{1,2})/(\d{1,3})(?!\d)")
_SLASH_FRAC = fastre.compile(r"/(\d{1,3})(?![\d/])")
_PER_AFTER = fastre.compile(r"(?:\s*(?:per|a|an|each|/)\s*|\s*-a-|-per-)(?P<w>(?:[A-Za-z]+\s+)?[A-Za-z]+)")
_NOUN_WORD = fastre.compile(r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?P<w>[A-Za-z][A-Za-z'’-]*)")  # a line break, not a paragraph's
_OF_NOUN = fastre.compile(r"\s+(?:in|of|worth\s+of)\s+(?:the\s+|its\s+|their\s+|new\s+)?")
_NUMERAL = fastre.compile(r"\d+(?:[.,\u00a0\u202f\u2009\u2007]\d+)*")
_SPACE_GROUP = fastre.compile(r" \d{3}(?![\d.,])(?!s\b|-?[A-Za-z]|\s+[A-Z][a-z])")
_FIRST_WORDS = sorted(list(N.UNITS_WORDS) + list(N.TENS_WORDS), key=len, reverse=True)
_NUMWORD_FIRST = "[a" + "".join(sorted({w[0] for w in _FIRST_WORDS})) + "]"
_NUMWORD = _lead(
    _NUMWORD_FIRST, r"(?<![\w-])(?:(?:a|an)\s+(?:hundred|thousand|million|billion|trillion|dozen)|"
    r"(?:" + "|".join(_FIRST_WORDS) + r"))"
    r"(?:(?:\s+and\s+|\s*-\s*|\s+)(?:" + "|".join(sorted(N.NUMBER_WORDS, key=len, reverse=True)) + r"))*"
    r"(?![\w])", re.I)
_HALF_SCALE = _lead(r"[haqt]", r"(?<![\w-])(?:(?P<n>half|a\s+half|a\s+quarter|quarter|three[\s-]+quarters)"
                         r"(?:\s+(?:a|of\s+a))?\s+(?P<s>million|billion|trillion|thousand))\b", re.I)
_AND_A_HALF = fastre.compile(r"\s+and\s+a\s+(?P<f>half|quarter)\b", re.I)
_MULTIPLIER = _lead(
    r"[dtqhfsen\d]", r"(?<![\w.,-])(?:(?P<w>doubled|doubling|doubles|tripled|tripling|triples|trebled|trebling|"
    r"quadrupled|quadrupling|quadruples|halved|halving|halves(?=\s+(?:its|the|their|to|from)))|"
    r"(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)[\s-]?fold|"
    r"(?P<tw>twofold|threefold|fourfold|fivefold|tenfold|hundredfold)|"
    r"(?P<tn>(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times|twice)"
    r"(?=\s+(?:as\s+(?:many|much|high|large|big|likely|fast)|more\b|higher|larger|bigger|greater|"
    r"faster|the\s+(?:size|number|amount|level|rate)|that\s+of)))(?![\w-])", re.I)
_FRACTION = _lead(
    r"[aotfsenhq]", r"(?<![\w-])(?:(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+)?"
    r"(?P<den>half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
    r"(?![\w-])", re.I)
_ONE_IN = _lead(r"[otf\d]", r"(?<![\w-])(?P<a>one|two|three|four|five|\d{1,2})\s+(?:in|out\s+of)\s+"
                     r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|twenty|\d{1,3})(?![\w-])", re.I)
_VAGUE = _lead(
    r"[thmdsb]", r"(?<![\w-])(?:(?P<outer>tens|hundreds|thousands|millions|dozens)\s+of\s+)?"
    r"(?P<v>dozens|scores|hundreds|thousands|millions|billions|trillions|tens\s+of\s+thousands|"
    r"tens\s+of\s+millions|hundreds\s+of\s+thousands|hundreds\s+of\s+millions)\s+of(?![\w-])", re.I)
_VAGUE_VALUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                "billions": 1e9, "trillions": 1e12, "tens": 10}
_SPAN_FROM = fastre.compile(r"\b(?:rang\w*|var(?:y|ies|ying|ied)|anywhere|somewhere)\s+from\s+$")
_CHANGE_BEFORE = fastre.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|climbed|climbs?|climbing|jumped|jumps?|"
    r"dropped|drops?|slid|slides?|slipped|slips?|gained|gains?|lost|loses?|added|adds?|shed|sheds|increased|"
    r"decreased|grew|grows?|surged|soared|tumbled|plunged|declined|edged|inched|advanced|retreated|"
    r"up|down|higher|lower|by)\s+(?:\w+\s+)?$")
_SCALED_CODE = fastre.compile(r"\s?(?P<s>M|MM|B|bn|mn|k|K)(?P<c>[A-Z]{3})(?![\w])")
_WON = fastre.compile(r"\s+won\b")
_SCI = fastre.compile(
    r"(?<![\w.,])(?P<m>\d{1,3}(?:\.\d+)?)(?:[eE](?P<e>[+-]?\d{1,3})|"
    r"\s?[×xX*·]\s?10(?:(?:\^|\*\*)(?P<e2>[+-]?\d{1,3})|(?P<e3>[-+]\d{1,3})|(?P<e4>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})))"
    r"(?![\w.]|,\d)")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_COMPOUND_GAP = fastre.compile(r"\s*,?\s*(?:and\s+)?")
_INCH_AFTER = fastre.compile(r"\s?(?:in\b\.?|\"|″|”)")
_COMPOUNDS = {("foot", "inch"): 12.0, ("pound", "ounce"): 16.0, ("stone", "pound"): 14.0,
              ("meter", "centimeter"): 100.0, ("mile", "yard"): 1760.0}
_OPEN_BEFORE = fastre.compile(r"\(\s?$")
_CLOSE_AFTER = fastre.compile(r"\s?\)(?:\s?(?P<s>million|billion|trillion|thousand|mn|bn|m|k)(?![\w]))?")
_RANGE_JOIN_BEFORE = fastre.compile(r"\s*-?\s*(?:-|–|to|or|and)\s*$")
_ARTICLE_DOLLAR = fastre.compile(r"[as]\s?\$\s?")
_DOLLAR_END = fastre.compile(r"\$\s?$")
_NEG_SIGN = fastre.compile(r"(?:^|[\s(\[=:])-\s?$")
_DIGIT_DASH = fastre.compile(r"\d\s?-\s?$")
_DASH_END = fastre.compile(r"-\s?$")
_MINUS_WORD = fastre.compile(r"(?<![\w])(?:minus|negative)\s+$", re.I)
_PLUS_OR_MINUS = fastre.compile(r"\bplus\s+or\s+minus\s+$", re.I)
_NO_SUFFIX = frozenset(",.;:!?)]}\"“”'’")
_YEARS_OLD = fastre.compile(r"\s*(?:-\s*)?years?(?:\s*-\s*|\s+)olds?\b|\s*-?\s*yo\b", re.I)
_CAP_WORD_BEFORE = fastre.compile(r"(?<![\w'’&.-])((?:[a-z]{1,2})?[A-Z][\w'’&.-]*)\s$")
_LEAD_WORD = fastre.compile(r"[ \u00a0-]?([A-Za-z]+)")


def _suffix_first_words() -> frozenset[str]:
    v = vocabulary()
    forms = list(Q.LONG) + list(Q.SHORT) + list(v.names) + list(v.symbols) + list(v.codes) + \
        list(v.minor_symbols) + ["per", "percent", "percentage", "pct", "pc", "basis", "bps", "bp", "pp",
                                 "ppt", "ppts", "pounds", "pound", "won", "cents", "cent", "pence", "US", "us"]
    out = set()
    for f in forms:
        m = _RX_1.match(f)
        if m:
            out.add(m.group())
            out.add(m.group().lower())
    out.update(("b", "bpd", "bbl", "bopd", "mb", "mmb", "kb", "mbpd", "mmbpd", "kbpd", "mbopd", "kbopd"))  # oil rates
    return frozenset(out)


_SUFFIX_FIRST = _suffix_first_words()
_FROM_CHANGE = fastre.compile(
    r"\b(?:\w+ed|\w+ing|rise|rises|fall|falls|grow|grows|expand|expands|increase|increases|decrease|"
    r"decreases|cut|cuts|reduce|reduces|raise|raises|lower|lowers|climb|climbs|drop|drops|jump|jumps|go|goes|"
    r"move|moves|shift|shifts|change|changes|swing|swings|switch|slip|slips|slide|slides|up|down|double|"
    r"doubles|triple|widen|narrow|improve|improves|rose|fell|grew|went|swung|slid|shrank|shrink|sank|"
    r"soared|upgrade|downgrade|revise|revised|compared)\s+from\s+$")
_BRACKET_UNIT = fastre.compile(r"\s?[(\[{<]\s?(?P<u>[^\s()\[\]{}<>]{1,12})\s?[)\]}>]")
_ANGLE_CUES = fastre.compile(r"\b(?:turn\w*|rotat\w*|angle\w*|tilt\w*|inclin\w*|slope\w*|bank\w*|pitch\w*|arc|"
                         r"latitude|longitude|compass|bend\w*|lean\w*|spin\w*|pivot\w*|swivel\w*|"
                         r"u-turn|about-face|veer\w*|steer\w*|heading|bearing)\b", re.I)
_TEMP_CUES = fastre.compile(r"\b(?:temperature\w*|heat\w*|hot\w*|cold\w*|warm\w*|cool\w*|freez\w*|"
                        r"weather|forecast\w*|celsius|fahrenheit|thermometer|fever|degrees?\s+(?:above|below))\b",
                        re.I)
_AND_SPLIT = fastre.compile(r"\s+and\s+", re.I)
_PLUS_MINUS = fastre.compile(r"\s*(?:±|\+/-|\+-|plus\s+or\s+minus)\s*", re.I)
_LETTER_SYMBOLS = frozenset({"R", "N"})
# after another number, a name: "27 737 Max jets", "30 787s", "12 A350-1000s"
_MODEL_AFTER = fastre.compile(r"s\b|-?[A-Z]|\s+[A-Z][a-z]")
# "R18.99", "R1,500": a letter symbol is money without a scale when the digits read as a price
_PRICE_DIGITS = fastre.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+\.\d\d")
# ... or when a stated equivalent or a price period follows: "R530 (US$37)", "R350 a month"
_LETTER_MONEY_AFTER = fastre.compile(
    r"\s*\((?:about\s+|around\s+|roughly\s+)?(?:US|A|C|NZ|S|HK)?[$£€¥]|"
    r"\s+(?:a|per)\s+(?:month|year|week|day|head|person|household)\b", re.I)
# oil-trade rates: "11.4 mb/d", "500,000 bpd", "300 kb/d"
_OIL_RATE = fastre.compile(r"\s?(?P<s>mm|m|k|)(?:b/d|bpd|bbl/d|bopd)(?![\w/])", re.I)
_FX_PER = fastre.compile(r"\s+(?:per|to\s+the|to\s+a|against\s+the|a)\s+(?:U\.?S\.?\s+)?(?:dollar|euro|greenback)\b", re.I)
_POUND_COUNTRY = (("egypt", "EGP"), ("leban", "LBP"), ("syria", "SYP"), ("sudan", "SDG"))
_BY_END = fastre.compile(r"\bby\s+$")
_FRACTION_COMPARATIVE = fastre.compile(r"\s+(?:higher|lower|more|less|fewer|bigger|smaller|larger|cheaper|"
                                   r"dearer|greater|faster|slower)\b")
_FRACTION_POINT = _lead(
    r"[aothq]", r"(?<![\w-])(?:(?P<n>a|one|three)[\s-]+)?(?P<d>half|quarters?)(?:[\s-]+an?)?(?:\s+of\s+an?)?[\s-]+"
    r"(?:percentage[\s-]+)?points?\b", re.I)
_PLACE_ACRONYMS = frozenset({"US", "U.S", "UK", "EU", "UN", "USA", "UAE"})
_DEN_AFTER = fastre.compile(r"(\d{1,3})(?![\d/])")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
_GLUED_CODE = fastre.compile(r"[A-Z](?![A-Za-z])|x\d")
_CLAUSE_END = fastre.compile(r"\s*(?:[.,;:!?)]|$)")
_VULGAR_ALONE = fastre.compile(r"(?<![\d\w])[" + "".join(N.VULGAR) + r"]")
_TIME_DEN = {"s": "second", "sec": "second", "second": "second", "ms": "millisecond",
             "millisecond": "millisecond", "min": "minute", "minute": "minute", "h": "hour", "hr": "hour",
             "hour": "hour", "µs": "microsecond", "microsecond": "microsecond", "ns": "nanosecond",
             "nanosecond": "nanosecond"}
_RATE_AFTER = fastre.compile(r"\s?(?:/\s?|\s?per\s+)(?P<d>ms|µs|ns|sec|min|hr|h|s|milliseconds?|microseconds?|"
                         r"nanoseconds?|seconds?|minutes?|hours?)(?![\w/])", re.I)
_OF_A = fastre.compile(r"(?:\s+of)?\s+an?(?=\s)", re.I)
_VAGUE_BARE = _lead(r"[dhtm]", r"(?<![\w-])(?<!\d\s)(?P<v>dozens|hundreds|thousands|millions)(?![\w-])(?!\s+of\b)", re.I)
_A_UNIT = fastre.compile(r"(?<![\w$£€¥'’])(?:[Aa]n?)\s+(?P<u>" + _UNIT_LONG_ALT + r")(?![\w-])", re.I)
_A_UNIT_SKIP = frozenset({"turn", "pound", "ton", "degree", "foot", "yard", "stone", "cup", "carat", "knot", "bit",
                          "byte", "calorie", "pint", "radian", "kilobyte", "megabyte", "gigabyte", "terabyte"})
_URL = fastre.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|[\w.+-]+@[\w-]+\.[\w.]+|"
                  r"\b[\w-]+\.(?:com|org|net|gov|edu|io|co|uk)(?:/[^\s<>\"')\]]*)?", re.I)
# "beat Arsenal 3-1", "voted 68-32", "2024-25": a first number not below the second is
# a score, vote tally or season, never a range
_SCORE = fastre.compile(r"(?<![\w.,$£€¥₹×·*^-])(?P<a>\d{1,4})\s?[-–]\s?(?P<b>\d{1,4})(?![\d%\w°$£€]|[.,]\d)")


# Cheap pre-checks for the whole-text scans: every match of a pattern contains one of
# its cue strings (compared with the text lower-cased by _folded), so a text with none
# of them cannot match and the scan is skipped.
_URL_CUES = ("://", "www.", "@", ".co", ".org", ".net", ".gov", ".edu", ".io", ".uk")
_MULTIPLIER_CUES = ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "times", "twice")
_FRACTION_CUES = ("half", "halv", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_POINT_CUES = ("point",)
_VAGUE_CUES = ("dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions")
_VAGUE_BARE_CUES = ("dozens", "hundreds", "thousands", "millions")
_SCALE_WORD_CUES = ("million", "billion", "trillion", "thousand")
_HALF_CUES = ("half", "quarter")
_VULGAR_ANY = fastre.compile("[" + "".join(re.escape(ch) for ch in N.VULGAR) + "]")
_TRANSLATED_ANY = fastre.compile("[" + "".join(re.escape(chr(cp)) for cp in N.TRANSLATE) + "]")
# the non-ASCII characters that a case-insensitive pattern takes for an ASCII letter
# and that str.lower() does not turn into it: dotless i, long s, and the combining
# dot that lower() leaves after "i" for a dotted capital I
_FOLD_EXTRA = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def _folded(t: str) -> str:
    """``t`` lower-cased so that a case-insensitive match in ``t`` is a substring of it."""
    low = t.lower()
    if low.isascii() or not ("ı" in low or "ſ" in low or "\u0307" in low):
        return low
    return low.translate(_FOLD_EXTRA)


def _cued(low: str, cues: Sequence[str]) -> bool:
    return any(c in low for c in cues)


def _is_score(m: "re.Match[str]") -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    if len(m.group("a")) == 4 and len(m.group("b")) == 2 and 1900 <= a <= 2100:
        return True  # "2024-25", "1990-91"
    return a >= b and len(m.group("a")) <= 3


# results and tallies after a sports or voting verb, whichever number is larger:
# "lost to Leeds 1-3", "voted 32 to 17"
_RESULT = _lead(
    r"[lbwdvt]", r"\b(?:lost|lose|loses|beat|beats|beaten|won|wins|win|drew|draw|draws|defeated|defeat|victory|trail\w*|"
    r"led|leads?|voted|vote|votes)\s+(?:to\s+)?(?:(?:the\s+)?[A-Z][\w.'’-]*\s+){0,3}(?:by\s+)?"
    r"(?P<a>\d{1,3})\s?(?:-|–|to)\s?(?P<b>\d{1,3})(?![\d%\w]|[.,]\d)(?!\s+(?:[a-z]+\s+)?[a-z]{2,}s\b)")
_PHONE = _lead(r"[\d+(]", r"(?<![\d,.])0\d{2,4} \d{3,4} ?\d{3,4}(?![\d,]|\.\d)|"
                    r"(?<![\w,.])(?:999|911|112|111|101)(?=\s+(?:calls?|operators?|services?|lines?|emergency))|"
                    r"\+\d[\d\s().-]{6,}\d|\(\d{2,5}\)\s?\d{3,4}[\s.-]\d{3,4}|"
                    r"(?<![\d,.])\d{2,5}[.-]\d{3,4}[.-]\d{3,5}(?![\d])|\d+(?:/\d+){2,}|"
                    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+(?:\.\d+){2,}")

# "call police on 101", "ring the helpline on 0300 123 4567": the number after call ... on
_CALL_ON = _lead(r"[cCrRpPdDtT]", r"\b(?:call|calls|calling|ring|ringing|phone|phoning|dial|dialling|dialing|text|texting|contact)"
                 r"\s+(?:[\w'’]+\s+){1,3}(?:on|at)\s+(?P<a>\d{3,}(?: \d{3,4}){0,2})(?=\s*(?:[.,;:)]|$|\s+(?:or|and|if|for|to)\b))", re.I)
# "47 Elm Road", "10 Downing Street": a house number before a street name
_STREET_AFTER = fastre.compile(r"\s+(?:[A-Z][a-z'’]+\s+){1,2}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Close|Way|Crescent|"
                           r"Place|Terrace|Boulevard|Blvd|Court|Square|Gardens|Grove|Parade|Mews|Highway)\b\.?")
# "397 for four" in cricket: runs for wickets; the wickets are no figure
_WICKETS = fastre.compile(r"(?<![\w.,])\d{1,3}\s+for\s+(?P<a>\d|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\s+(?:per\s*cent|%))", re.I)
PLURAL_IRREGULAR = frozenset("""people men women children police staff cattle sheep fish personnel
troops deer livestock crew aircraft offspring folk youth clergy poultry swine moose bison
employees""".split())
_NOUN_STOP = frozenset("""
the a an of in on at to for from by with and or but as than that which who whom whose where when
is are was were be been being has have had do does did will would could should may might must can
shall said says say told according each per this these those it its their his her our your my
more less fewer most least over under above below about around nearly almost up down out off into
onto upon across after before since until while during between among through via against within
without also only just still even all both some any no not so such very too if then there here
other another own same new total than yet such what how why because though although however
whereas plus minus last next year years month months week weeks day days time times percent
""".split())
_VERBISH = frozenset("""work works live lives died die remain remained remain stay stayed came come
went go say said took take made make got get saw see gave give left leave fell rose rise grew grow
""".split())

# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    value: float
    rounding: float
    kind: str = "number"
    unit: str = ""
    dim: str = ""
    currency_text: str = ""
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()
    raw: float = 0.0
    scale: float = 1.0
    scale_text: str = ""
    word: bool = False
    bare: bool = True  # no currency/unit/percent/scale
    qualifier: str = "="
    low: float | None = None
    high: float | None = None
    noun: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    equivalent_of: int | None = None
    range_end: "_Atom | None" = None


def _fmt_dim_ok(a: _Atom, b: _Atom) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return True
    if a.kind == "measure":
        return a.dim == b.dim and a.dim != ""
    return False


# "212 million pounds (96 million kilograms) of food": pounds restated as a mass are weight
_MASS_ASIDE = fastre.plain(r"\s*\(\s*(?:about\s+|some\s+|around\s+|roughly\s+)?[\d.,]+\s*(?:million\s+|billion\s+|m\s+|bn\s+)?"
                           r"(?:kilograms?|kilogrammes?|kilos?|kg|tonnes?|metric\s+tons?|tons?|t)\b", re.I)


class _Scanner:
    def __init__(self, text: str, sentences: Sequence[Any] | None) -> None:
        self.orig = text
        # the translation maps only a few non-ASCII characters: most texts have none
        t = text.translate(N.TRANSLATE) if _TRANSLATED_ANY.search(text) else text
        self.low = low = _folded(t)
        # mask URLs, e-mail addresses, phone numbers, numeric dates and dotted codes
        chars = None
        for rx in (_URL, _PHONE, _SCORE, _RESULT, _CALL_ON, _WICKETS):
            if rx is _URL and not _cued(low, _URL_CUES):
                continue
            for m in rx.finditer(t):
                if rx is _SCORE and not _is_score(m):
                    continue
                if rx is _CALL_ON or rx is _WICKETS:
                    if chars is None:
                        chars = list(t)
                    for k in range(m.start("a"), m.end("a")):
                        chars[k] = "\x00" if not chars[k].isspace() else chars[k]
                    continue
                if rx is _RESULT:
                    # mask only the two numbers of "lost 1-3", "voted 32 to 17"
                    if chars is None:
                        chars = list(t)
                    for g in ("a", "b"):
                        for k in range(m.start(g), m.end(g)):
                            chars[k] = "\x00"
                    continue
                if chars is None:
                    chars = list(t)
                for k in range(m.start(), m.end()):
                    chars[k] = "\x00" if not chars[k].isspace() else chars[k]
            if chars is not None:
                t = "".join(chars)
                chars = None
        self.t = t
        self.n = len(t)
        self.taken = bytearray(self.n + 1)
        self.sent_starts = {s.start for s in sentences} if sentences else set()
        self.duration_ends: set[int] = set()
        self.vocab = vocabulary()
        self.vocab_alpha = _alpha_forms(self.vocab)

    # -- helpers --------------------------------------------------------
    def before(self, pos: int, width: int = 40) -> str:
        return self.t[max(0, pos - width):pos]

    def is_sentence_start(self, pos: int) -> bool:
        if pos in self.sent_starts:
            return True
        return bool(_SENT_START.search(self.before(pos, 6)))

    def free(self, s: int, e: int) -> bool:
        return not any(self.taken[s:e])

    def take(self, s: int, e: int) -> None:
        self.taken[s:e] = b"\x01" * (e - s)

    # -- cores ----------------------------------------------------------
    def cores(self) -> list[tuple[int, int, float, float, bool]]:
        """(start, end, value, half_unit, is_word) for every numeral / number-word run."""
        t = self.t
        out: list[tuple[int, int, float, float, bool]] = []
        for m in _NUMERAL.finditer(t):
            s, e = m.start(), m.end()
            txt = m.group()
            # join plain-space thousands groups ("1 234 567")
            if 1 <= len(txt) <= 3 and txt.isdigit():
                while True:
                    g = _SPACE_GROUP.match(t, e)
                    if not g:
                        break
                    e = g.end()
                txt = t[s:e]
            if s > 0 and t[s - 1] == "." and not (s > 1 and (t[s - 2].isdigit() or t[s - 2].isalpha())):
                s -= 1  # ".25"
                txt = t[s:e]
            parsed = N.parse_numeral(txt)
            if parsed is None:
                # "1,2" lists, "5,00": try the part before the first separator only when it is a plain int
                continue
            out.append((s, e, parsed[0], parsed[1], False))
        for m in _NUMWORD.finditer(t):
            # "and" joins a number only after a scale word ("two hundred and five");
            # "two and three" are two numbers
            pieces = [(m.start(), m.end())]
            if " and " in m.group().lower() or "\tand" in m.group().lower():
                pieces, start = [], m.start()
                for mm in _AND_SPLIT.finditer(m.group()):
                    prev = m.group()[:mm.start()].split()[-1].lower() if m.group()[:mm.start()].split() else ""
                    if prev not in N.SCALE_WORDS and prev != "dozen":
                        pieces.append((start, m.start() + mm.start()))
                        start = m.start() + mm.end()
                pieces.append((start, m.end()))
            for ps, pe in pieces:
                words = re.findall(r"[A-Za-z]+", t[ps:pe])
                val = N.words_to_number(words)
                if val is None:
                    continue
                out.append((ps, pe, val, N.half_unit_of_value(val), True))
        for m in _SCI.finditer(t):
            # scientific notation: "4e14", "2.48×10−5", "6.02 x 10^23"
            exp = m.group("e") or m.group("e2") or m.group("e3") or (m.group("e4") or "").translate(_SUPERSCRIPT)
            try:
                mant, ex = float(m.group("m")), int(exp)
                val = float(f"{m.group('m')}e{ex}")
            except (ValueError, OverflowError):
                self.take(m.start(), m.end())
                continue
            if val != val or val in (float("inf"), float("-inf")) or (val == 0 and mant != 0):
                self.take(m.start(), m.end())  # out of float range: skipped, not misread
                continue
            out.append((m.start(), m.end(), val, N.half_unit(m.group("m")) * 10.0 ** ex, False))
        for m in _VULGAR_ALONE.finditer(t) if _VULGAR_ANY.search(t) else ():
            out.append((m.start(), m.end(), N.VULGAR[m.group()], 0.0, False))  # "½ teaspoon"
        low = self.low
        half_scale = _cued(low, _HALF_CUES) and _cued(low, _SCALE_WORD_CUES)
        for m in _HALF_SCALE.finditer(t) if half_scale else ():
            nm = re.sub(r"\s+", " ", m.group("n").lower())
            frac = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25,
                    "three quarters": 0.75, "three-quarters": 0.75}[nm.replace("- ", "-")]
            val = frac * N.SCALE_WORDS[m.group("s").lower()]
            out.append((m.start(), m.end(), val, 0.0, True))
        out.sort(key=lambda x: (x[0], -x[1]))
        return out

    # -- exclusions -----------------------------------------------------
    def excluded(self, s: int, e: int, value: float, is_word: bool) -> bool:
        t = self.t
        prev = t[s - 1] if s > 0 else " "
        nxt = t[e] if e < self.n else " "
        if "\x00" in t[s:e]:
            return True
        if not is_word:
            # glued to letters on the left: G7, A320, Covid-19, F-35, MH17 (currency codes excepted)
            if prev.isalpha() or prev == "_":
                m = _RX_2.search(self.before(s, 8))
                left = m.group() if m else ""
                if not (left.upper() in self.vocab.codes or lookup_symbol(left) or left in ("Rs", "Rs.")):
                    return True
            if prev in "-‐" and s >= 2 and t[s - 2].isalpha():
                w = _RX_3.search(self.before(s - 1, 20))
                if not (w and w.group().lower() in ("mid", "pre", "post", "late", "early", "over",
                                                    "under", "some", "about", "around", "nearly")):
                    return True
            if prev in "#№_" or nxt == "_":
                return True
            if prev == "." and s >= 2 and t[s - 2].isdigit():
                return True
            if prev in ":/" and s >= 2 and t[s - 2].isdigit():
                return True
            if nxt in ":/" and e + 1 < self.n and t[e + 1].isdigit():
                # times and ratios; a simple fraction "1/4" is handled by the caller, but
                # "9/11", "24/7", "50/50" are names and codes
                if nxt == ":":
                    return True
                mden = _DEN_AFTER.match(t, e + 1)
                if not (mden and value == int(value) and 0 < value < int(mden.group(1))
                        and (int(mden.group(1)) in _FRACTION_DENOMINATORS or value == 1)):
                    return True
            if _ORDINAL_SUFFIX.match(t, e):
                return True
            if nxt == "s" and (e + 1 >= self.n or not t[e + 1].isalpha()):
                return True  # 1990s, 90s
            if nxt in "'’" and t[e + 1:e + 2] == "s":
                return True
        nx1 = t[e:e + 2].lstrip()[:1]
        if nx1 and nx1 not in ",;)!?\"" and value <= 2400 and _TIME_AFTER.match(t, e):
            return True
        # the last non-space character before the number: the look-behind patterns
        # below all need a letter (or '#', ',', '&', '-') there, so skip them cheaply
        k = s - 1
        while k >= 0 and k > s - 4 and t[k] in " \u00a0\t#.":
            k -= 1
        lead_alpha = k >= 0 and t[k].isalpha()
        # dates: "Oct. 7", "July 14", "14 July", "Dec. 27, 2023"
        if value == int(value) and 1 <= value <= 31 and not is_word:
            if (lead_alpha and _MONTH_BEFORE.search(self.before(s, 14))) or _MONTH_AFTER.match(t, e):
                return True
        if value == int(value) and 1000 <= value <= 2100 and not is_word and _RX_4.fullmatch(t[s:e]):
            b = self.before(s, 14)
            if _MONTH_BEFORE.search(b) or re.search(r"(?:" + MONTHS + r")\.?\s+\d{1,2},?\s+$", self.before(s, 20)):
                return True
        if not is_word and s >= 2 and t[s - 1] == " " and t[s - 2].isdigit() and _MODEL_AFTER.match(t, e):
            return True  # "27 737 Max jets": a number right after a count (not a thousands group) is a name
        if not is_word and value == int(value) and value < 10000 and "," not in t[s:e] and _STREET_AFTER.match(t, e):
            return True  # "47 Elm Road": a house number
        # designators: "No. 7", "Section 230", "Flight 370"
        if not is_word and lead_alpha:
            word = _designator_word(self.before(s, 16))
            if word and (word[0].isupper() or word.lower() in ("no", "nos") or word.lower() in _LOWER_DESIGNATORS):
                return True
        if not is_word and k >= 0 and t[k] in ",&-–dr":
            m = _DESIGNATOR_LIST.search(self.before(s, 40))
            if m and m.group("d").lower() in _DESIGNATOR_WORDS and (
                    m.group("d")[0].isupper() or m.group("d").lower() in _LOWER_DESIGNATORS):
                return True
        return False

    def looks_like_name(self, s: int, e: int) -> bool:
        """``Boeing 737``, ``Windows 10``: a capitalised word right before a bare number."""
        if s < 2 or not self.t[s - 1].isspace() or not (self.t[s - 2].isalnum() or self.t[s - 2] in ".'’&-"):
            return False
        m = _CAP_WORD_BEFORE.search(self.before(s, 30))
        if not m:
            return False
        w = m.group(1)
        if w.endswith(("'s", "’s", "s'", "s’")):
            return False  # "the UN's 193 members", "Apple's 2,000 staff": a possessive, not a model name
        if w.lower().rstrip(".") in _NAME_STOP or w.rstrip(".") in _PLACE_ACRONYMS or w in self.vocab.codes:
            # "US 500", "UK 300": a country before a count
            return False
        if re.fullmatch(MONTHS, w.rstrip(".")):
            return False
        if self.is_sentence_start(s - len(w) - 1) and (
                w.lower().rstrip(".") in _NAME_STOP or w.lower() in N.NUMBER_WORDS):
            return False
        return True

    # -- right side -----------------------------------------------------
    def read_scale(self, a: _Atom, has_currency: bool) -> None:
        t = self.t
        m = _SCALE_AFTER.match(t, a.end)
        if not m:
            return
        sc = m.group("s")
        glued = m.group("sp") == ""
        if not has_currency and sc in N.SHORT_SCALES:
            # "5m USD", "5bn rupees": a currency after the scale makes it money
            after = m.end()
            mn = self.vocab.name_re.match(t, after)
            ms = self.vocab.suffix_sym_re.match(t, after)
            if (mn and lookup_name(mn.group())) or (ms and ms.group().strip() and lookup_symbol(ms.group())):
                has_currency = True
        if sc in N.SHORT_SCALES or sc in ("hundred",):
            if sc in ("m", "b", "k", "T", "B", "M", "MM", "tr", "cr", "K"):
                if not glued and not has_currency:
                    return
                if sc == "m" and not has_currency and not (glued and _m_is_million(t, m.end())):
                    return  # "48m" is metres unless money or a plural/unit follows ("2.4m people")
                if sc in ("t", "T", "B", "b") and not has_currency:
                    if sc in ("B", "b"):
                        return
                    if sc == "T":
                        return
            if sc == "hundred" and a.value != int(a.value):
                pass
        if "-" in m.group("sp") and not has_currency and sc not in ("million", "billion", "trillion"):
            return
        factor = N.SCALE_ABBR.get(sc) or N.SCALE_ABBR.get(sc.lower())
        if factor is None:
            return
        a.scale *= factor
        a.scale_text = sc
        a.end = m.end()
        m2 = _SCALE2_AFTER.match(t, a.end)
        if m2 and N.SCALE_ABBR[m2.group("s").lower()] > 1:
            a.scale *= N.SCALE_ABBR[m2.group("s").lower()]
            a.end = m2.end()
        a.bare = False

    def suffix_possible(self, e: int) -> bool:
        """Cheap pre-check: can a currency, percent or unit word start right after ``e``?"""
        mw = _LEAD_WORD.match(self.t, e)
        if not mw:
            return True  # a symbol, digit or something unusual: take the slow path
        w = mw.group(1)
        if w in _SUFFIX_FIRST or w.lower() in _SUFFIX_FIRST:
            return True
        up = w.upper()
        return up[1:] in self.vocab.codes or up[2:] in self.vocab.codes

    def read_suffix(self, a: _Atom, prefix_cur: Currency | None) -> bool:
        """Currency name / code, percent or unit after the number. Returns False to drop the atom."""
        t = self.t
        e = a.end
        nxt = t[e:e + 2]
        if not nxt or nxt[0] in _NO_SUFFIX or (nxt[0] == " " and nxt[1:] in _NO_SUFFIX and nxt[1:]):
            return True  # punctuation or the end right after the number: nothing to read
        if prefix_cur is None and not self.suffix_possible(e):
            return True
        if prefix_cur is None:
            # minor-unit symbols glued to digits: 99p, 17c
            if e < self.n and t[e] in "pc¢" and (e + 1 >= self.n or not t[e + 1].isalnum()) and a.scale == 1:
                if t[e] in self.vocab.minor_symbols and t[a.end - 1].isdigit():
                    cur = self.vocab.minor_symbols[t[e]]
                    self._set_money(a, cur, t[e], e + 1)
                    return True
            m = self.vocab.name_re.match(t, e)
            mc = self.vocab.suffix_sym_re.match(t, e)
            if m and (not mc or m.end() >= mc.end()):
                name = m.group().strip(" -")
                cur = lookup_name(name)
                if cur is not None:
                    # "pounds" is money only with a scale or "sterling"
                    self._set_money(a, cur, name, m.end())
                    if name.isupper():
                        self._scale_after_currency(a)
                    return True
            if mc and mc.group().strip():
                cur = lookup_symbol(mc.group())
                if cur is not None and (mc.group().strip() != "$" or True):
                    self._set_money(a, cur, mc.group().strip(), mc.end())
                    self._scale_after_currency(a)
                    return True
            mm = _SCALED_CODE.match(t, e)
            if mm and mm.group("c") in self.vocab.codes and a.scale == 1:
                # "120 MUSD", "3 bnEUR"
                a.scale = N.SCALE_ABBR[mm.group("s")]
                a.scale_text = mm.group("s")
                self._set_money(a, self.vocab.codes[mm.group("c")], mm.group("c"), mm.end())
                return True
            # "361 million pounds": pounds with a scale are sterling
            mp = fastre.plain(r"\s+pounds?\b", re.I).match(t, e)
            if mp and a.scale >= 1e6 and not _MASS_ASIDE.match(t, mp.end()):
                self._set_money(a, Currency("GBP"), mp.group().strip(), mp.end())
                return True
            # "300 trillion won": won (also a verb) is money only after a scale
            mw = _WON.match(t, e)
            if mw and a.scale >= 1e3:
                self._set_money(a, Currency("KRW"), "won", mw.end())
                return True
        else:
            # "$ 10 dollars", "US$5m USD": swallow a repeated currency word
            m = self.vocab.name_re.match(t, e)
            if m and lookup_name(m.group()) and lookup_name(m.group()).factor == 1:
                a.end = m.end()
            return True
        m = _PERCENT_AFTER.match(t, e)
        if m and (m.group("sp") == "" or "-" not in m.group("sp") or m.group("pc") != "%"):
            a.kind = "percent"
            a.unit = "percentage_point" if m.group("pp") else "basis_point" if m.group("bp") else "percent"
            a.end = m.end()
            a.bare = False
            return True
        mo = _OIL_RATE.match(t, e)
        if mo:
            if a.scale == 1 and mo.group("s"):
                a.scale = {"m": 1e6, "mm": 1e6, "k": 1e3}[mo.group("s").lower()]
                a.scale_text = mo.group("s")
            a.kind = "measure"
            a.unit, a.dim = Q.LONG["barrels"]
            a.end = mo.end()
            a.bare = False
            return True
        # units
        best = None
        for rx, short in ((_UNIT_AFTER_LONG, False), (_UNIT_AFTER_SHORT, True)):
            mu = rx.match(t, e)
            if mu and (best is None or mu.end() > best[0].end()):
                best = (mu, short)
        if best is not None:
            mu, short = best
            surf = mu.group("u")
            sp = mu.group("sp")
            entry = Q.SHORT.get(surf) if short else Q.LONG.get(re.sub(r"\s+", " ", surf.lower()))
            if entry is None:
                return True
            if short and surf in Q.GLUED_ONLY and sp != "":
                # "5 m", "3 t": only before punctuation, a digit or a size word
                if surf in ("C", "F", "in.", "in", "B", "b", "J", "W") or not _SPACED_UNIT_OK.match(t, mu.end()):
                    return True
            if surf == "in" and _IN_AS_WORD.match(t, mu.end()):
                return True  # "3in April": a lost space before the preposition
            if surf.lower() in ("pound", "pounds") and a.scale >= 1e6 and not _MASS_ASIDE.match(t, mu.end()):
                self._set_money(a, Currency("GBP"), surf, mu.end())
                return True
            if surf.lower() in ("pound", "pounds") and _FX_PER.match(t, mu.end()):
                # "50 pounds per dollar": an exchange rate, in the pound the text is about
                ctx = self.low[max(0, a.start - 150):a.start]
                code = next((c for w, c in _POUND_COUNTRY if w in ctx), "GBP")
                self._set_money(a, Currency(code), surf, mu.end())
                return True
            if surf.lower() in ("degrees", "degree", "deg", "deg.", "°", "º"):
                pass
            if entry[0] in ("degree_Celsius", "degree_Fahrenheit") and short and not t[a.end - 1].isdigit():
                return True
            if entry[0] in ("degree_Celsius", "degree_Fahrenheit") and short and self.looks_like_name(a.start, a.end):
                return False  # "Boeing 777F", "the 13F filing": a model or form name
            a.kind = "measure"
            a.unit, a.dim = entry
            if entry[0] == "degree":
                # bare degrees: an angle when the words around say so ("rotate 90 degrees",
                # "a 180-degree turn"), else possibly a temperature
                win = t[max(0, a.start - 40):mu.end() + 25]
                if _ANGLE_CUES.search(win) and not _TEMP_CUES.search(win):
                    a.dim = "angle"
                    a.extra["dimension"] = "angle"
                else:
                    a.dim = "temperature?"
            a.end = mu.end()
            a.bare = False
            return True
        mb = _BRACKET_UNIT.match(t, e)
        if mb:
            # "20 (kg)", "20 [kg]": the unit in brackets
            u = mb.group("u")
            entry = Q.SHORT.get(u) or Q.LONG.get(u.lower())
            if entry is not None and entry[1] != "temperature?":
                a.kind = "measure"
                a.unit, a.dim = entry
                a.end = mb.end()
                a.bare = False
        return True

    def _scale_after_currency(self, a: _Atom) -> None:
        """``75 USD million``: a scale word after a currency code."""
        m2 = _SCALE2_AFTER.match(self.t, a.end)
        if m2 and a.scale == 1:
            a.scale = N.SCALE_ABBR[m2.group("s").lower()]
            a.scale_text = m2.group("s")
            a.end = m2.end()

    def _set_money(self, a: _Atom, cur: Currency, text: str, end: int) -> None:
        a.kind = "money"
        a.unit = cur.code
        a.ambiguous = cur.ambiguous
        a.candidates = cur.candidates
        a.currency_text = text
        if cur.factor != 1:
            a.scale *= cur.factor
            a.extra["minor_unit"] = text
        a.end = end
        a.bare = False


_ALPHA_CACHE: dict[int, frozenset[str]] = {}


def _alpha_forms(v: Any) -> frozenset[str]:
    """Lower-cased all-letter symbols and codes (``usd``, ``rs``, ``kr``): prefixes worth a regex look."""
    got = _ALPHA_CACHE.get(id(v))
    if got is None:
        forms = {k.lower() for k in v.codes} | {k.replace(".", "").lower() for k in v.symbols}
        got = frozenset(f for f in forms if f.isalpha()) | frozenset({"rs", "fr", "sfr", "us", "u.s"})
        _ALPHA_CACHE[id(v)] = got
    return got


_NEXT_WORDS = fastre.compile(r"[ \u00a0](?P<w>[a-z][a-z'’-]*)(?:[ \u00a0](?P<w2>[a-z]+))?")
_SIZE_WORDS = frozenset("""tall long high deep wide away thick across in of from above below under over
beneath behind ahead down up offshore inland underground uphill deeper higher longer wider taller further
farther""".split())


def _m_is_million(t: str, pos: int) -> bool:
    """After a glued ``m`` with no currency: ``2.4m people`` / ``1.5m barrels`` (million), not ``48m tall``."""
    mw = _NEXT_WORDS.match(t, pos)
    if not mw:
        return False
    w = mw.group("w")
    if w in _SIZE_WORDS:
        return False
    if w in Q.LONG or (mw.group("w2") and f"{w} {mw.group('w2')}" in Q.LONG):
        return True
    if w in PLURAL_IRREGULAR or w in ("people", "users", "viewers", "customers"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


_NAME_BEFORE: dict[int, "re.Pattern[str]"] = {}


def _name_before_re(v: Any) -> "re.Pattern[str]":
    rx = _NAME_BEFORE.get(id(v))
    if rx is None:
        alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(v.names, key=len, reverse=True))
        rx = _NAME_BEFORE[id(v)] = fastre.plain(r"(?<![\w])(?i:" + alt + r")\s$")
    return rx


_COUNTRY_CUES = {code: fastre.plain(r"\b(?:" + cue + r")", re.I) for code, cue in {
    "NOK": "Norw", "DKK": "Denmark|Danish|Greenland|Faroe", "SEK": "Swed", "ISK": "Iceland",
    "CZK": "Czech", "PKR": "Pakistan", "LKR": "Sri Lanka", "NPR": "Nepal", "MUR": "Mauritius",
    "INR": "India", "CHF": "Swiss|Switzerland|Zurich|Geneva", "MXN": "Mexic", "ARS": "Argentin",
    "PHP": "Philippin|Manila", "COP": "Colombia", "CLP": "Chile", "UYU": "Urugua", "SAR": "Saudi",
    "QAR": "Qatar", "IRR": "Iran", "OMR": "Oman", "YER": "Yemen", "KWD": "Kuwait", "BHD": "Bahrain",
    "JOD": "Jordan", "IQD": "Iraq", "DZD": "Algeria", "TND": "Tunisia", "LYD": "Libya", "RSD": "Serbia",
    "KES": "Kenya", "UGX": "Uganda", "TZS": "Tanzania", "SOS": "Somali"}.items()}


def _bare_word_ok(t: str, a: _Atom, sc: "_Scanner") -> bool:
    if abs(a.raw) < 2 or a.raw != int(a.raw) and not a.range_end:
        return False
    first = t[a.start:a.end].lstrip("-−~ ")
    core = _RX_5.search(t[a.start:a.end])
    if core and t[a.start + core.start()].isupper() and not sc.is_sentence_start(a.start + core.start()) \
            and not t[a.start:a.end][:core.start()].strip():
        return False
    if _RX_6.match(t[a.end:a.end + 2]) or _RX_7.search(sc.before(a.start, 2)):
        return False
    return bool(first)


def _compound(a: _Atom, b: _Atom, t: str) -> "_Atom | None":
    """One amount stated in two units, in the first: ``5 feet 2 inches`` (5.1667 foot), ``3 dollars 50 cents``."""
    if a.scale != 1 or a.raw < 0 or b.raw < 0:
        return None
    if a.kind == "measure":
        if b.kind == "number" and b.bare and a.unit == "foot" and _INCH_AFTER.match(t, b.end):
            unit, end = "inch", _INCH_AFTER.match(t, b.end).end()
        elif b.kind == "measure" and (a.unit, b.unit) in _COMPOUNDS:
            unit, end = b.unit, b.end
        else:
            return None
        factor = _COMPOUNDS[(a.unit, unit)]
        if a.raw != int(a.raw) or b.raw >= factor:
            return None
        # stated in the first (larger) unit: "5 feet 2 inches" is 5.1667 feet
        r = _Atom(a.start, end, a.raw + b.raw / factor, b.rounding / factor, kind="measure", unit=a.unit,
                  dim=a.dim, raw=a.raw + b.raw / factor, bare=False)
        r.extra["minor_part"] = (b.raw, unit)
        r.extra["compound"] = True
        return r
    if a.kind == "money" and b.kind == "number" and b.bare and not a.extra.get("minor_unit") \
            and a.raw == int(a.raw) and b.raw == int(b.raw) and 0 < b.raw < 100 and _CLAUSE_END.match(t, b.end) \
            and (b.word or len(t[b.start:b.end].strip()) == 2):
        # "15 dollars 50", "one dollar and two", "17 USD 25": the minor units after the major
        r = _Atom(a.start, b.end, a.value + b.raw / 100, 0.005, kind="money", unit=a.unit,
                  currency_text=a.currency_text, ambiguous=a.ambiguous, candidates=a.candidates,
                  raw=a.value + b.raw / 100, bare=False)
        r.extra["compound"] = True
        return r
    if a.kind == "money" and b.kind == "money" and a.unit == b.unit and not a.extra.get("minor_unit") \
            and b.extra.get("minor_unit") and b.scale == 0.01 and b.raw < 100 and a.raw == int(a.raw) \
            and not b.currency_text[:1] in "$£€":
        r = _Atom(a.start, b.end, a.value + b.value, b.rounding, kind="money", unit=a.unit,
                  currency_text=a.currency_text, ambiguous=a.ambiguous, candidates=a.candidates,
                  raw=a.value + b.value, bare=False)
        r.extra["compound"] = True
        return r
    return None


def _qualify(a: _Atom, q: str, word: str) -> None:
    v = a.value
    if q == "~":
        a.qualifier = "~"
        a.low, a.high = sorted((v * 0.9, v * 1.1))
    elif q == "~-":
        a.qualifier = "~"
        a.low, a.high = sorted((v * 0.9, v))
    elif q in (">", ">="):
        a.qualifier, a.low, a.high = q, v, None
    elif q in ("<", "<="):
        a.qualifier, a.low, a.high = q, None, v
    if word:
        a.extra["approx_word"] = re.sub(r"\s+", " ", word.lower())


def extract_figures(text: str, sentences: Sequence[Any] | None = None) -> list[Claim]:
    """Every figure in ``text`` as a :class:`Claim`, sorted by start offset."""
    if not text:
        return []
    sc = _Scanner(text, sentences)
    t = sc.t
    atoms: list[_Atom] = []

    # 1. multipliers and fractions (claim their spans first)
    low = sc.low
    for m in _MULTIPLIER.finditer(t) if _cued(low, _MULTIPLIER_CUES) else ():
        if m.group("w"):
            w = m.group("w").lower()
            val = 0.5 if w.startswith("halv") else 2 if w.startswith("doubl") else \
                3 if w.startswith(("tripl", "trebl")) else 4
        elif m.group("tw"):
            val = float(N.UNITS_WORDS.get(m.group("tw").lower()[:-4], 100 if "hundred" in m.group("tw").lower() else 10))
        else:
            g = m.group("n") or m.group("tn").split()[0]
            if g.lower() == "twice":
                val = 2.0
            elif g.replace(".", "").isdigit():
                val = float(g)
            else:
                val = float(N.NUMBER_WORDS.get(g.lower(), 0))
        if not val:
            continue
        a = _Atom(m.start(), m.end(), val, 0.0, kind="number", word=True)
        a.extra["role"] = "multiplier"
        atoms.append(a)
        sc.take(m.start(), m.end())

    for m in _ONE_IN.finditer(t):
        if not sc.free(m.start(), m.end()):
            continue
        av = float(m.group("a")) if m.group("a").isdigit() else N.UNITS_WORDS[m.group("a").lower()]
        bv = float(m.group("b")) if m.group("b").isdigit() else N.NUMBER_WORDS[m.group("b").lower()]
        if not bv or av >= bv:
            continue
        a = _Atom(m.start(), m.end(), av / bv, 0.0, kind="number", word=True)
        a.extra["role"] = "fraction"
        atoms.append(a)
        sc.take(m.start(), m.end())

    fraction_cued = _cued(low, _FRACTION_CUES)
    for m in _FRACTION_POINT.finditer(t) if fraction_cued and _cued(low, _POINT_CUES) else ():
        # "a quarter-point cut", "half a point": rate moves in percentage points
        if not sc.free(m.start(), m.end()):
            continue
        numv = {"": 1, "a": 1, "one": 1, "three": 3}[(m.group("n") or "").lower()]
        a = _Atom(m.start(), m.end(), numv * (0.5 if m.group("d").lower() == "half" else 0.25), 0.0,
                  kind="percent", unit="percentage_point", word=True, bare=False)
        a.raw = a.value
        atoms.append(a)
        sc.take(m.start(), m.end())

    for m in _FRACTION.finditer(t) if fraction_cued else ():
        if not sc.free(m.start(), m.end()) or _HALF_SCALE.match(t, m.start()):
            continue
        num = (m.group("num") or "").lower()
        den_w = m.group("den").lower()
        den = N.ORDINAL_FRACTIONS[den_w]
        plural = den_w.endswith("s") or den_w == "halves"
        after = t[m.end():m.end() + 12]
        before = sc.before(m.start(), 12).lower()
        if den_w in ("half",):
            if num in ("a", "an", "one") or _RX_8.match(after):
                pass
            else:
                continue
            if _RX_9.search(before):
                continue
        elif not num:
            continue
        elif num in ("a", "an", "one") and not plural:
            # "a fifth of", "fell by a fifth", "about a third higher"
            if not (_RX_10.match(after) or _BY_END.search(before) or _FRACTION_COMPARATIVE.match(after)):
                continue
        elif num not in ("a", "an", "one") and not plural:
            continue
        numv = 1 if num in ("", "a", "an") else N.UNITS_WORDS[num]
        # "a quarter of a percentage point", "half a cent", "three-quarters of a mile": a measure
        mo = _OF_A.match(t, m.end())
        if mo and _DURATION.match(t, mo.end()):
            sc.take(m.start(), _DURATION.match(t, mo.end()).end())  # "half an hour": a duration
            continue
        if mo:
            a = _Atom(m.start(), mo.end(), numv / den, 0.0, raw=numv / den, word=True)
            sc.read_suffix(a, None)
            if a.kind != "number":
                a.value = a.raw * a.scale
                atoms.append(a)
                sc.take(a.start, a.end)
                continue
        a = _Atom(m.start(), m.end(), numv / den, 0.0, kind="number", word=True)
        a.extra["role"] = "fraction"
        atoms.append(a)
        sc.take(m.start(), m.end())

    for m in _VAGUE.finditer(t) if _cued(low, _VAGUE_CUES) else ():
        if not sc.free(m.start(), m.end()):
            continue
        v = m.group("v").lower()
        parts = re.findall(r"[a-z]+", v)
        val = 1.0
        for p in parts:
            if p in _VAGUE_VALUE:
                val *= _VAGUE_VALUE[p]
        if m.group("outer"):
            val *= _VAGUE_VALUE[m.group("outer").lower()]
        a = _Atom(m.start(), m.end(), val, 0.0, kind="count", word=True)
        a.extra["vague"] = True
        _qualify(a, ">", "")
        a.extra["approx_word"] = re.sub(r"\s+", " ", t[m.start():m.end()].lower())
        # "millions of dollars"
        mn = sc.vocab.name_re.match(t, m.end())
        if mn and lookup_name(mn.group()):
            sc._set_money(a, lookup_name(mn.group()), mn.group().strip(), mn.end())
            a.low = a.value
        atoms.append(a)
        sc.take(m.start(), a.end)

    # "dozens injured", "killing hundreds": vague multiples without "of"
    for m in _VAGUE_BARE.finditer(t) if _cued(low, _VAGUE_BARE_CUES) else ():
        if not sc.free(m.start(), m.end()):
            continue
        a = _Atom(m.start(), m.end(), _VAGUE_VALUE[m.group("v").lower()], 0.0, kind="count", word=True)
        a.extra["vague"] = True
        _qualify(a, ">", "")
        a.extra["approx_word"] = m.group("v").lower()
        atoms.append(a)
        sc.take(m.start(), m.end())

    # 2. numeric cores
    for s, e, val, half, is_word in sc.cores():
        if not sc.free(s, e):
            continue
        if is_word and val == 1 and re.search(r"\b(?:no|every|any|some)\s$|\bno-$", sc.before(s, 6), re.I):
            sc.take(s, e)
            continue
        if sc.excluded(s, e, val, is_word):
            sc.take(s, e)
            continue
        a = _Atom(s, e, val, half, raw=val, word=is_word)
        # vulgar / slash fractions: "10 1/2 miles", "1/4 mile"
        mf = _MIXED_FRAC.match(t, e) if not is_word and e < sc.n and t[e] in " /" else None
        mf2 = _SLASH_FRAC.match(t, e) if not is_word and e < sc.n and t[e] == "/" else None
        if mf and t[e:mf.end()].startswith(" ") and int(mf.group(2)) and int(mf.group(1)) < int(mf.group(2)):
            a.raw = val + int(mf.group(1)) / int(mf.group(2))
            a.end = mf.end()
            a.rounding = 0.0
        elif mf2 and int(mf2.group(1)) and val < int(mf2.group(1)) and val == int(val):
            a.raw = val / int(mf2.group(1))
            a.end = mf2.end()
            a.rounding = 0.0
            a.extra["role"] = "fraction"
        elif not is_word and e < sc.n and t[e] in N.VULGAR:
            a.raw = val + N.VULGAR[t[e]]
            a.end = e + 1
            a.rounding = 0.0
        if is_word:
            mh = _AND_A_HALF.match(t, a.end)
            if mh:
                a.raw += 0.5 if mh.group("f").lower() == "half" else 0.25
                a.end = mh.end()
        # currency prefix
        tail = sc.before(s, 12).rstrip().rsplit(None, 1)
        tail_tok = tail[-1] if tail else ""
        if not tail_tok or (tail_tok.isalpha() and tail_tok.lower() not in sc.vocab_alpha) \
                or tail_tok[-1].isdigit() or tail_tok[-1] in ",;:()[]\"'“”‘’":
            pm = None
        else:
            pm = sc.vocab.prefix_re.search(sc.before(s, 12))
        prefix_cur = None
        if pm and _ARTICLE_DOLLAR.fullmatch(pm.group()):
            # "a $5m deal", "its $": the article is not a currency prefix
            pm = _DOLLAR_END.search(sc.before(s, 12))
        if pm and not sc.free(s - len(pm.group()), s):
            pm = None
        if pm and not is_word or (pm and pm.group().strip() in ("$", "£", "€")):
            prefix_cur = lookup_symbol(pm.group())
            if prefix_cur is not None:
                a.start = s - len(pm.group())
                a.currency_text = pm.group().strip()
        elif pm is None and not is_word and s >= 2 and t[s - 1] == "-" and t[s - 2] in "$£€¥₹":
            # "$-99.99": the sign after the currency symbol
            pm2 = sc.vocab.prefix_re.search(sc.before(s - 1, 12))
            cur2 = lookup_symbol(pm2.group()) if pm2 and sc.free(s - 1 - len(pm2.group()), s) else None
            if cur2 is not None:
                prefix_cur = cur2
                a.start = s - 1 - len(pm2.group())
                a.currency_text = pm2.group().strip()
                a.raw = -a.raw
        # sign
        if a.start == s:
            b = sc.before(s, 8)
            bt = b.rstrip()
            if not is_word and bt.endswith("-") and _NEG_SIGN.search(b) and not _DIGIT_DASH.search(b):
                a.raw = -a.raw
                a.start = s - len(_DASH_END.search(b).group())
            elif bt[-5:].lower() == "minus" or bt[-8:].lower() == "negative":
                mneg = _MINUS_WORD.search(b)
                if mneg and not _PLUS_OR_MINUS.search(sc.before(s, 16)):
                    a.raw = -a.raw
                    a.start = s - len(mneg.group())
        a.value = a.raw
        sc.read_scale(a, prefix_cur is not None)
        if prefix_cur is not None and a.currency_text in _LETTER_SYMBOLS and not a.scale_text \
                and not _PRICE_DIGITS.fullmatch(t[s:e]) and not _LETTER_MONEY_AFTER.match(t, a.end):
            sc.take(a.start, a.end)  # "R2", "N95": a letter before digits is money only with a scale
            continue
        if prefix_cur is not None:
            sc._set_money(a, prefix_cur, a.currency_text, a.end)
            sc.read_suffix(a, prefix_cur)
        else:
            if not sc.read_suffix(a, None):
                sc.take(s, e)
                continue
            if a.bare and not is_word and _GLUED_CODE.match(t, a.end):
                sc.take(s, a.end)  # "4G", "3D", "4x4": digits glued to a letter that is no unit
                continue
            if a.kind == "number" and a.scale > 1 and a.start == s and t[s - 1:s] == " ":
                # "US dollars 5 million": the currency name before a scaled number
                mn = _name_before_re(sc.vocab).search(sc.before(s, 30))
                if mn and sc.free(s - len(mn.group()), s):
                    cur = lookup_name(mn.group())
                    if cur is not None and cur.factor == 1:
                        end = a.end
                        sc._set_money(a, cur, mn.group().strip(), end)
                        a.start = s - len(mn.group())
        # durations, ages: belong to the temporal extractor
        if a.kind in ("number", "count") and a.extra.get("role") != "fraction":
            md = _DURATION.match(t, a.end)
            if md:
                sc.take(a.start, md.end())
                mr = _RANGE_JOIN_BEFORE.search(sc.before(a.start, 12))
                if mr:
                    sc.duration_ends.add(a.start - len(mr.group()))  # "four to five years"
                continue
            if not is_word and a.bare and a.value == int(a.value) and 0 < a.value < 120 \
                    and _RX_11.fullmatch(t[s:e]) \
                    and _RX_12.search(sc.before(a.start, 30)) \
                    and _RX_13.match(t[a.end:a.end + 2]):
                sc.take(a.start, a.end)  # "the victim, 42, was taken": an age
                continue
        if a.kind in ("number", "count") and (a.bare or a.scale_text == "hundred") and a.extra.get("role") != "fraction":
            if not is_word and a.value == int(a.value) and 0 < a.value < 125 and "," not in t[a.start:a.end] \
                    and _AGE_BEFORE.search(sc.before(a.start, 30)):
                bb = sc.before(a.start, 30)
                if re.search(r"\b(?:aged|age|ages|age of)\s+$", bb, re.I) or _AGE_AFTER_COMMA.match(t, a.end):
                    sc.take(a.start, a.end)
                    continue
            if not is_word and a.value == int(a.value) and 0 < a.value < 125 and "," not in t[a.start:a.end] \
                    and _AGE_LIST_BEFORE.search(sc.before(a.start, 40)):
                sc.take(a.start, a.end)
                continue
            if _YEARS_OLD.match(t[a.end:a.end + 16]):
                sc.take(a.start, a.end)
                mr = _RANGE_JOIN_BEFORE.search(sc.before(a.start, 12))
                if mr:
                    sc.duration_ends.add(a.start - len(mr.group()))  # "10- and 11-year-olds"
                continue
            # years
            txt = t[s:e]
            if not is_word and _RX_4.fullmatch(txt) and 1000 <= a.value <= 2100:
                sc.take(a.start, a.end)
                continue
            if not is_word and _RX_14.fullmatch(txt) and _RX_15.match(t[a.end:a.end + 6]) \
                    and 1900 <= a.value <= 2100:
                sc.take(a.start, a.end + len(_RX_16.match(t[a.end:a.end + 8]).group()))
                continue
            if not is_word and txt.count(".") <= 1 and "," not in txt and sc.looks_like_name(a.start, a.end):
                sc.take(a.start, a.end)
                continue
        a.value = a.raw * a.scale
        if a.scale_text:
            a.extra["scale_word"] = a.scale_text
        if a.word and a.scale == 1 and a.kind == "number":
            # a bare number word is a figure only with a noun (decided below)
            a.extra["_word_needs_noun"] = True
        if a.kind == "percent" and a.raw == int(a.raw) and "." not in t[s:e]:
            a.rounding = 0.5  # "30%": a whole percentage is precise to half a point
        a.rounding = a.rounding * abs(a.scale)
        sc.take(a.start, a.end)
        atoms.append(a)

    # "a gallon of petrol", "an acre": one unit, unless it is the "per" of a figure before it
    for m in _A_UNIT.finditer(t):
        if not sc.free(m.start(), m.end()):
            continue
        entry = Q.LONG.get(re.sub(r"\s+", " ", m.group("u").lower()))
        if entry is None or entry[0] in _A_UNIT_SKIP:
            continue
        k = m.start() - 1
        while k >= 0 and t[k].isspace():
            k -= 1
        if k >= 0 and (sc.taken[k] or t[k].isdigit()):
            continue
        if re.search(r"(?:\b(?:per|each|every|the|what|such|quite|half|than)\s+|[-/])$", sc.before(m.start(), 10), re.I):
            continue
        a = _Atom(m.start(), m.end(), 1.0, 0.0, kind="measure", raw=1.0, word=True, bare=False)
        a.unit, a.dim = entry
        atoms.append(a)
        sc.take(m.start(), m.end())

    atoms.sort(key=lambda x: x.start)
    if sc.duration_ends:
        # the first end of a duration range ("four to five years") is a duration too
        atoms = [a for a in atoms if not (a.end in sc.duration_ends and a.kind in ("number", "count") and a.bare)]

    # 3. ranges
    merged: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.extra.get("role") is None and atoms[i + 1].extra.get("role") is None:
            b = atoms[i + 1]
            gap = t[a.end:b.start]
            mg = _RX_17.fullmatch(gap)
            if mg and a.kind == "money" and b.kind == "number" and not a.scale_text and b.scale_text \
                    and a.raw <= b.raw:
                # "$10-15 billion": the currency of the first end, the scale of the second
                b.kind, b.unit, b.currency_text = "money", a.unit, a.currency_text
                b.ambiguous, b.candidates = a.ambiguous, a.candidates
                a.bare = True
            if mg and b.kind != "number" or (mg and a.kind == b.kind):
                word = gap.strip()
                if len(word) > 1 and word[0] == "-":
                    word = word[1:].strip()  # "8- to 16-meter"
                before = sc.before(a.start, 12).lower()
                is_between = bool(_RX_18.search(before))
                wide = sc.before(a.start, 24).lower()
                is_span = bool(_SPAN_FROM.search(wide))  # "ranging from -18C to -34C"
                # "from 7 to 10" is a range; "rose from 420 to 630" is a change
                is_from = bool(_FROM_CHANGE.search(wide)) and not is_span
                ok = (word in ("-", "–", "—") or word == "to" and not is_from
                      or word == "and" and is_between or word == "or" and a.bare and not a.word
                      or word in ("through", "thru") and (a.bare or a.unit == b.unit))
                if ok and word == "to" and _CHANGE_BEFORE.search(wide) and a.value > 0 \
                        and b.value > 3 * (a.raw * (b.scale if not a.scale_text and b.scale_text and a.raw <= b.raw else a.scale)):
                    ok = False  # "rose 15 cents to $4.12": a change, then the new level
                if word in ("-",) and (" " in gap) and not a.bare:
                    ok = False
                same = (a.kind == b.kind and a.unit == b.unit) or (a.bare and not a.word or a.bare and b.word)
                if ok and same and not a.extra.get("vague") and not b.extra.get("vague"):
                    lo_raw, hi_raw = a.raw, b.raw
                    lo = a.value
                    lo_round = a.rounding
                    if not a.scale_text and b.scale_text and lo_raw <= hi_raw:
                        lo = lo_raw * b.scale
                        lo_round = a.rounding * b.scale
                    descending = is_span and lo > b.value
                    if lo < b.value or (word == "and" and lo <= b.value) or descending:
                        r = _Atom(a.start, b.end, lo, lo_round, kind=b.kind, unit=b.unit, dim=b.dim,
                                  currency_text=b.currency_text or a.currency_text, ambiguous=b.ambiguous,
                                  candidates=b.candidates, raw=lo_raw, scale=b.scale, scale_text=b.scale_text,
                                  word=a.word and b.word, bare=b.bare)
                        r.extra = {k: v for k, v in b.extra.items()}
                        r.qualifier, r.low, r.high = "range", lo, b.value
                        if descending:
                            r.value, r.low, r.high = b.value, b.value, lo
                        if is_between:
                            r.start = a.start - len(_RX_19.search(before).group())
                        r.extra["range_sep"] = word
                        merged.append(r)
                        i += 2
                        continue
                    elif word in ("-",) and gap == "-" and a.bare and b.bare and not a.word:
                        # scores and codes ("3-1", "2-0"): not figures
                        i += 2
                        continue
        merged.append(a)
        i += 1
    atoms = merged

    # 3b. compound amounts ("5 feet 2 inches", "6ft 4in", "3 dollars 50 cents") and
    # accounting negatives ("($12.5) million" when no amount comes right before it)
    merged = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.qualifier == "=" and b.qualifier == "=" and _PLUS_MINUS.fullmatch(t, a.end, b.start) \
                and (a.bare or b.bare or a.unit == b.unit) and b.value >= 0:
            # "9.83e-3 +/- 1e-5 km/s2", "12 ± 0.5 kg": a value with its uncertainty
            if a.bare and not b.bare:
                a.kind, a.unit, a.dim, a.currency_text = b.kind, b.unit, b.dim, b.currency_text
                a.ambiguous, a.candidates, a.bare = b.ambiguous, b.candidates, False
            u = b.value if (b.scale != 1 or not a.scale_text) else b.raw * a.scale
            a.qualifier, a.low, a.high = "~", a.value - u, a.value + u
            a.extra["uncertainty"] = u
            a.end = b.end
            merged.append(a)
            i += 2
            continue
        if b is not None and a.qualifier == "=" and b.qualifier == "=" and not a.extra.get("role") \
                and _COMPOUND_GAP.fullmatch(t, a.end, b.start):
            merged_atom = _compound(a, b, t)
            if merged_atom is not None:
                merged.append(merged_atom)
                i += 2
                continue
        if a.kind == "money" and a.qualifier == "=" and a.value > 0:
            mo = _OPEN_BEFORE.search(sc.before(a.start, 4))
            mc = _CLOSE_AFTER.match(t, a.end)
            prev = merged[-1] if merged else None
            after_amount = prev is not None and not t[prev.end:a.start - len(mo.group()) if mo else a.start].strip()
            if mo and mc and not after_amount:
                a.start -= len(mo.group())
                a.end = mc.end()
                if mc.group("s") and a.scale == 1:
                    f = N.SCALE_ABBR.get(mc.group("s")) or N.SCALE_ABBR.get(mc.group("s").lower())
                    a.scale, a.scale_text = f, mc.group("s")
                    a.rounding *= f
                a.raw = -a.raw
                a.value = a.raw * a.scale
                a.extra["accounting_negative"] = True
        merged.append(a)
        i += 1
    atoms = merged

    # 4. qualifiers, per-units, nouns
    out_atoms: list[_Atom] = []
    for a in atoms:
        if a.qualifier == "=" and not a.extra.get("role"):
            lw = _LAST_WORD.search(sc.before(a.start, 24))
            mq = _QUAL_BEFORE.search(sc.before(a.start, 40)) if lw and lw.group(1).lower() in _QUAL_LAST else None
            if mq:
                q = next(_QUALIFIERS[int(k[1:])][1] for k, v in mq.groupdict().items() if v)
                word = next(v for v in mq.groupdict().values() if v)
                if not (word.lower() == "some" and a.word) and not (word.lower() in ("over", "under", "above", "below", "beyond") and _RX_20.search(sc.before(a.start - len(mq.group()), 10).lower()) and False):
                    _qualify(a, q, word)
                    a.start -= len(mq.group())
            ma = _QUAL_AFTER.match(t, a.end)
            if a.qualifier == "=" and ma:
                if ma.group("ge"):
                    _qualify(a, ">=", ma.group("ge"))
                elif ma.group("le"):
                    _qualify(a, "<=", ma.group("le"))
                else:
                    _qualify(a, "~", ma.group("ap"))
                a.end = ma.end()
        if a.qualifier == "=":
            a.low = a.high = a.value
        # compound rates: "50 km/ms", "50 meters per millisecond", "3 litres per second"
        if a.kind == "measure" and "/" not in a.unit and a.dim in (Q.L, Q.V, Q.M, Q.D, Q.E):
            mr = _RATE_AFTER.match(t, a.end)
            if mr:
                d = mr.group("d").lower()
                den = _TIME_DEN.get(d) or _TIME_DEN.get(d[:-1] if d.endswith("s") and len(d) > 3 else d)
                if den and not (a.dim == Q.L and den == "hour"):
                    a.unit = f"{a.unit} / {den}"
                    a.dim = f"{a.dim}/time"
                    a.end = mr.end()
        # per-unit prices: "$350 per kg", "4.2 yuan per watt", "$70-a-share"
        if a.kind in ("money", "measure", "count", "number"):
            mp = _PER_AFTER.match(t, a.end)
            if mp and a.kind in ("money", "measure"):
                w = mp.group("w")
                wl = w.lower()
                entry = Q.LONG.get(wl) or Q.SHORT.get(w) or Q.LONG.get(wl.split()[-1]) or Q.SHORT.get(w.split()[-1])
                last = wl.split()[-1]
                if entry:
                    a.extra["per"] = entry[0]
                elif last in ("share", "year", "month", "day", "week", "hour", "head", "person", "capita",
                              "barrel", "tonne", "ton", "unit", "household", "litre", "liter", "gallon",
                              "annum", "dozen", "night", "piece", "item", "vehicle", "car", "ticket",
                              "student", "employee", "worker", "passenger", "share,", "seat"):
                    a.extra["per"] = last
        # nouns
        if a.kind in ("number", "count") and a.extra.get("role") is None:
            noun, nend = _count_noun(t, a.end, a.value)
            if noun:
                a.noun = noun
                a.kind = "count"
                a.end = nend
            elif a.extra.get("vague"):
                pass
        elif a.kind in ("money", "measure"):
            a.noun = _of_noun(t, a.end)
        bare_word = False
        if a.extra.get("_word_needs_noun") and not a.noun:
            # "two of them", "killing nine": a number word of two or more stands alone;
            # "one" (a pronoun), names ("Formula One") and modifiers ("three-time") do not
            bare_word = _bare_word_ok(t, a, sc)
            if not bare_word:
                continue
        a.extra.pop("_word_needs_noun", None)
        if a.kind == "number" and a.word and not a.extra.get("role") and not bare_word:
            continue
        out_atoms.append(a)
    atoms = out_atoms

    # 5. stated equivalents
    for j in range(1, len(atoms)):
        b = atoms[j]
        for k in (j - 1,):
            a = atoms[k]
            root = a.equivalent_of if a.equivalent_of is not None else k
            base = atoms[root]
            if not _fmt_dim_ok(base, b):
                continue
            gap = t[a.end:b.start]
            if _RX_21.fullmatch(gap):
                b.equivalent_of = root
            elif a.equivalent_of is not None and _RX_22.fullmatch(gap) \
                    and b.unit != base.unit:
                b.equivalent_of = root
            elif re.fullmatch(r"\s*(?:,\s*|\s*-{1,2}\s*|\s*—\s*|\s*/\s*)?(?:or\s+|equivalent\s+to\s+|equal\s+to\s+|"
                              r"which\s+is\s+|i\.e\.\s+|worth\s+)?\s*", gap) and gap.strip() and b.unit != base.unit \
                    and a.equivalent_of is None:
                b.equivalent_of = root
            elif gap == " " and b.unit != base.unit and b.kind == "measure" and False:
                b.equivalent_of = root

    claims: list[Claim] = []
    orig = sc.orig
    for a in atoms:
        if a.kind == "money" and a.ambiguous and not any(ch in a.currency_text for ch in "$¥"):
            # "Norway's wealth fund ... 15 trillion kroner": a country named in the sentence
            win = t[max(0, a.start - 160):a.end + 60]
            hits = {c for c in a.candidates if c in _COUNTRY_CUES and _COUNTRY_CUES[c].search(win)}
            if len(hits) == 1:
                a.unit = hits.pop()
                a.extra["currency_from_context"] = True
        s, e = a.start, a.end
        while e > s and orig[e - 1].isspace():
            e -= 1
        while s < e and orig[s].isspace():
            s += 1
        extra = {k: v for k, v in a.extra.items() if not k.startswith("_")}
        if a.ambiguous:
            extra["candidates"] = a.candidates
        claims.append(Claim(
            kind=a.kind, start=s, end=e, text=orig[s:e], value=a.value, low=a.low, high=a.high,
            qualifier=a.qualifier, unit=a.unit, noun=a.noun, rounding=abs(a.rounding),
            currency_ambiguous=a.ambiguous, currency_text=a.currency_text if a.kind == "money" else "",
            equivalent_of=a.equivalent_of, extra=extra))
    return claims


def _count_noun(t: str, pos: int, value: float) -> tuple[str, int]:
    """The counted noun right after a number (``600 Americans`` -> ``Americans``)."""
    words: list[tuple[str, int, int]] = []
    p = pos
    for _ in range(3):
        m = _NOUN_WORD.match(t, p)
        if not m:
            break
        w = m.group("w")
        if w.lower() in _NOUN_STOP:
            break
        words.append((w, m.start("w"), m.end("w")))
        p = m.end()
    if not words:
        return "", pos
    # choose the head: the first plural-looking word (or a single word when value == 1)
    for idx, (w, ws, we) in enumerate(words):
        wl = w.lower().rstrip("'’")
        plural = (wl in PLURAL_IRREGULAR or (wl.endswith("s") and not wl.endswith(("ss", "us", "is")) and len(wl) > 2))
        if wl in _VERBISH:
            return "", pos
        if plural:
            if idx > 0 and w[0].isupper() != words[0][0][0].isupper() and not words[0][0][0].isupper():
                pass
            first = words[0][1]
            return t[first:we], we
        if idx == 0 and value == 1 and not w[0].isupper() and len(words) == 1:
            return w, we
        if w[0].isupper() and idx == 0 and len(words) == 1:
            return "", pos
    return "", pos


def _of_noun(t: str, pos: int) -> str:
    m = _OF_NOUN.match(t, pos)
    if not m:
        return ""
    p = m.end()
    words = []
    for _ in range(3):
        mw = fastre.plain(r"([A-Za-z][A-Za-z'’-]*)").match(t, p)
        if not mw or mw.group(1).lower() in _NOUN_STOP:
            break
        words.append(mw.group(1))
        p = mw.end()
        if p < len(t) and t[p] != " ":
            break
        p += 1
    return " ".join(words)
