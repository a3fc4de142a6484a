"""Property tests: ``read`` never raises anything but warta's own errors."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import warta
from warta._normalise import key

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


WORDS = st.sampled_from(
    "warga pemerintah kota desa jalan banjir harga beras menteri gubernur rapat "
    "anggaran sekolah rumah sakit pasar petani nelayan hujan jembatan program".split()
)
SENTENCE = st.lists(WORDS, min_size=8, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
NAME = st.sampled_from(["Suriawati", "Andi Saputra", "Rina Wulandari", "Made Sudarma"])


@settings(max_examples=150, deadline=None)
@given(
    headline=st.lists(WORDS, min_size=4, max_size=9).map(lambda ws: " ".join(w.capitalize() for w in ws)),
    lede=SENTENCE,
    body=st.lists(SENTENCE, min_size=1, max_size=8),
    author=NAME,
    caption=st.lists(WORDS, min_size=3, max_size=8).map(" ".join),
)
def test_seed_shaped_pages_keep_the_lede_once_and_lose_no_paragraph(headline, lede, body, author, caption):
    caption = caption.capitalize()
    # A body paragraph equal to the caption is dropped as a repeated caption, by design.
    assume(len({key(headline), key(lede), key(caption)}) == 3 and key(caption) not in map(key, body))
    page = "\n".join([
        "Selasa, 26 Maret 2019 20:34", "", headline, "", author, "Konten Redaksi Rakyatku.Com",
        caption, caption, "", lede, "", f"RAKYATKU.COM - {lede}", "", *[f"{s}\n" for s in body],
    ])
    article = warta.read(page)
    assert article.headline == headline
    assert article.lede == lede
    assert article.paragraphs == [lede, *body] or article.paragraphs == [lede, *_dedupe_adjacent(body, lede)]
    assert article.captions == [caption]
    assert article.authors == [author]
    assert article.published == "2019-03-26T20:34:00+07:00"


def _dedupe_adjacent(body, lede):
    # A body sentence equal to the one before it (or to the lede) is a repeat the reader drops.
    out, last = [], lede
    for s in body:
        if s != last:
            out.append(s)
        last = s
    return out
