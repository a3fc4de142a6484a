"""``warta sources add`` and ``warta crawl`` into a store, on the fixture site."""

import subprocess
import sys

from tests.test_crawl import site  # noqa: F401 (the fixture this test uses)
from warta.corpus import Store


def test_cli_adds_a_source_and_crawls_into_the_store(site, tmp_path):  # noqa: F811
    db = str(tmp_path / "warta.db")
    run = lambda *a: subprocess.run([sys.executable, "-m", "warta.cli", *a], capture_output=True, text=True, timeout=120)  # noqa: E731
    added = run("sources", "add", site.url + "/", "--db", db, "--allow-private")
    assert added.returncode == 0, added.stderr
    assert "feed" in added.stdout and "sitemap" in added.stdout
    crawled = run("crawl", "--db", db, "--once", "--delay", "0.01", "--allow-private")
    assert crawled.returncode == 0, crawled.stderr
    assert "stored: 4" in crawled.stderr  # the 300 kB page is within the default 5 MB limit
    assert "failed, robots.txt disallows: 1" in crawled.stderr
    with Store(db) as store:
        assert len(store) == 4
    refused = run("sources", "add", site.url + "/", "--db", db)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "not a web port" in refused.stderr or "private" in refused.stderr
