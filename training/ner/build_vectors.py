"""Train small static word vectors for the NER model from text we may train on.

    pip download nlp-id==0.1.23.0 --no-deps -d /tmp/nlp-id   # the POS corpus (MIT)
    python training/ner/build_vectors.py --wheel /tmp/nlp-id/nlp_id-0.1.23.0-py3-none-any.whl

Text: the POS-tagged news corpus that the nlp-id wheel ships (32,780 sentences)
and the NER training corpora, minus every sentence of an evaluation set
(NER UI dev/test fold 01, idner-news-2k test, NERGrit valid), so no test text
is seen even without labels. gensim's FastText (skip-gram, one worker, seed 0:
PYTHONHASHSEED=0: deterministic) learns lower-cased vectors; the most frequent words become a
spaCy vectors table keyed on LOWER (written to --out, default
/tmp/warta-ner-vectors) for train.py to read: see docs/ner.md for the command
(the experiments "+ vectors" there; the shipped model uses none).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import corpora

POS_MEMBER = "nlp_id/data/dataset_postag.txt"
EVAL_SETS = ("nerui-dev", "nerui-test", "idner-test", "nergrit-valid")
TRAIN_SETS = ("nerui-train", "nerugm-train", "idner-train", "nergrit-train")
DEFAULT_OUT = Path(tempfile.gettempdir()) / "warta-ner-vectors"


def pos_corpus(wheel: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) of the nlp-id POS corpus (token TAB tag, blank line
    between sentences); a missing tag is "X", tags in upper case."""
    with zipfile.ZipFile(wheel) as z:
        lines = z.read(POS_MEMBER).decode("utf-8").splitlines()
    sentences, words, tags = [], [], []
    for line in [*lines, ""]:
        token, _, tag = line.partition("\t")
        if token.strip():
            words.append(token.strip())
            tags.append(tag.strip().upper() or "X")
        elif words:
            sentences.append((words, tags))
            words, tags = [], []
    return sentences


def pos_sentences(wheel: Path) -> list[list[str]]:
    """Token lists of the nlp-id POS corpus."""
    return [words for words, _ in pos_corpus(wheel)]


def raw_sentences(wheel: Path) -> list[list[str]]:
    """The POS corpus and the training corpora, minus every evaluation sentence."""
    held_out = {corpora.key(w) for name in EVAL_SETS for w, _ in corpora.read(name)}
    text = pos_sentences(wheel) + [w for name in TRAIN_SETS for w, _ in corpora.read(name)]
    kept = [s for s in text if corpora.key(s) not in held_out]
    print(f"{len(kept)} sentences ({len(text) - len(kept)} held out), "
          f"{sum(map(len, kept)):,} tokens")  # fmt: skip
    return kept


def training_text(wheel: Path) -> list[list[str]]:
    return [[t.lower() for t in s] for s in raw_sentences(wheel)]


def train_vectors(sentences: list[list[str]], dim: int, rows: int, path: Path) -> None:
    from gensim.models import FastText

    model = FastText(sentences, vector_size=dim, window=5, min_count=2, sg=1, epochs=10,
                     workers=1, seed=0)  # fmt: skip
    words = model.wv.index_to_key[:rows]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} {dim}\n")
        for word in words:
            f.write(word + " " + " ".join(f"{x:.5f}" for x in model.wv[word]) + "\n")


def main(argv: list[str] | None = None) -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # gensim seeds each word's start vector with hash(), which Python
        # randomises per process: run again with a fixed hash seed.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        sys.exit(subprocess.run([sys.executable, *sys.argv], env=env).returncode)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, required=True, help="the nlp-id wheel file")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--rows", type=int, default=30_000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text_file = Path(tmp) / "vectors.txt"
        train_vectors(training_text(args.wheel), args.dim, args.rows, text_file)
        cmd = [sys.executable, "-m", "spacy", "init", "vectors", "id", str(text_file),
               str(args.out), "--attr", "LOWER", "--name", "warta_id_vectors"]  # fmt: skip
        subprocess.run(cmd, check=True)
    print(f"vectors written to {args.out}")


if __name__ == "__main__":
    main()
