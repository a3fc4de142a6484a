"""Snippets: the stretch of the body with the most query words, each match
marked. Matching is on index forms, so "mengunjungi" lights up for a search
on "kunjungan"."""

from __future__ import annotations

import re
from itertools import accumulate, islice

from ._stem import stem

__all__ = ["snippet"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def snippet(text: str, terms: frozenset[str], *, width: int = 30, mark: tuple[str, str] = ("[", "]")) -> str:
    """About ``width`` words of ``text`` around its densest matches."""
    words = _WORD.findall(text)
    if not words:
        return ""
    # Each distinct word is stemmed once (a body repeats most of its words);
    # only the window's words are then located in the text.
    marked = {word for word in set(words) if stem(word) in terms}
    start = _best_window([word in marked for word in words], terms and width)
    window = list(islice(_WORD.finditer(text), start, start + width))
    out, pos = [], window[0].start()
    for match in window:
        out.append(text[pos:match.start()])
        out.append(f"{mark[0]}{match.group()}{mark[1]}" if match.group() in marked else match.group())
        pos = match.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(words) else ""
    return prefix + " ".join("".join(out).split()) + suffix


def _best_window(hits: list[bool], width: int) -> int:
    """Index of the first word of the window with the most matches (first wins)."""
    if not width or True not in hits:
        return 0
    sums = list(accumulate(hits, initial=0))  # sums[i]: matches among the first i words
    windows = [end - begin for begin, end in zip(sums, sums[width:], strict=False)] or [sums[-1]]  # shorter than a window: one
    best_start = windows.index(max(windows))
    # Open a few words before the first match, so it reads in context.
    return max(0, min(best_start, hits.index(True, best_start) - 5))
