"""Counts of a batch run: articles, mentions, and inputs dropped or failed by reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Report", "reason_head"]


@dataclass
class Report:
    rows: Counter = field(default_factory=Counter)  # per table
    errors: Counter = field(default_factory=Counter)  # (kind, reason head)

    def add(self, bundle: dict) -> None:
        for table, rows in bundle.items():
            if isinstance(rows, list):
                self.rows[table] += len(rows)
            elif rows is not None:
                self.rows[table] += 1
        error = bundle["errors"]
        if error is not None:
            self.errors[(error["kind"], reason_head(error["reason"]))] += 1

    def merge(self, other: Report) -> None:
        self.rows.update(other.rows)
        self.errors.update(other.errors)

    @property
    def articles(self) -> int:
        return self.rows["articles"]

    def summary(self) -> str:
        kinds = Counter()
        for (kind, _), n in self.errors.items():
            kinds[kind] += n
        lines = [f"articles read: {self.articles}"]
        lines += [f"{kind}: {n}" for kind, n in sorted(kinds.items())]
        lines += [f"  {kind}, {reason}: {n}" for (kind, reason), n in self.errors.most_common(10)]
        lines += [f"{t} rows: {self.rows[t]}" for t in ("entities", "quotes", "times") if self.rows[t]]
        return "\n".join(lines)


def reason_head(reason: str) -> str:
    # "HTTP status 404" and "not HTML (image/png)" group well; long messages by their start.
    return reason.split(":")[0][:60]
