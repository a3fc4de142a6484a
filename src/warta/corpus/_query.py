"""User queries to full-text expressions over the stemmed index: FTS5 MATCH
(SQLite) and tsquery (PostgreSQL), rendered from the same parse.

    kunjungan Kim ke Rusia         all words (AND), each by its stem
    "pertemuan gagal"              a phrase
    Kim OR Trump, Kim NOT Trump    operators, in capitals; -Trump is NOT Trump
    (Kim OR Jong) AND Rusia        grouping

Every word becomes its index form (``_stem.stem``), quoted (FTS5: in double
quotes; tsquery: each token a quoted lexeme), so no user text is ever read
as query syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._errors import QueryError
from ._stem import stem, words

__all__ = ["Query", "parse_query"]

TOKEN = re.compile(r'"[^"]*"|\(|\)|-?[^\s()"]+|"')
OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True)
class Query:
    match: str  # the FTS5 expression
    terms: frozenset[str]  # stems to highlight (those not under NOT)
    tsquery: str = ""  # the same as a PostgreSQL tsquery
    facets: str | None = None  # an FTS5 expression on the filters' tokens (_filter_keys), ANDed on SQLite
    days: tuple[int | None, int | None] = (None, None)  # since, until as YYYYMMDD (SQLite: parts read)


def parse_query(text: str) -> Query:
    parts: list[str] = []
    terms: set[str] = set()
    negate_next = False
    for token in TOKEN.findall(text):
        if token == '"':
            raise QueryError(f"query {text!r}: a quote is not closed")
        if token in OPERATORS or token in "()":
            parts.append(token)
            negate_next = token == "NOT"
            continue
        if token.startswith("-") and len(token) > 1:
            parts.append("NOT")
            token, negate_next = token[1:], True
        stems = [stem(w) for w in words(token.strip('"'))]
        if stems:
            parts.append('"' + " ".join(stems) + '"')
            if not negate_next:
                terms.update(stems)
        negate_next = False
    parts = _implicit_and(parts)
    return Query(_check(" ".join(parts), text), frozenset(terms), _tsquery(parts))


def _implicit_and(parts: list[str]) -> list[str]:
    """FTS5 needs AND before NOT; adjacent terms are AND already."""
    out: list[str] = []
    for part in parts:
        if out and part not in OPERATORS | {")"} and out[-1] not in OPERATORS | {"("}:
            out.append("AND")
        out.append(part)
    return out


def _tsquery(parts: list[str]) -> str:
    """FTS5's ``a NOT b`` is ``a & !b``; a phrase is its tokens joined by
    ``<->``. Precedence is the same (NOT, then AND, then OR)."""
    from ._fulltext import quote, tokens

    out = []
    for part in parts:
        if part in OPERATORS:
            out.append({"AND": "&", "OR": "|", "NOT": "& !"}[part])
        elif part in "()":
            out.append(part)
        else:
            phrase = " <-> ".join(map(quote, tokens(part.strip('"'))))
            out.append(f"({phrase})" if " " in phrase else phrase)
    return " ".join(out)


def _check(match: str, text: str) -> str:
    tokens = match.split()
    if not any(t.startswith('"') for t in tokens):
        raise QueryError(f"query {text!r}: no words to search for")
    if tokens[0] in OPERATORS or tokens[-1] in OPERATORS:
        raise QueryError(f"query {text!r}: {tokens[0] if tokens[0] in OPERATORS else tokens[-1]} "
                         "needs a term on each side (NOT: search for something, then exclude)")
    if match.count("(") != match.count(")"):
        raise QueryError(f"query {text!r}: parentheses do not match")
    return match
