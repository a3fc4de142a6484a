"""MinHash signatures of word shingles and their LSH buckets, for
near-duplicate detection (a small numpy implementation: datasketch would pull
in scipy for the same forty lines).

Reprints are often lightly rewritten (a sentence cut, words swapped, a
paragraph added), so they share only part of their shingles: the bands are
narrow (``ROWS`` hashes each) so that pairs at the Jaccard ``THRESHOLD`` become
candidates with high probability; each candidate is then checked on the
signatures themselves. ``bench/bench_corpus.py`` measures the result.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

__all__ = ["BANDS", "THRESHOLD", "buckets", "similarity", "signature"]

SHINGLE = 2  # words per shingle: word pairs survive light rewrites better than triples
PERMUTATIONS = 126
ROWS = 3
BANDS = PERMUTATIONS // ROWS
#: Estimated Jaccard of word-pair sets from which a copy is a near-duplicate.
#: Chosen on the planted copies of bench/bench_corpus.py, whose hardest share
#: 30% of their word pairs; unrelated articles share under 10%.
THRESHOLD = 0.3

_PRIME = np.uint64(4_294_967_311)  # > 2**32, so a*x + b stays below 2**64
_rng = np.random.default_rng(20251027)  # fixed: signatures must agree across runs
_A = _rng.integers(1, 2**32, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**32, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature (``PERMUTATIONS`` uint32) of the text's shingles,
    or None for a text without words."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    # Repeated shingles are hashed again rather than put in a set first: the
    # minimum is the same, and a set of strings costs more than the hashes.
    grams = [" ".join(words)] if len(words) < SHINGLE else \
        map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False))  # shorter tails end it
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, grams)), np.uint64)
    permuted = hashes[:, None] * _A
    permuted += _B
    permuted -= permuted // _PRIME * _PRIME  # a % _PRIME, but numpy divides by a scalar faster
    return (permuted.min(axis=0) & np.uint64(0xFFFFFFFF)).astype("<u4").tobytes()


def buckets(sig: bytes) -> list[int]:
    """One LSH bucket per band: a signed 64-bit key of (band, its hashes)."""
    keys = []
    width = ROWS * 4
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8,
                                 salt=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard of the two texts' shingle sets."""
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))
