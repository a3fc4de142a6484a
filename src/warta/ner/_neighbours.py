"""Rules that read the words next to a tagged span and tag what the model missed.

Each one copies what the text itself says: an acronym defined in
parentheses names the same thing as its long form ("Universitas Indonesia
(UI)"), a list joins names of one kind ("Tommy Robredo dan Nikolay
Davidenko"), "dan" continues an organisation's name after its head
("Kementerian Pekerjaan Umum dan Perumahan Rakyat"), and the short forms of
provinces ("Jatim"), organisations ("BNPB") and people ("Jokowi") are
tagged, as are the names the training corpora tag. Chosen on NER UI dev fold
01 and on held-out halves of NER UI train fold 01 (docs/ner.md).
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from . import _places
from ._canon import is_acronym, tables
from ._rules import (
    _capitalised_run,
    _parenthesised,
    _positions,
    common_words,
    org_heads,
    titles,
)

#: Names the training corpora tag, with their label (training/ner/build_names.py).
KNOWN_NAMES = Path(__file__).with_name("known_names.json")
#: Lower-case words a long form may hold between its capitalised words.
_CONNECTORS = frozenset({"dan", "untuk", "for", "and", "of", "the", "&", "-"})
#: Tokens that join the items of a list.
_LIST_JOINS = frozenset({",", "dan", "serta", "atau", "&"})
#: Capitalised but no names: days and months open list items after a place ("Jakarta , Selasa").
_CALENDAR = frozenset(
    "senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli "
    "agustus september oktober november desember".split()
)


def _covered(spans: list[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _by_start(spans: list[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: s.start)


def _is_name_word(text: str) -> bool:
    return text[:1].isupper() and text.isalpha()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isupper())


def _spells(acronym: str, words: list[str]) -> bool:
    """True when the capitalised words' initials spell the acronym ("Air Traffic Control", "ATC")."""
    names = all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)
    return names and len(_letters(acronym)) >= 2 and _initials(words) == _letters(acronym)


def acronym_pairs(doc: Doc, spans: list[Span]) -> list[Span]:
    """Where the model tagged one side of "Long ( ACR )" or "ACR ( Long )",
    the other side gets the same label."""
    out, covered = list(spans), _covered(spans)
    ends = {s.end: s for s in spans}
    exact = {(s.start, s.end): s for s in spans}
    for i in _positions(doc, frozenset({"("})):
        inner = _parenthesised(doc, i)
        if i == 0 or inner is None:
            continue
        new = _short_form(doc, ends.get(i), inner, covered) or _long_form(
            doc, exact.get((inner.start, inner.end)), i, covered
        )
        if new is not None:
            out.append(new)
            covered.update(range(new.start, new.end))
    return _by_start(out)


def _short_form(doc: Doc, left: Span | None, inner: Span, covered: set[int]) -> Span | None:
    """ "Universitas Indonesia ( UI )", "Universitas Bhayangkara ( Ubhara )", "EFTA ( European ... )"."""
    if left is None or covered.intersection(range(inner.start, inner.end)):
        return None
    words = [t.text for t in inner]
    one_word = len(inner) == 1 and (
        is_acronym(inner.text) or (left.label_ == "ORG" and _is_name_word(inner.text))
    )  # a person's one word in parentheses is as often a role or a film title
    if one_word or (is_acronym(left.text) and _spells(left.text, words)):
        return Span(doc, inner.start, inner.end, label=left.label_)
    return None


def _long_form(doc: Doc, inside: Span | None, i: int, covered: set[int]) -> Span | None:
    """The untagged side before a tagged parenthesis: "Air Traffic Control ( ATC )", "EFTA ( ... )"."""
    if inside is None or i - 1 in covered:
        return None
    before = doc[i - 1].text
    if is_acronym(before) and _spells(before, [t.text for t in inside]):
        return Span(doc, i - 1, i, label=inside.label_)
    if not is_acronym(inside.text) or is_acronym(before):
        return None
    for k in range(i - 1, max(i - 12, -1), -1):
        word = doc[k].text
        if k in covered or not (word[:1].isupper() or word.lower() in _CONNECTORS):
            return None
        if word[:1].isupper() and _spells(inside.text, [t.text for t in doc[k:i]]):
            return Span(doc, k, i, label=inside.label_)
    return None


def organisations_with_dan(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation named from its head goes on over "dan" and capitalised
    words: "Kementerian Koperasi dan" + "UKM"; not into a second organisation
    or a place ("Kementerian Keuangan dan Bank Indonesia")."""
    heads, covered = org_heads(), _covered(spans)
    out = []
    for s in spans:
        if (
            s.label_ == "ORG"
            and s[0].text in heads
            and s.end + 1 < len(doc)
            and doc[s.end].text == "dan"
        ):
            end = _capitalised_run(doc, s.end + 1, covered)
            more = doc[s.end + 1 : end]
            if len(more) and more[0].text not in heads and _places.lookup(more.text) is None:
                s = Span(doc, s.start, end, label="ORG")
                covered.update(range(s.start, end))
        out.append(s)
    return out


def listed_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """Untagged names of two or more capitalised words listed right after a
    person are persons: "Tommy Robredo dan Nikolay Davidenko"."""
    persons = [s for s in spans if s.label_ == "PER"]
    if not persons:
        return spans
    out, covered, skip = list(spans), _covered(spans), _not_person_words()
    for s in persons:
        while s.end + 1 < len(doc) and doc[s.end].text in _LIST_JOINS:
            end = _capitalised_run(doc, s.end + 1, covered)
            item = doc[s.end + 1 : end]
            if len(item) < 2 or any(t.lower_ in skip for t in item) or not _ends_item(doc, end):
                break
            s = Span(doc, item.start, end, label="PER")
            out.append(s)
            covered.update(range(s.start, s.end))
    return _by_start(out)


@lru_cache(maxsize=1)
def _not_person_words() -> frozenset[str]:
    return common_words() | titles() | _CALENDAR


def _ends_item(doc: Doc, end: int) -> bool:
    return end == len(doc) or doc[end].is_punct or doc[end].is_lower


@lru_cache(maxsize=1)
def _short_forms() -> dict[tuple[str, ...], str]:
    """Short names from the alias table: organisations ("KPK", "Polri"),
    provinces ("Jatim", "DKI Jakarta") and people ("Jokowi", "SBY"); the
    countries' ("AS", "RI") are left out: NER UI tags "dolar AS" and "RI 1"
    as places, idner-news-2k does not."""
    forms = {tuple(short.split()): "ORG" for short in tables()["ORG"]}
    forms.update({tuple(short.split()): "PER" for short in tables()["PER"]})
    for short, name in tables()["LOC"].items():
        place = _places.lookup(name)
        if place is not None and place.kind == "province":
            forms[tuple(short.split())] = "LOC"
    return forms


@lru_cache(maxsize=1)
def _short_form_firsts() -> frozenset[str]:
    return frozenset(k[0] for k in _short_forms())


def short_forms(doc: Doc, spans: list[Span]) -> list[Span]:
    """Untagged short names of organisations, provinces and people from the
    alias table are tagged ("Humas BNPB", "Pemprov Jatim", "kata Jokowi"),
    unless a capitalised word follows ("Jakarta Pusat" is another place, "BI
    Rate" no bank)."""
    forms = _short_forms()
    out, covered = list(spans), _covered(spans)
    for i in _positions(doc, _short_form_firsts()):
        words = [t.text for t in doc[i : i + 3]]  # the name (one or two words) and the next
        n = next((n for n in (2, 1) if len(words) >= n and tuple(words[:n]) in forms), 0)
        if n and not covered.intersection(range(i, i + n)):
            if not (len(words) > n and i + n not in covered and _is_name_word(words[n])):
                out.append(Span(doc, i, i + n, label=forms[tuple(words[:n])]))
                covered.update(range(i, i + n))
    return _by_start(out)


@lru_cache(maxsize=1)
def _known() -> dict[tuple[str, ...], str]:
    names = json.loads(KNOWN_NAMES.read_text(encoding="utf-8"))["names"]
    return {tuple(name.split()): label for name, label in names.items()}


@lru_cache(maxsize=1)
def _known_by_hash() -> tuple[dict[tuple[int, ...], str], dict[int, list[int]]]:
    """``_known`` by spaCy's string ids (as ``Doc.to_array(ORTH)`` gives them: a
    hash, or a symbol's number for "X" in "Sultan Hamengku Buwono X"; the
    same in every vocabulary), and the name lengths each first word starts,
    longest first."""
    names, lengths = {}, defaultdict(set)
    for words, label in _known().items():
        key = tuple(get_string_id(w) for w in words)
        names[key] = label
        lengths[key[0]].add(len(key))
    return names, {first: sorted(ns, reverse=True) for first, ns in lengths.items()}


def _hyphenated(doc: Doc, i: int) -> bool:
    """Whether word ``i`` is a hyphen that joins the word before to a
    capitalised one ("Arab-Latin", the script)."""
    return doc[i].text == "-" and i + 1 < len(doc) and _is_name_word(doc[i + 1].text)


def _inside_a_name(doc: Doc, i: int, covered: set[int]) -> bool:
    """Whether word ``i`` follows an untagged capitalised word, no title,
    inside a sentence: the end of a longer name ("Gibran Rakabuming Raka",
    not "Presiden Jokowi")."""
    before = doc[i - 1] if i > 1 else None
    return (before is not None and i - 1 not in covered and _is_name_word(before.text)
            and before.lower_ not in titles() and doc[i - 2].text not in (".", "!", "?", '"'))


def known_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Untagged names that the training corpora tag (``known_names.json``,
    built by training/ner/build_names.py) get the label they have there: the
    model, judging each word from its context, misses some it was taught
    ("Jokowi" after a verb, a company in a list). The longest name wins, and
    none is tagged inside a longer one: before a capitalised word ("Atletico
    Madrid", "Arab-Latin"), after a parenthesis ("(Persero) Tbk"), nor a person's name
    after an untagged capitalised word that is no title ("Gibran Rakabuming
    Raka"; these guards were read off the Detik bodies, docs/ner.md)."""
    names, lengths = _known_by_hash()
    orths = doc.to_array(ORTH).tolist()  # word hashes in one call: a ``Token`` per word is the cost
    out, covered, after = list(spans), _covered(spans), 0
    for i in [i for i, orth in enumerate(orths) if orth in lengths]:
        if i < after or i in covered:
            continue
        key = orths[i : i + lengths[orths[i]][0]]
        n = next((n for n in lengths[key[0]] if n <= len(key) and tuple(key[:n]) in names), 0)
        if not n or covered.intersection(range(i, i + n)):
            continue
        label = names[tuple(key[:n])]
        if i + n < len(doc) and (_is_name_word(doc[i + n].text) or _hyphenated(doc, i + n)):
            continue
        if i > 0 and doc[i - 1].text == ")":
            continue
        if label == "PER" and _inside_a_name(doc, i, covered):
            continue
        out.append(Span(doc, i, i + n, label=label))
        covered.update(range(i, i + n))
        after = i + n
    return _by_start(out)
