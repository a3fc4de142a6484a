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

__all__ = ["from_mention", "from_url", "host_of"]

_DOMAIN_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*\.(com|id|co\.id|net|org|my|co)$", re.I)


@dataclass(frozen=True)
class _Known:
    name: str
    domain: str
    brand: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, _Known], dict[str, _Known], tuple[_Known, ...]]:
    raw = json.loads(resources.files("warta").joinpath("data/outlets.json").read_text("utf-8"))
    by_key: dict[str, _Known] = {}
    by_domain: dict[str, _Known] = {}
    brands: list[_Known] = []
    for entry in raw["outlets"]:
        pattern = entry.get("brand_pattern")
        known = _Known(entry["name"], entry["domain"], re.compile(pattern) if pattern else None)
        if known.brand:
            brands.append(known)
            continue
        by_domain.setdefault(known.domain, known)
        for alias in [known.name, known.domain, *entry["aliases"]]:
            by_key.setdefault(key(alias), known)
    return by_key, by_domain, tuple(brands)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.").removeprefix("m.").removeprefix("amp.") if host else None


def from_url(url: str | None) -> Outlet | None:
    """The outlet of a URL: the longest known domain suffix, else the host itself."""
    host = host_of(url)
    if not host:
        return None
    _, by_domain, _ = _table()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        known = by_domain.get(".".join(parts[i:]))
        if known:
            return Outlet(known.name, known.domain)
    return Outlet(host, host)


def from_mention(text: str) -> Outlet | None:
    """The outlet named by a label, dateline or byline fragment, e.g.
    "Rakyatku.Com" -> Rakyatku.com; "detikFinance" keeps its channel name."""
    text = text.strip(" -–—,:|()")
    if not text or len(text) > 60:
        return None
    by_key, _, brands = _table()
    known = by_key.get(key(text))
    if known:
        return Outlet(known.name, known.domain)
    for brand in brands:
        if brand.brand.match(text):
            return Outlet(text, brand.domain)
    if _DOMAIN_LIKE.match(text):
        return Outlet(text, text.lower())
    return None
