"""The evaluation sets of the checker and the anonymiser: valid, and scores that may only rise.

Both sets were written before either tool was tuned (tests/data/*-eval/README.md).
The floors are the scores measured when the sets landed: a change that lowers a
score fails here. Tuning happens on dev; heldout is only measured.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import anonymise_eval  # noqa: E402
import checker_eval  # noqa: E402

DATA = Path(__file__).parents[1] / "data"


@pytest.mark.parametrize("folder", ["checker-eval", "anonymise-eval"])
def test_the_set_is_valid(folder):
    proc = subprocess.run([sys.executable, str(DATA / folder / "verify.py")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


# Measured when the sets landed, raised as the checker improved (bench/README.md records them with each change).
CHECKER_FLOORS = {"dev": (1.00, 1.00, 1.00), "heldout": (0.94, 0.96, 0.97)}
# Anonymiser: (recall, traps flagged at most, precision). Dev holds r171–r178, measured once and not
# tuned on (0.945 unseen), which keeps dev at 0.973; heldout holds r145–r150, a fresh batch (0.961),
# and measures 0.980 in all.
ANONYMISER_FLOORS = {"dev": (0.97, 0.01, 0.99), "heldout": (0.97, 0.01, 0.99)}


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_checker_scores_do_not_fall(split):
    s = checker_eval.score(split)
    recall, precision, clean = CHECKER_FLOORS[split]
    assert s["overall_recall"] >= recall - 0.005, s["overall_recall"]
    assert s["overall_precision"] >= precision - 0.005, s["overall_precision"]
    assert s["clean_pass"] >= clean - 0.005, s["clean_pass"]


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_anonymiser_scores_do_not_fall(split):
    s = anonymise_eval.score(split)
    recall, traps, precision = ANONYMISER_FLOORS[split]
    assert s["overall"] >= recall - 0.005, s["overall"]
    assert s["traps_flagged"] <= traps + 0.005, s["traps_flagged"]
    assert s["overall_precision"] >= precision - 0.005, s["overall_precision"]
