"""Issue 3: the rules that tag what the model missed next to a tagged span
(warta.ner._neighbours) and the parenthesis split. Sentences are invented;
the model's spans are given by hand, so each rule is tested alone."""

from __future__ import annotations

from spacy.tokens import Span

from warta.ner import _neighbours, _rules, nlp


def doc_of(text: str):
    return nlp().make_doc(text)


def span(doc, words: str, label: str) -> Span:
    """The span of ``words`` (first occurrence) in ``doc``."""
    parts = words.split()
    texts = [t.text for t in doc]
    for i in range(len(texts)):
        if texts[i : i + len(parts)] == parts:
            return Span(doc, i, i + len(parts), label=label)
    raise AssertionError(f"{words!r} not in {doc.text!r}")


def found(spans) -> set[tuple[str, str]]:
    return {(s.text, s.label_) for s in spans}


def test_split_where_the_span_stops_inside_the_parenthesis():
    doc = doc_of("Tim Badan Riset Kelautan ( BRK dikirim ke sana.")
    whole = span(doc, "Badan Riset Kelautan ( BRK", "ORG")
    assert found(_rules.split_parenthesis(whole)) == {
        ("Badan Riset Kelautan", "ORG"),
        ("BRK", "ORG"),
    }
    closed = span(
        doc_of("Lembaga Sensor Film ( LSF ) rapat."), "Lembaga Sensor Film ( LSF )", "ORG"
    )
    assert found(_rules.split_parenthesis(closed)) == {
        ("Lembaga Sensor Film", "ORG"),
        ("LSF", "ORG"),
    }


def test_acronym_after_a_tagged_long_form_takes_its_label():
    doc = doc_of(
        "Ia kuliah di Universitas Sriwangi ( Unsri ) dan Institut Teknologi Maju ( ITM ) ."
    )
    spans = [span(doc, "Universitas Sriwangi", "ORG"), span(doc, "Institut Teknologi Maju", "ORG")]
    assert found(_neighbours.acronym_pairs(doc, spans)) == found(spans) | {
        ("Unsri", "ORG"),
        ("ITM", "ORG"),
    }


def test_one_word_after_a_person_is_not_copied():
    # a person's parenthesis holds a role or a title as often as a nickname
    doc = doc_of("Aktor Budi Santoso ( Gundala ) menang.")
    spans = [span(doc, "Budi Santoso", "PER")]
    assert _neighbours.acronym_pairs(doc, spans) == spans


def test_long_form_before_a_tagged_acronym_needs_matching_initials():
    doc = doc_of("Petugas Pusat Kendali Lalu Lintas ( PKLL ) memeriksa Kantor Pos ( BRI ) .")
    spans = [span(doc, "PKLL", "ORG"), span(doc, "BRI", "ORG")]
    got = found(_neighbours.acronym_pairs(doc, spans))
    assert ("Pusat Kendali Lalu Lintas", "ORG") in got
    assert not any(text.startswith("Kantor") for text, _ in got)  # K P does not spell BRI


def test_long_form_in_parenthesis_after_a_tagged_acronym():
    doc = doc_of("Rapat AFTA ( Asean Free Trade Area ) ditunda.")
    spans = [span(doc, "AFTA", "ORG")]
    assert ("Asean Free Trade Area", "ORG") in found(_neighbours.acronym_pairs(doc, spans))


def test_untagged_acronym_pairs_stay_untagged():
    # "Bahan Bakar Minyak ( BBM )" is no organisation: nothing tagged, nothing copied
    doc = doc_of("Harga Bahan Bakar Minyak ( BBM ) naik.")
    assert _neighbours.acronym_pairs(doc, []) == []


def test_organisation_goes_on_over_dan():
    doc = doc_of(
        "Kementerian Pariwisata dan Ekonomi Kreatif mengundang Kementerian Keuangan dan Bank Sentral ."
    )
    spans = [
        span(doc, "Kementerian Pariwisata", "ORG"),
        span(doc, "Kementerian Keuangan", "ORG"),
    ]
    got = found(_neighbours.organisations_with_dan(doc, spans))
    assert ("Kementerian Pariwisata dan Ekonomi Kreatif", "ORG") in got
    assert ("Kementerian Keuangan", "ORG") in got  # "Bank" heads another organisation


def test_organisation_does_not_swallow_a_place():
    doc = doc_of("Dinas Pendidikan dan Jawa Tengah berunding.")
    spans = [span(doc, "Dinas Pendidikan", "ORG")]
    assert found(_neighbours.organisations_with_dan(doc, spans)) == {("Dinas Pendidikan", "ORG")}


def test_names_listed_after_a_person_are_persons():
    doc = doc_of("Hadir Agus Salim , Rina Wulandari dan Bayu Prakoso di acara itu.")
    spans = [span(doc, "Agus Salim", "PER")]
    assert found(_neighbours.listed_persons(doc, spans)) == {
        ("Agus Salim", "PER"), ("Rina Wulandari", "PER"), ("Bayu Prakoso", "PER")}  # fmt: skip


def test_list_stops_at_one_word_days_and_common_words():
    doc = doc_of(
        "Kata Agus Salim , Selasa Pagi ini . Lalu Agus Salim dan Wakilnya datang dan Budi Santoso Pergi ."
    )
    spans = [span(doc, "Agus Salim", "PER")]
    assert found(_neighbours.listed_persons(doc, spans)) == {("Agus Salim", "PER")}


def test_province_short_forms_are_places():
    doc = doc_of("Pemprov Jatim dan Kaltim sepakat, kata Wagub DKI Jakarta di Jakarta Pusat.")
    got = found(_neighbours.short_forms(doc, []))
    assert {("Jatim", "LOC"), ("Kaltim", "LOC"), ("DKI Jakarta", "LOC")} <= got
    assert ("Jakarta", "LOC") not in got  # "Jakarta Pusat" is another place


def test_country_short_forms_are_left_to_the_model():
    doc = doc_of("Kurs dolar AS naik dan mobil RI 1 tiba.")
    assert _neighbours.short_forms(doc, []) == []


def test_organisation_short_forms_are_organisations():
    doc = doc_of("Humas BNPB dan KPK menolak, sementara BI Rate tetap.")
    got = found(_neighbours.short_forms(doc, []))
    assert {("BNPB", "ORG"), ("KPK", "ORG")} <= got
    assert ("BI", "ORG") not in got  # a capitalised word follows: "BI Rate" is a rate


def test_person_short_forms_are_persons():
    doc = doc_of("Menurut Jokowi dan SBY, rapat itu penting.")
    assert {("Jokowi", "PER"), ("SBY", "PER")} <= found(_neighbours.short_forms(doc, []))


def test_names_the_training_data_tags_are_tagged_where_the_model_missed_them():
    doc = doc_of("Produk Samsung dan Toyota laris, kata pengurus Partai Golkar.")
    spans = [span(doc, "Partai Golkar", "ORG")]
    got = found(_neighbours.known_names(doc, spans))
    assert {("Samsung", "ORG"), ("Toyota", "ORG"), ("Partai Golkar", "ORG")} == got  # Golkar stays inside


def test_a_known_name_before_a_capitalised_word_is_left_to_the_model():
    doc = doc_of("Ia membeli ponsel Samsung Galaxy baru dan bergabung dengan Real Madrid musim ini.")
    got = found(_neighbours.known_names(doc, []))
    assert ("Samsung", "ORG") not in got  # "Samsung Galaxy" is a product's name
    assert ("Real Madrid", "ORG") in got and ("Madrid", "LOC") not in got  # the longest name wins


def test_a_known_name_inside_a_longer_one_is_left_alone():
    doc = doc_of("Saham PT Bank Rakyat Indonesia (Persero) Tbk naik, kata Bernad Darmawan Sutrisno.")
    assert found(_neighbours.known_names(doc, [])) & {("Tbk", "ORG"), ("Sutrisno", "PER")} == set()
    doc = doc_of("Arsenal melumat Atletico Madrid 4-0.")
    assert ("Atletico", "ORG") not in found(_neighbours.known_names(doc, [span(doc, "Madrid", "LOC")]))
    doc = doc_of("Teks Arab-Latin: doa sebelum makan.")
    assert ("Arab", "LOC") not in found(_neighbours.known_names(doc, []))  # a script, hyphenated
    doc = doc_of("Hal itu disampaikan Presiden Jokowi dan pengusaha Slamet.")
    assert ("Slamet", "PER") in found(_neighbours.known_names(doc, []))  # after a lower-case word


def test_a_known_name_ending_in_one_of_spacys_symbols_is_found():
    # "X" is a spaCy symbol: its id in a Doc is the symbol's number, not a hash
    doc = doc_of("Acara itu dibuka oleh Sri Sultan Hamengku Buwono X di Yogyakarta.")
    assert ("Sri Sultan Hamengku Buwono X", "PER") in found(_neighbours.known_names(doc, []))


def test_known_names_are_names_the_training_corpora_tag():
    from warta.ner._neighbours import _known

    known = _known()
    assert len(known) > 3000 and set(known.values()) == {"PER", "ORG", "LOC"}
    assert all(words[0][:1].isupper() for words in known)
    assert not [w for w in known if len(w) == 1 and w[0].lower() in _rules.common_words()]


def test_tagged_short_forms_are_left_alone():
    doc = doc_of("Kantor KPK Jatim tutup.")
    spans = [span(doc, "KPK Jatim", "ORG")]
    assert _neighbours.short_forms(doc, spans) == spans


def test_a_person_span_of_titles_only_is_dropped():
    doc = doc_of("Menhub menolak, kata Menkes Rina Sari.")
    assert _rules.clean(span(doc, "Menhub", "PER")) is None
    assert _rules.clean(span(doc, "Menkes Rina Sari", "PER")).text == "Rina Sari"


def test_pipeline_applies_the_rules():
    doc = nlp()("Gubernur itu meninjau Mapolda Jatim di Surabaya pada Senin pagi.")
    assert ("Jatim", "LOC") in {(e.text, e.label_) for e in doc.ents}


def test_names_in_a_fixture_list_are_clubs():
    from warta.ner._clubs import fixtures

    doc = doc_of("Sisa laga Roma: Bologna (kandang), Chievo (tandang), Atalanta (tandang) dan Kota Baru.")
    spans = [span(doc, "Roma", "LOC"), span(doc, "Bologna", "PER"), span(doc, "Chievo", "LOC")]
    assert found(fixtures(doc, spans)) == {
        ("Roma", "LOC"),  # not before a venue: left to the other rules
        ("Bologna", "ORG"),
        ("Chievo", "ORG"),
        ("Atalanta", "ORG"),  # untagged, tagged now
    }
