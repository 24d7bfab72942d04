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

Dates (the `stale` rule) come from ONE source, the calendar
(templates/calendar.yml through macros/content/calendar.py): every wording of
every dated event, its spirit forms (党的二十届三中全会精神), the spirit lines
(党的二十大和二十届二中、三中全会精神), campaign follow-ups. Where a dated
phrase-library entry names a calendar event (its wording, without 《》, is a
calendar wording) the calendar's years win and the entry is not read for
dates; tests/tools/test_checker.py fails when the library's valid_from /
valid_until disagree with the calendar, so the library pages say the same.
Dated library entries that name no event (新质生产力, 两个确立 …) keep their
own valid_from / valid_until / replaced_by. A root without a calendar.yml (the
frozen test library) uses the handbook's calendar.

Fixed formulations (`misquote`) come from the library's members / full / wrong
fields, the campaign names of the calendar (their quotation marks) and its
themes (a congress theme may quote a name in its own wording); never from a
list in code.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..base import cache, paths
from ..content import calendar as cal
from ..content import phrases

VERSION = 2
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
# ("2023年开展的……"), one of these words right after it ("……成果", "“十四五”时期",
# "……收官": a period or a campaign looked back on), or a
# place inside a title in 《》 (a book or document named after a campaign).
HISTORY = {
    "year_re": "((?:19|20)[0-9]{2})年",
    "last_year_re": "去年|上年|上一年",
    "sentence_breaks": "。！？；\n",
    "after": ["成果", "期间", "以来", "检视", "整改", "回头看", "开展以来", "结束", "时期", "收官"],
    "skip_before_after": "”’》",  # a closing quote may stand between the term and the word after it
    "title_marks": ["《", "》"],
}

# Forward-looking wording: a 下一步 part of year Y may name what is planned for
# Y + 1 (迎接党的二十大胜利召开, 谋划“十五五”, a follow-up form). Such a term
# (kinds below, and follow-ups) one year early is not stale when the line
# before it, or the last heading before its line, has a marker, or a verb of
# planning stands right before it.
FORWARD_KINDS = ("congress", "plan", "milestone")
FORWARD = {
    "marker_re": "下一步|下步|新的一年|明年|来年|今后|打算",
    "year_re": "((?:19|20)[0-9]{2})年",
    "verbs": ["谋划", "筹划", "编制", "筹备", "迎接", "喜迎", "启动"],
    "skip_before": "“‘《",
}

STALE_MESSAGES = {
    "early": "“{phrase}”始于{valid_from}年度，{year}年度的报告还不可能出现",
    "early_suggestion": "删去，或改为{year}年度的提法",
    "late": "“{phrase}”是{valid_until}年度及以前的提法，{year}年度已不是现行表述",
    "late_replaced": "改为“{replacement}”（如是回顾往年，写明年份）",
    "late_suggestion": "改为现行提法（如是回顾往年，写明年份）",
}

MISQUOTE_MESSAGES = {
    "invisible": "文中有不可见字符（从网页或其他文档复制带入），会使提法和检索对不上",
    "invisible_suggestion": "删去不可见字符后重新粘贴（可先粘贴到记事本）",
    "unquoted": "“{text}”缺少引号",
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

# Zero-width and other invisible characters (soft hyphen, joiners, marks of direction, BOM).
INVISIBLE_RE = ("[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180e\\u200b-\\u200f"
                "\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0]+")
# A full wording that takes a number is being used, not quoted (党小组会186次).
NUMBER_RE = "[0-9\\uff10-\\uff19]"
# Names of the leader's thought are checked for damage even without a `full`.
NAME_MARK = "习近平"

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
        "first": "“{prev}”下的第一个序号是“{found}”",
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


def _calendar(root: Path) -> cal.Calendar:
    """The calendar under root; a root without one (the frozen test library) uses the handbook's."""
    return cal.load_calendar(root) if (root / cal.FILE).exists() else cal.load_calendar()


def _unquoted(text: str) -> str:
    return text.replace("“", "").replace("”", "")


def _without_quoted(text: str) -> str:
    """A follow-up may drop the quoted name of its campaign: 巩固拓展“不忘初心、牢记使命”主题教育成果
    is also written 巩固拓展主题教育成果."""
    out, depth = [], 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _spirit_lines(calendar: cal.Calendar) -> list[dict[str, Any]]:
    """The spirit lines a report may study (党的十九大和十九届二中、三中全会精神 …), each current from the
    year of its last plenum until the next plenum's year (the last until the next congress's year). A
    plenum held in the year of the next congress (it prepares the congress) enters no line."""
    rows: list[dict[str, Any]] = []
    congresses = calendar.events("congress")
    for k, congress in enumerate(congresses):
        nxt = congresses[k + 1] if k + 1 < len(congresses) else None
        plenums = [p for p in calendar.events("plenum")
                   if p.start.first >= congress.start.first and (nxt is None or p.start.year < nxt.start.year)
                   and p.number != 1]
        if not plenums:
            continue
        end = nxt.start.year if nxt else None
        lines = [(f"{congress.short}和{congress.session}历次全会精神", plenums[0].start.year, end)]
        for j, p in enumerate(plenums):
            until = plenums[j + 1].start.year - 1 if j + 1 < len(plenums) else end
            if until is not None and until < p.start.year:
                continue  # two plenums in one year: this list is never the whole of a year
            listed = "、".join(f"{cal._ORDINALS[q.number - 1]}中" for q in plenums[:j + 1])
            lines.append((f"{congress.short}和{congress.session}{listed}全会精神", p.start.year, until))
        for i, (phrase, valid_from, until) in enumerate(lines):
            form = "all" if i == 0 else "enumerated"
            replacement = (calendar.spirit(until + 1, form) if until is not None and calendar.covers(until + 1)
                           else None)
            rows.append({"id": f"spirit:{phrase}", "phrase": phrase, "valid_from": valid_from, "valid_until": until,
                         "replacement": replacement, "forward": False})
    return rows


def _calendar_terms(calendar: cal.Calendar) -> list[dict[str, Any]]:
    """Rows of calendar.stale_terms(), with the forms a draft also writes: a campaign's name without its
    quotation marks (also a misquote), a follow-up without the quoted campaign name, the 精神 form of a
    congress or plenum (current from the meeting, not from named_from), and the spirit lines."""
    rows: list[dict[str, Any]] = []
    by_id = {e.id: e for e in calendar.events()}
    for r in calendar.stale_terms():
        e = by_id[r["event"]]
        forward = r["kind"] in FORWARD_KINDS or r["field"].startswith("followups")
        base = {"valid_from": r["valid_from"], "valid_until": r["valid_until"], "replacement": r["replacement"],
                "forward": forward}
        rows.append({"id": f"{r['event']}.{r['field']}", "phrase": r["phrase"], **base})
        if r["kind"] == "campaign" and r["field"] == "name" and _unquoted(r["phrase"]) != r["phrase"]:
            rows.append({"id": f"{r['event']}.unquoted", "phrase": _unquoted(r["phrase"]), **base})
        if r["field"].startswith("followups") and _without_quoted(r["phrase"]) != r["phrase"]:
            rows.append({"id": f"{r['event']}.{r['field']}.short", "phrase": _without_quoted(r["phrase"]), **base})
        if r["kind"] in ("congress", "plenum") and not r["field"].startswith("revisions"):
            rows.append({"id": f"{r['event']}.{r['field']}.spirit", "phrase": r["phrase"] + "精神",
                         **dict(base, valid_from=e.start.year, forward=False)})
    rows += _spirit_lines(calendar)
    # One term per wording: rows that share one (a follow-up of two campaigns) give the years of both.
    merged: dict[str, dict[str, Any]] = {}
    for row in rows:
        old = merged.get(row["phrase"])
        if old is None:
            merged[row["phrase"]] = row
            continue
        old["valid_from"] = min(old["valid_from"], row["valid_from"])
        if old["valid_until"] is not None:
            old["valid_until"] = None if row["valid_until"] is None else max(old["valid_until"], row["valid_until"])
        old["replacement"] = old["replacement"] or row["replacement"]
        old["forward"] = old["forward"] or row["forward"]
    return list(merged.values())


def library_names_event(ph: phrases.Phrase, calendar_phrases: set[str]) -> str | None:
    """The calendar wording a dated library entry names (its wording without 《》), or None."""
    for w in ph.wordings:
        for form in (w.strip("《》"), w):
            if form in calendar_phrases:
                return form
    return None


def _stale_terms(library: dict[str, phrases.Phrase], calendar: cal.Calendar) -> list[dict[str, Any]]:
    terms = _calendar_terms(calendar)
    known = {t["phrase"] for t in terms}
    by_phrase = {t["phrase"]: t for t in terms}
    for t in terms:
        t["forms"] = [t["phrase"]]
        if t["phrase"].startswith("党的") and t["phrase"][2:] not in known:
            t["forms"].append(t["phrase"][2:])
    for ph in library.values():
        if ph.valid_from is None and ph.valid_until is None:
            continue
        named = library_names_event(ph, known)
        if named:  # the calendar's dates win (tests/tools/test_checker.py: the two agree)
            if by_phrase[named]["replacement"] is None and ph.replaced_by in library:
                by_phrase[named]["replacement"] = library[ph.replaced_by].phrase
            continue
        replacement = library[ph.replaced_by].phrase if ph.replaced_by in library else None
        forms = list(ph.wordings)
        if len(ph.members) >= 2:  # the list with 和 before its last member
            forms.append("、".join(ph.members[:-1]) + "和" + ph.members[-1])
        terms.append({"id": ph.id, "phrase": ph.phrase, "forms": [f for f in forms if f not in known],
                      "valid_from": ph.valid_from, "valid_until": ph.valid_until, "replacement": replacement,
                      "forward": False})
    return terms


def _closest(text: str, forms: list[str]) -> str:
    """The correct form to suggest for a wrong wording: the one nearest to it in length."""
    return min(forms, key=lambda f: abs(len(f) - len(text)))


def _connector_variants(ph: phrases.Phrase) -> list[str]:
    """A full wording that joins its last member with 和 (与, 及) may use 、 instead, and the reverse
    (形式主义、官僚主义、享乐主义和奢靡之风 / …享乐主义、奢靡之风): both are standard."""
    if len(ph.members) < 2 or not ph.full:
        return []
    head = "、".join(ph.members[:-1])
    forms = [head + c + ph.members[-1] for c in "、" + LISTS["connectors"]]
    return [f for f in forms if f != ph.full] if ph.full in forms else []


def _theme_clauses(calendar: cal.Calendar) -> list[str]:
    """Clauses of the calendar's themes and slogans: official wording that may quote a name its own way
    (党的二十大的主题：全面贯彻新时代中国特色社会主义思想)."""
    out = []
    for e in calendar.events():
        for text in (e.theme, *e.slogans):
            out += [c for c in text.replace("；", "，").split("，") if c]
    return out


def _misquote_data(library: dict[str, phrases.Phrase], calendar: cal.Calendar) -> dict[str, Any]:
    lists, fulls, wrongs = [], [], []
    correct_anywhere = sorted({f for ph in library.values() for f in (*ph.wordings, ph.full) if f})
    clauses = _theme_clauses(calendar)
    for ph in library.values():
        correct_forms = [f for f in (*ph.wordings, ph.full) if f]
        if len(ph.members) >= 2:
            lists.append({"id": ph.id, "phrase": ph.phrase, "members": list(ph.members),
                          "correct": "、".join(ph.members), **_affix(ph.members)})
            correct_forms.append("、".join(ph.members))
        correct_forms += _connector_variants(ph)
        full = ph.full
        if (not full and not ph.members and ph.kind == "fixed" and NAME_MARK in ph.phrase
                and len(ph.phrase) >= FULL_MIN_LENGTH):
            full = ph.phrase  # a name: a word missing, a stand-in character or a word inserted
        if full and len(full) >= FULL_MIN_LENGTH:
            anchor = full[:FULL_ANCHOR]
            accepted = [full] + _connector_variants(ph)
            accepted += [f for f in correct_anywhere if f.startswith(anchor) and f not in accepted]
            fulls.append({"id": ph.id, "phrase": ph.phrase, "full": full, "anchor": anchor,
                          "max_distance": max(2, len(full) // 6), "accepted": accepted})
        for wrong in ph.wrong:
            correct = _closest(wrong, [ph.full] if ph.full else [ph.phrase] + (
                ["、".join(ph.members)] if ph.members else []))
            inside = [f for f in correct_forms + clauses if wrong in f]
            wrongs.append({"id": ph.id, "phrase": ph.phrase, "text": wrong, "correct": correct,
                           "inside": inside, "message": "wrong"})
    # Campaign names keep their quotation marks: “不忘初心、牢记使命”主题教育.
    names = {e.name for e in calendar.events("campaign")}
    names |= {ph.phrase for ph in library.values() if ph.kind == "campaign"}
    for name in sorted(names):
        bare = _unquoted(name)
        if bare != name:
            wrongs.append({"id": name, "phrase": name, "text": bare, "correct": name, "inside": [],
                           "message": "unquoted"})
    return {"lists": lists, "fulls": fulls, "wrong": wrongs, "lists_data": LISTS, "messages": MISQUOTE_MESSAGES,
            "invisible_re": INVISIBLE_RE, "number_re": NUMBER_RE}


@cache.memoize()
def _cached(root: Path) -> dict[str, Any]:
    library = phrases.load_library(root)
    calendar = _calendar(root)
    return {
        "version": VERSION,
        # The report years the calendar covers, so that a command can refuse another year without the YAML.
        "years": [calendar.first_year, calendar.last_year],
        "rules": list(RULE_ORDER),
        "cn_digits": CN_DIGITS,
        "placeholder": PLACEHOLDERS,
        "stale": {"terms": _stale_terms(library, calendar), "history": HISTORY, "forward": FORWARD,
                  "messages": STALE_MESSAGES},
        "misquote": _misquote_data(library, calendar),
        "numbering": NUMBERING,
        "punctuation": PUNCTUATION,
    }


# A command reads the built rules, not the YAML: the rules of a library are kept on disk under
# the digest of everything they are made from (the phrase files, the calendar, this module),
# so `python -m macros check` skips loading 1,000 phrase entries (a fifth of a second) once any
# command or build has made them. Another library, another digest; a stale file is never read.
RULES_CACHE = paths.ROOT / ".cache"


def _inputs_digest(root: Path) -> str:
    h = hashlib.sha256(f"rules {VERSION}\x1e".encode())
    files = [Path(__file__), Path(phrases.__file__), Path(cal.__file__), root / "calendar.yml",
             paths.TEMPLATES / "calendar.yml", *sorted((root / "phrases").glob("*.yml"))]
    for f in files:
        h.update(str(f.name).encode() + b"\x1f" + (f.read_bytes() if f.is_file() else b"") + b"\x1e")
    return h.hexdigest()[:24]


@cache.memoize()
def _from_disk(root: Path) -> dict[str, Any]:
    path = RULES_CACHE / f"check-rules-{_inputs_digest(root)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    rules = json.loads(json.dumps(_cached(root), ensure_ascii=False))  # the very dict the file holds
    try:  # best effort: a read-only checkout still checks, only more slowly
        RULES_CACHE.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=RULES_CACHE, prefix=".rules-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(rules, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass
    return rules


def build_rules(root: Path = paths.TEMPLATES) -> dict[str, Any]:
    """The checker's data, derived from the phrase library and the calendar under root."""
    return _from_disk(root)

