"""macros/genres.py: report-type data, strict loading, pages and the skeleton's Word file."""
from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest
import yaml
from conftest import project_copy

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import genres, sections
from macros.engine import render, word
from macros.pages import genres as genre_pages

# The shared contract (see README): report-type slugs and section slugs.
AGREED_GENRES = {"team-duty-report", "personal-duty-report", "secretary-responsibility-report",
                 "leader-supervision-report", "personal-appraisal-report"}
AGREED_SECTIONS = {"title", "opening", "political-building", "primary-responsibility", "ideology", "organisation",
                   "work-style", "eight-rules", "discipline", "personal-integrity", "team-integrity", "rule-of-law",
                   "ability", "diligence", "main-business", "supervision", "supervision-top-leader",
                   "supervision-peer", "supervision-lower", "power-operation", "internal-inspection", "accountability",
                   "support-discipline", "leading-team", "rectification", "problems",
                   "causes", "next-steps", "closing"}
PAGE_SECTIONS = ["是什么、谁来写、向谁报告", "何时报送、依据什么规定", "骨架", "通知要求的部分", "审核要点", "常见错误",
                 "样本", "Word 下载"]


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python tags; the nav needs none of them."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_genre_pages() -> dict[str, str]:
    config = yaml.load((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    for entry in config["nav"]:
        if "报告类型" in entry:
            return {list(e.values())[0]: list(e)[0] for e in entry["报告类型"]
                    if isinstance(e, dict) and list(e.values())[0] != "genres/index.md"}
    raise AssertionError("no 报告类型 in nav")


def test_the_four_agreed_genres_load():
    assert set(genres.all_genres()) == AGREED_GENRES


def test_skeletons_use_agreed_section_slugs_once_each():
    assert set(genres.SECTION_TITLES) == AGREED_SECTIONS
    for g in genres.all_genres().values():
        slugs = [i.section for i in g.items()]
        assert set(slugs) <= AGREED_SECTIONS, g.slug
        assert len(slugs) == len(set(slugs)), g.slug
        assert slugs[0] == "title" and slugs[1] == "opening", g.slug
        assert {"problems", "next-steps"} <= set(slugs), g.slug


def test_every_genre_has_a_page_in_nav_and_back():
    nav = nav_genre_pages()
    pages = {p.stem for p in (paths.DOCS / "genres").glob("*.md") if p.stem != "index"}
    assert pages == AGREED_GENRES
    assert {Path(p).stem for p in nav} == AGREED_GENRES
    for page, title in nav.items():
        assert title == genres.get_genre(Path(page).stem).title


def test_regulations_are_named_exactly():
    def names(slug: str) -> list[str]:
        return [b.name + b.issued for b in genres.get_genre(slug).basis]

    assert "《党委（党组）落实全面从严治党主体责任规定》2020年3月印发" in names("secretary-responsibility-report")
    assert "《中共中央关于加强对“一把手”和领导班子监督的意见》2021年3月" in names("leader-supervision-report")
    for g in genres.all_genres().values():
        for b in g.basis:
            assert b.name.startswith("《") == b.name.endswith("》"), (g.slug, b.name)


def test_word_skeleton_numbers_parts_as_text_and_holds_written_templates():
    g = genres.get_genre("team-duty-report")
    texts = word.paragraph_texts(genres.skeleton_texts(g))
    h1 = [t for t in texts if word.paragraph_kind(t) == "h1"]
    assert h1 == [f"{n}、{p.heading}" for n, p in zip("一二三四五", [p for p in g.skeleton if p.heading])]
    # Under each 一、 the （一）（二）… run in order from （一）.
    current: list[str] = []
    for t in texts:
        kind = word.paragraph_kind(t)
        if kind == "h1":
            current = []
        elif kind == "h2":
            current.append(t[1])
            assert "".join(current) == "一二三四五六七八九十"[:len(current)], t
    templates = sections.all_sections()
    for item in g.items():
        if item.section in templates and item.section != "title":
            variant = genres.section_variant(g, templates[item.section], g.variants[0])
            body = [t for t in word.paragraph_texts(sections.render_variant(templates[item.section], variant))
                    if word.paragraph_kind(t) == "body"]
            assert body and body[-1] in texts, item.section
        elif item.section not in templates:
            assert any(t.startswith(f"【{item.title}") for t in texts), item.section


def test_genre_titles_come_from_the_title_template_when_written():
    for g in genres.all_genres().values():
        title, _ = genres.document_title(g)
        assert "【" in title and "\n" not in title, g.slug
    if "title" in sections.all_sections():
        assert "述职述廉" in genres.document_title(genres.get_genre("personal-duty-report"))[0]
        assert "汇报" in genres.document_title(genres.get_genre("leader-supervision-report"))[0]


# ---------------------------------------------------------------------------
# Strict data: one line naming file and field
# ---------------------------------------------------------------------------

GOOD = """\
    title: 示范报告
    summary: s
    subject: 班子
    doc_title: 【单位名称】报告
    variant: [team]
    what: w
    who: w
    to_whom: t
    when: w
    basis: [{name: 有关规定}]
    skeleton:
      - {section: title, length: 一行}
      - part: 情况
        sections:
          - {section: opening, length: 100字}
    review: [r]
    mistakes: [m]
    """


def _write(tmp_path: Path, text: str, name: str = "demo-report") -> Path:
    folder = tmp_path / "genres"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_good_fixture_loads(tmp_path):
    g = genres.load_genre(_write(tmp_path, GOOD))
    assert [p.heading for p in g.skeleton] == [None, "情况"] and g.items()[1].required


@pytest.mark.parametrize("change, field, words", [
    (("section: opening", "section: preface"), "skeleton[1].sections[0].section", "unknown section slug 'preface'"),
    (("    who: w\n", ""), "who", "required field is missing"),
    (("review: [r]", "review: []"), "review", "non-empty list"),
    (("length: 100字", "length: 100字, colour: red"), "skeleton[1].sections[0].colour", "unknown field"),
    (("{section: title, length: 一行}", "{section: title}"), "skeleton[0].length", "required field is missing"),
    (("section: opening", "section: title"), "skeleton[1]", "appears twice"),
    (("variant: [team]", "variant: 3"), "variant", "expected a variant id"),
    (("    variant: [team]\n", ""), "variant", "required field is missing"),
    (("variant: [team]", "variant: [team, chair]"), "variant[1]", "unknown voice 'chair'"),
    (("variant: [team]", "variant: [team, team]"), "variant", "listed twice"),
])
def test_bad_genre_data_fails_with_one_line(tmp_path, change, field, words):
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(HandbookError) as info:
        genres.load_genre(path)
    line = info.value.line()
    assert "demo-report.yml" in line and f"[{field}]" in line and words in line and "\n" not in line, line


def test_bad_slug_in_file_name(tmp_path):
    with pytest.raises(HandbookError, match="is not a slug"):
        genres.load_genre(_write(tmp_path, GOOD, name="Bad_Name"))


def test_unknown_genre_and_part():
    with pytest.raises(HandbookError, match="unknown report type 'nosuch'"):
        genre_pages.skeleton_table("nosuch")
    with pytest.raises(HandbookError, match="unknown part"):
        genre_pages.page_part("team-duty-report", "history")


def test_bad_genre_stops_the_build_with_one_line(tmp_path):
    root = project_copy(tmp_path / "proj")
    path = root / "templates" / "genres" / "team-duty-report.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("section: causes", "section: reasons"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                          cwd=root, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert proc.returncode != 0
    errors = [line for line in (proc.stdout + proc.stderr).splitlines() if "ERROR" in line]
    assert len(errors) == 1 and "templates/genres/team-duty-report.yml" in errors[0], errors
    assert "unknown section slug 'reasons'" in errors[0]
    assert "Traceback" not in proc.stdout + proc.stderr


# ---------------------------------------------------------------------------
# The built pages
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("slug", sorted(AGREED_GENRES))
def test_genre_page_has_the_sections_in_order(soup, site_dir, slug):
    page = soup(f"genres/{slug}/")
    article = page.select_one("article")
    assert article.h1.get_text(strip=True).rstrip("¶") == genres.get_genre(slug).title
    assert [h.get_text("", strip=True).rstrip("¶") for h in article.select("h2")] == PAGE_SECTIONS
    # Skeleton: one row per section, linked exactly when the section's page exists.
    g = genres.get_genre(slug)
    table = article.select_one("table")
    rows = [tr for tr in table.select("tbody tr") if "必备" in tr.get_text() or "可选" in tr.get_text()]
    assert len(rows) == len(g.items()) + sum(1 for p in g.skeleton if p.heading)
    for item in g.items():
        exists = (paths.DOCS / "sections" / f"{item.section}.md").exists()
        links = table.select(f'a[href="../../sections/{item.section}/"]')
        assert bool(links) == exists, (slug, item.section)
        if exists:
            assert (site_dir / "sections" / item.section / "index.html").is_file()
    # The copy button holds the whole skeleton as plain text, with no instruction or marker in it.
    copied = article.select_one(".hb-skeleton-copy button.hb-copy")["data-copy"]
    assert copied.splitlines()[0] == genres.document_title(g)[0]
    assert not any(ch in copied for ch in render.MARKERS)
    # Word: the whole skeleton, linked from the page and built.
    link = article.select("a.hb-download")[-1]
    assert link["href"] == f"../../downloads/genres/{slug}.docx"
    # Every relative link of the page (samples, sections, downloads) lands on a built file.
    page_dir = site_dir / "genres" / slug
    for a in article.select("a[href]"):
        href = a["href"].split("#")[0]
        if href and not href.startswith(("http:", "https:", "mailto:")):
            target = (page_dir / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (slug, a["href"])
    data = (site_dir / "downloads" / "genres" / f"{slug}.docx").read_bytes()
    paras = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert paras == copied.splitlines()  # the file and the copied text agree paragraph for paragraph


def test_genre_index_lists_every_type(soup):
    page = soup("genres/")
    links = {a["href"]: a.get_text(strip=True) for a in page.select("article table a")}
    assert links == {f"{g.slug}/": g.title for g in genres.all_genres().values()}
    assert "建设中" not in page.select_one("article").get_text()
