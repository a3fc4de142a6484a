"""The rows of the fresh batch (part "fresh2"): chosen by a fixed rule, before
anyone looked at them or ran the stages on them.

Rule: among the rows of ../shared/data/news/detik-2025-dev.csv from row 95 on
that no earlier part annotated, those whose body (as warta reads it) has
900-2,300 characters and at least two quote marks, without a title that an earlier row has;
then ``random.Random(2026).sample(candidates, 30)``, in CSV order.

    python -m evaluation.annotations.fresh_sample      # prints the CSV ids
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from evaluation.pages import detik_rows

import warta

ANNOTATIONS = Path(__file__).resolve().parent / "detik-2025-dev.quotes-times.json"
SETTINGS = warta.Settings(date_order="mdy")
FIRST_ROW, SIZE, SEED = 95, 30, 2026
MARKS = '"“”'


def candidates() -> list[str]:
    annotated = set(json.loads(ANNOTATIONS.read_text(encoding="utf-8")))
    seen_titles, found = set(), []
    for i, row in enumerate(detik_rows(10**6)):
        repeated = row["judul"] in seen_titles
        seen_titles.add(row["judul"])
        if i < FIRST_ROW or row["id"] in annotated or repeated:
            continue
        page = f"{row['judul']}\n\n{row['tanggal']}\n\n{row['isi_berita']}"
        body = warta.read(page, settings=SETTINGS).body
        if 900 <= len(body) <= 2300 and sum(body.count(m) for m in MARKS) >= 2:
            found.append(row["id"])
    return found


def sample() -> list[str]:
    pool = candidates()
    chosen = set(random.Random(SEED).sample(pool, SIZE))
    return [i for i in pool if i in chosen]


if __name__ == "__main__":
    print(" ".join(sample()))
