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


def test_every_category_is_planted() -> None:
    _, _, expected, _ = _scores()
    assert set(expected) == set(CATEGORIES)


@pytest.mark.parametrize("category", CATEGORIES)
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
