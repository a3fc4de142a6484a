"""Evaluate the quotes and times stages on hand-annotated Detik bodies.

The annotations (``evaluation/annotations/detik-2025-dev.quotes-times.json``)
hold, per CSV ``id``, character offsets into the body as ``warta.read``
gives it, the speaker's name and the time values: never the text itself
(docs/understand.md says how they were made). The bodies are read from
../shared at run time.

A predicted quote matches a gold one when their spans overlap by at least
half of the shorter span (one to one, in text order); speaker accuracy is
over matched quotes. A gold time expression is correct when a predicted
expression overlaps it with the same value. dateparser is given the gold
span's text, the publish time as its base, and is scored at the gold
value's granularity (year, month, ISO week, day, time), which favours it.

    python -m evaluation.quotes_times [--show N] [--part P]   # N misses of part P (fresh5)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import warta
from evaluation.pages import DETIK, detik_rows
from warta.understand import STAGES

HAVE_DATEPARSER = importlib.util.find_spec("dateparser") is not None
ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "detik-2025-dev.quotes-times.json"
PIPELINE = warta.read_pipeline(extra=STAGES)
SETTINGS = warta.Settings(date_order="mdy")  # the dump's date stamp is M/D/YYYY
PARTS = ("dev", "test", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5")  # in the order annotated


def load() -> dict:
    return json.loads(ANNOTATIONS.read_text(encoding="utf-8"))


def read_articles(ids: set[str]) -> dict[str, warta.Article]:
    found = {}
    for row in detik_rows(10**6):
        if row["id"] in ids:
            page = f"{row['judul']}\n\n{row['tanggal']}\n\n{row['isi_berita']}"
            found[row["id"]] = warta.read(page, settings=SETTINGS, pipeline=PIPELINE)
    return found


def check_bodies(gold: dict, articles: dict) -> None:
    """Offsets only mean something on the body they were taken from: refuse
    to score a row whose body ``read`` now gives at another length (as when
    mojibake repair came in and shortened four annotated bodies)."""
    moved = sorted((aid for aid, g in gold.items() if len(articles[aid].body) != g["body_chars"]), key=int)
    if moved:
        raise SystemExit(f"rows {', '.join(moved)}: warta reads their bodies at another length than "
                         "when they were annotated; map the offsets to the new bodies first")


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_quotes(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            shorter = min(g["end"] - g["start"], p["end"] - p["start"])
            if i not in used and shorter > 0 and overlap(g, p) * 2 >= shorter:
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def same_speaker(gold: str, predicted: str | None, strict: bool = False) -> bool:
    if predicted is None:
        return False
    g, p = gold.lower().split(), predicted.lower().split()
    return g == p if strict else set(g) <= set(p) or set(p) <= set(g)


def dateparser_value(text: str, gold_value: str, published: str) -> str | None:
    import dateparser  # an evaluation-only dependency: pip install dateparser

    base = datetime.fromisoformat(published).replace(tzinfo=None)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(text, languages=["id"], settings=settings)
    if parsed is None:
        return None
    return granular(parsed, gold_value)


def granular(value: datetime, like: str) -> str:
    """`value` written at the granularity of the ISO value `like`."""
    if len(like) == 4:
        return f"{value.year:04d}"
    if "-W" in like:
        year, week, _ = value.isocalendar()
        return f"{year}-W{week:02d}"
    if "-Q" in like:
        return f"{value.year}-Q{(value.month - 1) // 3 + 1}"
    if len(like) == 7:
        return value.strftime("%Y-%m")
    if len(like) == 10:
        return value.date().isoformat()
    clock = (
        value.strftime("%H:%M:%S") + like[len(like) - 6 :]
        if like[-6] in "+-"
        else value.strftime("%H:%M:%S")
    )
    return f"{value.date().isoformat()}T{clock}" if "T" in like else clock


def evaluate(show: int = 0, split: str | None = None) -> dict:
    """Figures over the annotated articles, or over one part of them: "dev",
    "test" and "holdout" (the rules were tuned on all three by now) or
    "fresh" to "fresh5" (each annotated after a freeze of the rules;
    docs/understand.md)."""
    gold_all = {k: v for k, v in load().items() if split in (None, v.get("split"))}
    articles = read_articles(set(gold_all))
    check_bodies(gold_all, articles)
    c: Counter = Counter()
    misses: list[str] = []
    for aid, gold in gold_all.items():
        article = articles[aid]
        _score_quotes(aid, gold["quotes"], article.quotes, c, misses)
        _score_times(aid, gold, article, c, misses)
    for line in misses[:show]:
        print(line)
    return _figures(c, len(gold_all))


def _score_quotes(aid, gold, predicted, c, misses) -> None:
    pairs = match_quotes(gold, predicted)
    c["gold quotes"] += len(gold)
    c["predicted quotes"] += len(predicted)
    c["matched quotes"] += len(pairs)
    for kind in ("direct", "indirect"):
        c[f"gold {kind}"] += sum(g["kind"] == kind for g in gold)
        c[f"predicted {kind}"] += sum(p["kind"] == kind for p in predicted)
        c[f"matched {kind}"] += sum(g["kind"] == kind == p["kind"] for g, p in pairs)
    for g, p in pairs:
        c["speaker right"] += same_speaker(g["speaker"], p["speaker"])
        c["speaker exact"] += same_speaker(g["speaker"], p["speaker"], strict=True)
        if not same_speaker(g["speaker"], p["speaker"]):
            misses.append(
                f"{aid} speaker {p['start']}: gold {g['speaker']!r}, got {p['speaker']!r}"
            )
    matched = {id(g) for g, _ in pairs}
    misses += [
        f"{aid} missed {g['kind']} quote {g['start']}-{g['end']}"
        for g in gold
        if id(g) not in matched
    ]
    found = {id(p) for _, p in pairs}
    misses += [
        f"{aid} extra {p['kind']} quote {p['start']}-{p['end']}"
        for p in predicted
        if id(p) not in found
    ]


def _score_times(aid, gold, article, c, misses) -> None:
    body = article.body
    for g in gold["times"]:
        c["gold times"] += 1
        hits = [t for t in article.times if overlap(g, t)]
        c["time spans found"] += bool(hits)
        right = any(t["value"] == g["value"] for t in hits)
        c["time values right"] += right
        if not right:
            misses.append(
                f"{aid} time {g['start']}: gold {g['value']}, got {[t['value'] for t in hits]}"
            )
        if not HAVE_DATEPARSER:
            continue
        c["dateparser right"] += (
            dateparser_value(body[g["start"] : g["end"]], g["value"], gold["published"])
            == g["value"]
        )
    c["predicted times"] += len(article.times)
    c["predicted times on gold"] += sum(
        any(overlap(g, t) for g in gold["times"]) for t in article.times
    )


def _figures(c: Counter, n: int) -> dict:
    def prf(matched, predicted, gold):
        p, r = matched / max(predicted, 1), matched / max(gold, 1)
        return p, r, 2 * p * r / max(p + r, 1e-9)

    out = {"articles": n, "counts": dict(c)}
    out["quotes"] = prf(c["matched quotes"], c["predicted quotes"], c["gold quotes"])
    for kind in ("direct", "indirect"):
        out[kind] = prf(c[f"matched {kind}"], c[f"predicted {kind}"], c[f"gold {kind}"])
    out["speaker accuracy"] = c["speaker right"] / max(c["matched quotes"], 1)
    out["speaker exact"] = c["speaker exact"] / max(c["matched quotes"], 1)
    out["time values"] = c["time values right"] / max(c["gold times"], 1)
    out["time span recall"] = c["time spans found"] / max(c["gold times"], 1)
    out["time span precision"] = c["predicted times on gold"] / max(c["predicted times"], 1)
    out["dateparser time values"] = (
        c["dateparser right"] / max(c["gold times"], 1) if HAVE_DATEPARSER else None
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N misses")
    parser.add_argument("--part", default="fresh5", help="the part whose misses --show prints")
    args = parser.parse_args()
    if not DETIK.exists():
        print(f"{DETIK} is absent; nothing to evaluate")
        return 0
    for split in (*PARTS, None):
        print(f"\n== {split or 'all'} ==")
        report(evaluate(args.show if split == args.part else 0, split))
    return 0


def report(f: dict) -> None:
    c = f["counts"]
    print(
        f"articles: {f['articles']}; gold quotes {c['gold quotes']} "
        f"({c['gold direct']} direct, {c['gold indirect']} indirect); gold times {c['gold times']}"
    )
    for name in ("quotes", "direct", "indirect"):
        p, r, f1 = f[name]
        print(f"{name:9} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(
        f"speaker accuracy (matched quotes) {f['speaker accuracy']:.3f}  (exact name {f['speaker exact']:.3f})"
    )
    print(
        f"time values {f['time values']:.3f}  (spans found {f['time span recall']:.3f}, "
        f"span precision {f['time span precision']:.3f})"
    )
    if f["dateparser time values"] is None:
        print("dateparser is not installed: pip install dateparser for its figures")
    else:
        print(f"dateparser time values on the same spans {f['dateparser time values']:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
