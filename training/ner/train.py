"""Train warta's NER model and ship it into src/warta/ner/model.

    python training/ner/train.py                      # the shipped model
    python training/ner/train.py --corpora nerui-train --out /tmp/m  # an experiment

Gold sentences become spaCy DocBins (tags mapped onto PER/ORG/LOC), then
``spacy train`` runs on config.cfg with seed 0, tuning on NER UI dev fold 01
only: NER UI fold-01 test is never seen here (see ../shared/data/README.md).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpora
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parents[1] / "src" / "warta" / "ner" / "model"
DEFAULT_CORPORA = ("nerui-train", "nerugm-train", "idner-train", "nergrit-train")


def to_docbin(sentences: list[corpora.Sentence], path: Path) -> None:
    nlp = spacy.blank("id")
    db = DocBin(store_user_data=False)
    for words, tags in sentences:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
    db.to_disk(path)


def train(names: list[str], dev: str, work: Path, overrides: list[str]) -> Path:
    """Train on the named corpora, tune on ``dev``; return the best model's directory."""
    train_set = [s for name in names for s in corpora.read(name)]
    print(f"training on {len(train_set)} sentences from {', '.join(names)}", flush=True)
    return train_on(train_set, corpora.read(dev), work, overrides)


def train_on(train_set: list, dev_set: list, work: Path, overrides: list[str]) -> Path:
    """Run ``spacy train`` on gold sentences; return the best model's directory."""
    to_docbin(train_set, work / "train.spacy")
    to_docbin(dev_set, work / "dev.spacy")
    cmd = [sys.executable, "-m", "spacy", "train", str(HERE / "config.cfg"),
           "--output", str(work / "out"), "--paths.train", str(work / "train.spacy"),
           "--paths.dev", str(work / "dev.spacy"), *overrides]  # fmt: skip
    subprocess.run(cmd, check=True)
    return work / "out" / "model-best"


def ship(best: Path, out: Path, names: list[str]) -> None:
    """Save the best model as a plain pipeline, without training leftovers.

    The corpora used go into meta.json: evaluate.py needs them to find the
    idner-news-2k test sentences that no training file contains."""
    nlp = spacy.load(best)
    nlp.meta.update(name="warta_ner", version="0.1.0", license="CC BY 4.0 / MIT (see docs/ner.md)")
    nlp.meta["training_corpora"] = names
    nlp.meta.pop("performance", None)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    print(f"model written to {out}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", nargs="+", default=list(DEFAULT_CORPORA))
    ap.add_argument("--dev", default="nerui-dev")
    ap.add_argument("--out", type=Path, default=SHIPPED)
    ap.add_argument("--work", type=Path, default=None, help="scratch dir (default: a temp dir)")
    ap.add_argument("--init-tok2vec", type=Path, default=None, help="pretrain.py's weights")
    ap.add_argument(
        "overrides", nargs="*", help="spaCy config overrides, e.g. --training.max_steps=2000"
    )
    args, extra = ap.parse_known_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="warta-ner-"))
    work.mkdir(parents=True, exist_ok=True)
    overrides = [*args.overrides, *extra]
    if args.init_tok2vec:
        overrides.append(f"--paths.init_tok2vec={args.init_tok2vec.resolve()}")
    best = train(args.corpora, args.dev, work, overrides)
    ship(best, args.out, args.corpora)


if __name__ == "__main__":
    main()
