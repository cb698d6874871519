"""SRC: sourcing rules.

SRC001 unsourced-figure, SRC002 vague-source, SRC003 source-policy.

Choices, documented here and in the rule descriptions:

* **What counts as a figure** (RULES.md): money amounts, percentages, and counts
  of people or things at or above ``min_count`` (default 100).  Measures
  (``42,500 tonnes``, ``12 miles``), plain numbers, years, dates, ages and
  durations are not figures.  A stated equivalent (``£3.6bn ($4.5bn)``) is the
  same figure restated: only the amount it restates is considered.
* **Scope** is the sentence (a reporting clause covers its whole sentence, and a
  quotation closed or opened by ``she said`` is covered in full); the setting
  ``attribution_scope = "paragraph"`` widens it to the paragraph.  The linking
  itself is done by :mod:`numcheck.extract.attribution`; these rules read each
  figure's ``source``.
* **One finding per sentence.**  One attribution fixes every figure in a
  sentence, so SRC001 reports the sentence once, at its first unsourced figure,
  and lists the others in the message: an editor gets one thing to fix per fix
  needed, and a baseline entry does not break when a second figure is added.
  SRC002 does the same per sentence and vague source.
* **References count as sources**: ``the company said``, ``a spokesperson said``,
  ``the filing showed`` name a body the reader already knows (RULES.md: quiet for
  ``the company``), whether or not an earlier name was found to resolve them.
* **SRC003 is off until a policy is configured.**  ``rules/policies.toml``
  ships the marks (``state-run media``...) as a vocabulary and example; a
  project opts in with the rule options ``require_corroboration = [...]`` /
  ``flag = [...]`` naming marks, or ``source_policy = "path.toml"`` (or
  ``"builtin"``) pointing at a policy file with its own marks and lists.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from numcheck.models import Claim, Source
from numcheck.rules import RuleContext, rule
from numcheck import fastre


def _scope(ctx: RuleContext) -> str:
    scope = ctx.option("attribution_scope", "sentence")
    return scope if scope in ("sentence", "paragraph") else "sentence"


def is_sourcing_figure(c: Claim, min_count: float = 100) -> bool:
    """A figure in the sense of RULES.md: money, a percentage, or a count >= ``min_count``."""
    if not c.is_figure or c.equivalent_of is not None:
        return False
    if c.kind in ("money", "percent"):
        return True
    if c.kind == "number" and _SCALED.search(c.text) and c.value is not None and c.value >= min_count:
        return True  # "visits topped 2 million": a count whose noun was said before it
    if c.kind == "count":
        if _VAGUE_SCALE.fullmatch(c.text.strip()):
            return False  # "Donors pledge millions": no figure anyone could check
        value = c.value if c.value is not None else (c.high if c.high is not None else c.low)
        return value is not None and value >= min_count
    return False


_SCALED = fastre.plain(r"\d\s*(?:million|billion|trillion|mn|bn)\b", re.I)
_DIGIT = fastre.plain(r"\d")
_VAGUE_SCALE = fastre.plain(r"(?:hundreds|thousands|millions|billions|dozens|scores|tens\s+of\s+thousands|"
                          r"hundreds\s+of\s+thousands)(?:\s+of)?", re.I)


def _indefinite(c: Claim) -> bool:
    """``thousands of people``, ``hundreds of homes``: a scale with no number, which no
    one could source (though hanging it on ``reportedly`` is still vague sourcing); so is
    a move of ``a half-point``."""
    if _DIGIT.search(c.text):
        return False
    # "cut rates by a half-point", "a quarter-point rise": the size of a move in words
    return (c.kind == "count" and bool(c.extra.get("vague"))) or \
        (c.kind == "percent" and c.unit in ("percentage_point", "basis_point"))


def _by_sentence(ctx: RuleContext, claims: Iterable[Claim]) -> dict[int, list[Claim]]:
    groups: dict[int, list[Claim]] = {}
    for c in claims:
        groups.setdefault(ctx.analysis.sentence_index(c.start), []).append(c)
    return groups


def _listing(claims: Sequence[Claim], limit: int = 4) -> str:
    texts = [" ".join(c.text.split()) for c in claims]
    if len(texts) > limit:
        texts = texts[:limit] + [f"and {len(claims) - limit} more"]
    return ", ".join(texts)


# -- SRC001 --------------------------------------------------------------------------

_HEADLINE_END = fastre.plain(r"[.!?:;,\"”’')]\s*$")


def _headline_restates_sourced(ctx: RuleContext, c: Claim) -> bool:
    """A headline (a one-sentence paragraph with no closing punctuation) whose figure
    the body gives again, attributed: headlines never carry attribution."""
    a = ctx.analysis
    s = a.sentence_of(c.start)
    p = a.paragraph_of(c.start)
    line = ctx.text[s.start:s.end].strip()
    if not line or _HEADLINE_END.search(line) or ctx.text[p.start:p.end].strip() != line:
        return False
    return any(o.source is not None and o.start >= s.end and o.kind == c.kind and o.value == c.value
               and o.unit == c.unit for o in ctx.figures)


@rule(
    "SRC001", "unsourced-figure", "warning",
    "A figure (money, percentage, or a count of at least min_count) with no attribution in its sentence.",
    description="""
A money amount, a percentage, or a count of people or things at or above
``min_count`` (default 100) in a sentence with no attribution: no ``according
to X``, ``X said``, ``told X``, ``data from X show``, ``(source: X)``, no
reporting clause anywhere in the sentence and no quotation whose speaker is
given.  Measures (``42,500 tonnes``), years, dates, ages and durations are not
figures, nor is a scale with no number (``thousands of people``, ``hundreds of
homes``) or a move in points said in words (``cut rates by a half-point``); a stated equivalent counts with the amount it restates, and a headline
figure that the body gives again with an attribution counts as sourced.  Reported
once per sentence, at the first unsourced figure, listing the others.  The
setting ``attribution_scope = "paragraph"`` lets an attribution cover its
paragraph.
""",
    fires=(
        "Spending on agency staff reached £3.3bn last year, up from £2.9bn in 2021.",
        "President Donald Trump had Soleimani eliminated in January 2020 for his attacks on US "
        "military personnel in Iraq, which killed over 600 Americans.",
        "Copperfield's shares have doubled since January, giving it a market value of A$6.2bn.",
    ),
    quiet=(
        "The Biden administration has provided up to $50 billion in sanctions relief, according to "
        "the Foundation for the Defense of Democracies.",
        "More than 7.6 million people are on waiting lists in England, the King's Fund said, while "
        "7.4 million treatments were completed in the same period.",
        "First-quarter copper output rose to 42,500 tonnes from 36,000 tonnes a year earlier.",
        "Its 2,500 employees include 600 apprentices, a spokesperson said.",
        "The village has 40 houses and a church.",
    ),
    options={"min_count": 100},
)
def unsourced_figure(ctx: RuleContext) -> Iterator:
    min_count = ctx.option("min_count", 100)
    where = "its paragraph" if _scope(ctx) == "paragraph" else "its sentence"
    # RULES.md: a figure in a sentence with no attribution.  The link itself is finer (an
    # attribution in another clause, "... after Ofgem said that ...", does not become the
    # figure's source), but any named source in the sentence keeps SRC001 quiet
    attributed = _attributed_units(ctx)
    unsourced = [c for c in ctx.figures if c.source is None and is_sourcing_figure(c, min_count)
                 and not _indefinite(c)
                 and _unit_of(ctx, c.start) not in attributed and not _headline_restates_sourced(ctx, c)
                 and not _table_sourced(ctx, c)]
    for _, group in sorted(_by_sentence(ctx, unsourced).items()):
        first = group[0]
        if len(group) == 1:
            msg = f"figure with no attribution in {where}: {' '.join(first.text.split())}"
        else:
            msg = f"{len(group)} figures with no attribution in {where}: {_listing(group)}"
        yield ctx.finding(first.start, first.end, msg,
                          notes=("say who vouches for it: 'according to X', 'X said', 'data from X show'",),
                          key=" | ".join(" ".join(c.text.split()) for c in group))


def _table_sourced(ctx: RuleContext, c: Claim) -> bool:
    """A figure in a table row (a paragraph of tab-separated cells) is vouched for by a
    source named in the paragraph that introduces the table or the one that follows it
    (``The figures, from NHS England, by region:`` ... ``Source: NHS England``)."""
    a = ctx.analysis
    text = ctx.text
    pars = a.paragraphs
    if not pars:
        return False
    if not ctx.in_table_row(c.start):
        return False
    par = a.paragraph_of(c.start)
    k = next((i for i, p in enumerate(pars) if p.start == par.start), None)
    if k is None:
        return False

    def is_row(i: int) -> bool:
        return "\t" in text[pars[i].start:pars[i].end]

    before = k
    while before >= 0 and is_row(before):
        before -= 1
    after = k
    while after < len(pars) and is_row(after):
        after += 1
    spans = [pars[i] for i in (before, after) if 0 <= i < len(pars)]
    return any(p.start <= (s.cue_start if s.cue_start >= 0 else s.start) < p.end
               for s in a.sources if s.kind != "vague" for p in spans)


def _unit_of(ctx: RuleContext, offset: int) -> int:
    """The sentence (or, with paragraph scope, the paragraph) holding ``offset``."""
    if _scope(ctx) == "paragraph":
        return ctx.analysis.paragraph_of(offset).start
    return ctx.analysis.sentence_index(offset)


def _attributed_units(ctx: RuleContext) -> set[int]:
    """Sentences (paragraphs) holding a source that names someone."""
    return {_unit_of(ctx, s.cue_start if s.cue_start >= 0 else s.start)
            for s in ctx.analysis.sources if s.kind != "vague"}


# -- SRC002 --------------------------------------------------------------------------

# "A Reuters poll of 14 economists ... found", "In the Ipsos poll": a poll, survey or study
# named by the capitalised words before it
_NAMED_POLL_RE = fastre.plain(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w&.’'-]*\s+){1,3}"
                              r"(?:poll|survey|study|census|analysis|report|review|audit)\b")

@rule(
    "SRC002", "vague-source", "warning",
    "A figure whose only attribution names nobody: 'experts say', 'some analysts believe', 'reportedly'.",
    description="""
A figure (as for SRC001) whose attribution names no one an editor could check:
``experts say``, ``some analysts believe``, ``sources said``, ``people familiar
with the matter``, ``reportedly``, ``is estimated at``, ``it is believed``,
``reports suggest``, ``observers``.  The phrases are data in
``rules/vague.toml``.  A hedge (``reportedly``, ``is estimated at``) gives way
to a named source in the same sentence, and unnamed respondents to a named poll or
survey that comes before them (``In a Reuters poll, 19 of 24 economists forecast
...``) are its source; ``according to`` a named provider vouches for its sentence
(``Analysts had expected C$3.04 a share, according to LSEG data``).  Named people and organisations stay
quiet, and so do references to them: ``the company``, ``a spokesperson said``
for a named company.  Reported once per sentence and source.
""",
    fires=(
        "Copper prices could rise as much as 30% by the end of the year, some analysts believe.",
        "The militia has reportedly recruited more than 2,000 fighters since March.",
        "The cost of the repairs is estimated at $4 billion.",
    ),
    quiet=(
        "Copper prices could rise as much as 30% by the end of the year, Goldman Sachs analysts said.",
        "Its 2,500 employees include 600 apprentices, a spokesperson said.",
        "The exercises reportedly cost $3 million, JNS reports.",
    ),
    options={"min_count": 100},
)
def vague_source(ctx: RuleContext) -> Iterator:
    min_count = ctx.option("min_count", 100)
    # "Analysts had expected C$3.04 a share, according to LSEG data": the named provider
    # vouches for the sentence
    vouched = {ctx.analysis.sentence_index(s.start) for s in ctx.analysis.sources
               if s.kind == "named" and s.cue.lower().startswith("according to")}
    # "In a Reuters poll, 19 of 24 economists forecast ...", "A Bloomberg survey of 22
    # analysts found ...": the unnamed people answer a named poll or survey before them
    vague = [c for c in ctx.figures
             if c.source is not None and c.source.kind == "vague" and is_sourcing_figure(c, min_count)
             and ctx.analysis.sentence_index(c.start) not in vouched
             and not _NAMED_POLL_RE.search(ctx.text, ctx.analysis.sentence_of(c.start).start, c.source.start)]
    groups: dict[tuple[int, int], list[Claim]] = {}
    for c in vague:
        groups.setdefault((ctx.analysis.sentence_index(c.start), c.source.start), []).append(c)
    for _, group in sorted(groups.items()):
        first = group[0]
        src = first.source
        what = _listing(group)
        yield ctx.finding(first.start, first.end,
                          f"{what}: attributed only to '{' '.join(src.text.split())}', which names no one; "
                          f"name the source",
                          key=f"{what} | {src.text}")


# -- SRC003 --------------------------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    name: str
    description: str
    names: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    _names_re: re.Pattern | None

    def matches(self, text: str) -> bool:
        if self._names_re is not None and self._names_re.search(text):
            return True
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True)
class Policy:
    marks: dict
    require_corroboration: tuple[str, ...]
    flag: tuple[str, ...]

    @property
    def active(self) -> bool:
        return bool(self.require_corroboration or self.flag)


def _mark(name: str, spec: dict) -> Mark:
    names = tuple(spec.get("names", ()))
    names_re = (fastre.plain(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                           + r")(?![\w-])") if names else None)
    return Mark(name, spec.get("description", ""), names,
                tuple(fastre.plain(p, re.I) for p in spec.get("patterns", ())), names_re)


@lru_cache(maxsize=32)
def _policy_file(path: str, mtime: float) -> tuple[dict, tuple[str, ...], tuple[str, ...]]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    marks = {name: _mark(name, spec) for name, spec in data.get("mark", {}).items()}
    return marks, tuple(data.get("require_corroboration", ())), tuple(data.get("flag", ()))


def _load_policy_file(path: str) -> tuple[dict, tuple[str, ...], tuple[str, ...]]:
    return _policy_file(path, os.path.getmtime(path))


def builtin_policy_path() -> str:
    from numcheck.extract.attribution import data_path
    return str(data_path("policies.toml"))


def _as_list(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def load_policy(options: dict, root: str = "") -> Policy:
    """The policy in force: marks from the shipped vocabulary and any ``source_policy``
    files, lists from those files plus the ``require_corroboration`` / ``flag`` options."""
    marks: dict = dict(_load_policy_file(builtin_policy_path())[0])
    rc: list[str] = []
    fl: list[str] = []
    for p in _as_list(options.get("source_policy")):
        path = builtin_policy_path() if p == "builtin" else (p if os.path.isabs(p) or not root
                                                              else os.path.join(root, p))
        m, r, f = _load_policy_file(path)
        marks.update(m)
        rc.extend(r)
        fl.extend(f)
    rc.extend(_as_list(options.get("require_corroboration")))
    fl.extend(_as_list(options.get("flag")))
    unknown = [n for n in rc + fl if n not in marks]
    if unknown:
        from numcheck.config import ConfigError
        raise ConfigError(f"SRC003: unknown source mark(s) {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(map(repr, sorted(marks)))}")
    return Policy(marks, tuple(dict.fromkeys(rc)), tuple(dict.fromkeys(fl)))


@rule(
    "SRC003", "source-policy", "warning",
    "A figure attributed to a source the configured source policy marks (e.g. state-run media).",
    description="""
A figure (as for SRC001) attributed to a source that the configured policy
marks.  Marks are classes of sources defined in ``rules/policies.toml`` (or a
policy file of your own): ``state-run media``, ``partisan outlets``... each by
names and patterns.  ``require_corroboration = ["state-run media"]`` reports
such figures unless another, unmarked named source in scope gives them too
(the speaker who told the marked outlet does not count); ``flag = [...]``
reports them always.  Quiet when no policy is configured: set the options
``require_corroboration`` / ``flag``, or ``source_policy`` to a policy file
path (``"builtin"`` for the shipped one).
""",
    fires=(
        "Iran has supplied 1,500 drones to Russia, a commander told Iran's state-run ISNA news agency.",
    ),
    quiet=(
        "Iran has supplied 1,500 drones to Russia, a commander told the Financial Times.",
    ),
    options={"require_corroboration": [], "flag": [], "source_policy": ""},
    example_options={"require_corroboration": ["state-run media"]},
)
def source_policy(ctx: RuleContext) -> Iterator:
    options = {k: ctx.option(k) for k in ("require_corroboration", "flag", "source_policy")}
    if not any(options.values()):
        return
    root = getattr(getattr(ctx.analysis, "config", None), "root", "") or ""
    policy = load_policy(options, root)
    if not policy.active:
        return
    scope = _scope(ctx)
    sources = ctx.analysis.sources
    seen: set[tuple[int, int]] = set()
    for c in ctx.figures:
        src = c.source
        if src is None or src.kind == "vague" or not is_sourcing_figure(c, 0):
            continue
        same_cue = [s for s in sources if s.cue_start == src.cue_start and s.cue_end == src.cue_end
                    and s.cue_start >= 0]
        texts = {src.text, src.name} | {s.text for s in same_cue}
        hit_flag = [policy.marks[m] for m in policy.flag if any(policy.marks[m].matches(t) for t in texts)]
        hit_rc = [policy.marks[m] for m in policy.require_corroboration
                  if any(policy.marks[m].matches(t) for t in texts)]
        if not hit_flag and not hit_rc:
            continue
        key = (ctx.analysis.sentence_index(c.start), src.start)
        if key in seen:
            continue
        if hit_flag:
            m = hit_flag[0]
            seen.add(key)
            yield ctx.finding(c.start, c.end,
                              f"{' '.join(c.text.split())}: attributed to {src.name}, which the source policy "
                              f"flags ({m.name}: {m.description})",
                              key=f"{c.text} | {src.name} | {m.name}")
            continue
        if _corroborated(ctx, c, src, same_cue, policy, scope):
            continue
        m = hit_rc[0]
        seen.add(key)
        yield ctx.finding(c.start, c.end,
                          f"{' '.join(c.text.split())}: attributed only to {src.name} ({m.name}: {m.description}); "
                          f"the source policy requires an independent source",
                          key=f"{c.text} | {src.name} | {m.name}")


def _corroborated(ctx: RuleContext, c: Claim, src: Source, same_cue: list[Source], policy: Policy,
                  scope: str) -> bool:
    a = ctx.analysis
    if scope == "paragraph":
        span = a.paragraph_of(c.start)
    else:
        span = a.sentence_of(c.start)
    marks = [policy.marks[m] for m in (*policy.require_corroboration, *policy.flag)]
    for s in a.sources:
        if s.start < span.start or s.end > span.end or s.kind == "vague":
            continue
        if s in same_cue or (s.cue_start == src.cue_start and s.cue_end == src.cue_end):
            continue
        if any(m.matches(s.text) or m.matches(s.name) for m in marks):
            continue
        return True
    return False
