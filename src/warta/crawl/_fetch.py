"""Polite HTTP fetching: robots.txt obeyed, a per-host delay and concurrency
cap, a clear User-Agent, conditional GET, retries with backoff, timeouts, a
maximum size, and redirects followed by hand so that every hop is checked."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from .._errors import FetchError
from ._safety import check_url

__all__ = ["FetchError", "Fetcher", "Politeness", "Response"]

USER_AGENT = f"warta/{__version__} (+https://pypi.org/project/warta/; news monitoring crawler)"
_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Politeness:
    delay: float = 1.0  # seconds between requests to one host
    per_host: int = 1  # requests in flight to one host
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    retries: int = 2
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False  # tests and intranets only


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    requested: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Fetcher:
    def __init__(self, politeness: Politeness = Politeness(), *, sleep=time.sleep, clock=time.monotonic):
        self.p = politeness
        self._sleep, self._clock = sleep, clock
        self._client = httpx.Client(timeout=politeness.timeout, follow_redirects=False,
                                    headers={"User-Agent": politeness.user_agent})
        self._lock = threading.Lock()
        self._next: dict[str, float] = defaultdict(float)
        self._slots: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(self.p.per_host))
        self._robots: dict[str, RobotFileParser] = {}
        self.log: list[tuple[float, str, int | str]] = []  # (time, url, status or error): what was asked, when

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        seen: list[str] = []
        for _ in range(self.p.max_redirects + 1):
            check_url(url, allow_private=self.p.allow_private)
            if not self.allowed(url):
                raise FetchError(f"robots.txt disallows {url}")
            response = self._get_with_retries(url, headers)
            if response.status not in _REDIRECTS:
                response.requested, response.redirects = (seen[0] if seen else url), seen
                return response
            seen.append(url)
            url = urljoin(url, response.headers.get("location", ""))
            if url in seen:
                raise FetchError(f"redirect loop at {url}")
        raise FetchError(f"more than {self.p.max_redirects} redirects from {seen[0]}")

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root + "/robots.txt")
        return self._robots[root].can_fetch(self.p.user_agent, url)

    def _load_robots(self, robots_url: str) -> RobotFileParser:
        parser = RobotFileParser(robots_url)
        try:
            response = self._get_with_retries(robots_url, {})
        except FetchError:
            response = None
        if response is None or response.status >= 500:
            parser.disallow_all = True  # RFC 9309: an unreachable robots.txt means "not now"
        elif response.status >= 400:
            parser.allow_all = True
        else:
            parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Response:
        for attempt in range(self.p.retries + 1):
            try:
                response = self._get_once(url, headers)
            except (httpx.TransportError, httpx.InvalidURL) as exc:
                error: str | Response = f"{type(exc).__name__}: {exc}"
            else:
                if response.status not in _RETRY_STATUS:
                    return response
                error = response
            if attempt < self.p.retries:
                self._sleep(self.p.backoff * 2**attempt)
        if isinstance(error, Response):
            return error
        raise FetchError(f"{url}: {error}")

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        with self._host_turn(urlsplit(url).netloc):
            try:
                with self._client.stream("GET", url, headers=headers) as r:
                    body = self._read_capped(url, r)
                    self.log.append((self._clock(), url, r.status_code))
                    return Response(str(r.url), r.status_code, {k.lower(): v for k, v in r.headers.items()}, body)
            except httpx.HTTPError as exc:
                self.log.append((self._clock(), url, type(exc).__name__))
                raise

    def _read_capped(self, url: str, r: httpx.Response) -> bytes:
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.p.max_bytes:
            raise FetchError(f"{url}: {int(declared):,} bytes, over the limit of {self.p.max_bytes:,}")
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > self.p.max_bytes:
                raise FetchError(f"{url}: more than {self.p.max_bytes:,} bytes, over the limit")
            chunks.append(chunk)
        return b"".join(chunks)

    @contextmanager
    def _host_turn(self, host: str):
        """At most ``per_host`` requests in flight to a host, started at least
        ``delay`` seconds apart."""
        with self._slots[host]:
            with self._lock:
                now = self._clock()
                start = max(now, self._next[host])
                self._next[host] = start + self.p.delay
            if start > now:
                self._sleep(start - now)
            yield
