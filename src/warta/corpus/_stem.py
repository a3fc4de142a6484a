"""Indonesian words to the form the search index keeps.

simplemma's Indonesian dictionary does most of the work (it gets
"mengunjungi" -> "kunjung" right where Snowball gives "unjung"); before it we
fold reduplication ("monyet-monyet" -> "monyet"), and for words it does not
know we strip the clitics -nya, -lah, -kah and retry. Measured against the
CSUI gold lemmas by ``evaluation/stemming.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

__all__ = ["INDEX_FORMS", "stem", "stems", "words"]

#: What made the index forms; a store records it, since a store indexed with
#: other forms would miss words searched with these.
INDEX_FORMS = f"simplemma {simplemma.__version__}; warta stem rules 1"

#: Word tokens: letters (any script) and digits, inner hyphens and apostrophes kept.
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
CLITICS = ("nya", "lah", "kah")


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one word (lower case)."""
    word = word.lower()
    if "-" in word:
        head, _, tail = word.partition("-")
        if head == tail or tail.startswith(head) or head.endswith(tail):
            word = head if head == tail else word.replace("-", "")
    lemma = simplemma.lemmatize(word, lang="id").lower()
    if lemma == word:
        for clitic in CLITICS:
            if word.endswith(clitic) and len(word) - len(clitic) >= 4:
                shorter = simplemma.lemmatize(word[: -len(clitic)], lang="id").lower()
                if shorter != word[: -len(clitic)]:
                    return shorter
    return lemma


def stems(text: str) -> str:
    """The text as index forms separated by spaces."""
    return " ".join(map(stem, WORD.findall(text)))
