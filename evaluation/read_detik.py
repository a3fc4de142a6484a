"""Evaluate ``warta.read`` on real Detik bodies (../shared/data/news/detik-2025-dev.csv).

Each row becomes a text dump in detik's own order (headline, date stamp,
body) and is read. Checked against the row, line by line:

- boilerplate: input lines that a reference list (written independently of
  warta's rules, from reading the file) calls furniture must not survive;
- content: every other input line must survive as a paragraph (a dateline
  may be cut off its front, a trailer off its end); anything else is lost;
- the headline equals the row's ``judul`` and ``published`` its ``tanggal``.

Bodies with mojibake ("2,5Â±1%") are compared in their repaired form, as
warta repairs them on purpose (and says so in a warning); they are counted.

    python -m evaluation.read_detik [CSV] [--show N]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import warta
from warta._decode import repair_mojibake
from warta._normalise import clean_line, key

DEFAULT_CSV = Path(__file__).resolve().parents[1].parent / "shared/data/news/detik-2025-dev.csv"

# Furniture seen in Detik bodies, listed by hand from the file.
REFERENCE_BOILERPLATE = re.compile(
    r"^(SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT)$"
    r"|^(Simak|Tonton|Saksikan|Lihat)( juga)?( Live)?\s*(Video|video|Detik|detik|LiveDetik)"
    r"|^\[Gambas:[^\]]*\]$|^Baca juga\s*:|^Editor\s*:"
    r"|^Artikel ini (pertama kali|sudah|telah) (terbit|tayang)"
)


def rows(path: Path):
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def as_page(row: dict) -> str:
    return f"{row['judul']}\n\n{row['tanggal']}\n\n{row['isi_berita']}"


def check(row: dict, article: warta.Article, counts: Counter, problems: list) -> None:
    kept = {key(p) for p in article.paragraphs}
    kept_text = key(" ".join(article.paragraphs))
    body = repair_mojibake(row["isi_berita"])
    counts["mojibake repaired"] += body is not None
    for line in filter(None, map(clean_line, (body or row["isi_berita"]).splitlines())):
        if REFERENCE_BOILERPLATE.search(line):
            counts["boilerplate lines"] += 1
            if key(line) in kept:
                counts["boilerplate kept"] += 1
                problems.append(("boilerplate kept", line))
        else:
            counts["content lines"] += 1
            if not _survives(key(line), kept, kept_text):
                counts["content lost"] += 1
                problems.append(("content lost", line))
    counts["datelines stripped"] += article.dateline is not None
    counts["headline matches"] += article.headline == clean_line(row["judul"])
    expected = datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M").strftime("%Y-%m-%dT%H:%M:00+07:00")
    counts["published matches"] += article.published == expected
    counts["language id"] += article.language == "id"


def _survives(line: str, kept: set[str], kept_text: str) -> bool:
    # A dateline may be cut off the front of a kept paragraph, a trailer off its end.
    return line in kept or line in kept_text or any(len(k) > 30 and k in line for k in kept)


def evaluate(path: Path = DEFAULT_CSV, settings: warta.Settings | None = None) -> tuple[Counter, list]:
    settings = settings or warta.Settings(date_order="mdy")
    counts: Counter = Counter()
    problems: list = []
    for row in rows(path):
        counts["articles"] += 1
        check(row, warta.read(as_page(row), settings=settings, nlp=False), counts, problems)
    return counts, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--show", type=int, default=10, help="problem lines to print")
    args = parser.parse_args(argv)
    counts, problems = evaluate(args.csv)
    for name in ("articles", "boilerplate lines", "boilerplate kept", "content lines", "content lost",
                 "datelines stripped", "mojibake repaired", "headline matches", "published matches",
                 "language id"):
        print(f"{name:20} {counts[name]}")
    for kind, line in problems[: args.show]:
        print(f"  {kind}: {line[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
