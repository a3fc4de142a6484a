"""What reading documents in chunks saves: ``read_documents`` (the stages of a
chunk run together; the entity stage shares its model's work) against one
document at a time, in one process, with every stage on.

    python bench/bench_chunks.py [--documents 496] [--chunk 8]

The Detik pages (or the golden fixtures without ../shared) are read both
ways, chunk by chunk, the order alternating, so a busy machine slows both
alike; it prints the CPU time a document of each and whether the records
are the same.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.pages import text_pages  # noqa: E402

import warta  # noqa: E402
from warta._inputs import Document  # noqa: E402
from warta.corpus import _ingest  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=496)
    ap.add_argument("--chunk", type=int, default=_ingest.CHUNK_NLP)
    args = ap.parse_args()
    docs = [Document(f"{i}.txt", page) for i, page in enumerate(text_pages(args.documents))]
    _ingest._init_worker(warta.Settings(date_order="mdy"), True)  # as a worker with NLP on
    _ingest.read_documents(docs[: args.chunk])  # warm up: the models
    ways = {
        "one by one": lambda chunk: [_ingest.read_documents([d])[0] for d in chunk],
        f"chunks of {args.chunk}": _ingest.read_documents,
    }
    cpu, same = dict.fromkeys(ways, 0.0), True
    for n in range(2):
        for k, start in enumerate(range(0, len(docs), args.chunk)):
            chunk, out = docs[start : start + args.chunk], {}
            for name, way in list(ways.items())[:: 1 if (k + n) % 2 else -1]:
                began = time.process_time()
                out[name] = way(chunk)
                cpu[name] += time.process_time() - began
            same &= len({repr(records) for records in out.values()}) == 1
    for name, seconds in cpu.items():
        print(f"{name:<14} {seconds / (2 * len(docs)) * 1000:.2f} ms of CPU a document")
    print("same records:", same)


if __name__ == "__main__":
    main()
