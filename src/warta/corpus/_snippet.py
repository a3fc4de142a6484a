"""Snippets: the stretch of the body with the most query words, each match
marked. Matching is on index forms, so "mengunjungi" lights up for a search
on "kunjungan"."""

from __future__ import annotations

import re

from ._stem import stem

__all__ = ["snippet"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def snippet(text: str, terms: frozenset[str], *, width: int = 30, mark: tuple[str, str] = ("[", "]")) -> str:
    """About ``width`` words of ``text`` around its densest matches."""
    found = list(_WORD.finditer(text))
    # Each distinct word is stemmed once (a body repeats most of its words).
    marked = {word for word in {m.group() for m in found} if stem(word) in terms}
    spans = [(m.start(), m.end(), m.group() in marked) for m in found]
    if not spans:
        return ""
    start = _best_window(spans, terms and width)
    window = spans[start:start + width]
    out, pos = [], window[0][0]
    for begin, end, hit in window:
        out.append(text[pos:begin])
        out.append(f"{mark[0]}{text[begin:end]}{mark[1]}" if hit else text[begin:end])
        pos = end
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(spans) else ""
    return prefix + " ".join("".join(out).split()) + suffix


def _best_window(spans: list[tuple[int, int, bool]], width: int) -> int:
    """Index of the first word of the window with the most matches (first wins)."""
    if not width:
        return 0
    hits = [int(hit) for _, _, hit in spans]
    best = current = sum(hits[:width])
    best_start = 0
    for start in range(1, max(1, len(spans) - width + 1)):
        current += hits[start + width - 1] - hits[start - 1]
        if current > best:
            best, best_start = current, start
    # Open a few words before the first match, so it reads in context.
    first = next((i for i in range(best_start, len(hits)) if hits[i]), best_start)
    return max(0, min(best_start, first - 5))
