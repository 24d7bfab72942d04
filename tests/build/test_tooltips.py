"""macros/tooltips.py: phrase tooltips in running text, on synthetic HTML and on the real built site."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from macros.build import tooltips
from macros.content import phrases

TERM_RE = re.compile(r'<a class="hb-term" href="[^"]*" title="[^"]*">([^<]*)</a>')


def _href(ph: phrases.Phrase) -> str:
    return f"/phrases/{ph.group}/#{ph.id}"


def _terms(html: str) -> list[str]:
    return [a.get_text() for a in BeautifulSoup(html, "html.parser").select("a.hb-term")]


def test_running_text_gets_a_tooltip_link_with_meaning():
    out = tooltips.annotate("<p>班子成员认真落实“一岗双责”。</p>", _href)
    soup = BeautifulSoup(out, "html.parser")
    a = soup.select_one("a.hb-term")
    assert a.get_text() == "一岗双责"
    assert a["href"] == "/phrases/fixed-formulations/#yi-gang-shuang-ze"
    assert a["title"].startswith("一岗双责：") and phrases.get_phrase("yi-gang-shuang-ze").meaning in a["title"]
    assert soup.get_text() == "班子成员认真落实“一岗双责”。"


def test_only_the_first_occurrence_per_page_and_longest_match():
    html = "<p>加强党风廉政建设。</p><p>党风廉政建设责任制。党风廉政建设。</p>"
    out = tooltips.annotate(html, _href)
    assert _terms(out) == ["党风廉政建设", "党风廉政建设责任制"]


def test_dated_phrases_say_their_years():
    """The years come from the entry (its dates follow the calendar): 党纪学习教育 is 2024's campaign."""
    from macros.pages.phrases import validity

    ph = next(p for p in phrases.load_library().values() if p.phrase == "党纪学习教育")
    assert ph.valid_from == 2024
    out = tooltips.annotate("<p>扎实开展党纪学习教育。</p>", _href)
    title = BeautifulSoup(out, "html.parser").select_one("a.hb-term")["title"]
    assert validity(ph) and f"适用：{validity(ph)}" in title and "2024年度" in title


SKIPPED = [
    "<h2>一岗双责</h2>", "<h3 id='x'>落实一岗双责</h3>", "<code>一岗双责</code>", "<pre>一岗双责</pre>",
    "<a href='#'>一岗双责</a>", "<button>一岗双责</button>", "<abbr title='x'>一岗双责</abbr>",
    "<span class='hb-slot'>【一岗双责】</span>", "<span class='hb-hint'>写一岗双责</span>",
    "<div data-search-exclude><span>一岗双责</span></div>", "<script>var a='一岗双责';</script>",
    "<p><span class='hb-copy__text x hb-copy'>一岗双责</span></p>",
]


def test_code_headings_links_buttons_abbr_slots_hints_are_left_alone():
    for html in SKIPPED:
        assert tooltips.annotate(html, _href) == html, html


def test_markup_is_kept_byte_for_byte():
    html = ('<div class="hb-block"><button type="button" class="hb-copy" data-copy="落实一岗双责&#10;第二段">'
            '<span class="hb-copy__text">复制</span></button><p lang="zh-CN">A &amp; B<br>落实'
            '<span class="hb-slot">【单位】</span>一岗双责<!-- note --></p><img src="x.png" alt="一岗双责"/></div>')
    out = tooltips.annotate(html, _href)
    assert TERM_RE.sub(r"\1", out) == html
    assert _terms(out) == ["一岗双责"]


def test_phrase_pages_are_not_annotated():
    assert tooltips.annotate_page("<p>一岗双责</p>", "phrases/index.md", "phrases/", None) == "<p>一岗双责</p>"


# ---------------------------------------------------------------------------
# The real site
# ---------------------------------------------------------------------------

def _article(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


def test_every_page_outside_the_library_gets_tooltips_that_resolve(site_dir: Path, html_pages):
    ids_by_page: dict[str, set[str]] = {}
    pages_with_terms = 0
    for name, path in html_pages.items():
        article = _article(path)
        if article is None:
            continue
        terms = article.select("a.hb-term")
        if name.startswith("phrases/"):
            assert not terms, name
            continue
        pages_with_terms += bool(terms)
        seen = [a.get_text() for a in terms]
        assert len(seen) == len(set(seen)), f"{name}: a phrase linked twice"
        for a in terms:
            assert a["title"] and a.get_text() in a["title"]
            assert not a.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "button", "abbr"]), name
            assert not a.find_parent(class_=["hb-slot", "hb-hint", "hb-copy"]) and a.find_parent("a") is None, name
            href = a["href"]
            target = (path.parent / href.split("#")[0]).resolve() / "index.html"
            anchor = href.split("#")[1]
            if target not in ids_by_page:
                ids_by_page[target] = {t["id"] for t in BeautifulSoup(target.read_text(encoding="utf-8"),
                                                                      "html.parser").select("[id]")}
            assert anchor in ids_by_page[target], f"{name}: {href}"
    assert pages_with_terms >= 10


def test_copy_buttons_copy_the_same_text_with_and_without_tooltips(site_dir: Path):
    """Strip the tooltip links from a built page and annotate again: identical page, identical data-copy."""
    from mkdocs.utils import get_relative_url

    for url in ("sections/opening/", "samples/2022-leader-supervision/", "about/conventions/"):
        built = (site_dir / url / "index.html").read_text(encoding="utf-8")
        before = TERM_RE.sub(r"\1", built)
        assert before != built, url  # the page has tooltips at all

        def href(ph, url=url):
            return get_relative_url(f"phrases/{ph.group}/", url) + f"#{ph.id}"

        body_start = before.index('<article')
        body_end = before.index('</article>')
        again = before[:body_start] + tooltips.annotate(before[body_start:body_end], href) + before[body_end:]
        assert again == built, url
        copies = lambda doc: [b["data-copy"] for b in BeautifulSoup(doc, "html.parser").select("[data-copy]")]
        assert copies(built) == copies(before) and all("hb-term" not in c for c in copies(built))


def test_opening_example_copy_text_has_no_tooltip_markup(soup):
    from macros.content import sections
    from macros.engine import render

    tpl = sections.get_section("opening")
    expected = render.to_plain(sections.render_example(tpl, tpl.examples[0]))
    buttons = soup("sections/opening/").select(".hb-block--example button.hb-copy")
    assert expected in [b["data-copy"] for b in buttons]


def test_sample_text_kept_out_of_search_still_gets_tooltips():
    # Sample bodies carry data-search-exclude for the index's size, not because they are UI.
    html = ('<p class="hb-sample-para__text" data-search-exclude>班子成员认真落实“一岗双责”。</p>'
            '<div class="hb-tool" data-search-exclude>认真落实“一岗双责”</div>')
    assert _terms(tooltips.annotate(html, _href)) == ["一岗双责"]
    assert 'data-search-exclude>认真落实“一岗双责”</div>' in tooltips.annotate(html, _href)
