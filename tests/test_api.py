"""The public API is small and explicit; the pipeline checks its own order."""

import inspect

import pytest

import warta
from warta._pipeline import Pipeline, stage


def test_all_is_sorted_and_complete():
    assert warta.__all__ == sorted(warta.__all__)
    for name in warta.__all__:
        assert hasattr(warta, name), name
    # Besides __all__, only subpackages (warta.corpus, warta.batch, ...) are public.
    others = [n for n in dir(warta) if not n.startswith("_") and n not in warta.__all__]
    assert all(inspect.ismodule(getattr(warta, n)) for n in others), others


def test_errors_form_one_hierarchy():
    for error in (warta.EmptyInputError, warta.BinaryInputError, warta.InputTooLargeError):
        assert issubclass(error, warta.InputError)
    assert issubclass(warta.InputError, warta.WartaError)
    assert issubclass(warta.PipelineError, warta.WartaError)


def test_pipeline_rejects_a_stage_before_what_it_needs():
    @stage(needs=("language",), sets=("summary",))
    def summarise(article):
        pass

    with pytest.raises(warta.PipelineError, match="summarise.*language"):
        Pipeline([summarise], provided=("paragraphs",))
    assert "summarise" in warta.read_pipeline(extra=[summarise]).names


def test_extra_stage_runs_after_read():
    seen = []

    @stage(needs=("paragraphs", "language"), sets=())
    def spy(article):
        seen.append((len(article.paragraphs), article.language))

    page = "Judul Berita Singkat\n\n" + "Warga kota itu berkumpul di alun-alun untuk merayakan hari jadi kota pada Senin pagi. " * 3
    warta.read(page, pipeline=warta.read_pipeline(extra=[spy]))
    assert seen == [(1, "id")]


def test_run_many_uses_a_stages_many_form_and_isolates_a_failure():
    from warta._article import Article

    calls = []

    def shout_all(articles):
        calls.append(len(articles))
        if any(a.headline == "rusak" for a in articles):
            raise ValueError("one of them is broken")
        for a in articles:
            a.summary = a.headline.upper()

    @stage(needs=("headline",), sets=("summary",), many=shout_all)
    def shout(article):
        shout_all([article])

    pipeline = Pipeline([shout], provided=("headline",))
    fine = pipeline.run_many([Article(headline="satu"), Article(headline="dua")])
    assert calls == [2] and [a.summary for a in fine] == ["SATU", "DUA"]
    mixed = pipeline.run_many([Article(headline="tiga"), Article(headline="rusak"), Article(headline="empat")])
    assert [getattr(r, "summary", None) for r in mixed] == ["TIGA", None, "EMPAT"]
    assert isinstance(mixed[1], ValueError)


def test_read_runs_the_understanding_stages_unless_told_not_to():
    page = ("Selasa, 26 Maret 2019 20:34\n\nJudul Berita Singkat\n\n"
            "“Kami akan membangun jembatan baru tahun depan,” kata Bupati Andi Saputra, Senin. "
            "Anggarannya Rp 1,5 triliun untuk jalan sepanjang 11 mil.")
    full, plain = warta.read(page), warta.read(page, nlp=False)
    assert full.quotes and full.times and full.quantities and full.summary
    assert not (plain.quotes or plain.times or plain.quantities or plain.summary)
    assert full.paragraphs == plain.paragraphs


def test_explicit_outlet_and_url_win():
    page = "Judul Berita Singkat\n\n" + "Warga berkumpul di alun-alun untuk merayakan hari jadi kota pada Senin pagi. " * 3
    assert warta.read(page, outlet="Kompas.com").outlet == warta.Outlet("Kompas.com", "kompas.com")
    by_url = warta.read(page, url="https://news.detik.com/berita/d-1/judul").outlet
    assert by_url.domain == "detik.com"
