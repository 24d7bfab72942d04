"""Benchmark: 年度更新 of a 10,000-character report (python bench/update.py [--runs N] [--site DIR]).

The report is a published sample, repeated to 10,000 characters; timed in-process
(update_text), as the whole command, and in the browser (/tools/update/ in Chromium:
HandbookUpdate.update plus the .docx, timed with performance.now() inside the page).
Targets (issue 17): ≤ 1 s in the command, ≤ 300 ms in the browser. Baseline in the same
run: the checker alone on the same text, in each place (update runs it once).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._timing import command_median  # noqa: E402
from macros.build import offline  # noqa: E402
from macros.content import samples  # noqa: E402
from macros.tools import checker, update  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temp folder)")
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
        t_cmd = command_median([sys.executable, "-m", "macros", "update", str(path), "--to", "2024", "--json"],
                               args.runs, warm=False)
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            offline.build_site(site)
        js = browser_figures(site, text, args.runs)
    med = statistics.median
    print(f"update_text, {len(text)} characters: {med(t_update) * 1000:.1f} ms (checker alone {med(t_check) * 1000:.1f} ms)")
    print(f"python -m macros update (whole process): {t_cmd:.2f} s (target ≤ 1 s)")
    print(f"browser: update {js['update']:.1f} ms, update + .docx {js['docx']:.1f} ms (checker alone {js['check']:.1f} ms; "
          f"target ≤ 300 ms) ratio={js['docx'] / js['check']:.2f}")


BROWSER_JS = """([text, to, runs]) => {
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const time = (fn) => {
    fn();
    const out = [];
    for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); out.push(performance.now() - t); }
    return med(out);
  };
  return {
    check: time(() => window.HandbookChecker.check(text, to)),
    update: time(() => window.HandbookUpdate.update(text, to, {})),
    docx: time(() => window.HandbookUpdate.docx(window.HandbookUpdate.update(text, to, {}), {})),
  };
}"""


def browser_figures(site: Path, text: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"], headless=True)
        page = browser.new_page()
        page.goto((site / "tools" / "update" / "index.html").as_uri())
        page.wait_for_function("window.HandbookUpdate && window.HANDBOOK_UPDATE_DATA && window.HANDBOOK_CHECK_RULES")
        figures = page.evaluate(BROWSER_JS, [text, 2024, runs])
        browser.close()
    return figures


if __name__ == "__main__":
    main()
