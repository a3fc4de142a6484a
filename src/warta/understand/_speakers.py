"""From quotes with cues to records: speakers resolved, continuations joined,
and what could not be found said in ``warnings``."""

from __future__ import annotations

import re
from typing import Any

from .._article import Article
from ._direct import MARKS, Span
from ._people import People

_PARAGRAPH_GAP = 2  # a cue-less quote continues a quote at most this many paragraphs back


def records(body: str, found: list, people: People, article: Article) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for quote in found:
        speaker, how = _speaker(quote, people)
        if speaker is None and previous is not None and _continues(body, previous, quote):
            speaker, how = previous["speaker"], "continuation"
        record = {
            "text": _text(body, quote.start, quote.end),
            "speaker": speaker,
            "speaker_entity": people.entity(speaker) if speaker else None,
            "cue": quote.cue.word if quote.cue else None,
            "kind": quote.kind,
            "start": quote.start,
            "end": quote.end,
            "role": quote.cue.who.role if quote.cue and quote.cue.who else None,
            "speaker_found_by": how,
        }
        out.append(record)
        previous = record if speaker is not None else previous
    missing = [r["start"] for r in out if r["speaker"] is None]
    if missing:
        article.warn(
            f"quotes: {len(missing)} quote(s) without a speaker found (first at {missing[0]})"
        )
    return out


def _speaker(quote, people: People) -> tuple[str | None, str | None]:
    cue = quote.cue
    if cue is None or cue.how == "unresolved" or (cue.how == "name" and cue.who.name is None):
        # "Hal ini disampaikan oleh X." after the quote names who said it.
        if (person := people.attributed_after(quote.end)) is not None:
            return person, "attribution"
    if cue is None or cue.how == "unresolved":
        return None, None
    if cue.how == "name":
        name = cue.who.name
        if name is None:  # a role alone ("kata Kapolres Bogor"): its holder if named
            return people.holder(cue.who.role, quote.start), "role"
        return people.full_name(name), "cue"
    person = people.latest(quote.start)
    return person, cue.how if person else None


def _continues(body: str, previous: dict[str, Any], quote) -> bool:
    """A direct quote without a cue continues the last quote with a speaker
    when it follows within _PARAGRAPH_GAP paragraphs."""
    if quote.kind != "direct" or (quote.cue is not None and quote.cue.how != "unresolved"):
        return False
    return body.count("\n\n", previous["end"], quote.start) <= _PARAGRAPH_GAP - 1


def _text(body: str, start: int, end: int) -> str:
    """The quoted words; a quote over paragraphs loses its inner breaks and reopening marks."""
    text = body[start:end]
    if "\n" in text:
        text = re.sub(rf"\s*\n\s*\n\s*[{MARKS}]?", " ", text)
    return text


def warn_unbalanced(article: Article, spans: list[Span]) -> None:
    unclosed = [s.start for s in spans if not s.closed]
    unopened = [s.end for s in spans if not s.opened]
    if unclosed:
        article.warn(
            f"quotes: {len(unclosed)} quote(s) never close; each runs to the end of "
            f"its paragraph (first at {unclosed[0]})"
        )
    if unopened:
        article.warn(
            f"quotes: {len(unopened)} closing quote mark(s) without an opening one; "
            f"the quote starts with its paragraph (first at {unopened[0]})"
        )
