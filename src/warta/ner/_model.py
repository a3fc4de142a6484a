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

from . import _clubs, _neighbours, _rules
from ._canon import Mention, link
from ._ops import use_numpy_blas
from ._tokens import CachingTokenizer

MODEL_DIR = Path(__file__).resolve().parent / "model"
EXTENSIONS = ("canonical", "role", "code", "name_en", "kind")
#: New words a loaded pipeline may take into its vocabulary before the
#: entities stage loads it afresh. spaCy keeps every word it has tokenised
#: (news adds ~23 an article, mostly numbers and names, ~400 bytes each), so a
#: long ingest or server would grow without bound; at this size a reload
#: (2-4 seconds) comes every ~10,000 articles and the vocabulary stays
#: under ~80 MB.
MAX_NEW_WORDS = 200_000
_loaded_words: dict[str, int] = {}  # model directory -> vocabulary size when loaded

for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def nlp(model: str | Path | None = None) -> Language:
    """The NER pipeline as a spaCy ``Language``; entities in ``doc.ents``.

    Loaded once per process and model directory (default: the shipped one)."""
    return _load(str(Path(model or MODEL_DIR).resolve()))


def bounded_nlp() -> Language:
    """``nlp()``, loaded afresh once its vocabulary has grown by more than
    ``MAX_NEW_WORDS`` (the same model, so the same entities; bounded memory)."""
    pipeline = nlp()
    if len(pipeline.vocab) > _loaded_words[str(MODEL_DIR.resolve())] + MAX_NEW_WORDS:
        _load.cache_clear()
        pipeline = nlp()
    return pipeline


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    # spaCy builds the Indonesian tokenizer (16,000 special cases, ~60% of
    # the load) from the language's defaults, then again from the model's
    # saved copy; that copy is those same defaults (tests/test_ner.py checks
    # the bytes), so it is not read, and a load takes half the time.
    pipeline = spacy.load(model, exclude=["tokenizer"])
    pipeline.tokenizer = CachingTokenizer(pipeline.tokenizer)
    for _, component in pipeline.components:
        if hasattr(component, "model"):
            use_numpy_blas(component.model)
    pipeline.add_pipe("warta_entities", last=True)
    _loaded_words[model] = len(pipeline.vocab)
    return pipeline


@Language.component("warta_entities", requires=["doc.ents"], assigns=["doc.ents"])
def warta_entities(doc: Doc) -> Doc:
    spans = [s for s in (_rules.clean(e) for e in doc.ents) if s is not None]
    spans = [p for s in spans for p in _rules.split_parenthesis(s)]
    spans = _rules.places_after_triggers(doc, spans)
    spans = [p for s in spans for p in _rules.split_country_suffix(s)]
    spans = _neighbours.organisations_with_dan(doc, _rules.organisations(doc, spans))
    for rule in (
        _neighbours.acronym_pairs,
        _neighbours.short_forms,
        _neighbours.listed_persons,
        _neighbours.known_names,
    ):
        spans = rule(doc, spans)
    doc.ents = _rules.propagate(doc, _clubs.fixtures(doc, spans))
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
