"""Outlet knowledge (data/outlets.json): who published a page, from a
domain or from how the page names itself ("RAKYATKU.COM", "detikFinance")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from ._article import Outlet
from ._normalise import key

__all__ = ["from_copyright", "from_mention", "from_url", "host_of", "timezone_of"]

_DOMAIN_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(com|id|co\.id|net|org|my|co)$", re.I)
_COPYRIGHT_WORDS = re.compile(
    r"copyright|hak cipta( terpelihara| dilindungi undang-undang)?|all rights reserved|©|\(c\)|\b\d{4}\b", re.I
)


@dataclass(frozen=True)
class _Known:
    name: str
    domain: str
    timezone: str | None = None
    brand: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Table:
    by_key: dict[str, _Known]
    by_host: dict[str, _Known]
    brands: tuple[_Known, ...]


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = json.loads(resources.files("warta").joinpath("data/outlets.json").read_text("utf-8"))
    table = _Table({}, {}, ())
    brands = []
    for entry in raw["outlets"]:
        pattern = entry.get("brand_pattern")
        known = _Known(entry["name"], entry["domain"], entry.get("timezone"), re.compile(pattern) if pattern else None)
        if known.brand:
            brands.append(known)
            continue
        for host in entry.get("hosts") or [known.domain]:
            table.by_host.setdefault(host, known)
        for alias in [known.name, *entry.get("hosts", []), *entry["aliases"]]:
            table.by_key.setdefault(key(alias), known)
        table.by_key.setdefault(key(known.domain), known)
    return _Table(table.by_key, table.by_host, tuple(brands))


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.").removeprefix("m.").removeprefix("amp.") if host else None


def from_url(url: str | None) -> Outlet | None:
    """The outlet of a URL: the longest known host suffix, else the host itself."""
    host = host_of(url)
    if not host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        known = _table().by_host.get(".".join(parts[i:]))
        if known:
            return Outlet(known.name, known.domain)
    return Outlet(host, host)


def from_mention(text: str) -> Outlet | None:
    """The outlet named by a label, dateline or byline fragment, e.g.
    "Rakyatku.Com" -> Rakyatku.com; "detikFinance" keeps its channel name."""
    text = text.strip(" -–—,:|()")
    if not text or len(text) > 60:
        return None
    table = _table()
    known = table.by_key.get(key(text))
    if known:
        return Outlet(known.name, known.domain)
    for brand in table.brands:
        if brand.brand.match(text):
            return Outlet(text, brand.domain)
    if _DOMAIN_LIKE.match(text):
        return Outlet(text, text.lower())
    return None


def from_copyright(line: str) -> Outlet | None:
    """"© 2025 Berita Harian. Hak cipta terpelihara." -> Berita Harian."""
    for part in re.split(r"[.,|-](?:\s|$)", _COPYRIGHT_WORDS.sub(" ", line)):
        found = from_mention(part.strip())
        if found:
            return found
    return None


def timezone_of(outlet: Outlet | None, default: str) -> str | None:
    """The zone of a known outlet's times: its own (Malaysian outlets) or
    ``default`` (Indonesian ones); None for an outlet warta does not know."""
    if outlet is None:
        return None
    known = _table().by_key.get(key(outlet.name)) or _table().by_host.get(outlet.domain or "")
    if known is None:
        return None
    return known.timezone or default
