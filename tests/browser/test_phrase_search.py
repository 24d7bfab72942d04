"""The phrase search of /phrases/ in Chromium: substring, pinyin, filters, keyboard, open, copy, file://;
and the compact phrase pages (an entry in a few lines)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _type(page, text: str) -> list[str]:
    box = page.locator("#hb-ps-input")
    box.fill("")
    box.press_sequentially(text, delay=10)
    page.wait_for_function("q => window.HBPhraseSearch && HBPhraseSearch.last && HBPhraseSearch.last.query === q", arg=text)
    return page.locator("#hb-ps-list [role=option] .hb-ps__phrase").all_inner_texts()


@pytest.fixture
def ps(page):
    page.goto("/phrases/")
    page.locator("#hb-ps[data-ready]").wait_for(state="attached")
    return page


def test_index_is_published_as_json_and_script(site_dir: Path):
    data = json.loads((site_dir / "phrases" / "phrases.json").read_text(encoding="utf-8"))
    ids = {e["id"] for e in data["entries"]}
    assert "liang-ge-wei-hu" in ids and len(ids) == len(data["entries"]) >= 250
    entry = next(e for e in data["entries"] if e["id"] == "liang-ge-wei-hu")
    assert entry["ini"] == "lgwh" and entry["py"] == "lianggeweihu" and entry["url"].endswith("#liang-ge-wei-hu")
    assert entry["quoted"] is True and entry["copy_form"] == "“两个维护”"
    plain = next(e for e in data["entries"] if e["id"] == "quan-mian-cong-yan-zhi-dang")
    assert plain["quoted"] is False and plain["copy_form"] == "全面从严治党"
    script = (site_dir / "phrases" / "phrases-index.js").read_text(encoding="utf-8")
    assert script.split("\n", 2)[1].startswith("window.HB_PHRASES=")


@pytest.mark.parametrize("query,first", [
    ("两个维护", "两个维护"),  # exact first
    ("维护", None),  # substring
    ("一岗", "一岗双责"),  # prefix
    ("lgwh", "两个维护"),  # initials
    ("lianggeweihu", "两个维护"),  # full pinyin
    ("szyd", "三重一大"),  # heteronym: 重 read zhong
])
def test_finds_by_substring_and_pinyin(ps, query, first):
    results = _type(ps, query)
    assert results, query
    if first:
        assert results[0] == first, results[:5]
    if query == "维护":
        assert "两个维护" in results and all("维护" in r or True for r in results)
    assert not ps.js_errors


def test_exact_and_prefix_matches_come_first(ps):
    results = _type(ps, "主体责任")
    assert results[0] == "主体责任"
    prefix = [r for r in results if r.startswith("主体责任")]
    assert results[:len(prefix)] == prefix


def test_filters_by_kind_and_section(ps):
    ps.select_option("#hb-ps-kind", "campaign")
    results = _type(ps, "教育")
    assert results and "党纪学习教育" in results and "警示教育" not in results
    ps.select_option("#hb-ps-kind", "")
    ps.select_option("#hb-ps-section", "discipline")
    results = _type(ps, "教育")
    assert "警示教育" in results and "党史学习教育" not in results


def test_year_filter_marks_or_hides_stale_phrases(ps):
    ps.select_option("#hb-ps-year", "2023")
    _type(ps, "历次全会精神")
    items = ps.locator("#hb-ps-list [role=option]")
    texts = items.locator(".hb-ps__phrase").all_inner_texts()
    assert texts[0] == "党的二十大和二十届历次全会精神"  # valid in 2023: before the stale one
    stale = ps.locator("#hb-ps-list [role=option][data-stale] .hb-ps__phrase").all_inner_texts()
    assert stale == ["党的十九大和十九届历次全会精神"]
    ps.check("#hb-ps-hide")
    texts = ps.locator("#hb-ps-list [role=option] .hb-ps__phrase").all_inner_texts()
    assert texts == ["党的二十大和二十届历次全会精神"]
    ps.select_option("#hb-ps-year", "2022")
    texts = ps.locator("#hb-ps-list [role=option] .hb-ps__phrase").all_inner_texts()
    assert texts == ["党的十九大和十九届历次全会精神"]


def test_keyboard_only_arrows_enter_opens_and_ctrl_c_copies(ps):
    ps.locator("#hb-ps-input").focus()
    ps.keyboard.type("维护")
    ps.wait_for_function("() => HBPhraseSearch.last && HBPhraseSearch.last.query === '维护'")
    box = ps.locator("#hb-ps-input")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    assert "回车" in ps.locator("#hb-ps-help").inner_text() and "Ctrl+C" in ps.locator("#hb-ps-help").inner_text()
    ps.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active == "hb-ps-opt-1"
    option = ps.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    ps.keyboard.press("ArrowUp")
    option = ps.locator("#hb-ps-opt-0")
    assert option.locator(".hb-ps__phrase").inner_text() == "两个维护"
    ps.keyboard.press("Control+c")
    expect(option.locator(".hb-ps__copied")).to_have_text("已复制")
    assert ps.evaluate("navigator.clipboard.readText()") == "“两个维护”"  # its usage quotes it
    ps.keyboard.press("Alt+c")
    ps.wait_for_function("async () => (await navigator.clipboard.readText()) === '两个维护'")
    assert ps.evaluate("document.activeElement.id") == "hb-ps-input"
    ps.keyboard.press("Enter")
    ps.wait_for_url("**/phrases/fixed-formulations/#liang-ge-wei-hu")


def test_copy_gives_the_form_the_usage_needs_and_the_bare_form(ps):
    _type(ps, "四个意识")
    detail = ps.locator("#hb-ps-detail")
    quoted = detail.locator("button[data-form=copy]")
    expect(quoted).to_have_text("复制 “四个意识”")
    quoted.click()
    expect(ps.locator("#hb-ps-opt-0 .hb-ps__copied")).to_have_text("已复制")
    assert ps.evaluate("navigator.clipboard.readText()") == "“四个意识”"
    detail.locator("button[data-form=bare]").click()
    ps.wait_for_function("async () => (await navigator.clipboard.readText()) === '四个意识'")
    detail.locator("button[data-form=full]").click()
    ps.wait_for_function("async () => (await navigator.clipboard.readText()) === '政治意识、大局意识、核心意识、看齐意识'")
    # A wording its usage does not quote is copied as it is, with no second button.
    _type(ps, "全面从严治党主体责任")
    assert ps.locator("#hb-ps-detail button[data-form=bare]").count() == 0
    ps.locator("#hb-ps-detail button[data-form=copy]").click()
    ps.wait_for_function("async () => (await navigator.clipboard.readText()) === '全面从严治党主体责任'")


def test_ctrl_c_with_text_selected_in_the_box_copies_that_text(ps):
    _type(ps, "四个意识")
    ps.locator("#hb-ps-input").evaluate("el => el.setSelectionRange(0, 2)")
    ps.keyboard.press("Control+c")
    ps.wait_for_timeout(200)
    assert ps.locator("#hb-ps-opt-0 .hb-ps__copied").inner_text() == ""


def test_a_click_opens_the_entry(ps):
    _type(ps, "lgwh")
    ps.locator("#hb-ps-opt-0").click()
    ps.wait_for_url("**/phrases/fixed-formulations/#liang-ge-wei-hu")


def test_result_links_to_its_entry(ps):
    _type(ps, "两个维护")
    ps.locator("#hb-ps-detail a").click()
    ps.wait_for_url("**/phrases/fixed-formulations/#liang-ge-wei-hu")
    assert ps.locator("h3#liang-ge-wei-hu").is_visible()


def test_entries_are_compact(page):
    """/phrases/fixed-formulations/ was 51,741 px tall at 1280×900 (one entry a screen)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/phrases/fixed-formulations/")
    height = page.evaluate("document.documentElement.scrollHeight")
    entries = page.locator("h3.hb-phrase__title").count()
    assert entries >= 40 and height / entries < 480, (height, entries)
    # 四个意识: its members once (in the meaning), the rest folded, copy with quotation marks.
    entry = page.locator("h3#si-ge-yi-shi")
    block = page.evaluate("""() => { let el = document.getElementById('si-ge-yi-shi').nextElementSibling, t = '';
        while (el && el.tagName !== 'H3' && el.tagName !== 'H2') { if (el.tagName !== 'DETAILS') t += el.innerText; el = el.nextElementSibling; }
        return t; }""")
    assert block.count("大局意识") == 1, block
    assert entry.is_visible()
    buttons = page.locator("#si-ge-yi-shi + .hb-phrase__bar button.hb-copy")
    assert buttons.first.get_attribute("data-copy") == "“四个意识”"
    assert "四个意识" in [b.get_attribute("data-copy") for b in buttons.all()]
    details = page.locator("#si-ge-yi-shi ~ details.hb-phrase__more").first
    assert details.get_attribute("open") is None and "成员顺序固定" in details.text_content()


def test_search_works_from_file_url(offline_page, offline_root: Path):
    page = offline_page
    page.goto((offline_root / "phrases" / "index.html").as_uri())
    page.locator("#hb-ps[data-ready]").wait_for(state="attached")
    results = _type(page, "yggsz")  # 一岗双责 is yigangshuangze: initials ygsz, not a match
    assert results == [] or "一岗双责" not in results
    assert _type(page, "ygsz")[0] == "一岗双责"


def test_phrases_page_has_no_serious_accessibility_violation(ps):
    from axe_playwright_python.sync_playwright import Axe

    _type(ps, "维护")
    results = Axe().run(ps)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in bad]


def test_first_twenty_results_drawn_then_show_more_and_arrow_keys_draw_the_rest(ps):
    """Drawing 50 results was most of a keystroke's work: 20 are drawn, 显示更多 (or moving past the 20th
    with the arrow keys) draws the rest of the same 50, in the same order."""
    query = "工作"
    _type(ps, query)
    total = ps.evaluate("HBPhraseSearch.last.total")
    assert total > 50, "the query must have more than 50 results, or the test proves nothing"
    expected = ps.evaluate("q => HBPhraseSearch.search(q, {kind: '', section: '', year: 0, hide: false}, 50)"
                           ".items.map(x => x.it.e.phrase)", query)
    options = ps.locator("#hb-ps-list [role=option] .hb-ps__phrase")
    more = ps.locator(".hb-ps__more")
    assert options.all_inner_texts() == expected[:20]
    expect(more).to_be_visible()
    expect(more).to_have_text("显示更多（再显示 30 条）")
    expect(ps.locator("#hb-ps-status")).to_have_text(f"找到 {total} 条，显示前 20 条")
    more.click()
    assert options.all_inner_texts() == expected
    expect(more).to_be_hidden()
    expect(ps.locator("#hb-ps-status")).to_have_text(f"找到 {total} 条，显示前 50 条")
    assert ps.evaluate("document.activeElement.id") == "hb-ps-input"
    # A new query draws 20 again; the arrow keys walk past the 20th into the rest.
    _type(ps, query)
    assert options.count() == 20
    box = ps.locator("#hb-ps-input")
    for _ in range(20):
        box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "hb-ps-opt-20"
    assert options.all_inner_texts() == expected
    assert ps.locator("#hb-ps-opt-20").get_attribute("aria-selected") == "true"
    expect(more).to_be_hidden()
    assert not ps.js_errors
