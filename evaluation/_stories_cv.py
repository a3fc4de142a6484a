"""Day-fold cross-validation of the story parameters over the tune days.

One annotated split is too few pairs to choose ``Params`` on: the best of
the grid is a lone peak that does not carry over from one day to the next.
The tune split is grouped whole (as the store would group it) with each
grid setting; each pair of articles belongs to the fold of its later day,
each article to the fold of its day. Each day's fold is held out in turn,
the parameters are chosen on the other folds' pairs (the held-out labels
are never read; the grouping reads no labels), and the held-out folds'
counts are pooled (never their ratios averaged). The rule that chooses is
the **stable choice**: the setting whose pooled F1 averaged with that of
its grid neighbours (one step along one axis) is highest, i.e. the middle
of a plateau rather than a peak. The old rule (the best F1 of the days grouped together) is
cross-validated beside it. A paired bootstrap over gold stories says
whether two models' figures differ by more than chance.
"""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import combinations, product

from warta.corpus._stories import Params

#: The grid: threshold, lede words, entity weight, headline weight.
AXES = ((0.15, 0.2, 0.25, 0.3, 0.35, 0.4), (30, 60, 120), (0.0, 1.0, 2.0, 4.0), (1, 2, 3))


def setting(key: tuple) -> Params:
    threshold, lede, entity_weight, headline_weight = key
    return Params(threshold=threshold, lede_words=lede, entity_weight=entity_weight,
                  headline_weight=headline_weight)


def keys() -> list[tuple]:
    return list(product(*AXES))


def neighbours(key: tuple) -> list[tuple]:
    """The settings one grid step away along one axis."""
    out = []
    for axis, value in enumerate(key):
        at = AXES[axis].index(value)
        for step in (at - 1, at + 1):
            if 0 <= step < len(AXES[axis]):
                out.append(key[:axis] + (AXES[axis][step],) + key[axis + 1:])
    return out


def pool(parts: list[dict]) -> dict:
    total: dict = defaultdict(float)
    for part in parts:
        for name, value in part.items():
            total[name] += value
    return dict(total)


def _fold_of(days: list[str], a: int, b: int) -> str:
    """A pair is held out with the later day of its two articles."""
    return max(days[a], days[b], key=_date)


def _date(day: str) -> tuple:
    month, date, year = day.split("/")
    return year, month, date


class DayGrid:
    """The tune split grouped whole (as the store groups it, so pairs across
    days count) once per grid setting; its pairs and articles counted per day."""

    def __init__(self, items: list[dict]):
        from .stories import group

        self.gold = [i["story"] for i in items]
        self.item_days = [i["day"] for i in items]
        self.days = sorted(set(self.item_days), key=_date)
        self.found = {k: group(items, setting(k)) for k in keys()}
        self.per_day = {k: self.by_day(self.found[k]) for k in keys()}

    def by_day(self, found: list[str]) -> dict[str, dict]:
        """Pair and B-cubed counts (as ``stories.counts``) of each day's fold."""
        out = {d: dict.fromkeys(("hit", "found", "gold", "b3_precision", "b3_recall", "articles"), 0.0)
               for d in self.days}
        gold, days = self.gold, self.item_days
        for a, b in combinations(range(len(gold)), 2):
            fold = out[_fold_of(days, a, b)]
            same_gold, same_found = gold[a] == gold[b], found[a] == found[b]
            fold["gold"] += same_gold
            fold["found"] += same_found
            fold["hit"] += same_gold and same_found
        for i in range(len(gold)):
            mine = {j for j in range(len(gold)) if found[j] == found[i]}
            truth = {j for j in range(len(gold)) if gold[j] == gold[i]}
            out[days[i]]["b3_precision"] += len(mine & truth) / len(mine)
            out[days[i]]["b3_recall"] += len(mine & truth) / len(truth)
            out[days[i]]["articles"] += 1
        return out

    def f1(self, key: tuple, days: list[str]) -> float:
        from .stories import rates

        return rates(pool([self.per_day[key][d] for d in days]))["F1"]

    def plateau(self, days: list[str]) -> dict[tuple, float]:
        """Per setting, its pooled F1 over the folds ``days`` averaged with its neighbours'."""
        f1 = {k: self.f1(k, days) for k in keys()}
        return {k: sum(f1[n] for n in [k, *neighbours(k)]) / (1 + len(neighbours(k))) for k in keys()}

    def stable_choice(self, days: list[str]) -> tuple:
        """The middle of the best plateau of pooled F1 over the folds ``days``."""
        plateau = self.plateau(days)
        return max(keys(), key=lambda k: (plateau[k], self.f1(k, days)))

    def peak_choice(self, days: list[str]) -> tuple:
        """The old rule: the best pooled F1 over the folds ``days``."""
        return max(keys(), key=lambda k: self.f1(k, days))

    def story_counts(self, key: tuple, day: str) -> dict[str, list[int]]:
        """Per gold story, the fold ``day``'s gold pairs, found pairs and pairs
        both under setting ``key``; a found pair belongs to its first article's story."""
        per: dict[str, list[int]] = {story: [0, 0, 0] for story in self.gold}
        gold, found = self.gold, self.found[key]
        for a, b in combinations(range(len(gold)), 2):
            if _fold_of(self.item_days, a, b) == day:
                same_gold, same_found = gold[a] == gold[b], found[a] == found[b]
                row = per[gold[a]]
                row[0] += same_gold
                row[1] += same_found
                row[2] += same_gold and same_found
        return per


def cross_validate(items: list[dict], fixed: tuple) -> dict:
    """Each tune day's fold held out in turn: the stable and the old rule's
    choices on the other folds, their held-out counts, pooled; ``fixed`` (a
    grid setting) beside them; and the stable choice on all folds."""
    grid = DayGrid(items)
    folds, pooled, held_out_stories = [], defaultdict(list), defaultdict(lambda: [0, 0, 0])
    for held in grid.days:
        others = [d for d in grid.days if d != held]
        choices = {"stable": grid.stable_choice(others), "peak": grid.peak_choice(others), "fixed": fixed}
        fold = {"day": held, **choices}
        for rule, key in choices.items():
            fold[f"{rule} counts"] = grid.per_day[key][held]
            pooled[rule].append(grid.per_day[key][held])
        folds.append(fold)
        for story, row in grid.story_counts(choices["stable"], held).items():
            held_out_stories[story] = [x + y for x, y in zip(held_out_stories[story], row, strict=True)]
    choice = grid.stable_choice(grid.days)
    return {"folds": folds, "pooled": {r: pool(c) for r, c in pooled.items()}, "choice": choice,
            "choice F1 by day": {d: grid.f1(choice, [d]) for d in grid.days},
            "choice pooled F1": grid.f1(choice, grid.days), "held-out stories": dict(held_out_stories),
            "plateau": grid.plateau(grid.days)}


def story_counts(gold: list[str], found: list[str]) -> dict[str, list[int]]:
    """Per gold story: gold pairs, found pairs, pairs both (a found pair
    belongs to the story of its first article)."""
    per: dict[str, list[int]] = {story: [0, 0, 0] for story in gold}
    for a, b in combinations(range(len(gold)), 2):
        same_gold, same_found = gold[a] == gold[b], found[a] == found[b]
        per[gold[a]][0] += same_gold
        per[gold[a]][1] += same_found
        per[gold[a]][2] += same_gold and same_found
    return per


def _f1(rows: list[list[int]]) -> float:
    gold, found, hit = (sum(r[i] for r in rows) for i in range(3))
    p, r = (hit / found if found else 1.0), (hit / gold if gold else 1.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def bootstrap_difference(a: dict[str, list[int]], b: dict[str, list[int]],
                         rounds: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Pairwise F1 of b minus a (per-story counts, ``story_counts``), and its
    95% interval, resampling gold stories (the same resample for both: paired)."""
    stories = sorted(a)
    rng = random.Random(seed)
    differences = []
    for _ in range(rounds):
        sample = [rng.choice(stories) for _ in stories]
        differences.append(_f1([b[s] for s in sample]) - _f1([a[s] for s in sample]))
    differences.sort()
    observed = _f1(list(b.values())) - _f1(list(a.values()))
    return observed, differences[int(0.025 * rounds)], differences[int(0.975 * rounds) - 1]
