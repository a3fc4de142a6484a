"""WARC and WARC.gz (Common Crawl's CC-NEWS shape) through warcio: each
``response`` record with an HTML or text payload is one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ._errors import IngestError
from ._sources import Document

__all__ = ["warc_documents"]


def warc_documents(path: Path) -> Iterator[Document]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise IngestError(f"{path}: reading WARC needs warcio (pip install 'warta[corpus]')") from exc
    number = 0
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                if record.rec_type != "response" or not _is_page(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield Document("page", record.content_stream().read(), f"{path}#record {number}", url)
        except (ArchiveLoadFailed, Exception) as exc:
            # The archive is cut or corrupt from here on (warcio then raises
            # whatever the broken bytes provoke): what came before stays.
            yield Document("broken", f"broken WARC: cut or corrupt after record {number}: {exc}", f"{path}#record {number + 1}")


def _is_page(record) -> bool:
    http = record.http_headers
    kind = (http.get_header("Content-Type") if http else "") or ""
    return not kind or "html" in kind or kind.startswith("text/")
