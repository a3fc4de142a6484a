"""Entity pages, ``warta entities`` and ``warta quotes`` on a large store:
read from the entity and quote index, against the way they were read before
it (a scan of every record's JSON: the code of ``--before``, loaded from git).

The store is bench_serve's (synthetic articles with capitalised runs as
entities and quoted text as quotes), built here unless ``--db`` names one.
Timings are in-process (the store open and warm) except the commands, which
are timed as a user runs them (a new process each).

    python bench/bench_entities.py --articles 100000 --db /tmp/entity-100k.db
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.bench_serve import build  # noqa: E402

from warta.corpus import Store  # noqa: E402

#: The last commit before the index: its _facts and serve/_entity are "before".
BEFORE = "9e9c4aa^"


def old_module(revision: str, path: str, package: str) -> types.ModuleType:
    """A module as it was at ``revision`` (its relative imports from today's package)."""
    source = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType(f"{package}._before_{Path(path).stem}")
    module.__package__ = package
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def timed(call, repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def percentiles(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return (f"p50 {statistics.median(ms):.1f} ms, p95 {ms[min(len(ms) - 1, int(len(ms) * 0.95))]:.1f} ms,"
            f" max {ms[-1]:.1f} ms")


def command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "warta.cli", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/warta-bench-entities.db"),
                        help="the store (built here when missing)")
    parser.add_argument("--before", default=BEFORE, help="git revision of the scanning code")
    parser.add_argument("--names", type=int, default=20, help="entity pages to time")
    args = parser.parse_args()
    if not args.db.exists():
        build(args.db, args.articles)
    old_facts = old_module(args.before, "src/warta/corpus/_facts.py", "warta.corpus")
    old_entity = old_module(args.before, "src/warta/serve/_entity.py", "warta.serve")
    opening = time.perf_counter()
    with Store(args.db, create=False) as store:  # a store made before the index is backfilled here
        print(f"opened in {time.perf_counter() - opening:.1f} s (with the backfill of an older store)")
        print(f"{len(store):,} articles; {store.conn.execute('SELECT count(*) FROM mentions').fetchone()[0]:,}"
              f" mention rows, {store.conn.execute('SELECT count(*) FROM quotes').fetchone()[0]:,} quote rows")
        top = store.top_entities(200)
        rng = random.Random(1)
        names = [e.name for e in top[:5]] + rng.sample([e.name for e in top[5:]], args.names - 5)
        day = store.newest_day()

        def old_profile(name):
            wanted = json.dumps(name, ensure_ascii=False)[1:-1]
            return old_entity.profile(name, old_facts._records(store, contains=wanted))

        print("| measure | before (scan) | index |")
        print("|---|---:|---:|")
        new = [timed(lambda n=n: store.entity(n, quotes=50, neighbours=15, recent=20))[0] for n in names]
        old = [timed(lambda n=n: old_profile(n))[0] for n in names[:8]]
        print(f"| entity profile, {len(names)} names (before: the first 8) | {percentiles(old)} |"
              f" {percentiles(new)} |")
        for label, kwargs in (("top entities, whole store", {}), (f"top entities, {day}", {"since": day, "until": day}),
                              ("quotes by a speaker (limit 50)", {"speaker": "narasumber"}),
                              ("quotes about a word (limit 50)", {"about": "pemerintah"})):
            call = "quotes" if "quotes" in label else "top_entities"
            before, _ = timed(lambda c=call, k=kwargs: getattr(old_facts, c)(store, **k))
            after, _ = timed(lambda c=call, k=kwargs: getattr(store, c)(**k), repeat=3)
            print(f"| {label} | {before * 1000:,.0f} ms | {after * 1000:,.1f} ms |")
        facet_times = [timed(lambda q=q: store.facets(q))[0] for q in ("pemerintah", "jakarta", "harga", "banjir")]
        print(f"| facets with entities and speakers, 4 queries | | {percentiles(facet_times)} |")
        hit_times = [timed(lambda n=n: store.search("pemerintah", entity=n))[0] for n in names[:10]]
        print(f"| search with an entity filter, 10 names | | {percentiles(hit_times)} |")
    db = str(args.db)
    print(f"| `warta entities --top 20` (a process) | | {command('entities', '--db', db):.2f} s |")
    print(f"| `warta quotes --speaker narasumber --about pemerintah` (a process) | |"
          f" {command('quotes', '--db', db, '--speaker', 'narasumber', '--about', 'pemerintah'):.2f} s |")


if __name__ == "__main__":
    main()
