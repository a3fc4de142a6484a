"""Property tests: ``read`` never raises anything but warta's own errors."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta

LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from([
            "Selasa, 26 Maret 2019 20:34", "Konten Redaksi Rakyatku.Com", "Penulis: A | Editor: B",
            "JAKARTA, KOMPAS.com - Presiden menyatakan hal itu di Istana.", "Baca juga: Judul lain",
            "(ant/yld)", "<p>", "</div>", "<script>alert(1)</script>", "ADVERTISEMENT", "Jakarta -",
            "“Kutipan tanpa penutup", "99/99/9999 99:99 WITA", "KUALA LUMPUR:", "Foto:", "Oleh",
        ]),
    ),
    max_size=30,
)


def _read_or_warta_error(page):
    try:
        article = warta.read(page)
    except warta.WartaError:
        return None
    record = article.to_dict()
    assert isinstance(record["paragraphs"], list)
    assert all(p.strip() == p and p for p in record["paragraphs"])
    return article


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_read_never_raises_on_text(page):
    _read_or_warta_error(page)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_read_never_raises_on_bytes(page):
    _read_or_warta_error(page)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_read_never_raises_on_page_like_lines(lines):
    _read_or_warta_error("\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(LINES)
def test_read_never_raises_on_html_like_pages(lines):
    _read_or_warta_error("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")


@settings(max_examples=100, deadline=None)
@given(LINES)
def test_record_round_trips_through_its_dict(lines):
    article = _read_or_warta_error("\n".join(lines))
    if article is not None:
        assert warta.Article.from_dict(article.to_dict()).to_dict() == article.to_dict()
