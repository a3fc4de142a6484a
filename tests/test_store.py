"""The store: ids, idempotent upserts, recorded migrations, refusing what is
not a warta store, and losing nothing committed when a write fails."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

import warta
from tests.test_store_articles import PAGES, read
from warta.corpus import Store, StoreError, article_id, normalise_url
from warta.corpus._prepare import Failure, prepare
from warta.corpus._schema import VERSION


def test_url_copies_normalise_to_one_id():
    a = "https://www.kompas.com/read/2025/11/05/museum-baru/?utm_source=fb#komentar"
    b = "http://m.kompas.com/read/2025/11/05/museum-baru"
    assert normalise_url(a) == normalise_url(b) == "https://kompas.com/read/2025/11/05/museum-baru"
    assert article_id(a, "x", []) == article_id(b, "y", [])
    assert normalise_url("https://x.com/a?page=2") != normalise_url("https://x.com/a?page=3")


def test_without_url_the_id_hashes_the_content():
    first = article_id(None, "Judul", ["Satu paragraf.", "Dua  paragraf."])
    assert first.startswith("h:")
    assert first == article_id(None, "Judul", ["Satu paragraf. Dua paragraf."])
    assert first != article_id(None, "Judul", ["Lain sama sekali."])


def test_round_trip_and_idempotent_add(store_location):
    with Store(store_location) as store:
        article = read("kim")
        first = store.add(article)
        assert store.add(read("kim")) == first and len(store) == 1
        assert store.get(first) == article
        assert store.get("u:nothing") is None
        counts = store.write([prepare(read("kim"))])
        assert counts == {"unchanged": 1}


def test_a_changed_record_updates_in_place(store_location):
    with Store(store_location) as store:
        article = read("kim")
        article_id_ = store.add(article)
        article.headline = "Kim Jong Un Jadi ke Rusia"
        assert store.write([prepare(article)]) == {"updated": 1}
        assert len(store) == 1 and store.get(article_id_).headline == "Kim Jong Un Jadi ke Rusia"
        assert [h.id for h in store.search("jadi")] == [article_id_]


def test_failures_are_stored_with_their_reason(store_location):
    with Store(store_location) as store:
        store.write([Failure("a.txt", "EmptyInputError: nothing but whitespace", "d1")])
        assert store.failures()[0]["source"] == "a.txt"
        assert store.failures()[0]["reason"].startswith("EmptyInputError")
        assert store.seen(["d1", "d2"]) == {"d1"}


def test_a_file_store_keeps_its_articles_and_records_its_schema(tmp_path):
    path = tmp_path / "warta.db"
    with Store(path) as store:
        for name in PAGES:
            store.add(read(name))
    with Store(path) as store:
        assert len(store) == len(PAGES)
        rows = store.conn.execute("SELECT version, note FROM schema_version").fetchall()
        assert [v for v, _ in rows] == list(range(1, VERSION + 1)) and all(note for _, note in rows)


def test_a_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "warta.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, '2099-01-01', 'future')", (VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_other_sqlite_databases_and_other_files_are_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a warta store"):
        Store(other)
    text = tmp_path / "notes.db"
    text.write_text("bukan basis data " * 100)
    with pytest.raises(StoreError, match="not a warta store"):
        Store(text)
    assert text.read_text().startswith("bukan basis data")
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)
    assert issubclass(StoreError, warta.WartaError)


def test_a_full_disk_rolls_the_batch_back_and_keeps_what_was_committed(tmp_path):
    path = tmp_path / "warta.db"
    with Store(path) as store:
        store.add(read("kim"))
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the "disk" is nearly full
        big = read("pasar")
        big.paragraphs = [f"Paragraf panjang nomor {i} tentang harga beras di pasar." * 20 for i in range(300)]
        with pytest.raises(StoreError, match="full"):
            store.write([prepare(read("museum")), prepare(big)])
    with Store(path) as store:
        assert len(store) == 1 and store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [h.headline for h in store.search("Korea")] == ["Kim Jong Un Berencana Berkunjung ke Rusia"]


def test_a_killed_writer_loses_nothing_committed(tmp_path):
    path = tmp_path / "warta.db"
    script = textwrap.dedent(f"""
        import os, signal
        from tests.test_store_articles import read
        from warta.corpus import Store
        from warta.corpus._prepare import prepare
        store = Store({str(path)!r})
        store.write([prepare(read("kim")), prepare(read("pasar"))])
        with store.transaction() as conn:
            from warta.corpus._write import write_prepared
            write_prepared(conn, prepare(read("museum")))
            os.kill(os.getpid(), signal.SIGKILL)  # dies inside the second batch
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr
    with Store(path) as store:
        assert len(store) == 2 and store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.add(read("museum")) and len(store) == 3


@pytest.mark.filterwarnings("ignore:.*upgrading the store:UserWarning")
def test_a_new_migration_is_applied_once_and_a_failing_one_changes_nothing(tmp_path, monkeypatch):
    from warta.corpus import _schema

    path = tmp_path / "warta.db"
    with Store(path) as store:
        store.add(read("kim"))
    added = (VERSION + 1, "a column for tests", ["ALTER TABLE articles ADD COLUMN topic TEXT"])
    monkeypatch.setattr(_schema, "MIGRATIONS", [*_schema.MIGRATIONS, added])
    monkeypatch.setattr(_schema, "VERSION", VERSION + 1)
    with Store(path) as store:
        assert store.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == VERSION + 1
        assert store.conn.execute("SELECT topic FROM articles").fetchall() == [(None,)]
    Store(path).close()  # already applied: nothing to do
    broken = (VERSION + 2, "fails halfway", ["CREATE TABLE extra (x)", "NOT SQL AT ALL"])
    monkeypatch.setattr(_schema, "MIGRATIONS", [*_schema.MIGRATIONS, broken])
    monkeypatch.setattr(_schema, "VERSION", VERSION + 2)
    with pytest.raises(StoreError):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == VERSION + 1
        assert "extra" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_store_indexed_by_another_stemmer_warns(tmp_path):
    path = tmp_path / "warta.db"
    with Store(path) as store:
        assert store.conn.execute("SELECT value FROM store_info").fetchone()[0].startswith("simplemma")
        store.conn.execute("UPDATE store_info SET value = 'snowball 1' WHERE key = 'stemmer'")
    with pytest.warns(UserWarning, match="indexed with snowball 1"):
        Store(path).close()
