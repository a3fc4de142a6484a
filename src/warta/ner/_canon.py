"""Canonical names within one article.

Works on plain ``Mention`` records (no spaCy), so that the same linking can
run on one ``Doc`` or across the chunks of a very long article. Order:
an acronym the text defines ("Badan Pusat Statistik (BPS)"), then a short
form of a longer name of the same label used anywhere in the article
("Kim" -> "Kim Jong Un"), then the alias table ("Jokowi"), then place codes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from . import _places

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,11}$")


@dataclass
class Mention:
    text: str
    label: str
    start: int  # character offsets into the text the mention came from
    end: int
    canonical: str = ""
    role: str | None = None
    code: str | None = None
    name_en: str | None = None
    kind: str | None = None

    def as_dict(self) -> dict:
        keys = ("text", "label", "start", "end", "canonical", "role", "code", "name_en", "kind")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}


@lru_cache(maxsize=1)
def tables() -> dict:
    return json.loads(files("warta.ner").joinpath("aliases.json").read_text(encoding="utf-8"))


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


def link(mentions: list[Mention], acronyms: dict[str, str]) -> None:
    """Fill ``canonical`` (and place codes) of every mention in place."""
    for m in mentions:
        m.canonical = acronyms.get(m.text) or m.text
    _link_short_forms(mentions)
    aliases = tables()
    for m in mentions:
        if m.canonical == m.text:
            m.canonical = aliases.get(m.label, {}).get(m.text, m.text)
        if m.label == "LOC":
            _add_place(m)


def _link_short_forms(mentions: list[Mention]) -> None:
    """A PER mention whose words run inside a longer PER name takes that name."""
    counts = Counter(m.canonical for m in mentions if m.label == "PER")
    fulls = sorted(counts, key=lambda n: (-len(n.split()), -counts[n]))
    for m in mentions:
        if m.label != "PER":
            continue
        words = m.canonical.split()
        for full in fulls:
            if len(full.split()) > len(words) and _contains(full.split(), words):
                m.canonical = full
                break


def _contains(seq: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(seq[i : i + n] == part for i in range(len(seq) - n + 1))


def _add_place(m: Mention) -> None:
    place = _places.lookup(m.canonical) or _places.lookup(m.text)
    if place:
        m.canonical, m.code, m.kind, m.name_en = (
            place.canonical,
            place.code,
            place.kind,
            place.name_en,
        )
