"""Golden pages: invented articles in the styles of real outlets (see
tests/golden/README.md), each with the record a careful analyst would write.
Every key of ``NAME.expected.json`` is compared with what ``read`` gives."""

import json
from pathlib import Path

import pytest

import warta

GOLDEN = Path(__file__).parent / "golden"
PAGES = sorted(p for p in GOLDEN.iterdir() if p.suffix in (".txt", ".html"))


def _expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".expected.json").read_text("utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_golden_page(page):
    expected = _expected(page)
    record = warta.read(page).to_dict()
    removed = [r["text"] for r in record["removed"]]
    for needle in expected.pop("removed_contains", []):
        assert any(needle in text for text in removed), f"{needle!r} not in removed"
    if record["dateline"] is not None:
        record["dateline"].pop("text")
    mismatches = {k: (record[k], v) for k, v in expected.items() if record[k] != v}
    assert not mismatches, json.dumps(mismatches, ensure_ascii=False, indent=1)


def test_every_golden_page_has_an_expectation_and_six_outlets_are_covered():
    assert len(PAGES) >= 12
    assert all(p.with_suffix(".expected.json").exists() for p in PAGES)
    styles = {p.stem.split("_")[0] for p in PAGES}
    assert {"rakyatku", "detik", "kompas", "tribun", "cnnindonesia", "antara"} <= styles
    assert {p.suffix for p in PAGES} == {".txt", ".html"}


def test_no_lede_is_lost_or_doubled():
    for page in PAGES:
        record = warta.read(page).to_dict()
        if record["lede"]:
            assert record["paragraphs"].count(record["lede"]) == 1, page.name
