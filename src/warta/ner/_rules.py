"""Rules applied to the model's spans: titles, sentence openers, acronyms, labels.

The statistical model tags spans; these rules encode what it cannot learn
from 1,500 sentences: "Presiden" is a role and not part of a name, a
capitalised common word opening a sentence ("Televisi", "Laporan") is no
entity on its own, and "Rusia" is a place even where it acts like an
organisation (warta's LOC covers countries).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from . import _places
from ._canon import is_acronym, tables

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
        span = span[1:]
    if _all_common_lower(span):
        return None  # "baru-baru" is no person; "detikcom" stays (not a common word)
    if len(span) == 1 and opens_sentence(span[0]) and span[0].lower_ in common_words():
        return None
    if span.label_ != "LOC" and _places.lookup(span.text) and _is_country(span.text):
        return Span(span.doc, span.start, span.end, label="LOC")
    return Span(span.doc, span.start, span.end, label=span.label_)


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
    while i >= 0 and (doc[i].is_quote or doc[i].is_bracket or (doc[i].is_space and "\n" not in doc[i].text)):
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
        elif not (token.is_alpha and (token.is_title or token.is_upper or labels[i] in ("LOC", "ORG"))):
            break
    return doc[head : span.start].text if head is not None else None


def acronyms(spans: list[Span]) -> dict[str, str]:
    """Acronyms the text defines: "Badan Pusat Statistik (BPS)" or "BPS (Badan ...)"."""
    found: dict[str, str] = {}
    for span in spans:
        inner = _parenthesised(span.doc, span.end)
        if inner is None:
            continue
        if is_acronym(inner.text) and not is_acronym(span.text):
            found[inner.text] = span.text
        elif is_acronym(span.text) and not is_acronym(inner.text):
            found[span.text] = inner.text
    return found


def _parenthesised(doc: Doc, i: int) -> Span | None:
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + 12, len(doc))):
        if doc[j].text == ")":
            return doc[i + 1 : j] if j > i + 1 else None
    return None
