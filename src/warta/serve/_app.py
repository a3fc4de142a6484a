"""``create_app``: the FastAPI application over one corpus store."""

from __future__ import annotations

import os
from importlib.resources import files
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from .. import __version__
from . import _api, _pages, _stories
from ._cache import CachedCorpus, PageCache
from ._data import Corpus
from ._entity import entity_key
from ._response_cache import CachedResponses
from ._security import Limits

__all__ = ["create_app", "from_environment"]

#: How ``warta serve --workers N`` hands the store (and the page cache
#: file they share) to each worker process.
DB_VARIABLE, TOKEN_VARIABLE, CACHE_VARIABLE = "WARTA_SERVE_DB", "WARTA_SERVE_TOKEN", "WARTA_SERVE_CACHE"

DESCRIPTION = ("Search, read and profile the articles of a warta corpus. Read-only unless the "
               "server was started with a write token.")


def create_app(store_location: str | os.PathLike, *, write_token: str | None = None,
               cache: str | os.PathLike | None = None) -> FastAPI:
    """The web app over the store at ``store_location`` (an existing SQLite
    file). ``write_token``: the bearer token that write routes require;
    without it nothing can be written through the web. ``cache``: the page
    cache file shared with the other processes serving the same store
    (default: one of its own, in a temporary folder)."""
    app = FastAPI(title="warta", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)
    corpus = Corpus(store_location)
    app.state.pages = PageCache(corpus.location, path=cache)  # rendered pages, kept until a write
    app.state.corpus = CachedCorpus(corpus, app.state.pages)
    app.state.write_token = write_token or None
    app.state.templates = Jinja2Templates(env=_templates())
    app.mount("/static", StaticFiles(directory=str(files(__package__) / "static")), name="static")
    app.include_router(_api.router)
    app.include_router(_stories.api_router)
    app.include_router(_pages.router)
    app.include_router(_stories.page_router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(CachedResponses, cache=app.state.pages)
    app.add_middleware(Limits)  # the outermost: bounds first, security headers on cached pages too
    return app


def from_environment() -> FastAPI:
    """The app of one worker process of ``warta serve --workers N``."""
    return create_app(os.environ[DB_VARIABLE], write_token=os.environ.get(TOKEN_VARIABLE),
                      cache=os.environ.get(CACHE_VARIABLE))


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader(__package__, "templates"),
                             autoescape=True, undefined=jinja2.ChainableUndefined,
                             auto_reload=False)  # templates ship with the package: no stat per page
    env.filters["number"] = _number
    env.globals.update(entity_url=lambda name: "/entities/" + quote(str(name), safe=""),
                       article_url=lambda id_: "/articles/" + quote(str(id_), safe=""),
                       story_url=lambda id_: "/story/" + quote(str(id_), safe=""),
                       entity_key=entity_key)
    return env


def _number(value):
    """1.5e12 as 1,500,000,000,000 and 0.25 as 0.25; anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        value = int(value)
    return f"{value:,}"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def _http_error(request: Request, exc: HTTPException):
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
    context = {"status": exc.status_code, "message": exc.detail}
    return request.app.state.templates.TemplateResponse(request, "error.html", context,
                                                        status_code=exc.status_code)


async def _invalid_request(request: Request, exc: RequestValidationError):
    problems = [{"loc": e.get("loc"), "msg": e.get("msg")} for e in exc.errors()]
    if _wants_json(request):
        return JSONResponse({"detail": problems}, 422)
    message = "; ".join(f"{'.'.join(map(str, p['loc'][1:]))}: {p['msg']}" for p in problems)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": 422, "message": message}, status_code=422)
