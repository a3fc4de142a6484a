"""Stories: articles about the same event, across outlets and days.

The algorithm alone, over plain values (the store feeds it in
``_story_store``). Articles are taken one at a time, in the order they were
stored; each original is compared with the originals already grouped whose
publish time lies within ``window_days`` of its own, and joins the story of
the most similar one when that similarity reaches ``threshold``; else it
starts a story. A duplicate joins its original's story.

An advertorial (label "sponsored") is a story of its own: it never joins
a news story nor draws one in, however many words it shares with it.

Similarity is the cosine of TF-IDF vectors whose terms are the stemmed words
of the headline (counted ``headline_weight`` times) and of the lede (the first
``lede_words`` words), and the canonical names of the entities (weighted by
``entity_weight``) when the understanding stages ran. Document frequencies
are counted over the originals grouped before, so the result depends only on
the order of the articles, never on how they were batched. Candidates come
from an inverted index over each article's rarest terms: the cost of an
article depends on the articles within its window, not on the corpus.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from ._stem import stems
from ._story_terms import TermTable

__all__ = ["ENTITY_LABELS", "Features", "Grouper", "Params", "entity_names", "features", "stemmed_features"]

DAY = 86_400.0
_NO_IDS, _NO_COUNTS = np.zeros(0, np.intp), np.zeros(0)
ENTITY_LABELS = frozenset({"PER", "ORG", "LOC"})  # who and where; dates and numbers are not events

#: Function words that say nothing about an event (their stems).
STOPWORDS = frozenset("""
ada adalah agar akan aku anda antara apa atas atau bagai bagi bahwa baik banyak baru
bawah beberapa belum benar besar bisa boleh buat bukan cukup dalam dan dapat dari
demikian dengan di dia diri dua hal hanya hari harus hingga ia ini itu jadi jika juga
kalau kami kata kami karena ke kemudian kepada ketika kita lagi lain lalu lebih maka
masih mau melalui mereka milik mulai namun oleh pada para pula punya saat saja salah
sama sampai sangat satu saya se sebagai sebelum sedang sehingga sejak semua sendiri
seperti serta setelah sudah tak tanpa telah tentang tetapi tidak tiga untuk usai yaitu
yakni yang nya pun lah kah
scroll continue with content advertisement baca juga
""".split())


@dataclass(frozen=True)
class Params:
    # Chosen on the tune days by the stable rule of `evaluation/stories.py --cv`
    # (the middle of a plateau of the grid's pooled F1, not its lone peak,
    # which did not carry over between days), with the entities of the
    # shipped NER model. (Headline weight 1, on the same plateau, was shipped
    # for a while because with 3 an advertorial joined a news story in a small
    # store; advertorials now group with nothing, so the rule's choice stands.)
    window_days: float = 3.0  # how far apart in time two articles of one story may be
    threshold: float = 0.25  # cosine from which an article joins a story
    headline_weight: int = 3  # a headline word counts this many lede words
    lede_words: int = 120  # words of the body read after the headline
    entity_weight: float = 2.0  # an entity counts this many words
    lookup_terms: int = 12  # an article's rarest terms used to find candidates
    candidates: int = 20  # articles compared, those sharing the most of those terms


@dataclass(frozen=True)
class Features:
    """What grouping reads of one article."""

    id: str
    at: float  # publish time (else the time stored), seconds since the epoch
    terms: tuple[str, ...] = ()  # headline stems, then lede stems (with repeats)
    headline_terms: int = 0  # how many of ``terms`` come from the headline
    entities: tuple[str, ...] = ()  # canonical names
    duplicate_of: str | None = None

    def vector(self, params: Params) -> dict[str, float]:
        """Term counts, headline and entities weighted."""
        counts: dict[str, float] = defaultdict(float)
        for i, term in enumerate(self.terms):
            counts[term] += params.headline_weight if i < self.headline_terms else 1.0
        for name in self.entities:
            counts["@" + name] += params.entity_weight
        return dict(counts)


def features(article_id: str, at: float, headline: str | None, body: str, entities: Iterable[str] = (),
             *, duplicate_of: str | None = None, sponsored: bool = False, params: Params = Params()) -> Features:
    """The features of one article from its text (stemmed with ``_stem``)."""
    return stemmed_features(article_id, at, stems(headline or ""), stems(body), entities,
                            duplicate_of=duplicate_of, sponsored=sponsored, params=params)


def stemmed_features(article_id: str, at: float, headline_stems: str, body_stems: str,
                     entities: Iterable[str] = (), *, duplicate_of: str | None = None,
                     sponsored: bool = False, params: Params = Params()) -> Features:
    """The features of one article from its stemmed text (``_stem.stems``);
    an advertorial's have no terms, so that it groups with nothing."""
    if sponsored:
        return Features(article_id, at, duplicate_of=duplicate_of)
    head = _salient(headline_stems.split())
    lede = _salient(body_stems.split()[: params.lede_words])
    names = tuple(sorted({n for n in entities if n}))
    return Features(article_id, at, tuple(head + lede), len(head), names, duplicate_of)


def entity_names(entities) -> tuple[str, ...]:
    """The names of a record's people, organisations and places (canonical,
    else as written), as grouping reads them; a malformed entity is skipped."""
    names = [e.get("canonical") or e.get("text") for e in entities or []
             if isinstance(e, dict) and e.get("label") in ENTITY_LABELS]
    return tuple(n for n in names if isinstance(n, str))


def _day(at: float) -> int:
    return math.floor(at / DAY)


def _counts(vector: dict[str, float]) -> np.ndarray:
    return np.fromiter(vector.values(), float, len(vector))


def _salient(words: list[str]) -> list[str]:
    return [w for w in words if len(w) > 1 and w not in STOPWORDS]


@dataclass
class _Member:
    features: Features
    story: str
    ids: np.ndarray = field(default_factory=lambda: _NO_IDS)  # its vector's term ids (``TermTable``)
    counts: np.ndarray = field(default_factory=lambda: _NO_COUNTS)  # and their counts


@dataclass
class Grouper:
    """Groups articles one at a time. ``remember`` loads articles grouped by an
    earlier run (with the document frequencies of that run, ``load_counts``),
    so that grouping goes on where it stopped."""

    params: Params = field(default_factory=Params)
    documents: int = 0  # originals counted in ``df``
    _members: dict[str, _Member] = field(default_factory=dict)
    # term -> day (of ``at``) -> articles holding it: candidates are looked
    # up in the days of the window only, however many days are remembered.
    _postings: dict[str, dict[int, list[str]]] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # terms whose counts changed since loaded
    _terms: TermTable = field(default_factory=TermTable)

    @property
    def df(self) -> dict[str, int]:
        """Originals that hold each term (read only: ``load_counts`` sets them)."""
        return self._terms.df

    def load_counts(self, counts: dict[str, int]) -> None:
        """Document frequencies counted by an earlier run (the store's)."""
        self._terms.load(counts)

    def remember(self, item: Features, story: str) -> None:
        """An article grouped before: a candidate for the articles that follow."""
        vector = item.vector(self.params)
        self._keep(item, story, vector, self._terms.ids(list(vector)), _counts(vector))

    def add(self, item: Features, new_story: str | None = None) -> tuple[str, float | None]:
        """Group one article; returns (story id, similarity to the story it
        joined, None when it starts a story or copies its original). A story
        it starts is named ``new_story`` (default: the article's id)."""
        if item.duplicate_of is not None and item.duplicate_of in self._members:
            story = self._members[item.duplicate_of].story
            self._members[item.id] = _Member(item, story)  # copies are never candidates
            return story, None
        vector = item.vector(self.params)
        ids, counts = self._terms.ids(list(vector)), _counts(vector)
        best, score = self._best_match(item, vector, ids, counts)
        story = best if best is not None else (new_story or item.id)
        self._count(vector, ids)
        self._keep(item, story, vector, ids, counts)
        return story, (score if best is not None else None)

    def _keep(self, item: Features, story: str, vector: dict[str, float], ids: np.ndarray,
              counts: np.ndarray) -> None:
        self._members[item.id] = _Member(item, story, ids, counts)
        day = _day(item.at)
        for term in vector:
            self._postings.setdefault(term, {}).setdefault(day, []).append(item.id)

    def _best_match(self, item: Features, vector: dict[str, float], ids: np.ndarray,
                    counts: np.ndarray) -> tuple[str | None, float]:
        weights = self._terms.weights(ids, counts, self.documents)
        others = sorted(self._candidates(item, vector))
        members = [self._members[other] for other in others]
        scores = self._terms.cosines(ids, weights, [(m.ids, m.counts) for m in members], self.documents)
        best, best_score = None, self.params.threshold
        scored: dict[str, float] = {}
        for member, score in zip(members, scores, strict=True):
            scored[member.story] = max(scored.get(member.story, 0.0), score)
        for story in sorted(scored):
            if scored[story] >= best_score and (best is None or scored[story] > best_score):
                best, best_score = story, scored[story]
        return best, best_score

    def _candidates(self, item: Features, vector: dict[str, float]) -> list[str]:
        """The articles within the window sharing the most of this article's
        rarest terms: a bounded number, whatever the size of the window."""
        window = self.params.window_days * DAY
        # Terms no earlier article holds find nothing; of the others the rarest say most.
        df, postings = self.df, self._postings
        rarest = [t for _, t in heapq.nsmallest(self.params.lookup_terms,
                                                 ((df.get(t, 0), t) for t in vector if t in postings))]
        shared: Counter = Counter()
        low, high = item.at - window, item.at + window
        days = range(_day(low), _day(high) + 1)
        for term in rarest:
            by_day = self._postings[term]
            for day in days if len(days) < len(by_day) else sorted(by_day):
                found = by_day.get(day)
                if not found:
                    continue
                if low <= day * DAY and (day + 1) * DAY <= high:  # the whole day is in the window
                    shared.update(found)
                else:
                    shared.update(o for o in found if abs(self._members[o].features.at - item.at) <= window)
        return heapq.nsmallest(self.params.candidates, shared, key=lambda o: (-shared[o], o))

    def _count(self, vector: dict[str, float], ids: np.ndarray) -> None:
        self.documents += 1
        self._terms.count(vector, ids)
        self.changed.update(vector)

    def forget_before(self, at: float) -> None:
        """Drop articles older than ``at`` minus the window: they can no
        longer join anything (keeps memory bounded on a long run)."""
        limit = at - self.params.window_days * DAY
        old = {i for i, m in self._members.items() if m.features.at < limit}
        if not old:
            return
        for i in old:
            del self._members[i]
        last = _day(limit)  # earlier days hold old articles only
        for term in list(self._postings):
            by_day = self._postings[term]
            for day in [d for d in by_day if d <= last]:
                kept = [i for i in by_day[day] if i not in old] if day == last else []
                if kept:
                    by_day[day] = kept
                else:
                    del by_day[day]
            if not by_day:
                del self._postings[term]
