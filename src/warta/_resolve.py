"""Read stages that settle the record's fields from the candidates that the
front ends and body stages gathered in ``article.hints``."""

from __future__ import annotations

import re

from ._article import Article, Outlet
from ._credits import Credits, trailer_credits
from ._dates import ParsedTime, find_datetime
from ._labels import label_from_trailer
from ._lang import detect_language
from ._normalise import clean_line, key
from ._outlets import from_mention, from_url, timezone_of
from ._pipeline import stage
from ._settings import DEFAULT, Settings

__all__ = [
    "check_content", "resolve_credits", "resolve_dates", "resolve_headline",
    "resolve_label", "resolve_language", "resolve_outlet",
]

_STRAY_EDGES = re.compile(r"^[\s•·|»«>\-–—*#:]+|[\s•·|»«<\-–—*#:]+$")


def _settings(article: Article) -> Settings:
    return article.hints.get("settings", DEFAULT)


@stage(needs=("paragraphs",), sets=("authors", "editor", "reporter"))
def resolve_credits(article: Article) -> None:
    credits: list[Credits] = list(article.hints.get("credits", []))
    if article.hints.get("trailer"):
        credits.append(trailer_credits(article.hints["trailer"]))
    authors = list(article.hints.get("authors", []))
    for c in credits:
        authors.extend(c.authors)
        article.editor = article.editor or c.editor
        article.reporter = article.reporter or c.reporter
    authors.extend(article.hints.get("meta_authors", []))
    article.authors = _unique_names(authors)


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        name = clean_line(name).strip(" ,.|")
        if name and key(name) not in seen:
            seen[key(name)] = name
    return list(seen.values())


@stage(needs=("dateline",), sets=("outlet",))
def resolve_outlet(article: Article) -> None:
    """The page's own words first (label line, dateline, byline), then its
    metadata, then the URL; a known URL domain overrides a mention of another
    outlet (a syndicated copy is published by the site that hosts it)."""
    given = article.hints.get("outlet")
    mentions = [*article.hints.get("outlet_mentions", [])]
    if article.dateline and article.dateline.outlet:
        mentions.append(article.dateline.outlet)
    mentions += article.hints.get("meta_outlets", [])
    found = [o for o in map(from_mention, mentions) if o]
    by_url = from_url(article.url or article.hints.get("canonical_url"))
    if given:
        article.outlet = from_mention(given) or Outlet(given)
    elif by_url and by_url.domain != by_url.name and not _same_site(found, by_url):
        article.outlet = by_url
    elif found:
        article.outlet = found[0]
    else:
        article.outlet = by_url
    if article.outlet is None:
        article.warn("outlet: the page does not name its publisher and no URL was given")


def _same_site(found: list[Outlet], by_url: Outlet) -> bool:
    return not found or any(o.domain and by_url.domain.endswith(o.domain) for o in found)


@stage(needs=("paragraphs",), sets=("label",))
def resolve_label(article: Article) -> None:
    article.label = article.hints.get("label") or label_from_trailer(article.hints.get("trailer"))


@stage(needs=("outlet", "language"), sets=("published", "updated"))
def resolve_dates(article: Article) -> None:
    settings = _settings(article)
    zone = _default_zone(article, settings)
    hints = article.hints
    published = _best_time([*hints.get("published_candidates", []), hints.get("published_text")], settings, zone)
    updated = _best_time([*hints.get("updated_candidates", []), hints.get("updated_text")], settings, zone)
    if published:
        article.published = published.isoformat()
        article.published_zone_assumed = published.zone_assumed
        if published.zone_assumed:
            article.warn(f"published: the page gives no time zone; {zone} assumed")
    else:
        article.warn("published: no publication date found on the page")
    if updated and (not published or updated.value != published.value):
        article.updated = updated.isoformat()


def _default_zone(article: Article, settings: Settings) -> str:
    # A known outlet says where its clocks are; for others, the language guesses.
    by_language = dict(settings.language_timezones).get(article.language or "")
    return timezone_of(article.outlet, settings.default_timezone) or by_language or settings.default_timezone


def _best_time(texts: list[str | None], settings: Settings, zone: str) -> ParsedTime | None:
    """The first time found; if it has no zone, the same wall-clock time with
    one from another candidate (metadata "2025/10/20 14:05" + visible "... WIB")."""
    found = [
        t for t in (find_datetime(x, order=settings.date_order, default_tz=zone) for x in texts if x) if t
    ]
    if not found:
        return None
    first = found[0]
    if first.zone_assumed:
        wall = first.value.replace(tzinfo=None)
        return next((t for t in found if not t.zone_assumed and t.value.replace(tzinfo=None) == wall), first)
    return first


@stage(needs=("outlet",), sets=("headline",))
def resolve_headline(article: Article) -> None:
    headline = article.hints.get("meta_headline") or article.headline
    if headline:
        headline = _STRAY_EDGES.sub("", clean_line(headline))
        headline = _drop_outlet_suffix(headline, article.outlet)
    article.headline = headline or None
    if not article.headline:
        article.warn("headline: none found")


def _drop_outlet_suffix(headline: str, outlet: Outlet | None) -> str:
    """"Judul Berita - Kompas.com" -> "Judul Berita" (titles of HTML pages)."""
    while True:
        seps = list(_TITLE_SEP.finditer(headline))
        if not seps:
            return headline
        suffix = headline[seps[-1].end() :]
        if not (from_mention(suffix) or (outlet and key(suffix) == key(outlet.name))):
            return headline
        headline = headline[: seps[-1].start()]


_TITLE_SEP = re.compile(r"\s+[|\-–—]\s+")


@stage(needs=("paragraphs",), sets=("language",))
def resolve_language(article: Article) -> None:
    text = article.body or article.headline or ""
    code, _ = detect_language(text, _settings(article).languages)
    article.language = code
    if code is None:
        article.warn("language: too little text to tell")


@stage(needs=("paragraphs", "headline"), sets=("warnings",))
def check_content(article: Article) -> None:
    if not article.paragraphs:
        article.warn("paragraphs: no article body found; the page may not be a news article")
    elif len(article.body) < 200 or not any(len(p.split()) >= 8 for p in article.paragraphs):
        article.warn("paragraphs: very little prose; the page may not be a news article")
