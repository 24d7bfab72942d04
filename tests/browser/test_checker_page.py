"""/tools/check/ in Chromium: the same findings as Python, highlighting, keyboard, files, safety."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import docx
import pytest
import yaml

from macros.tools import checker, textio
from macros.tools import rules as check_rules

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "data"
CASES = yaml.safe_load((DATA / "check_cases.yml").read_text(encoding="utf-8"))
DRAFT = ("2024年度领导班子述责述廉报告\n全年召开党组会X次。一是加强学习。二是严明纪律。四是强化监督。\n"
         "增强政治意识、大局意识、服从意识、看齐意识,推动工作。")
XSS = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>"]


def open_checker(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/tools/check/")
    page.wait_for_function("window.HandbookChecker && window.HANDBOOK_CHECK_RULES")
    return requests


def js_check(page, text: str, year: int, rules=None):
    return page.evaluate("([t, y, r]) => window.HandbookChecker.check(t, y, r || undefined)", [text, year, rules])


def test_the_case_corpus_gives_the_same_findings_in_js_and_python(page, base_url):
    open_checker(page, base_url)
    rules = check_rules.build_rules(DATA / "check-library")
    for case in CASES:
        expected = [asdict(f) for f in checker.check(case["text"], case["year"], rules)]
        assert js_check(page, case["text"], case["year"], rules) == expected, case["name"]
    assert not page.js_errors


def test_the_page_uses_the_built_rules_of_the_real_library(page, base_url, site_dir):
    open_checker(page, base_url)
    rules = check_rules.build_rules()
    assert page.evaluate("window.HANDBOOK_CHECK_RULES") == json.loads(json.dumps(rules))
    assert json.loads((site_dir / "assets/javascripts/check-rules.json").read_text(encoding="utf-8")) == rules
    for text, year in [(DRAFT, 2024), ((DATA / "check_cases.yml").read_text(encoding="utf-8"), 2025)]:
        assert js_check(page, text, year) == [asdict(f) for f in checker.check(text, year)]


def test_findings_are_highlighted_and_reachable_by_keyboard(page, base_url):
    open_checker(page, base_url)
    page.select_option("#hb-check-year", "2024")
    page.fill("#hb-check-input", DRAFT)
    expected = checker.check(DRAFT, 2024)
    status = page.locator("#hb-check-status")
    status.filter(has_text="发现").wait_for()
    assert f"发现 {len(expected)} 处问题" in status.inner_text()
    assert page.locator("#hb-check-status").get_attribute("aria-live") == "polite"
    assert page.locator("#hb-check-list li").count() == len(expected)
    # The marked text reads exactly as the draft.
    assert page.locator("#hb-check-output").inner_text() == DRAFT
    marked = page.locator("#hb-check-output mark").all_inner_texts()
    assert "X" in marked and "四是" in marked
    page.locator("h1").click()  # leave the text box: n / p then move between findings
    page.keyboard.press("n")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == DRAFT[expected[0].start:expected[0].end]
    assert expected[0].message in page.inner_text("#hb-check-current")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.textContent") == DRAFT[expected[1].start:expected[1].end]
    page.keyboard.press("p")
    page.keyboard.press("p")  # wraps round to the last finding
    assert page.evaluate("document.activeElement.textContent") == DRAFT[expected[-1].start:expected[-1].end]
    assert page.locator("mark.hb-find--current").count() == 1
    # Clicking an entry of the list goes there too.
    page.locator("#hb-check-list button").nth(1).click()
    assert expected[1].message in page.inner_text("#hb-check-current")
    # Typing n in the text box is text, not navigation.
    page.locator("#hb-check-input").press("End")
    page.locator("#hb-check-input").type("n")
    assert page.input_value("#hb-check-input").endswith("n")
    assert not page.js_errors


def test_year_changes_the_findings(page, base_url):
    open_checker(page, base_url)
    text = "深入学习贯彻党的十九大和十九届历次全会精神。"
    page.fill("#hb-check-input", text)
    for year in (2022, 2024):
        page.select_option("#hb-check-year", str(year))
        page.wait_for_timeout(300)
        assert page.locator("#hb-check-list li").count() == len(checker.check(text, year))


def test_clean_text_reports_no_problem(page, base_url):
    open_checker(page, base_url)
    page.select_option("#hb-check-year", "2024")
    page.fill("#hb-check-input", "2024年，局党组坚持以习近平新时代中国特色社会主义思想为指导，推进各项工作。")
    page.locator("#hb-check-status").filter(has_text="未发现问题").wait_for()
    assert page.locator("#hb-check-output mark").count() == 0


def test_open_docx_and_gbk_text_in_the_browser(page, base_url, tmp_path):
    open_checker(page, base_url)
    page.on("dialog", lambda d: d.accept())  # opening a file over a draft asks first
    page.select_option("#hb-check-year", "2024")
    document = docx.Document()  # python-docx writes deflated entries: the page must inflate them
    for line in DRAFT.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "初稿.docx"
    document.save(str(path))
    page.set_input_files("#hb-check-file", str(path))
    page.wait_for_function("document.getElementById('hb-check-input').value.length > 0")
    assert page.input_value("#hb-check-input") == textio.read_text_file(path)
    page.locator("#hb-check-status").filter(has_text="发现").wait_for()
    assert page.locator("#hb-check-list li").count() == len(checker.check(DRAFT, 2024))
    gbk = tmp_path / "初稿.txt"
    gbk.write_bytes(DRAFT.replace("\n", "\r\n").encode("gbk"))
    page.set_input_files("#hb-check-file", str(gbk))
    page.wait_for_function("document.getElementById('hb-check-input').value.indexOf('\\r') === -1 && "
                           "document.getElementById('hb-check-input').value.startsWith('2024')")
    assert page.input_value("#hb-check-input") == textio.read_text_file(gbk)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    page.set_input_files("#hb-check-file", str(bad))
    page.locator("#hb-check-status").filter(has_text="无法读取").wait_for()
    assert not page.js_errors


def test_a_legacy_doc_gets_one_line_save_as_docx(page, base_url, tmp_path):
    open_checker(page, base_url)
    old = tmp_path / "旧稿.doc"  # an OLE2 compound file, as Word 97–2003 writes it
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(textio.HandbookError, match="legacy Word .doc: save it as .docx"):
        textio.read_text_file(old)
    page.set_input_files("#hb-check-file", str(old))
    status = page.locator("#hb-check-status")
    status.filter(has_text="无法读取").wait_for()
    assert "另存为 .docx" in status.inner_text() and "\n" not in status.inner_text()
    assert page.input_value("#hb-check-input") == ""
    assert not page.js_errors


def test_the_draft_survives_a_reload_and_clear_or_open_ask_first_and_undo(page, base_url, tmp_path):
    open_checker(page, base_url)
    page.fill("#hb-check-input", DRAFT)
    page.locator("#hb-check-status").filter(has_text="发现").wait_for()
    page.reload()
    page.wait_for_function("window.HandbookChecker && window.HANDBOOK_CHECK_RULES")
    assert page.input_value("#hb-check-input") == DRAFT
    assert "已恢复上次在本机输入的初稿" in page.inner_text("#hb-check-status")
    answers: list[bool] = []
    asked: list[str] = []

    def on_dialog(d):
        asked.append(d.message)
        d.accept() if answers.pop(0) else d.dismiss()
    page.on("dialog", on_dialog)
    answers.append(False)  # 清空, then "cancel": nothing changes
    page.click("#hb-check-clear")
    assert page.input_value("#hb-check-input") == DRAFT and "清空" in asked[-1]
    answers.append(True)
    page.click("#hb-check-clear")
    assert page.input_value("#hb-check-input") == ""
    page.click("#hb-check-undo")
    assert page.input_value("#hb-check-input") == DRAFT
    assert page.locator("#hb-check-undo").is_hidden()
    other = tmp_path / "另一稿.txt"
    other.write_text("2025年度述职述廉报告\n全年召开会议XX次。", encoding="utf-8")
    answers.append(False)  # 打开文件 over a draft, then "cancel"
    page.set_input_files("#hb-check-file", str(other))
    assert page.input_value("#hb-check-input") == DRAFT and "另一稿.txt" in asked[-1]
    answers.append(True)
    page.set_input_files("#hb-check-file", str(other))
    page.wait_for_function("document.getElementById('hb-check-input').value.startsWith('2025')")
    page.click("#hb-check-undo")
    assert page.input_value("#hb-check-input") == DRAFT
    page.reload()  # what is kept is the text after the undo
    page.wait_for_function("window.HandbookChecker && window.HANDBOOK_CHECK_RULES")
    assert page.input_value("#hb-check-input") == DRAFT
    assert not page.js_errors


def test_a_second_tab_is_told_and_a_full_storage_is_said(page, base_url):
    open_checker(page, base_url)
    page.fill("#hb-check-input", DRAFT)
    page.locator("#hb-check-status").filter(has_text="发现").wait_for()
    other = page.context.new_page()
    other.goto("/tools/check/")
    other.wait_for_function("window.HandbookChecker && window.HANDBOOK_CHECK_RULES")
    assert other.input_value("#hb-check-input") == DRAFT
    other.fill("#hb-check-input", "另一个标签页的初稿。")
    notice = page.locator("#hb-check-notice")
    notice.filter(has_text="另一个标签页修改了").wait_for()
    page.fill("#hb-check-input", DRAFT + "补充。")  # typing here does not overwrite the other tab's text
    page.wait_for_timeout(400)
    assert other.evaluate("localStorage.getItem('handbook-check-draft-v1')") == "另一个标签页的初稿。"
    notice.get_by_role("button", name="保留本页的文字").click()
    assert other.evaluate("localStorage.getItem('handbook-check-draft-v1')") == DRAFT + "补充。"
    other.close()
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page.reload()
    page.wait_for_function("window.HandbookChecker && window.HANDBOOK_CHECK_RULES")
    page.fill("#hb-check-input", "新的一段。")
    page.locator("#hb-check-notice").filter(has_text="没有保存刚才的文字").wait_for()
    assert not page.js_errors


def test_typed_markup_stays_text_and_nothing_leaves_the_page(page, base_url):
    requests = open_checker(page, base_url)
    # Material's search worker fetches its language files lazily after load:
    # count from the point where the page has gone quiet.
    page.wait_for_load_state("networkidle")
    loaded = len(requests)
    for payload in XSS:
        page.fill("#hb-check-input", payload + "\n全年X次")
        page.wait_for_function("t => document.getElementById('hb-check-output').textContent === t", arg=payload + "\n全年X次")
        assert page.locator("#hb-check-output mark").all_inner_texts() == ["X"]
        assert page.locator("#hb-check-output img, #hb-check-output script").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert all(u.startswith(base_url) for u in requests), requests
    assert len(requests) == loaded, requests[loaded:]  # checking sends nothing anywhere


def test_works_from_the_offline_zip(offline_page, offline_root):
    """file:// and use_directory_urls off: the page's relative script paths still resolve."""
    page = offline_page
    page.goto((offline_root / "tools" / "check.html").as_uri())
    page.fill("#hb-check-input", DRAFT)
    page.locator("#hb-check-status").filter(has_text="发现").wait_for()
    assert not page.js_errors


def test_typing_keeps_the_finding_list_unless_an_entry_changes(page, base_url):
    """A keystroke that leaves the findings as they were keeps the list's entries (the page redraws only the
    marked text: most of a keystroke's cost on a long draft); a newline before a finding changes its line and
    the list is drawn again, with the new line."""
    open_checker(page, base_url)
    page.select_option("#hb-check-year", "2024")
    page.fill("#hb-check-input", DRAFT)
    page.locator("#hb-check-status").filter(has_text="发现").wait_for()
    page.evaluate("document.querySelector('#hb-check-list li').dataset.probe = 'kept'")
    page.focus("#hb-check-input")
    page.keyboard.press("End")
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("。")
    page.wait_for_function("document.querySelector('#hb-check-output').textContent.endsWith('。')")
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelector('#hb-check-list li').dataset.probe") == "kept"
    text = DRAFT + "。"
    first = page.locator("#hb-check-list li .hb-check__where").first.inner_text()
    page.evaluate("([t]) => { const i = document.getElementById('hb-check-input'); i.value = t;"
                  " i.dispatchEvent(new Event('input')); }", ["\n" + text])
    page.wait_for_function("!document.querySelector('#hb-check-list li').dataset.probe")
    assert page.locator("#hb-check-list li .hb-check__where").first.inner_text() != first
    expected = checker.check("\n" + text, 2024)
    assert page.locator("#hb-check-list li").count() == len(expected)
    assert not page.js_errors
