"""The entity and quote index (migration 3): rows of ``mentions`` and
``quotes`` for each original, so that ``warta entities``, ``warta quotes``,
the ``entity``/``speaker`` search filters and entity pages read small
indexed tables instead of every record's JSON.

Rows are made from the stored record, which is hostile input: an entity or
quote of the wrong shape, or a field of the wrong type, is skipped. Only
originals are indexed (as in full-text search), so a reprint counts once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ._db import Database
from ._stem import stems

__all__ = ["MENTION_COLUMNS", "QUOTE_COLUMNS", "backfill", "index", "mention_rows", "name_key",
           "quote_rows", "speaker_name", "unindex"]

#: One row per distinct form (name, label, as written, code, role) of an
#: entity in an article: ``count`` mentions, the first at ``pos`` in its list.
MENTION_COLUMNS = ("article", "name", "name_key", "label", "form", "code", "role", "count", "pos",
                   "published")
#: One row per quote: the speaker's canonical name (else as written), as
#: written, the text and its index forms (topic matching), its place in the list.
QUOTE_COLUMNS = ("article", "pos", "speaker", "speaker_key", "written", "written_key", "text", "stems",
                 "published")
BACKFILL_CHUNK = 1_000


def name_key(name: str) -> str:
    """How names are looked up: any case, spaces folded ("joko  WIDODO")."""
    return " ".join(name.split()).casefold()


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _dicts(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def mention_rows(record: dict) -> list[tuple]:
    """(name, name_key, label, form, code, role, count, pos) of a record's entities."""
    forms: dict[tuple, list[int]] = {}
    for pos, entity in enumerate(_dicts(record.get("entities"))):
        name = _text(entity.get("canonical")) or _text(entity.get("text"))
        if name is None:
            continue
        form = (name, name_key(name), *(_text(entity.get(k)) for k in ("label", "text", "code", "role")))
        forms.setdefault(form, [0, pos])[0] += 1
    return [(*form, count, pos) for form, (count, pos) in forms.items()]


def speaker_name(quote: dict) -> str | None:
    """The speaker's canonical name (``speaker_entity``, a name or an entity
    dict), else the speaker as written."""
    entity = quote.get("speaker_entity")
    canonical = _text(entity.get("canonical")) if isinstance(entity, dict) else _text(entity)
    return canonical or _text(quote.get("speaker"))


def quote_rows(record: dict) -> list[tuple]:
    """(pos, speaker, speaker_key, written, written_key, text, stems) of a record's quotes."""
    rows = []
    for pos, quote in enumerate(_dicts(record.get("quotes"))):
        text = _text(quote.get("text")) or ""
        speaker, written = speaker_name(quote), _text(quote.get("speaker"))
        rows.append((pos, speaker, speaker and name_key(speaker), written, written and name_key(written),
                     text, stems(text)))
    return rows


def index(db: Database, rowid: int, published: str | None, mentions: Iterable[tuple],
          quotes: Iterable[tuple]) -> None:
    _insert(db, "mentions", MENTION_COLUMNS, [(rowid, *row, published) for row in mentions])
    _insert(db, "quotes", QUOTE_COLUMNS, [(rowid, *row, published) for row in quotes])


def unindex(db: Database, rowid: int) -> None:
    db.execute("DELETE FROM mentions WHERE article = ?", (rowid,))
    db.execute("DELETE FROM quotes WHERE article = ?", (rowid,))


def _insert(db: Database, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if rows:
        db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       rows)


def backfill(db: Database) -> None:
    """Index the originals of a store made before the index (in the
    migration's transaction), a chunk of rowids at a time."""
    last = 0
    while True:
        rows = db.execute(
            "SELECT a.rowid, a.published, r.record FROM articles a JOIN records r ON r.rowid = a.rowid"
            " WHERE a.duplicate_of IS NULL AND a.rowid > ? ORDER BY a.rowid LIMIT ?",
            (last, BACKFILL_CHUNK)).fetchall()
        if not rows:
            return
        for rowid, published, record in rows:
            try:
                parsed = json.loads(record)
            except ValueError:  # a damaged record is left out of the index, not fatal
                continue
            if isinstance(parsed, dict):
                index(db, rowid, published, mention_rows(parsed), quote_rows(parsed))
        last = rows[-1][0]
