"""A bounded cache of rendered pages that the store's writes invalidate.

Analysts repeat searches, page through them and open the same articles; a
search costs ~14 ms of CPU and an article page ~2 ms, where sending the
bytes kept from the first answer costs a few hundredths of that
(``_response_cache`` keeps and replays them). A cached page must never hide
an article stored since, so every lookup first asks the store whether it
changed (``Store.changed``), and any change empties the cache. The cache
keeps a store connection of its own for asking, so it sees every write:
another thread or process, ``warta ingest``, this app's own writes (SQLite:
``PRAGMA data_version``; PostgreSQL: the server's transaction snapshot,
which moves when any transaction ends).

The pages live in a SQLite file (``_shared_pages``) that every worker
process of one server shares (``warta serve`` makes it in a private
temporary folder and hands it to the workers, as it hands them the store),
so a page asked in one process is a hit in all. Each process watches the
store itself and moves the shared cache's epoch on when it sees a change,
which hides every page cached before it, in every process. Pages are
bounded in number (``MAX_PAGES``) and bytes (``MAX_BYTES``). When the cache
file fails (a full disk, a lock held too long), requests go to the app
until the cache is emptied again.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path
from sqlite3 import Error as CacheError

from ..corpus import Store
from ._data import Corpus
from ._shared_pages import SharedPages

__all__ = ["CachedCorpus", "MAX_BYTES", "MAX_PAGES", "PageCache"]

#: Pages kept (all processes together), and their compressed bytes: a search
#: page is ~10 KiB of HTML, ~2.5 KiB compressed.
MAX_PAGES, MAX_BYTES = 5_000, 64 << 20
CACHE_FILE = "search-pages.db"
log = logging.getLogger(__name__)


class PageCache:
    """Pages by key, each hidden as soon as the store changes."""

    def __init__(self, store_location: str | os.PathLike, *, path: str | Path | None = None,
                 max_pages: int = MAX_PAGES, max_bytes: int = MAX_BYTES):
        """``path``: the cache file the worker processes share; without one
        this cache makes its own in a temporary folder."""
        if path is None:
            self._folder = tempfile.TemporaryDirectory(prefix="warta-serve-")  # removed with this object
            path = Path(self._folder.name) / CACHE_FILE
        self._pages = SharedPages(path, max_pages=max_pages, max_bytes=max_bytes)
        self._lock = threading.Lock()  # threads share the watch
        self._stale = False  # a bump failed: the cache may hold pages older than the store
        self._watch = Store(str(store_location), create=False)  # asks whether the store changed
        self._watch.changed()  # from now on; pages cached before may be older, so:
        self.clear()

    def get(self, key: bytes) -> tuple[int | None, bytes | None]:
        """``(epoch, page)``: the page is None on a miss; the epoch (for
        ``put``) is None when the cache cannot be used now."""
        try:
            self._clear_if_changed()
            return (None, None) if self._stale else self._pages.get(key)
        except CacheError as exc:
            log.warning("page cache unreadable, asking the app: %s", exc)
            return None, None

    def put(self, key: bytes, epoch: int, page: bytes) -> None:
        """Keeps ``page`` unless the store changed since ``get`` gave ``epoch``."""
        try:
            self._pages.put(key, epoch, page)
        except CacheError as exc:
            log.warning("page cache not written: %s", exc)

    def clear(self) -> None:
        """Hides every cached page from every process sharing the file."""
        try:
            self._pages.bump()
            self._stale = False
        except CacheError as exc:
            self._stale = True  # no hits until a bump succeeds
            log.warning("page cache could not be emptied; bypassing it: %s", exc)

    def __len__(self) -> int:
        return len(self._pages)

    def _clear_if_changed(self) -> None:
        with self._lock:  # held while emptying: no other thread may read before that
            if self._watch.changed() or self._stale:
                self.clear()


class CachedCorpus:
    """``Corpus`` whose writes empty the page cache at once (the watch would
    see them at the next lookup too); everything else passes through."""

    def __init__(self, corpus: Corpus, pages: PageCache):
        self._corpus, self._pages = corpus, pages

    def __getattr__(self, name):
        return getattr(self._corpus, name)

    def add(self, article) -> str:
        try:
            return self._corpus.add(article)
        finally:
            self._pages.clear()
