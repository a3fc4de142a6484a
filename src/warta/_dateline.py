"""Datelines that open a news body, in the forms Indonesian outlets use:

    "RAKYATKU.COM - "                 outlet alone
    "JAKARTA, KOMPAS.com - "          place, outlet
    "TRIBUN-TIMUR.COM, MAKASSAR - "   outlet, place
    "Jayapura (ANTARA) - "            place (outlet)
    "Jakarta, CNN Indonesia -- "      double dash
    "Jakarta - "                      place alone (detik)
    "KUALA LUMPUR: "                  Malaysian wire style (capitals only)
"""

from __future__ import annotations

import re

from ._article import Dateline
from ._outlets import from_mention

__all__ = ["match_dateline"]

_PART = r"[A-Z][\w.\-'’]*(?: [A-Za-z][\w.\-'’]*){0,3}"
_DASHED = re.compile(
    rf"^(?P<a>{_PART})(?:,\s*(?P<b>{_PART})|\s*\((?P<c>[A-Za-z][\w.\- ]{{1,30}})\))?"
    # A dash with a space on at least one side: "Jakarta- X" yes, "Trump-Musk" no.
    r"(?:\s+(?:--|-|–|—)\s*|\s*(?:--|-|–|—)\s+)(?=[A-Z0-9\"“'‘(])"
)
_COLON = re.compile(r"^(?P<a>[A-Z][A-Z.\-'’]*(?: [A-Z][A-Z.\-'’]*){0,3})\s*:\s+(?=[A-Z\"“])")
_LOWER_WORDS = re.compile(r"\b[a-z]")


def match_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """(dateline, rest of the paragraph) when the paragraph opens with one."""
    m = _DASHED.match(paragraph)
    if m:
        parts = [p for p in (m.group("a"), m.group("b"), m.group("c")) if p]
        dateline = _assign(parts)
        rest = paragraph[m.end() :]
        if dateline and (dateline.outlet or _reads_as_prose(rest)) and len(rest) >= 20:
            dateline.text = paragraph[: m.end()].strip()
            return dateline, paragraph[m.end() :]
        return None
    m = _COLON.match(paragraph)
    # "KPK: Ada 6 ..." is a headline quoting an organisation, not a dateline.
    if m and len(m.group("a")) >= 5 and _reads_as_prose(paragraph[m.end() :]):
        place = m.group("a")
        return Dateline(_title(place), None, paragraph[: m.end()].strip()), paragraph[m.end() :]
    return None


def _reads_as_prose(text: str) -> bool:
    # "AKRA - Buy 1110-1125 | TP 1150" is a stock tip, not "Jakarta - Menteri ...".
    return sum(w.isalpha() and w.islower() for w in text.split()[:10]) >= 2


def _assign(parts: list[str]) -> Dateline | None:
    """Which part is the outlet and which the place; None when neither reads as one."""
    outlets = [p for p in parts if from_mention(p)]
    places = [p for p in parts if p not in outlets and _is_place(p)]
    if len(outlets) + len(places) != len(parts) or len(outlets) > 1 or len(places) > 1:
        return None
    return Dateline(_title(places[0]) if places else None, outlets[0] if outlets else None)


def _is_place(text: str) -> bool:
    # Places are short proper names: every word capitalised ("Kota Baru"),
    # so that "Menurut dia - ..." or a sentence fragment is not taken for one.
    words = text.split()
    return 1 <= len(words) <= 3 and not _LOWER_WORDS.search(text) and not any(c.isdigit() for c in text)


def _title(place: str) -> str:
    return place.title() if place.isupper() else place
