"""Validate the checker evaluation set (dev.yml, heldout.yml) and print its counts.

    .venv/bin/python tests/data/checker-eval/verify.py [--markdown]

Checks, failing with exit status 1 on any error:
  * every case has exactly the keys id, year, text, expect, why;
  * ids are unique across both files; dev ids start with "dev-", held-out ids with "heldout-";
  * year is an int in 2019..2026; text and why are non-empty strings;
  * expect is a list of {rule, match} with rule in RULES and match a non-empty
    substring of text that occurs exactly once (so the expected span is unambiguous);
  * consistency lints, so a case does not carry an error it does not declare:
      - no unpaired “” ‘’ 《》 （） 【】 〈〉 unless a punctuation finding is expected;
      - no ASCII , ; : ? ! " ( ) unless a punctuation finding is expected;
      - no XX / ×× / *** / 【 unless a placeholder finding is expected;
      - no invisible characters (U+200B..U+200D, U+2060, U+FEFF, U+00AD) unless a misquote is expected;
  * at least 240 cases in all, at least half of them clean, dev between 25% and 40% of all.
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FILES = {"dev": HERE / "dev.yml", "heldout": HERE / "heldout.yml"}
RULES = ("placeholder", "stale", "misquote", "numbering", "punctuation")
KEYS = {"id", "year", "text", "expect", "why"}
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〈": "〉"}
ASCII_PUNCT = re.compile(r'[,;:?!"()]')
PLACEHOLDER_LIKE = re.compile(r"XX|××|\*\*\*|【")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def balanced(text):
    closers = {v: k for k, v in PAIRS.items()}
    stack = []
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in closers:
            if not stack or stack[-1] != closers[ch]:
                return False
            stack.pop()
    return not stack


def check_case(case, split, errors):
    where = f"{split}:{case.get('id', '?')}"
    if not isinstance(case, dict):
        errors.append(f"{where}: case is not a mapping")
        return
    if set(case) != KEYS:
        errors.append(f"{where}: keys {sorted(case)} != {sorted(KEYS)}")
    cid, year, text, expect, why = (case.get(k) for k in ("id", "year", "text", "expect", "why"))
    if not isinstance(cid, str) or not cid.startswith(split + "-"):
        errors.append(f"{where}: id must be a string starting with {split}-")
    if not isinstance(year, int) or isinstance(year, bool) or not 2019 <= year <= 2026:
        errors.append(f"{where}: year {year!r} not an int in 2019..2026")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: text missing")
        return
    if not isinstance(why, str) or not why.strip():
        errors.append(f"{where}: why missing")
    if not isinstance(expect, list):
        errors.append(f"{where}: expect must be a list")
        return
    rules = set()
    for item in expect:
        if not isinstance(item, dict) or set(item) != {"rule", "match"}:
            errors.append(f"{where}: expect item {item!r} must be {{rule, match}}")
            continue
        rule, match = item["rule"], item["match"]
        rules.add(rule)
        if rule not in RULES:
            errors.append(f"{where}: unknown rule {rule!r}")
        if not isinstance(match, str) or not match:
            errors.append(f"{where}: empty match")
            continue
        n = text.count(match)
        if n == 0:
            errors.append(f"{where}: match {match!r} is not a substring of text")
        elif n > 1:
            errors.append(f"{where}: match {match!r} occurs {n} times (ambiguous)")
    if "punctuation" not in rules:
        if not balanced(text):
            errors.append(f"{where}: unpaired brackets/quotes but no punctuation finding expected")
        if ASCII_PUNCT.search(text):
            errors.append(f"{where}: ASCII punctuation but no punctuation finding expected")
    if "placeholder" not in rules and PLACEHOLDER_LIKE.search(text):
        errors.append(f"{where}: placeholder-like text but no placeholder finding expected")
    if "misquote" not in rules and INVISIBLE.search(text):
        errors.append(f"{where}: invisible character but no misquote finding expected")


def main():
    errors, seen, stats = [], {}, {}
    for split, path in FILES.items():
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(cases, list):
            errors.append(f"{path.name}: top level must be a list")
            continue
        rules, years = Counter(), Counter()
        clean = dirty = 0
        for case in cases:
            check_case(case, split, errors)
            cid = case.get("id") if isinstance(case, dict) else None
            if cid in seen:
                errors.append(f"{split}:{cid}: duplicate id (also in {seen[cid]})")
            seen[cid] = split
            expect = case.get("expect") if isinstance(case, dict) else None
            if expect == []:
                clean += 1
            else:
                dirty += 1
                for item in expect or []:
                    if isinstance(item, dict):
                        rules[item.get("rule")] += 1
            if isinstance(case, dict):
                years[case.get("year")] += 1
        stats[split] = dict(cases=len(cases), clean=clean, dirty=dirty, rules=rules, years=years)

    total = sum(s["cases"] for s in stats.values())
    clean = sum(s["clean"] for s in stats.values())
    if total < 240:
        errors.append(f"only {total} cases (need >= 240)")
    if clean * 2 < total:
        errors.append(f"only {clean} of {total} cases are clean (need >= half)")
    if "dev" in stats and total and not 0.25 <= stats["dev"]["cases"] / total <= 0.40:
        errors.append(f"dev is {stats['dev']['cases']}/{total} of the cases (want about 1/3)")

    markdown = "--markdown" in sys.argv
    head = ["split", "cases", "clean", "dirty", *RULES]
    rows = []
    for split in list(stats) + ["total"]:
        if split == "total":
            s = dict(cases=total, clean=clean, dirty=total - clean,
                     rules=sum((x["rules"] for x in stats.values()), Counter()))
        else:
            s = stats[split]
        rows.append([split, s["cases"], s["clean"], s["dirty"], *(s["rules"][r] for r in RULES)])
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in rows:
            print("| " + " | ".join(map(str, r)) + " |")
    else:
        print(" ".join(f"{h:>11}" for h in head))
        for r in rows:
            print(" ".join(f"{str(v):>11}" for v in r))
        years = sum((s["years"] for s in stats.values()), Counter())
        print("cases per year:", ", ".join(f"{y}: {years[y]}" for y in sorted(years)))
        print("(rule columns count expected findings; a dirty case may expect more than one)")
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
