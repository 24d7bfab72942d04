"""A real strict build, read back with an HTML parser."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_fixture, fixture_site, project_copy, soup_of

from macros.base import paths
from macros.engine import render

EXTERNAL = re.compile(r"^(https?:)?//", re.I)
STABLE_URLS = ["", "genres/", "sections/", "phrases/", "samples/", "tools/", "about/",
               "about/provenance/", "about/anonymisation/", "about/conventions/", "about/contributing/"]


def test_information_architecture_has_stable_urls(site_dir: Path):
    for url in STABLE_URLS:
        assert (site_dir / url / "index.html").is_file(), url


def test_pages_are_chinese_with_chinese_nav(soup):
    home = soup("")
    assert home.html["lang"].startswith("zh")
    nav_titles = [a.get_text(strip=True) for a in home.select("nav.md-tabs a.md-tabs__link")]
    assert nav_titles[:8] == ["首页", "报告类型", "段落模板", "提法库", "年度提法速查", "样本报告", "写作工具", "关于"]
    assert "述职述廉报告写作手册" in home.title.get_text()


def test_home_offers_the_tools_and_three_ways_in(soup):
    links = {a["href"]: a.get_text(" ", strip=True) for a in soup("").select(".hb-ways a")}
    assert set(links) == {"tools/draft/", "tools/check/", "years/", "samples/", "genres/", "sections/", "phrases/"}


def test_no_page_requests_another_host(html_pages):
    """src/href of scripts, styles, fonts, images and icons stay on this site."""
    for name, path in html_pages.items():
        doc = soup_of(path)
        for tag in doc.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            assert not (url and EXTERNAL.match(url)), f"{name}: {tag}"
        for style in doc.find_all("style"):
            assert "@import" not in style.get_text() and "fonts.googleapis" not in style.get_text(), name


def test_no_web_font_and_a_chinese_font_stack(site_dir: Path, soup):
    assert not soup("").select('link[href*="fonts.googleapis"]')
    css = (site_dir / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    assert "Microsoft YaHei" in css and "Noto Sans CJK SC" in css


def test_polyfill_is_vendored_not_unpkg(soup):
    scripts = [s.get("src", "") for s in soup("").find_all("script")]
    assert any(s.endswith("assets/vendor/iframe-worker-shim.js") for s in scripts)
    assert not any("unpkg" in s for s in scripts)


def test_chinese_heading_anchors(soup):
    page = soup("sections/opening/")
    ids = [h["id"] for h in page.select("article h2[id]")]
    assert "模板" in ids and "示例" in ids
    assert not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_search_index_uses_jieba_and_keeps_phrases_whole(site_dir: Path):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert r"\u200b" in index["config"]["separator"]  # a separator without it kills Chinese search
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b一岗双责\u200b" in text, "the jieba user dictionary did not keep 一岗双责 whole"


def test_search_worker_is_patched(site_dir: Path):
    worker = next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    code = worker.read_text(encoding="utf-8")
    assert re.search(r"for\(let (\w+)=\w+\+1;\1<=\w+\.length;", code)


def test_no_traceback_marker_or_jinja_left_in_pages_or_index(site_dir: Path, html_pages):
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    for bad in ("Traceback", "Macro Rendering Error", "StrictUndefined"):
        assert bad not in index, bad
    assert not any(ch in index for ch in render.MARKERS)
    for name, path in html_pages.items():
        doc = soup_of(path)
        raw = str(doc)
        assert "Traceback" not in raw and "Macro Rendering Error" not in raw, name
        assert not any(ch in raw for ch in render.MARKERS), name
        for code in doc.find_all(["code", "pre"]):
            code.decompose()  # the contributing guide shows Jinja syntax on purpose
        text = doc.get_text()
        assert "{{" not in text and "{%" not in text, name


def test_template_page_has_blocks_with_exact_copy_text(soup):
    page = soup("sections/opening/")
    blocks = page.select(".hb-block")
    assert len(blocks) >= 4  # two variants + two examples
    for block in blocks:
        button = block.select_one("button.hb-copy")
        copied = button["data-copy"]
        assert copied and "提示" not in copied and "\u200b" not in copied
        visible = block.select_one(".hb-block__body")
        for hint in visible.select(".hb-hint, .hb-move"):
            hint.decompose()
        assert copied.replace("\n", "") == visible.get_text("", strip=True)


def test_page_size_does_not_grow_with_samples(soup):
    """navigation.prune: a page carries only its own section of the nav."""
    page = soup("about/conventions/")
    assert len(page.select("nav.md-nav--primary a")) < 40


# ---------------------------------------------------------------------------
# Loud failures: a page that calls a macro wrongly stops the build, one line
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory):
    return tmp_path_factory.mktemp("broken")


@pytest.mark.parametrize("call, expected", [
    ('{{ nosuch_macro("x") }}', "docs/bad.md: unknown name in a macro call: 'nosuch_macro' is undefined"),
    ('{{ template("nosuch") }}', "docs/bad.md: templates/sections: unknown section template 'nosuch'"),
    ('{{ template("opening", colour="red") }}', "docs/bad.md: macro template() [bad arguments]"),
    ('{{ section_page("opening", "extra") }}', "docs/bad.md: macro section_page() [bad arguments]"),
    ('{{ template("opening", "nosuch-variant") }}', "unknown variant 'nosuch-variant'"),
])
def test_bad_macro_call_fails_build_with_one_line(tmp_path, call, expected):
    site = fixture_site(tmp_path / "site", {"index.md": "# 首页\n", "bad.md": f"# 坏页面\n\n{call}\n"})
    proc = build_fixture(site, tmp_path / "out")
    assert proc.returncode != 0
    log = proc.stdout + proc.stderr
    lines = [l for l in log.splitlines() if "docs/bad.md" in l]
    assert len(lines) == 1, log
    assert expected.split(" [")[0] in lines[0], lines[0]
    assert "Traceback" not in log


def test_the_fixture_site_builds_a_good_page(tmp_path):
    """The small site itself works: a good macro call renders (so the failures above are the calls')."""
    site = fixture_site(tmp_path / "site", {"index.md": '# 首页\n\n{{ template("opening", "team") }}\n'})
    proc = build_fixture(site, tmp_path / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "hb-slot" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_bad_template_data_fails_build_naming_file_and_field(tmp_path):
    root = project_copy(tmp_path / "proj")
    examples = root / "templates" / "examples.yml"
    examples.write_text(examples.read_text(encoding="utf-8").replace("year: 2025", "year: 明年", 1), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                          cwd=root, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert proc.returncode != 0
    log = proc.stdout + proc.stderr
    assert "templates/examples.yml [city-finance-2025.values.year]: expected a year" in log
    assert "Traceback" not in log


def test_a_dirty_rebuild_keeps_the_search_words(tmp_path):
    """mkdocs serve --dirty used to crash on its first build ("no search index to extend"):
    Material writes the merged index after our hook, so the hook now lets it write first."""
    out = tmp_path / "site"
    for _ in range(2):  # the first dirty build has no index yet; the second merges with it
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "-d", str(out)],
                              cwd=paths.ROOT, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
        assert proc.returncode == 0, proc.stderr[-2000:]
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "words" in index["config"]["fields"] and any("words" in d for d in index["docs"])


CJK_GAP = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’][ \t\n\u00a0]+[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]")


def test_no_stray_spaces_inside_chinese_text(html_pages):
    """Folded YAML put spaces between Chinese characters (学习教育， 概括全年主线): none in any page's text.

    Whitespace at an element's edge (between a bold heading and its text) is layout, not text: each
    text node is checked on its own; code and scripts are left out."""
    found = []
    for name, path in html_pages.items():
        article = soup_of(path).select_one("article")
        if article is None:
            continue
        for tag in article.find_all(["pre", "code", "script", "style", "textarea"]):
            tag.decompose()
        for node in article.find_all(string=True):
            found += [(name, str(node)[max(0, m.start() - 6):m.end() + 6]) for m in CJK_GAP.finditer(str(node))]
    assert not found, found[:10]
    assert CJK_GAP.search("学习教育， 概括全年主线") and not CJK_GAP.search("学习教育，概括全年主线")
