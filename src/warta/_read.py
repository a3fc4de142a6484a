"""``warta.read``: a page in, an ``Article`` out."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ._article import Article, Source
from ._body import place_lede, remove_boilerplate, strip_dateline, strip_trailer
from ._decode import decode, repair_mojibake
from ._front_html import looks_like_html, parse_html
from ._front_text import parse_text
from ._pipeline import Pipeline
from ._resolve import (
    check_content,
    resolve_credits,
    resolve_dates,
    resolve_headline,
    resolve_label,
    resolve_language,
    resolve_outlet,
)
from ._settings import DEFAULT, Settings

__all__ = ["READ_STAGES", "default_pipeline", "read", "read_many", "read_pipeline"]

#: What the front ends (text dump, HTML) set before the stages run.
FRONT_END_SETS = ("paragraphs", "headline", "lede", "captions", "url", "source")

READ_STAGES = (
    strip_dateline, remove_boilerplate, strip_trailer, place_lede, resolve_credits,
    resolve_outlet, resolve_label, resolve_language, resolve_dates, resolve_headline,
    check_content,
)


def read_pipeline(extra=()) -> Pipeline:
    """The stages of ``read``, optionally followed by more (entities, quotes, ...)."""
    return Pipeline([*READ_STAGES, *extra], provided=FRONT_END_SETS)


_READ = read_pipeline()


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The read stages, the entity stage and the understanding stages: what
    ``read`` runs. (Entities come first: quotes name their speakers with them.)"""
    from .ner._stage import entities
    from .understand import STAGES as UNDERSTAND

    return read_pipeline(extra=(entities, *UNDERSTAND))


def read(
    page: str | bytes | Path,
    *,
    url: str | None = None,
    outlet: str | None = None,
    settings: Settings = DEFAULT,
    nlp: bool = True,
    pipeline: Pipeline | None = None,
) -> Article:
    """Read one page (a text dump or HTML; ``str``, ``bytes`` or a ``Path``) into
    an ``Article``. Raises ``InputError`` only when the input cannot be read at
    all (empty, binary, too large); anything less is a warning on the record.

    ``nlp=False`` runs only the reading stages (no entities, quotes, times,
    quantities, summary); ``pipeline`` runs stages of your choice."""
    article = _front(page, url, outlet, settings)
    return (pipeline or (default_pipeline() if nlp else _READ))(article)


def read_many(pages: list[tuple[str | bytes | Path, str | None, str | None]], *, settings: Settings = DEFAULT,
              nlp: bool = True, pipeline: Pipeline | None = None) -> list[Article | Exception]:
    """``read`` of several ``(page, url, outlet)`` with their stages run
    together (``Pipeline.run_many``: the entity stage passes their bodies
    through its model at once, ~10% less CPU a page in chunks of 8). What
    ``read`` would raise for a page stands in its place; the others go on.
    ``nlp`` and ``pipeline`` as for ``read``."""
    parsed: list[Article | Exception] = []
    for page, url, outlet in pages:
        try:
            parsed.append(_front(page, url, outlet, settings))
        except Exception as exc:  # noqa: BLE001 - returned in the page's place
            parsed.append(exc)
    stages = pipeline or (default_pipeline() if nlp else _READ)
    staged = iter(stages.run_many([a for a in parsed if isinstance(a, Article)]))
    return [next(staged) if isinstance(a, Article) else a for a in parsed]


def _front(page: str | bytes | Path, url: str | None, outlet: str | None, settings: Settings) -> Article:
    """The page decoded and parsed by its front end: the article before its stages."""
    text, encoding, size = decode(page, settings.max_input_bytes)
    repaired = repair_mojibake(text)
    text = repaired or text
    is_html = looks_like_html(text)
    article = Article(url=url, source=Source("html" if is_html else "text", encoding, size))
    if repaired:
        article.warn("encoding: the text was mis-decoded upstream (mojibake such as 'Ã¶' for 'ö'); repaired")
    article.hints["settings"] = settings
    if outlet:
        article.hints["outlet"] = outlet
    (parse_html if is_html else parse_text)(text, article)
    return article
