"""macros/content/calendar.py: the one calendar of dated events, its facts and its strict loading."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import calendar as cal


@pytest.fixture(scope="module")
def c() -> cal.Calendar:
    return cal.load_calendar()


def _span(e: cal.Event) -> tuple[str, str | None]:
    return str(e.start), str(e.end) if e.end else None


# ---------------------------------------------------------------------------
# The facts of templates/calendar.yml (from /work/shared/notes/tifa-timeline.md)
# ---------------------------------------------------------------------------

def test_covered_report_years_are_exactly_2019_to_2026(c):
    assert c.years == (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026)
    assert [y for y in range(2010, 2035) if c.covers(y)] == list(c.years)
    assert not c.covers(True) and not c.covers("2020")


def test_require_year_names_the_caller_and_the_covered_range(c):
    assert c.require_year(2024, "docs/x.md") == 2024
    with pytest.raises(HandbookError) as info:
        c.require_year(2027, "docs/x.md")
    assert str(info.value).startswith("docs/x.md: ")
    assert "2027" in str(info.value) and "2019–2026" in str(info.value)


@pytest.mark.parametrize("ask", [
    lambda c: c.spirit(2027), lambda c: c.campaign(2018), lambda c: c.followups(2027),
    lambda c: c.milestones(2018), lambda c: c.plan(2027), lambda c: c.held_by(2031),
])
def test_questions_about_uncovered_years_are_refused(c, ask):
    with pytest.raises(HandbookError) as info:
        ask(c)
    assert str(info.value).startswith("templates/calendar.yml: ") and "2019–2026" in str(info.value)


CENTRAL_SESSIONS = {
    "congress-19": ("党的十九大", "2017-10-18", "2017-10-24"),
    "cc-19-1": ("十九届一中全会", "2017-10-25", None),
    "cc-19-2": ("十九届二中全会", "2018-01-18", "2018-01-19"),
    "cc-19-3": ("十九届三中全会", "2018-02-26", "2018-02-28"),
    "cc-19-4": ("十九届四中全会", "2019-10-28", "2019-10-31"),
    "cc-19-5": ("十九届五中全会", "2020-10-26", "2020-10-29"),
    "cc-19-6": ("十九届六中全会", "2021-11-08", "2021-11-11"),
    "cc-19-7": ("十九届七中全会", "2022-10-09", "2022-10-12"),
    "congress-20": ("党的二十大", "2022-10-16", "2022-10-22"),
    "cc-20-1": ("二十届一中全会", "2022-10-23", None),
    "cc-20-2": ("二十届二中全会", "2023-02-26", "2023-02-28"),
    "cc-20-3": ("二十届三中全会", "2024-07-15", "2024-07-18"),
    "cc-20-4": ("二十届四中全会", "2025-10-20", "2025-10-23"),
}


@pytest.mark.parametrize("event_id", CENTRAL_SESSIONS)
def test_congress_and_plenum_dates(c, event_id):
    short, start, end = CENTRAL_SESSIONS[event_id]
    e = c.event(event_id)
    assert (e.short, *_span(e)) == (short, start, end)
    assert e.start.precision == "day" and e.theme


def test_every_plenum_is_in_the_calendar_once_in_date_order(c):
    assert [e.id for e in c.events("plenum")] == [k for k in CENTRAL_SESSIONS if k.startswith("cc-")]
    assert [e.id for e in c.events("congress")] == ["congress-19", "congress-20"]


CCDI = {
    "ccdi-19-2": ("十九届中央纪委二次全会", "2018-01-11", "2018-01-13"),
    "ccdi-19-3": ("十九届中央纪委三次全会", "2019-01-11", "2019-01-13"),
    "ccdi-19-4": ("十九届中央纪委四次全会", "2020-01-13", "2020-01-15"),
    "ccdi-19-5": ("十九届中央纪委五次全会", "2021-01-22", "2021-01-24"),
    "ccdi-19-6": ("十九届中央纪委六次全会", "2022-01-18", "2022-01-20"),
    "ccdi-20-2": ("二十届中央纪委二次全会", "2023-01-09", "2023-01-10"),
    "ccdi-20-3": ("二十届中央纪委三次全会", "2024-01-08", "2024-01-10"),
    "ccdi-20-4": ("二十届中央纪委四次全会", "2025-01-06", "2025-01-08"),
    "ccdi-20-5": ("二十届中央纪委五次全会", "2026-01", None),
}


def test_ccdi_plenums(c):
    got = {e.id: (e.short, *_span(e)) for e in c.events("ccdi-plenum")}
    assert got == CCDI
    fifth = c.event("ccdi-20-5")
    assert fifth.start.precision == "month" and fifth.uncertain  # the day is not known: said, not guessed


SPIRIT = {
    2019: "党的十九大和十九届二中、三中、四中全会精神",
    2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
    2021: "党的十九大和十九届二中、三中、四中、五中、六中全会精神",
    2022: "党的二十大精神",
    2023: "党的二十大和二十届二中全会精神",
    2024: "党的二十大和二十届二中、三中全会精神",
    2025: "党的二十大和二十届二中、三中、四中全会精神",
    2026: "党的二十大和二十届二中、三中、四中全会精神",
}
SPIRIT_ALL = {2019: "党的十九大和十九届历次全会精神", 2021: "党的十九大和十九届历次全会精神",
              2022: "党的二十大精神", 2025: "党的二十大和二十届历次全会精神"}


@pytest.mark.parametrize("year", SPIRIT)
def test_spirit_line_of_each_report_year(c, year):
    assert c.spirit(year) == SPIRIT[year]


@pytest.mark.parametrize("year", SPIRIT_ALL)
def test_spirit_line_all_plenums_form(c, year):
    assert c.spirit(year, "all") == SPIRIT_ALL[year]


def test_spirit_rejects_an_unknown_form(c):
    with pytest.raises(HandbookError, match="unknown spirit form 'some'"):
        c.spirit(2024, "some")  # type: ignore[arg-type]


CAMPAIGNS = {
    2019: "“不忘初心、牢记使命”主题教育",
    2020: None,
    2021: "党史学习教育",
    2022: None,
    2023: "学习贯彻习近平新时代中国特色社会主义思想主题教育",
    2024: "党纪学习教育",
    2025: "深入贯彻中央八项规定精神学习教育",
    2026: "树立和践行正确政绩观学习教育",
}


@pytest.mark.parametrize("year", CAMPAIGNS)
def test_campaign_of_each_year(c, year):
    got = c.campaign(year)
    assert (got.name if got else None) == CAMPAIGNS[year]


def test_campaign_slogans_exact_wording(c):
    slogans = {c.campaign(y).start.year: c.campaign(y).slogans for y in (2019, 2021, 2023, 2024, 2026)}
    assert slogans[2019] == ("守初心、担使命，找差距、抓落实",
                             "理论学习有收获、思想政治受洗礼、干事创业敢担当、为民服务解难题、清正廉洁作表率")
    assert slogans[2021][:2] == ("学史明理、学史增信、学史崇德、学史力行", "学党史、悟思想、办实事、开新局")
    assert slogans[2023] == ("学思想、强党性、重实践、建新功", "以学铸魂、以学增智、以学正风、以学促干")
    assert slogans[2024] == ("学纪、知纪、明纪、守纪",)
    assert slogans[2026] == ("立党为公、为民造福、科学决策、真抓实干",)


def test_campaign_dates(c):
    got = {e.start.year: _span(e) for e in c.events("campaign")}
    assert got == {2019: ("2019-05-31", "2019-11"), 2021: ("2021-02-20", "2021-12"),
                   2023: ("2023-04-03", "2024-01"), 2024: ("2024-04", "2024-07"),
                   2025: ("2025-03", "2025-07"), 2026: ("2026-02", "2026-07")}


FOLLOWUPS = {
    2019: [],
    2020: ["巩固深化“不忘初心、牢记使命”主题教育成果", "巩固拓展“不忘初心、牢记使命”主题教育成果",
           "建立不忘初心、牢记使命的制度"],
    2021: [],
    2022: ["推动党史学习教育常态化长效化"],
    2023: [],  # a 2023 下一步 may already say 巩固拓展主题教育成果: see the stale_terms test
    2024: ["巩固拓展主题教育成果"],
    2025: ["巩固拓展主题教育成果", "巩固拓展党纪学习教育成果", "推动党纪学习教育常态化长效化"],
    2026: ["巩固拓展主题教育成果", "巩固拓展深入贯彻中央八项规定精神学习教育成果", "推动作风建设常态化长效化"],
}


@pytest.mark.parametrize("year", FOLLOWUPS)
def test_followups_of_each_year(c, year):
    assert c.followups(year) == FOLLOWUPS[year]


MILESTONES = {
    2019: {"决胜全面建成小康社会", "庆祝中华人民共和国成立70周年"},
    2020: {"决胜全面建成小康社会", "决战决胜脱贫攻坚", "全面建成小康社会收官", "统筹疫情防控和经济社会发展"},
    2021: {"统筹疫情防控和经济社会发展", "庆祝中国共产党成立100周年", "在中华大地上全面建成了小康社会",
           "巩固拓展脱贫攻坚成果同乡村振兴有效衔接"},
    2022: {"统筹疫情防控和经济社会发展", "巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "迎接党的二十大胜利召开"},
    2023: {"巩固拓展脱贫攻坚成果同乡村振兴有效衔接"},
    2024: {"巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "庆祝中华人民共和国成立75周年"},
    2025: {"巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "“十四五”规划收官之年"},
    2026: {"巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "“十五五”开局之年"},
}


@pytest.mark.parametrize("year", MILESTONES)
def test_milestones_of_each_year(c, year):
    assert {e.name for e in c.milestones(year)} == MILESTONES[year]


def test_milestone_dates(c):
    assert _span(c.event("yi-qing-fang-kong")) == ("2020-01", "2023-01-08")  # 乙类乙管 from 2023-01-08
    assert _span(c.event("xiao-kang-jian-cheng")) == ("2021-07-01", None)
    assert _span(c.event("jian-dang-100")) == ("2021-07-01", None)
    assert _span(c.event("ying-jie-er-shi-da")) == ("2022-01", "2022-10-16")


@pytest.mark.parametrize("year, short", [(2019, "十三五"), (2020, "十三五"), (2021, "十四五"), (2025, "十四五"),
                                         (2026, "十五五")])
def test_plan_in_force(c, year, short):
    assert c.plan(year).short == short


def test_plan_periods(c):
    assert {e.short: (e.start.year, e.end.year) for e in c.events("plan")} == {
        "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}


DOCUMENTS = {
    "中国共产党廉洁自律准则": "2015-10",
    "关于新形势下党内政治生活的若干准则": "2016-10-27",
    "中国共产党党内监督条例": "2016-10-27",
    "领导干部报告个人有关事项规定": "2017-02",
    "中共中央政治局贯彻落实中央八项规定实施细则": "2017-10-27",
    "党政领导干部考核工作条例": "2019-04",
    "党委（党组）落实全面从严治党主体责任规定": "2020-03",
    "中共中央关于加强对“一把手”和领导班子监督的意见": "2021-03",
    "关于加强新时代廉洁文化建设的意见": "2022-01",
    "领导干部配偶、子女及其配偶经商办企业管理规定": "2022-06",
    "整治形式主义为基层减负若干规定": "2024-08",
    "关于实行党风廉政建设责任制的规定": "2010-11",
}


def test_document_issue_dates(c):
    got = {e.name: str(e.start) for e in c.events("document") if not e.revisions}
    assert got == DOCUMENTS
    assert str(c.event("yi-ba-shou-jian-du-yi-jian").published) == "2021-06-01"
    assert str(c.event("zhu-ti-ze-ren-gui-ding").published) == "2020-03-09"


def test_document_revisions(c):
    revisions = {e.short: [(str(r.date), str(r.in_force) if r.in_force else None) for r in e.revisions]
                 for e in c.events("document") if e.revisions}
    assert revisions == {
        # 2023-12-19 is the issue date; 2023-12-08 was the Politburo meeting (in the note, not the date)
        "纪律处分条例": [("2015-10", "2016-01-01"), ("2018-08", "2018-10-01"), ("2023-12-19", "2024-01-01")],
        "问责条例": [("2019-09", None)],
        "巡视工作条例": [("2017-07", None), ("2024-02", None)],
        "党组工作条例": [("2019-04", None)],
    }
    assert str(c.event("wen-ze-tiao-li").start) == "2016-07"


def test_every_entry_has_a_source_and_unique_id(c):
    events = c.events()
    assert len({e.id for e in events}) == len(events)
    counts = {kind: len(c.events(kind)) for kind in cal.KINDS}
    assert counts == {"congress": 2, "plenum": 11, "ccdi-plenum": 9, "campaign": 6, "document": 16, "plan": 3,
                      "milestone": 12}
    assert all(e.source for e in events)
    assert [e.start.first for e in events] == sorted(e.start.first for e in events)


def test_held_by_is_start_on_or_before_the_end_of_the_year(c):
    held = {e.id for e in c.held_by(2022)}
    assert {"cc-19-7", "congress-20", "cc-20-1"} <= held
    assert "cc-20-2" not in held and "ccdi-20-2" not in held
    assert all(e.start.year <= 2019 for e in c.held_by(2019))


def test_event_and_events_reject_unknown_names(c):
    with pytest.raises(HandbookError, match=r"^templates/calendar.yml: unknown event 'nope'"):
        c.event("nope")
    with pytest.raises(HandbookError, match="unknown kind 'meeting'"):
        c.events("meeting")


def test_load_is_cached_per_root(c):
    assert cal.load_calendar() is cal.load_calendar(paths.TEMPLATES) is c


# -- stale_terms: what the checker reads ---------------------------------------

def _rows(c: cal.Calendar) -> dict[str, dict[str, Any]]:
    return {r["phrase"]: r for r in c.stale_terms()}


@pytest.mark.parametrize("phrase, valid_from, valid_until, replacement", [
    ("党的十九大", 2017, 2022, "党的二十大"),
    ("十九届四中全会", 2019, 2022, "党的二十大"),
    ("党的二十大", 2021, None, None),              # 2021 下一步: 迎接党的二十大
    ("二十届三中全会", 2024, None, None),
    ("二十届中央纪委四次全会", 2024, 2025, "二十届中央纪委五次全会"),  # January: quoted by the 2024 reports
    ("“不忘初心、牢记使命”主题教育", 2019, 2019, "巩固深化“不忘初心、牢记使命”主题教育成果"),
    ("党史学习教育", 2021, 2021, "推动党史学习教育常态化长效化"),
    ("党纪学习教育", 2024, 2024, "巩固拓展党纪学习教育成果"),
    ("巩固拓展主题教育成果", 2023, None, None),     # a 2023 下一步 may already say it
    ("推动党史学习教育常态化长效化", 2021, 2022, None),
    ("守初心、担使命，找差距、抓落实", 2019, 2020, None),
    ("2018年修订的《中国共产党纪律处分条例》", 2018, 2023, "2023年修订的《中国共产党纪律处分条例》"),
    ("《中国共产党纪律处分条例》（2023年修订）", 2023, None, None),
    ("中国共产党纪律处分条例", 2003, None, None),
    ("十四五", 2020, 2025, "十五五"),
    ("十五五", 2024, 2030, None),
    ("决胜全面建成小康社会", 2017, 2020, None),
    ("统筹疫情防控和经济社会发展", 2020, 2022, None),
    ("迎接党的二十大胜利召开", 2021, 2022, None),
    ("“十四五”规划收官之年", 2024, 2025, "“十五五”开局之年"),
])
def test_stale_terms_rows(c, phrase, valid_from, valid_until, replacement):
    r = _rows(c)[phrase]
    assert (r["valid_from"], r["valid_until"], r["replacement"]) == (valid_from, valid_until, replacement)


def test_stale_terms_one_row_per_wording_and_consistent(c):
    rows = c.stale_terms()
    assert len({r["phrase"] for r in rows}) == len(rows)
    assert set(rows[0]) == {"phrase", "event", "kind", "field", "valid_from", "valid_until", "replacement"}
    for r in rows:
        assert r["valid_until"] is None or r["valid_from"] <= r["valid_until"], r
    # every name, short form and variant of every event is there
    wordings = {w for e in c.events() for _, w in e.wordings}
    assert wordings <= {r["phrase"] for r in rows}


def test_spirit_follows_the_data_not_the_year(tmp_path):
    """A 2026 plenum added to the file shows up in the 2026 line: nothing is hard-coded."""
    raw = yaml.safe_load((paths.TEMPLATES / "calendar.yml").read_text(encoding="utf-8"))
    raw["events"].append({"id": "cc-20-5", "kind": "plenum", "name": "中国共产党第二十届中央委员会第五次全体会议",
                          "short": "二十届五中全会", "number": 5, "start": "2026-10", "source": "测试"})
    (tmp_path / "calendar.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    changed = cal.load_calendar(tmp_path)
    assert changed.spirit(2026) == "党的二十大和二十届二中、三中、四中、五中全会精神"
    assert changed.spirit(2025) == SPIRIT[2025]


# ---------------------------------------------------------------------------
# Bad input: one line naming the file, the field and the problem
# ---------------------------------------------------------------------------

def _small() -> dict[str, Any]:
    return {
        "years": {"first": 2019, "last": 2026},
        "events": [
            {"id": "congress-19", "kind": "congress", "name": "中国共产党第十九次全国代表大会", "short": "党的十九大",
             "session": "十九届", "start": "2017-10-18", "end": "2017-10-24", "source": "党的十九大（2017年）"},
            {"id": "cc-19-1", "kind": "plenum", "name": "十九届一中全会全称", "short": "十九届一中全会", "number": 1,
             "start": "2017-10-25", "source": "公报（2017年）"},
            {"id": "campaign-a", "kind": "campaign", "name": "某学习教育", "start": "2021-02", "end": "2021-12",
             "source": "部署（2021年）", "followups": [{"from_year": 2022, "wording": "巩固某学习教育成果"}]},
            {"id": "doc-a", "kind": "document", "name": "某条例", "start": "2016-07", "source": "印发（2016年）",
             "revisions": [{"date": "2019-09", "note": "修订"}]},
            {"id": "milestone-a", "kind": "milestone", "name": "某节点", "start": "2020-01", "source": "某会议（2020年）"},
        ],
    }


def _write(tmp_path: Path, raw: dict[str, Any]) -> Path:
    (tmp_path / "calendar.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_small_calendar_loads(tmp_path):
    small = cal.load_calendar(_write(tmp_path, _small()))
    assert small.spirit(2019) == "党的十九大精神" and small.followups(2022) == ["巩固某学习教育成果"]
    assert small.campaign(2021).name == "某学习教育" and small.years[-1] == 2026


def _set(path: str, value: Any) -> Callable[[dict], None]:
    """Change one field: "events.2.followups.0.from_year" (numbers index lists); value None deletes it."""
    def change(raw: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = raw
        for p in parents:
            target = target[p]
        if value is None:
            del target[last]
        elif isinstance(target, list) and last == len(target):
            target.append(value)
        else:
            target[last] = value
    return change


BAD = [
    ("unknown kind", _set("events.2.kind", "meeting"), "events[2].kind", "unknown kind 'meeting'"),
    ("bad month", _set("events.0.start", "2017-13"), "events[0].start", "bad date '2017-13'"),
    ("bad day", _set("events.3.start", "2016-02-30"), "events[3].start", "bad date '2016-02-30'"),
    ("not a date", _set("events.4.start", "2020年"), "events[4].start", "bad date '2020年'"),
    ("year only", _set("events.4.start", 2020), "events[4].start", "bad date 2020"),
    ("missing start", _set("events.4.start", None), "events[4].start", "required field is missing"),
    ("end before start", _set("events.2.end", "2020-12"), "events[2].end", "end 2020-12 is before start 2021-02"),
    ("duplicate id", _set("events.3.id", "campaign-a"), "events[3].id", "duplicate id 'campaign-a'"),
    ("not a slug", _set("events.3.id", "Doc A"), "events[3].id", "'Doc A' is not a slug"),
    ("follow-up after the calendar", _set("events.2.followups.0.from_year", 2031),
     "events[2].followups[0].from_year", "expected a year of the calendar (2019–2026), got 2031"),
    ("follow-up before the calendar", _set("events.2.followups.0.from_year", 2017),
     "events[2].followups[0].from_year", "(2019–2026), got 2017"),
    ("follow-up until after the calendar", _set("events.2.followups.0.until_year", 2030),
     "events[2].followups[0].until_year", "(2022–2026), got 2030"),
    ("follow-up in the campaign's own year", _set("events.2.followups.0.from_year", 2021),
     "events[2].followups[0].from_year", "after its campaign's year 2021"),
    ("follow-up without wording", _set("events.2.followups.0.wording", None),
     "events[2].followups[0].wording", "required field is missing"),
    ("unknown top-level key", _set("extra", 1), "extra", "unknown field (allowed: events, years)"),
    ("unknown event key", _set("events.0.date", "2017-10-18"), "events[0].date", "unknown field"),
    ("key of another kind", _set("events.4.followups", []), "events[4].followups", "unknown field"),
    ("unknown follow-up key", _set("events.2.followups.0.year", 2022), "events[2].followups[0].year",
     "unknown field"),
    ("unknown revision key", _set("events.3.revisions.0.when", "x"), "events[3].revisions[0].when", "unknown field"),
    ("unknown years key", _set("years.middle", 2022), "years.middle", "unknown field"),
    ("last before first", _set("years.last", 2018), "years.last", "got 2018"),
    ("missing source", _set("events.1.source", None), "events[1].source", "required field is missing"),
    ("empty variant", _set("events.4.variants", ["ok", ""]), "events[4].variants[1]", "must be non-empty text"),
    ("revision before start", _set("events.3.revisions.0.date", "2015-01"), "events[3].revisions[0].date",
     "2015-01 is not after 2016-07"),
    ("plenum numbered wrong", _set("events.1.number", 2), "events[1].number", "expected plenum number 1 of 党的十九大"),
    ("plenum short wrong", _set("events.1.short", "十九届1中全会"), "events[1].short",
     "short form should be '十九届一中全会'"),
    ("plenum before any congress", _set("events.1.start", "2016-01"), "events[1].start",
     "no congress before this plenum"),
    ("congress without session", _set("events.0.session", None), "events[0].session", "required field is missing"),
    ("wording used twice", _set("events.4.short", "某条例"), "events[4].short", "wording '某条例' is already used"),
    ("unknown replacement", _set("events.4.replaced_by", "nothing-here"), "events[4].replaced_by",
     "unknown event id 'nothing-here'"),
    ("two campaigns a year", _set("events.5", {"id": "campaign-b", "kind": "campaign", "name": "另一学习教育",
                                               "start": "2021-05", "source": "部署"}),
     "events[5].start", "a second campaign in 2021"),
    ("milestone until before start", _set("events.4.until_year", 2019), "events[4].until_year",
     "(2020–2100), got 2019"),
]


@pytest.mark.parametrize("change, field, words", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_calendar_fails_with_one_line(tmp_path, change, field, words):
    raw = copy.deepcopy(_small())
    change(raw)
    root = _write(tmp_path, raw)
    with pytest.raises(HandbookError) as info:
        cal.load_calendar(root)
    line = str(info.value)
    assert "\n" not in line
    assert line.startswith(f"{root / 'calendar.yml'} [{field}]: "), line  # the file, then the field
    assert words in line, line


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(HandbookError, match=r"calendar\.yml: file not found"):
        cal.load_calendar(tmp_path)
    (tmp_path / "calendar.yml").write_text("years: [\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"calendar\.yml: invalid YAML"):
        cal.load_calendar(tmp_path)


def test_unquoted_yaml_dates_are_days(tmp_path):
    text = yaml.safe_dump(_small(), allow_unicode=True).replace("'2017-10-18'", "2017-10-18")
    assert "start: 2017-10-18" in text
    (tmp_path / "calendar.yml").write_text(text, encoding="utf-8")
    congress = cal.load_calendar(tmp_path).event("congress-19")
    assert congress.start == cal.When(2017, 10, 18) and congress.start.precision == "day"


def test_campaign_names_keep_their_quotation_marks(c):
    """The name without its quotation marks is a misquote (the checker flags it), never an accepted variant."""
    for e in c.events("campaign"):
        for _, wording in e.wordings:
            if "“" in e.name:
                assert "“" in wording, (e.id, wording)
