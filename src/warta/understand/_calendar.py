"""Calendar arithmetic for relative time expressions, anchored on a date."""

from __future__ import annotations

from datetime import date, timedelta

NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
}  # fmt: skip
SE_UNITS = {"sehari": "hari", "seminggu": "minggu", "sepekan": "pekan", "sebulan": "bulan",
            "setahun": "tahun"}  # fmt: skip
PAST = frozenset({"lalu", "yang lalu", "silam", "kemarin", "sebelumnya"})


def shift(anchor: date, unit: str, count: int) -> str:
    """ISO value of `anchor` moved by `count` days, weeks, months or years,
    at the granularity of the unit: 2019-03-24, 2019-W11, 2019-02, 2018."""
    if unit == "hari":
        return (anchor + timedelta(days=count)).isoformat()
    if unit in ("minggu", "pekan"):
        year, week, _ = (anchor + timedelta(weeks=count)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "bulan":
        months = anchor.year * 12 + anchor.month - 1 + count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{anchor.year + count:04d}"


def weekday_near(anchor: date, weekday: int, direction: str) -> str:
    """The date of `weekday` (Monday = 0) relative to `anchor`: 'past' is the
    latest on or before it, 'last' strictly before, 'next' strictly after,
    'this' within the anchor's week."""
    if direction == "this":
        return (anchor + timedelta(days=weekday - anchor.weekday())).isoformat()
    if direction == "next":
        days = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=days)).isoformat()
    back = (anchor.weekday() - weekday) % 7
    if direction == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


def with_year(anchor: date, month: int, day: int) -> str | None:
    """A day and month without a year ("Senin (20/10)", "20 Oktober"): the
    anchor's year, moved one back for a day far ahead of the anchor ("Rabu
    (31/12)" read in January) and one on for a day far behind it ("1 Januari"
    read in December). The weekday is not consulted: writers get it wrong."""
    found = _day(anchor.year, month, day)
    if found is None:
        return None
    if (found - anchor).days > _FAR_AHEAD:
        found = _day(anchor.year - 1, month, day) or found
    elif (anchor - found).days > _FAR_BEHIND:
        found = _day(anchor.year + 1, month, day) or found
    return found.isoformat()


_FAR_AHEAD, _FAR_BEHIND = 240, 300  # days: news looks back more often than ahead


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_near(anchor: date, month: int, direction: str) -> str:
    """A month named without a year: "Juli" (the anchor's year), "Desember
    lalu" (the latest December before the anchor's month), "Oktober
    mendatang" (the next October), "Juli tahun lalu" (July of last year)."""
    year = anchor.year
    if direction == "lalu" and month >= anchor.month:
        year -= 1
    elif direction in ("mendatang", "depan") and month <= anchor.month:
        year += 1
    elif direction.startswith("tahun"):
        year += {"tahun lalu": -1, "tahun depan": 1}.get(direction, 0)
    return f"{year:04d}-{month:02d}"
