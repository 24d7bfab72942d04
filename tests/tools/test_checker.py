"""The checker (提法体检): the case corpus, rules data, and library-driven rules."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.content import phrases
from macros.tools import checker
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
        rules["stale"]["history"]["year_re"], rules["stale"]["history"]["last_year_re"]]
    for p in patterns:
        re.compile(p)
        # The shared subset: no class shorthands whose meaning differs between Python and JavaScript.
        assert not re.search(r"(?<!\\)\\[dwsbDWSB]", p), p


def test_stale_terms_come_from_the_library(rules):
    terms = {t["id"]: t for t in rules["stale"]["terms"]}
    assert terms["shi-jiu-da-jing-shen"]["valid_until"] == 2022
    assert terms["shi-jiu-da-jing-shen"]["replacement"] == "党的二十大和二十届历次全会精神"
    assert "zhu-ti-jiao-yu" not in terms  # no dates: never stale
    lists = {l["id"]: l for l in rules["misquote"]["lists"]}
    assert lists["si-ge-yi-shi"]["suffix"] == "意识"
    assert lists["san-bu-fu"]["correct"] == "不敢腐、不能腐、不想腐"


def test_changing_the_library_changes_the_rules(tmp_path):
    """Dates are data: move valid_until in the library and the finding moves."""
    root = tmp_path / "lib"
    shutil.copytree(LIBRARY, root)
    path = root / "phrases" / "fixture.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("valid_until: 2022", "valid_until: 2024"), encoding="utf-8")
    text = "深入学习贯彻党的十九大和十九届历次全会精神。"
    assert [f.rule for f in checker.check(text, 2024, check_rules.build_rules(LIBRARY))] == ["stale"]
    assert checker.check(text, 2024, check_rules.build_rules(root)) == []


def test_messages_name_the_replacement_and_years(rules):
    (f,) = checker.check("深入学习贯彻党的十九大和十九届历次全会精神。", 2024, rules)
    assert "2022" in f.message and "2024" in f.message
    assert "党的二十大和二十届历次全会精神" in f.suggestion
    (f,) = checker.check("扎实开展党纪学习教育。", 2022, rules)
    assert "2024" in f.message and "2022" in f.message


def test_real_library_rules_build(monkeypatch):
    rules = check_rules.build_rules()
    library = phrases.load_library()
    dated = [p for p in library.values() if p.valid_from or p.valid_until]
    assert len(rules["stale"]["terms"]) == len(dated)
    assert checker.check("坚持以习近平新时代中国特色社会主义思想为指导。", 2024) == []


def test_numerals():
    digits = check_rules.CN_DIGITS
    for n in range(1, 100):
        assert checker.cn_value(checker.cn_word(n, digits), digits) == n


def test_line_col():
    assert checker.line_col("甲\n乙丙", 3) == (2, 2)
