"""Both cores for independent files: one worker process per file, results taken back in order.

The ARCEP files of a region are one per département: parsing them is most of an import and each
file is independent, so they are parsed in worker processes while the caller merges the results in
the files' order — the same result as one file after the other. Workers are forked (Linux, where
the plugin's users are): they inherit the loaded modules and run pandas/numpy only, never Qt.
Where fork is not available, with one core or one file, everything runs in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable, Iterable, Iterator

from .feedback import check_canceled

_in_worker = False  # set in the worker processes: what they run stays in them (no nested pools)
WORKERS_VARIABLE = "SCORAN_WORKERS"  # an administrator's cap on the worker processes (1: none)


def available_cores() -> int:
    """Cores this process may use (its CPU affinity), capped by $SCORAN_WORKERS when set."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    cap = os.environ.get(WORKERS_VARIABLE, "").strip()
    return max(min(cores, int(cap)), 1) if cap.isdigit() else cores


def map_in_order(function: Callable, items: Iterable, workers: int | None = None, feedback=None) -> Iterator:
    """Yield `function(item)` for each item, in the items' order, computed by up to `workers` processes.

    `function` must be a module-level function whose arguments and result pickle. An exception in
    a worker is raised here, as in the sequential path. Between results the caller's feedback is
    checked: a cancel stops the pending files.
    """
    items = list(items)
    workers = min(available_cores() if workers is None else max(int(workers), 1), len(items))
    if workers <= 1 or _in_worker or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            if feedback is not None:
                check_canceled(feedback)
            yield function(item)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_mark_worker)
    try:
        with warnings.catch_warnings():
            # Python ≥ 3.12 warns about fork in a threaded process: the workers touch no thread's state
            warnings.simplefilter("ignore", DeprecationWarning)
            futures = [pool.submit(function, item) for item in items]
        for future in futures:
            yield _wait(future, feedback)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _mark_worker() -> None:
    global _in_worker
    _in_worker = True


def _wait(future, feedback):
    """The future's result, checking the feedback's cancel button while it runs."""
    while True:
        if feedback is not None:
            check_canceled(feedback)
        try:
            return future.result(timeout=0.25)
        except FutureTimeout:
            continue
