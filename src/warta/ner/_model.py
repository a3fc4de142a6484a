"""The shipped pipeline: spaCy's Indonesian tokenizer, the trained NER, warta's rules.

The model directory is loaded once per process (``nlp()`` is cached); the
``warta_entities`` component then cleans the spans and writes the canonical
data onto span extensions: ``span._.canonical``, ``role``, ``code``,
``name_en`` and ``kind`` (None where they do not apply).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import _rules
from ._canon import Mention, link

MODEL_DIR = Path(__file__).resolve().parent / "model"
EXTENSIONS = ("canonical", "role", "code", "name_en", "kind")

for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def nlp(model: str | Path | None = None) -> Language:
    """The NER pipeline as a spaCy ``Language``; entities in ``doc.ents``.

    Loaded once per process and model directory (default: the shipped one)."""
    return _load(str(Path(model or MODEL_DIR).resolve()))


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    pipeline = spacy.load(model)
    pipeline.add_pipe("warta_entities", last=True)
    return pipeline


@Language.component("warta_entities", requires=["doc.ents"], assigns=["doc.ents"])
def warta_entities(doc: Doc) -> Doc:
    spans = [s for s in (_rules.clean(e) for e in doc.ents) if s is not None]
    spans = [p for s in spans for p in _rules.split_parenthesis(s)]
    spans = [p for s in spans for p in _rules.split_country_suffix(s)]
    doc.ents = _rules.propagate(doc, _rules.organisations(doc, spans))
    mentions = mentions_of(doc)
    link(mentions, _rules.acronyms(list(doc.ents)))
    for span, m in zip(doc.ents, mentions, strict=True):
        for name in EXTENSIONS:
            setattr(span._, name, getattr(m, name))
    return doc


def mentions_of(doc: Doc, offset: int = 0) -> list[Mention]:
    labels = ["O"] * len(doc)
    for span in doc.ents:
        labels[span.start : span.end] = [span.label_] * len(span)
    return [
        Mention(s.text, s.label_, s.start_char + offset, s.end_char + offset,
                role=_rules.role(s, labels) if s.label_ == "PER" else None)
        for s in doc.ents
    ]  # fmt: skip
