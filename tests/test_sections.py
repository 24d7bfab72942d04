"""macros/data.py and macros/sections.py: templates render strictly from data."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from macros import data, render, sections
from macros.errors import HandbookError


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
