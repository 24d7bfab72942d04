"""macros/data.py and macros/sections.py: templates render strictly from data."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import sections
from macros.content import slots as data
from macros.engine import render


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


def test_years_that_share_a_render_for_the_tool_really_render_the_same():
    # render_for_tool renders once per era between the template's year cuts;
    # rendering each year afresh must give exactly that text.
    shared = 0
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            for year in range(2018, 2028):
                values = {s.name: render.slot_label(s.name) for s in tpl.slots}
                fresh = sections._run(tpl, sections._context(tpl, v, year, values), "test")
                assert render.to_html(sections.render_for_tool(tpl, v.id, year)) == render.to_html(fresh), \
                    (tpl.slug, v.id, year)
        shared += tpl.year_cuts is not None
    assert shared >= 10, "year cuts found in too few templates: the memo key falls back to exact years"


def test_year_cuts_are_read_from_since_and_year_comparisons():
    env = sections._ENV
    assert render.compile_checked(env, "{% if since(2023) %}a{% endif %}", "t").year_cuts == (2023,)
    assert render.compile_checked(env, "{% if report_year == 2024 %}a{% elif 2022 < report_year %}b{% endif %}",
                                  "t").year_cuts == (2022, 2023, 2024, 2025)
    assert render.compile_checked(env, "{{ unit }}", "t").year_cuts == ()
    assert render.compile_checked(env, "{{ report_year }}年度", "t").year_cuts is None
    assert render.compile_checked(env, "{% if since(y) %}a{% endif %}", "t").year_cuts is None


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
    assert "深入贯彻中央八项规定精神学习教育" in y2025
    assert "十九届历次全会精神" in y2022 and "学习教育" not in y2022


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
          "work-style", "discipline", "personal-integrity", "main-business", "supervision", "problems",
          "causes", "next-steps", "closing"]
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
        assert tpl.meta.get("purpose") and tpl.meta.get("genres"), tpl.slug


# ---------------------------------------------------------------------------
# Wording is right for the report year, in every template, variant and year
# ---------------------------------------------------------------------------

YEARS = range(2022, 2027)
# The campaign a report may say it "carried out" (扎实开展) in each year.
CAMPAIGNS = {
    2023: "学习贯彻习近平新时代中国特色社会主义思想主题教育",
    2024: "党纪学习教育",
    2025: "深入贯彻中央八项规定精神学习教育",
    2026: "树立和践行正确政绩观学习教育",
}


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
            assert "二十届" not in text and "主题教育成果" not in text, name
        else:
            assert "十九大" not in text and "十九届" not in text, name
        if year <= 2023 and not name.startswith("next-steps/"):
            # Consolidating its results comes after the campaign (next year's plan may say it).
            assert "巩固拓展主题教育成果" not in text, name
        if year < 2025:
            assert "十五五" not in text, name
        if year < 2024:
            assert "《整治形式主义为基层减负若干规定》" not in text, name
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
    assert checked > 200


@pytest.mark.parametrize("slug, year, needle", [
    ("opening", 2024, "扎实开展党纪学习教育"),
    ("political-building", 2024, "扎实开展党纪学习教育"),
    ("discipline", 2024, "扎实开展党纪学习教育"),
    ("political-building", 2023, "扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育"),
    ("political-building", 2025, "扎实开展深入贯彻中央八项规定精神学习教育"),
    ("work-style", 2025, "扎实开展深入贯彻中央八项规定精神学习教育"),
    ("political-building", 2026, "扎实开展树立和践行正确政绩观学习教育"),
    ("political-building", 2022, "党的二十大召开后第一时间传达学习"),
    ("next-steps", 2022, "把学习宣传贯彻党的二十大精神作为首要政治任务"),
    ("next-steps", 2024, "巩固拓展党纪学习教育成果"),
    ("next-steps", 2025, "“十五五”良好开局"),
])
def test_each_year_says_its_own_campaign(slug, year, needle):
    tpl = sections.get_section(slug)
    for v in tpl.variants:
        assert needle in _blank(tpl, v, year), (slug, v.id, year)


def test_examples_cover_every_year_and_the_2024_one_names_its_campaign():
    years = {s.values["year"] for s in data.example_sets().values()}
    assert years >= set(YEARS)
    for tpl in sections.all_sections().values():
        for s in tpl.examples:
            text = render.to_plain(sections.render_example(tpl, s))
            if data.example_sets()[s].values["year"] == 2024 and tpl.slug in ("opening", "political-building"):
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
    ("genres: [annual-report]\n", r"\[genres\[0\]\]: unknown report type 'annual-report'"),
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
