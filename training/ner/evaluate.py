"""Per-label precision, recall and F1 (exact span) of warta's NER model.

    python training/ner/evaluate.py                 # the shipped model, full warta pipeline
    python training/ner/evaluate.py --model /tmp/m --raw   # a trained dir, NER alone

Sets: NER UI fold-01 test (the headline), the idner-news-2k test sentences
that occur in none of the model's training corpora (read from meta.json),
NERGrit valid, and NER UI dev fold 01 (the tuning set). Gold sentences are
pre-tokenised, so the model sees exactly the gold tokens.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import corpora
from spacy.tokens import Doc

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))
LABELS = ("PER", "ORG", "LOC")
SETS = ("nerui-test", "idner-test-unseen", "nergrit-valid", "nerui-dev")


def load(model: Path | None, raw: bool):
    import spacy

    from warta.ner import nlp as warta_nlp

    if model is None and not raw:
        return warta_nlp()
    if model is None:
        from warta.ner._model import MODEL_DIR as model
    return spacy.load(model) if raw else warta_nlp(model)


def gold_set(name: str, nlp) -> list[corpora.Sentence]:
    if name != "idner-test-unseen":
        return corpora.read(name)
    used = nlp.meta.get("training_corpora", [])
    test = corpora.read("idner-test")
    rest = corpora.unseen(test, [corpora.read(n) for n in used])
    print(f"idner-news-2k test: {len(rest)} of {len(test)} sentences in no training file")
    return rest


def predict(nlp, sentences: list[corpora.Sentence]) -> list[set[tuple[int, int, str]]]:
    docs = (Doc(nlp.vocab, words=w) for w, _ in sentences)
    return [{(e.start, e.end, e.label_) for e in doc.ents} for doc in nlp.pipe(docs)]


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        for label in (*LABELS, "ALL"):
            gl = {s for s in g if label in (s[2], "ALL")}
            pl = {s for s in p if label in (s[2], "ALL")}
            tp[label] += len(gl & pl)
            fp[label] += len(pl - gl)
            fn[label] += len(gl - pl)
    return {label: _prf(tp[label], fp[label], fn[label]) for label in (*LABELS, "ALL")}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(nlp, name: str) -> dict[str, tuple[float, float, float]]:
    sentences = gold_set(name, nlp)
    start = time.perf_counter()
    pred = predict(nlp, sentences)
    seconds = time.perf_counter() - start
    result = score([corpora.spans(t) for _, t in sentences], pred)
    tokens = sum(len(w) for w, _ in sentences)
    print(f"\n{name}: {len(sentences)} sentences, {tokens / seconds:,.0f} tokens/s")
    print(f"{'label':<6}{'P':>8}{'R':>8}{'F1':>8}")
    for label, (p, r, f) in result.items():
        print(f"{label:<6}{p:8.3f}{r:8.3f}{f:8.3f}")
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None, help="model dir (default: the shipped one)")
    ap.add_argument("--raw", action="store_true", help="the NER component alone, no warta rules")
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    args = ap.parse_args(argv)
    nlp = load(args.model, args.raw)
    for name in args.sets:
        evaluate(nlp, name)


if __name__ == "__main__":
    main()
