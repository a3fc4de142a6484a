"""Parquet output of the local engine, in the layout Spark writes:
``OUT/TABLE/part-NNNNN.parquet`` with the schemas of _tables, one part per
task and table, written by the worker that ran the task."""

from __future__ import annotations

from pathlib import Path

from ._tables import TABLES, Bundle, rows_of

__all__ = ["arrow_schema", "finish", "write_parts"]


def arrow_schema(table: str):
    import pyarrow as pa

    kinds = {"string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "list<string>": pa.list_(pa.string())}
    return pa.schema([(name, kinds[kind]) for name, kind in TABLES[table]])


def write_parts(out: Path, task: int, bundles: list[Bundle]) -> None:
    for table in TABLES:
        rows = rows_of(bundles, table)
        if rows:
            _write(out / table / f"part-{task:05d}.parquet", table, rows)


def finish(out: Path) -> None:
    """Every table gets a folder with at least one (maybe empty) file, and a
    _SUCCESS marker, as Spark leaves them."""
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        if not any(folder.glob("*.parquet")):
            _write(folder / "part-00000.parquet", table, [])
        (folder / "_SUCCESS").touch()


def _write(path: Path, table: str, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), path)
