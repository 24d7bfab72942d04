"""Each variant speaks in one voice: an assembled draft has no marker of another writer.

The writer is the genre's variant (genres.VOICES): the 领导班子 (team, supervision) says
“我们”, never 本人; the 主要负责人 (individual) and the 书记 (secretary) are 第一责任人 and
have no 分管领域 of their own; a 班子成员 (member) has 分管领域 and “一岗双责”, and is never
第一责任人 himself; the 书记 chairs (主持) the 党组会 and the 民主生活会, so he never 参加 them,
and, speaking last (末位表态), does not 充分发表意见 himself.

A marker is checked clause by clause (，；。 …): a clause about others (督促班子成员…,
班子成员…) may name their duties; the rule is about what the writer says of himself.
"""
from __future__ import annotations

import re

import pytest

from macros.content import assemble, genres, sections, slots

CASES = [(e["genre"], v, y) for e in assemble.catalog() for v in e["variants"] for y in e["years"]]
CLAUSE_RE = re.compile(r"[^，。；！？：\n]+")

# Clauses that speak of others, not of the writer: they may name others' duties.
ABOUT_OTHERS = re.compile(r"班子成员|班子其他成员|副职|督促|各级|下级|下属|所属|主要负责人|"
                          r"“一把手”|书记|不直接分管|其他|各分管|分管领导|每位|每名")

# voice → [(name, marker, exempt when the clause is about others)]
_PERSONAL = [("集体的“我们”", re.compile(r"我们"), False)]
_FIRST = ("履行第一责任人职责", re.compile(r"第一责任人"), True)
_OWN_AREA = ("本人的分管领域", re.compile(r"分管(?:领域|的|工作|科室|单位|范围|业务)"), True)
_OWN_DUTY = ("本人的“一岗双责”", re.compile(r"“一岗双责”"), True)
# 本人 as the writer; “为本人和特定关系人谋取利益” (for themselves) is the 廉洁 rules' own wording.
_SELF = re.compile(r"本人(?!和特定关系人|及其)")
MARKERS: dict[str, list[tuple[str, re.Pattern[str], bool]]] = {
    "team": [("本人", _SELF, False),
             ("第一人称“我”", re.compile(r"(?<!自)我(?![们国省市县区局委厅办院部司处镇乡]|为群众)"), False)],
    "supervision": [("本人", _SELF, False),
                    ("第一人称“我”", re.compile(r"(?<!自)我(?![们国省市县区局委厅办院部司处镇乡]|为群众)"), False)],
    "member": [*_PERSONAL, _FIRST,
               ("末位表态（主要负责人的）", re.compile(r"末位表态"), False),
               ("主持党组（党委）会议", re.compile(r"主持(?:召开)?(?:党组|党委)(?:会议|理论学习中心组|民主生活会)"), False),
               ("单位的“三公”经费", re.compile(r"“三公”经费"), False)],
    "individual": [*_PERSONAL, _OWN_AREA, _OWN_DUTY,
                   ("本人充分发表意见（主要负责人末位表态）", re.compile(r"充分发表意见"), True)],
    "secretary": [*_PERSONAL, _OWN_AREA, _OWN_DUTY,
                  ("本人充分发表意见（书记末位表态）", re.compile(r"充分发表意见"), True),
                  ("参加自己主持的会议",
                   re.compile(r"参加(?:了)?(?:党组|党委)(?:会议|理论学习中心组)|参加.{0,6}民主生活会"), False)],
}


def example_values() -> dict[str, str]:
    """Every slot filled with its example (党组, 12 …): markers read the words, not 【党组织类别】."""
    out = {}
    for s in slots.slot_catalog().values():
        value = str(s.example).strip()
        if value and "\n" not in value and s.name != "year":
            out[s.name] = value
    return out


def voice_findings(text: str, voice: str) -> list[str]:
    out = []
    for clause in CLAUSE_RE.findall(text):
        for name, marker, exempt in MARKERS[voice]:
            if marker.search(clause) and not (exempt and ABOUT_OTHERS.search(clause)):
                out.append(f"{name}: {clause.strip()}")
    return out


def test_every_voice_has_markers_and_every_variant_is_a_voice():
    assert set(MARKERS) == set(genres.VOICES)
    assert {v for _, v, _ in CASES} <= set(genres.VOICES)


@pytest.mark.parametrize(("genre", "variant", "year"), CASES)
def test_a_draft_speaks_in_its_writers_voice(genre, variant, year):
    found = voice_findings(assemble.assemble(genre, variant, year, example_values()).text, variant)
    assert not found, (genre, variant, year, found[:5])


def test_the_markers_can_fail():
    """Each known mix is caught, and what a writer may say of others is not."""
    assert voice_findings("认真履行“一岗双责”，抓好分管领域全面从严治党工作。", "individual")
    assert voice_findings("本人切实履行全面从严治党第一责任人职责。", "member")
    assert voice_findings("全年参加党组会议12次。", "secretary")
    assert voice_findings("参加局党组民主生活会。", "secretary")
    assert voice_findings("在集体研究“三重一大”事项时充分发表意见，坚持末位表态。", "secretary")
    assert voice_findings("全年“三公”经费同比下降5%。", "member")
    assert voice_findings("本人带头讲党课。", "team")
    assert not voice_findings("督促班子成员认真履行“一岗双责”、抓好分管领域工作。", "secretary")
    assert not voice_findings("主持召开党组会议12次，坚持末位表态。", "secretary")
    assert not voice_findings("认真履行“一岗双责”，抓好分管领域全面从严治党工作。", "member")
    assert not voice_findings("我们坚持民主集中制，开展批评和自我批评。", "team")
    assert not voice_findings("没有利用职务便利为本人和特定关系人谋取利益。", "team")


@pytest.mark.parametrize("voice", sorted(genres.VOICES))
def test_each_section_variant_chosen_for_a_voice_is_declared(voice):
    """The choice is explicit: a variant that is the voice or serves it, never the first one."""
    for g in genres.all_genres().values():
        if voice not in g.variants:
            continue
        for slug, by_voice in assemble.section_variants(g).items():
            v = sections.get_section(slug).variant(by_voice[voice])
            assert voice == v.id or voice in v.serves or v.id == "default", (g.slug, slug, voice, v.id)


def _filled(tpl, variant: str, year: int) -> str:
    """A section in one variant and year, its slots filled with their examples as in the drafts."""
    values = example_values()
    out = []
    for p in sections.render_for_tool(tpl, variant, year):
        if p.is_instruction:
            continue
        out.append("".join(values.get(s.text, f"【{s.text}】") if s.kind == "slot" else s.text
                           for s in p.segments if s.kind in ("text", "fill", "slot")))
    return "\n".join(out)


@pytest.mark.parametrize("slug", sorted(sections.all_sections()))
def test_every_section_variant_speaks_in_each_voice_it_serves(slug):
    """Whatever skeleton a report type lists, a variant is right for its own voice and every
    voice it serves (a 班子成员's wording that serves the 主要负责人 would put 分管领域 in his mouth)."""
    tpl = sections.get_section(slug)
    bad = []
    for v in tpl.variants:
        voices = [x for x in (v.id, *v.serves) if x in MARKERS]
        for year in assemble.calendar.load_calendar().years:
            text = _filled(tpl, v.id, year)
            bad += [(v.id, voice, year, f) for voice in voices for f in voice_findings(text, voice)]
    assert not bad, bad[:5]
