"""The ``quantities`` stage: numbers in Indonesian notation with their unit.

"1.500,75" is one thousand five hundred and three quarters (dots group
thousands, the comma is the decimal mark); scale words multiply ("2 juta",
"Rp 1,5 triliun"). Money in rupiah gets ``{"currency": "IDR", "value": ...}``;
distances in miles also get ``km``. Numbers that are part of a time
expression (dates, clock times) are left to the ``times`` stage. A value
beyond any plausible figure is kept with a warning, never an error.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .._article import Article
from .._pipeline import stage

SCALES = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
          "triliun": 1e12, "t": 1e12, "m": 1e9}  # fmt: skip
# Unit words as written -> (unit name, factor to km for distances).
UNITS = {
    "persen": "percent", "%": "percent", "mil": "mile", "km": "km", "kilometer": "km",
    "meter": "m", "m": "m", "cm": "cm", "kg": "kg", "kilogram": "kg", "gram": "g", "ton": "t",
    "liter": "l", "hektare": "ha", "hektar": "ha", "ha": "ha", "derajat": "degree",
    "knot": "knot", "mw": "MW", "kwh": "kWh", "barel": "barrel",
}  # fmt: skip
KM_PER = {"mile": 1.609344, "km": 1.0, "m": 0.001}
CURRENCIES = {"rp": "IDR", "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR",
              "sgd": "SGD", "rm": "MYR"}  # fmt: skip
PLAUSIBLE = 1e16  # beyond ten thousand trillion, a figure is more likely a broken number

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY = re.compile(
    rf"(?:(?P<cur>Rp|US\$|USD|\$|€|EUR|SGD|RM)\.?\s?)?(?<![\w.,/-])(?P<num>{_NUMBER})(?![\d/])"
    rf"(?:\s?(?P<scale>ribu|rb|juta|jt|miliar|milyar|triliun|T|M)\b)?"
    rf"(?:\s?(?P<unit>%|(?:persen|mil|km|kilometer|meter|cm|kg|kilogram|gram|ton|liter|hektare|hektar"
    rf"|ha|derajat|knot|MW|kWh|barel)\b)|\s(?P<counted>[a-z]{{3,}}))?",
)
_NOT_COUNTED = frozenset("""
dan atau yang di ke dari dengan untuk dalam pada ini itu juga tahun bulan hari jam menit
detik pekan minggu kali lalu lebih kurang sampai hingga per adalah akan sudah tidak
""".split())  # fmt: skip


@stage(needs=("paragraphs", "times"), sets=("quantities",))
def quantities(article: Article) -> None:
    body = article.body
    taken = [(t["start"], t["end"]) for t in article.times]
    found = []
    for match in _QUANTITY.finditer(body):
        if any(s < match.end("num") and match.start("num") < e for s, e in taken):
            continue
        record = _record(match)
        if record is not None:
            found.append(record)
    implausible = [q["start"] for q in found if q.get("implausible")]
    if implausible:
        article.warn(
            f"quantities: {len(implausible)} implausibly large figure(s) (first at {implausible[0]})"
        )
    article.quantities = found


def parse_number(text: str) -> float:
    """An Indonesian numeral: "1.500.000" -> 1500000, "5,12" -> 5.12."""
    return float(text.replace(".", "").replace(",", "."))


def _record(m: re.Match[str]) -> dict[str, Any] | None:
    number = parse_number(m["num"])
    if m["cur"] is None and m["scale"] is None and m["unit"] is None and m["counted"] is None:
        if 1900 <= number <= 2100 and "," not in m["num"]:
            return None  # a bare year
    scale = m["scale"]
    if scale in ("M", "T") and m["cur"] is None:
        scale = None  # "5 M" is a billion only in a money amount
    value = number * SCALES[scale.lower()] if scale else number
    end = m.end()
    unit = UNITS.get((m["unit"] or "").lower()) if m["unit"] else None
    counted = m["counted"] if unit is None and m["counted"] not in _NOT_COUNTED else None
    if m["counted"] and counted is None:
        end = m.end("scale") if m["scale"] else m.end("num")
    record = {
        "text": m.string[m.start() : end],
        "value": value,
        "unit": unit or counted,
        "start": m.start(),
        "end": end,
    }
    _money_and_distance(record, m["cur"], unit)
    if not math.isfinite(value) or value > PLAUSIBLE:
        record["implausible"] = True
    return record


def _money_and_distance(record: dict[str, Any], currency: str | None, unit: str | None) -> None:
    if currency:
        record["unit"] = "currency"
        record["money"] = {"currency": CURRENCIES[currency.lower()], "value": record["value"]}
    if unit in KM_PER:
        record["km"] = round(record["value"] * KM_PER[unit], 3)
