"""Defaults in one place. Override key by key with ``warta.settings.replace(...)``
or per call (``warta.read(page, settings=...)``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["Settings", "DEFAULT", "replace"]


@dataclass(frozen=True)
class Settings:
    #: Pages larger than this raise InputTooLargeError (the largest real news
    #: pages are a few MB of HTML; 20 MB leaves room and bounds memory).
    max_input_bytes: int = 20_000_000
    #: The zone assumed when a page gives a time without one.
    default_timezone: str = "Asia/Jakarta"
    #: Zones assumed for pages in other languages, when the outlet does not say.
    language_timezones: tuple[tuple[str, str], ...] = (("ms", "Asia/Kuala_Lumpur"),)
    #: Day/month order for ambiguous numeric dates when the outlet is unknown.
    date_order: str = "dmy"
    #: Language codes the detector chooses among (ISO 639-1).
    languages: tuple[str, ...] = ("id", "ms", "jv", "en")


DEFAULT = Settings()
