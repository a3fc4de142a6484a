"""Story grouping speed at a realistic size.

A synthetic store: articles of real Detik sentences (bench_corpus's
recombination), ``--per-day`` of them a day in publishing order (a crawler's
stream), each with a headline of its own words and three entity names drawn
from a Zipf-like pool (as the NLP stages would leave). One article in four is
a follow-up of an article of the last two days (half its sentences, the same
entities): the events that grouping should join. The store is written
without grouping, then grouped in chunks of ``--chunk`` as ``Store.write``
would after each ingest batch; the rate of each tenth of the corpus shows
whether the cost per article grows with the corpus.

    python bench/bench_stories.py --articles 100000 --per-day 1000
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_corpus import clean_paragraphs, synthetic  # noqa: E402

from warta import Article  # noqa: E402
from warta._article import Outlet  # noqa: E402
from warta.corpus import Store  # noqa: E402
from warta.corpus._prepare import prepare  # noqa: E402
from warta.corpus._story_store import group_stories  # noqa: E402

OUTLETS = ["detik.com", "kompas.com", "tempo.co", "cnnindonesia.com", "tribunnews.com", "antaranews.com"]
START = 1_760_000_000  # October 2025


def articles(n: int, per_day: int, rng: random.Random) -> list[Article]:
    bodies = synthetic(clean_paragraphs(), n, rng)
    names = [f"Tokoh {i}" for i in range(5_000)]
    made: list[tuple[float, list[str], list[str]]] = []
    out = []
    for i, body in enumerate(bodies):
        at = START + i * 86_400 / per_day
        recent = [m for m in made[-2 * per_day:] if at - m[0] < 2 * 86_400]
        if recent and rng.random() < 0.25:  # a follow-up of a recent event
            _, base, people = rng.choice(recent)
            body = base[: max(1, len(base) // 2)] + body[len(base) // 2:]
        else:
            people = [names[min(int(rng.paretovariate(1.1)) - 1, len(names) - 1)] for _ in range(3)]
        made.append((at, body, people))
        words = " ".join(body[0].split()[:9])
        out.append(_article(i, at, words, body, people, rng))
    return out


def _article(i: int, at: float, headline: str, body: list[str], people: list[str], rng) -> Article:
    text = "\n\n".join(body)
    entities = [{"text": p, "canonical": p, "label": "PER", "start": 0, "end": 1} for p in people]
    published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(at))
    outlet = rng.choice(OUTLETS)
    article = Article(headline=headline, published=published, outlet=Outlet(outlet, outlet),
                      paragraphs=body, url=f"https://{outlet}/read/{i}", language="id", entities=entities)
    assert text  # bodies are never empty
    return article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--per-day", type=int, default=1_000)
    parser.add_argument("--chunk", type=int, default=500, help="articles grouped per run (an ingest batch)")
    parser.add_argument("--db", help="store file to build (default: a temporary one)")
    args = parser.parse_args(argv)
    rng = random.Random(11)
    made = articles(args.articles, args.per_day, rng)
    path = Path(args.db or (Path("/tmp") / f"bench-stories-{args.articles}.db"))
    path.unlink(missing_ok=True)
    store = Store(path)
    tenth = max(args.chunk, args.articles // 10)
    writing = grouping = grouping_cpu = 0.0
    rates, part_time, part_n = [], 0.0, 0
    for start in range(0, len(made), args.chunk):
        batch = [prepare(a) for a in made[start:start + args.chunk]]
        t = time.perf_counter()
        store.write(batch, stories=False)  # Store.write would group; here the two are timed apart
        writing += time.perf_counter() - t
        t, cpu = time.perf_counter(), time.process_time()
        n = group_stories(store)  # what Store.write does after each batch
        spent = time.perf_counter() - t
        grouping_cpu += time.process_time() - cpu
        grouping, part_time, part_n = grouping + spent, part_time + spent, part_n + n
        if part_n >= tenth:
            rates.append(part_n / part_time)
            part_time, part_n = 0.0, 0
    done = len(store)
    stories = store.conn.execute("SELECT count(*), max(articles) FROM stories").fetchone()
    multi = store.conn.execute("SELECT count(*) FROM stories WHERE articles > 1").fetchone()[0]
    print(f"{done:,} articles, {args.per_day:,} a day, batches of {args.chunk}")
    print(f"store write (prepare not counted): {done / writing:,.0f} articles/s")
    print(f"grouping: {done / grouping:,.0f} articles/s overall; per tenth of the corpus: "
          + ", ".join(f"{r:,.0f}" for r in rates) + f"; CPU {grouping_cpu * 1000 / done:.3f} ms an article")
    print(f"stories: {stories[0]:,} ({multi:,} with more than one article; the largest {stories[1]})")
    assignment = store.conn.execute("SELECT group_concat(article || ':' || story || ':' || coalesce(round(score, 9), ''), ',') FROM"
                                    " (SELECT article, story, score FROM story_articles ORDER BY article)").fetchone()[0]
    print(f"assignment digest: {hashlib.sha256((assignment or '').encode()).hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
