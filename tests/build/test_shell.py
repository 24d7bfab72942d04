"""The navigation rendered once per folder for pages outside the nav (macros/build/shell.py)
is byte for byte what Material renders for each page."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from macros.base import paths

# The real strict build, with the shell cache switched off: Material renders every page's nav.
SCRIPT = r'''
import os, sys
os.environ["NO_MKDOCS_2_WARNING"] = "1"
sys.path.insert(0, os.getcwd())
from macros.build import shell
renders = 0
if sys.argv[2] == "plain":
    shell.cache_nav = lambda env: env
else:
    real_wrap = shell._wrap
    def counting_wrap(render):
        def counted(context):
            global renders
            renders += 1
            yield from render(context)
        return real_wrap(counted)
    shell._wrap = counting_wrap
from mkdocs.config import load_config
from mkdocs.commands.build import build
cfg = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1], strict=True)
cfg.plugins.on_startup(command="build", dirty=False)
build(cfg)
print("renders", renders)
'''


def _build(out: Path, mode: str) -> int:
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(out), mode], cwd=paths.ROOT, capture_output=True,
                          text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return int(proc.stdout.split("renders")[-1])


def test_pages_outside_the_nav_get_materials_own_navigation(site_dir: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    _build(plain, "plain")
    outside = sorted(p.relative_to(site_dir) for folder in ("samples", "years") for p in (site_dir / folder).rglob("*.html")
                     if p.parent != site_dir / folder)
    assert len(outside) >= 6, outside  # the published samples and the year pages
    for rel in outside:
        assert (site_dir / rel).read_bytes() == (plain / rel).read_bytes(), rel


def test_the_navigation_is_rendered_once_per_folder_outside_the_nav(site_dir: Path, tmp_path: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    outside = [p for folder in ("samples", "years") for p in (site_dir / folder).rglob("*.html")
               if p.parent != site_dir / folder]
    renders = _build(tmp_path / "counted", "count")
    # nav.html and tabs.html: twice for each page in the nav (and 404), twice per folder outside it.
    assert renders == 2 * (len(pages) - len(outside)) + 2 * 2, (renders, len(pages), len(outside))
