"""Inputs of ``ingest`` turned into documents: text and HTML files, folders
of them, JSONL, CSV with a column mapping, WARC and WARC.gz.

A ``Document`` carries what a worker needs to read it, where it came from
(for the failures table) and a digest of its content (so a rerun skips what
was already ingested). An input that cannot be used at all (an unknown
column, a missing file) raises ``IngestError``; a broken document inside an
input becomes a failed document, and the input goes on.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ._errors import IngestError

__all__ = ["Document", "documents", "parse_csv_map"]

PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
FIELDS = ("headline", "published", "body", "url", "outlet")


@dataclass(frozen=True)
class Document:
    kind: str  # "page" (text or HTML to read), "jsonl" (a line to parse), "broken"
    payload: str | bytes  # for "broken": why
    source: str  # "path", "path:line 3", "path#record 12"
    url: str | None = None

    @cached_property
    def digest(self) -> str:
        data = self.payload if isinstance(self.payload, bytes) else self.payload.encode("utf-8", "replace")
        return hashlib.blake2b(f"{self.kind}\0{self.url}\0".encode() + data, digest_size=16).hexdigest()


def parse_csv_map(text: str | None) -> dict[str, str]:
    """``headline=judul,published=tanggal`` -> {field: column}."""
    mapping = {f: f for f in FIELDS}
    for pair in filter(None, (p.strip() for p in (text or "").split(","))):
        field, sep, column = pair.partition("=")
        if not sep or field.strip() not in FIELDS:
            raise IngestError(f"--csv-map: {pair!r} is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        mapping[field.strip()] = column.strip()
    return mapping


def documents(paths: list[str | Path], csv_map: dict[str, str] | None = None) -> Iterator[Document]:
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _known(p)):
                yield from _one_input(child, csv_map)
        elif path.is_file():
            yield from _one_input(path, csv_map)
        else:
            raise IngestError(f"{path}: no such file or folder")


def _known(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".parquet"):  # of `warta batch` output, the articles table holds whole records
        return path.parent.name == "articles"
    return name.endswith(PAGE_SUFFIXES + (".jsonl", ".ndjson", ".csv", ".warc", ".warc.gz"))


def _one_input(path: Path, csv_map: dict[str, str] | None) -> Iterator[Document]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        yield from _jsonl(path)
    elif name.endswith(".csv"):
        yield from _csv(path, csv_map or parse_csv_map(None))
    elif name.endswith((".warc", ".warc.gz")):
        from ._warc import warc_documents

        yield from warc_documents(path)
    elif name.endswith(".parquet"):
        yield from _batch_articles(path)
    else:
        yield Document("page", path.read_bytes(), str(path))


def _batch_articles(path: Path) -> Iterator[Document]:
    """Rows of a ``warta batch`` articles table: each carries its whole record."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path, columns=["record", "url"])
    except Exception as exc:  # pyarrow raises many kinds on a damaged or foreign file
        yield Document("broken", f"not a warta batch articles table: {exc}", str(path))
        return
    for number, (record, url) in enumerate(zip(table["record"].to_pylist(), table["url"].to_pylist(), strict=True)):
        yield Document("jsonl", record, f"{path}#row {number}", url)


def _jsonl(path: Path) -> Iterator[Document]:
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield Document("jsonl", line, f"{path}:line {number}")


def _csv(path: Path, mapping: dict[str, str]) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KB default
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        header = set(reader.fieldnames or ())
        if mapping["body"] not in header:
            raise IngestError(f"{path}: no column {mapping['body']!r} for the body "
                              f"(columns: {', '.join(sorted(header)) or 'none'}); use --csv-map body=COLUMN")
        present = {f: c for f, c in mapping.items() if c in header}
        for number, row in enumerate(reader, 2):
            url = (row.get(present.get("url", ""), "") or "").strip() or None
            page = "\n\n".join(row.get(present[f]) or "" for f in ("headline", "published", "body") if f in present)
            yield Document("page", page, f"{path}:line {number}", url)
