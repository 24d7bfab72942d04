"""macros/ingest.py and `python -m macros samples ingest`: small synthetic raw reports of our own."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content.samples import load_sample
from macros.tools.ingest import ingest_file, ingest_text, placeholder_label

RAW = """本文系作者原创投稿，仅供学习参考，请勿照搬照抄！
关于加强时一手”和领导班子监督工作情况的汇报

2023年以来，市XX局坚持以A新时代中国特色社会主义思想为指导，深入学习党的XX大精神。
一、工作开展情况
（一）加强理论武装，提高政治站位。全年召开党组会X次，学习A总书记重要讲话精神，局领导以普通党员身体参加组织生活，发挥带头示范作，挽回损失XX，提出X建议XX条。
（二）强化监督，压实责任。##paidbegin##组织赴雨花台开展教育，在**县调研,直达资金支出150元。
二、存在的问题
一是监督方式缺少创新。二是某某单位整改不到位。
三、下一步的整改措施
继续锚定改革发展文定各项任务，切实体现严管既是厚爱。
##paidend##
"""

OVERRIDE = """meta:
  level: city
replace:
  - find: 直达资金支出150元
    to: 直达资金支出150【单位待核】元
    why: 缺数量单位，不作推测
    kind: mark
paragraphs:
  7:
    note: 用一是、二是列出问题
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A templates/ folder of our own, with an override file for the slug."""
    r = tmp_path / "templates"
    (r / "samples" / "overrides").mkdir(parents=True)
    (r / "samples" / "overrides" / "2023-test-supervision.yml").write_text(OVERRIDE, encoding="utf-8")
    return r


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    p = tmp_path / "raw.txt"
    p.write_text(RAW, encoding="utf-8")
    return p


def _ingest(raw: Path, root: Path) -> dict:
    yml, review = ingest_file(raw, "2023-test-supervision", root=root)
    assert review.exists()
    return yaml.safe_load(yml.read_text(encoding="utf-8"))


def test_same_input_twice_gives_identical_output(raw: Path, root: Path) -> None:
    yml, review = ingest_file(raw, "2023-test-supervision", root=root)
    first = (yml.read_bytes(), review.read_bytes())
    yml, review = ingest_file(raw, "2023-test-supervision", root=root)
    assert (yml.read_bytes(), review.read_bytes()) == first


def test_output_loads_as_a_valid_sample(raw: Path, root: Path) -> None:
    yml, _ = ingest_file(raw, "2023-test-supervision", root=root)
    s = load_sample(yml)
    assert s.genre == "leader-supervision-report" and s.year == 2023 and s.level == "city"
    assert s.paragraphs[0].kind == "title"


def test_cleaning(raw: Path, root: Path) -> None:
    data = _ingest(raw, root)
    text = "\n".join(p["text"] for p in data["paragraphs"])
    assert data["title"] == "关于加强对“一把手”和领导班子监督工作情况的汇报"
    for residue in ("##paidbegin##", "##paidend##", "本文系作者原创投稿"):
        assert residue not in text
    assert "A新时代" not in text and "A总书记" not in text
    assert "习近平新时代中国特色社会主义思想" in text and "习近平总书记" in text
    assert "党的二十大精神" in text  # 2023: the masked congress can only be the 20th
    assert "市【业务领域】局" in text
    assert "党组会【数字】次" in text and "挽回损失【金额】" in text and "提出【业务领域】建议【数字】条" in text
    assert "【地名】县" in text and "【业务领域】单位" in text
    assert "身份参加" in text and "带头示范作用" in text and "改革发展稳定" in text and "严管就是厚爱" in text
    assert "调研，直达资金" in text  # ASCII comma made full-width
    assert "150【单位待核】元" in text  # marked, not guessed
    assert "雨花台" not in text and "【地标】" in text  # masked by the anonymiser
    assert not any(ch in text for ch in "X*") and "某某" not in text


def test_corrections_are_listed(raw: Path, root: Path) -> None:
    data = _ingest(raw, root)
    listed = " ".join(c["what"] + c["why"] for c in data["corrections"])
    for fixed in ("身体参加", "文定", "带头示范作", "严管既是厚爱", "关于加强时一手", "150【单位待核】元"):
        assert fixed in listed, fixed
    assert "雨花台" not in listed  # the page's list never repeats an identifying item
    assert all(c["where"] for c in data["corrections"])


def test_review_list_has_every_change(raw: Path, root: Path) -> None:
    _, review = ingest_file(raw, "2023-test-supervision", root=root)
    rows = [ln for ln in review.read_text(encoding="utf-8").splitlines() if ln.startswith("| ") and ln[2].isdigit()]
    result = ingest_text(RAW, "2023-test-supervision", "raw.txt", root=root)
    assert len(rows) == len(result.changes) >= 20
    assert all(ln.count("|") >= 6 for ln in rows)
    assert "雨花台" not in review.read_text(encoding="utf-8")
    # Residue is named, never quoted: the review list must not carry what was removed.
    for residue in ("##paidbegin##", "##paidend##", "本文系作者原创投稿"):
        assert residue not in review.read_text(encoding="utf-8")
    assert "删除付费墙开始标记" in review.read_text(encoding="utf-8")


def test_committed_review_lists_quote_no_residue() -> None:
    from macros.base import paths
    from macros.tools import ingest

    for review in sorted((paths.TEMPLATES / "samples").glob("*.review.md")):
        text = review.read_text(encoding="utf-8")
        for residue in (*ingest.RESIDUE_MARKERS, *ingest.RESIDUE_LINES, "原创投稿"):
            assert residue not in text, (review.name, residue)


def test_structure_and_annotations(raw: Path, root: Path) -> None:
    paras = _ingest(raw, root)["paragraphs"]
    kinds = [(p["kind"], p["section"]) for p in paras]
    assert kinds[0] == ("title", "title")
    assert kinds[1] == ("body", "opening")
    assert paras[2]["kind"] == "heading" and paras[2]["level"] == 1
    assert paras[3]["lead"] == "（一）加强理论武装，提高政治站位。" and paras[3]["level"] == 2
    assert paras[3]["section"] == "political-building"
    assert paras[6]["section"] == "problems" and paras[6]["note"] == "用一是、二是列出问题"  # override (paragraph 7)
    assert paras[8]["section"] == "next-steps"
    assert all(p.get("note") for p in paras if p["kind"] == "body")


@pytest.mark.parametrize(("line", "label"), [
    ("召开会议X次", "数字"), ("挽回损失XX，", "金额"), ("账款X亿元", "金额"), ("市XX局", "业务领域"),
    ("X个方面X项目标任务", "数字"), ("**县", "地名"), ("X人手不足", "业务领域"), ("事项X，", "数字"),
])
def test_placeholder_labels(line: str, label: str) -> None:
    i = line.find("X") if "X" in line else line.find("*")
    j = i
    while j < len(line) and line[j] in "X*":
        j += 1
    if line.startswith("X个方面"):  # the second X
        i = line.index("X", 1)
        j = i + 1
    assert placeholder_label(line, i, j) == label


def test_docx_and_gbk_input(tmp_path: Path, root: Path) -> None:
    d = docx.Document()
    for line in RAW.strip().split("\n"):
        d.add_paragraph(line)
    d.save(str(tmp_path / "raw.docx"))
    gbk = tmp_path / "raw-gbk.txt"
    gbk.write_bytes(RAW.encode("gb18030"))
    a = ingest_text(RAW, "2023-test-supervision", "x", root=root).data["paragraphs"]
    for f in (tmp_path / "raw.docx", gbk):
        yml, _ = ingest_file(f, "2023-test-supervision", root=root)
        assert yaml.safe_load(yml.read_text(encoding="utf-8"))["paragraphs"] == a


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=paths.ROOT, capture_output=True, text=True)


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.txt", None, "file not found"),
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02binary", "binary file"),
    ("junk.txt", bytes([0xFF, 0xFE, 0xFA, 0xFB, 0x20, 0x81, 0x9F]) * 3, "not readable text"),
    ("residue-only.txt", "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！\n##paidend##\n".encode(), "no report text left"),
])
def test_cli_bad_input_exit_2_one_line(tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_bytes(content)
    proc = _cli("samples", "ingest", str(f), "--slug", "2023-never-written")
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0], proc.stderr
    assert not (paths.SAMPLES / "2023-never-written.yml").exists()


def test_cli_bad_slug(raw: Path) -> None:
    proc = _cli("samples", "ingest", str(raw), "--slug", "Bad Slug")
    assert proc.returncode == 2 and "not a slug" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_bad_override_file_names_its_field(raw: Path, root: Path) -> None:
    (root / "samples" / "overrides" / "2023-test-supervision.yml").write_text(
        "paragraphs:\n  3:\n    section: nonsense\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"paragraphs\.3\.section"):
        ingest_file(raw, "2023-test-supervision", root=root)


WEAK = ["没有“存在的问题”部分，只在结尾一句带过。", "身份拼凑：个人报告里几处用单位口吻。"]


def test_weaknesses_from_the_override_survive_a_new_ingestion(raw: Path, root: Path) -> None:
    ov = root / "samples" / "overrides" / "2023-test-supervision.yml"
    ov.write_text(OVERRIDE + yaml.safe_dump({"weaknesses": WEAK}, allow_unicode=True), encoding="utf-8")
    yml, _ = ingest_file(raw, "2023-test-supervision", root=root)
    assert load_sample(yml).weaknesses == tuple(WEAK)
    yml, _ = ingest_file(raw, "2023-test-supervision", root=root)  # ingesting again keeps them
    assert yaml.safe_load(yml.read_text(encoding="utf-8"))["weaknesses"] == WEAK
    ov.write_text(OVERRIDE + "weaknesses: 一句话\n", encoding="utf-8")
    with pytest.raises(HandbookError, match="weaknesses"):
        ingest_file(raw, "2023-test-supervision", root=root)


def test_every_committed_sample_keeps_the_weaknesses_of_its_override() -> None:
    for ov in sorted((paths.TEMPLATES / "samples" / "overrides").glob("*.yml")):
        want = yaml.safe_load(ov.read_text(encoding="utf-8")).get("weaknesses")
        assert want, f"{ov.name}: say what is weak in the sample"
        assert list(load_sample(paths.TEMPLATES / "samples" / ov.name).weaknesses) == want, ov.name


GROUPED = OVERRIDE.replace("paragraphs:", """  - find: 市XX局
    to: 市审计局
    why: 业务领域不识别任何人
    public: 恢复被 X 遮盖的“审计”
  - find: 党组会X次
    to: 党组会审计次
    why: 业务领域不识别任何人
    public: 恢复被 X 遮盖的“审计”
paragraphs:""")


def test_entries_sharing_a_public_line_are_one_line_on_the_page_and_each_in_the_review(raw: Path, root: Path) -> None:
    (root / "samples" / "overrides" / "2023-test-supervision.yml").write_text(GROUPED, encoding="utf-8")
    yml, review = ingest_file(raw, "2023-test-supervision", root=root)
    lines = [c for c in yaml.safe_load(yml.read_text(encoding="utf-8"))["corrections"] if "审计" in c["what"]]
    assert [c["what"] for c in lines] == ["恢复被 X 遮盖的“审计”"]
    assert lines[0]["where"] == "第2段、第4段（共2处）" and lines[0]["why"] == "业务领域不识别任何人"
    text = review.read_text(encoding="utf-8")
    assert "“市XX局” → “市审计局”" in text and "“党组会X次” → “党组会审计次”" in text


def test_the_2019_sample_lists_its_restored_audit_words_as_one_line() -> None:
    s = load_sample(paths.TEMPLATES / "samples" / "2019-audit-team-duty.yml")
    restored = [c for c in s.corrections if "审计" in c.what and "X" in c.what]
    assert len(restored) == 1 and "共115处" in restored[0].where
    assert len(s.corrections) <= 12
    review = (paths.TEMPLATES / "samples" / "2019-audit-team-duty.review.md").read_text(encoding="utf-8")
    assert review.count("| 校对 | “X机” → “审计机” |") == 12  # the review list keeps every change


def test_every_category_of_the_anonymiser_has_a_slot() -> None:
    # A category without one made ingestion stop with "internal error: KeyError" on the first
    # regional marker it masked.
    from macros.tools import anonymise
    from macros.tools import ingest as ingest_module

    assert set(anonymise.CATEGORIES) <= set(ingest_module.SLOT_OF_CATEGORY)
