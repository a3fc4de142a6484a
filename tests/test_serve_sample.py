"""An invented corpus for the web app's tests (tests/test_serve*.py and
tests/e2e): pages read by ``warta.read``, with entities, quotes, times and
quantities written by hand at their real offsets, so no model has to load.
Every name, quote and number here is invented."""

from __future__ import annotations

from pathlib import Path

import warta
from warta.corpus import Store

GOLDEN = Path(__file__).parent / "golden"

HOSTILE_HEADLINE = '<script>alert("headline")</script> Banjir <img src=x onerror=alert(1)> di Bekasi'
HOSTILE_CAPTION = 'Foto <a href="javascript:alert(2)">klik</a> <svg onload=alert(3)>'
HOSTILE_ENTITY = '"><script>alert("entity")</script>'

PAGES = {
    "bandung": ("""Jokowi Tinjau Proyek Air Bersih di Bandung

Kompas.com - 21/10/2025, 09:15 WIB

Penulis: Rina Kartikasari | Editor: Bagus Prasetyo

BANDUNG, KOMPAS.com - Presiden Joko Widodo meninjau proyek air bersih senilai Rp 1,5 triliun di Kota Bandung pada Senin (20/10/2025).

Proyek itu akan melayani 120.000 rumah tangga ketika selesai tahun depan, kata Badan Pangan Nasional.

"Air bersih adalah hak setiap warga, jadi proyek ini harus selesai tepat waktu," kata Jokowi di Bandung.

Wali Kota Bandung Sekar Ayuningtyas menyambut kunjungan itu dan berjanji mengawasi pekerjaan.
""", "https://regional.kompas.com/read/2025/10/21/091500/jokowi-tinjau-air-bersih"),
    "pangan": ("""Badan Pangan Nasional Siapkan Bantuan Beras untuk Grobogan

Kompas.com - 15/09/2025, 10:00 WIB

Penulis: Rina Kartikasari | Editor: Bagus Prasetyo

JAKARTA, KOMPAS.com - Badan Pangan Nasional menyiapkan bantuan beras sebanyak 300 ton untuk warga Grobogan yang terdampak kekeringan.

Presiden Joko Widodo meminta bantuan disalurkan sebelum akhir bulan.

"Jangan ada warga yang kelaparan karena kemarau," ujar Joko Widodo di Jakarta.
""", "https://nasional.kompas.com/read/2025/09/15/100000/bantuan-beras-grobogan"),
    "iklan": ("""Promo Air Mineral Segar untuk Keluarga Bandung

Advertorial

Detik.com - 21/10/2025, 12:00 WIB

Penulis: Tim Promosi

Air mineral Segar kini hadir di seluruh toko di Bandung dengan harga khusus untuk keluarga.

Konsumen di Bandung bisa mendapat potongan harga hingga akhir bulan.
""", "https://www.detik.com/jabar/berita/d-123/promo-air-mineral"),
    "hostile": (f"""{HOSTILE_HEADLINE}

Kompas.com - 21/10/2025, 15:00 WIB

Penulis: Yudha Prasetya

{HOSTILE_CAPTION} (KOMPAS.com/Dok)

BEKASI, KOMPAS.com - Banjir merendam Bekasi. Peretas menulis <script>alert("body")</script> dan <img src=x onerror=alert(4)> di laman kelurahan.

Tautan <a href="javascript:alert(5)">unduh</a> menyamar sebagai formulir, kata {HOSTILE_ENTITY}.
""", "javascript:alert('url')"),
}


def _annotate(article: warta.Article, key: str) -> warta.Article:
    body = article.body

    def at(text: str, **fields) -> dict:
        start = body.index(text)
        return {"text": text, "start": start, "end": start + len(text), **fields}

    if key == "bandung":
        article.entities = [
            at("Joko Widodo", label="PER", canonical="Joko Widodo", role="Presiden"),
            at("Kota Bandung", label="LOC", canonical="Kota Bandung", code="32.73", kind="city"),
            at("Badan Pangan Nasional", label="ORG", canonical="Badan Pangan Nasional"),
            at("Jokowi", label="PER", canonical="Joko Widodo"),
            at("Sekar Ayuningtyas", label="PER", canonical="Sekar Ayuningtyas", role="Wali Kota Bandung"),
        ]
        quote = "Air bersih adalah hak setiap warga, jadi proyek ini harus selesai tepat waktu"
        article.quotes = [at(quote, speaker="Joko Widodo", speaker_entity="Joko Widodo", kind="direct", cue="kata")]
        article.times = [at("Senin (20/10/2025)", value="2025-10-20"), at("tahun depan", value="2026")]
        article.quantities = [at("Rp 1,5 triliun", value=1.5e12, unit="IDR"),
                              at("120.000 rumah tangga", value=120000, unit="rumah tangga")]
    elif key == "pangan":
        article.entities = [
            at("Badan Pangan Nasional", label="ORG", canonical="Badan Pangan Nasional"),
            at("Grobogan", label="LOC", canonical="Kabupaten Grobogan", code="33.15"),
            at("Joko Widodo", label="PER", canonical="Joko Widodo", role="Presiden"),
        ]
        article.quotes = [at("Jangan ada warga yang kelaparan karena kemarau", speaker="Joko Widodo",
                             speaker_entity="Joko Widodo", kind="direct", cue="ujar")]
        article.quantities = [at("300 ton", value=300, unit="ton")]
    elif key == "iklan":
        article.entities = [at("Bandung", label="LOC", canonical="Kota Bandung", code="32.73")]
    elif key == "hostile":
        article.entities = [at("Bekasi", label='"><script>alert(6)</script>', canonical=HOSTILE_ENTITY),
                            at(HOSTILE_ENTITY, label="PER", canonical=HOSTILE_ENTITY)]
        article.quotes = [at("Tautan", speaker='<img src=x onerror=alert("speaker")>', kind="indirect")]
        article.times = [at("Banjir", value='<script>alert("time")</script>')]
        article.quantities = [{"text": "x", "start": "0", "end": 10 ** 9, "value": 1}]  # nonsense offsets
    return article


def build_sample_store(path: Path) -> dict[str, str]:
    """Write the invented corpus (and the golden hostile HTML page) to a store
    at ``path``; returns the id of each article by key."""
    ids = {}
    with Store(path) as store:
        for key, (page, url) in PAGES.items():
            ids[key] = store.add(_annotate(warta.read(page, url=url), key))
        hostile_html = (GOLDEN / "hostile_page.html").read_bytes()
        ids["hostile_html"] = store.add(warta.read(hostile_html, url="https://bekasi.example/retas"))
    return ids


def test_sample_store_holds_every_page(tmp_path):
    ids = build_sample_store(tmp_path / "sample.db")
    with Store(tmp_path / "sample.db") as store:
        assert len(store) == len(ids) == 5
        hostile = store.get(ids["hostile"])
        assert "<script>" in hostile.headline  # the store keeps the text as written
        assert store.get(ids["bandung"]).quotes[0]["speaker"] == "Joko Widodo"
