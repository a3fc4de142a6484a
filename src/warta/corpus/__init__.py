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

__all__ = ["EntityCount", "EntityProfile", "Facets", "Headline", "IngestError", "QueryError", "QuoteHit",
           "ResultPage", "Store", "StoreError", "article_id", "normalise_url", "query_terms", "stem"]

#: Loaded on first use, from the module that defines each.
_LAZY = {"Store": "_store", "EntityCount": "_facts", "QuoteHit": "_facts", "EntityProfile": "_browse",
         "Facets": "_browse", "Headline": "_browse", "ResultPage": "_browse", "stem": "_stem"}


def query_terms(query: str) -> frozenset[str]:
    """The index forms of a query's words (those not under NOT): what a
    snippet marks. Raises ``QueryError`` for a query that cannot be parsed."""
    from ._query import parse_query

    return parse_query(query).terms


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
