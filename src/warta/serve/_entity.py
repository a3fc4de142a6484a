"""An entity's page from the store's entity and quote index
(``Store.entity``): aliases, codes, mentions over time, co-occurring
entities and what the person said. Only the chart's months are made here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from ..corpus import EntityProfile

__all__ = ["Profile", "entity_key", "profile"]

MAX_ARTICLES, MAX_QUOTES, MAX_NEIGHBOURS = 20, 50, 15
#: The chart shows at most this many months, the newest (ten years).
MAX_MONTHS = 120


@dataclass
class Profile:
    name: str
    label: str | None = None
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


def profile(found: EntityProfile) -> Profile:
    """The page's profile: the store's, with articles per month for the chart."""
    months: Counter = Counter()
    for day, articles in found.by_day:
        months[day[:7]] += articles  # an article has one day, so days add up
    kept = {k: v for k, v in vars(found).items() if k in Profile.__dataclass_fields__}
    return Profile(**kept | {"by_month": months_of(months)})


def months_of(months: Counter) -> list[tuple[str, int]]:
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

