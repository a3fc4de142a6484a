"""Issue 3, bounded memory: spaCy keeps every word it has tokenised in the
pipeline's vocabulary, so the entities stage loads the pipeline afresh once
it has taken in ``MAX_NEW_WORDS``; the entities do not change."""

import warta
from warta.ner import _model

ARTICLE = ("Presiden Prabowo Subianto meninjau banjir di Kabupaten Demak, Jawa Tengah, pada Senin. "
           "Ia didampingi Gubernur Jawa Tengah Ahmad Luthfi dan Kepala BNPB Suharyanto.")


def entities(article):
    return [(e["text"], e["label"], e["start"], e["canonical"]) for e in article.entities]


def test_the_vocabulary_stays_bounded_and_the_entities_the_same(monkeypatch):
    before = entities(warta.read(ARTICLE))
    monkeypatch.setattr(_model, "MAX_NEW_WORDS", 2_000)
    first = _model.nlp()
    sizes = []
    for batch in range(6):  # 6 x 1,000 words never seen before (numbers, as in news)
        words = " ".join(f"{batch * 1000 + i:,}" for i in range(1000))
        warta.read(f"{ARTICLE}\n\nAngka: {words}.")
        sizes.append(len(_model.nlp().vocab))
    assert _model.nlp() is not first  # it was loaded afresh
    assert max(sizes) <= _model._loaded_words[str(_model.MODEL_DIR.resolve())] + 2_000 + 1_100
    assert entities(warta.read(ARTICLE)) == before


def test_the_pipeline_is_kept_while_the_vocabulary_is_small():
    first = _model.bounded_nlp()
    warta.read(ARTICLE)
    assert _model.bounded_nlp() is first is _model.nlp()
