"""Ingest: every input shape, failures recorded and counted, reruns add
nothing, an interrupted run resumes."""

from __future__ import annotations

import csv
import gc
import gzip
import io
import json
import multiprocessing
import os

import pytest

from tests.test_store_articles import PAGES, read
from warta._inputs import Dropped, parse_csv_map, read_inputs, resolved
from warta._settings import DEFAULT, replace
from warta.corpus import IngestError, Store, _ingest
from warta.corpus._ingest import ingest

HTML = ("<html><head><title>Jembatan Baru Dibuka di Makassar</title></head><body><article>"
        "<h1>Jembatan Baru Dibuka di Makassar</h1><div itemprop='articleBody'>"
        "<p>Gubernur membuka jembatan baru yang menghubungkan dua kecamatan di Makassar pada Kamis "
        "pagi. Ribuan warga datang untuk menyaksikan peresmian itu.</p><p>Jembatan sepanjang 120 "
        "meter itu dibangun selama dua tahun dengan anggaran daerah.</p></div></article></body></html>")


@pytest.fixture
def folder(tmp_path):
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "kim.txt").write_text(PAGES["kim"][1], encoding="utf-8")
    (pages / "sub" / "jembatan.html").write_text(HTML, encoding="utf-8")
    (pages / "kosong.txt").write_text("   \n")  # fails: nothing but whitespace
    (pages / "gambar.png").write_bytes(b"\x89PNG")  # not an input: skipped in folders
    return pages


def run(store, *paths, **options):
    return ingest(store, [str(p) for p in paths], workers=1, **options)


def test_a_folder_of_pages_with_a_bad_one(folder):
    with Store(":memory:") as store:
        report = run(store, folder)
        assert report.counts == {"added": 2, "failed": 1}
        assert "EmptyInputError: 1" in report.summary()
        [failure] = store.failures()
        assert failure["source"].endswith("kosong.txt") and "EmptyInputError" in failure["reason"]
        assert {r["headline"] for r in store.records()} == {
            "Kim Jong Un Berencana Berkunjung ke Rusia", "Jembatan Baru Dibuka di Makassar"}


def test_the_same_input_twice_adds_nothing(folder):
    with Store(":memory:") as store:
        run(store, folder)
        again = run(store, folder)
        assert again.counts == {"skipped": 3} and len(store) == 2 and len(store.failures()) == 1
        assert "0 read" in again.summary() and "3 skipped as already stored" in again.summary()


def test_jsonl_records_and_pages(tmp_path):
    lines = [json.dumps(read("kim").to_dict()),
             json.dumps({"url": PAGES["pasar"][0], "text": PAGES["pasar"][1]}),
             json.dumps({"url": "https://example.com/jembatan", "html": HTML}),
             "{not json", json.dumps({"url": "https://example.com/kosong"})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    with Store(":memory:") as store:
        report = run(store, path)
        assert report.counts == {"added": 3, "failed": 2}
        assert store.get(store.add(read("kim"))).headline.startswith("Kim Jong Un")
        reasons = [f["reason"] for f in store.failures()]
        assert reasons[0].startswith("not JSON") and "needs a warta record" in reasons[1]
        assert store.failures()[0]["source"].endswith("feed.jsonl#4")
        # a record is digested as written, so a rerun skips every line, records included
        assert run(store, path).counts == {"skipped": 5}


def test_a_jsonl_line_is_parsed_where_it_is_read(tmp_path):
    """Listing a JSONL file leaves its lines as written (the process that
    lists them does not parse them); a worker parses each, digest unchanged."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(read("kim").to_dict()) + "\n{not json\n", encoding="utf-8")
    listed = list(read_inputs([path], parse_csv_map(None)))
    assert [(d.record, d.page) for d in listed] == [(None, None)] * 2 and all(d.written for d in listed)
    record, broken = (resolved(d) for d in listed)
    assert record.record["headline"].startswith("Kim Jong Un") and record.digest == listed[0].digest
    assert isinstance(broken, Dropped) and broken.reason.startswith("not JSON")


def detik_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "judul", "tanggal", "isi_berita", "tautan"])
        writer.writeheader()
        writer.writerows(rows)


def test_csv_with_a_column_map_and_month_first_dates(tmp_path):
    path = tmp_path / "detik.csv"
    body = PAGES["pasar"][1].split("\n\n", 2)[2]
    detik_csv(path, [{"id": 1, "judul": "Presiden Mengunjungi Pasar", "tanggal": "10/3/2025 08:30",
                      "isi_berita": body, "tautan": "https://news.detik.com/berita/d-1/pasar"}])
    with Store(":memory:") as store:
        report = run(store, path, csv_map="headline=judul,published=tanggal,body=isi_berita,url=tautan",
                     settings=replace(DEFAULT, date_order="mdy"))
        assert report.counts == {"added": 1}
        [record] = store.records()
        assert record["headline"] == "Presiden Mengunjungi Pasar"
        assert record["published"] == "2025-10-03T08:30:00+07:00"
        assert record["url"] == "https://news.detik.com/berita/d-1/pasar"


def test_csv_without_the_body_column_is_refused_before_anything_is_written(tmp_path, folder):
    path = tmp_path / "detik.csv"
    detik_csv(path, [{"id": 1, "judul": "Judul", "isi_berita": "Isi"}])
    with Store(":memory:") as store:
        with pytest.raises(IngestError, match="isi_berita"):
            run(store, folder, path)  # the body column is 'body' unless mapped
        assert len(store) == 0
    with pytest.raises(IngestError, match="FIELD=COLUMN"):
        parse_csv_map("judul")


def warc(records: list[tuple[str, bytes]], status: str = "200 OK") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, payload in records:
        http = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=http))
    return out.getvalue()


def test_warc_gz_response_records(tmp_path):
    pytest.importorskip("warcio")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([("https://makassar.example.com/jembatan", HTML.encode()),
                           (PAGES["kim"][0], PAGES["kim"][1].encode())]))
    with Store(":memory:") as store:
        assert run(store, path).counts == {"added": 2}
        assert {r["url"] for r in store.records()} == {"https://makassar.example.com/jembatan", PAGES["kim"][0]}


def test_a_warc_error_page_is_counted_not_stored(tmp_path):
    pytest.importorskip("warcio")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([(PAGES["kim"][0], PAGES["kim"][1].encode())])
                     + warc([("https://makassar.example.com/hilang", b"<h1>Tidak ditemukan</h1>")], "404 Not Found"))
    with Store(":memory:") as store:
        report = run(store, path)
        assert report.counts == {"added": 1, "dropped": 1} and not store.failures()
        assert "1 not articles" in report.summary()


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"url": PAGES["kim"][0], "text": PAGES["kim"][1]}) + "\n").encode()))
    with Store(":memory:") as store:
        assert run(store, path).counts == {"added": 1}
        assert next(store.records())["url"] == PAGES["kim"][0]


def test_a_broken_warc_keeps_what_came_before(tmp_path):
    pytest.importorskip("warcio")
    whole = warc([(PAGES["kim"][0], PAGES["kim"][1].encode())])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole + gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nabc"))
    with Store(":memory:") as store:
        report = run(store, path)
        assert report.counts == {"added": 1, "failed": 1}
        assert "broken WARC" in store.failures()[0]["reason"]


def test_an_interrupted_run_resumes(folder, tmp_path):
    db = tmp_path / "warta.db"
    docs = list(read_inputs([folder], parse_csv_map(None)))
    with Store(db) as store:
        from warta.corpus._ingest import ingest_documents
        ingest_documents(store, docs[:1], workers=1)  # then the process "died"
    with Store(db) as store:
        report = run(store, folder)
        assert report.counts == {"skipped": 1, "added": 1, "failed": 1} and len(store) == 2


def test_worker_processes_give_the_same_store(folder):
    with Store(":memory:") as one, Store(":memory:") as two:
        run(one, folder)
        ingest(two, [str(folder)], workers=2)
        assert sorted(r["id"] for r in one.records()) == sorted(r["id"] for r in two.records())


def test_objects_frozen_for_the_ingest_are_given_back_to_the_collector(folder):
    """Ingest hides older objects from the cyclic collector while it runs
    (gc.freeze); afterwards, even when it failed, nothing stays frozen."""
    gc.collect()
    before = gc.get_freeze_count()
    with Store(":memory:") as store:
        run(store, folder)
        assert gc.get_freeze_count() == before

        def stop(report):
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            ingest(Store(":memory:"), [str(folder)], workers=1, progress=stop)
    assert gc.get_freeze_count() == before


def test_nlp_runs_the_understanding_stages(tmp_path):
    pytest.importorskip("spacy")
    page = tmp_path / "kim.txt"
    page.write_text(PAGES["kim"][1], encoding="utf-8")
    with Store(":memory:") as store:
        assert run(store, page, nlp=True).counts == {"added": 1}
        [record] = store.records()
        assert "Kim Jong Un" in {e["text"] for e in record["entities"]}


@pytest.mark.parametrize("workers", [1, 2])
def test_without_nlp_only_the_reader_runs(tmp_path, workers):
    page = tmp_path / "kim.txt"
    page.write_text(PAGES["kim"][1], encoding="utf-8")
    with Store(":memory:") as store:
        ingest(store, [str(page)], workers=workers, nlp=False)
        [record] = store.records()
        assert record["headline"] and not record["entities"] and not record["quotes"] and not record["times"]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities on this platform")
def test_pool_workers_run_below_the_main_process_so_the_store_writer_keeps_its_core():
    with multiprocessing.Pool(1, _ingest._init_pool_worker, (DEFAULT, False)) as pool:
        worker = pool.apply(os.nice, (0,))
    assert worker == min(os.nice(0) + _ingest.WORKER_NICENESS, 19)


def test_documents_read_together_give_the_records_read_one_by_one(monkeypatch):
    # Workers read documents in chunks whose stages run together
    # (Pipeline.run_many; the entity stage shares its model's work): the
    # same records as one by one, and a bad document fails alone.
    pytest.importorskip("spacy")
    from warta._inputs import Document

    monkeypatch.setattr(_ingest, "_pipeline", _ingest.nlp_pipeline())
    docs = [Document(name, page, url=url) for name, (url, page) in PAGES.items()]
    docs.insert(2, Document("kosong.txt", "   \n"))
    together = _ingest.read_documents(docs, DEFAULT)
    alone = [_ingest.read_document(d, DEFAULT) for d in docs]
    assert [type(r).__name__ for r in together] == ["Prepared"] * 2 + ["Failure"] + ["Prepared"] * 2
    assert together == alone
    assert any(e["text"] == "Kim Jong Un" for e in json.loads(together[0].record)["entities"])


def test_a_stage_that_fails_for_one_article_of_a_chunk_fails_only_that_one(monkeypatch, model_breaks_on_semarang):
    pytest.importorskip("spacy")
    from warta._inputs import Document

    monkeypatch.setattr(_ingest, "_pipeline", _ingest.nlp_pipeline())
    docs = [Document(name, page, url=url) for name, (url, page) in PAGES.items()]
    results = _ingest.read_documents(docs, DEFAULT)
    failed = [r.source for r in results if type(r).__name__ == "Failure"]
    assert failed == ["museum"] and "the model broke" in results[2].reason  # one of four
    assert json.loads(results[0].record)["entities"]
