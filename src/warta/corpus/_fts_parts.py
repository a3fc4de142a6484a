"""SQLite: the full-text index in parts of ``PART_ROWS`` originals, newest last.

FTS5's bm25() counts, for every query, the articles holding each of the
query's words or phrases, by reading the word's whole list in the index: at
1M articles the phrase "kata dia" took ~50 ms for that count alone (it checks
positions in every article holding both words), a common word ~10-20 ms.
Search ranks only the newest ``_search.CANDIDATES`` matches anyway; cut by
rowid, the newest part alone usually holds them, and its lists are as short
as in a store of ``PART_ROWS``. So each part is its own FTS5 table, queried
newest first until the window is full (``_fulltext.matching``): a part that
is not needed is never read.

Scores come from each part's own counts (word frequencies of
``PART_ROWS`` articles, not of the whole store), as in a search engine's
shards. Part 0 is ``articles_fts``; migration 5 cuts the index of a store
made before the parts (``split``: it writes the index once again, ~3
minutes at 1M articles). New originals go into the newest part until it is
full. ``fts_parts`` holds each part's count and the first and last publish
day among its rows: a search filtered by dates skips the parts with no
article of those days. News is mostly stored in the order it is published,
so a recent range reads the newest parts only; a store filled in another
order (an archive) is cut anew by day by ``compact`` (``sort_by_day``), as
search engines sort an index on the field most queries filter by. After
that a rowid no longer says which part holds it (``unplace`` looks).
"""

from __future__ import annotations

from itertools import pairwise

from ._db import SQLITE, Database

__all__ = ["COLUMNS", "PART_ROWS", "create_sql", "in_day_order", "parts", "place", "sort_by_day", "split", "table",
           "unplace"]

#: Originals per part. Smaller parts make common words cheaper and rare ones
#: dearer (one more table read each); at 100k a store searches as fast as a
#: store of 100k articles did (bench/bench_search.py).
PART_ROWS = 100_000
COLUMNS = "headline, body, facets"


def table(part: int) -> str:
    return "articles_fts" if part == 0 else f"articles_fts_{part}"


def create_sql(name: str) -> str:
    return f"CREATE VIRTUAL TABLE {name} USING fts5({COLUMNS}, tokenize = 'unicode61 remove_diacritics 2')"


def parts(db: Database, since: int | None = None, until: int | None = None) -> list[int]:
    """The parts, newest first; with ``since``/``until`` (days as YYYYMMDD)
    only those holding an article of those days (at least the newest part,
    so a query always has a table to read)."""
    found = [part for part, in db.execute(
        "SELECT part FROM fts_parts WHERE (? IS NULL OR last_day >= ?) AND (? IS NULL OR first_day <= ?)"
        " ORDER BY part DESC", (since, since, until, until))]
    return found or [db.execute("SELECT max(part) FROM fts_parts").fetchone()[0]]


def place(db: Database, days: dict[int, int | None]) -> dict[int, list[int]]:
    """The part each new rowid goes into, {part: rowids}, given each rowid's
    day (YYYYMMDD or None), in the caller's transaction: the newest part
    until it is full, then a new one. Each part's count and days follow."""
    newest, rows = db.execute("SELECT part, rows FROM fts_parts ORDER BY part DESC LIMIT 1").fetchone()
    placed: dict[int, list[int]] = {}
    for rowid in sorted(days):
        if rows >= PART_ROWS:
            newest, rows = newest + 1, 0
            db.execute(create_sql(table(newest)))
            db.execute("INSERT INTO fts_parts VALUES (?, ?, 0, NULL, NULL)", (newest, rowid))
        rows += 1
        placed.setdefault(newest, []).append(rowid)
    db.executemany(
        "UPDATE fts_parts SET rows = rows + :rows, first_day = coalesce(min(first_day, :first), first_day, :first),"
        " last_day = coalesce(max(last_day, :last), last_day, :last) WHERE part = :part",
        [{"rows": len(ids), "part": part, **_span([days[rowid] for rowid in ids])} for part, ids in placed.items()])
    return placed


def _span(days: list[int | None]) -> dict[str, int | None]:
    """The first and last of the known days (None: none known, the part's stay)."""
    known = [day for day in days if day]
    return {"first": min(known, default=None), "last": max(known, default=None)}


def unplace(db: Database, rowid: int) -> None:
    """Take ``rowid`` out of the part that holds it (nothing when none does:
    duplicates are never indexed). Parts are tried newest first: a rewritten
    article is mostly a recent one, and after ``sort_by_day`` a rowid no
    longer says which part holds it."""
    for part in parts(db):
        if db.execute(f"DELETE FROM {table(part)} WHERE rowid = ?", (rowid,)).rowcount:
            db.execute("UPDATE fts_parts SET rows = rows - 1 WHERE part = ?", (part,))
            return


def in_day_order(db: Database) -> bool:
    """Whether each part's publish days begin where the part before's end
    (undated rows aside): then a date filter reads only the parts it needs."""
    spans = db.execute("SELECT first_day, last_day FROM fts_parts WHERE first_day IS NOT NULL"
                       " ORDER BY part").fetchall()
    return all(last <= first for (_, last), (first, _) in pairwise(spans))


def sort_by_day(db: Database) -> None:
    """Cut the index anew into parts of ``PART_ROWS`` in publish-day order
    (undated rows first, then by rowid), in the caller's transaction. A store
    filled in another order (an archive, a backfill) has every day in every
    part, so a date filter reads them all; after this it reads those days'
    parts only. Rows move table to table inside SQLite, by rowid."""
    old = [part for part, in db.execute("SELECT part FROM fts_parts ORDER BY part")]
    if not db.execute("SELECT sum(rows) FROM fts_parts").fetchone()[0]:
        return  # nothing indexed: nothing to sort
    new = _plan_sorted(db, old)
    for part in new:
        db.execute(create_sql(f"articles_fts_sorted_{part}"))
        for source in old:
            db.execute(f"INSERT INTO articles_fts_sorted_{part} (rowid, {COLUMNS}) SELECT rowid, {COLUMNS}"
                       f" FROM {table(source)} WHERE rowid IN (SELECT id FROM temp.sorted_rows"
                       " WHERE part = ? AND old = ?)", (part, source))
    for part in old:
        db.execute(f"DROP TABLE {table(part)}")
    for part in new:
        db.execute(f"ALTER TABLE articles_fts_sorted_{part} RENAME TO {table(part)}")
    db.execute("DELETE FROM fts_parts")
    db.execute("INSERT INTO fts_parts SELECT part, min(id), count(*), min(day), max(day)"
               " FROM temp.sorted_rows GROUP BY part")
    db.execute("DROP TABLE temp.sorted_rows")


def _plan_sorted(db: Database, old: list[int]) -> list[int]:
    """``temp.sorted_rows``: each indexed rowid (``id``) with its part now
    (``old``), its day and its part in day order; returns the new parts."""
    db.execute("CREATE TEMP TABLE held (rowid INTEGER PRIMARY KEY, old INTEGER, day INTEGER)")
    for part in old:
        db.execute(f"INSERT INTO temp.held SELECT f.rowid, ?, k.day FROM {table(part)} f"
                   " LEFT JOIN article_keys k ON k.rowid = f.rowid", (part,))
    db.execute("CREATE TEMP TABLE sorted_rows AS SELECT rowid AS id, old, day, (row_number() OVER"
               " (ORDER BY coalesce(day, 0), rowid) - 1) / ? AS part FROM temp.held", (PART_ROWS,))
    db.execute("DROP TABLE temp.held")
    db.execute("CREATE INDEX temp.sorted_rows_moves ON sorted_rows (part, old, id)")
    return [part for part, in db.execute("SELECT DISTINCT part FROM temp.sorted_rows ORDER BY part")]


def split(db: Database) -> None:
    """Migration 5: the one index of an older store cut into parts of
    ``PART_ROWS`` by rowid, with their counts and days (in the migration's
    transaction). Every part is written anew, part 0 too: deleting most of
    an FTS5 table's rows costs as much as writing them."""
    if db.dialect != SQLITE:
        return
    rowids = [row[0] for row in db.execute("SELECT rowid FROM articles_fts ORDER BY rowid")]
    starts = [0, *rowids[PART_ROWS::PART_ROWS]]
    ranges = list(enumerate(zip(starts, [*starts[1:], None], strict=True)))  # part, (first rowid, next part's)
    if len(ranges) > 1:
        for part, (first, end) in ranges:
            name = "articles_fts_cut" if part == 0 else table(part)
            db.execute(create_sql(name))
            db.execute(f"INSERT INTO {name} (rowid, {COLUMNS}) SELECT rowid, {COLUMNS} FROM articles_fts"
                       " WHERE rowid >= ? AND (? IS NULL OR rowid < ?)", (first, end, end))
        db.execute("DROP TABLE articles_fts")
        db.execute("ALTER TABLE articles_fts_cut RENAME TO articles_fts")
    for part, (first, end) in ranges:
        rows = len(rowids[part * PART_ROWS:(part + 1) * PART_ROWS])
        db.execute("INSERT INTO fts_parts SELECT ?, ?, ?, min(day), max(day) FROM article_keys"
                   " WHERE rowid >= ? AND (? IS NULL OR rowid < ?)", (part, first, rows, first, end, end))
