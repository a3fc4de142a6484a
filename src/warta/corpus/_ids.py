"""Stable article ids: the normalised URL when there is one, else a hash of
the content, so that the same article read twice gets the same id."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["article_id", "body_hash", "normalise_url"]

#: Query parameters that track the reader, not name the page.
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|_ga|ref|single)$", re.I)
MOBILE_HOST = re.compile(r"^(www|m|mobile|amp)\.", re.I)


def normalise_url(url: str) -> str:
    """Scheme and host folded, ``www.``/``m.``/``amp.`` dropped, tracking
    parameters, fragments and a trailing slash removed: the copies a crawler
    sees of one page map to one string."""
    parts = urlsplit(url.strip())
    host = MOBILE_HOST.sub("", (parts.hostname or "").lower())
    path = re.sub(r"/(amp|index\.html?)?/?$", "", parts.path) or "/"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING.match(k)))
    return urlunsplit(("https", host, path, query, ""))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def body_hash(paragraphs: list[str]) -> str:
    """Hash of the body with case and whitespace folded: exact copies match."""
    return _digest(" ".join(" ".join(paragraphs).lower().split()))


def article_id(url: str | None, headline: str | None, paragraphs: list[str]) -> str:
    if url and url.strip():
        return "u:" + _digest(normalise_url(url))
    return "h:" + _digest((headline or "").strip().lower() + "\n" + " ".join(" ".join(paragraphs).split()))
