"""Evaluation gate for story grouping on hand-annotated Detik articles
(../shared; skipped without it). Floors a little below what was measured
when the gate was set (docs/corpus.md, "Stories"): test split pairwise
P 0.712, R 0.808, F1 0.757, B-cubed F1 0.939; tune split pairwise F1 0.639;
day-fold cross-validation over the tune days (the stable rule choosing on
the other days) pooled pairwise F1 0.577."""

import pytest

from tests.conftest import DETIK

pytestmark = pytest.mark.skipif(not DETIK.exists(), reason="../shared/data/news/detik-2025-dev.csv is absent")

WARTA, NEAR_DUPLICATES = "warta: text + entities", "MinHash near-duplicates only"


@pytest.fixture(scope="module")
def items():
    from evaluation.stories import load

    return load(DETIK)


@pytest.fixture(scope="module")
def results(items):
    from evaluation.stories import report

    from warta.corpus._stories import Params

    return report(items, Params())


def test_story_grouping_keeps_its_measured_accuracy(results):
    test = results[("test", WARTA)]
    assert test["pairs"] == 52
    assert test["F1"] >= 0.72 and test["B3"] >= 0.92 and test["P"] >= 0.67 and test["R"] >= 0.76
    assert results[("tune", WARTA)]["F1"] >= 0.60


def test_story_grouping_beats_near_duplicates_alone(results):
    for split in ("tune", "test"):
        assert results[(split, WARTA)]["F1"] > results[(split, NEAR_DUPLICATES)]["F1"] + 0.1


def test_params_lie_on_the_stable_plateau_and_the_rule_holds_across_days(items):
    from evaluation._stories_cv import cross_validate
    from evaluation.stories import rates

    from warta.corpus._stories import Params

    shipped = Params()
    key = (shipped.threshold, shipped.lede_words, shipped.entity_weight, shipped.headline_weight)
    cv = cross_validate([i for i in items if i["split"] == "tune"], key)
    # The shipped Params sit on the plateau the rule picks from (they are its
    # choice, docs/corpus.md), not on a lone peak elsewhere.
    assert cv["plateau"][key] >= cv["plateau"][cv["choice"]] - 0.01
    held_out = rates(cv["pooled"]["stable"])
    assert held_out["pairs"] == 154
    assert held_out["F1"] >= 0.55
