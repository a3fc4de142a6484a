"""Rendered pages kept in a small SQLite file that every worker process of one
server shares, so a page asked in one process is answered from the cache in
all of them.

Each page is stamped with the cache's epoch when its search began; moving
the epoch on (``bump``, after any write to the store) makes every older page
invisible at once, in every process, and a page whose search began before
the bump is never stored (``put`` checks the epoch in the same statement
that inserts). Pages are bytes (a response as it is sent), kept
zlib-compressed, never pickles: the file is data only. Keys are SHA-256
digests of the normalised request, so a huge or hostile query costs 32 bytes
in the file. At most ``max_pages`` pages and ``max_bytes`` compressed bytes
are kept, checked every ``check_every`` puts of a process (counting costs
~0.15 ms at 5,000 pages); when either is passed the least recently used go
first, a tenth below both (so eviction runs once per many puts). A
hit refreshes its page's time at most every ``TOUCH_SECONDS``, so that
popular pages do not make every hit a write.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import threading
import time
import zlib
from pathlib import Path

__all__ = ["SharedPages", "cache_key"]

#: A hit rewrites its page's last-use time at most this often.
TOUCH_SECONDS = 5.0
#: How long a writer waits for another process's write (they take microseconds).
BUSY_MS = 2_000
#: zlib's fastest level: HTML and JSON shrink 3-5x for ~0.1 ms a page.
LEVEL = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), epoch INTEGER NOT NULL);
INSERT OR IGNORE INTO meta VALUES (1, 0);
CREATE TABLE IF NOT EXISTS pages (key BLOB PRIMARY KEY, epoch INTEGER NOT NULL,
                                  used REAL NOT NULL, size INTEGER NOT NULL, page BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS pages_used ON pages (used, size);
"""


def cache_key(*parts: bytes) -> bytes:
    """The digest of the request's parts, each length-prefixed so that no two
    different lists of parts share a key."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.digest()


class SharedPages:
    """The pages of one cache file; one connection per thread."""

    def __init__(self, path: str | Path, *, max_pages: int, max_bytes: int):
        self.path, self.max_pages, self.max_bytes = str(path), max_pages, max_bytes
        #: Each process may add this many pages past the bound (32 at 5,000).
        self.check_every = max(1, min(32, max_pages // 150))
        self._puts = itertools.count(1)
        self._local = threading.local()
        self._conn().executescript(SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_MS / 1000)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")  # a cache: losing it on a crash costs nothing
            self._local.conn = conn
        return conn

    def get(self, key: bytes) -> tuple[int, bytes | None]:
        """The current epoch and the page of ``key`` stored in it (or None),
        read in one statement, so from one snapshot."""
        epoch, page, used = self._conn().execute(
            "SELECT m.epoch, p.page, p.used FROM meta m LEFT JOIN pages p ON p.key = ? AND p.epoch = m.epoch",
            (key,)).fetchone()
        if page is None:
            return epoch, None
        if time.time() - used > TOUCH_SECONDS:
            self._conn().execute("UPDATE pages SET used = ? WHERE key = ?", (time.time(), key))
        return epoch, zlib.decompress(page)

    def put(self, key: bytes, epoch: int, page: bytes) -> None:
        """Keeps ``page`` unless the epoch moved on since ``epoch`` was read."""
        packed = zlib.compress(page, LEVEL)
        conn = self._conn()
        conn.execute("INSERT OR REPLACE INTO pages SELECT ?, epoch, ?, ?, ? FROM meta WHERE epoch = ?",
                     (key, time.time(), len(packed), packed, epoch))
        if next(self._puts) % self.check_every == 0:
            pages, size = conn.execute("SELECT count(*), total(size) FROM pages").fetchone()
            if pages > self.max_pages or size > self.max_bytes:
                self._evict(conn)

    def _evict(self, conn: sqlite3.Connection) -> None:
        """Drops the least recently used pages to a tenth below both bounds."""
        conn.execute("DELETE FROM pages WHERE key IN (SELECT key FROM (SELECT key,"
                     " row_number() OVER newest AS n, sum(size) OVER newest AS kept FROM pages"
                     " WINDOW newest AS (ORDER BY used DESC, key)) WHERE n > ? OR kept > ?)",
                     (self.max_pages - self.max_pages // 10, self.max_bytes - self.max_bytes // 10))

    def bump(self) -> None:
        """Makes every stored page invisible (the store changed) and drops them."""
        with self._conn() as conn:  # one transaction
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE meta SET epoch = epoch + 1")
            conn.execute("DELETE FROM pages")

    def __len__(self) -> int:
        return self._conn().execute("SELECT count(*) FROM pages").fetchone()[0]
