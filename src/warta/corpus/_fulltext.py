"""The full-text index, the one part of the store written per database.

SQLite: an FTS5 table ranked by BM25. PostgreSQL: a ``tsvector`` per
original (headline weight A, body weight B) under a GIN index, ranked by
``ts_rank``. Both index the same stemmed text (``_stem.stems``), cut into the
same tokens, and match the same parsed query (``_query``), so they find the
same articles; only the scores differ.
"""

from __future__ import annotations

import re
import unicodedata

from . import _fts_parts
from ._db import POSTGRES, Database
from ._query import Query

__all__ = ["HEADLINE_WEIGHT", "BODY_WEIGHT", "index", "matching", "tokens", "unindex"]

HEADLINE_WEIGHT, BODY_WEIGHT = 3.0, 1.0
TOKEN = re.compile(r"[^\W_]+")  # what FTS5's unicode61 keeps: letters and digits
MAX_POSITION, MAX_POSITIONS = 16_383, 256  # PostgreSQL's limits per tsvector lexeme
UNION_ARMS = 100  # parts of the index per compound SELECT (SQLite allows 500)


def tokens(text: str) -> list[str]:
    """Index tokens as FTS5's ``unicode61 remove_diacritics 2`` cuts them:
    lower case, diacritics removed, split at anything but letters and digits."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.lower())
                     if not unicodedata.combining(c))
    return TOKEN.findall(folded)


def index(db: Database, rows: list[tuple[int, str, str, str, int | None]]) -> None:
    """Index originals: (rowid, headline stems, body stems, facets, day),
    the facets being the filters' tokens (``_filter_keys.facet_text``) and the
    day the publish day as YYYYMMDD, both for SQLite only, where each row
    goes into its part (``_fts_parts``)."""
    if db.dialect == POSTGRES:
        db.executemany("INSERT INTO articles_fts (rowid, document) VALUES (?, CAST(? AS tsvector))",
                       [(rowid, _tsvector(headline, body)) for rowid, headline, body, *_ in rows])
        return
    by_rowid = {row[0]: row for row in rows}
    for part, rowids in _fts_parts.place(db, {rowid: day for rowid, *_, day in rows}).items():
        db.executemany(f"INSERT INTO {_fts_parts.table(part)} (rowid, headline, body, facets) VALUES (?, ?, ?, ?)",
                       [by_rowid[rowid][:4] for rowid in rowids])


def unindex(db: Database, rowid: int) -> None:
    if db.dialect == POSTGRES:
        db.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
    else:
        _fts_parts.unplace(db, rowid)


def matching(db: Database, query: Query, where: str, params: list, columns: str, bound: int, *,
             ranked: bool) -> tuple[str, list]:
    """SQL selecting ``columns`` of the newest ``bound`` originals matching
    ``query`` and ``where`` (conditions on ``a``, the ``articles`` row, or
    ``k``, its keys; ``params`` are theirs), with a ``rank`` column (higher
    is better) when ``ranked``; and all the parameters, in order."""
    join = (" JOIN articles a ON a.rowid = f.rowid" if "a." in where or "a." in columns else "") + \
        (" JOIN article_keys k ON k.rowid = f.rowid" if "k." in where else "")
    if db.dialect == POSTGRES:
        weights = ", ".join(str(w / max(HEADLINE_WEIGHT, BODY_WEIGHT))
                            for w in (0.0, 0.0, BODY_WEIGHT, HEADLINE_WEIGHT))  # D, C, B, A
        rank = f", ts_rank('{{{weights}}}', f.document, q.query, 1) AS rank" if ranked else ""
        # The matches first, from the GIN index alone; the newest of them
        # then, and only those are read whole to be ranked.
        return (f"WITH q AS (SELECT CAST(? AS tsquery) AS query), hits AS MATERIALIZED"
                f" (SELECT f.rowid FROM articles_fts f{join}, q WHERE f.document @@ q.query{where})"
                f" SELECT {columns}{rank} FROM (SELECT rowid FROM hits ORDER BY rowid DESC LIMIT ?) h"
                f" JOIN articles_fts f ON f.rowid = h.rowid{join}, q"), [query.tsquery, *params, bound]
    match = f"({query.match}) AND {query.facets}" if query.facets else query.match
    arms = [_part_matching(_fts_parts.table(part), join, where, columns, ranked)
            for part in _fts_parts.parts(db, *query.days)]
    if len(arms) == 1:
        return arms[0], [match, *params, bound]
    # Newest part first: SQLite runs a UNION ALL's arms in turn and stops at
    # the LIMIT, so an older part is read only when the newer ones fall short.
    return f"SELECT * FROM ({_union(arms)}) LIMIT ?", [*[match, *params, bound] * len(arms), bound]


def _union(arms: list[str]) -> str:
    """The arms as one UNION ALL, in order, nested in groups of ``UNION_ARMS``:
    SQLite refuses a compound SELECT of more than 500 terms (50M articles)."""
    while len(arms) > UNION_ARMS:
        arms = [_union(arms[i:i + UNION_ARMS]) for i in range(0, len(arms), UNION_ARMS)]
    return " UNION ALL ".join(f"SELECT * FROM ({arm})" for arm in arms)


def _part_matching(name: str, join: str, where: str, columns: str, ranked: bool) -> str:
    # The facets column weighs nothing: its tokens only narrow the matches.
    rank = f", -bm25({name}, {HEADLINE_WEIGHT}, {BODY_WEIGHT}, 0) AS rank" if ranked else ""
    return (f"SELECT {columns}{rank} FROM {name} f{join} WHERE f.{name} MATCH ?{where}"
            " ORDER BY f.rowid DESC LIMIT ?")


def _tsvector(headline: str, body: str) -> str:
    """A tsvector literal of the tokens at their positions: headline weight
    A, body weight B, one position apart so no phrase spans the two."""
    positions: dict[str, list[str]] = {}
    head = tokens(headline)
    for offset, (weight, words) in ((1, ("A", head)), (len(head) + 2, ("B", tokens(body)))):
        for i, token in enumerate(words):
            spots = positions.setdefault(token, [])
            if len(spots) < MAX_POSITIONS:
                spots.append(f"{min(offset + i, MAX_POSITION)}{weight}")
    return " ".join(f"{quote(t)}:{','.join(p)}" for t, p in positions.items())


def quote(token: str) -> str:
    """A lexeme as tsvector and tsquery literals take it: never read as syntax."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
