"""Crawling news sites through their feeds and sitemaps, politely."""

from ._archive import Archive
from ._crawler import CrawlReport, Crawler
from ._fetch import FetchError, Fetcher, Politeness, Response
from ._safety import UnsafeURLError, check_url
from ._state import CrawlState

__all__ = [
    "Archive", "CrawlReport", "CrawlState", "Crawler", "FetchError", "Fetcher", "Politeness",
    "Response", "UnsafeURLError", "check_url",
]
