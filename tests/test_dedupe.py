"""Duplicates: exact and lightly rewritten copies are linked to the first
stored original and never shown in search; different articles stay apart."""

from __future__ import annotations

from tests.test_store_articles import read
from warta.corpus import Store
from warta.corpus._minhash import signature, similarity


def reprint(article, url, paragraphs=None):
    copy = read("kim")
    copy.url, copy.paragraphs = url, paragraphs or list(article.paragraphs)
    return copy


def test_an_exact_copy_under_another_url_links_to_the_original(store_location):
    with Store(store_location) as store:
        original = store.add(read("kim"))
        copy = store.add(reprint(read("kim"), "https://www.antaranews.com/berita/kim-ke-rusia"))
        assert copy != original and store.duplicate_of(copy) == original
        assert store.duplicate_of(original) is None
        [hit] = store.search("Korea Utara")
        assert hit.id == original and hit.copies == 1


def test_a_light_rewrite_is_a_near_duplicate(store_location):
    article = read("kim")
    rewritten = [p.replace("kata seorang pejabat", "ujar pejabat").replace("berakhir gagal", "gagal")
                 for p in article.paragraphs]
    rewritten.append("Artikel ini telah tayang di media mitra kami.")
    assert 0.3 <= similarity(signature("\n\n".join(rewritten)), signature(article.body)) < 1
    with Store(store_location) as store:
        original = store.add(article)
        copy = store.add(reprint(article, "https://tempo.co/kim", rewritten))
        assert store.duplicate_of(copy) == original
        assert [h.id for h in store.search("pejabat")] == [original]


def test_a_copy_of_a_copy_links_to_the_first_original(store_location):
    with Store(store_location) as store:
        original = store.add(read("kim"))
        store.add(reprint(read("kim"), "https://a.example.com/1"))
        third = store.add(reprint(read("kim"), "https://b.example.com/2"))
        assert store.duplicate_of(third) == original


def test_different_articles_on_one_subject_stay_apart(store_location):
    with Store(store_location) as store:
        ids = [store.add(read(name)) for name in ("kim", "pasar", "museum", "iklan")]
        assert all(store.duplicate_of(i) is None for i in ids)


def test_articles_without_a_body_are_not_duplicates_of_each_other(store_location):
    with Store(store_location) as store:
        a, b = read("kim"), read("pasar")
        a.paragraphs, b.paragraphs = [], []
        assert store.duplicate_of(store.add(b)) is None and store.duplicate_of(store.add(a)) is None


def test_an_original_replaced_while_its_exact_copy_is_stored_stays_an_original(store_location):
    with Store(store_location) as store:
        original = store.add(read("kim"))
        copy = store.add(reprint(read("kim"), "https://www.antaranews.com/berita/kim-ke-rusia"))
        changed = read("kim")
        changed.headline = "Kim Jong Un Akan Berkunjung ke Rusia (diperbarui)"  # same id, same body
        assert store.add(changed) == original
        assert store.duplicate_of(original) is None  # not a copy of itself through its copy
        assert store.duplicate_of(copy) == original
        [hit] = store.search("diperbarui")
        assert hit.id == original and hit.copies == 1


def _links(store, ids):
    return [store.duplicate_of(i) for i in ids]


def test_one_batch_links_as_one_article_at_a_time(store_location, tmp_path):
    """Articles of one batch find the earlier ones of that batch (kept in
    memory until the batch ends), also one replaced within the batch."""
    from warta.corpus._prepare import prepare

    article = read("kim")
    rewritten = [p.replace("kata seorang pejabat", "ujar pejabat") for p in article.paragraphs]
    changed = read("kim")
    changed.headline = "Kim Jong Un ke Rusia"
    items = [read("kim"), reprint(article, "https://a.example.com/exact"), read("pasar"),
             reprint(article, "https://b.example.com/near", rewritten + ["Tayang di media mitra."]),
             changed, read("museum"), reprint(article, "https://c.example.com/exact")]
    prepared = [prepare(a) for a in items]
    ids = [p.id for p in prepared]
    with Store(store_location) as batch:
        batch.write(prepared)
        together = _links(batch, ids)
    with Store(tmp_path / "one.db") as single:
        for item in prepared:
            single.write([item])
        assert _links(single, ids) == together
    assert together == [None, ids[0], None, ids[0], None, None, ids[0]]
