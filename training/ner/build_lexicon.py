"""Compile src/warta/ner/common_words.txt: words that open sentences, not names.

A word the training corpora write in lower case (outside any entity) at
least twice is a common word; capitalised at the start of a sentence it is
still a common word, and the model sometimes tags it ("Televisi", "Laporan").
warta drops single-token entities made of such a word at a sentence start.
Words that ever start an entity in the gold data are left out, so that
"Rusia" or "Senin" can never land here by a slip in one corpus.

    python training/ner/build_lexicon.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import corpora
from spacy.lang.id.stop_words import STOP_WORDS
from train import DEFAULT_CORPORA

TARGET = Path(__file__).resolve().parents[2] / "src" / "warta" / "ner" / "common_words.txt"
#: Openers seen in the seed article; kept even if a corpus never lowers them.
ALWAYS = {
    "sampai",
    "masalah",
    "televisi",
    "para",
    "saat",
    "tidak",
    "laporan",
    "seorang",
    "pemimpin",
}


def counts() -> tuple[Counter, set[str]]:
    lower, named = Counter(), set()
    for name in DEFAULT_CORPORA:
        for words, tags in corpora.read(name):
            for word, tag in zip(words, tags, strict=True):
                if tag != "O":
                    named.add(word.lower())
                elif word.isalpha() and word.islower():
                    lower[word] += 1
    return lower, named


def main() -> None:
    lower, named = counts()
    words = {w for w, n in lower.items() if n >= 2 and w not in named}
    words |= set(STOP_WORDS) | ALWAYS
    TARGET.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} common words written to {TARGET}")


if __name__ == "__main__":
    main()
