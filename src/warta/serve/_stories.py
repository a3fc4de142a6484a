"""Stories in the web app: the story page (its articles across outlets on a
timeline, which outlet had it first), the top stories of a day, and their
JSON API. Titles and headlines are hostile text: the templates escape them,
and article links go through ``article_url`` (quoted)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..corpus import QueryError
from ._deps import CorpusDep
from ._params import DAY
from ._security import safe_url

__all__ = ["api_router", "page_router", "story_view", "top_stories"]

MAX_API_STORIES = 100
TOP_OF_DAY = 10
WIDTH, LANE, LEFT, PAD = 640, 26, 160, 16  # the timeline: one lane per outlet

StoryId = Annotated[str, Path(max_length=64, description="A story id, as listed by /api/stories")]


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    article_id: str
    label: str  # headline and time, for the tooltip


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    lanes: list[tuple[str, float]]  # outlet and its y
    dots: list[Dot]
    start: str
    end: str


def timeline(items: list) -> Timeline:
    """Articles placed by time (x) in one lane per outlet (y), first outlet on top."""
    outlets = list(dict.fromkeys(i.outlet or "?" for i in items))
    times = [_seconds(i.published) for i in items]
    low, high = min(times, default=0.0), max(times, default=0.0)
    span = (high - low) or 1.0
    lane_y = {name: PAD + n * LANE + LANE / 2 for n, name in enumerate(outlets)}
    dots = [Dot(LEFT + (WIDTH - LEFT - PAD) * (t - low) / span, lane_y[i.outlet or "?"], i.id,
                f"{(i.published or '')[:16]} {i.headline or ''}") for i, t in zip(items, times, strict=True)]
    return Timeline(WIDTH, 2 * PAD + LANE * len(outlets) + 14, list(lane_y.items()), dots,
                    _minute(items[0].published) if items else "", _minute(items[-1].published) if items else "")


def _seconds(iso: str | None) -> float:
    try:
        return datetime.fromisoformat(iso).timestamp()
    except (TypeError, ValueError):
        return 0.0


def _minute(iso: str | None) -> str:
    return (iso or "")[:16].replace("T", " ")


def story_view(corpus, story_id: str) -> dict:
    found = corpus.story(story_id)
    if found is None:
        raise HTTPException(404, "no story with this id")
    items = [asdict(i) | {"url": safe_url(i.url)} for i in found.items]
    return {"story": found.to_dict() | {"outlet_names": found.outlet_names, "items": items},
            "timeline": timeline(found.items)}


def top_stories(corpus, day: str) -> list[dict]:
    """The day's stories told by more than one article, the biggest first."""
    return [s.to_dict() for s in corpus.stories(since=day, until=day, min_articles=2, limit=TOP_OF_DAY)]


# -- routes --------------------------------------------------------------------

page_router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api_router = APIRouter(prefix="/api", tags=["api"])


@page_router.get("/story/{story_id}")
def story_page(request: Request, story_id: StoryId, store: CorpusDep):
    return request.app.state.templates.TemplateResponse(request, "story.html", story_view(store, story_id))


@api_router.get("/stories", summary="Stories: articles about one event across outlets and days")
def stories_api(store: CorpusDep,
                since: Annotated[str, Query(pattern=DAY, description="Seen on or after, YYYY-MM-DD")] = "",
                until: Annotated[str, Query(pattern=DAY, description="Seen on or before, YYYY-MM-DD")] = "",
                limit: Annotated[int, Query(ge=1, le=MAX_API_STORIES)] = 20,
                min_articles: Annotated[int, Query(ge=1, le=10_000)] = 1) -> dict:
    """The biggest stories first (articles, then outlets, then the newest):
    `{stories: [{id, title, first_seen, last_seen, articles, outlets, first_outlet}]}`."""
    try:
        found = store.stories(since=since or None, until=until or None, limit=limit,
                              min_articles=min_articles)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"stories": [s.to_dict() for s in found]}


@api_router.get("/stories/{story_id}", summary="One story with its articles, oldest first")
def story_api(story_id: StoryId, store: CorpusDep) -> dict:
    """`{id, title, first_seen, last_seen, articles, outlets, first_outlet,
    outlet_names, items: [{id, headline, outlet, published, url, duplicate_of, similarity}]}`."""
    return story_view(store, story_id)["story"]
