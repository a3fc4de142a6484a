"""Pretrain the NER model's CNN tok2vec on raw text (``spacy pretrain``).

    pip download nlp-id==0.1.23.0 --no-deps -d /tmp/nlp-id   # the POS corpus (MIT)
    python training/ner/pretrain.py --wheel /tmp/nlp-id/nlp_id-0.1.23.0-py3-none-any.whl
    python training/ner/train.py --init-tok2vec /tmp/warta-ner-tok2vec.bin

Text: build_vectors.py's selection (the nlp-id POS corpus and the training
corpora, minus every sentence of an evaluation set), case kept. Objective:
spaCy's characters objective (guess the first and last 4 bytes of the 15% of
words that are masked). ``spacy pretrain`` needs a tok2vec that returns one
array per doc, which the NER's own tok2vec chain does not (it ends in a
linear layer over all tokens), so it pretrains a stand-alone copy of the
architecture in config.cfg and the weights are then put into the NER's chain:
the file written is what ``[initialize] init_tok2vec`` loads into
``[pretraining] component = "ner", layer = "tok2vec"``. Pretraining adds
nothing to the shipped model's size or speed. Seed 0, constant learning rate:
a run of N epochs gives the weights of epoch N of any longer run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import build_vectors
import srsly
from spacy.training import Example
from spacy.util import fix_random_seed, load_config, load_model_from_config

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = Path(tempfile.gettempdir()) / "warta-ner-tok2vec.bin"


def pretrain_config(path: Path) -> None:
    """config.cfg with a stand-alone tok2vec of the NER's tok2vec architecture."""
    config = load_config(HERE / "config.cfg")
    config["nlp"]["pipeline"] = ["tok2vec"]
    t2v = config["components"]["ner"]["model"]["tok2vec"]
    config["components"] = {"tok2vec": {"factory": "tok2vec", "model": t2v}}
    config["pretraining"].update(component="tok2vec", layer="")
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.config.to_disk(path)


def into_ner(weights: Path, out: Path) -> None:
    """Write the pretrained tok2vec as the NER's tok2vec chain (for init_tok2vec).

    The chain's last linear layer is not pretrained: seed 0 makes its start
    weights, and so the file, the same on every run."""
    fix_random_seed(0)
    nlp = load_model_from_config(load_config(HERE / "config.cfg"), auto_fill=True)
    ner = nlp.get_pipe("ner")
    for label in ("PER", "ORG", "LOC"):
        ner.add_label(label)
    doc = nlp.make_doc("Joko Widodo di Jakarta .")
    nlp.initialize(lambda: [Example(doc, doc)])
    chain = ner.model.get_ref("tok2vec")
    chain.layers[0].from_bytes(weights.read_bytes())
    out.write_bytes(chain.to_bytes())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, required=True, help="the nlp-id wheel file")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--work", type=Path, default=None, help="scratch dir (default: a temp dir)")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="warta-pretrain-"))
    work.mkdir(parents=True, exist_ok=True)
    text = [{"text": " ".join(words)} for words in build_vectors.raw_sentences(args.wheel)]
    srsly.write_jsonl(work / "raw.jsonl", text)
    pretrain_config(work / "pretrain.cfg")
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(work / "pretrain.cfg"),
           str(work / "out"), "--paths.raw_text", str(work / "raw.jsonl"),
           "--pretraining.max_epochs", str(args.epochs)]  # fmt: skip
    subprocess.run(cmd, check=True)
    into_ner(work / "out" / f"model{args.epochs - 1}.bin", args.out)
    print(f"pretrained tok2vec written to {args.out}")


if __name__ == "__main__":
    main()
