"""Typed, immutable records that flow through the pipeline.

read -> Document; extract -> Claim / Source; check -> Finding; report -> FileResult.

Every span is a pair of character offsets ``start``/``end`` into ``Document.text``
(the analysed text).  ``Document.position`` maps an offset back to a 1-based
line and column in the file as given, so reports always point into the file.
"""
from __future__ import annotations

import bisect
import datetime as dt
import operator
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

FIGURE_KINDS = frozenset({"money", "percent", "count", "measure", "number"})
TEMPORAL_KINDS = frozenset({"date", "time", "duration", "set"})

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _freeze(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not mapping:
        return _EMPTY
    if isinstance(mapping, MappingProxyType):
        return mapping
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """Who a figure is attributed to.

    ``kind`` is ``named`` (a person, organisation or outlet), ``reference``
    (``the company``, resolved to ``resolved`` when an earlier named source
    exists), or ``vague`` (``experts say``, ``reportedly``).
    """

    text: str
    cue: str
    start: int
    end: int
    kind: str = "named"
    resolved: str = ""
    cue_start: int = -1
    cue_end: int = -1

    @property
    def name(self) -> str:
        return self.resolved or self.text


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure (money, percent, count, measure, number) or a temporal expression.

    Intervals: ``value`` is the stated number; ``low``/``high`` bound what the
    claim allows once its qualifier is applied (None = unbounded on that side).
    ``rounding`` is half a unit of the last significant digit as written
    (``$700m`` -> 50e6, ``£356m`` -> 0.5e6), so rules can allow for it.
    """

    kind: str
    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "="
    unit: str = ""
    noun: str = ""
    rounding: float = 0.0
    # money
    currency_ambiguous: bool = False
    currency_text: str = ""
    # stated equivalents: index (into the document's claim list) of the amount this one restates
    equivalent_of: int | None = None
    # temporal
    timex: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    relative: bool = False
    # linking
    source: Source | None = None
    index: int = -1
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _freeze(self.extra))

    def evolve(self, **changes: Any) -> "Claim":
        """A copy with ``changes`` applied: ``dataclasses.replace`` without re-running
        ``__init__`` (the pipeline makes thousands of these per article)."""
        values = _CLAIM_GET(self)
        if changes:
            values = list(values)
            for name, value in changes.items():
                i = _CLAIM_INDEX.get(name)
                if i is None:
                    raise TypeError(f"Claim has no field {name!r}")
                values[i] = _freeze(value) if name == "extra" else value
        new = object.__new__(Claim)
        for put, value in zip(_CLAIM_SET, values):
            put(new, value)
        return new

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    @property
    def is_temporal(self) -> bool:
        return self.kind in TEMPORAL_KINDS


_CLAIM_FIELDS = tuple(f for f in Claim.__dataclass_fields__)
# the slot descriptors, read and written directly: a frozen dataclass's __setattr__ refuses
_CLAIM_GET = operator.attrgetter(*_CLAIM_FIELDS)
_CLAIM_SET = tuple(getattr(Claim, f).__set__ for f in _CLAIM_FIELDS)
_CLAIM_INDEX = {f: i for i, f in enumerate(_CLAIM_FIELDS)}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


class SourceMap:
    """Maps offsets in the analysed text to offsets in the original file.

    Built from pieces ``(text_start, orig_start, length)``: within a piece the
    mapping is linear; a piece of length 1 may stand for a longer original run
    (an HTML entity).  ``None`` pieces means identity.  A piece may carry a fourth
    item, its length in the original (``(t, o, 1, 5)`` for ``&amp;``), so that an
    exclusive end just past it maps just past the whole original run.
    """

    __slots__ = ("_tstarts", "_pieces", "_olens")

    def __init__(self, pieces: list[tuple[int, ...]] | None = None) -> None:
        self._pieces = pieces
        self._tstarts = [p[0] for p in pieces] if pieces else None
        self._olens = ({i: p[3] for i, p in enumerate(pieces) if len(p) > 3 and p[3] != p[2]}
                       if pieces else None)

    def to_original(self, offset: int) -> int:
        if self._pieces is None:
            return offset
        if not self._pieces:
            return 0
        i = bisect.bisect_right(self._tstarts, offset) - 1
        if i < 0:
            i = 0
        tstart, ostart, length = self._pieces[i][:3]
        delta = offset - tstart
        if delta > length:
            delta = length
        return ostart + delta

    def end_to_original(self, offset: int) -> int:
        """Map an exclusive end offset: the position just past the previous character."""
        if self._pieces is None or offset <= 0:
            return self.to_original(offset)
        if not self._pieces:
            return 0
        i = bisect.bisect_right(self._tstarts, offset - 1) - 1
        if i < 0:
            i = 0
        tstart, ostart, length = self._pieces[i][:3]
        delta = offset - tstart
        if delta >= length:
            return ostart + (self._olens.get(i, length) if self._olens else length)
        return ostart + delta


@dataclass(frozen=True, slots=True)
class Document:
    """An article ready for analysis.

    ``text`` is the prose to analyse; ``original`` the file's decoded content.
    ``published`` is the publication date (None when unknown); with a date
    range (``--date 2004-01-01..2005-12-31``) it is the range's start and
    ``published_until`` its end.  ``published_from`` says where the date came from:
    ``option``, ``config``, ``front-matter``, ``leading-date``, ``dateline``,
    ``html-meta`` or ``None``.
    """

    path: str
    text: str
    original: str
    format: str = "text"
    published: dt.date | None = None
    published_until: dt.date | None = None
    published_from: str | None = None
    source_map: SourceMap = field(default_factory=SourceMap)
    line_starts: tuple[int, ...] = ()
    suppressions_text: str = ""

    @staticmethod
    def build(path: str, text: str, original: str | None = None, *, format: str = "text",
              published: dt.date | None = None, published_until: dt.date | None = None,
              published_from: str | None = None,
              source_map: SourceMap | None = None) -> "Document":
        orig = text if original is None else original
        starts = [0]
        find = orig.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return Document(path=path, text=text, original=orig, format=format, published=published,
                        published_until=published_until, published_from=published_from,
                        source_map=source_map or SourceMap(), line_starts=tuple(starts))

    def line_col(self, orig_offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset into ``original``."""
        i = bisect.bisect_right(self.line_starts, orig_offset) - 1
        return i + 1, orig_offset - self.line_starts[i] + 1

    def position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) in the original file for a text span."""
        ostart = self.source_map.to_original(start)
        oend = self.source_map.end_to_original(end) if end > start else ostart
        line, col = self.line_col(ostart)
        end_line, end_col = self.line_col(oend)
        return line, col, end_line, end_col

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        ostart = self.source_map.to_original(start)
        oend = self.source_map.end_to_original(end) if end > start else ostart
        return ostart, oend


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: str
    message: str
    start: int
    end: int
    notes: tuple[str, ...] = ()
    fingerprint_text: str = ""

    def with_severity(self, severity: str) -> "Finding":
        return Finding(self.code, self.name, severity, self.message, self.start, self.end,
                       self.notes, self.fingerprint_text)


@dataclass(frozen=True, slots=True)
class Located:
    """A finding placed in its file: what the formatters print."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def severity(self) -> str:
        return self.finding.severity


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    document: Document | None
    findings: tuple[Located, ...] = ()
    claims: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = ()
    error: str | None = None

    @property
    def published(self) -> dt.date | None:
        return self.document.published if self.document else None


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileResult, ...]

    def counts(self) -> dict[str, int]:
        out = {"files": len(self.files), "findings": 0, "errors": 0, "warnings": 0, "infos": 0}
        for fr in self.files:
            for loc in fr.findings:
                out["findings"] += 1
                out[loc.severity + "s"] += 1
        return out
