"""Search pages, bounded counts and facets over the best hits, and
``Store.changed``: on SQLite and PostgreSQL (conftest ``module_store_location``)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from warta import Article, Outlet
from warta.corpus import Store, _search
from warta.corpus._errors import QueryError
from warta.corpus._prepare import prepare

OUTLETS = [Outlet("Detikcom", "detik.com"), Outlet("Kompas", "kompas.com"), Outlet("Tempo", "tempo.co")]
PEOPLE = ["Ani Lestari", "Budi Santoso", "Citra Dewi"]
SYLLABLES = ["ka", "lo", "mi", "su", "te", "ra", "no", "pi", "gu", "de", "wa", "bo"]


def invented(n: int = 40, seed: int = 5) -> list[Article]:
    """``n`` articles of invented words (so none is a near-copy of another),
    each with "pasar" a different number of times (so BM25 orders them),
    one to three people named, outlets and labels in turn."""
    rng = random.Random(seed)
    vocabulary = sorted({"".join(rng.sample(SYLLABLES, 3)) for _ in range(400)})
    made = []
    for i in range(n):
        words = rng.sample(vocabulary, 60) + ["pasar"] * (1 + i % 7)
        rng.shuffle(words)
        body = " ".join(words) + "."
        named = PEOPLE[:1 + i % 3]
        body += " " + ", ".join(named) + "."
        entities = [{"text": name, "label": "PER", "start": body.index(name), "end": body.index(name) + len(name),
                     "canonical": name} for name in named]
        made.append(Article(headline=f"Kabar {vocabulary[i]}", paragraphs=[body], language="id",
                            published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+07:00",
                            outlet=OUTLETS[i % 3], url=f"https://{OUTLETS[i % 3].domain}/{i}",
                            label=["Politik", "Ekonomi", None][i % 3], entities=entities))
    return made


@pytest.fixture(scope="module")
def store(module_store_location):
    """40 invented articles, written in batches."""
    with Store(module_store_location) as store:
        made = invented()
        for start in range(0, len(made), 25):
            store.write([prepare(a) for a in made[start:start + 25]])
        yield store


def ids(hits) -> list[str]:
    return [h.id for h in hits]


def test_pages_follow_each_other_without_gaps_or_overlaps(store):
    every = store.search("pasar", limit=500)
    assert len(every) > 30
    pages = [store.search("pasar", limit=5, offset=start) for start in range(0, len(every) + 5, 5)]
    assert [i for page in pages for i in ids(page)] == ids(every)
    assert pages[-1] == [] and store.search("pasar", offset=len(every)) == []
    scores = [h.score for h in every]
    assert scores == sorted(scores, reverse=True)


def test_paging_stops_at_the_ranking_bound(store, monkeypatch):
    every = store.search("pasar", limit=500)
    monkeypatch.setattr(_search, "CANDIDATES", 6)
    bounded = store.search("pasar", limit=500)
    assert len(bounded) == 6 and set(ids(bounded)) < set(ids(every))
    assert ids(store.search("pasar", limit=4)) + ids(store.search("pasar", limit=4, offset=4)) == ids(bounded)
    assert store.search("pasar", limit=10, offset=6) == []  # past the bound: nothing more, no error
    found = store.facets("pasar")
    assert found.total == len(every) and not found.more and found.counted == 6  # counted beyond the ranking


def test_a_negative_page_is_refused(store):
    with pytest.raises(QueryError):
        store.search("pasar", offset=-1)


def test_counts_are_exact_up_to_the_bound_then_say_more(store, monkeypatch):
    matches = len(store.search("pasar", limit=500))
    exact = store.facets("pasar")
    assert (exact.total, exact.more) == (matches, False)
    monkeypatch.setattr(_search, "COUNT_BOUND", matches - 3)
    capped = store.facets("pasar", limit=5)
    assert (capped.total, capped.more) == (matches - 3, True)
    monkeypatch.setattr(_search, "COUNT_BOUND", matches)
    assert store.facets("pasar", limit=5).more is False
    assert store.facets("pasar", outlet="kompas.com").total == len(store.search("pasar", outlet="kompas.com",
                                                                              limit=500))


def test_facets_count_the_best_hits(store):
    best = store.search("pasar", limit=7)
    found = store.facets("pasar", limit=7)
    assert found.counted == 7 and found.total > 7
    outlets = Counter(h.outlet for h in best)
    assert dict(found.counts["outlet"]) == dict(outlets)
    assert [n for _, n in found.counts["outlet"]] == sorted(outlets.values(), reverse=True)
    labels = Counter(store.get(h.id).label for h in best)
    assert dict(found.counts["label"]) == {k: v for k, v in labels.items() if k}
    named = Counter(e["canonical"] for h in best for e in store.get(h.id).entities)
    assert dict(found.counts["entity"]) == dict(named) and len(named) > 1
    assert store.facets("tidakada").counted == 0 and store.facets("tidakada").total == 0


def test_a_search_page_is_a_page_of_search_with_the_facets(store):
    page = store.search_page("pasar OR kabar", offset=3, size=4, since="2025-03-01")
    assert ids(page.hits) == ids(store.search("pasar OR kabar", limit=4, offset=3, since="2025-03-01"))
    assert page.facets == store.facets("pasar OR kabar", since="2025-03-01")
    assert all(h.snippet for h in page.hits)


def test_changed_sees_every_write(module_store_location, store):
    watch = Store(module_store_location, create=False)
    try:
        assert watch.changed() is True  # the first question
        assert watch.changed() is False
        store.add(invented(1, seed=11)[0])  # another connection writes
        assert watch.changed() is True and watch.changed() is False
        watch.add(invented(1, seed=12)[0])  # and its own writes
        assert watch.changed() is True and watch.changed() is False
        store.search("pasar")  # reading changes nothing
        assert watch.changed() is False
    finally:
        watch.close()
