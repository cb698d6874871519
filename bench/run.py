#!/usr/bin/env python3
"""numcheck's speed benchmark: cold start, throughput beside quantulum3, and scan memory.

    python bench/run.py                 # everything (about two minutes on 2 cores)
    python bench/run.py --quick         # 100 articles, quantulum3 on a quarter of them
    python bench/run.py --only cold     # one part: cold, throughput, scan, jobs

1. Cold start: ``numcheck check fixtures/seed-article.txt`` as a whole new process, 5 runs;
   median wall time and the median of each run's peak resident memory (from wait4's rusage).
2. Throughput: a corpus of N realistic articles (default 500) built with a fixed seed from
   the sentences of the project's own fixtures (articles of 300 to 900 words with a
   publication date line).  numcheck's library ``check`` with every rule on, then
   quantulum3's ``parser.parse`` on the very same texts in the same run; words per second
   for each and the ratio.  (quantulum3 is fed one paragraph at a time, as it is meant to be
   used: on whole articles it slows down sharply.)
3. Scan memory: ``numcheck scan`` over the corpus written as JSONL at two sizes (N and 4N
   articles), in one process (-j 1) so its peak memory is all of it: it should stay flat.
4. Jobs: the ``numcheck check`` command over the corpus written as a folder of N articles,
   with -j 1 and as it runs by default (one worker per core): wall time, CPU seconds and
   words per second of each whole run (start-up, reading and the JSON report included),
   with the ratio to quantulum3's words per second from part 2 when both parts ran.

On a shared machine other work slows wall times down; CPU seconds (and words per
CPU-second) are reported beside them as the steadier figure.

Figures are printed, never asserted: this is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "seed-article.txt"
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def numcheck_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("numcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "numcheck"]


# Measured processes run as an installed numcheck does: with bytecode caches.  (pip compiles
# .pyc files at install time; an environment with PYTHONDONTWRITEBYTECODE set would make
# every "cold start" recompile numcheck's sources, ~0.1 s that no user pays.)
RUN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB, exit status of one whole process."""
    wall, mem, code, _ = run_measured_cpu(cmd)
    return wall, mem, code


def run_measured_cpu(cmd: list[str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB of the process itself, exit status, and CPU seconds
    (user + system) of the process and every worker it waited for."""
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=RUN_ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    after = os.times()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, usage.ru_maxrss / 1024.0, proc.returncode, cpu


def bench_cold(runs: int = 5) -> dict:
    cmd = numcheck_cmd() + ["check", "--format", "json", str(SAMPLE)]
    run_measured(cmd)  # warm the OS file cache and .pyc files: "cold" means a new process
    walls, mems = [], []
    for _ in range(runs):
        wall, mem, code = run_measured(cmd)
        if code not in (0, 1):
            sys.exit(f"numcheck failed with exit status {code}: {' '.join(cmd)}")
        walls.append(wall)
        mems.append(mem)
    return {"command": " ".join(cmd), "runs": runs, "wall_median_s": statistics.median(walls),
            "wall_min_s": min(walls), "peak_mb_median": statistics.median(mems)}


def fixture_sentences() -> list[str]:
    """Prose sentences from the project's fixtures (no markup lines, no code)."""
    sentences: list[str] = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        in_code = False
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            s = line.strip()
            if s.startswith("```"):
                in_code = not in_code
                continue
            if in_code or not s or s.startswith(("#", "---", "<", "|", "date ", "title:", "date:")):
                continue
            if len(s.split()) < 6:
                continue
            sentences.extend(p for p in SENT_SPLIT.split(s) if len(p.split()) >= 5)
    return sorted(set(sentences))


def build_corpus(n: int, seed: int = 20261123) -> list[tuple[str, str]]:
    """(date, text) pairs: articles of 300-900 words made of 2-5 sentence paragraphs."""
    rng = random.Random(seed)
    pool = fixture_sentences()
    if not pool:
        sys.exit("no fixture sentences found under fixtures/")
    corpus = []
    for i in range(n):
        target = rng.randint(300, 900)
        words, paras = 0, []
        while words < target:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            paras.append(para)
            words += len(para.split())
        year = rng.randint(2012, 2024)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        corpus.append((date, "\n\n".join(paras)))
    return corpus


def bench_throughput(corpus: list[tuple[str, str]], q3_fraction: float) -> dict:
    import numcheck
    from numcheck.config import DEFAULT

    words = sum(len(t.split()) for _, t in corpus)
    numcheck.check("Warm-up: revenue rose 12% to $56m.", published="2024-01-01")
    t0 = time.perf_counter()
    c0 = time.process_time()
    findings = claims = 0
    for date, text in corpus:
        r = numcheck.check(text, published=date, config=DEFAULT)
        findings += len(r.findings)
        claims += len(r.claims)
    nc_secs = time.perf_counter() - t0
    nc_cpu = time.process_time() - c0
    out = {"articles": len(corpus), "words": words, "numcheck_s": nc_secs,
           "numcheck_wps": words / nc_secs, "numcheck_cpu_s": nc_cpu, "numcheck_wpcs": words / nc_cpu,
           "findings": findings, "claims": claims}
    try:
        t_import = time.perf_counter()
        from quantulum3 import parser as q3
        q3.parse("warm up 5 km")
        out["quantulum3_import_s"] = time.perf_counter() - t_import
    except Exception as exc:  # pragma: no cover
        out["quantulum3_error"] = f"{type(exc).__name__}: {exc}"
        return out
    k = max(1, int(len(corpus) * q3_fraction))
    sub = corpus[:k]
    q_words = sum(len(t.split()) for _, t in sub)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _, text in sub:
        for para in text.split("\n\n"):
            q3.parse(para)
    q_secs = time.perf_counter() - t0
    q_cpu = time.process_time() - c0
    out.update({"quantulum3_articles": k, "quantulum3_words": q_words, "quantulum3_s": q_secs,
                "quantulum3_wps": q_words / q_secs, "quantulum3_wpcs": q_words / q_cpu})
    out["ratio"] = out["numcheck_wps"] / out["quantulum3_wps"]
    out["ratio_cpu"] = out["numcheck_wpcs"] / out["quantulum3_wpcs"]
    return out


def bench_scan(corpus: list[tuple[str, str]]) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="numcheck-bench-"))
    out = {}
    try:
        for mult in (1, 4):
            src = tmp / f"corpus-{mult}.jsonl"
            with open(src, "w", encoding="utf-8") as fh:
                for rep in range(mult):
                    for i, (date, text) in enumerate(corpus):
                        fh.write(json.dumps({"id": f"{rep}-{i}", "date": date, "text": text}) + "\n")
            dest = tmp / f"out-{mult}.jsonl"
            cmd = numcheck_cmd() + ["scan", str(src), "-o", str(dest), "-j", "1"]
            wall, mem, code = run_measured(cmd)
            rows = sum(1 for _ in open(dest, encoding="utf-8")) if dest.exists() else 0
            out[f"{len(corpus) * mult}_articles"] = {"wall_s": wall, "peak_mb": mem,
                                                      "rows": rows, "exit": code}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def bench_jobs(corpus: list[tuple[str, str]]) -> dict:
    """``numcheck check`` over a folder of the corpus's articles (one file each, with a
    date line), with one worker process and with one per core."""
    tmp = Path(tempfile.mkdtemp(prefix="numcheck-bench-"))
    out: dict = {}
    try:
        for i, (date, text) in enumerate(corpus):
            (tmp / f"article-{i:05d}.txt").write_text(f"date {date} {text}\n", encoding="utf-8")
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        words = sum(len(t.split()) for _, t in corpus)
        # -j 1, then the default (no -j: one worker per core), as a newsroom's CI runs it
        for jobs in (1, None):
            flag = ["-j", "1"] if jobs else []
            cmd = numcheck_cmd() + ["check", *flag, "--format", "json", str(tmp)]
            wall, mem, code, cpu = run_measured_cpu(cmd)
            if code not in (0, 1):
                sys.exit(f"numcheck failed with exit status {code}: {' '.join(cmd)}")
            out["j1" if jobs else "default"] = {"jobs": jobs or cores, "flag": " ".join(flag) or "(default)",
                                                "wall_s": wall, "cpu_s": cpu, "peak_mb": mem,
                                                "wps": words / wall}
        try:
            out["load_average"] = os.getloadavg()
        except OSError:  # pragma: no cover
            pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out["files"] = len(corpus)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--quick", action="store_true", help="100 articles, quantulum3 on a quarter")
    ap.add_argument("--only", choices=["cold", "throughput", "scan", "jobs"])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    n = 100 if args.quick else args.articles
    results: dict = {"python": sys.version.split()[0], "cores": os.cpu_count()}
    if args.only in (None, "cold"):
        results["cold_start"] = bench_cold()
    if args.only in (None, "throughput", "scan", "jobs"):
        corpus = build_corpus(n)
        if args.only in (None, "throughput"):
            results["throughput"] = bench_throughput(corpus, 0.25 if args.quick else 1.0)
        if args.only in (None, "scan"):
            results["scan"] = bench_scan(corpus)
        if args.only in (None, "jobs"):
            results["jobs"] = bench_jobs(corpus)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    if "cold_start" in results:
        c = results["cold_start"]
        print(f"cold start  {c['command']}")
        print(f"            median {c['wall_median_s']:.3f} s wall (min {c['wall_min_s']:.3f}), "
              f"median peak {c['peak_mb_median']:.0f} MB over {c['runs']} runs")
    if "throughput" in results:
        t = results["throughput"]
        print(f"throughput  {t['articles']} articles, {t['words']:,} words, every rule on: "
              f"numcheck {t['numcheck_wps']:,.0f} words/s ({t['numcheck_s']:.1f} s; "
              f"{t['claims']:,} claims, {t['findings']:,} findings); "
              f"{t['numcheck_wpcs']:,.0f} words per CPU-second")
        if "quantulum3_wps" in t:
            print(f"            quantulum3 {t['quantulum3_wps']:,.0f} words/s on {t['quantulum3_articles']} "
                  f"of the same articles ({t['quantulum3_s']:.1f} s; import {t['quantulum3_import_s']:.1f} s)")
            print(f"            ratio numcheck / quantulum3 = {t['ratio']:.1f}x "
                  f"(per CPU-second: {t['ratio_cpu']:.1f}x, quantulum3 {t['quantulum3_wpcs']:,.0f})")
        elif "quantulum3_error" in t:
            print(f"            quantulum3 unavailable: {t['quantulum3_error']}")
    if "scan" in results:
        for size, s in results["scan"].items():
            print(f"scan        {size.replace('_', ' ')}: {s['wall_s']:.1f} s, peak "
                  f"{s['peak_mb']:.0f} MB, {s['rows']:,} rows, exit {s['exit']}")
    if "jobs" in results:
        j = results["jobs"]
        runs = [j[k] for k in ("j1", "default")]
        base = runs[0]["wall_s"]
        q3 = results.get("throughput", {}).get("quantulum3_wps")
        for r in runs:
            vs = f"; {r['wps'] / q3:.1f}x quantulum3's words/s above" if q3 else ""
            print(f"jobs        numcheck check {r['flag']} ({r['jobs']} worker{'s' if r['jobs'] > 1 else ''}) "
                  f"on {j['files']} files: {r['wall_s']:.1f} s wall ({base / r['wall_s']:.2f}x), "
                  f"{r['cpu_s']:.1f} s CPU, peak {r['peak_mb']:.0f} MB, {r['wps']:,.0f} words/s{vs}")
        if "load_average" in j:
            print(f"            load average at the end {j['load_average'][0]:.2f} (other work on the machine "
                  f"skews wall times; CPU seconds are steadier)")


if __name__ == "__main__":
    main()
