"""``CachingTokenizer`` (warta/ner/_tokens.py) gives spaCy's own tokens,
first time and every time after, whatever came before; it tokenizes each
new chunk once on its own and no seen chunk again."""

from __future__ import annotations

import csv
import pickle
import re
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

from warta.ner import nlp
from warta.ner._tokens import CachingTokenizer

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "detik-2025-dev.csv"
#: Chunks where the special cases, the affixes and the cache meet: reduplicated
#: words (special cases) bare, in brackets, before a slash or a "-nya";
#: abbreviations with a full stop; emoticons; a URL; odd spaces.
HARD = [
    "anak-anak",
    "(anak-anak)",
    "anak-anak,",
    "anak-anak/remaja",
    "ibu-ibu/bapak-bapak",
    "masing-masing.",
    "Undang-Undang",
    "undang-undangnya",
    '"kira-kira',
    "Dr.",
    "dr.",
    "dll.",
    "No.",
    "S.H.,",
    "a.n.",
    "s.d.",
    "Jl.",
    "M.Si.",
    "Rp1,5",
    "Rp",
    "20/10/2025",
    "(20/10/2025).",
    "10.30",
    "WIB.",
    "BPS",
    "(BPS),",
    "AS$",
    "http://contoh.id/a-b",
    "@warta",
    "#pilkada",
    ":)",
    "C++",
    "—",
    "...",
    '"Saya',
    'katanya."',
    "Jum'at",
    "ma'af",
    "siswa/i",
    "e-KTP",
    "COVID-19",
    "x-ray",
    "Sultan",
    "Hamengku",
    "Buwono",
    "X",
    "di",
    "ke",
    "Jakarta,",
]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\xa0", "\t", " \n "]


def tokens(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.norm_, t.idx, t.is_space) for t in doc]


@lru_cache(maxsize=2)
def plain(which: str = "reference"):
    """spaCy's Indonesian tokenizer, one per name (each takes ~2 s to build);
    what it has cached never changes its tokens."""
    return spacy.blank("id").tokenizer


@lru_cache(maxsize=1)
def shared() -> CachingTokenizer:
    return CachingTokenizer(plain("wrapped"))


def texts_of(chunks, spaces) -> str:
    return "".join(c + s for c, s in zip(chunks, spaces, strict=False))


TEXTS = [
    "Masing-masing anak-anak (anak-anak) datang ke Jl. Merdeka No. 5, kata Dr. Budi, S.H., M.Si. (20/10/2025).",
    "Undang-Undang itu, kata dia, berlaku bagi ibu-ibu/bapak-bapak dan siswa/i.\n\nRp1,5 triliun :) dll.",
    ' Awal dengan spasi\xa0dan\ttab\n\n\nlalu anak-anak/remaja—"kira-kira" begitu.  ',
    "",
    "anak-anak",
]


def test_the_tokens_are_spacys_first_time_and_after():
    reference, cached = plain(), CachingTokenizer(plain("wrapped"))
    for _ in range(2):
        for text in TEXTS:
            assert tokens(cached(text)) == tokens(reference(text)), text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(HARD) | st.text(min_size=1, max_size=8), st.sampled_from(SPACES)),
        max_size=40,
    ),
    st.integers(0, 3),
)
def test_any_mix_of_hard_chunks_tokenizes_as_spacy_does(pairs, repeat):
    reference, cached = plain(), shared()  # one for all examples: what one caches, the next finds
    text = texts_of([c for c, _ in pairs], [s for _, s in pairs])
    for _ in range(1 + repeat):
        assert tokens(cached(text)) == tokens(reference(text))


@pytest.mark.skipif(not NEWS.exists(), reason="needs ../shared/data/news (the Detik bodies)")
def test_the_detik_bodies_tokenize_as_spacy_does_twice():
    csv.field_size_limit(10**8)
    with NEWS.open(encoding="utf-8") as f:
        bodies = [
            "\n\n".join(p.strip() for p in row["isi_berita"].split("\n") if p.strip())
            for row in csv.DictReader(f)
        ][:200]
    reference, cached = plain(), CachingTokenizer(plain("wrapped"))
    for body in bodies + bodies[::-1]:
        assert tokens(cached(body)) == tokens(reference(body))


def test_each_new_chunk_is_tokenized_once_on_its_own(monkeypatch):
    spy, calls = plain(), []

    class Counting:
        max_cache_size = 0

        def __call__(self, text):
            calls.append(text)
            return spy(text)

    cached = CachingTokenizer(Counting(), chunks=1_000)
    cached("Kata dia, anak-anak datang. Kata dia lagi.")
    assert sorted(calls[:-1]) == sorted({"Kata", "dia,", "anak-anak", "datang.", "dia", "lagi."})
    assert calls[-1] == "Kata dia, anak-anak datang. Kata dia lagi."
    calls.clear()
    cached("Kata dia lagi, anak-anak.")
    assert (
        sorted(calls[:-1]) == ["anak-anak.", "lagi,"] and calls[-1] == "Kata dia lagi, anak-anak."
    )


def test_it_stops_recording_at_its_bound_and_keeps_tokenizing():
    reference, cached = plain(), CachingTokenizer(plain("wrapped"), chunks=3)
    assert cached.max_cache_size == 3  # spaCy's own cache has the same bound
    text = "satu dua tiga empat lima enam tujuh delapan"
    assert tokens(cached(text)) == tokens(reference(text))
    assert tokens(cached(text + " sembilan")) == tokens(reference(text + " sembilan"))


def test_the_pipeline_uses_it_and_it_behaves_as_a_spacy_tokenizer():
    tokenizer = nlp().tokenizer
    assert isinstance(tokenizer, CachingTokenizer)
    assert "anak-anak" in tokenizer.rules  # attributes are the wrapped tokenizer's
    again = pickle.loads(pickle.dumps(tokenizer))  # Language.pipe(n_process=2) pickles the pipeline
    text = "Presiden Prabowo Subianto mengunjungi anak-anak di Jl. Sudirman (20/10/2025)."
    assert tokens(again(text)) == tokens(tokenizer(text)) == tokens(plain()(text))
    bare = CachingTokenizer(Tokenizer(Vocab()))
    assert [t.text for t in bare("anak-anak datang")] == ["anak-anak", "datang"] and bare._seen
    bare.infix_finditer = re.compile(
        "-"
    ).finditer  # reaches spaCy's tokenizer; what was seen is forgotten
    assert bare.tokenizer.infix_finditer is not None and not bare._seen
    assert [t.text for t in bare("anak-anak datang")] == ["anak", "-", "anak", "datang"]
