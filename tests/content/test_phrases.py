"""macros/phrases.py: the phrase library's schema, validation and content rules."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from macros.base.errors import HandbookError
from macros.content import phrases

GOOD_ENTRY = """\
  - id: {id}
    phrase: {phrase}
    kind: fixed
    sections: [political-building]
    meaning: 释义。
    usage: 用法。
    example: 例句。
    source: 来源文件（2020年）
"""


def _library(tmp_path: Path, files: dict[str, str]) -> Path:
    """A templates/ folder holding only the given phrase files."""
    root = tmp_path / "templates"
    (root / "phrases").mkdir(parents=True)
    for name, text in files.items():
        (root / "phrases" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    phrases.load.cache_clear()
    return root


def _error(tmp_path: Path, files: dict[str, str]) -> str:
    root = _library(tmp_path, files)
    try:
        with pytest.raises(HandbookError) as info:
            phrases.load(root)
    finally:
        phrases.load.cache_clear()
    line = info.value.line()
    assert "\n" not in line
    return line


def _file(*entries: str, extra: str = "") -> str:
    return "group: 测试\n" + extra + "entries:\n" + "".join(entries)


def test_a_valid_library_loads(tmp_path):
    root = _library(tmp_path, {"a.yml": _file(GOOD_ENTRY.format(id="liang-ge-wei-hu", phrase="两个维护"))})
    lib = phrases.load(root)
    ph = lib.phrases["liang-ge-wei-hu"]
    assert ph.phrase == "两个维护" and ph.group == "a" and ph.sections == ("political-building",)
    phrases.load.cache_clear()


def test_duplicate_id_names_both_files(tmp_path):
    line = _error(tmp_path, {
        "a.yml": _file(GOOD_ENTRY.format(id="x-y", phrase="甲")),
        "b.yml": _file(GOOD_ENTRY.format(id="x-y", phrase="乙")),
    })
    assert line.startswith("templates/phrases/b.yml") or "b.yml" in line.split(" ")[0]
    assert "[x-y.id]" in line and "duplicate id 'x-y'" in line and "a.yml" in line


@pytest.mark.parametrize("field", ["phrase", "kind", "sections", "meaning", "usage", "example", "source"])
def test_missing_required_field(tmp_path, field):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲")
    entry = "\n".join(line for line in entry.split("\n") if not line.strip().startswith(f"{field}:"))
    line = _error(tmp_path, {"a.yml": _file(entry + "\n")})
    assert "a.yml" in line and f"[x-y.{field}]" in line and "required field is missing" in line


def test_missing_id(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲").replace("  - id: x-y\n    phrase", "  - phrase")
    line = _error(tmp_path, {"a.yml": _file(entry)})
    assert "[entries[0].id]" in line and "required field is missing" in line


def test_unknown_kind(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲").replace("kind: fixed", "kind: slogan")
    line = _error(tmp_path, {"a.yml": _file(entry)})
    assert "[x-y.kind]" in line and "unknown kind 'slogan'" in line


def test_unknown_section(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲").replace("[political-building]", "[politics]")
    line = _error(tmp_path, {"a.yml": _file(entry)})
    assert "[x-y.sections]" in line and "unknown section 'politics'" in line


def test_unknown_group_section(tmp_path):
    line = _error(tmp_path, {"a.yml": _file(GOOD_ENTRY.format(id="x-y", phrase="甲"), extra="section: nope\n")})
    assert "a.yml [section]" in line


def test_inverted_date_range(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲") + "    valid_from: 2024\n    valid_until: 2022\n"
    line = _error(tmp_path, {"a.yml": _file(entry)})
    assert "[x-y.valid_until]" in line and "inverted date range" in line


def test_replaced_by_pointing_nowhere(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲") + "    valid_until: 2022\n    replaced_by: no-such-entry\n"
    line = _error(tmp_path, {"a.yml": _file(entry)})
    assert "a.yml [x-y.replaced_by]" in line and "'no-such-entry', which is no entry" in line


def test_unknown_move(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲") + "    moves: [nowhere]\n"
    line = _error(tmp_path, {"a.yml": _file(entry)})
    assert "[x-y.moves]" in line and "unknown move 'nowhere'" in line


def test_bad_year_and_unknown_field(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲") + "    valid_from: 明年\n"
    assert "[x-y.valid_from]" in _error(tmp_path / "year", {"a.yml": _file(entry)})
    entry = GOOD_ENTRY.format(id="x-y", phrase="甲") + "    colour: red\n"
    assert "[x-y.colour]" in _error(tmp_path / "field", {"a.yml": _file(entry)})


def test_choice_slot_must_occur_in_the_phrase(tmp_path):
    entry = GOOD_ENTRY.format(id="x-y", phrase="压实责任") + "    choices:\n      压紧: [压紧, 夯实]\n"
    assert "[x-y.choices]" in _error(tmp_path, {"a.yml": _file(entry)})


def test_bad_library_fails_the_real_build(tmp_path):
    """The one line reaches the MkDocs log and the build exits non-zero."""
    from conftest import project_copy

    from macros.build import offline

    project = project_copy(tmp_path / "project")
    target = project / "templates" / "phrases" / "fixed-formulations.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("kind: fixed", "kind: motto", 1), encoding="utf-8")
    with pytest.raises(HandbookError) as info:
        offline.build_site(tmp_path / "site", config=project / "mkdocs.yml")
    assert "templates/phrases/fixed-formulations.yml [liang-ge-que-li.kind]: unknown kind 'motto'" in str(info.value)


# ---------------------------------------------------------------------------
# The real library
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lib():
    return phrases.load()


def test_library_size_and_fields(lib):
    assert len(lib.phrases) >= 300
    for ph in lib.phrases.values():
        assert ph.kind in phrases.KINDS and ph.sections and ph.meaning and ph.example
        assert bool(ph.source) == (ph.kind in phrases.SOURCED_KINDS), ph.id


def test_ids_are_ascii_slugs_and_agreed_ids_exist(lib):
    for pid in lib.phrases:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid), pid
    for pid in ("liang-ge-wei-hu", "liang-ge-que-li", "si-ge-yi-shi", "si-ge-zi-xin", "yi-gang-shuang-ze",
                "san-zhong-yi-da", "quan-mian-cong-yan-zhi-dang", "zhu-ti-ze-ren", "zhu-ti-jiao-yu",
                "yi-shi-xing-tai", "zhong-yang-ba-xiang-gui-ding", "dang-feng-lian-zheng-jian-she", "san-hui-yi-ke"):
        assert pid in lib.phrases, pid


# Every fixed formulation of the timeline note, in its exact wording.
FIXED = {
    "liang-ge-que-li": "确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位",
    "liang-ge-wei-hu": "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导",
}
MEMBERS = {
    "si-ge-yi-shi": ("政治意识", "大局意识", "核心意识", "看齐意识"),
    "si-ge-zi-xin": ("道路自信", "理论自信", "制度自信", "文化自信"),
    "zheng-zhi-san-li": ("政治判断力", "政治领悟力", "政治执行力"),
    "yi-ti-tui-jin-san-bu": ("不敢腐", "不能腐", "不想腐"),
    "si-feng": ("形式主义", "官僚主义", "享乐主义", "奢靡之风"),
    "si-ge-quan-mian-xin": ("全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党"),
}


def test_fixed_formulations_of_the_timeline(lib):
    for pid, full in FIXED.items():
        assert lib.phrases[pid].full == full
        assert lib.phrases[pid].wrong
    for pid, members in MEMBERS.items():
        assert lib.phrases[pid].members == members, pid
    assert lib.phrases["zheng-zhi-san-li"].phrase == "政治判断力、政治领悟力、政治执行力"
    assert lib.phrases["yi-ti-tui-jin-san-bu"].phrase == "一体推进不敢腐、不能腐、不想腐"
    assert lib.phrases["san-hui-yi-ke"].full == "支部党员大会、支部委员会、党小组会，按时上好党课"
    assert lib.phrases["xi-jin-ping-xin-shi-dai-si-xiang"].phrase == "习近平新时代中国特色社会主义思想"


# (id, phrase, valid_from, valid_until, replaced_by) for every dated event of the note.
DATED = [
    ("bu-wang-chu-xin-zhu-ti-jiao-yu", "“不忘初心、牢记使命”主题教育", 2019, 2019, None),
    ("zhu-ti-ze-ren-gui-ding", "《党委（党组）落实全面从严治党主体责任规定》", 2020, None, None),
    ("si-ge-quan-mian-jiu", "全面建成小康社会、全面深化改革、全面依法治国、全面从严治党", None, 2020, "si-ge-quan-mian-xin"),
    ("si-ge-quan-mian-xin", "全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党", 2020, None, None),
    ("dang-shi-xue-xi-jiao-yu", "党史学习教育", 2021, 2021, "dang-shi-xue-xi-jiao-yu-chang-tai-hua"),
    ("dang-shi-xue-xi-jiao-yu-yao-qiu", "学史明理、学史增信、学史崇德、学史力行", 2021, 2022, None),
    ("dang-shi-xue-xi-jiao-yu-zong-yao-qiu", "学党史、悟思想、办实事、开新局", 2021, 2022, None),
    ("yi-ba-shou-jian-du-yi-jian", "《中共中央关于加强对“一把手”和领导班子监督的意见》", 2021, None, None),
    ("jue-sheng-quan-mian-jian-cheng-xiao-kang", "决胜全面建成小康社会", 2017, 2020, "quan-mian-jian-she-xian-dai-hua-guo-jia"),
    ("er-shi-da", "党的二十大", 2021, None, None),  # 2021年度的下一步：迎接党的二十大胜利召开
    ("er-shi-da-jing-shen", "党的二十大精神", 2022, None, None),
    ("shi-jiu-da-he-li-ci-quan-hui-jing-shen", "党的十九大和十九届历次全会精神", 2018, 2022,
     "er-shi-da-he-li-ci-quan-hui-jing-shen"),
    ("er-shi-da-he-li-ci-quan-hui-jing-shen", "党的二十大和二十届历次全会精神", 2023, None, None),
    ("zhu-ti-jiao-yu-2023", "学习贯彻习近平新时代中国特色社会主义思想主题教育", 2023, 2023,
     "gong-gu-tuo-zhan-zhu-ti-jiao-yu-cheng-guo"),
    ("zhu-ti-jiao-yu-2023-mu-biao", "以学铸魂、以学增智、以学正风、以学促干", 2023, None, None),
    ("zhu-ti-jiao-yu-2023-zong-yao-qiu", "学思想、强党性、重实践、建新功", 2023, None, None),
    ("gong-gu-tuo-zhan-zhu-ti-jiao-yu-cheng-guo", "巩固拓展主题教育成果", 2019, None, None),
    ("xin-xiu-ding-ji-lv-chu-fen-tiao-li", "新修订的《中国共产党纪律处分条例》", 2024, 2024, "ji-lv-chu-fen-tiao-li"),
    ("dang-ji-xue-xi-jiao-yu", "党纪学习教育", 2024, 2024, None),
    ("xue-ji-zhi-ji-ming-ji-shou-ji", "学纪、知纪、明纪、守纪", 2024, 2025, None),
    ("er-shi-jie-san-zhong-quan-hui-jing-shen", "党的二十届三中全会精神", 2024, None, None),
    ("jin-yi-bu-quan-mian-shen-hua-gai-ge", "进一步全面深化改革、推进中国式现代化", 2024, None, None),
    ("ba-xiang-gui-ding-xue-xi-jiao-yu", "深入贯彻中央八项规定精神学习教育", 2025, 2025, None),
    ("er-shi-jie-si-zhong-quan-hui-jing-shen", "党的二十届四中全会精神", 2025, None, None),
    ("shi-si-wu", "十四五", 2020, 2025, "shi-wu-wu"),
    ("shi-wu-wu", "十五五", 2024, 2030, None),
    ("zheng-ji-guan-xue-xi-jiao-yu", "树立和践行正确政绩观学习教育", 2026, 2026, None),
    ("shi-jiu-jie-wu-zhong-quan-hui-jing-shen", "党的十九届五中全会精神", 2020, 2022, None),
    ("shi-jiu-jie-liu-zhong-quan-hui-jing-shen", "党的十九届六中全会精神", 2021, 2022, None),
    ("zheng-zhi-san-li", "政治判断力、政治领悟力、政治执行力", 2020, None, None),
    ("da-xing-diao-cha-yan-jiu", "大兴调查研究", None, None, None),  # the wording is older than 2023
]


@pytest.mark.parametrize("pid,phrase,start,end,replacement", DATED, ids=[d[0] for d in DATED])
def test_dated_events_of_the_timeline(lib, pid, phrase, start, end, replacement):
    ph = lib.phrases[pid]
    assert (ph.phrase, ph.valid_from, ph.valid_until, ph.replaced_by) == (phrase, start, end, replacement)


def test_corrected_facts(lib):
    p = lib.phrases
    assert p["xue-si-yong-guan-tong"].phrase == "学思用贯通、知信行统一"
    assert "新时期好干部标准" in p["xin-shi-dai-hao-gan-bu"].wrong and p["xin-shi-dai-hao-gan-bu"].phrase == "新时代好干部标准"
    assert "新时期" not in p["xin-shi-dai-hao-gan-bu-biao-zhun"].meaning + p["xin-shi-dai-hao-gan-bu-biao-zhun"].usage
    assert p["san-zhong-yi-da"].members == ("重大决策", "重要人事任免", "重大项目安排", "大额度资金运作")
    assert p["san-zhong-yi-da-bian-ti"].members == ("重大事项决策", "重要干部任免", "重大项目安排", "大额度资金使用")
    assert "12月19日" in p["ji-lv-chu-fen-tiao-li"].source and "12月19日" in p["xin-xiu-ding-ji-lv-chu-fen-tiao-li"].source
    assert "2017年修订" not in p["zhong-yang-ba-xiang-gui-ding-shi-shi-xi-ze-jing-shen"].source
    duty = p["yi-shi-xing-tai-ze-ren-zhi"].meaning
    assert "分管领导是直接责任人" in duty and "负领导责任" in duty


def test_year_validity():
    lib = phrases.load_library()
    assert lib["dang-ji-xue-xi-jiao-yu"].valid_in(2024) and not lib["dang-ji-xue-xi-jiao-yu"].valid_in(2023)
    assert lib["shi-jiu-da-he-li-ci-quan-hui-jing-shen"].valid_in(2022)
    assert not lib["shi-jiu-da-he-li-ci-quan-hui-jing-shen"].valid_in(2023)


def test_wrong_wordings_are_not_the_right_ones(lib):
    for ph in lib.phrases.values():
        for w in ph.wrong:
            assert w != ph.phrase and w != ph.full


def test_sample_sources_name_known_samples(lib):
    samples = {"2019-audit-team-duty", "2023-finance-head-duty", "2023-bureau-secretary-responsibility",
               "2022-county-head-duty", "2022-leader-supervision"}
    for ph in lib.phrases.values():
        if ph.source.startswith("样本"):
            assert ph.source.split()[1] in samples, ph.id


def test_url_for_and_phrase_terms():
    assert phrases.url_for("liang-ge-wei-hu") == "phrases/fixed-formulations/#liang-ge-wei-hu"
    terms = phrases.phrase_terms()
    assert "一岗双责" in terms and "政治意识" in terms
    with pytest.raises(HandbookError):
        phrases.url_for("no-such-id")


def test_find_in_text_prefers_the_longest():
    found = [p.id for p in phrases.find_in_text("认真落实全面从严治党主体责任，履行“一岗双责”。")]
    assert "yi-gang-shuang-ze" in found and "quan-mian-cong-yan-zhi-dang" in found


def test_generated_pinyin_cache_is_fresh():
    """templates/phrases/pinyin.tsv spares builds the 57 MB of pypinyin: it must match the library.

    Regenerate with `python -m macros phrases pinyin` after adding or changing phrases.
    """
    from macros.pages import phrase_search as phraseindex

    phraseindex.pinyin_cache.cache_clear()
    cache = phraseindex.pinyin_cache()
    library = phrases.load_library()
    stale = [ph.phrase for ph in library.values()
             if cache.get(ph.phrase) != " ".join(phraseindex.guess_syllables(ph.phrase))]
    assert not stale, f"run `python -m macros phrases pinyin`: {stale[:5]}"
    assert set(cache) == {ph.phrase for ph in library.values()}


def test_an_entry_lists_every_template_but_at_most_eight_samples():
    from macros.pages import phrases as phrasepages

    where = tuple((f"模板：{i}", f"sections/s{i}.md") for i in range(2)) + \
        tuple((f"样本：{i}", f"samples/x{i}.md") for i in range(12))
    text = phrasepages._where(where, "phrases/fixed-formulations.md")
    assert text.count("](../sections/") == 2 and text.count("](../samples/") == phrasepages.MAX_SAMPLE_LINKS == 8
    assert text.endswith("等（共 12 篇样本）")
    assert "等（共" not in phrasepages._where(where[:5], "phrases/fixed-formulations.md")
    assert phrasepages._where((), "phrases/x.md") == "模板和样本中暂未出现"


def test_copy_form_quotes_what_running_text_quotes(lib):
    """Derived from the entry's example and usage (Phrase.quoted), never stored."""
    assert lib.phrases["si-ge-yi-shi"].quoted and lib.phrases["si-ge-yi-shi"].copy_form == "“四个意识”"
    assert lib.phrases["yi-ba-shou"].copy_form == "“一把手”"  # usage: 正式文件中加引号
    assert lib.phrases["san-zhong-yi-da"].copy_form == "“三重一大”"
    # Cited in quotation marks by its usage, but not quoted in running text.
    assert not lib.phrases["zhong-yang-ba-xiang-gui-ding-shi-shi-xi-ze-jing-shen"].quoted
    assert lib.phrases["quan-mian-cong-yan-zhi-dang"].copy_form == "全面从严治党"
    # A wording that carries its own marks is copied as written.
    assert lib.phrases["liang-zhang-pi"].copy_form == "党建和业务“两张皮”"


def test_quoted_rule_on_made_up_entries():
    base = dict(id="x", kind="fixed", sections=("opening",), meaning="m", source="s")
    assert phrases.Phrase(phrase="甲乙", usage="用“做到‘甲乙’”。", example="无", **base).quoted
    assert phrases.Phrase(phrase="甲乙", usage="无", example="增强“甲乙”。", **base).quoted
    assert phrases.Phrase(phrase="甲乙", usage="加引号：“甲乙”。", example="无", **base).quoted
    assert not phrases.Phrase(phrase="甲乙", usage="完整写法“甲乙”。", example="坚持甲乙。", **base).quoted


def test_compact_entry_shows_members_once_and_folds_the_rest(lib):
    from macros.pages import phrases as phrasepages

    block = phrasepages.entry_block(lib.phrases["si-ge-yi-shi"], "phrases/fixed-formulations.md")
    facts, _, folded = block.partition('<details class="hb-phrase__more" markdown>')
    assert facts.count("大局意识") == 2  # the meaning, and the 复制全称 button's data-copy
    assert "成员顺序固定" in folded and "常见误写" in folded and "出现位置" in folded
    assert 'data-copy="“四个意识”"' in facts and 'data-copy="四个意识"' in facts
