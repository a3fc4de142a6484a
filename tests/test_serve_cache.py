"""The search cache of the web app (``serve/_cache.py``): a repeated search
is served from memory, and a write to the store (through the app, another
connection or another process) is seen by the next search."""

from __future__ import annotations

import multiprocessing
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
from warta.serve._shared_pages import SharedPages, cache_key  # noqa: E402

NEW_PAGE = ("Kebun Anggrek Langka Dibuka di Tomohon\n\nTOMOHON - Sebuah kebun anggrek langka dibuka"
            " untuk umum di Tomohon pada Sabtu pagi. Pengelola kebun anggrek menyebut ada dua ratus"
            " jenis anggrek hutan yang ditanam di lahan seluas tiga hektare.")

OTHER_PAGE = ("Petani Anggrek Bulan Panen Raya di Lereng Merapi\n\nSLEMAN - Kelompok petani di lereng"
              " Merapi memanen anggrek bulan untuk pasar Jakarta. Ketua kelompok berkata harga per"
              " tangkai naik sejak kemarau panjang berakhir bulan lalu.")


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


# -- one cache file shared by the worker processes ------------------------------
def test_two_apps_on_one_cache_file_share_pages(copy, tmp_path):
    """Two worker processes (here two apps) on one cache file: a search asked
    in one is a hit in the other."""
    shared = tmp_path / "pages.db"
    first, second = Counting(Corpus(copy)), Counting(Corpus(copy))
    one, two = CachedCorpus(first, path=shared), CachedCorpus(second, path=shared)
    asked = one.search("Bandung", SearchFilters(), offset=0, size=10)
    again = two.search("Bandung", SearchFilters(), offset=0, size=10)
    assert (first.searches, second.searches) == (1, 0)
    assert again.hits == asked.hits and again.facets == asked.facets and again.terms == asked.terms
    assert (again.total, again.more, again.counted) == (asked.total, asked.more, asked.counted)


def test_a_write_is_seen_by_every_app_sharing_the_cache(copy, tmp_path):
    shared = tmp_path / "pages.db"
    with TestClient(create_app(copy, write_token="t", cache=shared)) as one, \
            TestClient(create_app(copy, cache=shared)) as two:
        assert _ids(one, q="anggrek") == [] and _ids(two, q="anggrek") == []  # cached, shared
        added = one.post("/api/articles", json={"page": NEW_PAGE, "url": "https://example.com/a"},
                         headers={"Authorization": "Bearer t"})
        assert _ids(two, q="anggrek") == [added.json()["id"]]
        with Store(copy) as store:  # and a write by another connection
            newer = store.add(warta.read(OTHER_PAGE, url="https://example.com/b"))
        assert newer in _ids(one, q="anggrek") and newer in _ids(two, q="anggrek")


def test_a_page_searched_before_a_write_is_not_kept(copy, tmp_path):
    """A search that began before the cache was emptied may have read the
    store before the write: its page must not be stored."""
    pages = SharedPages(tmp_path / "pages.db", max_pages=10)
    epoch, page = pages.get(b"k")
    assert page is None
    pages.bump()  # a write happened while that search ran
    pages.put(b"k", epoch, {"hits": []})
    assert pages.get(b"k")[1] is None and len(pages) == 0


def test_the_shared_cache_is_bounded(copy, tmp_path):
    counting = Counting(Corpus(copy))
    cached = CachedCorpus(counting, max_pages=2, path=tmp_path / "pages.db")
    for query in ("Bandung", "air", "beras", "Bandung"):
        cached.search(query, SearchFilters(), offset=0, size=10)
    assert len(cached) == 2 and counting.searches == 4


@pytest.mark.parametrize("query", ["x" * 500, "'); DROP TABLE pages; --", "\x00\ud800 <script>", "é" * 500])
def test_hostile_and_huge_keys_are_harmless(copy, tmp_path, query):
    """Keys are digests: any query (bounded to 500 characters by the app) is
    a fixed-size key, and the file is only ever data."""
    pages = SharedPages(tmp_path / "pages.db", max_pages=10)
    epoch, _ = pages.get(cache_key(query, {}, 0, 10))
    pages.put(cache_key(query, {}, 0, 10), epoch, {"q": query[:10]})
    assert pages.get(cache_key(query, {}, 0, 10))[1] == {"q": query[:10]}
    assert pages.get(cache_key(query, {}, 10, 10))[1] is None  # another page, another key
    with TestClient(create_app(copy, cache=tmp_path / "pages.db")) as client:
        for _ in range(2):
            assert client.get("/api/search", params={"q": query.encode("utf-8", "replace").decode()}).status_code in (200, 400)


def _write_pages(path: str, prefix: str, count: int) -> None:
    pages = SharedPages(path, max_pages=50)
    for i in range(count):
        epoch, _ = pages.get(cache_key(prefix, i))
        pages.put(cache_key(prefix, i), epoch, {"i": i})
        if i % 20 == 0:
            pages.bump()


def test_two_processes_writing_at_once(tmp_path):
    """Two processes storing, evicting and emptying at once: no error, and
    the bound holds."""
    path = str(tmp_path / "pages.db")
    SharedPages(path, max_pages=50)  # made once, as the server does before its workers start
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_pages, args=(path, name, 300)) for name in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert len(SharedPages(path, max_pages=50)) <= 50
