"""macros/data.py and macros/sections.py: templates render strictly from data."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import calendar, sections
from macros.content import slots as data
from macros.engine import render
from macros.pages import sections as section_pages

CALENDAR = calendar.load_calendar()


def test_every_template_renders_every_variant_and_example_set():
    all_sections = sections.all_sections()
    assert all_sections, "no section templates found"
    for tpl in all_sections.values():
        for variant in tpl.variants:
            text = render.to_plain(sections.render_variant(tpl, variant.id))
            assert text and "【" in text, (tpl.slug, variant.id)
        assert len(tpl.examples) >= 2, f"{tpl.slug}: at least two example sets"
        for set_slug in tpl.examples:
            text = render.to_plain(sections.render_example(tpl, set_slug))
            assert "【" not in text, (tpl.slug, set_slug)
            assert not any(ch in render.MARKERS for ch in text)


def test_renders_are_made_once_and_callers_cannot_change_them():
    tpl = next(iter(sections.all_sections().values()))
    first = sections.render_variant(tpl, tpl.variants[0].id)
    expected = render.to_plain(first)
    first.clear()  # a caller's list is its own
    again = sections.render_variant(tpl, tpl.variants[0].id)
    assert render.to_plain(again) == expected
    assert again is not first and again[0] is sections.render_variant(tpl, tpl.variants[0].id)[0]
    example = sections.render_example(tpl, tpl.examples[0])
    assert example[0] is sections.render_example(tpl, tpl.examples[0])[0]


def _names(tpl) -> frozenset[str]:
    source = tpl.source_path.with_suffix(".j2").read_text(encoding="utf-8")
    return render.compile_checked(sections._ENV, source, "t").names


def test_years_that_share_a_render_for_the_tool_really_render_the_same():
    # render_for_tool renders once per era between the template's year cuts (once per year
    # when it reads the calendar); rendering each year afresh must give exactly that text.
    shared = 0
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            for year in CALENDAR.years:
                values = {s.name: render.slot_label(s.name) for s in tpl.slots}
                fresh = sections._run(tpl, sections._context(tpl, v, year, values), "test")
                assert render.to_html(sections.render_for_tool(tpl, v.id, year)) == render.to_html(fresh), \
                    (tpl.slug, v.id, year)
        # A template that reads `cal` can change any year: no cuts, one render per year.
        assert (tpl.year_cuts is None) == ("cal" in _names(tpl)), tpl.slug
        shared += tpl.year_cuts is not None
    assert shared >= 5, "year cuts found in too few templates: the memo key falls back to exact years"


def test_render_for_tool_refuses_a_year_the_calendar_does_not_cover():
    tpl = sections.get_section("opening")
    with pytest.raises(HandbookError, match=r"opening.yml: report year 2018 is not covered"):
        sections.render_for_tool(tpl, "team", 2018)
    with pytest.raises(HandbookError, match="report year 2027 is not covered"):
        sections.render_variant(tpl, "team", 2027)


def test_year_cuts_are_read_from_since_and_year_comparisons():
    env = sections._ENV
    assert render.compile_checked(env, "{% if since(2023) %}a{% endif %}", "t").year_cuts == (2023,)
    assert render.compile_checked(env, "{% if report_year == 2024 %}a{% elif 2022 < report_year %}b{% endif %}",
                                  "t").year_cuts == (2022, 2023, 2024, 2025)
    assert render.compile_checked(env, "{{ unit }}", "t").year_cuts == ()
    assert render.compile_checked(env, "{{ report_year }}年度", "t").year_cuts is None
    assert render.compile_checked(env, "{% if since(y) %}a{% endif %}", "t").year_cuts is None
    assert render.compile_checked(env, "{% if since(2023) %}{{ cal.spirit }}{% endif %}", "t").year_cuts is None
    assert "cal" in render.RESERVED


def test_cal_gives_each_year_its_facts():
    view = sections.year_view
    assert view(2019).spirit == "党的十九大和十九届二中、三中、四中全会精神"
    assert view(2022).spirit == "党的二十大精神" and view(2022).spirit_before == "党的十九大和十九届历次全会精神"
    assert view(2023).spirit_before is None and view(2023).congress == "党的二十大"
    assert view(2019).campaign.name == "“不忘初心、牢记使命”主题教育"
    assert view(2020).campaign is None and view(2022).campaign is None
    # Alternatives (巩固深化 / 巩固拓展) collapse to the first listed.
    assert view(2020).followups == ("巩固深化“不忘初心、牢记使命”主题教育成果", "建立不忘初心、牢记使命的制度")
    assert view(2023).campaign.next_followups == ("巩固拓展主题教育成果",)
    assert view(2025).followups_of["campaign-2024-dang-ji"] == ("巩固拓展党纪学习教育成果", "推动党纪学习教育常态化长效化")
    assert "cc-19-6" in view(2021).held and "cc-19-6" not in view(2020).held
    assert (view(2020).plan.short, view(2020).next_plan.short) == ("十三五", "十四五")
    assert view(2026).next_plan.short == "十五五" and view(2024).plan.last_year == 2025
    assert view(2021).next_milestones == {"ying-jie-er-shi-da"}
    assert {"xin-zhong-guo-70", "jue-sheng-xiao-kang"} <= view(2019).milestones


def test_a_jinja_syntax_error_names_the_file_and_line(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ move('a') }}\n{{ year }}{{ unit \n",
                 examples="good: {title: t, variant: default, values: {year: 2024, unit: 局}}\n")
    with pytest.raises(HandbookError, match=r"demo.j2:\d+.*Jinja syntax error"):
        _load(root)


def test_year_slot_decides_the_congress_wording():
    tpl = sections.get_section("opening")
    y2025 = render.to_plain(sections.render_example(tpl, "city-finance-2025"))
    y2022 = render.to_plain(sections.render_example(tpl, "county-audit-2022"))
    assert "党的二十大和二十届历次全会精神" in y2025 and "十九大" not in y2025
    assert "党的十九大和十九届历次全会精神，认真学习宣传贯彻党的二十大精神" in y2022
    # The year's campaign is named in the 政治建设 part (the opening leaves it there: said once).
    assert "学习教育" not in y2025 + y2022
    tpl = sections.get_section("political-building")
    y2025 = render.to_plain(sections.render_example(tpl, "city-finance-2025"))
    y2022 = render.to_plain(sections.render_example(tpl, "county-audit-2022"))
    assert "扎实开展深入贯彻中央八项规定精神学习教育" in y2025
    assert "扎实开展" not in y2022 and "推动党史学习教育常态化长效化" in y2022


# ---------------------------------------------------------------------------
# Strictness: bad data stops with one line naming template, set and slot
# ---------------------------------------------------------------------------

def _tree(tmp_path: Path, *, slots: str, examples: str, yml: str, j2: str) -> Path:
    root = tmp_path / "templates"
    (root / "sections").mkdir(parents=True)
    (root / "slots.yml").write_text(textwrap.dedent(slots), encoding="utf-8")
    (root / "examples.yml").write_text(textwrap.dedent(examples), encoding="utf-8")
    (root / "sections" / "demo.yml").write_text(textwrap.dedent(yml), encoding="utf-8")
    (root / "sections" / "demo.j2").write_text(textwrap.dedent(j2), encoding="utf-8")
    shutil.copy2(paths.TEMPLATES / "calendar.yml", root / "calendar.yml")  # the default year is the calendar's
    return root


SLOTS = """\
    year: {label: 年度, type: year, hint: h, example: 2024}
    unit: {label: 单位名称, type: text, hint: h, example: 市财政局}
    count: {label: 次数, type: count, hint: h, example: 3}
    """
YML = """\
    title: 示范
    summary: s
    moves: [{id: a, label: 甲, does: d}]
    slots: [year, unit]
    examples: [good]
    """


def _load(root: Path):
    return sections.load_section(root / "sections" / "demo.yml", root)


def test_missing_value_names_template_set_and_slot(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ move('a') }}{{ year }}年{{ unit }}。",
                 examples="good: {title: t, variant: default, values: {year: 2024}}\n")
    tpl = _load(root)
    with pytest.raises(HandbookError) as info:
        sections.render_example(tpl, "good")
    line = info.value.line()
    assert "demo.yml" in line and "'good'" in line and "'unit'" in line and "\n" not in line


def test_wrong_type_names_the_set_and_slot(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ year }}",
                 examples="good: {title: t, variant: default, values: {year: 二〇二四, unit: 局}}\n")
    with pytest.raises(HandbookError, match=r"examples.yml \[good.values.year\]: expected a year"):
        data.example_sets(root)


def test_count_must_be_a_number(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ year }}",
                 examples="good: {title: t, variant: default, values: {count: 三次}}\n")
    with pytest.raises(HandbookError, match=r"\[good.values.count\]: expected a whole number"):
        data.example_sets(root)


def test_unknown_slot_in_an_example_set(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ year }}",
                 examples="good: {title: t, variant: default, values: {leader: 张三}}\n")
    with pytest.raises(HandbookError, match=r"\[good.values.leader\]: unknown slot 'leader'"):
        data.example_sets(root)


def test_template_text_using_an_undeclared_slot(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ move('a') }}{{ year }}{{ unit }}{{ leader }}",
                 examples="good: {title: t, variant: default, values: {year: 2024, unit: 局}}\n")
    with pytest.raises(HandbookError, match=r"demo.j2: uses slot 'leader'"):
        _load(root)


def test_declared_but_unused_slot(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=YML, j2="{{ move('a') }}{{ year }}",
                 examples="good: {title: t, variant: default, values: {year: 2024, unit: 局}}\n")
    with pytest.raises(HandbookError, match=r"declares slot 'unit'"):
        _load(root)


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"bad.yml: invalid YAML at line"):
        data.load_yaml(path)


def test_unknown_section_and_variant_are_named():
    with pytest.raises(HandbookError, match="unknown section template 'nope'"):
        sections.get_section("nope")
    with pytest.raises(HandbookError, match="unknown variant 'nope'"):
        sections.render_variant(sections.get_section("opening"), "nope")
    with pytest.raises(HandbookError, match="unknown example set 'nope'"):
        sections.render_example(sections.get_section("opening"), "nope")


# ---------------------------------------------------------------------------
# Every agreed section has a template; snapshots of every filled example
# ---------------------------------------------------------------------------

import os  # noqa: E402
import re  # noqa: E402

AGREED = ["title", "opening", "political-building", "primary-responsibility", "ideology", "organisation",
          "work-style", "eight-rules", "discipline", "personal-integrity", "team-integrity", "rule-of-law",
          "ability", "diligence", "main-business", "supervision", "supervision-top-leader", "supervision-peer",
          "supervision-lower", "power-operation", "internal-inspection", "accountability", "support-discipline",
          "leading-team", "rectification", "problems", "causes", "next-steps", "closing"]
SNAPSHOTS = Path(__file__).parents[1] / "snapshots" / "sections"


def test_every_agreed_section_has_a_template_in_reading_order():
    assert list(sections.all_sections()) == AGREED


def _examples():
    return [(slug, s) for slug, tpl in sections.all_sections().items() for s in tpl.examples]


@pytest.mark.parametrize("slug, set_slug", _examples())
def test_example_matches_its_snapshot(slug, set_slug):
    """UPDATE_SNAPSHOTS=1 rewrites the files; review the diff before committing."""
    text = render.to_plain(sections.render_example(sections.get_section(slug), set_slug)) + "\n"
    path = SNAPSHOTS / f"{slug}--{set_slug}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run UPDATE_SNAPSHOTS=1 pytest tests/test_sections.py"
    assert text == path.read_text(encoding="utf-8")


def test_no_stale_snapshots():
    expected = {f"{slug}--{s}.txt" for slug, s in _examples()}
    assert {p.name for p in SNAPSHOTS.glob("*.txt")} <= expected


def test_every_move_is_used_and_annotated():
    for tpl in sections.all_sections().values():
        used = set()
        for v in tpl.variants:
            used |= {p.move for p in sections.render_variant(tpl, v.id)}
            used |= {s.text for p in sections.render_variant(tpl, v.id) for s in p.segments if s.kind == "move"}
        assert used >= {m.id for m in tpl.moves}, tpl.slug
        assert set(tpl.meta["annotations"]) == {m.id for m in tpl.moves}, tpl.slug
        assert tpl.meta.get("purpose") and section_pages.used_by(tpl), tpl.slug


# ---------------------------------------------------------------------------
# Wording is right for the report year, in every template, variant and year
# ---------------------------------------------------------------------------

YEARS = CALENDAR.years  # every report year the drafting tool offers
EXAMPLE_YEARS = range(2022, 2027)  # the years the example sets cover
# The campaign a report may say it "carried out" (扎实开展) in each year, from the calendar.
CAMPAIGNS = {e.start.year: e.name for e in CALENDAR.events("campaign")}


def _blank(tpl, variant, year: int) -> str:
    values = {s.name: render.slot_label(s.label) for s in tpl.slots}
    return render.to_plain(sections._run(tpl, sections._context(tpl, variant, year, values), "test"))


def _every_text():
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            for year in YEARS:
                yield f"{tpl.slug}/{v.id}/{year}", year, _blank(tpl, v, year)
        for s in tpl.examples:
            year = data.example_sets()[s].values["year"]
            yield f"{tpl.slug}/{s}", year, render.to_plain(sections.render_example(tpl, s))


def test_wording_is_right_for_the_report_year():
    checked = 0
    for name, year, text in _every_text():
        checked += 1
        # The theory is never named without 习近平.
        assert not re.search(r"(?<!习近平)新时代中国特色社会主义思想", text), name
        if year < 2023:
            assert "二十届" not in text, name
        else:
            assert "十九大" not in text and "十九届" not in text, name
        if year <= 2023 and not name.startswith("next-steps/"):
            # Consolidating its results comes after the campaign (next year's plan may say it).
            assert "巩固拓展主题教育成果" not in text, name
        if year < 2025:
            assert "十五五" not in text, name
        for campaign_year, campaign in CAMPAIGNS.items():
            if campaign_year != year:
                assert f"扎实开展{campaign}" not in text, (name, campaign)
        # Fixed formulations are whole and in order wherever they appear.
        if "政治判断力" in text:
            assert "政治判断力、政治领悟力、政治执行力" in text, name
        if "不敢腐" in text:
            assert "一体推进不敢腐、不能腐、不想腐" in text, name
        if "四个意识" in text:
            assert "增强“四个意识”、坚定“四个自信”、做到“两个维护”" in text, name
    assert checked > 300


# Dated wording the calendar does not list as an event: (wording, first report year, last or None).
NOT_IN_CALENDAR = [
    ("“两个确立”", 2021, None),             # 十九届六中全会（2021年11月）
    ("政治判断力", 2020, None),             # 政治判断力、政治领悟力、政治执行力（2020年）
    ("新时代廉洁文化建设", 2022, None),     # 《关于加强新时代廉洁文化建设的意见》（2022年）
    ("大兴调查研究", 2023, None),           # 中办工作方案（2023年3月）
    ("急难愁盼", 2021, None),               # “我为群众办实事”实践活动（2021年）
    ("新修订的《中国共产党纪律处分条例》", 2024, 2024),  # 2023年修订版2024年1月1日施行
]


def _current_followups(year: int) -> list[str]:
    """Follow-up wordings right in a report of `year`: from their from_year; in the campaign's
    own year also its aims (推动作风建设常态化长效化), not yet the consolidation of its results
    (巩固拓展…成果 comes after it)."""
    return [f.wording for e in CALENDAR.events("campaign") for f in e.followups
            if f.valid_in(year) or (e.start.year == year and not f.wording.startswith("巩固"))]


def test_no_calendar_wording_before_it_happened_or_after_it_was_superseded():
    """Every wording of calendar.stale_terms() and NOT_IN_CALENDAR, in every section, variant and
    year: only in the years it is current. A follow-up form (推动党史学习教育常态化长效化) is taken
    out before the campaign's own name is looked for; the 下一步 section may also name next
    year's plans (its follow-ups, milestones and plan)."""
    rows = [r for r in CALENDAR.stale_terms() if not r["field"].startswith("followups[")]
    rows += [{"phrase": p, "valid_from": a, "valid_until": b, "event": "-"} for p, a, b in NOT_IN_CALENDAR]
    checked = 0
    for name, year, text in _every_text():
        ahead = name.startswith("next-steps/")
        years = (year, year + 1) if ahead else (year,)
        followups = [f for y in years for f in _current_followups(y)]
        for e in CALENDAR.events("campaign"):
            for f in e.followups:
                if f.wording in text:
                    assert f.wording in followups, (name, f.wording)
        masked = text
        for f in sorted(followups, key=len, reverse=True):
            masked = masked.replace(f, "□")
        for row in rows:
            if row["phrase"] not in masked:
                continue
            checked += 1
            until = row["valid_until"] if row["valid_until"] is not None else 9999
            ok = any(row["valid_from"] <= y <= until for y in years)
            assert ok, (name, row["phrase"], row["event"], row["valid_from"], row["valid_until"])
    assert checked > 300


def _year_ifs(tree):
    """Every if-chain (if + its elifs) whose tests read the report year."""
    from jinja2 import nodes

    def reads_year(node) -> bool:
        within = [node, *node.find_all(nodes.Node)]  # find_all yields descendants only
        return any(isinstance(n, nodes.Name) and n.name == "report_year" for n in within) or any(
            isinstance(n, nodes.Call) and isinstance(n.node, nodes.Name) and n.node.name == "since" for n in within)

    elifs = {id(e) for node in tree.find_all(nodes.If) for e in node.elif_}
    for node in tree.find_all(nodes.If):
        if id(node) in elifs:
            continue
        tests = [node.test] + [e.test for e in node.elif_]
        if any(reads_year(t) for t in tests):
            yield node, tests


def _since_year(test):
    from jinja2 import nodes
    if isinstance(test, nodes.Call) and isinstance(test.node, nodes.Name) and test.node.name == "since" \
            and len(test.args) == 1 and isinstance(test.args[0], nodes.Const) and not test.kwargs:
        return test.args[0].value
    return None


def test_no_year_chain_whose_else_means_the_latest_year():
    """A branch on the year is a dated cut-off, written for the years it covers. The only
    if-chain on the year that may have elif/else is since(Y1) … elif since(Y2) … else …
    with Y1 > Y2 > …: each branch covers the years from its cut, the else the years before the
    last one (never "whatever is latest"). `report_year == 2024 … else` and the like are refused:
    branch on the calendar (cal.campaign, cal.held …) instead."""
    from jinja2 import nodes
    for path in sorted(paths.SECTIONS.glob("*.j2")):
        tree = sections._ENV.parse(path.read_text(encoding="utf-8"))
        for node, tests in _year_ifs(tree):
            if not node.elif_ and not node.else_:
                continue
            cuts = [_since_year(t) for t in tests]
            assert None not in cuts and cuts == sorted(set(cuts), reverse=True), \
                f"{path.name}:{node.lineno}: a year chain with elif/else must be since(Y) cut-offs, latest first"
        # Comparing report_year with a constant is a year list of the template's own.
        for cmp in tree.find_all(nodes.Compare):
            assert not any(n.name == "report_year" for n in cmp.find_all(nodes.Name)), \
                f"{path.name}:{cmp.lineno}: compare report_year with a year: branch on cal or since(Y) instead"


def test_the_rule_catches_the_old_chains():
    bad = ("{% if since(2023) %}a{% elif report_year == 2022 %}b{% else %}c{% endif %}",
           "{% if report_year == 2024 %}a{% else %}b{% endif %}",
           "{% if since(2021) %}a{% elif since(2023) %}b{% else %}c{% endif %}")
    for source in bad:
        node, tests = next(_year_ifs(sections._ENV.parse(source)))
        cuts = [_since_year(t) for t in tests]
        assert None in cuts or cuts != sorted(set(cuts), reverse=True), source
    node, tests = next(_year_ifs(sections._ENV.parse("{% if since(2021) %}a{% else %}b{% endif %}")))
    assert [_since_year(t) for t in tests] == [2021]


def _moves(tpl, variant_id: str, year: int) -> set[str]:
    paras = sections.render_variant(tpl, variant_id, year)
    return {p.move for p in paras if not p.is_instruction} | {
        s.text for p in paras for s in p.segments if s.kind == "move"}


def test_every_year_is_fully_written_in_every_variant():
    """No move goes missing in an early year: each year's render has the moves of the latest."""
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            latest = _moves(tpl, v.id, YEARS[-1])
            for year in YEARS:
                text = render.to_plain(sections.render_variant(tpl, v.id, year))
                assert text and not any(ch in render.MARKERS for ch in text), (tpl.slug, v.id, year)
                assert _moves(tpl, v.id, year) == latest, (tpl.slug, v.id, year)


@pytest.mark.parametrize("slug, year, needle", [
    ("political-building", 2024, "扎实开展党纪学习教育"),
    ("discipline", 2024, "逐章逐条学习"),
    ("political-building", 2023, "扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育"),
    ("political-building", 2025, "扎实开展深入贯彻中央八项规定精神学习教育"),
    ("work-style", 2025, "对照违规吃喝"),
    ("political-building", 2026, "扎实开展树立和践行正确政绩观学习教育"),
    ("political-building", 2022, "党的二十大召开后第一时间传达学习"),
    ("next-steps", 2022, "把学习宣传贯彻党的二十大精神作为首要政治任务"),
    ("next-steps", 2024, "巩固拓展党纪学习教育成果"),
    ("next-steps", 2025, "“十五五”良好开局"),
    # 2019–2021, written from the calendar
    ("opening", 2019, "全面贯彻党的十九大和十九届历次全会精神"),
    ("political-building", 2019, "扎实开展“不忘初心、牢记使命”主题教育"),
    ("political-building", 2019, "党的十九大和十九届二中、三中、四中全会精神"),
    ("political-building", 2019, "守初心、担使命，找差距、抓落实"),
    ("main-business", 2019, "新中国成立70周年"),
    ("political-building", 2020, "党的十九大和十九届二中、三中、四中、五中全会精神"),
    ("political-building", 2020, "巩固深化“不忘初心、牢记使命”主题教育成果"),
    ("main-business", 2020, "统筹疫情防控和经济社会发展，决战决胜脱贫攻坚"),
    ("main-business", 2020, "全面建成小康社会收官"),
    ("next-steps", 2020, "“十四五”良好开局"),
    ("political-building", 2021, "扎实开展党史学习教育"),
    ("political-building", 2021, "学史明理、学史增信、学史崇德、学史力行"),
    ("political-building", 2021, "深刻领悟“两个确立”的决定性意义"),
    ("political-building", 2021, "十九届二中、三中、四中、五中、六中全会精神"),
    ("main-business", 2021, "庆祝建党100周年"),
    ("next-steps", 2021, "迎接党的二十大胜利召开"),
    ("discipline", 2022, "新时代廉洁文化建设"),
    ("political-building", 2025, "巩固拓展党纪学习教育成果"),
    ("political-building", 2026, "推动作风建设常态化长效化"),
    ("political-building", 2020, "建立不忘初心、牢记使命的制度"),
    ("political-building", 2026, "巩固拓展深入贯彻中央八项规定精神学习教育成果"),
])
def test_each_year_says_its_own_campaign(slug, year, needle):
    tpl = sections.get_section(slug)
    for v in tpl.variants:
        assert needle in _blank(tpl, v, year), (slug, v.id, year)


@pytest.mark.parametrize("slug, year, absent", [
    ("political-building", 2020, "“两个确立”"),
    ("political-building", 2019, "政治判断力"),
    ("primary-responsibility", 2019, "《党委（党组）落实全面从严治党主体责任规定》"),
    ("supervision", 2020, "《中共中央关于加强对“一把手”和领导班子监督的意见》"),
    ("discipline", 2021, "新时代廉洁文化"),
    ("opening", 2021, "二十大"),
    ("main-business", 2021, "政绩观"),
    # Said once: the campaign is named by the 政治建设 part; the opening, the 纪律建设 and
    # 作风建设 parts say what was done without naming it again.
    *[("opening", y, "学习教育") for y in YEARS],
    ("discipline", 2024, "党纪学习教育"),
    ("discipline", 2025, "党纪学习教育"),
    ("work-style", 2025, "深入贯彻中央八项规定精神学习教育"),
    ("work-style", 2026, "深入贯彻中央八项规定精神学习教育"),
])
def test_nothing_before_it_happened(slug, year, absent):
    tpl = sections.get_section(slug)
    for v in tpl.variants:
        assert absent not in _blank(tpl, v, year), (slug, v.id, year)


def test_eras_group_identical_years_latest_first():
    tpl = sections.get_section("title")
    assert [e.years for e in sections.eras(tpl, "team")] == [YEARS]  # no year-dependent wording
    tpl = sections.get_section("political-building")  # a campaign a year: the latest year is an era of its own
    runs = sections.eras(tpl, "team")
    assert runs[0].years == (YEARS[-1],) and sorted(y for e in runs for y in e.years) == list(YEARS)
    assert any(len(e.years) > 1 for e in sections.eras(sections.get_section("opening"), "team"))
    for e in runs:
        for y in e.years:
            assert render.to_plain(list(e.paragraphs)) == _blank(tpl, tpl.variant("team"), y)


def test_examples_cover_every_year_and_the_2024_one_names_its_campaign():
    years = {s.values["year"] for s in data.example_sets().values()}
    assert years >= set(EXAMPLE_YEARS)
    for tpl in sections.all_sections().values():
        for s in tpl.examples:
            text = render.to_plain(sections.render_example(tpl, s))
            if data.example_sets()[s].values["year"] == 2024 and tpl.slug == "political-building":
                assert "党纪学习教育" in text, (tpl.slug, s)
            if data.example_sets()[s].values["year"] == 2022:
                assert "二十届" not in text, (tpl.slug, s)


LEFTOVERS = re.compile(r"XX|X{1,3}(?=[\u4e00-\u9fff])|××|某某|\*\*\*|＊")


def test_no_placeholder_leftovers_in_template_text_or_examples():
    for path in sorted(sections.paths.SECTIONS.glob("*.j2")):
        assert not LEFTOVERS.search(path.read_text(encoding="utf-8")), path.name
    for slug, s in _examples():
        text = render.to_plain(sections.render_example(sections.get_section(slug), s))
        assert not LEFTOVERS.search(text), (slug, s)
        assert "【" not in text and "】" not in text, (slug, s)


def test_headings_are_paragraphs_of_their_own():
    """The Word output detects levels from 一、/（一） at a paragraph's start."""
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            paras = [p.plain() for p in sections.render_variant(tpl, v.id) if not p.is_instruction]
            for text in paras:
                if re.match(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)", text):
                    assert not text.endswith("。"), (tpl.slug, v.id, text)


# ---------------------------------------------------------------------------
# Strictness of the new fields: variants that serve, annotations, genres
# ---------------------------------------------------------------------------

TWO_VARIANTS = """\
    title: 示范
    summary: s
    moves: [{id: a, label: 甲, does: d}]
    variants: [{id: team, label: 班子}, {id: individual, label: 个人}]
    slots: [year, unit]
    examples: [good]
    """


def test_example_of_a_variant_no_variant_serves_is_refused(tmp_path):
    root = _tree(tmp_path, slots=SLOTS, yml=TWO_VARIANTS, j2="{{ move('a') }}{{ year }}{{ unit }}",
                 examples="good: {title: t, variant: secretary, values: {year: 2024, unit: 局}}\n")
    with pytest.raises(HandbookError) as info:
        sections.render_example(_load(root), "good")
    line = info.value.line()
    assert "demo.yml [variants]" in line and "'good'" in line and "'secretary'" in line


def test_a_variant_that_serves_shows_the_example(tmp_path):
    yml = TWO_VARIANTS.replace("{id: individual, label: 个人}", "{id: individual, label: 个人, serves: [secretary]}")
    root = _tree(tmp_path, slots=SLOTS, yml=yml,
                 j2="{{ move('a') }}{% if variant == 'team' %}班子{% else %}本人{% endif %}{{ year }}{{ unit }}",
                 examples="good: {title: t, variant: secretary, values: {year: 2024, unit: 局}}\n")
    assert render.to_plain(sections.render_example(_load(root), "good")) == "本人2024局"


@pytest.mark.parametrize("extra, expected", [
    ("annotations: {b: {why: w}}\n", r"\[annotations.b\]: annotation for undeclared move 'b'"),
    ("annotations: {}\n", r"\[annotations\]: move 'a' has no annotation"),
    ("annotations: {a: {why: w, pitfalls: x}}\n", r"\[annotations.a.pitfalls\]: expected a list"),
    ("annotations: {a: {why: w, colour: red}}\n", r"\[annotations.a.colour\]: unknown field"),
    # Which report types use a section is read from their skeletons: a list here is refused.
    ("genres: [team-duty-report]\n", r"\[genres\]: unknown field"),
    ("tips: [\"\"]\n", r"\[tips\]: expected a list of non-empty texts"),
])
def test_bad_page_fields_are_named(tmp_path, extra, expected):
    root = _tree(tmp_path, slots=SLOTS, yml=YML + extra, j2="{{ move('a') }}{{ year }}{{ unit }}",
                 examples="good: {title: t, variant: default, values: {year: 2024, unit: 局}}\n")
    with pytest.raises(HandbookError, match=r"demo.yml " + expected):
        _load(root)


def test_bad_serves_is_named(tmp_path):
    yml = TWO_VARIANTS.replace("{id: individual, label: 个人}", "{id: individual, label: 个人, serves: secretary}")
    root = _tree(tmp_path, slots=SLOTS, yml=yml, j2="{{ move('a') }}{{ year }}{{ unit }}",
                 examples="good: {title: t, variant: team, values: {year: 2024, unit: 局}}\n")
    with pytest.raises(HandbookError, match=r"\[variants\[1\].serves\]: expected a list of variant ids"):
        _load(root)
