"""The Spark engine: the same ``process`` function in ``mapPartitions``.

Files are read by the executors (``binaryFiles``), turned into documents and
spread over ``partitions``; each partition runs ``process`` (which loads any
model once per Python worker) and yields one bundle per document. Bundles
become one cached DataFrame, and every table is cut from it inside the JVM,
so the Python work happens once."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from .._errors import WartaError
from .._inputs import list_files
from .._settings import Settings
from ._documents import InputOptions, documents_from_file
from ._process import process
from ._report import Report
from ._tables import MENTION_TABLES, TABLES

__all__ = ["run_spark"]

INSTALL_HINT = "the Spark engine needs PySpark: pip install 'warta[spark]' (and Java 17 or newer)"


def run_spark(inputs: list[str], out: str, *, master: str | None, partitions: int | None,
              settings: Settings, options: InputOptions) -> Report:
    spark = _session(master)
    sc = spark.sparkContext
    files = sc.binaryFiles(",".join(_input_uris(inputs)))
    docs = files.flatMap(lambda kv: _documents(kv[0], kv[1], options))
    docs = docs.repartition(partitions or sc.defaultParallelism * 2)
    bundles = docs.mapPartitions(lambda items: (_as_tuple(b) for b in process(items, settings)))
    frame = spark.createDataFrame(bundles, schema=_bundle_schema()).cache()
    try:
        for table in TABLES:
            _table(frame, table).write.mode("overwrite").parquet(f"{out}/{table}")
        return _report(frame)
    finally:
        frame.unpersist()


def _table(frame, table: str):
    from pyspark.sql import functions as F

    if table in MENTION_TABLES:
        return frame.select(F.explode(table).alias("row")).select("row.*")
    return frame.where(F.col(table).isNotNull()).select(f"{table}.*")


def _report(frame) -> Report:
    from pyspark.sql import functions as F

    sizes = [F.sum(F.size(t)).alias(t) for t in MENTION_TABLES]
    present = [F.count(t).alias(t) for t in ("articles", "errors")]
    report = Report()
    report.rows = Counter({k: v for k, v in frame.agg(*present, *sizes).first().asDict().items() if v})
    head = F.substring(F.substring_index("errors.reason", ":", 1), 1, 60)
    grouped = frame.where(F.col("errors").isNotNull()).groupBy("errors.kind", head.alias("head")).count()
    report.errors = Counter({(r["kind"], r["head"]): r["count"] for r in grouped.collect()})
    return report


def _session(master: str | None):
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise WartaError(INSTALL_HINT) from None
    # Local workers must run this interpreter (the one warta is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("warta batch")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    # A session already running elsewhere in this process keeps its master;
    # asked for another one, start afresh rather than run on the wrong one.
    active = SparkSession.getActiveSession()
    if active is not None and master and active.sparkContext.master != master:
        active.stop()
    # Under spark-submit the master comes from its configuration.
    if master or not SparkConf().contains("spark.master"):
        builder = builder.master(master or "local[*]")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _input_uris(inputs: list[str]) -> list[str]:
    """Local files are listed here (Spark does not recurse into folders);
    URIs such as s3a://bucket/CC-NEWS-*.warc.gz go to Spark as they are."""
    uris = [i for i in inputs if "://" in i]
    local = [i for i in inputs if "://" not in i]
    return uris + [Path(p).resolve().as_uri() for p in list_files(local)]


def _documents(uri: str, data: bytes, options: InputOptions):
    path = uri.removeprefix("file:")  # the same source names as the local engine
    yield from documents_from_file(path, data, options)


def _as_tuple(bundle: dict) -> tuple:
    def row(table: str, values: dict | None):
        return None if values is None else tuple(values.get(name) for name, _ in TABLES[table])

    return tuple(
        [row(t, r) for r in bundle[t]] if t in MENTION_TABLES else row(t, bundle[t]) for t in _BUNDLE_ORDER
    )


_BUNDLE_ORDER = ("articles", *MENTION_TABLES, "errors")


def _bundle_schema():
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int": T.LongType(), "bool": T.BooleanType(),
             "list<string>": T.ArrayType(T.StringType())}

    def struct(table: str):
        return T.StructType([T.StructField(name, kinds[kind]) for name, kind in TABLES[table]])

    return T.StructType([
        T.StructField(t, T.ArrayType(struct(t)) if t in MENTION_TABLES else struct(t)) for t in _BUNDLE_ORDER
    ])
