"""The ``entities`` stage: named entities of ``Article.body`` with canonical data.

Offsets point into ``article.body`` (the paragraphs joined by one blank
line). Bodies longer than ``CHUNK_CHARS`` go through the model in chunks
cut at paragraph breaks, so memory stays bounded, and are linked across chunks
afterwards so that "Kim" still finds "Kim Jong Un" three chunks earlier.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._article import Article
from .._pipeline import stage
from . import _rules
from ._canon import Mention, link
from ._model import bounded_nlp, mentions_of

CHUNK_CHARS = 100_000


@stage(needs=("paragraphs", "language"), sets=("entities",))
def entities(article: Article) -> None:
    if article.language not in (None, "id"):
        article.warn(f"entities: the model is Indonesian, the text looks {article.language!r}")
    mentions: list[Mention] = []
    acronyms: dict[str, str] = {}
    pipeline = bounded_nlp()
    chunks = list(_chunks(article.body))
    for (offset, _), doc in zip(chunks, pipeline.pipe(t for _, t in chunks), strict=True):
        mentions += mentions_of(doc, offset)
        acronyms.update(_rules.acronyms(list(doc.ents)))
    link(mentions, acronyms)
    article.entities = [m.as_dict() for m in mentions]


def _chunks(body: str) -> Iterator[tuple[int, str]]:
    """(offset, text) slices of ``body`` of at most CHUNK_CHARS, cut at a
    paragraph break where there is one, else at a space."""
    start = 0
    while start < len(body):
        end = min(start + CHUNK_CHARS, len(body))
        if end < len(body):
            cut = body.rfind("\n\n", start, end)
            cut = cut if cut > start else body.rfind(" ", start, end)
            end = cut if cut > start else end
        yield start, body[start:end]
        start = end
