"""The one data model that flows through every stage: ``Article``.

Front ends (text dump, HTML) fill it from a page; stages refine it; later
stages (entities, quotes, ...) add fields beside these. ``to_dict`` gives the
JSON record whose field names are stable (see docs/record.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = ["Article", "Dateline", "Outlet", "Removed", "Source"]

LABELS = ("editorial", "sponsored", "press_release")


@dataclass
class Outlet:
    name: str
    domain: str | None = None


@dataclass
class Dateline:
    place: str | None
    outlet: str | None
    text: str = ""  # as it stood in the page, e.g. "Jakarta, KOMPAS.com -"


@dataclass
class Removed:
    """A piece of the page that is not in the clean article, and why."""

    text: str
    reason: str


@dataclass
class Source:
    format: str  # "text" or "html"
    encoding: str | None = None
    bytes: int = 0


@dataclass
class Article:
    headline: str | None = None
    published: str | None = None  # ISO 8601 with offset
    published_zone_assumed: bool = False  # True when the page gave no zone
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    reporter: str | None = None
    outlet: Outlet | None = None
    label: str | None = None  # one of LABELS, or None when the page does not say
    captions: list[str] = field(default_factory=list)
    lede: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    language: str | None = None
    #: Named entities (issue 3): dicts {text, label, start, end, canonical, ...}
    #: with offsets into ``body``.
    entities: list[dict[str, Any]] = field(default_factory=list)
    #: Quotes (issue 4): {text, speaker, speaker_entity, cue, kind, start, end}.
    quotes: list[dict[str, Any]] = field(default_factory=list)
    #: Time expressions resolved against ``published``: {text, value, start, end}.
    times: list[dict[str, Any]] = field(default_factory=list)
    #: Quantities in Indonesian notation: {text, value, unit, start, end, ...}.
    quantities: list[dict[str, Any]] = field(default_factory=list)
    summary: str | None = None
    keyphrases: list[str] = field(default_factory=list)
    url: str | None = None
    source: Source | None = None
    warnings: list[str] = field(default_factory=list)
    #: Raw candidates gathered by the front ends for later stages (date
    #: strings, outlet mentions, HTML metadata). Not part of the record.
    hints: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def body(self) -> str:
        """The clean body: paragraphs joined by one blank line. Character
        offsets of later stages (entities, quotes) point into this string."""
        return "\n\n".join(self.paragraphs)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def remove(self, text: str, reason: str) -> None:
        self.removed.append(Removed(text, reason))

    def to_dict(self) -> dict[str, Any]:
        """The JSON record (plain dicts, lists, strings, numbers, booleans)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name != "hints"}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Article:
        data = {f.name: record.get(f.name) for f in fields(cls) if f.name in record}
        nested = {"outlet": Outlet, "dateline": Dateline, "source": Source}
        for name, kind in nested.items():
            if data.get(name) is not None:
                data[name] = kind(**data[name])
        data["removed"] = [Removed(**r) for r in data.get("removed") or []]
        return cls(**data)


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
