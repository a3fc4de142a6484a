"""The JSON API: the same views as the pages, as JSON, described at
/openapi.json and /docs. The one write route needs the write token."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel, Field, TypeAdapter

from .._errors import InputError
from .._read import read
from . import _views
from ._data import QueryError
from ._deps import CorpusDep, DayParam, SearchDep
from ._pages import bounded_name
from ._security import MAX_BODY_BYTES, require_token

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])
#: What FastAPI serialises a returned ``dict`` with.
AS_JSON = TypeAdapter(dict)


class NewPage(BaseModel):
    page: str = Field(..., max_length=MAX_BODY_BYTES, description="A text dump or HTML page")
    url: str | None = Field(None, max_length=2048)
    outlet: str | None = Field(None, max_length=200)


@router.get("/search", summary="Search the corpus", response_model=dict)
def search(params: SearchDep, store: CorpusDep) -> Response:
    """Hits best first, with snippets (matches in [brackets]); ``total``
    matches, counted up to 1,000 (``more``: there are more); facet counts
    per outlet, label, language, entity and speaker over the best
    ``counted`` hits (at most 100)."""
    try:
        view = _views.search_view(store, params)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    for hit in view["hits"]:
        hit.pop("snippet_parts", None)
    # The bytes FastAPI would send for the dict, made here: returned as a dict,
    # it is checked on the thread pool again after the search (a hop there and back).
    answer = {"query": params.q, "page": params.page, "size": params.size, **view}
    return Response(AS_JSON.dump_json(answer), media_type="application/json")


@router.get("/articles/{article_id}", summary="One stored record")
def article(article_id: str, store: CorpusDep) -> dict:
    view = _views.article_view(store, article_id)
    return {"id": article_id, "duplicate_of": view["duplicate_of"], "record": view["record"]}


@router.get("/entities/{name:path}", summary="An entity's profile")
def entity(name: str, store: CorpusDep) -> dict:
    """Labels, codes, aliases, articles per month, co-occurring entities,
    quotes newest first, newest articles."""
    return _views.entity_view(store, bounded_name(name))["profile"].to_dict()


@router.get("/today", summary="The brief of one day (default: the newest day stored)")
def today(store: CorpusDep, day: DayParam = "") -> dict:
    view = _views.today_view(store, day or None)
    view.pop("charts")
    return view


@router.post("/articles", status_code=201, summary="Read a page and store it (needs the write token)",
             dependencies=[Depends(require_token)])
def add_article(new: NewPage, store: CorpusDep) -> dict:
    try:
        article = read(new.page, url=new.url, outlet=new.outlet)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc
    return {"id": store.add(article)}
