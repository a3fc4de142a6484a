"""Read the NER corpora of ../shared/data/ner as (words, tags) with PER/ORG/LOC.

Every corpus is token-per-line BIO; they differ only in the column that
holds the tag and in label names, so one reader and one mapping cover all.
Labels outside PER/ORG/LOC (NER UGM's QUANTITY and TIME) become O.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA = Path(os.environ.get("WARTA_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "data"
NER = DATA / "ner"

LABELS = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC",
}  # fmt: skip

#: name -> file, relative to NER; "{k}" is the fold number.
SPLITS = {
    "nerui-train": "nerui/train.{k}.tsv",
    "nerui-dev": "nerui/dev.{k}.tsv",
    "nerui-test": "nerui/test.{k}.tsv",
    "nerugm-train": "nerugm/train.{k}.tsv",
    "nerugm-dev": "nerugm/dev.{k}.tsv",
    "nerugm-test": "nerugm/test.{k}.tsv",
    "idner-train": "idner-news-2k/train.txt",
    "idner-dev": "idner-news-2k/dev.txt",
    "idner-test": "idner-news-2k/test.txt",
    "nergrit-train": "nergrit/train_preprocess.txt",
    "nergrit-valid": "nergrit/valid_preprocess.txt",
}

Sentence = tuple[list[str], list[str]]


def map_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABELS.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def read(name: str, fold: int = 1) -> list[Sentence]:
    """Sentences of one split, tags mapped onto PER/ORG/LOC."""
    path = NER / SPLITS[name].format(k=f"{fold:02d}")
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.strip().split()
        if not cols:
            if words:
                sentences.append((words, _repair(tags)))
            words, tags = [], []
            continue
        words.append(cols[0])
        tags.append(map_tag(cols[-1]))
    if words:
        sentences.append((words, _repair(tags)))
    return sentences


def _repair(tags: list[str]) -> list[str]:
    """Turn an I- that follows O or another label into B- (a few such slips exist)."""
    out = []
    for i, tag in enumerate(tags):
        prev = out[i - 1] if i else "O"
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def key(words: list[str]) -> str:
    """Sentence identity for overlap checks: case-insensitive, spacing-free."""
    return "".join(words).lower()


def unseen(test: list[Sentence], used: list[list[Sentence]]) -> list[Sentence]:
    """The test sentences that occur in none of the training sets used."""
    seen = {key(w) for corpus in used for w, _ in corpus}
    return [s for s in test if key(s[0]) not in seen]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact entity spans (start, end, label) of a BIO sequence."""
    out, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            out.add((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return out
