"""The ``summary`` stage: a short extractive summary and a few keyphrases.

The summary is the lede's first sentence plus the sentences whose content
words recur most in the article (in text order), a cheap stand-in for
centrality that needs no model. Keyphrases are runs of content words between
stop words and punctuation (RAKE-like), scored by how often they recur and
how long they are; names ("Korea Utara") come out whole.
"""

from __future__ import annotations

import re
from collections import Counter

from .._article import Article
from .._pipeline import stage
from ._stopwords import stop_words

SUMMARY_SENTENCES = 3
KEYPHRASES = 5
_MAX_PHRASE_WORDS = 4
# A sentence's run of text is taken whole, never given back ("(?=(?P<r>...))(?P=r)"
# is an atomic group that Python 3.10 can write): when no end follows a run (a
# line without a full stop), re would otherwise retry every shorter run and every
# later start in it, quadratic in the line (0.44-0.53 -> 0.09 ms an article, the
# same sentences; tests/test_summary.py).
_SENTENCE = re.compile(r"(?=(?P<run>[^.!?\n]+))(?P=run)(?:[.!?]+[\"”’]?|$)")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_BREAK = re.compile(r"[,.;:!?()\"“”'\n]|\s-\s")


@stage(needs=("paragraphs",), sets=("summary", "keyphrases"))
def summary(article: Article) -> None:
    body = article.body
    counts = _content_counts(body)
    article.summary = _summary(body, counts)
    article.keyphrases = _keyphrases(body, counts)


def _content_counts(text: str) -> Counter[str]:
    stops = stop_words()
    return Counter([w for w in map(str.lower, _WORD.findall(text)) if w not in stops])


def _summary(body: str, counts: Counter[str]) -> str | None:
    sentences = [s.strip() for s in map(re.Match.group, _SENTENCE.finditer(body)) if len(s.split()) >= 4]
    if not sentences:
        return None
    stops = stop_words()

    def score(sentence: str) -> float:
        words = [w.lower() for w in _WORD.findall(sentence)]
        content = [w for w in words if w not in stops]
        return sum(counts[w] for w in content) / (len(words) + 5)  # +5: no bonus for brevity

    rest = sorted(range(1, len(sentences)), key=lambda i: -score(sentences[i]))
    chosen = sorted([0, *rest[: SUMMARY_SENTENCES - 1]])
    return " ".join(sentences[i] for i in chosen)


def _keyphrases(body: str, counts: Counter[str]) -> list[str]:
    stops = stop_words()
    phrases: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for chunk in _BREAK.split(body):
        run: list[str] = []
        for word in [*_WORD.findall(chunk), ""]:
            if word and word.lower() not in stops and len(run) < _MAX_PHRASE_WORDS:
                run.append(word)
                continue
            if run:
                key = " ".join(run).lower()
                phrases[key] += 1
                shown.setdefault(key, " ".join(run))
            run = [word] if word and word.lower() not in stops else []

    def score(key: str) -> float:
        words = key.split()
        return phrases[key] * sum(counts[w] for w in words) / len(words) * min(len(words), 3)

    ranked = sorted((k for k in phrases if len(k) > 3), key=lambda k: (-score(k), k))
    return [shown[k] for k in ranked[:KEYPHRASES]]
