"""The work `mkdocs serve` keeps across rebuilds (macros/build/incremental.py) is never served stale.

Each test runs a script in a copy of the project (so that the copy's own macros
package and data are the ones imported), which builds the site the way `mkdocs
serve` does (one process, the config reloaded before every build, on_startup
with command="serve"), edits the sources between builds, and compares the last
rebuild with a build from scratch of the same edited sources.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from macros.base import cache
from tests.conftest import project_copy

SCRIPT = r'''
import filecmp, json, logging, os, sys, tempfile
from pathlib import Path
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort

edits = json.loads(sys.argv[1])
served = tempfile.mkdtemp(prefix="served-")

def config(site):
    return load_config(config_file="mkdocs.yml", site_dir=site, strict=True)

first = config(served)
first.plugins.on_startup(command="serve", dirty=False)
from macros.build import incremental

results = {"enabled": incremental.enabled(), "builds": []}
cfg = first
for step in [None, *edits]:
    if step is not None:
        path = Path(step["file"])
        text = path.read_text(encoding="utf-8")
        assert step["old"] in text, step
        path.write_text(text.replace(step["old"], step["new"], 1), encoding="utf-8")
    try:
        build(cfg)
        results["builds"].append({"ok": True, **incremental.stats})
    except Abort as exc:
        results["builds"].append({"ok": False, "error": str(exc), **incremental.stats})
    for k in incremental.stats:
        incremental.stats[k] = 0
    cfg = config(served)
first.plugins.on_shutdown()

fresh = tempfile.mkdtemp(prefix="fresh-")
fresh_cfg = config(fresh)
fresh_cfg.plugins.on_startup(command="build", dirty=False)
try:
    build(fresh_cfg)
    results["fresh_ok"] = True
except Abort:
    results["fresh_ok"] = False
differ = []
def compare(d):
    differ.extend(os.path.relpath(os.path.join(d.left, f), served) for f in d.diff_files + d.left_only + d.right_only)
    for sub in d.subdirs.values():
        compare(sub)
compare(filecmp.dircmp(served, fresh))
results["differ"] = sorted(differ)
print("RESULT " + json.dumps(results, ensure_ascii=False))
'''


def _run(root: Path, edits: list[dict]) -> dict:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(edits, ensure_ascii=False)], cwd=root,
                          capture_output=True, text=True, timeout=900)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


def test_rebuilds_after_edits_equal_a_fresh_build(tmp_path):
    """A template, a phrase and a page edited between serve rebuilds: the last rebuild is byte for byte a
    fresh build of the edited sources, and the unchanged pages came from the kept work."""
    root = project_copy(tmp_path / "proj")
    opening = (root / "templates/sections/opening.j2").read_text(encoding="utf-8")
    line = next(ln for ln in opening.splitlines() if len(ln) > 20 and "{" not in ln and "#" not in ln)
    closing = (root / "templates/phrases/closing.yml").read_text(encoding="utf-8")
    assert "\n    meaning: " in closing
    edits = [
        {"file": "templates/sections/opening.j2", "old": line, "new": line + "测绘甲号标记"},
        {"file": "templates/phrases/closing.yml", "old": "\n    meaning: ", "new": "\n    meaning: 测绘乙号标记"},
        {"file": "docs/tools/index.md", "old": "\n", "new": "\n\n测绘丙号标记\n"},
    ]
    result = _run(root, edits)
    assert result["enabled"]
    first, *rebuilds = result["builds"]
    assert all(b["ok"] for b in result["builds"]) and result["fresh_ok"], result
    assert first["render_hits"] == 0 and first["render_misses"] > 50
    for b in rebuilds:  # most pages unchanged: converted and indexed from the kept work
        assert b["render_hits"] > b["render_misses"] >= 1, b
        assert b["search_hits"] > b["search_misses"] >= 1, b
    assert result["differ"] == [], result["differ"][:20]
    page = root / "site"  # not written: the script builds into temporary folders
    assert not page.exists()


def test_a_broken_link_fails_every_rebuild_not_only_the_first(tmp_path):
    """A conversion that logged a warning is not kept: strict mode fails again on the next rebuild."""
    root = project_copy(tmp_path / "proj")
    edits = [
        {"file": "docs/tools/index.md", "old": "\n", "new": "\n\n[断链](no-such-page.md)\n"},
        {"file": "mkdocs.yml", "old": "site_name:", "new": "# touched\nsite_name:"},  # any change: a rebuild
    ]
    result = _run(root, edits)
    ok = [b["ok"] for b in result["builds"]]
    assert ok == [True, False, False], result["builds"]
    assert "strict mode" in result["builds"][-1]["error"]


def test_content_memos_are_off_outside_serve():
    """`mkdocs build` keeps nothing across builds: a memo neither answers nor stores."""
    assert not cache.across_builds()
    memo = cache.ContentMemo(2)
    assert memo.put("k", 1) == 1 and memo.get("k") is None and len(memo) == 0

    def no_key():
        raise AssertionError("a key computed outside mkdocs serve")
    assert memo.cached(no_key, lambda: 7) == 7 and len(memo) == 0
    cache.keep_across_builds(True)
    try:
        memo.put("a", 1), memo.put("b", 2), memo.put("c", 3)
        assert memo.get("a") is None and memo.get("c") == 3 and len(memo) == 2  # bounded: oldest dropped
        calls = []
        assert memo.cached(lambda: "d", lambda: calls.append(1) or 4) == 4
        assert memo.cached(lambda: "d", lambda: calls.append(1) or 5) == 4 and calls == [1]  # kept by its key
    finally:
        cache.keep_across_builds(False)
    assert len(memo) == 0
