"""The one function both engines run on their workers: documents in, one
bundle of rows per document out. No engine code here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .._article import Article
from .._errors import WartaError
from .._inputs import is_page, resolved
from .._read import read_many
from .._settings import Settings
from ._documents import Document, Dropped
from ._tables import Bundle, article_bundle, error_bundle

__all__ = ["process"]

#: Documents whose stages run together (``read_many``: the entity stage shares
#: its model's work between them, ~10% less CPU a page; docs/ner.md).
CHUNK = 8


def process(items: Iterable[Document | Dropped], settings: Settings) -> Iterator[Bundle]:
    iterator = iter(items)
    while chunk := [resolved(item) for item in islice(iterator, CHUNK)]:  # a JSONL line is parsed here
        pages = [d for d in chunk if is_page(d)]
        read_in = iter(read_many([(d.page, d.url, d.outlet) for d in pages], settings=settings))
        for item in chunk:
            yield _bundle(item, next(read_in) if is_page(item) else None)


def _bundle(item: Document | Dropped, read_in: Article | Exception | None) -> Bundle:
    if isinstance(item, Dropped):
        return error_bundle(item.source, item.kind, item.reason)
    try:
        if isinstance(read_in, Exception):
            raise read_in
        return article_bundle(read_in or Article.from_dict(item.record), item.source)
    except WartaError as exc:
        return error_bundle(item.source, "failed", str(exc))
    except Exception as exc:  # a bug on one page must not kill a job of millions
        return error_bundle(item.source, "crashed", f"{type(exc).__name__}: {exc}")
