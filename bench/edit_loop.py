"""Benchmark: the edit loop under `mkdocs serve`, from a file write to the page served again.

    .venv/bin/python bench/edit_loop.py [--samples 0,250] [--runs 3] [--dirty]

For each scale (0 = the handbook as shipped; N = its samples replaced by N synthetic
reports, as bench/build.py does), a copy of the project is served with `mkdocs serve`
on a free port. Then, per run and per kind of edit (a section template, a phrase entry,
a page's Markdown), one character is written into the source and the page that shows
it is polled (every 50 ms) until it carries the new text; the time from the write to
that response is the edit-loop time. The baseline, in the same run, is the page edit
(a Markdown page that no macro reads: what any edit costs, a plain rebuild of this site);
a template or phrase edit should cost no more than it (ratio ≈ 1). Targets (issue 18): ≤ 3 s on the shipped handbook,
≤ 5 s at 250 samples. Prints one line per scale and kind.
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PY = sys.executable
# The served copy imports its own macros package (from its folder), never one on PYTHONPATH.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
ENV["NO_MKDOCS_2_WARNING"] = "1"

# (kind, source file, pattern to edit after, page that shows it). The marker is a run of
# ideographic characters that cannot occur in the handbook.
EDITS = [
    ("template", "templates/sections/opening.j2", None, "sections/opening/"),
    ("phrase", "templates/phrases/closing.yml", r"\n    meaning: ", "phrases/closing/"),
    ("page", "docs/tools/index.md", None, "tools/"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def wait_for(url: str, needle: str, timeout: float = 300) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"bench: {url} never showed {needle!r} within {timeout:.0f} s")


def edit(project: Path, path: str, after: str | None, marker: str) -> None:
    f = project / path
    text = f.read_text(encoding="utf-8")
    if after is None:
        text = text.rstrip("\n") + f"\n\n{marker}\n"
    else:
        m = re.search(after, text)
        assert m, (path, after)
        text = text[:m.end()] + marker + text[m.end():]
    f.write_text(text, encoding="utf-8")


def bench_scale(work: Path, n: int, runs: int, dirty: bool) -> None:
    from bench import synth_samples

    project = synth_samples.project_copy(work / "project", n)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    # As `make serve` runs it (--no-livereload would also stop the rebuilds on edits).
    cmd = [PY, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"]
    if dirty:
        cmd.append("--dirty")
    log = open(work / "serve.log", "w")
    server = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    try:
        first = wait_for(base, "</html>", timeout=900)
        print(f"samples={n} first build served after {first:.1f} s", flush=True)
        times: dict[str, list[float]] = {}
        for run in range(runs):
            for i, (kind, path, after, page) in enumerate(EDITS):
                marker = "测绘" + "甲乙丙丁戊己庚辛"[run % 8] + "零一二三四五六七八九"[i] + "号标记"
                time.sleep(1.5)  # let the previous rebuild settle
                start = time.perf_counter()
                edit(project, path, after, marker)
                wait_for(base + page, marker)
                times.setdefault(kind, []).append(time.perf_counter() - start)
        for kind, xs in times.items():
            ratio = statistics.median(xs) / statistics.median(times["page"])
            print(f"samples={n} {kind:<8} write→served median {statistics.median(xs):.2f} s "
                  f"(max {max(xs):.2f} s, runs {len(xs)}) ratio={ratio:.2f}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", default="0,250")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dirty", action="store_true", help="serve with --dirty")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbook-edit-") as tmp:
        for n in [int(x) for x in args.samples.split(",")]:
            bench_scale(Path(tmp) / f"samples-{n}", n, args.runs, args.dirty)


if __name__ == "__main__":
    main()
