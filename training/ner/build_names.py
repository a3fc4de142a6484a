"""Names the training corpora tag, for the rule that tags them where the
model left them untagged (``warta.ner._neighbours.known_names``).

    python training/ner/build_names.py     # src/warta/ner/known_names.json

From the four corpora the shipped model trains on (train.py's defaults; never
an evaluation split): every entity's words with the label they are tagged
with most often, kept when that label holds at least ``PURITY`` of all the
times the words occur (tagged with any label, or untagged), the first word is
capitalised, and a one-word name is not a common word. Chosen on NER UI dev
01, NERGrit valid and the halves of NER UI train 01 (docs/ner.md, session 7).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import corpora
from train import DEFAULT_CORPORA

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "warta" / "ner" / "known_names.json"
PURITY = 0.6


def known_names(sentences: list[corpora.Sentence], common: frozenset[str]) -> dict[str, str]:
    """{name as its words joined by spaces: label}."""
    tagged: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for words, tags in sentences:
        for start, end, label in corpora.spans(tags):
            tagged[tuple(words[start:end])][label] += 1
    untagged = _untagged(sentences, tagged.keys())
    names = {}
    for words, labels in tagged.items():
        label, n = labels.most_common(1)[0]
        if n < PURITY * (sum(labels.values()) + untagged[words]) or not words[0][:1].isupper():
            continue
        if len(words) == 1 and words[0].lower() in common:
            continue
        names[" ".join(words)] = label
    return dict(sorted(names.items()))


def _untagged(sentences: list[corpora.Sentence], names) -> Counter:
    """How often each name's words occur with no tag on any of them."""
    by_first = defaultdict(set)
    for words in names:
        by_first[words[0]].add(words)
    found: Counter = Counter()
    for words, tags in sentences:
        for i, word in enumerate(words):
            for name in by_first.get(word, ()):
                end = i + len(name)
                if tuple(words[i:end]) == name and all(t == "O" for t in tags[i:end]):
                    found[name] += 1
    return found


def main() -> None:
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from warta.ner._rules import common_words

    sentences = [s for name in DEFAULT_CORPORA for s in corpora.read(name)]
    names = known_names(sentences, common_words())
    OUT.write_text(
        json.dumps(
            {
                "_comment": "built by training/ner/build_names.py from the NER training "
                "corpora (docs/ner.md, Data and licences)",
                "names": names,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(names)} names ({Counter(names.values())}) written to {OUT}")


if __name__ == "__main__":
    main()
