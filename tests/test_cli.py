"""The command line, in-process and as a real subprocess: contract, exit codes, bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "seed-article.txt"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def run_proc(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "numcheck", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, timeout=120)


def one_error_line(err: str, *must_contain: str) -> None:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert "Traceback" not in err
    for piece in must_contain:
        assert piece in lines[0], f"{piece!r} not in {lines[0]!r}"


# -- the contract ---------------------------------------------------------------------

def test_version(capsys):
    import numcheck
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"numcheck {numcheck.__version__}"


def test_help_lists_commands(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("check", "extract", "rules", "explain"):
        assert command in out


def test_json_contract_on_sample(capsys):
    code, out, err = run(capsys, "check", "--format", "json", str(SAMPLE))
    data = json.loads(out)
    assert set(data) >= {"numcheck", "files", "summary"}
    assert data["summary"]["files"] == 1
    entry = data["files"][0]
    assert entry["path"] == str(SAMPLE)
    assert entry["published"] == "2023-12-27"
    original = SAMPLE.read_text(encoding="utf-8").split("\n")
    for f in entry["findings"]:
        assert set(f) >= {"code", "name", "severity", "message", "line", "column", "end_line", "end_column", "text"}
        assert f["severity"] in ("error", "warning", "info")
        if f["line"] == f["end_line"]:
            # positions point into the file as given; end is exclusive
            assert original[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] == f["text"]
    n = len(entry["findings"])
    assert data["summary"]["findings"] == n
    assert code == (1 if any(f["severity"] in ("error", "warning") for f in entry["findings"]) else 0)


def test_exit_codes_follow_fail_on(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("date 2024-03-01\nThe council said it would spend more next year.\n", encoding="utf-8")
    code, _, _ = run(capsys, "check", str(art))
    assert code == 0


def test_exit_zero(capsys):
    code, out, _ = run(capsys, "check", "--exit-zero", str(SAMPLE))
    assert code == 0


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    codes = {r["code"] for r in rules}
    assert codes, "no rules registered"
    some = sorted(codes)[0]
    code, out, _ = run(capsys, "explain", some)
    assert code == 0 and some in out


def test_explain_unknown_rule(capsys):
    code, _, err = run(capsys, "explain", "XYZ999")
    assert code == 2
    one_error_line(err, "XYZ999")


def test_python_dash_m_and_stdin():
    proc = run_proc("check", "--format", "json", "-", stdin=SAMPLE.read_bytes())
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert data["files"][0]["path"] == "<stdin>"
    assert data["files"][0]["published"] == "2023-12-27"


def test_extract_json(capsys):
    code, out, _ = run(capsys, "extract", "--format", "json", str(SAMPLE))
    assert code == 0
    data = json.loads(out)
    claims = data["files"][0]["claims"]
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    for c in claims:
        assert c["kind"] in ("money", "percent", "count", "measure", "number", "date", "time", "duration", "set")
        if c["line"] == c["end_line"]:
            assert lines[c["line"] - 1][c["column"] - 1:c["end_column"] - 1] == c["text"]


def test_text_report_underlines(capsys, tmp_path):
    code, out, _ = run(capsys, "check", "--no-color", str(SAMPLE))
    if code == 1:
        assert "^" in out and "|" in out
        assert "Findings by rule" in out
    else:
        assert "All clear" in out


# -- bad input: one clear line, exit 2, no traceback, inputs untouched -------------------

def test_missing_path(capsys, tmp_path):
    missing = tmp_path / "nope.md"
    code, _, err = run(capsys, "check", str(missing))
    assert code == 2
    one_error_line(err, str(missing))


def test_folder_without_articles(capsys, tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    one_error_line(err, str(tmp_path))


def test_binary_file(capsys, tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    code, out, err = run(capsys, "check", str(f))
    assert code == 2
    one_error_line(err, str(f))
    assert "All clear" not in out, "nothing was checked, so nothing is clear"


def test_undecodable_file(capsys, tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"\xff\xfe\xfa\x80\x81 caf\xe9 \x9d\x8f\x00\x01" * 3)
    code, _, err = run(capsys, "check", str(f))
    assert code == 2
    one_error_line(err, str(f))


def test_latin1_file_is_read(capsys, tmp_path):
    f = tmp_path / "cafe.txt"
    f.write_bytes("date 2024-03-01\nThe caf\u00e9 in S\u00e3o Paulo raised prices, the owner said, "
                  "and the na\u00efve r\u00e9sum\u00e9 of the d\u00e9j\u00e0 vu \u00e9l\u00e8ve "
                  "was read by the \u00e9quipe.\n".encode("cp1252"))
    code, out, err = run(capsys, "check", "--format", "json", str(f))
    assert code in (0, 1), err
    assert json.loads(out)["files"][0]["published"] == "2024-03-01"


def test_empty_file(capsys, tmp_path):
    f = tmp_path / "empty.md"
    f.write_text("")
    code, _, err = run(capsys, "check", str(f))
    assert code == 2
    one_error_line(err, str(f))


def test_huge_file(capsys, tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    code, _, err = run(capsys, "check", str(f))
    assert code == 2
    one_error_line(err, str(f))


@pytest.mark.parametrize("bad", ["2023-02-30", "yesterday", "2023-13-01", "2005-01-01..2004-01-01"])
def test_bad_date(capsys, bad):
    code, _, err = run(capsys, "check", "--date", bad, str(SAMPLE))
    assert code == 2
    one_error_line(err, "--date")


def test_unknown_option_is_one_line():
    proc = run_proc("check", "--frobnicate", str(SAMPLE))
    assert proc.returncode == 2
    one_error_line(proc.stderr.decode())


def test_unknown_format(capsys):
    code, _, err = run(capsys, "check", "--format", "yaml", str(SAMPLE))
    assert code == 2
    one_error_line(err, "yaml")


def test_several_files_one_bad(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("date 2024-03-01\nThe board met on Monday.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary" * 20)
    code, out, err = run(capsys, "check", "--format", "json", str(good), str(bad))
    assert code == 2
    data = json.loads(out)
    by_path = {f["path"]: f for f in data["files"]}
    assert "error" in by_path[str(bad)] and by_path[str(bad)]["findings"] == []
    assert "error" not in by_path[str(good)]
    assert str(bad) in err and "Traceback" not in err


def test_inputs_are_never_written(tmp_path, capsys):
    f = tmp_path / "a.md"
    body = "---\ndate: 2024-01-05\n---\n\nThe firm said revenue rose 12% to $56m from $50m.\n"
    f.write_text(body)
    before = (f.stat().st_mtime_ns, f.read_bytes())
    run(capsys, "check", "--format", "json", str(f))
    run(capsys, "extract", str(f))
    assert (f.stat().st_mtime_ns, f.read_bytes()) == before


def test_refuses_to_overwrite_input(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("date 2024-03-01\nThe board met on Monday.\n")
    code, _, err = run(capsys, "check", "-o", str(f), str(f))
    assert code == 2
    one_error_line(err, str(f))
    assert f.read_text() == "date 2024-03-01\nThe board met on Monday.\n"


def test_subprocess_sample_runs():
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "numcheck", "check", str(SAMPLE)], capture_output=True,
                          cwd=ROOT, env=env, timeout=120)
    assert proc.returncode in (0, 1)
    assert b"Traceback" not in proc.stderr
    assert b"seed-article.txt" in proc.stdout or b"All clear" in proc.stdout
