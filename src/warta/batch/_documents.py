"""Input documents for batch runs: one reader per input format, each turning
one file's bytes into documents, so that an engine can hand whole files to
its workers (Spark's ``binaryFiles``) or read them in the driver (local).

Formats: page files (text dumps, HTML), JSONL (``{"url", "html"|"text"|"page"}``
per line, or warta records), CSV with a column mapping, WARC / WARC.gz
(``response`` records with HTML).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Document", "Dropped", "documents_from_file", "list_files"]

_PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
DEFAULT_CSV_MAP = {"headline": "judul", "published": "tanggal", "body": "isi_berita", "url": "tautan"}


@dataclass(frozen=True)
class Document:
    source: str  # where it came from: path, path#line, path#record
    page: bytes | str | None = None
    url: str | None = None
    record: dict | None = None  # an already-read warta record (JSONL of records)


@dataclass(frozen=True)
class Dropped:
    """An input item that is not an article (a 404 in a WARC, a broken line), and why."""

    source: str
    reason: str
    kind: str = "dropped"


@dataclass(frozen=True)
class InputOptions:
    csv_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CSV_MAP))


def list_files(inputs: Iterable[str]) -> list[str]:
    """Files named, and the files below folders named, in a stable order."""
    files: list[str] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files += sorted(str(p) for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            files.append(name)
    return files


def documents_from_file(path: str, data: bytes, options: InputOptions = InputOptions()) -> Iterator[Document | Dropped]:
    name = path.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from _warc(path, data)
    elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _jsonl(path, _gunzip(data) if name.endswith(".gz") else data)
    elif name.endswith(".csv"):
        yield from _csv(path, data, options.csv_map)
    else:
        yield Document(path, data)


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise ValueError(f"broken gzip: {exc}") from None


def _jsonl(path: str, data: bytes) -> Iterator[Document | Dropped]:
    for n, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}#{n}"
        try:
            obj = json.loads(line)
        except ValueError:
            yield Dropped(source, "not a JSON object", "failed")
            continue
        if not isinstance(obj, dict):
            yield Dropped(source, "not a JSON object", "failed")
        elif "paragraphs" in obj:
            yield Document(source, url=obj.get("url"), record=obj)
        else:
            page = obj.get("html") or obj.get("text") or obj.get("page")
            yield Document(source, page, obj.get("url")) if page else Dropped(source, "no html, text or page field", "failed")


def _csv(path: str, data: bytes, mapping: dict[str, str]) -> Iterator[Document | Dropped]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", "replace")))
    missing = [c for c in (mapping.get("body"),) if c not in (reader.fieldnames or [])]
    if missing:
        yield Dropped(path, f"CSV has no column {missing[0]!r} (columns: {', '.join(reader.fieldnames or [])})", "failed")
        return
    for n, row in enumerate(reader, 2):
        parts = [row.get(mapping.get(k, ""), "") or "" for k in ("headline", "published", "body")]
        yield Document(f"{path}#{n}", "\n\n".join(p for p in parts if p.strip()), row.get(mapping.get("url", "")) or None)


_WARC_TYPES = frozenset(
    "warcinfo response resource request metadata revisit conversion continuation".split()
)


def _warc(path: str, data: bytes) -> Iterator[Document | Dropped]:
    from warcio.archiveiterator import ArchiveIterator  # only WARC inputs need it

    n = 0
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type not in _WARC_TYPES:
                yield Dropped(f"{path}#{n}", f"broken WARC record: unknown type {record.rec_type!r}", "failed")
                return
            if record.rec_type == "response":
                yield _warc_response(f"{path}#{n}", record)
    except Exception as exc:  # warcio raises many kinds on damaged archives
        yield Dropped(f"{path}#{n + 1}", f"broken WARC record: {exc}", "failed")


def _warc_response(source: str, record) -> Document | Dropped:
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    status = http.get_statuscode() if http else None
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if status and status != "200":
        return Dropped(source, f"HTTP status {status}")
    if ctype and "html" not in ctype and "text" not in ctype:
        return Dropped(source, f"not HTML ({ctype.split(';')[0]})")
    payload = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # warcio hands out what a cut-off gzip member held, silently
        return Dropped(source, f"broken WARC record: truncated, {missing} of {record.length} bytes missing", "failed")
    return Document(source, payload, url)
