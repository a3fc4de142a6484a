"""Story grouping's arithmetic in numpy: the TF-IDF cosines of one article
with each of its candidates in a few array operations.

The document frequencies change with every article grouped, so no weight
can be kept from one article to the next; what is kept is each article's
term ids and counts, and one array of document frequencies by term id, so
that all the candidates' weights are one ``log`` over their concatenated
ids. (Per term in Python this was most of grouping's time: ~2,000 terms an
article, bench/bench_stories.py.)
"""

from __future__ import annotations

import numpy as np

__all__ = ["TermTable"]


class TermTable:
    """Term ids and their document frequencies (``df``, the plain dict
    callers read and save, mirrored in an array by id)."""

    def __init__(self, df: dict[str, int] | None = None):
        self.df: dict[str, int] = {} if df is None else df
        self._ids: dict[str, int] = {}
        self._counts = np.zeros(1024)  # df by term id
        self._query = np.zeros(1024)  # the article's weights by term id, zero elsewhere

    def ids(self, terms) -> np.ndarray:
        """The ids of ``terms`` (distinct), made for terms not seen before."""
        known = self._ids
        new = [t for t in terms if t not in known]
        if new:
            start = len(known)
            known.update(zip(new, range(start, start + len(new)), strict=True))
            self._grow(len(known))
            self._counts[start:len(known)] = [self.df.get(t, 0) for t in new]
        return np.fromiter(map(known.__getitem__, terms), np.intp, len(terms))

    def load(self, counts: dict[str, int]) -> None:
        """Document frequencies read from the store."""
        self.df.update(counts)
        for term, df in counts.items():
            if term in self._ids:
                self._counts[self._ids[term]] = df

    def count(self, terms, ids: np.ndarray) -> None:
        """One more document holds each of ``terms`` (distinct; ``ids`` theirs)."""
        df = self.df
        for term in terms:
            df[term] = df.get(term, 0) + 1
        self._counts[ids] += 1

    def weights(self, ids: np.ndarray, counts: np.ndarray, documents: int) -> np.ndarray:
        """TF-IDF weights: count x (ln((N + 1) / (df + 1)) + 1), N the documents counted."""
        return counts * (np.log((documents + 1) / (self._counts[ids] + 1)) + 1.0)

    def cosines(self, ids: np.ndarray, weights: np.ndarray, others: list[tuple[np.ndarray, np.ndarray]],
                documents: int) -> list[float]:
        """Cosine of the article (its term ``ids`` and ``weights``) with each
        of ``others`` (term ids and counts, none empty)."""
        norm = float(np.sqrt(np.dot(weights, weights)))
        if not others or not norm:
            return [0.0] * len(others)
        other_ids = np.concatenate([i for i, _ in others])
        other = self.weights(other_ids, np.concatenate([c for _, c in others]), documents)
        starts = np.cumsum([0] + [len(i) for i, _ in others[:-1]])
        self._query[ids] = weights
        dots = np.add.reduceat(other * self._query[other_ids], starts)
        self._query[ids] = 0.0
        norms = np.sqrt(np.add.reduceat(other * other, starts))
        return (dots / (norm * norms)).tolist()

    def _grow(self, size: int) -> None:
        if size > len(self._counts):
            capacity = max(size, 2 * len(self._counts))
            self._counts = np.concatenate([self._counts, np.zeros(capacity - len(self._counts))])
            self._query = np.zeros(capacity)
