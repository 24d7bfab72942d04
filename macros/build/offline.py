"""The offline package: a strict build for file:// and a zip of it."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..base import paths
from ..base.errors import HandbookError

# The top folder is ASCII: Windows 7's built-in extractor ignores the zip's UTF-8
# flag and garbled the Chinese name. The one Chinese file name, the start page,
# is stored in GBK without that flag, which Windows' extractors and 7-Zip read
# with the system's Chinese code page.
ZIP_ROOT = "shuzhi-handbook"
START_PAGE = "打开手册.html"
# Where the site's own build puts the package (make build), linked from /about/.
SITE_PATH = "downloads/handbook-offline.zip"

_START_HTML = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=index.html">
<title>述职述廉报告写作手册</title></head>
<body><p><a href="index.html">打开《述职述廉报告写作手册》</a></p></body></html>
"""


class _GbkName(zipfile.ZipInfo):
    """A member whose non-ASCII name is written in GBK, without the UTF-8 flag."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own hook
        try:
            return self.filename.encode("ascii"), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode("gbk"), self.flag_bits & ~0x800


def build_site(site_dir: Path, *, offline: bool = False, config: Path | None = None) -> None:
    """Run a real strict MkDocs build into site_dir; raise with its log on failure."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if offline:
        env["OFFLINE"] = "true"
    config = config or paths.ROOT / "mkdocs.yml"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=config.parent, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise HandbookError("mkdocs.yml", f"build failed (exit {proc.returncode}):\n{tail}")


def zip_site(site_dir: Path, out: Path) -> Path:
    """Zip a built site under one top folder; index.html opens from file://."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                zf.write(path, f"{ZIP_ROOT}/{path.relative_to(site_dir).as_posix()}")
        start = _GbkName(f"{ZIP_ROOT}/{START_PAGE}", date_time=(2026, 1, 1, 0, 0, 0))
        start.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(start, _START_HTML)
    tmp.replace(out)  # never leave a half-written zip under the real name
    return out


def make_offline_zip(out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build_site(site_dir, offline=True)
        return zip_site(site_dir, out)
