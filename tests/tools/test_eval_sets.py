"""The evaluation sets of the checker and the anonymiser: valid, and scores that may only rise.

Both sets were written before either tool was tuned (tests/data/*-eval/README.md).
The floors are the scores measured when the sets landed: a change that lowers a
score fails here. Tuning happens on dev; heldout is only measured.
"""
from __future__ import annotations

import functools
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
# Anonymiser: (recall, traps flagged at most, precision). Version 18: dev (249 reports) 0.980 / 0.005 / 0.998;
# heldout (65) 0.965 / 0.004 / 0.993; the eight fresh reports r307–r314, weighted to the weak kinds and measured
# once, 0.969 (version 17: 0.967).
ANONYMISER_FLOORS = {"dev": (0.97, 0.01, 0.99), "heldout": (0.96, 0.01, 0.99)}
# Per category. Issue 13's target is recall ≥ 0.97 and precision ≥ 0.95 in every category: precision meets it
# everywhere and is held to it; recall is held to the figures measured with version 18 where they are below the
# target (landmarks, projects, regional markers; bench/README.md), to 0.97 everywhere else. Heldout's landmark
# floor is lower than version 17's because eight reports with more landmarks joined it, not because the rules
# fell: version 17 on the same 65 reports scores landmark 0.90 too.
ANONYMISER_RECALL_BELOW_TARGET = {
    "dev": {"regional_marker": 0.96},
    "heldout": {"landmark": 0.90, "project": 0.92, "regional_marker": 0.92},
}


@functools.cache
def _anonymiser_score(split: str) -> dict:
    return anonymise_eval.score(split)


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_checker_scores_do_not_fall(split):
    s = checker_eval.score(split)
    recall, precision, clean = CHECKER_FLOORS[split]
    assert s["overall_recall"] >= recall - 0.005, s["overall_recall"]
    assert s["overall_precision"] >= precision - 0.005, s["overall_precision"]
    assert s["clean_pass"] >= clean - 0.005, s["clean_pass"]


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_anonymiser_scores_do_not_fall(split):
    s = _anonymiser_score(split)
    recall, traps, precision = ANONYMISER_FLOORS[split]
    assert s["overall"] >= recall - 0.005, s["overall"]
    assert s["traps_flagged"] <= traps + 0.005, s["traps_flagged"]
    assert s["overall_precision"] >= precision - 0.005, s["overall_precision"]


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_anonymiser_every_category(split):
    s = _anonymiser_score(split)
    below = ANONYMISER_RECALL_BELOW_TARGET[split]
    low = {c: r for c, r in s["recall"].items() if r < below.get(c, 0.97) - 0.005}
    assert not low, low
    assert all(p >= 0.95 for p in s["precision"].values()), s["precision"]
