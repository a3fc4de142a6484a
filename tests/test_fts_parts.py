"""The SQLite full-text index in parts (``_fts_parts``, migration 5): a store
cut into small parts finds, counts and filters what one part finds; the
ranking window takes the newest matches across parts; rewrites and old stores
keep the parts' counts right."""

from __future__ import annotations

import dataclasses
import random
from itertools import pairwise

import pytest

from tests.test_entity_index import corpus
from tests.test_filter_keys import FILTERS, checked, varied
from warta.corpus import Store, _fts_parts, _fulltext, _schema, _search
from warta.corpus._prepare import prepare

WORDS = ["berita", "baran", "kirak", "lupoh", "taguh", "megut", "berita -baran", '"baran kirak"', "kirak OR lupoh"]


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr(_fts_parts, "PART_ROWS", 7)


def stored(path, articles) -> Store:
    store = Store(path)
    for start in range(0, len(articles), 9):  # several batches: parts fill across writes too
        store.write([prepare(a) for a in articles[start:start + 9]], stories=False)
    return store


def parts(store) -> list[tuple[int, int, int]]:
    return store.conn.execute("SELECT part, first_rowid, rows FROM fts_parts ORDER BY part").fetchall()


def indexed(store, part: int) -> list[int]:
    return [r[0] for r in store.conn.execute(f"SELECT rowid FROM {_fts_parts.table(part)} ORDER BY rowid")]


def day_spans(store) -> list[tuple[int, int, int]]:
    """(part, first day, last day) as ``fts_parts`` holds them, checked against the part's rows."""
    spans = store.conn.execute("SELECT part, first_day, last_day FROM fts_parts ORDER BY part").fetchall()
    for part, first, last in spans:
        days = [r[0] for r in store.conn.execute(
            f"SELECT k.day FROM {_fts_parts.table(part)} f JOIN article_keys k ON k.rowid = f.rowid"
            " WHERE k.day IS NOT NULL")]
        assert (first, last) == (min(days), max(days))
    return spans


def test_parts_fill_in_turn_and_each_row_is_in_the_part_its_rowid_says(tmp_path, small_parts):
    with stored(tmp_path / "parts.db", varied()) as store:
        originals = [r[0] for r in store.conn.execute(
            "SELECT rowid FROM articles WHERE duplicate_of IS NULL ORDER BY rowid")]
        found = parts(store)
        assert len(found) == -(-len(originals) // 7) > 3
        assert [rows for *_, rows in found] == [7] * (len(found) - 1) + [len(originals) - 7 * (len(found) - 1)]
        for part, first, rows in found:
            assert indexed(store, part) == originals[7 * part:7 * part + rows]
            assert first == (0 if part == 0 else indexed(store, part)[0])  # part 0 starts at 0
        assert [p for p, *_ in found][::-1] == _fts_parts.parts(store.conn)


def test_searches_across_parts_find_count_and_filter_as_one_part_does(tmp_path, monkeypatch):
    articles = varied()
    with stored(tmp_path / "one.db", articles) as one:
        with monkeypatch.context() as m:
            m.setattr(_fts_parts, "PART_ROWS", 7)
            many = stored(tmp_path / "many.db", articles)
        with many:
            assert len(parts(one)) == 1 and len(parts(many)) > 3
            for word in WORDS:
                for filters in FILTERS:
                    expected = {h.id for h in one.search(word, limit=1000, **filters)}
                    assert {h.id for h in many.search(word, limit=1000, **filters)} == expected, (word, filters)
                page = many.search_page(word)
                assert (page.facets.total, page.facets.more) == \
                    (one.search_page(word).facets.total, one.search_page(word).facets.more)
            assert {h.id for h in many.search("berita", limit=1000, outlet="kompas")} == \
                checked(many, "berita", outlet="kompas")


def test_the_ranking_window_is_the_newest_matches_across_parts(tmp_path, small_parts, monkeypatch):
    monkeypatch.setattr(_search, "CANDIDATES", 10)  # more than a part holds, fewer than all matches
    with stored(tmp_path / "parts.db", varied()) as store:
        every = store.conn.execute(
            "SELECT a.rowid, a.id FROM articles a WHERE a.duplicate_of IS NULL ORDER BY a.rowid DESC").fetchall()
        assert len(every) > 20
        newest = {id_ for _, id_ in every[:10]}
        assert {h.id for h in store.search("berita", limit=1000)} == newest
        assert len(store.search("berita", limit=5, offset=8)) == 2  # pages end with the window


def test_rewritten_articles_leave_their_part(tmp_path, small_parts):
    articles = varied()
    with stored(tmp_path / "parts.db", articles) as store:
        before = parts(store)
        changed = [dataclasses.replace(a, headline=f"{a.headline} diubah") for a in articles[:12]]
        store.write([prepare(a) for a in changed], stories=False)
        after = parts(store)
        originals = store.conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]
        assert sum(rows for *_, rows in after) == originals
        assert after[0][2] < before[0][2]  # the first part lost the rewritten articles ...
        for part, _, rows in after:  # ... and every count is what the part holds
            assert len(indexed(store, part)) == rows
        hits = store.search("diubah", limit=1000)
        assert len(hits) == len({h.id for h in hits}) == len({a.url for a in changed if a.url})


def test_a_store_made_before_the_parts_is_cut_into_parts(tmp_path, monkeypatch):
    articles = varied()
    path = tmp_path / "old.db"
    with monkeypatch.context() as before:  # warta as it was: migrations 1-4, one index
        before.setattr(_schema, "MIGRATIONS", _schema.MIGRATIONS[:4])
        before.setattr(_schema, "VERSION", 4)
        before.setattr(_fulltext, "index", lambda db, rows: db.executemany(
            "INSERT INTO articles_fts (rowid, headline, body, facets) VALUES (?, ?, ?, ?)", [r[:4] for r in rows]))
        with Store(path) as old:
            old.write([prepare(a) for a in articles[:30]], stories=False)
            held = [r[0] for r in old.conn.execute("SELECT rowid FROM articles_fts ORDER BY rowid")]
            facets = old.conn.execute("SELECT rowid, facets FROM articles_fts ORDER BY rowid").fetchall()
    monkeypatch.setattr(_fts_parts, "PART_ROWS", 7)
    with pytest.warns(UserWarning, match=f"schema version 4 to {_schema.VERSION}"):
        store = Store(path, create=False)
    with store:
        found = parts(store)
        assert [(part, first, rows) for part, first, rows in found] == \
            [(i, 0 if i == 0 else held[7 * i], len(held[7 * i:7 * i + 7])) for i in range(-(-len(held) // 7))]
        assert [row for part, *_ in found for row in store.conn.execute(
            f"SELECT rowid, facets FROM {_fts_parts.table(part)} ORDER BY rowid")] == facets  # nothing lost
        day_spans(store)
        for filters in FILTERS:
            assert {h.id for h in store.search("berita", limit=1000, **filters)} == \
                checked(store, "berita", **filters)
        store.write([prepare(a) for a in articles[30:]], stories=False)  # then it grows as any store
        assert sum(rows for *_, rows in parts(store)) == \
            store.conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]


def test_date_filters_skip_the_parts_without_those_days(tmp_path, small_parts):
    dated = sorted((a for a in varied() if a.published), key=lambda a: a.published)  # stored as published
    with stored(tmp_path / "parts.db", dated) as store:
        spans = day_spans(store)
        since = spans[-2][2]  # the last day of the part before the newest
        assert _fts_parts.parts(store.conn, since) == [spans[-1][0], spans[-2][0]]
        assert _fts_parts.parts(store.conn, None, spans[0][2]) == [p for p, first, _ in spans
                                                                  if first <= spans[0][2]][::-1]
        assert _fts_parts.parts(store.conn, 20990101) == [spans[-1][0]]  # none: the newest, which matches nothing
        for filters in FILTERS:
            assert {h.id for h in store.search("berita", limit=1000, **filters)} == \
                checked(store, "berita", **filters), filters


def test_more_parts_than_sqlite_takes_in_one_union_are_read_through_nested_ones(tmp_path, monkeypatch):
    articles = corpus(520, seed=8)
    with stored(tmp_path / "one.db", articles) as one:
        monkeypatch.setattr(_fts_parts, "PART_ROWS", 1)  # a part per article: over SQLite's 500 terms
        with stored(tmp_path / "many.db", articles) as many:
            assert len(parts(many)) > 500
            found = 0
            for word in WORDS:
                hits = {h.id for h in many.search(word, limit=1000)}
                assert hits == {h.id for h in one.search(word, limit=1000)}, word
                found += len(hits)
            assert found > 500


def shuffled(seed: int = 5) -> list:
    """``varied``'s articles in an order unrelated to their days, as an archive is ingested."""
    articles = varied()
    random.Random(seed).shuffle(articles)
    return articles


def test_compact_sorts_parts_filled_out_of_day_order_and_finds_the_same(tmp_path, small_parts):
    with stored(tmp_path / "parts.db", shuffled()) as store:
        before = {(word, tuple(sorted(f.items()))): {h.id for h in store.search(word, limit=1000, **f)}
                  for word in WORDS for f in FILTERS}
        facets = sorted(row for part, *_ in parts(store) for row in store.conn.execute(
            f"SELECT rowid, headline, body, facets FROM {_fts_parts.table(part)}"))
        since = 20250301
        read_before = _fts_parts.parts(store.conn, since)
        assert not _fts_parts.in_day_order(store.conn)
        store.compact()
        assert _fts_parts.in_day_order(store.conn)
        spans = day_spans(store)
        assert all(last <= first for (_, _, last), (_, first, _) in pairwise(spans))
        counts = [rows for *_, rows in parts(store)]
        assert counts[:-1] == [7] * (len(counts) - 1) and 0 < counts[-1] <= 7
        for part, _, rows in parts(store):
            assert len(indexed(store, part)) == rows
        assert sorted(row for part, *_ in parts(store) for row in store.conn.execute(
            f"SELECT rowid, headline, body, facets FROM {_fts_parts.table(part)}")) == facets  # nothing lost
        assert len(_fts_parts.parts(store.conn, since)) < len(read_before)
        for (word, filters), ids in before.items():
            assert {h.id for h in store.search(word, limit=1000, **dict(filters))} == ids, (word, filters)
            assert ids == checked(store, word, **dict(filters))


def test_a_sorted_store_takes_new_and_rewritten_articles(tmp_path, small_parts):
    articles = shuffled()
    with stored(tmp_path / "parts.db", articles[:40]) as store:
        store.compact()
        sorted_parts = parts(store)
        store.write([prepare(a) for a in articles[40:]], stories=False)
        grown = parts(store)  # the new ones fill the newest part, then new parts
        assert grown[:len(sorted_parts) - 1] == sorted_parts[:-1] and len(grown) >= len(sorted_parts)
        changed = [dataclasses.replace(a, headline=f"{a.headline} diubah") for a in articles[:40:3]]
        store.write([prepare(a) for a in changed], stories=False)  # out of whichever part held them
        originals = [r[0] for r in store.conn.execute("SELECT rowid FROM articles WHERE duplicate_of IS NULL")]
        held = [rowid for part, *_ in parts(store) for rowid in indexed(store, part)]
        assert sorted(held) == sorted(originals)  # each original in one part, once
        for part, _, rows in parts(store):
            assert len(indexed(store, part)) == rows
        rewritten = {r[0] for r in store.conn.execute(
            "SELECT id FROM articles WHERE duplicate_of IS NULL AND headline LIKE '% diubah'")}
        assert len(rewritten) > 5 and {h.id for h in store.search("diubah", limit=1000)} == rewritten


def test_compact_leaves_parts_in_day_order_and_an_empty_store_as_they_are(tmp_path, small_parts):
    dated = sorted((a for a in varied() if a.published), key=lambda a: a.published[:10])
    with stored(tmp_path / "parts.db", dated) as store:
        before = store.conn.execute("SELECT * FROM fts_parts ORDER BY part").fetchall()
        assert _fts_parts.in_day_order(store.conn)
        store.compact()
        assert store.conn.execute("SELECT * FROM fts_parts ORDER BY part").fetchall() == before
    with Store(tmp_path / "empty.db") as empty:
        _fts_parts.sort_by_day(empty.conn)
        empty.compact()
        assert parts(empty) == [(0, 0, 0)] and empty.search("berita") == []
