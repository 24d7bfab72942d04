"""Sample ingestion: a raw report → templates/samples/<slug>.yml + <slug>.review.md.

`python -m macros samples ingest RAW --slug SLUG`. The steps, in order, each
recording every change it makes (what, where, why):

1. strip the copy site's residue (paywall markers, the submission banner);
2. repair known garbles (the title of the 一把手 report);
3. the sample's own fixes from templates/samples/overrides/<slug>.yml (entries that
   share a `public:` line are one line of the page's 校订说明, each still in the review
   list; the file's `weaknesses:` are copied into the sample as they are);
4. restore a stand-in letter to 习近平 inside fixed names (A新时代… → 习近平新时代…);
5. restore 党的XX大 from the report year (a fixed name, not an identifier);
6. unify placeholders (X, XX, ***, **, 某某) into the site's one slot convention
   【…】, labelled 【数字】/【金额】 for a masked number, 【业务领域】/【地名】 for a
   masked name or field;
7. obvious typos and punctuation;
8. mask whatever the anonymiser still finds (minus the reviewed allow-list);
9. split into paragraphs and annotate each with its section and what it does
   (keyword rules + the override file's per-paragraph corrections).

Deterministic: the same input and override file give byte-identical output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..base import paths
from ..base.errors import HandbookError
from ..base.fields import check_keys, check_slug, load_yaml, require_mapping
from ..base.text import HEADING_PATTERNS
from ..base.vocabulary import GENRES, LEVELS, SECTIONS
from ..content.samples import allow_list, is_allowed
from .textio import read_text_file

OVERRIDES = "overrides"  # templates/samples/overrides/<slug>.yml
SLUG_MAX = 100  # characters: the slug names two files and a page URL


def check_report_year(year: Any, where: str) -> int:
    """A report year the handbook's calendar covers (a sample outside it could not be rendered or checked)."""
    from ..content.calendar import load_calendar

    cal = load_calendar()
    if not cal.covers(year):
        raise HandbookError(where, f"expected a report year the handbook covers ({cal.first_year}–{cal.last_year}), got {year!r}")
    return int(year)

# ---------------------------------------------------------------------------
# Change records
# ---------------------------------------------------------------------------


@dataclass
class Change:
    kind: str  # residue | garble | typo | wording | mark | standin | placeholder | anonymise
    what: str  # for the review list: original → result
    where: str  # 第N行 of the raw text, later 第N段
    why: str
    line: int = 0  # raw line number (1-based) it happened on
    public: str = ""  # wording for the page's 校订说明 ("" = use `what`)


# Page wording for changes that are listed as a group, not one by one.
GROUPS = {
    "residue": "删除复制网站附加的付费墙标记和声明文字",
    "punct": "半角逗号改为全角，删去并列引号之间多余的空格",
    "standin": "原文用字母代替“习近平”，已在固定名称中恢复",
    "placeholder": "原文用 X、XX、***、**、某某 等遮盖的内容，统一改为【…】标记：遮盖数字的标【数字】或【金额】，遮盖名称或业务领域的标【业务领域】【地名】等",
    "anonymise": "可识别的地名、地标、单位等已替换为【…】标记",
}

# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

# Residue → how the review list names it: the residue itself is never quoted
# there (the list must not carry what it removed).
RESIDUE_MARKERS = {"##paidbegin##": "付费墙开始标记", "##paidend##": "付费墙结束标记"}
RESIDUE_LINES = {"本文系作者原创投稿，仅供学习参考，请勿照搬照抄！": "复制网站的投稿声明"}

# Known garbles of the copy site: (wrong, right, why).
GARBLES: tuple[tuple[str, str, str], ...] = (
    ("关于加强时一手”和", "关于加强对“一把手”和",
     "标题乱码：按文种规范名称“关于加强对‘一把手’和领导班子监督工作情况的汇报”修复"),
)

# Obvious typos and misquoted fixed wordings: (regex, replacement, why).
TYPOS: tuple[tuple[str, str, str], ...] = (
    (r"以普通党员身体参加", "以普通党员身份参加", "错别字：“身体”应为“身份”"),
    (r"改革发展文定", "改革发展稳定", "错别字：“文定”应为“稳定”（改革发展稳定）"),
    (r"(示范带动|带头示范|示范)作(?=[，。；、])", r"\1作用", "漏字：“作”应为“作用”"),
    (r"马克思主义在形态领域", "马克思主义在意识形态领域", "漏字：应为“意识形态领域”"),
    (r"严管既是厚爱", "严管就是厚爱", "固定提法误写：应为“严管就是厚爱”"),
    (r"潜移转化", "潜移默化", "成语误写：应为“潜移默化”"),
    (r"超过(\d+)余次", r"超过\1次", "“超过”与“余”重复，删去“余”"),
    (r"工作总的短板", "工作中的短板", "错别字：“总的”应为“中的”"),
)
# Punctuation: ASCII commas inside Chinese text, stray spaces between quotes.
PUNCT: tuple[tuple[str, str, str], ...] = (
    (r"(?<=[\u4e00-\u9fff”）》])\s*,\s*(?=[\u4e00-\u9fff“（《])", "，", "标点：中文语句中的半角逗号改为全角“，”"),
    (r"”\s+“", "”“", "标点：并列引号之间多余的空格"),
)

# A capital letter standing in for 习近平 right before a fixed name.
STANDIN_RE = re.compile(
    r"(?<![A-Za-z])([A-Z])(?=(?:新时代中国特色社会主义思想|总书记|同志|经济思想|法治思想|生态文明思想|强军思想|外交思想|文化思想))"
)
CONGRESS_RE = re.compile(r"党的(?:XX|xx|××|\*\*|某某)大")
CONGRESSES = ((2012, 2017, "十八"), (2017, 2022, "十九"), (2022, 2027, "二十"))

PLACEHOLDER_RE = re.compile(r"(?<![A-Za-z])(?:X{1,3}|x{1,3}|×{1,3}|\*{2,3}|某某)(?![A-Za-z])")
# What follows a masked number: measure words and units.
_MEASURE_RE = re.compile(r"^余?(?:人次|个|次|名|项|场|条|批|期|人|件|家|份|篇|天|倍|届|位|%|％|‰|年|月|日|小时|亿|万|千|百)")
_MONEY_AFTER_RE = re.compile(r"^(?:多|余)?(?:亿元|万元|元)")
_MONEY_BEFORE = ("金额", "损失", "资金", "账款", "收入", "支出")
_COUNT_BEFORE = ("事项", "建议", "措施", "达到", "共", "累计", "约", "近", "超过")
_NAME_AFTER = ("人手", "人员", "项目", "人才")
_PLACE_AFTER = ("省", "市", "县", "区", "镇", "乡", "村", "街道")
_PUNCT_AFTER = "，。；、：）”"

SLOT_OF_CATEGORY = {
    "person": "姓名", "place": "地名", "landmark": "地标", "unit": "单位名称", "project": "项目名称",
    "phone": "电话", "id_card": "身份证号", "email": "电子邮箱", "plate": "车牌号", "date": "日期",
    "doc_number": "文号", "address": "地址", "bank_account": "银行账号", "url": "网址", "qq_wechat": "QQ或微信号",
    "regional_marker": "地方提法",
}


def placeholder_label(line: str, start: int, end: int) -> str:
    """The slot label for a placeholder: a masked number or a masked name or field."""
    before, after = line[max(0, start - 4):start], line[end:end + 6]
    if after.startswith("项目标"):  # X项目标任务: X targets, not an X project
        return "数字"
    if after.startswith(_NAME_AFTER):
        return "业务领域"
    if _MONEY_AFTER_RE.match(after):
        return "金额"
    if before.endswith(_MONEY_BEFORE) and (not after or after[0] in _PUNCT_AFTER):
        return "金额"
    if _MEASURE_RE.match(after):
        return "数字"
    if before.endswith(_COUNT_BEFORE) and (not after or after[0] in _PUNCT_AFTER or after.startswith("以上")):
        return "数字"
    if after.startswith(_PLACE_AFTER) and not after.startswith("区局"):
        return "地名"
    return "业务领域"


# ---------------------------------------------------------------------------
# Overrides: templates/samples/overrides/<slug>.yml
# ---------------------------------------------------------------------------


@dataclass
class Overrides:
    meta: dict[str, Any] = field(default_factory=dict)
    replace: list[dict[str, str]] = field(default_factory=list)
    paragraphs: dict[int, dict[str, str]] = field(default_factory=dict)
    weaknesses: list[str] = field(default_factory=list)
    path: Path | None = None


def load_overrides(slug: str, root: Path = paths.TEMPLATES) -> Overrides:
    path = root / "samples" / OVERRIDES / f"{slug}.yml"
    if not path.exists():
        return Overrides()
    where = paths.rel(path)
    raw = require_mapping(load_yaml(path) or {}, where)
    check_keys(raw, {"meta", "replace", "paragraphs", "weaknesses"}, where)
    meta = require_mapping(raw.get("meta") or {}, where, "meta")
    check_keys(meta, {"genre", "year", "level", "report_type"}, where, "meta.")
    replace = raw.get("replace") or []
    if not isinstance(replace, list):
        raise HandbookError(where, "expected a list", "replace")
    for i, r in enumerate(replace):
        r = require_mapping(r, where, f"replace[{i}]")
        check_keys(r, {"find", "to", "why", "kind", "public"}, where, f"replace[{i}].")
        if "public" in r and (not isinstance(r["public"], str) or not r["public"].strip()):
            raise HandbookError(where, "expected the page's wording of the correction", f"replace[{i}].public")
        for key in ("find", "to", "why"):
            if not isinstance(r.get(key), str) or (key != "to" and not r[key]):
                raise HandbookError(where, "expected text", f"replace[{i}].{key}")
        if r.get("kind", "typo") not in ("typo", "wording", "mark", "anonymise", "garble"):
            raise HandbookError(where, "kind must be typo, wording, mark, anonymise or garble", f"replace[{i}].kind")
    paras: dict[int, dict[str, str]] = {}
    for key, value in (require_mapping(raw.get("paragraphs") or {}, where, "paragraphs")).items():
        if not isinstance(key, int) or key < 1:
            raise HandbookError(where, f"paragraph keys are numbers from 1 (the title), got {key!r}", "paragraphs")
        value = require_mapping(value, where, f"paragraphs.{key}")
        check_keys(value, {"section", "note"}, where, f"paragraphs.{key}.")
        if "section" in value and value["section"] not in SECTIONS:
            raise HandbookError(where, f"unknown section {value['section']!r}", f"paragraphs.{key}.section")
        paras[key] = value
    # The reviewer's account of what is weak in the sample: written here, not in the generated
    # <slug>.yml, so that ingesting again carries it over (templates/samples/<slug>.yml keeps no hand edits).
    weak = raw.get("weaknesses") or []
    if not isinstance(weak, list) or not all(isinstance(w, str) and w.strip() for w in weak):
        raise HandbookError(where, "expected a list of sentences", "weaknesses")
    return Overrides(meta=meta, replace=replace, paragraphs=paras, weaknesses=[w.strip() for w in weak], path=path)


# ---------------------------------------------------------------------------
# Cleaning
# ---------------------------------------------------------------------------


def _sub_all(pattern: str, repl: str, line: str, n: int, kind: str, why: str, changes: list[Change],
             public: str = "") -> str:
    def one(m: re.Match[str]) -> str:
        new = m.expand(repl)
        ctx = line[max(0, m.start() - 8):m.end() + 8]
        changes.append(Change(kind, f"“{m.group(0)}” → “{new}”", f"原文第{n}行：……{ctx}……", why, n, public))
        return new
    return re.sub(pattern, one, line)


def strip_residue(raw: str, changes: list[Change]) -> list[tuple[int, str]]:
    """Lines (raw number, text) without the copy site's residue."""
    out = []
    for n, line in enumerate(raw.split("\n"), start=1):
        for marker, name in RESIDUE_MARKERS.items():
            if marker in line:
                changes.append(Change("residue", f"删除{name}", f"原文第{n}行", "复制网站附加的付费墙标记", n))
                line = line.replace(marker, "")
        stripped = line.strip().replace("\u3000", "")
        if stripped in RESIDUE_LINES:
            changes.append(Change("residue", f"删除{RESIDUE_LINES[stripped]}", f"原文第{n}行",
                                  "复制网站附加的声明，不属于报告", n))
            continue
        if stripped:
            out.append((n, stripped))
    return out


def congress_for(year: int) -> str | None:
    for first, last, name in CONGRESSES:
        if first < year <= last:  # a report on year Y is written after Y's congress, if any
            return name
    return None


def clean_lines(raw: str, year: int, overrides: Overrides, changes: list[Change]) -> list[tuple[int, str]]:
    lines = strip_residue(raw, changes)
    out = []
    for n, line in lines:
        for wrong, right, why in GARBLES:
            if wrong in line:
                changes.append(Change("garble", f"“{line}” → “{line.replace(wrong, right)}”", f"原文第{n}行", why, n))
                line = line.replace(wrong, right)
        for r in overrides.replace:
            kind = r.get("kind", "typo")
            # `public`: the page's one line for every entry that shares it (and its reason);
            # the review list still has each change.
            public = r.get("public") or ("" if kind != "anonymise" else f"可识别信息替换为“{r['to']}”")
            line = _sub_all(re.escape(r["find"]), r["to"].replace("\\", "\\\\"), line, n, kind, r["why"], changes, public)
        line = _sub_all(STANDIN_RE.pattern, "习近平", line, n, "standin",
                        "字母代替了“习近平”：固定名称不得改动，不属于需要脱敏的信息", changes)
        congress = congress_for(year)
        if congress:
            line = _sub_all(CONGRESS_RE.pattern, f"党的{congress}大", line, n, "congress",
                            f"遮盖了届次：{year}年的报告所说的“党的XX大”只能是党的{congress}大（固定名称，不是识别信息）",
                            changes, public=f"遮盖届次的“党的XX大”恢复为“党的{congress}大”（据报告年度确定）")
        line = _unify_placeholders(line, n, changes)
        for pattern, repl, why in TYPOS:
            line = _sub_all(pattern, repl, line, n, "typo", why, changes)
        for pattern, repl, why in PUNCT:
            line = _sub_all(pattern, repl, line, n, "punct", why, changes)
        out.append((n, line))
    return out


def _unify_placeholders(line: str, n: int, changes: list[Change]) -> str:
    parts, last = [], 0
    for m in PLACEHOLDER_RE.finditer(line):
        label = placeholder_label(line, m.start(), m.end())
        slot = f"【{label}】"
        ctx = line[max(0, m.start() - 6):m.end() + 6]
        changes.append(Change("placeholder", f"“{m.group(0)}” → “{slot}”", f"原文第{n}行：……{ctx}……",
                              "统一遮盖标记：" + ("遮盖的是数字" if label in ("数字", "金额") else "遮盖的是名称或业务领域"), n))
        parts.append(line[last:m.start()])
        parts.append(slot)
        last = m.end()
    parts.append(line[last:])
    return "".join(parts)


def mask_identifiers(lines: list[tuple[int, str]], slug: str, changes: list[Change],
                     root: Path = paths.TEMPLATES) -> list[tuple[int, str]]:
    """Replace what the anonymiser still finds by a 【…】 slot of its category."""
    # Imported here: the anonymiser's lists and model are heavy, and 年度更新 and the
    # checker, which read ingestion's structure detection, never mask.
    from .anonymise import find_items

    allowed = allow_list(root)
    out = []
    for n, line in lines:
        items = [it for it in find_items(line) if not is_allowed(it.text, it.category, slug, allowed)]
        for it in sorted(items, key=lambda it: -it.start):
            slot = f"【{SLOT_OF_CATEGORY[it.category]}】"
            ctx = line[max(0, it.start - 8):it.start] + slot + line[it.end:it.end + 8]
            changes.append(Change(
                "anonymise", f"{it.category}（{len(it.text)}字，原文不在此重复）→ “{slot}”",
                f"原文第{n}行：……{ctx}……", "脱敏工具识别出的可识别信息，请人工复核", n))
            line = line[:it.start] + slot + line[it.end:]
        out.append((n, line))
    return out


# ---------------------------------------------------------------------------
# Structure and annotation
# ---------------------------------------------------------------------------

NUMBERING = (
    ("cn", re.compile(HEADING_PATTERNS["h1"])),
    ("cn-paren", re.compile(HEADING_PATTERNS["h2"])),
    ("arabic", re.compile(r"^\d{1,2}[\.．、](?!\d)")),
)
MAX_HEADING = 40
MAX_LEAD = 45

# A heading's section: the first rule with one of its words wins, so the narrower
# headings come before the broader ones they contain (领导班子廉洁自律 before 廉洁自律,
# 支持纪检监察机构履行监督责任 before 监督, 对“一把手”的监督 before 监督).
SECTION_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("causes", ("原因",)),
    ("next-steps", ("下一步", "打算", "整改措施", "改进措施", "努力方向", "下一阶段")),
    ("problems", ("存在的问题", "存在问题", "存在的不足", "问题和不足", "主要问题", "存在的主要问题")),
    ("rectification", ("问题整改", "整改落实", "整改情况", "反馈问题", "整改工作")),
    ("ideology", ("意识形态",)),
    ("work-style", ("作风",)),
    ("eight-rules", ("八项规定",)),
    ("team-integrity", ("班子廉洁", "领导班子廉洁自律", "班子成员廉洁")),
    ("personal-integrity", ("廉洁纪律", "廉洁自律", "个人廉洁")),
    ("rule-of-law", ("述法", "法治建设", "依法行政", "依法履职")),
    ("support-discipline", ("支持纪检监察", "支持派驻", "支持纪委")),
    ("supervision-top-leader", ("对“一把手”的监督", "对一把手的监督", "监督“一把手”")),
    ("supervision-peer", ("同级监督", "同级领导班子", "班子内部监督")),
    ("leading-team", ("抓班子", "带队伍", "抓好班子", "带好队伍")),
    ("supervision-lower", ("对下级", "下级领导班子", "下级“一把手”")),
    ("internal-inspection", ("巡察",)),
    ("discipline", ("纪律建设", "党风廉政", "廉政", "纪律", "反腐败", "清廉")),
    ("power-operation", ("权力运行", "权力清单")),
    ("accountability", ("问责", "执纪")),
    ("organisation", ("组织建设", "干部队伍", "队伍建设", "基层", "支部", "干部选任", "组织体系", "班子自身建设",
                      "干部管理", "战斗堡垒")),
    ("political-building", ("政治建设", "理论武装", "主题教育", "思想建设", "政治能力", "创新理论", "新思想",
                            "政治纪律", "政治站位", "理论学习")),
    ("supervision", ("监督",)),
    ("primary-responsibility", ("主体责任", "管党治党", "履职尽责", "履责", "第一责任人", "责任制")),
    ("ability", ("能力素质", "履职能力", "本领")),
    ("diligence", ("勤勉", "勤政", "敬业", "工作态度")),
    ("main-business", ("经济", "财源", "财政", "收支", "发展安全", "主业", "业务", "中心工作", "实绩", "业绩")),
)
# A report type that writes a part under its own section: the same heading words mean it there.
GENRE_ALIASES: dict[str, dict[str, str]] = {
    "team-duty-report": {"personal-integrity": "team-integrity"},
    "personal-duty-report": {"work-style": "eight-rules"},
    "personal-appraisal-report": {"work-style": "eight-rules"},
}

FRAMING = ("problems", "causes", "next-steps")
SECTION_VERBS = {
    "opening": "开头：交代指导思想和上级领导，概括全年工作，引出正文",
    "problems": "查摆问题",
    "causes": "剖析原因",
    "next-steps": "提出下一步措施",
    "closing": "结尾：收束全文，表明态度和决心",
}
_CN_NUM = "零一二三四五六七八九十"


def classify(text: str) -> str | None:
    for slug, words in SECTION_RULES:
        if any(w in text for w in words):
            return slug
    return None


def numbering_style(line: str) -> str | None:
    for style, rx in NUMBERING:
        if rx.match(line):
            return style
    return None


def _count_points(text: str) -> int:
    n = 0
    for i, ch in enumerate(_CN_NUM[1:], start=1):
        if f"{ch}是" in text:
            n = i
        else:
            break
    return n


def make_note(section: str, lead: str, text: str) -> str:
    if section in ("opening", "closing"):
        return SECTION_VERBS[section]
    parts = []
    if lead:
        core = re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[\.．、])", "", lead).rstrip("。")
        parts.append(f"小标题“{core}”点明本段主旨")
    elif section in SECTION_VERBS:
        parts.append(SECTION_VERBS[section])
    points = _count_points(text)
    if points >= 2:
        parts.append(f"用“一是……{_CN_NUM[points]}是”分{_CN_NUM[points]}层展开")
    if section not in ("problems", "causes", "next-steps"):
        if re.search(r"\d|【数字】|【金额】", text[len(lead):]):
            parts.append("以数字和具体做法说明成效")
        else:
            parts.append("概述做法和成效")
    elif section == "problems" and "比如" in text or "例如" in text:
        parts.append("举例说明")
    return "，".join(parts)


@dataclass
class Para:
    text: str
    kind: str
    level: int = 0
    lead: str = ""
    section: str = ""
    note: str = ""
    line: int = 0


def structure(lines: list[tuple[int, str]], genre: str) -> list[Para]:
    paras: list[Para] = []
    stack: list[str] = []  # numbering styles, outermost first
    headings: dict[int, str] = {}  # depth → heading text in force
    for idx, (n, line) in enumerate(lines):
        if idx == 0:
            paras.append(Para(line, "title", section="title", note="标题：写明年度（时间段）、报告人或单位和文种", line=n))
            continue
        style = numbering_style(line)
        kind, lead, depth = "body", "", 0
        if style:
            if style in stack:
                del stack[stack.index(style) + 1:]
            else:
                stack.append(style)
            depth = len(stack)
            stop = line.find("。")
            if len(line) <= MAX_HEADING and (stop == -1 or stop == len(line) - 1):
                kind = "heading"
            elif 0 < stop < MAX_LEAD:
                lead = line[:stop + 1]
            else:
                depth = 0
        if kind == "heading" or lead:
            headings = {d: t for d, t in headings.items() if d < depth}
            headings[depth] = lead or line
        context = [lead] + [headings[d] for d in sorted(headings, reverse=True)] if lead else \
            [headings[d] for d in sorted(headings, reverse=True)]
        section = ""
        # Under a heading of problems, causes or next steps, every paragraph is one,
        # whatever field its own lead names (下一步: "1.强化理论武装……" is a measure).
        framing = [classify(headings[d]) for d in sorted(headings) if classify(headings[d]) in FRAMING]
        if not headings and kind == "body":
            section = "opening"
        elif framing and kind == "body":
            section = framing[-1] or ""
        else:
            for t in context:
                section = classify(t) or ""
                if section:
                    break
            if not section:
                section = classify(line) or ("supervision" if genre == "leader-supervision-report" else "primary-responsibility")
        section = GENRE_ALIASES.get(genre, {}).get(section, section)
        para = Para(line, kind, depth if kind == "heading" or lead else 0, lead, section, line=n)
        if kind == "body":
            para.note = make_note(section, lead, line)
        paras.append(para)
    return paras


# ---------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------


# The words of a title that tell its report type, first match wins (the browser's 年度更新 reads them too).
GENRE_CUES: tuple[tuple[str, str], ...] = (
    ("一把手", "leader-supervision-report"),
    ("主体责任", "secretary-responsibility-report"),
    ("班子", "team-duty-report"),
)
DEFAULT_GENRE = "personal-duty-report"


def guess_genre(title: str) -> str:
    return next((genre for cue, genre in GENRE_CUES if cue in title), DEFAULT_GENRE)


def guess_year(title: str, text: str) -> int:
    m = re.search(r"(20\d\d)", title) or re.search(r"(20\d\d)年", text)
    if not m:
        raise HandbookError("RAW", "cannot tell the report year: give --year")
    return int(m.group(1))


def guess_level(text: str) -> str:
    if re.search(r"县委|本县|县局|【地名】县", text) and "县区" not in text[:200]:
        return "county"
    if re.search(r"市委|市局|市政府|全市", text):
        return "city"
    return "province"


# ---------------------------------------------------------------------------
# The whole run
# ---------------------------------------------------------------------------


@dataclass
class Result:
    data: dict[str, Any]
    review: str
    changes: list[Change]


def _where_para(changes: list[Change], paras: list[Para]) -> None:
    by_line = {p.line: i for i, p in enumerate(paras, start=1)}
    for c in changes:
        if c.line in by_line:
            i = by_line[c.line]
            label = "标题" if i == 1 else f"第{i}段"
            c.where = c.where.replace(f"原文第{c.line}行", f"{label}（原文第{c.line}行）", 1)


def public_corrections(changes: list[Change]) -> list[dict[str, str]]:
    """The 校订说明 shown on the page: identical corrections merged, with every place they occur."""
    merged: dict[tuple[str, str], list[str]] = {}
    for c in changes:
        if c.kind in GROUPS:
            what, why = GROUPS[c.kind], _GROUP_WHY[c.kind]
        else:
            what, why = c.public or c.what, c.why
        where = c.where.split("（原文")[0] if "（原文" in c.where else c.where.split("：")[0]
        if c.kind == "residue":
            where = "全文"
        merged.setdefault((what, why), []).append(where)
    out = []
    for (what, why), wheres in merged.items():
        places = list(dict.fromkeys(wheres))
        where = "、".join(places)
        if len(places) > 6:
            where = "、".join(places[:6]) + "等"
        if len(wheres) > 1:
            where += f"（共{len(wheres)}处）"
        out.append({"what": what, "where": where, "why": why})
    return out


_GROUP_WHY = {
    "residue": "不属于报告正文",
    "standin": "固定名称不得改动，也不属于需要脱敏的信息",
    "placeholder": "全站只用一种填空标记，并区分数字和名称",
    "anonymise": "发布的样本不得识别出任何个人、地方或单位",
    "punct": "中文标点规范",
}


def ingest_text(raw: str, slug: str, source: str, *, genre: str | None = None, year: int | None = None,
                level: str | None = None, root: Path = paths.TEMPLATES) -> Result:
    check_slug(slug, "--slug")
    if len(slug) > SLUG_MAX:
        raise HandbookError("--slug", f"{slug[:20]!r}… is {len(slug)} characters long: at most {SLUG_MAX}")
    if year is not None:
        check_report_year(year, "--year")
    ov = load_overrides(slug, root)
    changes: list[Change] = []
    first_lines = [ln for _, ln in strip_residue(raw, [])]
    if not first_lines:
        raise HandbookError(source, "no report text left after removing the copy site's residue")
    meta = dict(ov.meta)
    year = year or meta.get("year") or guess_year(first_lines[0], "\n".join(first_lines))
    check_report_year(year, "--year" if meta.get("year") is None else paths.rel(ov.path or root))
    lines = clean_lines(raw, year, ov, changes)
    lines = mask_identifiers(lines, slug, changes, root)
    text = "\n".join(ln for _, ln in lines)
    genre = genre or meta.get("genre") or guess_genre(lines[0][1])
    if genre not in GENRES:
        raise HandbookError("--genre", f"unknown genre {genre!r} (one of {', '.join(GENRES)})")
    level = level or meta.get("level") or guess_level(text)
    if level not in LEVELS:
        raise HandbookError("--level", f"unknown level {level!r} (one of {', '.join(LEVELS)})")
    paras = structure(lines, genre)
    for number, fix in sorted(ov.paragraphs.items()):
        if number > len(paras):
            raise HandbookError(paths.rel(ov.path) if ov.path else slug,
                                f"paragraph {number} does not exist (the sample has {len(paras)})", f"paragraphs.{number}")
        p = paras[number - 1]
        p.section = fix.get("section", p.section)
        p.note = fix.get("note", make_note(p.section, p.lead, p.text) if p.kind == "body" else p.note)
    _where_para(changes, paras)
    changes.sort(key=lambda c: c.line)  # stable: pipeline order within a line
    data: dict[str, Any] = {
        "slug": slug,
        "title": paras[0].text,
        "genre": genre,
        "year": int(year),
        "level": level,
        "report_type": meta.get("report_type", GENRES[genre]),
        "source": source,
        **({"weaknesses": list(ov.weaknesses)} if ov.weaknesses else {}),
        "paragraphs": [_para_dict(p) for p in paras],
        "corrections": public_corrections(changes),
    }
    return Result(data, review_text(slug, source, changes), changes)


def _para_dict(p: Para) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": p.kind}
    if p.kind == "heading" or p.lead:
        d["level"] = p.level
    if p.lead:
        d["lead"] = p.lead
    d["section"] = p.section
    if p.note:
        d["note"] = p.note
    d["text"] = p.text
    return d


HEADER = (
    "# Generated by `python -m macros samples ingest` from {source}; do not edit by hand:\n"
    "# fix the raw text or templates/samples/overrides/{slug}.yml and ingest again.\n"
)


def dump_yaml(data: dict[str, Any]) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False)
    return HEADER.format(source=data["source"], slug=data["slug"]) + body


def review_text(slug: str, source: str, changes: list[Change]) -> str:
    lines = [
        f"<!-- Generated by `python -m macros samples ingest` from {source}. -->",
        f"# 复核清单：{slug}",
        "",
        f"来源：`{source}`。共 {len(changes)} 处改动。逐条复核后再提交；脱敏一项只列类别和字数，不重复原文。",
        "",
        "| # | 类别 | 改动 | 位置 | 理由 |",
        "| --- | --- | --- | --- | --- |",
    ]
    names = {"residue": "残留", "garble": "乱码", "typo": "校对", "wording": "提法订正", "mark": "存疑标注", "standin": "恢复固定名称",
             "congress": "恢复固定名称", "placeholder": "填空标记", "anonymise": "脱敏", "punct": "标点"}
    for i, c in enumerate(changes, start=1):
        cells = [str(i), names[c.kind], c.what, c.where, c.why]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines) + "\n"


def ingest_file(raw_path: Path, slug: str, *, genre: str | None = None, year: int | None = None,
                level: str | None = None, root: Path = paths.TEMPLATES) -> tuple[Path, Path]:
    """Ingest one raw report; write templates/samples/<slug>.yml and <slug>.review.md."""
    raw = read_text_file(raw_path)
    result = ingest_text(raw, slug, Path(raw_path).name, genre=genre, year=year, level=level, root=root)
    out_dir = root / "samples"
    yml, review = out_dir / f"{slug}.yml", out_dir / f"{slug}.review.md"
    write_together(((yml, dump_yaml(result.data)), (review, result.review)))
    return yml, review


def write_together(files: tuple[tuple[Path, str], ...]) -> None:
    """Write every file or none: each to a temporary file beside it, then renamed over the real names;
    if a rename fails, the files already renamed get their previous content back."""
    import os
    import tempfile

    for out, _ in files:
        if out.exists() and not out.is_file():
            raise HandbookError(paths.rel(out), "is a folder or not a regular file: cannot write the sample there")
    temps: list[str] = []
    done: list[tuple[Path, bytes | None]] = []
    try:
        for out, text in files:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
            temps.append(tmp)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        for (out, _), tmp in zip(files, temps):
            before = out.read_bytes() if out.is_file() else None
            os.replace(tmp, out)
            done.append((out, before))
    except OSError as exc:
        for out, before in reversed(done):
            try:
                if before is None:
                    out.unlink()
                else:
                    out.write_bytes(before)
            except OSError:
                pass
        where = exc.filename if isinstance(exc.filename, str) else str(files[0][0].parent)
        raise HandbookError(paths.rel(Path(where)), f"cannot write the sample ({exc.strerror or exc}); nothing written") from None
    finally:
        for tmp in temps:
            Path(tmp).unlink(missing_ok=True)
