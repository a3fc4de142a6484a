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
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._db import Database

__all__ = ["backfill", "day_number", "filters", "index", "unindex"]

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
BACKFILL_CHUNK = 10_000


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


def key_row(outlets: Outlets, rowid: int, columns: dict) -> tuple:
    return (rowid, day_number(columns["published"]), outlets.number(columns["outlet"], columns["domain"]),
            columns["label"], columns["language"])


def index(db: Database, rows: Iterable[tuple]) -> None:
    db.executemany("INSERT INTO article_keys (rowid, day, outlet, label, language) VALUES (?, ?, ?, ?, ?)",
                   list(rows))


def unindex(db: Database, rowid: int) -> None:
    db.execute("DELETE FROM article_keys WHERE rowid = ?", (rowid,))


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
        clauses.append("k.outlet IN (SELECT id FROM outlets WHERE name_key = lower(?) OR domain = lower(?))")
        params += [outlet, outlet]
    for column, value in (("label", label), ("language", language)):
        if value:
            clauses.append(f"k.{column} = ?")
            params.append(value)
    return clauses, params


def backfill(db: Database) -> None:
    """Keys for the originals of a store made before them (in the
    migration's transaction), a chunk of rowids at a time."""
    outlets, last = Outlets(db), 0
    while rows := db.execute(
            "SELECT rowid, published, outlet, domain, label, language FROM articles"
            " WHERE duplicate_of IS NULL AND rowid > ? ORDER BY rowid LIMIT ?", (last, BACKFILL_CHUNK)).fetchall():
        names = ("published", "outlet", "domain", "label", "language")
        index(db, [key_row(outlets, rowid, dict(zip(names, rest, strict=True))) for rowid, *rest in rows])
        last = rows[-1][0]
