"""Batch runs: many inputs in, Parquet tables out, on the local engine
(worker processes) or on Apache Spark. The stages are the same on both."""

from __future__ import annotations

from pathlib import Path

from .._errors import WartaError
from .._settings import DEFAULT, Settings
from ._documents import DEFAULT_CSV_MAP, InputOptions
from ._report import Report
from ._tables import TABLES

__all__ = ["DEFAULT_CSV_MAP", "InputOptions", "Report", "TABLES", "run_batch"]

ENGINES = ("local", "spark")


def run_batch(inputs: list[str], out: str | Path, *, engine: str = "local", workers: int | None = None,
              master: str | None = None, partitions: int | None = None, settings: Settings = DEFAULT,
              options: InputOptions | None = None, progress=None) -> Report:
    """Read every document of ``inputs`` and write the tables of _tables under ``out``."""
    options = options or InputOptions()
    if engine == "local":
        from ._local import run_local

        missing = [i for i in inputs if not Path(i).exists()]
        if missing:
            raise WartaError(f"no such input: {missing[0]}")
        return run_local([str(Path(i).resolve()) for i in inputs], Path(out), workers=workers,
                         settings=settings, options=options, progress=progress)
    if engine == "spark":
        from ._spark import run_spark

        return run_spark(inputs, str(out), master=master, partitions=partitions, settings=settings, options=options)
    raise WartaError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
