"""Two-fold cross-validation on NER UI train fold 01: a second tuning signal
beside NER UI dev (170 sentences), so that no choice rests on dev alone.

    python training/ner/halves.py --out /tmp/halves-G                 # the shipped recipe
    python training/ner/halves.py --out /tmp/halves-P --pos-wheel WHEEL --config config-pos.cfg
    python training/ner/halves.py --out /tmp/halves-G1 --training.seed=1 --system.seed=1

NER UI train 01 is cut in two halves in file order; each model trains on one
half plus the other three training corpora (tuned on NER UI dev 01, as
train.py) and is scored, with the full warta pipeline, on the half it did not
see (765 sentences each, in NER UI's own conventions). NER UI fold-01 test is
never read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import corpora
import evaluate
import train

OTHERS = ("nerugm-train", "idner-train", "nergrit-train")


def halves() -> tuple[list, list]:
    sentences = corpora.read("nerui-train")
    middle = len(sentences) // 2
    return sentences[:middle], sentences[middle:]


def run(
    out: Path,
    overrides: list[str],
    config: Path,
    tagged: list | None,
    silver: tuple[Path, int, Path] | None = None,
) -> list[float]:
    from warta.ner import nlp as warta_nlp

    others = [s for name in OTHERS for s in corpora.read(name)]
    first, second = halves()
    scores = []
    for k, (seen, held) in enumerate(((first, second), (second, first))):
        work = out / f"half{k}"
        work.mkdir(parents=True, exist_ok=True)
        extra = []
        if silver:  # tagged by a teacher trained without the held-out half
            wheel, limit, teachers = silver
            extra = train.silver(wheel, limit, teachers / f"half{k}" / "out" / "model-best")
        best = train.train_on(
            seen + others + extra, corpora.read("nerui-dev"), work, overrides, config, tagged
        )
        pred = evaluate.predict(warta_nlp(best), held)
        scores.append(evaluate.score([corpora.spans(t) for _, t in held], pred)["ALL"][2])
        print(f"half {k}: F1 {scores[-1]:.3f} on {len(held)} held-out sentences", flush=True)
    return scores


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="scratch dir for the two models")
    ap.add_argument("--config", type=Path, default=train.CONFIG)
    ap.add_argument("--pos-wheel", type=Path, default=None, help="as train.py --pos-wheel")
    ap.add_argument("--pos-limit", type=int, default=0)
    ap.add_argument(
        "--silver", type=Path, default=None, help="as train.py --silver, with --teachers"
    )
    ap.add_argument(
        "--teachers",
        type=Path,
        default=None,
        help="an earlier halves.py --out: each half's model tags the silver sentences",
    )
    args, overrides = ap.parse_known_args(argv)
    tagged = train.pos_tagged(args.pos_wheel, args.pos_limit) if args.pos_wheel else None
    silver = (args.silver, args.pos_limit, args.teachers) if args.silver else None
    scores = run(args.out, overrides, args.config, tagged, silver)
    print(f"halves: {scores[0]:.3f} / {scores[1]:.3f} (mean {sum(scores) / 2:.3f})")


if __name__ == "__main__":
    main()
