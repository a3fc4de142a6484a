"""Direct quotes: spans between quote marks, paired in order.

Marks are paired as they come (“ and " alike), so a quote that opens with a
curly mark and closes with a straight one, as in the seed, is one quote.
A quote that is still open at the end of a paragraph continues when the next
paragraph opens with a mark (the press convention for multi-paragraph
quotes); otherwise it never closes, and the caller records a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MARKS = '"“”„«»″'
_MARK = re.compile(f"[{MARKS}]")


@dataclass
class Span:
    start: int  # first character inside the marks
    end: int  # first character after the content (the closing mark, if any)
    closed: bool = True
    opened: bool = True  # False when only a closing mark was found


def paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph of a body joined by blank lines."""
    offset = 0
    for text in body.split("\n\n"):
        yield offset, text
        offset += len(text) + 2


def direct_spans(body: str) -> list[Span]:
    spans: list[Span] = []
    open_at: int | None = None  # body offset just after an opening mark still open
    previous_end = 0
    for offset, text in paragraphs(body):
        marks = [offset + m.start() for m in _MARK.finditer(text)]
        if open_at is not None:
            if marks and not text[: marks[0] - offset].strip():
                marks = marks[1:]  # reopening mark of a continued quote
            else:
                spans.append(Span(open_at, previous_end, closed=False))
                open_at = None
        if open_at is None and len(marks) % 2 == 1 and _lone_mark_closes(body, marks[0], offset):
            spans.append(Span(offset, marks[0], opened=False))
            marks = marks[1:]
        for mark in marks:
            if open_at is None:
                open_at = mark + 1
            else:
                spans.append(Span(open_at, mark))
                open_at = None
        previous_end = offset + len(text.rstrip())
    if open_at is not None:
        spans.append(Span(open_at, previous_end, closed=False))
    return [s for s in spans if s.end > s.start]


def _lone_mark_closes(body: str, mark: int, paragraph_start: int) -> bool:
    """A paragraph's lone first mark closes a quote whose opening mark was lost
    when it ends a word or a clause and space or a comma follows it:
    'Ini terjadi," kata X.' (an opening mark is followed by a word instead)."""
    if not body[paragraph_start:mark].strip() or body[mark - 1].isspace():
        return False
    after = body[mark + 1 : mark + 2]
    return after in ("", ",", ".") or after.isspace()
