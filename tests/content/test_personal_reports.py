"""The two personal reports (述职述廉 and 德能勤绩廉), assembled as the drafting tool copies them:
every covered year and voice has the 中央八项规定 part and each item a 廉政 review asks,
in one voice, saying each thing once."""
from __future__ import annotations

import collections
import re

import pytest

from macros.content import assemble, calendar, genres, sections
from macros.engine import render

CALENDAR = calendar.load_calendar()
YEARS = CALENDAR.years
GENRES = ("personal-duty-report", "personal-appraisal-report")
CASES = [(g, v, y) for g in GENRES for v in ("individual", "member") for y in YEARS]

# The items a 廉政 review asks one by one (有无), each as the words a reviewer looks for.
INTEGRITY_ITEMS = {
    "亲属经商办企业和从业": ("配偶、子女及其配偶", "经商办企业", "从业"),
    "兼职取酬": ("兼职", "报酬"),
    "收受礼品礼金": ("礼品、礼金",),
    "婚丧喜庆事宜": ("婚丧喜庆",),
    "住房、办公用房、公务用车": ("住房", "办公用房", "公务用车"),
    "个人有关事项": ("如实报告", "个人有关事项"),
}
BUSINESS_RULE = "《领导干部配偶、子女及其配偶经商办企业管理规定》"
BUSINESS_RULE_YEAR = CALENDAR.event("jing-shang-ban-qi-gui-ding").start.year  # 2022
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
CLAUSE = re.compile(r"[^，；。：！？]+")
SENTENCE = re.compile(r"[^。；！？]+")


@pytest.fixture(scope="module")
def drafts() -> dict[tuple[str, str, int], assemble.Draft]:
    return {case: assemble.assemble(*case) for case in CASES}


def _own_heading(slug: str, voice: str, year: int) -> str:
    """The section's heading text without its number, as the template writes it for this voice."""
    tpl = sections.get_section(slug)
    genre = genres.get_genre("personal-duty-report")
    paras = sections.render_for_tool(tpl, genres.section_variant(genre, tpl, voice), year)
    first = next(p.plain() for p in paras if not p.is_instruction)
    assert HEADING.match(first), (slug, first)
    return HEADING.sub("", first)


@pytest.mark.parametrize(("genre", "voice", "year"), CASES)
def test_the_eight_rules_part_and_every_integrity_item_are_there(drafts, genre, voice, year):
    d = drafts[genre, voice, year]
    headings = [line for line in d.body_lines if HEADING.match(line)]
    # The 八项规定 section keeps its own heading (its part has two sections), under a part that names it.
    assert any(h.endswith(_own_heading("eight-rules", voice, year)) for h in headings), headings
    assert any(h.startswith(tuple("一二三四五六七八九十")) and "中央八项规定精神" in h for h in headings), headings
    body = "\n".join(d.body_lines)
    for item, words in INTEGRITY_ITEMS.items():
        # Each item in one paragraph of its own words, not scattered over the report.
        assert any(all(w in line for w in words) for line in d.body_lines), (item, genre, voice, year)
    assert "没有收受可能影响公正执行公务的礼品、礼金、消费卡" in body


@pytest.mark.parametrize(("genre", "voice", "year"), CASES)
def test_one_voice(drafts, genre, voice, year):
    """A 班子成员 is never the 第一责任人 himself; a 主要负责人 has no 分管领域 of his own."""
    d = drafts[genre, voice, year]
    for line in d.body_lines:
        for clause in CLAUSE.findall(line):
            if voice == "member" and "第一责任人" in clause:
                assert re.search("主要负责人|书记", clause), (genre, year, clause)
            if voice == "individual" and "分管" in clause:
                assert "班子成员" in clause, (genre, year, clause)
    if voice == "member":
        assert "“一岗双责”" in d.text or "分管" in d.text
        assert "末位表态" not in d.text and "“三公”经费" not in d.text
    else:
        assert "第一责任人" in d.text


@pytest.mark.parametrize(("genre", "voice", "year"), CASES)
def test_no_sentence_of_twenty_characters_is_printed_twice(drafts, genre, voice, year):
    d = drafts[genre, voice, year]
    counts = collections.Counter(s.strip() for line in d.body_lines for s in SENTENCE.findall(line)
                                 if len(s.strip()) >= 20)
    assert not [s for s, n in counts.items() if n > 1], (genre, voice, year)


@pytest.mark.parametrize(("genre", "voice", "year"), CASES)
def test_the_eight_rules_part_refers_to_the_campaign_named_earlier(drafts, genre, voice, year):
    """The 八项规定 section does not repeat the campaign's full name; an earlier part must have said it."""
    text = drafts[genre, voice, year].text
    campaign = CALENDAR.event("campaign-2025-ba-xiang-gui-ding").name
    start = text.index(_own_heading("eight-rules", voice, year))
    own = text[start:text.index("\n", text.index("\n", start) + 1)]  # its heading and first paragraph
    assert campaign not in own
    if "学习教育" in own:
        assert campaign in text[:start], (genre, voice, year)


@pytest.mark.parametrize(("genre", "voice", "year"), CASES)
def test_the_2022_rule_is_named_only_from_its_year(drafts, genre, voice, year):
    text = drafts[genre, voice, year].text
    assert (BUSINESS_RULE in text) == (year >= BUSINESS_RULE_YEAR), (genre, voice, year)
    # Before it, the same item is still asked, without the document's name.
    assert "领导干部配偶、子女及其配偶经商办企业" in text


def test_rule_of_law_speaks_for_the_writer():
    """述法: the 主要负责人 is 法治建设第一责任人, a 班子成员 answers for his 分管领域."""
    tpl = sections.get_section("rule-of-law")
    for year in YEARS:
        own = render.to_plain(sections.render_variant(tpl, "individual", year))
        member = render.to_plain(sections.render_variant(tpl, "member", year))
        assert "履行推进法治建设第一责任人职责" in own and "分管" not in own
        assert "第一责任人" not in member and "分管" in member
        # 习近平法治思想 was named at the 中央全面依法治国工作会议 of November 2020.
        assert ("习近平法治思想" in own) == (year >= 2020), year


def test_the_title_names_the_forms_a_notice_asks_for():
    tpl = sections.get_section("title")
    hints = " ".join(s.text for p in sections.render_variant(tpl, "individual") for s in p.segments
                     if s.kind == "hint")
    for form in ("述职述廉报告", "述责述廉报告", "述职述责述廉报告"):
        assert form in hints, form
    for genre in GENRES:
        title, byline = genres.document_title(genres.get_genre(genre))
        assert title.endswith("年度述职述廉报告") and "【本人职务】" in byline, genre


def test_the_appraisal_report_follows_de_neng_qin_ji_lian():
    g = genres.get_genre("personal-appraisal-report")
    parts = [p.heading for p in g.skeleton if p.heading]
    assert [h[0] for h in parts[:5]] == list("德能勤绩廉"), parts
    assert [i.section for p in g.skeleton[2:7] for i in p.items] == [
        "political-building", "ability", "diligence", "main-business", "eight-rules", "personal-integrity"]
    rule_of_law = next(i for i in genres.get_genre("personal-duty-report").items() if i.section == "rule-of-law")
    assert not rule_of_law.required and "第一责任人" in rule_of_law.note and "分管领域" in rule_of_law.note
