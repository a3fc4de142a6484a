"""The pure parts of the web app: body markup, charts, entity profiles,
snippet highlighting, safe links. No store, no server."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from warta.corpus import EntityProfile  # noqa: E402
from warta.corpus._query import parse_query  # noqa: E402
from warta.serve import _charts, _entity, _markup  # noqa: E402
from warta.serve._security import safe_url  # noqa: E402
from warta.serve._views import snippet_parts  # noqa: E402

BODY = 'Presiden Joko Widodo tiba Senin.\n\n"Kami siap," kata Jokowi.\n\n"Lanjut\n\ndi sini," ujarnya.'


def span(text: str, occurrence: int = 0, **fields) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text), **fields}


def texts(pieces):
    return "".join(p.text for p in pieces)


def test_pieces_rebuild_each_paragraph_exactly():
    record = {"entities": [span("Joko Widodo", label="PER"), span("Jokowi", label="PER")],
              "times": [span("Senin", value="2019-03-25")]}
    paragraphs = _markup.paragraphs(record, BODY)
    assert [texts(p) for p in paragraphs] == BODY.split("\n\n")
    marked = [(p.text, p.mark.kind) for para in paragraphs for p in para if p.mark]
    assert marked == [("Joko Widodo", "entity"), ("Senin", "time"), ("Jokowi", "entity")]


def test_a_quote_opens_once_even_across_paragraphs():
    start = BODY.index("Lanjut")
    end = BODY.index("di sini") + len("di sini")
    record = {"quotes": [{"start": start, "end": end, "speaker": "Jokowi", "text": "..."}]}
    paragraphs = _markup.paragraphs(record, BODY)
    openers = [p.text for para in paragraphs for p in para if p.opens_quote]
    assert openers == ["Lanjut"]
    assert [p.text for p in paragraphs[3] if p.quote] == ["di sini"]


def test_overlapping_marks_keep_the_entity():
    record = {"entities": [span("Joko Widodo", label="PER")], "times": [span("Widodo tiba", value="x")]}
    marked = [p for para in _markup.paragraphs(record, BODY) for p in para if p.mark]
    assert [(p.text, p.mark.kind) for p in marked] == [("Joko Widodo", "entity")]


@pytest.mark.parametrize("bad", [
    {"start": "0", "end": 5}, {"start": 5, "end": 2}, {"start": -1, "end": 3},
    {"start": 0, "end": 10 ** 9}, {"start": True, "end": 3}, {"start": 1.5, "end": 3}, "not a dict",
])
def test_hostile_offsets_are_dropped(bad):
    record = {"entities": [bad], "quotes": [bad], "times": "nonsense", "quantities": None}
    paragraphs = _markup.paragraphs(record, BODY)
    assert [texts(p) for p in paragraphs] == BODY.split("\n\n")
    assert not any(p.mark or p.quote for para in paragraphs for p in para)


def test_column_chart_scales_to_the_peak():
    chart = _charts.columns([("2025-01", 2), ("2025-02", 4), ("2025-03", 0)], "per month")
    heights = [bar.height for bar in chart.bars]
    assert heights[1] == pytest.approx(_charts.HEIGHT - 2 * _charts.PAD) and heights[0] == heights[1] / 2
    assert heights[2] == 0 and chart.peak == 4
    assert _charts.columns([], "empty").bars == []


def test_row_chart_grows_with_its_rows():
    chart = _charts.rows([("A", 3), ("B", 1)], "ranked")
    assert chart.height == 2 * _charts.ROW_HEIGHT + 8
    assert chart.bars[0].width == pytest.approx(3 * chart.bars[1].width)


def test_months_without_mentions_are_zeros_on_the_chart():
    days = [("2024-11-03", 1), ("2025-02-01", 1), ("2025-02-20", 1), ("2025-13-01", 1)]
    found = _entity.profile(EntityProfile("Kim", "PER", by_day=days))
    assert found.by_month == [("2024-11", 1), ("2024-12", 0), ("2025-01", 0), ("2025-02", 2)]
    assert (found.name, found.label) == ("Kim", "PER")


def test_snippet_marks_only_searched_words():
    terms = parse_query("kunjungan").terms
    parts = snippet_parts("[Gambas:Video] lalu [mengunjungi] Rusia", terms)
    assert parts == [("[Gambas:Video] lalu ", False), ("mengunjungi", True), (" Rusia", False)]


@pytest.mark.parametrize("url, safe", [
    ("https://kompas.com/a", True), ("http://x.id", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("//evil.example", False),
    ("vbscript:x", False), (None, False), (["https://x"], False), ("http://[::1", False),
])
def test_only_http_links_become_hrefs(url, safe):
    assert (safe_url(url) is not None) == safe


@pytest.mark.parametrize("value", ["Joko Widodo", "a&b=c", "100% /x+y?", "Pemprov DKI — “Jakarta”", "é'\"<>", "#frag"])
def test_search_links_are_written_as_the_urlencode_filter_writes_them(value):
    """``SearchParams.link`` quotes each part once per process; the link must
    be what Jinja's ``urlencode`` filter makes of ``query_string``."""
    import jinja2

    from warta.serve._data import SearchFilters
    from warta.serve._params import SearchParams

    urlencode = jinja2.Environment().filters["urlencode"]
    params = SearchParams(f"kunjungan {value}", SearchFilters(since="2025-01-01", outlet=value), 2, 10)
    for changes in ({"page": 1, "entity": value}, {"page": 1, "speaker": value}, {"page": 3}, {}):
        assert params.link(**changes) == urlencode(params.query_string(**changes))
