"""The data of the draft checker (提法体检), shared by Python and the browser.

`build_rules()` returns one JSON-serialisable dict: every regular expression,
word list and message the checker uses. The Python checker (macros/checker.py)
reads it in-process; the build writes the very same dict to
`assets/javascripts/check-rules.js` for the browser checker
(docs/assets/javascripts/checker.js). Only the small matching logic exists
twice; tests run one case corpus through both and compare the findings.

Regular expressions are written in the subset on which Python's `re` and
JavaScript's RegExp (flag "u") agree: explicit character classes ([0-9], never
\\d, \\w, \\s or \\b, which differ), fixed-width look-behind, no named groups.

Phrase-derived data (stale and anachronistic wording, fixed formulations)
comes from the phrase library's valid_from / valid_until / replaced_by and
members / full / wrong fields, never from a list in code.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..base import cache, paths
from ..content import phrases

VERSION = 1
HAN = "\\u3400-\\u9fff"
CN_DIGITS = "一二三四五六七八九十"

RULE_ORDER = ("placeholder", "stale", "misquote", "numbering", "punctuation")

# Template residue and placeholders. "{text}" in a message is the matched text.
PLACEHOLDERS: list[dict[str, str]] = [
    {"re": "【[^【】\\n]{0,40}】", "message": "未填写的填空项{text}", "suggestion": "填入实际内容，或删去这句"},
    {"re": "(?<![A-Za-z\\uff21-\\uff3a\\uff41-\\uff5a])[X\\uff38]+(?![A-Za-z\\uff21-\\uff3a\\uff41-\\uff5a]|光|射线)",
     "message": "占位符“{text}”没有替换", "suggestion": "填入实际数字或名称"},
    {"re": "×{2,}|(?<![0-9\\uff10-\\uff19])×(?![0-9\\uff10-\\uff19])",
     "message": "占位符“{text}”没有替换", "suggestion": "填入实际数字或名称"},
    {"re": "[*\\uff0a]{3,}", "message": "占位符“{text}”没有替换", "suggestion": "填入实际内容"},
    {"re": "某某+", "message": "占位符“{text}”没有替换", "suggestion": "填入实际名称"},
    {"re": "○{2,}", "message": "占位符“{text}”没有替换", "suggestion": "填入实际内容"},
    {"re": "##[A-Za-z_]+##", "message": "网页残留标记“{text}”", "suggestion": "删去"},
    {"re": "本文系[^\\n]{0,12}(?:原创|投稿)[^\\n]*", "message": "网页残留的声明文字", "suggestion": "删去这一行"},
    {"re": "(?:仅供学习参考|请勿照搬照抄|未经授权[^\\n]{0,6}转载)[^\\n]*", "message": "网页残留的声明文字",
     "suggestion": "删去这一行"},
    {"re": "\\{\\{[^\\n]{0,60}?\\}\\}|\\{%[^\\n]{0,60}?%\\}", "message": "模板代码残留“{text}”", "suggestion": "删去"},
    {"re": "[\\ue000-\\uf8ff]+", "message": "模板标记残留（不可见字符）", "suggestion": "删去"},
]

# A dated term cited as history, not as current wording, passes the stale
# test: a year before the report year earlier in the same sentence
# ("2023年开展的……"), one of these words right after it ("……成果"), or a
# place inside a title in 《》 (a book or document named after a campaign).
HISTORY = {
    "year_re": "((?:19|20)[0-9]{2})年",
    "last_year_re": "去年|上年|上一年",
    "sentence_breaks": "。！？；\n",
    "after": ["成果", "期间", "以来", "检视", "整改", "回头看"],
    "skip_before_after": "”’》",  # a closing quote may stand between the term and the word after it
    "title_marks": ["《", "》"],
}

STALE_MESSAGES = {
    "early": "“{phrase}”始于{valid_from}年度，{year}年度的报告还不可能出现",
    "early_suggestion": "删去，或改为{year}年度的提法",
    "late": "“{phrase}”是{valid_until}年度及以前的提法，{year}年度已不是现行表述",
    "late_replaced": "改为“{replacement}”（如是回顾往年，写明年份）",
    "late_suggestion": "改为现行提法（如是回顾往年，写明年份）",
}

MISQUOTE_MESSAGES = {
    "member": "“{phrase}”中的“{item}”不对",
    "duplicate": "“{phrase}”中“{item}”重复",
    "order": "“{phrase}”的顺序不对",
    "suggestion_list": "应为：{correct}",
    "full": "“{phrase}”的表述与规范表述不一致",
    "wrong": "“{text}”是错误表述",
    "suggestion_full": "应为：{correct}",
}

# Separators inside an enumeration (、), the connectors that may join its
# last two members, and the characters that end a clause.
LISTS = {
    "clause_re": "[^，。；：！？,.;:!?\\n“”‘’\"'（）()《》【】 \\t\\u3000]+",
    "separator": "、",
    "connectors": "和与及",
}

FULL_ANCHOR = 4        # a full wording is looked for where its first characters occur
FULL_MIN_LENGTH = 10   # shorter full wordings are only checked through `wrong`

NUMBERING = {
    # Paragraph-start headings, outermost first; a heading resets the levels below it.
    "levels": [
        {"id": "l1", "re": "^([一二三四五六七八九十]{1,3})、", "kind": "cn", "format": "{n}、"},
        {"id": "l2", "re": "^[（(]([一二三四五六七八九十]{1,3})[）)]", "kind": "cn", "format": "（{n}）"},
        {"id": "l3", "re": "^([0-9]{1,2})[.．、](?![0-9])", "kind": "num", "format": "{n}."},
        {"id": "l4", "re": "^[（(]([0-9]{1,2})[）)]", "kind": "num", "format": "（{n}）"},
    ],
    "leading_space": " \t\u3000",
    # 一是、二是 … inside paragraphs; it must follow a break (or start the paragraph).
    "inline_re": "([一二三四五六七八九十]{1,3})是",
    "inline_format": "{n}是",
    "inline_after": "。；，：！？、 \t\u3000）)”",
    "messages": {
        "skip": "序号不连续：“{prev}”之后是“{found}”",
        "skip_suggestion": "改为“{expected}”",
        "twice": "同一段中“一是”出现两次",
        "twice_suggestion": "后一组改为另起一段，或接着前一组编号",
    },
}

PUNCTUATION = {
    "halfwidth_re": f"(?<=[{HAN}])[,;:?!](?= *[{HAN}])|(?<=[{HAN}])[()](?=[{HAN}])"
                    f"|(?<=[{HAN}])\"|\"(?=[{HAN}])",
    "halfwidth_map": {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", "\"": "“”"},
    "halfwidth_message": "中文之间用了半角标点 {text}",
    "halfwidth_suggestion": "改为全角 {fix}",
    "fullwidth_digits_re": "[\\uff10-\\uff19]+",
    "fullwidth_digits_message": "全角数字“{text}”",
    "fullwidth_digits_suggestion": "改为半角“{fix}”",
    # open, close, name: the name keeps messages free of nested quotation marks.
    "pairs": [["“", "”", "引号"], ["《", "》", "书名号"], ["（", "）", "括号"]],
    "unclosed_message": "{name}不成对：{text} 没有后半个 {other}",
    "unopened_message": "{name}不成对：{text} 前面没有前半个 {other}",
    "pair_suggestion": "补上缺少的半个{name}，或删去多余的 {text}",
}


def _affix(members: tuple[str, ...]) -> dict[str, str]:
    """The common suffix of the members (else their common prefix)."""
    def common_prefix(words: list[str]) -> str:
        first = words[0]
        n = 0
        while all(len(w) > n and w[n] == first[n] for w in words):
            n += 1
        return first[:n]

    suffix = common_prefix([m[::-1] for m in members])[::-1]
    if suffix:
        return {"suffix": suffix, "prefix": ""}
    return {"suffix": "", "prefix": common_prefix(list(members))}


def _stale_terms(library: dict[str, phrases.Phrase]) -> list[dict[str, Any]]:
    terms = []
    for ph in library.values():
        if ph.valid_from is None and ph.valid_until is None:
            continue
        replacement = library[ph.replaced_by].phrase if ph.replaced_by in library else None
        forms = [ph.phrase, *getattr(ph, "stale_forms", ())]
        terms.append({"id": ph.id, "phrase": ph.phrase, "forms": forms, "valid_from": ph.valid_from,
                      "valid_until": ph.valid_until, "replacement": replacement})
    return terms


def _misquote_data(library: dict[str, phrases.Phrase]) -> dict[str, Any]:
    lists, fulls, wrongs = [], [], []
    for ph in library.values():
        correct_forms = [f for f in (ph.phrase, ph.full) if f]
        if len(ph.members) >= 2:
            lists.append({"id": ph.id, "phrase": ph.phrase, "members": list(ph.members),
                          "correct": "、".join(ph.members), **_affix(ph.members)})
            correct_forms.append("、".join(ph.members))
        if ph.full and len(ph.full) >= FULL_MIN_LENGTH:
            fulls.append({"id": ph.id, "phrase": ph.phrase, "full": ph.full, "anchor": ph.full[:FULL_ANCHOR],
                          "max_distance": max(2, len(ph.full) // 6)})
        for wrong in ph.wrong:
            correct = ph.full or ("、".join(ph.members) if ph.members else ph.phrase)
            wrongs.append({"id": ph.id, "phrase": ph.phrase, "text": wrong, "correct": correct,
                           "inside": [f for f in correct_forms if wrong in f]})
    return {"lists": lists, "fulls": fulls, "wrong": wrongs, "lists_data": LISTS, "messages": MISQUOTE_MESSAGES}


@cache.memoize()
def _cached(root: Path) -> dict[str, Any]:
    library = phrases.load_library(root)
    return {
        "version": VERSION,
        "rules": list(RULE_ORDER),
        "cn_digits": CN_DIGITS,
        "placeholder": PLACEHOLDERS,
        "stale": {"terms": _stale_terms(library), "history": HISTORY, "messages": STALE_MESSAGES},
        "misquote": _misquote_data(library),
        "numbering": NUMBERING,
        "punctuation": PUNCTUATION,
    }


def build_rules(root: Path = paths.TEMPLATES) -> dict[str, Any]:
    """The checker's data, derived from the phrase library under root."""
    return _cached(root)

