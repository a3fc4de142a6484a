"""The local engine: worker processes on this machine (``multiprocessing``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from .._settings import Settings
from ._documents import Document, Dropped, InputOptions, documents_from_file, list_files
from ._parquet import ParquetWriter
from ._process import process
from ._report import Report

__all__ = ["run_local"]

_BATCH = 32  # documents per task: large enough to amortise pickling


def run_local(inputs: list[str], out: Path, *, workers: int | None, settings: Settings,
              options: InputOptions, progress=None) -> Report:
    writer, report = ParquetWriter(out), Report()
    batches = _batches(_documents(inputs, options), _BATCH)
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        results = (list(process(b, settings)) for b in batches)
        _collect(results, writer, report, progress)
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(_process_batch, batches, _repeat(settings), chunksize=1)
            _collect(results, writer, report, progress)
    writer.close()
    return report


def _collect(results, writer: ParquetWriter, report: Report, progress) -> None:
    for rows in results:
        for table, row in rows:
            writer.add(table, row)
            report.count(table, row)
        if progress:
            progress(report)


def _process_batch(batch: list, settings: Settings) -> list:
    return list(process(batch, settings))


def _documents(inputs: list[str], options: InputOptions) -> Iterator[Document | Dropped]:
    for path in list_files(inputs):
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            yield Dropped(path, f"cannot read: {exc.strerror or exc}", "failed")
            continue
        try:
            yield from documents_from_file(path, data, options)
        except ValueError as exc:
            yield Dropped(path, str(exc), "failed")


def _batches(items, size: int) -> Iterator[list]:
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _repeat(value):
    while True:
        yield value
