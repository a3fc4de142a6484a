"""Find publish and update times in Indonesian news text: pure, fast, stdlib only.

One precompiled regular expression finds candidates; small functions turn a
match into a timezone-aware ``datetime``. Matching is case-insensitive and an
optional weekday may lead ("Selasa, ", "Kamis ", "Tue, ").

Date forms (a four-digit year is always required):

* day, month name, year: ``26 Maret 2019``, ``26 MARET 2019``, ``26 Mar. 2019``,
  ``26 Agt 2019``, ``26-Mar-2019``; English names too (``26 March 2019``)
* month name first (English style): ``March 26, 2019``, ``Mar 26th 2019``
* numeric: ``26/03/2019``, ``26/3/2019``, ``26-03-2019``, ``26.03.2019``; day first
  for ``order="dmy"``, month first for ``order="mdy"``; an impossible pair such as
  ``3/26/2019`` under "dmy" is swapped, since only one reading exists
* year first: ``2019-03-26``, ``2019/03/26``

Then, optionally, a time: a separator (space , | / - • or ``T``), optionally
``pukul``/``jam``/``at``, ``20:34`` or ``20.34``, optional seconds (and ISO
fractions), optional am/pm. Then, optionally, a zone: ``WIB``/``WITA``/``WIT``
(also as ``(WIB)``), ``GMT+7``, ``UTC+07:00``, bare ``GMT``/``UTC``, ``Z``,
``+07:00``, ``+0700``.

Examples: "Selasa, 26 Maret 2019 20:34 WIB", "Kompas.com - 26/03/2019, 20:34 WIB",
"Update: Rabu, 27 Maret 2019 | 10:00 WIB", "2019-03-26T20:34:00+07:00",
"Tue, 26 Mar 2019 13:34:00 GMT".

Not recognised on purpose: dates without a year ("Senin (20/10)"), two-digit
years, relative times ("2 jam lalu"). Invalid dates and times ("31 Februari
2019", "25:61 WIB") give no match rather than an exception; a weekday that
contradicts the date is ignored.

``is_date_line`` and ``classify_date_line`` tell a date stamp line ("Diperbarui
27 Mar 2019, 10:00 WIB") from running text that merely holds a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "ZONES",
    "ParsedTime",
    "classify_date_line",
    "find_all_datetimes",
    "find_datetime",
    "is_date_line",
]

MONTHS: dict[str, int] = {
    # Indonesian names, abbreviations, and older spellings (Pebruari, Nopember).
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agust": 8, "agus": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
    # English, for outlets with English templates and for RFC 2822 meta dates.
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip

ZONES: dict[str, str] = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}

# Weekday spellings accepted in front of a date; only the full names are also
# free words in is_date_line (abbreviations like "Min" clash with noise words).
_WEEKDAY_NAMES = (
    *WEEKDAYS, "jum’at",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
_WEEKDAY_ABBREVIATIONS = (
    "sen", "sel", "rab", "kam", "jum", "sab", "min",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip

_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, factored by shared prefixes.

    A flat "januari|jan|februari|..." makes the engine try every word at each
    position; the prefix tree checks one letter per level instead, which is
    most of the speed of a search over text without dates.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word may end here
    return _alternation_of(tree)


def _alternation_of(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _alternation_of(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group  # greedy: the longest word is tried first


_MONTH = rf"(?:{_alternation(MONTHS)})\b\.?"
# Whitespace before the year is bounded so that a match never starts more than
# _MAX_LEAD characters before its year; _iter_datetimes relies on that.
_GAP = r"\s{0,8}"
_SPACE = r"\s{1,8}"
_DATE_SEP = rf"(?:{_GAP}[-/,]{_GAP}|{_SPACE})"
_WEEKDAY = (
    rf"(?:\b(?:{_alternation(_WEEKDAY_NAMES + _WEEKDAY_ABBREVIATIONS)})\b\.?"
    rf"{_GAP}[,|/\-–—]?{_GAP})?"
)

_DATE = rf"""
(?P<date>
    (?<!\d)(?P<iso_y>\d{{4}})(?P<iso_sep>[-/.])(?P<iso_m>\d{{1,2}})(?P=iso_sep)(?P<iso_d>\d{{1,2}})
  | (?<!\d)(?P<num_a>\d{{1,2}})(?P<num_sep>[-/.])(?P<num_b>\d{{1,2}})(?P=num_sep)(?P<num_y>\d{{4}})
  | (?<!\d)(?P<dmy_d>\d{{1,2}}){_DATE_SEP}(?P<dmy_m>{_MONTH}){_DATE_SEP}(?P<dmy_y>\d{{4}})
  | \b(?P<mdy_m>{_MONTH}){_GAP}(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?{_GAP},?{_GAP}(?P<mdy_y>\d{{4}})
)(?!\d)
"""
# Longest possible lead is about 75: weekday 27 ("Wednesday." and gaps), day 2,
# separator 17, month 10 ("September."), separator 17; 128 leaves room.
_MAX_LEAD = 128
_SHORT_TEXT = 2 * _MAX_LEAD
_YEAR_LIKE = re.compile(r"\d{4}")

# A time: "20:34", "20.34", "20:34:10", "20:34:10.123", "8:34 pm", after a
# separator ("@" on Malaysian sites) or an ISO "T", possibly introduced by "pukul"/"jam"/"at".
_TIME = r"""
(?:T|[\s,|•·/\-–—@]+(?:(?P<clock_word>pukul|jam|at)\b\.?\s*)?)
(?P<hour>\d{1,2})(?P<time_sep>[:.])(?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:\.\d{1,9})?)?(?!\d)
(?:\s*(?P<ampm>[ap])\.?m(?![^\W\d_])\.?)?
"""

# A zone after the time. "(WIB)" only counts with its closing parenthesis.
_ZONE = r"""
(?:
    (?P<zulu>Z)(?![^\W\d_])
  | \s?(?P<offset>[+-]\d{2}:?\d{2})(?!\d)
  | \s*(?P<zone_paren>\()?\s*(?P<zone_name>WITA|WIB|WIT)(?![^\W\d_])(?(zone_paren)\s*\))
  | \s*(?P<gmt_paren>\()?\s*(?:GMT|UTC)
        (?:\s*(?P<gmt_sign>[+-])\s*(?P<gmt_hours>\d{1,2})(?::?(?P<gmt_minutes>\d{2}))?)?
        (?!\w)(?(gmt_paren)\s*\))
)?
"""

_DATETIME = re.compile(
    rf"{_WEEKDAY}{_DATE}(?:{_TIME}(?P<zone>{_ZONE}))?", re.IGNORECASE | re.VERBOSE
)

_ZONE_OFFSETS: dict[str, tzinfo] = {
    name: timezone(timedelta(hours=int(offset[1:3])), name) for name, offset in ZONES.items()
}
_FIXED_OFFSETS: dict[int, tzinfo] = {}
_NAMED_ZONES: dict[str, tzinfo] = {}
_ORDERS = ("dmy", "mdy")


@dataclass(frozen=True, slots=True)
class ParsedTime:
    value: datetime  # timezone-aware
    zone_assumed: bool  # the text gave no zone or offset; default_tz was used
    has_time: bool  # False when only a date was given (time set to 00:00)
    text: str  # the exact substring that was matched
    start: int
    end: int

    def isoformat(self) -> str:
        return self.value.isoformat(timespec="seconds")


def find_datetime(
    text: str, *, order: str = "dmy", default_tz: str = "Asia/Jakarta"
) -> ParsedTime | None:
    """The first date (with its time and zone when present) in `text`, or None."""
    return next(_iter_datetimes(text, order, default_tz), None)


def find_all_datetimes(
    text: str, *, order: str = "dmy", default_tz: str = "Asia/Jakarta"
) -> list[ParsedTime]:
    """Every date in `text`, in order, without overlaps."""
    return list(_iter_datetimes(text, order, default_tz))


def _iter_datetimes(text: str, order: str, default_tz: str) -> Iterator[ParsedTime]:
    if order not in _ORDERS:
        raise ValueError(f"order must be one of {_ORDERS}, not {order!r}")
    position = 0
    while (year := _YEAR_LIKE.search(text, position)) is not None:
        match = _match_near(text, position, year)
        if match is None:
            position = year.end()
            continue
        parsed = _parse_match(match, order, default_tz)
        if parsed is None:
            # An invalid candidate (31 Februari): look again just after its start,
            # so a valid date that overlaps it is not skipped.
            position = match.start() + 1
            continue
        yield parsed
        position = parsed.end


def _match_near(text: str, position: int, year: re.Match[str]) -> re.Match[str] | None:
    """The first match at or after `position` whose date ends with `year`, if any.

    Every date holds a four-digit year, and a match cannot start more than
    _MAX_LEAD characters before it; so a cheap digit scan picks the windows
    and the full pattern never walks the whole of a long text. The window ends
    one character after the year (for the "no digit follows" check); the match
    is then redone unbounded to pick up the time and zone after it.
    """
    if len(text) <= _SHORT_TEXT:  # a line: one plain search is cheapest
        return _DATETIME.search(text, position)
    window_end = year.end() + 1
    head = _DATETIME.search(text, max(position, year.start() - _MAX_LEAD), window_end)
    if head is None or window_end >= len(text):
        return head
    return _DATETIME.match(text, head.start())


def _parse_match(match: re.Match[str], order: str, default_tz: str) -> ParsedTime | None:
    try:
        year, month, day = _date_fields(match, order)
        time_given = match["hour"] is not None
        clock = _clock_fields(match) if time_given else None
        end = match.end()
        if time_given and clock is None:
            if not _time_may_be_a_number(match):
                return None  # a broken stamp such as "25:61 WIB"
            end = match.end("date")  # "26 Maret 2019, 99.50 persen": keep the date only
        zone = _zone_of(match) if clock is not None else None
        tz = zone if zone is not None else _named_zone(default_tz)
        hour, minute, second = clock or (0, 0, 0)
        value = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:  # day out of range for the month, offset of 24 h or more
        return None
    start = match.start()
    return ParsedTime(
        value=value,
        zone_assumed=zone is None,
        has_time=clock is not None,
        text=match.string[start:end],
        start=start,
        end=end,
    )


def _date_fields(match: re.Match[str], order: str) -> tuple[int, int, int]:
    if match["dmy_y"] is not None:
        year, month, day = match["dmy_y"], _month_number(match["dmy_m"]), match["dmy_d"]
    elif match["num_y"] is not None:
        year = match["num_y"]
        day, month = _numeric_day_month(int(match["num_a"]), int(match["num_b"]), order)
    elif match["iso_y"] is not None:
        year, month, day = match["iso_y"], match["iso_m"], match["iso_d"]
    else:
        year, month, day = match["mdy_y"], _month_number(match["mdy_m"]), match["mdy_d"]
    year = int(year)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"year {year} is out of range")
    return year, int(month), int(day)


def _month_number(name: str) -> int:
    # casefold, not lower: IGNORECASE also matches look-alikes such as "ſ" (long s).
    number = MONTHS.get(name.rstrip(".").casefold())
    if number is None:
        raise ValueError(f"unknown month {name!r}")
    return number


def _numeric_day_month(first: int, second: int, order: str) -> tuple[int, int]:
    day, month = (first, second) if order == "dmy" else (second, first)
    if month > 12 and day <= 12:
        # Only one reading is possible (3/26/2019 under "dmy"), so take it.
        day, month = month, day
    return day, month


def _clock_fields(match: re.Match[str]) -> tuple[int, int, int] | None:
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    ampm = match["ampm"]
    if ampm is not None and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm.casefold() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _time_may_be_a_number(match: re.Match[str]) -> bool:
    # "20.34" without a zone or "pukul" may just be a figure in running text.
    return match["time_sep"] == "." and not match["zone"] and match["clock_word"] is None


def _zone_of(match: re.Match[str]) -> tzinfo | None:
    """The zone the text states after the time, or None when it states none."""
    if match["zone_name"] is not None:
        return _named_offset(match["zone_name"])
    if match["offset"] is not None:
        digits = match["offset"].replace(":", "")
        return _fixed_offset(digits[0], int(digits[1:3]), int(digits[3:5]))
    if match["zulu"] is not None:
        return timezone.utc
    if match["gmt_sign"] is not None:
        minutes = int(match["gmt_minutes"] or 0)
        return _fixed_offset(match["gmt_sign"], int(match["gmt_hours"]), minutes)
    if match["zone"]:  # bare GMT or UTC
        return timezone.utc
    return None


def _named_offset(name: str) -> tzinfo:
    zone = _ZONE_OFFSETS.get(name.upper())
    if zone is None:  # a case-insensitive look-alike of WIB, WITA or WIT
        raise ValueError(f"unknown zone {name!r}")
    return zone


def _fixed_offset(sign: str, hours: int, minutes: int) -> tzinfo:
    if minutes > 59:
        raise ValueError("offset minutes out of range")
    total = (hours * 60 + minutes) * (-1 if sign == "-" else 1)
    zone = _FIXED_OFFSETS.get(total)
    if zone is None:  # timezone() itself rejects offsets of 24 h or more
        zone = _FIXED_OFFSETS[total] = timezone(timedelta(minutes=total))
    return zone


def _named_zone(name: str) -> tzinfo:
    # Cached here because even ZoneInfo's own cache costs a lookup per call.
    zone = _NAMED_ZONES.get(name)
    if zone is None:
        zone = _NAMED_ZONES[name] = ZoneInfo(name)
    return zone


# --- date lines ---------------------------------------------------------------------

_MAX_DATE_LINE = 80
_MAX_OTHER_WORDS = 3

# Words that may stand beside the date in a date stamp without counting as
# "other words": labels, weekdays, zones, prepositions.
_LABEL_WORDS = frozenset(
    {
        "diperbarui", "diperbaharui", "diupdate", "update", "updated", "pembaruan",
        "pembaharuan", "terakhir", "last", "modified", "dipublikasikan", "dipublikasi",
        "publikasi", "diterbitkan", "terbit", "terbitan", "published", "publish", "posted",
        "diposting", "rilis", "dirilis", "waktu", "tanggal", "tgl", "dimuat", "diunggah",
        "tayang", "ditayangkan", "pada", "pukul", "jam", "on", "at", "wib", "wita", "wit",
        "gmt", "utc",
        *_WEEKDAY_NAMES,
    }
)  # fmt: skip
# Reading-time, view-count and sharing widgets: a line with these is page chrome
# that happens to hold a date, not a date stamp.
_NOISE_WORDS = frozenset(
    {
        "baca", "dibaca", "membaca", "menit", "min", "mins", "read", "views", "view",
        "dilihat", "kali", "komentar", "comments", "bagikan", "share", "like", "suka",
    }
)  # fmt: skip
_WORD_SEPARATORS = re.compile(r"[\s,|•·/\-–—:()\[\]@]+")
_UPDATE_LABEL = re.compile(
    r"\b(?:diperbarui|diperbaharui|diupdate|update|updated|pembaruan|pembaharuan|modified)\b",
    re.IGNORECASE,
)
_PUBLISH_LABEL = re.compile(
    r"\b(?:dipublikasikan|dipublikasi|diterbitkan|terbit|published|posted|diposting|rilis"
    r"|dirilis|dimuat|diunggah|tayang|ditayangkan)\b",
    re.IGNORECASE,
)


def is_date_line(line: str) -> bool:
    """True when a short line is essentially a date stamp.

    Allowed beside the date(s): a weekday, separators, zone names, labels such
    as "Diperbarui" or "Published", and up to three other words (an outlet
    such as "Kompas.com -"). Reading-time or view-count noise makes it False.
    """
    return _date_line_matches(line) is not None


def classify_date_line(line: str) -> str | None:
    """'updated' or 'published' for a date line (see is_date_line), else None.

    The label before the first date decides; with no label there, a lone date
    with an update label after it counts as 'updated'.
    """
    found = _date_line_matches(line)
    if found is None:
        return None
    line = line.strip()
    before = line[: found[0].start]
    if _UPDATE_LABEL.search(before):
        return "updated"
    if _PUBLISH_LABEL.search(before) or len(found) > 1:
        return "published"
    return "updated" if _UPDATE_LABEL.search(line) else "published"


def _date_line_matches(line: str) -> list[ParsedTime] | None:
    """The dates of `line` when it is a date line, else None."""
    line = line.strip()
    if not line or len(line) > _MAX_DATE_LINE:
        return None
    found = find_all_datetimes(line)
    if not found:
        return None
    pieces, position = [], 0
    for parsed in found:
        pieces.append(line[position : parsed.start])
        position = parsed.end
    pieces.append(line[position:])
    return found if _only_stamp_words(" ".join(pieces)) else None


def _only_stamp_words(rest: str) -> bool:
    other = 0
    for token in _WORD_SEPARATORS.split(rest):
        word = token.strip(".").lower()
        if not word or word in _LABEL_WORDS:
            continue
        if word in _NOISE_WORDS:
            return False
        other += 1
    return other <= _MAX_OTHER_WORDS
