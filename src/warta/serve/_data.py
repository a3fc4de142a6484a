"""Everything the web app asks of the corpus store, in one place.

The store API (``warta.corpus``) is young; when it changes, this module
adapts and the pages and the API do not. Each worker thread gets its own
``Store`` (its own SQLite connection): the server answers requests on a
thread pool and one SQLite connection must not run two statements at once.
The few queries the store does not offer yet (facet counts, the newest day,
a day's headlines) are here, parameterised, and should move into
``warta.corpus`` once it grows them.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .._article import Article
from ..corpus import QueryError, Store, _facts, _fulltext, _search
from ..corpus._query import parse_query
from ..corpus._stem import stem

__all__ = ["Corpus", "QueryError", "SearchFilters", "SearchPage", "stem"]

#: Facets and the total count the newest matches only, so a common word in a
#: large corpus costs what a rare one does (2,000: about 3 ms at 100k articles,
#: against 10-40 ms for the store's 20,000; bench/bench_serve.py).
FACET_CANDIDATES = 2_000
#: Reads through a shared memory map instead of copies into each
#: connection's private cache: one cache for all worker threads (-30% search
#: time at 100k articles). Address space only; the OS shares the pages.
MMAP_BYTES = 1 << 30


@dataclass(frozen=True)
class SearchFilters:
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    label: str | None = None
    language: str | None = None

    def as_kwargs(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


@dataclass
class SearchPage:
    hits: list[dict]
    total: int  # matches counted (at most FACET_CANDIDATES)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()


class Corpus:
    """The store as the web app sees it. ``location`` is a SQLite file that
    must exist already: a web server never creates an empty store by typo."""

    def __init__(self, location: str | os.PathLike):
        self.location = str(location)
        # A bad or missing file fails now, not at the first request.
        Store(self.location, create=False).close()
        self._local = threading.local()

    @property
    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.location)
            if store.dialect == "sqlite":
                store.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        return store

    # -- search -----------------------------------------------------------
    def search(self, query: str, filters: SearchFilters, *, offset: int, size: int) -> SearchPage:
        """One page of hits; the store ranks ``offset + size`` and we slice,
        so callers must bound ``offset`` (the pages do)."""
        hits = self.store.search(query, limit=offset + size, **filters.as_kwargs())
        total, facets = self._facets(query, filters)
        return SearchPage([h.to_dict() for h in hits[offset:]], total, facets, parse_query(query).terms)

    def _facets(self, query: str, filters: SearchFilters) -> tuple[int, dict]:
        where, params = _search._filters(filters.since, filters.until, filters.outlet,
                                          filters.label, filters.language)
        newest, first = _fulltext.matching(self.store.conn, parse_query(query), where,
                                           "a.outlet, a.label, a.language", ranked=False)
        rows = self.store.conn.execute(
            f"SELECT outlet, label, language, count(*) FROM ({newest}) m GROUP BY 1, 2, 3",
            [*first, *params, FACET_CANDIDATES]).fetchall()
        counts = {"outlet": Counter(), "label": Counter(), "language": Counter()}
        for outlet, label, language, n in rows:
            for name, value in (("outlet", outlet), ("label", label), ("language", language)):
                if value:
                    counts[name][value] += n
        total = sum(n for *_, n in rows)
        return total, {name: c.most_common(10) for name, c in counts.items()}

    # -- articles ---------------------------------------------------------
    def article(self, article_id: str) -> tuple[Article, str | None] | None:
        """The article and the id of the original it copies (None when it is one)."""
        article = self.store.get(article_id)
        if article is None:
            return None
        return article, self.store.duplicate_of(article_id)

    def add(self, article: Article) -> str:
        return self.store.add(article, source="web")

    # -- stories ----------------------------------------------------------
    def stories(self, **filters) -> list:
        return self.store.stories(**filters)

    def story(self, story_id: str):
        return self.store.story(story_id)

    def story_of(self, article_id: str) -> str | None:
        return self.store.story_of(article_id)

    # -- entities, quotes, days --------------------------------------------
    def records_naming(self, name: str) -> Iterator[tuple[str, dict]]:
        """(id, record) of originals whose JSON holds ``name``; a prefilter,
        the caller checks each entity exactly."""
        as_stored = json.dumps(name, ensure_ascii=False)[1:-1]  # quotes and backslashes escaped
        yield from _facts._records(self.store, contains=as_stored)

    def top_entities(self, day: str, top: int) -> list[dict]:
        return [e.to_dict() for e in _facts.top_entities(self.store, top, since=day, until=day)]

    def quotes_on(self, day: str, limit: int) -> list[dict]:
        return [q.to_dict() for q in _facts.quotes(self.store, since=day, until=day, limit=limit)]

    def newest_day(self) -> str | None:
        row = self.store.conn.execute(
            "SELECT max(published) FROM articles WHERE duplicate_of IS NULL").fetchone()
        return row[0][:10] if row and row[0] else None

    def headlines_on(self, day: str, limit: int) -> list[dict]:
        rows = self.store.conn.execute(
            "SELECT id, headline, outlet, published FROM articles WHERE duplicate_of IS NULL"
            " AND published >= ? AND substr(published, 1, 10) <= ? ORDER BY published DESC LIMIT ?",
            (day, day, limit)).fetchall()
        return [{"id": i, "headline": h, "outlet": o, "published": p} for i, h, o, p in rows]
