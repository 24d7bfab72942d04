"""The 领导班子述责述廉报告 and the 书记履行全面从严治党主体责任情况报告, assembled as the drafting tool
copies them (macros.content.assemble): every covered year and voice holds the parts a notice asks
for (述廉, 监督, 内部巡察, 问责和执纪, 上年度问题整改; 抓班子带队伍, 支持纪检监察机构), each in the
writer's own voice, and no sentence is printed twice."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.content import assemble, calendar, genres, sections
from macros.content import slots as slot_data

YEARS = calendar.load_calendar().years
TEAM = "team-duty-report"
SECRETARY = "secretary-responsibility-report"
# The sections issue 12 adds to each skeleton.
NEW = {
    TEAM: ["supervision", "team-integrity", "internal-inspection", "accountability", "rectification"],
    SECRETARY: ["leading-team", "support-discipline", "accountability", "internal-inspection", "rectification"],
}
# Wording only these parts bring, per genre (a part that went missing loses it).
NEEDLES = {
    TEAM: ["廉洁自律和接受监督情况", "上年度问题整改情况", "配偶、子女及其配偶", "内部巡察", "问责",
           "立案", "整改完成率", "上年度民主生活会", "述责述廉评议"],
    SECRETARY: ["强化监督执纪问责情况", "上年度问题整改情况", "巡察工作第一责任人", "整改第一责任人",
                "支持依规依纪依法查办", "听取", "下级“一把手”", "“一岗双责”", "纪检监察建议", "整改完成率"],
}
# The example set whose values fill each voice's draft (the sets are fictional units).
FILLED = {"team": "city-finance-2025", "secretary": "city-transport-2023", "individual": "county-audit-2022"}

# A 书记 chairs these meetings: “参加党组会议”“参加【党组织类别】会议”“参加年度民主生活会” are another writer's words.
ATTENDS_OWN_MEETING = re.compile(r"参加[^，。；、]{0,8}?(?:党组|党委|【党组织类别】)(?:会议|会)|参加[^，。；、]{0,8}?民主生活会")
SENTENCE_END = re.compile(r"[。！？；\n]")


def _cases():
    for slug in (TEAM, SECRETARY):
        for voice in assemble.genre_variants(genres.get_genre(slug)):
            for year in YEARS:
                yield slug, voice, year


def _values(voice: str) -> dict[str, str]:
    values = slot_data.example_sets()[FILLED[voice]].values
    return {k: str(v) for k, v in values.items() if k not in ("year", "next_year")}


def _drafts(slug: str, voice: str, year: int) -> list[tuple[assemble.Draft, dict[str, str]]]:
    """The blank draft and the draft filled with a fictional unit's values, each with its values."""
    out = []
    for values in ({}, _values(voice)):
        draft = assemble.assemble(slug, voice, year, values)
        out.append((draft, {**values, "year": str(year)}))
    return out


def test_the_skeletons_hold_the_new_sections_in_their_parts():
    team = genres.get_genre(TEAM)
    secretary = genres.get_genre(SECRETARY)
    assert [p.heading for p in team.skeleton if p.heading] == [
        "履职尽责情况", "廉洁自律和接受监督情况", "上年度问题整改情况", "存在的问题及原因", "下一步工作打算"]
    assert [p.heading for p in secretary.skeleton if p.heading] == [
        "履行第一责任人职责情况", "强化监督执纪问责情况", "本人廉洁自律情况", "上年度问题整改情况",
        "存在的问题及原因", "下一步工作打算"]
    for g in (team, secretary):
        slugs = [i.section for i in g.items()]
        assert set(NEW[g.slug]) <= set(slugs), g.slug
        assert slugs.index("rectification") < slugs.index("problems"), g.slug
        assert all(len(p.items) <= 10 for p in g.skeleton), g.slug  # （一）…（十）: NUMERALS stop at 十


@pytest.mark.parametrize("slug, voice, year", list(_cases()))
def test_draft_holds_every_new_part_in_its_voice_and_says_each_sentence_once(slug, voice, year):
    templates = sections.all_sections()
    g = genres.get_genre(slug)
    for draft, values in _drafts(slug, voice, year):
        text = draft.text
        lines = set(draft.body_lines)
        # Every body paragraph of every new section is in the draft, as the section renders it.
        for section in NEW[slug]:
            tpl = templates[section]
            variant = genres.section_variant(g, tpl, voice)
            own = assemble._lines(assemble._segments(sections.render_for_tool(tpl, variant, year)), values)
            body = own[1:]  # the first line is the section's heading, renumbered or dropped in the draft
            assert body, (section, voice, year)
            missing = [line for line in body if line not in lines]
            assert not missing, (section, voice, year, missing[:1])
        for needle in NEEDLES[slug]:
            assert needle in text, (slug, voice, year, needle)

        if slug == TEAM:
            assert "本人" not in text, (voice, year, [ln for ln in draft.lines if "本人" in ln][:1])
        else:
            assert "分管领域" not in text, (voice, year, [ln for ln in draft.lines if "分管领域" in ln][:1])
            found = ATTENDS_OWN_MEETING.search(text)
            assert not found, (voice, year, found and text[max(0, found.start() - 20):found.end() + 10])

        sentences = [s.strip() for s in SENTENCE_END.split(text)]
        twice = [s for s, n in Counter(s for s in sentences if len(s) >= 20).items() if n > 1]
        assert not twice, (slug, voice, year, twice[:2])


def test_the_voice_rules_catch_the_wordings_they_are_for():
    for bad in ("全年参加党组会议24次", "全年参加【党组织类别】会议【党组会议次数】次", "参加年度民主生活会",
                "参加局党组民主生活会"):
        assert ATTENDS_OWN_MEETING.search(bad), bad
    for fine in ("主持召开党组会议", "以普通党员身份参加所在党支部组织生活", "带头参加和组织警示教育",
                 "参加党组理论学习中心组集体学习", "列席下属单位民主生活会"):
        assert not ATTENDS_OWN_MEETING.search(fine), fine
    sentences = SENTENCE_END.split("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉；短句。短句。")
    assert [s for s, n in Counter(s for s in sentences if len(s) >= 20).items() if n > 1] == [
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"]


@pytest.mark.parametrize("section, voice, words", [
    ("leading-team", "secretary", ["本人", "班子成员", "下级“一把手”", "任职谈话", "提醒谈话", "主持"]),
    ("support-discipline", "secretary", ["本人", "听取", "纪检监察建议", "支持"]),
    ("support-discipline", "team", ["党组", "听取", "纪检监察建议"]),
    ("accountability", "secretary", ["本人主持", "问责", "立案", "处分", "支持依规依纪依法查办"]),
    ("accountability", "team", ["问责", "立案", "处分"]),
    ("accountability", "supervision", ["下级“一把手”", "问责"]),
    ("internal-inspection", "secretary", ["巡察工作第一责任人", "本人主持", "整改第一责任人"]),
    ("internal-inspection", "team", ["巡察", "移交问题线索", "整改到位"]),
    ("team-integrity", "team", ["班子成员", "礼品礼金", "兼职取酬", "婚丧喜庆", "办公用房", "公务用车", "接受民主测评"]),
    ("rectification", "team", ["领导班子", "上年度民主生活会", "述责述廉评议", "整改完成率", "建章立制"]),
    ("rectification", "secretary", ["本人主持召开的上年度民主生活会", "整改第一责任人", "整改完成率"]),
    ("rectification", "individual", ["本人", "整改第一责任人", "整改完成率"]),
    ("rectification", "member", ["本人", "“一岗双责”", "分管", "牵头整改"]),
])
def test_each_variant_speaks_as_its_writer(section, voice, words):
    tpl = sections.get_section(section)
    for year in YEARS:
        text = "".join(p.plain() for p in sections.render_variant(tpl, voice, year) if not p.is_instruction)
        for word in words:
            assert word in text, (section, voice, year, word)
        if voice in ("team", "supervision"):
            assert "本人" not in text, (section, voice, year)
        if voice in ("secretary", "individual"):
            assert "分管领域" not in text and not ATTENDS_OWN_MEETING.search(text), (section, voice, year)
        if voice == "member":
            assert "第一责任人" not in text, (section, voice, year)


def test_the_2022_rule_on_relatives_in_business_is_named_only_from_2022():
    tpl = sections.get_section("team-integrity")
    cal = calendar.load_calendar()
    start = next(e for e in cal.events("document") if e.id == "jing-shang-ban-qi-gui-ding").start.year
    for year in YEARS:
        text = "".join(p.plain() for p in sections.render_variant(tpl, "team", year))
        named = "《领导干部配偶、子女及其配偶经商办企业管理规定》" in text
        assert named == (year >= start), year
        assert "配偶、子女" in text, year
