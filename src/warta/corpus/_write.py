"""Writing prepared articles: idempotent upserts and duplicate links.

An article whose id is stored with the same record changes nothing. A new or
changed one is linked to an original when its body is an exact copy (same
``body_hash``) or a near copy (MinHash over LSH candidates); only originals go
into the full-text index, the filter keys, the entity and quote index and the LSH buckets, so
search shows each story once and facts count it once.

A batch is written by one ``_Batch``: the rows each article needs at once
(``articles``, for its rowid and the exact copies of later ones) are inserted
as it comes; the rest (records, LSH buckets, filter keys, the full-text index, seen
digests) wait in memory and go in together at the end, the full-text index
last. Two reasons: SQLite's FTS5 writes its pending terms to
disk at every statement that follows an insert into it (a savepoint), so
indexing each article as it came wrote one tiny segment per article; and LSH
buckets inserted in key order touch each B-tree page once. Later articles of
the batch find the earlier ones' buckets in memory (``pending``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone

from . import _entity_index, _filter_keys, _fulltext
from ._db import Database
from ._minhash import THRESHOLD, buckets, similarity
from ._prepare import Failure, Prepared

__all__ = ["write_batch", "write_failure", "write_prepared"]

COLUMNS = ("url", "outlet", "domain", "published", "label", "language", "headline")
LOOKUP = 500  # ids per prefetch query (well under every database's parameter limit)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_failure(conn: Database, failure: Failure) -> None:
    conn.execute("INSERT INTO failures (source, reason, digest, at) VALUES (?, ?, ?, ?)",
                  (failure.source, failure.reason, failure.digest, _now()))
    if failure.digest:
        conn.execute("INSERT INTO seen VALUES (?, NULL) ON CONFLICT DO NOTHING", (failure.digest,))


def write_batch(conn: Database, batch: Iterable[Prepared | Failure],
                written: dict[int, Prepared] | None = None) -> Counter:
    """Write prepared articles and failures (in the caller's transaction);
    counts "added", "updated", "unchanged" and "failed". ``written`` gets
    each article written, by rowid (story grouping reads them from there)."""
    batch = list(batch)
    counts: Counter = Counter()
    writer = _Batch(conn, [item.id for item in batch if isinstance(item, Prepared)])
    for item in batch:
        if isinstance(item, Failure):
            write_failure(conn, item)
            counts["failed"] += 1
        else:
            counts[writer.write(item)] += 1
    writer.flush()
    if written is not None:
        written.update(writer.written)
    return counts


def write_prepared(conn: Database, item: Prepared) -> str:
    """Store one article; returns "added", "updated" or "unchanged"."""
    return next(iter(write_batch(conn, [item])))


class _Batch:
    """One batch's writes: what is inserted at once, what waits for ``flush``."""

    def __init__(self, conn: Database, ids: list[str]):
        self.conn = conn
        self.stored = _stored(conn, ids)  # id -> (rowid, record, signature), kept up to date
        self.seen: list[tuple[str, str]] = []
        self.records: dict[int, tuple] = {}  # rowid -> its records row
        self.fulltext: dict[int, tuple[str, str]] = {}  # rowid -> (headline, body) stems
        self.keys: dict[int, _filter_keys.Keys] = {}  # rowid -> its article_keys row
        self.outlets = _filter_keys.Outlets(conn)
        self.unindexed: list[int] = []  # stored rowids whose full-text rows go
        self.pending: dict[int, list[int]] = {}  # LSH bucket -> rowids of originals of this batch
        self.originals: dict[int, tuple[str, bytes]] = {}  # rowid -> (id, signature), of those
        self.written: dict[int, Prepared] = {}

    def write(self, item: Prepared) -> str:
        if item.digest:
            self.seen.append((item.digest, item.id))
        row = self.stored.get(item.id)
        if row and row[1] == item.record:
            return "unchanged"
        if row:
            self._remove(*row)
        original, score = self._original(item)
        values = [item.id, *(item.columns[c] for c in COLUMNS), item.body_hash or "", original,
                  score, item.source, _now()]
        rowid = self.conn.execute(
            f"INSERT INTO articles (id, {', '.join(COLUMNS)}, body_hash, duplicate_of, similarity,"
            f" source, added) VALUES ({', '.join('?' * len(values))}) RETURNING rowid",
            values).fetchone()[0]
        self.records[rowid] = (rowid, item.record, item.signature)
        self.written[rowid] = item
        self.stored[item.id] = (rowid, item.record, item.signature)
        if original is None:
            self._index(rowid, item)
        return "updated" if row else "added"

    def _original(self, item: Prepared) -> tuple[str | None, float | None]:
        if item.body_hash:
            # Not itself: an original replaced while an exact copy of it is
            # stored would otherwise become a copy of itself, through its copy.
            exact = self.conn.execute(
                "SELECT coalesce(duplicate_of, id) FROM articles WHERE body_hash = ?"
                " AND coalesce(duplicate_of, id) <> ? ORDER BY rowid LIMIT 1",
                (item.body_hash, item.id)).fetchone()
            if exact:
                return exact[0], 1.0
        if item.signature is None:
            return None, None
        best, best_score = None, THRESHOLD
        for _, other_id, other_sig in self._candidates(item.buckets):
            score = similarity(item.signature, other_sig)
            if score >= best_score:  # ties: the latest stored, as always
                best, best_score = other_id, score
        return (best, best_score) if best else (None, None)

    def _candidates(self, keys: tuple[int, ...]) -> list[tuple[int, str, bytes]]:
        """Originals sharing an LSH bucket, in the order stored: in the store,
        then those of this batch."""
        stored = self.conn.execute(
            "SELECT a.rowid, a.id, r.signature FROM articles a JOIN records r ON r.rowid = a.rowid"
            f" WHERE a.rowid IN (SELECT article FROM lsh WHERE bucket IN ({', '.join('?' * len(keys))}))"
            " ORDER BY a.rowid", keys).fetchall()
        here = {rowid for key in keys for rowid in self.pending.get(key, ())}
        return [*stored, *((rowid, *self.originals[rowid]) for rowid in sorted(here))]

    def _index(self, rowid: int, item: Prepared) -> None:
        self.fulltext[rowid] = (item.headline_stems, item.body_stems)
        self.keys[rowid] = _filter_keys.key_row(self.outlets, rowid, item.columns)
        _entity_index.index(self.conn, rowid, item.columns["published"], item.mentions, item.quotes)
        if item.signature is not None:
            self.originals[rowid] = (item.id, item.signature)
            for key in item.buckets:
                self.pending.setdefault(key, []).append(rowid)

    def _remove(self, rowid: int, record: str, sig: bytes | None) -> None:
        """Take a stored article out (it is written again, changed)."""
        self.written.pop(rowid, None)
        if self.records.pop(rowid, None) is None:  # stored before this batch
            self.unindexed.append(rowid)
            if sig is not None:  # by primary key: the buckets follow from the signature
                self.conn.executemany("DELETE FROM lsh WHERE bucket = ? AND article = ?",
                                      [(key, rowid) for key in buckets(sig)])
            self.conn.execute("DELETE FROM records WHERE rowid = ?", (rowid,))
        else:
            self.fulltext.pop(rowid, None)
            self.keys.pop(rowid, None)
            if self.originals.pop(rowid, None) is not None:
                for key in buckets(sig):
                    self.pending[key].remove(rowid)
        _entity_index.unindex(self.conn, rowid)
        self.conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    def flush(self) -> None:
        conn = self.conn
        conn.executemany("INSERT INTO seen VALUES (?, ?) ON CONFLICT DO NOTHING", self.seen)
        conn.executemany("INSERT INTO records VALUES (?, ?, ?)", list(self.records.values()))
        conn.executemany("INSERT INTO lsh VALUES (?, ?)",
                         sorted((key, rowid) for key, rowids in self.pending.items() for rowid in rowids))
        for rowid in self.unindexed:
            _fulltext.unindex(conn, rowid)
            _filter_keys.unindex(conn, rowid)
        _filter_keys.index(conn, self.keys.values())
        rows = []
        for rowid, (headline, body) in self.fulltext.items():
            keys = self.keys[rowid]
            rows.append((rowid, headline, body, _filter_keys.facet_text(keys.day, keys.outlet), keys.day))
        _fulltext.index(conn, rows)


def _stored(conn: Database, ids: list[str]) -> dict[str, tuple]:
    """(rowid, record, signature) of the stored articles among ``ids``."""
    ids, found = sorted(set(ids)), {}
    for start in range(0, len(ids), LOOKUP):
        part = ids[start:start + LOOKUP]
        found.update((id_, (rowid, record, sig)) for id_, rowid, record, sig in conn.execute(
            "SELECT a.id, a.rowid, r.record, r.signature FROM articles a JOIN records r"
            f" ON r.rowid = a.rowid WHERE a.id IN ({', '.join('?' * len(part))})", part))
    return found
