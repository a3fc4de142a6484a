"""``warta batch``: a thin command over ``run_batch``."""

from __future__ import annotations

import sys
import time

import click

from .._errors import WartaError
from .._inputs import parse_csv_map
from .._settings import DEFAULT, replace
from . import DEFAULT_CSV_MAP, ENGINES, InputOptions, run_batch

__all__ = ["commands"]


def _csv_map(_ctx, _param, value: str | None) -> dict[str, str]:
    try:
        return parse_csv_map(value, DEFAULT_CSV_MAP)
    except WartaError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Folder (or URI, with Spark) for the Parquet tables.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True)
@click.option("--workers", type=click.IntRange(min=1), help="Local engine: worker processes [all cores].")
@click.option("--master", help="Spark master URL, e.g. spark://host:7077 [local[*]].")
@click.option("--partitions", type=click.IntRange(min=1), help="Spark: partitions of the documents.")
@click.option("--csv-map", callback=_csv_map, help="CSV columns: headline=judul,published=tanggal,body=isi_berita,url=tautan")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]), default="dmy", show_default=True,
              help="Order of ambiguous numeric dates (Detik's CSV writes mdy).")
def batch(inputs, out, engine, workers, master, partitions, csv_map, date_order) -> None:
    """Read INPUTS (files, folders, JSONL, CSV, WARC) into Parquet tables under --out."""
    started = time.monotonic()
    try:
        report = run_batch(
            list(inputs), out, engine=engine, workers=workers, master=master, partitions=partitions,
            settings=replace(DEFAULT, date_order=date_order), options=InputOptions(csv_map),
            progress=_progress(started) if sys.stderr.isatty() else None,
        )
    except WartaError as exc:
        click.echo(f"warta: {exc}", err=True)
        sys.exit(2)
    seconds = time.monotonic() - started
    click.echo(report.summary(), err=True)
    click.echo(f"{report.articles} articles in {seconds:.1f} s ({report.articles / max(seconds, 1e-9):.1f}/s) -> {out}", err=True)


def _progress(started: float):
    def show(report) -> None:
        rate = report.articles / max(time.monotonic() - started, 1e-9)
        click.echo(f"\r{report.articles} articles, {report.rows['errors']} errors, {rate:.0f}/s", err=True, nl=False)

    return show


commands = [batch]
