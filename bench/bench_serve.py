"""Load test of ``warta serve`` on loopback: requests per second and latency
p50/p95/p99 of search and article pages at 1, 10 and 50 concurrent clients.

The store is synthetic (``bench_corpus``: real Detik sentences recombined),
with entities and quotes marked by pattern so that article pages carry
markup like real ones. The server runs as ``warta serve`` in its own process;
the clients are one asyncio process with keep-alive HTTP/1.1 connections,
written with bare streams because a full HTTP client would spend more CPU
than the server on this 2-core machine (both share it: the figures are a
floor for a machine that only serves).

    python bench/bench_serve.py --articles 100000 --keep /tmp/serve-100k.db
    python bench/bench_serve.py --db /tmp/serve-100k.db --seconds 20   # reuse it
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.bench_corpus import QUERIES, articles  # noqa: E402

from warta.corpus import Store  # noqa: E402
from warta.corpus._prepare import prepare  # noqa: E402

CLIENTS = (1, 10, 50)
NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
QUOTE = re.compile(r"[\"“]([^\"”]{10,300})[\"”]")


# -- the store ----------------------------------------------------------------
def annotate(article):
    """Capitalised runs as entities and quoted text as quotes: not accurate,
    but as much markup per article as the understanding stages give."""
    body = article.body
    labels = ("PER", "ORG", "LOC")
    article.entities = [{"text": m.group(), "label": labels[len(m.group()) % 3], "start": m.start(),
                         "end": m.end(), "canonical": m.group()} for m in NAME.finditer(body)][:40]
    article.quotes = [{"text": m.group(1), "start": m.start(1), "end": m.end(1), "kind": "direct",
                       "speaker": "Narasumber"} for m in QUOTE.finditer(body)][:10]
    return prepare(article)


def build(path: Path, n: int) -> None:
    started = time.perf_counter()
    made, _ = articles(n, 0)
    for i, article in enumerate(made):  # spread over a year of days, not 28
        article.published = f"2025-{1 + i % 12:02d}-{1 + (i // 12) % 28:02d}T{8 + i % 12:02d}:00:00+07:00"
    with multiprocessing.Pool(2) as pool, Store(path) as store:
        batch = []
        for prepared in pool.imap(annotate, made, chunksize=64):
            batch.append(prepared)
            if len(batch) == 1000:
                store.write(batch)
                batch = []
        store.write(batch)
    print(f"built {n:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


# -- the server ---------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--db", str(db),
                               "--port", str(port), "--workers", str(workers)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("the server did not start within 30 s")


# -- the clients --------------------------------------------------------------
async def fetch(reader, writer, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def client(port: int, paths: list[str], until: float, times: list[float], errors: list[int]):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    rng = random.Random(len(times))
    while time.perf_counter() < until:
        start = time.perf_counter()
        status = await fetch(reader, writer, rng.choice(paths))
        times.append(time.perf_counter() - start)
        if status != 200:
            errors.append(status)
    writer.close()


async def load(port: int, paths: list[str], clients: int, seconds: float) -> dict:
    times: list[float] = []
    errors: list[int] = []
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(client(port, paths, until, times, errors) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    ms = sorted(t * 1000 for t in times)
    pick = lambda q: ms[min(len(ms) - 1, int(len(ms) * q))]  # noqa: E731
    return {"requests": len(ms), "rps": len(ms) / elapsed, "p50": statistics.median(ms),
            "p95": pick(0.95), "p99": pick(0.99), "errors": len(errors)}


def pages(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """Article pages of 2,000 random articles; searches: bench_corpus's
    queries plus 500 pairs of words drawn from random articles, so that no
    cache (SQLite's, the OS's) sees only a handful of queries."""
    with Store(db) as store:
        sample = store.conn.execute("SELECT a.id, r.record FROM articles a JOIN records r"
                                    " ON r.rowid = a.rowid ORDER BY random() LIMIT 2000").fetchall()
    queries = list(QUERIES)
    for _, record in sample[:500]:
        body = " ".join(json.loads(record)["paragraphs"]).lower()
        words = re.findall(r"[a-z]{5,}", body)
        queries.append(" ".join(rng.sample(words, 2)))
    searches = [f"/search?{urlencode({'q': q})}" for q in queries]
    searches += [f"/search?{urlencode({'q': q, 'since': '2025-06-01', 'page': 2})}" for q in QUERIES[:3]]
    return {"search": searches, "article": [f"/articles/{quote(i, safe='')}" for i, _ in sample]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing store to serve (skips the build)")
    parser.add_argument("--keep", type=Path, help="build the store here and keep it")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--seconds", type=float, default=15, help="per page kind and client count")
    args = parser.parse_args()
    db = args.db or args.keep or Path("/tmp/warta-bench-serve.db")
    if not args.db:
        db.unlink(missing_ok=True)
        build(db, args.articles)
    with Store(db) as store:
        stored = len(store)
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        kinds = pages(db, random.Random(1))
        asyncio.run(load(port, kinds["search"][:20] + kinds["article"][:20], 4, 3))  # warm up
        print(f"{stored:,} articles, {args.workers} server process(es), {args.seconds:.0f} s per row")
        print("| page | clients | requests/s | p50 ms | p95 ms | p99 ms | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for kind, paths in kinds.items():
            for clients in CLIENTS:
                r = asyncio.run(load(port, paths, clients, args.seconds))
                print(f"| {kind} | {clients} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
                      f"{r['p99']:.1f} | {r['errors']} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
