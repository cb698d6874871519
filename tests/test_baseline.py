"""Baselines: record today's findings, report only new ones, survive edits elsewhere."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from numcheck.baseline import BaselineError, filter_report, read_baseline, write_baseline
from numcheck.cli import main
from numcheck.config import DEFAULT
from numcheck.engine import check_document
from numcheck.models import Report
from numcheck.readers import read_path

CFG = DEFAULT.evolve(select=("HS001", "HS005"))

ARTICLE = """\
The Treasury will borrow £3.6bn next year, the Chancellor said.
Officials expect a whopping rise in revenue.
"""


def report_for(*paths: Path) -> Report:
    return Report(tuple(check_document(read_path(str(p)), CFG) for p in paths))


def codes(report: Report) -> list[tuple[str, int, str]]:
    return [(Path(fr.path).name, l.line, l.code) for fr in report.files for l in fr.findings]


def test_write_then_filter_reports_nothing(tmp_path):
    art = tmp_path / "news" / "budget.md"
    art.parent.mkdir()
    art.write_text(ARTICLE, encoding="utf-8")
    base = tmp_path / "baseline.json"
    n = write_baseline(report_for(art), str(base))
    assert n == 2
    data = json.loads(base.read_text())
    assert data["version"] == 1
    assert {e["path"] for e in data["entries"]} == {"news/budget.md"}
    assert {e["code"] for e in data["entries"]} == {"HS001", "HS005"}
    assert all(set(e) >= {"path", "code", "fingerprint", "count"} for e in data["entries"])
    assert codes(filter_report(report_for(art), str(base))) == []


def test_fingerprints_survive_edits_elsewhere_and_new_findings_show(tmp_path):
    art = tmp_path / "budget.md"
    art.write_text(ARTICLE, encoding="utf-8")
    base = tmp_path / "baseline.json"
    write_baseline(report_for(art), str(base))
    # a new paragraph on top moves every line down; a new figure appears at the end
    art.write_text("Update: figures revised on Monday.\n\n" + ARTICLE
                   + "The deficit reached £40bn in March.\n", encoding="utf-8")
    assert codes(filter_report(report_for(art), str(base))) == [("budget.md", 5, "HS001")]


def test_duplicates_are_counted(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("It cost £2bn.\nIt cost £2bn.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    write_baseline(report_for(art), str(base))
    (entry,) = json.loads(base.read_text())["entries"]
    assert entry["count"] == 2
    art.write_text("It cost £2bn.\nIt cost £2bn.\nIt cost £2bn again.\n", encoding="utf-8")
    assert codes(filter_report(report_for(art), str(base))) == [("a.txt", 3, "HS001")]


def test_same_claim_in_another_file_is_new(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("It cost £2bn.\n", encoding="utf-8")
    b.write_text("It cost £2bn.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    write_baseline(report_for(a), str(base))
    assert codes(filter_report(report_for(a, b), str(base))) == [("b.txt", 1, "HS001")]


def test_fingerprint_ignores_case_and_spacing_changes(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("It cost £2bn.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    write_baseline(report_for(art), str(base))
    art.write_text("Back then it cost   £2BN.\n", encoding="utf-8")
    assert codes(filter_report(report_for(art), str(base))) == []


@pytest.mark.parametrize("content,needle", [
    ("{not json", "invalid JSON at line 1"),
    ('{"version": 99, "entries": []}', "unsupported baseline version 99"),
    ('[1, 2]', "not a numcheck baseline"),
    ('{"version": 1, "entries": [{"path": "a.txt"}]}', "entry 1"),
    ('{"version": 1, "entries": [{"path": "a", "code": "X", "fingerprint": "f", "count": 0}]}', "'count'"),
])
def test_bad_baseline_is_one_line_error(tmp_path, content, needle):
    base = tmp_path / "bad.json"
    base.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as exc:
        read_baseline(str(base))
    assert needle in str(exc.value) and "\n" not in str(exc.value)
    assert str(base) in str(exc.value)


def test_missing_baseline(tmp_path):
    with pytest.raises(BaselineError, match="no such baseline file"):
        read_baseline(str(tmp_path / "nope.json"))


# -- through the command line ----------------------------------------------------------

def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_cli_write_baseline_then_check_against_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "check", "--select", "HS001,HS005", "--write-baseline", "base.json", "a.txt")
    assert code == 0 and "recorded 2 finding" in err
    code, out, _ = run(capsys, "check", "--select", "HS001,HS005", "--baseline", "base.json",
                       "--format", "json", "a.txt")
    assert code == 0
    assert json.loads(out)["summary"]["findings"] == 0
    Path("a.txt").write_text(ARTICLE + "The deficit reached £40bn in March.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--select", "HS001,HS005", "--baseline", "base.json",
                       "--format", "json", "a.txt")
    assert code == 1
    assert json.loads(out)["summary"]["findings"] == 1


def test_cli_bad_baseline_exits_2_with_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")
    Path("base.json").write_text("{oops", encoding="utf-8")
    code, _, err = run(capsys, "check", "--baseline", "base.json", "a.txt")
    assert code == 2
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and "base.json" in lines[0] and "Traceback" not in err
