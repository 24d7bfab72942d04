"""The built site in Debian's Chromium, driven by Playwright."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Type into Material's search box like a user; return result URLs.

    Material answers the keystrokes that arrive after its worker has indexed;
    a user who types earlier presses another key, and so do we.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=30)
    items = page.locator(".md-search-result__item")
    for _ in range(20):
        if items.count():
            break
        page.wait_for_timeout(500)
        box.press("End")
    items.first.wait_for(timeout=5000)
    page.wait_for_timeout(300)  # let the result list settle
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item > a").all()]


def test_home_page_renders_chinese(page):
    page.goto("/")
    heading = page.locator("article h1")
    assert heading.inner_text().rstrip("¶") == "述职述廉报告写作手册"
    assert page.locator("html").get_attribute("lang").startswith("zh")
    # The glyphs are drawn by a CJK face, not tofu boxes: a rendered Han string
    # is as wide as its character count says.
    width = page.evaluate("""() => {
        const c = document.createElement('canvas').getContext('2d');
        c.font = '16px ' + getComputedStyle(document.body).fontFamily;
        return [c.measureText('述职述廉').width, c.measureText('\u9fa5\u9fa5\u9fa5\u9fa5').width];
    }""")
    assert 60 <= width[0] <= 68, width
    assert not page.js_errors


def test_search_box_finds_the_right_page(page):
    page.goto("/")
    hrefs = search(page, "门牌地址")
    assert hrefs and "about/anonymisation/" in hrefs[0], hrefs


def test_search_finds_a_phrase_whole(page):
    page.goto("/")
    hrefs = search(page, "两个维护")
    # The phrase's own entry (/phrases/ lists every wording too, but that list is not indexed: issue 18).
    entries = {(urlparse(h).path, urlparse(h).fragment) for h in hrefs}
    assert ("/phrases/fixed-formulations/", "liang-ge-wei-hu") in entries, hrefs


def test_copy_button_puts_exact_text_on_clipboard(page):
    page.goto("/sections/opening/")
    block = page.locator(".hb-block--example").first
    button = block.locator("button.hb-copy")
    expected = button.get_attribute("data-copy")
    button.click()
    expect(button).to_have_text("已复制")  # set once the clipboard write resolves
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected
    assert copied.startswith("2025年，在市委、市政府的坚强领导") and copied.endswith("请予评议。")
    assert "提示" not in copied and "\u200b" not in copied and "【" not in copied
    expect(button).to_have_text("复制", timeout=5000)  # and back after two seconds


def test_instructions_cannot_be_selected(page):
    page.goto("/sections/opening/")
    user_select = page.locator(".hb-hint").first.evaluate("el => getComputedStyle(el).userSelect")
    assert user_select == "none"


@pytest.mark.parametrize("path", ["/", "/sections/opening/", "/about/conventions/"])
def test_every_request_stays_on_the_local_server(page, base_url, path):
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    search(page, "模板")  # the search worker and its index load too
    page.wait_for_load_state("networkidle")
    assert requests
    foreign = [u for u in requests if not (u.startswith(base_url) or u.startswith(("data:", "blob:")))]
    assert not foreign, foreign


def test_light_dark_toggle(page):
    page.goto("/")
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")
    before = scheme()
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert scheme() != before


def test_home_page_has_no_serious_accessibility_violation(page):
    from axe_playwright_python.sync_playwright import Axe

    page.goto("/")
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in bad]


def test_offline_zip_searches_from_file_url(offline_page, offline_root: Path):
    page = offline_page
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto((offline_root / "index.html").as_uri())
    hrefs = search(page, "门牌地址")
    assert any("anonymisation" in h for h in hrefs), hrefs
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests


@pytest.mark.parametrize("width, columns", [(1366, 2), (390, 1)])
def test_home_page_ways_are_boxes_in_a_grid(page, width, columns):
    """The links of one Markdown block share a <p>: the grid must still lay them out as boxes."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    boxes = [a.bounding_box() for a in page.locator(".hb-ways a").all()]
    assert len(boxes) >= 7
    first_row = [b for b in boxes[:4] if abs(b["y"] - boxes[0]["y"]) < 2]
    assert (len(first_row) >= columns) if columns > 1 else len(first_row) == 1
    border = page.locator(".hb-ways a").first.evaluate("a => getComputedStyle(a).borderTopStyle")
    assert border == "solid"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("url", ["/sections/opening/", "/samples/2023-finance-head-duty/", "/genres/team-duty-report/"])
def test_printing_gives_the_text_without_the_site(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".md-footer", ".hb-copy", ".hb-move", ".hb-hint",
              ".hb-sample-note", ".hb-download"]
    for sel in hidden:
        for el in page.locator(sel).all()[:3]:
            assert el.evaluate("e => getComputedStyle(e).display") == "none", (url, sel)
    article = page.locator("article")
    assert article.is_visible() and len(article.inner_text()) > 200
    assert "FangSong" in article.evaluate("e => getComputedStyle(e).fontFamily")
    page.emulate_media(media="screen")
    assert page.locator(".md-header").first.evaluate("e => getComputedStyle(e).display") != "none"


def test_offline_404_page_opens_styled_from_file_url(offline_page, offline_root: Path):
    page = offline_page
    page.goto((offline_root / "404.html").as_uri())
    header = page.locator(".md-header").first
    assert header.evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")  # Material's CSS loaded
    href = page.locator(".md-header__button.md-logo").first.get_attribute("href")
    page.locator(".md-header__button.md-logo").first.click()
    assert page.url.endswith("/index.html"), (href, page.url)
