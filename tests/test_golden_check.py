"""Golden output of `numcheck check` (text and JSON) and `numcheck extract --format json` on fixtures.

The golden files under tests/golden/check/ are reviewed snapshots: when a change to the
extractors or rules changes what numcheck reports, read the diff, and if the new output is
right, regenerate with NUMCHECK_UPDATE_GOLDEN=1.  Independently of the snapshots, the
tests below check facts about the sample article that must hold whatever the wording.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "check"
CASES = [
    "fixtures/seed-article.txt",
    "fixtures/timeline/harbour-bridge.md",
    "fixtures/review/harbour-sale.txt",
]
UPDATE = bool(os.environ.get("NUMCHECK_UPDATE_GOLDEN"))


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120")
    return subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with NUMCHECK_UPDATE_GOLDEN=1 after review"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_golden(case, fmt):
    proc = cli("check", "--format", fmt, "--no-color", case) if fmt == "text" else cli("check", "--format", fmt, case)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stderr == ""
    compare(f"{Path(case).stem}.check.{'txt' if fmt == 'text' else 'json'}", proc.stdout)


@pytest.mark.parametrize("case", CASES)
def test_extract_golden(case):
    proc = cli("extract", "--format", "json", case)
    assert proc.returncode == 0, proc.stderr
    compare(f"{Path(case).stem}.extract.json", proc.stdout)


# -- facts about the sample article, whatever the snapshot says ------------------------

def test_sample_article_facts():
    proc = cli("extract", "--format", "json", "fixtures/seed-article.txt")
    data = json.loads(proc.stdout)["files"][0]
    assert data["published"] == "2023-12-27" and data["published_from"] == "leading-date"
    figures = {c["text"]: c for c in data["claims"] if c["kind"] in ("money", "count", "percent", "measure")}
    assert set(figures) == {"As many as 500 men", "£13.1 billion", "over 600 Americans", "up to $50 billion"}
    assert figures["£13.1 billion"]["unit"] == "GBP" and figures["£13.1 billion"]["value"] == 13_100_000_000
    assert figures["up to $50 billion"]["qualifier"] == "<=" and figures["up to $50 billion"]["high"] == 5e10
    assert figures["over 600 Americans"]["qualifier"] == ">" and figures["over 600 Americans"]["noun"] == "Americans"
    assert figures["As many as 500 men"]["qualifier"] == "<="
    assert figures["over 600 Americans"]["source"] is None
    assert figures["As many as 500 men"]["source"]["text"] == "The Wall Street Journal"
    assert figures["£13.1 billion"]["source"]["text"] == "The Washington Post"
    assert figures["up to $50 billion"]["source"]["text"] == "the Foundation for the Defense of Democracies"
    dates = {c["text"]: c for c in data["claims"] if c["kind"] == "date"}
    assert dates["Oct. 7"]["timex"] == "2023-10-07"
    assert dates["January 2020"]["timex"] == "2020-01"
    # no quantity hides in "Oct. 7 Hamas" (quantulum3 reads it as 7 hartree)
    assert not any(c["kind"] in ("measure", "number", "count") and "7" in c["text"] for c in data["claims"])


def test_sample_article_findings():
    proc = cli("check", "--format", "json", "fixtures/seed-article.txt")
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    got = {(f["code"], f["line"], f["text"]) for f in findings}
    assert ("CUR003", 15, "£13.1 billion") in got
    assert ("SRC001", 17, "over 600 Americans") in got
    assert len(findings) == 2
