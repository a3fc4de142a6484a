"""How well each candidate reduces Indonesian words to their lemma.

Reads the gold lemmas of the CSUI treebank (``../shared/data/ud/csui``, train
and test) and counts, per candidate, the word tokens whose reduced form equals
the gold lemma (case-insensitive), over all word tokens and over the inflected
ones alone (form != lemma, where a stemmer has work to do). Also times each
candidate over the distinct forms. The search index uses the winner
(``warta.corpus._stem``).

    python -m evaluation.stemming
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

CSUI = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ud" / "csui"
WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def gold_pairs(folder: Path = CSUI) -> Iterator[tuple[str, str]]:
    """(form, lemma) for every word token of the treebank's CoNLL-U files."""
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue  # comments, blank lines, multiword ranges
            if WORD.match(cols[1]):
                yield cols[1].lower(), cols[2].lower()


def candidates() -> dict[str, Callable[[str], str]]:
    import simplemma

    from warta.corpus._stem import stem

    found: dict[str, Callable[[str], str]] = {"lowercase only (baseline)": lambda w: w}
    try:
        import Stemmer  # PyStemmer: Snowball, as PostgreSQL's 'indonesian' configuration

        found["Snowball Indonesian (PyStemmer)"] = Stemmer.Stemmer("indonesian").stemWord
    except ImportError:
        print("PyStemmer is not installed: Snowball left out (pip install PyStemmer)")
    found["simplemma"] = lambda w: simplemma.lemmatize(w, lang="id").lower()
    found["warta (simplemma + reduplication + clitics)"] = stem
    return found


def score(reduce: Callable[[str], str], pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    forms = sorted({form for form, _ in pairs})
    start = time.perf_counter()
    reduced = {form: reduce(form) for form in forms}
    seconds = time.perf_counter() - start
    hits = [reduced[form] == lemma for form, lemma in pairs]
    inflected = [reduced[form] == lemma for form, lemma in pairs if form != lemma]
    return sum(hits) / len(hits), sum(inflected) / len(inflected), len(forms) / seconds


def main() -> None:
    pairs = list(gold_pairs())
    inflected = sum(form != lemma for form, lemma in pairs)
    print(f"CSUI train+test: {len(pairs)} word tokens, {inflected} inflected, "
          f"{len({f for f, _ in pairs})} distinct forms")
    print("| candidate | all tokens | inflected tokens | distinct forms/s |")
    print("|---|---:|---:|---:|")
    for name, reduce in candidates().items():
        everything, changed, rate = score(reduce, pairs)
        print(f"| {name} | {everything:.1%} | {changed:.1%} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
