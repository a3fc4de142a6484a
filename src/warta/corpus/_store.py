"""``Store``: the corpus on SQLite (a file, or ``":memory:"`` for tests) or
PostgreSQL (a ``postgresql://`` URL); the same interface and results.

Every write is one transaction: a batch is committed whole or not at all, so
killing the process at any moment loses nothing already committed. A SQLite
file runs in WAL mode, so readers (``warta search``) never block an ingest.
"""

from __future__ import annotations

import json
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .._article import Article
from ._db import SQLITE, Database, connect, is_url
from ._errors import StoreError
from ._prepare import Failure, Prepared, prepare
from ._schema import migrate
from ._stem import INDEX_FORMS
from ._write import write_batch

__all__ = ["Store"]


class Store:
    """A corpus of articles. ``Store("warta.db")`` opens or creates a file
    (``create=False``: only opens one that exists); ``Store(":memory:")``
    keeps it in memory; ``Store("postgresql://user@host/db")`` uses a
    PostgreSQL database (``pip install 'warta[postgres]'``). ``mmap_bytes``:
    SQLite reads through a memory map this big (a server's threads share it)."""

    def __init__(self, location: str | os.PathLike = "warta.db", *, create: bool = True,
                 mmap_bytes: int = 0):
        self.location = str(location)
        if not create and not is_url(self.location) and self.location != ":memory:" \
                and not os.path.exists(self.location):
            raise StoreError(f"{self.location}: no such store (warta ingest creates one)")
        #: True for a store file on media this process cannot write (a
        #: read-only mount, a file without write permission): it is searched,
        #: never written (a write raises ``StoreError``).
        self.read_only = _on_read_only_media(self.location)
        self.conn: Database = _open(self.location, create, self.read_only)
        self._version, self._writes = None, 0  # for ``changed``
        if mmap_bytes and self.dialect == SQLITE:  # readers share the OS's pages, not one cache each
            self.conn.execute(f"PRAGMA mmap_size = {int(mmap_bytes)}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgres"."""
        return self.conn.dialect

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One transaction; a database failure (disk full, read-only, lost
        server) rolls it back and becomes a ``StoreError``."""
        if self.read_only:
            raise StoreError(f"{self.location}: read-only (this process cannot write the file or"
                             " its folder): it can be searched, not written")
        self._writes += 1  # for ``changed``: data_version ignores this connection's own commits
        with self.conn.transaction() as conn:
            yield conn

    def add(self, article: Article, *, source: str | None = None) -> str:
        """Store one article; returns its id."""
        item = prepare(article, source=source)
        self.write([item])
        return item.id

    def write(self, batch: Iterable[Prepared | Failure], *, stories: bool = True) -> Counter:
        """Write prepared articles and failures in one transaction; counts
        what happened ("added", "updated", "unchanged", "failed"). Then
        groups stories, unless ``stories=False`` leaves that to a later
        write or ``group_stories`` (the result is the same)."""
        written: dict = {}
        with self.transaction() as conn:
            counts = write_batch(conn, batch, written)
        if stories:  # after the commit: a failure here never loses the batch
            from ._story_store import group_stories

            group_stories(self, written=written)
        return counts

    def seen(self, digests: Iterable[str]) -> set[str]:
        """Those of the input digests already ingested (read or failed)."""
        digests, found = sorted(set(digests)), set()
        for start in range(0, len(digests), 500):
            part = digests[start:start + 500]
            found.update(r[0] for r in self.conn.execute(
                f"SELECT digest FROM seen WHERE digest IN ({', '.join('?' * len(part))})", part))
        return found

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT r.record FROM articles a JOIN records r ON r.rowid = a.rowid"
                                " WHERE a.id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def duplicate_of(self, article_id: str) -> str | None:
        """The id of the original this article copies, None for an original."""
        row = self.conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return row[0]

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def records(self, *, originals_only: bool = False) -> Iterator[dict]:
        """Stored records in the order they were added, each with its ``id``
        and ``duplicate_of`` beside the record's fields."""
        where = " WHERE a.duplicate_of IS NULL" if originals_only else ""
        for id_, dup, record in self.conn.stream(
                "SELECT a.id, a.duplicate_of, r.record FROM articles a JOIN records r"
                f" ON r.rowid = a.rowid{where} ORDER BY a.rowid"):
            yield {"id": id_, "duplicate_of": dup, **json.loads(record)}

    def failures(self) -> list[dict]:
        rows = self.conn.execute("SELECT source, reason, at FROM failures ORDER BY rowid")
        return [{"source": s, "reason": r, "at": at} for s, r, at in rows]

    def group_stories(self) -> int:
        """Group the articles stored since the last grouping into stories
        (``write`` does it after each batch); returns how many."""
        from ._story_store import group_stories

        return group_stories(self)

    def stories(self, **filters) -> list:
        """Stories, the biggest first; see ``_story_store.stories``."""
        from ._story_store import stories

        return stories(self, **filters)

    def story(self, story_id: str):
        """One story with its articles, oldest first, or None."""
        from ._story_store import story

        return story(self, story_id)

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to."""
        from ._story_store import story_of

        return story_of(self, article_id)

    def compact(self) -> tuple[int, int] | None:
        """Give back the space the store no longer uses (``_compact``):
        SQLite returns the file's size before and after, in bytes."""
        from ._compact import compact

        return compact(self)

    def search(self, query: str, **filters):
        """Full-text search, best first (``limit=``, ``offset=``, filters);
        ``Hit``s. See docs/corpus.md, "Search"."""
        from ._search import search

        return search(self, query, **filters)

    def search_page(self, query: str, *, offset: int = 0, size: int = 10, **filters):
        """One page of ``search`` and the query's ``facets``, ranked once:
        a ``ResultPage(hits, facets)`` (what a search page shows)."""
        from ._browse import search_page

        return search_page(self, query, offset=offset, size=size, **filters)

    def changed(self) -> bool:
        """Whether anything may have been written to the store since this
        Store last asked (the first call: True). SQLite: ``PRAGMA
        data_version``, which sees the commits of every other connection,
        and this Store's own writes; PostgreSQL: the server's transaction
        snapshot, which moves when any transaction ends (so it may answer
        True for a write elsewhere on the server, never False after one here)."""
        if self.dialect == SQLITE:
            version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self._writes)
        else:  # "xmin:xmax:in-progress ids": any transaction that ends changes it
            version = self.conn.execute("SELECT CAST(pg_current_snapshot() AS text)").fetchone()[0]
        changed, self._version = version != self._version, version
        return changed

    # -- facts and browsing (the entity and quote index; docs/corpus.md) ------
    def facets(self, query: str, **filters):
        """Counts per outlet, label, language, entity and speaker over the
        best hits of ``query`` (``limit=``, default 100), and its matches
        counted up to 1,000; ``Facets``."""
        from ._browse import facets

        return facets(self, query, **filters)

    def top_entities(self, top: int = 20, **filters) -> list:
        """The most named entities (``label=``, ``since=``, ``until=``, ``outlet=``)."""
        from ._facts import top_entities

        return top_entities(self, top, **filters)

    def top_speakers(self, top: int = 10, **filters) -> list[tuple[str, int]]:
        """The most quoted speakers, (name, quotes) (``since=``, ``until=``, ``outlet=``)."""
        from ._facts import top_speakers

        return top_speakers(self, top, **filters)

    def quotes(self, **filters) -> list:
        """Quotes newest first (``speaker=``, ``about=``, ``since=``, ``until=``, ``outlet=``, ``limit=``)."""
        from ._facts import quotes

        return quotes(self, **filters)

    def entity(self, name: str, **limits):
        """An entity's profile (``EntityProfile``), or None when nothing names it."""
        from ._browse import entity

        return entity(self, name, **limits)

    def newest_day(self) -> str | None:
        """The day (YYYY-MM-DD) of the newest original."""
        from ._browse import newest_day

        return newest_day(self)

    def headlines_on(self, day: str, limit: int = 20) -> list:
        """Originals published on ``day`` (YYYY-MM-DD), newest first; ``Headline``s."""
        from ._browse import headlines_on

        return headlines_on(self, day, limit)


def _on_read_only_media(location: str) -> bool:
    """A SQLite file that exists, and that or its folder (where SQLite keeps
    the WAL files beside it) cannot be written."""
    if is_url(location) or location == ":memory:" or not os.path.isfile(location):
        return False
    folder = os.path.dirname(os.path.abspath(location))
    return not (os.access(location, os.W_OK) and os.access(folder, os.W_OK))


def _open(location: str, create: bool, read_only: bool = False) -> Database:
    db = connect(location, read_only=read_only)
    try:
        migrate(db, create=create, read_only=read_only)
        if db.dialect == SQLITE and location != ":memory:" and not read_only:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # durable against a killed process
        if db.dialect == SQLITE:
            db.execute("PRAGMA busy_timeout = 10000")
        _check_index_forms(db, db.location, read_only)
    except db.errors as exc:
        db.close()
        raise StoreError(f"{db.location}: cannot open the store ({' '.join(str(exc).split())})") from exc
    except StoreError:
        db.close()
        raise
    return db


def _check_index_forms(conn: Database, location: str, read_only: bool = False) -> None:
    """Warn when the index was built by another stemmer: searches still run,
    but words whose forms changed may be missed."""
    row = conn.execute("SELECT value FROM store_info WHERE key = 'stemmer'").fetchone()
    if row is None and not read_only:
        conn.execute("INSERT INTO store_info VALUES ('stemmer', ?) ON CONFLICT DO NOTHING", (INDEX_FORMS,))
    elif row[0] != INDEX_FORMS:
        warnings.warn(f"{location}: indexed with {row[0]}, searched with {INDEX_FORMS}; "
                      "some inflected words may be missed", stacklevel=3)
