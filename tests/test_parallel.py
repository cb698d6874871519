"""-j/--jobs: worker processes, the same output in the same order whatever N."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from numcheck import parallel
from numcheck.parallel import chunk_size, effective_workers, run_parallel

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "golden" / "articles"


def slow_square(x: int) -> tuple[int, int]:
    time.sleep(0.01 if x % 3 else 0.03)  # uneven work: chunks finish out of order
    return x * x, os.getpid()


def boom(x: int) -> int:
    if x == 11:
        raise ValueError("job 11 failed")
    return x


def test_order_is_input_order_whatever_n():
    jobs = list(range(60))
    expected = [x * x for x in jobs]
    for n in (1, 2, 3):
        got = run_parallel(slow_square, jobs, n_jobs=n)
        assert [v for v, _ in got] == expected, n


def test_workers_are_other_processes_and_several():
    got = run_parallel(slow_square, list(range(40)), n_jobs=2)
    pids = {pid for _, pid in got}
    assert os.getpid() not in pids
    assert len(pids) == 2


def test_small_runs_and_one_job_stay_in_process():
    me = os.getpid()
    few = run_parallel(slow_square, list(range(parallel.MIN_PARALLEL - 1)), n_jobs=4)
    assert {pid for _, pid in few} == {me}
    many_but_one = run_parallel(slow_square, list(range(30)), n_jobs=1)
    assert {pid for _, pid in many_but_one} == {me}
    assert run_parallel(slow_square, [], n_jobs=4) == []


def test_effective_workers_and_chunks(monkeypatch):
    monkeypatch.setattr(parallel, "available_cores", lambda: 4)
    assert effective_workers(None, 100) == 4
    assert effective_workers(0, 100) == 4
    assert effective_workers(1, 100) == 1
    assert effective_workers(8, 100) == 8
    assert effective_workers(8, 10) == 8
    assert effective_workers(16, 10) == 10
    assert effective_workers(4, 5) == 1          # small run: in process
    assert effective_workers(-1, 100) == 4       # as joblib: all cores
    assert effective_workers(-2, 100) == 3
    assert effective_workers(-9, 100) == 1
    assert chunk_size(1000, 4) == 32             # capped
    assert chunk_size(40, 2) == 5
    assert chunk_size(9, 8) == 1


def test_worker_exception_reaches_the_caller():
    with pytest.raises(ValueError, match="job 11 failed"):
        run_parallel(boom, list(range(30)), n_jobs=2)


def test_progress_bar_does_not_change_results(capsys):
    got = run_parallel(slow_square, list(range(20)), n_jobs=2, progress=True)
    assert [v for v, _ in got] == [x * x for x in range(20)]
    assert capsys.readouterr().out == ""  # the bar, if any, is on stderr


# -- the command line ---------------------------------------------------------------------------

def _many_articles(folder: Path, copies: int) -> None:
    folder.mkdir(parents=True)
    sources = sorted(p for p in ARTICLES.iterdir() if p.is_file())
    for i in range(copies):
        for src in sources:
            shutil.copy(src, folder / f"{i:02d}-{src.name}")


def test_cli_same_output_for_any_jobs(tmp_path, monkeypatch, capsys):
    """In process, with test-only rules (forked workers inherit them)."""
    from test_formats_ci import TEST_RULES
    from numcheck import rules as registry
    from numcheck.cli import main

    registry.load()
    for r in TEST_RULES:
        registry.register(r)
    try:
        _many_articles(tmp_path / "a", 6)  # 18 files
        monkeypatch.chdir(tmp_path)
        outputs = {}
        for n in ("1", "2", "3"):
            with pytest.raises(SystemExit) as exc:
                main(["check", "--format", "json", "--select", "TST", "-j", n, "a"])
            assert exc.value.code == 1
            outputs[n] = capsys.readouterr().out
        data = json.loads(outputs["1"])
        assert data["summary"]["files"] == 18 and data["summary"]["findings"] == 6 * 6
        assert [f["path"] for f in data["files"]] == sorted(f["path"] for f in data["files"])
        assert outputs["1"] == outputs["2"] == outputs["3"]
    finally:
        for r in TEST_RULES:
            registry._REGISTRY.pop(r.code, None)


def test_cli_subprocess_jobs_identical_and_no_progress_when_piped(tmp_path):
    """The real command, built-in rules, stderr a pipe: no progress bar, same bytes for -j 1 and -j 2."""
    _many_articles(tmp_path / "a", 8)  # 24 files: above the runner's progress threshold
    runs = {}
    for n in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "numcheck", "check", "--format", "json", "-j", n, "a"],
                              cwd=tmp_path, capture_output=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                  [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])})
        assert proc.returncode in (0, 1), proc.stderr.decode()
        assert proc.stderr == b""
        runs[n] = proc.stdout
    assert runs["1"] == runs["2"]
    assert json.loads(runs["1"])["summary"]["files"] == 24


def test_spawned_workers_return_real_results(monkeypatch, tmp_path):
    """Where workers are spawned (macOS, Windows), results (documents, claims with read-only
    mappings) still cross back, and match an in-process run."""
    import multiprocessing as mp

    from numcheck.runner import Job, process_file

    monkeypatch.setattr(parallel, "_context", lambda: mp.get_context("spawn"))
    _many_articles(tmp_path / "a", 3)
    jobs = [Job(path=str(p), command="check", published=None, published_until=None, config_path=None)
            for p in sorted((tmp_path / "a").iterdir())]
    spawned = run_parallel(process_file, jobs, n_jobs=2)
    local = run_parallel(process_file, jobs, n_jobs=1)
    assert [r.path for r in spawned] == [j.path for j in jobs]
    assert [(r.findings, r.claims, r.error) for r in spawned] == [(r.findings, r.claims, r.error) for r in local]
