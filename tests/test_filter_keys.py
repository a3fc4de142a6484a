"""The search filters' keys (``_filter_keys``, migration 4): filtered
searches give what a check of each article's own columns gives, the keys
follow every write, and a store made before them is backfilled."""

from __future__ import annotations

import dataclasses
import random

import pytest

from tests.test_entity_index import before_filter_keys, corpus
from warta import Outlet
from warta.corpus import Store, _schema
from warta.corpus._filter_keys import FACET, _month_tokens, _months_between, day_number, facet_text
from warta.corpus._prepare import prepare

#: Outlet names and domains in several cases, and an article without one.
OUTLETS = [Outlet("Detikcom", "detik.com"), Outlet("KOMPAS", "kompas.com"), Outlet("Tempo", "tempo.co"), None]
FILTERS = [{}, {"since": "2025-03-01"}, {"until": "2025-06-15"}, {"since": "2025-04-04", "until": "2025-04-04"},
           {"outlet": "kompas"}, {"outlet": "DETIK.COM"}, {"outlet": "tempo.co", "since": "2025-02-10"},
           {"label": "sponsored"}, {"language": "en"}, {"since": "2025-02-27", "until": "2025-04-02"},
           {"until": "2001-01-01"}, {"since": "2031-01-01", "outlet": "tempo"}, {"outlet": "nowhere.id"}]
#: Those no article passes.
EMPTY = FILTERS[-3:]


def varied(seed: int = 3) -> list:
    """``corpus``'s articles with outlets, labels, languages and time zones varied."""
    rng = random.Random(seed)
    made = []
    for article in corpus(50, seed=seed):
        published = article.published and article.published.replace("+07:00", rng.choice(["+07:00", "+09:00", "Z"]))
        made.append(dataclasses.replace(article, outlet=rng.choice(OUTLETS), published=published,
                                        label=rng.choice([None, "editorial", "sponsored"]),
                                        language=rng.choice(["id", "id", "en"])))
    return made


def checked(store, word: str, since=None, until=None, outlet=None, label=None, language=None) -> set[str]:
    """The ids a search without filters finds, kept by each article's own columns."""
    found = {hit.id for hit in store.search(word, limit=1000)}
    rows = store.conn.execute("SELECT id, published, outlet, domain, label, language FROM articles").fetchall()
    day = {id_: (published or "")[:10] for id_, published, *_ in rows}
    columns = {id_: rest for id_, _, *rest in rows}
    return {id_ for id_ in found
            if (not since or day[id_] >= since) and (not until or (day[id_] and day[id_] <= until))
            and (not outlet or outlet.lower() in ((columns[id_][0] or "").lower(), columns[id_][1]))
            and (not label or columns[id_][2] == label) and (not language or columns[id_][3] == language)}


def test_day_numbers():
    assert day_number("2025-10-21T08:00:00+07:00") == 20251021 == day_number("2025-10-21")
    assert day_number(None) is None and day_number("") is None and day_number("21/10/2025") is None


def test_month_tokens_cover_each_month_of_a_range_once():
    rng = random.Random(4)
    for _ in range(300):
        first = rng.randint(2020, 2030) * 100 + rng.randint(1, 12)
        last = rng.randint(2020, 2030) * 100 + rng.randint(1, 12)
        expected = [y * 100 + m for y in range(first // 100, last // 100 + 1) for m in range(1, 13)
                    if first <= y * 100 + m <= last]
        assert [int(token.removeprefix(f"{FACET}m")) for token in _month_tokens(first, last)] == expected
        assert len(expected) == max(0, _months_between(first * 100 + 1, last * 100 + 28))


def fulltext_facets(store) -> dict[int, str]:
    return dict(store.conn.execute("SELECT rowid, facets FROM articles_fts"))


def keyed_facets(store) -> dict[int, str]:
    return {rowid: facet_text(day, outlet)
            for rowid, day, outlet in store.conn.execute("SELECT rowid, day, outlet FROM article_keys")}


@pytest.mark.parametrize("filters", FILTERS)
def test_filtered_search_equals_a_check_of_the_articles(store_location, filters):
    with Store(store_location) as store:
        store.write([prepare(a) for a in varied()], stories=False)
        found = {hit.id for hit in store.search("berita", limit=1000, **filters)}
        assert found == checked(store, "berita", **filters)
        assert bool(found) == (filters not in EMPTY)


def key_rowids(store) -> set[int]:
    return {r[0] for r in store.conn.execute("SELECT rowid FROM article_keys")}


def originals(store) -> set[int]:
    return {r[0] for r in store.conn.execute("SELECT rowid FROM articles WHERE duplicate_of IS NULL")}


def test_the_keys_follow_updates_and_copies(store_location):
    made = varied(seed=8)
    with Store(store_location) as store:
        store.write([prepare(a) for a in made], stories=False)
        assert key_rowids(store) == originals(store) and len(originals(store)) == 50
        changed = [dataclasses.replace(a, label="editorial", outlet=Outlet("Baru", "baru.id")) for a in made[:10]]
        store.write([prepare(a) for a in changed], stories=False)
        # within one batch: an article written, then written again changed
        store.write([prepare(made[11]), prepare(dataclasses.replace(made[11], language="jv"))], stories=False)
        assert key_rowids(store) == originals(store)
        if store.dialect == "sqlite":
            assert fulltext_facets(store) == keyed_facets(store)
        assert {h.id for h in store.search("berita", outlet="BARU", limit=100)} == checked(store, "berita", outlet="baru")
        assert len(checked(store, "berita", outlet="baru")) == 10
        assert len(store.search("berita", language="jv", limit=100)) == 1


def test_a_store_made_before_the_keys_is_backfilled(store_location, monkeypatch):
    with monkeypatch.context() as before:  # warta as it was: migrations 1-3, no keys written
        before.setattr(_schema, "MIGRATIONS", _schema.MIGRATIONS[:3])
        before.setattr(_schema, "VERSION", 3)
        before_filter_keys(before)
        with Store(store_location) as old:
            old.write([prepare(a) for a in varied(seed=4)], stories=False)
            assert old.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 3
    with pytest.warns(UserWarning, match=f"upgrading the store from schema version 3 to {_schema.VERSION}"):
        upgraded = Store(store_location, create=False)
    with upgraded:
        assert upgraded.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == _schema.VERSION
        assert key_rowids(upgraded) == originals(upgraded)
        if upgraded.dialect == "sqlite":  # the index rebuilt with the keys as tokens, as a writer puts them
            assert fulltext_facets(upgraded) == keyed_facets(upgraded) and len(keyed_facets(upgraded)) == 50
        for filters in FILTERS:
            assert {h.id for h in upgraded.search("berita", limit=1000, **filters)} == \
                checked(upgraded, "berita", **filters)
