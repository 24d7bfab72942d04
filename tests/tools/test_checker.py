"""The checker (提法体检): the case corpus, rules data, and library-driven rules."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import calendar as cal
from macros.content import phrases
from macros.tools import checker, textio
from macros.tools import rules as check_rules

DATA = Path(__file__).parents[1] / "data"
LIBRARY = DATA / "check-library"  # a frozen phrase library: cases do not move with the real one
CASES = yaml.safe_load((DATA / "check_cases.yml").read_text(encoding="utf-8"))
RULE_NAMES = {"placeholder", "stale", "misquote", "numbering", "punctuation"}


@pytest.fixture(scope="module")
def rules():
    return check_rules.build_rules(LIBRARY)


def covered(text: str, findings) -> list[list[str]]:
    return [[f.rule, text[f.start:f.end]] for f in findings]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_corpus(case, rules):
    findings = checker.check(case["text"], case["year"], rules)
    assert covered(case["text"], findings) == case["expect"]
    for f in findings:
        assert f.rule in RULE_NAMES and f.message and f.suggestion and 0 <= f.start < f.end <= len(case["text"])


def test_corpus_covers_every_rule_and_clean_texts():
    rules_hit = {rule for c in CASES for rule, _ in c["expect"]}
    assert rules_hit == RULE_NAMES
    assert sum(1 for c in CASES if not c["expect"]) >= 10


def test_offsets_are_python_string_indices(rules):
    text = "𠮷𠮷完成X次"
    (f,) = checker.check(text, 2024, rules)
    assert (f.start, f.end) == (4, 5) and text[f.start:f.end] == "X"


def test_rules_are_json_and_regexes_compile(rules):
    assert json.loads(json.dumps(rules, ensure_ascii=False)) == rules
    patterns = [p["re"] for p in rules["placeholder"]] + [l["re"] for l in rules["numbering"]["levels"]] + [
        rules["numbering"]["inline_re"], rules["punctuation"]["halfwidth_re"],
        rules["punctuation"]["fullwidth_digits_re"], rules["misquote"]["lists_data"]["clause_re"],
        rules["stale"]["history"]["year_re"], rules["stale"]["history"]["last_year_re"],
        rules["stale"]["forward"]["marker_re"], rules["stale"]["forward"]["year_re"],
        rules["misquote"]["invisible_re"], rules["misquote"]["number_re"]]
    for p in patterns:
        re.compile(p)
        # The shared subset: no class shorthands whose meaning differs between Python and JavaScript.
        assert not re.search(r"(?<!\\)\\[dwsbDWSB]", p), p


def test_stale_terms_come_from_the_calendar(rules):
    terms = {t["phrase"]: t for t in rules["stale"]["terms"]}
    line = terms["党的十九大和十九届历次全会精神"]
    assert (line["valid_until"], line["replacement"]) == (2022, "党的二十大和二十届历次全会精神")
    assert (terms["党纪学习教育"]["valid_from"], terms["党纪学习教育"]["valid_until"]) == (2024, 2024)
    assert terms["党的十九届六中全会精神"]["valid_until"] == 2022
    assert terms["党的二十大"]["valid_from"] == 2021 and terms["党的二十大精神"]["valid_from"] == 2022
    assert terms["党的二十大和二十届二中、三中全会精神"]["valid_until"] == 2024
    # a follow-up that drops its campaign's quoted name: 2020 (the 2019 campaign) and 2023 on
    assert (terms["巩固拓展主题教育成果"]["valid_from"], terms["巩固拓展主题教育成果"]["valid_until"]) == (2019, None)
    assert "主题教育" not in terms  # no dates: never stale
    lists = {l["id"]: l for l in rules["misquote"]["lists"]}
    assert lists["si-ge-yi-shi"]["suffix"] == "意识"
    assert lists["san-bu-fu"]["correct"] == "不敢腐、不能腐、不想腐"


def test_the_calendar_wins_over_the_library(tmp_path):
    """Dates are data, in one place: move a date in the calendar and the finding moves, whatever the
    library's entry says; a dated library entry that names no event keeps its own dates."""
    root = tmp_path / "lib"
    shutil.copytree(LIBRARY, root)
    raw = (paths.TEMPLATES / "calendar.yml").read_text(encoding="utf-8")
    assert raw.count("until_year: 2024\n    source: 中华人民共和国成立75周年") == 1
    (root / "calendar.yml").write_text(raw.replace("until_year: 2024\n    source: 中华人民共和国成立75周年",
                                                   "until_year: 2025\n    source: 中华人民共和国成立75周年"),
                                       encoding="utf-8")
    text = "今年是新中国成立75周年。"
    assert [f.rule for f in checker.check(text, 2025, check_rules.build_rules(LIBRARY))] == ["stale"]
    assert checker.check(text, 2025, check_rules.build_rules(root)) == []
    # The library's own date of a calendar event is not read (a test keeps the two in agreement).
    root = tmp_path / "lib2"  # (rules are cached per root)
    shutil.copytree(LIBRARY, root)
    fixture = root / "phrases" / "fixture.yml"
    fixture.write_text(fixture.read_text(encoding="utf-8").replace("valid_until: 2024", "valid_until: 2026"),
                       encoding="utf-8")
    assert [f.rule for f in checker.check("扎实开展党纪学习教育。", 2025, check_rules.build_rules(root))] == ["stale"]
    root = tmp_path / "lib3"
    shutil.copytree(LIBRARY, root)
    path = root / "phrases" / "fixture.yml"
    path.write_text(path.read_text(encoding="utf-8") + """  - id: xin-ci
    phrase: 某个新提法
    kind: fixed
    sections: [opening]
    valid_from: 2025
    meaning: 测试。
    usage: 测试。
    example: 测试。
    source: 测试会议（2025年）
""", encoding="utf-8")
    (f,) = checker.check("坚持某个新提法。", 2024, check_rules.build_rules(root))
    assert f.rule == "stale" and "2025" in f.message


def test_messages_name_the_replacement_and_years(rules):
    (f,) = checker.check("深入学习贯彻党的十九大和十九届历次全会精神。", 2024, rules)
    assert "2022" in f.message and "2024" in f.message
    assert "党的二十大和二十届历次全会精神" in f.suggestion
    (f,) = checker.check("扎实开展党纪学习教育。", 2022, rules)
    assert "2024" in f.message and "2022" in f.message


def test_dated_entries_that_name_a_calendar_event_agree_with_it():
    """The checker takes the years of an event from the calendar (macros/tools/rules.py); an entry that
    names the event must give the same years, so the library pages and the checker agree."""
    lib = phrases.load_library()
    terms = {t["phrase"]: t for t in check_rules._calendar_terms(cal.load_calendar())}
    named = 0
    for ph in lib.values():
        if ph.valid_from is None and ph.valid_until is None:
            continue
        event = check_rules.library_names_event(ph, set(terms))
        if event:
            named += 1
            t = terms[event]
            assert (ph.valid_from, ph.valid_until) == (t["valid_from"], t["valid_until"]), ph.id
    assert named >= 25


def test_real_library_rules_build():
    rules = check_rules.build_rules()
    library = phrases.load_library()
    phrases_of_terms = {t["phrase"] for t in rules["stale"]["terms"]}
    for p in library.values():
        if p.valid_from or p.valid_until:  # each dated entry: a calendar wording or a term of its own
            assert p.phrase in phrases_of_terms or p.phrase.strip("《》") in phrases_of_terms, p.id
    assert checker.check("坚持以习近平新时代中国特色社会主义思想为指导。", 2024) == []


def test_invisible_characters_and_the_legacy_doc(tmp_path):
    (f,) = checker.check("学思用贯通、知信\u00ad行统一", 2024)
    assert f.rule == "misquote" and (f.start, f.end) == (8, 9)
    doc = tmp_path / "报告.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(HandbookError) as exc:
        textio.read_text_file(doc)
    assert str(exc.value) == f"{doc}: is a legacy Word .doc: save it as .docx (文件另存为 .docx) and try again"
    assert "\n" not in str(exc.value)


def test_numerals():
    digits = check_rules.CN_DIGITS
    for n in range(1, 100):
        assert checker.cn_value(checker.cn_word(n, digits), digits) == n


def test_line_col():
    assert checker.line_col("甲\n乙丙", 3) == (2, 2)
