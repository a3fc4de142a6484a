"""The page's own word on what it is: editorial, sponsored or a press release."""

from __future__ import annotations

import re

__all__ = ["label_line", "label_from_trailer"]

_RULES = tuple(
    (re.compile(p, re.I), label)
    for p, label in (
        (r"^konten redaksi\b", "editorial"),
        (r"^(konten sponsor|sponsored( content)?|advertorial|adv|konten kerja ?sama|kerja sama|"
         r"paid content|konten berbayar|promoted|konten promosi|info ?grafis sponsor)\b", "sponsored"),
        (r"^(siaran pers|rilis pers|press release|berita rilis|rilis)\b", "press_release"),
    )
)
_TRAILERS = {"adv": "sponsored", "advertorial": "sponsored", "rls": "press_release", "rilis": "press_release"}


def label_line(line: str) -> tuple[str, str] | None:
    """(label, rest of the line) when a short line states the label, e.g.
    "Konten Redaksi Rakyatku.Com" -> ("editorial", "Rakyatku.Com")."""
    if len(line) > 80:
        return None
    for pattern, label in _RULES:
        m = pattern.match(line)
        if m:
            rest = line[m.end() :].strip(" :-–|")
            if len(rest.split()) <= 4:
                return label, rest
    return None


def label_from_trailer(trailer: str | None) -> str | None:
    if not trailer:
        return None
    return next((_TRAILERS[p] for p in trailer.split("/") if p in _TRAILERS), None)
