"""Snippets: the stretch of the body with the most query words, each match
marked. Matching is on index forms, so "mengunjungi" lights up for a search
on "kunjungan"."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, count

from ._stem import stem

__all__ = ["snippet"]

#: Words as ``_stem.WORD`` finds them, captured: ``split`` gives the text
#: between them too, so the window is cut without locating its words again.
_WORDS = re.compile(r"([^\W_]+(?:[-'’][^\W_]+)*)")


def snippet(text: str, terms: frozenset[str], *, width: int = 30, mark: tuple[str, str] = ("[", "]")) -> str:
    """About ``width`` words of ``text`` around its densest matches."""
    parts = _WORDS.split(text)  # [between, word, between, word, ..., between]
    words = parts[1::2]
    if not words:
        return ""
    # Each distinct word is stemmed once (a body repeats most of its words).
    distinct = set(words)
    marked = {word for word, form in zip(distinct, map(stem, distinct), strict=True) if form in terms}
    start = _best_window(list(map(marked.__contains__, words)), terms and width)
    window = parts[2 * start + 1:2 * min(start + width, len(words))]  # its words and what lies between
    for i in range(0, len(window), 2):
        if window[i] in marked:
            window[i] = f"{mark[0]}{window[i]}{mark[1]}"
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(words) else ""
    return prefix + " ".join("".join(window).split()) + suffix


def _best_window(hits: list[bool], width: int) -> int:
    """Index of the first word of the window with the most matches (first wins)."""
    if not width or True not in hits:
        return 0
    at = list(compress(count(), hits))  # where the matches are
    last = max(0, len(hits) - width)  # the last window's first word
    # A window holds more than the one before it only when a match enters at
    # its end, so the first densest opens at 0 or where a match enters.
    best, best_start = 0, 0
    for start in [0, *(i - width + 1 for i in at if 0 < i - width + 1 <= last)]:
        held = bisect_left(at, start + width) - bisect_left(at, start)
        if held > best:
            best, best_start = held, start
    # Open a few words before the first match, so it reads in context.
    return max(0, min(best_start, at[bisect_left(at, best_start)] - 5))
