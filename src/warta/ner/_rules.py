"""Rules applied to the model's spans: titles, sentence openers, acronyms, labels.

The statistical model tags spans; these rules encode what it cannot learn
from 1,500 sentences: "Presiden" is a role and not part of a name, a
capitalised common word opening a sentence ("Televisi", "Laporan") is no
entity on its own, and "Rusia" is a place even where it acts like an
organisation (warta's LOC covers countries).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib.resources import files

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import _places
from ._canon import is_acronym, tables

#: Lower-case words that can stand inside a person's name.
_PARTICLES = {
    "bin",
    "binti",
    "br",
    "boru",
    "van",
    "der",
    "den",
    "de",
    "da",
    "del",
    "von",
    "al",
    "el",
    "la",
    "le",
}
#: Tokens after which the next word is capitalised because of its position.
_BOUNDARY = {".", "!", "?", "…", ":", ";", "-", "–", "—", "•"}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    text = files("warta.ner").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(tables()["TITLES"])


def clean(span: Span) -> Span | None:
    """The span without leading titles or openers; None when nothing is left."""
    while len(span) > 1 and _droppable_head(span[0], span.label_):
        span = _sub(span, 1, len(span))
    if span.label_ == "PER":
        if all(t.lower_ in titles() for t in span):
            return None  # "Menkeu" alone is a role, no name
        span = _sub(span, 0, _name_end(span))
    if _all_common_lower(span):
        return None  # "baru-baru" is no person; "detikcom" stays (not a common word)
    if len(span) == 1 and opens_sentence(span[0]) and span[0].lower_ in common_words():
        return None
    if span.label_ != "LOC" and _is_country(span.text):
        return Span(span.doc, span.start, span.end, label="LOC")
    return span


def _name_end(span: Span) -> int:
    """Where a person's name stops: at the first lower-case word that is no
    name particle ("Vladimir Putin in Moscow" -> "Vladimir Putin")."""
    for i in range(1, len(span)):
        token, before = span[i], span[i - 1].text
        particle = token.text in _PARTICLES or before == "-"  # "de Bruyne", "Hye - kyo"
        if token.is_lower and token.is_alpha and not particle:
            return i
    return len(span)


def _sub(span: Span, start: int, end: int) -> Span:
    """``span[start:end]`` keeping the label (spaCy's slice drops it)."""
    return Span(span.doc, span.start + start, span.start + end, label=span.label_)


def _all_common_lower(span: Span) -> bool:
    words = common_words()
    return not any(c.isupper() for c in span.text) and all(
        part in words for t in span for part in t.lower_.split("-") if part.isalpha()
    )


def _droppable_head(token: Token, label: str) -> bool:
    if label == "PER" and token.lower_ in titles():
        return True
    return opens_sentence(token) and token.lower_ in common_words() and token.lower_ not in titles()


def _is_country(text: str) -> bool:
    place = _places.lookup(text)
    return place is not None and place.kind == "country"


def opens_sentence(token: Token) -> bool:
    """True when ``token`` stands first in its sentence or line (quotes aside)."""
    i = token.i - 1
    doc = token.doc
    while i >= 0 and (
        doc[i].is_quote or doc[i].is_bracket or (doc[i].is_space and "\n" not in doc[i].text)
    ):
        i -= 1
    return i < 0 or doc[i].text in _BOUNDARY or "\n" in doc[i].text


def role(span: Span, labels: list[str]) -> str | None:
    """The title before a person: "Pemimpin Korea Utara" before "Kim Jong Un".

    Walks left over capitalised words, titles and place or organisation
    tokens; the role starts at the leftmost title found on the way."""
    doc, head = span.doc, None
    for i in range(span.start - 1, -1, -1):
        token = doc[i]
        if token.lower_ in titles():
            head = i
        elif not (
            token.is_alpha and (token.is_title or token.is_upper or labels[i] in ("LOC", "ORG"))
        ):
            break
    return doc[head : span.start].text if head is not None else None


def acronyms(spans: list[Span]) -> dict[str, str]:
    """Acronyms the text defines: "Badan Pusat Statistik (BPS)" or "BPS (Badan ...)"."""
    found: dict[str, str] = {}
    for span in spans:
        inner = _parenthesised(span.doc, span.end)
        if inner is None:
            continue
        if is_acronym(inner.text) and not is_acronym(span.text) and _may_stand_for(inner.text, span.text):
            found[inner.text] = span.text
        elif is_acronym(span.text) and not is_acronym(inner.text) and _may_stand_for(span.text, inner.text):
            found[span.text] = inner.text
    return found


def _may_stand_for(acronym: str, long: str) -> bool:
    """Whether ``long`` may be what ``acronym`` abbreviates: it starts with
    the acronym's first letter, or two of its words' initials are letters of
    the acronym (Indonesian acronyms skip words and take syllables: "Dedi
    Mulyadi (KDM)", "Ibu Kota Nusantara" cut to "Kota Nusantara (IKN)"). A
    parenthesis also holds ages, roles and nicknames ("AR (37)", "Pak AHY
    (Menko Infra)"), which define nothing."""
    letters = [c for c in acronym.upper() if c.isalpha()]
    initials = [w[0].upper() for w in long.split() if w[:1].isalpha()]
    if not letters or not initials:
        return False
    shared = sum((Counter(letters) & Counter(initials)).values())
    return initials[0] == letters[0] or shared >= 2


def _parenthesised(doc: Doc, i: int) -> Span | None:
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + 12, len(doc))):
        if doc[j].text == ")":
            return doc[i + 1 : j] if j > i + 1 else None
    return None


def split_parenthesis(span: Span) -> list[Span]:
    """Split at a parenthesis: "Badan Pusat Statistik (BPS)" -> the name, "BPS",
    also where the span stops inside it ("Komite Nasional ... ( KNKT")."""
    words = [t.text for t in span]
    if "(" not in words:
        return [span]
    i = words.index("(")
    j = words.index(")", i) if ")" in words[i:] else len(span)
    parts = [_sub(span, 0, i), _sub(span, i + 1, j), _sub(span, min(j + 1, len(span)), len(span))]
    return [p for p in parts if len(p) and any(c.isalnum() for c in p.text)]


def split_country_suffix(span: Span) -> list[Span]:
    """Split a place from its country: "Penza Rusia" -> "Penza", "Rusia"."""
    if span.label_ != "LOC":
        return [span]
    for n in (2, 1):
        if len(span) > n and _is_country(span[-n:].text) and not _is_country(span.text):
            return [_sub(span, 0, len(span) - n), _sub(span, len(span) - n, len(span))]
    return [span]


def propagate(doc: Doc, spans: list[Span]) -> list[Span]:
    """Tag untagged repeats of names tagged elsewhere in the document.

    The model judges each occurrence from its context alone, so "Melnichenko"
    opening a sentence may be missed though "Oleg Melnichenko" was found;
    one name keeps one label within a document."""
    names = _names(spans)
    covered = {i for s in spans for i in range(s.start, s.end)}
    longest = max((len(k) for k in names), default=0)
    # word hashes in one call: a ``Token`` per word is the cost here
    orths = doc.to_array(ORTH).tolist()
    by_hash = {tuple(get_string_id(w) for w in k): label for k, label in names.items()}
    starts = {k[0] for k in by_hash}
    firsts = [i for i, orth in enumerate(orths) if orth in starts]
    found, after = [], 0
    for i in firsts:  # only where a known name can start
        if i < after or i in covered or not doc[i].text[:1].isupper():
            continue
        for n in range(min(longest, len(orths) - i), 0, -1):
            key = tuple(orths[i : i + n])
            if key in by_hash and not covered.intersection(range(i, i + n)):
                found.append(Span(doc, i, i + n, label=by_hash[key]))
                after = i + n
                break
    return sorted([*spans, *found], key=lambda s: s.start)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return common_words() | titles()


def _names(spans: list[Span]) -> dict[tuple[str, ...], str]:
    names = {tuple(t.text for t in s): s.label_ for s in spans}
    words = _not_names()
    for s in spans:
        if s.label_ == "PER" and len(s) > 1:
            for t in (s[0], s[-1]):
                if t.is_alpha and t.is_title and t.lower_ not in words:
                    names.setdefault((t.text,), "PER")
    return names


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(tables()["ORG_HEADS"])


#: Lower-case words that introduce a place's name ("senator dari wilayah Penza").
PLACE_TRIGGERS = frozenset("wilayah kota provinsi kabupaten desa kecamatan kelurahan daerah distrik".split())


def places_after_triggers(doc: Doc, spans: list[Span]) -> list[Span]:
    """Untagged capitalised words after a lower-case place word are a place:
    "wilayah Penza", "desa Sukamaju" (up to three words; a tagged span ends them)."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    words = common_words()
    out = list(spans)
    for i in _positions(doc, PLACE_TRIGGERS):  # lower-case forms only
        end = _capitalised_run(doc, i + 1, covered, longest=3, skip=words)
        if end > i + 1:
            out.append(Span(doc, i + 1, end, label="LOC"))
            covered.update(range(i + 1, end))
    return sorted(out, key=lambda s: s.start)


def _positions(doc: Doc, words: frozenset[str]) -> list[int]:
    """Where ``words`` occur in ``doc`` (by hash: no ``Token`` per word)."""
    ids = _hashes(words)
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in ids]


@lru_cache(maxsize=16)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    # spaCy's string ids (a hash, or a symbol's number for "X", "ORG"...), as
    # ``Doc.to_array(ORTH)`` gives them; the same in every vocabulary.
    return frozenset(get_string_id(w) for w in words)


def _capitalised_run(doc: Doc, start: int, covered: set[int], *, longest: int | None = None,
                     skip: frozenset[str] = frozenset()) -> int:
    """The end of the run of capitalised words from ``start`` that no span
    covers (at most ``longest``, none of ``skip`` in lower case)."""
    end = start
    while (end < len(doc) and (longest is None or end - start < longest) and end not in covered
           and doc[end].is_alpha and doc[end].is_title and doc[end].lower_ not in skip):
        end += 1
    return end


def organisations(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names headed by "Dewan", "Badan", "Kementerian"... are organisations.

    Relabels such spans the model called persons ("Senat Rusia") and adds
    the untagged ones: the head followed by capitalised words ("Dewan Federasi")."""
    heads = org_heads()
    out = [Span(doc, s.start, s.end, label="ORG") if s.label_ == "PER" and s[0].text in heads else s
           for s in spans]  # fmt: skip
    covered = {i for s in out for i in range(s.start, s.end)}
    for i in _positions(doc, heads):
        if i not in covered:
            end = _capitalised_run(doc, i + 1, covered)
            if end > i + 1:
                out.append(Span(doc, i, end, label="ORG"))
                covered.update(range(i, end))
    return sorted(out, key=lambda s: s.start)
