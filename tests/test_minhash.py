"""MinHash signatures: the vectorised code gives the signatures stores hold
(made by the first, set-based implementation, kept here as the reference),
and estimates Jaccard similarity."""

from __future__ import annotations

import random
import zlib

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.corpus._minhash import _A, _B, _PRIME, buckets, shingles, signature, similarity

WORDS = ("harga beras naik di pasar induk kota bandung pada senin pagi warga mengeluh pedagang "
         "menyebut pasokan dari daerah berkurang karena hujan deras sejak pekan lalu").split()
TEXTS = [
    "",
    "   ",
    "?!",
    "Satu",
    "Dua kata",
    "kata kata kata kata",
    "Harga beras naik.\n\nWarga mengeluh di Pasar Induk, Senin (20/10/2025).",
    "Jakarta - Presiden mengunjungi korban banjir; bantuan 1.000 paket disalurkan.",
    "Ünïcödé café — naïve résumé 東京 ۱۲۳",
]


def reference_signature(text: str) -> bytes | None:
    """The signature as the first implementation computed it (stores made
    since hold these, and their LSH buckets follow from them)."""
    grams = shingles(text)
    if not grams:
        return None
    hashes = np.fromiter((zlib.crc32(g.encode()) for g in grams), np.uint64, len(grams))
    permuted = (np.outer(hashes, _A) + _B) % _PRIME
    return (permuted.min(axis=0) & np.uint64(0xFFFFFFFF)).astype("<u4").tobytes()


def test_signatures_are_those_of_the_reference_implementation():
    rng = random.Random(5)
    generated = [" ".join(rng.choices(WORDS, k=rng.randint(1, 400))) for _ in range(50)]
    for text in TEXTS + generated:
        assert signature(text) == reference_signature(text), text[:40]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_the_reference_signature(text):
    assert signature(text) == reference_signature(text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=2, max_size=200))
def test_equal_texts_have_equal_signatures_and_buckets(words):
    text = " ".join(words)
    one, two = signature(text), signature(text.upper())  # case is folded
    assert one == two and similarity(one, two) == 1.0 and buckets(one) == buckets(two)


def test_similarity_estimates_jaccard():
    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(3000)]
    for _ in range(20):
        base = rng.sample(vocabulary, 300)
        other = base[:rng.randint(0, 300)] + rng.sample(vocabulary, rng.randint(0, 300))
        a, b = " ".join(base), " ".join(other)
        truth = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
        # 126 permutations: the estimate's standard error is at most 0.045.
        assert abs(similarity(signature(a), signature(b)) - truth) < 0.15, truth
