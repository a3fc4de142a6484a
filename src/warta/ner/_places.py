"""Codes for places: ISO 3166 countries and Indonesian regions.

Countries come from CLDR through Babel (Indonesian and English names, so
English text works too); provinces, regencies and cities from the compiled
Kemendagri list in ``warta/data/wilayah.json`` (MIT, cahyadsn/wilayah).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

#: Codes CLDR lists beside countries that are not places one can be in.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
_PREFIXES = {"Kabupaten ": "regency", "Kota ": "city"}


@dataclass(frozen=True)
class Place:
    canonical: str  # the Indonesian name: CLDR's, or Kemendagri's
    code: str  # ISO 3166-1 alpha-2, or the Kemendagri code ("32.73")
    kind: str  # "country", "province", "regency" or "city"
    name_en: str | None = None


def lookup(name: str) -> Place | None:
    key = name.strip().lower()
    return _countries().get(key) or _regions().get(key)


@lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    from babel import Locale

    ind, eng = Locale("id").territories, Locale("en").territories
    out: dict[str, Place] = {}
    for code, name in ind.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            place = Place(name, code, "country", eng.get(code))
            out.setdefault(eng.get(code, name).lower(), place)
            out[name.lower()] = place
    return out


@lru_cache(maxsize=1)
def _regions() -> dict[str, Place]:
    data = json.loads(files("warta.data").joinpath("wilayah.json").read_text(encoding="utf-8"))
    keyed: dict[str, Place] = {}
    # Provinces last so that a bare name shared with a city ("Jambi") is the province;
    # cities after regencies so that "Bandung" is Kota Bandung, as news means it.
    ordered = sorted(
        data["regions"].items(), key=lambda kv: (len(kv[0]) == 2, kv[1].startswith("Kota"))
    )
    for code, name in ordered:
        place = Place(name, code, _kind(code, name))
        for key in _keys(name):
            keyed[key] = place
    return keyed


def _kind(code: str, name: str) -> str:
    if len(code) == 2:
        return "province"
    return next((k for p, k in _PREFIXES.items() if name.startswith(p)), "regency")


def _keys(name: str) -> set[str]:
    plain = name.replace(" Administrasi", "")
    keys = {name.lower(), plain.lower()}
    for prefix in _PREFIXES:
        if plain.startswith(prefix):
            bare = plain[len(prefix) :]
            keys |= {bare.lower(), f"{prefix}{bare}".lower()}
            if prefix == "Kabupaten ":
                keys |= {f"kab. {bare}".lower(), f"kab {bare}".lower()}
    return keys
