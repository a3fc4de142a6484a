"""Browser tests: the app served by uvicorn on a free loopback port in a
thread, driven by Python Playwright through Debian's chromium. The test
modules skip, with the reason, when chromium or playwright is absent
(`npx playwright install` cannot download here; `apt-get install -y chromium`,
`pip install playwright`): ``require_browser()`` at their top."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.e2e.browser_setup import CHROMIUM, CHROMIUM_ARGS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(sample):
    import uvicorn

    from warta.serve import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(sample[0]), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that fails the test on any request leaving loopback."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else page.outside.append(r.url))
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()
