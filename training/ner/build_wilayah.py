"""Compile src/warta/data/wilayah.json from ../shared/data/gazetteers/wilayah.

Only provinces (``NN``) and regencies/cities (``NN.NN``) ship: districts and
villages would make the file 100 times larger for names that news rarely
tags as places. The MIT notice travels inside the JSON.

    python training/ner/build_wilayah.py
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import corpora

SOURCE = corpora.DATA / "gazetteers" / "wilayah"
TARGET = Path(__file__).resolve().parents[2] / "src" / "warta" / "data" / "wilayah.json"
LEVELS = re.compile(r"^\d{2}(\.\d{2})?$")


def regions() -> dict[str, str]:
    with open(SOURCE / "wilayah.csv", encoding="utf-8", newline="") as f:
        return {
            row["kode"]: row["nama"].strip()
            for row in csv.DictReader(f)
            if LEVELS.match(row["kode"])
        }


def main() -> None:
    notice = (SOURCE / "LICENSE").read_text(encoding="utf-8").strip()
    data = {
        "source": "cahyadsn/wilayah (Kepmendagri 2025), https://github.com/cahyadsn/wilayah",
        "license": notice,
        "regions": dict(sorted(regions().items())),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['regions'])} regions written to {TARGET}")


if __name__ == "__main__":
    main()
