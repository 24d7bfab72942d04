"""Score the checker on tests/data/checker-eval (written before the checker was tuned).

    python tests/tools/checker_eval.py [dev|heldout]   per-rule recall, precision, clean-case pass rate

A finding is correct when its rule is the expected rule and its span overlaps
the expected match (one to one); a clean case passes only with no finding.
Tune on dev; heldout is looked at only to measure.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from macros.tools import checker  # noqa: E402

EVAL = ROOT / "tests" / "data" / "checker-eval"


def load(split: str) -> list[dict]:
    return yaml.safe_load((EVAL / f"{split}.yml").read_text(encoding="utf-8"))


def score(split: str) -> dict:
    hits: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    clean = clean_ok = 0
    misses, false_alarms = [], []
    for case in load(split):
        text, found = case["text"], checker.check(case["text"], case["year"])
        free = list(found)
        for exp in case["expect"]:
            start = text.index(exp["match"])
            end = start + len(exp["match"])
            expected[exp["rule"]] += 1
            pair = next((f for f in free if f.rule == exp["rule"] and f.start < end and start < f.end), None)
            if pair is None:
                misses.append((case["id"], exp["rule"], exp["match"]))
            else:
                hits[exp["rule"]] += 1
                free.remove(pair)
        for f in found:
            reported[f.rule] += 1
        false_alarms += [(case["id"], f.rule, text[f.start:f.end]) for f in free]
        if not case["expect"]:
            clean += 1
            clean_ok += not found
    rules = sorted(set(expected) | set(reported))
    return {
        "recall": {r: hits[r] / expected[r] if expected[r] else 1.0 for r in rules},
        "precision": {r: hits[r] / reported[r] if reported[r] else 1.0 for r in rules},
        "overall_recall": sum(hits.values()) / max(1, sum(expected.values())),
        "overall_precision": sum(hits.values()) / max(1, sum(reported.values())),
        "clean_pass": clean_ok / max(1, clean),
        "misses": misses,
        "false_alarms": false_alarms,
    }


if __name__ == "__main__":
    for split in sys.argv[1:] or ["dev", "heldout"]:
        s = score(split)
        print(f"{split}: recall {s['overall_recall']:.2f}, precision {s['overall_precision']:.2f}, "
              f"clean drafts accepted {s['clean_pass']:.2f}")
        for r in s["recall"]:
            print(f"  {r:12} recall {s['recall'][r]:.2f}  precision {s['precision'][r]:.2f}")
        if split == "dev":
            for m in s["misses"]:
                print("  miss", *m)
            for f in s["false_alarms"]:
                print("  false alarm", *f)
