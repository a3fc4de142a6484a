"""The ``warta`` command: a thin layer over the library. Each command parses
its arguments, calls one library function, and turns a ``WartaError`` into
one line on stderr and a non-zero exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from ._errors import WartaError
from ._export import to_jsonld, to_text
from ._read import read
from ._settings import DEFAULT, replace

EXIT_BAD_INPUT = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
def main() -> None:
    """Read Indonesian online news into clean, structured records."""


@main.command("read")
@click.argument("page", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--url", help="The page's URL (helps to name the outlet).")
@click.option("--outlet", help="The outlet's name, when you know it better than the page says.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT.max_input_bytes, show_default=True,
              help="Refuse pages larger than this.")
@click.option("--nlp/--no-nlp", default=True, show_default=True,
              help="Run the understanding stages (entities, quotes, times, quantities, summary).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonld", "text"]), default="json",
              show_default=True, help="json: the warta record; jsonld: schema.org NewsArticle; text: clean text.")
def read_command(page: str, url: str | None, outlet: str | None, max_bytes: int, nlp: bool, fmt: str) -> None:
    """Read PAGE (a text dump or an HTML file; - for stdin) and print the article."""
    source = sys.stdin.buffer.read() if page == "-" else Path(page)
    try:
        article = read(source, url=url, outlet=outlet, settings=replace(DEFAULT, max_input_bytes=max_bytes), nlp=nlp)
    except WartaError as exc:
        name = "stdin" if page == "-" else page
        message = str(exc) if name in str(exc) else f"{name}: {exc}"
        click.echo(f"warta: {message}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if fmt == "text":
        click.echo(to_text(article), nl=False)
        return
    record = to_jsonld(article) if fmt == "jsonld" else article.to_dict()
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


def _register_commands() -> None:
    """Commands of other parts (corpus, serve, ...) live in their own modules,
    each exposing ``commands``: a list of click commands."""
    import importlib
    import importlib.util

    for name in _COMMAND_MODULES:
        full = importlib.util.resolve_name(name, __package__)
        try:
            found = importlib.util.find_spec(full)
        except ModuleNotFoundError:  # its package is absent
            found = None
        if found is None:
            continue  # that part is not in this installation
        module = importlib.import_module(full)
        for command in module.commands:
            main.add_command(command)


_COMMAND_MODULES: tuple[str, ...] = (".corpus.cli", ".batch.cli", ".crawl.cli", ".serve.cli")
_register_commands()


if __name__ == "__main__":
    main()
