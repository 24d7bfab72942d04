"""Anonymiser benchmark (not a timed test): python bench/anonymise.py [--sizes 100000,1000000]

The evaluation reports of tests/data/anonymise-eval/dev repeated to each size,
every line made unique (a counter appended), so the per-line caches do not
help: the figure is what `python -m macros anonymise FILE --json` spends on a
new text of that size. The model is loaded and warmed once before timing (the
command's one-off start-up, about 2 s, is printed apart). Prints characters/s
per size, split into the whole find_items() and the rules alone (the
statistical recogniser switched off), and the time per character at each size,
whose ratio shows whether the cost grows linearly. "per CPU-s" is characters per
CPU-second of the process (all threads): on a machine loaded by other work the
wall-clock figure falls, this one much less (the model runs on every core).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.base import cache  # noqa: E402
from macros.tools import anonymise  # noqa: E402

DEV = ROOT / "tests" / "data" / "anonymise-eval" / "dev"


def text_of(size: int) -> str:
    lines = [ln for p in sorted(DEV.glob("r*.txt")) for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out, n, i = [], 0, 0
    while n < size:
        ln = f"{lines[i % len(lines)]}（{i}）"
        out.append(ln)
        n += len(ln) + 1
        i += 1
    return "\n".join(out)[:size]


def run(text: str, rules_only: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process, all threads)."""
    cache.clear_all()
    anonymise.recogniser()  # loaded before timing
    anonymise.find_items("述职人：王建国，南京市审计局。")  # loads jieba's dictionary too
    saved = anonymise._entities
    if rules_only:
        anonymise._entities = lambda _text: []
    try:
        t, c = time.perf_counter(), time.process_time()
        anonymise.find_items(text)
        return time.perf_counter() - t, time.process_time() - c
    finally:
        anonymise._entities = saved


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    args = ap.parse_args()
    t = time.perf_counter()
    anonymise.recogniser()
    print(f"model load: {time.perf_counter() - t:.1f} s ({anonymise.RECOGNISER})")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'size':>9} {'whole chars/s':>14} {'per CPU-s':>10} {'rules chars/s':>14} {'whole µs/char':>14}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = text_of(size)
        whole, cpu = run(text, rules_only=False)
        rules, _ = run(text, rules_only=True)
        print(f"{size:>9,} {size / whole:>14,.0f} {size / cpu:>10,.0f} {size / rules:>14,.0f} {whole / size * 1e6:>14.1f}")


if __name__ == "__main__":
    main()
