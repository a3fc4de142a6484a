"""Search: the stemmed full-text index of originals (``_fulltext``: BM25 on
SQLite, ts_rank on PostgreSQL), with filters.

Duplicates are never in the index, so each story shows once; a hit says how
many stored copies it has. The headline weighs more than the body. A query
with more than ``CANDIDATES`` matches ranks the newest of them only; the
database ranks them and returns one page (``LIMIT``/``OFFSET``), and only
that page's hits are loaded and given snippets. ``count`` counts matches
up to a bound, so a common word costs what a rare one does.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import date

from . import _filter_keys
from ._db import POSTGRES, SQLITE, Database
from ._entity_index import name_key
from ._errors import QueryError
from ._fulltext import BODY_WEIGHT, HEADLINE_WEIGHT, matching
from ._query import Query, parse_query
from ._snippet import snippet

__all__ = ["Hit", "check_days", "count", "ranked", "search"]

__all__ += ["HEADLINE_WEIGHT", "BODY_WEIGHT"]
#: Matches ranked per query, newest first: a query matching more (a common
#: word in a big corpus) ranks the most recently stored CANDIDATES, which keeps
#: its latency bounded (BM25 costs ~2 us a match at 1M articles: 20,000 gave
#: p95 ~60 ms there, bench/bench_search.py). Pages deeper than this are empty.
CANDIDATES = 5_000
#: Matches are counted up to this many; above it a count says "1,000 or more"
#: (counting every match of a common word costs 5-10 ms at 100k articles,
#: up to the bound well under one).
COUNT_BOUND = 1_000
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A hit's paragraphs as JSON text, taken from its record by SQLite: decoding
#: each whole record in Python cost twice as much (10 hits at 100k: 0.31 ->
#: 0.18 ms). PostgreSQL's json type refuses the NUL (\u0000) that a record may
#: hold, so there the whole record is read.
PARAGRAPHS = {SQLITE: "json_extract(r.record, '$.paragraphs')", POSTGRES: "r.record"}


@dataclass(frozen=True)
class Hit:
    id: str
    score: float  # higher is better (BM25 on SQLite, ts_rank on PostgreSQL)
    headline: str | None
    published: str | None
    outlet: str | None
    url: str | None
    snippet: str
    copies: int  # stored duplicates linked to this original

    def to_dict(self) -> dict:
        return asdict(self)


def search(store, query: str, *, since: str | None = None, until: str | None = None,
           outlet: str | None = None, label: str | None = None, language: str | None = None,
           entity: str | None = None, speaker: str | None = None, limit: int = 10,
           offset: int = 0) -> list[Hit]:
    """Articles matching ``query`` (see ``_query``), best first: ``limit``
    of them after the first ``offset``. ``since`` and ``until`` are days
    (YYYY-MM-DD, inclusive, in the article's own time zone); ``outlet``
    matches the outlet's name or domain, case-insensitively; ``entity`` keeps
    articles naming that entity (its canonical name, any case), ``speaker``
    those quoting that person (canonical or as written)."""
    where, params = _filters(since, until, outlet, label, language, entity=entity, speaker=speaker)
    parsed = narrowed(store.conn, parse_query(query), since, until, outlet)
    return hits(store.conn, ranked(store.conn, parsed, where, params, limit, offset, query), parsed.terms)


def narrowed(conn: Database, parsed: Query, since: str | None, until: str | None, outlet: str | None) -> Query:
    """SQLite: the query ANDed with the facet tokens of the outlet and months
    filtered on (``_filter_keys``), so FTS5 leaves out the rest itself, and
    the days, so that parts of the index without those days are not read."""
    if conn.dialect != SQLITE:
        return parsed
    days = (_filter_keys.day_number(since), _filter_keys.day_number(until))
    return replace(parsed, facets=_filter_keys.facet_match(conn, since, until, outlet), days=days)


def ranked(conn: Database, parsed: Query, where: str, params: list, limit: int, offset: int = 0,
           query: str = "") -> list[tuple[int, float]]:
    """(rowid, score) of one page of the best matches, best first; ties go
    to the newer article, so pages never overlap."""
    if limit < 0 or offset < 0:
        raise QueryError(f"limit {limit} and offset {offset} must not be negative")
    # Ranking costs about a microsecond per match, so only the newest
    # CANDIDATES matches are ranked; the page's winners are loaded afterwards.
    newest, args = matching(conn, parsed, where, params, "f.rowid AS id", CANDIDATES, ranked=True)
    sql = f"SELECT id, rank FROM ({newest}) m ORDER BY rank DESC, id DESC LIMIT ? OFFSET ?"
    try:
        return conn.execute(sql, [*args, limit, offset]).fetchall()
    except conn.errors as exc:
        raise QueryError(f"query {query!r}: {' '.join(str(exc).split())}") from exc


def count(conn: Database, parsed: Query, where: str, params: list) -> tuple[int, bool]:
    """How many originals match, up to ``COUNT_BOUND``, and whether more do."""
    newest, args = matching(conn, parsed, where, params, "f.rowid AS id", COUNT_BOUND + 1, ranked=False)
    found = conn.execute(f"SELECT count(*) FROM ({newest}) m", args).fetchone()[0]
    return min(found, COUNT_BOUND), found > COUNT_BOUND


def hits(conn: Database, rows: list[tuple[int, float]], terms: frozenset[str]) -> list[Hit]:
    """The ranked rows as hits with snippets, read in one query (one round
    trip to a server)."""
    if not rows:
        return []
    loaded = {row[0]: row[1:] for row in conn.execute(
        f"SELECT a.rowid, a.id, a.headline, a.published, a.outlet, a.url, {PARAGRAPHS[conn.dialect]},"
        " (SELECT count(*) FROM articles d WHERE d.duplicate_of = a.id) FROM articles a"
        f" JOIN records r ON r.rowid = a.rowid WHERE a.rowid IN ({', '.join('?' * len(rows))})",
        [rowid for rowid, _ in rows])}
    found = []
    for rowid, score in rows:
        id_, headline, published, outlet, url, paragraphs, copies = loaded[rowid]
        body = "\n".join(_paragraphs(conn, paragraphs))
        found.append(Hit(id_, round(score, 4), headline, published, outlet, url, snippet(body, terms), copies))
    return found


def _paragraphs(conn: Database, text: str) -> list[str]:
    """The paragraphs from ``PARAGRAPHS``'s column."""
    return json.loads(text) if conn.dialect == SQLITE else json.loads(text)["paragraphs"]


def _filters(since, until, outlet, label, language, *, entity=None, speaker=None) -> tuple[str, list]:
    """" AND ..." conditions on ``k`` (``article_keys``: join it where they are
    used) and their parameters."""
    check_days(since=since, until=until)
    clauses, params = _filter_keys.filters(since, until, outlet, label, language)
    if entity and name_key(entity):
        clauses.append("k.rowid IN (SELECT article FROM mentions WHERE name_key = ?)")
        params.append(name_key(entity))
    if speaker and name_key(speaker):
        clauses.append("k.rowid IN (SELECT article FROM quotes WHERE speaker_key = ? OR written_key = ?)")
        params += [name_key(speaker)] * 2
    return "".join(f" AND {c}" for c in clauses), params


def check_days(**days: str | None) -> None:
    """Raises ``QueryError`` unless each given day is YYYY-MM-DD (None: no day)."""
    for name, day in days.items():
        if day is None:
            continue
        if not DATE.match(day):
            raise QueryError(f"--{name} {day!r}: give a day as YYYY-MM-DD")
        try:
            date.fromisoformat(day)
        except ValueError:  # the right shape, but month 13 or 30 February: it would match nothing
            raise QueryError(f"--{name} {day!r}: no such day") from None
