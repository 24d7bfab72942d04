"""Wall time of a whole command, as a user runs it (shared by bench/check.py and bench/update.py)."""
from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def command_median(cmd: list[str], runs: int, warm: bool = True) -> float:
    """Median seconds of `runs` runs of cmd from the repository root; one untimed run first if warm
    (it builds what the command caches, e.g. the checker's rules file)."""
    if warm:
        subprocess.run(cmd, cwd=ROOT, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
