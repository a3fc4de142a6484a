"""The search cache of the web app (``serve/_cache.py``): a repeated search
is served from memory, and a write to the store (through the app, another
connection or another process) is seen by the next search."""

from __future__ import annotations

import shutil
import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette asks for an httpx it does not need here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import warta  # noqa: E402
from warta.corpus import Store  # noqa: E402
from warta.serve import create_app  # noqa: E402
from warta.serve._cache import CachedCorpus  # noqa: E402
from warta.serve._data import Corpus, SearchFilters  # noqa: E402

NEW_PAGE = ("Kebun Anggrek Langka Dibuka di Tomohon\n\nTOMOHON - Sebuah kebun anggrek langka dibuka"
            " untuk umum di Tomohon pada Sabtu pagi. Pengelola kebun anggrek menyebut ada dua ratus"
            " jenis anggrek hutan yang ditanam di lahan seluas tiga hektare.")


@pytest.fixture
def copy(sample, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(sample[0], path)
    return path


def _ids(client, **params) -> list[str]:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200
    return [hit["id"] for hit in response.json()["hits"]]


def test_a_write_through_the_store_is_seen_by_the_same_search(copy):
    with TestClient(create_app(copy)) as client:
        assert _ids(client, q="anggrek") == []
        assert _ids(client, q="anggrek") == []  # now cached
        with Store(copy) as store:  # another connection, as `warta ingest` would be
            new_id = store.add(warta.read(NEW_PAGE, url="https://example.com/anggrek"))
        assert _ids(client, q="anggrek") == [new_id]
        assert "Tomohon" in client.get("/search", params={"q": "anggrek"}).text


def test_a_write_through_the_app_is_seen_by_the_same_search(copy):
    with TestClient(create_app(copy, write_token="t")) as client:
        assert _ids(client, q="anggrek") == []
        added = client.post("/api/articles", json={"page": NEW_PAGE, "url": "https://example.com/a"},
                            headers={"Authorization": "Bearer t"})
        assert added.status_code == 201
        assert _ids(client, q="anggrek") == [added.json()["id"]]


class Counting:
    """A corpus that counts the searches that reach it."""

    def __init__(self, corpus: Corpus):
        self.corpus, self.searches = corpus, 0
        self.store = corpus.store

    def search(self, *args, **kwargs):
        self.searches += 1
        return self.corpus.search(*args, **kwargs)


def test_repeated_searches_and_pages_are_served_from_memory(copy):
    counting = Counting(Corpus(copy))
    cached = CachedCorpus(counting)
    first = cached.search("Bandung", SearchFilters(), offset=0, size=10)
    first.hits[0]["snippet_parts"] = "changed by a view"  # must not reach the cache
    again = cached.search("Bandung", SearchFilters(), offset=0, size=10)
    assert counting.searches == 1 and "snippet_parts" not in again.hits[0]
    assert [h["id"] for h in again.hits] == [h["id"] for h in first.hits]
    cached.search("Bandung", SearchFilters(), offset=10, size=10)  # another page
    cached.search("Bandung", SearchFilters(label="sponsored"), offset=0, size=10)  # another filter
    assert counting.searches == 3


def test_the_cache_is_bounded(copy):
    counting = Counting(Corpus(copy))
    cached = CachedCorpus(counting, max_pages=2)
    for query in ("Bandung", "air", "beras", "Bandung"):
        cached.search(query, SearchFilters(), offset=0, size=10)
    assert len(cached) == 2 and counting.searches == 4  # "Bandung" was evicted by the third


def test_on_postgres_a_write_through_another_connection_is_seen(postgres_url):
    """The cache asks the server's transaction snapshot, as it asks
    data_version on SQLite: no page outlives a write."""
    from tests.test_serve_sample import build_sample_store

    build_sample_store(postgres_url)
    with TestClient(create_app(postgres_url)) as client:
        assert _ids(client, q="anggrek") == [] and _ids(client, q="anggrek") == []
        with Store(postgres_url) as store:
            new_id = store.add(warta.read(NEW_PAGE, url="https://example.com/anggrek"))
        assert _ids(client, q="anggrek") == [new_id]
