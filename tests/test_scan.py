"""numcheck scan: archives in, one row per finding and per claim out (Parquet/JSONL, local or Dask)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.scan import COLUMNS, Record, ScanError, iter_records, scan, scan_record

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = [
    {"id": "a1", "date": "2024-03-01",
     "text": "Acme said revenue rose to $56 million in 2023 from $50 million a year earlier."},
    {"id": "a2", "date": "2023-05-18",
     "text": "The ministry said 2,300 people were evacuated on Tuesday.\n\nOf the 2,300 evacuees, "
             "2,900 returned home, officials said."},
    {"id": "a3", "published": "2020-07-09", "body": "No figures here, only words about the weather."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_records_from_jsonl_pick_text_and_date_fields(tmp_path):
    src = write_jsonl(tmp_path / "corpus.jsonl", ARTICLES)
    recs = list(iter_records([str(src)]))
    assert [r.doc for r in recs] == ["a1", "a2", "a3"]
    assert recs[0].date == "2024-03-01" and recs[2].date == "2020-07-09"
    assert recs[2].text.startswith("No figures")


def test_scan_record_rows_have_every_column():
    rows = scan_record(Record(doc="x", text=ARTICLES[0]["text"], date="2024-03-01"))
    names = {n for n, _ in COLUMNS}
    assert rows, "an article with money must give claim rows"
    for row in rows:
        assert set(row) == names
        assert row["doc"] == "x" and row["row"] in ("claim", "finding")
    money = [r for r in rows if r["row"] == "claim" and r["kind"] == "money"]
    assert {r["value"] for r in money} >= {56e6, 50e6}
    assert all(r["unit"] == "USD" for r in money)


def test_scan_jsonl_output(tmp_path):
    src = write_jsonl(tmp_path / "corpus.jsonl", ARTICLES)
    out = tmp_path / "rows.jsonl"
    counts = scan([str(src)], str(out), jobs=1)
    rows = read_jsonl(out)
    assert counts["documents"] == 3
    assert counts["claims"] == sum(1 for r in rows if r["row"] == "claim")
    assert counts["findings"] == sum(1 for r in rows if r["row"] == "finding")
    docs = {r["doc"] for r in rows}
    assert {"a1", "a2"} <= docs


def test_scan_parquet_matches_jsonl(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = write_jsonl(tmp_path / "corpus.jsonl", ARTICLES)
    scan([str(src)], str(tmp_path / "rows.jsonl"), jobs=1)
    scan([str(src)], str(tmp_path / "rows.parquet"), jobs=2, batch_size=1)
    table = pq.read_table(tmp_path / "rows.parquet")
    assert table.column_names == [n for n, _ in COLUMNS]
    as_rows = table.to_pylist()
    assert as_rows == read_jsonl(tmp_path / "rows.jsonl"), "order and content identical whatever -j"


def test_scan_folder_reads_articles(tmp_path):
    d = tmp_path / "archive"
    (d / "2024").mkdir(parents=True)
    (d / "2024" / "one.md").write_text("---\ndate: 2024-02-02\n---\n\nSales rose 12% to $56m from $50m.\n")
    (d / "two.txt").write_text("date 2024-02-03\nThe team won, officials said.\n")
    out = tmp_path / "rows.jsonl"
    counts = scan([str(d)], str(out), jobs=1)
    assert counts["documents"] == 2
    rows = read_jsonl(out)
    one = [r for r in rows if r["doc"].endswith("one.md")]
    assert one and all(r["published"] == "2024-02-02" for r in one)


def test_bad_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(ScanError, match="no such file"):
        scan([str(tmp_path / "missing")], str(tmp_path / "out.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "fine"}\nnot json\n')
    with pytest.raises(ScanError, match="bad.jsonl:2"):
        scan([str(bad)], str(tmp_path / "out.jsonl"), jobs=1)


def test_cli_scan_one_line_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "numcheck", "scan", str(tmp_path / "nope"), "-o",
                           str(tmp_path / "o.parquet")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope" in lines[0] and "Traceback" not in proc.stderr


def test_scan_on_dask_local_cluster(tmp_path):
    distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")
    src = write_jsonl(tmp_path / "corpus.jsonl", ARTICLES)
    scan([str(src)], str(tmp_path / "local.jsonl"), jobs=1)
    # an in-process cluster (real scheduler and worker, TCP between them) keeps the test steady
    # on a busy machine; the worker still loads the pipeline once through Client.run
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    try:
        counts = scan([str(src)], str(tmp_path / "dask.jsonl"), engine="dask",
                      scheduler=cluster.scheduler_address, batch_size=1)
    finally:
        cluster.close()
    assert counts["documents"] == 3
    assert read_jsonl(tmp_path / "dask.jsonl") == read_jsonl(tmp_path / "local.jsonl")
