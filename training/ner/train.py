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
from spacy.training import biluo_tags_to_spans, biluo_to_iob, iob_to_biluo
from spacy.training.iob_utils import doc_to_biluo_tags

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parents[1] / "src" / "warta" / "ner" / "model"
CONFIG = HERE / "config.cfg"
DEFAULT_CORPORA = ("nerui-train", "nerugm-train", "idner-train", "nergrit-train")


def to_docbin(sentences: list[corpora.Sentence], path: Path, tagged: list | None = None) -> None:
    """Gold NER sentences, then ``tagged`` (words, POS tags) sentences whose
    entities stay unannotated (missing, not "O"), for the POS experiment."""
    nlp = spacy.blank("id")
    db = DocBin(store_user_data=False)
    for words, tags in sentences:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
    for words, pos in tagged or ():
        db.add(Doc(nlp.vocab, words=words, tags=pos))
    db.to_disk(path)


def train(
    names: list[str],
    dev: str,
    work: Path,
    overrides: list[str],
    config: Path = CONFIG,
    tagged: list | None = None,
    extra: list | None = None,
) -> Path:
    """Train on the named corpora (and ``extra`` sentences), tune on ``dev``;
    return the best model's directory."""
    train_set = [s for name in names for s in corpora.read(name)] + (extra or [])
    print(f"training on {len(train_set)} sentences from {', '.join(names)}", flush=True)
    return train_on(train_set, corpora.read(dev), work, overrides, config, tagged)


def train_on(
    train_set: list,
    dev_set: list,
    work: Path,
    overrides: list[str],
    config: Path = CONFIG,
    tagged: list | None = None,
) -> Path:
    """Run ``spacy train`` on gold sentences; return the best model's directory."""
    to_docbin(train_set, work / "train.spacy", tagged)
    to_docbin(dev_set, work / "dev.spacy")
    cmd = [sys.executable, "-m", "spacy", "train", str(config),
           "--output", str(work / "out"), "--paths.train", str(work / "train.spacy"),
           "--paths.dev", str(work / "dev.spacy"), *overrides]  # fmt: skip
    subprocess.run(cmd, check=True)
    return work / "out" / "model-best"


def pos_tagged(wheel: Path, limit: int = 0) -> list:
    """The nlp-id POS corpus as (words, tags), minus every evaluation sentence."""
    from build_vectors import EVAL_SETS, pos_corpus

    held_out = {corpora.key(w) for name in EVAL_SETS for w, _ in corpora.read(name)}
    sentences = [
        (words, tags) for words, tags in pos_corpus(wheel) if corpora.key(words) not in held_out
    ]
    print(f"{len(sentences)} POS sentences", flush=True)
    return sentences[:limit] if limit else sentences


def silver(wheel: Path, limit: int = 0, model: Path | None = None) -> list[corpora.Sentence]:
    """The POS corpus's sentences (minus every evaluation sentence) tagged
    by the warta pipeline, model (default: the shipped one) and rules:
    silver NER data for self-training (``--silver``)."""
    from warta.ner import nlp as warta_nlp

    sentences = [words for words, _ in pos_tagged(wheel, limit)]
    pipeline = warta_nlp(model)
    docs = pipeline.pipe(Doc(pipeline.vocab, words=words) for words in sentences)
    return [
        (words, biluo_to_iob(doc_to_biluo_tags(doc)))
        for words, doc in zip(sentences, docs, strict=True)
    ]


def ship(best: Path, out: Path, names: list[str]) -> None:
    """Save the best model as a plain pipeline, without training leftovers.

    The corpora used go into meta.json: evaluate.py needs them to find the
    idner-news-2k test sentences that no training file contains."""
    nlp = spacy.load(best)
    if "tagger" in nlp.pipe_names:  # the POS experiment's helper task
        nlp.remove_pipe("tagger")
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
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument(
        "--pos-wheel",
        type=Path,
        default=None,
        help="the nlp-id wheel: train a POS tagger on its corpus too (config-pos.cfg)",
    )
    ap.add_argument("--pos-limit", type=int, default=0, help="at most this many POS sentences")
    ap.add_argument(
        "--silver",
        type=Path,
        default=None,
        help="the nlp-id wheel: add its POS corpus's sentences as tagged by the shipped pipeline",
    )
    ap.add_argument(
        "overrides", nargs="*", help="spaCy config overrides, e.g. --training.max_steps=2000"
    )
    args, extra = ap.parse_known_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="warta-ner-"))
    work.mkdir(parents=True, exist_ok=True)
    overrides = [*args.overrides, *extra]
    if args.init_tok2vec:
        overrides.append(f"--paths.init_tok2vec={args.init_tok2vec.resolve()}")
    tagged = pos_tagged(args.pos_wheel, args.pos_limit) if args.pos_wheel else None
    extra = silver(args.silver, args.pos_limit) if args.silver else []
    best = train(args.corpora, args.dev, work, overrides, args.config, tagged, extra)
    ship(best, args.out, args.corpora)


if __name__ == "__main__":
    main()
