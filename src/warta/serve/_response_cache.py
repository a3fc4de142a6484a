"""ASGI middleware: a GET of a page that only reads the store (search,
article, entity, day, story; HTML and JSON) is answered with the bytes the
app sent for the same request before, from the shared ``PageCache``, before
any routing, validation, thread hop, query or template; a store write empties
the cache (``_cache``).

The key is the path and the query parameters sorted by name (a name's values
keep their order, so the last one still wins), each percent-decoded to bytes
and encoded again: "q=a+b&page=2" and "page=2&q=a%20b" share a page, and two
requests the app tells apart never do. Only complete 200 answers of at most ``MAX_PAGE_BYTES``
are kept, with the headers the app set; the security headers are added
outside (``Limits``), to cached and fresh answers alike.
"""

from __future__ import annotations

from operator import itemgetter
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._cache import PageCache
from ._shared_pages import cache_key

__all__ = ["CachedResponses", "cacheable"]

#: Pages whose answer depends on the URL and the store only (not on headers,
#: the clock or the static files).
EXACT = frozenset({"/search", "/api/search", "/today", "/api/today", "/api/stories"})
PREFIXES = ("/articles/", "/api/articles/", "/entities/", "/api/entities/", "/story/", "/api/stories/")
#: A larger answer (a story of 500 articles, say) is sent but not kept.
MAX_PAGE_BYTES = 1 << 20
_SIZE = 4  # bytes of the header block's length in a kept page


def cacheable(path: str) -> bool:
    return path in EXACT or path.startswith(PREFIXES)


class CachedResponses:
    def __init__(self, app: ASGIApp, cache: PageCache):
        self.app, self.cache = app, cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not cacheable(scope["path"]):
            return await self.app(scope, receive, send)
        key = request_key(scope)
        epoch, page = self.cache.get(key)
        if page is not None:
            return await _replay(page, send)
        if epoch is None:  # the cache cannot be used now
            return await self.app(scope, receive, send)
        await self.app(scope, receive, _keeping(send, lambda page: self.cache.put(key, epoch, page)))


def request_key(scope: Scope) -> bytes:
    query, kind = scope.get("query_string", b""), b"raw"
    if query.isascii():  # else kept as sent: the app reads a raw byte otherwise than its %XX
        # Latin-1 both ways: each %XX stays the byte it names, whatever it encodes.
        pairs = parse_qsl(query.decode("ascii"), keep_blank_values=True, encoding="latin-1")
        query = urlencode(sorted(pairs, key=itemgetter(0)), encoding="latin-1").encode("ascii")
        kind = b"sorted"
    return cache_key(scope["path"].encode("utf-8", "surrogatepass"), kind, query)


def _keeping(send: Send, keep) -> Send:
    """``send`` that also hands a complete 200 answer, packed, to ``keep``."""
    headers, body, size = None, [], 0

    async def sending(message: Message) -> None:
        nonlocal headers, size
        if message["type"] == "http.response.start":
            headers = message.get("headers", []) if message["status"] == 200 else None
        elif message["type"] == "http.response.body" and headers is not None:
            body.append(message.get("body", b""))
            size += len(body[-1])
            if size > MAX_PAGE_BYTES:
                headers = None
                body.clear()
        await send(message)
        if headers is not None and message["type"] == "http.response.body" and not message.get("more_body"):
            keep(_pack(headers, b"".join(body)))
    return sending


def _pack(headers: list[tuple[bytes, bytes]], body: bytes) -> bytes:
    """The answer as one value: its headers' length, the headers
    ("name: value\\r\\n" each; the length is set again on replay), the body."""
    block = b"".join(name + b": " + value + b"\r\n" for name, value in headers
                     if name.lower() != b"content-length")
    return len(block).to_bytes(_SIZE, "big") + block + body


async def _replay(page: bytes, send: Send) -> None:
    end = _SIZE + int.from_bytes(page[:_SIZE], "big")
    headers = [tuple(line.split(b": ", 1)) for line in page[_SIZE:end].split(b"\r\n") if line]
    body = page[end:]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
