"""Parquet output of the local engine, in the layout Spark writes:
``OUT/TABLE/part-NNNNN.parquet`` with the schemas of _tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._tables import TABLES

__all__ = ["ParquetWriter", "arrow_schema"]

_FLUSH_ROWS = 20_000  # rows held per table before a part file is written


def arrow_schema(table: str):
    import pyarrow as pa

    kinds = {"string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "list<string>": pa.list_(pa.string())}
    return pa.schema([(name, kinds[kind]) for name, kind in TABLES[table]])


class ParquetWriter:
    def __init__(self, out: Path):
        self.out = out
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.parts: dict[str, int] = dict.fromkeys(TABLES, 0)
        for table in TABLES:
            (out / table).mkdir(parents=True, exist_ok=True)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.buffers[table].append(row)
        if len(self.buffers[table]) >= _FLUSH_ROWS:
            self._flush(table)

    def close(self) -> None:
        for table in TABLES:
            if self.buffers[table] or not self.parts[table]:
                self._flush(table)  # every table gets a file, empty or not
            (self.out / table / "_SUCCESS").touch()

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = pa.Table.from_pylist(self.buffers[table], schema=arrow_schema(table))
        pq.write_table(data, self.out / table / f"part-{self.parts[table]:05d}.parquet")
        self.parts[table] += 1
        self.buffers[table] = []
