"""Build benchmarks (not timed tests): python bench/build.py [--runs N] [--quick]

(a) the handbook's build against a plain Material build of the same rendered
    Markdown with macros and hooks off (the cost of our machinery);
(b) a synthetic set of sample reports (paragraphs of the published samples
    recombined) built through the handbook's sample pipeline, against plain
    Material with navigation.prune building the same reports as Markdown; at
    250 and 1,000 samples, so that bytes per sample page can be compared.

Every figure is the median of several runs in this one session, the two
sides alternating; the ratio is handbook / baseline. Prints a table, writes
bench/out/build.json. Targets (issue 2): (a) ≤ 1.3x; (b) ≤ 1.3x, peak memory
≤ 300 MB, bytes per sample page flat from 250 to 1,000.
"""
from __future__ import annotations

import argparse
import json
import os
import re
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
    start = time.perf_counter()
    proc = subprocess.run([PY, str(ROOT / "bench" / "_measure.py"), str(config), str(site_dir),
                           "strict" if strict else "lax"],
                          cwd=config.parent, env=env or ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: build of {config} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    peak = json.loads(proc.stdout.strip().splitlines()[-1])["maxrss_mb"]
    return {"wall_s": wall, "maxrss_mb": peak}


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
    """Alternate handbook and baseline builds; medians of each."""
    results: dict[str, list[dict[str, float]]] = {"handbook": [], "baseline": []}
    for _ in range(runs):
        results["handbook"].append(measured_build(*handbook, env=handbook_env))
        results["baseline"].append(measured_build(*baseline, strict=False))
    row: dict = {"name": name, "runs": runs}
    for side, (config, site) in (("handbook", handbook), ("baseline", baseline)):
        row[side] = {
            "wall_s": round(statistics.median(r["wall_s"] for r in results[side]), 2),
            "maxrss_mb": max(r["maxrss_mb"] for r in results[side]),
            **site_stats(site, page_glob),
        }
    row["ratio"] = round(row["handbook"]["wall_s"] / row["baseline"]["wall_s"], 2)
    return row


# ---------------------------------------------------------------------------
# Baseline configuration: the handbook's mkdocs.yml without macros or hooks
# ---------------------------------------------------------------------------

def plain_config(docs_dir: Path, dest: Path, user_dict: Path, *, extra_features: str = "") -> Path:
    """mkdocs.yml with the macros plugin, the hooks and the nav removed.

    Same theme, Markdown extensions and search settings (jieba with the same
    user dictionary): what is left to compare is our machinery.
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    macros_block = re.compile(r"\n  - macros:\n(?:      .*\n)+")
    hooks_block = re.compile(r"\nhooks:\n(?:  - .*\n)+")
    watch_block = re.compile(r"\nwatch:\n(?:  - .*\n)+")
    nav_block = re.compile(r"\nnav:\n(?:  .*\n)+")
    for pattern in (macros_block, hooks_block, watch_block, nav_block):
        text, n = pattern.subn("\n", text)
        assert n == 1, f"bench: mkdocs.yml layout changed ({pattern.pattern})"
    text = text.replace("docs_dir: docs", f"docs_dir: {docs_dir}")
    text = text.replace("      pipeline:\n", f"      jieba_dict_user: {user_dict}\n      pipeline:\n", 1)
    text = text.replace("    - navigation.prune\n", "    - navigation.prune\n" + extra_features, 1)
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
# (a) the handbook as it is
# ---------------------------------------------------------------------------

def bench_handbook(work: Path, runs: int) -> dict:
    md = work / "rendered"
    user_dict = dump_rendered(ROOT, md, work)
    docs = baseline_docs(md, ROOT / "docs", work / "plain-docs")
    config = plain_config(docs, work / "plain.yml", user_dict)
    return compare("(a) handbook vs plain Material, same rendered Markdown",
                   (ROOT / "mkdocs.yml", work / "site-handbook"), (config, work / "site-plain"), runs)


# ---------------------------------------------------------------------------
# (b) many samples
# ---------------------------------------------------------------------------

def bench_samples(work: Path, runs: int, counts: list[int]) -> list[dict]:
    from bench import synth_samples

    rows = []
    for n in counts:
        case = work / f"samples-{n}"
        project = case / "project"
        project.mkdir(parents=True)
        for name in ("mkdocs.yml", "docs", "macros", "templates"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
        plain_md = case / "plain-samples"
        synth_samples.write(n, project / "templates" / "samples", plain_md)
        user_dict = dump_rendered(project, case / "rendered", case)
        # Baseline: the same rendered pages, with each sample as plain Markdown
        # in place of the handbook's annotated sample page.
        plain_docs = baseline_docs(case / "rendered", project / "docs", case / "plain-docs")
        shutil.copytree(plain_md, plain_docs / "samples", dirs_exist_ok=True)
        config = plain_config(plain_docs, case / "plain.yml", user_dict)
        row = compare(f"(b) {n} samples: handbook pipeline vs plain Material + navigation.prune",
                      (project / "mkdocs.yml", case / "site-handbook"), (config, case / "site-plain"),
                      runs, page_glob="samples/*/index.html")
        row["samples"] = n
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per side (median taken)")
    parser.add_argument("--counts", default="250,1000", help="sample counts for (b)")
    parser.add_argument("--only", choices=["a", "b"], help="run one part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(os.environ.get("BENCH_WORK", tmp))
        ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        rows = []
        if args.only in (None, "a"):
            rows.append(bench_handbook(work / "a", args.runs))
        if args.only in (None, "b"):
            rows += bench_samples(work / "b", max(1, args.runs // 2 + 1),
                                  [int(c) for c in args.counts.split(",")])
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "build.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{'case':<72} {'side':<9} {'wall s':>7} {'peak MB':>8} {'pages':>6} {'B/page':>8} {'site MB':>8}")
    for row in rows:
        for side in ("handbook", "baseline"):
            r = row[side]
            print(f"{row['name']:<72} {side:<9} {r['wall_s']:>7} {r['maxrss_mb']:>8} {r['pages']:>6} "
                  f"{r['bytes_per_page']:>8} {r['site_mb']:>8}")
        print(f"{'':<72} ratio     {row['ratio']:>7}")


if __name__ == "__main__":
    main()
