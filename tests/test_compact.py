"""``Store.compact`` and ``warta compact``: the space a store no longer uses
is given back, and what it holds and finds stays the same."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from tests.test_filter_keys import varied
from tests.test_store_read_only import _unwritable
from warta.cli import main
from warta.corpus import Store, StoreError, _fts_parts
from warta.corpus._prepare import prepare

QUERIES = ["berita", "baran", "kirak OR lupoh", "berita -baran"]


def filled(location, monkeypatch, articles=None) -> list:
    """A store whose one index was then cut into parts, as migration 5 cuts
    an older store's (SQLite: the old index's pages freed), and what it finds."""
    with Store(location) as store:
        store.write([prepare(a) for a in articles or varied()], stories=False)
        if store.dialect == "sqlite":
            monkeypatch.setattr(_fts_parts, "PART_ROWS", 9)
            with store.transaction() as db:
                db.execute("DELETE FROM fts_parts")
                _fts_parts.split(db)
        return found(store)


def found(store) -> list:
    return [[(h.id, h.headline) for h in store.search(q, limit=1000)] for q in QUERIES]


def in_day_order() -> list:
    """``varied``'s articles stored as they were published (undated first),
    so that compacting leaves the parts, and the ranking, as they are."""
    return sorted(varied(), key=lambda a: (a.published is not None, a.published and a.published[:10]))


def free_pages(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA freelist_count").fetchone()[0]


def test_compact_gives_back_free_pages_and_keeps_every_result(tmp_path, monkeypatch):
    path = tmp_path / "warta.db"
    before = filled(path, monkeypatch, in_day_order())
    assert free_pages(path) > 0
    with Store(path, create=False) as store:
        size_before, size_after = store.compact()
        assert size_after < size_before
        assert found(store) == before and len(store) == len(varied())
    assert free_pages(path) == 0


def test_compact_on_either_backend_keeps_what_the_store_finds(store_location, monkeypatch):
    before = filled(store_location, monkeypatch, in_day_order())
    with Store(store_location, create=False) as store:
        sizes = store.compact()
        assert (sizes is None) == store_location.startswith("postgresql://")
        assert found(store) == before


def test_warta_compact_says_how_much_it_gave_back(tmp_path, monkeypatch):
    path = tmp_path / "warta.db"
    filled(path, monkeypatch)
    done = CliRunner().invoke(main, ["compact", "--db", str(path)], catch_exceptions=False)
    assert done.exit_code == 0
    before, after = (float(n.split()[0].replace(",", "")) for n in done.output.split(":")[-1].split("->"))
    assert after < before and done.output.strip().endswith("MiB")


def test_a_read_only_or_missing_store_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "warta.db"
    filled(path, monkeypatch)
    done = CliRunner().invoke(main, ["compact", "--db", str(tmp_path / "none.db")])
    assert done.exit_code == 2 and "no such store" in done.output
    _unwritable(monkeypatch)
    with Store(path, create=False) as store, pytest.raises(StoreError, match="read-only"):
        store.compact()


def test_warta_compact_says_when_it_sorted_the_index_by_day(tmp_path, monkeypatch):
    from tests.test_fts_parts import shuffled as archive_order

    shuffled, ordered = tmp_path / "shuffled.db", tmp_path / "ordered.db"
    filled(shuffled, monkeypatch, archive_order())
    filled(ordered, monkeypatch, in_day_order())
    said = {path: CliRunner().invoke(main, ["compact", "--db", str(path)], catch_exceptions=False).output
            for path in (shuffled, ordered)}
    assert "sorted by publish day" in said[shuffled] and "sorted" not in said[ordered]
    with Store(shuffled, create=False) as store:
        assert _fts_parts.in_day_order(store.conn)
