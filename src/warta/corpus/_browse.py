"""What a reader browses besides search hits: a page of results with its
facet counts, an entity's profile from the entity and quote index, the
newest day and a day's headlines. Portable SQL (SQLite and PostgreSQL);
every answer bounded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from . import _search
from ._entity_index import name_key
from ._facts import ORDER
from ._query import parse_query
from ._search import Hit, _filters, check_days, count, hits, narrowed, ranked

__all__ = ["EntityProfile", "Facets", "Headline", "ResultPage", "entity", "facets", "headlines_on",
           "newest_day", "search_page"]

#: Facets count the best FACET_HITS hits (as the search ranks them), so a
#: common word in a large corpus costs what a rare one does: the outlets,
#: labels, entities and speakers of what a reader sees first. An article
#: names dozens of entities, so this bound is what keeps the entity count
#: cheap (all five facets: 4.4 ms for 200 articles at 100k, about half for 100).
FACET_HITS = 100
FACET_VALUES = 10
FACETS = ("outlet", "label", "language", "entity", "speaker")
#: Co-occurring entities are counted over the newest articles naming an entity.
NEIGHBOUR_ARTICLES = 2_000
NEWEST_FIRST = "DESC NULLS LAST"


@dataclass(frozen=True)
class Facets:
    total: int  # matches, counted up to ``_search.COUNT_BOUND``
    counts: dict[str, list[tuple[str, int]]]  # outlet, label, language, entity, speaker: (value, articles)
    more: bool = False  # more than ``total`` match
    counted: int = 0  # the best hits the counts are over (at most the facets' ``limit``)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ResultPage:
    """One page of hits with the query's facets: ranked once for both."""
    hits: list[Hit]
    facets: Facets

    def to_dict(self) -> dict:
        return {"hits": [h.to_dict() for h in self.hits], "facets": self.facets.to_dict()}


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


def facets(store, query: str, *, limit: int | None = None, top: int = FACET_VALUES, **filters) -> Facets:
    """Counts per outlet, label, language, entity and speaker over the best
    ``limit`` originals matching ``query`` and ``filters`` (as ``search``
    ranks them), and the number of matches (up to ``COUNT_BOUND``)."""
    return search_page(store, query, size=0, facet_hits=limit, top=top, **filters).facets


def search_page(store, query: str, *, offset: int = 0, size: int = 10, facet_hits: int | None = None,
                top: int = FACET_VALUES, **filters) -> ResultPage:
    """Hits ``offset`` to ``offset + size`` of ``search`` (snippets for
    those only) and the ``facets`` of the best ``facet_hits`` (default
    ``FACET_HITS``): one ranking for both, a bounded count, one grouped query."""
    facet_hits = FACET_HITS if facet_hits is None else facet_hits
    where, params = _filters(filters.get("since"), filters.get("until"), filters.get("outlet"),
                             filters.get("label"), filters.get("language"),
                             entity=filters.get("entity"), speaker=filters.get("speaker"))
    conn = store.conn
    parsed = narrowed(conn, parse_query(query), filters.get("since"), filters.get("until"), filters.get("outlet"))
    best = ranked(conn, parsed, where, params, max(facet_hits, offset + size), 0, query)
    # Fewer ranked than asked for (and than the ranking's bound): those are all the matches.
    every = len(best) < min(facet_hits, _search.CANDIDATES)
    total, more = (len(best), False) if every else count(conn, parsed, where, params)
    counted = [rowid for rowid, _ in best[:facet_hits]]
    return ResultPage(hits(conn, best[offset:offset + size], parsed.terms),
                      Facets(total, _counts(conn, counted, top), more, len(counted)))


def _counts(conn, ids: list[int], top: int) -> dict[str, list[tuple[str, int]]]:
    """The ``top`` values of each facet in the articles ``ids``, by articles."""
    out: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    if not ids:
        return out
    marks = ", ".join("?" * len(ids))
    # One query for all five (one round trip to a server): each value with
    # its facet, ordered within each by articles, then value.
    grouped = " UNION ALL ".join(
        f"SELECT * FROM (SELECT '{name}' AS facet, {column} AS value, count(DISTINCT {key}) AS n"
        f" FROM {table} WHERE {key} IN ({marks}) AND {column} IS NOT NULL{extra}"
        f" GROUP BY {column} ORDER BY n DESC, {column} LIMIT ?) {name}"
        for name, table, column, key, extra in (
            ("outlet", "articles", "outlet", "rowid", " AND outlet <> ''"),
            ("label", "articles", "label", "rowid", " AND label <> ''"),
            ("language", "articles", "language", "rowid", " AND language <> ''"),
            ("entity", "mentions", "name", "article", ""),
            ("speaker", "quotes", "speaker", "article", "")))
    for facet, value, n in conn.execute(grouped, [*ids, top] * len(FACETS)):
        out[facet].append((value, n))
    return {name: sorted(values, key=lambda vn: (-vn[1], vn[0])) for name, values in out.items()}


def newest_day(store) -> str | None:
    """The day (YYYY-MM-DD) of the newest original, None for an empty store."""
    row = store.conn.execute("SELECT max(published) FROM articles WHERE duplicate_of IS NULL").fetchone()
    return row[0][:10] if row and row[0] else None


def headlines_on(store, day: str, limit: int = 20) -> list[Headline]:
    """Originals published on ``day``, newest first."""
    check_days(day=day)
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
