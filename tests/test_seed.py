"""The seed page (read from ../shared at test time) gives the record issue 2 specifies."""

import warta


def test_seed_record(seed_path):
    a = warta.read(seed_path)
    assert a.headline == "Kim Jong Un Berencana ke Rusia Pasca Pertemuan Gagal Dengan Trump"
    assert a.published == "2019-03-26T20:34:00+07:00"
    assert a.published_zone_assumed is True
    assert any("time zone" in w for w in a.warnings)
    assert a.authors == ["Suriawati"]
    assert (a.outlet.name, a.outlet.domain) == ("Rakyatku.com", "rakyatku.com")
    assert a.label == "editorial"
    assert a.captions == ["Kim Jong Un dan Donald Trump"]
    assert a.lede == "Pemimpin Korea Utara Kim Jong Un akan segera melakukan kunjungan resmi ke Rusia."
    assert len(a.paragraphs) == 11
    assert a.paragraphs[0] == a.lede
    assert a.paragraphs[-1].startswith("Laporan terbaru menunjukkan")
    assert sum(p == a.lede for p in a.paragraphs) == 1
    assert not any("RAKYATKU.COM" in p for p in a.paragraphs)
    assert a.dateline.outlet == "RAKYATKU.COM" and a.dateline.place is None
    assert a.language == "id"


def test_seed_same_from_bytes_str_and_path(seed_path):
    from_path = warta.read(seed_path).to_dict()
    assert warta.read(seed_path.read_bytes()).to_dict() == from_path
    assert warta.read(seed_path.read_text("utf-8")).to_dict()["paragraphs"] == from_path["paragraphs"]
