"""Other shapes of the record: schema.org NewsArticle (JSON-LD) and plain text."""

from __future__ import annotations

from typing import Any

from ._article import Article

__all__ = ["to_jsonld", "to_text"]


def to_jsonld(article: Article) -> dict[str, Any]:
    """The article as a schema.org ``NewsArticle``."""
    doc: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    optional = {
        "headline": article.headline,
        "datePublished": article.published,
        "dateModified": article.updated,
        "inLanguage": article.language,
        "url": article.url,
        "description": article.lede,
        "articleBody": article.body or None,
    }
    doc.update({k: v for k, v in optional.items() if v})
    if article.authors:
        doc["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.editor:
        doc["editor"] = {"@type": "Person", "name": article.editor}
    if article.outlet:
        publisher = {"@type": "NewsMediaOrganization", "name": article.outlet.name}
        if article.outlet.domain:
            publisher["url"] = f"https://{article.outlet.domain}/"
        doc["publisher"] = publisher
    if article.dateline and article.dateline.place:
        doc["locationCreated"] = {"@type": "Place", "name": article.dateline.place}
    if article.captions:
        doc["image"] = [{"@type": "ImageObject", "caption": c} for c in article.captions]
    if article.label == "sponsored":
        doc["@type"] = ["NewsArticle", "AdvertiserContentArticle"]
    return doc


def to_text(article: Article) -> str:
    """Headline, a line of who and when, then the paragraphs."""
    meta = " | ".join(
        x for x in (
            article.outlet.name if article.outlet else None,
            article.published,
            ", ".join(article.authors) or None,
        ) if x
    )
    head = [h for h in (article.headline, meta) if h]
    return "\n\n".join([*head, *article.paragraphs]) + "\n"
