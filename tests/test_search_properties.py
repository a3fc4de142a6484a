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


@given(st.lists(st.booleans(), max_size=80), st.integers(0, 40))
def test_the_snippet_window_is_the_first_densest(hits, width):
    """The snippet opens at the first window of ``width`` words holding the
    most matches (a few words earlier, for context), checked by brute force."""
    from warta.corpus._snippet import _best_window

    if not width or True not in hits:
        assert _best_window(hits, width) == 0
        return
    starts = range(max(1, len(hits) - width + 1))
    density = [sum(hits[s:s + width]) for s in starts]
    best = density.index(max(density))
    assert _best_window(hits, width) == max(0, min(best, hits.index(True, best) - 5))


SNIPPET_TEXT = st.lists(st.sampled_from(["kunjungan", "mengunjungi", "Rusia", "harga-harga", "beras", "o'neil",
                                         "_x", "é", "12", " ", "  ", "\n\n", ", ", ".", "-", "’", "—", "[", "]"]),
                        max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(SNIPPET_TEXT, st.sets(st.sampled_from(["kunjung", "rusia", "harga", "beras", "12"])), st.integers(0, 40))
def test_the_snippet_is_the_window_cut_word_by_word(text, terms, width):
    """``snippet`` cuts its window from the text's split; the same window cut
    by locating each of its words must read the same."""
    from itertools import islice

    from warta.corpus._snippet import _best_window, snippet
    from warta.corpus._stem import WORD, stem

    terms = frozenset(terms)
    words = WORD.findall(text)
    if not words:
        assert snippet(text, terms, width=width) == ""
        return
    marked = {word for word in words if stem(word) in terms}
    start = _best_window([word in marked for word in words], terms and width)
    window = list(islice(WORD.finditer(text), start, start + width))
    out, pos = [], window[0].start() if window else 0
    for match in window:
        out += [text[pos:match.start()], f"[{match.group()}]" if match.group() in marked else match.group()]
        pos = match.end()
    expected = ("… " if start > 0 else "") + " ".join("".join(out).split()) + (" …" if start + width < len(words) else "")
    assert snippet(text, terms, width=width) == expected
