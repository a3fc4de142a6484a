"""A bounded cache of search pages that the store's writes invalidate.

Analysts repeat searches and page through them, and a search page costs
5-15 ms of CPU where a cached one costs well under one. A cached page must
never hide an article stored since, so every lookup first asks the store
whether it changed (``Store.changed``), and any change empties the cache.
The cache keeps a store connection of its own for asking, so it sees every
write: another thread or process, ``warta ingest``, this app's own writes
(SQLite: ``PRAGMA data_version``; PostgreSQL: the server's transaction
snapshot, which moves when any transaction ends).

The pages live in a SQLite file (``_shared_pages``) that every worker
process of one server shares (``warta serve`` makes it in a private
temporary folder and hands it to the workers, as it hands them the store),
so a search asked in one process is a hit in all. Each process watches the
store itself and moves the shared cache's epoch on when it sees a change,
which hides every page cached before it, in every process. Pages are
bounded in number (``MAX_PAGES``) and hold one page of hits each (at most
50 snippets). When the cache file fails (a full disk, a lock held too
long), searches go to the store until the cache is emptied again.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path
from sqlite3 import Error as CacheError

from ..corpus import Store
from ._data import Corpus, SearchFilters, SearchPage
from ._shared_pages import SharedPages, cache_key

__all__ = ["CachedCorpus", "MAX_PAGES"]

#: Pages kept (all processes together): ~5,000 x ~10 KiB = ~50 MiB at most.
MAX_PAGES = 5_000
CACHE_FILE = "search-pages.db"
log = logging.getLogger(__name__)


class CachedCorpus:
    """``Corpus`` with its searches cached; everything else passes through."""

    def __init__(self, corpus: Corpus, *, max_pages: int = MAX_PAGES, path: str | Path | None = None):
        """``path``: the cache file the worker processes share; without one
        this cache makes its own in a temporary folder."""
        self._corpus = corpus
        if path is None:
            self._folder = tempfile.TemporaryDirectory(prefix="warta-serve-")  # removed with this object
            path = Path(self._folder.name) / CACHE_FILE
        self._pages = SharedPages(path, max_pages=max_pages)
        self._lock = threading.Lock()  # worker threads share the watch
        self._stale = False  # a bump failed: the cache may hold pages older than the store
        self._watch = Store(corpus.store.location, create=False)  # asks whether the store changed
        self._watch.changed()  # from now on; pages cached before may be older, so:
        self.clear()

    def __getattr__(self, name):
        return getattr(self._corpus, name)

    def search(self, query: str, filters: SearchFilters, *, offset: int, size: int) -> SearchPage:
        key = cache_key(query, asdict(filters), offset, size)
        try:
            self._clear_if_changed()
            epoch, cached = (None, None) if self._stale else self._pages.get(key)
        except CacheError as exc:
            log.warning("search cache unreadable, asking the store: %s", exc)
            epoch, cached = None, None
        if cached is not None:
            return _from_json(cached)
        page = self._corpus.search(query, filters, offset=offset, size=size)
        if epoch is not None:
            try:
                self._pages.put(key, epoch, _to_json(page))
            except CacheError as exc:
                log.warning("search cache not written: %s", exc)
        return page

    def add(self, article) -> str:
        try:
            return self._corpus.add(article)
        finally:
            self.clear()

    def clear(self) -> None:
        """Hides every cached page from every process sharing the file."""
        try:
            self._pages.bump()
            self._stale = False
        except CacheError as exc:
            self._stale = True  # no hits until a bump succeeds
            log.warning("search cache could not be emptied; bypassing it: %s", exc)

    def __len__(self) -> int:
        return len(self._pages)

    def _clear_if_changed(self) -> None:
        with self._lock:  # held while emptying: no other thread may read before that
            if self._watch.changed() or self._stale:
                self.clear()


def _to_json(page: SearchPage) -> dict:
    return {"hits": page.hits, "total": page.total, "facets": page.facets, "terms": sorted(page.terms),
            "more": page.more, "counted": page.counted}


def _from_json(page: dict) -> SearchPage:
    """A fresh page each time, so the views may add to its hits."""
    facets = {name: [tuple(pair) for pair in counts] for name, counts in page["facets"].items()}
    return SearchPage(page["hits"], page["total"], facets, frozenset(page["terms"]), page["more"],
                      page["counted"])
