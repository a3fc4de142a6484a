"""Every response fetched, kept as WARC beside the store, so that nothing
fetched is lost and everything can be read again by a newer warta."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ._fetch import Response

__all__ = ["Archive"]


class Archive:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / time.strftime("crawl-%Y%m%d-%H%M%S.warc.gz")
        self._file = self.path.open("ab")
        self._writer = WARCWriter(self._file, gzip=True)
        self._lock = threading.Lock()

    def write(self, response: Response) -> None:
        headers = StatusAndHeaders(str(response.status), list(response.headers.items()), protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            response.url, "response", payload=io.BytesIO(response.body), http_headers=headers
        )
        with self._lock:
            self._writer.write_record(record)
            self._file.flush()

    def close(self) -> None:
        self._file.close()
