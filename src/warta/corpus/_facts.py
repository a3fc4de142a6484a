"""What the understanding stages left in the stored records, read from the
entity and quote index (``_entity_index``): the most named entities, the
most quoted people, and quotes by speaker and topic. The index holds
originals only, so a wire story reprinted by ten outlets counts once."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ._entity_index import name_key
from ._search import _filters
from ._stem import stems

__all__ = ["EntityCount", "QuoteHit", "like_pattern", "quotes", "top_entities", "top_speakers"]

#: The first mention of a name is found as min(article * ORDER + pos): the
#: article stored first, then the entity listed first in it.
ORDER = 1 << 20


@dataclass(frozen=True)
class EntityCount:
    name: str
    label: str | None
    articles: int  # articles that name it
    mentions: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class QuoteHit:
    speaker: str | None  # canonical name, else as written
    text: str
    article_id: str
    headline: str | None
    published: str | None
    url: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def like_pattern(text: str) -> str:
    """``text`` anywhere, for ``LIKE ? ESCAPE '\\'``: its own % and _ are literal."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _joined(where: str) -> str:
    return " JOIN article_keys k ON k.rowid = m.article" if "k." in where else ""


def top_entities(store, top: int = 20, *, label: str | None = None, since: str | None = None,
                 until: str | None = None, outlet: str | None = None) -> list[EntityCount]:
    """The ``top`` entities by the number of articles that name them (then
    mentions, then name); each with the label of its first mention."""
    where, params = _filters(since, until, outlet, None, None)
    if label:
        where += " AND m.label = ?"
        params.append(label)
    rows = store.conn.execute(
        "SELECT m.name, count(DISTINCT m.article), sum(m.count), min(m.article * ? + m.pos)"
        f" FROM mentions m{_joined(where)} WHERE 1 = 1{where}"
        " GROUP BY m.name ORDER BY 2 DESC, 3 DESC, m.name LIMIT ?", [ORDER, *params, top]).fetchall()
    labels = _labels_at(store, [divmod(first, ORDER) for *_, first in rows])
    return [EntityCount(name, labels.get(divmod(first, ORDER)), articles, mentions)
            for name, articles, mentions, first in rows]


def _labels_at(store, places: list[tuple[int, int]]) -> dict[tuple[int, int], str | None]:
    """The label of the mention at each (article, pos)."""
    if not places:
        return {}
    articles = sorted({article for article, _ in places})
    rows = store.conn.execute(
        f"SELECT article, pos, label FROM mentions WHERE article IN ({', '.join('?' * len(articles))})",
        articles)
    wanted = set(places)
    return {(a, p): label for a, p, label in rows if (a, p) in wanted}


def top_speakers(store, top: int = 10, *, since: str | None = None, until: str | None = None,
                 outlet: str | None = None) -> list[tuple[str, int]]:
    """The ``top`` speakers (canonical names) by the number of their quotes
    (then the one stored first)."""
    where, params = _filters(since, until, outlet, None, None)
    join = " JOIN article_keys k ON k.rowid = q.article" if where else ""
    return [tuple(row) for row in store.conn.execute(
        f"SELECT q.speaker, count(*) FROM quotes q{join} WHERE q.speaker IS NOT NULL{where}"
        " GROUP BY q.speaker ORDER BY 2 DESC, min(q.article), q.speaker LIMIT ?", [*params, top])]


def quotes(store, *, speaker: str | None = None, about: str | None = None, since: str | None = None,
           until: str | None = None, outlet: str | None = None, limit: int = 50) -> list[QuoteHit]:
    """Quotes, newest first, whose speaker contains ``speaker`` (any case; the
    canonical name or as written) and whose text holds every word of
    ``about`` in any form ("inflasi", "berinflasi")."""
    where, params = _filters(since, until, outlet, None, None)
    if speaker and name_key(speaker):
        where += " AND (q.speaker_key LIKE ? ESCAPE '\\' OR q.written_key LIKE ? ESCAPE '\\')"
        params += [like_pattern(name_key(speaker))] * 2
    for word in sorted(set(stems(about or "").split())):
        where += " AND (' ' || q.stems || ' ') LIKE ? ESCAPE '\\'"
        params.append(like_pattern(f" {word} "))
    keys = " JOIN article_keys k ON k.rowid = q.article" if "k." in where else ""
    rows = store.conn.execute(
        "SELECT q.speaker, q.text, a.id, a.headline, a.published, a.url FROM quotes q"
        f" JOIN articles a ON a.rowid = q.article{keys} WHERE 1 = 1{where}"
        " ORDER BY a.published DESC NULLS LAST, q.article DESC, q.pos LIMIT ?", [*params, limit])
    return [QuoteHit(*row) for row in rows]
