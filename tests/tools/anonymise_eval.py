"""Score the anonymiser on tests/data/anonymise-eval (written before the anonymiser was tuned).

    python tests/tools/anonymise_eval.py [dev|heldout] [--only=r63-r72,r75] [--misses]
        recall and precision per category, traps flagged (--only: just those reports, e.g. new ones
        measured once before tuning on them)

An item is found when a reported item overlaps it (a masked span, whatever the
category said); a trap is flagged when a reported item overlaps it. A reported
item is right when it overlaps a planted item (every identifying item of a
report is planted, repeats included): precision per category is counted over
the categories the anonymiser reported. Tune on dev; heldout is looked at only
to measure (`--misses` prints what dev missed and what it reported wrongly).
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from macros.tools.anonymise import find_items  # noqa: E402

EVAL = ROOT / "tests" / "data" / "anonymise-eval"

# Site policy (/about/anonymisation/): a year-month alone (2024年6月, 2024年元月, 二〇二四年六月)
# does not identify and is kept. Such a `date` item is exempt: it counts neither in recall nor,
# if flagged, as a wrong report. Full dates with a day stay items.
_YEAR_MONTH = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[元正一二三四五六七八九十]{1,3})\s*月份?")


def exempt(item: dict) -> bool:
    return item["category"] == "date" and _YEAR_MONTH.fullmatch(item["text"].strip()) is not None


def _only(spec: str | None) -> set[str] | None:
    if not spec:
        return None
    names: set[str] = set()
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        lo, hi = int(a.lstrip("r")), int((b or a).lstrip("r"))
        names |= {f"r{n:02d}" for n in range(lo, hi + 1)}
    return names


def score(split: str, only: set[str] | None = None) -> dict:
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    traps = flagged = exempted = 0
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    missed: list[tuple[str, str, str]] = []
    wrong: list[tuple[str, str, str]] = []
    for txt in sorted((EVAL / split).glob("r*.txt")):
        if only is not None and txt.stem not in only:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(txt.with_suffix(".items.json").read_text(encoding="utf-8"))
        got = find_items(text)

        def hit(a: int, b: int, got: list = got) -> bool:
            return any(g.start < b and a < g.end for g in got)
        items = [it for it in gold["items"] if not exempt(it)]
        skipped = [it for it in gold["items"] if exempt(it)]
        exempted += len(skipped)
        for it in items:
            total[it["category"]] += 1
            if hit(it["start"], it["end"]):
                found[it["category"]] += 1
            else:
                missed.append((txt.stem, it["category"], it["text"]))
        for t in gold["traps"]:
            traps += 1
            flagged += hit(t["start"], t["end"])
        for g in got:
            if (not any(it["start"] < g.end and g.start < it["end"] for it in items)
                    and any(it["start"] < g.end and g.start < it["end"] for it in skipped)):
                continue  # a policy-exempt year-month: neither right nor wrong
            reported[g.category] += 1
            if any(it["start"] < g.end and g.start < it["end"] for it in items):
                right[g.category] += 1
            else:
                wrong.append((txt.stem, g.category, g.text))
    return {"recall": {c: found[c] / total[c] for c in sorted(total)},
            "precision": {c: right[c] / reported[c] for c in sorted(reported)},
            "overall": sum(found.values()) / max(1, sum(total.values())),
            "overall_precision": sum(right.values()) / max(1, sum(reported.values())),
            "traps_flagged": flagged / max(1, traps), "exempt": exempted, "missed": missed, "wrong": wrong}


if __name__ == "__main__":
    only = _only(next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--only=")), None))
    args = [a for a in sys.argv[1:] if a != "--misses" and not a.startswith("--only=")]
    for split in args or ["dev", "heldout"]:
        s = score(split, only)
        print(f"{split}: recall {s['overall']:.3f}, precision {s['overall_precision']:.3f}, "
              f"traps flagged {s['traps_flagged']:.3f}, policy-exempt year-month dates {s['exempt']}")
        for c in sorted(set(s["recall"]) | set(s["precision"])):
            r, p = s["recall"].get(c), s["precision"].get(c)
            print(f"  {c:16} recall {'-' if r is None else f'{r:.2f}':>5}  precision {'-' if p is None else f'{p:.2f}':>5}")
        if "--misses" in sys.argv and split == "dev":
            for m in s["missed"]:
                print("  missed", *m)
            for w in s["wrong"]:
                print("  wrong ", *w)
