"""A bounded cache of search pages that the store's writes invalidate.

Analysts repeat searches and page through them, and a search page costs
10-20 ms of CPU where a cached one costs well under one. A cached page must
never hide an article stored since, so every lookup first asks whether the
store changed:

- SQLite: ``PRAGMA data_version`` changes when a connection other than
  the one asking commits (another thread or process, ``warta ingest``, this
  app's own writes). The cache keeps one connection of its own for asking,
  so it sees every write, and any change empties the cache.
- PostgreSQL has no such counter per session, so there a page lives
  ``TTL_SECONDS`` at most (and this app's own writes empty the cache).

Each worker process has its own cache; entries are bounded in number
(``MAX_PAGES``) and hold one page of hits each (at most 50 snippets).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from urllib.request import pathname2url

from ..corpus._db import SQLITE
from ._data import Corpus, SearchFilters, SearchPage

__all__ = ["CachedCorpus", "MAX_PAGES", "TTL_SECONDS"]

#: Pages kept per process: ~2,000 x ~10 KiB = ~20 MiB at most.
MAX_PAGES = 2_000
#: How long a page lives on PostgreSQL, which cannot tell us about writes.
TTL_SECONDS = 10.0


class CachedCorpus:
    """``Corpus`` with its searches cached; everything else passes through."""

    def __init__(self, corpus: Corpus, *, max_pages: int = MAX_PAGES, ttl: float = TTL_SECONDS):
        self._corpus = corpus
        self._max_pages = max_pages
        self._ttl = ttl
        self._pages: OrderedDict[tuple, tuple[float, SearchPage]] = OrderedDict()
        self._lock = threading.Lock()  # worker threads share the cache (and the watch)
        self._generation = 0  # bumped by every clear
        self._watch, self._version = _watch(corpus.store), None

    def __getattr__(self, name):
        return getattr(self._corpus, name)

    def search(self, query: str, filters: SearchFilters, *, offset: int, size: int) -> SearchPage:
        key = (query, filters, offset, size)
        max_age = self._max_age()
        with self._lock:
            generation = self._generation
            cached = self._pages.get(key)
            if cached and time.monotonic() - cached[0] < max_age:
                self._pages.move_to_end(key)
                return _copy(cached[1])
        page = self._corpus.search(query, filters, offset=offset, size=size)
        with self._lock:
            if generation == self._generation:  # else the store changed while we read
                self._pages[key] = (time.monotonic(), _copy(page))
                while len(self._pages) > self._max_pages:
                    self._pages.popitem(last=False)
        return page

    def add(self, article) -> str:
        try:
            return self._corpus.add(article)
        finally:
            self.clear()

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._generation += 1

    def __len__(self) -> int:
        return len(self._pages)

    def _max_age(self) -> float:
        """How old a cached page may be: any age on SQLite, after emptying
        the cache if the store changed since the last look."""
        if self._watch is None:
            return self._ttl
        with self._lock:
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            changed, self._version = version != self._version, version
        if changed:
            self.clear()
        return float("inf")


def _watch(store) -> sqlite3.Connection | None:
    """A connection of the cache's own to the store's SQLite file, used for
    ``PRAGMA data_version`` only (None on PostgreSQL)."""
    if store.dialect != SQLITE:
        return None
    path = store.conn.execute("PRAGMA database_list").fetchone()[2]
    return sqlite3.connect(f"file:{pathname2url(path)}?mode=ro", uri=True, check_same_thread=False)


def _copy(page: SearchPage) -> SearchPage:
    """A page the caller may change (the views add to each hit) without
    changing the cached one."""
    return SearchPage([dict(hit) for hit in page.hits], page.total, page.facets, page.terms)
