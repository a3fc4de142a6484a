"""IndoLEM's protocol: mean F1 over 5 folds (train on train.0k, test on test.0k).

    python training/ner/folds.py nerui nerugm [--max-steps 3000]

Each fold trains a fresh model on that corpus's train.0k alone (tuning on
dev.0k), so the figures compare with IndoLEM's published ones (IndoBERT:
NER UI 90.1, NER UGM 74.9). The shipped model is not involved.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import corpora
import evaluate
import spacy
import train


def fold_f1(corpus: str, k: int, work: Path, max_steps: int) -> float:
    sentences = corpora.read(f"{corpus}-train", k)
    dev = corpora.read(f"{corpus}-dev", k)
    best = train.train_on(sentences, dev, work, [f"--training.max_steps={max_steps}"])
    test = corpora.read(f"{corpus}-test", k)
    pred = evaluate.predict(spacy.load(best), test)
    return evaluate.score([corpora.spans(t) for _, t in test], pred)["ALL"][2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+", choices=("nerui", "nerugm"))
    ap.add_argument("--max-steps", type=int, default=3000)
    args = ap.parse_args()
    for corpus in args.corpora:
        scores = []
        for k in range(1, 6):
            work = Path(tempfile.mkdtemp(prefix=f"warta-{corpus}-{k}-"))
            scores.append(fold_f1(corpus, k, work, args.max_steps))
            print(f"{corpus} fold {k}: F1 {scores[-1]:.3f}", flush=True)
        print(f"{corpus}: mean F1 over 5 folds {statistics.mean(scores):.3f}", flush=True)


if __name__ == "__main__":
    main()
