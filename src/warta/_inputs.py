"""Input documents for the commands that read many: ``warta ingest`` and
``warta batch``. One reader per format, each over a binary stream, so a file
on disk is streamed (ingest) and a whole file's bytes from Spark's
``binaryFiles`` are read the same way.

Formats: page files (text dumps, HTML), JSONL (a warta record per line, or
``{"url", "html"|"text"|"page", "outlet"}``; also ``.jsonl.gz``), CSV with a
column mapping, WARC / WARC.gz (``response`` records; Common Crawl's CC-NEWS
shape), and the articles table of a ``warta batch`` run (Parquet).

A broken item inside an input (a bad JSONL line, a cut WARC record) is a
``Dropped`` with its reason, and the input goes on; an item that is not an
article (a 404 in a WARC) is a ``Dropped`` of kind "dropped". An input that
cannot be used at all (a CSV without the body column) raises ``IngestError``.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

from ._errors import IngestError

__all__ = ["FIELDS", "Document", "Dropped", "documents", "is_page", "list_files", "parse_csv_map", "read_inputs",
           "read_path", "resolved"]

PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
FIELDS = ("headline", "published", "body", "url", "outlet")
#: Truncated WARC records and the like: "failed"; a record that is no article: "dropped".
FAILED, DROPPED = "failed", "dropped"


@dataclass(frozen=True)
class Document:
    source: str  # where it came from: "path", "path#3" (line, row or record)
    page: bytes | str | None = None  # a page to read: a text dump or HTML
    url: str | None = None
    outlet: str | None = None
    record: dict | None = None  # a warta record, already read
    #: A JSONL line as written: alone, not parsed yet (``resolved`` parses it
    #: where the document is read, a worker, so the process that lists the
    #: documents does not); beside ``record``, what it was parsed from.
    written: str | None = None

    @cached_property
    def digest(self) -> str:
        """Of the content, so a rerun skips what was already ingested; a
        JSONL line as written (the same before and after it is parsed)."""
        if self.written is not None:
            return _digest(None, None, self.written)
        content = json.dumps(self.record, sort_keys=True) if self.record is not None else self.page or ""
        return _digest(self.url, self.outlet, content)


def resolved(doc: Document | Dropped) -> Document | Dropped:
    """A document whose JSONL line is not parsed yet, parsed: a record, a
    page, or a ``Dropped`` saying why not; any other as it is."""
    if isinstance(doc, Document) and doc.written is not None and doc.record is None and doc.page is None:
        return _jsonl_document(doc.source, doc.written)
    return doc


def is_page(doc: Document | Dropped) -> bool:
    """Whether a resolved document is a page still to read (not a record, not dropped)."""
    return isinstance(doc, Document) and doc.record is None


@dataclass(frozen=True)
class Dropped:
    """An input item that is not an article, or is broken, and why."""

    source: str
    reason: str
    kind: str = DROPPED

    @property
    def digest(self) -> str:
        return _digest(self.source, self.kind, self.reason)


def _digest(*parts: str | bytes | None) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "replace"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def parse_csv_map(text: str | None, default: dict[str, str] | None = None) -> dict[str, str]:
    """``headline=judul,published=tanggal`` -> {field: column}, over ``default``
    (each field named after itself when none is given)."""
    mapping = dict(default or {f: f for f in FIELDS})
    for pair in filter(None, (p.strip() for p in (text or "").split(","))):
        field, sep, column = pair.partition("=")
        if not sep or field.strip() not in FIELDS:
            raise IngestError(f"--csv-map: {pair!r} is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}")
        mapping[field.strip()] = column.strip()
    return mapping


def list_files(inputs: Iterable[str | Path]) -> list[Path]:
    """The files named, and the readable files below the folders named, in a
    stable order; a name that is neither raises ``IngestError``."""
    files: list[Path] = []
    for path in map(Path, inputs):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
        elif path.is_file():
            files.append(path)
        else:
            raise IngestError(f"{path}: no such file or folder")
    return files


def _known(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith("."):
        return False
    if name.endswith(".parquet"):  # of `warta batch` output, the articles table holds whole records
        return path.parent.name == "articles"
    return name.endswith(PAGE_SUFFIXES + (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".warc", ".warc.gz"))


def read_inputs(inputs: Iterable[str | Path], csv_map: dict[str, str]) -> Iterator[Document | Dropped]:
    """The documents of every file and folder named, in order."""
    for path in list_files(inputs):
        yield from read_path(path, csv_map)


def read_path(path: Path, csv_map: dict[str, str]) -> Iterator[Document | Dropped]:
    """The documents of one file, streamed; a file that cannot be opened is one ``Dropped``."""
    try:
        with path.open("rb") as stream:
            yield from documents(str(path), stream, csv_map)
    except OSError as exc:
        yield Dropped(str(path), f"cannot read: {exc.strerror or exc}", FAILED)


def documents(name: str, stream: BinaryIO, csv_map: dict[str, str]) -> Iterator[Document | Dropped]:
    """The documents of one input called ``name`` (its suffix picks the format)."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz")):
        yield from _warc(name, stream)
    elif lower.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        yield from _jsonl(name, gzip.open(stream) if lower.endswith(".gz") else stream)
    elif lower.endswith(".csv"):
        yield from _csv(name, stream, csv_map)
    elif lower.endswith(".parquet"):
        yield from _batch_articles(name, stream)
    else:
        yield Document(name, stream.read())


def _jsonl(name: str, stream: BinaryIO) -> Iterator[Document | Dropped]:
    lines = io.TextIOWrapper(stream, encoding="utf-8", errors="replace")
    try:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield Document(f"{name}#{number}", written=line.strip())
    except (OSError, EOFError) as exc:  # a cut or corrupt .jsonl.gz: what came before stays
        yield Dropped(name, f"broken gzip: {exc}", FAILED)


def _jsonl_document(source: str, line: str) -> Document | Dropped:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Dropped(source, f"not JSON: {exc}", FAILED)
    if not isinstance(obj, dict):
        return Dropped(source, "not a JSON object", FAILED)
    written = line.strip()
    if "paragraphs" in obj:
        return Document(source, url=obj.get("url"), record=obj, written=written)
    page = obj.get("html") or obj.get("text") or obj.get("page")
    if not isinstance(page, str) or not page:
        return Dropped(source, "a JSONL line needs a warta record, or 'html', 'text' or 'page'", FAILED)
    outlet = obj.get("outlet") if isinstance(obj.get("outlet"), str) else None
    return Document(source, page, obj.get("url"), outlet, written=written)


def _csv(name: str, stream: BinaryIO, mapping: dict[str, str]) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KB default
    reader = csv.DictReader(io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline=""))
    header = set(reader.fieldnames or ())
    if mapping["body"] not in header:
        raise IngestError(f"{name}: no column {mapping['body']!r} for the body "
                          f"(columns: {', '.join(sorted(header)) or 'none'}); use --csv-map body=COLUMN")
    present = {f: c for f, c in mapping.items() if c in header}
    for number, row in enumerate(reader, 2):
        url = (row.get(present.get("url", ""), "") or "").strip() or None
        parts = [row.get(present[f]) or "" for f in ("headline", "published", "body") if f in present]
        yield Document(f"{name}#{number}", "\n\n".join(p for p in parts if p.strip()), url)


def _batch_articles(name: str, stream: BinaryIO) -> Iterator[Document | Dropped]:
    """Rows of a ``warta batch`` articles table: each carries its whole record."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(stream, columns=["record"])
    except Exception as exc:  # pyarrow raises many kinds on a damaged or foreign file
        yield Dropped(name, f"not a warta batch articles table: {exc}", FAILED)
        return
    for number, record in enumerate(table["record"].to_pylist()):
        yield _jsonl_document(f"{name}#{number}", record) if record else Dropped(f"{name}#{number}", "no record", FAILED)


_WARC_TYPES = frozenset("warcinfo response resource request metadata revisit conversion continuation".split())


def _warc(name: str, stream: BinaryIO) -> Iterator[Document | Dropped]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise IngestError(f"{name}: reading WARC needs warcio (pip install warcio)") from exc
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), 1):
            if record.rec_type not in _WARC_TYPES:
                yield Dropped(f"{name}#{number}", f"broken WARC record: unknown type {record.rec_type!r}", FAILED)
                return
            if record.rec_type == "response":
                yield _warc_response(f"{name}#{number}", record)
    except Exception as exc:  # warcio raises many kinds on damaged archives; what came before stays
        yield Dropped(f"{name}#{number + 1}", f"broken WARC: cut or corrupt after record {number}: {exc}", FAILED)


def _warc_response(source: str, record) -> Document | Dropped:
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    status = http.get_statuscode() if http else None
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if status and status != "200":
        return Dropped(source, f"HTTP status {status}")
    if ctype and "html" not in ctype and not ctype.startswith("text/"):
        return Dropped(source, f"not HTML ({ctype.split(';')[0]})")
    payload = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # warcio hands out what a cut-off gzip member held, silently
        return Dropped(source, f"broken WARC record: truncated, {missing} of {record.length} bytes missing", FAILED)
    return Document(source, payload, url)
