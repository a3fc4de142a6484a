"""``compact``: a store rewritten without the space it no longer uses.

SQLite keeps the pages a delete or a migration frees (migration 4 rebuilt
the full-text index, 5 cut it into parts: a 1M store kept ~4 GB of free
pages) and writes FTS5's index as many small segments, merged only now and
then. ``compact`` merges each part's segments (FTS5's ``optimize``) and
rewrites the file (``VACUUM``). When the index's parts are not in
publish-day order (a store filled from an archive or a backfill, not as
news came out), it first cuts them anew by day (``_fts_parts.sort_by_day``),
so that a date filter reads only its days' parts. PostgreSQL: ``VACUUM ANALYZE``, which makes
freed space reusable and refreshes the planner's statistics.
"""

from __future__ import annotations

import os

from . import _fts_parts
from ._db import POSTGRES
from ._errors import StoreError

__all__ = ["compact", "sorts_index"]


def sorts_index(store) -> bool:
    """Whether ``compact`` will sort the search index by publish day (SQLite,
    parts out of day order): it then takes longer, and says so."""
    return store.dialect != POSTGRES and not _fts_parts.in_day_order(store.conn)


def compact(store) -> tuple[int, int] | None:
    """Compact the store; SQLite: (bytes before, bytes after), the file and
    its write-ahead log; PostgreSQL: None. Needs the store to itself: a
    reader or writer in another process makes it a ``StoreError``."""
    if store.read_only:
        raise StoreError(f"{store.location}: read-only: it cannot be compacted here")
    db = store.conn
    try:
        if db.dialect == POSTGRES:
            db.execute("VACUUM ANALYZE")
            return None
        before = _size(store.location)
        with store.transaction():
            if sorts_index(store):
                _fts_parts.sort_by_day(db)
            for part in _fts_parts.parts(db):
                table = _fts_parts.table(part)
                db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return before, _size(store.location)
    except db.errors as exc:
        raise StoreError(f"{store.location}: cannot compact ({' '.join(str(exc).split())};"
                         " is another program using the store?)") from exc


def _size(location: str) -> int:
    return sum(os.path.getsize(path) for path in (location, location + "-wal") if os.path.exists(path))
