"""Benchmark: the /phrases/ search with 5,000 entries, keystroke to results, in Chromium.

    .venv/bin/python bench/phrases_search.py [--entries 5000] [--runs 5] [--site DIR]

Builds the site (or uses --site), replaces /phrases/phrases-index.js with the
real library plus synthetic entries up to --entries (served through a
Playwright route, so the page and its script are the real ones), types query
after query into the real search box and measures, inside the page with
performance.now(), from each keydown to the end of the result rendering
(including a forced layout). Each run measures both engines: the bigram index
(what the page uses) and the naive linear scan (the baseline). Reports the
median over runs of each run's p50 and p95, and the index size gzipped.
Targets: p95 ≤ 16 ms, index ≤ 1 MB gzipped. Not a test: figures go to bench/README.md.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import random
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.build import offline
from macros.content import phrases
from macros.pages import phrase_search as phraseindex

QUERIES = ["两个维护", "lgwh", "yigangshuangze", "全面从严治党主体责任", "教育", "jiandu", "主体责任", "szyd",
           "廉政风险", "学习贯彻"]
CHROMIUM = "/usr/bin/chromium"
NAIVE_JS = Path(__file__).resolve().parent / "naive_search.js"

MEASURE = """() => {
  const box = document.getElementById('hb-ps-input');
  const list = document.getElementById('hb-ps-list');
  window.__t = []; let t0 = 0;
  box.addEventListener('keydown', () => { t0 = performance.now(); }, true);
  document.getElementById('hb-ps').addEventListener('hb-phrases-rendered', () => {
    void list.offsetHeight;  // include layout of the new results
    if (t0) window.__t.push(performance.now() - t0);
    t0 = 0;
  });
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def synthetic(n: int, seed: int = 1) -> list[phrases.Phrase]:
    """The real library plus plausible made-up entries (recombined halves of real phrases) up to n."""
    real = list(phrases.load_library().values())
    rng = random.Random(seed)
    out = list(real)
    halves = [p.phrase[: len(p.phrase) // 2] for p in real] + [p.phrase[len(p.phrase) // 2:] for p in real]
    while len(out) < n:
        a, b, src = rng.choice(halves), rng.choice(halves), rng.choice(real)
        out.append(phrases.Phrase(
            id=f"synthetic-{len(out)}", phrase=a + b, kind=src.kind, sections=src.sections, moves=src.moves,
            meaning=src.meaning, valid_from=src.valid_from, valid_until=src.valid_until, group=src.group))
    return out


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def run_engine(page, engine: str) -> list[float]:
    page.evaluate(f"() => {{ HBPhraseSearch.search = HBPhraseSearch.{engine}Search; window.__t = []; }}")
    box = page.locator("#hb-ps-input")
    for q in QUERIES:
        box.fill("")
        box.focus()
        page.keyboard.type(q, delay=15)
        page.wait_for_timeout(30)
    return page.evaluate("window.__t")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--site", type=Path)
    args = ap.parse_args()

    entries = synthetic(args.entries)
    script = phraseindex.index_script(entries)
    size = len(script.encode("utf-8"))
    gz = len(gzip.compress(script.encode("utf-8"), 9))

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            offline.build_site(site)
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/phrases/"

        from playwright.sync_api import sync_playwright

        results: dict[str, list[tuple[float, float]]] = {"index": [], "naive": []}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for run in range(args.runs):
                page = browser.new_page()
                page.route("**/phrases/phrases-index.js",
                           lambda route: route.fulfill(body=script, content_type="text/javascript"))
                page.goto(url)
                page.locator("#hb-ps[data-ready]").wait_for(state="attached")
                loaded = page.evaluate("HBPhraseSearch.index.items.length")
                assert loaded == len(entries), (loaded, len(entries))
                page.evaluate(MEASURE)
                page.add_script_tag(path=str(NAIVE_JS))  # the baseline engine, kept out of phrases.js
                order = ("index", "naive") if run % 2 == 0 else ("naive", "index")
                for engine in order:  # warm-up pass (JIT, caches), untimed
                    run_engine(page, engine)
                for engine in order:  # both in the same page and run, alternating which goes first
                    times = run_engine(page, engine)
                    results[engine].append((percentile(times, 50), percentile(times, 95)))
                page.close()
            browser.close()
        server.shutdown()

    print(f"entries: {len(entries)} ({len(phrases.load_library())} real), keystrokes per run: "
          f"{sum(len(q) for q in QUERIES)}, runs: {args.runs}")
    print(f"phrases-index.js: {size / 1024:.0f} KB, gzipped {gz / 1024:.0f} KB (target ≤ 1024 KB)")
    for engine, label in (("index", "bigram index (page)"), ("naive", "naive linear scan (baseline)")):
        p50 = statistics.median(r[0] for r in results[engine])
        p95 = statistics.median(r[1] for r in results[engine])
        print(f"{label:32s} keystroke→results p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   (median of runs; target p95 ≤ 16)")


if __name__ == "__main__":
    main()
