"""``warta batch``: the local engine, every input format, bad inputs counted,
and Spark's output equal to the local engine's, row for row."""

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import warta
from warta.batch import TABLES, run_batch

GOLDEN = Path(__file__).parent / "golden"
ARTICLE_HTML = (GOLDEN / "detik_page.html").read_bytes()
CSV = (
    "id,judul,tanggal,isi_berita,tautan\n"
    '1,Harga Cabai Turun di Pasar Medan,10/21/2025 9:15,"Medan - Harga cabai merah di pasar tradisional '
    'Medan turun dalam sepekan terakhir.\nSCROLL TO CONTINUE WITH CONTENT\nPedagang menyebut pasokan dari '
    'Karo kembali lancar setelah hujan reda.",https://www.detik.com/sumut/berita/d-1/harga-cabai\n'
)


def _warc(records: list[tuple[str, str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, status, body, ctype in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    pages = root / "pages"
    pages.mkdir()
    for name in ("rakyatku_politik.txt", "kompas_nasional.txt", "tribun_page.html"):
        shutil.copy(GOLDEN / name, pages / name)
    (pages / "empty.txt").write_text("")
    lines = [json.dumps({"url": "https://news.detik.com/berita/d-9/x", "html": ARTICLE_HTML.decode()}), "{broken"]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (root / "detik.csv").write_text(CSV)
    (root / "bad.csv").write_text("a,b\n1,2\n")
    (root / "crawl.warc.gz").write_bytes(_warc([
        ("https://news.detik.com/berita/d-7/y", "200 OK", ARTICLE_HTML, "text/html; charset=utf-8"),
        ("https://news.detik.com/hilang", "404 Not Found", b"<html>404</html>", "text/html"),
        ("https://news.detik.com/foto.png", "200 OK", b"\x89PNG....", "image/png"),
    ]))
    (root / "broken.warc.gz").write_bytes(_warc([("https://a.example/", "200 OK", ARTICLE_HTML, "text/html")])[:700])
    return root


def _rows(out: Path, table: str) -> list[dict]:
    return sorted(pq.read_table(out / table).to_pylist(), key=lambda r: json.dumps(r, sort_keys=True))


@pytest.fixture(scope="module")
def local_out(inputs, tmp_path_factory) -> tuple[Path, warta.batch.Report]:
    out = tmp_path_factory.mktemp("local")
    report = run_batch([str(inputs)], out, workers=2, settings=warta.Settings(date_order="mdy"))
    return out, report


def test_local_engine_reads_every_format(local_out):
    out, report = local_out
    articles = _rows(out, "articles")
    headlines = {a["headline"] for a in articles}
    assert "Harga Cabai Turun di Pasar Medan" in headlines  # CSV
    assert len(articles) == 3 + 1 + 1 + 1  # page files, JSONL, CSV, WARC
    csv_row = next(a for a in articles if a["headline"].startswith("Harga Cabai"))
    assert csv_row["published"] == "2025-10-21T09:15:00+07:00"
    assert "SCROLL TO CONTINUE WITH CONTENT" not in csv_row["paragraphs"]
    assert warta.Article.from_dict(json.loads(csv_row["record"])).paragraphs == csv_row["paragraphs"]
    assert report.articles == len(articles)


def test_bad_inputs_are_counted_with_reasons_and_the_batch_goes_on(local_out):
    out, report = local_out
    reasons = {(e["kind"], e["reason"].split(":")[0]) for e in _rows(out, "errors")}
    assert ("dropped", "HTTP status 404") in reasons
    assert ("dropped", "not HTML (image/png)") in reasons
    assert ("failed", "not JSON") in reasons
    assert ("failed", "broken WARC record") in reasons
    assert ("failed", "the page is empty") in reasons
    assert any(e["kind"] == "failed" and "no column 'isi_berita'" in e["reason"] for e in _rows(out, "errors"))
    assert report.rows["errors"] == 6
    assert "dropped: 2" in report.summary() and "failed: 4" in report.summary()


def test_every_table_is_written_with_its_schema(local_out):
    out, _ = local_out
    for table, columns in TABLES.items():
        assert pq.read_schema(next((out / table).glob("*.parquet"))).names == [n for n, _ in columns]


def test_one_worker_gives_the_same_rows(inputs, local_out, tmp_path):
    run_batch([str(inputs)], tmp_path, workers=1, settings=warta.Settings(date_order="mdy"))
    for table in TABLES:
        assert _rows(tmp_path, table) == _rows(local_out[0], table)


def test_spark_engine_without_pyspark_says_how_to_install(monkeypatch, inputs, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(warta.WartaError, match=r"pip install 'warta\[spark\]'"):
        run_batch([str(inputs)], tmp_path, engine="spark")


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(warta.WartaError, match="no such input"):
        run_batch([str(tmp_path / "nope")], tmp_path / "out")


def test_spark_output_equals_local_output_row_for_row(inputs, local_out, tmp_path):
    pytest.importorskip("pyspark", reason="the Spark extra is not installed (pip install 'warta[spark]')")
    report = run_batch([str(inputs)], tmp_path, engine="spark", master="local[2]", partitions=3,
                       settings=warta.Settings(date_order="mdy"))
    for table in TABLES:
        assert _rows(tmp_path, table) == _rows(local_out[0], table), table
    assert report.rows == local_out[1].rows
    assert report.errors == local_out[1].errors


def test_gzip_jsonl_is_read(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    line = json.dumps({"url": "https://news.detik.com/berita/d-5/z", "html": ARTICLE_HTML.decode()})
    (src / "feed.jsonl.gz").write_bytes(gzip.compress(line.encode()))
    report = run_batch([str(src)], tmp_path / "out", workers=1)
    assert report.articles == 1


def test_batch_output_ingests_into_a_store(local_out, tmp_path):
    """``warta ingest out/`` loads what a batch run wrote, records whole."""
    from warta.corpus import Store
    from warta.corpus._ingest import ingest

    out, report = local_out
    with Store(tmp_path / "w.db") as store:
        ingest(store, [str(out)], workers=1, nlp=False)
        assert len(store) == report.articles
        stored = {r["headline"] for r in store.records()}
    assert stored == {a["headline"] for a in _rows(out, "articles")}


def test_documents_processed_in_chunks_give_the_bundles_of_one_by_one(monkeypatch, model_breaks_on_semarang):
    # process() runs a chunk's stages together (warta._read.read_many); a page
    # that makes a stage crash, or cannot be read, fails alone.
    from tests.test_store_articles import PAGES
    from warta.batch import _process
    from warta.batch._documents import Document

    docs = [Document(name, page, url=url) for name, (url, page) in PAGES.items()]
    docs.insert(1, Document("kosong.txt", "   \n"))
    settings = warta.Settings()
    together = list(_process.process(docs, settings))
    monkeypatch.setattr(_process, "CHUNK", 1)
    assert together == list(_process.process(docs, settings))
    kinds = [b["errors"] and b["errors"]["kind"] for b in together]
    assert kinds == [None, "failed", None, "crashed", None]
    assert "the model broke" in together[3]["errors"]["reason"]


def test_an_outlet_the_input_names_is_the_articles_outlet_as_in_ingest(tmp_path):
    # A JSONL line may say who published the page (a crawler knows); batch
    # and ingest both take it over what the page and its URL suggest.
    src = tmp_path / "in"
    src.mkdir()
    lines = [json.dumps({"url": "https://news.detik.com/berita/d-5/z", "html": ARTICLE_HTML.decode(),
                         "outlet": "Tempo"}),
             json.dumps({"url": "https://news.detik.com/berita/d-6/z", "html": ARTICLE_HTML.decode()})]
    (src / "feed.jsonl").write_text("\n".join(lines) + "\n")
    run_batch([str(src)], tmp_path / "out", workers=1)
    outlets = {r["url"]: r["outlet"] for r in _rows(tmp_path / "out", "articles")}
    assert outlets == {"https://news.detik.com/berita/d-5/z": "Tempo.co",  # the known outlet's own name
                       "https://news.detik.com/berita/d-6/z": "detikNews"}
    from warta.corpus import Store
    from warta.corpus._ingest import ingest

    with Store(tmp_path / "w.db") as store:
        ingest(store, [str(src)], workers=1, nlp=False)
        assert {r["url"]: r["outlet"]["name"] for r in store.records()} == outlets
