"""Shared fixtures: one real strict build per session, a local server, Chromium.

Nothing here mocks MkDocs, the browser or a file format: the site is built by
MkDocs itself, served over loopback and driven in Debian's /usr/bin/chromium.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from typing import Iterator

import pytest
from bs4 import BeautifulSoup

from macros.base import paths
from macros.build import offline

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook, built for real with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site") / "site"
    offline.build_site(out)
    return out


@pytest.fixture(scope="session")
def html_pages(site_dir: Path) -> dict[str, Path]:
    """Every built HTML page, keyed by its path relative to the site."""
    return {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html"))}


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def soup(site_dir: Path):
    """soup('sections/opening/') → the parsed page at that URL path."""
    def get(url_path: str) -> BeautifulSoup:
        path = site_dir / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return soup_of(path)
    return get


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served on loopback."""
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def offline_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip (make offline), unpacked: open index.html from file://."""
    tmp = tmp_path_factory.mktemp("offline")
    zip_path = offline.make_offline_zip(tmp / "handbook-offline.zip")
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            # A name without the UTF-8 flag is the start page's GBK name (read as cp437 by zipfile),
            # unpacked under its real name as a Chinese Windows extractor does.
            if not info.flag_bits & 0x800:
                info.filename = info.filename.encode("cp437").decode("gbk")
            zf.extract(info, tmp / "unpacked")
    return tmp / "unpacked" / offline.ZIP_ROOT


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _fresh_page(browser, **context_options):
    """A page in its own Chinese-locale context; page.js_errors collects uncaught script errors."""
    context = browser.new_context(locale="zh-CN", **context_options)
    context.set_default_timeout(15000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors  # type: ignore[attr-defined]
    return context, pg


@pytest.fixture
def page(browser, base_url):
    """A fresh page (own context, clipboard allowed) on the local server."""
    context, pg = _fresh_page(browser, base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    yield pg
    context.close()


@pytest.fixture
def offline_page(browser):
    """A fresh page for the unpacked offline zip (open it with its file:// URL)."""
    context, pg = _fresh_page(browser)
    yield pg
    context.close()


FIXTURE_CONFIG = """\
site_name: fixture
docs_dir: docs
theme:
  name: material
  language: zh
  font: false
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
plugins:
  - macros:
      module_name: macros
      on_error_fail: true
      on_undefined: strict
      modules: []
nav:
{nav}
"""


def fixture_site(dest: Path, pages: dict[str, str]) -> Path:
    """A small site of a few pages, with the real macros and templates/ but none of the hooks.

    For tests of what one page's macros do: a build takes a second or two, where a
    copy of the whole project builds every page. mkdocs-macros looks for the
    module beside mkdocs.yml: a symbolic link to the real package, whose paths
    resolve to the real templates/ (read only).
    """
    (dest / "docs").mkdir(parents=True, exist_ok=True)
    (dest / "macros").symlink_to(paths.ROOT / "macros", target_is_directory=True)
    for name, text in pages.items():
        (dest / "docs" / name).write_text(text, encoding="utf-8")
    nav = "\n".join(f"  - {name}" for name in pages)
    (dest / "mkdocs.yml").write_text(FIXTURE_CONFIG.replace("{nav}", nav), encoding="utf-8")
    return dest


def build_fixture(site: Path, out: Path) -> subprocess.CompletedProcess:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=site, capture_output=True, text=True, env=env)


def project_copy(dest: Path) -> Path:
    """A throwaway copy of the project, for tests that break its data on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "macros", "templates"):
        src = paths.ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest
