"""Invented articles shared by the corpus tests (test_store, test_ingest,
test_search, test_dedupe, test_corpus_cli), and a check that they read as
intended."""

from __future__ import annotations

import warta

#: (url, page as a text dump). Outlets, days, labels and words chosen so that
#: each filter and each form of "kunjung" has exactly one answer.
PAGES = {
    "kim": ("https://rakyatku.com/read/1001/kim-berkunjung-ke-rusia",
            "Selasa, 26 Maret 2019 10:15\n\nKim Jong Un Berencana Berkunjung ke Rusia\n\nKonten Redaksi Rakyatku.Com\n\n"
            "Pemimpin Korea Utara Kim Jong Un berencana berkunjung ke Rusia pada bulan depan, "
            "kata seorang pejabat di Moskow pada Selasa. Pertemuan dengan Presiden Vladimir Putin "
            "disebut akan membahas kerja sama ekonomi kedua negara.\n\n"
            "Rencana itu muncul setelah pertemuan Kim dengan Donald Trump di Hanoi berakhir gagal "
            "tanpa kesepakatan apa pun."),
    "pasar": ("https://news.detik.com/berita/d-2002/presiden-mengunjungi-pasar",
              "Senin, 20 Oktober 2025 08:30 WIB\n\nPresiden Mengunjungi Pasar Beringharjo\n\n"
              "Presiden mengunjungi Pasar Beringharjo di Yogyakarta pada Senin pagi untuk melihat "
              "langsung harga beras dan cabai yang naik sepekan terakhir.\n\n"
              "Para pedagang menyambut rombongan dengan hangat. Seorang penjual sayur mengaku "
              "senang karena pembeli ramai setelah rombongan datang."),
    "museum": ("https://regional.kompas.com/read/2025/11/05/museum-baru",
               "Rabu, 5 November 2025 14:00 WIB\n\nKunjungan Wisatawan ke Museum Baru Meningkat\n\n"
               "Jumlah kunjungan wisatawan ke museum sejarah kota Semarang meningkat tajam bulan ini. "
               "Pengelola mencatat lebih dari dua ribu pengunjung setiap akhir pekan.\n\n"
               "Kepala dinas pariwisata berharap museum menjadi tujuan utama pelajar dari luar kota."),
    "iklan": ("https://www.tribunnews.com/bisnis/2025/12/01/promo-rumah",
              "Senin, 1 Desember 2025 09:00 WIB\n\nAdvertorial\n\nPromo Rumah Subsidi Akhir Tahun\n\n"
              "Pengembang perumahan di Bekasi menawarkan cicilan ringan untuk rumah subsidi hingga "
              "akhir tahun. Calon pembeli cukup membayar uang muka satu persen.\n\n"
              "Pameran rumah digelar di pusat perbelanjaan setiap akhir pekan sampai Desember."),
}


def read(name: str) -> warta.Article:
    url, page = PAGES[name]
    return warta.read(page, url=url)


def test_the_invented_articles_read_as_intended():
    assert read("kim").published.startswith("2019-03-26")
    assert read("kim").label == "editorial" and read("kim").outlet.domain == "rakyatku.com"
    assert read("pasar").outlet.domain == "detik.com"
    assert read("museum").outlet.domain == "kompas.com"
    assert read("iklan").label == "sponsored"
    assert all(read(name).language == "id" for name in PAGES)
