"""Benchmark: the /phrases/ search with 5,000 entries, keystroke to results, in Chromium.

    .venv/bin/python bench/phrases_search.py [--entries 5000] [--runs 5] [--site DIR]

Builds the site (or uses --site), replaces /phrases/phrases-index.js with the
real library plus synthetic entries up to --entries (served through a
Playwright route, so the page and its script are the real ones), types query
after query into the real search box and measures, inside the page, every keystroke from its
input event (event.timeStamp: Chinese characters typed through an input
method send no keydown, so keydown would miss them) to the frame that shows
its results (the next animation frame after rendering, then a task: the
paint has happened). Two figures per keystroke: the work (input event to
results rendered and laid out: what must fit in a 16 ms frame) and the
painted latency (which adds the wait for the next frame, up to one frame
even for zero work). Keystrokes are Chinese characters, pinyin letters and
deletions (Backspace after each query); each kind gets its own p50/p95, and a
keystroke that never paints is counted, not dropped. Each run measures both engines: the bigram index
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
  window.__t = []; window.__keys = 0; let pending = null;
  box.addEventListener('input', (e) => {
    window.__keys++;
    const kind = e.inputType && e.inputType.startsWith('delete') ? 'delete'
      : /[\\u4e00-\\u9fff]/.test(e.data || '') ? 'hanzi' : 'pinyin';
    pending = { t0: e.timeStamp, kind: kind };
  }, true);
  document.getElementById('hb-ps').addEventListener('hb-phrases-rendered', () => {
    const p = pending; pending = null;
    if (!p) return;
    void document.getElementById('hb-ps-list').offsetHeight;  // layout of the new results, inside the work
    const work = performance.now() - p.t0;
    requestAnimationFrame(() => setTimeout(() => window.__t.push([p.kind, work, performance.now() - p.t0]), 0));
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


def run_engine(page, engine: str) -> tuple[list[tuple[str, float, float]], int]:
    """(kind, work ms, painted ms) of every keystroke that painted, and the number of keystrokes."""
    page.evaluate(f"() => {{ HBPhraseSearch.search = HBPhraseSearch.{engine}Search; window.__t = []; }}")
    box = page.locator("#hb-ps-input")
    keys_before = page.evaluate("window.__keys")
    for q in QUERIES:
        page.evaluate("document.getElementById('hb-ps-input').value = ''")  # no input event: not a keystroke
        box.focus()
        page.keyboard.type(q, delay=40)
        for _ in range(3):
            page.keyboard.press("Backspace", delay=10)
            page.wait_for_timeout(40)
        page.wait_for_timeout(40)
    page.wait_for_timeout(100)
    return [tuple(x) for x in page.evaluate("window.__t")], page.evaluate("window.__keys") - keys_before


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

        results: dict[str, dict[str, list[tuple[float, float]]]] = {"index": {}, "naive": {}}
        unpainted = {"index": 0, "naive": 0}
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
                    times, keys = run_engine(page, engine)
                    unpainted[engine] += keys - len(times)
                    for kind in ("hanzi", "pinyin", "delete", "all"):
                        for figure, col in (("work", 1), ("painted", 2)):
                            xs = [t[col] for t in times if kind in (t[0], "all")]
                            if xs:
                                results[engine].setdefault((kind, figure), []).append(
                                    (percentile(xs, 50), percentile(xs, 95)))
                page.close()
            browser.close()
        server.shutdown()

    print(f"entries: {len(entries)} ({len(phrases.load_library())} real), keystrokes per run: "
          f"{sum(len(q) + 3 for q in QUERIES)} ({sum(len(q) for q in QUERIES)} typed, {3 * len(QUERIES)} deletions), "
          f"runs: {args.runs}")
    print(f"phrases-index.js: {size / 1024:.0f} KB, gzipped {gz / 1024:.0f} KB (target ≤ 1024 KB)")
    for engine, label in (("index", "bigram index (page)"), ("naive", "naive linear scan (baseline)")):
        for kind in ("hanzi", "pinyin", "delete", "all"):
            line = f"{label:30s} {kind:6s}"
            for figure in ("work", "painted"):
                rows = results[engine].get((kind, figure), [])
                if rows:
                    line += (f"  {figure} p50 {statistics.median(r[0] for r in rows):6.2f} ms"
                             f" p95 {statistics.median(r[1] for r in rows):6.2f} ms")
            print(line)
        print(f"{label:30s} keystrokes that never painted: {unpainted[engine]}")
    idx, naive = results["index"][("all", "work")], results["naive"][("all", "work")]
    print(f"work p95, all keystrokes, index / naive: ratio={statistics.median(r[1] for r in idx) / statistics.median(r[1] for r in naive):.2f} "
          "(target: index work p95 ≤ 16 ms, one frame)")


if __name__ == "__main__":
    main()
