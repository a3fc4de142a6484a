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

__all__ = ["READ_STAGES", "default_pipeline", "read", "read_pipeline"]

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
    return (pipeline or (default_pipeline() if nlp else _READ))(article)
