"""Evaluation gate on 500 real Detik bodies (../shared; skipped without it).

The floors are the figures measured when this gate was set (see README):
nothing boilerplate survives, no content line is lost, every headline and
publish time is read."""

import pytest

from tests.conftest import DETIK

pytestmark = pytest.mark.skipif(not DETIK.exists(), reason="../shared/data/news/detik-2025-dev.csv is absent")


def test_detik_bodies_lose_nothing_and_keep_no_boilerplate():
    from evaluation.read_detik import evaluate

    counts, problems = evaluate(DETIK)
    assert counts["articles"] == 500
    assert counts["boilerplate lines"] > 600  # the reference still finds the furniture
    assert counts["boilerplate kept"] == 0, problems[:5]
    assert counts["content lost"] == 0, problems[:5]
    assert counts["mojibake repaired"] >= 1  # the file has some ("2,5Â±1%"); repaired, not lost
    assert counts["headline matches"] == counts["articles"]
    assert counts["published matches"] == counts["articles"]
    assert counts["language id"] >= 0.99 * counts["articles"]
