"""The offline package (make offline): every page works from file://.

With use_directory_urls off, a link written for directory URLs (../../x/)
points at a folder, which file:// cannot open. Every relative href and src of
every page must name a file that is in the package.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import soup_of

from macros.base import paths


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
    # 404.html included: the offline build makes its links relative (it opens from file:// too).
    pages = sorted(offline_root.rglob("*.html"))
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


def test_the_package_has_an_ascii_top_folder_and_a_chinese_start_page(offline_root: Path):
    """Windows 7's extractor garbles UTF-8 names: everything is ASCII but the start page, stored in GBK."""
    from macros.build import offline

    zip_path = offline_root.parent.parent / "handbook-offline.zip"
    with zipfile.ZipFile(zip_path) as zf:
        infos = zf.infolist()
    tops = {i.filename.split("/")[0] for i in infos}
    assert tops == {offline.ZIP_ROOT} and offline.ZIP_ROOT.isascii()
    non_ascii = [i for i in infos if not i.filename.isascii()]
    assert len(non_ascii) == 1 and not non_ascii[0].flag_bits & 0x800
    raw = non_ascii[0].filename.encode("cp437")  # zipfile's reading of a name without the UTF-8 flag
    assert raw == f"{offline.ZIP_ROOT}/{offline.START_PAGE}".encode("gbk")
    start = (offline_root / offline.START_PAGE).read_text(encoding="utf-8")
    assert 'url=index.html' in start and 'href="index.html"' in start


def test_the_site_links_the_package_that_make_build_writes(soup):
    from macros.build import offline

    links = [a["href"] for a in soup("about/").select("article a") if a["href"].endswith(".zip")]
    assert links == ["../" + offline.SITE_PATH]
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"--out $(SITE)/{offline.SITE_PATH}" in makefile
