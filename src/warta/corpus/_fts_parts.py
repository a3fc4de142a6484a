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
minutes at 1M articles). ``fts_parts`` says where each part starts, how
many rows it holds and the first and last publish day among them: a search filtered by dates skips
the parts with no article of those days (news is mostly stored in the order
it is published, so a recent range reads the newest parts only).
"""

from __future__ import annotations

from ._db import SQLITE, Database

__all__ = ["COLUMNS", "PART_ROWS", "create_sql", "parts", "place", "split", "table", "unplace"]

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
    known = db.execute("SELECT part, first_rowid, rows FROM fts_parts ORDER BY part").fetchall()
    starts = [first for _, first, _ in known]
    newest, first, rows = known[-1]
    placed: dict[int, list[int]] = {}
    for rowid in sorted(days):
        if rowid < first:  # below the newest part's start: a rowid SQLite reused
            part = _part_of(starts, rowid)
        else:
            if rows >= PART_ROWS:
                newest, first, rows = newest + 1, rowid, 0
                db.execute(create_sql(table(newest)))
                db.execute("INSERT INTO fts_parts VALUES (?, ?, 0, NULL, NULL)", (newest, rowid))
                starts.append(rowid)
            part, rows = newest, rows + 1
        placed.setdefault(part, []).append(rowid)
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
    duplicates are never indexed)."""
    starts = [row[0] for row in db.execute("SELECT first_rowid FROM fts_parts ORDER BY part")]
    part = _part_of(starts, rowid)
    if db.execute(f"DELETE FROM {table(part)} WHERE rowid = ?", (rowid,)).rowcount:
        db.execute("UPDATE fts_parts SET rows = rows - 1 WHERE part = ?", (part,))


def _part_of(starts: list[int], rowid: int) -> int:
    """The last part starting at or before ``rowid`` (part 0 starts at 0)."""
    return max(part for part, first in enumerate(starts) if first <= rowid)


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
