"""/tools/update/ in Chromium: the same changes as `python -m macros update`, the same marked .docx,
accept or reject each change, and nothing leaves the browser."""
from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from macros.pages import downloads
from macros.tools import textio, update

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"
EXPECTED = yaml.safe_load((DATA / "update" / "expected.yml").read_text(encoding="utf-8"))
# Texts that are not samples: years in 下一步, a report without its year in the title, odd lines.
TEXTS = [
    ("2024年度个人述职述廉报告\n\u3000\u30002024年，本人认真学习党的二十大和二十届二中全会精神，参加会议12次。\n"
     "一、存在的问题\n（一）理论学习不够深入。\n二、下一步打算\n2025年，本人将继续学习，2024年的不足逐项整改。", 2025, {}),
    ("关于2021年度履行全面从严治党主体责任情况的报告\n一、主要工作\n全年召开党组会议24次，谈心谈话86人次。"
     "深入开展党史学习教育，迎接党的二十大胜利召开。\n二、下一步\n2022年，以迎接党的二十大胜利召开为主线。", 2023, {}),
    ("述职报告\n今年以来，认真贯彻党的十九届五中全会精神，召开会议3次。\n2020年工作很多，2020年度考核优秀。", 2022,
     {"from": 2020, "genre": "team-duty-report"}),
]


def open_tool(page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/tools/update/")
    page.wait_for_function("window.HandbookUpdate && window.HANDBOOK_UPDATE_DATA && window.HANDBOOK_CHECK_RULES")
    return requests


def sample_docx(slug: str, folder: Path) -> Path:
    path = folder / f"{slug}.docx"
    path.write_bytes(downloads.planned()[f"downloads/samples/{slug}.docx"].build())
    return path


def js_update(page, text: str, to: int, opts: dict) -> dict:
    return page.evaluate("([t, y, o]) => { const r = window.HandbookUpdate.update(t, y, o); delete r.text; return r; }",
                         [text, to, opts])


def js_docx_xml(page, text: str, to: int, opts: dict) -> str:
    b64 = page.evaluate("""async ([t, y, o]) => {
        const blob = window.HandbookUpdate.docx(window.HandbookUpdate.update(t, y, o), {});
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = ""; for (const b of bytes) s += String.fromCharCode(b); return btoa(s);
    }""", [text, to, opts])
    return zipfile.ZipFile(io.BytesIO(base64.b64decode(b64))).read("word/document.xml").decode("utf-8")


def python_side(text: str, to: int, opts: dict) -> tuple[dict, str]:
    u = update.update_text(text, to, from_year=opts.get("from"), genre=opts.get("genre"))
    xml = zipfile.ZipFile(io.BytesIO(update.updated_docx(u))).read("word/document.xml").decode("utf-8")
    return u.as_dict(), xml


def test_the_browser_and_the_command_give_the_same_changes_and_the_same_docx(page, base_url, tmp_path):
    open_tool(page)
    cases = [(textio.read_text_file(sample_docx(slug, tmp_path)), to, {})
             for slug, e in EXPECTED.items() for to in e["to"]]
    cases += TEXTS
    assert len(cases) >= 13
    for text, to, opts in cases:
        want, xml = python_side(text, to, opts)
        got = js_update(page, text, to, opts)
        assert got == want, text[:30]
        assert js_docx_xml(page, text, to, opts) == xml, text[:30]
        assert any(c["kind"] == "year" for c in want["changes"])  # every case moves a year: the comparison bites
    assert not page.js_errors


def test_bad_choices_are_one_line_in_the_page_as_in_the_command(page, base_url):
    open_tool(page)
    text = "2024年度述职报告\n全年开展工作。"
    for to, opts, word in [(2024, {}, "晚于"), (1990, {}, "年度应在"), (2025, {"genre": "nope"}, "报告类型")]:
        message = page.evaluate("([t, y, o]) => { try { window.HandbookUpdate.update(t, y, o); return null; }"
                                " catch (e) { return e.message; } }", [text, to, opts])
        assert message and word in message and "\n" not in message
        with pytest.raises(update.HandbookError):
            update.update_text(text, to, genre=opts.get("genre"))


def test_open_review_reject_and_download_the_marked_docx(page, base_url, tmp_path):
    requests = open_tool(page)
    slug = "2023-finance-head-duty"
    page.select_option("#hb-update-to", "2024")
    page.set_input_files("#hb-update-file", str(sample_docx(slug, tmp_path)))
    status = page.locator("#hb-update-status")
    status.filter(has_text="处需要改动").wait_for()
    result = page.evaluate("window.HandbookUpdate.page.result()")
    spirit = [i for i, c in enumerate(result["changes"]) if c["kind"] == "spirit"]
    years = [i for i, c in enumerate(result["changes"]) if c["kind"] == "year"]
    assert spirit and years
    assert page.locator("#hb-update-doc mark").count() >= len(result["changes"]) - 1
    assert page.locator("#hb-update-parts li").count() == len(result["parts"])
    assert page.locator("#hb-update-missing li a").count() == len(result["missing"])
    assert page.locator("#hb-update-missing li a").first.get_attribute("href").startswith("../../sections/")
    # Reject the spirit replacement: the download keeps the old wording, takes the new year.
    page.locator(f'[data-accept="{spirit[0]}"]').uncheck()
    assert page.locator(f'#hb-update-doc mark[data-change="{spirit[0]}"]').get_attribute("class").endswith("rejected")
    with page.expect_download() as info:
        page.click("#hb-update-download")
    path = tmp_path / "out.docx"
    info.value.save_as(str(path))
    assert info.value.suggested_filename.endswith("（2024年度更新稿）.docx")
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    old_spirit = result["changes"][spirit[0]]["old"]
    assert old_spirit in text and result["changes"][spirit[0]]["new"] not in text
    assert "2024年" in text and "2023年度" not in text
    marked = [r.text for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert marked and old_spirit not in "".join(marked)
    assert document.paragraphs[0].style.name == "公文标题"
    # Nothing leaves the browser: every request is the local site.
    assert all(r.startswith(base_url) or r.startswith("blob:") or r.startswith("data:") for r in requests), requests
    assert not page.js_errors
