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
600-3,000 characters.

    python -m evaluation.annotations.fresh_sample [fresh|fresh2|fresh3]   # prints the CSV ids
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
PARTS = ["dev", "test", "holdout", "fresh", "fresh2", "fresh3"]  # in the order they were annotated
SEEDS = {"fresh": 2026, "fresh2": 2027, "fresh3": 2028}
FIRST_ROWS = {"fresh": 95, "fresh2": 301, "fresh3": 301}
LENGTHS = {"fresh": (900, 2300), "fresh2": (900, 2300), "fresh3": (600, 3000)}
MARKS = '"“”'


def candidates(part: str) -> list[str]:
    before = set(PARTS[: PARTS.index(part)])
    annotated = {
        i for i, a in json.loads(ANNOTATIONS.read_text(encoding="utf-8")).items()
        if a["split"] in before
    }  # fmt: skip
    seen_titles, found = set(), []
    for i, row in enumerate(detik_rows(10**6)):
        repeated = row["judul"] in seen_titles
        seen_titles.add(row["judul"])
        if i < FIRST_ROWS[part] or row["id"] in annotated or repeated:
            continue
        page = f"{row['judul']}\n\n{row['tanggal']}\n\n{row['isi_berita']}"
        body = warta.read(page, settings=SETTINGS).body
        shortest, longest = LENGTHS[part]
        if shortest <= len(body) <= longest and sum(body.count(m) for m in MARKS) >= 2:
            found.append(row["id"])
    return found


def sample(part: str = "fresh") -> list[str]:
    pool = candidates(part)
    chosen = set(random.Random(SEEDS[part]).sample(pool, SIZE))
    return [i for i in pool if i in chosen]


if __name__ == "__main__":
    print(" ".join(sample(sys.argv[1] if len(sys.argv) > 1 else "fresh")))
