"""The SQLite schema and its recorded migrations.

Each migration is a list of statements applied in one transaction together
with its row in ``schema_version``; a store opened by this warta is brought up
to ``VERSION``. A store from a newer warta, or a SQLite file that is not a
warta store, is refused with a ``StoreError`` before anything is written.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from ._errors import StoreError

__all__ = ["VERSION", "migrate"]

V1 = [
    """CREATE TABLE schema_version (
        version INTEGER PRIMARY KEY, applied TEXT NOT NULL, note TEXT NOT NULL)""",
    """CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,          -- normalised URL or content hash (_ids)
        url TEXT, outlet TEXT, domain TEXT, published TEXT, label TEXT,
        language TEXT, headline TEXT,
        body_hash TEXT NOT NULL,
        duplicate_of TEXT,                -- id of the original, NULL for originals
        similarity REAL,                  -- estimated Jaccard to the original
        source TEXT,                      -- where it was ingested from
        added TEXT NOT NULL)""",
    # The wide part apart, so that filters and joins read narrow rows.
    """CREATE TABLE records (
        rowid INTEGER PRIMARY KEY,        -- = articles.rowid
        record TEXT NOT NULL,             -- Article.to_dict() as JSON
        signature BLOB)                   -- MinHash of the body's word pairs""",
    "CREATE INDEX articles_published ON articles(published)",
    "CREATE INDEX articles_outlet ON articles(domain, outlet)",
    "CREATE INDEX articles_body_hash ON articles(body_hash)",
    "CREATE INDEX articles_duplicate_of ON articles(duplicate_of)",
    # Stemmed text (_stem) of originals only: duplicates never show in search.
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, body, tokenize = 'unicode61 remove_diacritics 2')""",
    # LSH buckets of the MinHash signatures: candidates for near-duplicates.
    """CREATE TABLE lsh (bucket INTEGER NOT NULL, article INTEGER NOT NULL,
        PRIMARY KEY (bucket, article)) WITHOUT ROWID""",
    # Facts about the store, such as what made the index forms ("stemmer").
    "CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # Every input document seen (by the digest of its bytes), so a rerun skips it.
    "CREATE TABLE seen (digest TEXT PRIMARY KEY, article_id TEXT) WITHOUT ROWID",
    """CREATE TABLE failures (
        rowid INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,
        digest TEXT, at TEXT NOT NULL)""",
]

# Stories (_story_store): articles about one event grouped across outlets and
# days. Portable SQL: these tables are the same on PostgreSQL.
V2 = [
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT, first_article TEXT NOT NULL,
        first_seen TEXT, last_seen TEXT,  -- publish times of its first and last article
        first_at DOUBLE PRECISION NOT NULL, last_at DOUBLE PRECISION NOT NULL,  -- epoch seconds
        articles INTEGER NOT NULL, outlets INTEGER NOT NULL, first_outlet TEXT)""",
    "CREATE INDEX stories_last_at ON stories(last_at)",
    "CREATE INDEX stories_size ON stories(articles, outlets)",
    # One row per grouped article, with the features later articles are compared with.
    """CREATE TABLE story_articles (
        article TEXT PRIMARY KEY, story TEXT NOT NULL, at DOUBLE PRECISION NOT NULL,
        published TEXT, outlet TEXT,
        score DOUBLE PRECISION,           -- similarity to the story when it joined
        terms TEXT NOT NULL, headline_terms INTEGER NOT NULL, entities TEXT NOT NULL)""",
    "CREATE INDEX story_articles_story ON story_articles(story)",
    "CREATE INDEX story_articles_at ON story_articles(at)",
    # Originals grouped that hold each term (the IDF of the similarity).
    "CREATE TABLE story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL)",
    # Where grouping stopped (the last articles.rowid grouped) and the originals counted.
    "CREATE TABLE story_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]

#: (version, what it does, statements); append, never edit a released one.
MIGRATIONS = [(1, "articles, full-text index, duplicates, seen inputs, failures", V1),
              (2, "stories: articles about one event grouped across outlets and days", V2)]
VERSION = MIGRATIONS[-1][0]


def migrate(conn: sqlite3.Connection, name: str) -> None:
    """Bring the store to ``VERSION``, or refuse it with a ``StoreError``."""
    current = _current_version(conn, name)
    if current > VERSION:
        raise StoreError(f"{name}: schema version {current} is newer than this warta "
                         f"knows ({VERSION}); upgrade warta")
    for version, note, statements in MIGRATIONS:
        if version > current:
            _apply(conn, version, note, statements)


def _current_version(conn: sqlite3.Connection, name: str) -> int:
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{name}: not a warta store ({exc})") from exc
    if "schema_version" in tables:
        return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
    if tables:
        raise StoreError(f"{name}: not a warta store (a SQLite database with other tables)")
    return 0


def _apply(conn: sqlite3.Connection, version: int, note: str, statements: list[str]) -> None:
    applied = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (version, applied, note))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
