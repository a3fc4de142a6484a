"""Crawl throughput and memory: pages per second fetched, archived and read
from a fixture site on 127.0.0.1 with simulated latency, and the process's
resident memory over a long crawl (rounds of new articles in the feed).

    python bench/bench_crawl.py [--rounds 10] [--per-round 200] [--latency 0.02]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixture_site import Site  # noqa: E402

from warta.crawl import Archive, Crawler, CrawlState, Fetcher, Politeness  # noqa: E402

PAGE = (Path(__file__).resolve().parents[1] / "tests/golden/tribun_page.html").read_text("utf-8")


class _NoLog(list):
    def append(self, item) -> None:
        pass


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--per-round", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.02, help="seconds the site takes per response")
    parser.add_argument("--per-host", type=int, default=4)
    args = parser.parse_args()
    site = Site()
    site.route("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
    site.fallback = lambda path: (200, {"Content-Type": "text/html; charset=utf-8"},
                                  PAGE.replace("Uji Coba", f"Uji Coba {path}").encode(),
                                  args.latency) if path.startswith("/berita/") else None
    site.log = _NoLog()  # the site's own request log would grow with the crawl
    stored = []
    with tempfile.TemporaryDirectory() as tmp:
        fetcher = Fetcher(Politeness(delay=0.0, per_host=args.per_host, allow_private=True))
        crawler = Crawler(CrawlState(Path(tmp) / "state.sqlite"), fetcher, Archive(Path(tmp) / "warc"),
                          lambda a: stored.append(a.headline), workers=args.per_host, max_new=10**6)
        crawler.state.add_source(site.url + "/rss", "feed", site.url)
        print(f"{'round':>5} {'pages':>6} {'pages/s':>8} {'RSS MiB':>8}")
        total_pages, total_time = 0, 0.0
        for r in range(args.rounds):
            paths = [f"/berita/{r}-{i}" for i in range(args.per_round)]
            items = "".join(f"<item><link>{site.url}{p}</link></item>" for p in paths)
            site.route("/rss", f"<rss version='2.0'><channel>{items}</channel></rss>", ctype="application/rss+xml")
            start = time.perf_counter()
            report = crawler.run_once()
            seconds = time.perf_counter() - start
            total_pages += report.stored
            total_time += seconds
            print(f"{r:5} {report.stored:6} {report.stored / seconds:8.1f} {rss_mib():8.1f}")
            stored.clear()
        fetcher.close()
    site.close()
    print(f"\n{total_pages} pages in {total_time:.1f} s: {total_pages / total_time:.1f} pages/s "
          f"({args.per_host} in flight, {args.latency * 1000:.0f} ms per response)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
