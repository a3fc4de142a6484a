"""The article body cut into pieces that the template marks up: entities by
type, quotes with their speakers, times and quantities with their values.

Offsets come from the stored record, which is hostile input: spans that are
not integers, fall outside the body, or cross a paragraph break for an inline
mark are dropped. The pieces carry plain text only; the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Piece", "paragraphs"]

#: Which inline mark wins where spans overlap (a time inside an entity, ...).
INLINE_ORDER = ("entity", "time", "quantity")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "quote", "entity", "time", "quantity"
    data: dict


@dataclass
class Piece:
    text: str
    mark: Span | None = None  # the inline mark (entity, time, quantity)
    quote: Span | None = None  # the quote this text is inside
    opens_quote: bool = False  # the first piece of a quote: shows its speaker


def spans_of(record: dict, body: str) -> list[Span]:
    spans = []
    for kind, key in (("quote", "quotes"), ("entity", "entities"), ("time", "times"),
                      ("quantity", "quantities")):
        items = record.get(key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and _valid(item.get("start"), item.get("end"), len(body)):
                spans.append(Span(item["start"], item["end"], kind, item))
    return spans


def _valid(start, end, length: int) -> bool:
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
    return ints and 0 <= start < end <= length


def paragraphs(record: dict, body: str) -> list[list[Piece]]:
    """The body's paragraphs, each a list of pieces in text order."""
    spans = spans_of(record, body)
    quotes = [s for s in spans if s.kind == "quote"]
    inline = _non_overlapping([s for s in spans if s.kind != "quote"])
    out, start = [], 0
    for text in body.split("\n\n"):
        end = start + len(text)
        marks = [s for s in inline if start <= s.start and s.end <= end]
        out.append(_pieces(body, start, end, marks, quotes))
        start = end + 2
    return out


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Inline marks cannot nest in one piece: keep by kind priority, then length."""
    ranked = sorted(spans, key=lambda s: (INLINE_ORDER.index(s.kind), s.start - s.end))
    kept: list[Span] = []
    for span in ranked:
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _pieces(body: str, start: int, end: int, marks: list[Span], quotes: list[Span]) -> list[Piece]:
    cuts = {start, end}
    for span in marks:
        cuts |= {span.start, span.end}
    for quote in quotes:
        cuts |= {c for c in (quote.start, quote.end) if start < c < end}
    pieces = []
    points = sorted(cuts)
    for left, right in zip(points, points[1:], strict=False):
        mark = next((s for s in marks if s.start <= left and right <= s.end), None)
        quote = next((q for q in quotes if q.start <= left and right <= q.end), None)
        pieces.append(Piece(body[left:right], mark, quote, quote is not None and left == quote.start))
    return pieces
