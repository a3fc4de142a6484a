"""Writing prepared articles: idempotent upserts and duplicate links.

An article whose id is stored with the same record changes nothing. A new or
changed one is linked to an original when its body is an exact copy (same
``body_hash``) or a near copy (MinHash over LSH candidates); only originals go
into the full-text index, the entity and quote index and the LSH buckets, so
search shows each story once and facts count it once.
"""

from __future__ import annotations

from datetime import datetime, timezone

from . import _entity_index, _fulltext
from ._db import Database
from ._minhash import THRESHOLD, buckets, similarity
from ._prepare import Failure, Prepared

__all__ = ["write_failure", "write_prepared"]

COLUMNS = ("url", "outlet", "domain", "published", "label", "language", "headline")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_failure(conn: Database, failure: Failure) -> None:
    conn.execute("INSERT INTO failures (source, reason, digest, at) VALUES (?, ?, ?, ?)",
                  (failure.source, failure.reason, failure.digest, _now()))
    if failure.digest:
        conn.execute("INSERT INTO seen VALUES (?, NULL) ON CONFLICT DO NOTHING", (failure.digest,))


def write_prepared(conn: Database, item: Prepared) -> str:
    """Store one article; returns "added", "updated" or "unchanged"."""
    row = conn.execute("SELECT a.rowid, r.record, r.signature FROM articles a JOIN records r"
                       " ON r.rowid = a.rowid WHERE a.id = ?", (item.id,)).fetchone()
    if item.digest:
        conn.execute("INSERT INTO seen VALUES (?, ?) ON CONFLICT DO NOTHING", (item.digest, item.id))
    if row and row[1] == item.record:
        return "unchanged"
    if row:
        _unindex(conn, row[0], row[2])
        conn.execute("DELETE FROM articles WHERE rowid = ?", (row[0],))
        conn.execute("DELETE FROM records WHERE rowid = ?", (row[0],))
    original, score = _find_original(conn, item)
    values = [item.id, *(item.columns[c] for c in COLUMNS), item.body_hash or "", original,
              score, item.source, _now()]
    rowid = conn.execute(
        f"INSERT INTO articles (id, {', '.join(COLUMNS)}, body_hash, duplicate_of, similarity,"
        f" source, added) VALUES ({', '.join('?' * len(values))}) RETURNING rowid", values).fetchone()[0]
    conn.execute("INSERT INTO records VALUES (?, ?, ?)", (rowid, item.record, item.signature))
    if original is None:
        _index(conn, rowid, item)
    return "updated" if row else "added"


def _find_original(conn: Database, item: Prepared) -> tuple[str | None, float | None]:
    if item.body_hash:
        exact = conn.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE body_hash = ? LIMIT 1",
            (item.body_hash,)).fetchone()
        if exact:
            return exact[0], 1.0
    if item.signature is None:
        return None, None
    keys = item.buckets
    best, best_score = None, THRESHOLD
    for other_id, other_sig in conn.execute(
            "SELECT a.id, r.signature FROM articles a JOIN records r ON r.rowid = a.rowid"
            f" WHERE a.rowid IN (SELECT article FROM lsh WHERE bucket IN ({', '.join('?' * len(keys))}))",
            keys):
        score = similarity(item.signature, other_sig)
        if score >= best_score:
            best, best_score = other_id, score
    return (best, best_score) if best else (None, None)


def _index(conn: Database, rowid: int, item: Prepared) -> None:
    _fulltext.index(conn, rowid, item.headline_stems, item.body_stems)
    _entity_index.index(conn, rowid, item.columns["published"], item.mentions, item.quotes)
    if item.signature is not None:
        conn.executemany("INSERT INTO lsh VALUES (?, ?)",
                         [(key, rowid) for key in item.buckets])


def _unindex(conn: Database, rowid: int, sig: bytes | None) -> None:
    _fulltext.unindex(conn, rowid)
    _entity_index.unindex(conn, rowid)
    if sig is not None:  # by primary key: the buckets follow from the signature
        conn.executemany("DELETE FROM lsh WHERE bucket = ? AND article = ?",
                         [(key, rowid) for key in buckets(sig)])
