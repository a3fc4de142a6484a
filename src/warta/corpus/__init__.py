"""The corpus: many articles in one store, ingested in parallel, searched with
Indonesian morphology, duplicates linked to their original.

    >>> from warta.corpus import Store
    >>> with Store("warta.db") as store:
    ...     hits = store.search("kunjungan Kim ke Rusia", since="2019-03-01")

``Store`` is imported on first use: ``warta`` loads this package for its
commands, and ``warta read`` should not pay for numpy and the lemma dictionary.
"""

from ._errors import IngestError, QueryError, StoreError
from ._ids import article_id, normalise_url

__all__ = ["IngestError", "QueryError", "Store", "StoreError", "article_id", "normalise_url"]


def __getattr__(name: str):
    if name == "Store":
        from ._store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
