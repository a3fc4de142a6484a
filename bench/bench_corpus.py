"""Corpus benchmark: a synthetic corpus built by recombining real paragraphs
of ``../shared/data/news/detik-2025-dev.csv``, with planted near-duplicates
(light rewrites of some articles, as reprints by other outlets look).

Reports: ingest rate (the whole path: ``warta.read`` in worker processes, and
the store alone from ready records), database size per article, search
latency p50/p95, and near-duplicate precision/recall on the planted copies.
``--backend postgres`` measures the same on PostgreSQL: a throwaway server
(tests/pg_server.py, fsync on) unless ``--postgres`` names one.

    python bench/bench_corpus.py --articles 20000 --copies 1000
    python bench/bench_corpus.py --articles 20000 --copies 1000 --backend postgres
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DETIK = ROOT.parent / "shared" / "data" / "news" / "detik-2025-dev.csv"
sys.path.insert(0, str(ROOT / "src"))

import warta  # noqa: E402
from warta._inputs import Document, parse_csv_map, read_inputs  # noqa: E402
from warta.corpus import Store  # noqa: E402
from warta.corpus._ingest import ingest_documents  # noqa: E402
from warta.corpus._prepare import prepare  # noqa: E402

SWAPS = {"mengatakan": "menyatakan", "ujar": "kata", "Jakarta": "Ibu Kota", "yang": "yang",
         "akan": "bakal", "sangat": "amat", "tersebut": "itu", "juga": "pula", "dapat": "bisa"}
QUERIES = ["kunjungan presiden", "harga beras", '"kata dia"', "banjir OR longsor", "prabowo -jakarta",
           "mengunjungi", "pemerintah daerah", "sekolah", "polisi menangkap", "ekonomi indonesia"]


def clean_paragraphs(path: Path = DETIK) -> list[list[str]]:
    """The Detik bodies read by warta: real, cleaned paragraphs."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    settings = warta.Settings(date_order="mdy")
    bodies = [warta.read(f"{r['judul']}\n\n{r['tanggal']}\n\n{r['isi_berita']}", settings=settings)
              for r in rows]
    return [a.paragraphs for a in bodies if len(a.paragraphs) >= 3]


def synthetic(bodies: list[list[str]], n: int, rng: random.Random) -> list[list[str]]:
    """Articles of 4-10 paragraphs of 2-3 real sentences each, drawn from the
    whole set (sentences, not paragraphs, so that two synthetic articles
    rarely share more than a sentence: every link between them is a false merge)."""
    pool = [s for body in bodies for p in body for s in re.split(r"(?<=[.!?])\s+", p)
            if len(s.split()) >= 6]
    return [[" ".join(rng.sample(pool, rng.randint(2, 3))) for _ in range(rng.randint(4, 10))]
            for _ in range(n)]


def rewrite(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A light rewrite, as a reprint does: some of cut a paragraph, cut
    sentences, swap words, reorder two paragraphs, add an opening and a credit."""
    out = list(paragraphs)
    if len(out) > 4 and rng.random() < 0.5:
        out.pop(rng.randrange(1, len(out)))
    out = [_cut_sentence(p, rng) if rng.random() < 0.3 else p for p in out]
    out = [_swap_words(p, rng) for p in out]
    if rng.random() < 0.3:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    if rng.random() < 0.5:
        out.insert(0, "Dilansir dari media setempat, berikut laporan selengkapnya.")
    if rng.random() < 0.5:
        out.append("Artikel ini telah tayang lebih dulu di media mitra kami.")
    return out


def _cut_sentence(paragraph: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    if len(sentences) > 1:
        sentences.pop(rng.randrange(len(sentences)))
    return " ".join(sentences)


def _swap_words(paragraph: str, rng: random.Random) -> str:
    return " ".join(SWAPS.get(w, w) if rng.random() < 0.7 else w for w in paragraph.split())


def articles(n: int, copies: int, seed: int = 7):
    """(articles, planted: {copy index: original index})."""
    rng = random.Random(seed)
    bodies = synthetic(clean_paragraphs(), n, rng)
    planted = {}
    for _ in range(copies):
        original = rng.randrange(n)
        planted[len(bodies)] = original
        copy = rewrite(bodies[original], rng)
        if rng.random() < 0.3:  # a heavier rewrite: twice over, and a paragraph of other news added
            copy = rewrite(copy, rng)
            copy.insert(rng.randrange(len(copy)), rng.choice(bodies[rng.randrange(n)]))
        bodies.append(copy)
    order = list(range(len(bodies)))
    made = [warta.Article(headline=f"Berita nomor {i}", paragraphs=bodies[i], language="id",
                          published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+07:00",
                          outlet=warta.Outlet("detikcom", "detik.com"), url=f"https://example.com/{i}")
            for i in order]
    return made, planted


class Backend:
    """Where the bench's stores live: files in a temporary folder, or
    databases on a PostgreSQL server."""

    def __init__(self, kind: str, folder: Path, server_url: str | None = None):
        self.kind, self.folder, self.server_url = kind, folder, server_url

    def new(self, name: str) -> str:
        if self.kind == "sqlite":
            return str(self.folder / f"{name}.db")
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS bench_{name}")
            admin.execute(f"CREATE DATABASE bench_{name}")
        return self.server_url.rsplit("/", 1)[0] + f"/bench_{name}"

    def size(self, location: str) -> int:
        if self.kind == "sqlite":
            return sum(p.stat().st_size for p in self.folder.glob(Path(location).name + "*"))
        with Store(location) as store:
            return store.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]


@contextlib.contextmanager
def backend(kind: str, folder: Path, server_url: str | None):
    if kind == "sqlite" or server_url:
        yield Backend(kind, folder, server_url)
        return
    sys.path.insert(0, str(ROOT))
    from tests.pg_server import Server, bin_dir

    if bin_dir() is None:
        sys.exit("no PostgreSQL binaries (initdb): install postgresql or give --postgres URL")
    server = Server(bin_dir(), durable=True)
    try:
        yield Backend(kind, folder, server.start())
    finally:
        server.stop()


def timed_store(path: str, made: list) -> float:
    """Articles per second through prepare + write (one process, no reading)."""
    start = time.perf_counter()
    with Store(path) as store:
        for i in range(0, len(made), 500):
            store.write([prepare(a) for a in made[i:i + 500]])
    return len(made) / (time.perf_counter() - start)


def timed_ingest(path: str, made: list, workers: int, stories: bool = True) -> float:
    """Pages per second through the whole ingest: warta.read in workers, then the store."""
    docs = [Document(f"bench:{i}", f"{a.headline}\n\n" + "\n\n".join(a.paragraphs), a.url)
            for i, a in enumerate(made)]
    return _timed_documents(path, docs, workers, stories)


def timed_records(path: str, made: list, workers: int, stories: bool = True) -> float:
    """Records per second through ingest of a JSONL file of ready warta
    records, as ``warta ingest records.jsonl`` does it: the file read and
    parsed in the main process, no reading of pages, prepare in the
    workers, the store in the main process."""
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "records.jsonl"
        with lines.open("w", encoding="utf-8") as out:
            for article in made:
                out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        return _timed_documents(path, read_inputs([lines], parse_csv_map(None)), workers, stories, len(made))


def _timed_documents(path: str, docs, workers: int, stories: bool, n: int | None = None) -> str:
    """"rate/s (CPU ms a document)": the CPU time of this process and its
    workers, a fairer figure than the rate when other jobs share the cores."""
    n = len(docs) if n is None else n
    start, cpu = time.perf_counter(), _cpu()
    with Store(path) as store:
        ingest_documents(store, docs, workers=workers, nlp=False, stories=stories)
    rate, cpu = n / (time.perf_counter() - start), _cpu() - cpu
    return f"{rate:,.0f} ({cpu * 1000 / n:.2f} ms)"


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the workers)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def latencies(path: str, rounds: int) -> tuple[float, float]:
    times = []
    with Store(path) as store:
        for _ in range(rounds):
            for query in QUERIES:
                start = time.perf_counter()
                store.search(query, limit=10)
                times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            store.search("presiden", since="2025-06-01", outlet="detik.com", limit=10)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def duplicate_scores(path: str, made: list, planted: dict[int, int]) -> dict:
    from warta.corpus import article_id
    from warta.corpus._minhash import shingles

    with Store(path) as store:
        links = {r["id"]: r["duplicate_of"] for r in store.records() if r["duplicate_of"]}
    ids = [article_id(a.url, a.headline, a.paragraphs) for a in made]
    index = {id_: i for i, id_ in enumerate(ids)}
    found = sum(links.get(ids[c]) in (ids[o], links.get(ids[o])) for c, o in planted.items())
    false = [(index[c], index[o]) for c, o in links.items() if planted.get(index[c]) != index[o]]

    def jaccard(i, j):
        a, b = shingles(made[i].body), shingles(made[j].body)
        return len(a & b) / len(a | b)

    unrelated = [pair for pair in false if jaccard(*pair) < 0.2]
    return {"planted": len(planted), "found": found, "links": len(links), "other links": len(false),
            "other links to articles sharing < 20% of word pairs": len(unrelated)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--read-sample", type=int, default=2000, help="pages for the whole-ingest timing")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the store here (for profiling searches; SQLite)")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", metavar="URL",
                        help="a PostgreSQL server's maintenance database (default: start a throwaway one)")
    args = parser.parse_args()
    if not DETIK.exists():
        sys.exit(f"{DETIK} is absent")
    made, planted = articles(args.articles, args.copies)
    with tempfile.TemporaryDirectory() as tmp, backend(args.backend, Path(tmp), args.postgres) as where:
        db, read_db, records_db, read_later, records_later = (
            where.new(name) for name in ("bench", "read", "records", "read_later", "records_later"))
        store_rate = timed_store(db, made)
        if args.read_sample:
            read_rate = timed_ingest(read_db, made[:args.read_sample], args.workers)
            records_rate = timed_records(records_db, made[:args.read_sample * 5], args.workers)
            read_later_rate = timed_ingest(read_later, made[:args.read_sample], args.workers, False)
            records_later_rate = timed_records(records_later, made[:args.read_sample * 5], args.workers, False)
        size = where.size(db)
        p50, p95 = latencies(db, 20)
        dupes = duplicate_scores(db, made, planted)
        if args.keep and args.backend == "sqlite":
            with Store(db) as store:
                store.conn.execute("VACUUM INTO ?", (str(args.keep),))
    print(f"| backend | {args.backend} |")
    print(f"| articles stored | {len(made):,} ({args.copies:,} planted copies) |")
    if args.read_sample:
        print(f"| ingest, whole path (read in {args.workers} workers + store), {args.read_sample:,} "
              f"pages into an empty store, pages/s (CPU a page) | {read_rate} |")
        print(f"| ingest, warta records from JSONL (no reading; {args.workers} workers + store), "
              f"{args.read_sample * 5:,} into an empty store, records/s (CPU a record) | {records_rate} |")
        print(f"| the same two with --no-stories (grouping left to `warta stories`) "
              f"| {read_later_rate}; {records_later_rate} |")
    print(f"| ingest, store alone (prepare + write, 1 process), all articles, articles/s | {store_rate:,.0f} |")
    print(f"| database size per article | {size / len(made) / 1024:.1f} KiB |")
    print(f"| search latency p50 / p95 | {p50:.1f} ms / {p95:.1f} ms |")
    print(f"| planted copies found (recall) | {dupes['found']} / {dupes['planted']} "
          f"({dupes['found'] / dupes['planted']:.1%}) |")
    print(f"| links that are not planted copies | {dupes['other links']} of {dupes['links']}; "
          f"{dupes['other links to articles sharing < 20% of word pairs']} between articles sharing < 20% |")


if __name__ == "__main__":
    main()
