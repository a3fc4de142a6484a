"""Speed of ``read`` with all its stages (entities, quotes, times,
quantities, summary), with the understanding stages but no entities, and with
the reading stages alone, on the Detik bodies, one core.

    python bench/bench_understand.py [--repeat 3] [--limit 500]

The cases are timed page by page, interleaved, so a busy machine slows them
alike; the time of each stage alone is measured on the read articles.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.pages import DETIK, text_pages  # noqa: E402

import warta  # noqa: E402
from warta.ner._stage import entities  # noqa: E402
from warta.understand import STAGES  # noqa: E402

SETTINGS = warta.Settings(date_order="mdy")  # the Detik dump writes M/D/YYYY
WITH_STAGES = warta.read_pipeline(extra=STAGES)


def timed(func, page) -> float:
    start = time.perf_counter()
    func(page)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    pages = text_pages(args.limit)
    source = "Detik 2025 dev set (../shared)" if DETIK.exists() else "golden fixtures"
    cases = {
        "read, nlp=False": lambda p: warta.read(p, settings=SETTINGS, nlp=False),
        "read + understanding stages": lambda p: warta.read(
            p, settings=SETTINGS, pipeline=WITH_STAGES
        ),
        "read, all stages (default)": lambda p: warta.read(p, settings=SETTINGS),
    }
    for func in cases.values():
        func(pages[0])  # warm up: imports, stop words, gazetteer
    latencies: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for page in pages:
            for name, func in cases.items():
                latencies[name].append(timed(func, page))
    print(f"inputs: {len(pages)} text pages from the {source}; {args.repeat} passes; one core\n")
    print(f"{'':30} {'articles/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, values in latencies.items():
        q = statistics.quantiles(values, n=100)
        print(
            f"{name:30} {len(values) / sum(values):10.1f} {q[49] * 1e3:8.2f} {q[94] * 1e3:8.2f} {q[98] * 1e3:8.2f}"
        )
    print("\nper stage, ms per article (mean):")
    articles = [warta.read(p, settings=SETTINGS, nlp=False) for p in pages]
    for stage in (entities, *STAGES):
        total = 0.0
        for article in articles:
            work = copy.copy(article)
            total += timed(stage, work)
            stage(article)  # later stages need what this one sets
        print(f"  {stage.name:12} {total / len(articles) * 1e3:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
