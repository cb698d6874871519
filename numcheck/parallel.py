"""Many files: worker processes, results in input order, an optional progress bar.

``run_parallel(func, jobs, n_jobs=N, progress=...)`` returns ``[func(j) for j in jobs]``,
in the same order whatever ``N``:

- ``N`` None or 0 means the number of usable cores (negative: all but ``-N - 1``); ``N == 1``, or fewer than
  ``MIN_PARALLEL`` jobs, runs in this process (no start-up cost for small runs);
- otherwise a ``ProcessPoolExecutor`` runs the jobs in chunks (a few chunks per worker,
  so a slow file does not hold a whole share of the work).  Each worker is initialised
  once (the rule registry and engine imported) and keeps its caches (unit registry,
  exchange rates) warm across its chunks.  On Linux workers are forked from this
  process, so rules registered at run time are there too.
- ``progress=True`` shows a rich progress bar on stderr (the caller decides: only on a
  terminal).
"""
from __future__ import annotations

import copyreg
import os
from types import MappingProxyType
from typing import Callable, Sequence, TypeVar

J = TypeVar("J")
R = TypeVar("R")



def _mappingproxy(d: dict) -> MappingProxyType:
    return MappingProxyType(d)


def _reduce_mappingproxy(m: MappingProxyType) -> tuple:
    return _mappingproxy, (dict(m),)


# Results carry read-only mappings (Claim.extra, Config fields): let them cross processes.
copyreg.pickle(MappingProxyType, _reduce_mappingproxy)

MIN_PARALLEL = 8        # fewer jobs than this run in-process
CHUNKS_PER_WORKER = 4
MAX_CHUNK = 32


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def effective_workers(n_jobs: int | None, n_items: int) -> int:
    """How many processes to use for ``n_items`` jobs (1 = in process)."""
    cores = available_cores()
    if not n_jobs:
        n = cores
    elif n_jobs < 0:  # as joblib: -1 all cores, -2 all but one
        n = max(1, cores + 1 + n_jobs)
    else:
        n = n_jobs
    if n <= 1 or n_items < MIN_PARALLEL:
        return 1
    return min(n, n_items)


def chunk_size(n_items: int, workers: int) -> int:
    return max(1, min(MAX_CHUNK, -(-n_items // (workers * CHUNKS_PER_WORKER))))


def _warm_worker() -> None:
    """Worker initializer: import what every job needs once per process."""
    try:
        from numcheck import engine  # noqa: F401
        from numcheck import rules
        rules.load()
    except Exception:  # a broken import shows up, with its message, in the job itself
        pass


_WARM_TEXT = ("LONDON, Jan. 6, 2020 — Acme Corp said on Monday that sales rose 5% to $10m (£7.6m) last "
              "year, up from 9.5 million, according to its annual report. Its 1,200 staff, 30 km away, "
              "will get 2 days off, chief executive Jo Bell, 52, told Reuters.")


def _warm_parent() -> None:
    """Check a short text in this process before forking: the vocabularies and patterns
    every document needs are then built once, here, and each worker starts with them
    (and this process's pattern cache learns them too)."""
    try:
        import numcheck
        numcheck.check(_WARM_TEXT)
    except Exception:
        pass


def _run_chunk(func: Callable[[J], R], chunk: Sequence[J]) -> list[R]:
    return [func(job) for job in chunk]


class _Bar:
    """A rich progress bar on stderr, or nothing."""

    def __init__(self, total: int, enabled: bool) -> None:
        self._progress = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task("check", total=total)

    def __enter__(self) -> "_Bar":
        if self._progress is not None:
            self._progress.start()
        return self

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _context():
    """``fork`` on Linux (cheap start, inherits the loaded rules); the platform's default
    elsewhere (macOS and Windows spawn, and workers import what they need)."""
    import multiprocessing as mp
    import sys
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return None


def run_parallel(func: Callable[[J], R], jobs: Sequence[J], *, n_jobs: int | None = None,
                 progress: bool = False) -> list[R]:
    jobs = list(jobs)
    workers = effective_workers(n_jobs, len(jobs))
    if workers == 1:
        out: list[R] = []
        with _Bar(len(jobs), progress) as bar:
            for job in jobs:
                out.append(func(job))
                bar.advance()
        return out

    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    size = chunk_size(len(jobs), workers)
    starts = list(range(0, len(jobs), size))
    results: list[list[R] | None] = [None] * len(starts)
    # warm the parent first: forked workers then start with everything imported and built
    _warm_worker()
    if _context() is not None:
        _warm_parent()
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_warm_worker)
    try:
        futures = {executor.submit(_run_chunk, func, jobs[s:s + size]): i for i, s in enumerate(starts)}
        pending = set(futures)
        with _Bar(len(jobs), progress) as bar:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    i = futures[fut]
                    results[i] = fut.result()  # re-raises a worker's exception here
                    bar.advance(len(results[i]))
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return [r for chunk in results for r in chunk]  # type: ignore[union-attr]
