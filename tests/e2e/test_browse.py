"""Search, open an article, follow an entity, see its chart: in a real
headless chromium, with a screenshot of each step under pytest's tmp dir."""

from __future__ import annotations

from urllib.parse import quote

from tests.e2e.browser_setup import require_browser

require_browser()


def shot(page, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.png"  # kept under pytest's tmp dir (--basetemp to choose it)
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000  # a real picture, not an empty frame


def test_search_article_entity_chart(page, tmp_path):
    page.goto("/search")
    page.fill("form.search input[name=q]", "air bersih")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_selector("li.hit")
    assert page.locator("li.hit mark").first.inner_text().lower() == "air"
    shot(page, tmp_path, "1-search")

    page.click("li.hit h2 a")
    page.wait_for_selector("article.article h1")
    assert page.locator("article h1").inner_text() == "Jokowi Tinjau Proyek Air Bersih di Bandung"
    assert page.locator(".body q.quote").count() == 1
    assert page.locator(".body .speaker").first.inner_text() == "Joko Widodo:"
    shot(page, tmp_path, "2-article")

    page.click(".body a.ent-PER >> text=Jokowi")
    page.wait_for_selector("section.entity h1")
    assert page.url.endswith("/entities/" + quote("Joko Widodo", safe=""))
    assert "Joko Widodo" in page.locator("section.entity h1").inner_text()
    chart = page.locator("figure.chart svg")
    assert chart.is_visible()
    bars = chart.locator("g.bar rect")
    assert bars.count() == 2
    assert all(bars.nth(i).bounding_box()["height"] > 10 for i in range(2))
    assert page.locator("ul.quotes blockquote").count() == 2
    shot(page, tmp_path, "3-entity")
    assert page.outside == [] and page.dialogs == []


def test_filters_and_facets_narrow_the_results(page):
    page.goto("/search?q=Bandung")
    assert page.locator("li.hit").count() == 2
    page.click("aside.facets a >> text=sponsored")
    page.wait_for_url("**label=sponsored**")
    assert page.locator("li.hit").count() == 1
    assert page.locator("select[name=label]").input_value() == "sponsored"


def test_entity_facet_narrows_to_articles_naming_it(page):
    page.goto("/search?q=Bandung")
    page.click("aside.facets ul.facet-entity a >> text=Joko Widodo")
    page.wait_for_url("**entity=Joko+Widodo**")
    assert page.locator("li.hit").count() == 1
    assert page.locator("input[name=entity]").input_value() == "Joko Widodo"
    assert page.locator("aside.facets ul.facet-speaker a").first.inner_text() == "Joko Widodo"


def test_hostile_articles_run_nothing(page, sample, tmp_path):
    for key in ("hostile", "hostile_html"):
        page.goto(f"/articles/{quote(sample[1][key], safe='')}?removed=1")
        page.wait_for_timeout(300)  # time for any onload/onerror to fire
        assert "<script>" in page.locator("article h1").inner_text()  # shown as text
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.querySelectorAll('img, iframe, [onerror], [onload]').length") == 0
        shot(page, tmp_path, key)
    assert page.dialogs == [] and page.outside == []


def test_today_brief_draws_its_charts(page, tmp_path):
    page.goto("/today")
    assert page.locator("h1").inner_text() == "Brief for 2025-10-21"
    assert page.locator("figure.chart svg").count() == 2
    shot(page, tmp_path, "today")


def test_story_page_from_an_article(page, sample, tmp_path):
    """The two hostile pages about hacked Bekasi sites make one story: open it
    from one article, see both on the timeline, follow a dot to the other."""
    page.goto(f"/articles/{quote(sample[1]['hostile'], safe='')}")
    page.click("p.story-link a")
    page.wait_for_selector("section.story h1")
    assert "/story/" in page.url
    assert "<script>" in page.locator("section.story h1").inner_text()  # shown as text
    assert page.locator("figure.timeline svg circle.dot").count() == 2
    assert page.locator("ol.story-articles li").count() == 2
    assert page.locator("p.first strong").inner_text() == "bekasi.example"
    shot(page, tmp_path, "story")
    page.locator("ol.story-articles li a").first.click()
    page.wait_for_selector("article.article h1")
    assert page.url.endswith(quote(sample[1]["hostile_html"], safe=""))
    assert page.evaluate("document.scripts.length") == 0
    assert page.dialogs == [] and page.outside == []
