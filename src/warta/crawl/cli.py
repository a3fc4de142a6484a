"""``warta sources add|list`` and ``warta crawl``: thin commands over Crawler."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import click

from .._errors import WartaError
from ._archive import Archive
from ._crawler import Crawler
from ._fetch import Fetcher, Politeness
from ._state import CrawlState

__all__ = ["commands"]

_EVERY = re.compile(r"^(\d+)([smh])$")


def _crawl_dir(db: str) -> Path:
    """Crawl state and WARC files live beside a SQLite store ("warta.db" ->
    "warta.db.crawl/"), or in ./warta-crawl/ for a server store."""
    return Path("warta-crawl") if "://" in db else Path(db + ".crawl")


def _crawler(db: str, sink, politeness: Politeness) -> Crawler:
    folder = _crawl_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    return Crawler(CrawlState(folder / "state.sqlite"), Fetcher(politeness), Archive(folder / "warc"), sink)


def _fail(exc: WartaError) -> None:
    click.echo(f"warta: {exc}", err=True)
    sys.exit(2)


@click.group("sources")
def sources() -> None:
    """The sites a crawl follows."""


_ALLOW_PRIVATE = click.option("--allow-private", is_flag=True,
                              help="Fetch from private and loopback addresses (tests, intranets).")


@sources.command("add")
@click.argument("home")
@click.option("--db", default="warta.db", show_default=True)
@_ALLOW_PRIVATE
def sources_add(home: str, db: str, allow_private: bool) -> None:
    """Find HOME's feeds and sitemaps and follow them."""
    crawler = _crawler(db, lambda article: None, Politeness(allow_private=allow_private))
    try:
        for url, kind in crawler.add_source(home):
            click.echo(f"{kind:8} {url}")
    except WartaError as exc:
        _fail(exc)


@sources.command("list")
@click.option("--db", default="warta.db", show_default=True)
def sources_list(db: str) -> None:
    """The feeds and sitemaps followed."""
    for url, kind, home in CrawlState(_crawl_dir(db).joinpath("state.sqlite")).sources():
        click.echo(f"{home}\t{kind}\t{url}")


@click.command("crawl")
@click.option("--db", default="warta.db", show_default=True)
@click.option("--once", is_flag=True, help="Fetch what is new, then stop (the default).")
@click.option("--every", help="Keep going, one round every INTERVAL (30s, 10m, 1h).")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests to one host.")
@click.option("--per-host", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True)
@_ALLOW_PRIVATE
def crawl(db: str, once: bool, every: str | None, delay: float, per_host: int, max_bytes: int,
          allow_private: bool) -> None:
    """Fetch new articles from the sources' feeds and sitemaps, read and store them."""
    from ..corpus import Store

    if once and every:
        raise click.UsageError("give --once or --every, not both")
    interval = _interval(every) if every else None
    politeness = Politeness(delay=delay, per_host=per_host, max_bytes=max_bytes, allow_private=allow_private)
    try:
        with Store(db) as store:
            crawler = _crawler(db, store.add, politeness)
            while True:
                click.echo(crawler.run_once().summary(), err=True)
                if interval is None:
                    return
                time.sleep(interval)
    except WartaError as exc:
        _fail(exc)


def _interval(text: str) -> float:
    m = _EVERY.match(text.strip())
    if not m:
        raise click.BadParameter("use a number and s, m or h, e.g. 10m", param_hint="--every")
    return int(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2)]


commands = [sources, crawl]
