"""spaCy's tokenizer with a cache that fills.

spaCy's tokenizer remembers the tokens of each whitespace-separated chunk,
but it stops saving them for the rest of a text once that text has used a
special case (``has_special`` in spacy/tokenizer.pyx, spaCy issue #1250),
and it stops for good after ``max_cache_size`` (10,000) chunks. Indonesian
has 15,963 special cases, most of them reduplicated words ("anak-anak",
"masing-masing", "Undang-Undang"), and most articles use one early. So most
chunks went through the prefix, suffix and infix regular expressions every
time: 2.6-4.1 ms an article on the Detik bodies, against 0.2-0.7 ms once
every chunk is cached (``bench/bench_ner.py --tokenizer``).

``CachingTokenizer`` tokenizes each chunk it has not seen before once on
its own, which saves it in spaCy's cache exactly as spaCy saves a chunk met
before any special case; every later text then finds it there. The tokens
are spaCy's own: its cache is keyed by the chunk, whose tokens do not
depend on its neighbours, and the special cases that span several chunks
are still applied to the whole text afterwards (tests/test_ner_tokens.py
compares). A stale record of what was seen (after ``from_disk``, say) only
costs speed.
"""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

__all__ = ["CHUNKS", "CachingTokenizer"]

#: Chunks remembered at most (spaCy's cache and the set of chunks seen, ~150
#: bytes each). ``_model.bounded_nlp`` loads a fresh pipeline, with an empty
#: cache, once the vocabulary has grown by ``MAX_NEW_WORDS``.
CHUNKS = 200_000


class CachingTokenizer:
    """Callable as spaCy's ``Tokenizer`` is; other attributes are the
    wrapped tokenizer's (setting one clears the record of chunks seen)."""

    def __init__(self, tokenizer: Tokenizer, chunks: int = CHUNKS):
        object.__setattr__(self, "tokenizer", tokenizer)
        object.__setattr__(self, "_chunks", chunks)
        object.__setattr__(self, "_seen", set())
        tokenizer.max_cache_size = chunks

    def __call__(self, text: str) -> Doc:
        seen = self._seen
        if len(seen) < self._chunks:
            new = set(text.split()).difference(seen)
            if new:
                seen.update(new)
                for chunk in new:
                    self.tokenizer(chunk)  # cached by spaCy, unless it holds a special case
        return self.tokenizer(text)

    def __getattr__(self, name: str):
        if name.startswith("__"):  # pickling and copying look these up before __init__ has run
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self.tokenizer, name, value)  # rules, affixes...: spaCy empties its cache
        self._seen.clear()

    def __reduce__(self):
        return (CachingTokenizer, (self.tokenizer, self._chunks))
