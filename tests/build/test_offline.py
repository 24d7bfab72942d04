"""The offline package (make offline): every page works from file://.

With use_directory_urls off, a link written for directory URLs (../../x/)
points at a folder, which file:// cannot open. Every relative href and src of
every page must name a file that is in the package.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import soup_of


def _local_targets(page: Path):
    doc = soup_of(page)
    for tag in doc.find_all(True):
        for attr in ("href", "src"):
            url = tag.get(attr)
            if not url or url.startswith(("#", "data:", "blob:", "javascript:", "mailto:")):
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                yield tag, url, None  # an absolute URL: not allowed in the package at all
                continue
            yield tag, url, (page.parent / unquote(parts.path)).resolve()


def test_every_relative_link_of_every_page_opens_a_file(offline_root: Path):
    # 404.html is served by a web server at any depth, so MkDocs gives it
    # root-absolute links; from file:// it is never shown.
    pages = sorted(p for p in offline_root.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 50
    broken = []
    for page in pages:
        for tag, url, target in _local_targets(page):
            if target is None:
                if tag.name in ("script", "link", "img", "iframe"):
                    broken.append((page.relative_to(offline_root).as_posix(), url))
                continue
            if not target.is_file():
                broken.append((page.relative_to(offline_root).as_posix(), url))
    assert not broken, broken[:20]


def test_offline_pages_use_file_names_not_folders(offline_root: Path):
    assert (offline_root / "index.html").is_file()
    assert (offline_root / "sections" / "opening.html").is_file()
    assert not (offline_root / "sections" / "opening").exists()
