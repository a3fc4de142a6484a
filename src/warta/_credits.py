"""Who wrote and edited a page: bylines, credit lines and trailers.

    "Penulis: Andi Saputra | Editor: Rina Wulandari"
    "Reporter: Budi"  "Pewarta: Budi"  "Oleh: Budi"  "Laporan Wartawan Tribun-Timur.com, Budi"
    "Budi Santoso - detikFinance"      (name, then the outlet's channel)
    "... kata dia. (ada/ara)"          (reporter/editor initials closing the text)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Credits", "parse_credit_line", "split_trailer", "looks_like_name"]

_ROLE = {
    "penulis": "author", "oleh": "author", "writer": "author", "author": "author",
    "reporter": "reporter", "pewarta": "reporter", "wartawan": "reporter", "kontributor": "reporter",
    "editor": "editor", "penyunting": "editor", "redaktur": "editor", "editing": "editor",
}
_ROLE_FIELD = re.compile(
    r"\b(penulis|oleh|writer|author|reporter|pewarta|wartawan|kontributor|editor|penyunting|redaktur|editing)"
    r"\s*[:：]\s*", re.I,
)
_OLEH = re.compile(r"^oleh\s+(?!karena)([^:]{2,60})$", re.I)
_LAPORAN = re.compile(r"^laporan (?:wartawan|reporter|kontributor)\s+(.+?),\s*(.{2,60})$", re.I)
_NAME_DASH_OUTLET = re.compile(r"^(.{2,80}?)\s+[-–—]\s+(\S.{1,40})$")
_TRAILER = re.compile(r"\s*\(\s*([a-z*]{1,6}(?:\s*/\s*[a-z*]{1,6}){0,4})\s*\)\s*$")
_NAME = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|bin|binti|van|de|al|el)){0,5}$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|&|\bdan\b|\band\b)\s*")

#: Trailer codes that name a wire service or a source, not a person.
WIRE_CODES = frozenset({"ant", "antara", "afp", "ap", "rtr", "reuters", "bbc", "dw", "xinhua", "rls", "adv", "*"})


@dataclass
class Credits:
    authors: list[str] = field(default_factory=list)
    reporter: str | None = None
    editor: str | None = None
    outlet_mention: str | None = None


def looks_like_name(text: str) -> bool:
    """A short capitalised run of words: "Suriawati", "Andi M. Saputra"."""
    return 2 <= len(text) <= 50 and not any(c.isdigit() for c in text) and bool(_NAME.match(text))


def split_names(text: str) -> list[str]:
    return [n for n in _SPLIT_NAMES.split(text.strip(" .|")) if n]


def parse_credit_line(line: str, outlet_check) -> Credits | None:
    """Credits from one byline or credit line, or None when the line is not one.
    ``outlet_check(text)`` says whether a fragment names an outlet."""
    fields = _role_fields(line)
    if fields:
        return _credits_from_fields(fields)
    m = _LAPORAN.match(line)
    if m:
        return Credits(authors=[m.group(2)], reporter=m.group(2), outlet_mention=m.group(1))
    m = _OLEH.match(line)
    if m and all(looks_like_name(n) for n in split_names(m.group(1))):
        return Credits(authors=split_names(m.group(1)))
    m = _NAME_DASH_OUTLET.match(line)
    if m and outlet_check(m.group(2)) and all(looks_like_name(n) for n in split_names(m.group(1))):
        return Credits(authors=split_names(m.group(1)), outlet_mention=m.group(2))
    return None


def _role_fields(line: str) -> list[tuple[str, str]]:
    """[("author", "A"), ("editor", "B")] from "Penulis: A | Editor: B"; [] when the
    line has other text before its first role."""
    matches = list(_ROLE_FIELD.finditer(line))
    if not matches or line[: matches[0].start()].strip(" |•-"):
        return []
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : end].strip(" |,;•-–")
        if value:
            out.append((_ROLE[m.group(1).lower()], value))
    return out


def _credits_from_fields(fields: list[tuple[str, str]]) -> Credits:
    credits = Credits()
    for role, value in fields:
        if role == "editor":
            credits.editor = credits.editor or value
        elif role == "reporter":
            credits.reporter = credits.reporter or value
            credits.authors.extend(split_names(value))
        else:
            credits.authors.extend(split_names(value))
    credits.authors = list(dict.fromkeys(credits.authors))
    return credits


def split_trailer(paragraph: str) -> tuple[str, str | None]:
    """("text", "ada/ara") from "text (ada/ara)"; the trailer is None when absent."""
    m = _TRAILER.search(paragraph)
    if not m or m.start() == 0:
        return paragraph, None
    return paragraph[: m.start()].rstrip(), re.sub(r"\s+", "", m.group(1))


def trailer_credits(trailer: str) -> Credits:
    """Initials in a trailer: the last is the editor's; a first that is not a
    wire code is the reporter's ("ada/ara"; "ant/yld" names Antara and an editor)."""
    parts = [p for p in trailer.split("/") if p]
    persons = [p for p in parts if p not in WIRE_CODES]
    credits = Credits()
    if len(parts) >= 2 and persons and persons[-1] == parts[-1]:
        credits.editor = parts[-1]
    if len(parts) >= 2 and parts[0] not in WIRE_CODES:
        credits.reporter = parts[0]
    return credits
