"""The NER's numpy ops (warta/ner/_ops.py): same numbers as thinc's, one BLAS thread."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps
from thinc.backends.ops import Ops
from threadpoolctl import ThreadpoolController

from warta.ner import nlp
from warta.ner._ops import OneThreadBlasOps

TEXT = (
    "Gubernur Jawa Barat Dedi Mulyadi meninjau banjir di Kabupaten Bekasi, Senin (3/3/2025). "
    "Ia didampingi Kepala Badan Nasional Penanggulangan Bencana (BNPB) Suharyanto.\n\n"
    '"Kami siapkan 1.200 tenda," kata Dedi kepada wartawan di Cikarang. Menurut BNPB, '
    "air mulai surut di Tambun Selatan dan Babelan, sementara PT Kereta Api Indonesia "
    "menutup dua perlintasan."
)


@pytest.fixture(scope="module")
def ner():
    return nlp().get_pipe("ner")


def test_every_layer_of_the_loaded_model_uses_the_numpy_ops(ner):
    assert {type(layer.ops) for layer in ner.model.walk()} == {OneThreadBlasOps}


@pytest.mark.parametrize("rows", [1, 7, 480])
def test_gemm_matches_thincs_and_gather_add_is_bit_identical(rows):
    rng = np.random.default_rng(rows)
    ours, thincs = OneThreadBlasOps(), NumpyOps()
    x = rng.standard_normal((rows, 192)).astype("float32")
    w = rng.standard_normal((128, 192)).astype("float32")
    product = ours.gemm(x, w, trans2=True)
    assert product.dtype == np.float32
    np.testing.assert_allclose(product, thincs.gemm(x, w, trans2=True), rtol=1e-4, atol=1e-4)
    table = rng.standard_normal((5000, 64)).astype("float32")
    keys = rng.integers(0, 5000, (rows, 4)).astype("uint32")
    assert np.array_equal(ours.gather_add(table, keys), thincs.gather_add(table, keys))


def test_gemm_holds_blas_to_one_thread_and_gives_the_threads_back(monkeypatch):
    blas = ThreadpoolController().select(user_api="blas")
    if not blas.lib_controllers:
        pytest.skip("numpy has no BLAS that threadpoolctl can see")
    seen = []
    real_gemm = Ops.gemm

    def spy(self, *args, **kwargs):
        seen.append([lib.get_num_threads() for lib in blas.lib_controllers])
        return real_gemm(self, *args, **kwargs)

    monkeypatch.setattr(Ops, "gemm", spy)
    with blas.limit(limits=2):
        OneThreadBlasOps().gemm(np.ones((4, 3), "float32"), np.ones((3, 2), "float32"))
        after = [lib.get_num_threads() for lib in blas.lib_controllers]
    assert seen == [[1] * len(blas.lib_controllers)]
    assert after == [2] * len(blas.lib_controllers)


def test_entities_are_those_of_thincs_own_ops(ner):
    ours = [(e.start_char, e.end_char, e.label_) for e in nlp()(TEXT).ents]
    layers = list(ner.model.walk())
    kept = [layer.ops for layer in layers]
    try:
        for layer in layers:
            layer.ops = NumpyOps()
        thincs = [(e.start_char, e.end_char, e.label_) for e in nlp()(TEXT).ents]
    finally:
        for layer, ops in zip(layers, kept, strict=True):
            layer.ops = ops
    assert ours == thincs and len(ours) >= 6
