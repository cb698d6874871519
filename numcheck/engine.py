"""The pipeline: read -> segment -> extract -> link -> check -> report objects.

Everything here is pure and per-document; the CLI and the archive scanner both call
:func:`check_document`.
"""
from __future__ import annotations

import bisect
from functools import cached_property
from typing import Any, Callable, Iterable

from numcheck.config import DEFAULT, Config
from numcheck.models import (FIGURE_KINDS, TEMPORAL_KINDS, Claim, Document, FileResult, Finding,
                             Located, Paragraph, Sentence, Source)


class Analysis:
    """A document with its sentences, claims and sources: what rules read."""

    def __init__(self, document: Document, config: Config = DEFAULT) -> None:
        from numcheck.segment import segment

        self.document = document
        self.config = config
        self.sentences, self.paragraphs = segment(document.text)
        self._sent_starts = [s.start for s in self.sentences]
        self._par_starts = [p.start for p in self.paragraphs]
        claims = merge_claims(extract_figures(document, self), extract_temporal(document, self))
        claims, sources = attribute(document, self, claims)
        self.claims: tuple[Claim, ...] = tuple(claims)
        self.sources: tuple[Source, ...] = tuple(sources)
        self._services: dict[str, Any] = {}
        self._memo: dict[str, Any] = {}

    # -- views ---------------------------------------------------------------
    @cached_property
    def figures(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.kind in FIGURE_KINDS)

    @cached_property
    def temporal(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.kind in TEMPORAL_KINDS)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def sentence_of(self, offset: int) -> Sentence:
        if not self.sentences:
            return Sentence(0, len(self.document.text), 0)
        return self.sentences[self.sentence_index(offset)]

    def paragraph_of(self, offset: int) -> Paragraph:
        if not self.paragraphs:
            return Paragraph(0, len(self.document.text))
        return self.paragraphs[max(0, bisect.bisect_right(self._par_starts, offset) - 1)]

    def sentence_text(self, s: Sentence) -> str:
        return self.document.text[s.start:s.end]

    def claims_in(self, start: int, end: int) -> list[Claim]:
        """The claims lying wholly inside ``start``..``end``, in claim order."""
        starts = self._claim_starts
        if starts is None:  # claims not in start order: scan them all
            return [c for c in self.claims if c.start >= start and c.end <= end]
        out = []
        for c in self.claims[bisect.bisect_left(starts, start):]:
            if c.start > end:
                break
            if c.end <= end:
                out.append(c)
        return out

    @cached_property
    def _claim_starts(self) -> list[int] | None:
        starts = [c.start for c in self.claims]
        return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None

    @cached_property
    def claims_by_sentence(self) -> tuple[tuple[Claim, ...], ...]:
        """``claims_by_sentence[i]``: the claims starting in sentence ``i``, in claim order.

        Built once per document, so a rule looking at a claim's neighbours reads one
        sentence's claims instead of scanning every claim of the document."""
        buckets: list[list[Claim]] = [[] for _ in range(max(1, len(self.sentences)))]
        for c in self.claims:
            buckets[self.sentence_index(c.start)].append(c)
        return tuple(tuple(b) for b in buckets)

    def memo(self, key: str, compute: Callable[["Analysis"], Any]) -> Any:
        """``compute(self)``, run once per document and key (e.g. a whole-text scan that
        several rules, or one rule for each of its claims, would otherwise repeat)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute(self)
            return value

    # -- services loaded only when a rule needs them ------------------------
    def service(self, name: str) -> Any:
        if name not in self._services:
            if name == "rates":
                from numcheck.rates import default_rates
                self._services[name] = default_rates()
            elif name == "units":
                from numcheck.units import registry
                self._services[name] = registry()
            else:
                raise KeyError(name)
        return self._services[name]


# -- extractor hooks (each imported lazily so a missing family degrades cleanly) --

def extract_figures(doc: Document, analysis: Analysis) -> list[Claim]:
    from numcheck.extract.figures import extract_figures as run
    return run(doc.text, analysis.sentences)


def extract_temporal(doc: Document, analysis: Analysis) -> list[Claim]:
    from numcheck.extract.temporal import extract_temporal as run
    return run(doc.text, analysis.sentences, doc.published, doc.published_until)


def attribute(doc: Document, analysis: Analysis, claims: list[Claim]) -> tuple[list[Claim], list[Source]]:
    from numcheck.extract.attribution import attribute as run
    return run(doc.text, analysis.sentences, analysis.paragraphs, claims,
               scope=analysis.config.settings.get("attribution_scope", "sentence"))


def merge_claims(figures: list[Claim], temporal: list[Claim]) -> list[Claim]:
    """Merge figure and temporal claims in text order, resolving overlaps.

    Money and percentages win over a temporal reading of the same characters
    (``$50`` is not 2050); a temporal claim wins over a bare count or number
    (``Oct. 7`` is a date).  ``equivalent_of`` indices, given by the figure
    extractor relative to its own list, are remapped to the merged list.
    """
    strong = [c for c in figures if c.kind in ("money", "percent", "measure")]
    strong_spans = sorted((c.start, c.end) for c in strong)

    def overlaps(c: Claim, spans: list[tuple[int, int]]) -> bool:
        i = bisect.bisect_left(spans, (c.end, c.end))
        for j in range(max(0, i - 3), min(len(spans), i + 1)):
            s, e = spans[j]
            if s < c.end and c.start < e:
                return True
        return False

    kept_temporal = [t for t in temporal if not overlaps(t, strong_spans)]
    tspans = sorted((t.start, t.end) for t in kept_temporal)
    tagged: list[tuple[int, int, int, Claim]] = []  # (start, order, old_index, claim)
    for i, c in enumerate(figures):
        if c.kind in ("count", "number") and overlaps(c, tspans):
            continue
        tagged.append((c.start, 0, i, c))
    for t in kept_temporal:
        tagged.append((t.start, 1, -1, t))
    tagged.sort(key=lambda x: (x[0], x[1]))
    remap = {old: new for new, (_, order, old, _) in enumerate(tagged) if order == 0}
    out: list[Claim] = []
    for new, (_, order, old, c) in enumerate(tagged):
        eq = c.equivalent_of
        if eq is not None:
            eq = remap.get(eq)
        out.append(c.evolve(index=new, equivalent_of=eq))
    return out


# -- checking ------------------------------------------------------------------

def run_rules(analysis: Analysis, config: Config) -> list[Finding]:
    from numcheck import rules as registry
    from numcheck.rules import RuleContext

    enabled = config.enabled_codes(analysis.document.path)
    findings: list[Finding] = []
    for r in registry.all_rules():
        if r.code not in enabled:
            continue
        ctx = RuleContext(analysis, r, config.rule_options(r.code))
        severity = config.severity_of(r.code, r.severity)
        for f in r.func(ctx):
            if f.severity != severity and f.severity == r.severity:
                f = f.with_severity(severity)
            findings.append(f)
    return findings


def locate(doc: Document, findings: Iterable[Finding]) -> tuple[Located, ...]:
    out = []
    for f in findings:
        line, col, end_line, end_col = doc.position(f.start, f.end)
        ostart, oend = doc.original_span(f.start, f.end)
        out.append(Located(f, line, col, end_line, end_col, doc.original[ostart:oend]))
    out.sort(key=lambda l: (l.line, l.column, l.finding.code, l.end_line, l.end_column))
    return tuple(out)


def check_document(doc: Document, config: Config = DEFAULT) -> FileResult:
    analysis = Analysis(doc, config)
    findings = run_rules(analysis, config)
    from numcheck.suppress import apply_suppressions
    findings = apply_suppressions(analysis, findings, config)
    return FileResult(path=doc.path, document=doc, findings=locate(doc, findings),
                      claims=analysis.claims, sources=analysis.sources)


def extract_document(doc: Document, config: Config = DEFAULT) -> FileResult:
    analysis = Analysis(doc, config)
    return FileResult(path=doc.path, document=doc, claims=analysis.claims, sources=analysis.sources)
