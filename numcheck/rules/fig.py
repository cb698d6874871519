"""FIG: figures that contradict each other or their own arithmetic.

FIG001 conflicting-figure, FIG002 part-exceeds-whole, FIG003 percentage-sum,
FIG004 change-arithmetic, FIG005 unit-conversion-mismatch.

Every figure is compared as an interval: its qualifier (``as many as 500`` is
0..500, ``more than 60%`` is 60..) widened by the rounding of the number as
written (``2,300`` stands for 2,250..2,350).  A rule fires only when no pair of
values inside the intervals satisfies the relation.
"""
from __future__ import annotations

import dataclasses
import math
import re
from typing import Iterable, Iterator, Sequence

from numcheck.models import Claim
from numcheck.rules import RuleContext, rule
from numcheck.rules.cur import (ROUND_NUMBER_CAP, _sig, equivalent_interval, interval, is_approximate, pair_span, rounding_of,
                                 stated_equivalents)
from numcheck import fastre

# -- helpers --------------------------------------------------------------------------------


def _sentence_figures(ctx: RuleContext) -> Iterator[tuple[int, int, list[Claim]]]:
    """(start, end, figures) for each sentence that has any."""
    by_sentence: dict[int, list[Claim]] = {}
    a = ctx.analysis
    for c in a.figures:
        by_sentence.setdefault(a.sentence_index(c.start), []).append(c)
    for i in sorted(by_sentence):
        s = a.sentence_of(by_sentence[i][0].start)
        yield s.start, s.end, sorted(by_sentence[i], key=lambda c: c.start)


def _line(ctx: RuleContext, c: Claim) -> int:
    return ctx.doc.position(c.start, c.end)[0]


def _units_module():
    from numcheck import units
    return units


def _comparable(a: Claim, b: Claim) -> str | None:
    """The family two figures share for comparison, or None:
    ``count`` (counts and plain numbers), ``money`` (same currency), ``measure``
    (same dimension), ``percent``."""
    ka, kb = a.kind, b.kind
    if ka in ("count", "number") and kb in ("count", "number"):
        return "count"
    if ka == kb == "money":
        return "money" if a.unit and a.unit == b.unit else None
    if ka == kb == "percent":
        return "percent"
    if ka == kb == "measure" and a.unit and b.unit:
        try:
            return "measure" if _units_module().compatible(a.unit, b.unit) else None
        except Exception:
            return None
    return None


def _in_unit(c: Claim, unit: str, lo_hi: tuple[float, float]) -> tuple[float, float]:
    """An interval of measure ``c`` converted into ``unit`` (absolute, offsets right)."""
    if not c.unit or c.unit == unit:
        return lo_hi
    conv = _units_module().convert
    vals = []
    for v in lo_hi:
        if math.isinf(v):
            vals.append(v)
        else:
            vals.append(conv(v, c.unit, unit))
    return min(vals), max(vals)


_NOUN_STOP = {"the", "a", "an", "its", "their", "of"}


def _norm_noun(noun: str) -> str:
    words = [w for w in re.findall(r"[a-z][a-z'-]*", noun.lower()) if w not in _NOUN_STOP]
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    if last in _WORKFORCE and len(words) == 1:
        last = "employee"
    return " ".join(words[:-1] + [last])


# one workforce, many names: "the airline's 12,000 staff" ... "its 14,500 employees"
_WORKFORCE = {"employee", "staff", "staffer", "worker", "personnel", "workforce"}


# -- FIG001 -----------------------------------------------------------------------------------

_OWNER_RE = fastre.plain(
    r"(?:\b(?P<pron>its|their|his|her|our|the\s+[a-z][\w-]*['’]s|the\s+[a-z][\w-]*\s+[a-z][\w-]*['’]s)"
    r"|(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s)"
    r"\s+(?:(?:total|entire|whole|current|combined|global|worldwide)\s+)?(?:workforce\s+of\s+)?$")
# words that put a count in time or in comparison: anywhere in the sentence
_CHANGE_CONTEXT_RE = fastre.plain(
    r"\b(?:former|formerly|previously|separate|different|rival|competing|another|additional|extra|"
    r"the\s+other(?=\s+\d)|"
    # "new" marks another set ("1,000 new jobs"), not a time frame ("for the new season")
    r"new(?!\s+(?:season|campaign|year|term|session|semester|quarter|decade|era|window)s?\b)|"
    r"more|fewer|"
    r"once|used\s+to|until|by\s+\d{4}|last\s+year|next\s+year|a\s+year\s+(?:ago|earlier)|since|after|"
    r"following|before|compared|versus|vs|whereas|"
    # "against 4.1% a year earlier", "against forecasts"; not an opponent ("against Leeds")
    r"against(?=\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$£€]?\d|\s+(?:an?|the|last|this|its|their|"
    r"analysts?|forecasts?|expectations?|estimates?|consensus)\b)|rivals?|peers?|competitors?|"
    r"average|typical|capacity|room\s+for|up\s+to|"
    r"from(?=\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$£€]?\d)(?!\s+(?:19|20)\d\d\b)|"
    r"between(?=\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$£€]?\d)(?!\s+(?:19|20)\d\d\b))\b", re.I)
# words of change or of a different set: in the count's own clause ("The council, which
# has 5,200 staff, said it would cut 140 posts": the cut is about the posts)
_CHANGE_CLAUSE_RE = fastre.plain(
    r"\b(?:hire[sd]?|hiring|cut(?:s|ting)?|add(?:s|ed|ing)?|lay(?:ing)?\s+off|laid\s+off|shed(?:s|ding)?|"
    r"grew|grow|rose|fell|up\s+from|down\s+from|narrow(?:s|ed|ing)?|widen(?:s|ed|ing)?|"
    r"increased?|decreased?|reduced?|"
    r"holds?|can\s+(?:hold|take|seat|accommodate)|accommodates?|"
    r"attended|attendance|turned\s+out|turnout|up|down|"
    # a count per unit ("300 staff at each plant"): in the count's own clause
    r"per|each|every)\b", re.I)
# a plan or forecast governing the count: before it in its clause ("said it would cut 140
# posts"; but "the fund's 1,520 investors would be repaid" states the count as it is)
_PLAN_BEFORE_RE = fastre.plain(r"\b(?:will|would|could|may|might|plans?|planned|expects?|expected|targets?|"
                             r"aims?|forecasts?|projected"
                             # a requirement or a capacity, not a tally: "needs 32 seats to command a
                             # majority", "was designed for 22 million passengers a year"
                             r"|needs?|needed|requires?|required|designed\s+(?:for|to)|built\s+(?:for|to)|"
                             r"capacity|can|able\s+to|enough\s+for|room\s+for|threshold|minimum|maximum)\b", re.I)
_CLAUSE_EDGE_RE = fastre.plain(r"[,;:()—–]|\s-\s|\b(?:and|but|while)\s+(?=[a-z]+\s)")
_RESTRICT_RE = fastre.plain(r"^\s*(?:in|at|from|on|across|outside|inside|within|who|which|that|working|"
                          r"based|employed|aged|under|over|between(?!\s+(?:19|20)\d\d\b)|left|remaining|"
                          r"to\s+(?:go|play)|"
                          r"familiar|close\s+to|involved|aware|briefed|(?:and|or)\s+(?:other\s+)?(?![a-z]+ed\b)[a-z]+s)\b",
                          re.I)
# "the 1,420 patients in the trial": the study itself is the whole, not a place within it
_WHOLE_SCOPE_RE = fastre.plain(r"\s*in\s+the\s+(?:trial|study|survey|sample|poll|cohort|programme|program|"
                               r"scheme|project|experiment)\b(?!['’]|\s+(?:of|at|in)\b)", re.I)
_ALL_BEFORE_RE = fastre.plain(r"\b(?:all|each\s+of\s+the)\s+$", re.I)
_DEFINITE_BEFORE = fastre.plain(r"\b(?:the|its|their)\s+(?:(?:about|some|nearly|roughly|around)\s+)?$", re.I)
# "600 of its employees", "41 out of 212": a part.  "cheated 41,000 depositors out of 9.6
# billion rupees" names what they lost, not a whole they belong to
_PART_AFTER_RE = fastre.plain(r"^\s*(?:out\s+)?of\b(?!\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?"
                              r"(?:[$£€¥₹]|(?:Rs|US|A|C|HK|S|NZ)\$?\.?\s?\d|\d[\d,.]*\s*(?:[a-z]+\s+)?"
                              r"(?:rupees|dollars|euros|pounds|yuan|yen|francs|zlotys|reais|rand|pesos)\b|"
                              r"(?:their|his|her|its)\s+(?:savings|money|deposits|pensions|wages)\b))", re.I)
_YEAR_RE = fastre.plain(r"\b(?:19|20)\d\d\b")


_MID_NAME_RE = fastre.plain(r"(?<=[\s(\"“,])[A-Z][\w'’.-]*")


# "preparing for six more launches": "more" after another number is about that number
_NUMBER_MORE_RE = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"several|a\s+few|dozens|hundreds|thousands)\s+(?:more|fewer|new|additional|extra)\b",
                             re.I)


# words of comparison that belong to another quantity: "a body mass index of 33 or more",
# "an average age of 56"
_OTHER_QUANTITY_RE = re.compile(r"\b\d[\d,.]*\s+or\s+(?:more|fewer|less|over|above|below)\b|"
                                r"\b(?:more|fewer|less)\s+than\s+(?=\d)|"
                                # "the highest for a midterm since at least 1990": a record's scope
                                r"\b(?:highest|lowest|largest|smallest|most|fewest|best|worst|busiest|biggest)\b"
                                r"[^.;]{0,50}?\bsince(?:\s+at\s+least)?(?:\s+(?:19|20)\d\d)?|"
                                r"\b(?:an?|the|their|its)\s+average\s+(?:age|height|weight|income|salary|price|"
                                r"cost|length|score|rating|wait|tenure|size|speed|temperature)\b", re.I)


def _others_more(sentence: str, lo: int, hi: int) -> str:
    """The sentence without ``N more``/``N new`` phrases of numbers other than ``lo``..``hi``
    (nor ``33 or more``, ``an average age``: comparisons of another quantity)."""
    out = sentence
    for m in _OTHER_QUANTITY_RE.finditer(sentence):
        if m.start() < hi + 2 and m.end() > lo:
            continue
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    for m in _NUMBER_MORE_RE.finditer(sentence):
        if m.start() < hi + 2 and m.end() > lo:
            continue  # the count's own "300 more engineers"
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def _without_names(sentence: str) -> str:
    """The sentence with capitalised words after its first removed: change words are
    lower case in running text, and ``New York``, ``Up Holland`` or ``Will Smith`` are
    names, not change."""
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence)
    if sum(w[0].isupper() for w in words) * 4 >= len(words) * 3:
        return sentence  # a Title-Case headline: "Acme Will Cut 2,000 Jobs"
    head, _, rest = sentence.lstrip().partition(" ")
    return head + " " + _MID_NAME_RE.sub("", rest)


# "Prairie Coach, which now has 2,650 employees": the name the relative clause hangs on
_WHICH_HAS_RE = fastre.plain(
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*),\s+which\s+(?:now\s+|still\s+|currently\s+|already\s+)?"
    r"(?:has|had|have|employs|employed)\s+(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+)?$")


# "Eastfield, where 36 potholes are still waiting", "Castle ward, where 23 ...": the place's own count
_WHERE_RE = fastre.plain(
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*(?:\s+(?:ward|district|county|borough|region|province|state|"
    r"city|town|village|area|branch|plant|site|school|hospital))?),\s+where\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+)?$")


_SUBJECT_VERB_RE = fastre.plain(
    r"[\s\"“‘']*(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:\w+\s+){0,2}?"
    r"(?:received|recorded|registered|lodged|filed|submitted|had|has|have|got|took|won|sold|scored|handled|"
    r"processed|made|reported|counted|drew|attracted|welcomed|carried|employed|employs|hired)\s+"
    r"(?:about\s+|some\s+|nearly\s+|roughly\s+|more\s+than\s+|almost\s+|just\s+over\s+|just\s+under\s+)?$")
_NOT_SUBJECT_NAMES = frozenset({"The", "A", "An", "It", "Its", "In", "On", "At", "By", "For", "Of", "Last", "This",
                                "That", "These", "Those", "He", "She", "They", "We", "Some", "All", "Most", "But",
                                "And", "About", "Over", "Nearly", "Almost", "More"})


def _subject_name(text: str, sentence_start: int, c: Claim) -> str:
    """The named subject of the verb that takes the count, at the start of its sentence:
    ``Germany received 150,166 applications`` -> ``Germany``."""
    m = _SUBJECT_VERB_RE.fullmatch(text, sentence_start, c.start)
    if m is None or m.group("name").split()[0] in _NOT_SUBJECT_NAMES:
        return ""
    return m.group("name")


def _owner(text: str, c: Claim, sentence_start: int) -> tuple[str, str]:
    before = text[max(sentence_start, c.start - 60):c.start]
    m = _OWNER_RE.search(before)
    if not m:
        w = _WHICH_HAS_RE.search(text, max(sentence_start, c.start - 80), c.start) \
            or _WHERE_RE.search(text, max(sentence_start, c.start - 80), c.start)
        if w is not None and w.group("name").split()[0] not in ("The", "A", "An"):
            return ("name", w.group("name"))
        return ("none", "")
    if m.group("name"):
        name = m.group("name")
        if name.lower() in ("of", "the", "its"):
            return ("none", "")
        return ("name", name)
    return ("ref", m.group("pron").lower())


def _noun_of(text: str, c: Claim) -> str:
    return _norm_noun(c.noun) if c.noun else ""


# "all 2,860 of Prairie Coach's employees", "each of the 1,200 members": the whole, its noun after "of"
_ALL_OF_AFTER_RE = fastre.plain(
    r"\s+of\s+(?:(?P<pron>its|their|his|her|our)|the|(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)(?:['’]s|(?<=s)['’]))"
    r"\s+(?P<noun>[a-z][a-z-]+)\b")


def _whole_after_all(text: str, c: Claim) -> tuple[str, tuple[str, str], int] | None:
    """(noun, owner, end) of ``all N of X's nouns``: a whole named after the number."""
    if not _ALL_BEFORE_RE.search(text, max(0, c.start - 8), c.start):
        return None
    m = _ALL_OF_AFTER_RE.match(text, c.end)
    if m is None:
        return None
    owner = ("name", m.group("name")) if m.group("name") else ("ref", m.group("pron").lower()) \
        if m.group("pron") else ("none", "")
    return _norm_noun(m.group("noun")), owner, m.end()


@rule("FIG001", "conflicting-figure", "warning",
      "The same thing counted twice with values that cannot both hold.",
      description="""
Two counts of the same thing (same noun, same owner, no change or time words
in either sentence) whose intervals do not overlap once qualifiers and
rounding are applied: `2,300 employees` ... later `its 2,500 employees`.
Reported at the later mention, naming the earlier one.  A workforce counts as
one thing under its usual names (`the airline's 12,000 staff` ... `its 14,500
employees`; staff, employees, workers, personnel); a definite mention by the head
noun alone refers back (`486,000 ceramic space heaters` ... `the 548,000 heaters`)
unless a participle makes it a set of its own (`the 34,443 ballots cast`).  Conservative: a count
that is a part (`600 of its employees`; but `all 2,860 of Acme's employees` is the
whole, owned by Acme), a count restricted by place or kind
(`employees in France`, `people familiar with the talks`), a compound set
(`homes and businesses`), a remainder (`11 games left`), counts in sentences
about time or comparison (`last year`, `previously`, `a separate survey`,
different years), counts in a clause of change (`hired`, `cut`, `rose`;
a change in another clause of the sentence, as in `The council, which has
5,200 staff, said it would cut 140 posts`, does not count), counts after a
plan, a requirement or a capacity in their clause (`would have 3,000 staff`,
`needs 32 seats`, `designed for 22 million passengers`) and counts owned by different
named owners are never compared.  Names such as `New York` are not change
words.  Counts more than threefold apart are taken for different things (a slip
is rarely that far off), and counts of people or homes in general must share a
word of what happened to them (`killed`) and their owner; so must counts of voters.
Spans of time counted in their units (`three seasons`, `one term`) are not counted things.
""",
      fires=["The miner has 2,300 employees, the filing showed. Its 2,500 employees include 600 apprentices."],
      quiet=["As many as 500 men trained in Iran. Officials said 450 men took part.",
             "The firm has 2,300 employees. Its 600 apprentices start in May."])
def conflicting_figure(ctx: RuleContext) -> Iterable:
    text = ctx.text
    a = ctx.analysis

    def ps_of(i: int):
        return a.sentences[i] if a.sentences else a.sentence_of(0)

    seen: list[tuple[Claim, str, tuple[str, str], int, str]] = []
    for c in a.figures:
        if c.kind not in ("count", "number") or c.value is None:
            continue
        noun = _noun_of(text, c) if c.kind == "count" else ""
        whole = _whole_after_all(text, c) if not noun else None
        if whole is not None:
            noun = whole[0]
        if not noun or noun in _TIME_SPAN_NOUNS:
            continue
        after = text[c.end:c.end + 40]
        if whole is not None:
            after = text[whole[2]:whole[2] + 40]
        elif _PART_AFTER_RE.match(after) and not _ALL_BEFORE_RE.search(text, max(0, c.start - 8), c.start):
            continue  # "600 of its employees" is a part; "all 2,860 of its employees" the whole
        # a restriction right after the noun (the noun may be part of the claim text or follow it)
        tail = after
        if c.noun and not c.text.lower().endswith(c.noun.lower()):
            idx = after.lower().find(c.noun.lower())
            if idx >= 0:
                tail = after[idx + len(c.noun):]
        if _RESTRICT_RE.match(tail) and not _WHOLE_SCOPE_RE.match(tail):
            continue
        s = a.sentence_of(c.start)
        sentence = text[s.start:s.end]
        if _CHANGE_CONTEXT_RE.search(_without_names(_others_more(sentence, c.start - s.start, c.end - s.start))):
            continue
        clause = _clause_of(text, s.start, s.end, c)
        if _CHANGE_CLAUSE_RE.search(_without_names(clause)):
            continue
        if _PLAN_BEFORE_RE.search(_before_in_clause(text, s.start, c)):
            continue
        owner = whole[1] if whole is not None else _owner(text, c, s.start)
        si = a.sentence_index(c.start)
        definite = bool(_DEFINITE_BEFORE.search(text, max(s.start, c.start - 12), c.start))
        subj = _subject_name(text, s.start, c)
        for prev, pnoun, powner, psi, psubj in seen:
            if psi == si:
                continue
            # "recalling 486,000 ceramic space heaters" ... "the 548,000 heaters": a definite
            # mention by the head noun alone refers back
            if pnoun != noun and not (definite and " " not in noun and pnoun.split()[-1] == noun
                                      and not _PARTICIPLE_AFTER_RE.match(tail)):
                continue
            if owner[0] == "name" or powner[0] == "name":
                if owner != powner:
                    continue
            if subj and psubj and subj != psubj:
                continue  # "Germany received 150,166 applications" / "Syrians lodged 67,900 applications"
            lo_v, hi_v = sorted((abs(c.value), abs(prev.value)))
            if lo_v > 0 and hi_v / lo_v > 3:
                continue  # a slip or an outdated figure is rarely off threefold: other things counted
            if noun in _GENERIC_COUNT_NOUNS and owner != powner:
                continue  # "the town's 6,000 people" and "4,250 people under evacuation orders"
            if noun in _GENERIC_COUNT_NOUNS and owner[0] == "none" and powner[0] == "none" \
                    and not (_context_words(text, c, s.start, s.end)
                             & _context_words(text, prev, ps_of(psi).start, ps_of(psi).end)):
                # "1.4 million people need help" / "380,000 people remain displaced": people
                # counted for different things unless a word of the event is shared
                # ("fires killed 33 people" ... "the 26 people killed in the fires")
                continue
            ps = a.sentences[psi] if a.sentences else s
            years_a = set(_YEAR_RE.findall(sentence))
            years_b = set(_YEAR_RE.findall(text[ps.start:ps.end]))
            if years_a and years_b and years_a != years_b:
                continue
            found = _conflict(ctx, c, prev)
            if found is not None:
                yield found
                break
        seen.append((c, noun, owner, si, subj))
    yield from _conflicting_cuts(ctx)


# job cuts told twice: "will cut 1,800 jobs" ... "the 2,100 jobs being eliminated".  Counts in
# a clause of change are otherwise never compared; one cut of one workforce, told twice
# with nothing marking a second round, is one thing counted twice.
_JOB_NOUNS = {"job", "position", "post", "role"}
_CUT_WORDS_RE = fastre.plain(r"\b(?:cut(?:s|ting)?|eliminat\w*|ax(?:e|es|ed|ing)|shed(?:s|ding)?|slash\w*|"
                             r"lay(?:ing)?\s+off|laid\s+off|redundan\w*|scrap\w*)\b", re.I)
_OTHER_ROUND_RE = fastre.plain(r"\b(?:more|another|additional|further|extra|so\s+far|in\s+total|total|"
                               r"first|second|third|earlier|previous(?:ly)?|last\s+(?:year|month)|round|wave|"
                               r"phase|since|(?:19|20)\d\d|up\s+to|as\s+many\s+as|at\s+least|including|"
                               r"of\s+which|of\s+them|among)\b", re.I)


_LEAD_NAME_RE = fastre.plain(r"[\s\"“‘']*([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)")


def _conflicting_cuts(ctx: RuleContext) -> Iterable:
    text = ctx.text
    a = ctx.analysis
    cuts: list[tuple[Claim, str, tuple[str, str], int]] = []
    for c in a.figures:
        if c.kind != "count" or c.value is None or not c.noun:
            continue
        noun = _norm_noun(c.noun)
        if noun not in _JOB_NOUNS:
            continue
        s = a.sentence_of(c.start)
        clause = _clause_of(text, s.start, s.end, c)
        if not _CUT_WORDS_RE.search(clause) or _OTHER_ROUND_RE.search(text, s.start, s.end) \
                or _CHANGE_CONTEXT_RE.search(_without_names(text[s.start:s.end])):
            continue
        if _PART_AFTER_RE.match(text[c.end:c.end + 40]):
            continue  # "600 of the jobs": a part of the cut
        owner = _owner(text, c, s.start)
        if owner[0] == "none":
            lead = _LEAD_NAME_RE.match(text, s.start, s.end)  # "Corex said it would cut ...": Corex's
            if lead is not None and lead.group(1).split()[0] not in _NOT_SUBJECT_NAMES:
                owner = ("name", lead.group(1))
        si = a.sentence_index(c.start)
        for prev, pnoun, powner, psi in cuts:
            if psi == si or pnoun != noun:
                continue
            if owner[0] == "name" and powner[0] == "name" and owner != powner:
                continue  # two named employers; "the company" and "it" refer back
            lo_v, hi_v = sorted((c.value, prev.value))
            if lo_v <= 0 or hi_v / lo_v > 3:
                continue
            found = _conflict(ctx, c, prev, "the same cut told twice, ")
            if found is not None:
                yield found
                break
        cuts.append((c, noun, owner, si))


def _conflict(ctx: RuleContext, c: Claim, prev: Claim, note: str = ""):
    """A finding when the two counts' intervals (qualifiers and rounding applied) do not meet."""
    lo1, hi1 = interval(prev)
    lo2, hi2 = interval(c)
    if lo2 > hi1 or lo1 > hi2:
        return ctx.finding(c.start, c.end,
                           f"{c.text} conflicts with {prev.text} on line {_line(ctx, prev)}: "
                           f"{note}{_span(lo2, hi2)} and {_span(lo1, hi1)} cannot both hold")
    return None


# nouns that count people or homes in general: two such counts are the same thing only
# when they share a word of what happened to them
_GENERIC_COUNT_NOUNS = {"people", "person", "resident", "child", "adult", "man", "woman", "household",
                        "family", "home", "house", "civilian", "individual", "citizen", "patient", "victim",
                        # an electorate is counted for what its members did: voted, stayed home
                        "voter", "registered voter", "elector", "vote",
                        # so is a cohort, by subject or school
                        "student", "pupil", "candidate",
                        # a player's or a team's tally: whose it is decides what it counts
                        "point", "rebound", "assist", "goal", "run", "wicket", "yard", "touchdown",
                        "tackle", "save", "shot", "steal", "block", "strikeout", "hit", "ace"}
# spans of time counted in their units ("three seasons", "one term"): durations, not things
_TIME_SPAN_NOUNS = {"season", "term", "semester", "spell", "stint", "tenure", "innings"}
# a participle right after the noun makes the count its own set ("the 34,443 ballots cast")
_PARTICIPLE_AFTER_RE = fastre.plain(r"\s*(?:(?!(?:need|feed|breed|exceed|proceed|succeed|speed|bleed)\b)[a-z]{2,}ed|cast|sold|held|made|built|paid|won|lost|spent|taken|given|"
                                  r"kept|set|put|run|shown|seen|written|drawn|grown)\b(?!\s+(?:by|to)\b)")
_CONTEXT_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "were",
                 "was", "are", "is", "been", "have", "has", "had", "be", "some", "about", "around", "nearly",
                 "more", "than", "least", "over", "under", "almost", "roughly", "up", "as", "many", "who",
                 "that", "which", "said", "says", "according", "its", "their", "there", "this", "these"}


def _context_words(text: str, c: Claim, s_start: int, s_end: int) -> set[str]:
    """Content words around a count (three before it, three after its noun), stemmed
    roughly (``killed`` and ``kills`` meet at ``kill``)."""
    before = re.findall(r"[a-z]+", text[max(s_start, c.start - 40):c.start].lower())[-3:]
    after = text[c.end:min(s_end, c.end + 60)].lower()
    if c.noun and not c.text.lower().endswith(c.noun.lower()):
        idx = after.find(c.noun.lower())
        if idx >= 0:
            after = after[idx + len(c.noun):]
    after = re.split(r"[,;:.()]", after, maxsplit=1)[0]  # not the attribution after a comma
    words = before + re.findall(r"[a-z]+", after)[:3]
    return {re.sub(r"(?:ed|es|s|ing)$", "", w) for w in words if w not in _CONTEXT_STOP and len(w) > 2}


def _clause_of(text: str, start: int, end: int, c: Claim) -> str:
    """The stretch of the sentence around ``c`` between clause marks (commas, dashes,
    brackets, a conjunction starting a new verb phrase)."""
    lo, hi = start, end
    for m in _CLAUSE_EDGE_RE.finditer(text, start, end):
        if m.end() <= c.start:
            lo = m.end()
        elif m.start() >= c.end:
            hi = m.start()
            break
    return text[lo:hi]


def _before_in_clause(text: str, start: int, c: Claim) -> str:
    """The part of ``c``'s clause before it."""
    lo = start
    for m in _CLAUSE_EDGE_RE.finditer(text, start, c.start):
        lo = m.end()
    return text[lo:c.start]


def _span(lo: float, hi: float) -> str:
    if math.isinf(hi):
        return f"at least {_sig(lo, 6)}"
    if lo <= 0:
        return f"at most {_sig(hi, 6)}"
    if lo == hi:
        return _sig(lo, 6)
    return f"{_sig(lo, 6)}-{_sig(hi, 6)}"


# -- FIG002 -----------------------------------------------------------------------------------

_OF_THE_LEAD_RE = fastre.plain(
    r"(?:^|[;:(\u2014]\s*|\band\s+|\bbut\s+)[\"“‘']?of\s+(?:all\s+)?(?:the|its|their|his|her|our|these|those|this|that)?\s*"
    r"(?:[\w.&-]+['’]s\s+)?(?:(?:total|entire|whole|combined|estimated)\s+)?$", re.I)
_X_OF_Y_RE = fastre.plain(
    r"^\s+(?:out\s+)?of\s+(?:(?:all|the|its|their|his|her|our|these|those|a\s+total\s+of|an?\s+estimated)\s+)*"
    r"(?:[\w.&-]+['’]s\s+)?(?:(?:total|entire|whole|combined)\s+)?$", re.I)


_NEXT_PART_RE = fastre.plain(r"(?:,|\band|\bwhile|\bwhereas)\s+(?:another\s+|a\s+further\s+|the\s+other\s+)?$", re.I)


def _whole_part_pairs(ctx: RuleContext) -> Iterator[tuple[Claim, Claim]]:
    text = ctx.text
    for s_start, s_end, figs in _sentence_figures(ctx):
        figs = [f for f in figs if f.kind != "percent" and f.value is not None]
        for i, y in enumerate(figs):
            lead = text[s_start:y.start]
            if _OF_THE_LEAD_RE.search(lead):
                # the part: the first comparable figure after the clause break following the whole
                comma = text.find(",", y.end, s_end)
                if comma < 0:
                    continue
                first = True
                for x in figs[i + 1:]:
                    if x.start < comma:
                        continue
                    if first:
                        if _comparable(x, y):
                            yield y, x
                        first = False
                        continue
                    # later parts of the same split: "Of the 318 passengers, 41 were taken to
                    # hospital and 342 were moved": bare numbers joined by "and" or commas
                    gap = text[max(comma, x.start - 40):x.start]
                    if x.kind == "number" and _comparable(x, y) and _NEXT_PART_RE.search(gap) \
                            and not re.search(r"[;:]", text[comma:x.start]):
                        yield y, x
        for x, y in zip(figs, figs[1:]):
            if _X_OF_Y_RE.fullmatch(text[x.end:y.start]) and _comparable(x, y):
                yield y, x


@rule("FIG002", "part-exceeds-whole", "error",
      "A part larger than the whole it belongs to.",
      description="""
`X of (the) Y`, `X out of Y`, `Of the Y ..., X are` (and each further part:
`Of the 318 passengers, 41 were hurt and 342 were moved`) with X larger than Y, once
qualifiers and rounding are applied (an unqualified round number is good to
10% at most: `Of the 300 flights, 340 were delayed` fires; `Of about 300
flights, 340` does not).  Counts compare with counts, money with
money in the same currency, measures with measures of the same dimension
(converted with pint: `Of the 7.3 gigawatts installed, 8.1 gigawatts ...`).
""",
      fires=["Of the miner's 2,300 employees, 2,900 work at its two sites.",
             "Of the 7.3 gigawatts installed, 8.1 gigawatts used Chinese modules."],
      quiet=["Of the miner's 2,300 employees, 1,900 work at its two sites.",
             "Some 40 out of 120 delegates walked out."])
def part_exceeds_whole(ctx: RuleContext) -> Iterable:
    for whole, part in _whole_part_pairs(ctx):
        fam = _comparable(part, whole)
        wlo, whi = interval(whole, ROUND_NUMBER_CAP)
        plo, phi = interval(part, ROUND_NUMBER_CAP)
        if fam == "measure" and part.unit != whole.unit:
            try:
                plo, phi = _in_unit(part, whole.unit, (plo, phi))
            except ValueError:
                continue
        if plo > whi:
            yield ctx.finding(min(part.start, whole.start), max(part.end, whole.end),
                              f"the part, {part.text}, is larger than the whole, {whole.text} "
                              f"({_sig(part.value, 6)} > {_sig(whole.value, 6)})")


# -- FIG003 -----------------------------------------------------------------------------------

_GROWTH_BEFORE_RE = fastre.plain(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|up|down|grew|grow(?:n|s|ing)?|increas(?:e|es|ed|ing)|"
    r"decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|jump(?:s|ed|ing)?|gain(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
    r"climb(?:s|ed|ing)?|slip(?:s|ped|ping)?|slid|sank|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|"
    r"plung(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|by|to|from|cut|rais(?:e|es|ed|ing)|lower(?:ed)?|higher|"
    r"improv(?:e|es|ed|ing)|boost(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|premium|discount|margin|rate|rates|"
    r"inflation|yield|tax|duty|duties|tariffs?|interest|stake|of)[^\w,;]+(?:(?!(?:and|or|but|while)\b)\w+[^\w,;]+)?$",
    re.I)
_GROWTH_AFTER_RE = fastre.plain(
    r"^\s*(?:-|\u2013)?\s*(?:a\s+year\s+)?(?:rise|increase|growth|drop|decline|fall|jump|gain|cut|reduction|"
    r"improvement|higher|lower|more|less|fewer|stake|share\s+of|chance|probability|rate|tariff|duty|"
    r"premium|discount|margin|owned|slump|surge|year[- ]on[- ]year)\b", re.I)
_LABEL_STRIP_RE = fastre.plain(
    r"^\s*[,;:]?\s*(?:and|or|while|with)?\s*(?:of\s+(?:them|those|these|respondents|voters|people|"
    r"patients|the\s+\w+)\s+)?(?:(?:were|are|was|is|said|say|says|went|came|are\s+now|were\s+now)\s+)?"
    r"(?:now\s+)?", re.I)
_PREPS = {"in", "from", "for", "at", "on", "with", "into", "under", "via", "through", "to"}
_OPPOSITES = [
    ({"for", "favour", "favor", "support", "supported", "supports", "backed", "back", "backs", "approve",
      "approved", "approves", "yes", "agree", "agreed", "agrees", "trust", "trusted", "positive",
      "satisfied", "likely"},
     {"against", "oppose", "opposed", "opposes", "opposing", "disapprove", "disapproved", "disapproves",
      "no", "disagree", "disagreed", "disagrees", "distrust", "distrusted", "negative", "dissatisfied",
      "unsatisfied", "unlikely"}),
    ({"rose", "rise", "increased", "gained", "up", "higher", "advanced"},
     {"fell", "fall", "decreased", "declined", "lost", "down", "lower", "dropped"}),
    ({"improved", "improve", "improving", "better"}, {"worsened", "worsen", "worsening", "worse"}),
    ({"men", "male", "males"}, {"women", "female", "females"}),
    ({"won", "win", "passed", "pass"}, {"lost", "lose", "failed", "fail"}),
]


_MAKES_UP_RE = fastre.plain(r"\b(?:make|makes|made|making|take|takes|took|taking)\s+up\s+(?:about\s+|around\s+|roughly\s+)?$",
                          re.I)  # "makes up 44% of the bill": a share, not a rise
_NAMED_PLACE_RE = fastre.plain(r"(?:\s+of\s+(?:the\s+)?[a-z]+)?[\s,]*(?:in|at|across)\s+(?:the\s+)?"
                             r"(?:[a-z]+\s+){0,3}?[A-Z]")
# "Of every pound raised, 71% will fund care, 18% ...": the lead-in names a sum being split
_SPLIT_LEAD_RE = fastre.plain(
    r"\s*(?:Of\s+(?:every|each)\s+(?:pound|dollar|euro|rand|yen|rupee|franc|krona|krone)s?\b|"
    r"Of\s+(?:the|that|this|its|their)\s+(?:total|budget|money|funding|grant|sum|amount|spending|fund|pot|"
    r"cash|proceeds|takings|revenue|income)\b)[^,]{0,40},", re.I)


def _sentence_start(ctx: RuleContext, c: Claim) -> int:
    return ctx.analysis.sentence_of(c.start).start


_REMAINING_RE = fastre.plain(r"\b(?:the|a|its|their)\s+(?:remaining|other|last)\s+$"
                             # "..., Moroccans at 7% and all other nationalities at 41%"
                             r"|\b(?:all|every)\s+other\s+[a-z]+(?:\s+[a-z]+)?\s+(?:at|with|on|took|had)\s+$"
                             r"|\b(?:others|the\s+rest)\s+(?:at\s+|with\s+|on\s+)?$", re.I)
_AUX_WORDS = {"to", "had", "has", "have", "would", "will", "was", "were", "is", "are", "be", "been", "could",
              "might", "may"}
_FREQUENCY = {"daily", "weekly", "fortnightly", "monthly", "quarterly", "annually", "yearly", "once", "twice",
              "never", "every"}


# "China took 58% of the shipments, South Korea 31% and Japan 17%": one verb of taking a
# share, said once, and a named taker before each later share
_SHARE_VERB_BEFORE_RE = fastre.plain(
    r"\b(?:took|takes?|taking|accounted\s+for|accounts?\s+for|made\s+up|makes?\s+up|won|wins?|"
    r"received|receives?|captured|captures?|held|holds?|claimed|claims?|secured|secures?|drew|draws?|"
    r"got|gets?|earned|earns?|attracted|attracts?|supplied|supplies|supply|provided|provides?|generated|"
    r"generates?|produced|produces?|contributed|contributes?|represented|represents?|"
    # producers and holders of a share of one market: "Ivory Coast grows 44% of the world's cocoa"
    r"grows?|grew|mines?|mined|exports?|exported|owns?|owned|controls?|controlled|ships?|shipped)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|just\s+over\s+|just\s+under\s+)?$",
    re.I)
# a taker: a name ("South Korea") or a short noun phrase ("solar farms", "the nuclear station"),
# never a word of comparison or change ("up from 31%")
_TAKER_WORD = r"(?!(?:up|down|from|to|than|by|at|in|on|over|under|about|around|nearly|against|compared|" \
              r"versus|vs|while|whereas|with|for|and|or|but|a|an|its|their|of|rose|fell|was|were|is|are)\b)" \
              r"[A-Za-z][\w'’.&-]*"
_GAPPED_TAKER_RE = fastre.plain(
    r"(?:\s+of\s+[^,;%\d]{1,50}?)?(?:\s*,\s*(?:and\s+|while\s+)?|\s+and\s+)(?:the\s+)?"
    rf"(?:(?:{_TAKER_WORD}\s+){{1,4}}"
    # a list of named takers sharing one share: "Ecuador, Cameroon and Nigeria together 27%"
    rf"|[A-Z][\w'’.&-]*(?:(?:,\s+|\s+and\s+)[A-Z][\w'’.&-]*){{1,4}}\s+(?:together|combined|between\s+them)\s+"
    # "... and independents and smaller parties 19%": a last taker joined by "and"
    rf"|(?:{_TAKER_WORD}\s+){{1,3}}and\s+(?:{_TAKER_WORD}\s+){{1,3}})"
    r"(?:for\s+|with\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?")


# "had given Congress 44% of the vote, the BJP 41% ...": a verb of giving, its first taker
# between it and the share
_GIVE_TAKER_BEFORE_RE = fastre.plain(
    r"\b(?:gave|given|giving|gives?|awarded|allotted|allocated|put|puts|projected|handed)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’.&-]*\s+){1,3}(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$")


def _gapped_takers(text: str, s_start: int, shares: list[Claim]) -> bool:
    """Each share after the first has its own named taker and no verb of its own, the
    first share's verb being one of taking a share of a whole."""
    lead = max(s_start, shares[0].start - 60)
    if not _SHARE_VERB_BEFORE_RE.search(text, max(s_start, shares[0].start - 40), shares[0].start) \
            and not _GIVE_TAKER_BEFORE_RE.search(text, lead, shares[0].start):
        return False
    if any(_PART_AFTER_RE.match(text[c.end:c.end + 12]) for c in shares[1:]):
        return False  # "Vietnam 47% of the tea exports": a whole of its own
    return all(_GAPPED_TAKER_RE.fullmatch(text, a.end, b.start) for a, b in zip(shares, shares[1:]))


def _label_words(label: str) -> list[str]:
    label = _LABEL_STRIP_RE.sub("", label, count=1)
    return re.findall(r"[a-z]+", label.lower())[:7]


def _exclusive(labels: list[list[str]], first_names_whole: bool = False) -> str | None:
    """Why the shares exclude each other, or None when that cannot be told.
    ``first_names_whole``: the first share said what it is a share of ("52% of the vote
    in Halden and 61% in Millfield": each place is its own whole)."""
    if any(not words for words in labels):
        return None
    firsts = [w[0] for w in labels]
    if not first_names_whole and len(labels) >= 3 and firsts[1] in _PREPS and all(f == firsts[1] for f in firsts[2:]) \
            and firsts[0] != firsts[1] and firsts[1] in labels[0][1:3]:
        # "46% will go on care, 31% on schools and 29% on roads": the verb is said once
        labels = [labels[0][labels[0].index(firsts[1], 1):]] + labels[1:]
        firsts = [w[0] for w in labels]
    if all(f in _FREQUENCY for f in firsts[1:]) and any(w in _FREQUENCY for w in labels[0][:4]) \
            and len({" ".join(w[:3]) for w in labels[1:]}) == len(labels) - 1:
        return "a breakdown (by how often)"  # "61% sent money monthly, 27% quarterly and 19% once a year"
    if firsts[0] in _PREPS and all(f == firsts[0] for f in firsts):
        objects = [" ".join(w[1:3]) for w in labels]
        if len(set(objects)) == len(objects):
            return "a breakdown"
    for side_a, side_b in _OPPOSITES:
        has_a = [any(w in side_a for w in words[:2]) for words in labels]
        has_b = [any(w in side_b for w in words[:2]) for words in labels]
        if len(labels) == 2 and ((has_a[0] and has_b[1]) or (has_b[0] and has_a[1])):
            return "opposites"
    if len(labels) == 2:
        # "61% said they would prescribe it and 44% said they would not": one verb, denied
        for pos, neg in ((labels[0], labels[1]), (labels[1], labels[0])):
            k = next((i for i, w in enumerate(neg[:5]) if w == "not"), None)
            if k is not None and k >= 1 and neg[:k] == pos[:k] and len(pos) > k and pos[k] != "not":
                return "opposites"
    if len(labels) == 2 and firsts[0] == firsts[1] and len(firsts[0]) > 2:
        # "61% expected prices to rise and 44% expected them to fall": one verb, one
        # object (or a pronoun for it), opposite outcomes
        for side_a, side_b in _OPPOSITES:
            ends = []
            for words in labels:
                k = next((i for i, w in enumerate(words[1:6], 1) if w in side_a or w in side_b), None)
                ends.append(None if k is None else (words[1:k], words[k] in side_a))
            if None in ends or ends[0][1] == ends[1][1]:
                continue
            obj_a, obj_b = ([w for w in e[0] if w not in _AUX_WORDS] for e in ends)
            while obj_a and obj_b and obj_a[0] == obj_b[0]:
                obj_a, obj_b = obj_a[1:], obj_b[1:]  # "they expected prices" / "they expected them"
            if obj_a == obj_b or obj_b in (["them"], ["it"], ["they"], []):
                return "opposites"
    if len(labels) >= 3 and _NEUTRAL_ANSWER_RE.match(" ".join(labels[-1][:5])):
        # "58% expected prices to fall, 37% expected them to rise and 14% expected no change":
        # opposite answers and the answer between them
        if len(labels) == 3 and _exclusive(labels[:2], first_names_whole) is not None:
            return "a breakdown"
        # "52% would switch ..., 41% would stay ... and 15% did not know": the answers to one
        # question, each told with the same modal
        heads = {w[0] for w in labels[:-1] if w}
        if len(heads) == 1 and heads <= {"would", "will", "should", "could", "plan", "planned", "want", "wanted"}:
            return "a breakdown"
    return None


_NEUTRAL_ANSWER_RE = re.compile(r"(?:(?:said|says|expected|expect|expects|thought|think|saw|see|were|was|are|"
                                r"they|it|would|had)\s+){0,3}(?:no\s+change|little\s+change|unchanged|"
                                r"(?:prices\s+|them\s+|it\s+)?(?:to\s+)?(?:stay|remain)\s+(?:the\s+same|"
                                r"unchanged|stable|flat)|stable|undecided|unsure|not\s+sure|neither|"
                                r"did\s+not\s+know|didn\s+t\s+know|don\s+t\s+know)\b")


@rule("FIG003", "percentage-sum", "error",
      "Shares of one whole that exclude each other but add up to more than 100%.",
      description="""
Percentages in one sentence that split one whole into exclusive parts, either
a breakdown in parallel form (`48% in surgery, 39% in medicine and 21% in
diagnostics`) or opposites (`52% for, 55% against`, `rose`/`fell`,
`men`/`women`), summing to more than 100% plus 0.5 per share for rounding.
When only the first share names its whole (`54% of MEPs voted for and 49%
against`, `58% of Brazilians support it and 47% oppose it`), the others share
it; the first share's verb may stand for all (`46% will go on care, 31% on
schools and 29% on roads`), a verb of taking or supplying a share may be said once
for the takers that follow (`China took 58% of exports, Korea 31% and Japan 17%`; `Ivory Coast
grows 44% of the world's cocoa, Ghana 35% and Ecuador and Nigeria together 27%`), the parts may be how often (`61% sent money
monthly, 27% quarterly and 19% once a year`), and a verb and its denial are
opposites (`61% said they would and 44% said they would not`), one verb may take opposite
outcomes for one object (`61% expected prices to rise and 44% expected them to
fall`); a last share introduced as `the remaining` (or `the other`) closes a
breakdown (`wholesale costs make up 44%, network charges 27% ... and supplier
costs the remaining 16%`).  List items (`- 46% from Singapore`) count even when their bullet was
read as a minus sign.
Quiet for shares of different wholes (`48% of men and 60% of women`, `52% in
Halden and 61% in Millfield`),
overlapping categories (`62% are women and 51% are over 50`), `up to`, and
growth rates or levels (`rose 40%`, `to 40% from 15%`).
""",
      fires=["Of those waiting, 48% were in surgical specialties, 39% in medicine and 21% in diagnostics.",
             "In the poll, 52% were for the plan and 55% against.",
             "A Datafolha poll found that 58% of Brazilians support the reform and 47% oppose it."],
      quiet=["Of the staff, 62% are women and 51% are over 50.",
             "Sales rose 40% and profits rose 75%."])
def percentage_sum(ctx: RuleContext) -> Iterable:
    for shares, stops in _share_groups(ctx):
        if len(shares) < 2:
            continue
        text = ctx.text
        labels = [_label_words(text[c.end:stop]) for c, stop in zip(shares, stops)]
        first_names_whole = labels[0][:1] == ["of"]
        if labels[0][:1] == ["of"] and len(labels[0]) > 2 and not any(w[:1] == ["of"] for w in labels[1:]):
            # "54% of MEPs voted for the rule and 49% against": the first share names the
            # whole and the others share it
            labels[0] = labels[0][2:]
        if _REMAINING_RE.search(text, max(0, shares[-1].start - 45), shares[-1].start) \
                or _SPLIT_LEAD_RE.match(text, _sentence_start(ctx, shares[0])):
            # "..., 21% policy costs and the remaining 16%": parts of one whole by their own words
            why = "a breakdown"
        elif any(w and w[0] == "of" for w in labels):
            continue  # "48% of men and 60% of women": shares of different wholes
        elif all(_NAMED_PLACE_RE.match(text, c.end, stop) for c, stop in zip(shares, stops)):
            continue  # "52% in Halden and 61% in Millfield": a share of each place's own whole
        else:
            why = _exclusive(labels, first_names_whole)
            if why is None and _gapped_takers(text, _sentence_start(ctx, shares[0]), shares):
                why = "a breakdown"
        if why is None:
            continue
        total = sum(max(0.0, interval(c)[0] + rounding_of(c)) for c in shares)
        limit = 100 + 0.5 * len(shares)
        if total > limit:
            parts = " + ".join(c.text for c in shares)
            yield ctx.finding(shares[0].start, shares[-1].end,
                              f"{parts} = {_sig(total, 4)}%: {why} of one whole cannot exceed 100% "
                              f"(allowing 0.5 per share for rounding: {_sig(limit, 4)}%)")


_BULLET_RE = fastre.plain(r"[-\u2013\u2212]\s+")


def _unbullet(text: str, c: Claim) -> Claim:
    """``- 46% from Singapore``: a list bullet read as a minus sign is not one."""
    m = _BULLET_RE.match(c.text)
    if m is None or c.value is None or c.value >= 0:
        return c
    line_start = text.rfind("\n", 0, c.start) + 1
    if text[line_start:c.start].strip():
        return c
    flip = lambda v: None if v is None else -v  # noqa: E731
    low, high = flip(c.high), flip(c.low)
    return dataclasses.replace(c, start=c.start + m.end(), text=c.text[m.end():], value=-c.value,
                               low=low, high=high)


def _shares_in(text: str, s_start: int, figs: list[Claim]) -> list[Claim]:
    shares = []
    for c in (_unbullet(text, f) if f.kind == "percent" else f for f in figs):
        if c.kind != "percent" or c.value is None or c.qualifier in ("<", "<="):
            continue
        before = text[max(s_start, c.start - 30):c.start]
        before = before[before.rfind("\n") + 1:]  # a list item starts afresh
        if _GROWTH_BEFORE_RE.search(before) and not re.search(r"\bof\s+(?:those|them|these|the\s+\w+)\W*$",
                                                               before, re.I) \
                and not _MAKES_UP_RE.search(before) \
                and not _SHARE_OF_AFTER_RE.match(text, c.end):  # "grows 44% of the world's cocoa": a share
            continue
        if _GROWTH_AFTER_RE.match(text[c.end:c.end + 30]):
            continue
        shares.append(c)
    return shares


_SHARE_OF_AFTER_RE = fastre.plain(r"\s+of\s+(?:the|its|their|all|global|world|national|total)\b", re.I)
_LIST_GAP_RE = fastre.plain(r"^[\s\-*\u2022\u2013]*$")


def _share_groups(ctx: RuleContext) -> Iterator[tuple[list[Claim], list[int]]]:
    """Shares that may split one whole: those of one sentence, and those of a run
    of short list items that each open with a percentage (``- 48% in surgery``).
    Yields (shares, end of each share's label)."""
    text = ctx.text
    run: list[tuple[Claim, int]] = []
    last_end = -1

    def flush():
        if len(run) >= 2:
            yield [c for c, _ in run], [e for _, e in run]

    for s_start, s_end, figs in _sentence_figures(ctx):
        shares = _shares_in(text, s_start, figs)
        item = (len(shares) == 1 and len(figs) == 1 and s_end - s_start <= 100
                and not text[s_start:shares[0].start].strip(" -*\u2022\u2013\t"))
        if item and run and _LIST_GAP_RE.match(text[last_end:s_start]) and "\n" in text[last_end:s_start]:
            run.append((shares[0], s_end))
        else:
            yield from flush()
            run = [(shares[0], s_end)] if item else []
        last_end = s_end
        if not item and len(shares) >= 2:
            stops = [shares[i + 1].start for i in range(len(shares) - 1)] + [s_end]
            yield shares, stops
    yield from flush()


# -- FIG004 -----------------------------------------------------------------------------------

_UP = r"rose|rise[sn]?|rising|climbed|climb(?:s|ing)?|increased?|increas(?:es|ing)|grew|grow(?:n|s|ing)?|jumped|" \
      r"gained|up|surged|soared|advanced|higher|boosted|raised|added"
_DOWN = r"fell|fall(?:s|en|ing)?|dropped|drop(?:s|ping)?|declined|declin(?:es|ing)|decreased?|down|slipped|" \
        r"slid|sank|plunged|tumbled|lower|cut|reduced|shrank|shrunk|lost|lose|loses|losing|shed|sheds|shedding"
_EITHER = r"improved|improv(?:es|ing)|changed|moved|shifted"
_CHANGE_BEFORE_RE = fastre.plain(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<either>{_EITHER})|"
    r"an?\s+(?:(?P<nup>rise|increase|gain|jump|surge|premium|growth|markup|mark-up)|"
    r"(?P<ndown>drop|fall|decline|decrease|reduction|cut|discount|loss|slump)|"
    r"(?P<neither>improvement|change|swing)|(?:year[- ]on[- ]year\s+)?\w+\s+(?:rise|drop|fall))\s+of)"
    r"\s+(?:by\s+)?(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|just\s+over|just\s+under)\s+)?$",
    re.I)
_CHANGE_AFTER_RE = fastre.plain(
    r"^\s*(?P<up>rise|increase|gain|jump|surge|premium|growth|higher|more|climb|leap|rebound|hike)\b|"
    r"^\s*(?P<down>drop|fall|decline|decrease|reduction|cut|discount|lower|less|fewer|slide|slump|plunge|dip|"
    r"tumble|contraction)\b|^\s*(?P<either>improvement|change|swing)\b", re.I)
# "would cut the list price of its inhaler by 70%": the verb of change before its object
_CHANGE_BY_RE = fastre.plain(
    r"\b(?:(?P<down>cut|cuts|cutting|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|"
    r"trim(?:s|med|ming)?)|(?P<up>rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|"
    r"lift(?:s|ed|ing)?|boost(?:s|ed|ing)?))\b[^.;%\d]{0,60}?\bby\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over)\s+)?$", re.I)
# "The $18.4 million haul marked a 61% slide from the film's $39.0 million opening": the new
# value stands before the change, the old one after its "from"
_CHANGE_FROM_AFTER_RE = fastre.plain(
    r"^\s*(?:year[- ]on[- ]year\s+)?[a-z]+\s+from\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.I)
_MULT_RE = fastre.plain(
    r"\b(?P<qual>more\s+than|over|nearly|almost|roughly|about|around|just\s+over|just\s+under|close\s+to)?\s*"
    r"(?P<word>doubled|doubling|halved|halving|tripled|trebled|tripling|quadrupled|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|\d+(?:\.\d+)?)[- ]?fold)\b", re.I)
_FOLD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twelve": 12, "twenty": 20}
_FOLD_DOWN_RE = fastre.plain(rf"\b(?:{_DOWN})\s+(?:(?:by\s+)?(?:about|around|roughly|nearly|almost|some|"
                           r"more\s+than|over)\s+)?(?:an?\s+)?$", re.I)


def _fold_factor(word: str, before: str) -> float | None:
    """``fivefold`` is x5, ``a 3-fold increase`` x3; ``fell tenfold`` x0.1."""
    m = re.match(r"(\w+(?:\.\d+)?)[- ]?fold$", word, re.I)
    if not m:
        return None
    n = m.group(1).lower()
    factor = float(_FOLD_NUMBERS.get(n, n)) if n in _FOLD_NUMBERS or re.fullmatch(r"\d+(?:\.\d+)?", n) else None
    if not factor or factor <= 1:
        return None
    return 1 / factor if _FOLD_DOWN_RE.search(before) else factor


# a change stated as a fraction: "fell by a third", "rose by half", "cut by two-thirds"
_FRACTIONS = {"half": 1 / 2, "a half": 1 / 2, "a third": 1 / 3, "a quarter": 1 / 4, "a fifth": 1 / 5,
              "a tenth": 1 / 10, "two-thirds": 2 / 3, "two thirds": 2 / 3, "three-quarters": 3 / 4,
              "three quarters": 3 / 4}
_FRACTION_RE = fastre.plain(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:\s+by|(?:\s+(?:the|its|their|his|her|[a-z]+)){{1,3}}?\s+by|)\s+"
    r"(?P<qual>more\s+than|over|nearly|almost|roughly|about|around|just\s+over|just\s+under|close\s+to|some)?\s*"
    r"(?P<frac>a\s+half|half|a\s+third|a\s+quarter|a\s+fifth|a\s+tenth|two[- ]thirds|three[- ]quarters)\b"
    r"(?!\s+(?:of|a|an|the|its|their|his|her|per)\b)", re.I)
_MULT = {"doubled": 2.0, "doubling": 2.0, "halved": 0.5, "halving": 0.5, "tripled": 3.0, "trebled": 3.0,
         "tripling": 3.0, "quadrupled": 4.0}
_MULT_NOUN = {"doubled": "a doubling", "doubling": "a doubling", "halved": "a halving", "halving": "a halving",
              "tripled": "a tripling", "trebled": "a trebling", "tripling": "a tripling",
              "quadrupled": "a quadrupling"}
_ON_BASE = r"(?:the\s+|its\s+|last\s+year['’]s\s+|the\s+previous\s+year['’]s\s+|a\s+year\s+earlier['’]s\s+)?"
_FROM_RE = fastre.plain(r"\b(?:from|up\s+from|down\s+from|compared\s+with|against|"
                      r"(?:(?<=%\s)|(?<=cent\s))(?:lower|higher|less|more|smaller|bigger|larger)\s+than)\s+"
                      r"(?:an?\s+|(?:the|its|their)\s+(?:[\w-]+['’]s\s+)?)?$"
                      # "up 24% on the £2.9bn a year earlier"
                      rf"|(?:%|\bper\s*cent|\bpercent)\s+(?:(?:rise|jump|increase|gain|fall|drop|decline|climb|"
                      rf"leap|surge|slide|dip|rebound|improvement)\s+)?on\s+{_ON_BASE}$", re.I)
_TO_RE = fastre.plain(r"\b(?:to|reach(?:ed|ing)?|hit(?:ting)?)\s+(?:(?:a\s+(?:record|high|low)\s+of)\s+)?$", re.I)
# "shares closed down 9% on Tuesday at US$38.20, from US$43.10": the level a price closed at
_CLOSED_AT_RE = fastre.plain(r"\b(?:clos(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing)|settl(?:ed|ing)|st(?:ood|anding))\b"
                           r"[^.;,]{0,40}\bat\s+$", re.I)
_DURATION_RE = fastre.plain(r"^P(?:(?P<w>\d+(?:\.\d+)?)W)?(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
                          r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")


def _duration_seconds(c: Claim) -> float | None:
    if c.kind != "duration" or not c.timex:
        return None
    m = _DURATION_RE.match(c.timex)
    if not m or not any(m.groupdict().values()):
        return None
    w, d, h, mi, s = (float(m.group(k) or 0) for k in ("w", "d", "h", "m", "s"))
    return (((w * 7 + d) * 24 + h) * 60 + mi) * 60 + s


def _value_family(c: Claim) -> tuple[str, str] | None:
    """(family, unit) for a from/to value, durations included."""
    if c.kind in ("count", "number"):
        return ("count", "")
    if c.kind == "money" and c.unit:
        return ("money", c.unit)
    if c.kind == "percent":
        return ("percent", "")
    if c.kind == "measure" and c.unit:
        # the extractor's own dimension tag: no unit registry needed to pair "from 5 km to 3 miles"
        from numcheck.extract.quantities import DIMENSION_OF
        tag = DIMENSION_OF.get(c.unit)
        if tag is not None:
            return ("measure:" + tag, c.unit)
        try:
            dim = _units_module().dimensionality(c.unit)
        except Exception:
            return None
        return ("time" if dim == "[time]" else "measure:" + dim, c.unit)
    if c.kind == "duration" and _duration_seconds(c) is not None:
        return ("time", "second")
    return None


def _value_interval(c: Claim, unit: str) -> tuple[float, float] | None:
    """The interval a from/to value allows, in ``unit`` (seconds for times)."""
    if c.kind == "duration":
        secs = _duration_seconds(c)
        if secs is None:
            return None
        m = re.search(r"\d[\d,]*(?:\.(\d+))?", c.text)
        step = 10 ** -len(m.group(1)) if m and m.group(1) else 1
        per = secs / (float(m.group(0).replace(",", "")) if m and float(m.group(0).replace(",", "")) else 1)
        r = 0.5 * step * per
        return secs - r, secs + r
    lo, hi = interval(c)
    if c.kind == "measure":
        fam = _value_family(c)
        target = "second" if fam and fam[0] == "time" else unit
        try:
            return _in_unit(c, target, (lo, hi))
        except ValueError:
            return None
    return lo, hi


def _change_direction(m: re.Match) -> str:
    g = m.groupdict()
    if g.get("up") or g.get("nup"):
        return "up"
    if g.get("down") or g.get("ndown"):
        return "down"
    return "either"


def _from_to(ctx: RuleContext, figs: Sequence[Claim], s_start: int, exclude: Claim | None):
    text = ctx.text
    froms, tos = [], []
    for c in figs:
        if c is exclude or _value_family(c) is None:
            continue
        before = text[max(s_start, c.start - 40):c.start]
        if _FROM_RE.search(before):
            froms.append(c)
        elif _TO_RE.search(before) or _CLOSED_AT_RE.search(text, max(s_start, c.start - 60), c.start):
            tos.append(c)
    return froms, tos


def _nearest(cands: list[Claim], anchor: int) -> Claim | None:
    return min(cands, key=lambda c: abs(c.start - anchor)) if cands else None


_UP_FROM_RE = fastre.plain(
    r"\b(?:up|down|rising|falling|higher|lower|an?\s+(?:increase|rise|drop|fall|decline|gain)\s+of|"
    # "a 4% fall on the previous year's £5.7bn"
    r"(?:%|per\s*cent|percent)\s+(?:rise|jump|increase|gain|fall|drop|decline|climb|leap|surge|slide|dip))\b"
    rf"[^,;.]{{0,20}}?\b(?:from\s+|on\s+{_ON_BASE})$"
    # "$1.02bn last season, 18% lower than the $1.16bn paid out in 2022"
    r"|(?:%|per\s*cent|percent)\s+(?:lower|higher|less|more|smaller|bigger|larger)\s+than\s+(?:the\s+|its\s+)?$",
    re.I)
_PREMIUM_REF_RE = fastre.plain(r"^[^.;]{0,6}\b(?:to|over|on|above|below|against)\b[^.;]{0,50}$", re.I)


def _premium_values(ctx, figs, p: Claim):
    """``an offer of $12.80 a share, a premium of 28% to Friday's close of $10``:
    (offer, reference) around a premium or discount."""
    fam_of = _value_family
    after = [c for c in figs if c.start >= p.end and fam_of(c)
             and _PREMIUM_REF_RE.match(ctx.text[p.end:c.start])]
    if not after:
        return None
    ref = after[0]
    before = [c for c in figs if c.end <= p.start and fam_of(c) and fam_of(c)[0] == fam_of(ref)[0]
              and (c.kind != "money" or c.unit == ref.unit)]
    if not before:
        return None
    offer = before[-1]
    unit = ref.unit if fam_of(ref)[0].startswith("measure") else ""
    fi, ti = _value_interval(ref, unit), _value_interval(offer, unit)
    if fi is None or ti is None or fi[0] <= 0:
        return None
    return ref, offer, fi, ti


def _pair_values(ctx, figs, s_start, anchor: Claim | None, anchor_pos: int):
    froms, tos = _from_to(ctx, figs, s_start, anchor)
    frm = _nearest(froms, anchor_pos)
    if frm is None:
        return None
    fam = _value_family(frm)
    tos = [t for t in tos if _value_family(t) and _value_family(t)[0] == fam[0]]
    to = _nearest(tos, anchor_pos)
    # "reached £3.3bn last year, up (14%) from £2.9bn": the value before "up from"; it wins
    # over a "to" value further back ("... to €1.87bn from €1.51bn, helped by a fare of €58,
    # up 9% from €53": the 9% runs from €53 to €58)
    if _UP_FROM_RE.search(ctx.text[max(s_start, frm.start - 40):frm.start]):
        prev = [c for c in figs if c.end <= frm.start and c is not anchor and _value_family(c)
                and _value_family(c)[0] == fam[0]]
        if prev and (to is None or prev[-1].start > to.start):
            to = prev[-1]
    if to is None and anchor is not None and frm.start > anchor.end \
            and _CHANGE_FROM_AFTER_RE.match(ctx.text[anchor.end:frm.start]):
        prev = [c for c in figs if c.end <= anchor.start and _value_family(c)
                and _value_family(c)[0] == fam[0]]
        to = prev[-1] if prev else None
    if to is None:
        return None
    unit = frm.unit if fam[0].startswith("measure") else ""
    if fam[0] == "money" and to.unit != frm.unit:
        return None
    fi = _value_interval(frm, unit)
    ti = _value_interval(to, unit)
    if fi is None or ti is None or fi[0] <= 0:
        return None
    return frm, to, fi, ti


def _ratio_interval(fi, ti) -> tuple[float, float]:
    return ti[0] / fi[1], ti[1] / fi[0]


@rule("FIG004", "change-arithmetic", "error",
      "A stated change that disagrees with the from and to values beside it.",
      description="""
A stated change (`rose 17%`, `a drop of 9.5%`, `improved 20%`, `a premium of
28%`, `doubled`, `halved`, `tripled`, `fivefold`, `a 3-fold rise`, `fell by a third`, `rose by
half`) next to its from and to values (`to Y
from X`, `from X to Y`, `Y, up 14% from X`, `Y marked a 52% slide from the film's X`; for a premium or discount, `offered
$12.80, a premium of 28% to the close of $10`) in the same sentence, where the change
the values imply falls outside the rounding of the stated figure (and of the
values).  `improved` is accepted in either direction, and as the change of the
rate (`40 to 36 minutes` is 10% less time, or 11% faster).  Multipliers allow
7.5% either way (`nearly doubled` is 1.6-2x, `more than doubled` over 2x).
`up 14% on the £2.9bn a year earlier` reads `on` as the from value; `from X
to Y` read as one range is split into the two; `rose 3 points to 45% from
41%` compares percentage points.  Fractions allow 15% of the fraction either way (`fell by a third` is a fall of
28-38%), 30% with a qualifier.  Durations from the temporal extractor (`36 minutes`) count as values.  Quiet
when the from or the to value is missing.
""",
      fires=["Shares have doubled from A$2.10 to A$5.30 since January.",
             "Gold output fell by a third to 41,000 ounces from 52,000 ounces in the quarter.",
             "Ambulance response times improved 20% to 36 minutes from 40 minutes."],
      quiet=["Copper output rose 18% to 42,500 tonnes from 36,000 tonnes a year earlier.",
             "The number fell to 412,000 in June from 455,000 in May, a drop of 9.5%."])
def change_arithmetic(ctx: RuleContext) -> Iterable:
    text = ctx.text
    a = ctx.analysis
    by_sentence: dict[int, list[Claim]] = {}
    for c in _split_from_to_ranges(text, a.claims):
        if c.is_figure or c.kind == "duration":
            by_sentence.setdefault(a.sentence_index(c.start), []).append(c)
    for si in sorted(by_sentence):
        figs = sorted(by_sentence[si], key=lambda c: c.start)
        s = a.sentence_of(figs[0].start)
        s_start, s_end = s.start, s.end
        done = False
        # percentage changes
        changes = []
        for p in figs:
            if p.value is None or not (p.kind == "percent" or _is_points(p)):
                continue
            before = text[max(s_start, p.start - 40):p.start]
            if _MAKES_UP_RE.search(before):
                continue  # "making up 9.6% of all vehicles sold": a share, not a change
            m = _CHANGE_BEFORE_RE.search(before) or _CHANGE_AFTER_RE.match(text[p.end:p.end + 20]) \
                or _CHANGE_BY_RE.search(text, max(s_start, p.start - 90), p.start)
            if m:
                changes.append((p, before, m))
        for k, (p, before, m) in enumerate(changes):
            direction = _change_direction(m)
            # each change owns its clause: "BT fell 3.2% to 104.5p from 107.95p, while Unilever
            # rose 5.7% to 4,050p" gives the 5.7% no from value
            lo, hi = _clause_bounds(text, s_start, s_end, p)
            if k > 0:
                lo = max(lo, changes[k - 1][0].end)
            if k + 1 < len(changes):
                hi = min(hi, changes[k + 1][0].start)
            others = [f for f in figs if f is not p and f.start >= lo and f.end <= hi]
            vals = _pair_values(ctx, others, s_start, p, p.start)
            word = (m.groupdict().get("nup") or m.groupdict().get("ndown") or m.group(0)).lower()
            if vals is None and re.search(r"premium|discount|markup|mark-up", word):
                vals = _premium_values(ctx, others, p)
            if vals is None:
                continue
            frm, to, fi, ti = vals
            rlo, rhi = _ratio_interval(fi, ti)
            slo, shi = interval(p)
            if p.qualifier == "~":
                slo, shi = slo - 0.1 * p.value, shi + 0.1 * p.value
            # "a drop of 37 basis points": a change in hundredths of a percentage point
            bps = p.kind == "percent" and p.unit == "basis_point"
            if bps:
                slo, shi = slo / 100, shi / 100
            points = _is_points(p) or bps
            candidates = []
            if points and _value_family(frm)[0] != "percent":
                continue  # "rose 3 points" of an index: no percentage to compare with
            if points:
                pass  # a change in percentage points: only the difference below
            elif direction in ("up", "either"):
                candidates.append(((rlo - 1) * 100, (rhi - 1) * 100))
            if direction in ("down", "either") and not points:
                candidates.append(((1 - rhi) * 100, (1 - rlo) * 100))
                if direction == "either":  # a time or cost falling: the rate rises
                    candidates.append(((1 / rhi - 1) * 100, (1 / rlo - 1) * 100))
            if _value_family(frm)[0] == "percent":
                candidates.append((ti[0] - fi[1], ti[1] - fi[0]) if direction != "down"
                                  else (fi[0] - ti[1], fi[1] - ti[0]))
            if any(lo <= shi and slo <= hi for lo, hi in candidates):
                continue
            if points:
                diff = to.value - frm.value
                yield ctx.finding(
                    min(p.start, frm.start, to.start), max(p.end, frm.end, to.end),
                    f"from {frm.text} to {to.text} is a change of {diff:+.2f} percentage points "
                    f"({diff * 100:+.0f} basis points), not {_stated(text, p, before)}")
                done = True
                break
            actual = (to.value / frm.value - 1) * 100 if frm.value else float("nan")
            extra = ""
            if direction == "either" and actual < 0:
                extra = f", or {(frm.value / to.value - 1) * 100:.1f}% measured the other way"
            yield ctx.finding(
                min(p.start, frm.start, to.start), max(p.end, frm.end, to.end),
                f"from {frm.text} to {to.text} is a change of {actual:+.1f}% "
                f"({to.text} / {frm.text} = {to.value / frm.value:.4f}{extra}), "
                f"not {_stated(text, p, before)}")
            done = True
            break
        if done:
            continue
        # multipliers and fractions need a from value in the sentence: without one there is
        # nothing to compare them with, so the two whole-sentence scans below are skipped
        if not _from_to(ctx, figs, s_start, None)[0]:
            continue
        # multipliers
        sentence = text[s_start:s_end]
        for m in _MULT_RE.finditer(sentence):
            pos = s_start + m.start("word")
            vals = _pair_values(ctx, figs, s_start, None, pos)
            if vals is None:
                continue
            frm, to, fi, ti = vals
            factor = _MULT.get(m.group("word").lower()) or \
                _fold_factor(m.group("word"), sentence[max(0, m.start("word") - 30):m.start("word")])
            if not factor:
                continue
            qual = (m.group("qual") or "").lower()
            if qual in ("more than", "over", "just over"):
                flo, fhi = factor * 0.995, math.inf
            elif qual in ("nearly", "almost", "just under", "close to"):
                flo, fhi = factor * 0.8, factor * 1.005
            elif qual:
                flo, fhi = factor * 0.9, factor * 1.1
            else:
                flo, fhi = factor * 0.925, factor * 1.075
            if factor < 1:
                flo, fhi = factor * (1 / 1.075 if not qual else 0.8), factor * (1.075 if not qual else 1.25)
            rlo, rhi = _ratio_interval(fi, ti)
            if rlo <= fhi and flo <= rhi:
                continue
            ratio = to.value / frm.value
            yield ctx.finding(
                min(pos, frm.start, to.start), max(s_start + m.end(), frm.end, to.end),
                f"from {frm.text} to {to.text} is x{ratio:.2f} ({(ratio - 1) * 100:+.0f}%), "
                f"not {_MULT_NOUN.get(m.group('word').lower(), m.group('word'))} (x{_sig(factor, 3)})"
                f"{' as stated: ' + m.group(0).strip() if qual else ''}")
            done = True
            break
        if done:
            continue
        # fractions: "fell by a third to 41,000 ounces from 52,000"
        for m in _FRACTION_RE.finditer(sentence):
            pos = s_start + m.start()
            vals = _pair_values(ctx, figs, s_start, None, s_start + m.end())
            if vals is None:
                continue
            frm, to, fi, ti = vals
            frac = _FRACTIONS[re.sub(r"\s+", " ", m.group("frac").lower())]
            up = bool(m.group("up"))
            rlo, rhi = _ratio_interval(fi, ti)
            clo, chi = ((rlo - 1, rhi - 1) if up else (1 - rhi, 1 - rlo))
            qual = (m.group("qual") or "").lower()
            if qual in ("more than", "over", "just over"):
                flo, fhi = frac * 0.97, math.inf
            elif qual in ("nearly", "almost", "just under", "close to"):
                flo, fhi = frac * 0.7, frac * 1.03
            elif qual:
                flo, fhi = frac * 0.7, frac * 1.3
            else:
                flo, fhi = frac * 0.85, frac * 1.15
            if clo <= fhi and flo <= chi:
                continue
            ratio = to.value / frm.value
            change = (ratio - 1) * 100
            yield ctx.finding(
                min(pos, frm.start, to.start), max(s_start + m.end(), frm.end, to.end),
                f"from {frm.text} to {to.text} is a {'rise' if change >= 0 else 'fall'} of {abs(change):.1f}% "
                f"({to.text} / {frm.text} = {ratio:.3f}), not {m.group(0).strip()} "
                f"({'+' if up else '-'}{frac * 100:.1f}%)")
            break


_POINTS_RE = fastre.plain(r"\d\s*(?:percentage\s+)?points?$", re.I)


def _is_points(c: Claim) -> bool:
    """``3 points`` / ``3 percentage points`` extracted as a count rather than a percentage."""
    return c.kind in ("count", "number") and bool(_POINTS_RE.search(c.text))


_RANGE_FROM_TO_RE = fastre.plain(r"^(?P<a>.+?)\s+to\s+(?P<b>.+)$")


def _split_from_to_ranges(text: str, claims: Sequence[Claim]) -> list[Claim]:
    """``more than doubled, from 510,000 to 980,000``: the extractor may read ``510,000 to
    980,000`` as one range; after ``from`` it is the from and the to value of a change."""
    out = []
    for c in claims:
        m = _RANGE_FROM_TO_RE.match(c.text) if c.qualifier == "range" else None
        if m and c.low is not None and c.high is not None and c.low != c.high and \
                re.search(r"\bfrom\s+$", text[max(0, c.start - 8):c.start], re.I):
            b_start = c.start + m.start("b")
            out.append(dataclasses.replace(c, end=c.start + m.end("a"), text=m.group("a"), value=c.low,
                                           low=c.low, high=c.low, qualifier="="))
            out.append(dataclasses.replace(c, start=b_start, text=m.group("b"), value=c.high,
                                           low=c.high, high=c.high, qualifier="="))
        else:
            out.append(c)
    return out


_CLAUSE_BREAK_RE = fastre.plain(r";|,\s*(?:while|whereas|but|although|though)\b|\s(?:while|whereas)\s", re.I)


def _clause_bounds(text: str, s_start: int, s_end: int, p: Claim) -> tuple[int, int]:
    """The clause of a sentence around ``p``: cut at semicolons and at ``, while``/``whereas``/``but``."""
    lo, hi = s_start, s_end
    for m in _CLAUSE_BREAK_RE.finditer(text, s_start, s_end):
        if m.end() <= p.start:
            lo = m.end()
        elif m.start() >= p.end:
            hi = m.start()
            break
    return lo, hi


def _stated(text: str, p: Claim, before: str) -> str:
    by = _CHANGE_BY_RE.search(text, max(0, p.start - 90), p.start)
    if by and not _CHANGE_BEFORE_RE.search(before):
        return f"{by.group('down') or by.group('up')} by {p.text}"  # "cut ... by 70%": "cut by 70%"
    m = re.search(r"((?:\b(?:a|an)\s+)?\b[\w-]+\s+(?:of\s+|by\s+)?)$", before)
    return (m.group(1) if m else "") + p.text


# -- FIG005 -----------------------------------------------------------------------------------

_TEMPERATURES = {"degree_Celsius", "degree_Fahrenheit", "kelvin", "degree_Rankine"}


def _unit_words(c: Claim) -> str:
    t = re.sub(r"^(?:about|around|roughly|some|nearly|almost|approximately|over|more than|"
               r"at least|up to|less than|under)\s+", "", c.text.strip(), flags=re.I)
    m = re.match(r"^(?:minus\s+|plus\s+|negative\s+)?[-\u2212]?[\d.,]+\s*(.*)$", t, re.I)
    return m.group(1).strip() if m else c.unit


@rule("FIG005", "unit-conversion-mismatch", "error",
      "A stated equivalent in other units that disagrees with the conversion.",
      description="""
A measure restated in other units (`12 miles (31 km)`, `30°C (76°F)`, `250
pounds, about 90 kilos`) whose conversion, computed with pint, is off by more
than 5% (10% when either carries a qualifier) after allowing for the rounding
of both numbers (a round number is good to 10% at most: `100 yards` is not
50-150 yards).  Temperatures convert as absolute temperatures (30°C is
86°F), and are compared within one degree (two with a qualifier), since a
percentage of a temperature has no meaning.
""",
      fires=["The company dug 12 miles (31 km) of new tunnels last year.",
             "Temperatures reached 30°C (76°F) on Tuesday."],
      quiet=["The company dug 12 miles (19 km) of new tunnels last year.",
             "Temperatures reached 30°C (86°F) on Tuesday."],
      options={"tolerance": 0.05, "tolerance_qualified": 0.10},
      needs=["units"])
def unit_conversion_mismatch(ctx: RuleContext) -> Iterable:
    pairs = stated_equivalents(ctx.analysis, "measure")
    if not pairs:
        return
    units = _units_module()
    text = ctx.text
    for e in pairs:
        a, b = e.original, e.equivalent
        if a.value is None or b.value is None or not a.unit or not b.unit or a.unit == b.unit:
            continue
        if not units.compatible(a.unit, b.unit):
            continue
        qualified = e.approx or is_approximate(a) or is_approximate(b)
        temperature = a.unit in _TEMPERATURES or b.unit in _TEMPERATURES
        delta = temperature and _is_temperature_change(text, a, b)
        lead = _compound_lead(ctx, a)  # "5 feet" in "5 feet 10 inches (1.78 m)"
        try:
            if delta:
                conv = lambda v: units.convert_delta(v, a.unit, b.unit)  # noqa: E731
            else:
                conv = lambda v: units.convert(v, a.unit, b.unit)  # noqa: E731
            extra = units.convert(lead.value, lead.unit, b.unit) if lead is not None else 0.0
            alo, ahi = equivalent_interval(a, ROUND_NUMBER_CAP)
            lo, hi = sorted((conv(alo) + extra, conv(ahi) + extra))
            expected = conv(a.value) + extra
        except ValueError:
            continue
        blo, bhi = equivalent_interval(b, ROUND_NUMBER_CAP)
        if temperature:
            slack = 2.0 if qualified else 1.0
            lo, hi = lo - slack, hi + slack
        else:
            tol = float(ctx.option("tolerance_qualified", 0.10) if qualified else ctx.option("tolerance", 0.05))
            lo, hi = lo * (1 - tol), hi * (1 + tol)
        if lo <= bhi and blo <= hi:
            continue
        off = f" ({(b.value - expected) / expected * 100:+.0f}%)" if not temperature and expected \
            else f" ({b.value - expected:+.1f} degrees)"
        what = f"{lead.text} {a.text}" if lead is not None else a.text
        kind = " (a change in temperature)" if delta else ""
        yield ctx.finding(*pair_span(text, a, b, None if lead is None else lead.start),
                          f"{what}{kind} is {_sig(expected)}{_unit_sep(b)}{_unit_words(b)}, not {b.text}{off}")


_DELTA_BEFORE_RE = fastre.plain(
    r"\b(?:by|rose|risen|rise|rises|fell|fallen|fall|falls|dropped|drop|warmed|cooled|warming|cooling|"
    r"increased?|decreased?|up|down|change|swing|jumped|climbed|plunged)\s+(?:of\s+)?"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over)\s+)?$", re.I)
_DELTA_AFTER_RE = fastre.plain(r"^\s*\)?\s*(?:warmer|cooler|colder|hotter|higher|lower|above|below|more|less|"
                             r"of\s+warming|of\s+cooling)\b", re.I)


def _is_temperature_change(text: str, a: Claim, b: Claim) -> bool:
    """``rose by 10C (18F)``, ``2C (3.6F) warmer``: a difference, converted without the offset.
    ``did not fall below 27C (81F)`` is a level: the threshold word belongs to the figure."""
    if re.match(r"(?:below|above|under|over|beneath|exceeding|at\s+least|at\s+most|up\s+to|"
                r"as\s+(?:low|high|much|little|cold|hot|warm)\s+as)\b", a.text, re.I):
        return False
    return bool(_DELTA_BEFORE_RE.search(text[max(0, a.start - 25):a.start])
                or _DELTA_AFTER_RE.match(text[b.end:b.end + 25]))


def _compound_lead(ctx: RuleContext, a: Claim) -> Claim | None:
    """The larger unit of a compound measure: ``5 feet`` before ``10 inches``."""
    prev = [c for c in ctx.analysis.figures if c.kind == "measure" and c.end <= a.start]
    if not prev:
        return None
    p = prev[-1]
    if not re.fullmatch(r"\s*(?:,|and)?\s*", ctx.text[p.end:a.start]) or not p.unit or p.value is None:
        return None
    try:
        units = _units_module()
        if not units.compatible(p.unit, a.unit) or p.unit in _TEMPERATURES:
            return None
        if units.convert(1.0, p.unit, a.unit) <= 1.0:
            return None  # a compound runs from the larger unit to the smaller
    except ValueError:
        return None
    return p


def _unit_sep(c: Claim) -> str:
    m = re.search(r"\d(\s*)[^\d\s,.]", c.text)
    return m.group(1) if m else " "
