"""``export``: the stored articles as JSONL (full records), CSV or Parquet
(flat columns plus the full record as JSON). Parquet needs pyarrow
(``pip install 'warta[parquet]'``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ._errors import StoreError

__all__ = ["FORMATS", "export"]

FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = ("id", "duplicate_of", "url", "outlet", "published", "label", "language", "headline",
           "authors", "body")


def export(store, fmt: str, out: str | Path, *, originals_only: bool = False) -> Path:
    """Write ``articles.<fmt>`` into the folder ``out``; returns its path."""
    if fmt not in FORMATS:
        raise StoreError(f"export: unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"articles.{fmt}"
        {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}[fmt](store.records(originals_only=originals_only), path)
    except OSError as exc:
        raise StoreError(f"export: cannot write {folder}: {exc}") from exc
    return path


def flat(record: dict) -> dict:
    outlet = record.get("outlet") or {}
    row = {c: record.get(c) for c in COLUMNS}
    row.update(outlet=outlet.get("name"), authors="; ".join(record.get("authors") or []),
               body="\n\n".join(record.get("paragraphs") or []))
    return row


def _jsonl(records, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _csv(records, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(flat(r) for r in records)


def _parquet(records, path: Path, batch: int = 10_000) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError("export --format parquet needs pyarrow: pip install 'warta[parquet]'") from exc
    schema = pa.schema([(c, pa.string()) for c in (*COLUMNS, "record")])
    with pq.ParquetWriter(path, schema) as writer:
        rows = []
        for record in records:
            rows.append({**flat(record), "record": json.dumps(record, ensure_ascii=False)})
            if len(rows) == batch:
                writer.write_table(pa.Table.from_pylist(rows, schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema))
