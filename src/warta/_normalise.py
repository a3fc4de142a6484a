"""Text clean-up shared by every front end: NFC, no stray spaces."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_line", "key"]

# NBSP, narrow NBSP, figure space, thin spaces and zero-widths that CMSs leave.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_RUNS = re.compile(r" {2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_line(text: str) -> str:
    """One line of text: NFC, odd spaces to plain ones, runs collapsed, trimmed."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    text = _CONTROL.sub(" ", text)
    if "  " in text:
        text = _RUNS.sub(" ", text)
    return text.strip()


_KEY_DROP = re.compile(r"[\W_]+")


def key(text: str) -> str:
    """A comparison key: case, punctuation and spacing ignored (for spotting repeats)."""
    return _KEY_DROP.sub("", text.casefold())
