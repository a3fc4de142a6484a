"""Query parameters shared by the pages and the API, each bounded where it is
declared (length, range, pattern), so that no request asks for unbounded work.
An empty form field means "no filter"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from fastapi import Query
from jinja2.utils import url_quote

from ._data import SearchFilters

__all__ = ["MAX_OFFSET", "SearchParams", "search_params"]

MAX_QUERY_CHARS = 500
MAX_NAME_CHARS = 200  # an entity's or a speaker's name
MAX_PAGE_SIZE = 50
#: The store ranks ``offset + size`` hits to give one page; deeper pages
#: cost more, so paging stops here (refine the query instead).
MAX_OFFSET = 200
DAY = r"^(\d{4}-\d{2}-\d{2})?$"
LABEL = r"^(editorial|sponsored|press_release)?$"
LANGUAGE = r"^([a-z]{2})?$"


@dataclass(frozen=True)
class SearchParams:
    q: str
    filters: SearchFilters
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def query_string(self, **changes) -> dict:
        """The parameters as a dict for links to other pages or facets."""
        values = {"q": self.q, **vars(self.filters), "page": self.page, "size": self.size}
        values.update(changes)
        return {k: v for k, v in values.items() if v not in (None, "")}

    def link(self, **changes) -> str:
        """``query_string(**changes)`` written as the template's ``urlencode``
        filter writes it; a search page links each of its ~50 facet values,
        and each name and value is quoted once per process, not once a link."""
        return "&".join(f"{_quoted(str(k))}={_quoted(str(v))}" for k, v in self.query_string(**changes).items())


@lru_cache(maxsize=4096)
def _quoted(text: str) -> str:
    return url_quote(text, for_qs=True)


async def search_params(  # async: no hop to the thread pool (see _deps)
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description='Words, "a phrase", OR, NOT, -word, ( )')] = "",
    since: Annotated[str, Query(pattern=DAY, description="First day, YYYY-MM-DD")] = "",
    until: Annotated[str, Query(pattern=DAY, description="Last day, YYYY-MM-DD (inclusive)")] = "",
    outlet: Annotated[str, Query(max_length=200, description="Outlet name or domain")] = "",
    label: Annotated[str, Query(pattern=LABEL)] = "",
    language: Annotated[str, Query(pattern=LANGUAGE, description="ISO 639-1: id, ms, jv, en")] = "",
    entity: Annotated[str, Query(max_length=MAX_NAME_CHARS, description="Articles naming this entity")] = "",
    speaker: Annotated[str, Query(max_length=MAX_NAME_CHARS, description="Articles quoting this person")] = "",
    page: Annotated[int, Query(ge=1, le=MAX_OFFSET // 10 + 1)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
) -> SearchParams:
    filters = SearchFilters(since or None, until or None, outlet.strip() or None, label or None,
                            language or None, _name(entity), _name(speaker))
    return SearchParams(q.strip(), filters, page, size)


def _name(value: str) -> str | None:
    return " ".join(value.split()) or None
