"""Turn hand-written annotation notes into the offsets stored here.

The notes stay outside the repository, because they quote the articles (the
Detik data has no licence). One note file per part, named a*.txt (dev),
b*.txt (test), c*.txt (holdout), d*.txt (fresh), e*.txt (fresh2), f*.txt (fresh3),
g*.txt (fresh4), h*.txt (fresh5), in this form, in text order:

    @<CSV id>
    D <first words> ... <last words> = <speaker>      a direct quote
    I <first words> ... <last words> = <speaker>      an indirect quote
    T <words around [the expression]> = <ISO value>   a time expression

    python -m evaluation.annotations.anchors_to_offsets NOTES_DIR OUT.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from evaluation.pages import detik_rows

import warta

SETTINGS = warta.Settings(date_order="mdy")
PARTS = {
    "a": "dev",
    "b": "test",
    "c": "holdout",
    "d": "fresh",
    "e": "fresh2",
    "f": "fresh3",
    "g": "fresh4",
    "h": "fresh5",
}


def bodies() -> dict[str, warta.Article]:
    pages = {
        r["id"]: f"{r['judul']}\n\n{r['tanggal']}\n\n{r['isi_berita']}" for r in detik_rows(10**6)
    }
    return {i: warta.read(p, settings=SETTINGS) for i, p in pages.items()}


def convert(notes: Path) -> dict:
    articles, out = bodies(), {}
    for path in sorted(notes.glob("[abcdefgh]*.txt")):
        record, body, position = None, "", 0
        for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
            if line.startswith("@"):
                article = articles[line[1:].strip()]
                body, position = article.body, 0
                record = out[line[1:].strip()] = {
                    "split": PARTS[path.name[0]],
                    "published": article.published,
                    "body_chars": len(body),
                    "quotes": [],
                    "times": [],
                }
                continue
            kind, rest = line.split(" ", 1)
            anchor, value = rest.rsplit(" = ", 1)
            position = _add(record, body, kind, anchor, value, position, line)
    return out


def _add(
    record: dict, body: str, kind: str, anchor: str, value: str, position: int, line: str
) -> int:
    if kind in ("D", "I"):
        first, last = (part.strip() for part in anchor.split(" ... "))
        start = body.find(first, position)
        end = body.find(last, start) + len(last)
        if start < 0 or end < len(last):
            raise ValueError(f"not found: {line}")
        record["quotes"].append(
            {
                "kind": "direct" if kind == "D" else "indirect",
                "start": start,
                "end": end,
                "speaker": value,
            }
        )
        return start
    before, core, after = (
        re.match(r"(.*)\[(.*)\](.*)$", anchor).groups() if "[" in anchor else ("", anchor, "")
    )
    found = body.find(before + core + after, position)
    if found < 0:
        raise ValueError(f"not found: {line}")
    start = found + len(before)
    record["times"].append({"start": start, "end": start + len(core), "value": value})
    return start


if __name__ == "__main__":
    result = convert(Path(sys.argv[1]))
    Path(sys.argv[2]).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
