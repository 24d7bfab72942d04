"""macros/render.py: marked text → paragraphs → plain text and HTML."""
from __future__ import annotations

import pytest

from macros.engine import render
from macros.engine.render import filled, hint, move_marker, slot_label


def test_parse_joins_wrapped_lines_and_splits_on_blank_lines():
    paras = render.parse("第一段前半，\n后半。\n\n第二段。")
    assert [p.plain() for p in paras] == ["第一段前半，后半。", "第二段。"]


def test_plain_text_drops_instructions_and_moves_and_keeps_slots_bracketed():
    marked = f"{move_marker('a')}{slot_label('年度')}年，{hint('不要复制我')}{filled('市财政局')}党组。"
    text = render.to_plain(render.parse(marked))
    assert text == "【年度】年，市财政局党组。"
    assert not any(ch in render.MARKERS for ch in text)


def test_instruction_only_paragraph_is_not_copied():
    paras = render.parse(f"正文。\n\n{hint('只写一句。')}\n\n结尾。")
    assert render.to_plain(paras) == "正文。\n结尾。"
    assert paras[1].is_instruction


def test_plain_text_strips_zero_width_characters():
    assert render.to_plain(render.parse("两个\u200b维护\ufeff")) == "两个维护"


def test_html_escapes_text_and_marks_each_kind():
    marked = f"<b>{slot_label('单位')}{filled('A&B')}{hint('提示')}"
    out = render.to_html(render.parse(marked))
    assert "&lt;b&gt;" in out
    assert '<span class="hb-slot">【单位】</span>' in out
    assert '<mark class="hb-fill">A&amp;B</mark>' in out
    assert 'class="hb-hint"' in out and "data-search-exclude" in out


def test_moves_are_tagged_only_when_labels_are_given():
    marked = f"{move_marker('ctx')}背景。{move_marker('end')}结尾。"
    plain_html = render.to_html(render.parse(marked))
    assert "hb-move" not in plain_html
    tagged = render.to_html(render.parse(marked), move_label=lambda m: {"ctx": "交代背景", "end": "收尾"}[m])
    assert tagged.index("交代背景") < tagged.index("背景。") < tagged.index("收尾") < tagged.index("结尾。")


def test_paragraph_remembers_the_move_in_force():
    paras = render.parse(f"{move_marker('a')}甲。\n\n乙。\n\n{move_marker('b')}丙。")
    assert [p.move for p in paras] == ["a", "a", "b"]


def test_unbalanced_marker_is_an_error():
    with pytest.raises(ValueError):
        render.parse(f"{render.SLOT_OPEN}未闭合")


def test_environment_is_strict():
    env = render.make_environment()
    with pytest.raises(Exception) as info:
        env.from_string("{{ nope }}").render()
    assert "nope" in str(info.value)


def test_a_template_reading_the_calendar_has_no_year_cuts():
    """`cal` (the calendar's answers for the report year) can change any year: one render per year."""
    env = render.make_environment()
    assert "cal" in render.RESERVED
    assert render.compile_checked(env, "{% if since(2021) %}a{% endif %}", "t").year_cuts == (2021,)
    assert render.compile_checked(env, "{% if since(2021) %}{{ cal.spirit }}{% endif %}", "t").year_cuts is None
    assert "cal" in render.compile_checked(env, "{% if cal.campaign %}x{% endif %}", "t").names
