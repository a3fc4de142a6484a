"""What the store needs of an article, computed where it is cheap to do in
parallel (the ingest workers): id, hashes, MinHash signature, stemmed text."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .._article import Article
from ._entity_index import mention_rows, quote_rows
from ._ids import article_id, body_hash
from ._minhash import buckets, signature
from ._stem import stems
from ._stories import entity_names

__all__ = ["Failure", "Prepared", "prepare"]


@dataclass(frozen=True)
class Prepared:
    id: str
    columns: dict  # the indexed columns of the articles table
    record: str  # Article.to_dict() as JSON
    body_hash: str | None  # None for an article without a body
    signature: bytes | None
    buckets: tuple[int, ...]  # LSH buckets of the signature
    headline_stems: str
    body_stems: str
    source: str | None = None
    digest: str | None = None  # of the input document, so a rerun skips it
    mentions: tuple = ()  # rows of the entity index (_entity_index.mention_rows)
    quotes: tuple = ()  # rows of the quote index (_entity_index.quote_rows)
    story_entities: tuple[str, ...] = ()  # what story grouping reads of the entities (_stories)


@dataclass(frozen=True)
class Failure:
    """A document that could not be read, and why (stored, counted, never raised)."""

    source: str
    reason: str
    digest: str | None = None


def prepare(article: Article, *, source: str | None = None, digest: str | None = None) -> Prepared:
    record = article.to_dict()
    outlet = article.outlet
    columns = {
        "url": article.url, "outlet": outlet.name if outlet else None,
        "domain": outlet.domain if outlet else None, "published": article.published,
        "label": article.label, "language": article.language, "headline": article.headline,
    }
    body = article.body
    sig = signature(body)
    return Prepared(
        id=article_id(article.url, article.headline, article.paragraphs),
        columns=columns,
        record=json.dumps(record, ensure_ascii=False, sort_keys=True),
        body_hash=body_hash(article.paragraphs) if body.strip() else None,
        signature=sig,
        buckets=tuple(buckets(sig)) if sig else (),
        headline_stems=stems(article.headline or ""),
        body_stems=stems(body),
        source=source,
        digest=digest,
        mentions=tuple(mention_rows(record)),
        quotes=tuple(quote_rows(record)),
        story_entities=entity_names(record.get("entities")),
    )
