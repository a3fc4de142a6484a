"""Read stages that clean the body: dateline, boilerplate, trailer, lede.

Each is a stage (see _pipeline): it declares what it needs and sets, and
everything it takes out of the text goes to ``article.removed``.
"""

from __future__ import annotations

import re

from ._article import Article
from ._boilerplate import LIST_HEADERS, line_reason
from ._credits import parse_credit_line, split_trailer
from ._dateline import match_dateline
from ._normalise import key
from ._outlets import from_copyright, from_mention
from ._pipeline import stage

__all__ = ["place_lede", "remove_boilerplate", "strip_dateline", "strip_trailer"]

_INLINE_BACA = re.compile(r"\s*\b(?:baca|simak) juga\s*[:：]\s*[^.!?]{3,160}$", re.I)
_LIST_ITEM_MAX = 160
_SENTENCE_END = re.compile(r"[.!?\"”…]$")
# Credit lines ("Editor: X") are taken anywhere in the last lines of a body,
# where outlets put them; earlier, "Editor:" is more likely prose.
_CREDIT_TAIL = 6


@stage(needs=("paragraphs",), sets=("dateline",))
def strip_dateline(article: Article) -> None:
    """'JAKARTA, KOMPAS.com - Presiden ...' -> dateline {Jakarta, KOMPAS.com}, 'Presiden ...'."""
    for i, paragraph in enumerate(article.paragraphs[:2]):
        found = match_dateline(paragraph)
        if found:
            article.dateline, article.paragraphs[i] = found[0], found[1].strip()
            article.remove(found[0].text, "dateline")
            return


@stage(needs=("paragraphs",), sets=("paragraphs", "removed"))
def remove_boilerplate(article: Article) -> None:
    kept: list[str] = []
    in_list: str | None = None
    captions = {key(c) for c in article.captions}
    tail_from = len(article.paragraphs) - _CREDIT_TAIL
    for i, line in enumerate(article.paragraphs):
        reason = _reason(line, in_list, captions, kept)
        if reason is None and i >= tail_from:
            reason = _take_credit(line, article)
        # Inside a "Berita Terkait" or "Tag" block, short link lines follow.
        in_list = reason if reason in ("related list", "tags") else None
        if reason == "copyright":
            _note_outlet(line, article)
        if reason:
            article.remove(line, reason)
        else:
            kept.append(_cut_inline_related(line, article))
    article.paragraphs = [p for p in kept if p]


def _reason(line: str, in_list: str | None, captions: set[str], kept: list[str]) -> str | None:
    if in_list and _is_list_item(line):
        return in_list
    if LIST_HEADERS.match(line):
        return "tags" if line.lower().startswith(("tag", "topik")) else "related list"
    if captions and key(line) in captions:
        return "caption"
    if kept and abs(len(line) - len(kept[-1])) < 8 and key(line) == key(kept[-1]):
        return "repeated paragraph"
    return line_reason(line)


def _note_outlet(line: str, article: Article) -> None:
    outlet = from_copyright(line)
    if outlet:
        article.hints.setdefault("outlet_mentions", []).append(outlet.name)


def _is_list_item(line: str) -> bool:
    return len(line) <= _LIST_ITEM_MAX and not _SENTENCE_END.search(line)


def _take_credit(line: str, article: Article) -> str | None:
    if len(line) > 120:
        return None
    credits = parse_credit_line(line, from_mention)
    if credits is None or credits.outlet_mention and not (credits.editor or credits.reporter):
        return None
    article.hints.setdefault("credits", []).append(credits)
    return "credit"


def _cut_inline_related(line: str, article: Article) -> str:
    m = _INLINE_BACA.search(line)
    if not m or m.start() == 0:
        return line
    article.remove(m.group().strip(), "related link")
    return line[: m.start()].rstrip()


@stage(needs=("paragraphs",), sets=("paragraphs",))
def strip_trailer(article: Article) -> None:
    """Cut "(ada/ara)"-style initials off the end of the text."""
    if not article.paragraphs:
        return
    text, trailer = split_trailer(article.paragraphs[-1])
    if trailer:
        article.hints["trailer"] = trailer
        article.remove(f"({trailer})", "trailer")
        if text:
            article.paragraphs[-1] = text
        else:
            article.paragraphs.pop()


@stage(needs=("paragraphs", "lede"), sets=("paragraphs", "lede"))
def place_lede(article: Article) -> None:
    """The lede appears exactly once in the body, as its first paragraph."""
    teasers = [*article.hints.get("extra_ledes", []), article.lede] if article.lede else []
    if not teasers:
        return
    if article.lede:
        found = match_dateline(article.lede)
        if found:
            article.lede = found[1].strip()
            teasers[-1] = article.lede
    body_keys = [key(p) for p in article.paragraphs]
    missing = [t for t in teasers if key(t) not in body_keys]
    article.paragraphs[:0] = missing
