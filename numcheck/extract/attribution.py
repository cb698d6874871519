"""Attribution: who vouches for each figure.

Finds attribution cues in each sentence (``according to X``, ``X said``,
``..., the company said.``, ``told The Washington Post``, ``data from X show``,
``(source: X)``, vague ones such as ``some analysts believe`` or ``reportedly``),
works out the source's span, classifies it (``named``, ``reference`` or
``vague``), resolves references (``the company``, ``the filing``, ``He added``)
to the nearest earlier named source of the right sort, and links every figure
claim to the attribution that covers it.

Coverage: an attribution covers the clauses of its sentence that it governs, plus
every sentence of a quotation it introduces or closes (``"... 300 jobs. ... $5m,"
she said.``).  A sentence splits into clauses at ``; ``, at ``, and``/``, but``
before a new subject and at ``after``/``while``/``as``/``because`` before a new
subject.  A reporting tag set off by punctuation (``..., the agency said``, ``The
toll, officials said, had``, ``..., according to X``) covers every clause without an
attribution of its own; a reporting verb heading its clause (``X reported a 3%
rise``, ``after Saudi Arabia said``) covers that clause only; a reporting verb in a
relative clause (``a decision the airline said ...``) covers only its own words.
With ``scope="paragraph"`` it covers its whole paragraph.  A speech verb with a
time phrase before ``that`` (``said after the game that``) keeps its clause whole.

Court reporting tags (``..., Manchester Crown Court heard``, ``the inquest was
told``) are phrase cues limited to court-like heads; ``the jury`` stands for a
court named earlier or stays unresolved.  Documents that show (``the papers
show``, ``the minutes show``) are references resolved to a body named nearby;
``a study published in The Lancet found`` resolves to the journal.  ``the Premier
League club`` is a reference (a capitalised qualifier before a head of kind), and
bodies named mid-sentence (``fined at Cardiff Magistrates' Court``) are
antecedents for references with their head word only.

The vocabulary lives in ``rules/attribution.toml`` and ``rules/vague.toml``;
both are loaded once, on first use.

Speed: each sentence is tokenised once per text and every look-up takes a slice of
its tokens, made into token objects only when read; a cue or vague-source pattern
runs over a sentence only when the sentence holds one of the literal strings every
match of the pattern must contain (its keyword gate, worked out from the pattern);
word alternations are grouped by first character.  None of this changes a result.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from numcheck import fastre
from numcheck.models import FIGURE_KINDS, Claim, Paragraph, Sentence, Source

__all__ = ["attribute", "find_attributions", "Attribution", "lexicon", "data_path"]


# ---------------------------------------------------------------------------
# data files

def data_path(name: str) -> Path:
    """Path of a data file shipped under ``rules/`` (installed as ``numcheck.packs``)."""
    from numcheck.data import data_path as _dp
    return _dp(name)


def _load(name: str) -> dict:
    with open(data_path(name), "rb") as fh:
        return tomllib.load(fh)


def _alternation(words: Iterable[str], fold: bool = False) -> str:
    """The words as one alternation, longest first.  Words are grouped under their
    first character (``s(?:aid|ays)``) so that a scan tries only the words that can
    start at each place; the groups cannot match the same text, and each keeps its
    words' order, so the matches are those of the plain ``said|says``.  ``fold``: the
    pattern is case-insensitive, so ``A`` and ``a`` form one group."""
    ws = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    if fold and not all(w[0].isascii() for w in ws):
        # "ſ" and "s" match each other case-insensitively: keep the plain order
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)
    groups: dict[str, list[str]] = {}
    for w in ws:
        groups.setdefault(w[0].lower() if fold else w[0], []).append(w)
    parts = []
    for g in groups.values():
        if len(g) == 1:
            parts.append(re.escape(g[0]).replace(r"\ ", r"\s+"))
        else:
            rests = "|".join(re.escape(w[1:]).replace(r"\ ", r"\s+") for w in g)
            parts.append(re.escape(g[0][0]) + "(?:" + rests + ")")
    return "|".join(parts)


@dataclass(frozen=True)
class _Cue:
    prefix: re.Pattern | None      # matched before the source slot (forward capture)
    suffix: re.Pattern | None      # matched after the slot (backward capture, or check)
    whole: re.Pattern | None       # no slot: the match itself names a pronoun source
    outlet_only: bool
    inner_by: bool
    forward: bool
    source_heads: frozenset[str] = frozenset()   # the source's last word must be one of these
    speech: bool = False                         # reports what was said, like "said"


@dataclass(frozen=True)
class Lexicon:
    say: frozenset[str]
    report: frozenset[str]
    clause: frozenset[str]
    verb_re: re.Pattern
    skip_re: re.Pattern
    cues: tuple[_Cue, ...]
    outlet_names: frozenset[str]
    outlet_name_re: re.Pattern
    outlet_heads: frozenset[str]
    connectors: frozenset[str]
    titles: frozenset[str]
    descriptors: frozenset[str]
    org_words: frozenset[str]
    not_names: frozenset[str]
    abbreviations: frozenset[str]
    ref_org: frozenset[str]
    ref_doc: frozenset[str]
    ref_person: frozenset[str]
    ref_spokes: frozenset[str]
    ref_national: frozenset[str]
    person_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    vague: tuple[tuple[re.Pattern, bool], ...]
    generic_nouns: frozenset[str]
    generic_modifiers: frozenset[str]
    nationality_suffixes: tuple[str, ...]
    nationalities: frozenset[str]
    ref_category: frozenset[str] = frozenset()   # "the Premier League club": a kind, not a name
    skip_between: frozenset[str] = frozenset()   # adverbs allowed between a subject and its verb
    ref_alias: dict = field(default_factory=dict)   # "jury" -> "court": the word its antecedent carries
    heads: frozenset[str] = frozenset()   # every reference head and outlet head

    def __post_init__(self) -> None:
        object.__setattr__(self, "heads", self.ref_org | self.ref_doc | self.ref_person | self.outlet_heads)


def _compile_cue(entry: dict) -> _Cue:
    pat = entry["pattern"]
    outlet_only = bool(entry.get("outlet_only", False))
    inner_by = bool(entry.get("inner_by", True))
    heads = frozenset(w.lower() for w in entry.get("source_heads", ()))
    speech = bool(entry.get("speech", False))
    if "{source}" not in pat:
        return _Cue(None, None, fastre.compile(r"(?<![\w-])" + pat + r"(?![\w-])", re.I), outlet_only, inner_by, True)
    before, after = pat.split("{source}", 1)
    before, after = before.strip(" "), after.strip(" ")
    if before:
        prefix = fastre.compile(r"(?<![\w-])" + before + r"\s+" if not before.endswith((":", r"\s*")) else
                            r"(?<![\w-])" + before, re.I | re.M)
        suffix = fastre.compile(r"\s*" + after + r"(?![\w-])", re.I) if after else None
        return _Cue(prefix, suffix, None, outlet_only, inner_by, True, heads, speech)
    suffix = fastre.compile(after + r"(?![\w-])", re.I)
    return _Cue(None, suffix, None, outlet_only, inner_by, False, heads, speech)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue and vague-source vocabulary, loaded and compiled once."""
    a = _load("attribution.toml")
    v = _load("vague.toml")
    verbs = a.get("verbs", {})
    say = frozenset(w.lower() for w in verbs.get("say", ()))
    report = frozenset(w.lower() for w in verbs.get("report", ()))
    clause = frozenset(w.lower() for w in verbs.get("clause", ()))
    verb_re = fastre.compile(r"(?<![\w-])(" + _alternation(say | report | clause, fold=True) + r")(?![\w-])", re.I)
    skip_re = fastre.compile(r"(?:(?<=\s)|^)(?:" + _alternation(verbs.get("skip_between", ()), fold=True) + r")\s*$", re.I)
    outlets = a.get("outlets", {})
    names = a.get("names", {})
    refs = a.get("references", {})
    gen = v.get("generic", {})
    outlet_names = frozenset(outlets.get("names", ()))
    return Lexicon(
        say=say, report=report, clause=clause, verb_re=verb_re, skip_re=skip_re,
        skip_between=frozenset(w.lower() for w in verbs.get("skip_between", ())),
        cues=tuple(_compile_cue(c) for c in a.get("cue", ())),
        outlet_names=outlet_names,
        outlet_name_re=fastre.compile(r"(?<![\w-])(?:" + _alternation(outlet_names) + r")(?![\w-])"),
        outlet_heads=frozenset(w.lower() for w in outlets.get("heads", ())),
        connectors=frozenset(w.lower() for w in names.get("connectors", ())),
        titles=frozenset(w.lower() for w in names.get("titles", ())),
        descriptors=frozenset(w.lower() for w in names.get("descriptors", ())),
        org_words=frozenset(names.get("org_words", ())),
        not_names=frozenset(w.lower() for w in names.get("not_names", ())),
        abbreviations=frozenset(names.get("abbreviations", ())),
        ref_org=frozenset(w.lower() for w in refs.get("organisation", ())),
        ref_doc=frozenset(w.lower() for w in refs.get("document", ())),
        ref_person=frozenset(w.lower() for w in refs.get("person", ())),
        ref_spokes=frozenset(w.lower() for w in refs.get("spokes", ())),
        ref_national=frozenset(w.lower() for w in refs.get("national", ())),
        person_pronouns=frozenset(w.lower() for w in refs.get("person_pronouns", ())),
        other_pronouns=frozenset(w.lower() for w in refs.get("other_pronouns", ())),
        vague=tuple((fastre.compile(r"(?<![\w-])(?:" + p["pattern"] + r")", re.I), bool(p.get("weak", False)))
                    for p in v.get("phrase", ())),
        generic_nouns=frozenset(w.lower() for w in gen.get("nouns", ())),
        generic_modifiers=frozenset(w.lower() for w in gen.get("modifiers", ())),
        nationality_suffixes=tuple(gen.get("nationality_suffixes", ())),
        nationalities=frozenset(gen.get("nationalities", ())),
        ref_alias={k.lower(): v.lower() for k, v in refs.get("same_as", {}).items()},
        ref_category=frozenset(w.lower() for w in refs.get("category", ())),
    )


# ---------------------------------------------------------------------------
# keyword gates: a cue pattern is run over a sentence only when the sentence holds
# one of the words every match of it must contain

# the only characters outside ASCII that match an ASCII letter case-insensitively
_ODD_CASE = fastre.compile("[\u0130\u0131\u017f\u212a]")


def _prefixes(seq, limit: int = 64) -> tuple[set[str], bool] | None:
    """Strings one of which starts every match of ``seq`` (a parsed sequence), and
    whether ``seq`` is wholly literal; None when there are too many."""
    from re import _constants as C
    out = {""}
    for op, av in seq:
        if op is C.LITERAL:
            out = {w + chr(av) for w in out}
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero width
        elif op is C.SUBPATTERN or op is C.BRANCH:
            subs = [av[-1]] if op is C.SUBPATTERN else av[1]
            alts: set[str] = set()
            whole = True
            for sub in subs:
                got = _prefixes(sub, limit)
                if got is None:
                    return None
                alts |= got[0]
                whole = whole and got[1]
            out = {w + a for w in out for a in alts}
            if len(out) > limit:
                return None
            if not whole:
                return out, False
        else:
            return out, False
    return out, True


def _gate(pattern: re.Pattern | None) -> tuple[str, ...] | None:
    """Lowercase strings at least one of which lies inside every match of ``pattern``
    (None: no usable set, run the pattern everywhere)."""
    if pattern is None:
        return None
    from re import _parser
    try:
        seq = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return None
    best: tuple[str, ...] | None = None
    for i in range(len(seq)):
        got = _prefixes(seq[i:])
        if got is None:
            continue
        words = {w.lower() for w in got[0]}
        if not words or min(len(w) for w in words) < 3 or not all(w.isascii() for w in words):
            continue
        cand = tuple(sorted(words))
        if best is None or min(map(len, cand)) > min(map(len, best)):
            best = cand
    return best


@lru_cache(maxsize=1)
def _gates() -> tuple[tuple, tuple]:
    lex = lexicon()
    cues = tuple(_gate(c.whole if c.whole is not None else c.prefix if c.forward else c.suffix) for c in lex.cues)
    vague = tuple(_gate(p) for p, _ in lex.vague)
    return cues, vague


_DOCUMENTS = 0   # documents seen by find_attributions in this process


class _NoGates:
    """No gate for any pattern."""

    def __iter__(self):
        while True:
            yield None


_NO_GATES = _NoGates()


# ---------------------------------------------------------------------------
# tokens

_TOKEN = fastre.compile(r"(?:[A-Za-z]\.){2,}"
                        # a web address as a name: "LowestRates.ca", "Rightmove.co.uk", "Booking.com"
                        r"|\w+(?:-\w+)*(?:\.(?:com|org|net|co|uk|ca|au|de|fr|in|io|ie|nz|es|it|nl|eu))+\b(?![.-]\w)"
                        r"|\w+(?:[-'’&]\w+)*(?:['’]s\b|['’](?=\s))?|[^\w\s]")
_DETS = frozenset({"the", "a", "an"})
_POSS_PRON = frozenset({"its", "their", "his", "her"})
_QUANT = frozenset({"some", "many", "most", "several", "other", "few", "both", "one", "two", "three", "four",
                    "five", "independent", "senior", "unnamed", "anonymous"})
_STOP_BACK = frozenset({
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would", "could",
    "can", "may", "might", "must", "should", "shall", "do", "does", "did", "that", "which", "who", "whom",
    "whose", "when", "while", "where", "as", "but", "if", "because", "since", "after", "before", "than",
    "by", "with", "from", "into", "onto", "over", "under", "about", "against", "through", "during",
    "not", "also", "it", "he", "she", "they", "we", "i", "you", "there", "this", "these", "those",
    "in", "on", "at", "to", "so", "then", "yet", "though", "although", "until", "per", "via"})
_BACK_CONNECT = frozenset({"of", "for", "and", "de", "du", "des", "la", "le", "von", "van", "der", "den",
                           "to", "&", "al", "bin", "ibn", "y", "da", "di", "at", "on", "in"})


_DIGIT_NAME = fastre.compile(r"[A-Z][A-Za-z]*\d[A-Za-z\d]*(?:['’]s)?")


class _Tok:
    """A token of a sentence, with its lowercase and base forms worked out once."""

    __slots__ = ("start", "end", "text", "low", "base", "is_punct", "is_cap", "possessive", "_acronym", "_digit")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        low = self.low = text.lower()
        # base: lowercased, without a possessive ending
        self.base = low[:-2] if low.endswith(("'s", "’s")) else low.rstrip("'’")
        c = text[0]
        self.is_punct = not (c.isalnum() or c == "_")
        self.is_cap = c.isupper()
        self.possessive = low.endswith(("'s", "’s", "s'", "s’"))
        self._acronym: bool | None = None
        self._digit: bool | None = None

    @property
    def is_acronym(self) -> bool:
        a = self._acronym
        if a is None:
            if self.text == self.low:
                a = False
            else:
                core = self.text.replace(".", "").rstrip("'’s")
                a = len(core) >= 2 and sum(ch.isupper() for ch in core) >= 2
            self._acronym = a
        return a

    @property
    def has_digit(self) -> bool:
        """A number-like token; a name with a digit inside ("A4E", "G7") is not one."""
        d = self._digit
        if d is None:
            d = self._digit = any(ch.isdigit() for ch in self.text) and not _DIGIT_NAME.fullmatch(self.text)
        return d

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Tok) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"_Tok({self.start}, {self.end}, {self.text!r})"


def _raw_tokens(text: str, lo: int, hi: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    toks = [(*m.span(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]
    if text.find(".", lo, hi) < 0:
        return toks
    out: list[tuple[int, int, str]] = []
    for tok in toks:
        s, e, t = tok
        if t == "." and out and out[-1][1] == s and out[-1][2] in lex.abbreviations:
            prev = out.pop()
            out.append((prev[0], e, prev[2] + "."))
            continue
        out.append(tok)
    return out


def _scan_tokens(text: str, lo: int, hi: int, lex: Lexicon) -> list[_Tok]:
    return [_Tok(s, e, t) for s, e, t in _raw_tokens(text, lo, hi, lex)]


class _SentenceTokens:
    """The tokens of each sentence of one text, made on first use.

    ``_tokens`` asks for the tokens of a stretch of a sentence many times over
    (a subject before each verb, a name after each cue); a stretch whose ends fall
    between the sentence's tokens is a slice of them."""

    __slots__ = ("text", "starts", "ends", "toks", "raw", "tok_starts", "tok_ends")

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.starts = [s.start for s in sentences]
        self.ends = [s.end for s in sentences]
        self.toks: dict[int, list[_Tok | None]] = {}
        self.raw: dict[int, list[tuple[int, int, str]]] = {}
        self.tok_starts: dict[int, list[int]] = {}
        self.tok_ends: dict[int, list[int]] = {}

    def get(self, lo: int, hi: int, lex: Lexicon, tail: bool = False, limit: int = 0,
            lazy: bool = False) -> "list[_Tok] | _LazyTokens | None":
        k = bisect.bisect_right(self.starts, lo) - 1
        if k < 0 or hi > self.ends[k]:
            return None
        toks = self.toks.get(k)
        if toks is None:
            raw = self.raw[k] = _raw_tokens(self.text, self.starts[k], self.ends[k], lex)
            toks = self.toks[k] = [None] * len(raw)
            self.tok_starts[k] = [r[0] for r in raw]
            self.tok_ends[k] = [r[1] for r in raw]
        ts, te = self.tok_starts[k], self.tok_ends[k]
        i = bisect.bisect_left(te, lo + 1)   # first token ending after lo
        if i < len(toks) and ts[i] < lo:
            return None                      # lo falls inside a token
        j = bisect.bisect_left(ts, hi)       # tokens starting before hi
        if j <= i:
            return []
        raw = self.raw[k]
        last = raw[j - 1][2]
        if te[j - 1] > hi or (te[j - 1] == hi and last[-1] in "'’" and len(last) > 1):
            return None                      # hi inside a token, or "companies'" needing its space
        if tail:
            for n in range(j - 1, i - 1, -1):
                r = raw[n][2]
                if not (r[0].isalnum() or r[0] == "_") and r not in _NOT_BREAKS:
                    i = n + 1
                    break
        if limit and j > i + limit:
            j = i + limit
        if lazy:
            return _LazyTokens(toks, raw, i, j)
        for n in range(i, j):
            if toks[n] is None:
                toks[n] = _Tok(*raw[n])
        return toks[i:j]


class _LazyTokens:
    """A stretch of a sentence's tokens, each made when it is first looked at."""

    __slots__ = ("toks", "raw", "i", "n")

    def __init__(self, toks: list, raw: list, i: int, j: int) -> None:
        self.toks, self.raw, self.i, self.n = toks, raw, i, j - i

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> _Tok:
        if not 0 <= k < self.n:
            raise IndexError(k)
        k += self.i
        t = self.toks[k]
        if t is None:
            t = self.toks[k] = _Tok(*self.raw[k])
        return t


_CTX: _SentenceTokens | None = None


def _use_tokens(text: str, sentences: Sequence[Sentence], fresh: bool = False) -> None:
    global _CTX
    ctx = _CTX
    if fresh or ctx is None or ctx.text is not text:
        _CTX = _SentenceTokens(text, sentences)


_NOT_BREAKS = ("&", "-", "'", "’")


def _tail_tokens(text: str, lo: int, hi: int, lex: Lexicon) -> list[_Tok]:
    """The tokens of ``lo``..``hi`` after its last punctuation mark (``&``, hyphens and
    apostrophes aside): the clause segment that ends at ``hi``."""
    ctx = _CTX
    if ctx is not None and ctx.text is text:
        got = ctx.get(lo, hi, lex, tail=True)
        if got is not None:
            return got
    toks = _scan_tokens(text, lo, hi, lex)
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].is_punct and toks[k].text not in _NOT_BREAKS:
            return toks[k + 1:]
    return toks


def _tokens(text: str, lo: int, hi: int, lex: Lexicon, limit: int = 0) -> list[_Tok]:
    """The tokens of ``lo``..``hi`` (only the first ``limit`` of them if ``limit``)."""
    ctx = _CTX
    if ctx is not None and ctx.text is text:
        got = ctx.get(lo, hi, lex, limit=limit)
        if got is not None:
            return got
    toks = _scan_tokens(text, lo, hi, lex)
    return toks[:limit] if limit else toks


# ---------------------------------------------------------------------------
# names

def _doc_word(t: _Tok, lex: Lexicon) -> str:
    """The document word a token names, singular or plural (``reports`` -> ``report``), or ""."""
    if t.base in lex.ref_doc:
        return t.base
    return t.base[:-1] if t.base.endswith("s") and t.base[:-1] in lex.ref_doc else ""


def _is_name_tok(t: _Tok, lex: Lexicon) -> bool:
    return (t.is_cap and not t.is_punct and t.base not in lex.not_names) or t.is_acronym


def _is_word_tok(t: _Tok, lex: Lexicon) -> bool:
    """A lowercase word that may stand inside a source's name."""
    b = t.base
    if b in lex.titles or b in lex.descriptors or b in lex.heads or b in lex.generic_nouns or b in lex.outlet_heads:
        return True
    return b.endswith("s") and (b[:-1] in lex.heads or b[:-1] in lex.titles)


def _capture_forward(text: str, pos: int, hi: int, lex: Lexicon, max_tokens: int = 14) -> tuple[int, int] | None:
    # the walk below looks at no more than max_tokens tokens and three beyond them
    toks = None
    ctx = _CTX
    if ctx is not None and ctx.text is text:
        toks = ctx.get(pos, hi, lex, limit=max_tokens + 4, lazy=True)
    if toks is None:
        toks = _tokens(text, pos, hi, lex, limit=max_tokens + 4)
    if not toks or toks[0].start - pos > 2:
        return None
    acc: list[_Tok] = []
    pending: list[_Tok] = []
    i = 0
    if toks and (toks[0].low in _DETS or toks[0].low in _POSS_PRON or toks[0].low in _QUANT):
        pending.append(toks[0])
        i = 1
    n = len(toks)
    while i < n and len(acc) + len(pending) < max_tokens:
        t = toks[i]
        if t.is_punct and t.text != "&":
            break
        if t.has_digit:
            break
        if _is_name_tok(t, lex) or _is_word_tok(t, lex) \
                or (t.is_cap and not t.is_punct and i + 1 < n and toks[i + 1].is_cap
                    and _is_name_tok(toks[i + 1], lex)):  # "the Sunday Times Rich List"
            acc.extend(pending)
            pending = []
            acc.append(t)
        elif t.low in lex.connectors or t.text == "&":
            if not acc:
                break
            pending.append(t)
        elif (not t.is_cap and pending and pending[-1].low == "of" and acc and acc[-1].base in lex.ref_doc
              and (t.base in lex.generic_nouns or t.low.endswith("s"))):
            acc.extend(pending)  # "a Reuters survey of planters"
            pending = []
            acc.append(t)
            break
        elif t.possessive and not t.is_cap:
            pending.append(t)
        elif not t.is_cap and (t.low in lex.say or t.low in lex.report or t.low in lex.clause):
            break
        elif not t.is_cap and t.low not in _STOP_BACK:
            # a lowercase modifier, kept only if a head word follows within three words
            # (never a preposition: "told reporters in Palu" names no "in Palu")
            ok = False
            for j in range(i + 1, min(n, i + 4)):
                u = toks[j]
                if u.is_punct or u.low in _DETS or u.low in _POSS_PRON or u.low in lex.connectors:
                    break
                if u.base in lex.heads or u.base in lex.outlet_heads or u.base in lex.generic_nouns \
                        or (u.is_cap and _is_name_tok(u, lex) and not acc):
                    ok = True  # "market tracker TrendForce": a descriptive title before a name
                    break
            if not ok:
                break
            pending.append(t)
        else:
            break
        i += 1
    if not acc:
        return None
    return acc[0].start, acc[-1].end


_COMMA_NAME = fastre.compile(r"(?:,\s+[A-Z][\w'’-]*)+,?\s+(?:&|and)\s+[A-Z][\w'’-]*(?=\s*[.,;:)]|\s*$)")
_APPOSITION = fastre.compile(r",\s+((?:[A-Z][\w'’&.-]*)(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|&|the))*)(?=\s*[.;:)]|\s*,|\s*$)")


def _extend_forward(text: str, span: tuple[int, int], hi: int, lex: Lexicon) -> tuple[int, int]:
    """``Challenger, Gray & Christmas``; ``its sponsor, Eisai``: names with commas in them."""
    m = _COMMA_NAME.match(text, span[1], hi)
    if m:
        return span[0], m.end()
    toks = _tokens(text, span[0], span[1], lex)
    if toks and not any(_is_name_tok(t, lex) for t in toks):
        m = _APPOSITION.match(text, span[1], hi)
        if m and m.group(1).split()[0].lower() not in lex.not_names:
            end = m.end(1)
            last = m.group(1).split()[-1]
            if last.endswith(".") and last[:-1] not in lex.abbreviations:
                end -= 1
            return span[0], end
    return span


def _valid_start(t: _Tok, lex: Lexicon) -> bool:
    return (t.low in _DETS or t.low in _POSS_PRON or t.low in _QUANT or t.possessive
            or _is_name_tok(t, lex) or t.base in lex.titles or t.base in lex.heads
            or t.base in lex.generic_nouns or t.base in lex.descriptors)


def _segment_is_name(seg: list[_Tok], lex: Lexicon) -> bool:
    """A clause segment (after a comma or at the sentence start) that reads as one name:
    "the ministry of new and renewable energy", "regional governor Oleh Kiper",
    "some real estate agents", "transit agency data"."""
    if not seg or len(seg) > 14:
        return False
    if any(t.has_digit or (t.low in _STOP_BACK and t.low not in _BACK_CONNECT) for t in seg):
        return False
    if any(t.low in ("in", "on", "at", "to") and not _is_name_tok(seg[j + 1], lex) for j, t in enumerate(seg[:-1])):
        return False
    if seg[0].base in lex.not_names and seg[0].low not in _QUANT:
        return False
    has_name = any(_is_name_tok(t, lex) for t in seg)
    has_word = any(_is_word_tok(t, lex) for t in seg)
    after_of = False
    for j, t in enumerate(seg):
        if t.low in ("of", "for"):
            after_of = True
            continue
        if after_of or _is_name_tok(t, lex) or _is_word_tok(t, lex) or t.low in lex.connectors or t.possessive \
                or t.low in _DETS or t.low in _POSS_PRON or t.low in _QUANT or t.base in lex.generic_modifiers:
            continue
        # a lowercase modifier: fine when a name word or head follows closely
        if not any(_is_word_tok(u, lex) or _is_name_tok(u, lex) for u in seg[j + 1:j + 3]):
            return False
    if has_name or has_word:
        return True
    # all lowercase, no known word: a short plural noun phrase ("some real estate agents")
    return len(seg) <= 5 and seg[-1].low.endswith("s") and (seg[0].low in _QUANT or len(seg) <= 3)


def _is_definite_np(toks: Sequence[_Tok], lex: Lexicon, longest: int = 4, after_according: bool = False) -> bool:
    """``the pollster``, ``the debt tracker``, ``the court-appointed receiver``: a short
    definite description whose head word is outside the vocabulary.  A reader knows who
    is meant, so it is a reference (resolved to an earlier name when one fits)."""
    if not 2 <= len(toks) <= longest or toks[0].low != "the":
        return False
    for k, t in enumerate(toks[1:], 1):
        w = t.text
        # after "according to" only a source can follow: "the merchants' particulars of claim",
        # "the claim form" (an owner in the possessive, a noun that is also a verb)
        owner = after_according and t.possessive and k < len(toks) - 1
        if not (w.replace("-", "").replace("'", "").replace("’", "").isalpha() and w.islower()) \
                or (t.possessive and not owner):
            return False
        if t.low in _STOP_BACK or t.low in lex.not_names or t.low in lex.connectors or t.low in _QUANT:
            return False
        if not after_according and (t.low in lex.say or t.low in lex.report or t.low in lex.clause):
            return False
    head = toks[-1].low
    return head not in lex.generic_nouns and head not in _UNNAMED_PEOPLE and head not in lex.descriptors \
        and head not in lex.generic_modifiers and head not in lex.skip_between \
        and not head.endswith(("ly", "ing", "est"))


_SET_OFF_END = fastre.plain(r"\s*(?:[.;!?\"”’]|$)")


def _definite_backward(text: str, lo: int, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of a say-verb when it is a whole clause segment of the
    ``the pollster`` kind (``..., the pollster said``)."""
    seg = _tail_tokens(text, lo, pos, lex)
    if seg and seg[0].low in ("and", "but", "while", "whereas", "yet", "so"):
        seg = seg[1:]  # "..., and the society said"
    if seg and _is_definite_np(seg, lex):
        return seg[0].start, seg[-1].end
    return None


def _definite_forward(text: str, pos: int, hi: int, lex: Lexicon, any_article: bool = False) -> tuple[int, int] | None:
    """``according to the pollster.``: a definite description that ends its clause.
    ``any_article`` (after ``according to``, which only a source can follow): ``a`` or
    ``an`` will do, and a place or owner after the head ends the phrase (``according to
    a timetable in the museum's archive``)."""
    toks = _tokens(text, pos, hi, lex, limit=12 if any_article else 6)
    if toks is None:
        return None
    words: list[_Tok] = []
    rest: list[_Tok] = []
    for k, t in enumerate(toks):
        if t.is_punct and t.text not in ("-", "&"):
            break
        if len(words) >= 2 and not rest and not t.is_cap \
                and (t.low in lex.say or t.low in lex.report or t.low in lex.clause):
            break  # "data from the confederation show": the verb ends the phrase
        if any_article and (rest or (k >= 2 and t.low in _NP_ENDING_PREPS)):
            rest.append(t)
            continue
        words.append(t)
    else:
        if len(words) + len(rest) == len(toks) and toks and toks[-1].end < hi:
            return None  # the phrase runs on past what was looked at
    if any_article and words and words[0].start - pos <= 2:
        # "according to its published terms of sale": the owner's document
        probe = [_Tok(words[0].start, words[0].end, "the")] + words[1:] \
            if words[0].low in ("a", "an", "its", "their", "his", "her") else words
        if not _is_definite_np(probe, lex, longest=6, after_according=True):
            return None
        named = [t for t in rest if _is_name_tok(t, lex)]
        if named:
            # "a timetable in the archive of Train World": the body that holds it names it
            return words[0].start, named[-1].end
        if words[0].low in ("a", "an"):
            return None
        return words[0].start, words[-1].end
    if words and words[0].start - pos <= 2 and _is_definite_np(words, lex):
        return words[0].start, words[-1].end
    return None


_NP_ENDING_PREPS = frozenset({"in", "at", "on", "from", "of", "by", "held", "kept", "published", "seen", "issued"})


def _complete_head(text: str, span: tuple[int, int], hi: int, lex: Lexicon) -> tuple[int, int]:
    """``according to the new rules``: a capture that stops on a modifier ("the new")
    takes the one lowercase word after it when that word ends the phrase."""
    toks = _tokens(text, span[0], span[1], lex)
    if not toks or toks[-1].is_cap or not (toks[-1].base in lex.descriptors or toks[-1].base in lex.generic_modifiers):
        return span
    nxt = _tokens(text, span[1], hi, lex, limit=2)
    if nxt and nxt[0].text.isalpha() and nxt[0].text.islower() and nxt[0].low not in _STOP_BACK \
            and nxt[0].low not in lex.connectors and (len(nxt) == 1 or nxt[1].is_punct):
        return span[0], nxt[0].end
    return span


def _capture_backward(text: str, lo: int, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject that ends at ``pos`` (just before a reporting verb)."""
    # the clause segment after the last boundary
    seg = _tail_tokens(text, lo, pos, lex)
    if not seg:
        return None
    # 1. the whole segment when it reads as a name
    if _segment_is_name(seg, lex):
        return seg[0].start, seg[-1].end
    # 2. walk back over name words
    acc: list[_Tok] = []
    k = len(seg) - 1
    while k >= 0 and len(acc) < 12:
        t = seg[k]
        prev = seg[k - 1] if k > 0 else None
        if t.has_digit:
            if acc and prev is not None and prev.low in _DETS and re.fullmatch(r"(?:19|20)\d\d", t.text):
                acc.append(t)  # "A 2019 inquiry estimated": a year describing a document
                k -= 1
                continue
            break
        if t.low in _DETS or t.low in _POSS_PRON:
            if acc:
                acc.append(t)
            if prev is not None and prev.low in _BACK_CONNECT and prev.low not in ("in", "on", "at") and acc:
                k -= 1
                continue
            break
        if t.low in _BACK_CONNECT or t.text == "&":
            if not acc or prev is None or t.low in ("in", "on", "at", "to"):
                if t.low == "to" and acc and prev is not None and _is_name_tok(prev, lex) and _is_name_tok(acc[-1], lex):
                    acc.append(t)
                    k -= 1
                    continue
                break
            if _is_name_tok(prev, lex) or _is_word_tok(prev, lex):
                acc.append(t)
                k -= 1
                continue
            break
        if t.low in _STOP_BACK:
            break
        if _is_name_tok(t, lex) or _is_word_tok(t, lex) or t.base in _QUANT or t.possessive:
            acc.append(t)
        elif not t.is_cap and acc and prev is not None and (prev.low in _DETS or prev.possessive or prev.low in _POSS_PRON):
            acc.append(t)  # a modifier after a determiner: "the city's finance department"
        else:
            break
        k -= 1
    while acc and not _valid_start(acc[-1], lex):
        acc.pop()
    while acc and (acc[-1].low in lex.connectors and acc[-1].low not in _DETS):
        acc.pop()
    if not acc:
        return None
    return acc[-1].start, acc[0].end


# ---------------------------------------------------------------------------
# classifying a source phrase

@dataclass
class _Phrase:
    kind: str           # named | reference | vague
    sort: str           # person | org | doc | outlet | any
    head: str = ""      # the reference head ("company", "filing", "he")
    docs: frozenset[str] = frozenset()


def _nationality(word: str, lex: Lexicon) -> bool:
    w = word.rstrip("'’s") if word.endswith(("'s", "’s")) else word
    if w in lex.nationalities:
        return True
    return (w[:1].isupper() and w[1:].islower() and len(w) > 3
            and any(w.endswith(s) for s in lex.nationality_suffixes) and not w.endswith("man"))


def _is_outlet(phrase: str, lex: Lexicon) -> bool:
    if lex.outlet_name_re.search(phrase):
        return True
    words = phrase.replace("’", "'").split()
    if not words:
        return False
    tail = words[-1].lower().rstrip(".")
    tail2 = " ".join(words[-2:]).lower() if len(words) > 1 else ""
    has_cap = any(w[:1].isupper() for w in words)
    return has_cap and (tail in lex.outlet_heads or tail2 in lex.outlet_heads)


# plural heads that stay unnamed whatever place or body is put before them
_UNNAMED_PEOPLE = frozenset({"officials", "sources", "diplomats", "insiders", "aides", "people"})
_WORD_BEFORE = fastre.plain(r"([\w'’-]+)\s+$")
_NOUN_MARKERS = frozenset({"other", "the", "a", "an", "its", "their", "his", "her", "some", "these", "those",
                           "such", "any", "no", "further", "more", "fresh", "new", "earlier", "latest"})
_CASE_PARTIES = frozenset({"prosecutors", "prosecution"})


def _classify(text: str, toks: list[_Tok], sentence_initial: bool, lex: Lexicon,
              persons: set[str]) -> _Phrase:
    low = [t.base for t in toks]
    docs = frozenset(b for b in low if b in lex.ref_doc)
    if len(toks) == 1 and low[0] in lex.person_pronouns:
        return _Phrase("reference", "person", low[0])
    if len(toks) == 1 and low[0] in lex.other_pronouns:
        return _Phrase("reference", "any", low[0])
    if len(toks) == 1 and low[0] in lex.ref_national:
        return _Phrase("named", "org", "", docs)  # "Police said": the force that covers the story
    if len(low) >= 2 and " ".join(low[-2:]) in lex.outlet_heads:
        return _Phrase("named", "outlet", "", docs)  # "Russian state media", "Chinese state television"
    if len(toks) >= 2 and low[-1] in lex.ref_doc and toks[0].low not in _DETS and toks[0].low not in _POSS_PRON \
            and all(b in lex.generic_modifiers for b in low[:-1]) and not any(t.is_acronym for t in toks):
        return _Phrase("vague", "any", low[-1])  # "official figures showed": nobody in particular
    if len(toks) >= 2 and low[-1] in _UNNAMED_PEOPLE and toks[0].low not in _DETS and not toks[0].possessive \
            and all(not t.has_digit and t.low not in _STOP_BACK and t.low not in lex.connectors for t in toks[:-1]) \
            and sum(_is_name_tok(t, lex) for t in toks) <= 2 \
            and not any(t.is_acronym or t.text in lex.org_words for t in toks):
        return _Phrase("vague", "any", low[-1])  # "Texas health officials", "White House officials"
    caps: list[_Tok] = []
    for i, t in enumerate(toks):
        if t.low in _DETS or t.low in _POSS_PRON:
            continue
        if not (_is_name_tok(t, lex)):
            continue
        if i == 0 and sentence_initial and not t.is_acronym and (
                t.base in lex.heads or t.base in lex.generic_nouns or t.base in lex.titles
                or t.base in lex.descriptors or t.base in lex.generic_modifiers or t.base in _QUANT
                or (len(toks) > 1 and not _is_name_tok(toks[1], lex) and toks[1].base in lex.generic_nouns)):
            continue  # sentence-initial capital on a common word ("Health officials said")
        if t.text.lower().endswith(("-based", "-headquartered", "-listed", "-owned", "-run", "-born")):
            continue
        caps.append(t)
    real_caps = [t for t in caps if not _nationality(t.text, lex)]
    head = low[-1] if low else ""
    if not real_caps and head in _CASE_PARTIES and not any(t.low in _QUANT for t in toks):
        # "prosecutors said", "federal prosecutors said": the prosecution in the case
        # reported, one party a reader can check, not an unnamed crowd ("some prosecutors")
        return _Phrase("reference", "org", head, docs)
    if not real_caps and toks and toks[0].low not in _DETS and toks[0].low not in _POSS_PRON \
            and toks[0].low != "both" \
            and not toks[0].possessive and head.endswith("s") and head not in lex.ref_doc \
            and (head in lex.generic_nouns or head[:-1] in lex.ref_org or head[:-1] in lex.ref_person
                 or head not in lex.heads):
        return _Phrase("vague", "any", head)  # "fan groups claim", "traders said"
    if not real_caps:
        # vague: a generic head with only unnamed modifiers; "the researchers" and
        # "the authors" (a definite head of person kind) point back to a study's team
        definite_team = len(low) == 2 and low[0] == "the" and head in lex.ref_person
        if head in lex.generic_nouns and not definite_team and all(
                b in lex.generic_nouns or b in lex.generic_modifiers or b in _QUANT or b in _DETS
                or b in lex.descriptors or _nationality(t.text, lex)
                for b, t in zip(low, toks)):
            return _Phrase("vague", "any", head)
        if not caps and not any(b in lex.heads or b in lex.titles or (b.endswith("s") and b[:-1] in lex.titles)
                                for b in low):
            if _is_definite_np(toks, lex, longest=6) or (toks and toks[0].low in ("its", "their") and _is_definite_np(
                    [_Tok(toks[0].start, toks[0].end, "the")] + list(toks[1:]), lex, longest=6)):
                # "the pollster said"; "according to its published terms": the owner's own
                return _Phrase("reference", "definite", head, docs)
            return _Phrase("vague", "any", head)
        # a reference: the sort of its head
        sort, ref_head = "any", head
        for b in reversed(low):
            if b in lex.ref_spokes and b in lex.ref_person:
                sort, ref_head = "org", b
                break
            if b in lex.ref_org or b in lex.outlet_heads:
                sort, ref_head = "org", b
                break
            if b in lex.ref_doc:
                sort, ref_head = "doc", b
                break
            if b in lex.ref_person or b in lex.titles:
                sort, ref_head = "person", b
                break
        if caps and (ref_head in lex.ref_national or " ".join(low[-2:]) in lex.ref_national
                     or sort == "person"):
            # nationality + a national body: "the Iranian foreign ministry" names one body
            return _Phrase("named", "org" if sort != "person" else "person", ref_head, docs)
        return _Phrase("reference", sort, ref_head, docs)
    # "the Premier League club", "the Nasdaq-listed chipmaker": a name qualifying a
    # lowercase head of kind is a reference to the club or company named before
    if len(toks) >= 3 and toks[0].low == "the" and toks[-1].base in lex.ref_category and not toks[-1].is_cap \
            and all(t.is_cap and not t.possessive for t in toks[1:-1]):
        return _Phrase("reference", "org", toks[-1].base, docs)
    # named
    first = next((t for t in toks if t.low not in _DETS), None)
    if first is not None and (first.base in lex.generic_nouns or first.base in lex.ref_person
                                                               or first.base in lex.titles) \
            and any(t.low in ("at", "of", "from", "with", "for") for t in toks[1:3]):
        return _Phrase("named", "person", "", docs)  # "Analysts at Morgan Stanley"
    if toks and (toks[-1].base in lex.ref_doc) and not toks[-1].is_cap:
        return _Phrase("named", "doc", toks[-1].base, docs)  # "LSEG data"
    if first is not None and first.base in lex.ref_doc and not first.is_cap:
        return _Phrase("named", "doc", first.base, docs)  # "a filing with the SEC"
    if _is_outlet(text, lex):
        return _Phrase("named", "outlet", "", docs)
    if any(t.text in lex.org_words or t.text.rstrip(".") in lex.org_words for t in real_caps) \
            or any(b in lex.ref_org for b in low):
        if any(b in lex.titles for b in low[:-1]) and real_caps[-1] is toks[-1] and len(real_caps) >= 2 \
                and not any(b in lex.ref_org for b in low[-1:]):
            pass
        else:
            return _Phrase("named", "org", "", docs)
    if any(b in lex.titles for b in low) or any(t.text.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen")
                                               for t in toks):
        return _Phrase("named", "person", "", docs)
    if len(real_caps) == 1 and real_caps[0].is_acronym:
        return _Phrase("named", "org", "", docs)
    if toks and toks[0].low in _DETS:
        return _Phrase("named", "org", "", docs)
    if 2 <= len(real_caps) <= 4 and len(real_caps) == len([t for t in toks if t.low not in _DETS]):
        # "Tom Bell" or "Kestrel Air": most likely a person, but an organisation when
        # "the company" has nothing else to stand for
        return _Phrase("named", "name", "", docs)
    if len(real_caps) == 1 and real_caps[0].text in persons:
        return _Phrase("named", "person", "", docs)
    return _Phrase("named", "org", "", docs)


# ---------------------------------------------------------------------------
# attributions

@dataclass
class Attribution:
    """An attribution found in the text, before it is linked to figures."""

    source: Source
    sentence: int
    sort: str = "any"
    weak: bool = False
    docs: frozenset[str] = frozenset()
    secondary: tuple[Source, ...] = ()
    head: str = ""
    cover: set[int] = field(default_factory=set)
    verb_class: str = ""      # say | report | clause for verb cues, "" otherwise
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quotations this one's speaker speaks
    owns: list[tuple[int, int]] = field(default_factory=list)    # ... of which it is the adjacent tag
    that_clause: int = -1     # for say verbs followed by "that": where the reported clause starts
    relative: bool = False    # a reporting verb in a relative clause ("a decision the airline said")

    @property
    def lo(self) -> int:
        return min(self.source.start, self.source.cue_start if self.source.cue_start >= 0 else self.source.start)

    @property
    def hi(self) -> int:
        return max(self.source.end, self.source.cue_end)


_AUX_BEFORE = fastre.compile(r"(?:\b(?:is|are|was|were|be|been|being|will|would|could|can|may|might|must|should|"
                         r"to|not|a|an|the|this|that|these|those|its|their|his|her|of|no)\s+)$", re.I)
# report verbs that need someone doing the reporting ("Sales showed" needs no one)
_AGENT_REPORT_VERBS = frozenset({"reported", "reports", "announced", "announces", "disclosed", "discloses",
                                 "confirmed", "confirms", "revealed", "reveals", "estimated", "estimates",
                                 "calculated", "calculates", "forecast", "forecasts", "projected", "predicted"})
# report verbs that are nouns as well ("the group's annual report showed": "report" is no verb)
_REPORT_NOUNS = frozenset({"report", "reports", "estimate", "estimates", "forecast", "forecasts", "survey",
                           "surveys", "study", "count", "counts", "projects", "record", "records", "put", "puts",
                           "figures", "data", "calculates", "calculations"})
_TIME_POSSESSIVE = fastre.compile(r"\s*(?:(?:last|this|next)\s+(?:year|month|week|season)|"
                                  r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)['’]s\s+")
_PARTICIPLE_AFTER = fastre.compile(r"\s+(?:at|by|to\s+be|as|in\s+the)\b")  # "Sales estimated at $4bn"
_CLAUSE_AFTER = fastre.compile(
    r"^(?:\s+(?:on|in|at|late|early|last|this|earlier|later|yesterday|today|on\s+\w+|in\s+\w+)"
    r"(?:\s+[\w.]+){0,4}?)?\s*(?:[.,;:!?—–“\"”]|$|\s+that\b|\s+it\b|\s+the\b)", re.I)
_DOC_AFTER = fastre.compile(r"^\s+(?:(?:on|in|at)\s+[\w.]+\s+)?(?:in|to)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                        r"([\w-]+)", re.I)
_RELEASED = fastre.compile(r",?\s+(?:released|published|issued|compiled|posted"
                       # "a paper she co-wrote in Nature in 1987": a clause naming its author
                       r"|(?:he|she|they|we|I)\s+(?:co-?)?(?:wrote|authored|published|led|commissioned|edited|"
                       r"compiled|presented))"
                       r"(?:\s+(?:in|by)\s+(?P<by>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w.&'’-]*){0,6}))?"
                       r"(?:\s+(?:on|in|last|this|early|late|earlier)(?:\s+[\w.]+){1,2})?"
                       # "..., based on that core,": an aside on what it drew on
                       r"(?:,\s+(?:based\s+on|drawing\s+on|using)\s+[^,;:]{1,40})?,?$")
_INNER_BY = fastre.compile(r"\s+(?:[\w-]+\s+){0,3}?(by|from|of|with)\s+", re.I)


def _make_source(text: str, span: tuple[int, int], cue: tuple[int, int], kind: str) -> Source:
    s, e = span
    return Source(text=text[s:e], cue=" ".join(text[cue[0]:cue[1]].split()), start=s, end=e, kind=kind,
                  cue_start=cue[0], cue_end=cue[1])


def _phrase_tokens(text: str, span: tuple[int, int], lex: Lexicon) -> list[_Tok]:
    return [t for t in _tokens(text, span[0], span[1], lex) if not t.is_punct or t.text == "&"]


def find_attributions(text: str, sentences: Sequence[Sentence], lex: Lexicon | None = None) -> list[Attribution]:
    """Every attribution cue in the text, unresolved, in text order."""
    lex = lex or lexicon()
    _use_tokens(text, sentences)
    global _DOCUMENTS
    # the gates cost more to work out (about 10 ms) than they save on one article:
    # a process checking a single document goes without them
    gates = _gates() if _DOCUMENTS else None
    _DOCUMENTS += 1
    if gates is not None:
        gates = _gate_sentences(text, sentences, gates)
    found: list[Attribution] = []
    persons: set[str] = set()
    for si, sent in enumerate(sentences):
        cands = _sentence_attributions(text, sent, si, lex, persons, gates)
        found.extend(cands)
    found.sort(key=lambda a: (a.lo, a.hi))
    return found


def _gate_sentences(text: str, sentences: Sequence[Sentence], gates: tuple[tuple, tuple]) -> tuple[list, list] | None:
    """For each gate, the indices of the sentences holding one of its words (None: no
    gate, every sentence).  A word is looked for once per document; a word found across
    a sentence boundary counts for the sentence it starts in, which only lets a pattern
    run where it cannot match."""
    if _ODD_CASE.search(text):
        return None
    low = text.lower()
    if len(low) != len(text):
        return None
    starts = [s.start for s in sentences]
    hits: dict[str, frozenset[int]] = {}

    def where(word: str) -> frozenset[int]:
        got = hits.get(word)
        if got is None:
            found = set()
            i = low.find(word)
            while i != -1:
                found.add(bisect.bisect_right(starts, i) - 1)
                i = low.find(word, i + 1)
            got = hits[word] = frozenset(found)
        return got

    def sentences_of(gate: tuple[str, ...] | None) -> frozenset[int] | None:
        if gate is None:
            return None
        out: frozenset[int] = frozenset()
        for w in gate:
            out |= where(w)
        return out

    memo: dict[tuple, frozenset[int] | None] = {}

    def cached(gate: tuple[str, ...] | None) -> frozenset[int] | None:
        if gate is None:
            return None
        if gate not in memo:
            memo[gate] = sentences_of(gate)
        return memo[gate]

    cue_gates, vague_gates = gates
    return [cached(g) for g in cue_gates], [cached(g) for g in vague_gates]


def _skip_back(text: str, lo: int, end: int, lex: Lexicon) -> int:
    """Before a verb, step back over adverbs and time phrases ("last week had put")."""
    for _ in range(3):
        sk = lex.skip_re.search(text, lo, end)
        if not sk or sk.start() <= lo:
            break
        end = sk.start()
        while end > lo and text[end - 1].isspace():
            end -= 1
    return end


def _last_word(text: str, span: tuple[int, int]) -> str:
    w = text[span[0]:span[1]].rsplit(None, 1)[-1].lower()
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _new_att(text: str, span: tuple[int, int], cue: tuple[int, int], si: int, sent: Sentence, lex: Lexicon,
             persons: set[str], extra_docs: frozenset[str] = frozenset()) -> Attribution:
    toks = _phrase_tokens(text, span, lex)
    initial = text[sent.start:span[0]].strip(" \t\n“\"‘'(—–-") == ""
    ph = _classify(text[span[0]:span[1]], toks, initial, lex, persons)
    if ph.kind == "named" and ph.sort in ("person", "name"):
        caps = [t.text for t in toks if t.is_cap]
        if caps:
            persons.add(caps[-1])
    src = _make_source(text, span, cue, ph.kind)
    return Attribution(source=src, sentence=si, sort=ph.sort, docs=ph.docs | extra_docs, head=ph.head)


def _sentence_attributions(text: str, sent: Sentence, si: int, lex: Lexicon, persons: set[str],
                           gates: tuple[tuple, tuple] | None = None) -> list[Attribution]:
    lo, hi = sent.start, sent.end
    out: list[Attribution] = []
    cue_gates, vague_gates = (_NO_GATES, _NO_GATES) if gates is None else gates

    # phrase cues from attribution.toml
    for cue, gate in zip(lex.cues, cue_gates):
        if gate is not None and si not in gate:
            continue
        if cue.whole is not None:
            for m in cue.whole.finditer(text, lo, hi):
                pm = re.search(r"\b(its|their)\b", m.group(), re.I)
                if not pm:
                    continue
                s = m.start() + pm.start()
                e = m.start() + pm.end()
                docs = frozenset(w for w in re.findall(r"[\w-]+", m.group().lower()) if w in lex.ref_doc)
                a = Attribution(source=_make_source(text, (s, e), (m.start(), m.end()), "reference"), sentence=si,
                                sort="org", docs=docs, head=pm.group().lower())
                out.append(a)
            continue
        if cue.forward:
            for m in cue.prefix.finditer(text, lo, hi):
                at = m.end()
                tp = _TIME_POSSESSIVE.match(text, at, hi)  # "according to last year's Rich List"
                span = _capture_forward(text, tp.end() if tp else at, hi, lex)
                according = text[m.start():m.end()].lower().lstrip(" :(").startswith("according")
                if span is None:
                    span = _definite_forward(text, m.end(), hi, lex, any_article=according)
                elif according:
                    # "according to the national public security system": the whole description,
                    # not the generic words it opens with
                    whole = _definite_forward(text, m.end(), hi, lex, any_article=True)
                    if whole is not None and whole[0] == span[0] and whole[1] > span[1] \
                            and not any(_is_name_tok(t, lex) for t in _phrase_tokens(text, span, lex)):
                        span = whole
                else:
                    span = _complete_head(text, span, hi, lex)
                if span is None:
                    continue
                docs: frozenset[str] = frozenset()
                if cue.inner_by:
                    toks = _phrase_tokens(text, span, lex)
                    doc_words = frozenset(w for w in (_doc_word(t, lex) for t in toks) if w)
                    if toks and doc_words and not any(_is_name_tok(t, lex) for t in toks):
                        ib = _INNER_BY.match(text, span[1], hi)
                        if ib:
                            inner = _capture_forward(text, ib.end(), hi, lex)
                            if inner is not None:
                                docs = doc_words
                                # "a filing with the SEC" names the document; "figures from the ONS" the body
                                span = (span[0], inner[1]) if ib.group(1).lower() == "with" else inner
                if cue.suffix is None:
                    span = _extend_forward(text, span, hi, lex)
                elif not cue.suffix.match(text, span[1], hi):
                    continue
                if cue.outlet_only and not _is_outlet(text[span[0]:span[1]], lex):
                    continue
                if cue.source_heads and _last_word(text, span) not in cue.source_heads:
                    continue
                cue_span = (m.start(), m.end())
                cue_txt = text[m.start():m.end()].strip(" :(")
                st = m.start() + (len(text[m.start():m.end()]) - len(text[m.start():m.end()].lstrip(" :(")))
                cue_span = (st, st + len(cue_txt))
                att = _new_att(text, span, cue_span, si, sent, lex, persons, docs)
                if according and att.source.kind == "vague" \
                        and _is_definite_np(_phrase_tokens(text, span, lex), lex, longest=6, after_according=True):
                    # "according to the merchants' particulars of claim": a document, not hearsay
                    att.source = replace(att.source, kind="reference")
                    att.sort = "definite"
                out.append(att)
        else:
            for m in cue.suffix.finditer(text, lo, hi):
                end = m.start()
                end = _skip_back(text, lo, end, lex)
                end = lo + len(text[lo:end].rstrip())
                span = _capture_backward(text, lo, end, lex)
                if span is None:
                    continue
                if cue.source_heads and _last_word(text, span) not in cue.source_heads:
                    continue
                docs = frozenset(w for w in re.findall(r"[\w-]+", m.group().lower()) if w in lex.ref_doc)
                span, docs = _owner(span, _phrase_tokens(text, span, lex), docs, lex)
                att = _new_att(text, span, (m.start(), m.end()), si, sent, lex, persons, docs)
                if cue.speech:
                    att.verb_class = "say"
                out.append(att)

    # reporting verbs after their subject
    for m in lex.verb_re.finditer(text, lo, hi):
        verb = " ".join(m.group(1).lower().split())
        vs, ve = m.start(1), m.end(1)
        if not m.group(1).islower():
            continue  # "the United States", "Reports" opening a headline
        before = text[lo:vs]
        if _AUX_BEFORE.search(before):
            continue
        prev = _WORD_BEFORE.search(before)
        if prev and prev.group(1).lower() in _NOUN_MARKERS:
            continue  # "unpaid taxes and other claims", "the estimates": a noun, not a verb
        if verb in lex.report:
            nxt = re.match(r"\s+([\w-]+)", text[ve:hi])
            if prev and prev.group(1).islower() and verb in _REPORT_NOUNS \
                    and (prev.group(1) in lex.descriptors or prev.group(1).endswith(("'s", "’s"))):
                continue  # "the group's annual report showed": a noun
            if nxt and (nxt.group(1).lower() in lex.say or nxt.group(1).lower() in lex.report):
                continue  # "estimates show", "report found"
        after = text[ve:hi]
        if verb in lex.clause and not _CLAUSE_AFTER.match(after):
            continue
        # strip adverbs / time phrases between subject and verb
        subj_end = vs
        subj_end = _skip_back(text, lo, vs, lex)
        paren = _PAREN_BEFORE.search(text, lo, subj_end)
        if paren and paren.start() > lo:
            # "the UN Office for ... Affairs (OCHA) said", "Helen Gray, 58, said": the name
            # before its short form or age
            subj_end = paren.start()
        subj_text = text[lo:subj_end].rstrip()
        rel = _RELEASED.search(subj_text)
        rel_by = ""
        if rel and rel.start() > 0:
            subj_text = subj_text[:rel.start()].rstrip()  # "government data released on Thursday showed"
            rel_by = rel.group("by") or ""  # "a study published in The Lancet found"
        subj_end = lo + len(subj_text)
        if subj_end <= lo:
            continue
        # pronoun subject: a continuation
        pm = re.search(r"(?:^|(?<=[\s,;:“\"”(—–]))(he|she|it|they|we)$", subj_text, re.I)
        if pm:
            s = lo + pm.start(1)
            pron = pm.group(1).lower()
            if pron == "it" and verb in lex.report and not re.match(r"^\s+(?:that|\.|,)", after):
                continue
            out.append(Attribution(source=_make_source(text, (s, subj_end), (vs, ve), "reference"), sentence=si,
                                   sort="person" if pron in lex.person_pronouns else "any", head=pron,
                                   docs=_docs_after(after, lex)))
            continue
        rel = _WHO_CLAUSE.search(subj_text) if verb in lex.say else None
        if rel is not None:
            # "receiver Michael Osei, who said ...", "Tom Sorensen, 61, who has farmed there
            # since 1989, said ...": the verb's subject stands before the relative clause
            span = _capture_backward(text, lo, lo + rel.start(), lex)
            att = _new_att(text, span, (vs, ve), si, sent, lex, persons) if span and span[0] < span[1] else None
            # only a person's name: in "a surgeon at a hospital in the city, who said" the
            # nearest noun is not who spoke
            if att is not None and att.source.kind == "named" and (att.sort == "person" or sum(
                    t.is_cap for t in _phrase_tokens(text, span, lex)[-3:]) >= 2):
                att.verb_class = "say"
                out.append(att)
                continue
        if re.search(r"\b(?:and|but)$", subj_text) and (re.match(r"\s+that\b", after) or verb in lex.say):
            # "The researchers ... analysed 48,000 records and estimated that ...", "Cocobod
            # usually borrows ..., but said in March that ...": the second verb shares the
            # sentence's subject
            span = _sentence_subject(text, lo, subj_end, lex)
            if span is not None:
                att = _new_att(text, span, (vs, ve), si, sent, lex, persons)
                att.verb_class = "say" if verb in lex.say else "report" if verb in lex.report else "clause"
                out.append(att)
            continue
        span = _capture_backward(text, lo, subj_end, lex)
        if span is None and (verb in lex.say or (verb in lex.report and _SET_OFF_END.match(after))):
            # "..., the pollster said"; "..., the scorecard showed.": a definite description
            span = _definite_backward(text, lo, subj_end, lex)
        appos = False
        if span is None or _is_apposition(text, span, lex):
            alt = _appositive_subject(text, lo, subj_end if span is None else span[0], lex)
            if alt is not None:
                span, appos = alt, True
            elif span is None:
                continue
        toks = _phrase_tokens(text, span, lex)
        if not toks:
            continue
        initial = text[lo:span[0]].strip(" \t\n“\"‘'(—–-") == ""
        if verb in lex.report:
            named_like = [t for t in toks if _is_name_tok(t, lex) and t.low not in _DETS]
            lone_initial = (initial and len(named_like) == 1 and named_like[0] is toks[0]
                            and not toks[0].is_acronym and len(toks) == 1)
            if lone_initial and not appos and toks[0].base not in lex.heads and toks[0].base not in lex.generic_nouns \
                    and not (verb in _AGENT_REPORT_VERBS and not _PARTICIPLE_AFTER.match(after)):
                continue  # "Sales showed ..."; but "Bakwena reported in August that ..." names who reported
            if not named_like and not any(t.base in lex.heads or t.base in lex.generic_nouns or t.base in lex.titles
                                          for t in toks) \
                    and not (_SET_OFF_END.match(after) and _is_definite_np(toks, lex)):
                continue  # but "..., the scorecard showed." is set off as a source
        span, extra = _owner(span, toks, _docs_after(after, lex), lex)
        att = _new_att(text, span, (vs, ve), si, sent, lex, persons, extra)
        att.verb_class = "say" if verb in lex.say else "report" if verb in lex.report else "clause"
        if rel_by and att.source.kind == "reference" and att.sort == "doc":
            att.source = replace(att.source, resolved=rel_by)
        tm = _THAT_AFTER.match(after)
        if tm and att.verb_class in ("say", "clause"):
            att.that_clause = ve + tm.end()
        # X told <outlet>: the outlet is the source, X the speaker
        if verb in ("told", "tells"):
            obj = _capture_forward(text, ve + 1, hi, lex) if text[ve:ve + 1] == " " else None
            if obj is not None and _is_outlet(text[obj[0]:obj[1]], lex):
                outlet = _new_att(text, obj, (vs, ve), si, sent, lex, persons, att.docs)
                outlet.secondary = (att.source,)
                outlet.sort = "outlet"
                outlet.verb_class, outlet.that_clause = att.verb_class, att.that_clause
                out.append(outlet)
                continue
        out.append(att)

    # vague phrases from vague.toml
    for (pat, weak), gate in zip(lex.vague, vague_gates):
        if gate is not None and si not in gate:
            continue
        for m in pat.finditer(text, lo, hi):
            g = "source" if "source" in pat.groupindex and m.group("source") else 0
            s, e = m.span(g)
            sub = text[s:e]
            s += len(sub) - len(sub.lstrip())
            e -= len(sub) - len(sub.rstrip())
            a = Attribution(source=Source(text=text[s:e], cue=" ".join(m.group().split()), start=s, end=e, kind="vague",
                                          cue_start=m.start(), cue_end=m.end()),
                            sentence=si, sort="any", weak=weak)
            out.append(a)
    out = _dedupe(out)
    # "X told analysts that the retailer expected $1bn": the clause reports what X said
    heads = [a.that_clause for a in out if a.that_clause >= 0]
    if heads:
        cuts = _clause_starts(text, sent)
        out = [a for a in out if not (a.verb_class == "report" or (a.source.kind == "vague" and not a.weak))
               or not any(a.lo >= h and not any(h <= k <= a.lo for k in cuts[1:]) for h in heads)]
    # "in its annual results" right after "the club said": the same attribution read twice
    verbs = [a for a in out if a.verb_class]
    out = [a for a in out if not (a.source.kind == "reference" and a.head in ("its", "their") and not a.verb_class
                                  and any(0 <= a.source.cue_start - b.hi <= 1 and b.sentence == a.sentence
                                          for b in verbs))]
    # "a decision the airline said it would not appeal": a reporting verb inside a
    # relative clause on a noun reports only what follows it in that clause
    for a in out:
        if a.verb_class and _relative_subject(text, a, lex):
            a.relative = True
    return out


_PAREN_BEFORE = fastre.compile(r"\s*\([^()\n]{1,40}\)\s*$|(?<=[A-Za-z.])\s*,\s*(?:aged\s+)?\d{1,3}\s*,\s*$")

# a relative clause about a person between a subject and its say-verb: "X, who said",
# "X, 61, who has farmed near Proserpine since 1989, said" (one comma-free clause or a
# clause ending at the comma before the verb)
_WHO_CLAUSE = fastre.compile(r"(?:,\s+\d{1,3})?,\s+who(?:\s+(?:also|later|then|has|had|have))?$"
                             r"|(?:,\s+\d{1,3})?,\s+(?:who\s|[a-z]+ing\s)[^“”\",]*(?:,[^“”\",]*)?,$"
                             # "Angela Ruiz, a former Fed economist who now teaches at Georgetown,"
                             r"|(?:,\s+\d{1,3})?,\s+(?:an?|the)\s+[^“”\",]{1,60}?\s+who\s[^“”\",]*,$")


def _sentence_subject(text: str, lo: int, hi: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence, when it reads as a source."""
    m = re.match(r"[\s“\"‘'(]*", text[lo:hi])
    pos = lo + (m.end() if m else 0)
    d = _DATELINE.match(text, pos, hi)
    if d:
        pos = d.end()
    pm = re.match(r"(He|She|They|It|We)\b", text[pos:hi])
    if pm:
        return pos, pos + pm.end()
    span = _capture_forward(text, pos, hi, lex)
    if span is None:
        return None
    toks = _phrase_tokens(text, span, lex)
    if not any(_is_name_tok(t, lex) or t.base in lex.heads or t.base in lex.titles for t in toks):
        return None
    return span


def _relative_subject(text: str, a: Attribution, lex: Lexicon) -> bool:
    """The subject opens a relative clause: "..., a decision the airline said"."""
    toks = _phrase_tokens(text, (a.source.start, a.source.end), lex)
    dets = [k for k, t in enumerate(toks) if t.low in _DETS and k > 0]
    if dets and toks[0].low in ("a", "an", "the") and toks[dets[0] - 1].low not in lex.connectors \
            and not toks[dets[0] - 1].possessive and all(not t.is_cap for t in toks[1:dets[0]]):
        return True
    return bool(re.search(r"\b(?:which|that|who|whom)\s*$", text[max(0, a.source.start - 8):a.source.start]))


_THAT_AFTER = fastre.compile(r"(?:\s+[\w.'’-]+){0,8}?\s+that\b", re.I)


def _owner(span: tuple[int, int], toks: list[_Tok], docs: frozenset[str],
           lex: Lexicon) -> tuple[tuple[int, int], frozenset[str]]:
    """``the group's annual report``: the group is the source, the report its document."""
    for j, t in enumerate(toks[:-1]):
        rest = toks[j + 1:]
        if t.possessive and rest[-1].base in lex.ref_doc and not any(_is_name_tok(u, lex) for u in rest):
            return (span[0], t.end - 2), docs | {rest[-1].base}
    return span, docs


def _docs_after(after: str, lex: Lexicon) -> frozenset[str]:
    m = _DOC_AFTER.match(after)
    if m and m.group(1).lower() in lex.ref_doc:
        return frozenset({m.group(1).lower()})
    return frozenset()


def _is_apposition(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """``Nationwide, another lender, recorded``: "another lender" stands beside a name."""
    toks = _tokens(text, span[0], span[1], lex)
    if not (toks and toks[0].low in ("a", "an", "another", "its", "their", "his", "her")
            and not any(_is_name_tok(t, lex) for t in toks[1:])):
        return False
    before = text[max(0, span[0] - 80):span[0]].rstrip()
    if not before.endswith(","):
        return False
    # the phrase stands beside a name or a closing clause of one ("Nationwide, another
    # lender,"; "..., Reyes, 52, its chief executive"), not after a clause that ended
    # on a lowercase word ("... after the losses were discovered, its chief executive told")
    prev = re.search(r"([\w'’.-]+)\W*$", before[:-1])
    return prev is None or not prev.group(1)[:1].islower()


def _appositive_subject(text: str, lo: int, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """``Reyes, 52, who joined in 2008, said``: the name that opens the clause."""
    d = _DATELINE.match(text, lo, pos)
    if d:
        lo = d.end()  # "LONDON (Reuters) - Halden Foods, the soup maker, said"
    seg = text[lo:pos]
    if not seg.rstrip().endswith(","):
        return None
    # the chunk between the last two commas, when it is a name: "Its children's agency, UNICEF, said"
    chunks = seg.rstrip()[:-1].rsplit(",", 1)
    if len(chunks) == 2:
        cs = lo + len(chunks[0]) + 1
        ce = lo + len(seg.rstrip()) - 1
        inner = _tokens(text, cs, ce, lex)
        if inner and len(inner) <= 6 and all(_is_name_tok(t, lex) or t.low in lex.connectors for t in inner):
            lead = text[lo:lo + len(chunks[0])]
            ltoks = _tokens(text, lo, lo + len(chunks[0]), lex)
            if ltoks and ltoks[0].low not in _STOP_BACK - _POSS_PRON and len(ltoks) <= 5 and \
                    all(not t.has_digit and (t.low not in _STOP_BACK or t.low in _POSS_PRON) for t in ltoks) and \
                    "," not in lead:
                return ltoks[0].start, ce
            return inner[0].start, inner[-1].end
        # "..., Jo Bell, the agency's spokesman, said": a name set off before its description
        parts = seg.rstrip()[:-1].rsplit(",", 2)
        if len(parts) == 3:
            ns = lo + len(parts[0]) + 1
            ne = ns + len(parts[1])
            ds = ne + 1
            name = _tokens(text, ns, ne, lex)
            while name and name[0].is_punct:  # '“Sales rose 5%,” Jo Bell, the ... spokesman, said'
                name = name[1:]
            desc = _tokens(text, ds, ds + len(parts[2]), lex)
            # the description opens with an article or a title ("regional president of the
            # farmers' association Campo Andaluz", "head of research at ...")
            titled = desc and (desc[0].base in lex.titles or (len(desc) > 1 and not desc[0].is_cap
                                                              and desc[1].base in lex.titles))
            if name and len(name) <= 5 and all(_is_name_tok(t, lex) or t.low in lex.connectors for t in name) \
                    and desc and (desc[0].low in ("the", "a", "an", "its", "their", "his", "her") or titled) \
                    and len(desc) <= 10 \
                    and any(t.base in lex.titles or t.base in lex.ref_person or t.base in lex.heads
                            for t in desc[0 if titled else 1:]):
                return name[0].start, name[-1].end
    m = re.match(r"\s*[“\"]?([^,“”\"]{2,80}),", seg)
    if not m:
        return None
    s, e = lo + m.start(1), lo + m.end(1)
    toks = _tokens(text, s, e, lex)
    if toks and all(_is_name_tok(t, lex) or t.low in lex.connectors or t.base in lex.titles or t.low in _DETS
                    or t.base in lex.heads for t in toks) and any(_is_name_tok(t, lex) for t in toks):
        return s, e
    return None


def _rank(a: Attribution) -> tuple:
    return (a.source.kind != "vague", not a.weak, a.source.end - a.source.start, -a.source.start)


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Overlapping readings of one attribution: keep the best."""
    # "sources in the finance ministry said", "people close to Goldman Sachs said": the
    # unnamed people are the source; the body they are in is not
    wide = [a for a in atts if a.source.kind == "vague" and not a.weak]
    if wide:
        atts = [a for a in atts if not any(w is not a and w.source.start < a.source.start and a.source.end <= w.source.end
                                           for w in wide)]
    atts = sorted(atts, key=_rank, reverse=True)
    kept: list[Attribution] = []
    for a in atts:
        clash = False
        for b in kept:
            if a.source.start < b.source.end and b.source.start < a.source.end:
                clash = True
                break
            # the same cue read twice (verb cue and phrase cue)
            if a.source.cue_start == b.source.cue_start and a.source.cue_end == b.source.cue_end:
                clash = True
                break
            if a.source.kind == "vague" and b.lo <= a.source.start < b.hi:
                clash = True
                break
        if not clash:
            kept.append(a)
    kept.sort(key=lambda a: a.lo)
    return kept


# ---------------------------------------------------------------------------
# resolution and linking

# "LONDON (Bloomberg) --", "NEW DELHI, Aug 14 (Reuters) -", "PERTH - ": a dateline
_DATELINE = fastre.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?"
                       r"(?:\s*\([^)]{1,40}\))?\s*(?:--|[-—–])\s+")
_AGE_AFTER = fastre.compile(r",\s+(?:aged\s+)?\d{1,3},")
# a short opening phrase before the subject: "In football, ", "On Monday, ", "Meanwhile, "
_INTRO = fastre.compile(r"(?:(?:In|On|At|By|For|After|Meanwhile|Separately|Elsewhere|Earlier|Later)\b[^,.;:\d]{0,30}),\s+")
_MIDWORD = fastre.compile(r"(?<=[\w,;] )([A-Z][\w-]*)")


def _mentions(text: str, sentences: Sequence[Sentence], lex: Lexicon,
              persons: set[str] | None = None) -> list[tuple[int, str, str]]:
    """Names that open sentences ("Northwind Retail Group cut its forecast"): antecedents
    for later references even when they are not sources themselves.  ``persons`` are
    surnames already known to be people ("Reyes" after "chief executive Tom Reyes")."""
    out: list[tuple[int, str, str]] = []
    persons = set(persons or ())
    _use_tokens(text, sentences)
    # capitalised words seen inside sentences, leaving out Title-Case headlines
    body = text
    headlines: set[int] = set()
    for k, sent in enumerate(sentences):
        st = text[sent.start:sent.end].rstrip()
        if st.endswith((".", "!", "?", "”", '"', ":")) or len(st) > 200:
            continue  # headlines carry no full stop
        words = re.findall(r"[A-Za-z][\w'’-]*", st)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            body = body[:sent.start] + " " * (sent.end - sent.start) + body[sent.end:]
            headlines.add(k)
    midwords = set(_MIDWORD.findall(body))
    # a word that opens several sentences ("Apple sold ...", "Apple's services ...") is a name
    openers: dict[str, int] = {}
    for sent in sentences:
        m0 = re.match(r"[\s“\"‘'(]*([A-Z][\w-]*)", text[sent.start:sent.end])
        if m0:
            openers[m0.group(1)] = openers.get(m0.group(1), 0) + 1
    for k, sent in enumerate(sentences):
        if k in headlines:
            continue  # a Title-Case headline: every word looks like a name
        m = re.match(r"[\s“\"‘'(#]*", text[sent.start:sent.end])
        pos = sent.start + (m.end() if m else 0)
        d = _DATELINE.match(text, pos, sent.end)
        if d:
            pos = d.end()
        intro = _INTRO.match(text, pos, sent.end)
        if intro:
            pos = intro.end()  # "In football, Manchester City have agreed ..."
        span = _capture_forward(text, pos, sent.end, lex)
        if span is None:
            continue
        toks = _phrase_tokens(text, span, lex)
        if len(toks) > 2 and toks[1].low in ("of", "at", "in", "for") and not toks[0].is_acronym \
                and toks[0].text not in midwords and toks[0].text not in lex.org_words:
            # a common noun capitalised only because it opens the sentence
            span = (toks[2].start, span[1])
            toks = _phrase_tokens(text, span, lex)
        for j, t in enumerate(toks[:-1]):
            if t.possessive and _is_name_tok(t, lex) and all(not u.is_cap for u in toks[j + 1:]):
                # "Apple's services revenue": the owner is the mention
                span = (span[0], t.end)
                toks = toks[:j + 1]
                break
        ph = _classify(text[span[0]:span[1]], toks, True, lex, persons)
        if ph.kind != "named" or ph.sort == "doc":
            continue
        real = [t for t in toks if _is_name_tok(t, lex) and t.low not in _DETS]
        if len(real) == 1 and not real[0].is_acronym and real[0].text.rstrip("'’s") not in lex.org_words:
            word = real[0].text
            word = word[:-2] if word.endswith(("'s", "’s")) else word
            if word not in midwords and not (real[0].possessive or openers.get(word, 0) >= 2):
                continue  # a capitalised first word seen nowhere else ("Online sales rose")
        name = text[span[0]:span[1]]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        sort = ph.sort
        if sort == "name" and _AGE_AFTER.match(text, span[1], sent.end):
            sort = "person"  # "Graham Pell, 54, of Croydon": a person, never "the charity"
        out.append((span[0], name, "mname" if sort == "name" else sort))
    # "fined at Cardiff Magistrates' Court": a body named mid-sentence is an antecedent
    # only for a reference with its head word ("the court"), never a fallback
    for m in _headword_names().finditer(body):
        out.append((m.start(), m.group(), "hw"))
    out.sort(key=lambda x: x[0])
    return out


@lru_cache(maxsize=1)
def _headword_names() -> re.Pattern:
    lex = lexicon()
    heads = sorted({w for w in lex.org_words if w.lower() in lex.ref_org}, key=len, reverse=True)
    return fastre.compile(r"(?<=[a-z,;] )(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){1,5}(?:" + "|".join(heads) + r")\b")


def _canonical(name: str) -> str:
    """``its sponsor, Eisai`` -> ``Eisai``: the proper name of an apposition."""
    if ", " in name:
        head, _, tail = name.rpartition(", ")
        if tail[:1].isupper() and not any(w[:1].isupper() for w in head.split()):
            return tail
    return name


@lru_cache(maxsize=512)
def _head_word_re(word: str) -> re.Pattern:
    return fastre.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.I)


def _resolve(atts: list[Attribution], mentions: Sequence[tuple[int, str, str]] = ()) -> None:
    """Tie references and pronouns to the nearest earlier named source of the right sort."""
    lex_pronouns = {"he", "she", "it", "they", "we", "its", "their", "his", "her"}
    history: list[tuple[str, str, frozenset[str], int]] = []  # (name, sort, docs, position)
    pending = list(mentions)
    pending.reverse()
    for a in atts:
        while pending and pending[-1][0] < a.lo:
            pos, name, sort = pending.pop()
            history.append((name, sort, frozenset(), pos))
        src = a.source
        if src.kind == "named":
            history.append((_canonical(src.text), a.sort, a.docs, src.start))
            for sec in a.secondary:
                history.append((sec.text, "person", frozenset(), sec.start))
            continue
        if src.kind != "reference" or src.resolved:
            continue
        name, found_sort = "", ""
        want = a.sort
        if src.text.split()[0].lower() in ("a", "an") and (want == "doc" or a.head in lexicon().ref_doc):
            continue  # "a 2021 review", "a study": a new document, not one named before
        if want == "doc":
            for n, sort, docs, _ in reversed(history):
                if a.head in docs or (a.head in ("figures", "data", "statistics", "numbers")
                                      and docs & {"figures", "data", "statistics", "numbers"}):
                    name, found_sort = n, sort
                    break
            want = "org"
        if len(history) > 400:
            del history[:-200]  # antecedents are near; keeps long files linear
        if not name and a.head and a.head not in lex_pronouns:
            # "the authority" -> "the National Disaster Management Authority"
            word = _head_word_re(lexicon().ref_alias.get(a.head, a.head))
            for n, sort, docs, _ in reversed(history):
                if sort != "doc" and sort != "person" and word.search(n):
                    name, found_sort = n, sort
                    break
        if not name and a.head in lexicon().ref_alias:
            pass  # "the jury heard": a court named earlier or nothing, never the last company
        elif not name:
            for n, sort, docs, _ in reversed(history):
                if sort == "doc" or sort == "hw":
                    continue
                if want == "any" or sort == want or (want == "person" and sort in ("name", "mname")) or (
                        want == "org" and sort == "mname") or (
                        want == "org" and sort == "outlet" and (a.head in lex_pronouns or (
                            a.head in lexicon().outlet_heads and a.head not in lexicon().ref_org))):
                    name, found_sort = n, "org" if sort == "mname" else sort
                    break
        if not name and want == "org" and a.head not in lexicon().ref_alias:
            # "Kestrel Air ... The company said"; "the agency" for a news agency when no other
            for n, sort, docs, _ in reversed(history):
                if sort == "name" or (sort == "outlet" and a.head in lexicon().outlet_heads):
                    name, found_sort = n, "org"
                    break
        if name:
            # a short form seen later ("Helion") stands for the full name seen first
            for n, sort, docs, _ in history:
                if n != name and n.startswith(name + " "):
                    name = n
                    break
            a.source = replace(src, resolved=name)
            history.append((name, found_sort or "org", a.docs, src.start))
        elif want == "org" and a.head not in ("it", "they", "we", "its", "their"):
            # "the city's finance department": an antecedent for a later "the department"
            history.append((src.text, "org", a.docs, src.start))


_QUOTE_OPEN = "“\""
_QUOTE_PAIRS = (("“", "”"),)


def _quote_spans(text: str, par: Paragraph) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"“[^“”]*”", text[par.start:par.end]):
        spans.append((par.start + m.start(), par.start + m.end()))
    for m in re.finditer(r"\"[^\"]*\"", text[par.start:par.end]):
        spans.append((par.start + m.start(), par.start + m.end()))
    return spans


def _coverage(text: str, atts: list[Attribution], sentences: Sequence[Sentence],
              paragraphs: Sequence[Paragraph], scope: str) -> None:
    starts = [s.start for s in sentences]

    def sent_range(s: int, e: int) -> range:
        i = max(0, bisect.bisect_right(starts, s) - 1)
        j = max(0, bisect.bisect_right(starts, max(s, e - 1)) - 1)
        return range(i, j + 1)

    quotes_by_par: dict[int, list[tuple[int, int]]] = {}
    for a in atts:
        a.cover = {a.sentence}
        a.quotes = []
        a.owns = []
        pi = sentences[a.sentence].paragraph if sentences else 0
        if scope == "paragraph" and paragraphs:
            a.cover.update(i for i, s in enumerate(sentences) if s.paragraph == pi)
            continue
        if a.weak or not paragraphs:
            continue
        if pi not in quotes_by_par:
            quotes_by_par[pi] = _quote_spans(text, paragraphs[pi]) if pi < len(paragraphs) else []
        for qs, qe in quotes_by_par[pi]:
            # "...," X said   /   X said: "..."
            if (qe <= a.lo and re.fullmatch(r"[\s,]*", text[qe:a.lo])) \
                    or (a.hi <= qs and re.fullmatch(r"[\s,:]*", text[a.hi:qs])) \
                    or (a.hi <= qs and a.source.kind != "vague" and _continues(text, a, qs)):
                a.cover.update(sent_range(qs, qe))
                a.quotes.append((qs, qe))
                if not (a.hi <= qs and _continues(text, a, qs)):
                    a.owns.append((qs, qe))
        # "..., the study found:" and a list: the lead-in's source covers its items (each
        # opening with a list mark or carrying on the sentence in lower case)
        lead = sentences[a.sentence]
        if text[lead.start:lead.end].rstrip().endswith(":") and a.hi <= lead.end:
            for k in range(a.sentence + 1, min(len(sentences), a.sentence + 16)):
                if not _LIST_ITEM.match(text, sentences[k].start):
                    break
                a.cover.add(k)


_LIST_ITEM = fastre.plain(r"[ \t]*(?:[-*•–]\s+|\d{1,2}[.)]\s+|[a-z])")


def _continues(text: str, a: Attribution, qs: int) -> bool:
    """``"...," X said after the vote. "Every dollar ..."``: a quotation that opens the
    sentence after its speaker's attribution continues that speaker's words."""
    gap = text[a.hi:qs]
    if not re.fullmatch(r"[^.!?“”\"\n]*[.!?][ \t]*", gap):
        return False
    lex = lexicon()
    first = a.source.cue.split()[0].lower() if a.source.cue else ""
    return a.verb_class in ("say", "clause") or first in lex.say or first in lex.clause


def _distance(c: Claim, a: Attribution) -> int:
    if c.end <= a.lo:
        return a.lo - c.end
    if c.start >= a.hi:
        return c.start - a.hi
    return 0


def attribute(text: str, sentences: Sequence[Sentence], paragraphs: Sequence[Paragraph],
              claims: Sequence[Claim], scope: str = "sentence") -> tuple[list[Claim], list[Source]]:
    """Link each figure claim to its source.

    Returns the claims (figure claims with ``source`` set where an attribution
    covers them) and every source found, in text order.  ``scope`` is
    ``sentence`` (default) or ``paragraph``.
    """
    if not sentences:
        sentences = (Sentence(0, len(text), 0),)
        paragraphs = paragraphs or (Paragraph(0, len(text)),)
    lex = lexicon()
    _use_tokens(text, sentences, fresh=True)
    atts = find_attributions(text, sentences, lex)
    persons = set()
    for a in atts:
        if a.source.kind == "named" and a.sort in ("person", "name"):
            caps = [w for w in a.source.text.split() if w[:1].isupper()]
            if caps:
                persons.add(caps[-1])
        for sec in a.secondary:
            caps = [w for w in sec.text.split() if w[:1].isupper()]
            if caps:
                persons.add(caps[-1])
    if any(a.source.kind == "reference" and not a.source.resolved for a in atts):
        # antecedents matter only to a reference still to resolve
        _resolve(atts, _mentions(text, sentences, lex, persons))
    # "The figures, released by the ONS on Tuesday, show": a document with no earlier
    # antecedent stands for the body named with it in its own sentence
    for a in atts:
        if a.source.kind == "reference" and a.sort == "doc" and not a.source.resolved:
            maker = [b for b in atts if b.sentence == a.sentence and b.source.kind == "named" and b.source.cue_start > a.source.end
                     and re.fullmatch(r"[\s,(—–-]*", text[a.source.end:b.source.cue_start])]
            if maker:
                a.source = replace(a.source, resolved=_canonical(maker[0].source.text))
                continue
        if a.source.kind == "reference" and not a.source.resolved and a.sort == "doc":
            named = [b for b in atts if b.sentence == a.sentence and b.source.kind == "named" and b is not a]
            if named:
                a.source = replace(a.source, resolved=_canonical(min(named, key=lambda b: abs(b.lo - a.lo)).source.text))
    _coverage(text, atts, sentences, paragraphs, scope)

    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Attribution]] = {}
    for a in atts:
        for si in a.cover:
            by_sentence.setdefault(si, []).append(a)

    out: list[Claim] = []
    for c in claims:
        if c.kind not in FIGURE_KINDS:
            out.append(c)
            continue
        si = max(0, bisect.bisect_right(starts, c.start) - 1)
        pool = by_sentence.get(si, [])
        if pool and scope == "sentence":
            pool = _clause_pool(text, sentences[si], c, si, pool)
        best = _choose(text, c, si, pool)
        out.append(c.evolve(source=best.source) if best is not None else c)

    sources: list[Source] = []
    for a in atts:
        sources.append(a.source)
        sources.extend(a.secondary)
    sources.sort(key=lambda s: (s.start, s.end))
    return out, sources


def _choose(text: str, c: Claim, si: int, pool: list[Attribution]) -> Attribution | None:
    if not pool:
        return None
    quoted = [a for a in pool if any(qs <= c.start and c.end <= qe for qs, qe in a.owns)] or \
        [a for a in pool if any(qs <= c.start and c.end <= qe for qs, qe in a.quotes)]
    if quoted:
        return min(quoted, key=lambda a: _distance(c, a))
    own = [a for a in pool if a.sentence == si]
    cands = own or pool
    strong = [a for a in cands if not a.weak]
    if strong:
        cands = strong
    elif own and len(own) < len(pool):
        # only hedges here: a quotation's speaker elsewhere still vouches for it
        others = [a for a in pool if a.sentence != si and not a.weak]
        if others:
            cands = others
    return min(cands, key=lambda a: (_boundaries(text, c, a), _distance(c, a), a.source.kind == "vague"))


def _boundaries(text: str, c: Claim, a: Attribution) -> int:
    """Commas and semicolons between a figure and an attribution: fewer means the same clause."""
    if c.end <= a.lo:
        gap = text[c.end:a.lo]
    elif c.start >= a.hi:
        gap = text[a.hi:c.start]
    else:
        return 0
    return gap.count(",") + gap.count(";") + gap.count("—")


# ---------------------------------------------------------------------------
# clause scope

# Where a sentence splits into clauses with subjects of their own: "; ", ", and" /
# ", but" before a new subject, and "after/while/as/because/..." before a new subject.
# A new subject is a determiner, a possessive or personal pronoun or a capitalised
# word; a bare number or lowercase word is not taken as one ("as much as 4%").
_NEW_SUBJECT = r"(?=(?:the|its|their|his|her|it|they|he|she|we|another|this|these|[A-Z][\w'’.-]*)\b)(?!as\b|a\b|an\b)"
_CLAUSE_BREAK = fastre.compile(
    r";\s+|,\s+(?:and|but|yet)\s+" + _NEW_SUBJECT +
    r"|,?\s+(?:while|whereas|after|because|although|though|even though)\s+" + _NEW_SUBJECT +
    r"|,?\s+(?:while|whereas|because|although|though)\s+(?=[a-z][a-z-]*(?<!ing)\s+[a-z])(?!(?:a|an|as|also|still)\b)" +
    r"|,\s+as\s+" + _NEW_SUBJECT + r"|(?<=[a-z%]) as\s+(?=(?:the|its|their|his|her|it|they|he|she|we)\b)")
_TAG_BEFORE = fastre.compile(r"(?:[,—–”\"’)]|--)\s*$")


@lru_cache(maxsize=1)
def _reporting_break() -> re.Pattern:
    lex = lexicon()
    verbs = _alternation(w for w in lex.say | lex.report if w.endswith(("s", "d", "t")) or w in ("say", "expect", "believe"))
    return fastre.compile(r",\s+(?:and|but)\s+(?=(?:[a-z][\w-]*\s+){1,3}(?:" + verbs + r")\b)")


@lru_cache(maxsize=1)
def _verb_before() -> re.Pattern:
    """A speech verb just before a break: "said after the game that ..." is one clause."""
    lex = lexicon()
    verbs = _alternation((w for w in lex.say | lex.clause if w.endswith(("s", "d", "t"))), fold=True)
    return fastre.compile(r"(?<![\w-])(?:" + verbs + r")(?:\s+(?:on|in|at)\s+[\w.]+)?$", re.I)


def _clause_starts(text: str, sent: Sentence) -> list[int]:
    """Start offsets of the clauses of a sentence (quotations are not split)."""
    return _clause_starts_at(text, sent.start, sent.end)


@lru_cache(maxsize=2048)
def _clause_starts_at(text: str, lo: int, hi: int) -> list[int]:
    starts = [lo]
    seg = text[lo:hi]
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^“”]*”|\"[^\"]*\"", seg)]
    breaks = list(_CLAUSE_BREAK.finditer(seg))
    if ", and " in seg or ", but " in seg:
        breaks += list(_reporting_break().finditer(seg))
    vb = _verb_before()
    for m in breaks:
        if any(qs < m.start() < qe for qs, qe in quoted):
            continue
        if seg[m.start()] != "," and vb.search(seg, 0, m.start()):
            continue  # "said after the game that ...": the verb's own clause
        starts.append(lo + m.start())
    return sorted(set(starts))


def _is_tag(text: str, sent: Sentence, a: Attribution) -> bool:
    """A reporting tag set off by punctuation (``..., the agency said``; ``The toll,
    officials said, had``; ``..., according to X``): it vouches for the clauses around it.
    A reporting verb heading its clause (``X reported a 3% rise``) covers its own clause."""
    before = text[sent.start:a.lo]
    return bool(before.strip()) and bool(_TAG_BEFORE.search(before))


def _speaker_over_content(text: str, sent: Sentence, c: Claim, atts: list[Attribution]) -> list[Attribution]:
    """``The central bank expects growth of 6.5%, Governor X said``: the closing
    speech tag reports the whole clause, so its speaker vouches for the figure."""
    tags = [a for a in atts if a.verb_class == "say" and a.lo >= c.end and _is_tag(text, sent, a)
            and a.source.kind != "vague"]
    if not tags:
        return atts
    first = min(a.lo for a in tags)
    # a report verb before the figure, or a document merely mentioned in the clause
    # ("moved money from the charity's accounts ..., the court was told"), gives way
    return [a for a in atts if not ((a.verb_class == "report" and a.hi <= c.start
                                     or not a.verb_class and a.docs and a.source.kind != "vague" and a.lo < first
                                     and a.source.cue_start >= a.source.end)
                                    and not _is_tag(text, sent, a))]


def _clause_pool(text: str, sent: Sentence, c: Claim, si: int, pool: list[Attribution]) -> list[Attribution]:
    """The attributions of this sentence that govern the claim's clause.

    Attributions from other sentences (quotations) are kept as they are.  In the
    sentence itself: an attribution in the claim's own clause governs it; a
    reporting tag governs every clause that has no attribution of its own; a
    reporting verb that heads another clause ("Oil rose 2% after Saudi Arabia said
    ...", "X reported a 3% rise, and its shares have gained 18%") does not.
    """
    own = [a for a in pool if a.sentence == si]
    if not own:
        return pool
    cuts = _clause_starts(text, sent)
    if len(cuts) == 1 and not any(a.relative for a in own):
        kept = _speaker_over_content(text, sent, c, own)
        return [a for a in pool if a.sentence != si or a in kept]

    def clause_of(pos: int) -> int:
        return bisect.bisect_right(cuts, pos) - 1

    ci = clause_of(c.start)
    own = [a for a in own if not a.relative or (a.hi <= c.start and "," not in text[a.hi:c.start])]
    same = [a for a in own if clause_of(a.lo) == ci]
    same = _speaker_over_content(text, sent, c, same)
    if any(not a.weak for a in same):
        keep = same
    else:
        keep = same + [a for a in own if clause_of(a.lo) != ci and _is_tag(text, sent, a)]
    return [a for a in pool if a.sentence != si or a in keep]
