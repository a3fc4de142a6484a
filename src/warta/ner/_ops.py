"""The NER's matrix products through numpy's BLAS, held to one thread.

thinc's ``NumpyOps`` multiplies float32 matrices with BLIS. For the NER's
shapes (an article's ~500 tokens by 64-256 features) BLIS took 2.2-3.7 times
the CPU time of the OpenBLAS that numpy ships, on the AMD EPYC machines this
project is measured on (docs/ner.md, "Speed work", session 8). OpenBLAS would
spread each product over every core: the wall time halves, the CPU time
doubles (its threads wait by spinning), and ingest already keeps one worker
per core busy. So each product runs on one thread; the limit is set and
undone around the product alone (~5 us), so the process's own numpy keeps
its threads. The embedding lookup is numpy's too (``take``: half BLIS's time).
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps
from thinc.model import Model
from threadpoolctl import ThreadpoolController


class OneThreadBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is numpy's, on one BLAS thread, and whose
    ``gather_add`` is numpy's ``take``."""

    name = "warta_numpy"

    def __init__(self) -> None:
        super().__init__(use_blis=False)
        self._blas = ThreadpoolController().select(user_api="blas").lib_controllers

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        # threadpoolctl's own ``limit()`` rereads every library's state on
        # each call (~20 us); the library handles, kept, take ~5 us.
        before = [lib.get_num_threads() for lib in self._blas]
        for lib in self._blas:
            lib.set_num_threads(1)
        try:
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        finally:
            for lib, threads in zip(self._blas, before, strict=True):
                lib.set_num_threads(threads)

    def gather_add(self, table, indices):
        # The embedding tables' lookup: thinc calls BLIS's saxpy once per
        # word and hash key (~8,000 calls an article); one ``take`` per key
        # column is twice as fast, and adds the rows in the same order, to
        # the same bits.
        if indices.ndim != 2 or indices.shape[1] == 0:
            return super().gather_add(table, indices)
        out = numpy.take(table, indices[:, 0], axis=0)
        for column in range(1, indices.shape[1]):
            out += numpy.take(table, indices[:, column], axis=0)
        return out


def use_numpy_blas(model: Model) -> None:
    """Give every layer of ``model`` the one-thread numpy ops."""
    ops = OneThreadBlasOps()
    for layer in model.walk():
        layer.ops = ops
