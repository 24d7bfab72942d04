"""/samples/ in Chromium: the filter bar hides the rows that do not match, also from file://."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.base import vocabulary
from macros.content import samples

pytestmark = pytest.mark.browser


def _visible_rows(page) -> list[str]:
    return [r.inner_text() for r in page.locator(".hb-samples-list tbody tr").all() if r.is_visible()]


def _check_filters(page) -> None:
    all_s = list(samples.all_samples().values())
    form = page.locator("form.hb-samples-filter")
    assert form.is_visible()
    assert len(_visible_rows(page)) == len(all_s)
    page.select_option('[data-filter="year"]', "2023")
    rows = _visible_rows(page)
    assert len(rows) == sum(1 for s in all_s if s.year == 2023) and all("2023" in r for r in rows)
    assert page.locator(".hb-filter__count").inner_text() == f"共 {len(rows)} 篇"
    page.select_option('[data-filter="genre"]', vocabulary.GENRES["personal-duty-report"])
    rows = _visible_rows(page)
    assert len(rows) == sum(1 for s in all_s if s.year == 2023 and s.genre == "personal-duty-report") == 1
    page.select_option('[data-filter="year"]', "")
    page.select_option('[data-filter="genre"]', "")
    page.select_option('[data-filter="level"]', "县级")
    assert len(_visible_rows(page)) == sum(1 for s in all_s if s.level == "county")
    page.select_option('[data-filter="level"]', "")
    page.select_option('[data-filter="length"]', "long")
    assert len(_visible_rows(page)) == sum(1 for s in all_s if s.length >= 4000)
    page.select_option('[data-filter="length"]', "")
    assert len(_visible_rows(page)) == len(all_s)


def test_samples_filter(page) -> None:
    page.goto("/samples/")
    _check_filters(page)
    assert page.js_errors == []


def test_samples_filter_from_file(offline_page, offline_root: Path) -> None:
    pg = offline_page
    pg.goto((offline_root / "samples" / "index.html").as_uri())
    _check_filters(pg)
    # The sample page opens from the list and its copy button works offline too.
    pg.locator(".hb-samples-list tbody tr a").first.click()
    pg.wait_for_load_state()
    assert pg.locator(".hb-sample-para").count() > 3
    assert pg.js_errors == []


def test_sample_page_copy_button(page) -> None:
    slug = "2023-finance-head-duty"
    page.goto(f"/samples/{slug}/")
    para = next(p for p in samples.get_sample(slug).paragraphs if p.kind == "body")
    button = page.locator(".hb-sample-para button.hb-copy").first
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == para.text
    assert page.js_errors == []
