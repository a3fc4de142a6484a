"""Tests for warta._dates: date stamps as Indonesian news sites print them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta._dates import (
    MONTHS,
    WEEKDAYS,
    ZONES,
    ParsedTime,
    classify_date_line,
    find_all_datetimes,
    find_datetime,
    is_date_line,
)

# (text, expected ISO, zone_assumed)
PARSES = [
    # Weekday, full month name, time, with and without zone.
    ("Selasa, 26 Maret 2019 20:34", "2019-03-26T20:34:00+07:00", True),
    ("Senin, 20 Okt 2025 14:05 WIB", "2025-10-20T14:05:00+07:00", False),
    ("Kamis 23 Oktober 2025, 09:15 WITA", "2025-10-23T09:15:00+08:00", False),
    ("Jumat, 24 Okt 2025 | 07:30 WIT", "2025-10-24T07:30:00+09:00", False),
    ("Jum'at, 29 Maret 2019 13:00 WIB", "2019-03-29T13:00:00+07:00", False),
    ("Ahad, 31 Maret 2019 06:00 WIB", "2019-03-31T06:00:00+07:00", False),
    # Time written 20.34, with seconds, after pukul / jam.
    ("Selasa, 26 Maret 2019 20.34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("Selasa, 26 Maret 2019 20:34:10 WIB", "2019-03-26T20:34:10+07:00", False),
    ("Selasa, 26 Maret 2019 20.34.10", "2019-03-26T20:34:10+07:00", True),
    ("Selasa, 26 Maret 2019 pukul 20.34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("Selasa, 26 Maret 2019, Pukul 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("26 Maret 2019 jam 20.34", "2019-03-26T20:34:00+07:00", True),
    ("Selasa, 26 Maret 2019 - 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("Selasa, 26 Maret 2019 / 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("26 Maret 2019 • 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    # Month spelling: trailing dot, any case, old spellings, dashes.
    ("26 Mar. 2019", "2019-03-26T00:00:00+07:00", True),
    ("26 MARET 2019", "2019-03-26T00:00:00+07:00", True),
    ("26 maret 2019 20:34 wib", "2019-03-26T20:34:00+07:00", False),
    ("9 Pebruari 2019", "2019-02-09T00:00:00+07:00", True),
    ("9 Nopember 2019", "2019-11-09T00:00:00+07:00", True),
    ("26-Mar-2019 20:34", "2019-03-26T20:34:00+07:00", True),
    # Numeric dates.
    ("26/3/2019", "2019-03-26T00:00:00+07:00", True),
    ("26/03/2019, 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("26-03-2019 20:34", "2019-03-26T20:34:00+07:00", True),
    ("26.03.2019 20.34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("3/26/2019", "2019-03-26T00:00:00+07:00", True),  # impossible as d/m: swapped
    ("2019-03-26", "2019-03-26T00:00:00+07:00", True),
    ("2019/03/26 20:34", "2019-03-26T20:34:00+07:00", True),
    ("2019-03-26 20:34:00", "2019-03-26T20:34:00+07:00", True),
    # ISO 8601 with offsets: the given offset is kept.
    ("2019-03-26T20:34:00+07:00", "2019-03-26T20:34:00+07:00", False),
    ("2019-03-26T13:34:00Z", "2019-03-26T13:34:00+00:00", False),
    ("2019-03-26T20:34:00+0700", "2019-03-26T20:34:00+07:00", False),
    ("2019-03-26T20:34:00.123+07:00", "2019-03-26T20:34:00+07:00", False),
    ("2019-03-26T08:34:00-05:00", "2019-03-26T08:34:00-05:00", False),
    ("2019-03-26 20:34:00 +0800", "2019-03-26T20:34:00+08:00", False),
    # Outlet styles.
    ("Kompas.com - 26/03/2019, 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    ("Selasa, 26 Maret 2019 20:34 WIB", "2019-03-26T20:34:00+07:00", False),  # Tribun, Antara
    ("Selasa, 26 Mar 2019 20:34 WIB", "2019-03-26T20:34:00+07:00", False),  # CNN Indonesia, Detik
    ("26 Mar 2019, 20:34 WIB", "2019-03-26T20:34:00+07:00", False),  # Liputan6
    ("Diperbarui 27 Mar 2019, 10:00 WIB", "2019-03-27T10:00:00+07:00", False),
    ("Update: Rabu, 27 Maret 2019 | 10:00 WIB", "2019-03-27T10:00:00+07:00", False),
    # Zones in parentheses, GMT/UTC offsets.
    ("26 Maret 2019 20:34 (WIB)", "2019-03-26T20:34:00+07:00", False),
    ("26 Maret 2019 20:34 (WITA)", "2019-03-26T20:34:00+08:00", False),
    ("26 Maret 2019 20:34 GMT+7", "2019-03-26T20:34:00+07:00", False),
    ("26 Maret 2019 20:34 (GMT+7)", "2019-03-26T20:34:00+07:00", False),
    ("26 Maret 2019 20:34 UTC+07:00", "2019-03-26T20:34:00+07:00", False),
    ("26 Maret 2019 20:34 GMT +0800", "2019-03-26T20:34:00+08:00", False),
    ("26 Maret 2019 08:34 GMT-5", "2019-03-26T08:34:00-05:00", False),
    ("Tue, 26 Mar 2019 13:34:00 GMT", "2019-03-26T13:34:00+00:00", False),
    ("26 Maret 2019 13:34 UTC", "2019-03-26T13:34:00+00:00", False),
    # English month-first and am/pm.
    ("March 26, 2019 8:34 PM", "2019-03-26T20:34:00+07:00", True),
    ("Published Mar 26th 2019 12:05 am", "2019-03-26T00:05:00+07:00", True),
    ("26 March 2019", "2019-03-26T00:00:00+07:00", True),
    # A weekday that contradicts the date is ignored (26 March 2019 was a Tuesday).
    ("Jumat, 26 Maret 2019 20:34 WIB", "2019-03-26T20:34:00+07:00", False),
    # Non-breaking spaces, as HTML pages give them.
    ("Selasa,\xa026\xa0Maret\xa02019\xa020:34\xa0WIB", "2019-03-26T20:34:00+07:00", False),
    # A figure after the date is not a time; the date alone is kept.
    ("26 Maret 2019, 20.000 orang hadir", "2019-03-26T00:00:00+07:00", True),
    ("26 Maret 2019, 99.50 persen", "2019-03-26T00:00:00+07:00", True),
]


@pytest.mark.parametrize(("text", "iso", "assumed"), PARSES)
def test_find_datetime_parses(text: str, iso: str, assumed: bool) -> None:
    parsed = find_datetime(text)
    assert parsed is not None
    assert parsed.isoformat() == iso
    assert parsed.zone_assumed is assumed
    assert parsed.value.tzinfo is not None
    assert text[parsed.start : parsed.end] == parsed.text


ABBREVIATIONS = [
    ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Mei", 5), ("Jun", 6), ("Jul", 7),
    ("Agu", 8), ("Agt", 8), ("Agust", 8), ("Ags", 8), ("Aug", 8), ("Sep", 9), ("Sept", 9),
    ("Okt", 10), ("Oct", 10), ("Nov", 11), ("Des", 12), ("Dec", 12), ("May", 5),
]  # fmt: skip


@pytest.mark.parametrize(("abbreviation", "month"), ABBREVIATIONS)
@pytest.mark.parametrize("dot", ["", "."])
def test_month_abbreviations(abbreviation: str, month: int, dot: str) -> None:
    parsed = find_datetime(f"Senin, 15 {abbreviation}{dot} 2019 10:00 WIB")
    assert parsed is not None
    assert parsed.isoformat() == f"2019-{month:02d}-15T10:00:00+07:00"


def test_match_covers_weekday_and_zone() -> None:
    parsed = find_datetime("Kompas.com - 26/03/2019, 20:34 WIB")
    assert parsed is not None
    assert (parsed.text, parsed.start, parsed.end) == ("26/03/2019, 20:34 WIB", 13, 34)
    parsed = find_datetime("Update: Rabu, 27 Maret 2019 | 10:00 WIB")
    assert parsed is not None
    assert parsed.text == "Rabu, 27 Maret 2019 | 10:00 WIB"


def test_date_only_has_no_time() -> None:
    parsed = find_datetime("Diterbitkan 26 Maret 2019")
    assert parsed is not None
    assert parsed == ParsedTime(
        value=datetime(2019, 3, 26, tzinfo=parsed.value.tzinfo),
        zone_assumed=True,
        has_time=False,
        text="26 Maret 2019",
        start=12,
        end=25,
    )
    assert find_datetime("26 Maret 2019 20:34").has_time  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "order", "iso_date"),
    [
        ("3/26/2019", "mdy", "2019-03-26"),
        ("26/3/2019", "mdy", "2019-03-26"),  # impossible as m/d: swapped
        ("4/5/2019", "mdy", "2019-04-05"),
        ("4/5/2019", "dmy", "2019-05-04"),
        ("2019-04-05", "mdy", "2019-04-05"),  # year-first is never reordered
        ("5 April 2019", "mdy", "2019-04-05"),  # month names are never reordered
    ],
)
def test_order(text: str, order: str, iso_date: str) -> None:
    parsed = find_datetime(text, order=order)
    assert parsed is not None
    assert parsed.value.date().isoformat() == iso_date


def test_unknown_order_is_an_error() -> None:
    with pytest.raises(ValueError):
        find_datetime("26/03/2019", order="ymd")


def test_default_tz() -> None:
    parsed = find_datetime("26 Maret 2019 20:34", default_tz="Asia/Makassar")
    assert parsed is not None
    assert parsed.isoformat() == "2019-03-26T20:34:00+08:00"
    assert parsed.zone_assumed
    stated = find_datetime("26 Maret 2019 20:34 WIB", default_tz="Asia/Makassar")
    assert stated is not None
    assert stated.isoformat() == "2019-03-26T20:34:00+07:00"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Tidak ada tanggal di sini.",
        "Senin (20/10)",  # no year: too ambiguous for a publish time
        "Senin (20/10) pukul 10.00 WIB",
        "12 Maret",
        "2 jam lalu",
        "Rp 1.500.000 dan 2.500.000",
        "31 Februari 2019",
        "29 Februari 2019",  # not a leap year
        "30/02/2019",
        "13/13/2019",
        "2019-13-45",
        "Selasa, 26 Maret 2019 25:61 WIB",
        "26 Maret 2019 20:61 WIB",
        "26/03/2019 24:00",
        "26 Maret 2019 20:34 GMT+25",
        "26 Maret 1850",  # outside the years news pages carry
        "0812-03-2019",  # part of a phone number
    ],
)
def test_no_date(text: str) -> None:
    assert find_datetime(text) is None
    assert find_all_datetimes(text) == []


def test_leap_day() -> None:
    parsed = find_datetime("29 Februari 2020")
    assert parsed is not None
    assert parsed.isoformat() == "2020-02-29T00:00:00+07:00"


def test_invalid_candidate_does_not_hide_a_later_date() -> None:
    parsed = find_datetime("31 Februari 2019 salah ketik; benar: 28 Februari 2019 10:00 WIB")
    assert parsed is not None
    assert parsed.isoformat() == "2019-02-28T10:00:00+07:00"


def test_find_all_datetimes() -> None:
    text = "Dipublikasikan 26/03/2019 20:34 WIB, diperbarui 27/03/2019 10:00 WITA"
    found = find_all_datetimes(text)
    assert [p.isoformat() for p in found] == [
        "2019-03-26T20:34:00+07:00",
        "2019-03-27T10:00:00+08:00",
    ]
    assert all(text[p.start : p.end] == p.text for p in found)


def test_long_text_finds_dates_far_in() -> None:
    # Long texts take the windowed path (digit scan first); the result must be
    # the same as for a short text, including wide whitespace before the year.
    filler = "Kata Presiden tahun 2024, 1500000 orang dan Rp 12.500 per hari. " * 40
    stamp = "Selasa,        26        Maret        2019 20:34 WIB"
    text = filler + stamp + " " + filler + "27/03/2019"
    found = find_all_datetimes(text)
    assert [p.isoformat() for p in found] == [
        "2019-03-26T20:34:00+07:00",
        "2019-03-27T00:00:00+07:00",
    ]
    assert found[0].text == stamp
    assert found[0].start == len(filler)


# --- date lines ----------------------------------------------------------------------

DATE_LINES = [
    "Selasa, 26 Maret 2019 20:34 WIB",
    "  26 Mar 2019, 20:34 WIB  ",
    "Kompas.com - 26/03/2019, 20:34 WIB",
    "Diperbarui 27 Mar 2019, 10:00 WIB",
    "Update: Rabu, 27 Maret 2019 | 10:00 WIB",
    "Terakhir diperbarui: 27 Maret 2019 10:00 WIB",
    "Dipublikasikan pada 26 Maret 2019",
    "Diterbitkan: 26/03/2019 20:34 (WIB)",
    "Terbit: Selasa, 26 Mar 2019 20:34 WIB",
    "Published: 2019-03-26T20:34:00+07:00",
    "Updated March 27, 2019 10:00 AM",
    "Rilis 26 Maret 2019 • 20:34 WIB",
    "Waktu: 26-03-2019 20:34",
    "Senin, 20 Okt 2025 14:05 WIB | Diperbarui Selasa, 21 Okt 2025 08:00 WIB",
]

BODY_SENTENCE = (
    "Rapat itu digelar pada Senin, 20 Oktober 2025 di Jakarta bersama para menteri dan "
    "kepala daerah."
)
NOT_DATE_LINES = [
    "",
    "Baca dalam 3 menit",
    "26 Maret 2019, 20:34 WIB · Baca dalam 3 menit",
    "Senin, 20 Okt 2025 14:05 WIB - 1.234 views",
    BODY_SENTENCE,
    "Pada Senin, 20 Oktober 2025 rapat digelar di Jakarta.",
    "Penulis: Budi Santoso | Editor: Ani Lestari | 26/03/2019",
    "Senin (20/10)",
    "Diperbarui " + " " * 70 + "27 Mar 2019",  # over the length limit
]


def test_body_sentence_still_holds_a_date() -> None:
    # Not a date line, but find_datetime still reads the date inside it.
    parsed = find_datetime(BODY_SENTENCE)
    assert parsed is not None
    assert (parsed.isoformat(), parsed.text) == (
        "2025-10-20T00:00:00+07:00",
        "Senin, 20 Oktober 2025",
    )


@pytest.mark.parametrize("line", DATE_LINES)
def test_is_date_line(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_is_not_date_line(line: str) -> None:
    assert not is_date_line(line)
    assert classify_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Diperbarui 27 Mar 2019, 10:00 WIB", "updated"),
        ("Update: Rabu, 27 Maret 2019 | 10:00 WIB", "updated"),
        ("Updated March 27, 2019 10:00 AM", "updated"),
        ("Terakhir diperbarui: 27 Maret 2019 10:00 WIB", "updated"),
        ("Pembaruan: 27/03/2019 10:00 WIB", "updated"),
        ("Diupdate 27/03/2019 10:00 WIB", "updated"),
        ("27 Mar 2019, 10:00 WIB (diperbarui)", "updated"),
        ("Selasa, 26 Maret 2019 20:34 WIB", "published"),
        ("Kompas.com - 26/03/2019, 20:34 WIB", "published"),
        ("Diterbitkan: 26/03/2019 20:34 (WIB)", "published"),
        ("Dipublikasikan 26/03/2019 20:34 WIB, diperbarui 27/03/2019", "published"),
        ("Senin, 20 Okt 2025 14:05 WIB | Diperbarui Selasa, 21 Okt 2025 08:00 WIB", "published"),
    ],
)
def test_classify_date_line(line: str, kind: str) -> None:
    assert classify_date_line(line) == kind


# --- tables --------------------------------------------------------------------------


def test_tables() -> None:
    assert MONTHS["maret"] == 3 and MONTHS["agt"] == 8 and MONTHS["december"] == 12
    assert set(MONTHS.values()) == set(range(1, 13))
    assert all(name == name.lower() for name in MONTHS)
    assert WEEKDAYS["senin"] == 0 and WEEKDAYS["minggu"] == 6 and WEEKDAYS["ahad"] == 6
    assert ZONES == {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}


# --- properties ----------------------------------------------------------------------

FULL_MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
]  # fmt: skip
SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
WEEKDAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ZONE_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}


def _full(d: datetime, weekday: str, zone: str) -> str:
    return f"{weekday}, {d.day} {FULL_MONTHS[d.month - 1]} {d.year} {d:%H:%M:%S} {zone}"


def _full_upper(d: datetime, weekday: str, zone: str) -> str:
    return f"{d.day} {FULL_MONTHS[d.month - 1].upper()} {d.year} pukul {d:%H.%M.%S} ({zone})"


def _short(d: datetime, weekday: str, zone: str) -> str:
    return f"{weekday}, {d:%d} {SHORT_MONTHS[d.month - 1]}. {d.year} | {d:%H:%M:%S} {zone}"


def _numeric(d: datetime, weekday: str, zone: str) -> str:
    return f"{d:%d/%m/%Y}, {d:%H:%M:%S} {zone}"


def _numeric_short(d: datetime, weekday: str, zone: str) -> str:
    return f"{weekday} {d.day}/{d.month}/{d.year} - {d:%H.%M.%S} {zone}"


STYLES = [_full, _full_upper, _short, _numeric, _numeric_short]
PREFIXES = ["", "Kompas.com - ", "Diperbarui ", "Jakarta, Rp 1.500.000 pada 12 orang ", "x" * 300]


@settings(max_examples=300)
@given(
    naive=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31, 23, 59)),
    zone=st.sampled_from(sorted(ZONE_HOURS)),
    style=st.sampled_from(STYLES),
    weekday=st.sampled_from(WEEKDAY_NAMES),  # often wrong for the date: must not matter
    prefix=st.sampled_from(PREFIXES),
)
def test_formatted_times_round_trip(
    naive: datetime, zone: str, style, weekday: str, prefix: str
) -> None:
    expected = naive.replace(microsecond=0, tzinfo=timezone(timedelta(hours=ZONE_HOURS[zone])))
    text = prefix + style(expected, weekday, zone)
    parsed = find_datetime(text)
    assert parsed is not None, text
    assert parsed.value == expected
    assert parsed.isoformat() == expected.isoformat()
    assert not parsed.zone_assumed and parsed.has_time
    assert text[parsed.start : parsed.end] == parsed.text


DATE_ISH = st.sampled_from(
    [
        "Senin", "Jum'at", ",", " ", "  ", "\xa0", "/", "-", ".", ":", "|", "(", ")", "T", "Z",
        "+", "0", "1", "07", "12", "26", "31", "99", "2019", "20195", "1850", "Maret", "Feb",
        "Mar.", "ſep", "oKt", "WIB", "WITA", "(WIB)", "GMT", "UTC+7", "pukul", "pm", "x",
        "26 Maret 2019", "20:34", "20.34", "25:61", "+07:00",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.one_of(st.text(), st.lists(DATE_ISH, max_size=30).map("".join)))
def test_never_raises(text: str) -> None:
    for parsed in find_all_datetimes(text):
        assert text[parsed.start : parsed.end] == parsed.text
        assert parsed.value.tzinfo is not None
    first = find_datetime(text)
    assert first is None or first.text == find_all_datetimes(text)[0].text
    for order in ("dmy", "mdy"):
        find_datetime(text, order=order)
    assert is_date_line(text) in (True, False)
    assert classify_date_line(text) in (None, "updated", "published")
