"""The rows of a fresh batch: chosen by a fixed rule, before anyone looked at
them or ran the stages on them.

Rule: among the rows of ../shared/data/news/detik-2025-dev.csv from row 95 on
(row 301 on for "fresh2": the rows 95-300 were read while looking for errors
after "fresh") that no part annotated before this one holds, those whose body (as warta
reads it) has 900-2,300 characters and at least two quote marks, without a
title that an earlier row has; then ``random.Random(seed).sample(candidates,
30)``, in CSV order. Part "fresh" used seed 2026, "fresh2" seed 2027, "fresh3"
seed 2028: row 301 on again (only fresh2's own articles among them were studied
after it), and, as only 19 rows there have 900-2,300 characters, bodies of
600-3,000 characters. "fresh4" used seed 2029, row 301 on, every earlier part
excluded, bodies of 400-4,000 characters (only 22 rows there have 600-3,000),
and no body that shares 80% of its distinct words with an annotated one (a
reprint under another title). "fresh5" takes the same rule as fresh4 with
every earlier part excluded and keeps all the candidates (fewer than 30 are
left: the file has 500 rows, and rows 95-300 were read after "fresh"), so its
seed (2030) only matters if the pool were larger.

    python -m evaluation.annotations.fresh_sample [fresh|...|fresh5]   # prints the CSV ids
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from evaluation.pages import detik_rows

import warta

ANNOTATIONS = Path(__file__).resolve().parent / "detik-2025-dev.quotes-times.json"
SETTINGS = warta.Settings(date_order="mdy")
SIZE = 30
# in the order they were annotated
PARTS = ["dev", "test", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"]
SEEDS = {"fresh": 2026, "fresh2": 2027, "fresh3": 2028, "fresh4": 2029, "fresh5": 2030}
FIRST_ROWS = {"fresh": 95, "fresh2": 301, "fresh3": 301, "fresh4": 301, "fresh5": 301}
LENGTHS = {
    "fresh": (900, 2300),
    "fresh2": (900, 2300),
    "fresh3": (600, 3000),
    "fresh4": (400, 4000),
    "fresh5": (400, 4000),
}
MARKS = '"“”'
SKIP_NEAR_DUPLICATES = {"fresh4", "fresh5"}  # the earlier parts skipped them by hand
NEAR_DUPLICATE = 0.8  # share of a body's distinct words


def candidates(part: str) -> list[str]:
    before = set(PARTS[: PARTS.index(part)])
    annotated = {
        i for i, a in json.loads(ANNOTATIONS.read_text(encoding="utf-8")).items()
        if a["split"] in before
    }  # fmt: skip
    seen_titles, found, annotated_words = set(), [], []
    for i, row in enumerate(detik_rows(10**6)):
        repeated = row["judul"] in seen_titles
        seen_titles.add(row["judul"])
        if row["id"] in annotated and part in SKIP_NEAR_DUPLICATES:
            annotated_words.append(set(_body(row).split()))
        if i < FIRST_ROWS[part] or row["id"] in annotated or repeated:
            continue
        body = _body(row)
        shortest, longest = LENGTHS[part]
        if shortest <= len(body) <= longest and sum(body.count(m) for m in MARKS) >= 2:
            found.append((row["id"], set(body.split())))
    return [i for i, words in found if not _near_duplicate(words, annotated_words)]


def _body(row: dict) -> str:
    page = f"{row['judul']}\n\n{row['tanggal']}\n\n{row['isi_berita']}"
    return warta.read(page, settings=SETTINGS).body


def _near_duplicate(words: set[str], annotated_words: list[set[str]]) -> bool:
    """A reprint of an annotated article under another id and title (most of
    its words in one annotated body)."""
    return any(len(words & other) >= NEAR_DUPLICATE * len(words) for other in annotated_words)


def sample(part: str = "fresh") -> list[str]:
    pool = candidates(part)
    chosen = set(random.Random(SEEDS[part]).sample(pool, min(SIZE, len(pool))))
    return [i for i in pool if i in chosen]


if __name__ == "__main__":
    print(" ".join(sample(sys.argv[1] if len(sys.argv) > 1 else "fresh")))
