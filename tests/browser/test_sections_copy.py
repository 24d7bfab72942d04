"""A section page in Chromium: copy buttons put exactly their plain text on the clipboard."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.engine import render

pytestmark = pytest.mark.browser


def _copy(page, block):
    button = block.locator("button.hb-copy")
    expected = button.get_attribute("data-copy")
    button.click()
    expect(button).to_have_text("已复制")  # set once the clipboard write resolves
    return expected, page.evaluate("navigator.clipboard.readText()")


def test_copy_a_filled_example_from_a_section_page(page):
    page.goto("/sections/problems/")
    block = page.locator(".hb-block--example").first
    expected, copied = _copy(page, block)
    assert copied == expected
    lines = copied.split("\n")
    assert lines[0] == "二、存在的问题和不足"  # the heading stays its own paragraph
    assert len(lines) == block.locator(".hb-block__body p").count() >= 5
    assert "，" in copied and "。" in copied and "：" in copied and "“" in copied  # Chinese punctuation intact
    assert "," not in copied and ":" not in copied
    assert "【" not in copied and "】" not in copied
    assert not render.INVISIBLE_RE.search(copied) and "\r" not in copied
    assert "提示" not in copied and "比如，" in copied
    assert not page.js_errors


def test_copy_a_blank_template_keeps_slots_and_drops_instructions(page):
    page.goto("/sections/political-building/")
    block = page.locator(".hb-block--template").first
    expected, copied = _copy(page, block)
    assert copied == expected
    assert re.search(r"【[^】]+】", copied)
    hints = block.locator(".hb-hint").all_inner_texts()
    assert hints and not any(h.replace("提示", "").strip() in copied for h in hints)
    assert "习近平新时代中国特色社会主义思想" in copied


def test_variant_tabs_switch_and_copy_their_own_text(page):
    page.goto("/sections/primary-responsibility/")
    tab = page.locator(".tabbed-labels label", has_text="班子成员").first
    tab.click()
    block = page.locator(".hb-block--template:visible").first
    expect(block.locator(".hb-block__caption")).to_have_text(re.compile(r"^模板 · .*班子成员.* · 2019—2026年度通用$"))
    expected, copied = _copy(page, block)
    assert copied == expected and "“一岗双责”" in copied and "第一责任人" not in copied


def test_year_switch_shows_the_latest_year_first_and_copies_the_chosen_year(page):
    page.goto("/sections/political-building/")  # its wording differs in every report year
    latest = page.locator(".hb-block--template:visible").first
    expect(latest.locator(".hb-block__caption")).to_have_text("模板 · 领导班子 · 按2026年度的提法")
    page.locator(".tabbed-labels label", has_text="2019年度").first.click()
    block = page.locator(".hb-block--template:visible").first
    expect(block.locator(".hb-block__caption")).to_have_text("模板 · 领导班子 · 按2019年度的提法")
    expected, copied = _copy(page, block)
    assert copied == expected and "“不忘初心、牢记使命”主题教育" in copied
    assert "二十大" not in copied and "政绩观" not in copied
    assert not page.js_errors
