"""One connection, two databases: SQLite (a file or ``":memory:"``) and
PostgreSQL (a ``postgresql://`` URL, with ``pip install 'warta[postgres]'``).

The store's SQL is written once, portably, with ``?`` placeholders; this
module runs it on either. What truly differs per database (the full-text
index, the schema's column types) is chosen by ``Database.dialect``.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from urllib.request import pathname2url

from ._errors import StoreError

__all__ = ["Database", "connect", "is_url"]

SQLITE, POSTGRES = "sqlite", "postgres"
WRITER_LOCK = 0x77617274  # PostgreSQL advisory lock of a store's writers ("wart")
_cursors = itertools.count()


def is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


class Database:
    """A connection with its ``dialect``. ``execute`` takes ``?``
    placeholders on both; anything else is the underlying connection's
    (so ``store.conn.execute("PRAGMA ...")`` still works on SQLite)."""

    def __init__(self, raw, dialect: str, location: str, errors: tuple[type[Exception], ...]):
        self.raw, self.dialect, self.location, self.errors = raw, dialect, location, errors

    def execute(self, sql: str, params: Sequence = ()):
        if self.dialect == SQLITE:
            return self.raw.execute(sql, params)
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(_pyformat(sql), [_text(p) for p in params])

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        if self.dialect == SQLITE:
            self.raw.executemany(sql, rows)
        else:
            with self.raw.cursor() as cursor:
                cursor.executemany(_pyformat(sql), [[_text(p) for p in row] for row in rows])

    def stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        """Rows of a long result, read as they are iterated rather than all
        at once (PostgreSQL: a server-side cursor)."""
        if self.dialect == SQLITE:
            yield from self.raw.execute(sql, params)
            return
        with self.raw.cursor(name=f"warta_{id(sql):x}_{next(_cursors)}", withhold=True) as cursor:
            cursor.itersize = 500
            if params:
                cursor.execute(_pyformat(sql), [_text(p) for p in params])
            else:
                cursor.execute(sql)
            yield from cursor

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One transaction: committed whole, or rolled back when anything
        fails; a database failure (disk full, lost server) is a ``StoreError``.
        Writers take turns, on PostgreSQL as on SQLite (``BEGIN IMMEDIATE``):
        deduplication and story grouping read what the writer before wrote."""
        try:
            if self.dialect == POSTGRES:
                with self.raw.transaction():
                    self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                    yield self
                return
            self.raw.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.raw.execute("ROLLBACK")
                raise
            self.raw.execute("COMMIT")
        except self.errors as exc:
            raise StoreError(f"{self.location}: {_one_line(exc)}") from exc

    def close(self) -> None:
        self.raw.close()

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def connect(location: str, *, read_only: bool = False) -> Database:
    """Open a SQLite file (created when missing) or a PostgreSQL database.
    ``read_only``: a SQLite file this process may not write (``_read_only``)."""
    if is_url(location):
        return _postgres(location)
    if location != ":memory:" and os.path.isdir(location):
        raise StoreError(f"{location}: is a folder, not a store file")
    try:
        if read_only:
            return Database(_read_only(location), SQLITE, location, (sqlite3.Error,))
        raw = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{location}: cannot open the store ({exc})") from exc
    return Database(raw, SQLITE, location, (sqlite3.Error,))


def _read_only(location: str) -> sqlite3.Connection:
    """A read-only connection that still sees another process's writes
    (``mode=ro``: a store a service account ingests into, searched by
    another user); where SQLite cannot keep its WAL index beside the file (a
    read-only mount), ``immutable``: it then reads without locks, as the file
    cannot change there."""
    uri = f"file:{pathname2url(os.path.abspath(location))}?mode=ro"
    raw = sqlite3.connect(uri, isolation_level=None, check_same_thread=False, uri=True)
    try:
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return raw
    except sqlite3.OperationalError:  # "unable to open database file": no WAL index possible
        raw.close()
        return sqlite3.connect(uri + "&immutable=1", isolation_level=None, check_same_thread=False, uri=True)


def _postgres(url: str) -> Database:
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError("a PostgreSQL store needs psycopg: pip install 'warta[postgres]'") from exc
    shown = _without_password(url)
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        # The planner counts a tsvector as cheap to read, and so would rather
        # scan the full-text table (reading every document) than use its GIN
        # index (searches 2-8x slower at 20,000 articles). Every other query
        # of the store has an index to use as well.
        raw.execute("SET enable_seqscan = off")
    except psycopg.Error as exc:
        raise StoreError(f"{shown}: cannot connect ({_one_line(exc)})") from exc
    return Database(raw, POSTGRES, shown, (psycopg.Error,))


def _without_password(url: str) -> str:
    """The URL as messages may show it."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


@lru_cache(maxsize=512)
def _pyformat(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (the store's SQL has no ``?``
    or ``%`` inside string literals)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _text(value):
    # PostgreSQL text cannot hold NUL; SQLite can. A stray one in a page
    # must not fail the batch, and is nothing a reader would miss.
    return value.replace("\x00", "") if isinstance(value, str) and "\x00" in value else value


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
