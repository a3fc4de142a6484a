"""The HTML pages: each route gathers its view (``_views``) and renders a
template. Jinja escapes every value; no page carries a script."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from . import _views
from ._data import QueryError
from ._deps import CorpusDep, DayParam, SearchDep
from ._params import MAX_OFFSET

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/search", status_code=303)


@router.get("/search")
def search_page(request: Request, params: SearchDep, store: CorpusDep):
    context = {"params": params, "max_offset": MAX_OFFSET, "error": None}
    try:
        context |= _views.search_view(store, params)
    except QueryError as exc:
        context |= {"hits": [], "total": 0, "more": False, "counted": 0, "facets": {}, "error": str(exc)}
        return render(request, "search.html", context, 400)
    return render(request, "search.html", context)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, store: CorpusDep, removed: bool = False):
    return render(request, "article.html", _views.article_view(store, article_id, show_removed=removed))


@router.get("/entities/{name:path}")
def entity_page(request: Request, name: str, store: CorpusDep):
    return render(request, "entity.html", _views.entity_view(store, bounded_name(name)))


@router.get("/today")
def today_page(request: Request, store: CorpusDep, day: DayParam = ""):
    return render(request, "today.html", _views.today_view(store, day or None))


@router.get("/docs")
def docs_page(request: Request):
    """The OpenAPI description as a plain page (Swagger UI would load from a CDN)."""
    return render(request, "docs.html", {"spec": request.app.openapi()})


def bounded_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if not name or len(name) > 200:
        raise HTTPException(400, "an entity name has 1 to 200 characters")
    return name
