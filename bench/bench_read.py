"""Speed of ``warta.read``: articles per second on one core, latency
percentiles and peak memory, for text dumps and for HTML pages, side by side
with trafilatura's ``bare_extraction`` on the same HTML pages in the same run.

    python bench/bench_read.py [--repeat 3]

One process, one thread: the figures are per core. The cases take turns in
blocks of 50 pages.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402
from evaluation.pages import DETIK, html_pages, html_pages_unknown_template, text_pages  # noqa: E402

import warta  # noqa: E402

DETIK_DATES = warta.Settings(date_order="mdy")  # the Detik dump writes M/D/YYYY


def measure(cases: list[tuple[str, Callable[[str], object], list[str]]], repeat: int, block: int = 50) -> list[dict]:
    """Time each case on each page. The cases take turns, a block of pages
    each, so that a busy machine slows all of them alike, while each case
    still runs long enough to keep its own data in the caches."""
    latencies: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for _, func, pages in cases:
        func(pages[0])  # warm up: imports, model loading
    longest = max(len(pages) for _, _, pages in cases)
    for _ in range(repeat):
        for start in range(0, longest, block):
            for name, func, pages in cases:
                for page in pages[start : start + block]:
                    began = time.perf_counter()
                    func(page)
                    latencies[name].append(time.perf_counter() - began)
    return [_summary(name, latencies[name]) for name, _, _ in cases]


def _summary(name: str, latencies: list[float]) -> dict:
    q = statistics.quantiles(latencies, n=100)
    return {"name": name, "n": len(latencies), "per_s": len(latencies) / sum(latencies),
            "p50": q[49] * 1e3, "p95": q[94] * 1e3, "p99": q[98] * 1e3}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    texts, pages = text_pages(args.limit), html_pages(args.limit)
    unknown = html_pages_unknown_template(args.limit)
    source = "Detik 2025 dev set (../shared)" if DETIK.exists() else "golden fixtures"
    print(f"inputs: {len(texts)} text dumps, {len(pages)} HTML pages from the {source}; "
          f"{args.repeat} passes; one core\n")
    # The reader alone: issue 2's figures. bench_understand.py measures the NLP stages.
    read = lambda p: warta.read(p, settings=DETIK_DATES, nlp=False)  # noqa: E731
    results = measure([
        ("warta.read, text dumps", read, texts),
        ("warta.read, HTML", read, pages),
        ("warta.read, HTML of an unknown template", read, unknown),
        ("trafilatura.bare_extraction, HTML", trafilatura.bare_extraction, pages),
        ("trafilatura.bare_extraction, HTML of an unknown template", trafilatura.bare_extraction, unknown),
        ("trafilatura.bare_extraction(with_metadata=True), HTML",
         lambda p: trafilatura.bare_extraction(p, with_metadata=True), pages),
    ], args.repeat)
    print(f"{'':58} {'articles/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for r in results:
        print(f"{r['name']:58} {r['per_s']:10.1f} {r['p50']:8.2f} {r['p95']:8.2f} {r['p99']:8.2f}")
    for i, peer in ((1, 3), (2, 4)):
        ratio = results[i]["per_s"] / results[peer]["per_s"]
        print(f"\n{results[i]['name']} vs {results[peer]['name']}: {ratio:.2f}x the speed "
              f"(time ratio {1 / ratio:.2f})", end="")
    print()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole process): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
