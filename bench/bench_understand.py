"""Speed of ``read`` with all its stages (entities, quotes, times,
quantities, summary), with the understanding stages but no entities, and with
the reading stages alone, on the Detik bodies, one core.

    python bench/bench_understand.py [--repeat 3] [--limit 500]

The cases are timed page by page, interleaved, so a busy machine slows them
alike; the time of each stage alone is measured on the read articles. CPU
time (``time.process_time``) is given beside the wall-clock figures: on a
machine shared with other jobs it is the fairer one.
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


def timed(func, page) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    func(page)
    return time.perf_counter() - start, time.process_time() - cpu


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
    cpu: dict[str, float] = dict.fromkeys(cases, 0.0)
    for _ in range(args.repeat):
        for page in pages:
            for name, func in cases.items():
                wall, used = timed(func, page)
                latencies[name].append(wall)
                cpu[name] += used
    print(f"inputs: {len(pages)} text pages from the {source}; {args.repeat} passes; one core\n")
    print(f"{'':30} {'articles/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'CPU ms':>8}")
    for name, values in latencies.items():
        q = statistics.quantiles(values, n=100)
        print(
            f"{name:30} {len(values) / sum(values):10.1f} {q[49] * 1e3:8.2f} {q[94] * 1e3:8.2f} "
            f"{q[98] * 1e3:8.2f} {cpu[name] / len(values) * 1e3:8.2f}"
        )
    print("\nper stage, ms per article (mean wall / CPU):")
    articles = [warta.read(p, settings=SETTINGS, nlp=False) for p in pages]
    for stage in (entities, *STAGES):
        wall = used = 0.0
        for article in articles:
            spent = timed(stage, copy.copy(article))
            wall, used = wall + spent[0], used + spent[1]
            stage(article)  # later stages need what this one sets
        print(
            f"  {stage.name:12} {wall / len(articles) * 1e3:6.2f} / {used / len(articles) * 1e3:6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
