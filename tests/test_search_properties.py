"""Any query text gives results or a QueryError, never an SQLite error or a
crash; ids are stable under URL noise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_store_articles import PAGES, read
from warta.corpus import Store, normalise_url
from warta.corpus._errors import QueryError

STORE = Store(":memory:")
for _name in PAGES:
    STORE.add(read(_name))

PIECES = list('abkr "()-*:^+.,\'') + [" AND ", " OR ", " NOT ", "NEAR", "kunjungan", "rusia", " "]
QUERY_TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(QUERY_TEXT, st.text(max_size=30)))
def test_any_query_gives_hits_or_a_query_error(text):
    try:
        hits = STORE.search(text)
    except QueryError:
        return
    assert all(hit.id.startswith("u:") for hit in hits)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["utm_source=x", "fbclid=1", ""]), st.sampled_from(["", "/", "#top"]),
       st.sampled_from(["https://www.", "http://", "https://m."]))
def test_url_noise_does_not_change_the_id(query, tail, prefix):
    url = f"{prefix}kompas.com/read/2025/11/05/museum{tail}" + (f"?{query}" if query else "")
    assert normalise_url(url) == "https://kompas.com/read/2025/11/05/museum"
