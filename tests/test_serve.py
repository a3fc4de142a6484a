"""The web app through FastAPI's TestClient, on the invented sample corpus."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from warta.corpus import StoreError  # noqa: E402
from warta.serve import create_app  # noqa: E402


def test_search_api_ranks_and_counts(client, ids):
    found = client.get("/api/search", params={"q": "air bersih"}).json()
    assert [h["id"] for h in found["hits"]] == [ids["bandung"]]
    assert found["total"] == 1
    assert "[air] [bersih]" in found["hits"][0]["snippet"]
    assert dict(found["facets"]["outlet"]) == {"Kompas.com": 1}


def test_search_api_filters(client, ids):
    every = client.get("/api/search", params={"q": "Bandung"}).json()
    assert {h["id"] for h in every["hits"]} == {ids["bandung"], ids["iklan"]}
    assert dict(every["facets"]["label"]) == {"sponsored": 1}
    sponsored = client.get("/api/search", params={"q": "Bandung", "label": "sponsored"}).json()
    assert [h["id"] for h in sponsored["hits"]] == [ids["iklan"]]
    before = client.get("/api/search", params={"q": "Joko", "until": "2025-09-30"}).json()
    assert [h["id"] for h in before["hits"]] == [ids["pangan"]]
    kompas = client.get("/api/search", params={"q": "Bandung", "outlet": "kompas.com"}).json()
    assert [h["id"] for h in kompas["hits"]] == [ids["bandung"]]


def test_search_pages_through_results(client):
    first = client.get("/api/search", params={"q": "Bandung", "size": 1}).json()
    second = client.get("/api/search", params={"q": "Bandung", "size": 1, "page": 2}).json()
    third = client.get("/api/search", params={"q": "Bandung", "size": 1, "page": 3}).json()
    assert len(first["hits"]) == len(second["hits"]) == 1 and third["hits"] == []
    assert first["hits"][0]["id"] != second["hits"][0]["id"]


def test_search_page_highlights_and_links(client, ids):
    page = client.get("/search", params={"q": "air bersih"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<mark>air</mark> <mark>bersih</mark>" in page.text
    assert f'href="/articles/{ids["bandung"].replace(":", "%3A")}"' in page.text
    assert 'href="/search?q=air+bersih&amp;outlet=Kompas.com' in page.text  # a facet link


def test_search_page_without_query_shows_the_form(client):
    page = client.get("/search")
    assert page.status_code == 200 and 'name="q"' in page.text and "result" not in page.text


def test_bad_query_is_a_400_with_the_reason(client):
    assert client.get("/api/search", params={"q": '"unclosed'}).status_code == 400
    page = client.get("/search", params={"q": "Bandung AND"})
    assert page.status_code == 400 and "needs a term" in page.text


def test_article_page_marks_entities_quotes_times_quantities(client, ids):
    page = client.get(f"/articles/{ids['bandung']}").text
    assert '<a class="ent ent-PER" href="/entities/Joko%20Widodo" title="PER: Joko Widodo">Jokowi</a>' in page
    assert 'class="ent ent-LOC" href="/entities/Kota%20Bandung"' in page
    assert '<span class="speaker">Joko Widodo:</span> <q class="quote quote-direct">Air bersih' in page
    assert '<time class="time" title="2025-10-20">Senin (20/10/2025)<sub>2025-10-20</sub></time>' in page
    assert "120.000 rumah tangga<sub>120,000 rumah tangga</sub>" in page
    assert 'href="https://regional.kompas.com/read/2025/10/21/091500/jokowi-tinjau-air-bersih"' in page


def test_removed_text_shows_on_request(client, ids):
    article = client.get(f"/api/articles/{ids['hostile_html']}").json()["record"]
    cut = article["removed"][0]["text"]
    assert cut not in client.get(f"/articles/{ids['hostile_html']}").text
    assert "show the" in client.get(f"/articles/{ids['hostile_html']}").text
    shown = client.get(f"/articles/{ids['hostile_html']}", params={"removed": 1}).text
    assert article["removed"][0]["reason"] in shown


def test_article_api_returns_the_record(client, ids):
    found = client.get(f"/api/articles/{ids['pangan']}").json()
    assert found["duplicate_of"] is None
    assert found["record"]["headline"] == "Badan Pangan Nasional Siapkan Bantuan Beras untuk Grobogan"
    assert client.get("/api/articles/u:nothing").status_code == 404
    assert client.get("/articles/u:nothing").status_code == 404


def test_entity_api_profiles_a_person(client, ids):
    person = client.get("/api/entities/joko widodo").json()
    assert person["name"] == "Joko Widodo" and person["labels"] == ["PER"]
    assert set(person["aliases"]) == {"Joko Widodo", "Jokowi"} and person["roles"] == ["Presiden"]
    assert (person["articles"], person["mentions"]) == (2, 3)
    assert person["by_month"] == [["2025-09", 1], ["2025-10", 1]]
    assert "Rp 1,5 triliun<sub>1,500,000,000,000 IDR</sub>" in client.get(f"/articles/{ids['bandung']}").text
    assert dict(person["neighbours"])["Badan Pangan Nasional"] == 2
    assert [q["id"] for q in person["quotes"]] == [ids["bandung"], ids["pangan"]]  # newest first


def test_entity_page_shows_codes_chart_and_neighbours(client):
    page = client.get("/entities/Kota Bandung")
    assert page.status_code == 200
    assert "<code>32.73</code>" in page.text
    assert '<svg role="img" aria-label="Articles naming Kota Bandung, per month"' in page.text
    assert 'href="/entities/Joko%20Widodo"' in page.text
    assert client.get("/entities/Nobody At All").status_code == 404


def test_today_brief_defaults_to_the_newest_day(client, ids):
    brief = client.get("/api/today").json()
    assert brief["day"] == "2025-10-21"
    assert {a["id"] for a in brief["headlines"]} >= {ids["bandung"], ids["iklan"]}
    assert brief["entities"][0]["name"] == "Kota Bandung"
    assert brief["speakers"][0][0] == "Joko Widodo"
    older = client.get("/api/today", params={"day": "2025-09-15"}).json()
    assert [a["id"] for a in older["headlines"]] == [ids["pangan"]]
    page = client.get("/today").text
    assert "Most-named entities" in page and "Most-quoted people" in page


def test_openapi_and_docs_page_need_nothing_from_outside(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/articles/{article_id}", "/api/entities/{name}", "/api/today"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/api/search" in docs and "cdn" not in docs.lower() and "<script" not in docs


def test_static_stylesheet_is_served_locally(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "mark" in css.text


def test_missing_store_is_refused_at_start(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()
