"""Build benchmarks (not timed tests): python bench/build.py [--samples 0,250,1000] [--runs N]

At each scale, the handbook's build against a fair baseline: plain Material
(the same theme, Markdown extensions and jieba search settings) building the
same pages from the same Markdown the handbook renders (dumped after macros ran,
sample paragraphs filled in), with the SAME nav. Only our machinery differs:
macros, hooks, generated pages and files, the leak gate, the search fixes.

- samples=0: the handbook as shipped (its published samples);
- samples=N: the published samples replaced by N synthetic reports
  (bench/synth_samples.py), the leak gate's lock refreshed once before timing
  (a reviewed sample is not re-checked on every build).

Runs are paired (handbook, baseline, handbook, baseline …) so that load
drifts hit both sides alike; each side's CPU seconds (user + system of the
build process, the figure that varies least with load) and wall seconds are
medians of --runs builds; peak RSS is the largest seen. One line per scale,
ending in `ratio=X.XX` (handbook CPU / baseline CPU). Writes bench/out/build.json.
Targets (issue 18): ratio ≤ 1.3 at every scale, peak RSS ≤ 200 MB at 1,000
samples, the CPU cost per sample at 1,000 within 10 % of that at 250.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


PY = sys.executable
# Bytecode cached as Python normally does (the first build, which dumps the
# rendered Markdown, warms it for both sides), kept out of the source tree.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------

def measured_build(config: Path, site_dir: Path, env: dict[str, str] | None = None,
                   strict: bool = True) -> dict[str, float]:
    """One build in a fresh process: wall seconds and peak memory.

    The baseline is built without --strict: its rendered Markdown keeps links
    to files that only the handbook's hooks generate.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([PY, str(ROOT / "bench" / "_measure.py"), str(config), str(site_dir),
                           "strict" if strict else "lax"],
                          cwd=config.parent, env=env or ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"bench: build of {config} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    peak = json.loads(proc.stdout.strip().splitlines()[-1])["maxrss_mb"]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "maxrss_mb": peak}


def site_stats(site_dir: Path, page_glob: str = "**/*.html") -> dict[str, float]:
    pages = [p for p in site_dir.glob(page_glob) if p.is_file()]
    total = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
    return {
        "pages": len(pages),
        "site_mb": round(total / 2**20, 2),
        "bytes_per_page": round(sum(p.stat().st_size for p in pages) / max(len(pages), 1)),
    }


def compare(name: str, handbook: tuple[Path, Path], baseline: tuple[Path, Path], runs: int,
            handbook_env: dict[str, str] | None = None, page_glob: str = "**/*.html") -> dict:
    """Paired runs, handbook then baseline; medians of each side."""
    results: dict[str, list[dict[str, float]]] = {"handbook": [], "baseline": []}
    for _ in range(runs):
        results["handbook"].append(measured_build(*handbook, env=handbook_env))
        results["baseline"].append(measured_build(*baseline, strict=False))
    row: dict = {"name": name, "runs": runs}
    for side, (config, site) in (("handbook", handbook), ("baseline", baseline)):
        row[side] = {
            "cpu_s": round(statistics.median(r["cpu_s"] for r in results[side]), 2),
            "wall_s": round(statistics.median(r["wall_s"] for r in results[side]), 2),
            "maxrss_mb": max(r["maxrss_mb"] for r in results[side]),
            **site_stats(site, page_glob),
        }
    row["ratio"] = round(row["handbook"]["cpu_s"] / row["baseline"]["cpu_s"], 2)
    row["wall_ratio"] = round(row["handbook"]["wall_s"] / row["baseline"]["wall_s"], 2)
    return row


# ---------------------------------------------------------------------------
# Baseline configuration: the handbook's mkdocs.yml without macros or hooks
# ---------------------------------------------------------------------------

def plain_config(docs_dir: Path, dest: Path, user_dict: Path, source: Path = ROOT / "mkdocs.yml") -> Path:
    """mkdocs.yml with the macros plugin and the hooks removed, the nav KEPT.

    Same theme, Markdown extensions, search settings (jieba with the same user
    dictionary) and the same nav, so every page carries the navigation the
    handbook's does (a baseline without the nav lists every page on every
    page: with 1,000 samples that alone made it 2.2x slower than a fair one).
    """
    text = source.read_text(encoding="utf-8")
    macros_block = re.compile(r"\n  - macros:\n(?:      .*\n)+")
    hooks_block = re.compile(r"\nhooks:\n(?:  - .*\n)+")
    watch_block = re.compile(r"\nwatch:\n(?:  - .*\n)+")
    for pattern in (macros_block, hooks_block, watch_block):
        text, n = pattern.subn("\n", text)
        assert n == 1, f"bench: mkdocs.yml layout changed ({pattern.pattern})"
    text = text.replace("docs_dir: docs", f"docs_dir: {docs_dir}")
    text = text.replace("      pipeline:\n", f"      jieba_dict_user: {user_dict}\n      pipeline:\n", 1)
    dest.write_text(text, encoding="utf-8")
    return dest


def dump_rendered(project: Path, out_md: Path, work: Path) -> Path:
    """Build the project once with the Markdown dump on; return the user dictionary."""
    env = dict(ENV, HANDBOOK_DUMP_MARKDOWN=str(out_md))
    # The project's own config plus bench/dump_hook.py (hook paths resolve
    # against the config's folder, so the derived file sits beside it).
    config = project / ".bench-dump.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nhooks:\n  - macros/hooks.py\n  - {ROOT / 'bench' / 'dump_hook.py'}\n",
                      encoding="utf-8")
    try:
        measured_build(config, work / "dump-site", env=env)
    finally:
        config.unlink()
    dicts = sorted(Path(tempfile.gettempdir(), "handbook-jieba").glob("user-*.txt"), key=lambda p: p.stat().st_mtime)
    return dicts[-1]


def baseline_docs(rendered_md: Path, docs_src: Path, dest: Path) -> Path:
    shutil.copytree(docs_src / "assets", dest / "assets")
    shutil.copytree(rendered_md, dest, dirs_exist_ok=True)
    return dest


# ---------------------------------------------------------------------------
# One scale: the handbook (as shipped, or with N synthetic samples) vs its baseline
# ---------------------------------------------------------------------------

def bench_scale(work: Path, runs: int, n: int) -> dict:
    from bench import synth_samples

    project = ROOT if n == 0 else synth_samples.project_copy(work / "project", n)
    user_dict = dump_rendered(project, work / "rendered", work)
    docs = baseline_docs(work / "rendered", project / "docs", work / "plain-docs")
    config = plain_config(docs, work / "plain.yml", user_dict, project / "mkdocs.yml")
    row = compare(f"samples={n}", (project / "mkdocs.yml", work / "site-handbook"), (config, work / "site-plain"),
                  runs, page_glob="**/*.html")
    row["samples"] = n
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="paired builds per scale (median taken; at least 3)")
    parser.add_argument("--samples", default="0,250,1000", help="scales: 0 = the handbook as shipped")
    args = parser.parse_args()
    runs = max(3, args.runs)
    rows = []
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(os.environ.get("BENCH_WORK", tmp))
        ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        for n in [int(c) for c in args.samples.split(",")]:
            row = bench_scale(work / f"samples-{n}", runs, n)
            rows.append(row)
            h, b = row["handbook"], row["baseline"]
            per = ""
            if n:
                per = f" cpu/sample={(h['cpu_s'] - rows[0]['handbook']['cpu_s']) / n * 1000:.0f}ms" if rows[0]["samples"] == 0 else ""
            print(f"samples={n} runs={runs} handbook: cpu={h['cpu_s']}s wall={h['wall_s']}s rss={h['maxrss_mb']}MB "
                  f"pages={h['pages']} B/page={h['bytes_per_page']} | baseline: cpu={b['cpu_s']}s wall={b['wall_s']}s "
                  f"rss={b['maxrss_mb']}MB pages={b['pages']} B/page={b['bytes_per_page']} | "
                  f"wall_ratio={row['wall_ratio']:.2f}{per} ratio={row['ratio']:.2f}", flush=True)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "build.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
