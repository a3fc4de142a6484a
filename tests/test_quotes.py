"""The quotes stage: direct and indirect speech, speakers, bad quote marks.

Sentences here are written for the tests; the seed and the Detik gate read
../shared at test time and skip without it."""

import pytest

import warta
from tests.conftest import DETIK
from warta import Article
from warta.understand import STAGES, quotes

PIPELINE = warta.read_pipeline(extra=STAGES)


def quotes_of(*paragraphs, entities=()):
    article = Article(
        paragraphs=list(paragraphs), published="2025-10-20T10:00:00+07:00", entities=list(entities)
    )
    quotes(article)
    return article


def test_seed_quote(seed_path):
    article = warta.read(seed_path, pipeline=PIPELINE)
    direct = [q for q in article.quotes if q["kind"] == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q["text"].startswith("Sampai saat ini") and q["text"].endswith("dalam waktu dekat")
    assert (q["speaker"], q["cue"]) == ("Oleg Melnichenko", "kata")
    assert article.body[q["start"] : q["end"]] == q["text"]


def test_cue_after_quote_with_title_kept_apart():
    q = quotes_of(
        '"Harga cabai turun minggu ini," kata Gubernur Riau Abdul Wahid di Pekanbaru.'
    ).quotes[0]
    assert (q["speaker"], q["role"], q["cue"], q["kind"]) == (
        "Abdul Wahid",
        "Gubernur Riau",
        "kata",
        "direct",
    )
    assert q["text"] == "Harga cabai turun minggu ini"


def test_mismatched_marks_and_nya_pronoun_resolve_to_last_person():
    a = quotes_of(
        "Menteri Keuangan Purbaya Yudhi Sadewa hadir di DPR.",
        '“Kita masih jauh dari inflasi," ujarnya.',
    )
    assert a.quotes[0]["speaker"] == "Purbaya Yudhi Sadewa"
    assert a.quotes[0]["speaker_found_by"] == "pronoun"


def test_short_name_canonicalised_to_full_name():
    a = quotes_of(
        "Presiden Prabowo Subianto membuka sidang kabinet.",
        '"Kita harus bekerja keras untuk rakyat," kata Prabowo.',
    )
    assert a.quotes[0]["speaker"] == "Prabowo Subianto"


def test_indirect_speech_forms():
    a = quotes_of(
        "Menurut Destry, sinergi kebijakan membawa dampak positif bagi ekonomi.",
        "Bimo Wijayanto mengatakan, penerimaan pajak tumbuh sepuluh persen tahun ini.",
        "Ia menambahkan bahwa target akan tercapai.",
    )
    assert [(q["kind"], q["speaker"]) for q in a.quotes] == [
        ("indirect", "Destry"),
        ("indirect", "Bimo Wijayanto"),
        ("indirect", "Bimo Wijayanto"),
    ]
    assert a.quotes[1]["text"] == "penerimaan pajak tumbuh sepuluh persen tahun ini"


def test_role_phrase_goes_back_to_the_person_named():
    a = quotes_of(
        "Senator Oleg Melnichenko kembali dari Pyongyang.",
        '"Kunjungan itu berjalan baik sekali," kata pejabat Rusia itu.',
    )
    assert a.quotes[0]["speaker"] == "Oleg Melnichenko"
    assert a.quotes[0]["speaker_found_by"] == "role phrase"


def test_quote_over_two_paragraphs_and_continuation():
    a = quotes_of(
        '"Bagian pertama dari pernyataan ini panjang sekali.',
        '"Dan bagian kedua menutupnya," kata Budi Santoso.',
        '"Kalimat lain tanpa penanda pembicara sama sekali."',
    )
    assert len(a.quotes) == 2
    first, second = a.quotes
    assert (
        first["text"]
        == "Bagian pertama dari pernyataan ini panjang sekali. Dan bagian kedua menutupnya"
    )
    assert first["speaker"] == "Budi Santoso"
    assert (second["speaker"], second["speaker_found_by"]) == ("Budi Santoso", "continuation")


def test_quote_that_never_closes_warns_and_keeps_the_paragraph():
    a = quotes_of(
        "“Ini kutipan yang tidak pernah ditutup oleh penulisnya sama sekali.", "Paragraf biasa."
    )
    assert a.quotes[0]["text"].startswith("Ini kutipan") and a.quotes[0]["speaker"] is None
    assert any("never close" in w for w in a.warnings)
    assert any("without a speaker" in w for w in a.warnings)


def test_closing_mark_without_opening_mark():
    a = quotes_of('Ekonomi kita tetap tumbuh kuat tahun ini," kata Sri Mulyani.')
    assert a.quotes[0]["speaker"] == "Sri Mulyani"
    assert any("without an opening" in w for w in a.warnings)


def test_scare_quotes_are_not_quotes():
    a = quotes_of('Program "Mobil Topling" diluncurkan di Pekanbaru pada pagi hari.')
    assert a.quotes == []


def test_page_of_nothing_but_quotes():
    a = quotes_of(*['"' * n + "kutipan" for n in range(1, 40)], '"', '""', "“”")
    assert isinstance(a.quotes, list)


def test_speaker_entity_from_ner_entities():
    text = '"Kami siap membantu kapan saja," kata Rosan.'
    entities = [
        {"text": "Rosan", "label": "PER", "start": 38, "end": 43, "canonical": "Rosan Roeslani"}
    ]
    a = quotes_of(text, entities=entities)
    assert a.quotes[0]["speaker_entity"] == "Rosan Roeslani"


# Categories fixed after the error analysis of the annotated Detik bodies
# (docs/understand.md, "Error analysis"); the sentences are written for the tests.
@pytest.mark.parametrize("quote, speaker", [
    ('"Kami siap membantu warga," kata Prof. Dr. Lestari Wulandari, M.Si.', "Lestari Wulandari"),
    ('"Kami siap membantu warga," ujar Dr. Ir. H. Bambang Irawan.', "Bambang Irawan"),
    ('"Stok pupuk cukup," kata Mentan Rudi Hartono.', "Rudi Hartono"),
    ('"Jadwal tidak berubah," kata Sekretaris Kabinet Wahyu Pratama.', "Wahyu Pratama"),
    ('"Kota kami siap," ujar Wali Kota Solo Agus Setiawan.', "Agus Setiawan"),
    ('"Kasus ini terus kami dalami," kata Kapolda Jatim Irjen Tono Sukarno.', "Tono Sukarno"),
])  # fmt: skip
def test_titles_and_places_kept_out_of_names(quote, speaker):
    assert quotes_of(quote).quotes[0]["speaker"] == speaker


def test_menurut_with_a_description_before_the_name():
    a = quotes_of("Menurut pengamat pasar modal dari Bandung, Rina Kusuma, harga saham akan naik.")
    q = a.quotes[0]
    assert (q["kind"], q["speaker"], q["text"]) == (
        "indirect",
        "Rina Kusuma",
        "harga saham akan naik",
    )


def test_agent_of_a_passive_verb_of_saying_is_a_pronoun_antecedent():
    a = quotes_of(
        "Hal itu disampaikan oleh Direktur Utama PT KAI Darmawan Putra di Bandung.",
        '"Semua jadwal perjalanan tetap normal pekan ini," katanya.',
    )
    assert a.quotes[0]["speaker"] == "Darmawan Putra"


def test_a_name_after_another_preposition_is_still_not_an_antecedent():
    a = quotes_of(
        "Bupati Sumedang Dony Ahmad menerima penghargaan dari Presiden Joko Santoso.",
        '"Ini untuk seluruh warga kami," ujarnya.',
    )
    assert a.quotes[0]["speaker"] == "Dony Ahmad"


def test_a_statement_credited_in_the_next_sentence():
    a = quotes_of(
        "Dinas Kesehatan Jawa Tengah menyatakan, kasus demam berdarah menurun bulan ini. "
        "Hal ini disampaikan oleh Kepala Dinas Kesehatan Jawa Tengah Yuni Astuti."
    )
    q = a.quotes[0]
    assert (q["speaker"], q["speaker_found_by"]) == ("Yuni Astuti", "attribution")


def test_time_phrase_between_subject_and_verb():
    a = quotes_of("Mantan Ketua KPU Hadi Nugroho pada 2019 lalu mengatakan sistem itu aman.")
    assert a.quotes[0]["speaker"] == "Hadi Nugroho"


def test_role_phrase_with_ini():
    a = quotes_of(
        "Rektor Universitas Indonesia Dewi Lestari hadir dalam diskusi itu.",
        "Guru besar hukum tata negara ini menegaskan, putusan itu final.",
    )
    assert a.quotes[0]["speaker"] == "Dewi Lestari"


def test_courtesies_are_not_reported_speech():
    a = quotes_of("Bupati Klaten Sri Wahyuni menyampaikan apresiasi kepada para relawan banjir.")
    assert a.quotes == []


def test_a_rank_before_the_name_after_a_comma():
    q = quotes_of(
        '"Pelaku sudah kami tahan," kata Kasat Reskrim Polres Cirebon, AKP Budi Hartono, Selasa.'
    ).quotes[0]
    assert (q["speaker"], q["role"]) == ("Budi Hartono", "Kasat Reskrim Polres Cirebon AKP")


def test_a_weekday_after_the_comma_is_not_a_name():
    a = quotes_of('"Anggaran harus naik," kata Anggota DPR, Selasa (21/10/2025).')
    assert a.quotes[0]["speaker"] == "Anggota DPR"


def test_a_capitalised_role_pointed_at_with_ini():
    a = quotes_of(
        "Ketua Komisi X DPR Hetifah Sjaifudian hadir dalam rapat.",
        '"Anggaran pendidikan harus naik," tutup Anggota DPR dari Kalimantan Timur ini.',
    )
    assert (a.quotes[0]["speaker"], a.quotes[0]["speaker_found_by"]) == (
        "Hetifah Sjaifudian",
        "role phrase",
    )


def test_tanya_is_a_cue_and_long_role_phrases_resolve():
    a = quotes_of(
        "Menteri Sosial Saifullah Yusuf meninjau dapur umum.",
        '"Sudah berapa porsi hari ini?" tanya Saifullah.',
        '"Bantuan disalurkan pekan depan," ujar politikus yang akrab disapa Gus Ipul itu.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Saifullah Yusuf", "Saifullah Yusuf"]


# Categories fixed after scoring the fresh batch (docs/understand.md).
def test_a_cue_glued_to_the_name():
    a = quotes_of('"Ada dua pelaku," kataKapolres Bogor AKBP Rio Anggoro kepada wartawan.')
    assert a.quotes[0]["speaker"] == "Rio Anggoro"


def test_kata_x_opening_a_sentence_and_kata_dia_between_commas():
    a = quotes_of(
        "Wali Kota Bogor Dedie Rachim meninjau jalan baru.",
        "Kata Dedie, pembangunan jalan itu selesai bulan depan.",
        "Apalagi, kata dia, jalan itu sangat penting bagi warga.",
    )
    assert [(q["kind"], q["speaker"], q["cue"]) for q in a.quotes] == [
        ("indirect", "Dedie Rachim", "kata"),
        ("indirect", "Dedie Rachim", "kata"),
    ]
    assert a.quotes[1]["text"] == "jalan itu sangat penting bagi warga"


def test_institution_words_and_a_place_between_commas_stay_out_of_names():
    a = quotes_of(
        '"Keluarga baru tahu dari media," kata peneliti pada Organisasi HAM Eropa (OHE), Sari Dewi.',
        '"Laporan sudah kami kirim," kata Ketua LBH Cabang Ciawi, Bogor, Rudi Hartawan.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Sari Dewi", "Rudi Hartawan"]


def test_a_party_name_is_not_the_person_a_role_phrase_points_to():
    a = quotes_of(
        "Ketua Komisi XI DPR Misbakhun hadir dalam rapat.",
        "Politikus Partai Golkar ini menyebut ekonomi nasional tumbuh stabil.",
    )
    assert a.quotes[0]["speaker"] == "Misbakhun"


def test_a_misspelt_name_takes_the_titled_spelling():
    a = quotes_of(
        "Ketua KPU Affifuddin membuka rapat pleno.",
        '"Keputusan itu kami cabut hari ini," kata Afifuddin.',
    )
    assert a.quotes[0]["speaker"] == "Affifuddin"


def test_a_lone_word_that_institutions_use_is_a_name_after_a_cue():
    a = quotes_of('"Banyak hal harus dievaluasi," ucap Agung, mahasiswa semester lima.')
    assert a.quotes[0]["speaker"] == "Agung"


def test_a_passive_cue_between_commas():
    a = quotes_of(
        "Ketua KPU Jabar Dimas Prasetyo membuka rapat.",
        "Pembatalan aturan itu, disebutkan Dimas, dilakukan karena banyak masukan warga.",
    )
    q = a.quotes[0]
    assert (q["speaker"], q["cue"]) == ("Dimas Prasetyo", "disebutkan")


def test_a_verb_far_into_a_sentence_after_a_name_and_a_comma():
    a = quotes_of(
        "Dalam upacara yang digelar pemerintah kabupaten bersama pengelola pelabuhan di kawasan"
        " pantai utara kota itu pagi ini, Bupati Tuban Aditya Halindra mengungkapkan bahwa"
        " anggaran dikelola dengan baik."
    )
    assert a.quotes[0]["speaker"] == "Aditya Halindra"


def test_the_agent_of_a_passive_verb_with_an_adverb():
    a = quotes_of(
        "Hal itu disampaikan langsung oleh Ketua KPU Affifuddin.",
        '"Kami cabut keputusan itu," kata Afifuddin.',
    )
    assert a.quotes[0]["speaker"] == "Affifuddin"


# Categories fixed after scoring the second fresh batch (docs/understand.md).
def test_social_media_handles_speak():
    a = quotes_of('"Timnya jago sekali musim ini," kata @pengguna_bola.')
    assert a.quotes[0]["speaker"] == "@pengguna_bola"


def test_words_glued_by_a_lost_space_are_split():
    a = quotes_of(
        "Guru Besar KimiaUGM University, Prof. Dr. SitiRahayu, menjelaskan air itu tercemar."
    )
    assert a.quotes[0]["speaker"] == "Siti Rahayu"


def test_menurut_between_commas_before_the_verb_names_the_speaker():
    a = quotes_of("Komnas HAM, menurut Anis, menyatakan bahwa hak pangan bagian dari hak asasi.")
    assert a.quotes[0]["speaker"] == "Anis"


def test_demikian_pernyataan_after_a_quote():
    a = quotes_of('"Semua bukti harus dikumpulkan," demikian pernyataan Kantor Kejaksaan Agung.')
    assert a.quotes[0]["speaker"] == "Kantor Kejaksaan Agung"


def test_menurut_a_role_with_ini_goes_back_to_the_person():
    a = quotes_of(
        "Wakil Ketua MPR Eddy Prasetyo hadir dalam diskusi itu.",
        "Menurut Wakil Ketua Umum partai ini, hak rakyat atas udara bersih harus dipenuhi.",
    )
    assert a.quotes[0]["speaker"] == "Eddy Prasetyo"


def test_harapnya_is_a_cue():
    a = quotes_of(
        "Kapolda Bali Irjen Daniel Adityajaya hadir.", '"Anak-anak harus tetap kuat," harapnya.'
    )
    assert a.quotes[0]["speaker"] == "Daniel Adityajaya"


@pytest.mark.skipif(not DETIK.exists(), reason="../shared/data/news/detik-2025-dev.csv is absent")
def test_gate_on_annotated_detik_bodies():
    """Floors a little under the figures measured when the gate was set (docs/understand.md)."""
    from evaluation.quotes_times import evaluate

    f = evaluate()  # all eight parts (198 articles): 0.981 / 0.978 / 0.965 after fresh5
    assert f["quotes"][2] >= 0.97
    assert f["speaker accuracy"] >= 0.96
    assert f["time values"] >= 0.96
    if f["dateparser time values"] is not None:  # dateparser is for the evaluation only
        assert f["time values"] > f["dateparser time values"]


@pytest.mark.skipif(not DETIK.exists(), reason="../shared/data/news/detik-2025-dev.csv is absent")
def test_annotated_bodies_are_read_as_they_were_annotated():
    """Gold offsets only mean something on the body they were taken on: a
    change to ``read`` that changes an annotated body's length (mojibake
    repair shortened four, and their offsets had to be mapped) fails here."""
    from evaluation.quotes_times import check_bodies, load, read_articles

    gold = load()
    check_bodies(gold, read_articles(set(gold)))  # raises SystemExit naming the rows


# Categories fixed after the first look at the fresh3 batch (docs/understand.md);
# the sentences are written for the tests.
def test_a_nickname_in_brackets_stands_for_the_name():
    a = quotes_of(
        "Menteri Pertanian Darmawan Sukirno, (Pak Darma) meninjau sawah di Karawang.",
        '"Panen tahun ini lebih baik," tutup Pak Darma.',
    )
    assert a.quotes[0]["speaker"] == "Darmawan Sukirno"


def test_a_role_alone_goes_to_the_person_named_with_it():
    a = quotes_of(
        "Sidang dibuka oleh Jaksa Penuntut Umum (JPU) Kejari Bandung Maya Sari.",
        '"Terdakwa menerima uang dari dua saksi," kata JPU.',
        '"Kasus ini kami tangani sejak awal," kata Kapolres.',
    )
    assert a.quotes[0]["speaker"] == "Maya Sari"
    assert a.quotes[1]["speaker"] == "Kapolres"  # nobody is named with that title


def test_an_institution_acronym_is_not_taken_for_the_person_heading_it():
    a = quotes_of(
        "Kepala Badan Pusat Statistik (BPS) Rina Lestari membuka rapat.",
        '"Inflasi bulan ini rendah," kata BPS.',
    )
    assert a.quotes[0]["speaker"].endswith("Badan Pusat Statistik")


def test_words_of_documents_and_institutions_are_not_names():
    a = quotes_of(
        "Wakil Menteri Agus Salim tiba di Bogor. Peraturan Menteri Kesehatan Nomor 12 Tahun "
        "2024 mengatur hal itu. Ketua Umum Dewan Pemberdayaan Masyarakat hadir.",
        '"Aturan ini kami jalankan penuh," pungkasnya.',
    )
    assert a.quotes[0]["speaker"] == "Agus Salim"


def test_an_institution_that_speaks_is_not_the_antecedent_of_nya():
    a = quotes_of(
        "Kementerian Perhubungan (Kemenhub) memastikan jadwal kereta tetap normal. "
        "Direktur Jenderal Hadi Purnomo hadir di Jakarta.",
        "Kemenhub menyatakan tiket masih tersedia untuk semua kelas.",
        '"Kami siapkan tambahan gerbong," ujarnya.',
    )
    assert a.quotes[-1]["speaker"] == "Hadi Purnomo"


def test_menurut_with_a_description_and_no_name():
    a = quotes_of(
        "Menurut penelitian Universitas Gadjah Mada, polusi udara memicu asma.",
        "Menurut para ahli, musim hujan datang lebih awal.",
        "Menurut rencana, jembatan itu selesai tahun depan.",
    )
    assert [(q["kind"], q["speaker"]) for q in a.quotes] == [
        ("indirect", "Universitas Gadjah Mada"),
        ("indirect", "para ahli"),
    ]


def test_a_study_or_report_as_the_subject():
    a = quotes_of(
        "Penelitian dari Institut Teknologi Bandung menyebutkan, air sungai itu tercemar logam.",
        "Sejumlah studi internasional menjelaskan bahwa gula memicu diabetes.",
    )
    assert [q["speaker"] for q in a.quotes] == ["Institut Teknologi Bandung", "studi internasional"]


def test_cues_between_commas_after_an_adverb_and_passive_at_the_start():
    a = quotes_of(
        "Wali Kota Bogor Dedi Rahman meninjau pasar. Pertama, katanya, pedagang akan ditata ulang.",
        "Dalam waktu dekat, kata Dedi, pasar baru segera dibuka.",
        "Disampaikan Dedi bahwa anggaran sudah disiapkan pemerintah kota.",
    )
    assert [(q["text"], q["speaker"]) for q in a.quotes] == [
        ("pedagang akan ditata ulang", "Dedi Rahman"),
        ("pasar baru segera dibuka", "Dedi Rahman"),
        ("anggaran sudah disiapkan pemerintah kota", "Dedi Rahman"),
    ]


def test_the_verb_of_saying_with_the_subject_is_found_after_another_one():
    a = quotes_of(
        "Meski tidak menyebutkan angkanya, Bupati Garut Ahmad Fauzi mengatakan harga beras turun."
    )
    q = a.quotes[0]
    assert (q["text"], q["speaker"]) == ("harga beras turun", "Ahmad Fauzi")


def test_a_setting_between_the_name_and_the_verb():
    a = quotes_of(
        "Menteri Sosial Rudi Hartono dalam rapat kerja dengan Komisi VIII memaparkan bahwa "
        "bantuan sudah cair."
    )
    assert a.quotes[0]["speaker"] == "Rudi Hartono"


def test_announcing_and_holding_an_opinion_are_reported_speech():
    a = quotes_of(
        "Badan Meteorologi Nasional (BMN) mengumumkan musim kemarau dimulai bulan depan.",
        "Lembaga Konsumen Jakarta berpendapat harga tiket itu terlalu mahal.",
    )
    assert [q["speaker"] for q in a.quotes] == [
        "Badan Meteorologi Nasional",
        "Lembaga Konsumen Jakarta",
    ]


def test_a_short_quoted_title_inside_a_sentence_is_not_a_quote():
    a = quotes_of(
        'Sekolah itu menggelar lomba "Juara Muda Kota Bersih" pada bulan lalu.',
        'Pemerintah telah "mengirim tim untuk memeriksa semua laporan warga tentang banjir di '
        'wilayah utara kota".',
    )
    assert [q["text"][:15] for q in a.quotes] == ["mengirim tim un"]


def test_a_name_after_a_noun_or_an_active_verb_is_not_an_antecedent():
    a = quotes_of(
        "Ketua RT Slamet Riyadi meminta warga tenang. Ia mendukung langkah Wali Kota Budi "
        "Hartono yang menutup jalan itu.",
        '"Kami sudah berkoordinasi sejak pagi," katanya.',
        "Tim gabungan yang dipimpin Kasat Reskrim AKP Rudi Gunawan tiba sore hari.",
        '"Lokasi sudah kami amankan," ujarnya.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Slamet Riyadi", "Rudi Gunawan"]


def test_a_name_after_a_lower_case_description_of_a_person():
    a = quotes_of(
        "Bantuan diserahkan Wali Kota Medan Rico Waas kepada istri korban, Sumarni.",
        '"Kami akan terus membantu keluarga korban," kata Rico.',
        "Sumarni mengucapkan terima kasih kepada pemerintah kota.",
        '"Saya tidak menyangka bantuan datang secepat ini," pungkasnya.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Rico Waas", "Sumarni"]


def test_a_thing_pointed_at_is_not_a_speaker():
    a = quotes_of(
        "Gubernur Jambi Al Haris menerima penghargaan di Jakarta. Capaian ini menegaskan kerja "
        "keras seluruh jajaran pemerintah provinsi. Kebijakan tersebut menyatakan komitmen daerah.",
        "Pejabat itu menegaskan, penghargaan akan dipertahankan.",
    )
    assert [(q["text"], q["speaker"]) for q in a.quotes] == [
        ("penghargaan akan dipertahankan", "Al Haris")
    ]


def test_a_minister_abbreviation_goes_to_the_minister_named_before():
    a = quotes_of(
        "Menteri Kesehatan Rina Susanti meninjau rumah sakit di Bekasi.",
        "Menurut Menkes, stok vaksin aman sampai akhir tahun.",
    )
    assert a.quotes[0]["speaker"] == "Rina Susanti"


def test_a_lower_case_role_an_unknown_club_then_the_name():
    a = quotes_of('"Kami bermain terlalu lambat," kata pelatih Real Betis, Manuel Pellegrini.')
    assert a.quotes[0]["speaker"] == "Manuel Pellegrini"


def test_demikian_dilaporkan_names_the_source():
    a = quotes_of('"Pelaku sudah ditahan sejak pekan lalu," demikian dilaporkan Harian Andalas.')
    assert a.quotes[0]["speaker"] == "Harian Andalas"


def test_more_verbs_of_saying_and_mengingatkan_only_with_bahwa():
    a = quotes_of(
        "Bupati Sleman Harda Kiswaya berjanji akan memperbaiki jalan desa tahun ini. "
        "Ia mengingatkan agar warga tidak membuang sampah ke sungai. "
        "Ia mengingatkan bahwa musim hujan sudah dekat. "
        "Harda mencontohkan, banjir tahun lalu merendam dua kecamatan.",
        "Lembaga Pemantau Sungai melaporkan bahwa air sungai tercemar limbah pabrik.",
    )
    assert [q["text"] for q in a.quotes] == [
        "akan memperbaiki jalan desa tahun ini",
        "musim hujan sudah dekat",
        "banjir tahun lalu merendam dua kecamatan",
        "air sungai tercemar limbah pabrik",
    ]
    assert [q["speaker"] for q in a.quotes][:3] == ["Harda Kiswaya"] * 3


def test_a_courtesy_word_after_another_verb_is_a_statement():
    a = quotes_of(
        "Kapolda Bali Irjen Daniel Adityajaya memastikan dukungan polisi tidak berhenti di sini. "
        "Ia menyampaikan dukungan kepada para korban."
    )
    assert [q["text"] for q in a.quotes] == ["dukungan polisi tidak berhenti di sini"]


def test_a_sentence_with_a_quoted_term_may_report_speech():
    a = quotes_of('Jaksa Agung Burhan Siregar menyebut terdakwa dihukum atas "korupsi" berat.')
    q = a.quotes[0]
    assert (q["kind"], q["speaker"]) == ("indirect", "Burhan Siregar")


def test_menurutnya_inside_a_sentence():
    a = quotes_of(
        "Kepala Dinas Lingkungan Hidup Arif Budiman meninjau lokasi tambang. "
        "Aktivitas tambang itu menurutnya merusak hutan lindung di sekitarnya."
    )
    q = a.quotes[0]
    assert (q["speaker"], q["speaker_found_by"]) == ("Arif Budiman", "pronoun")


def test_a_title_or_an_initial_with_a_full_stop_does_not_end_the_sentence():
    a = quotes_of(
        "Menurut Prof. Sari Dewi, lebah madu membantu penyerbukan tanaman pangan.",
        "Ketua Yayasan M. Yusuf Hakim mengatakan, program itu berlanjut tahun depan.",
    )
    assert [q["speaker"] for q in a.quotes] == ["Sari Dewi", "M. Yusuf Hakim"]


def test_a_title_word_that_ends_a_name_is_a_surname():
    a = quotes_of('"Dana desa cair pekan depan," kata Ketua Koperasi Rahmat Hakim.')
    assert a.quotes[0]["speaker"] == "Rahmat Hakim"


def test_a_passive_verb_of_saying_after_the_subject_reports_the_last_speaker():
    a = quotes_of(
        "Menteri Perhubungan Dudy Purwagandhi mengatakan jalur kereta sudah diperiksa. "
        "Direktur PT KAI juga disebut sudah menyiapkan kereta tambahan untuk libur panjang. "
        "Ia disebut sebagai pejabat paling sibuk. Hal itu dikatakan Dudy di Bandung."
    )
    assert [(q["text"], q["speaker"]) for q in a.quotes] == [
        ("jalur kereta sudah diperiksa", "Dudy Purwagandhi"),
        (
            "Direktur PT KAI juga disebut sudah menyiapkan kereta tambahan untuk libur panjang",
            "Dudy Purwagandhi",
        ),
    ]


# Categories fixed after the first look at the fresh4 batch (docs/understand.md);
# the sentences are written for the tests.
def test_a_name_does_not_run_into_the_next_paragraph():
    a = quotes_of('"Kami siap bekerja," ucap Rudi', "Tak lama kemudian rombongan pergi.")
    assert a.quotes[0]["speaker"] == "Rudi"


def test_groups_speak_as_the_text_words_them():
    a = quotes_of(
        "Dilansir Reuters, Senin (20/10/2025), panitia mengatakan dua ribu orang hadir.",
        '"Turunkan harga!" teriak ribuan orang di depan gedung DPRD.',
        '"Sampel air tercemar logam berat," tulis para peneliti dalam laporannya.',
        "Para dokter di rumah sakit tersebut mengatakan pasien terus bertambah.",
        '"Hutan bukan warisan," demikian bunyi salah satu spanduk di depan kantor gubernur.',
    )
    assert [q["speaker"] for q in a.quotes] == [
        "panitia",
        "ribuan orang",
        "para peneliti",
        "Para dokter",
        "spanduk",
    ]


def test_a_name_after_a_description_and_after_a_relative_clause():
    a = quotes_of(
        '"Kami sudah lama menunggu," kata seorang pedagang, Siti Rahma (45), kepada wartawan.',
        "Ketua panitia, Budi Santoso, yang juga menjabat Ketua Karang Taruna Desa Sukamaju "
        "mengatakan acara berlangsung lancar.",
    )
    assert [q["speaker"] for q in a.quotes] == ["Siti Rahma", "Budi Santoso"]


def test_a_role_pointed_at_with_itu_after_the_cue_is_the_person_named_before():
    a = quotes_of(
        "Guru Besar ITB Rina Wati menjelaskan jembatan itu aman dilalui.",
        '"Kami sudah memeriksa semua tiangnya," tegas Ketua Ikatan Alumni Teknik Sipil (IKATS) itu.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Rina Wati", "Rina Wati"]


def test_more_cue_words():
    a = quotes_of(
        '"Jangan lupa bawa payung," saran Dewi Lestari.',
        "Camat Joko Prasetyo mengafirmasi jalan desa sudah diperbaiki.",
        '"Kami siap membantu warga," Joko memungkasi.',
        "Ia lantas mencontohkan harga beras di pasar Sukamaju turun pekan ini.",
        "Para peneliti mencatat bahwa suhu laut naik dua derajat.",
        "BPS mencatat, angka kemiskinan turun tahun ini.",
    )
    assert [q["speaker"] for q in a.quotes] == [
        "Dewi Lestari",
        "Joko Prasetyo",
        "Joko Prasetyo",
        "Joko Prasetyo",
        "Para peneliti",
    ]


def test_greetings_stances_topics_and_back_references_are_not_statements():
    a = quotes_of(
        "Menteri Sosial Ratna Sari menyampaikan salam dari Presiden untuk para guru.",
        "Bupati Yudi Hartono menegaskan komitmen pemda untuk membangun jalan desa.",
        "Sebuah studi baru mengungkap sejauh mana garam merusak ginjal manusia.",
        "Sebagaimana disebutkan sebelumnya, bantuan akan cair melalui bank daerah.",
        '"Kami bukan raja," katanya kepada acara Fox News "Pagi Bersama Kita."',
    )
    assert [q["text"] for q in a.quotes] == ["Kami bukan raja"]


def test_a_group_ends_before_an_adverb():
    a = quotes_of("Para investor sebelumnya mengatakan harga saham terlalu tinggi.")
    assert a.quotes[0]["speaker"] == "Para investor"


# Categories fixed after the first look at the fresh5 batch (docs/understand.md);
# the sentences are written for the tests.
def test_nicknames_after_alias_akrab_disapa_and_sapaan_akrabnya():
    a = quotes_of(
        "Menteri Kebudayaan Hendra Gunawan alias Gus Hen menjelaskan museum dibuka pekan depan.",
        '"Tiket tetap gratis," kata Gus Hen di Jakarta.',
        "Petani Slamet Riyadi yang akrab disapa Mbah Met tinggal di Klaten.",
        '"Sudah dua bulan tidak hujan," kata Mbah Met.',
        "Menko Pangan Budi Santosa menyebut bahwa harga beras stabil.",
        '"Stok cukup," kata Cak Tosa sapaan akrabnya di Surabaya.',
        '"Kami jaga terus," ujarnya.',
    )
    assert [q["speaker"] for q in a.quotes] == [
        "Hendra Gunawan",
        "Hendra Gunawan",
        "Slamet Riyadi",
        "Budi Santosa",
        "Budi Santosa",
        "Budi Santosa",
    ]


def test_a_description_that_ends_in_a_place_before_the_name():
    a = quotes_of(
        '"Air naik," kata salah satu pengemudi ojol asal Pasar Minggu, Wawan (35) kepada wartawan.',
        '"Motor banyak yang mogok," lanjutnya.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Wawan", "Wawan"]


def test_an_institution_name_that_lists_words_goes_on_to_the_name():
    a = quotes_of(
        '"Data sudah masuk," kata Kepala Pusat Data, Informasi, dan Humas BNPB Rudi Hartono.',
        '"Sudah masuk," kata Menteri Sosial, Dedi Kurnia, dan Sekjen Budi.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Rudi Hartono", "Dedi Kurnia"]


def test_a_role_alone_as_subject_is_the_antecedent_as_its_holder():
    a = quotes_of(
        "Bupati Sleman, Yuni Astuti meresmikan dapur umum.",
        "Bupati juga menekankan pentingnya menjaga kebersihan dapur.",
        '"Jangan hanya mengejar jumlah porsi," tegasnya.',
    )
    assert [q["speaker"] for q in a.quotes] == ["Yuni Astuti", "Yuni Astuti"]


def test_a_passive_verb_of_saying_in_a_clause_of_time_and_after_a_place():
    a = quotes_of(
        '"Iya pak," jawab Siti.',
        "JPU KPK Eko Wahyu juga turut merespons saat nama Budi disebutkan dalam sidang tersebut.",
        '"Kami ingin tahu apakah proyek itu masuk anggaran," ucapnya.',
        "Hal itu dikatakan di acara yang digelar di Kantor BKN, Jumat (17/10).",
    )
    assert [(q["kind"], q["speaker"]) for q in a.quotes] == [
        ("direct", "Siti"),
        ("direct", "Eko Wahyu"),
    ]


def test_warnings_and_a_source_closing_the_sentence_are_statements():
    a = quotes_of(
        "Ahli iklim Rina Sari memperingatkan bahwa suhu bumi terus naik tiap tahun.",
        "Ia juga memperingatkan agar warga menghemat air.",
        "Wabah penyakit juga masuk daftar ancaman terbesar menurut Rina.",
    )
    assert [(q["text"], q["speaker"]) for q in a.quotes] == [
        ("suhu bumi terus naik tiap tahun", "Rina Sari"),
        ("Wabah penyakit juga masuk daftar ancaman terbesar", "Rina Sari"),
    ]


def test_courtesies_requests_and_stances_but_not_a_clause_after_mengatakan():
    a = quotes_of(
        "Wakil Menteri Sosial Agus Pranoto menyampaikan apresiasinya terhadap program sekolah itu.",
        "Anggota DPRD Budi Salam menyampaikan pandangannya agar dana kembali ke angka awal.",
        "Menteri Desa Joko Prasetyo menekankan strategi penanggulangan kemiskinan lewat koperasi.",
        "Direktur Utama Pertamina Simon Hartono mengatakan komitmen ini terlihat dari kinerja yang naik.",
    )
    assert [q["text"] for q in a.quotes] == ["komitmen ini terlihat dari kinerja yang naik"]


def test_a_name_with_a_description_between_commas_is_a_pronoun_antecedent():
    a = quotes_of(
        "Stephen Hawking, fisikawan legendaris asal Inggris, pernah mengeluarkan ramalan. "
        "Sebelum wafat, ia memperingatkan bahwa bumi bisa menjadi bola api.",
        "Rinciannya, pembayaran bunga utang dalam negeri, naik tajam.",
    )
    assert [q["speaker"] for q in a.quotes] == ["Stephen Hawking"]


def test_words_quoted_inside_reported_speech_are_direct_quotes_of_its_speaker():
    a = quotes_of(
        'Pakar iklim Rina Sari memperingatkan bahwa kota ini bisa menjadi "kolam raksasa" '
        'akibat hujan, dan program "Kota Hijau Lestari" belum cukup.'
    )
    found = [(q["kind"], q["text"], q["speaker"]) for q in a.quotes]
    assert ("direct", "kolam raksasa", "Rina Sari") in found
    assert not any(text == "Kota Hijau Lestari" for _, text, _ in found)  # a title
    assert [kind for kind, _, _ in found] == ["indirect", "direct"]


def test_menyoroti_reports_a_judgement_with_sebagai_and_names_a_topic_without():
    a = quotes_of(
        "Pakar Rina Sari menyoroti banjir rob sebagai ancaman terbesar bagi kota pesisir.",
        "Anggota DPRD Budi Salam menyoroti sikap ketua dewan dalam rapat anggaran.",
    )
    assert [(q["text"], q["speaker"]) for q in a.quotes] == [
        ("banjir rob sebagai ancaman terbesar bagi kota pesisir", "Rina Sari")
    ]


def test_a_name_after_a_role_in_lower_case_is_a_pronoun_antecedent():
    a = quotes_of(
        '"Dana ini benar?" tanya Ketua Majelis Hakim Rudi Santoso.',
        '"Iya pak," jawab Siti.',
        'Melihat fakta itu hakim Rudi pun menggeleng. "Itu baru satu perusahaan," ujarnya.',
        "Warga mendukung langkah bupati Yuni.",
        '"Kami tunggu hasilnya," ujarnya.',
    )
    speakers = [q["speaker"] for q in a.quotes]
    assert speakers[:2] == ["Rudi Santoso", "Siti"]
    assert all("Rudi" in s.split() for s in speakers[2:])  # not Siti, not Yuni
