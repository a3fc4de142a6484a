"""Stories: articles about one event grouped across outlets and days
(issue 5). Invented articles: three reports of one flood in Demak from three
outlets over two days, a copy of one of them, two unrelated articles, and the
same flood words a month later (another story)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta import Article
from warta._article import Outlet
from warta.corpus import Store
from warta.corpus._stories import DAY, Grouper, Params, features

FLOOD = ("Banjir Rendam Jalur Pantura Demak, Ribuan Kendaraan Terjebak",
         "Banjir setinggi lutut merendam jalur Pantura Demak-Kudus sejak Selasa pagi. Ribuan kendaraan "
         "terjebak antrean panjang dan polisi mengalihkan arus ke jalan desa.")
FLOOD_2 = ("Pantura Demak Masih Terendam Banjir, Polisi Alihkan Arus Kendaraan",
           "Jalur Pantura Demak masih terendam banjir pada Rabu. Polisi mengalihkan arus kendaraan "
           "dari arah Kudus karena antrean ribuan kendaraan belum terurai.")
FLOOD_3 = ("Banjir Pantura Demak Surut, Arus Kendaraan Kembali Normal",
           "Banjir yang merendam jalur Pantura Demak mulai surut Rabu sore. Ribuan kendaraan yang "
           "terjebak sejak Selasa kini bisa melintas dan arus kembali normal.")
FLOOD_LATER = ("Pantura Demak Kembali Terendam, Kendaraan Terjebak Antrean",
               "Hujan deras sejak Senin malam kembali menggenangi Pantura Demak. Antrean truk mengular "
               "belasan kilometer, kendaraan terjebak, dan petugas menyiapkan pompa air.")
MARKET = ("Harga Cabai di Pasar Beringharjo Naik Dua Kali Lipat",
          "Pedagang di Pasar Beringharjo Yogyakarta mengeluhkan harga cabai rawit yang naik dua kali "
          "lipat dalam sepekan karena pasokan dari petani berkurang.")
FOOTBALL = ("Timnas Putri Menang Tipis atas Vietnam di Laga Uji Coba",
            "Tim nasional putri Indonesia menang 1-0 atas Vietnam dalam laga uji coba di Stadion "
            "Madya, gol tunggal dicetak pada menit ke-70.")


def article(text: tuple[str, str], day: str, outlet: str, slug: str, *, extra: str = "") -> Article:
    headline, body = text
    return Article(headline=headline, published=f"{day}T09:00:00+07:00", outlet=Outlet(outlet, outlet),
                   paragraphs=[body, extra or f"Laporan {outlet} nomor {slug}."],
                   url=f"https://{outlet}/read/{slug}", language="id")


def corpus() -> list[Article]:
    return [
        article(FLOOD, "2025-10-21", "detik.com", "banjir-1"),
        article(MARKET, "2025-10-21", "kompas.com", "cabai"),
        article(FLOOD_2, "2025-10-22", "kompas.com", "banjir-2"),
        article(FOOTBALL, "2025-10-22", "tempo.co", "timnas"),
        article(FLOOD_3, "2025-10-22", "tribunnews.com", "banjir-3"),
        # a reprint of the first flood report under another URL: a duplicate
        article(FLOOD, "2025-10-21", "suaramerdeka.com", "banjir-copy",
                extra="Laporan detik.com nomor banjir-1."),
        # the same words a month later: another flood, another story
        article(FLOOD_LATER, "2025-11-25", "detik.com", "banjir-lagi", extra="Pantauan warga Sayung."),
    ]


def stored(articles: list[Article]) -> tuple[Store, list[str]]:
    store = Store(":memory:")
    return store, [store.add(a) for a in articles]


def test_reports_of_one_event_from_three_outlets_are_one_story():
    store, ids = stored(corpus())
    flood, market, flood_2, football, flood_3, copy, later = ids
    story = store.story_of(flood)
    assert store.story_of(flood_2) == story and store.story_of(flood_3) == story
    assert store.story_of(market) != story and store.story_of(football) != story
    assert store.story_of(market) != store.story_of(football)
    found = store.story(story)
    assert found.title == FLOOD[0] and found.first_outlet == "detik.com"
    assert found.outlet_names[0] == "detik.com"
    assert set(found.outlet_names) == {"detik.com", "kompas.com", "tribunnews.com", "suaramerdeka.com"}
    assert found.first_seen.startswith("2025-10-21") and found.last_seen.startswith("2025-10-22")
    assert [i.id for i in found.items][:2] == [flood, copy]


def test_a_duplicate_goes_with_its_original():
    store, ids = stored(corpus())
    assert store.duplicate_of(ids[5]) == ids[0]
    assert store.story_of(ids[5]) == store.story_of(ids[0])


def test_articles_far_apart_in_time_are_other_stories():
    store, ids = stored(corpus())
    assert store.duplicate_of(ids[6]) is None
    assert store.story_of(ids[6]) != store.story_of(ids[0])


def test_an_advertorial_never_joins_a_news_story():
    # Written to share the flood report's headline words: an advert riding the news.
    advert = article(("Banjir Pantura Demak? Kendaraan Terjebak Aman dengan Ban Baru",
                      "Banjir di jalur Pantura Demak membuat ribuan kendaraan terjebak. Ban baru kami "
                      "membuat kendaraan tetap aman, kata manajer pemasaran."), "2025-10-21",
                     "detik.com", "iklan-ban")
    advert.label = "sponsored"
    news = article(FLOOD_2, "2025-10-22", "kompas.com", "banjir-2")
    store, (flood, ad, flood_2) = stored([corpus()[0], advert, news])
    assert store.story_of(flood_2) == store.story_of(flood)
    assert store.story_of(ad) not in {store.story_of(flood), None}
    # the same page as news would have joined: the label is what keeps it out
    advert.label, advert.url = None, "https://detik.com/read/berita-ban"
    store, (flood, ad, _) = stored([corpus()[0], advert, news])
    assert store.story_of(ad) == store.story_of(flood)


def test_stories_are_listed_biggest_first_with_filters():
    store, ids = stored(corpus())
    top = store.stories(since="2025-10-20", until="2025-10-31")
    assert top[0].id == store.story_of(ids[0]) and top[0].articles == 4 and top[0].outlets == 4
    assert {s.id for s in top} == {store.story_of(i) for i in ids[:6]}
    assert [s.id for s in store.stories(since="2025-11-01")] == [store.story_of(ids[6])]
    assert {s.id for s in store.stories(outlet="tempo.co")} == {store.story_of(ids[3])}
    assert [s.articles for s in store.stories(min_articles=2)] == [4]
    assert len(store.stories(limit=2)) == 2


def test_bad_filters_are_query_errors():
    from warta.corpus import QueryError

    store, _ = stored(corpus()[:1])
    with pytest.raises(QueryError):
        store.stories(since="yesterday")
    with pytest.raises(QueryError):
        store.stories(limit=0)
    assert store.story("no such story") is None


def _memberships(store: Store) -> dict:
    return {a: s for a, s in store.conn.execute("SELECT article, story FROM story_articles")}


def test_grouping_in_two_runs_gives_the_stories_of_one_run(tmp_path):
    articles = corpus()
    once, _ = stored(articles)
    path = tmp_path / "two.db"
    with Store(path) as store:
        for a in articles[:3]:
            store.add(a)
    with Store(path) as store:  # a second run, another process in real life
        for a in articles[3:]:
            store.add(a)
        assert _memberships(store) == _memberships(once)
        assert [s.to_dict() for s in store.stories()] == [s.to_dict() for s in once.stories()]


def test_one_batch_and_one_article_at_a_time_agree():
    from warta.corpus._prepare import prepare

    articles = corpus()
    one_by_one, _ = stored(articles)
    batch = Store(":memory:")
    batch.write([prepare(a) for a in articles])
    assert _memberships(batch) == _memberships(one_by_one)


def test_grouping_again_changes_nothing():
    store, _ = stored(corpus())
    before = _memberships(store)
    assert store.group_stories() == 0
    assert _memberships(store) == before


# -- the algorithm alone, property style ------------------------------------

WORDS = ["banjir", "pantura", "demak", "cabai", "pasar", "timnas", "vietnam", "gempa", "cianjur",
         "pemilu", "kpu", "harga", "beras", "polisi", "kendaraan", "sekolah", "guru", "pajak"]


@st.composite
def items(draw):
    n = draw(st.integers(1, 25))
    out = []
    for i in range(n):
        headline = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))
        body = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=20)))
        at = draw(st.integers(0, 20)) * DAY / 2
        entities = draw(st.lists(st.sampled_from(["Prabowo", "KPU", "Demak"]), max_size=2))
        out.append(features(f"a{i}", at, headline, body, entities))
    return out


def group(items_, params: Params | None = None) -> list[str]:
    grouper = Grouper(params or Params())
    return [grouper.add(item)[0] for item in items_]


@settings(max_examples=60, deadline=None)
@given(items())
def test_grouping_is_deterministic(items_):
    assert group(items_) == group(list(items_))


@settings(max_examples=60, deadline=None)
@given(items())
def test_articles_of_one_story_are_never_further_apart_than_the_window_from_all_others(items_):
    """Each article joins a story through an article within the window."""
    params = Params()
    stories = group(items_, params)
    for i, item in enumerate(items_):
        mates = [other for j, other in enumerate(items_) if j != i and stories[j] == stories[i]]
        if mates:
            assert min(abs(other.at - item.at) for other in mates) <= params.window_days * DAY


@settings(max_examples=60, deadline=None)
@given(items(), st.integers(0, 10))
def test_a_copy_always_joins_its_original(items_, pick):
    original = items_[pick % len(items_)]
    copy = features("copy", original.at + DAY * 30, "lain sama sekali", "", (),
                    duplicate_of=original.id)
    stories = group([*items_, copy])
    assert stories[-1] == stories[items_.index(original)]


def test_far_apart_articles_never_group_whatever_their_words():
    same = ("banjir pantura demak", "banjir merendam pantura demak kudus")
    early = features("a", 0.0, *same)
    late = features("b", 4 * DAY, *same)
    near = features("c", 1 * DAY, *same)
    assert group([early, late]) == ["a", "b"]
    assert group([early, near]) == ["a", "a"]


def test_order_of_arrival_does_not_matter_for_clear_cut_stories():
    items_ = [features(f"f{i}", i * 3600.0, *FLOOD) for i in range(3)] + \
             [features(f"m{i}", i * 3600.0, *MARKET) for i in range(3)]
    shuffled = items_[:]
    random.Random(3).shuffle(shuffled)
    stories = dict(zip([i.id for i in shuffled], group(shuffled), strict=True))
    assert len({stories[f"f{i}"] for i in range(3)}) == 1
    assert len({stories[f"m{i}"] for i in range(3)}) == 1
    assert stories["f0"] != stories["m0"]


class _Cold(Store):
    """A store that forgets the warm grouper before each write, as if every
    batch came from a new process."""

    def write(self, batch):
        self._stories_warm = None
        return super().write(batch)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_warm_grouper_groups_as_one_loaded_from_the_store(seed):
    articles = corpus()
    random.Random(seed).shuffle(articles)  # out of time order too, as a backfill arrives
    warm, cold = Store(":memory:"), _Cold(":memory:")
    for a in articles:
        warm.add(a)
        cold.add(a)
    assert _memberships(warm) == _memberships(cold)
    assert warm.story_of(warm.add(articles[0])) is not None  # an unchanged article stays grouped


def test_stories_are_the_same_on_every_backend(store_location):
    """The same articles give the same stories on SQLite and PostgreSQL."""
    articles = corpus()
    reference, _ = stored(articles)
    with Store(store_location) as store:
        for a in articles[:4]:
            store.add(a)
        store.write([])  # an empty batch groups nothing new
        for a in articles[4:]:
            store.add(a)
        assert _memberships(store) == _memberships(reference)
        assert [s.to_dict() for s in store.stories()] == [s.to_dict() for s in reference.stories()]
        flood = store.story_of(store.add(articles[0]))
        assert store.story(flood) == reference.story(flood)
        assert [s.id for s in store.stories(outlet="TEMPO.CO", since="2025-10-22", until="2025-10-22")] == \
            [s.id for s in reference.stories(outlet="TEMPO.CO", since="2025-10-22", until="2025-10-22")]


TERMS = st.sampled_from([f"t{i}" for i in range(30)])
VECTORS = st.dictionaries(TERMS, st.sampled_from([1.0, 2.0, 3.0, 5.0]), min_size=1, max_size=12)


@given(st.dictionaries(TERMS, st.integers(0, 40), max_size=30), VECTORS, st.lists(VECTORS, max_size=6),
       st.integers(40, 60))
@settings(max_examples=200, deadline=None)
def test_cosines_in_arrays_equal_the_formula_term_by_term(df, article, others, documents):
    """``TermTable`` computes every candidate's TF-IDF cosine in numpy; it
    must agree with the formula written out per term."""
    from warta.corpus._story_terms import TermTable

    def idf(term):
        return math.log((documents + 1) / (df.get(term, 0) + 1)) + 1.0

    def cosine(a, b):
        wa = {t: c * idf(t) for t, c in a.items()}
        wb = {t: c * idf(t) for t, c in b.items()}
        dot = sum(w * wb[t] for t, w in wa.items() if t in wb)
        return dot / math.sqrt(sum(w * w for w in wa.values()) * sum(w * w for w in wb.values()))

    table = TermTable()
    table.load(df)
    ids = table.ids(list(article))
    weights = table.weights(ids, np.array(list(article.values())), documents)
    pairs = [(table.ids(list(o)), np.array(list(o.values()))) for o in others]
    got = table.cosines(ids, weights, pairs, documents)
    assert got == pytest.approx([cosine(article, o) for o in others], rel=1e-12, abs=1e-12)
    table.count(list(article), ids)  # counting changes the weights as the formula says
    df = {**df, **{t: df.get(t, 0) + 1 for t in article}}
    assert table.df == df
    again = table.cosines(ids, table.weights(ids, np.array(list(article.values())), documents), pairs, documents)
    assert again == pytest.approx([cosine(article, o) for o in others], rel=1e-12, abs=1e-12)
