"""Everything the web app asks of the corpus store, in one place.

Only the store's public API (``warta.corpus``: ``Store`` and its search,
facets, entity profiles, quotes, days), so the app runs the same on SQLite
and PostgreSQL; when that API changes, this module adapts and the pages and
the API do not. Each worker thread gets its own ``Store`` (its own
connection): the server answers requests on a thread pool and one
connection must not run two statements at once.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

from .._article import Article
from ..corpus import EntityProfile, QueryError, Store, query_terms, stem
from ._entity import MAX_ARTICLES, MAX_NEIGHBOURS, MAX_QUOTES

__all__ = ["Corpus", "QueryError", "SearchFilters", "SearchPage", "stem"]

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
    entity: str | None = None  # canonical name, any case
    speaker: str | None = None

    def as_kwargs(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


@dataclass
class SearchPage:
    hits: list[dict]
    total: int  # matches, counted up to the store's bound (1,000); ``more``: there are more
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()
    more: bool = False
    counted: int = 0  # the best hits the facets count (at most 100)


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
            store = self._local.store = Store(self.location, mmap_bytes=MMAP_BYTES)
        return store

    # -- search -----------------------------------------------------------
    def search(self, query: str, filters: SearchFilters, *, offset: int, size: int) -> SearchPage:
        """One page of hits and the facets of the best 100, ranked once by
        the store; it ranks ``offset + size`` hits, so callers must bound
        ``offset`` (the pages do)."""
        found = self.store.search_page(query, offset=offset, size=size, **filters.as_kwargs())
        facets = found.facets
        return SearchPage([h.to_dict() for h in found.hits], facets.total, facets.counts, query_terms(query),
                          facets.more, facets.counted)

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
    def entity(self, name: str) -> EntityProfile | None:
        return self.store.entity(name, quotes=MAX_QUOTES, neighbours=MAX_NEIGHBOURS, recent=MAX_ARTICLES)

    def top_entities(self, day: str, top: int) -> list[dict]:
        return [e.to_dict() for e in self.store.top_entities(top, since=day, until=day)]

    def top_speakers(self, day: str, top: int) -> list[tuple[str, int]]:
        return self.store.top_speakers(top, since=day, until=day)

    def newest_day(self) -> str | None:
        return self.store.newest_day()

    def headlines_on(self, day: str, limit: int) -> list[dict]:
        return [h.to_dict() for h in self.store.headlines_on(day, limit)]
