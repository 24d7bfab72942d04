"""/tools/draft/ in Chromium: assembly from the single source, storage, copy, Word, safety."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from macros.content import calendar, genres, sections
from macros.content.slots import slot_catalog
from macros.engine import word

pytestmark = pytest.mark.browser

XSS = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>"]


def open_draft(page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/tools/draft/")
    page.wait_for_function("window.HandbookDraft && document.querySelector('#hb-draft-preview p')")
    return requests


def lines(page) -> list[str]:
    return page.evaluate("window.HandbookDraft.lines()")


def python_skeleton(slug: str) -> list[str]:
    """The genre's skeleton as the Word helper assembles it (blank slots, default year)."""
    genre = genres.get_genre(slug)
    title, byline = genres.document_title(genre)
    return [title, *([byline] if byline else []), *word.paragraph_texts(genres.skeleton_texts(genre))]


def test_blank_draft_equals_the_skeleton_of_every_genre(page):
    """Blank but for the report year, which is always chosen (the latest covered year by default)."""
    open_draft(page)
    year = str(sections.default_year())
    label = f"【{slot_catalog()['year'].label}】"
    for slug in genres.all_genres():
        page.select_option("#hb-draft-genre", slug)
        assert lines(page) == [line.replace(label, year) for line in python_skeleton(slug)], slug
    assert not page.js_errors


def test_every_variant_reads_as_the_command_prints_it(page):
    """The browser chooses each section's variant as `python -m macros draft` does (its voice)."""
    from macros.content import assemble

    open_draft(page)
    year = sections.default_year()
    for g in genres.all_genres().values():
        page.select_option("#hb-draft-genre", g.slug)
        for v in assemble.genre_variants(g):
            page.select_option("#hb-draft-variant", v)
            assert lines(page) == assemble.assemble(g.slug, v, year).lines, (g.slug, v)
    assert not page.js_errors


def test_the_year_is_a_choice_of_the_calendars_years(page):
    open_draft(page)
    box = page.locator("#hb-draft-slot-year")
    assert box.evaluate("e => e.tagName") == "SELECT"
    values = box.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert values == [str(y) for y in reversed(calendar.load_calendar().years)]
    assert box.input_value() == str(calendar.load_calendar().last_year)


def test_filled_values_and_year_drive_the_text(page):
    open_draft(page)
    page.select_option("#hb-draft-genre", "team-duty-report")
    page.fill("#hb-draft-slot-unit", "市某某局")
    page.select_option("#hb-draft-slot-year", "2024")
    text = "\n".join(lines(page))
    assert "【单位名称】" not in text and "市某某局" in text
    tpl = sections.get_section("opening")
    opening = "".join(p.plain() for p in sections.render_for_tool(tpl, "team", 2024))
    year_words = re.sub(r"【[^】]*】", "", opening)
    # The 2024 opening (its year-specific wording) is in the draft.
    first_sentence_tail = year_words.split("，")[3]
    assert first_sentence_tail in text
    assert page.locator("#hb-draft-preview mark.hb-fill", has_text="市某某局").count() >= 1
    # Labels, hints and examples come from templates/slots.yml.
    slot = slot_catalog()["superior"]
    assert page.locator("label[for=hb-draft-slot-superior]").inner_text() == slot.label
    assert page.locator("#hb-draft-slot-superior-hint").inner_text() == slot.hint
    assert page.get_attribute("#hb-draft-slot-superior", "placeholder") == f"例：{slot.example}"


def test_values_survive_a_reload_and_one_button_clears_them(page):
    open_draft(page)
    page.select_option("#hb-draft-genre", "personal-duty-report")
    page.fill("#hb-draft-slot-unit", "县某某局")
    page.reload()
    page.wait_for_function("window.HandbookDraft")
    assert page.input_value("#hb-draft-genre") == "personal-duty-report"
    assert page.input_value("#hb-draft-slot-unit") == "县某某局"
    page.once("dialog", lambda d: d.accept())  # 清空 asks first (test_workflow.py: declining, 撤销)
    page.click("#hb-draft-clear")
    assert page.input_value("#hb-draft-slot-unit") == ""
    assert page.evaluate("localStorage.getItem('handbook-draft-v1')") in (None, "")
    page.reload()
    page.wait_for_function("window.HandbookDraft")
    assert page.input_value("#hb-draft-slot-unit") == ""


def test_drop_and_reorder_optional_sections(page):
    open_draft(page)
    page.select_option("#hb-draft-genre", "team-duty-report")
    genre = genres.get_genre("team-duty-report")
    optional = next(i for i in genre.items() if not i.required and i.section in sections.all_sections())
    before = lines(page)
    assert page.locator(f"#hb-draft-use-{optional.section}").is_enabled()
    required = next(i for i in genre.items() if i.required and i.section != "title")
    assert page.locator(f"#hb-draft-use-{required.section}").is_disabled()
    page.uncheck(f"#hb-draft-use-{optional.section}")
    after = lines(page)
    assert len(after) < len(before)
    assert page.locator(f'#hb-draft-preview [data-section="{optional.section}"]').count() == 0
    # Second-level numbers stay consecutive inside each part.
    numbers = [m.group(1) for t in after for m in [re.match(r"^（([一二三四五六七八九十]+)）", t)] if m]
    runs = "".join(numbers)
    assert "一二三" in runs and "二四" not in runs and "三五" not in runs
    # Sections move within their part (here the first part with several sections).
    part = next(p for p in genre.skeleton if len(p.items) > 1)
    first, second = part.items[0].section, part.items[1].section
    page.click(f'button[aria-label="下移“{part.items[0].title}”"]')
    blocks2 = page.eval_on_selector_all("#hb-draft-preview [data-section]", "els => els.map(e => e.dataset.section)")
    assert blocks2.index(second) + 1 == blocks2.index(first)
    assert "（一）" in page.inner_text(f'#hb-draft-preview [data-section="{second}"]')
    page.reload()
    page.wait_for_function("window.HandbookDraft")
    assert page.eval_on_selector_all("#hb-draft-preview [data-section]", "els => els.map(e => e.dataset.section)") == blocks2


def test_copy_whole_draft_and_one_section(page):
    open_draft(page)
    page.fill("#hb-draft-slot-unit", "市某某局")
    page.click("#hb-draft-copy")
    page.locator("#hb-draft-copy", has_text="已复制").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "\n".join(lines(page))
    block = page.locator('#hb-draft-preview [data-section="opening"]')
    block.locator("button.hb-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    # The block's first paragraph without its inline writing instructions (never copied).
    shown = block.locator("p:not(.hb-hint)").first.evaluate(
        "p => { const c = p.cloneNode(true); c.querySelectorAll('.hb-hint').forEach(h => h.remove()); return c.textContent.trim(); }")
    assert copied.split("\n")[0] == shown
    assert "提示" not in copied and "市某某局" in copied


def test_word_download_has_the_build_format(page, tmp_path):
    open_draft(page)
    page.select_option("#hb-draft-genre", "personal-duty-report")
    page.fill("#hb-draft-slot-unit", "县某某局 & <办公室>")
    with page.expect_download() as info:
        page.click("#hb-draft-docx")
    path = tmp_path / "draft.docx"
    info.value.save_as(path)
    expected_lines = lines(page)
    doc = docx.Document(str(path))
    assert [p.text for p in doc.paragraphs] == expected_lines
    # Same parts and the same XML as the Python writer for the same text.
    title, *rest = expected_lines
    genre = genres.get_genre("personal-duty-report")
    n_byline = len([p for p in genres.section_paragraphs(genre, "title") or [] if not p.is_instruction]) - 1
    ours = zipfile.ZipFile(path)
    theirs = zipfile.ZipFile(io.BytesIO(word.document_bytes(title, rest[n_byline:], byline="\n".join(rest[:n_byline]))))
    assert ours.namelist() == theirs.namelist()
    for name in theirs.namelist():
        assert ours.read(name) == theirs.read(name), name
    assert ours.testzip() is None


def test_typed_markup_stays_text_everywhere_and_nothing_leaves(page, tmp_path):
    requests = open_draft(page)
    loaded = len(requests)
    fields = page.locator("#hb-draft-fields input")
    for i in range(fields.count()):
        fields.nth(i).fill(XSS[i % 2])
    page.wait_for_timeout(200)
    text = page.inner_text("#hb-draft-preview")
    assert XSS[0] in text and XSS[1] in text
    assert page.locator("#hb-draft-preview img, #hb-draft-preview script").count() == 0
    page.click("#hb-draft-copy")
    with page.expect_download() as info:
        page.click("#hb-draft-docx")
    info.value.save_as(tmp_path / "x.docx")
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "x.docx")).paragraphs)
    assert XSS[1] in body
    page.reload()
    page.wait_for_function("window.HandbookDraft")
    assert page.evaluate("window.__pwned") is None
    assert all(u.startswith(page.url.split("/tools/")[0]) or u.startswith("blob:") for u in requests), requests
    assert not [u for u in requests[loaded:] if not u.startswith("blob:") and "/tools/draft/" not in u
                and "/assets/" not in u and "search" not in u]
    assert not page.js_errors


def test_works_from_the_offline_zip(offline_page, offline_root):
    page = offline_page
    page.goto((offline_root / "tools" / "draft.html").as_uri())
    page.wait_for_function("window.HandbookDraft && window.HANDBOOK_WORD_KIT")
    page.fill("#hb-draft-slot-unit", "市某某局")
    assert "市某某局" in page.inner_text("#hb-draft-preview")
    assert not page.js_errors
