"""A crawl: sources -> feeds and sitemaps -> new article URLs -> fetched,
archived, read, handed to a sink (the store)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .._article import Article
from .._errors import WartaError
from .._read import read
from ..corpus._ids import normalise_url
from ._archive import Archive
from ._feeds import (
    COMMON_PATHS,
    Link,
    discover,
    links_from_feed,
    links_from_sitemap,
    looks_like_feed,
    sitemaps_in_robots,
)
from ._fetch import Fetcher
from ._safety import check_url
from ._state import CrawlState

__all__ = ["CrawlReport", "Crawler"]

_HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
_SITEMAP_DEPTH = 2


@dataclass
class CrawlReport:
    stored: int = 0
    skipped_seen: int = 0
    failed: Counter = field(default_factory=Counter)  # reason -> count

    def summary(self) -> str:
        lines = [f"stored: {self.stored}", f"already seen: {self.skipped_seen}"]
        lines += [f"failed, {reason}: {n}" for reason, n in self.failed.most_common()]
        return "\n".join(lines)


class Crawler:
    def __init__(self, state: CrawlState, fetcher: Fetcher, archive: Archive,
                 sink: Callable[[Article], None], *, workers: int = 4, max_new: int = 1000):
        self.state, self.fetcher, self.archive, self.sink = state, fetcher, archive, sink
        self.workers, self.max_new = workers, max_new

    def add_source(self, home: str) -> list[tuple[str, str]]:
        """Find a site's feeds and sitemaps (robots.txt, <link rel=alternate>,
        common paths) and remember them; returns (url, kind) pairs."""
        check_url(home, allow_private=self.fetcher.p.allow_private)  # say why, not "nothing found"
        found = [(u, "sitemap") for u in self._robots_sitemaps(home)]
        found += [(u, "feed") for u in self._page_feeds(home)]
        if not found:
            found = self._common_paths(home)
        if not found:
            raise WartaError(f"no feed or sitemap found for {home}")
        for url, kind in found:
            self.state.add_source(url, kind, home)
        return found

    def run_once(self) -> CrawlReport:
        report = CrawlReport()
        links = [link for url, kind, _ in self.state.sources() for link in self._links(url, kind, report)]
        new = self._new_links(links, report)
        with ThreadPoolExecutor(self.workers) as pool:
            # Fetching and reading happen in the threads; the sink and the state
            # are written here, in one thread, and a URL is marked seen only
            # after the sink took its article: a crash loses nothing.
            for url, final_url, outcome, article in pool.map(self._fetch_article, new):
                if article is not None:
                    self.sink(article)
                    self.state.mark_seen(normalise_url(final_url), final_url, outcome)
                    report.stored += 1
                else:
                    report.failed[outcome] += 1
                self.state.mark_seen(normalise_url(url), url, outcome)
        return report

    def _new_links(self, links: list[Link], report: CrawlReport) -> list[str]:
        new: dict[str, str] = {}
        for link in links:
            canonical = normalise_url(link.url)
            if self.state.is_seen(canonical):
                report.skipped_seen += 1
            elif canonical not in new:
                new[canonical] = link.url
        return list(new.values())[: self.max_new]

    def _links(self, url: str, kind: str, report: CrawlReport, depth: int = 0) -> list[Link]:
        etag, modified = self.state.validators(url)
        try:
            response = self.fetcher.get(url, etag=etag, last_modified=modified)
        except WartaError as exc:
            report.failed[f"source: {_reason(exc)}"] += 1
            return []
        if response.status == 304:
            return []
        if response.status != 200:
            report.failed[f"source: HTTP {response.status}"] += 1
            return []
        self.state.set_validators(url, response.headers.get("etag"), response.headers.get("last-modified"))
        links = links_from_feed(response.body) if looks_like_feed(response.body) else links_from_sitemap(response.body)
        articles = [link for link in links if link.kind == "article"]
        if depth < _SITEMAP_DEPTH:
            for child in (link for link in links if link.kind == "sitemap"):
                articles += self._links(child.url, "sitemap", report, depth + 1)
        return articles

    def _fetch_article(self, url: str) -> tuple[str, str, str, Article | None]:
        """(url, final url, outcome, article or None); no shared state touched."""
        try:
            response = self.fetcher.get(url)
        except WartaError as exc:
            return url, url, _reason(exc), None
        self.archive.write(response)
        if response.status != 200:
            return url, response.url, f"HTTP {response.status}", None
        if response.content_type not in _HTML_TYPES:
            return url, response.url, f"not HTML ({response.content_type})", None
        try:
            return url, response.url, "stored", read(response.body, url=response.url)
        except WartaError as exc:
            return url, response.url, _reason(exc), None

    def _robots_sitemaps(self, home: str) -> list[str]:
        robots = urljoin(home, "/robots.txt")
        try:
            response = self.fetcher.get(robots)
        except WartaError:
            return []
        return sitemaps_in_robots(robots, response.body.decode("utf-8", "replace")) if response.status == 200 else []

    def _page_feeds(self, home: str) -> list[str]:
        try:
            response = self.fetcher.get(home)
        except WartaError:
            return []
        return discover(response.url, response.body) if response.status == 200 else []

    def _common_paths(self, home: str) -> list[tuple[str, str]]:
        found = []
        for path in COMMON_PATHS:
            try:
                response = self.fetcher.get(urljoin(home, path))
            except WartaError:
                continue
            if response.status == 200:
                kind = "feed" if looks_like_feed(response.body) else "sitemap"
                if kind == "feed" or links_from_sitemap(response.body):
                    found.append((response.url, kind))
        return found


def _reason(exc: Exception) -> str:
    """The reason without its URL, so that reasons can be counted:
    "robots.txt disallows http://x/y" -> "robots.txt disallows"."""
    text = re.sub(r"\s*https?://\S+", "", str(exc))
    return re.sub(r"(\s+at)?[\s:]*$", "", text).lstrip(": ") or type(exc).__name__
