"""关于加强对“一把手”和领导班子监督工作情况的汇报, assembled as the drafting tool copies it, for every year.

The 汇报 follows the three levels of the 2021《意见》 (对“一把手”、同级、对下级领导班子) plus 权力运行,
in the 党组（党委）'s voice, names the 《意见》 only from the year it was issued, and says each thing once.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.content import assemble, calendar, genres, sections, slots

GENRE = "leader-supervision-report"
YEARS = calendar.load_calendar().years
YI_JIAN = "《中共中央关于加强对“一把手”和领导班子监督的意见》"
TIAO_LI = "《中国共产党党内监督条例》"
SENTENCE_RE = re.compile(r"[^。！？；\n]+[。！？；]?")

# What each level must say, item by item (the list).
LEVELS = {
    "supervision-top-leader": ["任职谈话", "谈心谈话", "提醒谈话", "函询", "诫勉", "个人有关事项", "巡视巡察",
                               "经济责任审计", "离任审计", "述责述廉", "评议"],
    "supervision-peer": ["对班子成员的监督", "班子成员对", "向上级党组织报告", "对同级领导班子的监督",
                         "民主生活会", "带头开展批评和自我批评"],
    "supervision-lower": ["内部巡察", "列席指导下属单位领导班子民主生活会", "情况汇报", "信访举报", "“凡提四必”"],
    "power-operation": ["权力清单", "末位表态", "不直接分管财务、人事、工程项目、物资采购",
                        "重大决策、重要人事任免、重大项目安排和大额度资金运作"],
}


def _is_issued(year: int) -> bool:
    return "yi-ba-shou-jian-du-yi-jian" in sections.year_view(year).held


def _body_between(lines: tuple[str, ...], first: str, last: str) -> list[str]:
    i = next(n for n, line in enumerate(lines) if line.startswith(first))
    j = next(n for n, line in enumerate(lines) if line.startswith(last))
    return list(lines[i:j])


def test_the_skeleton_is_the_three_levels_then_power_then_accountability():
    g = genres.get_genre(GENRE)
    slugs = [item.section for item in g.items()]
    assert slugs.index("supervision-top-leader") < slugs.index("supervision-peer") \
        < slugs.index("supervision-lower") < slugs.index("power-operation") < slugs.index("accountability") \
        < slugs.index("problems") < slugs.index("next-steps") < slugs.index("closing")
    # The generic parts of a 述职 and the overview used by the other reports are not in it.
    assert not {"supervision", "primary-responsibility", "discipline"} & set(slugs)
    assert g.variants == ("supervision",) and assemble.genre_variants(g) == ["supervision"]


@pytest.mark.parametrize("year", YEARS)
def test_every_year_has_each_level_in_order_in_part_one(year):
    d = assemble.assemble(GENRE, None, year)
    part_one = _body_between(d.body_lines, "一、", "二、")
    text = "\n".join(part_one)
    headings = [line for line in part_one if re.match(r"^（[一二三四五六七八九十]+）", line)]
    own = {slug: re.sub(r"^（[一二三四五六七八九十]+）", "",
                        sections.render_variant(sections.get_section(slug), "supervision", year)[0].plain())
           for slug in LEVELS}
    found = [next(i for i, h in enumerate(headings) if h.endswith(own[slug])) for slug in LEVELS]
    assert found == sorted(found), (year, headings)  # 对“一把手” → 同级 → 对下级 → 权力运行
    for slug, needles in LEVELS.items():
        for needle in needles:
            assert needle in text, (year, slug, needle)


@pytest.mark.parametrize("year", YEARS)
def test_the_yi_jian_is_named_in_full_only_from_its_year(year):
    text = assemble.assemble(GENRE, None, year).text
    if _is_issued(year):
        assert 1 <= text.count(YI_JIAN) <= 2, year
        assert "上级“一把手”抓好下级“一把手”" in text and "同级监督" in text
    else:
        assert "《意见》" not in text and "监督的意见" not in text, year
        assert TIAO_LI in text and "党内监督的重点对象" in text, year
        assert "“一把手”抓好下级" not in text


def test_the_framing_changes_with_the_yi_jian():
    issued = [y for y in YEARS if _is_issued(y)]
    before = [y for y in YEARS if not _is_issued(y)]
    assert issued and before, "the calendar covers years on both sides of 2021"
    assert assemble.assemble(GENRE, None, before[-1]).text != assemble.assemble(GENRE, None, issued[0]).text


@pytest.mark.parametrize("year", YEARS)
def test_one_voice_the_party_group_reporting_upward(year):
    d = assemble.assemble(GENRE, None, year)
    assert "本人" not in d.text and "我作为" not in d.text
    # A 汇报 ends as a 汇报, not as a 述职报告.
    assert "以上汇报，如有不妥，请批评指正。" in d.body_lines
    assert "请予评议" not in d.text and "作出新的更大贡献" not in d.text
    assert "领导班子述责述廉报告" not in d.text


@pytest.mark.parametrize("year", YEARS)
def test_no_sentence_of_twenty_characters_twice(year):
    text = assemble.assemble(GENRE, None, year).text
    sentences = [s.strip() for s in SENTENCE_RE.findall(text)]
    counts = Counter(s for s in sentences if len(re.sub(r"【[^】]*】", "", s)) >= 20)
    assert not [s for s, n in counts.items() if n > 1], year


def test_the_counts_are_slots_a_writer_fills():
    values = {"appointment_talk_count": "7", "reminder_talk_count": "13", "inquiry_count": "4",
              "matter_check_count": "21", "econ_audit_count": "5", "duty_review_count": "9",
              "inspection_round_count": "2", "inspected_unit_count": "6", "inspection_issue_count": "44",
              "life_meeting_count": "8", "petition_count": "10", "power_item_count": "91", "major_matter_count": "57"}
    blank = assemble.assemble(GENRE, None, YEARS[-1]).text
    filled = assemble.assemble(GENRE, None, YEARS[-1], values).text
    for name, value in values.items():
        label = f"【{slots.slot_catalog()[name].label}】"
        assert label in blank and label not in filled, name
    for phrase in ("任职谈话7人次", "提醒谈话13人次", "了解核实4件", "重点查核21人", "离任审计5项", "组织9名",
                   "内部巡察2轮", "对6个下属单位", "发现问题44个", "民主生活会8次", "信访举报10件",
                   "权力清单91项", "“三重一大”事项57项"):
        assert phrase in filled, phrase
