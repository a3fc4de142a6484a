"""The PostgreSQL backend against a real server (conftest ``postgres_url``):
the same articles give the same hits, links and counts as SQLite, and bad
databases and failing batches are handled as on SQLite. The tests that run
over both backends live with their subject (test_store, test_search, ...)."""

from __future__ import annotations

import dataclasses
import random
import sys

import pytest

from tests.test_store_articles import read
from warta import Article, Outlet
from warta.corpus import Store, StoreError
from warta.corpus._facts import quotes, top_entities
from warta.corpus._prepare import prepare
from warta.corpus._schema import VERSION

# Invented sentences: each article draws a few, so words, inflected forms and
# phrases recur across articles in known ways.
SENTENCES = [
    "Presiden mengunjungi pasar tradisional di Yogyakarta pada pagi hari.",
    "Kunjungan menteri ke daerah banjir berlangsung singkat.",
    "Warga berkunjung ke museum sejarah bersama keluarga.",
    "Harga beras naik di banyak pasar menjelang akhir tahun.",
    "Polisi menangkap dua tersangka pencurian sepeda motor.",
    "Banjir merendam ratusan rumah di pinggir sungai.",
    "Longsor menutup jalan provinsi selama dua hari.",
    "Pemerintah daerah menyiapkan bantuan untuk para korban.",
    "Sekolah di kota itu diliburkan karena hujan deras.",
    "Pertemuan kedua pemimpin berakhir gagal tanpa kesepakatan.",
    "Ekonomi Indonesia tumbuh lebih cepat dari perkiraan.",
    "Para pedagang mengeluhkan sepinya pembeli sejak pekan lalu.",
    "Gubernur meresmikan jembatan baru di atas sungai besar.",
    "Wisatawan asing memadati pantai selama libur panjang.",
]
OUTLETS = [Outlet("Detikcom", "detik.com"), Outlet("Kompas", "kompas.com"), Outlet("Tempo", "tempo.co")]
QUERIES = ["kunjungan", "mengunjungi", "berkunjung", "pasar", '"harga beras"', '"berakhir gagal"', '"gagal berakhir"',
           "banjir OR longsor", "banjir NOT rumah", "pasar -presiden", "(banjir OR longsor) AND sungai",
           "ekonomi indonesia", "sungai", "tidakada"]
FILTERS = [{}, {"since": "2025-06-01"}, {"until": "2025-03-31"}, {"outlet": "kompas.com"},
           {"outlet": "Tempo"}, {"label": "Politik"}, {"since": "2025-02-01", "until": "2025-08-31"}]


def corpus(n: int = 80, seed: int = 3) -> list[Article]:
    """Invented articles, with some reprints (exact and lightly edited copies)."""
    rng = random.Random(seed)
    made = []
    for i in range(n):
        body = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(2, 4))]
        made.append(Article(headline=rng.choice(SENTENCES).rstrip("."), paragraphs=body, language="id",
                            published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+07:00",
                            outlet=OUTLETS[i % 3], url=f"https://{OUTLETS[i % 3].domain}/{i}",
                            label=["Politik", "Ekonomi", None][i % 3]))
    for i in range(0, n, 9):  # reprints by another outlet: exact, and with a line added
        copy = dataclasses.replace(made[i], url=f"https://tempo.co/copy/{i}", outlet=OUTLETS[2])
        if i % 2:
            copy = dataclasses.replace(copy, paragraphs=[*copy.paragraphs, "Artikel ini tayang di mitra kami."])
        made.append(copy)
    return made


def ingest(location: str, made: list[Article]) -> Store:
    store = Store(location)
    for start in range(0, len(made), 25):
        store.write([prepare(a) for a in made[start:start + 25]])
    return store


@pytest.fixture(scope="module")
def both(module_postgres_url, tmp_path_factory):
    made = corpus()
    with ingest(str(tmp_path_factory.mktemp("parity") / "warta.db"), made) as lite, \
            ingest(module_postgres_url, made) as pg:
        yield lite, pg


def test_both_stores_hold_the_same_articles_links_and_stories(both):
    lite, pg = both
    assert len(lite) == len(pg) > 80
    assert list(lite.records()) == list(pg.records())
    links = {r["id"]: r["duplicate_of"] for r in lite.records() if r["duplicate_of"]}
    assert len(links) >= 5
    assert [s.to_dict() for s in lite.stories(limit=100)] == [s.to_dict() for s in pg.stories(limit=100)]


@pytest.mark.parametrize("query", QUERIES)
def test_every_query_and_filter_finds_the_same_articles(both, query):
    lite, pg = both
    for filters in FILTERS:
        mine, theirs = lite.search(query, limit=500, **filters), pg.search(query, limit=500, **filters)
        assert {h.id for h in mine} == {h.id for h in theirs}, filters
        assert mine or filters or query in ("tidakada", "\"gagal berakhir\"")  # found unfiltered
        assert {(h.id, h.copies, h.snippet) for h in mine} == {(h.id, h.copies, h.snippet) for h in theirs}


def test_the_inflected_forms_find_each_other_on_postgres(both):
    _, pg = both
    assert {h.id for h in pg.search("kunjungan", limit=500)} == {h.id for h in pg.search("mengunjungi", limit=500)}
    assert pg.search("kunjungan", limit=500)


def test_a_clear_winner_is_first_on_both(tmp_path, postgres_url):
    """A headline match outranks body matches on both (the weights mirror each other)."""
    made = [Article(headline="Gempa kecil di Lombok", paragraphs=["Warga tetap tenang."], language="id",
                    url="https://a.id/1"),
            Article(headline="Cuaca cerah", paragraphs=["Pasar ramai. Tidak ada gempa pekan ini."],
                    language="id", url="https://a.id/2"),
            Article(headline="Harga cabai", paragraphs=["Pedagang mengeluh."], language="id", url="https://a.id/3")]
    with ingest(str(tmp_path / "w.db"), made) as lite, ingest(postgres_url, made) as pg:
        assert [h.id for h in lite.search("gempa")] == [h.id for h in pg.search("gempa")]
        assert pg.search("gempa")[0].headline == "Gempa kecil di Lombok"
        assert pg.search("gempa")[0].score > pg.search("gempa")[1].score > 0


def test_facts_are_the_same(tmp_path, postgres_url):
    made = []
    for name, speaker in (("kim", "Kim Jong Un"), ("pasar", "Joko"), ("museum", "Prabowo Subianto")):
        article = read(name)
        article.entities = [{"text": speaker, "label": "PER", "canonical": speaker, "start": 0, "end": 1},
                            {"text": "Indonesia", "label": "LOC", "start": 2, "end": 3}]
        article.quotes = [{"text": "Inflasi harus kita kendalikan.", "speaker": speaker,
                           "speaker_entity": None, "cue": "kata"}]
        made.append(article)
    with ingest(str(tmp_path / "w.db"), made) as lite, ingest(postgres_url, made) as pg:
        assert top_entities(lite) == top_entities(pg) and len(top_entities(pg)) == 4
        assert quotes(lite, speaker="joko", about="inflasi") == quotes(pg, speaker="joko", about="inflasi")
        assert len(quotes(pg, about="inflasi", since="2025-01-01")) == 2


# -- bad databases and failing batches ------------------------------------------

def test_a_database_with_other_tables_is_refused(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not a warta store"):
        Store(postgres_url)
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'articles'").fetchone()[0] == 0


def test_a_newer_schema_is_refused_untouched(postgres_url):
    Store(postgres_url).close()
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version VALUES (%s, 'later', 'from the future')", (VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        Store(postgres_url)


def test_a_reading_command_does_not_create_a_store_in_an_empty_database(postgres_url):
    with pytest.raises(StoreError, match="no such store"):
        Store(postgres_url, create=False)
    Store(postgres_url).close()
    Store(postgres_url, create=False).close()


def test_a_failing_batch_rolls_back_whole_and_keeps_what_was_committed(postgres_url):
    with Store(postgres_url) as store:
        kept = store.add(read("kim"))
        museum = prepare(read("museum"), digest="d-museum")
        broken = dataclasses.replace(prepare(read("pasar")), record=None)  # NOT NULL fails mid-batch
        with pytest.raises(StoreError, match="null value"):
            store.write([museum, broken])
        assert len(store) == 1 and store.get(kept) is not None
        assert store.search("museum") == [] and store.seen(["d-museum"]) == set()
        store.write([museum])  # the connection is fine afterwards
        assert len(store) == 2 and store.seen(["d-museum"]) == {"d-museum"}


@pytest.mark.filterwarnings("ignore:.*upgrading the store:UserWarning")
def test_an_appended_migration_applies_on_postgres_and_a_failing_one_changes_nothing(postgres_url, monkeypatch):
    from warta.corpus import _schema

    Store(postgres_url).close()
    added = (VERSION + 1, "a column for tests", ["ALTER TABLE articles ADD COLUMN topic TEXT",
                                                 {"sqlite": "SELECT 1", "postgres": "CREATE INDEX t ON articles(topic)"}])
    monkeypatch.setattr(_schema, "MIGRATIONS", [*_schema.MIGRATIONS, added])
    monkeypatch.setattr(_schema, "VERSION", VERSION + 1)
    with Store(postgres_url) as store:
        store.add(read("kim"))
        assert store.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == VERSION + 1
        assert store.conn.execute("SELECT topic FROM articles").fetchall() == [(None,)]
    broken = (VERSION + 2, "fails halfway", ["CREATE TABLE extra (x TEXT)", "NOT SQL AT ALL"])
    monkeypatch.setattr(_schema, "MIGRATIONS", [*_schema.MIGRATIONS, broken])
    monkeypatch.setattr(_schema, "VERSION", VERSION + 2)
    with pytest.raises(StoreError):
        Store(postgres_url)
    monkeypatch.setattr(_schema, "VERSION", VERSION + 1)
    monkeypatch.setattr(_schema, "MIGRATIONS", _schema.MIGRATIONS[:-1])
    with Store(postgres_url) as store:
        assert store.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == VERSION + 1
        assert store.conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'extra'").fetchone()[0] == 0


def test_writers_opening_an_empty_database_at_once_create_it_once(postgres_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_add(name: str) -> str:
        with Store(postgres_url) as store:
            return store.add(read(name))

    with ThreadPoolExecutor(4) as pool:
        added = list(pool.map(open_and_add, ["kim", "pasar", "museum", "iklan"]))
    with Store(postgres_url) as store:
        assert len(store) == 4 and {r["id"] for r in store.records()} == set(added)
        assert store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == VERSION


def test_no_server_is_one_line(postgres_server):
    from tests.pg_server import _free_port

    with pytest.raises(StoreError, match="cannot connect") as caught:
        Store(f"postgresql://warta:secret@127.0.0.1:{_free_port()}/nothing")
    assert "\n" not in str(caught.value) and "secret" not in str(caught.value)


def test_without_psycopg_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"pip install 'warta\[postgres\]'"):
        Store("postgresql://localhost/warta")


def test_postgres_keeps_text_a_page_may_hold(postgres_url):
    article = read("kim")
    article.headline = "Judul dengan\x00nol"
    with Store(postgres_url) as store:
        store.add(article)
        assert store.search("nol")[0].headline == "Judul dengannol"


# -- the web app on PostgreSQL --------------------------------------------------

def test_the_web_app_answers_the_same_on_postgres(client, ids, postgres_url):
    pytest.importorskip("fastapi")
    import warnings

    from tests.test_serve_sample import build_sample_store
    from warta.serve import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    assert build_sample_store(postgres_url) == ids  # the same ids as the SQLite sample
    with TestClient(create_app(postgres_url)) as pg:
        for params in ({"q": "air bersih"}, {"q": "Bandung"}, {"q": "Bandung", "label": "sponsored"},
                       {"q": "Joko", "until": "2025-09-30"}, {"q": "Bandung", "outlet": "kompas.com"}):
            mine, theirs = client.get("/api/search", params=params).json(), pg.get("/api/search", params=params).json()
            assert mine["total"] == theirs["total"] and mine["facets"] == theirs["facets"]
            assert {h["id"] for h in mine["hits"]} == {h["id"] for h in theirs["hits"]}
        assert pg.get(f"/api/articles/{ids['bandung']}").json() == client.get(f"/api/articles/{ids['bandung']}").json()
        assert pg.get("/api/today").json() == client.get("/api/today").json()
        assert pg.get("/").status_code == 200 and pg.get("/search", params={"q": "Bandung"}).status_code == 200
