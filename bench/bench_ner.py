"""Speed and memory of the ``entities`` stage on one core.

    python bench/bench_ner.py [--articles 200]
    python bench/bench_ner.py --articles 500 --ops   # thinc's BLIS ops against warta's, in turn
    python bench/bench_ner.py --articles 500 --tokenizer   # spaCy's tokenizer against warta's cache

Articles come from ../shared/data/news/detik-2025-dev.csv (real 2025 news,
used here for measurement only) or, without ../shared, from a built-in
paragraph repeated. Prints articles/s, tokens/s and sentences/s per core
(CPU time of this one-threaded process) of one pass over articles the
pipeline has not seen (since session 9 the tokens are counted after the
clock: the tokenizer keeps the chunks it has seen), the wall-clock rate, and
the peak resident memory. With ``--ops``, each article goes through the stage twice,
once with thinc's own ``NumpyOps`` (BLIS) in the model and once with warta's
(warta/ner/_ops.py), the order alternating, so that a busy machine slows both
alike; it prints the CPU time an article of each. With ``--tokenizer``,
spaCy's Indonesian tokenizer as spaCy builds it against the same wrapped in
warta's ``CachingTokenizer`` (warta/ner/_tokens.py), each with a vocabulary
of its own, article by article in alternating order: the first pass over
the articles (chunks mostly new) and a second (chunks seen), in CPU ms an
article.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the figure is per core

import argparse  # noqa: E402
import csv  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from warta._article import Article  # noqa: E402
from warta.ner import nlp  # noqa: E402
from warta.ner._stage import entities  # noqa: E402

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "detik-2025-dev.csv"
FALLBACK = (
    "Presiden Prabowo Subianto bertemu Perdana Menteri Jepang di Tokyo pada Senin (20/10/2025). "
    "Menurut Badan Pusat Statistik (BPS), ekspor Jawa Barat naik. Prabowo mengatakan hal itu penting."
)
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def articles(n: int) -> list[Article]:
    if NEWS.is_file():
        csv.field_size_limit(sys.maxsize)
        with open(NEWS, encoding="utf-8", newline="") as f:
            bodies = [row["isi_berita"] for row in csv.DictReader(f)][:n]
    else:
        bodies = ["\n\n".join([FALLBACK] * 8)] * n
    return [Article(paragraphs=[p.strip() for p in b.split("\n") if p.strip()]) for b in bodies]


def compare_ops(batch: list[Article], passes: int = 2) -> None:
    from thinc.api import NumpyOps

    layers = list(nlp().get_pipe("ner").model.walk())
    choices = {"thinc NumpyOps (BLIS)": NumpyOps(), "warta OneThreadBlasOps": layers[0].ops}
    cpu = dict.fromkeys(choices, 0.0)
    for n in range(passes):
        for i, article in enumerate(batch):
            order = list(choices.items())[:: 1 if (i + n) % 2 else -1]
            for name, ops in order:
                for layer in layers:
                    layer.ops = ops
                start = time.process_time()
                entities(article)
                cpu[name] += time.process_time() - start
    for name, seconds in cpu.items():
        print(f"{name:<24} {seconds / (passes * len(batch)) * 1000:.2f} ms of CPU an article")


def compare_tokenizers(batch: list[Article]) -> None:
    import spacy

    from warta.ner._tokens import CachingTokenizer

    choices = {"spaCy Tokenizer": spacy.blank("id").tokenizer,
               "warta CachingTokenizer": CachingTokenizer(spacy.blank("id").tokenizer)}
    for label in ("first pass", "second pass"):
        cpu = dict.fromkeys(choices, 0.0)
        for i, article in enumerate(batch):
            for name, tokenizer in list(choices.items())[:: 1 if i % 2 else -1]:
                start = time.process_time()
                tokenizer(article.body)
                cpu[name] += time.process_time() - start
        for name, seconds in cpu.items():
            print(f"{label}: {name:<24} {seconds / len(batch) * 1000:.2f} ms of CPU an article")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--ops", action="store_true", help="compare BLIS ops with warta's, in turn")
    ap.add_argument("--tokenizer", action="store_true", help="compare spaCy's tokenizer with warta's cache")
    args = ap.parse_args()
    batch = articles(args.articles)
    if args.tokenizer:
        return compare_tokenizers(batch)
    nlp()  # loads the model before the clock starts
    entities(Article(paragraphs=["Pemanasan: Jokowi di Jakarta."]))
    if args.ops:
        return compare_ops(batch)
    wall, cpu = time.perf_counter(), time.process_time()
    for a in batch:
        entities(a)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Counted after the clock: the pipeline's tokenizer keeps what it has seen
    # (warta/ner/_tokens.py), and the timed pass is to meet each article anew.
    tokens = sum(len(nlp().tokenizer(a.body)) for a in batch)
    sentences = sum(len(SENTENCE_END.findall(a.body)) or 1 for a in batch)
    found = sum(len(a.entities) for a in batch)
    print(f"{len(batch)} articles, {tokens:,} tokens, {sentences:,} sentences, {found:,} entities")
    print(f"per core (CPU time {cpu:.2f} s): {len(batch) / cpu:,.1f} articles/s, "
          f"{tokens / cpu:,.0f} tokens/s, {sentences / cpu:,.0f} sentences/s")  # fmt: skip
    print(f"wall clock {wall:.2f} s: {len(batch) / wall:,.1f} articles/s")
    print(f"peak memory (max RSS): {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
