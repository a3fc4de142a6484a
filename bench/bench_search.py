"""Search latency on a big store: ``Store.search`` (the CLI's ten hits) and
``Store.search_page`` (a web page: ten hits, the count and the facets).

    python bench/bench_search.py --db /tmp/serve-100k.db          # any warta store
    python bench/bench_search.py --build 1000000 --db /tmp/search-1m.db
    python bench/bench_search.py --build 1000000 --in-order --db /tmp/search-1m-in-order.db

``--build N`` makes a search-only store fast: ``bench_corpus``'s synthetic
articles (real Detik sentences recombined) over three years and ten outlets,
written straight into the articles, records, full-text and filter-key tables, with none
of ingest's deduplication, stories or entity index (``warta ingest`` at its
few hundred articles a second would take about an hour for 1M). What a
search reads is the same as in a store that ingest made.

The queries: ``bench_corpus.QUERIES`` (hand-picked, one with filters), and
new queries of 1-3 words drawn by frequency from the store's own text, as
``bench_serve`` asks them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.bench_corpus import QUERIES, clean_paragraphs, synthetic  # noqa: E402

import warta  # noqa: E402
from warta.corpus import Store, _filter_keys, _fts_parts, _search  # noqa: E402
from warta.corpus._fulltext import index  # noqa: E402
from warta.corpus._stem import stems  # noqa: E402

OUTLETS = [warta.Outlet(name, f"{name.lower()}.id") for name in
           ("Detik", "Kompas", "Tempo", "Antara", "Tribun", "Liputan", "Okezone", "Suara", "Merdeka", "Sindo")]
CHUNK = 10_000


def build(path: Path, n: int, in_order: bool = False) -> None:
    """``in_order``: publish days rising with the rowid over the three years,
    as a store fed by a crawl is; else each day spread over the whole store."""
    started = time.perf_counter()
    rng = random.Random(11)
    bodies = clean_paragraphs()
    added = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with Store(path) as store:
        for start in range(0, n, CHUNK):
            with store.transaction() as conn:
                outlets = _filter_keys.Outlets(conn)
                for i, paragraphs in enumerate(synthetic(bodies, min(CHUNK, n - start), rng), start):
                    _write(conn, outlets, i, paragraphs, added, _published(i, n, in_order))
            print(f"\r{start + CHUNK:,} articles, {time.perf_counter() - started:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)


def _published(i: int, n: int, in_order: bool) -> str:
    if in_order:
        day = date(2023, 1, 1) + timedelta(days=i * 1096 // n)
        return f"{day.isoformat()}T{6 + i % 14:02d}:00:00+07:00"
    return f"{2023 + i % 3}-{1 + i % 12:02d}-{1 + (i // 36) % 28:02d}T{6 + i % 14:02d}:00:00+07:00"


def _write(conn, outlets, i: int, paragraphs: list[str], added: str, published: str) -> None:
    outlet = OUTLETS[i % len(OUTLETS)]
    headline = paragraphs[0].split(".")[0][:120]
    article = warta.Article(headline=headline, paragraphs=paragraphs, language="id", published=published,
                            outlet=outlet, url=f"https://{outlet.domain}/berita/{i}")
    body = "\n".join(paragraphs)
    rowid = conn.execute(
        "INSERT INTO articles (id, url, outlet, domain, published, label, language, headline, body_hash, added)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid",
        (f"bench:{i}", article.url, outlet.name, outlet.domain, published, None, "id", headline,
         hashlib.blake2b(body.encode(), digest_size=12).hexdigest(), added)).fetchone()[0]
    conn.execute("INSERT INTO records VALUES (?, ?, NULL)", (rowid, json.dumps(article.to_dict(), ensure_ascii=False)))
    columns = {"published": published, "outlet": outlet.name, "domain": outlet.domain, "label": None,
               "language": "id"}
    keys = _filter_keys.key_row(outlets, rowid, columns)
    _filter_keys.index(conn, [keys])
    index(conn, [(rowid, stems(headline), stems(body), _filter_keys.facet_text(keys.day, keys.outlet), keys.day)])


def new_queries(store: Store, n: int, rng: random.Random) -> list[str]:
    sample = store.conn.execute("SELECT record FROM records WHERE rowid IN"
                                " (SELECT rowid FROM records ORDER BY random() LIMIT 300)").fetchall()
    words = [w for (record,) in sample for w in re.findall(r"[a-z]{4,}", " ".join(json.loads(record)["paragraphs"]).lower())]
    return [" ".join(rng.choice(words) for _ in range(1 + (k > 0.4) + (k > 0.85)))
            for k in (rng.random() for _ in range(n))]


def timed(call, queries) -> tuple[float, float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        call(query)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def timings(store: Store, fixed: list[str], new: list[str], tag: str) -> dict:
    return {
        f"search, bench_corpus queries x 20 (10 hits){tag}": timed(lambda q: store.search(q, limit=10), fixed),
        f"search, same, since + outlet filters{tag}": timed(
            lambda q: store.search(q, since="2025-06-01", outlet=OUTLETS[0].domain, limit=10), fixed[:100]),
        f"search, {len(new)} new queries (10 hits){tag}": timed(lambda q: store.search(q, limit=10), new),
        f"search_page, {len(new)} new queries (10 hits, count, facets){tag}": timed(store.search_page, new),
        f"search, the same new queries with since + outlet filters{tag}": timed(
            lambda q: store.search(q, since="2025-06-01", outlet=OUTLETS[0].domain, limit=10), new),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--build", type=int, metavar="N", help="first build a search-only store of N articles")
    parser.add_argument("--in-order", action="store_true",
                        help="with --build: publish days rise with the rowid (as a crawl stores news)")
    parser.add_argument("--part-rows", type=int, default=None,
                        help="with --build: index parts of this many rows (_fts_parts.PART_ROWS), to try"
                             " at 200k what parts do at 1M")
    parser.add_argument("--queries", type=int, default=300, help="new queries (after 50 to warm up)")
    parser.add_argument("--candidates", type=int, nargs="+", default=[_search.CANDIDATES],
                        help="ranking windows to time side by side (_search.CANDIDATES)")
    args = parser.parse_args()
    if args.build:
        if args.part_rows:
            _fts_parts.PART_ROWS = args.part_rows
        args.db.unlink(missing_ok=True)
        build(args.db, args.build, args.in_order)
    with Store(args.db, create=False, mmap_bytes=1 << 30) as store:
        queries = new_queries(store, args.queries + 50, random.Random(5))
        for query in queries[:50]:  # warm the page cache and the stems
            store.search_page(query)
        fixed = [*QUERIES * 20]
        rows = {}
        for window in args.candidates:
            _search.CANDIDATES = window
            rows.update(timings(store, fixed, queries[50:], f" ({window:,} ranked)" if len(args.candidates) > 1 else ""))
        print(f"{len(store):,} articles in {args.db}")
    print("| measure | p50 ms | p95 ms |")
    print("|---|---:|---:|")
    for name, (p50, p95) in rows.items():
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
