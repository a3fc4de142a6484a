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


def entities_of(articles: list[Article]) -> None:
    """The stage over several articles: their chunks go through the model
    together (``Language.pipe``), which shares the parser's steps between
    them, ~2 ms an article (docs/ner.md); no article changes unless all
    succeed."""
    pipeline = bounded_nlp()
    chunks = [(k, offset, text) for k, a in enumerate(articles) for offset, text in _chunks(a.body)]
    found: list[tuple[list[Mention], dict[str, str]]] = [([], {}) for _ in articles]
    for (k, offset, _), doc in zip(chunks, pipeline.pipe(t for _, _, t in chunks), strict=True):
        found[k][0].extend(mentions_of(doc, offset))
        found[k][1].update(_rules.acronyms(list(doc.ents)))
    for article, (mentions, acronyms) in zip(articles, found, strict=True):
        if article.language not in (None, "id"):
            article.warn(f"entities: the model is Indonesian, the text looks {article.language!r}")
        link(mentions, acronyms)
        article.entities = [m.as_dict() for m in mentions]


@stage(needs=("paragraphs", "language"), sets=("entities",), many=entities_of)
def entities(article: Article) -> None:
    entities_of([article])


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
