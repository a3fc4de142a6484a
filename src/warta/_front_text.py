"""Front end for plain-text page dumps: split the page into its header (date,
headline, byline, label, captions, teaser) and its body, and sort the header.

The body starts at the first line that opens with a dateline, else at the
first line of prose. Every header line ends up somewhere: a field, a hint for
a later stage, or ``removed`` with a reason.
"""

from __future__ import annotations

import re
from collections import Counter

from ._article import Article
from ._boilerplate import line_reason
from ._credits import looks_like_name, parse_credit_line
from ._dateline import match_dateline
from ._dates import classify_date_line, is_date_line
from ._labels import label_line
from ._normalise import clean_line, key
from ._outlets import from_mention

__all__ = ["parse_text", "split_lines"]

_SENTENCE_END = re.compile(r"[.!?\"”’'…)]$")
_PHOTO_CREDIT = re.compile(
    r"\s*[\[(](?:foto|photo|dok\.?|dokumentasi|ilustrasi|sumber|[A-Z][\w.\- ]*/)[^()\[\]]{0,80}[\])]\s*$", re.I
)
# "Foto:" is a label to drop; "Ilustrasi." stays: it says the photo is not of the event.
_PHOTO_PREFIX = re.compile(r"^(?:foto|photo)\s*:\s*", re.I)
_ILLUSTRATION = re.compile(r"^ilustrasi\s*[:.]\s*", re.I)
_HEADER_WINDOW = 40  # a body never starts later than this in a page dump


def split_lines(text: str) -> list[str]:
    return [line for line in map(clean_line, text.splitlines()) if line]


def parse_text(text: str, article: Article) -> None:
    lines = split_lines(text)
    start = _body_start(lines)
    start = _sort_header(lines[:start], article)
    article.paragraphs = lines[start:]


def _body_start(lines: list[str]) -> int:
    window = [(i, line) for i, line in enumerate(lines[:_HEADER_WINDOW]) if not is_caption(line)]
    datelines = [(i, found[0]) for i, line in window if (found := match_dateline(line)) and len(found[1].split()) >= 6]
    # "BANJIR ROB - Warga ..." opens captions too; a dateline naming the outlet is surer.
    for i, dateline in datelines:
        if dateline.outlet:
            return i
    if datelines:
        return datelines[0][0]
    for i, line in window:
        if _is_prose(line) and not is_date_line(line) and not label_line(line):
            return i
    return 0


def _is_prose(line: str) -> bool:
    words = len(line.split())
    if words < 12:
        return False
    # Headlines are long too, but never hold a sentence break or run to 20 words.
    return words >= 20 or bool(_PROSE_END.search(line) or _INNER_BREAK.search(line))


# Headlines end in "?", "!" or a quote often, in a full stop almost never.
_PROSE_END = re.compile(r"[.…][\"”’')]?$")
_INNER_BREAK = re.compile(r"[.][\"”’']? [A-Z\"“]|[:;,]$")


def _sort_header(header: list[str], article: Article) -> int:
    """Sort the header lines; return where the body really starts (the first
    line after the headline that is no header material but reads as text)."""
    counts = Counter(key(line) for line in header)
    hints = article.hints
    for i, line in enumerate(header):
        if _take_furniture(line, article) or _take_date(line, hints):
            continue
        if _take_label(line, hints) or _take_credits(line, hints):
            continue
        if article.headline is None and not _is_prose(line) and len(line.split()) >= 2:
            article.headline = line
        elif key(line) == key(article.headline or ""):
            article.remove(line, "repeated headline")
        elif counts[key(line)] > 1 or is_caption(line):
            _add_caption(line, article)
        elif _is_outlet_line(line):
            hints.setdefault("outlet_mentions", []).append(line)
        elif looks_like_name(line) and not hints.get("authors"):
            hints["authors"] = [line]
        elif _is_prose(line) or (len(line.split()) >= 8 and _SENTENCE_END.search(line)):
            _set_lede(line, article)
        elif article.headline and (len(line.split()) >= 4 or line.endswith(":")):
            return i
        else:
            article.remove(line, "unrecognised header line")
    return len(header)


def _take_furniture(line: str, article: Article) -> bool:
    reason = line_reason(line)
    if reason:
        article.remove(line, reason)
    return reason is not None


def _take_date(line: str, hints: dict) -> bool:
    if not is_date_line(line):
        return False
    kind = classify_date_line(line) or "published"
    hints.setdefault(f"{kind}_text", line)
    prefix = re.split(r"\s+[-–|]\s+", line, maxsplit=1)
    if len(prefix) == 2 and from_mention(prefix[0]):
        hints.setdefault("outlet_mentions", []).append(prefix[0])
    return True


def _take_label(line: str, hints: dict) -> bool:
    found = label_line(line)
    if not found:
        return False
    hints.setdefault("label", found[0])
    if found[1]:
        hints.setdefault("outlet_mentions", []).append(found[1])
    return True


def _take_credits(line: str, hints: dict) -> bool:
    credits = parse_credit_line(line, from_mention)
    if credits is None:
        return False
    hints.setdefault("credits", []).append(credits)
    if credits.outlet_mention:
        hints.setdefault("outlet_mentions", []).append(credits.outlet_mention)
    return True


def _is_outlet_line(line: str) -> bool:
    return len(line.split()) <= 3 and from_mention(line) is not None


def is_caption(line: str) -> bool:
    """A line that says it is a photo caption (a credit, "Foto:", "Ilustrasi.")."""
    return bool(_PHOTO_CREDIT.search(line) or _PHOTO_PREFIX.match(line) or _ILLUSTRATION.match(line))


def caption_text(line: str) -> str:
    """The caption without its photo credit or "Foto:" label."""
    return _PHOTO_PREFIX.sub("", _PHOTO_CREDIT.sub("", line)).strip()


def _add_caption(line: str, article: Article) -> None:
    caption = caption_text(line)
    if caption and key(caption) not in {key(c) for c in article.captions}:
        article.captions.append(caption)
    elif not caption:
        article.remove(line, "photo credit")


def _set_lede(line: str, article: Article) -> None:
    if article.lede is not None:
        # Two teasers: the earlier one is not the lede, keep it in the body's place.
        article.hints.setdefault("extra_ledes", []).append(article.lede)
    article.lede = line


def peel_known_lines(lines: list[str], article: Article) -> list[str]:
    """Take the lines an extractor left above the body that are surely not body
    text (date stamps, labels, bylines, the headline again), stopping at the
    first line that may be content. For HTML, where the extractor already
    found the body and a short first line is more likely a subheading."""
    headline = key(article.headline or "")
    for i, line in enumerate(lines[:_HEADER_WINDOW]):
        if key(line) == headline:
            article.remove(line, "repeated headline")
        elif not (_take_furniture(line, article) or _take_date(line, article.hints)
                  or _take_label(line, article.hints) or _take_credits(line, article.hints)):
            return lines[i:]
    return lines[_HEADER_WINDOW:]
