"""Summary and keyphrases, and the property that no understanding stage raises."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta import Article
from warta.understand import STAGES, summary

PIPELINE = warta.read_pipeline(extra=STAGES)


def test_seed_summary_and_keyphrases(seed_path):
    article = warta.read(seed_path, pipeline=PIPELINE)
    assert article.summary.startswith(article.paragraphs[0])
    assert len(article.summary) < len(article.body) / 2
    assert "Korea Utara" in article.keyphrases and len(article.keyphrases) <= 5


def test_summary_keeps_text_order_and_lede():
    paragraphs = [
        "Gubernur meluncurkan mobil pangan murah di Pekanbaru hari ini.",
        "Cuaca cerah sepanjang hari di kota itu.",
        "Mobil pangan murah menjual cabai dan beras di bawah harga pasar.",
        "Pangan murah itu akan keliling ke desa-desa dengan mobil.",
    ]
    article = Article(paragraphs=paragraphs)
    summary(article)
    assert article.summary.startswith(paragraphs[0])
    assert "Cuaca cerah" not in article.summary
    assert any("pangan murah" in k.lower() for k in article.keyphrases)


def test_empty_article():
    article = Article(paragraphs=[])
    summary(article)
    assert article.summary is None and article.keyphrases == []


PARAGRAPHS = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            [
                '"',
                "“",
                "”",
                '"Kutipan," kata',
                "kata dia",
                "Menurut",
                "ujarnya.",
                "Rp 9.999.999.999.999.999 triliun",
                "pukul 99.99 WIB",
                "Senin (31/2)",
                "dua hari lalu",
                "31 Februari 2019",
                "Presiden",
                "mengatakan,",
                "itu.",
                "99,9,9 %",
            ]
        ),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, st.sampled_from([None, "2019-03-26T20:34:00+07:00", "not a date"]))
def test_stages_never_raise(paragraphs, published):
    article = Article(paragraphs=[p for p in paragraphs if p.strip()], published=published)
    for stage in STAGES:
        stage(article)
    body = article.body
    for record in article.quotes + article.times + article.quantities:
        assert 0 <= record["start"] <= record["end"] <= len(body)


def test_read_with_all_stages_on_raw_text():
    article = warta.read(
        '“Hanya tanda kutip\n\n"" kata\n\nRp 1,5 triliun kemarin', pipeline=PIPELINE
    )
    assert isinstance(article.to_dict()["quotes"], list)


# The sentence pattern as first written: the same matches, quadratic on a line without an end.
_BACKTRACKING_SENTENCE = r"[^.!?\n]+(?:[.!?]+[\"”’]?|$)"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"”’,")), max_size=60))
def test_sentences_are_those_of_the_backtracking_pattern(text):
    import importlib
    import re

    module = importlib.import_module("warta.understand.summary")
    assert [m.group() for m in module._SENTENCE.finditer(text)] == re.findall(_BACKTRACKING_SENTENCE, text)
