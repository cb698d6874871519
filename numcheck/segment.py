"""Sentences and paragraphs of news prose.

Paragraphs are separated by blank lines (the Markdown and HTML readers already put a
blank line between blocks).  Sentences end at ``.``, ``!``, ``?`` or an ellipsis,
possibly followed by closing quotes or brackets, then whitespace, then something
that can open a sentence (a capital, a digit, an opening quote).  Each such candidate
is then judged on the word before it:

* titles and abbreviations that precede a name or number never end a sentence
  (``Gen.``, ``Brig.``, ``Lt.``, ``Sen.``, ``Dr.``, ``Mr.``, ``e.g.``, ``vs.``; ``No. 5``,
  ``Oct. 7``, ``St. Louis``);
* initials (``J. K. Rowling``, ``George W. Bush``) do not either;
* abbreviations that often end a sentence too (``U.S.``, ``Inc.``, ``Jr.``, ``a.m.``)
  end one only when the next word is a usual sentence opener (``The``, ``He``, ``But``).

One regex pass finds the candidates; the per-candidate work is a few set lookups, so
the whole is linear in the text.
"""
from __future__ import annotations

import re

from numcheck import fastre
from numcheck.models import Paragraph, Sentence

_PARA = fastre.compile(r"\n[ \t\r\f\v]*\n\s*")

# terminator, closing quotes/brackets, whitespace; lookahead: opening quotes then a char
_CAND = fastre.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(\s+)(?=[\"'“‘«(\[]*(\S))")

# never end a sentence: they precede a name
TITLES = frozenset("""
mr mrs ms messrs mme mlle dr prof gen brig lt col maj capt cpt sgt cpl pvt adm cmdr cdr ens
sen sens rep reps gov govs lt.gov pres supt det insp rev fr hon amb atty gen. sr.
st ste mt ft pt
""".split())
ALWAYS = frozenset("""
e.g i.e vs v cf al etc.al approx est ca viz
""".split())
# end a sentence only when no number follows
BEFORE_NUMBER = frozenset("""
no nos jan feb mar apr jun jul aug sep sept oct nov dec vol fig figs art sec ch pp p para
""".split())
# ambiguous: end a sentence only before a usual opener
AMBIGUOUS = frozenset("""
inc corp co ltd llc plc jr sr bros dept univ assn ave blvd rd
mon tue tues wed thu thur thurs fri sat sun
""".split())

OPENERS = frozenset("""
a an the this that these those it its he she they we i you his her their our my your
there here in on at by for from with after before but and or so yet if when while as
since although though because however meanwhile still also then now some many most
both all one two three four five six seven eight nine ten no not only what who why how
where which officials shares analysts police investors critics according earlier later
last next under over during despite among
""".split())

_ACRONYM = fastre.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = fastre.compile(r"^[A-Z]\.$")


_NEXT_WORD = fastre.compile(r"[\"'“‘«(\[]*([A-Za-z]+)")
_NEXT_INITIAL = fastre.compile(r"[A-Z]\.")


def _next_word(text: str, i: int) -> str:
    m = _NEXT_WORD.match(text, i)
    return m.group(1) if m else ""


def _is_boundary(text: str, start: int, m: re.Match) -> bool:
    nxt = m.group(2)
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«(["):
        return False
    end_of_term = m.start(1)
    term = text[m.start():end_of_term]
    if not term.startswith(".") or term.startswith(".."):
        return True  # ! ? or an ellipsis followed by a capital
    if term.rstrip("\"'”’»)]") != ".":
        return True
    # the word the period belongs to
    i = m.start()
    lo = max(start, i - 40)
    ws = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), text.rfind("\t", lo, i),
             text.rfind("\xa0", lo, i))
    word = text[(ws + 1 if ws >= 0 else lo):i].lstrip("\"'“‘«([")
    if "-" in word[:-1]:
        word = word.rsplit("-", 1)[-1] or word  # "Asia-U.S. East Coast": the abbreviation is U.S.
    low = word.lower()
    if not low:
        return True
    if low in TITLES or low in ALWAYS:
        return False
    nxt_pos = m.end(1)
    if low in BEFORE_NUMBER and word[0].isupper():
        return not nxt.isdigit()
    if _INITIAL.match(word + "."):
        # an initial, unless the next word clearly opens a sentence (and is not an initial)
        after = _next_word(text, nxt_pos)
        if _NEXT_INITIAL.match(text, nxt_pos):
            return False
        return after.lower() in OPENERS and len(after) > 1
    if low in AMBIGUOUS or _ACRONYM.match(word + ".") or (low.count(".") and low.replace(".", "").isalpha()
                                                          and len(low) <= 6):
        after = _next_word(text, nxt_pos)
        return after.lower() in OPENERS or nxt.isdigit() and low not in AMBIGUOUS
    return True


def segment(text: str) -> tuple[tuple[Sentence, ...], tuple[Paragraph, ...]]:
    paragraphs: list[Paragraph] = []
    pos = 0
    n = len(text)
    for m in _PARA.finditer(text):
        _add_para(text, pos, m.start(), paragraphs)
        pos = m.end()
    _add_para(text, pos, n, paragraphs)

    sentences: list[Sentence] = []
    cand = _CAND.finditer
    for pi, p in enumerate(paragraphs):
        s = p.start
        for m in cand(text, p.start, p.end):
            if _is_boundary(text, p.start, m):
                e = m.start(1)
                if e > s:
                    sentences.append(Sentence(s, e, pi))
                s = m.end(1)
        if s < p.end:
            sentences.append(Sentence(s, p.end, pi))
    return tuple(sentences), tuple(paragraphs)


def _add_para(text: str, a: int, b: int, out: list[Paragraph]) -> None:
    chunk = text[a:b]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Paragraph(a + lead, a + lead + len(stripped)))
