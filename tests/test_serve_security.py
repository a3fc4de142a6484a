"""Article text is hostile input; so are requests. These tests prove that
hostile headlines, bodies, captions, entity names and URLs render inert, that
requests and result pages are bounded, that query text never becomes SQL,
and that nothing writes through the web without the token."""

from __future__ import annotations

import html
import shutil
import warnings
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette asks for httpx2, which is not released widely yet
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from tests.test_serve_sample import (  # noqa: E402
    HOSTILE_CAPTION,
    HOSTILE_ENTITY,
    HOSTILE_HEADLINE,
    PAGES,
)
from warta.corpus import Store  # noqa: E402
from warta.serve import create_app  # noqa: E402

#: Elements no page of ours ever needs; hostile text must not create them.
FORBIDDEN_ELEMENTS = {"script", "img", "iframe", "object", "embed", "base", "meta", "form-action"}


class Elements(HTMLParser):
    """Every element and attribute the browser would build from a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_inert(page: str) -> None:
    parser = Elements()
    parser.feed(page)
    head_meta = 2  # our own <meta charset> and <meta viewport>
    for tag, attrs in parser.tags:
        if tag == "meta" and head_meta:
            head_meta -= 1
            continue
        assert tag not in FORBIDDEN_ELEMENTS, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), value
                assert (value or "").startswith(("/", "http://", "https://", "#", "?")), value


def test_hostile_article_page_renders_inert_and_shows_the_text(client, ids):
    page = client.get(f"/articles/{ids['hostile']}", params={"removed": 1}).text
    assert_inert(page)
    assert "&lt;script&gt;alert(&#34;headline&#34;)&lt;/script&gt; Banjir &lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in page
    assert "&lt;svg onload=alert(3)&gt;" in page  # the caption, as text
    assert html.escape(HOSTILE_ENTITY, quote=True).replace("&quot;", "&#34;") in page
    assert "alert('url')" not in page  # a javascript: URL never becomes a link
    assert "&lt;img src=x onerror=alert(&#34;speaker&#34;)&gt;:" in page  # the speaker, as text
    for text in (HOSTILE_HEADLINE, HOSTILE_CAPTION):
        assert text not in page


def test_hostile_html_page_renders_inert(client, ids):
    page = client.get(f"/articles/{ids['hostile_html']}", params={"removed": 1}).text
    assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("path", [
    "/search?q=Banjir", "/search?q=alert", "/today", "/api/search?q=Banjir",
    "/entities/Kota%20Bandung", "/docs",
])
def test_pages_listing_hostile_articles_render_inert(client, path):
    response = client.get(path)
    assert response.status_code == 200
    if response.headers["content-type"].startswith("text/html"):
        assert_inert(response.text)
    else:
        assert response.headers["content-type"] == "application/json"


def test_hostile_entity_page_and_links_render_inert(client):
    page = client.get("/entities/" + HOSTILE_ENTITY.replace("/", "%2F"))
    assert page.status_code == 200
    assert_inert(page.text)
    assert "<title>&#34;&gt;&lt;script&gt;alert(&#34;entity&#34;)&lt;/script&gt; · warta</title>" in page.text


def test_every_response_carries_a_strict_content_security_policy(client, ids):
    for path in ("/search?q=air", f"/articles/{ids['hostile']}", "/api/today", "/nowhere"):
        headers = client.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "script-src" not in headers["content-security-policy"]  # no script at all
        assert headers["x-content-type-options"] == "nosniff"


def test_query_text_never_becomes_sql(client, sample):
    for attack in ("'; DROP TABLE articles; --", 'air" OR 1=1 --', "x) OR (1=1", "*", "air NEAR bersih"):
        assert client.get("/api/search", params={"q": attack}).status_code in (200, 400)
    sneaky = client.get("/api/search", params={"q": "Bandung", "outlet": "x' OR '1'='1"}).json()
    assert sneaky["hits"] == [] and sneaky["total"] == 0
    with Store(sample[0]) as store:
        assert len(store) == len(sample[1])


@pytest.mark.parametrize("params", [
    {"q": "air", "size": 51}, {"q": "air", "size": 0}, {"q": "air", "page": 0},
    {"q": "a" * 501}, {"q": "air", "since": "yesterday"}, {"q": "air", "label": "<b>"},
    {"q": "air", "language": "indonesian"}, {"q": "air", "page": 10 ** 6},
])
def test_result_pages_and_parameters_are_bounded(client, params):
    assert client.get("/api/search", params=params).status_code == 422
    assert client.get("/search", params=params).status_code == 422


def test_deep_pages_are_refused(client):
    assert client.get("/api/search", params={"q": "air", "size": 50, "page": 12}).status_code == 400


def test_long_urls_and_large_bodies_are_refused(client):
    assert client.get("/search", params={"q": "a" * 5000}).status_code == 414
    big = client.post("/api/articles", content=b"x" * (3 * 1024 * 1024),
                      headers={"content-type": "application/json"})
    assert big.status_code == 413
    assert client.get("/entities/" + "x" * 300).status_code == 400


def test_a_chunked_body_is_cut_off_at_the_limit(sample, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(sample[0], path)
    chunks = (b"x" * 65536 for _ in range(48))  # 3 MiB, no Content-Length
    with TestClient(create_app(path, write_token="t")) as client:
        response = client.post("/api/articles", content=chunks, headers={
            "Authorization": "Bearer t", "content-type": "application/json"})
    assert response.status_code == 413


def test_nothing_writes_without_a_configured_token(client, sample):
    page = {"page": PAGES["pangan"][0], "url": "https://example.com/new"}
    assert client.post("/api/articles", json=page).status_code == 403
    assert client.post("/api/articles", json=page, headers={"Authorization": "Bearer guess"}).status_code == 403
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)("/api/articles/" + sample[1]["pangan"]).status_code == 405
    with Store(sample[0]) as store:
        assert len(store) == len(sample[1])


def test_writing_needs_the_right_token(sample, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(sample[0], path)
    page = {"page": PAGES["pangan"][0].replace("300 ton", "400 ton"), "url": "https://example.com/baru"}
    with TestClient(create_app(path, write_token="s3cret-token")) as client:
        assert client.post("/api/articles", json=page).status_code == 401
        wrong = client.post("/api/articles", json=page, headers={"Authorization": "Bearer s3cret"})
        assert wrong.status_code == 401
        added = client.post("/api/articles", json=page, headers={"Authorization": "Bearer s3cret-token"})
        assert added.status_code == 201
        assert client.get(f"/api/articles/{added.json()['id']}").status_code == 200
        empty = client.post("/api/articles", json={"page": "   "}, headers={"Authorization": "Bearer s3cret-token"})
        assert empty.status_code == 422
