"""Finding identifying items in a Chinese report, offline.

`python -m macros anonymise FILE --json` prints every item as
{start, end, category, text} (offsets: Python str indices of the decoded text).

Layered, as measured in notes/anonymisation.md: regular expressions (phone,
ID card, email, plate, exact date, document number, street address) + a place
gazetteer (templates/anonymise/places.tsv) matched with a small Aho-Corasick
automaton and kept only on word boundaries (jieba, private dictionary) + cue
rules (surname + title → person; place + organ suffix → unit; name +
纪念馆/陵园/… → landmark; name + 工程/项目 → project; township/village names
after a place or a verb of going) + the genre's vocabulary
(templates/anonymise/vocabulary.txt), inside which nothing is reported.
Placeholders (X, XX, ××, ***, 某某, 【…】) are left alone.

Dates: a day-level date (2023年4月12日, 4月12日, 2023-04-12) is identifying; a
bare year or year-month (2023年, 2023年4月) is not (see /about/anonymisation/).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from ..base import cache, paths
from ..content import dictionary
from .textio import read_text_file

CATEGORIES = ("person", "place", "landmark", "unit", "project", "phone", "id_card", "email", "plate", "date",
              "doc_number", "address")

DATA = paths.TEMPLATES / "anonymise"
CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    category: str
    text: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

def _data_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


ETHNIC = ("壮族", "回族", "维吾尔", "朝鲜族", "土家族", "苗族", "藏族", "彝族", "侗族", "布依族", "白族", "哈尼族",
          "傣族", "景颇族", "傈僳族", "蒙古族", "蒙古", "哈萨克", "柯尔克孜", "羌族", "黎族", "瑶族")


def _short_form(level: str, name: str) -> str | None:
    """The name without its suffix, for provinces and prefectures only (counties' short
    forms collide with ordinary words: 合作, 会同, 福安, 新建, 大兴)."""
    if level == "county":
        return None
    stem = re.sub(r"(?:特别行政区|自治区|自治州|地区|省|市|盟)$", "", name)
    for e in ETHNIC:
        i = stem.find(e)
        if i > 0:
            stem = stem[:i]
    return stem if len(stem) >= 2 and stem != name else None


@cache.memoize()
def gazetteer() -> dict[str, str]:
    """Place name → kind: "full" (with suffix) or "short" (province or prefecture without suffix)."""
    names: dict[str, str] = {}
    for line in _data_lines("places.tsv"):
        level, name = line.split("\t")
        names[name] = "full"
        short = _short_form(level, name)
        if short and short not in names:
            names[short] = "short"
    return names


@cache.memoize()
def vocabulary() -> tuple[str, ...]:
    return tuple(_data_lines("vocabulary.txt"))


# ---------------------------------------------------------------------------
# Aho-Corasick (pure Python: a few thousand names, texts of a few pages)
# ---------------------------------------------------------------------------

class Automaton:
    def __init__(self, words: list[str]) -> None:
        self.goto: list[dict[str, int]] = [{}]
        self.fail: list[int] = [0]
        self.out: list[list[int]] = [[]]  # lengths of the words ending here
        for w in words:
            s = 0
            for ch in w:
                nxt = self.goto[s].get(ch)
                if nxt is None:
                    nxt = len(self.goto)
                    self.goto[s][ch] = nxt
                    self.goto.append({})
                    self.fail.append(0)
                    self.out.append([])
                s = nxt
            self.out[s].append(len(w))
        queue = list(self.goto[0].values())
        while queue:
            r = queue.pop(0)
            for ch, s in self.goto[r].items():
                queue.append(s)
                f = self.fail[r]
                while f and ch not in self.goto[f]:
                    f = self.fail[f]
                self.fail[s] = self.goto[f].get(ch, 0) if self.goto[f].get(ch, 0) != s else 0
                self.out[s] = self.out[s] + self.out[self.fail[s]]
        first = "".join(sorted(self.goto[0]))
        self.first_chars = re.compile(f"[{re.escape(first)}]" if first else r"(?!x)x")

    def find(self, text: str) -> list[tuple[int, int]]:
        """Every (start, end) of every word, overlaps included."""
        goto, fail, out = self.goto, self.fail, self.out
        next_start = self.first_chars.search
        hits: list[tuple[int, int]] = []
        s, i, n = 0, 0, len(text)
        while i < n:
            if s == 0:
                # In the root state, skip in C to the next character that can
                # begin a word: most of a report's characters cannot.
                m = next_start(text, i)
                if m is None:
                    break
                i = m.start()
            ch = text[i]
            while s and ch not in goto[s]:
                s = fail[s]
            s = goto[s].get(ch, 0)
            for length in out[s]:
                hits.append((i + 1 - length, i + 1))
            i += 1
        return hits


@cache.memoize()
def _place_automaton() -> Automaton:
    return Automaton(sorted(gazetteer()))


@cache.memoize()
def _vocab_automaton() -> Automaton:
    return Automaton(sorted(vocabulary()))


@cache.memoize()
def _tokenizer():
    # jieba's global dictionary, with the phrase library's user dictionary that
    # the site search also loads: the CLI and the build then cut text the same
    # way, and a build holds one jieba dictionary (~70 MB) instead of two.
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    jieba.load_userdict(str(dictionary.write_user_dict()))
    return jieba.dt


# jieba cuts each run of these characters on its own (its re_han_default), so
# cutting only the runs that hold a place candidate gives the very same word
# boundaries as cutting the whole text, for a fraction of the work.
_JIEBA_BLOCK_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")


@cache.memoize(4096)
def _cut_block(block: str) -> tuple[str, ...]:
    return tuple(_tokenizer().cut(block, HMM=False))


def _tokens(text: str, near: list[tuple[int, int]] | None = None) -> dict[int, str]:
    """jieba's words by start offset (dictionary only, no HMM guesses).

    With `near`, only the runs of text that contain one of those spans are
    cut; every other position is left out (callers ask only about those).
    """
    if near is None:
        out, pos = {}, 0
        for tok in _tokenizer().cut(text, HMM=False):
            out[pos] = tok
            pos += len(tok)
        out[pos] = ""
        return out
    out = {}
    starts = sorted(s for s, _ in near)
    for m in _JIEBA_BLOCK_RE.finditer(text):
        if not any(m.start() <= s < m.end() for s in starts):
            continue
        pos = m.start()
        for tok in _cut_block(m.group()):
            out[pos] = tok
            pos += len(tok)
        out.setdefault(pos, "")  # the run ends where a new token starts
    return out


# ---------------------------------------------------------------------------
# Regular expressions
# ---------------------------------------------------------------------------

_ND = r"(?<![0-9A-Za-z])"
_NDA = r"(?![0-9A-Za-z])"
RE_MOBILE = re.compile(_ND + r"(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}" + _NDA)
RE_LANDLINE = re.compile(r"(?:(?<![0-9])0\d{2,3}[-－—]\d{7,8}|[（(]0\d{2,3}[）)]\s?\d{7,8}|(?<![0-9])0\d{2,3}\d{7,8})(?:[-转]\d{1,5})?" + r"(?![0-9])")
RE_ID = re.compile(_ND + r"[1-8]\d{5}((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]" + _NDA)
RE_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
RE_PLATE = re.compile(f"[{PLATE_PROVINCES}][A-HJ-NP-Z][·•・ ]?[A-HJ-NP-Z0-9]{{5,6}}" + _NDA)
_CN_DIGIT = "〇零一二三四五六七八九十"
RE_DATE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?<!\d)(?:0?[1-9]|1[0-2])\s*月\s*(?:0?[1-9]|[12]\d|3[01])\s*[日号]"
    r"|(?<!\d)(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
    f"|(?:[二][{_CN_DIGIT}]{{3}}年)?(?:十[一二]?|[一二三四五六七八九])月(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
)
RE_DOCNO = re.compile("[〔\\[［【(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］】)）]\\s*\\d{1,4}\\s*号")
RE_ADDRESS = re.compile(
    "(?:路|街|大道|大街|巷|弄|胡同)\\s*\\d{1,5}(?:-\\d{1,5})?\\s*号"
    "(?:\\s*(?:院|大厦|小区)?\\s*\\d{1,4}\\s*(?:栋|幢|号楼|楼|单元|室|层))*"
)


def _valid_birth(m: re.Match[str]) -> bool:
    try:
        born = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date(2030, 12, 31)


# ---------------------------------------------------------------------------
# Cue rules
# ---------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪"
    "廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄"
    "樊凌兰殷颜倪欧季温纪祝阎骆邢戚蓝童尚卜聂裴伍翟谷栾"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "司徒", "公孙", "夏侯", "尉迟", "东方")
TITLES = (
    "同志", "书记", "副书记", "局长", "副局长", "主任", "副主任", "处长", "副处长", "科长", "副科长", "部长", "副部长",
    "县长", "副县长", "市长", "副市长", "区长", "镇长", "乡长", "村长", "厅长", "副厅长", "院长", "校长", "所长", "站长",
    "队长", "组长", "主席", "总经理", "董事长", "秘书长", "调研员", "科员", "干事", "先生", "女士",
)
_TITLE_RE = "|".join(sorted(TITLES, key=len, reverse=True))
_SURNAME_RE = "(?:" + "|".join(COMPOUND_SURNAMES) + f"|[{SURNAMES}])"
# A name before a title: the surname must start a word (after punctuation, a
# space, or a word that introduces a person), e.g. "，王明同志" "由李局长".
_PERSON_BEFORE = re.compile(
    f"(?:(?<=^)|(?<=[\\s，。；：、“”（）《》,.;:!?！？])|(?<=[由向请和与及对经给让派]))"
    f"({_SURNAME_RE}[{CJK}]{{0,2}}?)(?={_TITLE_RE})"
)
# A name after a cue: 述职人：王明 / 本人王明 / 报告人 李四.
_PERSON_AFTER = re.compile(
    f"(?:述职人|报告人|述责人|汇报人|本人|姓名|联系人|经办人)\\s*[：:]?\\s*({_SURNAME_RE}[{CJK}]{{1,2}})(?![{CJK}])"
)
# Words that a surname + 1–2 characters form but are no name.
NOT_NAMES = frozenset({
    "党组", "党委", "党支部", "高度", "常务", "万名", "于是", "向上", "任务", "任何", "方面", "全体", "文明", "江书", "周书",
    "马上", "金融", "程序", "石油", "龙头", "安全", "史上", "华为", "朱红", "白天", "孟子", "严格", "严肃", "康复", "余下",
    "陆续", "钱款", "洪水", "林业", "高级", "高新", "邓小平", "毛泽东", "习近平", "韦伯", "段长", "庄严", "戴上", "易于",
    "于部", "何以", "何时", "何处", "何等", "许多", "许可", "向前", "谢绝", "付出", "方向", "方针", "方式", "范围", "施工",
    "武装", "汤圆", "钟表", "柯南", "温度", "温暖", "祝贺", "骆驼", "管理", "能力", "原则", "常委", "常态", "孔子", "贺信",
})

ORGAN_SUFFIXES = (
    "人民政府", "人民法院", "人民检察院", "纪律检查委员会", "监察委员会", "委员会", "办公室", "组织部", "宣传部", "统战部",
    "政法委", "纪委", "监委", "党校", "政府", "局", "厅", "委", "办", "法院", "检察院", "公司", "集团", "银行", "支行", "分行",
    "医院", "大学", "学院", "中学", "小学", "学校", "研究所", "研究院", "中心", "派出所", "街道办事处", "协会", "学会",
)
_ORGAN_RE = re.compile(f"^[{CJK}]{{0,8}}?(?:{'|'.join(sorted(ORGAN_SUFFIXES, key=len, reverse=True))})")
# A company or group named without a place: 华兴建设有限公司.
RE_COMPANY = re.compile(f"[{CJK}]{{2,10}}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团)")
COMPANY_GENERIC = ("国有", "民营", "私营", "外资", "相关", "各类", "本", "该", "一家", "有关")

LANDMARK_SUFFIXES = ("纪念馆", "纪念园", "纪念碑", "烈士陵园", "陵园", "旧址", "会址", "故居", "公园", "广场", "大街", "博物馆",
                     "展览馆", "纪念堂", "革命遗址", "景区")
LANDMARKS = ("雨花台", "中山陵", "梅园新村", "红岩村", "渣滓洞", "白公馆", "西柏坡", "南湖红船", "小岗村", "沙家浜", "韶山冲",
             "花明楼", "八角楼", "宝塔山", "杨家岭", "枣园", "天安门", "人民英雄纪念碑", "卢沟桥", "黄洋界")
GENERIC_LANDMARK_STEMS = ("革命", "烈士", "人民", "城市", "主题", "口袋", "文化", "体育", "湿地", "森林", "红色", "廉政",
                          "党史", "一个", "本地", "当地", "各类", "市民", "休闲", "郊野", "社区", "美丽", "生态")
PROJECT_NOUNS = ("大桥", "隧道", "水库", "大道", "公路", "高速", "铁路", "机场", "港区", "园区", "新城", "小区", "片区", "码头",
                 "枢纽", "水厂", "电站", "综合体", "产业园", "开发区", "安置房", "棚户区", "商业街", "公园", "广场", "湿地",
                 "新区")
_CUE_WORDS = ("参观", "瞻仰", "走进", "前往", "来到", "组织", "深入", "赴", "到", "在", "的", "和", "与", "及", "对", "把",
              "将", "从", "去", "于", "至", "为", "是", "等", "了", "推进", "印发", "下发", "根据", "按照", "依据",
              "地址", "位于", "住址", "家住", "文件", "通知", "深入", "走访", "调研", "沿", "途经", "经过", "加快", "实施", "建设", "完成", "开展")
VILLAGE_SUFFIXES = ("街道", "社区", "镇", "乡", "村")
VILLAGE_GENERIC = frozenset({
    "乡村", "农村", "城乡", "城镇", "乡镇", "村镇", "山村", "新农村", "美丽乡村", "行政村", "自然村", "贫困村", "示范村",
    "重点村", "基层社区", "城市社区", "农村社区", "和美乡村", "家乡", "老乡", "下乡", "城中村", "村村", "各村", "全村",
    "全镇", "全乡", "各乡镇", "市镇", "古镇", "小镇", "重镇", "集镇", "街道社区", "各街道", "易地扶贫搬迁安置社区",
})


def _stem_before(text: str, end: int, max_len: int = 8) -> int:
    """Start of the name that ends at `end`: back over Chinese characters, not past punctuation or a cue word."""
    start = end
    while start > 0 and end - start < max_len and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    stem = text[start:end]
    cut = 0
    for cue in _CUE_WORDS:
        i = stem.rfind(cue)
        if i != -1 and i + len(cue) <= len(stem):
            cut = max(cut, i + len(cue))
    return start + cut


# ---------------------------------------------------------------------------
# Finding
# ---------------------------------------------------------------------------

PLACEHOLDER_RE = re.compile(r"【[^】]*】|(?<![A-Za-z])(?:X{1,3}|x{1,3}|×{1,3}|\*{2,3}|某某|某)(?![A-Za-z])")


def _protected(text: str) -> list[bool]:
    mask = [False] * (len(text) + 1)
    for s, e in _vocab_automaton().find(text):
        for i in range(s, e):
            mask[i] = True
    for m in PLACEHOLDER_RE.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


def _places(text: str) -> list[tuple[int, int]]:
    candidates = _place_automaton().find(text)
    if not candidates:
        return []
    tokens = _tokens(text, candidates)
    cuts = set(tokens)
    gaz = gazetteer()
    found = []
    for s, e in candidates:
        name = text[s:e]
        kind = gaz[name]
        if s not in cuts:
            prev = text[s - 1] if s else ""
            # A full name right after a higher-level name or a place suffix (江苏省南京市) is fine.
            if not (kind == "full" and prev in "省市州区县盟旗"):
                continue
        if e not in cuts and kind == "short":
            # 南京市 is found as the full name; a short form must end a word, unless an
            # organ suffix follows (南京审计局 → unit).
            if not _ORGAN_RE.match(text[e:e + 10]) and text[e:e + 1] not in "市省":
                continue
        if kind == "full" and len(name) == 2 and tokens.get(s) != name:
            # One-character stems (和县, 沙县): only where jieba reads the name as one
            # word ("和/县委" is "and the county committee").
            continue
        found.append((s, e))
    # Longest first, no overlaps.
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last = [], -1
    for s, e in found:
        if s >= last:
            out.append((s, e))
            last = e
        elif out and e > out[-1][1] and s == out[-1][0]:
            out[-1] = (s, e)
            last = e
    return out


# Each word list is looked for word by word (overlapping finds are wanted), but
# only in paragraphs where one search for any of its words succeeds: most don't.
_LANDMARK_ANY = re.compile("|".join(map(re.escape, LANDMARKS)))
_LANDMARK_SUFFIX_ANY = re.compile("|".join(map(re.escape, LANDMARK_SUFFIXES)))
_VILLAGE_SUFFIX_ANY = re.compile("|".join(map(re.escape, VILLAGE_SUFFIXES)))
_PROJECT_RE = re.compile("工程|项目")


_DIGIT_RUN = re.compile(r"\d{4}")  # in every ID card, mobile and landline number
_DATE_SEP = re.compile(r"\d[-/.]")  # in a 2023-04-12 date (the others have 月)
_TITLE_ANY = re.compile(_TITLE_RE)  # a name before a title needs the title


def _scan(pattern: re.Pattern[str], text: str, possible: bool) -> Iterable[re.Match[str]]:
    return pattern.finditer(text) if possible else ()


def _words_in(text: str, words: tuple[str, ...], any_re: re.Pattern[str]) -> tuple[str, ...]:
    return words if any_re.search(text) else ()


@cache.memoize()
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word))


def find_items(text: str) -> list[Item]:
    """Every identifying item in text, sorted by position, without overlaps."""
    protected = _protected(text)
    cand: list[tuple[int, int, str, int]] = []  # start, end, category, priority (lower wins ties)

    def add(s: int, e: int, cat: str, prio: int) -> None:
        if e > s and not any(protected[s:e]):
            cand.append((s, e, cat, prio))

    # Each pattern runs only where a cheap necessary condition holds (a run of
    # four digits, 月, @, a title, 公司 …): most paragraphs have none of these,
    # and scanning every position with every pattern was the anonymiser's cost.
    digits = _DIGIT_RUN.search(text) is not None
    for m in _scan(RE_ID, text, digits):
        if _valid_birth(m):
            add(m.start(), m.end(), "id_card", 0)
    for m in _scan(RE_MOBILE, text, digits):
        add(m.start(), m.end(), "phone", 1)
    for m in _scan(RE_LANDLINE, text, digits):
        add(m.start(), m.end(), "phone", 1)
    for m in _scan(RE_EMAIL, text, "@" in text):
        add(m.start(), m.end(), "email", 0)
    for m in RE_PLATE.finditer(text):
        add(m.start(), m.end(), "plate", 1)
    for m in RE_DOCNO.finditer(text):
        # The issuing organ's abbreviation before the bracket (苏审发〔2023〕12号).
        add(_stem_before(text, m.start(), 6), m.end(), "doc_number", 1)
    for m in _scan(RE_DATE, text, "月" in text or _DATE_SEP.search(text) is not None):
        add(m.start(), m.end(), "date", 2)
    for m in RE_ADDRESS.finditer(text):
        s = _stem_before(text, m.start(), 8)
        if s < m.start():
            add(s, m.end(), "address", 1)

    places = _places(text)
    for s, e in places:
        # place + organ suffix → unit (南京市审计局, 江苏省委).
        org = _ORGAN_RE.match(text[e:e + 12])
        if org and not any(protected[e:e + org.end()]):
            add(s, e + org.end(), "unit", 2)
        else:
            add(s, e, "place", 4)
    for m in _scan(RE_COMPANY, text, "公司" in text or "集团" in text):
        s = _stem_before(text, m.end() - len(re.search("(?:股份有限公司|有限责任公司|有限公司|集团公司|集团)$", m.group(0)).group(0)), 10)
        stem = text[s:m.end()]
        if len(stem) >= 4 and not stem.startswith(COMPANY_GENERIC):
            add(s, m.end(), "unit", 3)

    # Landmarks: a fixed list, and name + 纪念馆/陵园/公园/大街 …
    for name in _words_in(text, LANDMARKS, _LANDMARK_ANY):
        for m in _word_re(name).finditer(text):
            add(m.start(), m.end(), "landmark", 2)
    for suffix in _words_in(text, LANDMARK_SUFFIXES, _LANDMARK_SUFFIX_ANY):
        for m in _word_re(suffix).finditer(text):
            s = _stem_before(text, m.start(), 8)
            stem = text[s:m.start()]
            if len(stem) >= 2 and stem not in GENERIC_LANDMARK_STEMS and not stem.endswith(GENERIC_LANDMARK_STEMS[:2]):
                add(s, m.end(), "landmark", 2)

    # Projects: a name with a place or an infrastructure noun + 工程/项目.
    for m in _PROJECT_RE.finditer(text):
        s = _stem_before(text, m.start(), 10)
        stem = text[s:m.start()]
        if len(stem) < 2:
            continue
        has_place = any(ps >= s and pe <= m.start() for ps, pe in places)
        if has_place or any(noun in stem[1:] for noun in PROJECT_NOUNS):
            add(s, m.end(), "project", 1)

    # Townships, villages, communities: a proper name right after a place or a verb of going.
    for suffix in _words_in(text, VILLAGE_SUFFIXES, _VILLAGE_SUFFIX_ANY):
        for m in _word_re(suffix).finditer(text):
            s = _stem_before(text, m.start(), 8)
            # A place just before the name ends the stem (江宁区王家庄村 → 王家庄村).
            s = max([s] + [pe for _, pe in places if s <= pe < m.start()])
            stem = text[s:m.start()]
            if len(stem) > 4:
                continue
            whole = stem + suffix
            if len(stem) < 2 or whole in VILLAGE_GENERIC or stem in VILLAGE_GENERIC:
                continue
            prev = text[s - 1] if s else ""
            before = text[max(0, s - 2):s]
            after_place = any(pe == s for _, pe in places)
            if after_place or prev in "县区市镇乡赴到在至于" or before in ("前往", "走访", "来到", "深入", "驻村", "帮扶", "挂钩"):
                add(s, m.end(), "place", 3)

    # People.
    for m in _scan(_PERSON_BEFORE, text, _TITLE_ANY.search(text) is not None):
        name = m.group(1)
        if name in NOT_NAMES or name[:2] in NOT_NAMES or len(name) < 1:
            continue
        add(m.start(1), m.end(1), "person", 0)
    for m in _PERSON_AFTER.finditer(text):
        if m.group(1) not in NOT_NAMES:
            add(m.start(1), m.end(1), "person", 0)

    # Resolve overlaps: longer items first, then priority.
    cand.sort(key=lambda c: (-(c[1] - c[0]), c[3], c[0]))
    taken = [False] * (len(text) + 1)
    chosen: list[Item] = []
    for s, e, cat, _ in cand:
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        chosen.append(Item(s, e, cat, text[s:e]))
    return sorted(chosen, key=lambda it: (it.start, it.end))


def find_in_file(path: str | Path) -> list[Item]:
    return find_items(read_text_file(path))
