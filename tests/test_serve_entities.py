"""Entity and speaker filters, entity and speaker facets and entity pages of
the web app, read from the store's entity and quote index, through FastAPI's
test client over the invented sample store (tests/test_serve_sample.py)."""

from __future__ import annotations

import html

import pytest

pytest.importorskip("fastapi")

from tests.test_serve_sample import HOSTILE_ENTITY  # noqa: E402
from tests.test_serve_security import assert_inert  # noqa: E402


def test_search_api_filters_by_entity_and_speaker(client, ids):
    every = client.get("/api/search", params={"q": "Bandung"}).json()
    assert {h["id"] for h in every["hits"]} == {ids["bandung"], ids["iklan"]}
    naming = client.get("/api/search", params={"q": "Bandung", "entity": "joko  WIDODO"}).json()
    assert [h["id"] for h in naming["hits"]] == [ids["bandung"]] and naming["total"] == 1
    quoting = client.get("/api/search", params={"q": "warga", "speaker": "Joko Widodo"}).json()
    assert {h["id"] for h in quoting["hits"]} == {ids["bandung"], ids["pangan"]}
    assert client.get("/api/search", params={"q": "Bandung", "speaker": "Nobody"}).json()["hits"] == []


def test_search_facets_count_entities_and_speakers(client, ids):
    facets = client.get("/api/search", params={"q": "Bandung"}).json()["facets"]
    assert dict(facets["entity"]) == {"Kota Bandung": 2, "Joko Widodo": 1, "Badan Pangan Nasional": 1,
                                      "Sekar Ayuningtyas": 1}
    assert facets["speaker"] == [["Joko Widodo", 1]]
    assert dict(facets["outlet"]) and dict(facets["label"])["sponsored"] == 1


def test_search_page_has_the_filters_and_facet_links(client):
    page = client.get("/search", params={"q": "Bandung", "entity": "Kota Bandung"}).text
    assert 'name="entity" value="Kota Bandung"' in page and 'name="speaker" value=""' in page
    assert 'href="/search?q=Bandung&amp;entity=Joko+Widodo&amp;page=1&amp;size=10"' in page
    assert 'href="/search?q=Bandung&amp;entity=Kota+Bandung&amp;speaker=Joko+Widodo' in page
    assert '<a class="profile" href="/entities/Joko%20Widodo"' in page


def test_hostile_names_in_filters_and_facets_render_inert(client):
    page = client.get("/search", params={"q": "Bekasi", "speaker": '"><script>alert(7)</script>'}).text
    assert_inert(page)
    assert 'value="&#34;&gt;&lt;script&gt;alert(7)&lt;/script&gt;"' in page
    page = client.get("/search", params={"q": "Bekasi"}).text
    assert_inert(page)
    assert html.escape(HOSTILE_ENTITY, quote=True).replace("&quot;", "&#34;") in page  # the facet, as text
    assert "&lt;img src=x onerror=alert(&#34;speaker&#34;)&gt;" in page


@pytest.mark.parametrize("name", ["entity", "speaker"])
def test_filter_names_are_bounded(client, name):
    assert client.get("/api/search", params={"q": "Bandung", name: "x" * 201}).status_code == 422


def test_entity_page_from_the_index(client, ids):
    person = client.get("/api/entities/JOKO widodo").json()
    assert person["name"] == "Joko Widodo" and person["label"] == "PER"
    assert [a["id"] for a in person["recent"]] == [ids["bandung"], ids["pangan"]]
    assert [q["text"] for q in person["quotes"]][0].startswith("Air bersih")
    page = client.get("/entities/Joko Widodo").text
    assert "What Joko Widodo said" in page and "<blockquote>Air bersih adalah hak" in page


def test_entity_pages_and_filters_are_the_same_on_postgres(client, ids, postgres_url):
    import warnings

    from tests.test_serve_sample import build_sample_store
    from warta.serve import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    assert build_sample_store(postgres_url) == ids
    with TestClient(create_app(postgres_url)) as pg:
        for name in ("Joko Widodo", "kota bandung", HOSTILE_ENTITY, "Badan Pangan Nasional"):
            mine = client.get("/api/entities/" + name.replace("/", "%2F")).json()
            assert mine["articles"] and pg.get("/api/entities/" + name.replace("/", "%2F")).json() == mine
        for params in ({"q": "Bandung", "entity": "Joko Widodo"}, {"q": "warga", "speaker": "joko widodo"},
                       {"q": "Bekasi"}):
            mine, theirs = client.get("/api/search", params=params).json(), pg.get("/api/search", params=params).json()
            assert mine["facets"] == theirs["facets"] and mine["total"] == theirs["total"]
            assert {h["id"] for h in mine["hits"]} == {h["id"] for h in theirs["hits"]}  # scores differ
        assert pg.get("/entities/Joko Widodo").status_code == 200
