"""The search filters' keys: one narrow row per original (``article_keys``).

A filtered search walks the full-text matches newest first and checks each
against the filters until it has ``_search.CANDIDATES`` that pass. Checking
them on ``articles`` read one wide row per match from a big table: at 1M
articles a filter that keeps 2% of the matches took 150-200 ms. The same
check on these rows (the day as YYYYMMDD, the outlet as a number, label,
language: ~15 bytes a row) reads a table small enough to stay in memory,
2.5x faster (``bench/bench_search.py``).

The outlet is a number into ``outlets``, which keeps each outlet's name in
lower case as the database folds it (``lower()``, as the filter did on the
articles) and its domain, so that the filter matches either as before.

On SQLite the same keys are also tokens in the full-text index (its
``facets`` column, weight 0: ``facet_text``), so that a filtered search asks
FTS5 for the matches of the query AND of the outlet and, for a range of a
few months, of its months (``facet_match``): FTS5 skips between its lists of
matches instead of checking every match of a common word. The exact days are
still checked on the keys, on those matches only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from . import _fts_parts
from ._db import SQLITE, Database

__all__ = ["backfill", "day_number", "facet_match", "facet_text", "filters", "index", "unindex"]

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
BACKFILL_CHUNK = 10_000
#: Facet tokens start with this: no word of a text is one, and a query word never matches one.
FACET = "xqz"
NOTHING = f"{FACET}none"  # a token no article has
#: Date filters of at most this many months are also asked of FTS5 as month
#: tokens. A wider range keeps many of the matches, and FTS5's bm25() would
#: first count every article of each of its tokens (for an IDF no score uses):
#: at 1M, 7 month tokens cost ~8 ms a query, more than they save; the days
#: are checked on the keys.
FEW_MONTHS = 3
#: The outlets that an outlet filter names (its name in any case, or its domain).
OUTLET_IDS = "SELECT id FROM outlets WHERE name_key = lower(?) OR domain = lower(?)"
#: The ``articles`` columns a key row is made of.
KEY_COLUMNS = ("published", "outlet", "domain", "label", "language")


class Keys(NamedTuple):
    """One ``article_keys`` row."""

    rowid: int
    day: int | None
    outlet: int
    label: str | None
    language: str | None


def day_number(published: str | None) -> int | None:
    """The day of an ISO publish time as written (its own time zone) as
    YYYYMMDD; None without one."""
    match = DAY.match(published or "")
    return int("".join(match.groups())) if match else None


class Outlets:
    """Outlet numbers of one transaction's writes, created as needed."""

    def __init__(self, db: Database):
        self.db, self.known = db, {}

    def number(self, outlet: str | None, domain: str | None) -> int:
        pair = (outlet or "", domain or "")
        if pair not in self.known:
            self.db.execute("INSERT INTO outlets (name_key, domain) VALUES (lower(?), ?)"
                            " ON CONFLICT DO NOTHING", pair)
            self.known[pair] = self.db.execute(
                "SELECT id FROM outlets WHERE name_key = lower(?) AND domain = ?", pair).fetchone()[0]
        return self.known[pair]


def key_row(outlets: Outlets, rowid: int, columns: dict) -> Keys:
    return Keys(rowid, day_number(columns["published"]), outlets.number(columns["outlet"], columns["domain"]),
                columns["label"], columns["language"])


def index(db: Database, rows: Iterable[tuple]) -> None:
    db.executemany("INSERT INTO article_keys (rowid, day, outlet, label, language) VALUES (?, ?, ?, ?, ?)",
                   list(rows))


def unindex(db: Database, rowid: int) -> None:
    db.execute("DELETE FROM article_keys WHERE rowid = ?", (rowid,))


def facet_text(day: int | None, outlet: int | None) -> str:
    """The facet tokens of one original: its outlet and month."""
    tokens = [] if outlet is None else [f"{FACET}o{outlet}"]
    if day:
        tokens.append(f"{FACET}m{day // 100}")
    return " ".join(tokens)


def facet_match(db: Database, since: str | None, until: str | None, outlet: str | None) -> str | None:
    """An FTS5 expression that the originals of the outlet and of the months
    of ``since``-``until`` match (a superset of the days: those are checked
    on the keys), or None without such filters."""
    parts = []
    if outlet:
        ids = [row[0] for row in db.execute(OUTLET_IDS, (outlet, outlet))]
        parts.append(" OR ".join(f"{FACET}o{i}" for i in ids) or NOTHING)
    if since or until:
        # Two subqueries: each reads one end of the index (min and max together would scan it).
        low, high = db.execute("SELECT (SELECT min(day) FROM article_keys),"
                               " (SELECT max(day) FROM article_keys)").fetchone()
        first, last = max(day_number(since) or 0, low or 0), min(day_number(until) or high or 0, high or 0)
        if not low or first > last:
            parts.append(NOTHING)
        elif _months_between(first, last) <= FEW_MONTHS:
            parts.append(" OR ".join(_month_tokens(first // 100, last // 100)))
    return " AND ".join(f"({part})" for part in parts) or None


def _months_between(first: int, last: int) -> int:
    """Calendar months that days ``first``-``last`` (YYYYMMDD) touch."""
    return (last // 10000 - first // 10000) * 12 + (last // 100 % 100 - first // 100 % 100) + 1


def _month_tokens(first: int, last: int) -> list[str]:
    """The tokens of the months ``first``-``last`` (YYYYMM)."""
    tokens, (year, month) = [], divmod(first, 100)
    while year * 100 + month <= last:
        tokens.append(f"{FACET}m{year * 100 + month}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tokens


def filters(since, until, outlet, label, language) -> tuple[list[str], list]:
    """SQL conditions on ``k`` (``article_keys``) and their parameters."""
    clauses, params = [], []
    if since:
        clauses.append("k.day >= ?")
        params.append(day_number(since))
    if until:
        clauses.append("k.day <= ?")
        params.append(day_number(until))
    if outlet:
        clauses.append(f"k.outlet IN ({OUTLET_IDS})")
        params += [outlet, outlet]
    for column, value in (("label", label), ("language", language)):
        if value:
            clauses.append(f"k.{column} = ?")
            params.append(value)
    return clauses, params


def rebuild_fulltext(db: Database) -> None:
    """SQLite: the full-text index again with a ``facets`` column filled from
    the keys (``facet_text``, here in SQL), in the migration's transaction."""
    if db.dialect != SQLITE:
        return
    db.execute(_fts_parts.create_sql("articles_fts_new"))
    db.execute(
        "INSERT INTO articles_fts_new (rowid, headline, body, facets) SELECT f.rowid, f.headline, f.body,"
        f" trim(coalesce('{FACET}o' || k.outlet, '') || coalesce(' {FACET}m' || (k.day / 100), ''))"
        " FROM articles_fts f LEFT JOIN article_keys k ON k.rowid = f.rowid")
    db.execute("DROP TABLE articles_fts")
    db.execute("ALTER TABLE articles_fts_new RENAME TO articles_fts")


def backfill(db: Database) -> None:
    """Keys for the originals of a store made before them (in the
    migration's transaction), a chunk of rowids at a time."""
    outlets, last = Outlets(db), 0
    while rows := db.execute(
            f"SELECT rowid, {', '.join(KEY_COLUMNS)} FROM articles"
            " WHERE duplicate_of IS NULL AND rowid > ? ORDER BY rowid LIMIT ?", (last, BACKFILL_CHUNK)).fetchall():
        index(db, [key_row(outlets, rowid, dict(zip(KEY_COLUMNS, rest, strict=True))) for rowid, *rest in rows])
        last = rows[-1][0]
