"""Stories in the web app: the story page, the day's top stories, the JSON
API and its bounds, over the invented sample store (tests/test_serve_sample.py),
where the two hostile pages about hacked Bekasi sites make one story whose
title carries a <script>."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.test_serve_sample import HOSTILE_HEADLINE


@pytest.fixture(scope="module")
def hostile_story(client, ids) -> dict:
    found = [s for s in client.get("/api/stories").json()["stories"] if s["articles"] > 1]
    assert len(found) == 1
    return client.get(f"/api/stories/{found[0]['id']}").json()


def test_stories_api_lists_the_biggest_first(client, ids):
    stories = client.get("/api/stories").json()["stories"]
    assert [s["articles"] for s in stories] == sorted((s["articles"] for s in stories), reverse=True)
    assert len(stories) == 4  # five articles, two of them in one story
    assert client.get("/api/stories", params={"since": "2025-10-01", "until": "2025-09-30"}).json() == \
        {"stories": []}
    older = client.get("/api/stories", params={"until": "2025-09-30"}).json()["stories"]
    assert [s["title"] for s in older] == ["Badan Pangan Nasional Siapkan Bantuan Beras untuk Grobogan"]
    assert len(client.get("/api/stories", params={"limit": 2}).json()["stories"]) == 2


def test_story_api_gives_its_articles_oldest_first(hostile_story, ids):
    items = hostile_story["items"]
    assert {i["id"] for i in items} == {ids["hostile"], ids["hostile_html"]}
    assert [i["published"] for i in items] == sorted(i["published"] for i in items)
    assert hostile_story["first_outlet"] == items[0]["outlet"] == hostile_story["outlet_names"][0]
    assert all(i["url"] is None or i["url"].startswith("https://") for i in items)  # javascript: dropped


def test_story_page_shows_the_timeline_and_links_every_article(client, hostile_story, ids):
    page = client.get(f"/story/{hostile_story['id']}")
    assert page.status_code == 200
    html = page.text
    assert html.count('<circle class="dot"') == 2
    for key in ("hostile", "hostile_html"):
        assert f'href="/articles/{quote(ids[key], safe="")}"' in html
    assert "First: <strong" in html


def test_hostile_titles_stay_text(client, hostile_story):
    assert any(i["headline"] == HOSTILE_HEADLINE for i in hostile_story["items"])
    assert "<script>" in hostile_story["title"]  # the API gives the text as stored
    html = client.get(f"/story/{hostile_story['id']}").text
    assert "<script" not in html and "onerror=" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html
    assert "<script" not in client.get("/today", params={"day": "2025-10-21"}).text


def test_article_page_links_to_its_story(client, ids, hostile_story):
    html = client.get(f"/articles/{quote(ids['hostile'], safe='')}").text
    assert f'href="/story/{hostile_story["id"]}"' in html


def test_today_lists_the_top_stories(client, hostile_story):
    html = client.get("/today", params={"day": "2025-10-21"}).text
    assert "Top stories" in html and f'href="/story/{hostile_story["id"]}"' in html
    assert "2 articles, 2 outlets" in html
    quiet = client.get("/today", params={"day": "2025-09-15"}).text
    assert "No story told by more than one article this day." in quiet
    assert client.get("/api/today", params={"day": "2025-10-21"}).json()["stories"][0]["id"] == \
        hostile_story["id"]


def test_story_routes_are_bounded_and_documented(client):
    assert client.get("/story/s0000000000000000").status_code == 404
    assert client.get("/api/stories/s0000000000000000").json() == {"detail": "no story with this id"}
    assert client.get("/api/stories/" + "x" * 65).status_code == 422
    assert client.get("/api/stories", params={"limit": 101}).status_code == 422
    assert client.get("/api/stories", params={"since": "yesterday"}).status_code == 422
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/stories" in paths and "/api/stories/{story_id}" in paths
    assert "/story/{story_id}" not in paths
    assert "/api/stories" in client.get("/docs").text
