"""The one function both engines run on their workers: documents in, one
bundle of rows per document out. No engine code here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .._errors import WartaError
from .._inputs import resolved
from .._read import read
from .._settings import Settings
from ._documents import Document, Dropped
from ._tables import Bundle, article_bundle, error_bundle

__all__ = ["process"]

def process(items: Iterable[Document | Dropped], settings: Settings) -> Iterator[Bundle]:
    for item in items:
        item = resolved(item)  # a JSONL line is parsed here, on the worker
        if isinstance(item, Dropped):
            yield error_bundle(item.source, item.kind, item.reason)
            continue
        try:
            yield article_bundle(_article(item, settings), item.source)
        except WartaError as exc:
            yield error_bundle(item.source, "failed", str(exc))
        except Exception as exc:  # a bug on one page must not kill a job of millions
            yield error_bundle(item.source, "crashed", f"{type(exc).__name__}: {exc}")


def _article(doc: Document, settings: Settings):
    if doc.record is not None:
        from .._article import Article

        return Article.from_dict(doc.record)
    return read(doc.page, url=doc.url, settings=settings)
