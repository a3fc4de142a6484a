"""The page cache of the web app (``serve/_cache.py``,
``serve/_response_cache.py``): a repeated page is answered with the bytes
sent before, hostile pages stay inert, and a write to the store (through the
app, another connection or another process) is seen by the next request."""

from __future__ import annotations

import multiprocessing
import random
import shutil
import warnings
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette asks for an httpx it does not need here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import warta  # noqa: E402
from tests.test_serve_sample import HOSTILE_ENTITY  # noqa: E402
from tests.test_serve_security import assert_inert  # noqa: E402
from warta.corpus import Store  # noqa: E402
from warta.serve import _response_cache, create_app  # noqa: E402
from warta.serve._cache import PageCache  # noqa: E402
from warta.serve._response_cache import cacheable, request_key  # noqa: E402
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
    """The app's corpus, counting the searches and article reads that reach it."""

    def __init__(self, corpus):
        self.corpus, self.searches, self.articles = corpus, 0, 0

    def __getattr__(self, name):
        return getattr(self.corpus, name)

    def search(self, *args, **kwargs):
        self.searches += 1
        return self.corpus.search(*args, **kwargs)

    def article(self, *args, **kwargs):
        self.articles += 1
        return self.corpus.article(*args, **kwargs)


def counting_app(path, **kwargs):
    app = create_app(path, **kwargs)
    app.state.corpus = Counting(app.state.corpus)
    return app, app.state.corpus


def test_repeated_searches_are_answered_with_the_bytes_sent_before(copy):
    app, counting = counting_app(copy)
    with TestClient(app) as client:
        first = client.get("/search", params={"q": "Bandung"})
        again = client.get("/search?q=Bandung")
        assert counting.searches == 1
        assert again.content == first.content and "Bandung" in first.text
        assert again.headers["content-type"] == first.headers["content-type"]
        assert again.headers["content-length"] == str(len(first.content))
        assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
        client.get("/search", params={"q": "Bandung", "page": 2})  # another page
        client.get("/search", params={"q": "Bandung", "label": "sponsored"})  # another filter
        api = client.get("/api/search", params={"q": "Bandung"})  # the JSON answer is its own page
        assert client.get("/api/search", params={"q": "Bandung"}).json() == api.json()
        assert counting.searches == 4


def test_the_key_is_the_normalised_request(copy):
    """The order of different parameters and the way a space is written do
    not matter; what the app tells apart (a repeated name: the last value
    wins) stays apart."""
    app, counting = counting_app(copy)
    with TestClient(app) as client:
        client.get("/api/search?q=harga+beras&size=5")
        client.get("/api/search?size=5&q=harga%20beras")
        assert counting.searches == 1
        first = client.get("/api/search?q=beras&q=Bandung").json()
        second = client.get("/api/search?q=Bandung&q=beras").json()
        assert counting.searches == 3 and (first["query"], second["query"]) == ("Bandung", "beras")

    def key(path, query):
        return request_key({"path": path, "query_string": query})
    assert key("/search", b"q=a+b&page=2") == key("/search", b"page=2&q=a%20b")
    assert key("/search", b"q=a+b") != key("/search", b"q=a%2Bb")  # a space, a plus
    assert key("/search", b"q=%C3%A9") != key("/search", "q=é".encode())  # the app reads these apart
    assert key("/search", b"q=a") != key("/api/search", b"q=a") != key("/search", b"q=a&page=")


def test_only_complete_successful_answers_are_kept(copy, monkeypatch):
    app, counting = counting_app(copy)
    with TestClient(app) as client:
        for _ in range(2):
            assert client.get("/search", params={"q": '"unclosed'}).status_code == 400
            assert client.get("/articles/no-such-id").status_code == 404
            assert client.get("/api/search", params={"q": "x", "size": 999}).status_code == 422
        assert (counting.searches, counting.articles) == (2, 2)  # the 400 and the 404 twice each
        monkeypatch.setattr(_response_cache, "MAX_PAGE_BYTES", 100)  # every page is larger
        client.get("/search", params={"q": "air"})
        client.get("/search", params={"q": "air"})
        assert len(app.state.pages) == 0


def test_article_pages_are_kept_until_a_write(copy, ids):
    app, counting = counting_app(copy, write_token="t")
    with TestClient(app) as client:
        page = client.get(f"/articles/{ids['hostile']}")
        assert client.get(f"/articles/{ids['hostile']}").content == page.content
        assert counting.articles == 1
        added = client.post("/api/articles", json={"page": NEW_PAGE}, headers={"Authorization": "Bearer t"})
        assert added.status_code == 201
        assert client.get(f"/articles/{ids['hostile']}").content == page.content
        assert counting.articles == 2


@pytest.mark.parametrize("path", ["/articles/{hostile}", "/articles/{hostile_html}", "/search?q=Bekasi",
                                  "/entities/" + quote(HOSTILE_ENTITY, safe=""), "/today"])
def test_a_kept_hostile_page_is_as_inert_as_a_fresh_one(copy, ids, path):
    with TestClient(create_app(copy)) as client:
        fresh = client.get(path.format(**ids))
        kept = client.get(path.format(**ids))
    assert fresh.status_code == kept.status_code == 200 and kept.content == fresh.content
    assert_inert(kept.text)
    for name in ("content-security-policy", "x-content-type-options", "x-frame-options", "content-type"):
        assert kept.headers[name] == fresh.headers[name]


def test_static_files_and_writes_are_not_cached(copy):
    app, _ = counting_app(copy)
    with TestClient(app) as client:
        client.get("/static/style.css")
        client.get("/docs")
        assert len(app.state.pages) == 0
    assert not cacheable("/static/style.css") and not cacheable("/") and cacheable("/api/stories/x")


def test_the_cache_is_bounded_in_pages_and_bytes(copy, tmp_path):
    pages = PageCache(copy, path=tmp_path / "pages.db", max_pages=3, max_bytes=1 << 20)
    for i in range(5):
        epoch, _ = pages.get(cache_key(b"%d" % i))
        pages.put(cache_key(b"%d" % i), epoch, b"page %d" % i)
    assert len(pages) == 3
    assert pages.get(cache_key(b"0"))[1] is None and pages.get(cache_key(b"4"))[1] == b"page 4"
    big = PageCache(copy, path=tmp_path / "big.db", max_pages=100, max_bytes=10_000)
    for i in range(5):  # random bytes do not compress: 4,000 bytes each
        epoch, _ = big.get(cache_key(b"%d" % i))
        big.put(cache_key(b"%d" % i), epoch, random.Random(i).randbytes(4_000))
    assert len(big) == 2 and big.get(cache_key(b"4"))[1] == random.Random(4).randbytes(4_000)


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
    """Two worker processes (here two apps) on one cache file: a page asked
    in one is a hit in the other."""
    (one, first), (two, second) = (counting_app(copy, cache=tmp_path / "pages.db") for _ in range(2))
    with TestClient(one) as client_one, TestClient(two) as client_two:
        asked = client_one.get("/search", params={"q": "Bandung"})
        again = client_two.get("/search", params={"q": "Bandung"})
    assert (first.searches, second.searches) == (1, 0) and again.content == asked.content


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
    pages = SharedPages(tmp_path / "pages.db", max_pages=10, max_bytes=1 << 20)
    epoch, page = pages.get(b"k")
    assert page is None
    pages.bump()  # a write happened while that search ran
    pages.put(b"k", epoch, b"the page")
    assert pages.get(b"k")[1] is None and len(pages) == 0


@pytest.mark.parametrize("query", ["x" * 500, "'); DROP TABLE pages; --", "\x00\ud800 <script>", "é" * 500])
def test_hostile_and_huge_keys_are_harmless(copy, tmp_path, query):
    """Keys are digests: any request (the URL bounded to 4 KiB by the app) is
    a fixed-size key, and the file is only ever data."""
    key = query.encode("utf-8", "surrogatepass")
    pages = SharedPages(tmp_path / "pages.db", max_pages=10, max_bytes=1 << 20)
    epoch, _ = pages.get(cache_key(key, b"0"))
    pages.put(cache_key(key, b"0"), epoch, key[:10])
    assert pages.get(cache_key(key, b"0"))[1] == key[:10]
    assert pages.get(cache_key(key, b"10"))[1] is None  # another page, another key
    assert cache_key(b"ab", b"c") != cache_key(b"a", b"bc")
    with TestClient(create_app(copy, cache=tmp_path / "pages.db")) as client:
        for _ in range(2):
            response = client.get("/api/search", params={"q": query.encode("utf-8", "replace").decode()})
            assert response.status_code in (200, 400)


def _write_pages(path: str, prefix: str, count: int) -> None:
    pages = SharedPages(path, max_pages=50, max_bytes=1 << 20)
    for i in range(count):
        epoch, _ = pages.get(cache_key(prefix.encode(), b"%d" % i))
        pages.put(cache_key(prefix.encode(), b"%d" % i), epoch, b"%d" % i)
        if i % 20 == 0:
            pages.bump()


def test_two_processes_writing_at_once(tmp_path):
    """Two processes storing, evicting and emptying at once: no error, and
    the bound holds."""
    path = str(tmp_path / "pages.db")
    SharedPages(path, max_pages=50, max_bytes=1 << 20)  # made once, as the server does before its workers start
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_pages, args=(path, name, 300)) for name in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert len(SharedPages(path, max_pages=50, max_bytes=1 << 20)) <= 50
