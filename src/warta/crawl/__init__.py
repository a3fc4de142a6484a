"""Crawling news sites through their feeds and sitemaps, politely."""

from ._archive import Archive
from ._crawler import Crawler, CrawlReport
from ._fetch import Fetcher, FetchError, Politeness, Response
from ._safety import UnsafeURLError, check_url
from ._state import CrawlState

__all__ = [
    "Archive", "CrawlReport", "CrawlState", "Crawler", "FetchError", "Fetcher", "Politeness",
    "Response", "UnsafeURLError", "check_url",
]
