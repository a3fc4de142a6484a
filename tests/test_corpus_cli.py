"""The corpus commands as a user runs them: ingest, search, export,
entities, quotes; a WARTA error is one line on stderr and exit code 2."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from tests.test_store_articles import PAGES, read
from warta.cli import main
from warta.corpus import Store


def warta(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def db(tmp_path, store_location):
    """The invented pages ingested into a SQLite file or a postgresql:// URL."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, (_, page) in PAGES.items():
        (pages / f"{name}.txt").write_text(page, encoding="utf-8")
    path = store_location
    done = warta("ingest", pages, "--db", path, "--workers", "1", "--quiet")
    assert done.exit_code == 0, done.output
    assert done.output.strip() == "4 read (4 new, 0 updated), 0 skipped as already stored, 0 failed"
    return path


def test_ingest_shows_progress_and_counts_a_rerun_as_skipped(db, tmp_path):
    done = warta("ingest", tmp_path / "pages", "--db", db, "--workers", "1")
    assert "4/4 documents" in done.output and "ETA" in done.output and "errors 0" in done.output
    assert "0 read" in done.output and "4 skipped as already stored" in done.output


def test_search_as_a_table_and_as_json(db):
    table = warta("search", "kunjungan", "--db", db, "--since", "2019-03-01", "--outlet", "rakyatku.com")
    assert table.exit_code == 0 and "Kim Jong Un Berencana Berkunjung ke Rusia" in table.output
    assert "[berkunjung]" in table.output
    lines = warta("search", "mengunjungi", "--db", db, "--format", "json").output.splitlines()
    assert {json.loads(line)["headline"].split()[0] for line in lines} == {"Kim", "Presiden", "Kunjungan"}


@pytest.mark.parametrize("args, message", [
    (["search", '"tanpa tutup'], "quote is not closed"),
    (["search", "rusia", "--since", "kemarin"], "YYYY-MM-DD"),
    (["export", "--format", "jsonl", "--out", "{tmp}/out"], "not a warta store"),
])
def test_errors_are_one_line_and_exit_2(db, tmp_path, args, message):
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("bukan basis data " * 100)
    target = db if args[0] == "search" else not_a_store
    done = CliRunner().invoke(main, [a.format(tmp=tmp_path) for a in args] + ["--db", str(target)])
    assert done.exit_code == 2 and message in done.output
    assert done.output.startswith("warta: ") and len(done.output.strip().splitlines()) == 1


def test_export_jsonl_and_csv(db, tmp_path):
    out = tmp_path / "dump"
    assert warta("export", "--db", db, "--format", "jsonl", "--out", out).exit_code == 0
    records = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert len(records) == 4 and {"id", "duplicate_of", "paragraphs"} <= set(records[0])
    assert warta("export", "--db", db, "--format", "csv", "--out", out).exit_code == 0
    with (out / "articles.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["outlet"] for r in rows} >= {"Rakyatku.com"} or len(rows) == 4


def test_export_parquet(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    assert warta("export", "--db", db, "--format", "parquet", "--out", tmp_path).exit_code == 0
    table = pq.read_table(tmp_path / "articles.parquet")
    assert table.num_rows == 4 and "headline" in table.column_names


def test_entities_and_quotes_read_what_the_stages_stored(store_location):
    db = store_location
    with Store(db) as store:
        for name, speaker, text in (("kim", "Kim Jong Un", "Kami akan berkunjung ke Rusia bulan depan."),
                                    ("pasar", "Joko", "Harga beras naik karena inflasi pangan."),
                                    ("museum", "Prabowo Subianto", "Inflasi harus kita kendalikan bersama.")):
            article = read(name)
            article.entities = [{"text": speaker, "label": "PERSON", "canonical": speaker, "start": 0, "end": 1},
                                {"text": "Indonesia", "label": "LOCATION", "start": 2, "end": 3}]
            article.quotes = [{"text": text, "speaker": speaker, "speaker_entity": None, "cue": "kata"}]
            store.add(article)
    lines = warta("entities", "--db", db, "--top", "2", "--format", "json").output.splitlines()
    assert json.loads(lines[0]) == {"name": "Indonesia", "label": "LOCATION", "articles": 3, "mentions": 3}
    assert len(lines) == 2
    header, *rows = warta("entities", "--db", db, "--label", "PERSON").output.splitlines()
    assert header.split() == ["articles", "mentions", "label", "name"]
    assert rows and all("PERSON" in row for row in rows)
    said = warta("quotes", "--db", db, "--speaker", "prabowo", "--about", "inflasi", "--format", "json")
    [hit] = [json.loads(line) for line in said.output.splitlines()]
    assert hit["speaker"] == "Prabowo Subianto" and hit["text"].startswith("Inflasi harus")
    about = warta("quotes", "--db", db, "--about", "kunjungan").output
    assert "Kim Jong Un" in about and "Joko" not in about


def test_reading_commands_do_not_create_a_store(tmp_path):
    missing = tmp_path / "nothing.db"
    for args in (["search", "rusia"], ["entities"], ["quotes"], ["export", "--out", tmp_path / "o"]):
        done = CliRunner().invoke(main, [*map(str, args), "--db", str(missing)])
        assert done.exit_code == 2 and "no such store" in done.output
    assert not missing.exists()
