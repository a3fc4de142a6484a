"""The batch output: one schema, whichever engine writes it.

    articles   one row per article: the main fields, and the whole record as JSON
    entities   one row per entity mention   (article_id, text, label, start, end, canonical, extra)
    quotes     one row per quote            (article_id, text, speaker, cue, kind, start, end, extra)
    times      one row per time expression  (article_id, text, value, start, end, extra)
    errors     one row per input item that gave no article (source, kind, reason)

``extra`` holds the remaining keys of a mention as JSON, so that stages can
add attributes without changing the schema.
"""

from __future__ import annotations

import json
from typing import Any

from .._article import Article
from ..corpus._ids import article_id

__all__ = ["MENTION_TABLES", "TABLES", "Bundle", "article_bundle", "error_bundle", "rows_of"]

S, INT, B, LS = "string", "int", "bool", "list<string>"

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", S), ("source", S), ("url", S), ("headline", S), ("published", S),
        ("published_zone_assumed", B), ("updated", S), ("authors", LS), ("editor", S), ("reporter", S),
        ("outlet", S), ("domain", S), ("label", S), ("language", S), ("lede", S),
        ("dateline_place", S), ("captions", LS), ("paragraphs", LS), ("summary", S),
        ("keyphrases", LS), ("warnings", LS), ("record", S),
    ),
    "entities": (("article_id", S), ("text", S), ("label", S), ("start", INT), ("end", INT), ("canonical", S), ("extra", S)),
    "quotes": (("article_id", S), ("text", S), ("speaker", S), ("cue", S), ("kind", S), ("start", INT), ("end", INT), ("extra", S)),
    "times": (("article_id", S), ("text", S), ("value", S), ("start", INT), ("end", INT), ("extra", S)),
    "errors": (("source", S), ("kind", S), ("reason", S)),
}
MENTION_TABLES = ("entities", "quotes", "times")

#: What one input document gives: its article row and mention rows, or its
#: error row. Engines write bundles; a bundle never spans documents.
Bundle = dict[str, Any]


def article_bundle(article: Article, source: str) -> Bundle:
    aid = article_id(article.url, article.headline, article.paragraphs)
    record = article.to_dict()
    row = {name: record.get(name) for name, _ in TABLES["articles"] if name in record}
    row.update(
        id=aid, source=source, record=json.dumps(record, ensure_ascii=False, sort_keys=True),
        outlet=article.outlet.name if article.outlet else None,
        domain=article.outlet.domain if article.outlet else None,
        dateline_place=article.dateline.place if article.dateline else None,
    )
    bundle: Bundle = {"articles": row, "errors": None}
    for table in MENTION_TABLES:
        bundle[table] = [_mention_row(table, aid, m) for m in getattr(article, table)]
    return bundle


def _mention_row(table: str, aid: str, mention: dict[str, Any]) -> dict[str, Any]:
    names = [n for n, _ in TABLES[table] if n not in ("article_id", "extra")]
    row = {n: _scalar(mention.get(n)) for n in names}
    extra = {k: v for k, v in mention.items() if k not in names}
    row.update(article_id=aid, extra=json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None)
    return row


def _scalar(value: Any) -> Any:
    # A speaker may be a dict (an entity); columns hold strings and numbers.
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def error_bundle(source: str, kind: str, reason: str) -> Bundle:
    empty = {table: [] for table in MENTION_TABLES}
    return {"articles": None, "errors": {"source": source, "kind": kind, "reason": reason}, **empty}


def rows_of(bundles, table: str) -> list[dict[str, Any]]:
    """The rows of one table in a list of bundles."""
    if table in MENTION_TABLES:
        return [row for b in bundles for row in b[table]]
    return [b[table] for b in bundles if b[table] is not None]
