"""The drafting workflow in Chromium: 我要写什么 → draft, checker and sample, remembered
site-wide; the two-pane assembler at desktop and phone widths; export/import, 清空 + 撤销;
per-variant Word links; one-click suggestions; no serious accessibility violation."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from macros.content import assemble, calendar, sections

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def open_draft(page):
    page.goto("/tools/draft/")
    page.wait_for_function("window.HandbookDraft && document.querySelector('#hb-draft-preview p')")


def box(page, selector):
    b = page.locator(selector).bounding_box()
    assert b, selector
    return b


def no_horizontal_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def test_two_panes_at_desktop_width(page):
    page.set_viewport_size(DESKTOP)
    open_draft(page)
    form, preview = box(page, ".hb-draft__side"), box(page, "#hb-draft-preview")
    assert form["x"] + form["width"] <= preview["x"], (form, preview)
    assert abs(form["y"] - preview["y"]) < 80  # side by side, not stacked
    # The block tools sit beside the text, not inside it.
    text, bar = box(page, '[data-section="opening"] .hb-draft__text'), box(page, '[data-section="opening"] .hb-draft__bar')
    assert text["x"] + text["width"] <= bar["x"] + 1
    # No sidebars on the tools pages.
    assert not page.locator(".md-sidebar--primary").is_visible()
    no_horizontal_scroll(page)
    assert not page.js_errors


def test_one_column_without_horizontal_scroll_on_a_phone(page):
    page.set_viewport_size(PHONE)
    open_draft(page)
    form, preview = box(page, ".hb-draft__side"), box(page, "#hb-draft-preview")
    assert form["y"] + form["height"] <= preview["y"], (form, preview)
    no_horizontal_scroll(page)
    for url in ("/", "/tools/check/", "/sections/opening/"):
        page.goto(url)
        no_horizontal_scroll(page)


def test_the_choice_is_remembered_across_pages(page):
    page.goto("/")
    page.select_option("#hb-choose-genre", "personal-duty-report")
    page.select_option("#hb-choose-variant", "member")
    page.select_option("#hb-choose-year", "2023")
    assert "个人（班子成员）" in page.inner_text("#hb-choose-now")
    sample = page.get_attribute("#hb-choose-sample", "href")
    assert "samples/" in sample and sample.rstrip("/").split("/")[-1].endswith("duty")
    # One step to the draft: preselected.
    page.click("#hb-choose-draft")
    page.wait_for_function("window.HandbookDraft && document.querySelector('#hb-draft-preview p')")
    assert page.input_value("#hb-draft-genre") == "personal-duty-report"
    assert page.input_value("#hb-draft-variant") == "member"
    assert page.input_value("#hb-draft-slot-year") == "2023"
    # The checker's year.
    page.goto("/tools/check/")
    assert page.input_value("#hb-check-year") == "2023"
    # A section page: the variant tab and, inside it, the year tab; 我在写：… is said.
    page.goto("/sections/opening/")
    assert "我在写：" in page.inner_text("#hb-now")
    tpl = sections.get_section("opening")
    label = tpl.variant("member").label
    checked = page.locator(".tabbed-set:not(.tabbed-set .tabbed-set) > input:checked").first
    assert page.locator(f'label[for="{checked.get_attribute("id")}"]').first.inner_text() == label
    visible = page.locator('.hb-block--template[data-variant="member"]:visible')
    assert visible.count() == 1 and "2023" in visible.get_attribute("data-years").split()
    # Changing the year in the draft changes it everywhere.
    page.goto("/tools/draft/")
    page.wait_for_function("window.HandbookDraft")
    page.select_option("#hb-draft-slot-year", "2024")
    page.goto("/tools/check/")
    assert page.input_value("#hb-check-year") == "2024"
    assert not page.js_errors


def test_export_then_import_in_a_fresh_browser(page, browser, base_url, tmp_path):
    open_draft(page)
    page.select_option("#hb-draft-genre", "team-duty-report")
    page.fill("#hb-draft-slot-unit", "市某某局")
    page.fill("#hb-draft-slot-superior", "市委")
    page.select_option("#hb-draft-slot-year", "2024")
    with page.expect_download() as info:
        page.click("#hb-draft-export")
    path = tmp_path / "values.json"
    info.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"genre", "variant", "year", "values"}
    assert data["genre"] == "team-duty-report" and data["year"] == 2024
    assert data["values"]["unit"] == "市某某局"
    # Exactly the file `python -m macros draft --values FILE` reads.
    read = assemble.read_values_file(path)
    draft = assemble.assemble(read["genre"], read["variant"], read["year"], read["values"])
    lines = page.evaluate("window.HandbookDraft.lines()")
    assert draft.lines == lines
    context = browser.new_context(locale="zh-CN", base_url=base_url)
    try:
        fresh = context.new_page()
        fresh.goto("/tools/draft/")
        fresh.wait_for_function("window.HandbookDraft && document.querySelector('#hb-draft-preview p')")
        fresh.set_input_files("#hb-draft-import", str(path))
        fresh.wait_for_function("document.querySelector('#hb-draft-slot-unit').value === '市某某局'")
        assert fresh.input_value("#hb-draft-slot-year") == "2024"
        assert fresh.evaluate("window.HandbookDraft.lines()") == lines
        # A bad file is refused with a reason, nothing changed.
        bad = tmp_path / "bad.json"
        bad.write_text('{"genre": "team-duty-report", "values": {"nosuch": "x"}}', encoding="utf-8")
        fresh.set_input_files("#hb-draft-import", str(bad))
        fresh.wait_for_function("document.querySelector('#hb-draft-status').textContent.includes('无法导入')")
        assert fresh.input_value("#hb-draft-slot-unit") == "市某某局"
    finally:
        context.close()


def test_clear_asks_and_can_be_undone(page):
    open_draft(page)
    page.fill("#hb-draft-slot-unit", "县某某局")
    page.once("dialog", lambda d: d.dismiss())
    page.click("#hb-draft-clear")
    assert page.input_value("#hb-draft-slot-unit") == "县某某局"  # said no: nothing cleared
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    page.click("#hb-draft-clear")
    assert messages and "清空" in messages[0]
    assert page.input_value("#hb-draft-slot-unit") == ""
    page.click("#hb-draft-undo")
    assert page.input_value("#hb-draft-slot-unit") == "县某某局"
    assert "县某某局" in page.inner_text("#hb-draft-preview")
    page.reload()
    page.wait_for_function("window.HandbookDraft")
    assert page.input_value("#hb-draft-slot-unit") == "县某某局"


def test_a_second_tab_is_told_instead_of_overwritten(page):
    open_draft(page)
    page.fill("#hb-draft-slot-unit", "甲局")
    other = page.context.new_page()
    other.goto("/tools/draft/")
    other.wait_for_function("window.HandbookDraft")
    other.fill("#hb-draft-slot-unit", "乙局")
    page.wait_for_selector("#hb-draft-notice:not([hidden])")
    page.fill("#hb-draft-slot-unit", "甲局二")
    stored = json.loads(page.evaluate("localStorage.getItem('handbook-draft-v1')"))
    assert stored["values"]["unit"] == "乙局"  # this tab did not silently overwrite the other
    page.click("#hb-draft-notice button:has-text('保留本页')")
    stored = json.loads(page.evaluate("localStorage.getItem('handbook-draft-v1')"))
    assert stored["values"]["unit"] == "甲局二"
    other.close()


def test_blocked_storage_is_said(page):
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    open_draft(page)
    page.fill("#hb-draft-slot-unit", "市某某局")
    assert "没有保存" in page.inner_text("#hb-draft-notice")


def test_characters_xml_cannot_hold_are_removed_from_word_and_said(page, tmp_path):
    import docx
    open_draft(page)
    page.fill("#hb-draft-slot-unit", "市某\u0001某局")
    with page.expect_download() as info:
        page.click("#hb-draft-docx")
    info.value.save_as(tmp_path / "d.docx")
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs)
    assert "市某某局" in body
    assert "无法保存的字符" in page.inner_text("#hb-draft-status")


def test_each_variant_tab_links_its_own_existing_word_file(page, site_dir: Path):
    page.goto("/sections/opening/")
    tpl = sections.get_section("opening")
    seen = set()
    labels = page.locator("article .tabbed-set").first.locator(":scope > .tabbed-labels > label")
    assert labels.count() == len(tpl.variants)
    for i, v in enumerate(tpl.variants):
        labels.nth(i).click()
        links = page.locator("a.hb-download:visible")
        assert links.count() == 1, v.id
        href = links.first.get_attribute("href")
        url = urljoin(page.url, href)
        rel = unquote(urlparse(url).path).lstrip("/")
        assert rel.endswith(f"opening--{v.id}.docx") and (site_dir / rel).is_file(), rel
        seen.add(rel)
    assert len(seen) == len(tpl.variants)


def test_apply_a_suggestion_and_jump_into_the_text(page):
    page.goto("/tools/check/")
    page.select_option("#hb-check-year", str(calendar.load_calendar().last_year))
    page.fill("#hb-check-input", "一是抓学习。三是抓落实。全年开展１２次。")
    page.wait_for_selector(".hb-check__apply")
    # Jump: the finding's text is selected in the textarea.
    page.locator(".hb-check__edit").first.click()
    selected = page.evaluate("(() => { const t = document.getElementById('hb-check-input'); "
                             "return t.value.slice(t.selectionStart, t.selectionEnd); })()")
    assert selected in ("三是", "１２")
    assert page.locator(".hb-check__item--current").count() == 1
    # One click applies a replacement.
    page.locator('.hb-check__apply[value*="二是"]').click()
    page.wait_for_function("document.getElementById('hb-check-input').value.includes('二是抓落实')")
    page.locator('.hb-check__apply[value*="12"]').click()
    page.wait_for_function("document.getElementById('hb-check-input').value.includes('开展12次')")
    page.wait_for_function("!document.querySelector('.hb-check__apply')")
    assert not page.js_errors


def test_messages_have_no_doubled_nested_quotes(page):
    page.goto("/tools/check/")
    page.select_option("#hb-check-year", "2025")
    page.fill("#hb-check-input", "深入开展“不忘初心、牢记使命”主题教育。")
    page.wait_for_selector(".hb-check__msg")
    text = page.inner_text("#hb-check-list")
    assert "““" not in text and "””" not in text
    assert "‘不忘初心、牢记使命’" in text


def test_move_pills_are_not_indented(page):
    page.goto("/sections/opening/")
    indent = page.locator(".hb-block__body .hb-move").first.evaluate("e => getComputedStyle(e).textIndent")
    assert indent == "0px"
    deco = page.locator("a.md-button").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert deco == "none"


@pytest.mark.parametrize("url", ["/", "/sections/opening/", "/tools/draft/", "/tools/check/"])
def test_no_serious_accessibility_violation(page, url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in bad]
