"""Batch throughput: the local engine with 1 and 2 workers and Spark local[1]
and local[2], on the same input in the same run, plus Spark's fixed start-up
cost (a run on one tiny file).

    python bench/bench_batch.py [--copies 8]

The input is the Detik CSV (../shared) repeated --copies times as separate
files, or the golden pages repeated when ../shared is absent.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.pages import DETIK, GOLDEN  # noqa: E402

import warta  # noqa: E402
from warta.batch import run_batch  # noqa: E402

MDY = warta.Settings(date_order="mdy")


def make_input(root: Path, copies: int) -> Path:
    folder = root / "input"
    folder.mkdir()
    for i in range(copies):
        if DETIK.exists():
            shutil.copy(DETIK, folder / f"detik-{i:03d}.csv")
        else:
            for page in GOLDEN.glob("*.txt"):
                shutil.copy(page, folder / f"{i:03d}-{page.name}")
    return folder


def timed(label: str, inputs: list[str], out: Path, **kwargs) -> tuple[str, int, float]:
    start = time.perf_counter()
    report = run_batch(inputs, out, settings=MDY, **kwargs)
    return label, report.articles, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = make_input(root, args.copies)
        tiny = root / "tiny"
        tiny.mkdir()
        shutil.copy(next(GOLDEN.glob("*.txt")), tiny)
        runs = [
            timed("local, 1 worker", [str(folder)], root / "l1", workers=1),
            timed("local, 2 workers", [str(folder)], root / "l2", workers=2),
            timed("spark local[1] (start-up: one tiny file)", [str(tiny)], root / "s0", engine="spark", master="local[1]"),
            timed("spark local[1]", [str(folder)], root / "s1", engine="spark", master="local[1]", partitions=8),
            timed("spark local[2]", [str(folder)], root / "s2", engine="spark", master="local[2]", partitions=8),
        ]
    print(f"{'run':42} {'articles':>8} {'seconds':>8} {'articles/s':>10}")
    for label, n, seconds in runs:
        print(f"{label:42} {n:8} {seconds:8.1f} {n / seconds:10.1f}")
    rate = {label: n / s for label, n, s in runs}
    print(f"\nlocal scaling 2 vs 1 worker: {rate['local, 2 workers'] / rate['local, 1 worker']:.2f}x")
    print(f"spark scaling local[2] vs local[1]: {rate['spark local[2]'] / rate['spark local[1]']:.2f}x")
    print(f"spark local[1] per core vs local 1 worker: {rate['spark local[1]'] / rate['local, 1 worker']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
