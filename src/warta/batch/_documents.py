"""Batch inputs: the shared readers of ``warta._inputs`` over whole files'
bytes (what Spark's ``binaryFiles`` hands a worker), with the batch defaults."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from .._errors import WartaError
from .._inputs import FAILED, Document, Dropped, documents

__all__ = ["DEFAULT_CSV_MAP", "Document", "Dropped", "InputOptions", "documents_from_file"]

#: Detik's CSV columns, the CSV most users of batch runs start from.
DEFAULT_CSV_MAP = {"headline": "judul", "published": "tanggal", "body": "isi_berita", "url": "tautan"}


@dataclass(frozen=True)
class InputOptions:
    csv_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CSV_MAP))


def documents_from_file(path: str, data: bytes, options: InputOptions = InputOptions()) -> Iterator[Document | Dropped]:
    """The documents of one file; an unusable file is one ``Dropped``, so a run goes on."""
    try:
        yield from documents(path, io.BytesIO(data), options.csv_map)
    except WartaError as exc:
        yield Dropped(path, str(exc), FAILED)
