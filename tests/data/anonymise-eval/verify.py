#!/usr/bin/env python3
"""Validate the anonymiser evaluation set and print per-category counts.

Usage: python tests/data/anonymise-eval/verify.py      (exit status 1 on any error)
"""
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout")
CATEGORIES = ["person", "place", "landmark", "unit", "project", "phone", "id_card", "email",
              "plate", "date", "doc_number", "address", "bank_account", "url", "qq_wechat",
              "regional_marker"]
TAGS = {"nc", "mn", "cs", "sg"}
MIN_HAN, MAX_LEN = 700, 1500
HELDOUT_MIN = dict({c: 15 for c in CATEGORIES}, person=80)
HELDOUT_MIN_TAGS = {"nc": 25, "mn": 8}
MIN_HELDOUT_REPORTS = 24
# words that, right next to a name, count as a cue (a "nc" person must have none)
CUE_AFTER = ("同志", "等同志", "局长", "书记", "主任", "院长", "校长", "县长", "镇长", "乡长", "区长",
             "市长", "经理", "董事长", "部长", "组长", "科长", "站长", "所长", "队长", "委员", "副",
             "老师", "医生", "先生", "女士", "主席", "处长", "总经理", "厅长", "秘书")
CUE_BEFORE = ("同志", "局长", "书记", "主任", "院长", "校长", "县长", "镇长", "乡长", "区长", "市长",
              "经理", "部长", "组长", "科长", "站长", "所长", "队长", "委员", "述职人", "述职人：",
              "本人", "村民", "党员", "职工", "教师", "医生", "护士", "司机", "老师", "姓名：")
HAN = re.compile(r"[\u4e00-\u9fff]")
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_ok(s):
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    try:
        date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return "10X98765432"[sum(int(a) * b for a, b in zip(s, W)) % 11] == s[17]


def overlaps(spans):
    spans = sorted(spans)
    return [(a, b) for a, b in zip(spans, spans[1:]) if b[0] < a[1]]


def check_report(txt_path, errors):
    name = f"{txt_path.parent.name}/{txt_path.name}"
    err = lambda msg: errors.append(f"{name}: {msg}")
    text = txt_path.read_text(encoding="utf-8")
    js = txt_path.with_name(txt_path.stem + ".items.json")
    if not js.exists():
        err("missing items file")
        return None
    doc = json.loads(js.read_text(encoding="utf-8"))
    items, traps = doc.get("items"), doc.get("traps")
    if not isinstance(items, list) or not isinstance(traps, list):
        err("items/traps must be lists")
        return None
    han = len(HAN.findall(text))
    if han < MIN_HAN or len(text) > MAX_LEN:
        err(f"length: {han} Han characters, {len(text)} characters in all "
            f"(need >= {MIN_HAN} Han and <= {MAX_LEN} in all)")
    for kind, lst, keys in (("item", items, {"start", "end", "category", "text"}),
                            ("trap", traps, {"start", "end", "text"})):
        for it in lst:
            if set(it) != keys:
                err(f"{kind} keys {sorted(it)}")
                continue
            s, e = it["start"], it["end"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                err(f"{kind} bad offsets {it}")
            elif text[s:e] != it["text"]:
                err(f"{kind} text mismatch at {s}:{e}: {text[s:e]!r} != {it['text']!r}")
            if it["text"] != it["text"].strip():
                err(f"{kind} has surrounding whitespace: {it['text']!r}")
            if kind == "item" and it["category"] not in CATEGORIES:
                err(f"unknown category {it['category']!r}")
    ispans = [(i["start"], i["end"]) for i in items]
    tspans = [(t["start"], t["end"]) for t in traps]
    for a, b in overlaps(ispans):
        err(f"overlapping items {a} {b}")
    for a, b in overlaps(tspans):
        err(f"overlapping traps {a} {b}")
    for t in tspans:
        for i in ispans:
            if t[0] < i[1] and i[0] < t[1]:
                err(f"trap {t} overlaps item {i}")
    # every repeat of a planted string must be planted too (or sit inside a trap)
    covered = ispans + tspans
    for it in items:
        if len(it["text"]) < 2:
            continue
        for m in re.finditer(re.escape(it["text"]), text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered):
                err(f"unmarked repeat of {it['text']!r} at {m.start()}")
    for it in items:
        c, t = it["category"], it["text"]
        if c == "id_card" and not id_ok(t):
            err(f"invalid ID number {t}")
        if c == "bank_account" and not 16 <= len(t.replace(" ", "")) <= 19:
            err(f"bank account length {t}")
        if c == "phone" and not re.fullmatch(r"[\d\-（）()]+", t):
            err(f"phone {t}")
        if c == "email" and not re.fullmatch(r"[\w.\-]+@[\w\-]+(\.[\w\-]+)+", t):
            err(f"email {t}")
    tags = Counter()
    by_span = {(i["start"], i["end"]): i for i in items}
    for pt in doc.get("person_tags", []):
        it = by_span.get((pt["start"], pt["end"]))
        if it is None or it["category"] != "person":
            err(f"person_tags entry without a person item: {pt}")
            continue
        for tg in pt["tags"]:
            if tg not in TAGS:
                err(f"unknown tag {tg}")
            tags[tg] += 1
        if "nc" in pt["tags"]:
            before, after = text[max(0, pt["start"] - 4):pt["start"]], text[pt["end"]:pt["end"] + 4]
            if any(before.endswith(w) for w in CUE_BEFORE) or any(after.startswith(w) for w in CUE_AFTER):
                err(f"person {it['text']!r} tagged nc but has a cue: {before}|{it['text']}|{after}")
    return Counter(i["category"] for i in items), tags, len(traps), han, len(text)


def main():
    errors, table, tagtab, stats = [], {}, {}, {}
    for split in SPLITS:
        cats, tags, ntraps, lens = Counter(), Counter(), 0, []
        txts = sorted((HERE / split).glob("r*.txt"))
        for js in (HERE / split).glob("r*.items.json"):
            if not js.with_name(js.name.replace(".items.json", ".txt")).exists():
                errors.append(f"{split}/{js.name}: no matching .txt")
        for p in txts:
            res = check_report(p, errors)
            if res:
                c, t, n, han, ln = res
                cats.update(c)
                tags.update(t)
                ntraps += n
                lens.append((han, ln))
        table[split], tagtab[split] = cats, tags
        stats[split] = (len(txts), ntraps, lens)
    if stats["heldout"][0] < MIN_HELDOUT_REPORTS:
        errors.append(f"heldout has {stats['heldout'][0]} reports, need >= {MIN_HELDOUT_REPORTS}")
    for c, n in HELDOUT_MIN.items():
        if table["heldout"][c] < n:
            errors.append(f"heldout: {c} has {table['heldout'][c]} items, need >= {n}")
    for t, n in HELDOUT_MIN_TAGS.items():
        if tagtab["heldout"][t] < n:
            errors.append(f"heldout: persons tagged {t}: {tagtab['heldout'][t]}, need >= {n}")

    print(f"{'category':<16}" + "".join(f"{s:>9}" for s in SPLITS) + f"{'total':>9}")
    for c in CATEGORIES:
        row = [table[s][c] for s in SPLITS]
        print(f"{c:<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}")
    row = [sum(table[s].values()) for s in SPLITS]
    print(f"{'ALL ITEMS':<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}")
    for t, label in (("nc", "person no cue"), ("mn", "person minority"), ("cs", "person compound"),
                     ("sg", "person surname")):
        row = [tagtab[s][t] for s in SPLITS]
        print(f"{label:<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}")
    row = [stats[s][1] for s in SPLITS]
    print(f"{'traps':<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}")
    row = [stats[s][0] for s in SPLITS]
    print(f"{'reports':<16}" + "".join(f"{n:>9}" for n in row) + f"{sum(row):>9}")
    for s in SPLITS:
        lens = stats[s][2]
        if lens:
            print(f"{s}: Han chars {min(h for h, _ in lens)}-{max(h for h, _ in lens)}, "
                  f"total chars {min(l for _, l in lens)}-{max(l for _, l in lens)}")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
