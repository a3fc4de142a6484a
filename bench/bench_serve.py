"""Load test of ``warta serve`` on loopback: requests per second and latency
p50/p95/p99 of search and article pages at 1, 10 and 50 concurrent clients.

The store is synthetic (``bench_corpus``: real Detik sentences recombined),
with entities and quotes marked by pattern so that article pages carry
markup like real ones. The server runs as ``warta serve`` in its own process.
Two clients ask the same sequences of requests, each of a freshly started
server (so neither warms the cache for the other):

- ``python``: one asyncio process with keep-alive HTTP/1.1 connections,
  written with bare streams because a full HTTP client would spend more CPU
  than the server on a 2-core machine;
- ``wrk`` (Debian's ``apt-get install -y wrk``; used when it is on the PATH):
  its C client with ``bench_serve.lua`` picking each path from a file; it
  takes a fraction of the Python client's CPU, which the server gets instead.

Each row also gives the server's CPU time per request (all its processes)
and the cores the client used. Both share the machine with the server: the
figures are a floor for a machine that only serves.

    python bench/bench_serve.py --articles 100000 --keep /tmp/serve-100k.db
    python bench/bench_serve.py --db /tmp/serve-100k.db --seconds 20   # reuse it
    python bench/bench_serve.py --db /tmp/serve-100k.db --client wrk   # one client only
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.bench_corpus import articles  # noqa: E402

from warta.corpus import Store  # noqa: E402
from warta.corpus._prepare import prepare  # noqa: E402

CLIENTS = (1, 10, 50)
LUA = Path(__file__).with_name("bench_serve.lua")
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


async def client(port: int, next_path, until: float, times: list[float], errors: list[int]):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while time.perf_counter() < until:
        path = next_path()
        start = time.perf_counter()
        status = await fetch(reader, writer, path)
        times.append(time.perf_counter() - start)
        if status != 200:
            errors.append(status)
    writer.close()


async def load(port: int, next_path, clients: int, seconds: float) -> dict:
    """``next_path()`` gives each request's path (shared by all clients)."""
    times: list[float] = []
    errors: list[int] = []
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(client(port, next_path, until, times, errors) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    ms = sorted(t * 1000 for t in times)
    pick = lambda q: ms[min(len(ms) - 1, int(len(ms) * q))]  # noqa: E731
    return {"requests": len(ms), "rps": len(ms) / elapsed, "p50": statistics.median(ms),
            "p95": pick(0.95), "p99": pick(0.99), "errors": len(errors)}


def python_row(port: int, cursor: Cursor, clients: int, seconds: float) -> dict:
    return asyncio.run(load(port, cursor, clients, seconds))


def wrk_row(port: int, cursor: Cursor, clients: int, seconds: float) -> dict:
    """The same row with wrk: one thread, ``clients`` connections, the
    cursor's paths from where it stands."""
    done = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "30s",
                           "-s", str(LUA), f"http://127.0.0.1:{port}", "--", str(cursor.listing),
                           str(cursor.taken)], capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRK "))
    r = json.loads(line[4:])
    cursor.taken = r["issued"]
    return {"requests": r["requests"], "rps": r["requests"] / r["seconds"], "p50": r["p50"],
            "p95": r["p95"], "p99": r["p99"], "errors": r["status_errors"] + r["socket_errors"]}


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and all its descendants (Linux)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child)) * os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    except OSError:
        pass
    return total / os.sysconf("SC_CLK_TCK")


def measured(row, server: subprocess.Popen, *args) -> dict:
    """``row(*args)`` with the server's CPU per request and the client's cores."""
    server_before, mine = cpu_seconds(server.pid), os.times()
    started = time.perf_counter()
    r = row(*args)
    elapsed, after = time.perf_counter() - started, os.times()
    client_cpu = sum(after[:4]) - sum(mine[:4])  # this process and its waited-for children (wrk)
    return r | {"server_ms": 1000 * (cpu_seconds(server.pid) - server_before) / max(1, r["requests"]),
                "client_cores": client_cpu / elapsed}


# -- what the clients ask -------------------------------------------------------
def pages(db: Path, rng: random.Random, distinct: int) -> dict:
    """Article pages of 2,000 random articles, of up to 30,000 others (each
    asked once), and ``distinct`` different searches made of the corpus's own
    words (see ``searches``)."""
    with Store(db) as store:
        sample = store.conn.execute("SELECT a.id, r.record FROM articles a JOIN records r"
                                    " ON r.rowid = a.rowid ORDER BY random() LIMIT 2000").fetchall()
        outlets = [o for (o,) in store.conn.execute("SELECT DISTINCT outlet FROM articles"
                                                    " WHERE outlet IS NOT NULL LIMIT 50")]
        others = [i for (i,) in store.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 32000")]
    bodies = [" ".join(json.loads(record)["paragraphs"]).lower() for _, record in sample]
    url = lambda i: f"/articles/{quote(i, safe='')}"  # noqa: E731
    sampled = {i for i, _ in sample}
    return {"search": searches(bodies, outlets, rng, distinct), "article": [url(i) for i, _ in sample],
            "article_new": [url(i) for i in others if i not in sampled]}


def searches(bodies: list[str], outlets: list[str], rng: random.Random, n: int) -> list[str]:
    """``n`` different search URLs as analysts type them: one to three words
    of the corpus (drawn by their frequency, so common words come up as they
    would), now and then a phrase; a fifth with a filter (days or an
    outlet) and a fifth asking for page 2 or 3."""
    words = [w for body in bodies for w in re.findall(r"[a-z]{4,}", body)]
    made: set[str] = set()
    while len(made) < n:
        body = rng.choice(bodies).split()
        kind = rng.random()
        if kind < 0.1:  # a phrase straight from an article
            start = rng.randrange(max(1, len(body) - 2))
            q = '"' + " ".join(re.sub(r"[^a-z]", "", w) for w in body[start:start + 2]) + '"'
        else:
            q = " ".join(rng.choice(words) for _ in range(1 + (kind > 0.4) + (kind > 0.85)))
        params = {"q": q}
        if rng.random() < 0.2:
            params |= rng.choice([{"since": f"2025-{rng.randint(1, 12):02d}-01"},
                                  {"outlet": rng.choice(outlets)} if outlets else {}])
        if rng.random() < 0.2:
            params["page"] = rng.choice((2, 3))
        if len(q) > 3:
            made.add(f"/search?{urlencode(params)}")
    ordered = sorted(made)  # a set's order differs between runs
    rng.shuffle(ordered)
    return ordered


def zipf(paths: list[str], rng: random.Random, s: float = 1.0):
    """Picks ``paths`` with Zipf-like popularity: the k-th most popular is
    asked 1/k^s as often as the first (search logs look like this)."""
    order = rng.sample(paths, len(paths))
    weights = list(itertools.accumulate(1 / (k + 1) ** s for k in range(len(order))))
    return lambda: rng.choices(order, cum_weights=weights)[0]


class Cursor:
    """A fixed sequence of paths, asked in order from where the last row
    stopped (wrapping at the end: ``wrapped`` says it did)."""

    def __init__(self, paths: list[str], listing: Path | None = None):
        """``listing``: a file of the paths, one a line, for wrk."""
        self.paths, self.taken, self.listing = paths, 0, listing

    def __call__(self) -> str:
        self.taken += 1
        return self.paths[(self.taken - 1) % len(self.paths)]

    @property
    def wrapped(self) -> bool:
        return self.taken > len(self.paths)

    def repeats(self) -> float:
        """The share of the requests so far that asked a path asked before."""
        asked = [self.paths[i % len(self.paths)] for i in range(self.taken)]
        return 1 - len(set(asked)) / max(1, len(asked))


def mixes(kinds: dict, distinct: int, length: int) -> dict[str, list[str]]:
    """The request sequence of each row kind: every search new; the Zipf mix
    (20,000 different searches by default); every article page new; article
    pages drawn at random from 2,000."""
    found = kinds["search"]
    popular = zipf(found[20 + distinct:], random.Random(3))
    pick = random.Random(4).choice
    return {"search, each query new": found[20:20 + distinct],
            "search, Zipf mix": [popular() for _ in range(length)],
            "article, each new": kinds["article_new"],
            "article": [pick(kinds["article"]) for _ in range(length)]}


def run_client(name: str, db: Path, folder: str, kinds: dict, args) -> None:
    """All rows with one client, against a server of its own (an empty cache)."""
    port = free_port()
    server = start_server(db, port, args.workers)
    row = {"python": python_row, "wrk": wrk_row}[name]
    try:
        warm = kinds["search"][:20] + kinds["article"][:20]
        asyncio.run(load(port, zipf(warm, random.Random(2)), 4, 3))
        for kind, paths in mixes(kinds, args.distinct, args.length).items():
            if args.only and not any(part in kind for part in args.only):
                continue
            cursor = Cursor(paths, listing=Path(folder) / "paths.txt")
            cursor.listing.write_text("\n".join(paths) + "\n")
            for clients in args.clients:
                r = measured(row, server, port, cursor, clients, args.seconds)
                print(f"| {name} | {kind} | {clients} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
                      f"{r['p99']:.1f} | {r['errors']} | {r['server_ms']:.2f} | {r['client_cores']:.2f} |",
                      flush=True)
            note = " (the sequence wrapped: repeats)" if cursor.wrapped else ""
            print(f"|  | {kind}: {cursor.taken:,} requests, {cursor.repeats():.0%} asked before{note} |",
                  flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing store to serve (skips the build)")
    parser.add_argument("--keep", type=Path, help="build the store here and keep it")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--seconds", type=float, default=15, help="per page kind and client count")
    parser.add_argument("--distinct", type=int, default=20_000,
                        help="different searches of each mix (the all-new rows need one per request)")
    parser.add_argument("--length", type=int, default=400_000,
                        help="requests drawn for the Zipf and article rows (they wrap after)")
    parser.add_argument("--client", choices=("python", "wrk", "both"),
                        help="default: both when wrk is on the PATH, else python")
    parser.add_argument("--only", action="append", metavar="KIND",
                        help="only the rows whose page kind contains this (repeatable): 'Zipf', 'article'")
    parser.add_argument("--clients", type=int, nargs="+", default=list(CLIENTS), metavar="N",
                        help="concurrent clients of each row (default: 1 10 50)")
    args = parser.parse_args()
    chosen = args.client or ("both" if shutil.which("wrk") else "python")
    if chosen != "python" and not shutil.which("wrk"):
        sys.exit("wrk is not on the PATH (Debian: apt-get install -y wrk)")
    db = args.db or args.keep or Path("/tmp/warta-bench-serve.db")
    if not args.db:
        db.unlink(missing_ok=True)
        build(db, args.articles)
    with Store(db) as store:
        stored = len(store)
    kinds = pages(db, random.Random(1), 2 * args.distinct + 20)
    print(f"{stored:,} articles, {args.workers} server process(es), {args.seconds:g} s per row,"
          f" load average {os.getloadavg()[0]:.1f}")
    print("| client | page | clients | requests/s | p50 ms | p95 ms | p99 ms | errors |"
          " server CPU ms/request | client cores |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        for name in ("python", "wrk") if chosen == "both" else (chosen,):
            run_client(name, db, folder, kinds, args)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
