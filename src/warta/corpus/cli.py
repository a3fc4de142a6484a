"""The corpus commands of ``warta`` (``ingest``, ``search``, ``export``,
``entities``, ``quotes``, ``stories``, ``compact``): each parses its arguments, calls one library
function, and turns a ``WartaError`` into one line on stderr and exit code 2.
``warta.cli`` adds every command listed in ``commands``."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from functools import wraps

import click

from .._errors import WartaError
from .._settings import DEFAULT, replace
from ._errors import StoreError

__all__ = ["commands"]

EXIT_BAD_INPUT = 2
db_option = click.option("--db", default="warta.db", show_default=True,
                         help="The store: a SQLite file or a postgresql:// URL.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                             show_default=True, help="A readable table, or JSON lines.")


def _reports_errors(command: Callable) -> Callable:
    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except WartaError as exc:
            click.echo(f"warta: {exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)
    return run


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--csv-map", help="CSV columns: headline=judul,published=tanggal,body=isi_berita,url=tautan")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]), default=DEFAULT.date_order,
              show_default=True, help="Order of ambiguous numeric dates (mdy for Detik's CSV).")
@click.option("--nlp/--no-nlp", default=True, show_default=True,
              help="Also run the understanding stages (entities, quotes, times, ...).")
@click.option("--stories/--no-stories", default=True, show_default=True,
              help="Group stories as articles are stored; --no-stories leaves it to the next "
                   "`warta stories` (faster ingest, the same stories).")
@click.option("--quiet", is_flag=True, help="No progress line.")
@_reports_errors
def ingest_command(paths, db, workers, csv_map, date_order, nlp, stories, quiet):
    """Read PATHS (text/HTML files, folders, JSONL, CSV, WARC) into the store."""
    from ._ingest import ingest
    from ._store import Store

    with Store(db) as store:
        report = ingest(store, list(paths), workers=workers, csv_map=csv_map,
                        settings=replace(DEFAULT, date_order=date_order), nlp=nlp,
                        progress=None if quiet else _Progress(), stories=stories)
    if not quiet:
        click.echo("", err=True)
    click.echo(report.summary())


class _Progress:
    """One line on stderr, rewritten in place: done/total, rate, ETA, errors."""

    def __init__(self):
        self.start = time.monotonic()

    def __call__(self, report) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = report.done / elapsed
        total = report.total or report.done
        eta = (total - report.done) / rate if rate else 0
        click.echo(f"\r{report.done:,}/{total:,} documents  {rate:,.0f}/s  "
                   f"ETA {int(eta) // 60}:{int(eta) % 60:02d}  errors {report.counts['failed']:,}   ",
                   err=True, nl=False)


@click.command("search")
@click.argument("query")
@db_option
@click.option("--since", help="Published on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this day (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet name or domain (rakyatku.com).")
@click.option("--label", type=click.Choice(["editorial", "sponsored", "press_release"]))
@click.option("--language", help="ISO 639-1 code: id, ms, jv, en.")
@click.option("--entity", help="Only articles naming this entity (canonical name, any case).")
@click.option("--speaker", help="Only articles quoting this person (any case).")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@format_option
@_reports_errors
def search_command(query, db, since, until, outlet, label, language, entity, speaker, limit, fmt):
    """Search the store: words (all must match), "phrases", OR, NOT, -word."""
    from ._search import search
    from ._store import Store

    with Store(db, create=False) as store:
        hits = search(store, query, since=since, until=until, outlet=outlet, label=label,
                      language=language, entity=entity, speaker=speaker, limit=limit)
    if fmt == "json":
        for hit in hits:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    for hit in hits:
        copies = f"  (+{hit.copies} copies)" if hit.copies else ""
        click.echo(f"{hit.score:7.2f}  {(hit.published or '')[:10]:10}  {hit.outlet or '-'}  "
                   f"{hit.headline or '(no headline)'}{copies}")
        click.echo(f"         {hit.snippet}\n")
    if not hits:
        click.echo("no matches", err=True)


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="parquet needs pyarrow (pip install 'warta[parquet]').")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--originals-only", is_flag=True, help="Leave out the duplicates.")
@_reports_errors
def export_command(db, fmt, out, originals_only):
    """Write every stored article to OUT/articles.FORMAT."""
    from ._dump import export
    from ._store import Store

    with Store(db, create=False) as store:
        click.echo(export(store, fmt, out, originals_only=originals_only))


@click.command("entities")
@db_option
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--label", help="Only this entity label (PERSON, ORGANIZATION, LOCATION, ...).")
@click.option("--since", help="Published on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this day (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet name or domain.")
@format_option
@_reports_errors
def entities_command(db, top, label, since, until, outlet, fmt):
    """The entities named in the most articles (duplicates count once)."""
    from ._facts import top_entities
    from ._store import Store

    with Store(db, create=False) as store:
        counts = top_entities(store, top, label=label, since=since, until=until, outlet=outlet)
    if counts and fmt != "json":
        click.echo(f"{'articles':>8}  {'mentions':>8}  {'label':12}  name")
    for entity in counts:
        click.echo(json.dumps(entity.to_dict(), ensure_ascii=False) if fmt == "json" else
                   f"{entity.articles:8,}  {entity.mentions:8,}  {entity.label or '-':12}  {entity.name}")


@click.command("quotes")
@db_option
@click.option("--speaker", help="Part of the speaker's name, any case.")
@click.option("--about", help="Words the quote must hold, in any form.")
@click.option("--since", help="Published on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this day (YYYY-MM-DD).")
@click.option("--outlet", help="Outlet name or domain.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@format_option
@_reports_errors
def quotes_command(db, speaker, about, since, until, outlet, limit, fmt):
    """What a person said, optionally about a topic; newest first."""
    from ._facts import quotes
    from ._store import Store

    with Store(db, create=False) as store:
        hits = quotes(store, speaker=speaker, about=about, since=since, until=until, outlet=outlet,
                      limit=limit)
    for hit in hits:
        click.echo(json.dumps(hit.to_dict(), ensure_ascii=False) if fmt == "json" else
                   f"{(hit.published or '')[:10]:10}  {hit.speaker or '?'}: \u201c{hit.text}\u201d\n"
                   f"            {hit.headline or ''}  {hit.url or ''}\n")


@click.command("stories")
@db_option
@click.option("--since", help="Seen on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Seen on or before this day (YYYY-MM-DD).")
@click.option("--outlet", help="Only stories this outlet (name or domain) reported.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1, max=500), default=20, show_default=True)
@format_option
@_reports_errors
def stories_command(db, since, until, outlet, min_articles, limit, fmt):
    """Stories: articles about one event across outlets and days, the biggest first."""
    from ._store import Store

    with Store(db, create=False) as store:
        _group_what_is_new(store)
        found = store.stories(since=since, until=until, outlet=outlet, min_articles=min_articles,
                              limit=limit)
    if found and fmt != "json":
        click.echo(f"{'articles':>8}  {'outlets':>7}  {'first seen':16} - {'last seen':16}  title  [story id]")
    for story in found:
        click.echo(json.dumps(story.to_dict(), ensure_ascii=False) if fmt == "json" else
                   f"{story.articles:8,}  {story.outlets:7,}  {(story.first_seen or '')[:16]:16}"
                   f" - {(story.last_seen or '')[:16]:16}  {story.title or '(no headline)'}  [{story.id}]")
    if not found:
        click.echo("no stories", err=True)


def _group_what_is_new(store) -> None:
    """Group what was stored since the last grouping; a store this command
    may not write (read-only, or a writer holding it too long) lists the
    stories grouped so far, with a warning."""
    from ._story_store import ungrouped

    try:
        store.group_stories()
    except StoreError as exc:
        click.echo(f"warta: {ungrouped(store):,} articles are not in stories yet: {exc}", err=True)


@click.command("compact")
@db_option
@_reports_errors
def compact_command(db):
    """Give back the space the store no longer uses (after migrations, rewrites),
    and sort the search index by publish day if it is not."""
    from ._compact import sorts_index
    from ._store import Store

    with Store(db, create=False) as store:
        sorts = sorts_index(store)
        sizes = store.compact()
    if sorts:  # it took longer, and date filters now read fewer parts: say why
        click.echo(f"{db}: search index sorted by publish day")
    if sizes:
        click.echo(f"{db}: {sizes[0] / 2**20:,.1f} MiB -> {sizes[1] / 2**20:,.1f} MiB")
    else:
        click.echo(f"{db}: vacuumed and analysed")


commands = [ingest_command, search_command, export_command, entities_command, quotes_command,
            stories_command, compact_command]
