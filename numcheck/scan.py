"""Archive scale-out: ``numcheck scan CORPUS --output results.parquet``.

A corpus is folders of articles or JSONL files (one article per line, with a text field
and a date field).  Each article goes through :func:`scan_record`, a plain function that
returns rows (one per finding, one per claim); the same function runs in local worker
processes (default) or on a Dask cluster (``--engine dask --scheduler ADDRESS``).
Rows are written as they arrive, batch by batch, as Parquet (pyarrow) or JSONL, so memory
stays flat however large the corpus: records are streamed from disk, at most a bounded
number of batches are in flight, and nothing is collected.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from numcheck.readers import ARTICLE_SUFFIXES

TEXT_FIELDS = ("text", "body", "content", "article")
DATE_FIELDS = ("date", "published", "published_at", "pub_date", "dct")
ID_FIELDS = ("id", "doc_id", "url", "path", "name")

# Every row has every column (None where it does not apply), so a Parquet schema is fixed.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "string"), ("row", "string"), ("published", "string"), ("error", "string"),
    ("code", "string"), ("name", "string"), ("severity", "string"), ("message", "string"),
    ("kind", "string"), ("text", "string"),
    ("line", "int64"), ("column", "int64"), ("end_line", "int64"), ("end_column", "int64"),
    ("value", "float64"), ("low", "float64"), ("high", "float64"), ("qualifier", "string"),
    ("unit", "string"), ("noun", "string"), ("source", "string"), ("source_kind", "string"),
    ("timex", "string"), ("start", "string"), ("end", "string"),
)


class ScanError(Exception):
    """A corpus that cannot be scanned: one clear line."""


@dataclass(frozen=True)
class Record:
    doc: str
    path: str | None = None      # read from disk in the worker
    text: str | None = None      # or carried inline (JSONL)
    date: str | None = None
    format: str | None = None


# -- reading the corpus (streamed) ----------------------------------------------------

def iter_records(inputs: Iterable[str], *, text_field: str | None = None,
                 date_field: str | None = None) -> Iterator[Record]:
    for inp in inputs:
        if os.path.isdir(inp):
            found = False
            for root, dirs, files in os.walk(inp):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
                for name in sorted(files):
                    low = name.lower()
                    full = os.path.join(root, name)
                    if low.endswith(ARTICLE_SUFFIXES):
                        found = True
                        yield Record(doc=full, path=full)
                    elif low.endswith((".jsonl", ".ndjson")):
                        found = True
                        yield from _iter_jsonl(full, text_field, date_field)
            if not found:
                raise ScanError(f"{inp}: no articles (.md .markdown .txt .html .htm) or .jsonl files found")
        elif os.path.isfile(inp):
            if inp.lower().endswith((".jsonl", ".ndjson", ".json")):
                yield from _iter_jsonl(inp, text_field, date_field)
            else:
                yield Record(doc=inp, path=inp)
        else:
            raise ScanError(f"{inp}: no such file or folder")


def _pick(obj: dict, wanted: str | None, candidates: tuple[str, ...]) -> Any:
    if wanted:
        return obj.get(wanted)
    for key in candidates:
        if key in obj:
            return obj[key]
    return None


def _iter_jsonl(path: str, text_field: str | None, date_field: str | None) -> Iterator[Record]:
    try:
        fh = open(path, "r", encoding="utf-8")
    except OSError as exc:
        raise ScanError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ScanError(f"{path}:{n}: not JSON: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise ScanError(f"{path}:{n}: expected a JSON object per line")
            text = _pick(obj, text_field, TEXT_FIELDS)
            if not isinstance(text, str):
                raise ScanError(f"{path}:{n}: no text field ({text_field or ', '.join(TEXT_FIELDS)})")
            date = _pick(obj, date_field, DATE_FIELDS)
            ident = _pick(obj, None, ID_FIELDS)
            doc = f"{path}:{n}" if ident is None else str(ident)
            fmt = obj.get("format") if isinstance(obj.get("format"), str) else None
            yield Record(doc=doc, text=text, date=str(date)[:10] if date else None, format=fmt)


# -- the per-document function ----------------------------------------------------------

def _row(**kw: Any) -> dict[str, Any]:
    row = {name: None for name, _ in COLUMNS}
    row.update(kw)
    return row


def scan_record(record: Record, default_date: str | None = None, command: str = "check") -> list[dict]:
    """Rows for one article: one per finding, one per claim (or one error row)."""
    from numcheck.config import DEFAULT
    from numcheck.engine import check_document
    from numcheck.readers import ReadError, read_path, read_text

    published = None
    date_s = record.date or default_date
    try:
        if date_s:
            published = dt.date.fromisoformat(date_s[:10])
    except ValueError:
        return [_row(doc=record.doc, row="error", error=f"bad date {date_s!r}")]
    try:
        if record.text is not None:
            doc = read_text(record.text, record.doc, format=record.format or "text", published=published)
        else:
            doc = read_path(record.path or record.doc, published=published)
        result = check_document(doc, DEFAULT)
    except ReadError as exc:
        return [_row(doc=record.doc, row="error", error=str(exc))]
    except Exception as exc:  # one bad article must not stop an archive run
        return [_row(doc=record.doc, row="error", error=f"{type(exc).__name__}: {exc}")]
    pub = doc.published.isoformat() if doc.published else None
    rows: list[dict] = []
    for loc in result.findings:
        f = loc.finding
        rows.append(_row(doc=record.doc, row="finding", published=pub, code=f.code, name=f.name,
                         severity=f.severity, message=f.message, text=loc.text, line=loc.line,
                         column=loc.column, end_line=loc.end_line, end_column=loc.end_column))
    for c in result.claims:
        line, col, end_line, end_col = doc.position(c.start, c.end)
        rows.append(_row(
            doc=record.doc, row="claim", published=pub, kind=c.kind, text=c.text, line=line, column=col,
            end_line=end_line, end_column=end_col, value=_f(c.value), low=_f(c.low), high=_f(c.high),
            qualifier=c.qualifier if c.is_figure else None, unit=c.unit or None, noun=c.noun or None,
            source=c.source.name if c.source else None, source_kind=c.source.kind if c.source else None,
            timex=c.timex, start=c.date_start.isoformat() if c.date_start else None,
            end=c.date_end.isoformat() if c.date_end else None))
    return rows


def _f(v: Any) -> float | None:
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError, OverflowError):
        return None


def scan_batch(records: list[Record], default_date: str | None = None) -> tuple[int, list[dict]]:
    """(number of documents, their rows)."""
    rows: list[dict] = []
    for r in records:
        rows.extend(scan_record(r, default_date))
    return len(records), rows


# -- writers -------------------------------------------------------------------------------

class JsonlWriter:
    def __init__(self, path: str) -> None:
        self.fh = open(path, "w", encoding="utf-8")

    def write(self, rows: list[dict]) -> None:
        for row in rows:
            self.fh.write(json.dumps(row, ensure_ascii=False))
            self.fh.write("\n")

    def close(self) -> None:
        self.fh.close()


class ParquetWriter:
    def __init__(self, path: str) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ScanError("Parquet output needs pyarrow: pip install 'numcheck[parquet]' "
                            "(or write JSONL with --output results.jsonl)") from None
        self.pa = pa
        types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
        self.schema = pa.schema([(name, types[t]) for name, t in COLUMNS])
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        cols = {name: [r[name] for r in rows] for name, _ in COLUMNS}
        self.writer.write_table(self.pa.Table.from_pydict(cols, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


def open_writer(path: str, fmt: str | None = None):
    fmt = fmt or ("jsonl" if path.lower().endswith((".jsonl", ".ndjson", ".json")) else "parquet")
    if fmt == "jsonl":
        return JsonlWriter(path)
    if fmt == "parquet":
        return ParquetWriter(path)
    raise ScanError(f"--format: unknown output format {fmt!r} (parquet or jsonl)")


# -- engines -------------------------------------------------------------------------------

def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _warm() -> None:
    """Worker initialiser: import the pipeline once per process."""
    import numcheck.engine  # noqa: F401
    from numcheck import rules
    rules.load()


def run_local(batches: Iterator[list[Record]], jobs: int,
              default_date: str | None) -> Iterator[tuple[int, list[dict]]]:
    if jobs <= 1:
        for b in batches:
            yield scan_batch(b, default_date)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
        pending: deque = deque()
        for b in batches:
            pending.append(pool.submit(scan_batch, b, default_date))
            if len(pending) >= jobs * 2:   # bounded in flight: memory stays flat
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def run_dask(batches: Iterator[list[Record]], scheduler: str | None, default_date: str | None,
             jobs: int) -> Iterator[tuple[int, list[dict]]]:
    try:
        from dask.distributed import Client
    except ImportError:
        raise ScanError("--engine dask needs dask.distributed: pip install 'numcheck[dask]'") from None
    from collections import deque

    try:
        client = Client(scheduler, timeout="20s") if scheduler else Client(
            n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
    except Exception as exc:
        raise ScanError(f"--scheduler {scheduler}: cannot connect to the Dask scheduler: {exc}") from None
    try:
        client.run(_warm)  # load the pipeline once per worker
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for b in batches:
            pending.append(client.submit(scan_batch, b, default_date, pure=False))
            if len(pending) >= n_workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()


def scan(inputs: list[str], output: str, *, fmt: str | None = None, engine: str = "local",
         scheduler: str | None = None, jobs: int | None = None, batch_size: int = 16,
         default_date: str | None = None, text_field: str | None = None,
         date_field: str | None = None) -> dict[str, int]:
    """Scan a corpus and write rows to ``output``.  Returns counts."""
    jobs = jobs or os.cpu_count() or 1
    for inp in inputs:
        if os.path.abspath(inp) == os.path.abspath(output):
            raise ScanError(f"{output}: refusing to write results over an input")
    records = iter_records(inputs, text_field=text_field, date_field=date_field)
    # fail early, before creating the output, on an unreadable corpus
    first = next(records, None)
    if first is None:
        raise ScanError(f"{', '.join(inputs)}: no articles found")

    def chain() -> Iterator[Record]:
        yield first
        yield from records

    batches = _batches(chain(), batch_size)
    if engine == "local":
        stream = run_local(batches, jobs, default_date)
    elif engine == "dask":
        stream = run_dask(batches, scheduler, default_date, jobs)
    else:
        raise ScanError(f"--engine: unknown engine {engine!r} (local or dask)")
    writer = open_writer(output, fmt)
    counts = {"documents": 0, "findings": 0, "claims": 0, "errors": 0}
    try:
        for n_docs, rows in stream:
            writer.write(rows)
            counts["documents"] += n_docs
            for r in rows:
                kind = r["row"]
                counts["findings" if kind == "finding" else "claims" if kind == "claim" else "errors"] += 1
    finally:
        writer.close()
    return counts
