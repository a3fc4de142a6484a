"""Stories in the store: grouping what was stored since the last run, and
reading stories back.

Grouping runs after each committed batch (``Store.write``), over the articles
stored since the last run (a watermark on ``articles.rowid``), in chunks, each
chunk in one transaction. A chunk loads only the articles grouped within the
time window of its own (and the document frequencies of their terms), so the
cost of an article does not grow with the corpus. SQL here is portable
(SQLite and PostgreSQL): ``?`` placeholders, ``ON CONFLICT``, no FTS.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

from ._errors import QueryError
from ._search import check_days
from ._stories import DAY, Features, Grouper, Params, entity_names, features, stemmed_features

__all__ = ["Story", "StoryArticle", "StorySummary", "group_stories", "stories", "story", "story_of",
           "ungrouped"]

CHUNK = 1_000  # articles grouped per transaction
LOOKUP = 500  # keys per IN (...) query
MAX_STORIES, MAX_ARTICLES = 500, 500  # what one call returns at most
ORIGINALS_FIRST = "CASE WHEN a.duplicate_of IS NULL THEN 0 ELSE 1 END"  # among articles of one time


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str | None
    first_seen: str | None  # publish time of its first article (ISO 8601)
    last_seen: str | None
    articles: int
    outlets: int
    first_outlet: str | None  # the outlet that had it first

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class StoryArticle:
    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None
    similarity: float | None  # to the story when it joined; None for its first article and copies


@dataclass(frozen=True)
class Story(StorySummary):
    outlet_names: list[str] = field(default_factory=list)  # in the order they had it
    items: list[StoryArticle] = field(default_factory=list)  # oldest first


# -- grouping ------------------------------------------------------------------

@dataclass
class _Warm:
    """The grouper of the last chunk, kept by the process that grouped it, so
    that the next chunk need not reload its window: used while nobody else
    grouped in between (``mark``, ``documents``) and while it holds every
    grouped article from ``since`` on (``complete``)."""

    mark: int
    documents: int
    since: float
    complete: bool
    grouper: Grouper


def group_stories(store, params: Params | None = None, chunk: int = CHUNK,
                  written: dict | None = None) -> int:
    """Group the articles stored since the last run; returns how many.
    ``written``: the ``Prepared`` articles the caller just wrote, by rowid,
    whose text is read from there rather than parsed and stemmed again from
    the stored JSON."""
    params, done, written = params or Params(), 0, written or {}
    if not ungrouped(store):  # nothing new: no write transaction (a reader never waits for a writer)
        return 0
    while True:
        warm, store._stories_warm = getattr(store, "_stories_warm", None), None  # dropped on failure
        with store.transaction() as conn:
            grouped, warm = _group_chunk(conn, params, chunk, warm, written)
        store._stories_warm = warm
        done += grouped
        if grouped < chunk:
            return done


def ungrouped(store) -> int:
    """How many stored articles are not grouped yet (a read: no lock taken)."""
    mark = _state(store.conn, "rowid", 0)
    return store.conn.execute("SELECT count(*) FROM articles WHERE rowid > ?", (mark,)).fetchone()[0]


def _group_chunk(conn, params: Params, chunk: int, warm: _Warm | None,
                 written: dict) -> tuple[int, _Warm | None]:
    mark, documents = _state(conn, "rowid", 0), _state(conn, "documents", 0)
    rows = conn.execute(
        "SELECT a.rowid, a.id, a.duplicate_of, a.published, a.added, a.outlet, a.domain, r.record, a.label"
        " FROM articles a JOIN records r ON r.rowid = a.rowid WHERE a.rowid > ? ORDER BY a.rowid"
        " LIMIT ?", (mark, chunk)).fetchall()
    if not rows:
        return 0, warm
    grouped = _known(conn, [r[1] for r in rows])
    items = [_item(row, params, written.pop(row[0], None)) for row in rows if row[1] not in grouped]
    usable = warm is not None and (warm.mark, warm.documents, warm.grouper.params) == (mark, documents, params)
    warm = _window(conn, [i for i, _, _ in items if i.duplicate_of is None], params,
                   warm if usable else None, documents)
    assigned, members = {}, []
    for item, outlet, published in items:
        story, score = _assign(conn, warm.grouper, item, assigned)
        assigned[item.id] = story
        members.append((item.id, story, item.at, published, outlet, score, " ".join(item.terms),
                        item.headline_terms, "\t".join(item.entities)))
    conn.executemany("INSERT INTO story_articles (article, story, at, published, outlet, score, terms,"
                     " headline_terms, entities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", members)
    _save_counts(conn, warm.grouper)
    _summarise(conn, sorted(set(assigned.values())))
    _set_state(conn, "rowid", rows[-1][0])
    warm.mark, warm.documents = rows[-1][0], warm.grouper.documents
    return len(rows), warm


def _item(row, params: Params, written=None) -> tuple[Features, str | None, str]:
    """The features of a stored article; ``written``: the ``Prepared`` this
    process wrote it from, used when it is still what is stored."""
    _, id_, duplicate_of, published, added, outlet, domain, record, label = row
    when, sponsored = published or added, label == "sponsored"
    if duplicate_of is not None:  # a copy goes with its original: its text is not read
        return Features(id_, _seconds(when), duplicate_of=duplicate_of), outlet or domain, when
    if written is not None and written.id == id_ and written.record == record:
        item = stemmed_features(id_, _seconds(when), written.headline_stems, written.body_stems,
                                written.story_entities, sponsored=sponsored, params=params)
        return item, outlet or domain, when
    record = json.loads(record)
    body = "\n\n".join(p for p in record.get("paragraphs") or [] if isinstance(p, str))
    item = features(id_, _seconds(when), record.get("headline"), body,
                    entity_names(record.get("entities")), sponsored=sponsored, params=params)
    return item, outlet or domain, when


def _seconds(iso: str | None) -> float:
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return 0.0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _assign(conn, grouper: Grouper, item: Features, assigned: dict) -> tuple[str, float | None]:
    if item.duplicate_of is not None:
        story = assigned.get(item.duplicate_of) or _story_of(conn, item.duplicate_of)
        if story is not None:
            return story, None
        item = Features(item.id, item.at)  # its original was never grouped: a story of its own
    return grouper.add(item, _story_id(item.id))


def _story_id(article_id: str) -> str:
    """A story is named after the article that started it: the same articles
    stored in the same order give the same story ids."""
    return "s" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).hexdigest()


def _window(conn, originals: list[Features], params: Params, warm: _Warm | None,
            documents: int) -> _Warm:
    """A grouper that knows the articles grouped before within the window of
    these, and the document frequencies of their terms: the warm one when it
    covers them, else loaded from the store."""
    if not originals:
        return warm or _Warm(0, documents, float("inf"), False, Grouper(params, documents=documents))
    span = params.window_days * DAY
    low, high = min(i.at for i in originals) - span, max(i.at for i in originals) + span
    terms = {t for f in originals for t in f.vector(params)}
    if warm is not None and warm.complete and warm.since <= low:
        missing = sorted(terms - warm.grouper.df.keys())
        found = _counts(conn, missing)
        warm.grouper.load_counts({t: found.get(t, 0) for t in missing})
    else:
        warm = _load(conn, params, low, high, terms, documents)
    warm.grouper.forget_before(low + span)  # no article of this chunk or later reaches them
    warm.since = max(warm.since, low)
    return warm


def _load(conn, params: Params, low: float, high: float, terms: set[str], documents: int) -> _Warm:
    window = [(Features(a, at, tuple(t.split()), h, tuple(e.split("\t")) if e else ()), story)
              for a, at, t, h, e, story in _window_rows(conn, low, high)]
    grouper = Grouper(params, documents=documents)
    grouper.load_counts(_counts(conn, terms | {t for f, _ in window for t in f.vector(params)}))
    for member, story in window:
        grouper.remember(member, story)
    latest = conn.execute("SELECT max(at) FROM story_articles").fetchone()[0]
    return _Warm(0, documents, low, latest is None or latest <= high, grouper)


def _window_rows(conn, low: float, high: float) -> list[tuple]:
    return conn.execute("SELECT article, at, terms, headline_terms, entities, story FROM story_articles"
                        " WHERE at >= ? AND at <= ? AND terms <> '' ORDER BY at, article",
                        (low, high)).fetchall()


def _counts(conn, terms: Iterable[str]) -> dict[str, int]:
    terms, found = sorted(terms), {}
    for start in range(0, len(terms), 500):
        part = terms[start:start + 500]
        found.update(conn.execute(f"SELECT term, df FROM story_terms WHERE term IN"
                                  f" ({', '.join('?' * len(part))})", part).fetchall())
    return found


def _save_counts(conn, grouper: Grouper) -> None:
    conn.executemany("INSERT INTO story_terms (term, df) VALUES (?, ?)"
                     " ON CONFLICT (term) DO UPDATE SET df = excluded.df",
                     [(t, grouper.df[t]) for t in sorted(grouper.changed)])
    grouper.changed.clear()
    _set_state(conn, "documents", grouper.documents)


def _summarise(conn, stories: list[str]) -> None:
    """Rewrite the rows of these stories: their first and last article,
    counts and title (a few statements for all of them)."""
    for start in range(0, len(stories), LOOKUP):
        part = stories[start:start + LOOKUP]
        marks = ", ".join("?" * len(part))
        counts = {r[0]: r[1:] for r in conn.execute(
            "SELECT story, min(at), max(at), count(*), count(DISTINCT outlet) FROM story_articles"
            f" WHERE story IN ({marks}) GROUP BY story", part)}
        first, last = {}, {}
        for story, article, published, headline, outlet, first_rank, last_rank in conn.execute(
                "SELECT * FROM (SELECT m.story, m.article, m.published, a.headline, m.outlet,"
                f" row_number() OVER (PARTITION BY m.story ORDER BY m.at ASC, {ORIGINALS_FIRST}, m.article) AS first_rank,"
                f" row_number() OVER (PARTITION BY m.story ORDER BY m.at DESC, {ORIGINALS_FIRST}, m.article) AS last_rank"
                f" FROM story_articles m JOIN articles a ON a.id = m.article WHERE m.story IN ({marks}))"
                " ranked WHERE first_rank = 1 OR last_rank = 1", part):
            if first_rank == 1:
                first[story] = (article, published, headline, outlet)
            if last_rank == 1:
                last[story] = published
        conn.executemany("DELETE FROM stories WHERE id = ?", [(story,) for story in part])
        conn.executemany(
            "INSERT INTO stories (id, title, first_article, first_seen, last_seen, first_at, last_at,"
            " articles, outlets, first_outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(story, first[story][2], first[story][0], first[story][1], last[story], *counts[story],
              first[story][3]) for story in part])


def _known(conn, ids: list[str]) -> set[str]:
    found = set()
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT article FROM story_articles WHERE article IN ({', '.join('?' * len(part))})", part))
    return found


def _story_of(conn, article_id: str) -> str | None:
    row = conn.execute("SELECT story FROM story_articles WHERE article = ?", (article_id,)).fetchone()
    return row[0] if row else None


def _state(conn, key: str, default: int) -> int:
    row = conn.execute("SELECT value FROM story_state WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else default


def _set_state(conn, key: str, value: int) -> None:
    conn.execute("INSERT INTO story_state (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, str(value)))


# -- reading -------------------------------------------------------------------

SUMMARY = "s.id, s.title, s.first_seen, s.last_seen, s.articles, s.outlets, s.first_outlet"


def stories(store, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
            min_articles: int = 1, limit: int = 20) -> list[StorySummary]:
    """Stories seen between ``since`` and ``until`` (days, inclusive), the
    biggest first (articles, then outlets, then the newest)."""
    if not 1 <= limit <= MAX_STORIES:
        raise QueryError(f"limit {limit}: give 1 to {MAX_STORIES}")
    check_days(since=since, until=until)
    where, params = ["s.articles >= ?"], [min_articles]
    if since:
        where.append("s.last_seen >= ?")
        params.append(since)
    if until:
        where.append("substr(s.first_seen, 1, 10) <= ?")
        params.append(until)
    if outlet:
        where.append("EXISTS (SELECT 1 FROM story_articles m JOIN articles a ON a.id = m.article"
                     " WHERE m.story = s.id AND (lower(a.outlet) = lower(?) OR a.domain = lower(?)))")
        params += [outlet, outlet]
    rows = store.conn.execute(
        f"SELECT {SUMMARY} FROM stories s WHERE {' AND '.join(where)}"
        " ORDER BY s.articles DESC, s.outlets DESC, s.last_at DESC, s.id LIMIT ?", [*params, limit])
    return [StorySummary(*row) for row in rows]


def story(store, story_id: str) -> Story | None:
    """One story with its articles, oldest first (at most ``MAX_ARTICLES``)."""
    row = store.conn.execute(f"SELECT {SUMMARY} FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    items = [StoryArticle(*r) for r in store.conn.execute(
        "SELECT a.id, a.headline, m.outlet, m.published, a.url, a.duplicate_of, m.score"
        " FROM story_articles m JOIN articles a ON a.id = m.article WHERE m.story = ?"
        f" ORDER BY m.at, {ORIGINALS_FIRST}, m.article LIMIT ?", (story_id, MAX_ARTICLES))]
    names = list(dict.fromkeys(i.outlet for i in items if i.outlet))
    return Story(*row, outlet_names=names, items=items)


def story_of(store, article_id: str) -> str | None:
    """The id of the story an article belongs to (None before it is grouped)."""
    return _story_of(store.conn, article_id)
