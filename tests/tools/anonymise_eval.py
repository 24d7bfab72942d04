"""Score the anonymiser on tests/data/anonymise-eval (written before the anonymiser was tuned).

    python tests/tools/anonymise_eval.py [dev|heldout]   recall per category, traps flagged

An item is found when a reported item overlaps it (a masked span, whatever the
category said); a trap is flagged when a reported item overlaps it. Tune on
dev; heldout is looked at only to measure.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from macros.tools.anonymise import find_items  # noqa: E402

EVAL = ROOT / "tests" / "data" / "anonymise-eval"


def score(split: str) -> dict:
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    traps = flagged = 0
    missed: list[tuple[str, str, str]] = []
    for txt in sorted((EVAL / split).glob("r*.txt")):
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(txt.with_suffix(".items.json").read_text(encoding="utf-8"))
        got = find_items(text)

        def hit(a: int, b: int, got: list = got) -> bool:
            return any(g.start < b and a < g.end for g in got)
        for it in gold["items"]:
            total[it["category"]] += 1
            if hit(it["start"], it["end"]):
                found[it["category"]] += 1
            else:
                missed.append((txt.stem, it["category"], it["text"]))
        for t in gold["traps"]:
            traps += 1
            flagged += hit(t["start"], t["end"])
    return {"recall": {c: found[c] / total[c] for c in sorted(total)},
            "overall": sum(found.values()) / max(1, sum(total.values())),
            "traps_flagged": flagged / max(1, traps), "missed": missed}


if __name__ == "__main__":
    for split in sys.argv[1:] or ["dev", "heldout"]:
        s = score(split)
        print(f"{split}: recall {s['overall']:.2f}, traps flagged {s['traps_flagged']:.2f}")
        for c, r in s["recall"].items():
            print(f"  {c:16} {r:.2f}")
