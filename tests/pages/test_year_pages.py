"""年度提法速查: one generated page per calendar year, and the home page's ways in."""
from __future__ import annotations

import pytest

from macros.base.errors import HandbookError
from macros.content.calendar import load_calendar
from macros.pages import years

CAL = load_calendar()


@pytest.mark.parametrize("year", CAL.years)
def test_every_covered_year_has_its_page_from_the_calendar(soup, year):
    text = soup(f"years/{year}/").select_one("article").get_text("", strip=True)
    assert f"{year}年度提法速查" in text
    assert CAL.spirit(year) in text
    campaign = CAL.campaign(year)
    if campaign:
        assert campaign.label in text and all(s in text for s in campaign.slogans)
    else:
        assert "本年度没有全党集中开展的学习教育" in text
    assert all(f in text for f in CAL.followups(year))
    assert CAL.plan(year).label in text


def test_a_year_the_calendar_does_not_cover_has_no_page(site_dir):
    assert not (site_dir / "years" / str(CAL.first_year - 1)).exists()
    assert not (site_dir / "years" / str(CAL.last_year + 1)).exists()
    with pytest.raises(HandbookError, match="not covered"):
        years.year_page(CAL.last_year + 1)


def test_a_finished_campaign_is_listed_with_its_follow_up(soup):
    """2024 report: the 2023 主题教育 is no longer current; its follow-up is what to write."""
    rows = soup("years/2024/").select("article table")[-1].select("tr")
    cells = {r.select("td")[0].get_text(strip=True): r.select("td")[2].get_text(strip=True) for r in rows[1:]}
    assert cells["学习贯彻习近平新时代中国特色社会主义思想主题教育"] == "巩固拓展主题教育成果"


def test_the_index_lists_every_year_newest_first(soup):
    links = [a.get_text(strip=True) for a in soup("years/").select("article li a")]
    assert links == [f"{y}年度提法速查" for y in reversed(CAL.years)]


def test_home_page_leads_to_the_tools_years_and_samples(soup):
    hrefs = [a["href"] for a in soup("").select(".hb-ways a")]
    for target in ("tools/draft/", "tools/check/", "years/", "samples/", "genres/", "sections/", "phrases/"):
        assert any(h.rstrip("/").endswith(target.rstrip("/")) for h in hrefs), target


def test_no_footer_link_without_a_title(html_pages):
    bad = [name for name, path in html_pages.items() if ": None\"" in path.read_text(encoding="utf-8")]
    assert not bad, bad
