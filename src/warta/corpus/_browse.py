"""What a reader browses besides search hits: facet counts of a query, an
entity's profile from the entity and quote index, the newest day and a
day's headlines. Portable SQL (SQLite and PostgreSQL); every answer bounded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ._entity_index import name_key
from ._facts import ORDER
from ._fulltext import matching
from ._query import parse_query
from ._search import _filters

__all__ = ["EntityProfile", "Facets", "Headline", "entity", "facets", "headlines_on", "newest_day"]

#: Facets count the newest matches only, so a common word in a large corpus
#: costs what a rare one does (bench/bench_serve.py).
FACET_CANDIDATES = 2_000
#: Entities are counted over the newest 200 of those: an article names
#: dozens, and counting them for 2,000 articles would cost more than the
#: search (200: about 2 ms at 100k articles, bench/bench_entities.py).
FACET_ENTITY_ARTICLES = 200
FACET_VALUES = 10
#: Co-occurring entities are counted over the newest articles naming an entity.
NEIGHBOUR_ARTICLES = 2_000
NEWEST_FIRST = "DESC NULLS LAST"


@dataclass(frozen=True)
class Facets:
    total: int  # matches counted (at most ``limit``)
    counts: dict[str, list[tuple[str, int]]]  # outlet, label, language, entity, speaker: (value, articles)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Headline:
    id: str
    headline: str | None
    outlet: str | None
    published: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class EntityProfile:
    name: str  # the canonical name as most often written
    label: str | None  # the most frequent label
    labels: list[str] = field(default_factory=list)  # most mentioned first, as codes, aliases and roles
    codes: list[str] = field(default_factory=list)  # ISO 3166 or Kemendagri
    aliases: list[str] = field(default_factory=list)  # the forms it is written in
    roles: list[str] = field(default_factory=list)
    articles: int = 0  # originals naming it
    mentions: int = 0
    by_day: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, articles), oldest first
    neighbours: list[tuple[str, int]] = field(default_factory=list)  # (name, articles naming both)
    quotes: list[dict] = field(default_factory=list)  # {id, headline, published, text}, newest first
    recent: list[dict] = field(default_factory=list)  # {id, headline, published}, newest first

    def to_dict(self) -> dict:
        return asdict(self)


def facets(store, query: str, *, limit: int = FACET_CANDIDATES, top: int = FACET_VALUES,
           **filters) -> Facets:
    """Counts per outlet, label, language and speaker over the newest
    ``limit`` originals matching ``query`` and ``filters`` (as ``search``),
    and per entity over the newest ``FACET_ENTITY_ARTICLES`` of them."""
    where, params = _filters(filters.get("since"), filters.get("until"), filters.get("outlet"),
                             filters.get("label"), filters.get("language"),
                             entity=filters.get("entity"), speaker=filters.get("speaker"))
    conn = store.conn
    newest, first = matching(conn, parse_query(query), where, "f.rowid AS id, a.outlet, a.label, a.language",
                             ranked=False)
    found = conn.execute(newest, [*first, *params, limit]).fetchall()
    counts = {name: {} for name in ("outlet", "label", "language")}
    for _, *values in found:
        for name, value in zip(counts, values, strict=True):
            if value:
                counts[name][value] = counts[name].get(value, 0) + 1
    out = {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top] for name, c in counts.items()}
    ids = sorted((row[0] for row in found), reverse=True)  # newest first
    out["entity"] = _named_in(conn, "mentions", "name", ids[:FACET_ENTITY_ARTICLES], top)
    out["speaker"] = _named_in(conn, "quotes", "speaker", ids, top)
    return Facets(len(found), out)


def _named_in(conn, table: str, column: str, ids: list[int], top: int) -> list[tuple[str, int]]:
    """The names of ``column`` most often in the articles ``ids``, by articles."""
    if not ids:
        return []
    return [tuple(row) for row in conn.execute(
        f"SELECT {column}, count(DISTINCT article) FROM {table}"
        f" WHERE article IN ({', '.join('?' * len(ids))}) AND {column} IS NOT NULL"
        f" GROUP BY {column} ORDER BY 2 DESC, {column} LIMIT ?", [*ids, top])]


def newest_day(store) -> str | None:
    """The day (YYYY-MM-DD) of the newest original, None for an empty store."""
    row = store.conn.execute("SELECT max(published) FROM articles WHERE duplicate_of IS NULL").fetchone()
    return row[0][:10] if row and row[0] else None


def headlines_on(store, day: str, limit: int = 20) -> list[Headline]:
    """Originals published on ``day``, newest first."""
    _filters(day, day, None, None, None)  # checks the day
    rows = store.conn.execute(
        "SELECT id, headline, outlet, published FROM articles WHERE duplicate_of IS NULL"
        " AND published >= ? AND substr(published, 1, 10) <= ? ORDER BY published DESC LIMIT ?",
        (day, day, limit))
    return [Headline(*row) for row in rows]


def entity(store, name: str, *, quotes: int = 50, neighbours: int = 15, recent: int = 20) -> EntityProfile | None:
    """The profile of the entity named ``name`` (its canonical name, any
    case), or None when no original names it."""
    key = name_key(name)
    conn = store.conn
    forms = conn.execute(
        "SELECT name, label, form, code, role, sum(count), min(article * ? + pos) FROM mentions"
        " WHERE name_key = ? GROUP BY name, label, form, code, role", (ORDER, key)).fetchall()
    if not forms:
        return None
    found = EntityProfile(_ranked(forms, 0)[0], None)
    found.labels, found.aliases = _ranked(forms, 1), _ranked(forms, 2)
    found.codes, found.roles = _ranked(forms, 3), _ranked(forms, 4)
    found.label = found.labels[0] if found.labels else None
    found.mentions = sum(row[5] for row in forms)
    found.by_day = [tuple(r) for r in conn.execute(
        "SELECT substr(published, 1, 10), count(DISTINCT article) FROM mentions"
        " WHERE name_key = ? AND published IS NOT NULL GROUP BY 1 ORDER BY 1", (key,))]
    found.articles = conn.execute("SELECT count(DISTINCT article) FROM mentions WHERE name_key = ?",
                                  (key,)).fetchone()[0]
    newest = ("SELECT article FROM (SELECT DISTINCT article, published FROM mentions WHERE name_key = ?"
              f" ORDER BY published {NEWEST_FIRST}, article DESC LIMIT ?) n")
    found.neighbours = [tuple(r) for r in conn.execute(
        f"SELECT name, count(DISTINCT article) FROM mentions WHERE article IN ({newest}) AND name_key <> ?"
        " GROUP BY name ORDER BY 2 DESC, name LIMIT ?", (key, NEIGHBOUR_ARTICLES, key, neighbours))]
    found.recent = [{"id": i, "headline": h, "published": p} for i, h, p in conn.execute(
        f"SELECT id, headline, published FROM articles WHERE rowid IN ({newest})"
        f" ORDER BY published {NEWEST_FIRST}, rowid DESC", (key, recent))]
    found.quotes = [{"id": i, "headline": h, "published": p, "text": t} for i, h, p, t in conn.execute(
        "SELECT a.id, a.headline, a.published, q.text FROM quotes q JOIN articles a ON a.rowid = q.article"
        " WHERE (q.speaker_key = ? OR q.written_key = ?) AND q.text <> ''"
        f" ORDER BY q.published {NEWEST_FIRST}, q.article DESC, q.pos LIMIT ?", (key, key, quotes))]
    return found


def _ranked(forms: list[tuple], column: int, top: int = 20) -> list[str]:
    """Values of one column of the forms, the most mentioned first (then the
    first mentioned); None left out."""
    totals: dict[str, list[int]] = {}
    for row in forms:
        value = row[column]
        if value is not None:
            count, first = totals.setdefault(value, [0, row[6]])
            totals[value] = [count + row[5], min(first, row[6])]
    return [v for v, _ in sorted(totals.items(), key=lambda kv: (-kv[1][0], kv[1][1]))][:top]
