"""A bounded cache of search pages that the store's writes invalidate.

Analysts repeat searches and page through them, and a search page costs
5-15 ms of CPU where a cached one costs well under one. A cached page must
never hide an article stored since, so every lookup first asks the store
whether it changed (``Store.changed``), and any change empties the cache.
The cache keeps a store connection of its own for asking, so it sees every
write: another thread or process, ``warta ingest``, this app's own writes
(SQLite: ``PRAGMA data_version``; PostgreSQL: the server's transaction
snapshot, which moves when any transaction ends).

Each worker process has its own cache; entries are bounded in number
(``MAX_PAGES``) and hold one page of hits each (at most 50 snippets).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from ..corpus import Store
from ._data import Corpus, SearchFilters, SearchPage

__all__ = ["CachedCorpus", "MAX_PAGES"]

#: Pages kept per process: ~2,000 x ~10 KiB = ~20 MiB at most.
MAX_PAGES = 2_000


class CachedCorpus:
    """``Corpus`` with its searches cached; everything else passes through."""

    def __init__(self, corpus: Corpus, *, max_pages: int = MAX_PAGES):
        self._corpus = corpus
        self._max_pages = max_pages
        self._pages: OrderedDict[tuple, SearchPage] = OrderedDict()
        self._lock = threading.Lock()  # worker threads share the cache (and the watch)
        self._generation = 0  # bumped by every clear
        self._watch = Store(corpus.store.location, create=False)  # asks whether the store changed

    def __getattr__(self, name):
        return getattr(self._corpus, name)

    def search(self, query: str, filters: SearchFilters, *, offset: int, size: int) -> SearchPage:
        key = (query, filters, offset, size)
        self._clear_if_changed()
        with self._lock:
            generation = self._generation
            cached = self._pages.get(key)
            if cached:
                self._pages.move_to_end(key)
                return _copy(cached)
        page = self._corpus.search(query, filters, offset=offset, size=size)
        with self._lock:
            if generation == self._generation:  # else the store changed while we read
                self._pages[key] = _copy(page)
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

    def _clear_if_changed(self) -> None:
        with self._lock:
            changed = self._watch.changed()
        if changed:
            self.clear()


def _copy(page: SearchPage) -> SearchPage:
    """A page the caller may change (the views add to each hit) without
    changing the cached one."""
    return SearchPage([dict(hit) for hit in page.hits], page.total, page.facets, page.terms,
                      page.more, page.counted)
