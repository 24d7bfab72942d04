"""The report-type pages, built: where a typical notice asks for each part.

The skeleton table has a column per notice type that asks something of the report type,
✓ in exactly the rows of the parts it asks for; the 通知要求的部分 part names each notice
and, for each part it asks for, the words it usually asks in.
"""
from __future__ import annotations

import pytest

from macros.base import vocabulary
from macros.content import genres, notices

GENRES = sorted(genres.all_genres())


def _article(soup, slug):
    return soup(f"genres/{slug}/").select_one("article")


def _section_of(row, slug):
    """The section slug of a skeleton row (its link, or its title when no page exists)."""
    link = row.select_one('a[href^="../../sections/"]')
    if link is not None:
        return link["href"].rstrip("/").split("/")[-1]
    text = row.select("td")[1].get_text(strip=True)
    return next((s for s, t in vocabulary.SECTIONS.items() if t == text), None)


@pytest.mark.parametrize("slug", GENRES)
def test_the_skeleton_marks_what_each_notice_asks_for(soup, slug):
    asked = notices.for_genre(slug)
    table = _article(soup, slug).select_one("table")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert heads == ["顺序", "部分", "必备", "常见篇幅", *[n.short for n in asked], "说明"], slug
    g = genres.get_genre(slug)
    rows = table.select("tbody tr")
    assert len(rows) == len(g.items()) + sum(1 for p in g.skeleton if p.heading)
    marked = {n.id: set() for n in asked}
    for row in rows:
        cells = row.select("td")
        section = _section_of(row, slug)
        for i, n in enumerate(asked):
            mark = cells[4 + i].get_text(strip=True)
            assert mark in ("", "✓"), (slug, mark)
            if mark:
                marked[n.id].add(section)
    for n in asked:
        expected = set(n.asks[slug]) & {i.section for i in g.items()}
        assert marked[n.id] == expected, (slug, n.id)


@pytest.mark.parametrize("slug", GENRES)
def test_the_notices_part_says_how_each_notice_asks_for_each_part(soup, slug):
    article = _article(soup, slug)
    heading = next(h for h in article.select("h2") if h.get_text(strip=True).rstrip("¶") == "通知要求的部分")
    text = []
    tables = []
    for el in heading.find_next_siblings():
        if el.name == "h2":
            break
        text.append(el.get_text(""))  # tooltips (a.hb-term) sit inside the words
        if el.name == "table":
            tables.append(el)
    body = "\n".join(text)
    asked = notices.for_genre(slug)
    assert asked, slug  # every report type is asked for by some typical notice
    assert len(tables) == len(asked)
    order = [i.section for i in genres.get_genre(slug).items()]
    for n, table in zip(asked, tables):
        assert n.title in body and n.description in body
        rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
        assert [r[1] for r in rows] == [n.asks[slug][s] for s in
                                       sorted(n.asks[slug], key=lambda s: order.index(s) if s in order else len(order))]
        for (part, _), section in zip(rows, sorted(n.asks[slug], key=lambda s: order.index(s) if s in order
                                                     else len(order))):
            assert part.startswith(vocabulary.SECTIONS[section]), (slug, part)
            assert ("骨架未列" in part) == (section not in order), (slug, part)


def test_a_notice_that_asks_nothing_of_a_genre_has_no_column(soup):
    """The 年度考核 notice asks nothing of the 书记's report: no column for it there."""
    appraisal = notices.all_notices()["annual-appraisal"]
    assert "secretary-responsibility-report" not in appraisal.asks
    heads = [th.get_text(strip=True) for th in
             _article(soup, "secretary-responsibility-report").select_one("table").select("thead th")]
    assert appraisal.short not in heads
