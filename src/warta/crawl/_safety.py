"""Where a crawl may go: http and https only, the usual ports, and no private,
loopback or link-local address (checked on every redirect hop, after DNS),
so that a list of sources cannot turn warta into a scanner of the network
it runs in. Tests (and users who mean it) allow private addresses."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from .._errors import UnsafeURLError

__all__ = ["UnsafeURLError", "check_url"]

_PORTS = {"http": 80, "https": 443}
_ALLOWED_PORTS = {80, 443, 8080, 8443}


def check_url(url: str, *, allow_private: bool = False) -> None:
    parts = urlsplit(url)
    if parts.scheme not in _PORTS:
        raise UnsafeURLError(f"only http and https URLs are fetched, not {parts.scheme or 'none'}: {url}")
    if not parts.hostname:
        raise UnsafeURLError(f"no host in {url}")
    if allow_private:
        return
    port = parts.port or _PORTS[parts.scheme]
    if port not in _ALLOWED_PORTS:
        raise UnsafeURLError(f"port {port} is not a web port: {url}")
    for address in _addresses(parts.hostname):
        ip = ipaddress.ip_address(address)
        if not ip.is_global:
            raise UnsafeURLError(f"{parts.hostname} is a private, loopback or link-local address ({ip}): {url}")


def _addresses(host: str) -> set[str]:
    try:
        return {info[4][0].split("%")[0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror as exc:
        raise UnsafeURLError(f"cannot resolve {host}: {exc.strerror}") from None
