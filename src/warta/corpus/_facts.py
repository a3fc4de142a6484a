"""What the understanding stages left in the stored records: the most named
entities, and quotes by speaker and topic. Both read originals only, so a
wire story reprinted by ten outlets counts once."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from ._search import _filters
from ._stem import stems

__all__ = ["EntityCount", "QuoteHit", "quotes", "top_entities"]


@dataclass(frozen=True)
class EntityCount:
    name: str
    label: str | None
    articles: int  # articles that name it
    mentions: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class QuoteHit:
    speaker: str | None
    text: str
    article_id: str
    headline: str | None
    published: str | None
    url: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def _records(store, since=None, until=None, outlet=None, contains: str | None = None) -> Iterator[tuple[str, dict]]:
    where, params = _filters(since, until, outlet, None, None)
    if contains:  # a cheap prefilter; the caller checks exactly
        where += " AND r.record LIKE ?"
        params.append(f"%{contains}%")
    sql = ("SELECT a.id, r.record FROM articles a JOIN records r ON r.rowid = a.rowid"
           f" WHERE a.duplicate_of IS NULL{where} ORDER BY a.rowid")
    for id_, record in store.conn.stream(sql, params):
        yield id_, json.loads(record)


def top_entities(store, top: int = 20, *, label: str | None = None, since: str | None = None,
                 until: str | None = None, outlet: str | None = None) -> list[EntityCount]:
    """The ``top`` entities by the number of articles that name them."""
    articles, mentions, labels = Counter(), Counter(), {}
    for _, record in _records(store, since, until, outlet, contains='"entities": [{'):
        names = Counter()
        for entity in record.get("entities") or []:
            if label and entity.get("label") != label:
                continue
            name = entity.get("canonical") or entity.get("text")
            if name:
                names[name] += 1
                labels.setdefault(name, entity.get("label"))
        articles.update(names.keys())
        mentions.update(names)
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))[:top]
    return [EntityCount(n, labels[n], articles[n], mentions[n]) for n in ranked]


def quotes(store, *, speaker: str | None = None, about: str | None = None, since: str | None = None,
           until: str | None = None, outlet: str | None = None, limit: int = 50) -> list[QuoteHit]:
    """Quotes whose speaker contains ``speaker`` (case-insensitive) and whose
    text holds every word of ``about`` in any form ("inflasi", "berinflasi")."""
    wanted = set(stems(about or "").split())
    hits: list[QuoteHit] = []
    for id_, record in _records(store, since, until, outlet, contains='"quotes": [{'):
        for quote in record.get("quotes") or []:
            if _speaker_matches(quote, speaker) and wanted <= set(stems(quote.get("text") or "").split()):
                hits.append(QuoteHit(_speaker_name(quote), quote.get("text") or "", id_,
                                     record.get("headline"), record.get("published"), record.get("url")))
                if len(hits) == limit:
                    return hits
    return hits


def _speaker_name(quote: dict) -> str | None:
    entity = quote.get("speaker_entity")
    return (entity.get("canonical") if isinstance(entity, dict) else None) or quote.get("speaker")


def _speaker_matches(quote: dict, speaker: str | None) -> bool:
    if not speaker:
        return True
    names = [quote.get("speaker") or "", _speaker_name(quote) or ""]
    return any(speaker.casefold() in name.casefold() for name in names)
