"""A search page over its bounds: the count says "N+" past the store's
count bound, the facets say they count the best hits only, and paging goes
on past both (the invented sample corpus, conftest ``sample``)."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette asks for an httpx it does not need here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from warta.corpus import _browse, _search  # noqa: E402
from warta.serve import create_app  # noqa: E402


@pytest.fixture
def bounded(sample, monkeypatch):
    """The app with the count bound and the facets' hits at 1 ("Bandung" has 2 matches)."""
    monkeypatch.setattr(_search, "COUNT_BOUND", 1)
    monkeypatch.setattr(_browse, "FACET_HITS", 1)
    with TestClient(create_app(sample[0])) as client:  # its own cache
        yield client


def test_the_api_says_there_are_more(bounded, ids):
    found = bounded.get("/api/search", params={"q": "Bandung"}).json()
    assert (found["total"], found["more"], found["counted"]) == (1, True, 1)
    assert sum(n for _, n in found["facets"]["outlet"]) == 1
    second = bounded.get("/api/search", params={"q": "Bandung", "size": 1, "page": 2}).json()
    pages = {found["hits"][0]["id"], second["hits"][0]["id"]}
    assert pages == {ids["bandung"], ids["iklan"]}  # paging goes past both bounds


def test_the_page_says_so_and_links_the_next_page(bounded):
    page = bounded.get("/search", params={"q": "Bandung", "size": 1}).text
    assert "1+ results" in page and "Counts over the best 1 results." in page
    assert 'rel="next"' in page


def test_within_the_bounds_the_page_says_nothing_of_them(client):
    page = client.get("/search", params={"q": "Bandung"}).text
    assert "2 results" in page and "2+ results" not in page and "Counts over" not in page
    found = client.get("/api/search", params={"q": "Bandung"}).json()
    assert (found["total"], found["more"], found["counted"]) == (2, False, 2)
