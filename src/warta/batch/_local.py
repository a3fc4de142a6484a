"""The local engine: worker processes on this machine. The driver reads the
inputs into batches of documents; each worker reads its batch and writes its
own part files (nothing but counts comes back), as Spark's executors do."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import islice
from pathlib import Path

from .._errors import WartaError
from .._inputs import FAILED, Document, Dropped, list_files, read_path
from .._settings import Settings
from ._documents import InputOptions
from ._parquet import finish, write_parts
from ._process import process
from ._report import Report

__all__ = ["run_local"]

_BATCH = 200  # documents per task: large enough for few part files, small enough to balance


def run_local(inputs: list[str], out: Path, *, workers: int | None, settings: Settings,
              options: InputOptions, progress=None) -> Report:
    _clear(out)
    tasks = enumerate(_batches(_documents(inputs, options), _BATCH))
    workers = workers or os.cpu_count() or 1
    report = Report()
    if workers == 1:
        results = (_run_task(task, out, settings) for task in tasks)
        _collect(results, report, progress)
    else:
        with ProcessPoolExecutor(workers) as pool:
            _collect(_bounded(pool, tasks, out, settings, 2 * workers), report, progress)
    finish(out)
    return report


def _run_task(task: tuple[int, list], out: Path, settings: Settings) -> Report:
    index, batch = task
    bundles = list(process(batch, settings))
    write_parts(out, index, bundles)
    report = Report()
    for bundle in bundles:
        report.add(bundle)
    return report


def _bounded(pool, tasks, out: Path, settings: Settings, window: int) -> Iterator[Report]:
    """Results as tasks finish, with at most ``window`` in flight, so that a
    large input is never read into memory ahead of the workers."""
    running = set()
    for task in tasks:
        running.add(pool.submit(_run_task, task, out, settings))
        if len(running) >= window:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
    for future in running:
        yield future.result()


def _collect(results, report: Report, progress) -> None:
    for part in results:
        report.merge(part)
        if progress:
            progress(report)


def _clear(out: Path) -> None:
    # Overwrite, as Spark's mode("overwrite") does: stale parts must not mix in.
    from ._tables import TABLES

    for table in TABLES:
        shutil.rmtree(out / table, ignore_errors=True)


def _documents(inputs: list[str], options: InputOptions) -> Iterator[Document | Dropped]:
    """Files are streamed; an unusable one is a ``Dropped`` and the run goes on."""
    for path in list_files(inputs):
        try:
            yield from read_path(path, options.csv_map)
        except WartaError as exc:
            yield Dropped(str(path), str(exc), FAILED)


def _batches(items, size: int) -> Iterator[list]:
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch
