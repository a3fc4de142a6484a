"""An entity's profile from the records that name it: aliases, codes,
mentions over time, co-occurring entities and what the person said.

Pure functions over (id, record) pairs, so they are tested without a store.
A record is hostile input: a field of the wrong type is skipped, never trusted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

__all__ = ["Profile", "profile"]

MAX_ARTICLES, MAX_QUOTES, MAX_NEIGHBOURS = 20, 50, 15
#: The chart shows at most this many months, the newest (ten years).
MAX_MONTHS = 120


@dataclass
class Profile:
    name: str
    labels: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: int = 0
    mentions: int = 0
    by_month: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM, articles)
    neighbours: list[tuple[str, int]] = field(default_factory=list)  # (canonical, shared articles)
    quotes: list[dict] = field(default_factory=list)  # newest first
    recent: list[dict] = field(default_factory=list)  # newest articles naming it

    def to_dict(self) -> dict:
        return asdict(self)


def entity_key(entity: dict) -> str | None:
    """The name an entity stands for: its canonical, else its text."""
    name = entity.get("canonical") or entity.get("text")
    return name if isinstance(name, str) and name else None


def _dicts(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def profile(name: str, records: Iterable[tuple[str, dict]]) -> Profile | None:
    """The profile of ``name`` (matched case-insensitively against canonical
    names), or None when no record names it."""
    wanted = name.casefold()
    found = Profile(name)
    labels, codes, aliases, roles = Counter(), Counter(), Counter(), Counter()
    months, neighbours = Counter(), Counter()
    for article_id, record in records:
        entities = _dicts(record.get("entities"))
        mine = [e for e in entities if (entity_key(e) or "").casefold() == wanted]
        if not mine:
            continue
        found.name = entity_key(mine[0]) or name
        found.articles += 1
        found.mentions += len(mine)
        for entity in mine:
            _count(labels, entity.get("label"))
            _count(codes, entity.get("code"))
            _count(aliases, entity.get("text"))
            _count(roles, entity.get("role"))
        published = _text(record.get("published"))
        if published and len(published) >= 7:
            months[published[:7]] += 1
        neighbours.update({k for e in entities if (k := entity_key(e)) and k.casefold() != wanted})
        found.quotes += _quotes_by(wanted, article_id, record)
        found.recent.append(_summary(article_id, record))
    if not found.articles:
        return None
    found.labels, found.codes = _ranked(labels), _ranked(codes)
    found.aliases, found.roles = _ranked(aliases), _ranked(roles)
    found.by_month = _every_month(months)
    found.neighbours = neighbours.most_common(MAX_NEIGHBOURS)
    found.quotes = _newest(found.quotes)[:MAX_QUOTES]
    found.recent = _newest(found.recent)[:MAX_ARTICLES]
    return found


def _every_month(months: Counter) -> list[tuple[str, int]]:
    """Counts for every month from the first to the last seen, zeros included,
    so the chart's time axis is even; months that are not YYYY-MM are dropped."""
    seen = sorted(m for m in months if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit()
                  and m[4] == "-" and 1 <= int(m[5:]) <= 12)
    if not seen:
        return []
    year, month = int(seen[-1][:4]), int(seen[-1][5:])
    first, out = seen[0], []
    while len(out) < MAX_MONTHS:
        key = f"{year:04d}-{month:02d}"
        out.append((key, months.get(key, 0)))
        if key <= first:
            break
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def _count(counter: Counter, value) -> None:
    if isinstance(value, str) and value:
        counter[value] += 1


def _ranked(counter: Counter) -> list[str]:
    return [value for value, _ in counter.most_common(20)]


def _newest(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda item: item.get("published") or "", reverse=True)


def _summary(article_id: str, record: dict) -> dict:
    return {"id": article_id, "headline": _text(record.get("headline")),
            "published": _text(record.get("published"))}


def _quotes_by(wanted: str, article_id: str, record: dict) -> list[dict]:
    said = []
    for quote in _dicts(record.get("quotes")):
        speaker_entity = quote.get("speaker_entity")
        if isinstance(speaker_entity, dict):  # the corpus's _facts accepts both shapes
            speaker_entity = speaker_entity.get("canonical")
        speakers = {s.casefold() for s in (_text(speaker_entity), _text(quote.get("speaker"))) if s}
        if wanted in speakers and _text(quote.get("text")):
            said.append({**_summary(article_id, record), "text": quote["text"]})
    return said
