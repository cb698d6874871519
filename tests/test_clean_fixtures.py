"""No warning or error on the correct articles in fixtures/clean and clean2 to clean17.

Every figure, date and conversion in those articles has been checked by hand
(see fixtures/clean/README.md), so any warning or error is a false positive.
The only findings tolerated are the ones listed in fixtures/clean/expected.json:
per article (deliberate errors, none today) and under "_known_false_positives"
(rules still being worked on, each with the reason it is wrong).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FOLDERS = (FIXTURES / "clean", FIXTURES / "clean2", FIXTURES / "clean3", FIXTURES / "clean4",
           FIXTURES / "clean5", FIXTURES / "clean6", FIXTURES / "clean7", FIXTURES / "clean8", FIXTURES / "clean9", FIXTURES / "clean10",
           FIXTURES / "clean11", FIXTURES / "clean12",
           FIXTURES / "clean13", FIXTURES / "clean14",
           FIXTURES / "clean15", FIXTURES / "clean16",
           FIXTURES / "clean17")
CLEAN = FOLDERS[0]
EXPECTED: dict = {"_known_false_positives": []}
ARTICLES = []
for _folder in FOLDERS:
    _exp = json.loads((_folder / "expected.json").read_text(encoding="utf-8"))
    EXPECTED["_known_false_positives"] += _exp.pop("_known_false_positives", [])
    EXPECTED.update({k: v for k, v in _exp.items() if not k.startswith("_")})
    ARTICLES += sorted(p for p in _folder.iterdir()
                       if p.suffix in (".md", ".txt", ".html") and p.name != "README.md")


@pytest.fixture(scope="module")
def findings() -> dict[str, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "numcheck", "check", "--format", "json",
                           *map(str, ARTICLES)], capture_output=True, text=True, timeout=300,
                          cwd=CLEAN.parent.parent)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    return {Path(f["path"]).name: f["findings"] for f in report["files"]}


def test_every_article_is_listed_and_dated(findings):
    assert len(ARTICLES) >= 20
    assert len({p.name for p in ARTICLES}) == len(ARTICLES), "article names must be unique across folders"
    for path in ARTICLES:
        assert path.name in EXPECTED, f"{path.name} missing from expected.json"
        assert path.name in findings


@pytest.mark.parametrize("name", [p.name for p in ARTICLES])
def test_no_false_positives(findings, name):
    allowed = {(w["line"], code) for w in EXPECTED.get(name, []) for code in w["codes"]}
    allowed |= {(k["line"], k["code"]) for k in EXPECTED.get("_known_false_positives", [])
                if k["file"] == name}
    unexpected = []
    for f in findings[name]:
        if f["severity"] == "info":
            continue
        lines = range(f["line"], (f.get("end_line") or f["line"]) + 1)
        if not any((ln, f["code"]) in allowed for ln in lines):
            unexpected.append(f"{name}:{f['line']} {f['code']} {f['message']}")
    assert not unexpected, "\n".join(unexpected)


def test_publication_dates_are_read(findings):
    # relative dates in these articles need a publication date: none may go unanchored
    for name, found in findings.items():
        assert not [f for f in found if f["code"] == "TIM006"], name
