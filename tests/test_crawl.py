"""Crawling a fixture site on 127.0.0.1: discovery, robots.txt, the per-host
rate, conditional GET, bad responses counted, AMP copies recognised, WARC kept."""

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import warta
from tests.fixture_site import Site
from warta.crawl import Archive, Crawler, CrawlState, Fetcher, Politeness, UnsafeURLError, check_url

GOLDEN = Path(__file__).parent / "golden"
PAGE = (GOLDEN / "tribun_page.html").read_text("utf-8")
DELAY = 0.1


def _rss(site: Site, paths: list[str]) -> str:
    items = "".join(f"<item><title>t</title><link>{site.url}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Contoh</title>{items}</channel></rss>'


def _news_sitemap(site: Site, paths: list[str]) -> str:
    urls = "".join(
        f"<url><loc>{site.url}{p}</loc><news:news><news:publication_date>2025-10-23T14:47:00+08:00"
        "</news:publication_date></news:news></url>" for p in paths
    )
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


@pytest.fixture
def site():
    s = Site()
    s.route("/robots.txt", f"User-agent: *\nDisallow: /private/\nSitemap: {s.url}/news-sitemap.xml\n", ctype="text/plain")
    s.route("/", '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Beranda</body></html>')
    s.route("/rss", _rss(s, ["/berita/1", "/berita/1/amp", "/berita/2?utm_source=rss", "/private/3",
                             "/berita/5", "/berita/7", "/berita/8", "/berita/9"]), ctype="application/rss+xml", ETag='"v1"')
    s.route("/news-sitemap.xml", _news_sitemap(s, ["/berita/1", "/berita/11"]), ctype="application/xml")
    for n in ("1", "2", "11"):
        s.route(f"/berita/{n}", PAGE.replace("Uji Coba Bus Listrik", f"Uji Coba Bus Listrik {n}"))
    s.route("/berita/5", "hilang", status=404)
    s.route("/berita/7", b"\x89PNG\r\n", ctype="image/png")
    s.route("/berita/8", "x" * 300_000)
    s.route("/berita/9", "", status=302, Location="/berita/9b")
    s.route("/berita/9b", "", status=302, Location="/berita/9")
    yield s
    s.close()


@pytest.fixture
def crawl(site, tmp_path):
    stored: list[warta.Article] = []
    fetcher = Fetcher(Politeness(delay=DELAY, per_host=1, timeout=2, max_bytes=200_000, retries=1,
                                 backoff=0.01, allow_private=True))
    crawler = Crawler(CrawlState(tmp_path / "state.sqlite"), fetcher, Archive(tmp_path / "warc"), stored.append, workers=3)
    yield crawler, stored, tmp_path
    fetcher.close()


def test_add_source_finds_the_sitemap_in_robots_and_the_feed_on_the_home_page(site, crawl):
    crawler, _, _ = crawl
    found = crawler.add_source(site.url + "/")
    assert (f"{site.url}/news-sitemap.xml", "sitemap") in found
    assert (f"{site.url}/rss", "feed") in found
    assert site.paths()[0] == "/robots.txt"


def test_run_once_stores_new_articles_and_counts_the_rest(site, crawl):
    crawler, stored, _ = crawl
    crawler.add_source(site.url + "/")
    report = crawler.run_once()
    headlines = sorted(a.headline for a in stored)
    assert headlines == [f"Pemkot Makassar Uji Coba Bus Listrik {n} Rute Pantai Losari-Bandara Sultan Hasanuddin"
                         for n in ("1", "11", "2")]
    assert report.stored == 3
    assert report.failed["HTTP 404"] == 1
    assert report.failed["not HTML (image/png)"] == 1
    assert any("over the limit" in r for r in report.failed)
    assert any("redirect loop" in r for r in report.failed)
    assert any("robots.txt disallows" in r for r in report.failed)
    assert "/private/3" not in site.paths()  # robots.txt obeyed
    assert "/berita/1/amp" not in site.paths()  # the AMP copy is the same article
    assert site.paths().count("/berita/1") == 1


def test_requests_to_one_host_keep_the_delay_and_name_warta(site, crawl):
    crawler, _, _ = crawl
    crawler.add_source(site.url + "/")
    crawler.run_once()
    times = [t for t, _, _ in site.log]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= DELAY * 0.5  # arrival times jitter; the spacing is set at the start
    assert all(headers["User-Agent"].startswith("warta/") for _, _, headers in site.log)


def test_second_run_fetches_nothing_new_and_uses_conditional_get(site, crawl):
    crawler, stored, _ = crawl
    crawler.add_source(site.url + "/")
    crawler.run_once()
    before = len(site.log)
    site.routes["/rss"] = (304, {}, b"", 0.0)
    report = crawler.run_once()
    later = site.log[before:]
    assert report.stored == 0 and len(stored) == 3
    assert {p for _, p, _ in later} <= {"/robots.txt", "/rss", "/news-sitemap.xml"}
    rss_request = next(h for _, p, h in later if p == "/rss")
    assert rss_request.get("If-None-Match") == '"v1"'


def test_every_response_is_kept_as_warc(site, crawl):
    crawler, _, tmp_path = crawl
    crawler.add_source(site.url + "/")
    crawler.run_once()
    crawler.archive.close()
    with next((tmp_path / "warc").glob("*.warc.gz")).open("rb") as f:
        urls = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(f) if r.rec_type == "response"]
    assert f"{site.url}/berita/1" in urls and f"{site.url}/berita/5" in urls


def test_slow_server_times_out_and_is_counted(site, tmp_path):
    site.route("/lambat", "x", delay=1.5)
    fetcher = Fetcher(Politeness(delay=0, timeout=0.3, retries=1, backoff=0.01, allow_private=True))
    with pytest.raises(warta.WartaError, match="Timeout"):
        fetcher.get(site.url + "/lambat")
    assert [p for _, p, _ in site.log].count("/lambat") == 2  # one retry


@pytest.mark.parametrize("url", [
    "ftp://example.com/x", "file:///etc/passwd", "http://127.0.0.1/", "http://localhost:8080/",
    "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://example.com:22/",
])
def test_unsafe_urls_are_refused(url):
    with pytest.raises(UnsafeURLError):
        check_url(url)


def test_a_crawl_refuses_private_hosts_unless_allowed(site):
    fetcher = Fetcher(Politeness(delay=0))
    with pytest.raises(UnsafeURLError):
        fetcher.get(site.url + "/")
    assert site.log == []



def test_a_server_error_is_retried_and_a_legacy_encoding_is_read(site, crawl):
    crawler, stored, _ = crawl
    flaky = iter([(503, {"Retry-After": "0"}, b"sibuk", 0.0)])
    site.fallback = lambda path: next(flaky, None) if path == "/berita/flaky" else None
    legacy = PAGE.replace("Uji Coba Bus Listrik", "Uji Coba Bus Listrik Café").replace('charset="UTF-8"', "")
    site.route("/berita/flaky", legacy.encode("cp1252"), ctype="text/html")
    site.routes["/rss"] = (200, {"Content-Type": "application/rss+xml"}, _rss(site, ["/berita/flaky"]).encode(), 0.0)
    crawler.state.add_source(f"{site.url}/rss", "feed", site.url)
    report = crawler.run_once()
    assert report.stored == 1, report.summary()
    assert site.paths().count("/berita/flaky") == 2  # the 503, then the page
    assert "Café" in stored[0].headline
