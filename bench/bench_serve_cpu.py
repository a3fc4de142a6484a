"""CPU time of one new search page, in one process: the store alone
(``Store.search_page``, what the page asks of the library) against the whole
app (``create_app`` called as ASGI: the middleware, routing, parameters, the
thread pool, the view, the template, the page cache), so the difference is
what the server adds around the library. Each request is a search not asked
before (no cache can answer it), drawn like ``bench_serve``'s; the two run
alternately over disjoint sets of queries, several rounds, and the medians
are reported. CPU time (``time.process_time``, all threads) rather than the
clock, so that other work on the machine counts less. ``--framework`` adds
a row for the app with the store's answer memoised: the server's own cost.
``--parts`` times the parts of ``search_page`` instead, one new search after
another in one process: parsing, ranking, the bounded count, the facets, the
hits with their snippets.

    python bench/bench_serve_cpu.py --db /tmp/serve-100k.db
    python bench/bench_serve_cpu.py --db /tmp/serve-100k.db --per-round 150 --rounds 6 --framework
    python bench/bench_serve_cpu.py --db /tmp/serve-100k.db --parts --per-round 300
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import random
import statistics
import sys
import time
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.bench_serve import pages  # noqa: E402

from warta.corpus import Store, _browse, _search  # noqa: E402
from warta.corpus._query import parse_query  # noqa: E402
from warta.serve import create_app  # noqa: E402
from warta.serve._data import MMAP_BYTES, Corpus  # noqa: E402

WARM = 50


async def ask(app, path: str) -> int:
    """One GET through the app as a server would call it; the status."""
    url = urlsplit(path)
    scope = {"type": "http", "method": "GET", "path": url.path, "raw_path": url.path.encode(),
             "query_string": url.query.encode(), "headers": [(b"host", b"bench")], "http_version": "1.1",
             "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "root_path": "",
             "asgi": {"version": "3.0"}}
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"]


def in_library(store: Store, path: str) -> None:
    params = dict(parse_qsl(urlsplit(path).query))
    query, page = params.pop("q"), int(params.pop("page", 1))
    store.search_page(query, offset=(page - 1) * 10, size=10, **params)


def memoised(search):
    """``Corpus.search`` answering each request from the first answer (a copy)."""
    answers = {}

    def search_once(self, query, filters, *, offset, size):
        key = (query, filters, offset, size)
        if key not in answers:
            answers[key] = search(self, query, filters, offset=offset, size=size)
        return copy.deepcopy(answers[key])
    return search_once


async def measure(db: Path, queries: list[str], per_round: int, rounds: int, framework: bool) -> dict:
    app = create_app(db)
    store = Store(str(db), mmap_bytes=MMAP_BYTES)
    for path in queries[:WARM]:
        await ask(app, path)
        in_library(store, path)
    fresh = iter(queries[WARM:])
    kinds = ["library", "app"]
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for turn in range(rounds):
        for kind in kinds if turn % 2 == 0 else kinds[::-1]:
            batch = [next(fresh) for _ in range(per_round)]
            started = time.process_time()
            for path in batch:
                if kind == "app":
                    await ask(app, path)
                else:
                    in_library(store, path)
            times[kind].append(1000 * (time.process_time() - started) / per_round)
    if framework:  # the same queries again, with the store's answers kept: only the app's own work
        Corpus.search = memoised(Corpus.search)
        asked = queries[WARM:WARM + per_round]
        for path in asked:
            await ask(app, path)
        times["app, store memoised"] = []
        for turn in range(rounds):
            started = time.process_time()
            for path in asked:
                await ask(app, f"{path}&round={turn}")  # a new page cache key; the app ignores it
            times["app, store memoised"].append(1000 * (time.process_time() - started) / per_round)
    return times


def parts(db: Path, queries: list[str]) -> dict[str, float]:
    """CPU ms per search of each step of ``Store.search_page`` (as it runs
    them, page size 10), over ``queries`` after the first ``WARM``."""
    conn = Store(str(db), mmap_bytes=MMAP_BYTES).conn
    steps = ("parse", "ranking", "count", "facets", "hits")
    spent = dict.fromkeys((*steps, "all"), 0.0)
    for n, path in enumerate(queries):
        params = dict(parse_qsl(urlsplit(path).query))
        query, offset = params.pop("q"), 10 * (int(params.pop("page", 1)) - 1)
        days, outlet = (params.get("since"), params.get("until")), params.get("outlet")
        marks = [time.process_time()]
        where, args = _search._filters(*days, outlet, None, None)
        parsed = _search.narrowed(conn, parse_query(query), *days, outlet)
        marks.append(time.process_time())
        best = _search.ranked(conn, parsed, where, args, max(_browse.FACET_HITS, offset + 10), 0, query)
        marks.append(time.process_time())
        if len(best) >= _browse.FACET_HITS:  # else search_page counts what it ranked
            _search.count(conn, parsed, where, args)
        marks.append(time.process_time())
        _browse._counts(conn, [rowid for rowid, _ in best[:_browse.FACET_HITS]], _browse.FACET_VALUES)
        marks.append(time.process_time())
        _search.hits(conn, best[offset:offset + 10], parsed.terms)
        marks.append(time.process_time())
        if n >= WARM:
            for name, (start, end) in zip(steps, pairwise(marks), strict=True):
                spent[name] += end - start
            spent["all"] += marks[-1] - marks[0]
    return {name: 1000 * total / (len(queries) - WARM) for name, total in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store, e.g. bench_serve's --keep")
    parser.add_argument("--per-round", type=int, default=100, help="new searches per round and kind")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--framework", action="store_true", help="also the app around a memoised store")
    parser.add_argument("--parts", action="store_true", help="the parts of search_page instead")
    args = parser.parse_args()
    if args.parts:
        queries = pages(args.db, random.Random(11), WARM + args.per_round)["search"]
        print(f"load average {os.getloadavg()[0]:.1f}; {args.per_round} new searches")
        print(", ".join(f"{name} {ms:.2f}" for name, ms in parts(args.db, queries).items()), "CPU ms per search")
        return
    queries = pages(args.db, random.Random(11), WARM + 2 * args.rounds * args.per_round)["search"]
    print(f"load average {os.getloadavg()[0]:.1f}; {args.per_round} new searches a round, {args.rounds} rounds")
    times = asyncio.run(measure(args.db, queries, args.per_round, args.rounds, args.framework))
    for kind, values in times.items():
        print(f"{kind:22} CPU ms per search: median {statistics.median(values):.2f}"
              f" (rounds: {', '.join(f'{v:.2f}' for v in values)})")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
