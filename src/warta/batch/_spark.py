"""The Spark engine: the same ``process`` function in ``mapPartitions``.

Files are read by the executors (``binaryFiles``), turned into documents,
spread over ``partitions``, and each partition runs ``process`` (which loads
any model once per Python worker). Spark writes the tables with the schema of
_tables, in the layout the local engine uses."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from .._errors import WartaError
from .._settings import Settings
from ._documents import Dropped, InputOptions, documents_from_file, list_files
from ._process import process
from ._report import Report, _reason_head
from ._tables import TABLES

__all__ = ["run_spark"]

INSTALL_HINT = "the Spark engine needs PySpark: pip install 'warta[spark]' (and Java 17 or newer)"


def run_spark(inputs: list[str], out: str, *, master: str | None, partitions: int | None,
              settings: Settings, options: InputOptions) -> Report:
    spark = _session(master)
    sc = spark.sparkContext
    files = sc.binaryFiles(",".join(_input_uris(inputs)))
    docs = files.flatMap(lambda kv: _documents(kv[0], kv[1], options))
    docs = docs.repartition(partitions or sc.defaultParallelism * 2)
    rows = docs.mapPartitions(lambda items: process(items, settings)).cache()
    for table, columns in TABLES.items():
        names = [name for name, _ in columns]
        data = rows.filter(lambda r, t=table: r[0] == t).map(lambda r, n=names: tuple(r[1].get(k) for k in n))
        spark.createDataFrame(data, schema=_spark_schema(table)).write.mode("overwrite").parquet(f"{out}/{table}")
    report = _report(rows)
    rows.unpersist()
    return report


def _session(master: str | None):
    try:
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
    if master or not os.environ.get("SPARK_MASTER"):
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
    try:
        yield from documents_from_file(path, data, options)
    except ValueError as exc:
        yield Dropped(path, str(exc), "failed")


def _spark_schema(table: str):
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int": T.LongType(), "bool": T.BooleanType(),
             "list<string>": T.ArrayType(T.StringType())}
    return T.StructType([T.StructField(name, kinds[kind]) for name, kind in TABLES[table]])


def _report(rows) -> Report:
    report = Report()
    report.rows = Counter(rows.map(lambda r: r[0]).countByValue())
    errors = rows.filter(lambda r: r[0] == "errors").map(lambda r: (r[1]["kind"], _reason_head(r[1]["reason"])))
    report.errors = Counter(errors.countByValue())
    return report
