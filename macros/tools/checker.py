"""The draft checker (提法体检): findings in a report's text for its report year.

All data (expressions, dated terms, fixed formulations, messages) comes from
macros/tools/rules.py, the same dict the browser checker loads. This module is
the Python half of the matching logic; docs/assets/javascripts/checker.js is
the JavaScript half and must give exactly the same findings (a test runs
tests/data/check_cases.yml through both). Offsets are Python str indices.
"""
from __future__ import annotations

import bisect
import gc
import itertools
import re
from dataclasses import asdict, dataclass
from typing import Any, Callable, Iterable

from ..base import cache
from . import rules as check_rules


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    rule: str
    message: str
    suggestion: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def fmt(template: str, **values: Any) -> str:
    """"{name}" substitution, the same in checker.js (no format spec, no escapes)."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values[m.group(1)]), template)


@cache.memoize(64)
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _greedy(found: Iterable[Finding]) -> list[Finding]:
    """Leftmost-longest, without overlaps (within one rule)."""
    kept: list[Finding] = []
    end = -1
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start >= end:
            kept.append(f)
            end = f.end
    return kept


def _find_all(text: str, needle: str) -> Iterable[int]:
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def _paragraphs(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


# ---------------------------------------------------------------------------
# Chinese numerals 1–99
# ---------------------------------------------------------------------------

def cn_value(word: str, digits: str) -> int | None:
    vals = [digits.index(ch) + 1 for ch in word]  # 十 = 10
    if len(vals) == 1:
        return vals[0]
    if len(vals) == 2 and vals[0] == 10 and vals[1] < 10:
        return 10 + vals[1]
    if len(vals) == 2 and vals[0] < 10 and vals[1] == 10 and vals[0] > 1:
        return vals[0] * 10
    if len(vals) == 3 and vals[0] < 10 and vals[0] > 1 and vals[1] == 10 and vals[2] < 10:
        return vals[0] * 10 + vals[2]
    return None


def cn_word(n: int, digits: str) -> str:
    tens, units = divmod(n, 10)
    if tens == 0:
        return digits[units - 1]
    head = "" if tens == 1 else digits[tens - 1]
    return head + "十" + (digits[units - 1] if units else "")


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

def _placeholder(text: str, rules: dict[str, Any], year: int) -> list[Finding]:
    found = []
    for spec in rules["placeholder"]:
        first = _first_chars(spec["re"])
        if first is not None and not any(ch in text for ch in first):
            continue  # no character that can start a match: the scan would find nothing (same result, faster)
        for m in _re(spec["re"]).finditer(text):
            found.append(Finding(m.start(), m.end(), "placeholder", fmt(spec["message"], text=m.group(0)),
                                 fmt(spec["suggestion"], text=m.group(0))))
    return _greedy(found)


@cache.memoize(256)
def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of pattern must start with, when the pattern says so plainly (else None)."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
        from re._constants import ASSERT, ASSERT_NOT, BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, RANGE, SUBPATTERN
    except ImportError:  # pragma: no cover - older or other Pythons: no shortcut
        return None

    def first(items) -> set[str] | None:
        for op, av in items:
            if op in (ASSERT, ASSERT_NOT):
                continue  # a lookaround does not consume
            if op == LITERAL:
                return {chr(av)}
            if op == IN:
                chars: set[str] = set()
                for iop, iav in av:
                    if iop == LITERAL:
                        chars.add(chr(iav))
                    elif iop == RANGE and iav[1] - iav[0] < 8192:
                        chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
                    else:
                        return None
                return chars
            if op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
                return first(av[2])
            if op == SUBPATTERN:
                return first(av[3])
            if op == BRANCH:
                union: set[str] = set()
                for branch in av[1]:
                    got = first(branch)
                    if got is None:
                        return None
                    union |= got
                return union
            return None
        return None

    try:
        parsed = sre_parse.parse(pattern)
        got = None if parsed.state.flags & re.IGNORECASE else first(parsed)
    except Exception:  # noqa: BLE001 - no shortcut for a pattern we cannot read
        return None
    return frozenset(got) if got is not None and len(got) <= 64 else None


def _historical(text: str, start: int, end: int, term: dict[str, Any], hist: dict[str, Any], year: int) -> bool:
    sentence_start = start
    while sentence_start > 0 and text[sentence_start - 1] not in hist["sentence_breaks"]:
        sentence_start -= 1
    before = text[sentence_start:start]
    until = term["valid_until"]
    for m in _re(hist["year_re"]).finditer(before):
        y = int(m.group(1))
        if y < year and y <= until:
            return True
    if year - 1 <= until and _re(hist["last_year_re"]).search(before):
        return True
    open_, close = hist["title_marks"]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)  # not `"\n" in text[end:]`: that copies the rest of the text per hit
    if line_end < 0:
        line_end = len(text)
    if text.rfind(open_, line_start, start) > text.rfind(close, line_start, start) and close in text[end:line_end]:
        return True
    after = end
    while after < len(text) and text[after] in hist["skip_before_after"]:
        after += 1
    return any(text.startswith(word, after) for word in hist["after"])


def _forward(text: str, start: int, fwd: dict[str, Any], year: int) -> bool:
    """Forward-looking wording (a 下一步 part names next year's plans): a planning verb right before the
    term, a marker or next year earlier in its line, or a marker in the last heading before its line."""
    i = start
    while i > 0 and text[i - 1] in fwd["skip_before"]:
        i -= 1
    if any(text.endswith(verb, 0, i) for verb in fwd["verbs"]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _re(fwd["marker_re"]).search(before):
        return True
    if any(int(m.group(1)) == year + 1 for m in _re(fwd["year_re"]).finditer(before)):
        return True
    heading = _last_heading(text, line_start)
    return heading is not None and _re(fwd["marker_re"]).search(heading) is not None


def _last_heading(text: str, line_start: int) -> str | None:
    """The nearest line before line_start that is a short line without a full stop (a heading)."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip(" \t\u3000") and "。" not in line and len(line) <= 30:
            return line
        end = start - 1
    return None


def _stale(text: str, rules: dict[str, Any], year: int) -> list[Finding]:
    data = rules["stale"]
    msgs = data["messages"]
    candidates: list[tuple[int, int, int]] = []  # start, end, term index
    for t_index, term in enumerate(data["terms"]):
        for form in term["forms"]:
            for i in _find_all(text, form):
                candidates.append((i, i + len(form), t_index))
    found = []
    end_taken = -1
    for start, end, t_index in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]), c[2])):
        if start < end_taken:
            continue
        end_taken = end
        term = data["terms"][t_index]
        values = dict(term, year=year)
        if term["valid_from"] is not None and year < term["valid_from"]:
            if term["forward"] and year + 1 == term["valid_from"] and _forward(text, start, data["forward"], year):
                continue
            found.append(Finding(start, end, "stale", fmt(msgs["early"], **values),
                                 fmt(msgs["early_suggestion"], **values)))
        elif (term["valid_until"] is not None and year > term["valid_until"]
              and not _historical(text, start, end, term, data["history"], year)):
            suggestion = msgs["late_replaced"] if term["replacement"] else msgs["late_suggestion"]
            found.append(Finding(start, end, "stale", fmt(msgs["late"], **values), fmt(suggestion, **values)))
    return found


def _list_findings(text: str, data: dict[str, Any]) -> list[Finding]:
    """Enumerations (A、B、C) quoting a fixed list with a wrong member, a repeat or the wrong order."""
    msgs = data["messages"]
    sep = data["lists_data"]["separator"]
    connectors = data["lists_data"]["connectors"]
    found = []
    by_length = [sorted(enumerate(spec["members"]), key=lambda e: -len(e[1])) for spec in data["lists"]]
    # Quick rejection of a whole clause (same result): every list needs two of its members in the clause.
    every_member = sorted({m for spec in data["lists"] for m in spec["members"]}, key=len, reverse=True)
    any_member = _re("|".join(re.escape(m) for m in every_member)) if every_member else None
    for clause in _re(data["lists_data"]["clause_re"]).finditer(text):
        whole = clause.group(0)
        if sep not in whole or any_member is None or not any_member.search(whole):
            continue
        items: list[tuple[int, str]] = []
        pos = clause.start()
        for part in whole.split(sep):
            items.append((pos, part))
            pos += len(part) + 1
        last = len(items) - 1
        for spec, ordered in zip(data["lists"], by_length):
            members = spec["members"]
            # Quick rejection (same result): a matched member is a substring of the clause.
            if sum(1 for m in members if m in whole) < max(2, len(members) - 1):
                continue
            # Per item: (member indices, span start, span end) or None.
            matched: list[tuple[list[int], int, int] | None] = []
            for i, (p, item) in enumerate(items):
                hit = None
                for m_index, member in ordered:
                    if i == 0 and i != last and item.endswith(member):
                        hit = ([m_index], p + len(item) - len(member), p + len(item))
                    elif i == last and i != 0 and item.startswith(member):
                        rest = item[len(member):]
                        hit = ([m_index], p, p + len(member))
                        if rest and rest[0] in connectors:
                            for m2_index, m2 in ordered:
                                if rest.startswith(m2, 1):
                                    hit = ([m_index, m2_index], p, p + len(member) + 1 + len(m2))
                                    break
                    elif 0 < i < last and item == member:
                        hit = ([m_index], p, p + len(item))
                    if hit:
                        break
                matched.append(hit)
            distinct = {m for hit in matched if hit for m in hit[0]}
            if len(distinct) < max(2, len(members) - 1):
                continue
            first = next(i for i, h in enumerate(matched) if h)
            lastm = max(i for i, h in enumerate(matched) if h)

            def looks_like(item: str, spec: dict[str, Any] = spec) -> bool:
                if spec["suffix"]:
                    return item.endswith(spec["suffix"])
                return bool(spec["prefix"]) and item.startswith(spec["prefix"])

            lo, hi = first, lastm
            if lo > 0 and looks_like(items[lo - 1][1]):
                lo -= 1
            if hi < last and looks_like(items[hi + 1][1]):
                hi += 1
            longest = max(len(m) for m in members)
            # An unmatched item at the clause's edge may carry a verb before it
            # (增强……) or words after it: take at most a member's length of it.
            lo_pos, lo_item = items[lo]
            hi_pos, hi_item = items[hi]
            if matched[lo]:
                start = matched[lo][1]  # type: ignore[index]
            else:
                start = max(lo_pos, lo_pos + len(lo_item) - longest) if lo == 0 else lo_pos
            if matched[hi]:
                end = matched[hi][2]  # type: ignore[index]
            else:
                end = hi_pos + min(len(hi_item), longest) if hi == last else hi_pos + len(hi_item)
            values = {"phrase": spec["phrase"], "correct": spec["correct"], "item": ""}
            problem = None
            seen: list[int] = []
            for i in range(lo, hi + 1):
                hit = matched[i]
                if hit is None:
                    problem = "member"
                    values["item"] = text[max(start, items[i][0]):min(end, items[i][0] + len(items[i][1]))]
                    break
            if problem is None:
                for i in range(lo, hi + 1):
                    for m_index in matched[i][0]:  # type: ignore[index]
                        if m_index in seen:
                            problem = "duplicate"
                            values["item"] = members[m_index]
                            break
                        seen.append(m_index)
                    if problem:
                        break
            if problem is None and any(b <= a for a, b in zip(seen, seen[1:])):
                problem = "order"
            if problem:
                found.append(Finding(start, end, "misquote", fmt(msgs[problem], **values),
                                     fmt(msgs["suggestion_list"], **values)))
    return found


@cache.memoize(maxsize=4096)  # a draft quotes the same formulation many times
def _best_alignment(full: str, window: str) -> tuple[int, int]:
    """(distance, end): edit distance between full and the best prefix of window."""
    n = len(full)
    prev = list(range(len(window) + 1))
    for i, a in enumerate(full, 1):  # the same recurrence as min(up + 1, left + 1, diagonal + cost), unrolled
        cur = [i]
        left = i
        for b, up, diagonal in zip(window, prev[1:], prev):
            value = diagonal if a == b else diagonal + 1
            if up + 1 < value:
                value = up + 1
            if left + 1 < value:
                value = left + 1
            cur.append(value)
            left = value
        prev = cur
    best = (prev[0], n, 0)  # distance, |end - n|, end
    for e in range(len(window) + 1):
        cand = (prev[e], abs(e - n), e)
        if cand < best:
            best = cand
    return best[0], best[2]


def _full_findings(text: str, data: dict[str, Any]) -> list[Finding]:
    msgs = data["messages"]
    found = []
    for spec in data["fulls"]:
        full = spec["full"]
        for start in _find_all(text, spec["anchor"]):
            if any(text.startswith(form, start) for form in spec["accepted"]):
                continue
            window = text[start:start + len(full) + spec["max_distance"]]
            distance, end = _best_alignment(full, window)
            number = _re(data["number_re"])
            if number.search(text[start:start + end]) and not number.search(full):
                continue  # the wording with a count in it is used, not quoted
            if 0 < distance <= spec["max_distance"]:
                values = {"phrase": spec["phrase"], "correct": full}
                found.append(Finding(start, start + end, "misquote", fmt(msgs["full"], **values),
                                     fmt(msgs["suggestion_full"], **values)))
    return found


def _wrong_findings(text: str, data: dict[str, Any]) -> list[Finding]:
    msgs = data["messages"]
    found = []
    for spec in data["wrong"]:
        inside = sorted((i, i + len(form)) for form in spec["inside"] for i in _find_all(text, form))
        # Is [i, j) inside one of them: the furthest end among those starting at or before i (one bisect, not a scan).
        starts = [a for a, _ in inside]
        reach = list(itertools.accumulate((b for _, b in inside), max))
        for i in _find_all(text, spec["text"]):
            j = i + len(spec["text"])
            k = bisect.bisect_right(starts, i)
            if k and reach[k - 1] >= j:
                continue
            values = {"text": spec["text"], "correct": spec["correct"], "phrase": spec["phrase"]}
            found.append(Finding(i, j, "misquote", fmt(msgs[spec["message"]], **values),
                                 fmt(msgs["suggestion_full"], **values)))
    return found


def _invisible_findings(text: str, data: dict[str, Any]) -> list[Finding]:
    msgs = data["messages"]
    return [Finding(m.start(), m.end(), "misquote", msgs["invisible"], msgs["invisible_suggestion"])
            for m in _re(data["invisible_re"]).finditer(text)]


def _misquote(text: str, rules: dict[str, Any], year: int) -> list[Finding]:
    data = rules["misquote"]
    return _greedy(_wrong_findings(text, data) + _full_findings(text, data) + _list_findings(text, data)
                   + _invisible_findings(text, data))


def _numbering(text: str, rules: dict[str, Any], year: int) -> list[Finding]:
    data = rules["numbering"]
    digits = rules["cn_digits"]
    msgs = data["messages"]
    levels = data["levels"]
    last: list[int | None] = [None] * len(levels)
    inline_prev: int | None = None
    found = []

    def number(word: str, kind: str) -> int | None:
        return int(word) if kind == "num" else cn_value(word, digits)

    def label(n: int, kind: str, template: str) -> str:
        return fmt(template, n=str(n) if kind == "num" else cn_word(n, digits))

    for p_start, para in _paragraphs(text):
        lead = len(para) - len(para.lstrip(data["leading_space"]))
        body = para[lead:]
        for li, level in enumerate(levels):
            m = _re(level["re"]).match(body)
            if not m:
                continue
            n = number(m.group(1), level["kind"])
            if n is None:
                break
            prev = last[li]
            outer = next((k for k in range(li - 1, -1, -1) if last[k] is not None), None)
            if prev is not None and n != 1 and n != prev + 1:
                values = {"prev": label(prev, level["kind"], level["format"]),
                          "found": label(n, level["kind"], level["format"]),
                          "expected": label(prev + 1, level["kind"], level["format"])}
                found.append(Finding(p_start + lead, p_start + lead + m.end(), "numbering",
                                     fmt(msgs["skip"], **values), fmt(msgs["skip_suggestion"], **values)))
            elif prev is None and n != 1 and outer is not None:
                # The first sub-heading under a heading is number one.
                o = levels[outer]
                values = {"prev": label(last[outer], o["kind"], o["format"]),  # type: ignore[arg-type]
                          "found": label(n, level["kind"], level["format"]),
                          "expected": label(1, level["kind"], level["format"])}
                found.append(Finding(p_start + lead, p_start + lead + m.end(), "numbering",
                                     fmt(msgs["first"], **values), fmt(msgs["skip_suggestion"], **values)))
            last[li] = n
            for deeper in range(li + 1, len(levels)):
                last[deeper] = None
            inline_prev = None
            break
        seen_one = False
        for m in _re(data["inline_re"]).finditer(para):
            if m.start() > 0 and para[m.start() - 1] not in data["inline_after"]:
                continue
            n = cn_value(m.group(1), digits)
            if n is None:
                continue
            start, end = p_start + m.start(), p_start + m.end()
            if n == 1:
                if seen_one:
                    found.append(Finding(start, end, "numbering", msgs["twice"], msgs["twice_suggestion"]))
                seen_one = True
            elif inline_prev is not None and n != inline_prev + 1:
                fmt_ = data["inline_format"]
                values = {"prev": label(inline_prev, "cn", fmt_), "found": label(n, "cn", fmt_),
                          "expected": label(inline_prev + 1, "cn", fmt_)}
                found.append(Finding(start, end, "numbering", fmt(msgs["skip"], **values),
                                     fmt(msgs["skip_suggestion"], **values)))
            inline_prev = n
    return found


def _punctuation(text: str, rules: dict[str, Any], year: int) -> list[Finding]:
    data = rules["punctuation"]
    found = []
    for m in _re(data["halfwidth_re"]).finditer(text):
        values = {"text": m.group(0), "fix": data["halfwidth_map"][m.group(0)]}
        found.append(Finding(m.start(), m.end(), "punctuation", fmt(data["halfwidth_message"], **values),
                             fmt(data["halfwidth_suggestion"], **values)))
    for m in _re(data["fullwidth_digits_re"]).finditer(text):
        fix = "".join(chr(ord(ch) - 0xFEE0) for ch in m.group(0))
        values = {"text": m.group(0), "fix": fix}
        found.append(Finding(m.start(), m.end(), "punctuation", fmt(data["fullwidth_digits_message"], **values),
                             fmt(data["fullwidth_digits_suggestion"], **values)))
    for p_start, para in _paragraphs(text):
        for open_, close, name in data["pairs"]:
            if open_ not in para and close not in para:
                continue
            stack: list[int] = []
            for m in _re(f"[{re.escape(open_)}{re.escape(close)}]").finditer(para):  # only the marks, in order
                i, ch = m.start(), m.group(0)
                if ch == open_:
                    stack.append(i)
                elif ch == close:
                    if stack:
                        stack.pop()
                    else:
                        values = {"text": close, "other": open_, "name": name}
                        found.append(Finding(p_start + i, p_start + i + 1, "punctuation",
                                             fmt(data["unopened_message"], **values),
                                             fmt(data["pair_suggestion"], **values)))
            for i in stack:
                values = {"text": open_, "other": close, "name": name}
                found.append(Finding(p_start + i, p_start + i + 1, "punctuation",
                                     fmt(data["unclosed_message"], **values),
                                     fmt(data["pair_suggestion"], **values)))
    return found


RULES: dict[str, Callable[[str, dict[str, Any], int], list[Finding]]] = {
    "placeholder": _placeholder,
    "stale": _stale,
    "misquote": _misquote,
    "numbering": _numbering,
    "punctuation": _punctuation,
}


def check(text: str, year: int, rules: dict[str, Any] | None = None) -> list[Finding]:
    """Every finding in text for a report of that year, in text order."""
    rules = rules if rules is not None else check_rules.build_rules()
    order = {name: i for i, name in enumerate(rules["rules"])}
    found: set[Finding] = set()
    # A long draft makes tens of thousands of findings and no reference cycle: the cyclic collector, run
    # again and again over the growing heap, would make the check superlinear.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in rules["rules"]:
            found.update(RULES[name](text, rules, year))
    finally:
        if collecting:
            gc.enable()
    return sorted(found, key=lambda f: (f.start, f.end, order[f.rule], f.message, f.suggestion))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
