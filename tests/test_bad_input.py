"""Bad input: a clear WartaError for what cannot be read, warnings for the rest."""

import gzip

import pytest

import warta

ARTICLE = (
    "Senin, 20 Oktober 2025 14:05 WIB\n\nBanjir Rendam Dua Kecamatan di Kota Medan\n\n"
    "Medan - Banjir merendam dua kecamatan di Kota Medan setelah hujan deras mengguyur sejak "
    "Minggu malam. Warga mengungsi ke masjid dan sekolah terdekat.\n\n"
    "“Air naik cepat sekali,” kata Rini, warga Medan Maimun, kepada wartawan.\n"
)


@pytest.mark.parametrize("page", ["", "   \n\t ", b"", b"\n\n"])
def test_empty_input_is_an_input_error(page):
    with pytest.raises(warta.EmptyInputError):
        warta.read(page)


@pytest.mark.parametrize(
    "page",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        gzip.compress(ARTICLE.encode()),
        bytes(range(256)) * 40,
        b"%PDF-1.7\n" + b"\x00\x01\x02" * 100,
    ],
)
def test_binary_input_is_an_input_error(page):
    with pytest.raises(warta.BinaryInputError):
        warta.read(page)


def test_cp1252_page_is_decoded():
    page = ARTICLE.replace("“", "\u201c").encode("cp1252")
    article = warta.read(page)
    assert article.source.encoding == "cp1252"
    assert any("“Air naik cepat sekali,”" in p for p in article.paragraphs)
    assert article.headline == "Banjir Rendam Dua Kecamatan di Kota Medan"


def test_latin1_page_with_accents_is_decoded():
    text = ARTICLE.replace("Rini", "René")
    article = warta.read(text.encode("latin-1", errors="replace"))
    assert any("René" in p for p in article.paragraphs)


def test_mojibake_from_upstream_is_repaired_with_a_warning():
    # UTF-8 bytes that an upstream CMS or scraper decoded as cp1252, then saved as UTF-8.
    text = ARTICLE.replace("Rini", "Björn Müller")
    garbled = text.encode("utf-8").decode("cp1252", errors="replace")
    assert "BjÃ¶rn" in garbled
    article = warta.read(garbled)
    assert any("Björn Müller" in p for p in article.paragraphs)
    assert any(w.startswith("encoding:") for w in article.warnings)


def test_clean_text_with_accents_is_left_alone():
    article = warta.read(ARTICLE.replace("Rini", "José Ramos-Horta dari Timor-Leste, São Paulo"))
    assert any("José Ramos-Horta" in p and "São Paulo" in p for p in article.paragraphs)
    assert not any(w.startswith("encoding:") for w in article.warnings)


def test_utf8_bom_and_utf16_are_decoded():
    assert warta.read(b"\xef\xbb\xbf" + ARTICLE.encode()).headline.startswith("Banjir")
    assert warta.read(ARTICLE.encode("utf-16")).headline.startswith("Banjir")


def test_too_large_input_respects_the_configured_limit():
    small = warta.Settings(max_input_bytes=100)
    with pytest.raises(warta.InputTooLargeError, match="limit"):
        warta.read(ARTICLE, settings=small)
    assert warta.read(ARTICLE).headline  # the default limit lets it through


def test_path_that_does_not_exist_is_an_input_error(tmp_path):
    with pytest.raises(warta.InputError, match="cannot read"):
        warta.read(tmp_path / "missing.txt")


def test_wrong_type_is_an_input_error():
    with pytest.raises(warta.InputError):
        warta.read(12345)


def test_not_news_gives_a_record_with_warnings():
    article = warta.read("Beranda\nTentang Kami\nKontak\nMasuk\n")
    assert article.published is None
    assert any(w.startswith("published:") for w in article.warnings)
    assert any(w.startswith("paragraphs:") for w in article.warnings)


def test_nul_bytes_in_text_are_dropped():
    article = warta.read(ARTICLE.replace("Banjir Rendam", "Banjir\x00 Rendam"))
    assert "\x00" not in (article.headline or "")


def test_unbalanced_hostile_html_gives_a_record():
    page = "<html><body><p>" + "<div><script>alert(1)" * 500 + "Berita</p>"
    article = warta.read(page)
    assert all("alert(1)" not in p for p in article.paragraphs)


def test_absurdly_deep_html_gives_a_warning_not_a_crash():
    prose = "<p>Warga berkumpul di alun-alun untuk merayakan hari jadi kota pada Senin pagi.</p>"
    page = "<html><body><h1>Judul</h1>" + "<div>" * 20000 + prose + "</div>" * 20000 + "</body></html>"
    article = warta.read(page)
    assert any("nests deeper" in w for w in article.warnings)
