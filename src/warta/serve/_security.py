"""What keeps hostile article text and hostile requests harmless.

- Every page is rendered by Jinja with autoescape on, and a Content Security
  Policy forbids scripts, frames and foreign origins, so even a missed escape
  cannot run anything.
- Requests are bounded: the URL length and the body size; result pages are
  bounded where their parameters are declared (``_params``).
- Writes need the token given to ``create_app``; without one nothing writes.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import Header, HTTPException, Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["Limits", "require_token", "safe_url"]

MAX_URL_BYTES = 4096
MAX_BODY_BYTES = 2 * 1024 * 1024

HEADERS = {
    "content-security-policy": ("default-src 'none'; style-src 'self'; img-src 'self' data:;"
                                " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class Limits:
    """ASGI middleware: refuses long URLs (414) and large bodies (413) before
    any route reads them, and adds the security headers to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > MAX_URL_BYTES:
            return await PlainTextResponse("URL too long", 414, headers=HEADERS)(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            return await PlainTextResponse("request body too large", 413, headers=HEADERS)(scope, receive, send)
        await self.app(scope, _bounded(receive), _with_headers(send))


def _bounded(receive: Receive) -> Receive:
    """Stops a chunked body that grows past the limit without declaring it."""
    seen = 0

    async def bounded() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > MAX_BODY_BYTES:
            raise HTTPException(413, "request body too large")
        return message
    return bounded


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            extra = [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in names]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)
    return sending


def require_token(request: Request, authorization: str = Header("", max_length=512)) -> None:
    """A dependency of every write route: ``Authorization: Bearer <token>``."""
    expected = request.app.state.write_token
    if not expected:
        raise HTTPException(403, "writing is switched off (start the server with a write token)")
    given = authorization.removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid write token is required", {"WWW-Authenticate": "Bearer"})


def safe_url(url) -> str | None:
    """``url`` when it is an http(s) link, else None: a record's URL becomes
    an href only if it cannot be ``javascript:`` or ``data:``."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
