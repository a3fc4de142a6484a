"""The ``times`` stage: time expressions with ISO values, relative ones
resolved against the publish time.

Absolute dates come from ``warta._dates`` ("21 Oktober 2025", "26/3/2019",
with "Senin (...)" around them); the rest are patterns here: dates without a
year ("Senin (20/10)", "20 Oktober"), months and years ("Oktober 2025",
"tahun 2024"), weekdays ("pada hari Senin" = the latest Monday on or before
publication), relative words ("kemarin", "dua hari lalu", "pekan lalu",
"bulan depan", "tahun lalu") and clock times ("pukul 10.00 WIB", which take
the date of a day named in the same sentence). Values have the granularity
of the text: 2019-03-25, 2019-W12, 2019-03, 2018, 2025-10-20T10:00:00+07:00.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from .._article import Article
from .._dates import MONTHS, WEEKDAYS, ZONES, find_all_datetimes
from .._pipeline import stage
from ._calendar import NUMBER_WORDS, PAST, SE_UNITS, month_near, shift, weekday_near, with_year
from ._direct import direct_spans

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(w.capitalize() for w in WEEKDAYS if w != "minggu")
_UNIT = r"hari|minggu|pekan|bulan|tahun"
_FULL_MONTH = (
    "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_CLOCK_ZONES = {**ZONES, "GMT": "+00:00", "UTC": "+00:00"}
_PART = "pagi|siang|sore|malam|dini\\s+hari"  # a part of the day: "sore ini", "tadi pagi"
_COUNT = "|".join([r"\d{1,3}", *sorted(NUMBER_WORDS, key=len, reverse=True)])
_I = re.IGNORECASE

# A lookahead for the first letters of a pattern's words ("(?=[tpsh...])")
# spares trying every alternative at every position: twice as fast.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("weekday_date", re.compile(
        rf"(?=[phSRKJMA])(?:(?:pada\s+)?hari\s+)?(?P<wd>{_WEEKDAY}|Minggu)\s*\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\)")),
    ("bracket_date", re.compile(r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})\)(?=[\s,.])")),
    # "(?P<d>\d(?<![\d/]\d)\d?)" is "(?<![\d/])(?P<d>\d{1,2})" with the digit first:
    # a pattern that starts with a character class lets Python's re skip to
    # the digits (4x faster, the same matches; tests/test_times.py).
    ("day_month", re.compile(rf"(?P<d>\d(?<![\d/]\d)\d?)\s+(?P<m>{_MONTH})\b(?!\.?\s*\d)", _I)),
    ("month_year", re.compile(  # also a range, "Oktober-Desember 2025"
        rf"\b(?=[adfjmnops])(?P<m>{_MONTH})(?:\s*[-–]\s*(?P<m2>{_MONTH}))?\s+(?P<y>(?:19|20)\d\d)\b", _I)),
    ("year", re.compile(
        r"\b(?=[tpshdamjuTPSHDAMJU])(?i:tahun(?:\s+anggaran)?|pada|sejak|hingga|sampai|dan|dibandingkan|di|periode|akhir|awal|pertengahan"
        r"|mulai|sepanjang|selama|jelang|menjelang|sebelum|setelah|medio|untuk)"
        r"\s+(?P<y>(?:19|20)\d\d)\b(?![.,]\d)(?:\s*[-–]\s*(?:19|20)\d\d\b)?")),  # "2021-2023": the first
    # "menjabat 2024 hingga Februari 2025": a bare year that opens a range.
    ("year_from", re.compile(
        rf"(?P<y>(?:19|20)(?<![\w.,/-]\d\d)\d\d)(?=\s+(?:hingga|sampai)\s+(?:(?:{_MONTH})\s+)?(?:19|20)\d\d\b)",
        _I)),
    ("quarter", re.compile(
        r"\b(?:(?i:kuartal|triwulan|kuarter)\s+(?P<q>IV|I{1,3}|[1-4])|Q(?P<q2>[1-4]))\s*[-/ ]\s*"
        r"(?P<y>(?:19|20)\d\d)\b")),
    ("quarter_rel", re.compile(
        r"\b(?i:kuartal|triwulan|kuarter)\s+(?:ke[-\s]?)?(?P<q>IV|I{1,3}|[1-4]\b|(?i:pertama|kedua|ketiga"
        r"|keempat|satu|dua|tiga|empat))(?!\s*[-/ ]\s*(?:19|20)\d\d)")),  # "triwulan empat": this year's
    ("month", re.compile(
        rf"(?=[ADFJMNOS])(?:(?<=[a-z] )|(?:(?<=[a-z], )|(?<=\())(?=(?:{_FULL_MONTH})(?:,|\s+(?:dan|hingga|sampai|atau)\b)))"
        rf"(?P<m>{_FULL_MONTH})\b(?!\s*\d)(?!\s+[A-Z])"
        r"(?:\s+(?P<dir>lalu|mendatang|depan|tahun\s+lalu|tahun\s+depan|tahun\s+ini))?")),
    ("count_ago", re.compile(
        rf"\b(?=[\dsdtelSDTEL])(?:(?P<n0>\d{{1,3}})\s*[-–]\s*)?(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})\s+(?P<dir>yang\s+lalu|lalu|silam|lagi|mendatang|dari\s+sekarang)\b", _I)),
    ("se_ago", re.compile(
        rf"\b(?P<se>{'|'.join(SE_UNITS)})\s+(?P<dir>yang\s+lalu|lalu|silam|lagi|mendatang|dari\s+sekarang)\b",
        _I)),
    ("unit_rel", re.compile(
        rf"\b(?P<unit>(?i:{_UNIT}))\s+(?P<dir>lalu|kemarin|depan|ini|mendatang|sebelumnya)\b")),
    ("weekday", re.compile(
        rf"(?=[phsSRKJMA])(?:(?P<pre>(?:pada\s+)?hari|pada|sejak|hingga|sampai)\s+)?\b(?P<wd>{_WEEKDAY}|Minggu)\b"
        rf"(?:\s+(?P<dir>lalu|kemarin|depan|mendatang|ini))?")),
    ("word", re.compile(
        rf"\b(?=[khbelstnpmd])(?P<w>kemarin\s+lusa|hari\s+ini|kemarin|besok|esok\s+hari|lusa|semalam|(?:tadi|nanti)\s+(?:{_PART})"
        rf"|(?:{_PART})\s+(?:ini|tadi|nanti))\b", _I)),
    ("clock", re.compile(
        r"(?=[pjPJ\d])(?:\b(?i:pukul|jam|pkl\.?)\s+(?P<h>\d{1,2})[.:](?P<min>\d{2})(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?"
        r"(?:\s*(?P<z>WIB|WITA|WIT|GMT|UTC)\b)?"
        r"|(?<![\d.,])(?P<h2>\d{1,2})[.:](?P<min2>\d{2})(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*(?P<z2>WIB|WITA|WIT|GMT|UTC)\b"
        rf"|\b(?i:pukul|jam)\s+(?P<h3>\d{{1,2}})(?!\d|[.:,]\d)(?:\s+(?P<part>{_PART}))?(?:\s*(?P<z3>WIB|WITA|WIT|GMT|UTC)\b)?)")),
    # "Senin (20/20/2025)": a date no calendar has; the weekday still names a day (a
    # valid date of the same span is found first and wins).
    ("weekday_bad_date", re.compile(
        rf"(?=[SRKJM])(?P<wd>{_WEEKDAY}|Minggu)\s*\(\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d\)")),
]  # fmt: skip

_RELATIVE = frozenset({"weekday", "word", "unit_rel", "count_ago", "se_ago", "month", "weekday_date",
                       "day_month", "bracket_date"})  # fmt: skip
_TO = r"(?:[-–]|hingga|sampai(?:\s+dengan)?|s\.?d\.?)"
_RANGE_START = re.compile(rf"(?<!\d)\d{{1,2}}\s*{_TO}\s*$")
# "Januari hingga September 2025", "1 Juli-30 September 2025": the year written at the range's end.
_RANGE_END_YEAR = re.compile(
    rf"\s*{_TO}\s*(?:\d{{1,2}}\s+)?(?:{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b", _I
)
# "semalam", "tadi malam" and "malam tadi" are last night: the day before publication.
_WORD_DAYS = {"hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1, "esok hari": 1,
              "lusa": 2, "semalam": -1, "tadi malam": -1, "malam tadi": -1}  # fmt: skip


@stage(needs=("paragraphs", "published"), sets=("times",))
def times(article: Article) -> None:
    body = article.body
    anchor = _anchor(article)
    found = _absolute(body, anchor) + _patterns(body, anchor)
    kept = _without_overlaps(found)
    _anchor_quoted_on_speech_day(body, kept, anchor)
    _share_zones(body, kept)
    _date_clock_times(body, kept)
    article.times = [{k: v for k, v in t.items() if not k.startswith("_")} for t in kept]
    unresolved = sum(t["value"] is None for t in article.times)
    if unresolved:
        article.warn(
            f"times: {unresolved} relative expression(s) left without a value "
            "(no publish time to resolve them against)"
        )


def _anchor_quoted_on_speech_day(
    body: str, kept: list[dict[str, Any]], anchor: date | None
) -> None:
    """Inside a direct quote, "hari ini" and "pada hari Jumat" count from the day
    the words were spoken, which the cue after the quote often gives ('...,"
    kata Suharso, Senin (17/1/2022).'), not from the publish time."""
    for span in direct_spans(body):
        day = _speech_day(body, span.end, kept)
        if day is None or day == anchor:
            continue
        for t in kept:
            if span.start <= t["start"] < span.end and "_match" in t and t["_kind"] in _RELATIVE:
                t["value"] = _relative(t["_kind"], t["_match"], day)


def _speech_day(body: str, quote_end: int, kept: list[dict[str, Any]]) -> date | None:
    paragraph_end = body.find("\n\n", quote_end)
    paragraph_end = len(body) if paragraph_end < 0 else paragraph_end
    for t in kept:
        if quote_end <= t["start"] < paragraph_end and t["_kind"] == "date":
            return date.fromisoformat(t["value"])
    return None


def _anchor(article: Article) -> date | None:
    try:
        return datetime.fromisoformat(article.published).date() if article.published else None
    except ValueError:
        return None


def _absolute(body: str, anchor: date | None) -> list[dict[str, Any]]:
    found = []
    for parsed in find_all_datetimes(body, order="dmy"):
        start, end = _weekday_around(body, parsed.start, parsed.end)
        value = parsed.isoformat() if parsed.has_time else parsed.value.date().isoformat()
        if start < parsed.start and body[start].isdigit():  # "21-23 Oktober 2025": the first day
            value = _first_day(body[start : parsed.start], parsed.value.date()) or value
        elif start < parsed.start and not parsed.has_time:
            value = _misdated(body[start : parsed.start], parsed.value.date(), anchor) or value
        if parsed.has_time and parsed.zone_assumed:
            value = value[:19]  # the text gave no zone: a local time, no offset
        found.append(_record(body, start, end, value, "datetime" if parsed.has_time else "date"))
    return found


def _weekday_around(body: str, start: int, end: int) -> tuple[int, int]:
    """Widen "20/10/2025" to "Senin (20/10/2025)" when the weekday stands before it,
    and "23 Oktober 2025" to the range "21-23 Oktober 2025" (its value stays the
    day written last; _absolute moves it to the first)."""
    lead = body[max(0, start - 20) : start]
    if (m := _RANGE_START.search(lead)) is not None:
        return start - len(lead) + m.start(), end
    match = re.search(
        rf"(?:(?:pada\s+)?hari\s+)?(?:{_WEEKDAY}|Minggu)\s*\($", body[max(0, start - 24) : start]
    )
    if match is not None and body[end : end + 1] == ")":
        return start - (len(body[max(0, start - 24) : start]) - match.start()), end + 1
    return start, end


_TYPO_DAYS = 31


def _misdated(lead: str, written: date, anchor: date | None) -> str | None:
    """ "Kamis (19/9/2025)" in an article of Thursday 11 September: a weekday with a
    date up to a month after publication that falls on another weekday is a typo
    in the day; the weekday on or before the publish day is the one meant. (A
    year typo, "Senin (20/10/2026)", is kept as written.)"""
    weekday = re.search(rf"{_WEEKDAY}|Minggu", lead)
    if anchor is None or weekday is None or not 0 < (written - anchor).days <= _TYPO_DAYS:
        return None
    named = WEEKDAYS[weekday.group().lower()]
    return None if named == written.weekday() else weekday_near(anchor, named, "past")


def _first_day(lead: str, last: date) -> str | None:
    try:
        return last.replace(day=int(re.match(r"\d+", lead).group())).isoformat()
    except ValueError:
        return None


def _patterns(body: str, anchor: date | None) -> list[dict[str, Any]]:
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(body):
            value = _value(kind, match, anchor)
            if value is not False:
                found.append(_record(body, match.start(), match.end(), value, kind))
                found[-1]["_match"] = match
    return found


def _value(kind: str, m: re.Match[str], anchor: date | None) -> str | None | bool:
    """The ISO value of a match; None when it needs an anchor that is missing,
    False when the match is not a time expression after all."""
    if kind == "month_year":  # "Oktober-Desember 2025": 2025-10; "November-Januari 2026": 2025-11
        first, last = MONTHS[m["m"].lower()], MONTHS[(m["m2"] or m["m"]).lower()]
        return f"{int(m['y']) - (first > last)}-{first:02d}"
    if kind in ("year", "year_from"):
        return m["y"]
    if kind == "quarter":
        return f"{m['y']}-Q{_ROMAN.get(m['q'] or '') or int(m['q'] or m['q2'])}"
    if kind == "quarter_rel" and anchor is not None:
        return f"{anchor.year}-Q{_quarter_number(m['q'])}"
    if kind == "clock":
        return _clock(m)
    if kind == "weekday" and not _weekday_in_context(m):
        return False
    if kind == "bracket_date" and not m.string[max(0, m.start() - 1) : m.start()].isspace():
        return False  # "Kemudian (6/10), ..." but not "Senin(6/10)" or "x(1/2)"
    if anchor is None:
        return None
    return _relative(kind, m, anchor)


def _relative(kind: str, m: re.Match[str], anchor: date) -> str | None | bool:
    if kind in ("weekday_date", "bracket_date"):
        return with_year(anchor, int(m["m"]), int(m["d"]))
    if kind in ("month", "day_month") and (y := _RANGE_END_YEAR.match(m.string, m.end())):
        month = f"{y['y']}-{MONTHS[m['m'].lower()]:02d}"  # "Januari hingga September 2025"
        return month if kind == "month" else f"{month}-{int(m['d']):02d}"
    if kind == "month":
        month = MONTHS[m["m"].lower()]
        direction = " ".join((m["dir"] or "").split())
        if not direction and month < anchor.month:  # the month under way stays this year's
            direction = _future_in_clause(m)
        return month_near(anchor, month, direction)
    if kind == "day_month":
        return with_year(anchor, MONTHS[m["m"].lower()], int(m["d"]))
    if kind in ("count_ago", "se_ago"):
        unit = m["unit"].lower() if kind == "count_ago" else SE_UNITS[m["se"].lower()]
        count = 1 if kind == "se_ago" else _count(m["n0"] or m["n"])  # "10-7 tahun lalu": 10
        sign = -1 if " ".join(m["dir"].lower().split()) in PAST else 1
        return shift(anchor, unit, sign * count)
    if kind == "unit_rel":
        if m["dir"] == "sebelumnya" and m["unit"].lower() != "tahun":
            return False  # "hari sebelumnya" counts from a day the text named, not from today
        steps = {"lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1, "ini": 0, "sebelumnya": -1}
        return shift(anchor, m["unit"].lower(), steps[m["dir"]])
    if kind == "weekday_bad_date":
        return weekday_near(anchor, WEEKDAYS[m["wd"].lower()], "past")
    if kind == "weekday":
        direction = {
            "lalu": "last",
            "kemarin": "last",
            "depan": "next",
            "mendatang": "next",
            "ini": "this",
        }.get(m["dir"] or "", "past")
        return weekday_near(anchor, WEEKDAYS[m["wd"].lower()], direction)
    # Not in the table: a part of today ("sore ini", "tadi pagi").
    return shift(anchor, "hari", _WORD_DAYS.get(" ".join(m["w"].lower().split()), 0))


def _future_in_clause(m: re.Match[str]) -> str:
    """ "... di bulan Januari kami akan mengadakan ...": a month said of what is to
    come is the next one of that name ("mendatang"); else no direction."""
    clause = _CLAUSE_END.split(m.string[max(0, m.start() - 60) : m.end() + 40])
    around = next((c for c in clause if m["m"] in c), "")
    return "mendatang" if _FUTURE.search(around) else ""


_CLAUSE_END = re.compile(r"[.!?;\n]")
_FUTURE = re.compile(r"\b(?:akan|nanti)\b", _I)


def _quarter_number(text: str) -> int:
    words = {"pertama": 1, "satu": 1, "kedua": 2, "dua": 2, "ketiga": 3, "tiga": 3, "keempat": 4,
             "empat": 4}  # fmt: skip
    return _ROMAN.get(text) or words.get(text.lower()) or int(text)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def _weekday_in_context(m: re.Match[str]) -> bool:
    """A weekday name counts with "hari"/"pada" before it, "lalu"/"depan" after
    it, or between a comma and the end of a clause ("di Jakarta, Senin.");
    "Minggu" (also "week") only with "hari" or "pada"."""
    if m["wd"] == "Minggu":
        return bool(m["pre"])
    if m["pre"] or m["dir"]:
        return True
    before, after = m.string[max(0, m.start() - 2) : m.start()], m.string[m.end() : m.end() + 1]
    return before.strip() == "," and after in (".", ",", "")


def _clock(m: re.Match[str]) -> str | None:
    hour, minute = int(m["h"] or m["h2"] or m["h3"]), int(m["min"] or m["min2"] or 0)
    lo, hi = _AFTERNOON.get((m["part"] or "").lower(), (24, 0))
    if lo <= hour + 12 <= hi:
        hour += 12  # "pukul 7 malam", "pukul 2 siang"
    if hour > 24 or minute > 59:
        return None
    zone = _CLOCK_ZONES.get(m["z"] or m["z2"] or m["z3"] or "", "")
    return f"{hour % 24:02d}:{minute:02d}:00{zone}"


# The afternoon hours (on 24) a part of the day covers: "pukul 2 siang" is 14:00,
# "pukul 11 siang" and "pukul 12 siang" stay 11:00 and noon, "pukul 7 malam" is 19:00.
_AFTERNOON = {"siang": (13, 15), "sore": (15, 18), "malam": (18, 23)}


def _record(body: str, start: int, end: int, value: Any, kind: str) -> dict[str, Any]:
    return {"text": body[start:end], "value": value, "start": start, "end": end, "_kind": kind}


def _without_overlaps(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The longest expression wins where several overlap; then in text order."""
    kept: list[dict[str, Any]] = []
    for t in sorted(found, key=lambda t: (t["start"] - t["end"], t["start"])):
        if all(t["end"] <= k["start"] or t["start"] >= k["end"] for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t["start"])


def _date_clock_times(body: str, kept: list[dict[str, Any]]) -> None:
    """A clock time takes the date of the nearest day named in its sentence,
    else of the last day named before it in its paragraph or the two before
    ("Massa tiba Senin (20/10/2025). ... Pukul 16.15 WIB, massa ..."), else
    of the first day named after it within as many paragraphs, else of the
    only day the article names (these two not for hours, "pukul 06.00-09.00")."""
    days = [t for t in kept if t["value"] and len(t["value"]) == 10 and t["value"][4] == "-"]
    for t in kept:
        if t["_kind"] != "clock" or t["value"] is None:
            continue
        same = [d for d in days if _same_sentence(body, d, t)]
        before = [d for d in days if d["end"] <= t["start"] and _near(body, d, t)]
        # "Gus Ipul tiba pukul 11.30 ... . [two paragraphs on] ..., Minggu (19/10/2025)":
        # with no day before it, the first day named after it, as near.
        after = [d for d in days if d["start"] >= t["end"] and _near(body, t, d)]
        hours = _HOURS.search(t["text"]) is not None  # "pukul 06.00-09.00 WIB": any day's hours
        if same:
            day = min(same, key=lambda d: abs(d["start"] - t["start"]))
        elif before:
            day = before[-1]
        elif after and not hours:
            day = after[0]
        elif len({d["value"] for d in days}) == 1 and not hours:
            day = days[0]  # the one day the article names: a report of that day
        else:
            continue
        t["value"] = f"{day['value']}T{t['value']}"


_PARAGRAPHS_BACK = 2
_HOURS = re.compile(r"\d\s*[-–]\s*\d")
_JOINED = re.compile(r"\s*(?:atau|dan|,)\s*$")


def _share_zones(body: str, kept: list[dict[str, Any]]) -> None:
    """ "pukul 07.00-09.00 atau 17.00-19.00 WIB": the zone written once holds for both."""
    clocks = [t for t in kept if t["_kind"] == "clock" and t["value"]]
    for first, second in zip(clocks, clocks[1:], strict=False):
        zone = second["value"][8:]
        if not first["value"][8:] and zone and _JOINED.match(body[first["end"] : second["start"]]):
            first["value"] += zone


def _near(body: str, earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    return body.count("\n\n", earlier["end"], later["start"]) <= _PARAGRAPHS_BACK


def _same_sentence(body: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo, hi = min(a["end"], b["end"]), max(a["start"], b["start"])
    between = body[lo:hi] if lo < hi else ""
    return not re.search(r"[.!?]\s|\n", between)
