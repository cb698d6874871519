"""A simple tense reading of the clause around a position in a sentence.

Not a parser: a word-level heuristic good enough to tell an event told as done
(``took effect``, ``was killed``, ``had risen``) from one told as planned or
hypothetical (``will``, ``would``, ``is expected to``, ``plans to``, and without an
auxiliary ``to be finished``, ``due to open``, ``set to``, ``scheduled for``).

:func:`tense_at` looks first inside the clause holding the span (bounded by
commas, semicolons, dashes, brackets and quotes), taking the marker nearest the
span; when the clause holds no marker it falls back to the nearest one in the
whole sentence.  It returns ``"past"``, ``"present"``, ``"future"`` (future or
conditional) or ``None`` when nothing tells.
"""
from __future__ import annotations

import re
from functools import lru_cache
from numcheck import fastre

PAST = "past"
PRESENT = "present"
FUTURE = "future"

_FUTURE_PHRASES = fastre.compile(
    r"\b(?:will|won't|wont|shall|would|wouldn't|could|might|may|should|'ll|’ll"
    r"|(?:is|are|was|were|be|been|'s|’s|'re|’re)\s+(?:(?:set|poised|likely|going|planning|hoping|supposed|"
    r"about)\s+to|(?:expected|scheduled|due|slated|projected|forecast|predicted|planned)(?:\s+to)?)"
    r"|(?:plans?|planned|intends?|aims?|hopes?|expects?|wants?|seeks?|promised|pledged|vowed|proposed)\s+to"
    # "expects provisions to peak", "forecasts prices to fall": a present verb of looking ahead
    r"|(?:expects?|forecasts?|predicts?|projects?|wants?|needs?)\s+(?:[\w'’-]+\s+){1,4}?to(?=\s+[a-z])"
    r"|(?:is|are)\s+to|in\s+order\s+to|unless|if"
    # without an auxiliary: "to be finished in 2026", "set to open", "due to close", "scheduled for"
    r"|to\s+be|(?:set|poised|slated)\s+to|(?:scheduled|slated|earmarked|pencilled|penciled|planned|set)\s+for"
    r"|(?:due|expected|scheduled|planned|projected|forecast)\s+(?:by|in|on|to\s+(?!(?:the|a|an|its|his|her|their|"
    r"this|that|these|those|our|some|heavy|high|low|poor|bad|rising|falling|lack|concerns?)\b)[a-z]+))\b",
    re.IGNORECASE)

_PAST_WORDS = frozenset("""
was were had did said told took began begun came went made fell rose won lost held met saw got gave left
found became brought led paid sold bought built fought thought knew ran wrote spoke stood sent spent
struck hit cut put set shut quit kept felt heard meant broke chose drew drove ate flew forgot froze grew
hung hid laid lay rode rang sang sank slept slid spun stole stuck swore swept swam threw tore understood
woke wore withdrew overtook undertook arose awoke bore bound bred burst cast clung crept dealt dug fled
flung forbade forgave foresaw forsook ground lent lit misled mistook overcame overran oversaw sought
shook shot shrank slew sprang strove strode stung stank strung swung taught wept wound wrung
ago yesterday
""".split())

_PRESENT_WORDS = frozenset("""
is are am has have does do says say tells shows remains remain stands includes include runs run
begins starts ends opens closes takes comes goes meets holds leads faces seems looks needs wants makes
gets gives keeps continues becomes stays lasts falls rises sits lies costs pays owns employs serves
""".split())

_NOT_PAST_ED = frozenset("""
need seed speed feed bed red shed bleed breed creed deed greed heed reed weed indeed proceed exceed succeed
hundred kindred naked wicked sacred rugged ragged beloved learned aged bred united based related limited
""".split())

# present perfect: "has been postponed", "have risen" (past event, present relevance)
_PERFECT = fastre.compile(r"\b(?:has|have|'ve|’ve)\s+(?:not\s+|already\s+|just\s+|since\s+|now\s+)?"
                      r"(?:been\s+)?[a-z]+(?:ed|en|wn|un|ne|ught|id|ade)\b", re.IGNORECASE)
_REPORTING = frozenset("""said says told tells announced reported added wrote stated explained confirmed noted
argued claimed insisted warned""".split())
_DETERMINER = fastre.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+$", re.IGNORECASE)
_WORD = fastre.compile(r"[A-Za-z’']+")
# present-tense words that are as often nouns, and an article or possessive up to two
# lowercase words before one ("the first full run", "its fixed cost")
_NOUN_LIKE_PRESENT = frozenset("run stand cost pay start end say stay lead look need hold face".split())
_ARTICLE_BEFORE = fastre.plain(r"\b(?:the|a|an|its|his|their|our|your|my)\s+(?:[a-z][a-z-]*[a-rt-z]\s+){0,2}$",
                               re.IGNORECASE)
_CLAUSE_BREAK = fastre.compile(r"[,;:()\[\]—–\"“”]|\s-\s")
# a bracketed restatement of a figure ("the A$95 million (US$60 million) sale") is part of
# its clause, not a break
_AMOUNT = fastre.plain(r"(?<![\w$£€¥])(?:[A-Z]{1,3})?[$£€¥]?\d[\d,.]*\s*(?:million|billion|trillion|bn|mn|m|k)?\b")
_FIGURE_ASIDE = fastre.plain(r"\([^()]{0,40}\d[^()]{0,40}\)")


def _clause_bounds(text: str, sent_start: int, start: int, end: int, sent_end: int) -> tuple[int, int]:
    """The clause holding ``start``..``end``: from the nearest break before it to the nearest after."""
    asides = [m.span() for m in _FIGURE_ASIDE.finditer(text, sent_start, sent_end)] \
        if text.find("(", sent_start, sent_end) >= 0 else []

    def in_aside(p: int) -> bool:
        return any(a <= p < b for a, b in asides)

    lo = sent_start
    for m in _CLAUSE_BREAK.finditer(text, sent_start, start):
        if not in_aside(m.start()):
            lo = m.end()
    hi = sent_end
    for m in _CLAUSE_BREAK.finditer(text, end, sent_end):
        if not in_aside(m.start()):
            hi = m.start()
            break
    return lo, hi


_NOUN_FORECAST = fastre.plain(r"(?:forecast|projected|planned|scheduled|expected)\s+(?:by|in|on)\b", re.I)
_DET_WORDS_BEFORE = fastre.plain(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _kind(word: str) -> str | None:
    w = word.lower().replace("’", "'")
    if w in _PAST_WORDS:
        return PAST
    if w in _PRESENT_WORDS:
        return PRESENT
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
        return PAST
    return None


@lru_cache(maxsize=64)
def _markers(text: str, lo: int, hi: int) -> tuple[tuple[int, int, str], ...]:
    """(start, end, tense) of every tense marker in text[lo:hi].

    Cached: the claims of one sentence ask for the same clause and sentence spans, and
    a string's hash is computed once, so a hit costs a lookup."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _FUTURE_PHRASES.finditer(text, lo, hi):
        if m.group() == "May":  # the month, not the modal
            continue
        if _NOUN_FORECAST.match(m.group()) and _DET_WORDS_BEFORE.search(text, max(lo, m.start() - 40), m.start()):
            continue  # "raised its full-year profit forecast on Thursday": a noun, not "is forecast to"
        out.append((m.start(), m.end(), FUTURE))
        taken.append((m.start(), m.end()))
    for m in _PERFECT.finditer(text, lo, hi):
        out.append((m.start(), m.end(), PRESENT))
        taken.append((m.start(), m.end()))
    for m in _WORD.finditer(text, lo, hi):
        if taken and any(s <= m.start() < e for s, e in taken):
            continue
        k = _kind(m.group())
        if k == PAST and m.group().lower() not in _PAST_WORDS:
            # "long-awaited", "the revised plan": participles used as adjectives
            if text[m.start() - 1:m.start()] == "-" or _DETERMINER.search(text, max(lo, m.start() - 8), m.start()):
                continue
        elif k == PRESENT and m.group().lower() in _NOUN_LIKE_PRESENT \
                and _ARTICLE_BEFORE.search(text, max(lo, m.start() - 40), m.start()):
            continue  # "the first full run", "a fixed cost": a noun, not a verb
        if k:
            out.append((m.start(), m.end(), k))
    return tuple(out)


def _nearest(markers: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]], start: int, end: int, skip: tuple[int, int]) -> str | None:
    best = None
    best_d = None
    for s, e, k in markers:
        if s >= skip[0] and e <= skip[1]:
            continue
        d = start - e if e <= start else s - end
        d = max(d, 0)
        # a future/conditional marker in the clause outranks a plain verb at a similar distance
        if k == FUTURE:
            d -= 3
        if best_d is None or d < best_d:
            best, best_d = k, d
    return best


def tense_at(text: str, start: int, end: int, sent_start: int = 0, sent_end: int | None = None) -> str | None:
    """The tense of the clause holding ``text[start:end]`` within the sentence bounds."""
    if sent_end is None:
        sent_end = len(text)
    sent_start = max(0, min(sent_start, start))
    sent_end = min(len(text), max(sent_end, end))
    lo, hi = _clause_bounds(text, sent_start, start, end, sent_end)
    clause = _markers(text, lo, hi)
    # a modal or "expected to" earlier in the clause governs the verbs after it
    if any(k == FUTURE and e <= start for _, e, k in clause):
        return FUTURE
    k = _nearest(clause, start, end, (start, end))
    if k is not None:
        return k
    # outside the clause, a reporting verb ("..., officials said") dates the report, not the
    # event: it counts only when the sentence has no other verb ("On Tuesday, the ministry announced")
    allm = _markers(text, sent_start, sent_end)
    rest = [mk for mk in allm if text[mk[0]:mk[1]].lower() not in _REPORTING]
    return _nearest(rest or allm, start, end, (start, end))


_OWN_PHRASE = fastre.compile(r"\b(?:for|until|till|to|towards?|before|after|ahead|than|that|which|who|whose|where|"
                         r"when|while|and|but|or|next|new|upcoming|planned|future|following|from|through|into|"
                         r"ing|[a-z]+ing)\b|[A-Za-z]+['’]s\b", re.IGNORECASE)


_TO_NAME = fastre.plain(r"\b(?:to|for|and)\s+(?=[A-Z])")  # "to Norseman", "for Seville and Córdoba": names
_PASSIVE_AUX = fastre.compile(r"\b(?:was|were|been|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)


_WEEKDAY_DATE = fastre.plain(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?,?\s+"
                           r"(?:\d|[A-Z][a-z]{2})")


def past_marker_near(text: str, start: int, end: int, sent_start: int = 0, sent_end: int | None = None,
                     max_words: int = 6, max_reach_words: int = 12) -> bool:
    """True when the clause holding the span is told in the past tense by a verb within
    ``max_words`` words of it, and nothing in the clause marks future or condition."""
    if sent_end is None:
        sent_end = len(text)
    lo, hi = _clause_bounds(text, sent_start, start, end, sent_end)
    clause = _markers(text, lo, hi)
    if any(k == FUTURE for _, _, k in clause):
        return False
    best = None
    for s, e, k in clause:
        gap = _FIGURE_ASIDE.sub(" ", text[e:start] if e <= start else text[end:s])
        gap = _AMOUNT.sub(" ", gap)  # "the A$95 million sale": an amount is not words of distance
        words = len(_WORD.findall(gap))
        if best is None or words < best[0]:
            best = (words, k, gap, s)
    if best is None or best[1] != PAST:
        return False
    if best[0] <= max_words:
        return True
    # further off, a passive verb still governs the date when only its agent and place stand
    # between them ("was signed by the foreign ministers of the four countries in Bratislava
    # on July 12"), with no word that starts a phrase of its own ("for the concert on April
    # 12", "to hold talks on", "which opens on").  An active verb's object may carry a date
    # of its own ("confirmed a cut in fuel duty in the budget on March 6"), so it does not reach.
    if best[0] > max_reach_words:
        return False
    if _OWN_PHRASE.search(best[2]) is None and _PASSIVE_AUX.search(text, max(lo, best[3] - 20), best[3]) is not None:
        return True
    # a date with its weekday ("met the heads of the four banks on Monday, Feb 24"; "sold
    # its stake to Norseman Resources on Monday, Feb. 24") dates the verb's event, not a
    # noun on the way: "to" before a name is the verb's recipient, not a phrase of its own
    if (best[3] < start and _WEEKDAY_DATE.search(text, start, end) is not None
            and _OWN_PHRASE.search(_TO_NAME.sub(" ", best[2])) is None):
        return True
    if best[3] > start:
        return False
    setting = _AT_SETTING.search(best[2])
    if _starts_own_phrase(best[2], setting.start() if setting else len(best[2])):
        return False
    # an active verb reaches a date across its object when the date belongs to the verb:
    # "approved the deal at a meeting on 21 March" (the setting of the verb), "finished a
    # containment line along Baldy Ridge on July 22" (no noun on the way that happens on a
    # day of its own).  "confirmed a cut in fuel duty in the budget on March 6" stays quiet:
    # the cut and the budget are events with dates of their own.
    if setting is not None:
        return True
    if text[best[3]:best[3] + 12].split()[0].lower() in _COMPLETIVE:
        return True
    return not any(_is_event_head(m) for m in _GAP_WORD.finditer(best[2]))


# a meeting, hearing or ceremony at which the verb's event took place, right before the date
_AT_SETTING = fastre.plain(r"\bat\s+(?:an?|the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}"
                           r"(?:meeting|hearing|session|ceremony|conference|summit|event|assembly|gathering|"
                           r"briefing|rally)(?:\s+of\s+(?:the\s+|its\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?"
                           r"\s+(?:on|in)\s*$", re.IGNORECASE)
# verbs that finish what their object names: "completed the first reviews of marking on 31
# August" dates the completion, whatever the object
_COMPLETIVE = frozenset("completed finished concluded held conducted staged hosted wrapped signed sealed "
                        "closed performed".split())
_GAP_WORD = fastre.plain(r"[A-Za-z][A-Za-z-]*(?=(\s+[A-Za-z][A-Za-z-]*|\s*$|[^A-Za-z\s]))")
# nouns of events and changes, which carry dates of their own ("a rise in the minimum wage in
# April", "the demolition of the towers in 2026", "the budget on March 6")
_EVENT_NOUNS = frozenset("""
meeting meetings vote votes ballot ballots election elections poll polls referendum hearing hearings trial
trials summit conference congress convention session sessions talks debate budget statement strike strikes
walkout walkouts protest protests rally rallies launch launches auction auctions sale sales offering
listing flotation ipo ceremony celebration festival event events concert match matches game games final
finals race races tournament visit visits tour trip deadline review inquiry inquest consultation
announcement release update results report publication premiere opening closure debut start kickoff
payment payments payout dividend rise rises increase increases cut cuts hike hikes fall reduction
reductions freeze change changes rollout handover deal merger takeover switch switchover shutdown
cutover transfer move expansion extension renewal removal arrival departure return reopening
""".split())
_NOMINAL_ENDINGS = ("tion", "sion", "tions", "sions")
# nouns in -tion/-sion that name things and places, not events
_NOT_EVENTS = frozenset("""
section sections station stations nation nations portion portions position positions population
populations institution institutions junction junctions fraction fractions commission commissions
division divisions television pension pensions mansion mansions version versions edition editions
federation association corporation foundation administration organisation organization
""".split())
_PREPOSITIONS = frozenset("of in on at for to from with by under over along across into onto near "
                          "between against".split())


def _is_event_head(m: "re.Match[str]") -> bool:
    """A noun of an event or a change that heads its phrase in a gap: followed by a
    preposition or the end of the gap, not by another noun it modifies ("containment
    line", "election results" keep their last word as the head)."""
    w = m.group().lower()
    if w not in _EVENT_NOUNS and (not w.endswith(_NOMINAL_ENDINGS) or w in _NOT_EVENTS):
        return False
    nxt = (m.group(1) or "").strip().lower()
    return not nxt or nxt in _PREPOSITIONS or not nxt[:1].isalpha()


def tense_of(clause: str) -> str | None:
    """The tense of a whole clause (no span to centre on)."""
    return tense_at(clause, len(clause), len(clause))


_ING_MODIFIER = fastre.plain(r"\b(?:the|an?|its|their|his|her|our)\s+(?:[a-z-]+\s+)?[a-z]+ing\b"
                             r"|\bof\s+[a-z]+ing\b(?!\s+(?:a|an|the|its|their|his|her)\b)"  # "reviews of marking"
                             r"|\b[a-z]+ing(?=\s+(?!(?:a|an|the|its|their|his|her|our|this|that|these|those|on|"
                             r"in|at|to|for|with|by|from|up|out|off|down|back)\b)[a-z])", re.IGNORECASE)


def _starts_own_phrase(gap: str, end: int) -> bool:
    """A word in ``gap[:end]`` that starts a phrase of its own (see ``_OWN_PHRASE``), where
    a word in -ing after an article or before a noun is a noun or its modifier ("the
    parking scheme", "a restructuring plan"), not a participle ("building a plant")."""
    modifiers = [m.span() for m in _ING_MODIFIER.finditer(gap, 0, end)]
    for m in _OWN_PHRASE.finditer(gap, 0, end):
        if m.group().lower().endswith("ing") and any(a <= m.start() and m.end() <= b for a, b in modifiers):
            continue
        return True
    return False
