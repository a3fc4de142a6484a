"""What a crawl remembers between runs: its sources, the validators of feeds
(ETag, Last-Modified) for conditional GET, and every article URL it has
fetched, by canonical URL. A small SQLite file beside the store."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

__all__ = ["CrawlState"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (url TEXT PRIMARY KEY, kind TEXT NOT NULL, home TEXT NOT NULL, added REAL NOT NULL);
CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE IF NOT EXISTS seen (canonical TEXT PRIMARY KEY, url TEXT NOT NULL, outcome TEXT NOT NULL, at REAL NOT NULL);
"""


class CrawlState:
    def __init__(self, path: str | Path):
        self.db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def add_source(self, url: str, kind: str, home: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?)", (url, kind, home, time.time()))

    def sources(self) -> list[tuple[str, str, str]]:
        return self.db.execute("SELECT url, kind, home FROM sources ORDER BY home, kind, url").fetchall()

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return row or (None, None)

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute("INSERT OR REPLACE INTO validators VALUES (?, ?, ?)", (url, etag, last_modified))

    def is_seen(self, canonical: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE canonical = ?", (canonical,)).fetchone() is not None

    def mark_seen(self, canonical: str, url: str, outcome: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?)", (canonical, url, outcome, time.time()))
