"""A news site served on 127.0.0.1 for crawl tests: routes of (status,
headers, body, delay), and a log of every request with its time."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.log: list[tuple[float, str, dict[str, str]]] = []
        #: Asked first: path -> route or None, for changing answers and for a long
        #: crawl that needs no stored pages.
        self.fallback = None
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.log.append((time.monotonic(), self.path, dict(self.headers)))
                route = site.fallback(self.path) if site.fallback else None
                route = route or site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                status, headers, body, delay = route or (404, {}, b"not found", 0.0)
                time.sleep(delay)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def route(self, path: str, body: bytes | str, status: int = 200, ctype: str = "text/html; charset=utf-8",
              delay: float = 0.0, **headers: str) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": ctype, **{k.replace("_", "-"): v for k, v in headers.items()}}, data, delay)

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.log]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
