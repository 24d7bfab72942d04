"""macros/section_pages.py and the built /sections/<slug>/ pages."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import sections
from macros.content import slots as data
from macros.engine import render
from macros.pages import sections as section_pages

SLUGS = list(sections.all_sections())


def _nav_sections() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml has !ENV and !!python tags: read the nav only.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    group = next(item["段落模板"] for item in nav if isinstance(item, dict) and "段落模板" in item)
    # The group's own index page (its nav title) is not a section template.
    return [list(e.values())[0] for e in group if isinstance(e, dict) and list(e.values())[0] != "sections/index.md"]


def test_every_template_has_a_page_in_nav_and_every_page_a_template():
    pages = {p.stem for p in (paths.DOCS / "sections").glob("*.md")} - {"index"}
    assert pages == set(SLUGS)
    assert _nav_sections() == [f"sections/{s}.md" for s in SLUGS]  # reading order


def test_every_page_names_its_slug_once():
    """The page holds its title and one macro call; the parts come from PARTS, in order."""
    for slug in SLUGS:
        text = (paths.DOCS / "sections" / f"{slug}.md").read_text(encoding="utf-8")
        calls = re.findall(r"\{\{.*?\}\}", text)
        assert calls == [f'{{{{ section_page("{slug}") }}}}'], slug
        made = section_pages.section_page(slug)
        assert re.findall(r"^## (.+)$", made, re.M) == list(section_pages.HEADINGS), slug


def test_slot_table_has_a_row_per_slot_with_type_constraint():
    table = section_pages.slot_table("political-building").splitlines()
    tpl = sections.get_section("political-building")
    assert len(table) == 2 + len(tpl.slots)
    # Users see the slot's label, never its developer id (study_count).
    label = next(s.label for s in tpl.slots if s.name == "study_count")
    count_row = next(r for r in table if f"【{label}】" in r)
    assert "study_count" not in "\n".join(table)
    assert "非负整数" in count_row and "| 12 |" in count_row


def test_text_by_move_gives_each_move_its_sentence():
    tpl = sections.get_section("opening")
    texts = section_pages.text_by_move(sections.render_variant(tpl, "team"))
    assert list(texts) == [m.id for m in tpl.moves]
    assert texts["context"].startswith("【年度】年，在【上级党委政府】")
    assert texts["lead-in"].endswith("请予评议。")
    assert not any(ch in render.MARKERS for t in texts.values() for ch in t)


def test_template_part_has_a_year_switch_latest_first():
    tpl = sections.get_section("political-building")  # a campaign a year: 2026 is an era of its own
    made = section_pages.section_part("political-building", "template")
    labels = re.findall(r'^\s+=== "(\d{4}(?:—\d{4})?年度)"$', made, re.M)
    per_variant = [e.label for e in sections.eras(tpl, "team")]
    assert labels[:len(per_variant)] == per_variant and per_variant[0] == "2026年度"
    assert len(labels) == sum(len(sections.eras(tpl, v.id)) for v in tpl.variants)
    assert "按2019年度的提法" in made and "扎实开展“不忘初心、牢记使命”主题教育" in made
    # A template with no year-dependent wording has no switch.
    assert "年度\"" not in section_pages.section_part("title", "template")
    assert "2019—2026年度通用" in section_pages.section_part("title", "template")


def test_only_the_latest_year_goes_into_search():
    made = section_pages.section_part("political-building", "template")
    bodies = re.findall(r'<div class="hb-block__body" lang="zh-CN"( data-search-exclude)?>', made)
    assert bodies.count("") == len(sections.get_section("political-building").variants)
    assert bodies.count(" data-search-exclude") > 0


def test_unknown_part_is_one_line():
    with pytest.raises(HandbookError, match=r"section_part\('opening', 'nope'\).*unknown part"):
        section_pages.section_part("opening", "nope")


def test_genre_link_only_when_the_genre_page_exists(tmp_path):
    tpl = sections.get_section("opening")
    assert "](../genres/" not in section_pages.genre_links(tpl, docs=tmp_path)
    (tmp_path / "genres").mkdir()
    (tmp_path / "genres" / "team-duty-report.md").write_text("# x\n", encoding="utf-8")
    links = section_pages.genre_links(tpl, docs=tmp_path)
    assert links.count("](../genres/") == 1 and "[领导班子述责述廉报告](../genres/team-duty-report.md)" in links


# ---------------------------------------------------------------------------
# The built pages
# ---------------------------------------------------------------------------

def _h2(page) -> list[str]:
    return [h.get_text().rstrip("¶").strip() for h in page.select("article h2")]


@pytest.mark.parametrize("slug", SLUGS)
def test_built_page_has_every_part_blocks_and_copy_texts(soup, slug):
    page = soup(f"sections/{slug}/")
    tpl = sections.get_section(slug)
    assert _h2(page) == list(section_pages.HEADINGS)
    assert page.select_one("article h1").get_text().rstrip("¶") == tpl.title
    templates = page.select(".hb-block--template")
    examples = page.select(".hb-block--example")
    runs = {v.id: sections.eras(tpl, v.id) for v in tpl.variants}
    assert len(templates) == sum(len(r) for r in runs.values()) and len(examples) == len(tpl.examples) >= 2
    # Every template box says which report years' wording it shows.
    captions = [b.select_one(".hb-block__caption").get_text() for b in templates]
    expected = [f"模板 · {v.label} · " + ("2019—2026年度通用" if len(runs[v.id]) == 1 else f"按{e.label}的提法")
                for v in tpl.variants for e in runs[v.id]]
    assert captions == expected, slug
    for block in templates:
        copied = block.select_one("button.hb-copy")["data-copy"]
        assert "【" in copied and not any(ch in render.MARKERS for ch in copied), slug
    for block in examples:
        copied = block.select_one("button.hb-copy")["data-copy"]
        assert block.select("mark.hb-fill"), slug  # filled values are marked
        assert "【" not in copied and "】" not in copied
        assert not render.INVISIBLE_RE.search(copied) and not any(ch in render.MARKERS for ch in copied)
        body = block.select_one(".hb-block__body")
        for extra in body.select(".hb-hint, .hb-move"):
            extra.decompose()
        assert copied.replace("\n", "") == body.get_text("", strip=True)
        assert copied.count("\n") == len(body.select("p")) - 1  # one line per paragraph
    assert len(page.select(".hb-note")) == len(tpl.moves)
    slot_rows = page.select("article table")[1].select("tbody tr")
    assert len(slot_rows) == len(tpl.slots)


def _resolve(site_dir: Path, page_path: str, href: str) -> tuple[Path, str]:
    url = urlparse(href)
    base = (site_dir / page_path).parent if not page_path.endswith("/") else site_dir / page_path
    target = (base / unquote(url.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, url.fragment


@pytest.mark.parametrize("slug", SLUGS)
def test_every_link_on_a_section_page_resolves(site_dir, soup, slug):
    page = soup(f"sections/{slug}/")
    for a in page.select("article a[href]"):
        href = a["href"]
        if href.startswith(("#", "http")):
            continue
        target, fragment = _resolve(site_dir, f"sections/{slug}/", href)
        assert target.exists(), (slug, href)
        if fragment and target.suffix == ".html":
            assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), (slug, href)


def test_word_download_link(soup, site_dir):
    page = soup("sections/opening/")
    links = page.select('a[href$=".docx"]')
    assert links and (site_dir / "downloads" / "sections" / "opening.docx").exists()


def test_related_phrases_and_sample_paragraphs_are_listed(soup):
    page = soup("sections/discipline/")
    text = page.select_one("article").get_text()
    assert "一体推进不敢腐、不能腐、不想腐" in text
    assert page.select('a[href*="samples/"]')


def test_index_lists_every_section_in_reading_order(soup):
    rows = soup("sections/").select("article table tbody tr")
    assert [r.select_one("a")["href"].strip("./").split("/")[0] for r in rows] == SLUGS


def test_example_values_are_fictional_and_every_set_has_every_slot():
    catalog = data.slot_catalog()
    for s in data.example_sets().values():
        assert set(s.values) == set(catalog), s.slug
        assert "某" not in "".join(str(v) for v in s.values.values()), s.slug


def test_tools_offer_exactly_the_calendars_years():
    from macros.content.calendar import load_calendar
    from macros.pages import tools

    years = list(load_calendar().years)
    data = tools.draft_data()
    assert data["years"] == years and data["default_year"] == years[-1]
    assert all(set(by_year) == {str(y) for y in years}
               for sec in data["sections"].values() for by_year in sec["variants"].values())
    options = re.findall(r'<option value="(\d{4})"', tools.check_tool("tools/check/"))
    assert options == [str(y) for y in reversed(years)]


def test_the_drafting_tool_offers_each_report_type_only_its_own_variants():
    """A personal report must not offer the 领导班子 / 书记 / 监督汇报 wording (…领导班子…述责述廉报告)."""
    from macros.content import assemble, genres
    from macros.pages import tools

    offered = {g["slug"]: [v["id"] for v in g["variants"]] for g in tools.draft_data()["genres"]}
    for slug, genre in genres.all_genres().items():
        assert offered[slug] == assemble.genre_variants(genre), slug
    assert not {"team", "secretary", "leader-supervision-report", "team-duty-report"} & set(offered["personal-duty-report"])
