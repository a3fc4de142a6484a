"""What each page shows, as plain data: the HTML pages render it through
templates and the API returns it as JSON, so both always agree."""

from __future__ import annotations

import re
from collections import Counter

from fastapi import HTTPException

from . import _charts, _entity, _markup, _stories
from ._data import Corpus, stem
from ._params import MAX_OFFSET, SearchParams
from ._security import safe_url

__all__ = ["article_view", "entity_view", "search_view", "today_view"]

#: The store marks matching words in snippets as [word].
_MARKED = re.compile(r"\[([^\[\]]{1,200})\]")
TOP_ENTITIES, TOP_SPEAKERS, DAY_HEADLINES = 10, 10, 20


def search_view(corpus: Corpus, params: SearchParams) -> dict:
    if params.offset > MAX_OFFSET:
        raise HTTPException(400, f"paging stops after {MAX_OFFSET} results: narrow the query")
    if not params.q:
        return {"hits": [], "total": 0, "more": False, "counted": 0, "facets": {}}
    found = corpus.search(params.q, params.filters, offset=params.offset, size=params.size)
    for hit in found.hits:
        hit["snippet_parts"] = snippet_parts(hit["snippet"], found.terms)
        hit["url"] = safe_url(hit.get("url"))
    return {"hits": found.hits, "total": found.total, "more": found.more, "counted": found.counted,
            "facets": found.facets}


def snippet_parts(snippet: str, terms: frozenset[str]) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) parts. A bracketed word is a match only
    when its stem was searched for: brackets in the article stay text."""
    parts, pos = [], 0
    for match in _MARKED.finditer(snippet):
        if stem(match.group(1)) in terms:
            parts += [(snippet[pos:match.start()], False), (match.group(1), True)]
            pos = match.end()
    parts.append((snippet[pos:], False))
    return [p for p in parts if p[0]]


def article_view(corpus: Corpus, article_id: str, *, show_removed: bool = False) -> dict:
    found = corpus.article(article_id)
    if found is None:
        raise HTTPException(404, "no article with this id")
    article, original = found
    record = article.to_dict()
    return {
        "id": article_id, "record": record, "duplicate_of": original,
        "url": safe_url(article.url),
        "paragraphs": _markup.paragraphs(record, article.body),
        "people": _named(record, "PER"), "organisations": _named(record, "ORG"),
        "places": _named(record, "LOC"), "show_removed": show_removed,
        "story": corpus.story_of(article_id),
    }


def _named(record: dict, label: str) -> list[tuple[str, int]]:
    names = Counter(_entity.entity_key(e) for e in record.get("entities") or []
                    if isinstance(e, dict) and e.get("label") == label)
    return [(n, c) for n, c in names.most_common() if n]


def entity_view(corpus: Corpus, name: str) -> dict:
    stored = corpus.entity(name)
    if stored is None:
        raise HTTPException(404, "no stored article names this entity")
    found = _entity.profile(stored)
    chart = _charts.columns(found.by_month, f"Articles naming {found.name}, per month")
    return {"profile": found, "chart": chart}


def today_view(corpus: Corpus, day: str | None) -> dict:
    day = day or corpus.newest_day()
    if day is None:
        return {"day": None, "headlines": [], "entities": [], "speakers": [], "charts": {}, "stories": []}
    entities = corpus.top_entities(day, TOP_ENTITIES)
    speakers = corpus.top_speakers(day, TOP_SPEAKERS)
    charts = {
        "entities": _charts.rows([(e["name"], e["articles"]) for e in entities], "Most-named entities"),
        "speakers": _charts.rows(speakers, "Most-quoted people"),
    }
    return {"day": day, "headlines": corpus.headlines_on(day, DAY_HEADLINES), "entities": entities,
            "speakers": speakers, "charts": charts, "stories": _stories.top_stories(corpus, day)}
