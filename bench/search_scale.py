"""Site search at scale: python bench/search_scale.py [--samples 0,250,1000] [--ready 1000] [--runs 3]

At each scale, the handbook (as shipped for 0; else a copy of it whose samples
are replaced by N synthetic reports, bench/synth_samples.py, with the leak
gate's lock refreshed as in bench/build.py) is built once with --strict, and
search/search_index.json is measured raw and gzipped (level 5, as
deploy/nginx.conf serves it). At the --ready scales the built site is served
on localhost and opened in Chromium: "ready" is the time from navigation start
to the search worker's ready message (Material's worker posts type 1 once it
has fetched and indexed the whole index; the page's Worker is wrapped to see
it), "first result" the time until a query typed after that (述责述廉) lists a
result. Median of --runs page loads, each in a fresh browser context (no
cache). One line per scale. --source DIR builds another checkout's code (e.g. a
copy at an older commit) for a before/after.
Target (issue 18): at 1,000 samples the index ≤ 1.5 MB gzipped and search ready ≤ 2 s.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build import ENV, PY  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
QUERY = "述责述廉"
WRAP_WORKER = """(() => {
  const W = window.Worker;
  window.__hbReady = null;
  window.Worker = function (url, opts) {
    const w = new W(url, opts);
    w.addEventListener('message', (e) => {
      if (e.data && e.data.type === 1 && window.__hbReady === null) window.__hbReady = performance.now();
    });
    return w;
  };
  window.Worker.prototype = W.prototype;
})();"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def build(source: Path, work: Path, n: int) -> Path:
    project = work / f"project-{n}"
    from bench import synth_samples

    synth_samples.project_copy(project, n, source)  # every sample counted as reviewed: the gate is not measured here
    site = work / f"site-{n}"
    proc = subprocess.run([PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project, env=ENV,
                          capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"bench: build at {n} samples failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return site


def ready_times(site: Path, runs: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ready, first = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(runs):
                ctx = browser.new_context()
                page = ctx.new_page()
                page.add_init_script(WRAP_WORKER)
                page.goto(f"http://127.0.0.1:{server.server_port}/")
                page.wait_for_function("window.__hbReady !== null", timeout=120_000, polling=20)
                ready.append(page.evaluate("window.__hbReady"))
                box = page.locator("input.md-search__input")
                box.click()
                box.press_sequentially(QUERY, delay=0)
                page.wait_for_function("document.querySelector('.md-search-result__item') !== null",
                                       timeout=60_000, polling=5)
                first.append(page.evaluate("performance.now()"))
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return statistics.median(ready), statistics.median(first)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", default="0,250,1000")
    ap.add_argument("--ready", default="1000", help="scales at which to time search in Chromium ('' for none)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--source", type=Path, default=ROOT, help="the checkout whose code is built")
    args = ap.parse_args()
    ready_at = {int(c) for c in args.ready.split(",") if c}
    with tempfile.TemporaryDirectory(prefix="handbook-search-") as tmp:
        work = Path(os.environ.get("BENCH_WORK", tmp))
        ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        for n in [int(c) for c in args.samples.split(",")]:
            site = build(args.source.resolve(), work, n)
            raw = (site / "search" / "search_index.json").read_bytes()
            gz = len(gzip.compress(raw, compresslevel=5))
            docs = raw.count(b'"location"')
            line = (f"samples={n} docs={docs} index={len(raw) / 1e6:.2f}MB "
                    f"gzip={gz / 1e6:.2f}MB")
            if n in ready_at:
                ready, first = ready_times(site, args.runs)
                line += f" ready={ready / 1000:.2f}s first_result={first / 1000:.2f}s (median of {args.runs})"
            print(line, flush=True)
            if "BENCH_WORK" not in os.environ:  # kept for inspection otherwise
                shutil.rmtree(site)


if __name__ == "__main__":
    main()
