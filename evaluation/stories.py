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
    python -m evaluation.stories --cv [--model DIR ...]

``--model`` groups with the entities of another NER model directory (a
candidate from training/ner/train.py); ``--set`` overrides a ``Params``
field, e.g. ``--set lede_words=120``, to score a setting chosen on the grid.

``--cv`` chooses the parameters by day-fold cross-validation over the tune
days (``evaluation/_stories_cv.py``) for each ``--model`` given (``shipped``
for the packaged model), then reads the test split once with each choice.

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
from warta.corpus._stem import stems
from warta.corpus._stories import Grouper, Params, stemmed_features
from warta.ner import _model as ner_model

from ._stories_cv import bootstrap_difference, cross_validate, keys, setting, story_counts
from .read_detik import DEFAULT_CSV, as_page, rows

SHIPPED_MODEL = ner_model.MODEL_DIR
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
            out.append({**notes[number], "article": article, "at": at, "day": row["tanggal"].split()[0],
                        "order": number})
    return out


def entity_names(article) -> list[str]:
    return [e.get("canonical") or e.get("text") for e in article.entities
            if e.get("label") in ENTITY_LABELS and (e.get("canonical") or e.get("text"))]


def group(items: list[dict], params: Params, *, entities: bool = True) -> list[str]:
    grouper = Grouper(params)
    stories = []
    for item in items:
        if "stems" not in item:  # stemmed once: a grid regroups the same articles many times
            article = item["article"]
            item["stems"] = stems(article.headline or ""), stems(article.body), entity_names(article)
        head, body, names = item["stems"]
        stories.append(grouper.add(stemmed_features(str(item["row"]), item["at"], head, body,
                                                    names if entities else (), params=params))[0])
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


def counts(gold: list[str], found: list[str]) -> dict:
    """Pair and B-cubed counts, which add up over parts scored apart."""
    pairs = list(combinations(range(len(gold)), 2))
    same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    same_found = {p for p in pairs if found[p[0]] == found[p[1]]}
    b3_precision = b3_recall = 0.0
    for i in range(len(gold)):
        mine = {j for j in range(len(gold)) if found[j] == found[i]}
        truth = {j for j in range(len(gold)) if gold[j] == gold[i]}
        b3_precision += len(mine & truth) / len(mine)
        b3_recall += len(mine & truth) / len(truth)
    return {"hit": len(same_gold & same_found), "found": len(same_found), "gold": len(same_gold),
            "b3_precision": b3_precision, "b3_recall": b3_recall, "articles": len(gold)}


def rates(c: dict) -> dict:
    """Pairwise P, R, F1 and B-cubed F1 of (pooled) ``counts``."""
    p = c["hit"] / c["found"] if c["found"] else 1.0
    r = c["hit"] / c["gold"] if c["gold"] else 1.0
    b3 = _f1(c["b3_precision"] / c["articles"], c["b3_recall"] / c["articles"]) if c["articles"] else 0.0
    return {"P": p, "R": r, "F1": _f1(p, r), "B3": b3, "pairs": c["gold"], "hit": c["hit"], "found": c["found"]}


def scores(gold: list[str], found: list[str]) -> dict:
    return rates(counts(gold, found))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


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
    for threshold, lede, ew, hw in keys():
        s = scores(gold, group(part, setting((threshold, lede, ew, hw))))
        print(f"{threshold:.2f} {lede:4d} {ew:3.1f} {hw}  {s['P']:.3f} {s['R']:.3f} {s['F1']:.3f} {s['B3']:.3f}")


def overridden(params: Params, settings: list[str]) -> Params:
    """``params`` with NAME=VALUE overrides, each VALUE of the field's type."""
    changes = {}
    for override in settings:
        name, _, value = override.partition("=")
        if not hasattr(params, name):
            sys.exit(f"--set {override}: Params has no field {name!r}")
        changes[name] = type(getattr(params, name))(value)
    return replace(params, **changes)


def use_model(name: str) -> None:
    # The entities stage loads the default model directory; point it elsewhere.
    ner_model.MODEL_DIR = SHIPPED_MODEL if name == "shipped" else Path(name).resolve()


def cross_validation(csv_path: Path, models: list[str], fixed: Params) -> int:
    """Per model: the day-fold cross-validation on tune, the stable choice,
    the test split read once with it; then each model against the first."""
    kept = {}
    for name in models:
        use_model(name)
        items = load(csv_path)
        fixed_key = (fixed.threshold, fixed.lede_words, fixed.entity_weight, fixed.headline_weight)
        cv = cross_validate([i for i in items if i["split"] == "tune"], fixed_key)
        print(f"\n== model {name}")
        for fold in cv["folds"]:
            print(f"held out {fold['day']}: stable {fold['stable']} -> {_line(fold['stable counts'])}; "
                  f"peak {fold['peak']} -> {_line(fold['peak counts'])}; fixed -> {_line(fold['fixed counts'])}")
        for rule, total in cv["pooled"].items():
            print(f"tune CV pooled, {rule:6} rule: {_line(total)}")
        choice = setting(cv["choice"])
        by_day = ", ".join(f"{d} {f:.3f}" for d, f in cv["choice F1 by day"].items())
        print(f"stable choice on all tune days: {cv['choice']} (pooled F1 {cv['choice pooled F1']:.3f}; {by_day})")
        test = [i for i in items if i["split"] == "test"]
        found = group(test, choice)
        print(f"test with the stable choice: {_line(counts([i['story'] for i in test], found))}")
        kept[name] = (cv["held-out stories"], story_counts([i["story"] for i in test], found))
    first = models[0]
    for name in models[1:]:
        for part, index in (("tune CV (held-out folds)", 0), ("test", 1)):
            observed, low, high = bootstrap_difference(kept[first][index], kept[name][index])
            print(f"{part}: F1 {name} minus {first} {observed:+.3f}, 95% interval [{low:+.3f}, {high:+.3f}] "
                  "(paired bootstrap over gold stories)")
    return 0


def _line(c: dict) -> str:
    r = rates(c)
    return (f"P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f} B3 {r['B3']:.3f} "
            f"({r['hit']}/{r['found']} found, {r['pairs']} gold pairs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--grid", action="store_true", help="Also print a parameter grid on the tune split.")
    parser.add_argument("--model", action="append", default=[],
                        help="NER model directory (default: shipped); repeat with --cv")
    parser.add_argument("--cv", action="store_true",
                        help="Choose Params by day-fold cross-validation on the tune days, then score test")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="Override a Params field")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        sys.exit(f"{args.csv}: not found (../shared/data is needed)")
    params = overridden(Params(), args.set)
    if args.cv:
        return cross_validation(args.csv, args.model or ["shipped"], params)
    if args.model:
        use_model(args.model[-1])
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
