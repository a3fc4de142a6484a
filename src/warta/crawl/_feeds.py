"""Article links from RSS/Atom feeds (feedparser) and from sitemaps, Google
News sitemaps included (with their publication dates); discovery of feeds
and sitemaps from a home page and robots.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree
import lxml.html

__all__ = ["Link", "discover", "links_from_feed", "links_from_sitemap", "sitemaps_in_robots"]

#: Places outlets commonly publish feeds and sitemaps, tried when a home page names none.
COMMON_PATHS = ("/rss", "/feed", "/rss.xml", "/feed.xml", "/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/xml")


@dataclass(frozen=True)
class Link:
    url: str
    published: str | None = None  # as the feed or sitemap gives it
    kind: str = "article"  # or "sitemap" for an entry of a sitemap index


def discover(home_url: str, html: bytes) -> list[str]:
    """Feed URLs named by <link rel="alternate"> on a home page."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    found = []
    for link in tree.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower()
        kind = (link.get("type") or "").lower()
        if "alternate" in rel and kind in _FEED_TYPES:
            found.append(urljoin(home_url, link.get("href")))
    return list(dict.fromkeys(found))


def sitemaps_in_robots(robots_url: str, text: str) -> list[str]:
    return [urljoin(robots_url, m) for m in re.findall(r"(?im)^\s*sitemap\s*:\s*(\S+)", text)]


def links_from_feed(data: bytes) -> list[Link]:
    import feedparser

    parsed = feedparser.parse(data)
    return [
        Link(entry.link, entry.get("published") or entry.get("updated"))
        for entry in parsed.entries
        if entry.get("link", "").startswith(("http://", "https://"))
    ]


def links_from_sitemap(data: bytes) -> list[Link]:
    try:
        root = lxml.etree.fromstring(data, parser=lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except lxml.etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    kind = "sitemap" if lxml.etree.QName(root).localname == "sitemapindex" else "article"
    links = []
    for entry in root:
        loc = _child_text(entry, "loc")
        if loc:
            links.append(Link(loc, _child_text(entry, "publication_date") or _child_text(entry, "lastmod"), kind))
    return links


def looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _child_text(entry, name: str) -> str | None:
    for el in entry.iter():
        if isinstance(el.tag, str) and lxml.etree.QName(el).localname == name and el.text:
            return el.text.strip()
    return None
