"""Evaluate story grouping on hand-annotated Detik articles.

The annotation (``evaluation/annotations/detik-2025-dev.stories.json``, see
the README there) labels the 284 articles of 17-22 October 2025 in
../shared/data/news/detik-2025-dev.csv with the event they report. The days
17-20 (174 articles) are the **tune** split, on which the parameters were
chosen; 21-22 (110 articles) the **test** split, looked at once. Each split is
grouped on its own, in the CSV's row order (the order ``warta ingest`` stores
them), and scored by pairwise precision, recall and F1 (pairs of articles put
in one story) and B-cubed F1.

    python -m evaluation.stories [--csv PATH] [--grid] [--model DIR] [--set NAME=VALUE ...]

``--model`` groups with the entities of another NER model directory (a
candidate from training/ner/train.py); ``--set`` overrides a ``Params``
field, e.g. ``--set lede_words=120``, to score a setting chosen on the grid.

Compared in the same run: MinHash near-duplicates only (the store's
``duplicate_of`` links, as stories), headline words only, text without
entities, and warta's grouping (text and entities).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import datetime
from itertools import combinations
from pathlib import Path

import warta
from warta._settings import DEFAULT
from warta._settings import replace as replace_settings
from warta.corpus._minhash import THRESHOLD, signature, similarity
from warta.corpus._stories import Grouper, Params, features
from warta.ner import _model as ner_model

from .read_detik import DEFAULT_CSV, as_page, rows

ANNOTATION = Path(__file__).parent / "annotations" / "detik-2025-dev.stories.json"
#: Entity labels whose canonical names count (dates and numbers are not who or where).
ENTITY_LABELS = {"PER", "ORG", "LOC", "PERSON", "ORGANIZATION", "LOCATION", "GPE", "NORP", "EVT", "FAC"}


def load(csv_path: Path) -> list[dict]:
    """The annotated articles in row order: row, split, story, and the article read."""
    notes = {a["row"]: a for a in json.loads(ANNOTATION.read_text())["articles"]}
    settings = replace_settings(DEFAULT, date_order="mdy")
    out = []
    for number, row in enumerate(rows(csv_path)):
        if number in notes:
            if row["id"] != notes[number]["id"]:
                sys.exit(f"row {number}: id {row['id']} is not the annotated {notes[number]['id']}")
            article = warta.read(as_page(row), settings=settings)
            at = datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M").timestamp()
            out.append({**notes[number], "article": article, "at": at})
    return out


def entity_names(article) -> list[str]:
    return [e.get("canonical") or e.get("text") for e in article.entities
            if e.get("label") in ENTITY_LABELS and (e.get("canonical") or e.get("text"))]


def group(items: list[dict], params: Params, *, entities: bool = True) -> list[str]:
    grouper = Grouper(params)
    stories = []
    for item in items:
        article = item["article"]
        names = entity_names(article) if entities else ()
        stories.append(grouper.add(features(str(item["row"]), item["at"], article.headline,
                                            article.body, names, params=params))[0])
    return stories


def near_duplicates(items: list[dict]) -> list[str]:
    """The store's near-duplicate links alone (MinHash over word pairs)."""
    parent = list(range(len(items)))
    sigs = [signature(i["article"].body) for i in items]

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in combinations(range(len(items)), 2):
        if sigs[a] and sigs[b] and similarity(sigs[a], sigs[b]) >= THRESHOLD:
            parent[find(b)] = find(a)
    return [str(find(i)) for i in range(len(items))]


def scores(gold: list[str], found: list[str]) -> dict:
    pairs = list(combinations(range(len(gold)), 2))
    same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    same_found = {p for p in pairs if found[p[0]] == found[p[1]]}
    hit = len(same_gold & same_found)
    p = hit / len(same_found) if same_found else 1.0
    r = hit / len(same_gold) if same_gold else 1.0
    return {"P": p, "R": r, "F1": _f1(p, r), "B3": _bcubed(gold, found), "pairs": len(same_gold)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _bcubed(gold: list[str], found: list[str]) -> float:
    precision = recall = 0.0
    for i in range(len(gold)):
        mine = {j for j in range(len(gold)) if found[j] == found[i]}
        truth = {j for j in range(len(gold)) if gold[j] == gold[i]}
        precision += len(mine & truth) / len(mine)
        recall += len(mine & truth) / len(truth)
    return _f1(precision / len(gold), recall / len(gold))


def systems(params: Params) -> dict:
    headline_only = replace(params, lede_words=0, entity_weight=0.0)
    return {
        "MinHash near-duplicates only": near_duplicates,
        "headline words only": lambda items: group(items, headline_only, entities=False),
        "text (headline + lede), no entities": lambda items: group(items, params, entities=False),
        "warta: text + entities": lambda items: group(items, params),
    }


def report(items: list[dict], params: Params) -> dict:
    results = {}
    for split in ("tune", "test"):
        part = [i for i in items if i["split"] == split]
        gold = [i["story"] for i in part]
        for name, run in systems(params).items():
            results[(split, name)] = scores(gold, run(part))
    return results


def grid(items: list[dict]) -> None:
    part = [i for i in items if i["split"] == "tune"]
    gold = [i["story"] for i in part]
    print("tune split grid: threshold, lede_words, entity_weight, headline_weight -> P R F1 B3")
    for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        for lede in (30, 60, 120):
            for ew in (0.0, 1.0, 2.0, 4.0):
                for hw in (1, 2, 3):
                    params = Params(threshold=threshold, lede_words=lede, entity_weight=ew, headline_weight=hw)
                    s = scores(gold, group(part, params))
                    print(f"{threshold:.2f} {lede:4d} {ew:3.1f} {hw}  {s['P']:.3f} {s['R']:.3f} "
                          f"{s['F1']:.3f} {s['B3']:.3f}")


def overridden(params: Params, settings: list[str]) -> Params:
    """``params`` with NAME=VALUE overrides, each VALUE of the field's type."""
    changes = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if not hasattr(params, name):
            sys.exit(f"--set {setting}: Params has no field {name!r}")
        changes[name] = type(getattr(params, name))(value)
    return replace(params, **changes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--grid", action="store_true", help="Also print a parameter grid on the tune split.")
    parser.add_argument("--model", type=Path, help="NER model directory (default: shipped)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="Override a Params field")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        sys.exit(f"{args.csv}: not found (../shared/data is needed)")
    if args.model:
        # The entities stage loads the default model directory; point it elsewhere.
        ner_model.MODEL_DIR = args.model.resolve()
    params = overridden(Params(), args.set)
    items = load(args.csv)
    if args.grid:
        grid(items)
    print(f"parameters: {params}")
    print(f"{'split':5}  {'system':38} {'P':>6} {'R':>6} {'F1':>6} {'B3 F1':>6}  gold pairs")
    for (split, name), s in report(items, params).items():
        print(f"{split:5}  {name:38} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} {s['B3']:6.3f}  {s['pairs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
