"""``ingest``: documents read in worker processes, written in batches.

The main process lists the documents, drops those a previous run already
ingested (their digest is in the store), and hands the rest to a process pool
in chunks; each batch of results is written in one transaction while the
workers read the next. Killing the process loses at most the two batches in
flight, and a rerun picks up there.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from .._article import Article
from .._inputs import DROPPED, Document, Dropped, is_page, parse_csv_map, read_inputs, resolved
from .._read import read_many
from .._settings import DEFAULT, Settings
from ._prepare import Failure, Prepared, prepare
from ._store import Store

__all__ = ["IngestReport", "ingest", "ingest_documents"]

BATCH = 500  # documents per transaction: small enough to lose little, big enough to be fast
#: Documents handed to a worker at a time. With the understanding stages a
#: document takes ~20 ms, and small chunks keep both workers busy to the end
#: of a batch; without them ~0.5-1.5 ms, and each round trip to the pool
#: counts: 32 gave records 1,850-2,065/s against 1,700-1,770 with 8 (10,000
#: bench records, --no-stories, alternating runs).
CHUNK_NLP, CHUNK_LIGHT = 8, 32
#: How much lower the workers' CPU priority is than the main process's. The
#: main process writes the store, the one step that cannot run in parallel;
#: at equal priority the workers took turns with it on the cores, it fell
#: behind, and the workers then sat idle waiting for the next batch (records
#: without NLP: 1,970-2,100/s at equal priority, 2,150-2,360 with 5; 10,000
#: bench records on 2 cores, runs in turn).
WORKER_NICENESS = 5


@dataclass
class IngestReport:
    total: int | None = None  # documents to look at, when known in advance
    counts: Counter = field(default_factory=Counter)  # added, updated, unchanged, skipped, dropped, failed
    reasons: Counter = field(default_factory=Counter)  # failures by kind of error

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        c = self.counts
        line = (f"{c['added'] + c['updated']} read ({c['added']} new, {c['updated']} updated), "
                f"{c['unchanged'] + c['skipped']} skipped as already stored, {c['failed']} failed")
        if c["dropped"]:
            line += f", {c['dropped']} not articles (HTTP errors, not HTML)"
        reasons = "; ".join(f"{reason}: {n}" for reason, n in self.reasons.most_common())
        return line + (f" ({reasons})" if reasons else "")


_settings: Settings = DEFAULT
_pipeline = None  # None: read alone; else read and the understanding stages


def _init_worker(settings: Settings, nlp: bool) -> None:
    global _settings, _pipeline
    _settings, _pipeline = settings, (nlp_pipeline() if nlp else None)


def _init_pool_worker(settings: Settings, nlp: bool) -> None:
    if hasattr(os, "nice"):  # not on Windows
        os.nice(WORKER_NICENESS)
    _init_worker(settings, nlp)


def nlp_pipeline():
    """``read`` with its understanding stages (``warta.read``'s default);
    built in each worker: stages are found by name, never pickled."""
    from .._read import default_pipeline

    return default_pipeline()


def read_document(doc: Document | Dropped, settings: Settings | None = None) -> Prepared | Failure:
    """One document to what the store writes; never raises."""
    return read_documents([doc], settings)[0]


def read_documents(docs: list[Document | Dropped], settings: Settings | None = None) -> list[Prepared | Failure]:
    """Documents to what the store writes, the pages' stages run over them
    together (``read_many``); never raises: a bad document is a ``Failure``
    and the rest go on."""
    listed = [(doc.digest, resolved(doc)) for doc in docs]  # the digest as the lister saw it (a JSONL line)
    pages = [doc for _, doc in listed if is_page(doc)]
    read_in = iter(read_many([(d.page, d.url, d.outlet) for d in pages], settings=settings or _settings,
                             nlp=_pipeline is not None, pipeline=_pipeline))
    return [_prepared(doc, digest, next(read_in) if is_page(doc) else None) for digest, doc in listed]


def _prepared(doc: Document | Dropped, digest: str, read_in: Article | Exception | None) -> Prepared | Failure:
    if isinstance(doc, Dropped):
        return Failure(doc.source, doc.reason, digest)
    try:
        if isinstance(read_in, Exception):
            raise read_in
        article = read_in or Article.from_dict(doc.record)  # a warta record, already read
        return prepare(article, source=doc.source, digest=digest)
    except Exception as exc:  # a bad document is recorded and counted, the batch goes on
        return Failure(doc.source, f"{type(exc).__name__}: {exc}", digest)


def ingest_documents(store: Store, docs: Iterable[Document | Dropped], *, workers: int | None = None,
                     settings: Settings = DEFAULT, nlp: bool = True, total: int | None = None,
                     progress: Callable[[IngestReport], None] | None = None,
                     stories: bool = True) -> IngestReport:
    """Read and store documents; ``stories=False`` leaves story grouping to
    the next write or ``Store.group_stories`` (``warta stories``)."""
    report = IngestReport(total=total)
    workers = workers or os.cpu_count() or 1
    _init_worker(settings, nlp)  # this process too: it reads when workers == 1, and warms up
    if workers > 1:
        _warm_up(settings)
    with _older_objects_frozen():
        _run(store, docs, report, workers, settings, nlp,
             partial(_write, store, report=report, progress=progress, stories=stories))
    return report


@contextmanager
def _older_objects_frozen():
    """Objects alive before the ingest (the caller's documents, the loaded
    models) kept out of the cyclic collector's sight while it runs. Each
    batch allocates enough to start collections, and a full one walks every
    object again: a fifth of the main process's CPU at 10,000 records
    (bench/bench_corpus.py). Frozen before the pool forks, they are skipped in
    the workers too, whose memory pages then stay shared with this process."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _run(store: Store, docs: Iterable[Document | Dropped], report: IngestReport, workers: int,
         settings: Settings, nlp: bool, write: Callable[[list], None]) -> None:
    pool = multiprocessing.Pool(workers, _init_pool_worker, (settings, nlp)) if workers > 1 else None
    chunk = CHUNK_NLP if nlp else CHUNK_LIGHT
    # Workers take ``chunk`` documents at a time and run their stages together.
    submit = (lambda fresh: pool.map_async(read_documents, _batches(fresh, chunk))) if pool else \
        (lambda fresh: _Done([read_documents(part, settings) for part in _batches(fresh, chunk)]))
    try:
        # Two batches at a time: the workers read one while this process
        # writes the one before, so neither waits for the other.
        in_flight, in_flight_digests = None, set()
        for batch in _batches(docs, BATCH):
            fresh = _drop_seen(store, batch, report, in_flight_digests)
            job = submit(fresh)
            if in_flight:
                write(in_flight.get())
            in_flight, in_flight_digests = job, {d.digest for d in fresh}
        if in_flight:
            write(in_flight.get())
    finally:
        if pool:
            pool.terminate()


class _Done:
    """A batch read in this process, shaped like the pool's ``AsyncResult``."""

    def __init__(self, results: list):
        self.results = results

    def get(self) -> list:
        return self.results


def _write(store: Store, parts: list[list], *, report: IngestReport, progress, stories: bool) -> None:
    results = [r for part in parts for r in part]
    report.counts.update(store.write(results, stories=stories))
    report.reasons.update(r.reason.split(":")[0] for r in results if isinstance(r, Failure))
    if progress:
        progress(report)


def _warm_up(settings: Settings) -> None:
    """Load the lemma dictionary and language model once, before the pool
    forks, so the workers share them instead of each loading its own."""
    read_document(Document("warm-up", "Kunjungan\n\nWarga mengunjungi pasar pada Senin pagi."), settings)


def _drop_seen(store: Store, batch: list[Document | Dropped], report: IngestReport,
               in_flight: set[str]) -> list[Document | Dropped]:
    """The documents still to read: articles not stored before, nor twice in
    this batch or the one being read."""
    seen = store.seen(d.digest for d in batch) | in_flight
    fresh, digests = [], set()
    for doc in batch:
        if isinstance(doc, Dropped) and doc.kind == DROPPED:
            report.counts["dropped"] += 1
        elif doc.digest in seen or doc.digest in digests:
            report.counts["skipped"] += 1
        else:
            digests.add(doc.digest)
            fresh.append(doc)
    return fresh


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(store: Store, paths: list, *, workers: int | None = None, csv_map: str | None = None,
           settings: Settings = DEFAULT, nlp: bool = True,
           progress: Callable[[IngestReport], None] | None = None, stories: bool = True) -> IngestReport:
    """Ingest files and folders (text, HTML, JSONL, CSV, WARC) into the store;
    with ``nlp``, the understanding stages run after ``read`` (``nlp_pipeline``);
    ``stories=False``: no story grouping (see ``ingest_documents``).
    Raises ``IngestError`` for an input that cannot be used at all, before
    anything is written."""
    mapping = parse_csv_map(csv_map)
    total = sum(1 for _ in read_inputs(paths, mapping))  # also checks every input up front
    return ingest_documents(store, read_inputs(paths, mapping), workers=workers, settings=settings,
                            nlp=nlp, total=total, progress=progress, stories=stories)
