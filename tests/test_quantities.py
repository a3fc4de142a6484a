"""The quantities stage: Indonesian number notation, units, money, distances."""

import pytest

import warta
from warta import Article
from warta.understand import STAGES, quantities, times
from warta.understand.quantities import parse_number

PIPELINE = warta.read_pipeline(extra=STAGES)


def found(text):
    article = Article(paragraphs=[text], published="2025-10-20T10:00:00+07:00")
    times(article)
    quantities(article)
    return article


def test_seed_miles(seed_path):
    article = warta.read(seed_path, pipeline=PIPELINE)
    miles = [q for q in article.quantities if q["unit"] == "mile"]
    assert (
        len(miles) == 1
        and miles[0]["value"] == 11
        and miles[0]["km"] == pytest.approx(17.7, abs=0.01)
    )


@pytest.mark.parametrize(
    "text, value",
    [("1.500.000", 1_500_000), ("5,12", 5.12), ("18.000", 18_000), ("1.500,75", 1500.75), ("7", 7)],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_units_money_and_counts():
    a = found(
        "Ekonomi tumbuh 5,12 persen, inflasi 2,65%, dana Rp 1,5 triliun, 2 juta warga, "
        "18.000 palet, jarak 11 mil dan harga Rp 75.000."
    )
    q = {x["text"]: x for x in a.quantities}
    assert (q["5,12 persen"]["value"], q["5,12 persen"]["unit"]) == (5.12, "percent")
    assert q["2,65%"]["unit"] == "percent"
    assert q["Rp 1,5 triliun"]["money"] == {"currency": "IDR", "value": 1.5e12}
    assert q["2 juta warga"]["value"] == 2e6 and q["2 juta warga"]["unit"] == "warga"
    assert q["18.000 palet"]["value"] == 18000 and q["18.000 palet"]["unit"] == "palet"
    assert q["11 mil"]["km"] == pytest.approx(17.703, abs=0.001)
    assert q["Rp 75.000"]["money"]["value"] == 75000


def test_dates_and_years_are_not_quantities():
    a = found("Pada 21 Oktober 2025 pukul 10.00 WIB, Senin (20/10/2025), sejak 2019.")
    assert a.quantities == []


def test_absurd_number_warns_never_raises():
    a = found("Utang mencapai Rp 999.999.999.999.999.999.999 triliun dan " + "9" * 400 + " unit.")
    assert any(q.get("implausible") for q in a.quantities)
    assert any(w.startswith("quantities:") for w in a.warnings)
