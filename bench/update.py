"""Benchmark: 年度更新 of a 10,000-character report (python bench/update.py [--runs N]).

The report is a published sample, repeated to 10,000 characters; timed in-process
(update_text) and as the whole command. Target (issue 17): ≤ 1 s in the command.
Baseline in the same run: the checker alone on the same text (update runs it once).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.content import samples  # noqa: E402
from macros.tools import checker, update  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    s = samples.get_sample("2023-finance-head-duty")
    one = "\n".join(p.text for p in s.paragraphs)
    text = "\n".join([one] * max(1, 10_000 // len(one) + 1))[:10_000]
    update.update_text(text, 2024)  # warm caches (calendar, rules)
    t_update, t_check = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        update.update_text(text, 2024)
        t_update.append(time.perf_counter() - start)
        start = time.perf_counter()
        checker.check(text, 2024)
        t_check.append(time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(text, encoding="utf-8")
        t_cmd = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "macros", "update", str(path), "--to", "2024", "--json"],
                           cwd=ROOT, capture_output=True)
            t_cmd.append(time.perf_counter() - start)
    med = statistics.median
    print(f"update_text, {len(text)} characters: {med(t_update) * 1000:.1f} ms (checker alone {med(t_check) * 1000:.1f} ms)")
    print(f"python -m macros update (whole process): {med(t_cmd):.2f} s (target ≤ 1 s)")


if __name__ == "__main__":
    main()
