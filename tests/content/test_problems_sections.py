"""存在的问题, 原因分析, 下一步打算和整改措施 in assembled drafts: by role, by area, each problem answered.

For every report type × variant × year the drafting tool offers (assemble.catalog()), the three
sections are found in the assembled draft as the run of lines one of their template variants
prints, so every check reads the text a user copies:

- the problems are the writer's own: the 班子, the 书记, the 主要负责人, the 班子成员 and the
  监督汇报 each get a different list, and a draft gets the list of its own voice;
- no 有时, no 有待进一步 chain;
- every numbered problem (一是 …) has a numbered measure, and at the template level the
  measure answers the problem of the same area (move politics-gap → politics-step …);
- the 监督汇报's problems are about supervision;
- no sentence of 20 or more characters in these sections is printed anywhere else in the draft.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.base.text import NUMERALS
from macros.content import assemble, sections

CASES = [(e["genre"], v, y) for e in assemble.catalog() for v in e["variants"] for y in e["years"]]
SLUGS = ("problems", "causes", "next-steps")
ITEM_RE = re.compile(f"^([{NUMERALS}])是")
SENTENCE_RE = re.compile(r"[^。！？；\n]+[。！？；]?")
SLOT_RE = re.compile(r"【[^】]*】")


def _tool_lines(tpl, variant: str, year: int) -> list[str]:
    """The section's lines as a blank draft prints them, less its own 一、 heading."""
    paras = [p for p in sections.render_for_tool(tpl, variant, year) if not p.is_instruction]
    lines = [assemble._lines(assemble._segments([p]), {"year": str(year)}) for p in paras]
    flat = [line for group in lines for line in group]
    return flat[1:] if flat and re.match(f"^[{NUMERALS}]+、", flat[0]) else flat


def _find_run(body: list[str], run: list[str]) -> int:
    for i in range(len(body) - len(run) + 1):
        if body[i:i + len(run)] == run:
            return i
    return -1


def _sections_in(genre: str, variant: str, year: int) -> tuple[list[str], dict[str, tuple[str, list[str]]]]:
    """The draft's body lines, and for each of our sections in it: (template variant, its lines)."""
    body = list(assemble.assemble(genre, variant, year).body_lines)
    found: dict[str, tuple[str, list[str]]] = {}
    for slug in SLUGS:
        tpl = sections.get_section(slug)
        hits = [(v.id, lines) for v in tpl.variants
                for lines in [_tool_lines(tpl, v.id, year)] if _find_run(body, lines) >= 0]
        if hits:
            assert len(hits) == 1, (genre, variant, year, slug, [h[0] for h in hits])
            found[slug] = hits[0]
    return body, found


def _items(lines: list[str]) -> list[str]:
    return [m.group(1) for line in lines for m in [ITEM_RE.match(line)] if m]


@pytest.fixture(scope="module")
def drafts() -> dict[tuple[str, str, int], tuple[list[str], dict[str, tuple[str, list[str]]]]]:
    return {case: _sections_in(*case) for case in CASES}


def test_every_draft_prints_problems_and_next_steps_in_its_own_voice(drafts):
    for (genre, variant, year), (_, found) in drafts.items():
        assert {"problems", "next-steps"} <= set(found), (genre, variant, year, sorted(found))
        for slug, (used, _) in found.items():
            # Each voice has its own wording: no draft borrows another writer's.
            assert used == variant, (genre, variant, year, slug, used)


def test_problems_differ_by_writer_in_every_year(drafts):
    by_year: dict[int, dict[str, str]] = {}
    for (genre, variant, year), (_, found) in drafts.items():
        used, lines = found["problems"]
        text = "\n".join(lines)
        seen = by_year.setdefault(year, {})
        assert seen.setdefault(used, text) == text, (genre, variant, year)  # one voice, one text
    for year, texts in by_year.items():
        assert {"team", "supervision", "secretary", "individual", "member"} <= set(texts), year
        assert len(set(texts.values())) == len(texts), (year, sorted(texts))
        # Not one item shared between two writers either.
        items = Counter(line for text in texts.values() for line in text.split("\n") if ITEM_RE.match(line))
        assert not [line for line, n in items.items() if n > 1], year


def test_no_vague_softeners_in_the_three_sections(drafts):
    for case, (_, found) in drafts.items():
        for slug, (_, lines) in found.items():
            text = "\n".join(lines)
            for word in ("有时", "有待", "进一步加强", "进一步提高"):
                assert word not in text, (case, slug, word)


def test_every_problem_has_its_measure_in_the_same_order(drafts):
    for case, (_, found) in drafts.items():
        problems = _items(found["problems"][1])
        measures = _items(found["next-steps"][1])
        assert len(problems) >= 4, (case, problems)
        assert problems == list(NUMERALS[:len(problems)]), (case, problems)
        assert measures == problems, (case, problems, measures)
        if "causes" in found:
            assert _items(found["causes"][1]) == list(NUMERALS[:4]), case


def _item_moves(slug: str, variant: str, year: int, suffix: str) -> list[str]:
    paras = sections.render_for_tool(sections.get_section(slug), variant, year)
    out = []
    for p in paras:
        if not p.is_instruction and ITEM_RE.match(p.plain()):
            assert p.move and p.move.endswith(suffix), (slug, variant, year, p.move)
            out.append(p.move.removesuffix(suffix))
    return out


def test_each_measure_answers_the_problem_of_its_area():
    problems, steps = sections.get_section("problems"), sections.get_section("next-steps")
    assert [v.id for v in problems.variants] == [v.id for v in steps.variants]
    for v in problems.variants:
        for year in sorted({y for _, _, y in CASES}):
            areas = _item_moves("problems", v.id, year, "-gap")
            assert areas and areas == _item_moves("next-steps", v.id, year, "-step"), (v.id, year)


def test_the_supervision_report_lists_problems_of_supervision(drafts):
    cases = [c for c in drafts if c[0] == "leader-supervision-report"]
    assert cases
    team_items = {line for (g, v, _), (_, found) in drafts.items() if v == "team"
                  for line in found["problems"][1] if ITEM_RE.match(line)}
    for case in cases:
        lines = drafts[case][1]["problems"][1]
        items = [line for line in lines if ITEM_RE.match(line)]
        assert "监督" in lines[0], case  # the lead says what was checked
        for line in items:
            assert re.search(r"监督|谈心谈话|权力清单|“三重一大”", line.split("。")[0]), (case, line)
        assert sum("监督" in line for line in items) >= 3, case
        assert not set(items) & team_items, case


def test_the_three_sections_say_nothing_the_draft_says_elsewhere(drafts):
    for case, (body, found) in drafts.items():
        counts = Counter(s.strip() for line in body for s in SENTENCE_RE.findall(line))
        for slug, (_, lines) in found.items():
            for line in lines:
                for s in SENTENCE_RE.findall(line):
                    s = s.strip()
                    if len(SLOT_RE.sub("", s)) >= 20:
                        assert counts[s] == 1, (case, slug, s)


def test_the_checks_can_fail():
    # A problems text in the old shape: one 有时, four items, three measures.
    old = ["一是理论学习还不够深入。有时满足于读原文。", "二是责任传导有温差。", "三是担当不够。", "四是监督不严。"]
    assert _items(old) == list("一二三四") and "有时" in "\n".join(old)
    assert _items(["一是在理论武装上下功夫。", "二是在压实责任上下功夫。", "三是在推动业务上下功夫。"]) != _items(old)
    assert _find_run(["a", "b", "c"], ["b", "c"]) == 1 and _find_run(["a", "b"], ["b", "a"]) == -1
    assert not re.search(r"监督|谈心谈话|权力清单|“三重一大”", "三是担当作为和改革创新的劲头还不够足")
