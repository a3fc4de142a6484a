"""Search: Indonesian morphology, BM25, phrases, operators, filters, snippets."""

from __future__ import annotations

import pytest

from tests.test_store_articles import PAGES, read
from warta.corpus import Store
from warta.corpus._errors import QueryError
from warta.corpus._stem import stem


@pytest.fixture(scope="module")
def store(module_store_location):
    """The invented articles, once per backend: SQLite and PostgreSQL give the same hits."""
    with Store(module_store_location) as store:
        for name in PAGES:
            store.add(read(name))
        yield store


def headlines(hits) -> set[str]:
    return {h.headline.split()[0] for h in hits}


def test_the_forms_of_kunjung_share_one_stem():
    assert {stem(w) for w in ("kunjungan", "berkunjung", "mengunjungi", "Kunjungan")} == {"kunjung"}
    assert stem("monyet-monyet") == "monyet" and stem("pertemuannya") == "temu"


@pytest.mark.parametrize("word", ["kunjungan", "berkunjung", "mengunjungi"])
def test_each_form_finds_the_articles_with_the_others(store, word):
    assert headlines(store.search(word)) == {"Kim", "Presiden", "Kunjungan"}


def test_all_words_must_match_and_bm25_ranks_the_best_first(store):
    hits = store.search("kunjungan museum")
    assert headlines(hits) == {"Kunjungan"}
    ranked = store.search("pasar OR rusia")
    assert headlines(ranked) == {"Presiden", "Kim"} and ranked[0].score >= ranked[1].score > 0


def test_phrases_and_operators(store):
    assert headlines(store.search('"harga beras"')) == {"Presiden"}
    assert store.search('"beras harga"') == []
    assert headlines(store.search("kunjungan NOT Rusia")) == {"Presiden", "Kunjungan"}
    assert headlines(store.search("kunjungan -Rusia -museum")) == {"Presiden"}
    assert headlines(store.search("(Trump OR cabai) AND kunjungan")) == {"Kim", "Presiden"}


def test_filters(store):
    assert headlines(store.search("kunjungan", since="2025-10-21")) == {"Kunjungan"}
    assert headlines(store.search("kunjungan", until="2025-10-20")) == {"Kim", "Presiden"}
    assert headlines(store.search("kunjungan", outlet="rakyatku.com")) == {"Kim"}
    assert headlines(store.search("kunjungan", outlet="KOMPAS.com")) == {"Kunjungan"}
    assert headlines(store.search("rumah", label="sponsored")) == {"Promo"}
    assert store.search("rumah", label="editorial") == []
    assert len(store.search("kunjungan", language="id")) == 3


def test_snippets_mark_every_form_that_matched(store):
    [hit] = store.search("kunjungan", outlet="detik.com")
    assert "[mengunjungi]" in hit.snippet
    [hit] = store.search("pengunjung wisatawan")
    assert "[kunjungan] [wisatawan]" in hit.snippet and "[pengunjung]" in hit.snippet


def test_a_snippet_is_cut_from_the_paragraphs_as_stored(store_location):
    """The paragraphs are read out of the stored record (by the database on
    SQLite): escapes, quotes, a NUL and characters past the BMP come back as
    they were stored."""
    from warta.corpus._snippet import snippet

    article = read("kim")
    article.paragraphs = ['Kunjungan "resmi" \\ di\x00 Hanoi \u2028 ke \U0001F600 museum.',
                          *article.paragraphs]
    with Store(store_location) as store:
        stored = store.get(store.add(article))
        [hit] = store.search("kunjungan museum hanoi")
    terms = frozenset(map(stem, ["kunjungan", "museum", "hanoi"]))
    assert hit.snippet == snippet("\n".join(stored.paragraphs), terms)
    assert "[Kunjungan]" in hit.snippet and "\U0001F600" in hit.snippet


@pytest.mark.parametrize("query", ['"tanpa tutup', "NOT rusia", "rusia OR", "(rusia", "...", ""])
def test_bad_queries_say_what_is_wrong(store, query):
    with pytest.raises(QueryError):
        store.search(query)


def test_bad_dates_are_refused(store):
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        store.search("rusia", since="1 Maret 2019")
    for day in ("2019-13-01", "2019-02-30", "2019-00-10"):  # the shape of a day, but none
        with pytest.raises(QueryError, match="no such day"):
            store.search("rusia", until=day)
    assert store.search("rusia", since="2019-02-28", until="2024-02-29") is not None


def test_query_text_is_never_fts_syntax(store):
    assert store.search("rusia* NEAR(kim) title:kim") == []  # searched as words, no error
